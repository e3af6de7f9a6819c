//! The home screen: what Fabrique does, and the dossiers kept in this browser.

use crate::app::use_open_dossier;
use crate::browser::{ids, storage};
use fabrique_core::dossier::Dossier;
use fabrique_core::evaluation::evaluate;
use fabrique_core::referential::{Lang, Referential};
use leptos::prelude::*;

/// One line of the list: a dossier, or the reason it could not be read.
struct Entry {
    id: String,
    dossier: Result<Dossier, String>,
}

fn entries() -> Result<Vec<Entry>, String> {
    let ids = storage::dossier_ids().map_err(|error| error.to_string())?;
    Ok(ids
        .into_iter()
        .filter_map(|id| match storage::load_dossier(&id) {
            Ok(Some(dossier)) => Some(Entry {
                id,
                dossier: Ok(dossier),
            }),
            // Listed but missing: nothing to show or open.
            Ok(None) => None,
            Err(error) => Some(Entry {
                id,
                dossier: Err(error.to_string()),
            }),
        })
        .collect())
}

/// The home screen.
#[component]
pub fn Home() -> impl IntoView {
    let open = use_open_dossier();
    let create_error = RwSignal::new(None::<String>);
    let create = move |_| {
        let id = ids::new_dossier_id();
        match storage::save_dossier(&id, &Dossier::default()) {
            Ok(()) => open.open(Some(id)),
            Err(error) => create_error.set(Some(error.to_string())),
        }
    };
    let list = match entries() {
        Ok(entries) if entries.is_empty() => {
            view! { <p class="empty">"Aucun dossier dans ce navigateur pour l'instant."</p> }
                .into_any()
        }
        Ok(entries) => view! {
            <ul class="dossier-list">
                {entries.into_iter().map(|entry| view! { <DossierLine entry=entry/> }).collect_view()}
            </ul>
        }
        .into_any(),
        Err(error) => view! { <p class="error" role="alert">{error}</p> }.into_any(),
    };
    view! {
        <section class="intro">
            <h1>"Vos dossiers"</h1>
            <p>
                "Fabrique vous aide à préparer la candidature d'un tiers-lieu au label « Fabriques de territoire » "
                "et l'évalue au fil de la saisie selon les critères de l'appel à manifestation d'intérêt."
            </p>
            <p>"Rien ne quitte votre navigateur : pas de compte, pas de serveur."</p>
        </section>
        <button class="primary" on:click=create>"Nouveau dossier"</button>
        {move || create_error.get().map(|error| view! { <p class="error" role="alert">{error}</p> })}
        {list}
    }
}

/// One dossier in the list, with its verdict and weighted score.
#[component]
fn DossierLine(
    /// The dossier, or why it could not be read.
    entry: Entry,
) -> impl IntoView {
    let open = use_open_dossier();
    match entry.dossier {
        Ok(dossier) => {
            let evaluation = evaluate(&dossier, Referential::builtin(dossier.variant), Lang::Fr);
            let badge = format!(
                "{} · {} / 100",
                evaluation.verdict.label(Lang::Fr),
                evaluation.weighted_score
            );
            let name = if dossier.name.trim().is_empty() {
                "Dossier sans nom".to_owned()
            } else {
                dossier.name
            };
            let id = entry.id;
            view! {
                <li>
                    <a href=format!("?dossier={id}") on:click=move |event| {
                        event.prevent_default();
                        open.open(Some(id.clone()));
                    }>{name}</a>
                    <span class="badge">{badge}</span>
                </li>
            }
            .into_any()
        }
        Err(error) => view! { <li class="error">{error}</li> }.into_any(),
    }
}
