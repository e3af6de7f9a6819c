//! The home screen: what Fabrique does, the dossiers kept in this browser, and everything
//! done to them as a whole: create (empty or from an example), rename, duplicate, delete
//! with undo, export and import.

use crate::browser::storage::repository;
use crate::browser::{clock, files, ids, offline};
use crate::components::dossier_table::DossierTable;
use crate::context::{use_list_version, use_navigator, use_settings};
use crate::examples::{example, examples};
use crate::i18n::{self, tr};
use fabrique_app_core::id::DossierId;
use fabrique_app_core::repository::{Restored, StorageError};
use fabrique_app_core::route::Route;
use fabrique_core::dossier::Dossier;
use fabrique_core::exchange::MAX_IMPORT_BYTES;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// How many lines of the list are read and shown with the first screen; the others follow
/// in the next task, so that a long list opens at once.
const FIRST_LINES: usize = 30;

/// A message shown after an action on the list.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Notice {
    Info(String),
    Error(String),
    /// A dossier was deleted and can be brought back.
    Deleted {
        id: DossierId,
        name: String,
    },
}

/// Keeps a new dossier. Once there is something to keep, the browser is asked to keep this
/// site's storage even when it runs short of space.
pub fn create(dossier: &Dossier) -> Result<DossierId, StorageError> {
    let id = repository().create(dossier, clock::now_ms(), ids::new_dossier_id)?;
    ask_to_persist();
    Ok(id)
}

/// Asks the browser to keep this site's storage even when it runs short of space.
fn ask_to_persist() {
    leptos::task::spawn_local(async {
        let _ = offline::request_persistence().await;
    });
}

/// The home screen.
#[component]
pub fn Home() -> impl IntoView {
    let navigator = use_navigator();
    let list_version = use_list_version();
    let settings = use_settings();
    let notice = RwSignal::new(None::<Notice>);
    provide_context(notice);
    let limit = RwSignal::new(FIRST_LINES);
    let entries = Memo::new(move |_| {
        list_version.0.track();
        let limit = limit.get();
        settings.with(|s| repository().lines(&s.weights, limit))
    });
    if entries.with_untracked(|e| e.as_ref().is_ok_and(|l| l.total > FIRST_LINES)) {
        // `try_set`: the screen may be gone by then.
        set_timeout(
            move || {
                limit.try_set(usize::MAX);
            },
            std::time::Duration::ZERO,
        );
    }
    // What the list is, apart from its lines: rebuilt only when that changes, so that the
    // lines themselves are kept (keyed) when others are added or one changes.
    let list_kind = Memo::new(move |_| {
        entries.with(|e| e.as_ref().map(|l| l.total > 0).map_err(i18n::storage_error))
    });

    let open_new = move |dossier: Dossier| match create(&dossier) {
        Ok(id) => navigator.go(Route::Dossier { id }),
        Err(error) => notice.set(Some(Notice::Error(i18n::storage_error(&error)))),
    };
    let chosen_example = RwSignal::new(0_usize);
    let undo = move |id: DossierId| {
        match repository().restore_from_trash(&id, ids::new_dossier_id) {
            Ok(Restored::Back) => notice.set(Some(Notice::Info(
                tr("Suppression annulée.", "Deletion undone.").to_owned(),
            ))),
            Ok(Restored::Beside(_)) => notice.set(Some(Notice::Info(
                tr(
                    "Suppression annulée. Ce dossier avait été enregistré à nouveau dans un autre onglet : les deux \
                        versions sont gardées, l'une à côté de l'autre dans la liste.",
                    "Deletion undone. This dossier had been saved again in another tab: both versions are kept, \
                        side by side in the list.",
                )
                .to_owned(),
            ))),
            Ok(Restored::Gone) => notice.set(Some(Notice::Error(
                tr(
                    "Ce dossier ne peut plus être restauré.",
                    "This dossier can no longer be restored.",
                )
                .to_owned(),
            ))),
            Err(error) => notice.set(Some(Notice::Error(i18n::storage_error(&error)))),
        }
        list_version.bump();
    };
    let export_all = move |_| match repository().export_all() {
        Some(file) => {
            files::download("fabrique-dossiers.json", "application/json", &file);
        }
        None => notice.set(Some(Notice::Info(
            tr("Aucun dossier à exporter.", "No dossier to export.").to_owned(),
        ))),
    };
    let import = move |event: leptos::ev::Event| {
        let Some(input) = event
            .target()
            .and_then(|target| target.dyn_into::<web_sys::HtmlInputElement>().ok())
        else {
            return;
        };
        leptos::task::spawn_local(async move {
            let result = files::picked_text(&input, MAX_IMPORT_BYTES as f64).await;
            input.set_value("");
            let outcome = match result {
                Ok(None) => return,
                Err(size) => Err(format!(
                    "{} {} ({size})",
                    tr("Import impossible :", "Import failed:"),
                    tr("Fichier trop gros", "File too large")
                )),
                Ok(Some(text)) => repository()
                    .import(&text, clock::now_ms(), ids::new_dossier_id)
                    .inspect(|_| ask_to_persist())
                    .map_err(|failure| i18n::import_failure(&failure)),
            };
            notice.set(Some(match outcome {
                Ok(imported) if imported.refused.is_empty() => {
                    Notice::Info(i18n::imported(&imported))
                }
                Ok(imported) => Notice::Error(i18n::imported(&imported)),
                Err(error) => Notice::Error(error),
            }));
            list_version.bump();
        });
    };

    view! {
        <section class="intro">
            <h1>{tr("Vos dossiers", "Your dossiers")}</h1>
            <p>
                {tr(
                    "Fabrique vous aide à préparer la candidature d'un tiers-lieu au label « Fabriques de territoire » \
                        et l'évalue au fil de la saisie selon les six critères de l'appel à manifestation d'intérêt.",
                    "Fabrique helps you prepare a tiers-lieu's application to the « Fabriques de territoire » label \
                        and evaluates it as you type against the six criteria of the call.",
                )}
            </p>
            <p>
                {tr(
                    "Rien ne quitte votre navigateur : pas de compte, pas de serveur.",
                    "Nothing leaves your browser: no account, no server.",
                )}
            </p>
        </section>
        <div class="actions">
            <button type="button" class="primary" on:click=move |_| open_new(Dossier::default())>
                {tr("Nouveau dossier", "New dossier")}
            </button>
            <div class="field inline">
                <label for="exemple">{tr("Exemple à explorer", "Example to explore")}</label>
                <select
                    id="exemple"
                    on:change=move |event| chosen_example.set(event_target_value(&event).parse().unwrap_or(0))
                >
                    {examples()
                        .into_iter()
                        .enumerate()
                        .map(|(index, (label, _))| view! { <option value=index.to_string()>{label}</option> })
                        .collect_view()}
                </select>
            </div>
            <button
                type="button"
                on:click=move |_| {
                    if let Some(dossier) = example(chosen_example.get_untracked()) {
                        open_new(dossier);
                    }
                }
            >
                {tr("Ouvrir l'exemple", "Open the example")}
            </button>
        </div>
        <div class="actions">
            <div class="file-button">
                <label for="import">{tr("Importer un fichier (JSON)", "Import a file (JSON)")}</label>
                <input id="import" type="file" accept=".json,application/json" on:change=import />
            </div>
            <button type="button" on:click=export_all>
                {tr("Exporter tous les dossiers", "Export all dossiers")}
            </button>
        </div>
        {move || {
            notice
                .get()
                .map(|current| match current {
                    Notice::Info(text) => {
                        view! {
                            <p class="banner" role="status">
                                {text}
                            </p>
                        }
                            .into_any()
                    }
                    Notice::Error(text) => {
                        view! {
                            <p class="banner error" role="alert">
                                {text}
                            </p>
                        }
                            .into_any()
                    }
                    Notice::Deleted { id, name } => {
                        view! {
                            <p class="banner" role="status">
                                {format!("« {name} » {}", tr("supprimé.", "deleted."))}
                                " "
                                <button type="button" on:click=move |_| undo(id.clone())>
                                    {tr("Annuler la suppression", "Undo the deletion")}
                                </button>
                            </p>
                        }
                            .into_any()
                    }
                })
        }}
        {move || match list_kind.get() {
            Ok(false) => {
                view! {
                    <p class="empty">
                        {tr("Aucun dossier dans ce navigateur pour l'instant.", "No dossier in this browser yet.")}
                    </p>
                }
                    .into_any()
            }
            Ok(true) => {
                let lines = Memo::new(move |_| {
                    entries.with(|e| e.as_ref().map(|l| l.lines.clone()).unwrap_or_default())
                });
                // A memo: the table reads the lines in several places, they are copied once.
                view! { <DossierTable entries=lines.into() /> }
                    .into_any()
            }
            Err(error) => {
                view! {
                    <p class="banner error" role="alert">
                        {error}
                    </p>
                }
                    .into_any()
            }
        }}
        <p class="note">{format!("{} {}", tr("Dernière ouverture :", "Opened:"), i18n::date_time(clock::now_ms()))}</p>
    }
}
