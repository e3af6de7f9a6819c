//! The editor of one dossier: loads it once, saves every change, and shows its evaluation
//! beside the form. A dossier that cannot be read is reported and left untouched.

use crate::browser::storage;
use crate::components::{evaluation_panel::EvaluationPanel, governance_form::GovernanceForm};
use fabrique_core::dossier::Dossier;
use fabrique_core::evaluation::evaluate;
use fabrique_core::referential::{Lang, Referential};
use leptos::prelude::*;

/// The editor for the dossier kept under `id`.
#[component]
pub fn Editor(
    /// The identifier of the dossier in this browser's storage.
    id: String,
) -> impl IntoView {
    match storage::load_dossier(&id) {
        Ok(Some(dossier)) => view! { <DossierEditor id=id dossier=dossier/> }.into_any(),
        Ok(None) => view! {
            <p class="error" role="alert">
                "Ce dossier n'existe pas (ou plus) dans ce navigateur."
            </p>
        }
        .into_any(),
        Err(error) => view! { <p class="error" role="alert">{error.to_string()}</p> }.into_any(),
    }
}

/// The form and the evaluation of a dossier that was read successfully.
#[component]
fn DossierEditor(
    /// The identifier the dossier is saved under.
    id: String,
    /// The dossier as it was loaded.
    dossier: Dossier,
) -> impl IntoView {
    let dossier = RwSignal::new(dossier);
    let save_error = RwSignal::new(None::<String>);
    // Pushes every change outward to storage. The first run is the dossier as loaded:
    // nothing to write yet.
    Effect::new(move |already_ran: Option<()>| {
        dossier.with(|current| {
            if already_ran.is_some() {
                save_error.set(
                    storage::save_dossier(&id, current)
                        .err()
                        .map(|e| e.to_string()),
                );
            }
        });
    });
    let evaluation = Memo::new(move |_| {
        dossier.with(|d| evaluate(d, Referential::builtin(d.variant), Lang::Fr))
    });

    view! {
        <div class="editor">
            <form class="dossier-form" on:submit=|event| event.prevent_default()>
                <label class="field">
                    <span>"Nom du projet"</span>
                    <input
                        type="text"
                        prop:value=move || dossier.with(|d| d.name.clone())
                        on:input=move |event| dossier.update(|d| d.name = event_target_value(&event))
                    />
                </label>
                <GovernanceForm dossier=dossier/>
                {move || save_error.get().map(|error| view! { <p class="error" role="alert">{error}</p> })}
            </form>
            <EvaluationPanel evaluation=evaluation/>
        </div>
    }
}
