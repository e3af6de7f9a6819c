//! Section "Équipe et postes": criterion 6, the positions and who funds each, year by year,
//! with how far each funder's commitment has gone.

use crate::components::fields::*;
use crate::i18n::tr;
use fabrique_core::dossier::{Position, PostFunder, BUDGET_YEARS};
use leptos::prelude::*;

/// The positions.
#[component]
pub fn StaffForm(
    /// The dossier being edited.
    editing: Editing,
) -> impl IntoView {
    view! {
        <p class="help">
            {tr(
                "Critère 6 de l'AMI : le financement d'un poste en équivalent temps plein. Indiquez pour chaque année \
                    qui finance le poste (un ou plusieurs financeurs) et où en est chacun. La subvention demandée à \
                    l'appel ne peut être acquise avant la sélection : elle compte comme prévue.",
                "AMI criterion 6: the funding of one full-time-equivalent position. For each year, say who funds the \
                    position (one funder or several) and how far each has gone. The grant asked of the call cannot be \
                    granted before selection: it counts as planned.",
            )}
        </p>
        {list_editor(
            editing,
            |d| d.staff.len(),
            move |i| {
                view! {
                    {text_field(
                        editing,
                        format!("{} {}", tr("Intitulé du poste", "Position title"), i + 1),
                        move |d| d.staff.get(i).map(|p| p.role.clone()).unwrap_or_default(),
                        move |d, v| {
                            if let Some(p) = d.staff.get_mut(i) {
                                p.role = v;
                            }
                        },
                    )}
                    {fte_field(
                        editing,
                        format!("{} {}", tr("ETP du poste", "FTE of position"), i + 1),
                        move |d| d.staff.get(i).map(|p| p.fte).unwrap_or_default(),
                        move |d, v| {
                            if let Some(p) = d.staff.get_mut(i) {
                                p.fte = v;
                            }
                        },
                    )}
                    <div class="years">
                        {(0..BUDGET_YEARS)
                            .map(|year| {
                                view! {
                                    <div class="year">
                                        <h4>{format!("{} {}", tr("Année", "Year"), year + 1)}</h4>
                                        {funders(editing, i, year)}
                                    </div>
                                }
                            })
                            .collect_view()}
                    </div>
                }
                    .into_any()
            },
            |d, i| {
                if i < d.staff.len() {
                    d.staff.remove(i);
                }
            },
            |d| d.staff.push(Position::default()),
            tr("Ajouter un poste", "Add a position"),
            tr("le poste", "position"),
        )}
    }
}

/// The funders of position `i` in `year`.
fn funders(editing: Editing, i: usize, year: usize) -> AnyView {
    let get = move |d: &fabrique_core::dossier::Dossier, f: usize| -> Option<PostFunder> {
        d.staff
            .get(i)
            .and_then(|p| p.years[year].funders.get(f))
            .cloned()
    };
    let label = move |what: &str, f: usize| {
        format!(
            "{what} {} — {} {}, {} {}",
            f + 1,
            tr("poste", "position"),
            i + 1,
            tr("année", "year"),
            year + 1
        )
    };
    nested_list_editor(
        editing,
        move |d| d.staff.get(i).map_or(0, |p| p.years[year].funders.len()),
        move |f| {
            view! {
                {text_field(
                    editing,
                    label(tr("Financeur", "Funder"), f),
                    move |d| get(d, f).map(|x| x.funder).unwrap_or_default(),
                    move |d, v| {
                        if let Some(x) = d.staff.get_mut(i).and_then(|p| p.years[year].funders.get_mut(f)) {
                            x.funder = v;
                        }
                    },
                )}
                {check_field(
                    editing,
                    label(
                        tr(
                            "C'est la subvention demandée à l'appel, financeur",
                            "It is the grant asked of the call, funder",
                        ),
                        f,
                    ),
                    move |d| get(d, f).is_some_and(|x| x.from_call),
                    move |d, v| {
                        if let Some(x) = d.staff.get_mut(i).and_then(|p| p.years[year].funders.get_mut(f)) {
                            x.from_call = v;
                        }
                    },
                )}
                {choice_field(
                    editing,
                    label(tr("État du financement", "Funding status"), f),
                    move |d| get(d, f).map(|x| x.status).unwrap_or_default(),
                    move |d, v| {
                        if let Some(x) = d.staff.get_mut(i).and_then(|p| p.years[year].funders.get_mut(f)) {
                            x.status = v;
                        }
                    },
                )}
            }.into_any()
        },
        move |d, f| {
            if let Some(p) = d.staff.get_mut(i) {
                if f < p.years[year].funders.len() {
                    p.years[year].funders.remove(f);
                }
            }
        },
        move |d| {
            if let Some(p) = d.staff.get_mut(i) {
                p.years[year].funders.push(PostFunder::default())
            }
        },
        format!(
            "{} — {} {}, {} {}",
            tr("Ajouter un financeur", "Add a funder"),
            tr("poste", "position"),
            i + 1,
            tr("année", "year"),
            year + 1
        ),
        tr("le financeur", "funder"),
    )
}
