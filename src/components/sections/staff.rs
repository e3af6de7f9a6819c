//! Section "Équipe et postes": criterion 6, the positions and their funding year by year.

use crate::components::fields::*;
use crate::i18n::tr;
use fabrique_core::dossier::{Position, BUDGET_YEARS};
use leptos::prelude::*;

/// The positions.
#[component]
pub fn StaffForm(
    /// The dossier being edited.
    editing: Editing,
) -> impl IntoView {
    view! {
        <p class="help">{tr(
            "Critère 6 de l'AMI : le financement d'un poste en équivalent temps plein. Indiquez pour chaque année qui finance le poste et si ce financement est acquis.",
            "AMI criterion 6: the funding of one full-time-equivalent position. For each year, say who funds the position and whether the funding is secured.",
        )}</p>
        {list_editor(
            editing,
            |d| d.staff.len(),
            move |i| view! {
                {text_field(editing, format!("{} {}", tr("Intitulé du poste", "Position title"), i + 1), move |d| d.staff.get(i).map(|p| p.role.clone()).unwrap_or_default(), move |d, v| if let Some(p) = d.staff.get_mut(i) { p.role = v })}
                {fte_field(editing, format!("{} {}", tr("ETP du poste", "FTE of position"), i + 1), move |d| d.staff.get(i).map(|p| p.fte).unwrap_or_default(), move |d, v| if let Some(p) = d.staff.get_mut(i) { p.fte = v })}
                <div class="years">
                    {(0..BUDGET_YEARS).map(|year| view! {
                        <div class="year">
                            {text_field(editing, format!("{} {} — {} {}", tr("Financeur du poste", "Funder of position"), i + 1, tr("année", "year"), year + 1), move |d| d.staff.get(i).map(|p| p.years[year].funded_by.clone()).unwrap_or_default(), move |d, v| if let Some(p) = d.staff.get_mut(i) { p.years[year].funded_by = v })}
                            {check_field(editing, format!("{} {} — {} {}", tr("Financement acquis, poste", "Funding secured, position"), i + 1, tr("année", "year"), year + 1), move |d| d.staff.get(i).is_some_and(|p| p.years[year].secured), move |d, v| if let Some(p) = d.staff.get_mut(i) { p.years[year].secured = v })}
                        </div>
                    }).collect_view()}
                </div>
            }.into_any(),
            |d, i| if i < d.staff.len() { d.staff.remove(i); },
            |d| d.staff.push(Position::default()),
            tr("Ajouter un poste", "Add a position"),
            tr("le poste", "position"),
        )}
    }
}
