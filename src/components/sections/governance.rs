//! Section "Gouvernance": criterion 1, the governance and the collective that animates it.

use crate::components::fields::*;
use crate::i18n::tr;
use fabrique_core::dossier::{Member, MemberCategory};
use leptos::prelude::*;

/// The governance questions and the members of the collective.
#[component]
pub fn GovernanceForm(
    /// The dossier being edited.
    editing: Editing,
) -> impl IntoView {
    view! {
        <p class="help">
            {tr(
                "Critère 1 de l'AMI : la gouvernance de la structure et son animation par un collectif bien défini.",
                "AMI criterion 1: the structure's governance and its animation by a well-defined collective.",
            )}
        </p>
        {check_field(
            editing,
            tr(
                    "Le collectif a des statuts ou une charte qui disent qui décide de quoi",
                    "The collective has statutes or a charter saying who decides what",
                )
                .into(),
            |d| d.governance.has_statutes_or_charter,
            |d, v| d.governance.has_statutes_or_charter = v,
        )}
        {text_field(
            editing,
            tr("Instance de décision", "Decision body").into(),
            |d| d.governance.decision_body.clone(),
            |d, v| d.governance.decision_body = v,
        )}
        {count_field(
            editing,
            tr("Réunions de l'instance de décision par an", "Decision-body meetings a year").into(),
            |d| d.governance.decision_body_meetings_per_year,
            |d, v| d.governance.decision_body_meetings_per_year = v,
        )}
        {check_field(
            editing,
            tr("Les usagers du lieu participent aux décisions", "The place's users take part in decisions").into(),
            |d| d.governance.users_take_part_in_decisions,
            |d, v| d.governance.users_take_part_in_decisions = v,
        )}
        {check_field(
            editing,
            tr(
                    "Les membres se réunissent en assemblée générale au moins une fois par an",
                    "The members meet in a general assembly at least once a year",
                )
                .into(),
            |d| d.governance.general_assembly,
            |d, v| d.governance.general_assembly = v,
        )}
        {text_field(
            editing,
            tr(
                    "Qui anime le lieu au quotidien ? (personne ou équipe)",
                    "Who animates the place day to day? (person or team)",
                )
                .into(),
            |d| d.governance.animator.clone(),
            |d, v| d.governance.animator = v,
        )}
        <h3>{tr("Membres du collectif", "Members of the collective")}</h3>
        {list_editor(
            editing,
            |d| d.governance.members.len(),
            move |i| {
                view! {
                    {text_field(
                        editing,
                        format!("{} {}", tr("Nom du membre", "Member's name"), i + 1),
                        move |d| d.governance.members.get(i).map(|m| m.name.clone()).unwrap_or_default(),
                        move |d, v| {
                            if let Some(m) = d.governance.members.get_mut(i) {
                                m.name = v;
                            }
                        },
                    )}
                    {text_field(
                        editing,
                        format!("{} {}", tr("Rôle du membre", "Member's role"), i + 1),
                        move |d| d.governance.members.get(i).map(|m| m.role.clone()).unwrap_or_default(),
                        move |d, v| {
                            if let Some(m) = d.governance.members.get_mut(i) {
                                m.role = v;
                            }
                        },
                    )}
                    {choice_field(
                        editing,
                        format!("{} {}", tr("Catégorie du membre", "Member's category"), i + 1),
                        move |d| d.governance.members.get(i).map_or(MemberCategory::Founder, |m| m.category),
                        move |d, v| {
                            if let Some(m) = d.governance.members.get_mut(i) {
                                m.category = v;
                            }
                        },
                    )}
                }
                    .into_any()
            },
            |d, i| {
                if i < d.governance.members.len() {
                    d.governance.members.remove(i);
                }
            },
            |d| d.governance.members.push(Member::default()),
            tr("Ajouter un membre", "Add a member"),
            tr("le membre", "member"),
        )}
    }
}
