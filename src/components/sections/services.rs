//! Section "Services numériques": criterion 4, the digital services offered.

use crate::components::fields::*;
use crate::i18n::tr;
use fabrique_core::dossier::{DigitalService, ServiceKind};
use leptos::prelude::*;

/// The digital services, with their weekly hours.
#[component]
pub fn ServicesForm(
    /// The dossier being edited.
    editing: Editing,
) -> impl IntoView {
    view! {
        <p class="help">
            {tr(
                "Critère 4 de l'AMI : la mobilisation de plusieurs services et activités numériques (médiation, accès \
                    aux droits, fablab, formation…).",
                "AMI criterion 4: several digital services and activities (mediation, access to rights, fablab, \
                    training…).",
            )}
        </p>
        {list_editor(
            editing,
            |d| d.services.len(),
            move |i| {
                view! {
                    {choice_field(
                        editing,
                        format!("{} {}", tr("Service", "Service"), i + 1),
                        move |d| d.services.get(i).map_or(ServiceKind::Other, |s| s.kind),
                        move |d, v| {
                            if let Some(s) = d.services.get_mut(i) {
                                s.kind = v;
                            }
                        },
                    )}
                    {text_field(
                        editing,
                        format!("{} {}", tr("Description du service", "Description of service"), i + 1),
                        move |d| d.services.get(i).map(|s| s.description.clone()).unwrap_or_default(),
                        move |d, v| {
                            if let Some(s) = d.services.get_mut(i) {
                                s.description = v;
                            }
                        },
                    )}
                    {count_field(
                        editing,
                        format!("{} {}", tr("Heures par semaine du service", "Hours a week of service"), i + 1),
                        move |d| d.services.get(i).map_or(0, |s| s.weekly_hours),
                        move |d, v| {
                            if let Some(s) = d.services.get_mut(i) {
                                s.weekly_hours = v;
                            }
                        },
                    )}
                }
                    .into_any()
            },
            |d, i| {
                if i < d.services.len() {
                    d.services.remove(i);
                }
            },
            |d| d.services.push(DigitalService::default()),
            tr("Ajouter un service", "Add a service"),
            tr("le service", "service"),
        )}
    }
}
