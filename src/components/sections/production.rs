//! Section "Atelier de production": the Manufacture de proximité's workshop — what its
//! call's eligibility asks (premises suited to the activity, a concrete HR strategy) and
//! what it describes (a shared machine park, professionals who use it, training).

use crate::components::fields::*;
use crate::i18n::tr;
use leptos::prelude::*;

/// The workshop.
#[component]
pub fn ProductionForm(
    /// The dossier being edited.
    editing: Editing,
) -> impl IntoView {
    view! {
        <p class="help">
            {tr(
                "Manufacture de proximité : des ateliers de production partagés par des professionnels, artisans, TPE \
                    et PME, avec un parc de machines mutualisé, de la formation et des partenariats avec les \
                    entreprises locales. Éligibilité : des locaux adaptés à l'activité, une structure juridique \
                    déclarée, une stratégie RH concrète.",
                "Manufacture de proximité: production workshops shared by professionals, artisans, TPE and PME, with a \
                    mutualised machine park, training and partnerships with local firms. Eligibility: premises suited \
                    to the activity, a declared legal structure, a concrete HR strategy.",
            )}
        </p>
        {check_field(
            editing,
            tr("Les locaux sont adaptés à l'activité de production", "The premises suit the production activity")
                .into(),
            |d| d.production.premises_suited,
            |d, v| d.production.premises_suited = v,
        )}
        {area_field(
            editing,
            tr(
                    "En quoi les locaux sont adaptés (surface, puissance électrique, accès livraisons)",
                    "How the premises suit it (surface, power supply, delivery access)",
                )
                .into(),
            |d| d.production.premises_description.clone(),
            |d, v| d.production.premises_description = v,
        )}
        {area_field(
            editing,
            tr(
                    "Stratégie RH : postes, calendrier de recrutement, formation",
                    "HR strategy: positions, hiring schedule, training",
                )
                .into(),
            |d| d.production.hr_strategy.clone(),
            |d, v| d.production.hr_strategy = v,
        )}
        <h3>{tr("Parc de machines partagé", "Shared machine park")}</h3>
        {text_list(
            editing,
            |d| &d.production.machines,
            |d| &mut d.production.machines,
            tr("Machine", "Machine"),
            tr("Ajouter une machine", "Add a machine"),
        )}
        {count_field(
            editing,
            tr(
                    "Professionnels utilisant l'atelier (artisans, TPE/PME)",
                    "Professionals using the workshop (artisans, TPE/PME)",
                )
                .into(),
            |d| d.production.professional_users,
            |d, v| d.production.professional_users = v,
        )}
        {count_field(
            editing,
            tr("Sessions de formation par an", "Training sessions a year").into(),
            |d| d.production.trainings_per_year,
            |d, v| d.production.trainings_per_year = v,
        )}
    }
}
