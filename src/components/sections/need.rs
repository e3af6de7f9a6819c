//! Section "Besoin territorial": step 1 of the source article, the need and how it was
//! checked.

use crate::components::fields::*;
use crate::i18n::tr;
use fabrique_core::dossier::{ActorKind, Consultation, ConsultationFormat, Tension};
use leptos::prelude::*;

/// The territorial need, the consultations and the test of the offer.
#[component]
pub fn NeedForm(
    /// The dossier being edited.
    editing: Editing,
) -> impl IntoView {
    view! {
        <p class="help">
            {tr(
                "Étape 1 de l'article source : consulter tous les acteurs concernés (porteurs de projets, entreprises, \
                    associations, habitants), rejoindre les réseaux, dresser le panorama de l'existant, nommer les \
                    besoins non couverts et les tensions possibles, tester l'offre.",
                "Step 1 of the source article: consult every actor concerned (project holders, businesses, \
                    associations, residents), join the networks, map what exists, name unmet needs and possible \
                    tensions, test the offer.",
            )}
        </p>
        <h3>{tr("Consultations", "Consultations")}</h3>
        {list_editor(
            editing,
            |d| d.need.consultations.len(),
            move |i| {
                view! {
                    {choice_field(
                        editing,
                        format!("{} {}", tr("Acteurs consultés", "Actors consulted"), i + 1),
                        move |d| d.need.consultations.get(i).map_or(ActorKind::Other, |c| c.actor),
                        move |d, v| {
                            if let Some(c) = d.need.consultations.get_mut(i) {
                                c.actor = v;
                            }
                        },
                    )}
                    {choice_field(
                        editing,
                        format!("{} {}", tr("Forme de la consultation", "Form of consultation"), i + 1),
                        move |d| d.need.consultations.get(i).map_or(ConsultationFormat::Interviews, |c| c.format),
                        move |d, v| {
                            if let Some(c) = d.need.consultations.get_mut(i) {
                                c.format = v;
                            }
                        },
                    )}
                    {count_field(
                        editing,
                        format!(
                            "{} {}",
                            tr("Nombre d'entretiens ou de réunions", "Number of interviews or meetings"),
                            i + 1,
                        ),
                        move |d| d.need.consultations.get(i).map_or(0, |c| c.count),
                        move |d, v| {
                            if let Some(c) = d.need.consultations.get_mut(i) {
                                c.count = v;
                            }
                        },
                    )}
                    {move || {
                        editing
                            .read(|d| {
                                d.need
                                    .consultations
                                    .get(i)
                                    .is_some_and(|c| c.format == ConsultationFormat::PublicMeetings)
                            })
                            .then(|| count_field(
                                editing,
                                format!(
                                    "{} {}",
                                    tr("Participants aux réunions publiques", "People at the public meetings"),
                                    i + 1,
                                ),
                                move |d| d.need.consultations.get(i).map_or(0, |c| c.attendance),
                                move |d, v| {
                                    if let Some(c) = d.need.consultations.get_mut(i) {
                                        c.attendance = v;
                                    }
                                },
                            ))
                    }}
                }
                    .into_any()
            },
            |d, i| {
                if i < d.need.consultations.len() {
                    d.need.consultations.remove(i);
                }
            },
            |d| d.need.consultations.push(Consultation::default()),
            tr("Ajouter des consultations", "Add consultations"),
            tr("la consultation", "consultation"),
        )}
        <h3>{tr("Réseaux rejoints", "Networks joined")}</h3>
        {text_list(
            editing,
            |d| &d.need.networks,
            |d| &mut d.need.networks,
            tr("Réseau", "Network"),
            tr("Ajouter un réseau", "Add a network"),
        )}
        <h3>{tr("Structures existantes sur le territoire", "Existing structures on the territory")}</h3>
        {text_list(
            editing,
            |d| &d.need.existing_structures,
            |d| &mut d.need.existing_structures,
            tr("Structure existante", "Existing structure"),
            tr("Ajouter une structure", "Add a structure"),
        )}
        <h3>{tr("Besoins non couverts", "Unmet needs")}</h3>
        {text_list(
            editing,
            |d| &d.need.unmet_needs,
            |d| &mut d.need.unmet_needs,
            tr("Besoin non couvert", "Unmet need"),
            tr("Ajouter un besoin", "Add a need"),
        )}
        <h3>{tr("Tensions possibles avec les acteurs locaux", "Possible tensions with local actors")}</h3>
        {check_field(
            editing,
            tr(
                    "Nous avons cherché les tensions possibles et n'en avons pas trouvé",
                    "We looked for possible tensions and found none",
                )
                .into(),
            |d| d.need.no_tension_found,
            |d, v| d.need.no_tension_found = v,
        )}
        {move || {
            editing
                .read(|d| d.need.no_tension_found)
                .then(|| text_field(
                    editing,
                    tr(
                            "Comment l'avez-vous vérifié ? (une phrase, sans elle la réponse ne compte pas)",
                            "How did you check? (one sentence; without it the answer does not count)",
                        )
                        .into(),
                    |d| d.need.no_tension_how.clone(),
                    |d, v| d.need.no_tension_how = v,
                ))
        }}
        {list_editor(
            editing,
            |d| d.need.tensions.len(),
            move |i| {
                view! {
                    {text_field(
                        editing,
                        format!("{} {}", tr("Tension", "Tension"), i + 1),
                        move |d| d.need.tensions.get(i).map(|t| t.description.clone()).unwrap_or_default(),
                        move |d, v| {
                            if let Some(t) = d.need.tensions.get_mut(i) {
                                t.description = v;
                            }
                        },
                    )}
                    {text_field(
                        editing,
                        format!("{} {}", tr("Comment l'apaiser", "How to ease it"), i + 1),
                        move |d| d.need.tensions.get(i).map(|t| t.mitigation.clone()).unwrap_or_default(),
                        move |d, v| {
                            if let Some(t) = d.need.tensions.get_mut(i) {
                                t.mitigation = v;
                            }
                        },
                    )}
                }
                    .into_any()
            },
            |d, i| {
                if i < d.need.tensions.len() {
                    d.need.tensions.remove(i);
                }
            },
            |d| d.need.tensions.push(Tension::default()),
            tr("Ajouter une tension", "Add a tension"),
            tr("la tension", "tension"),
        )}
        <h3>{tr("Test de l'offre", "Test of the offer")}</h3>
        {move || {
            editing
                .read(|d| d.identity.already_open)
                .then(|| {
                    view! {
                        <p class="help">
                            {tr(
                                "Le lieu est ouvert : son activité est le test de son offre. Indiquez sa \
                                    fréquentation.",
                                "The place is open: its activity is the test of its offer. Give its attendance.",
                            )}
                        </p>
                        {count_field(
                            editing,
                            tr("Personnes accueillies sur la dernière année", "People welcomed over the last year")
                                .into(),
                            |d| d.need.visitors_per_year,
                            |d, v| d.need.visitors_per_year = v,
                        )}
                    }
                })
        }}
        {count_field(
            editing,
            tr("Durée du test (semaines)", "Length of the test (weeks)").into(),
            |d| d.need.test_weeks,
            |d, v| d.need.test_weeks = v,
        )}
        {count_field(
            editing,
            tr("Participants au test", "Participants in the test").into(),
            |d| d.need.test_participants,
            |d, v| d.need.test_participants = v,
        )}
        {count_field(
            editing,
            tr(
                    "Visiteurs du test (sans participer à une activité)",
                    "Visitors to the test (without taking part in an activity)",
                )
                .into(),
            |d| d.need.test_visits,
            |d, v| d.need.test_visits = v,
        )}
    }
}
