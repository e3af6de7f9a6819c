//! The questions of criterion 1, "Gouvernance".

use fabrique_core::dossier::Dossier;
use leptos::prelude::*;

/// The governance questions, writing into the dossier as the user answers.
#[component]
pub fn GovernanceForm(
    /// The dossier being edited.
    dossier: RwSignal<Dossier>,
) -> impl IntoView {
    view! {
        <fieldset>
            <legend>"Gouvernance"</legend>
            <p class="help">
                "Le premier critère du label : la gouvernance de la structure et son animation par un collectif bien défini."
            </p>
            <label class="check">
                <input
                    type="checkbox"
                    prop:checked=move || dossier.with(|d| d.governance.has_statutes_or_charter)
                    on:change=move |event| {
                        dossier.update(|d| d.governance.has_statutes_or_charter = event_target_checked(&event))
                    }
                />
                <span>"Le collectif a des statuts ou une charte qui disent qui décide de quoi"</span>
            </label>
            <label class="field">
                <span>"Réunions de l'instance de décision par an"</span>
                <input
                    type="number"
                    min="0"
                    max="365"
                    inputmode="numeric"
                    prop:value=move || dossier.with(|d| d.governance.decision_body_meetings_per_year.to_string())
                    on:input=move |event| {
                        // An empty or unreadable field means "not answered": zero meetings.
                        let meetings = event_target_value(&event).trim().parse().unwrap_or(0);
                        dossier.update(|d| d.governance.decision_body_meetings_per_year = meetings)
                    }
                />
            </label>
            <label class="check">
                <input
                    type="checkbox"
                    prop:checked=move || dossier.with(|d| d.governance.users_take_part_in_decisions)
                    on:change=move |event| {
                        dossier.update(|d| d.governance.users_take_part_in_decisions = event_target_checked(&event))
                    }
                />
                <span>"Les usagers du lieu participent aux décisions"</span>
            </label>
            <label class="field">
                <span>"Qui anime le lieu au quotidien ? (personne ou équipe)"</span>
                <input
                    type="text"
                    prop:value=move || dossier.with(|d| d.governance.animator.clone())
                    on:input=move |event| dossier.update(|d| d.governance.animator = event_target_value(&event))
                />
            </label>
        </fieldset>
    }
}
