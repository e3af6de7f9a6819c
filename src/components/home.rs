//! The home screen: what Fabrique does, the dossiers kept in this browser, and everything
//! done to them as a whole: create (empty or from an example), rename, duplicate, delete
//! with undo, export and import.

use crate::browser::storage::repository;
use crate::browser::{clock, files, ids, offline, storage};
use crate::components::dossier_table::DossierTable;
use crate::context::{use_list_version, use_navigator, use_settings};
#[cfg(not(feature = "home"))]
use crate::examples::example;
use crate::examples::example_names;
use crate::i18n::{self, tr};
use fabrique_app_core::handover::Handover;
use fabrique_app_core::id::DossierId;
use fabrique_app_core::repository::{Entry, Lines, Restored, StorageError};
use fabrique_app_core::route::Route;
use fabrique_core::dossier::Dossier;
use fabrique_core::exchange::MAX_IMPORT_BYTES;
use fabrique_core::referential::CriterionId;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// How many lines of the list are read and shown with the first screen; the others follow
/// in the next task, so that a long list opens at once. More than a screen holds: a line is
/// 61 px high below 610 px of page, so 8 lines show on a 1920×1080 screen and 14 on a
/// 2560×1440 one (none on a phone); each line costs about 1.5 ms more of the first screen
/// (BENCHMARKS.md, the list).
const FIRST_LINES: usize = 20;

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

/// The first lines of the list, with the user's weights.
#[cfg(not(feature = "home"))]
fn read_lines(
    weights: &std::collections::BTreeMap<CriterionId, u32>,
    limit: usize,
) -> Result<Lines, StorageError> {
    repository().lines(weights, limit)
}

/// The home bundle (#20) runs only while nothing is stored, so its list is empty; should a
/// dossier be kept meanwhile (in another tab), the whole app takes over.
#[cfg(feature = "home")]
fn read_lines(
    _: &std::collections::BTreeMap<CriterionId, u32>,
    _: usize,
) -> Result<Lines, StorageError> {
    if !repository().holds_nothing_but_settings() && whole_app_reachable() {
        let _ = to_whole_app(Handover::Open);
    }
    Ok(Lines {
        lines: Vec::new(),
        total: 0,
    })
}

/// Whether the page can load the whole app: the network is there, or the worker serves the
/// page (it installed only once the whole build was in its cache). Before that, a first
/// visit's first seconds, a load offline would give way to the browser's error page.
#[cfg(feature = "home")]
fn whole_app_reachable() -> bool {
    offline::is_online() || offline::served_by_worker()
}

/// Has the whole app do an action of the home bundle: the page loads again, into the whole
/// app, which takes the action at once (ARCHITECTURE.md, "Two bundles"). Returns false,
/// loading nothing, when the action could not be kept. Once only: the first action wins,
/// and a second call while the page is leaving neither replaces it nor reloads again (two
/// storage events in a row each asked to leave, and two reloads in a row made Chromium's
/// renderer crash now and then).
#[cfg(feature = "home")]
fn to_whole_app(handover: Handover) -> bool {
    use std::sync::atomic::{AtomicBool, Ordering};
    static LEAVING: AtomicBool = AtomicBool::new(false);
    if LEAVING.load(Ordering::Relaxed) {
        return true;
    }
    let kept = storage::hand_over(&handover)
        // A file too large for session storage: the user picks it again in the whole app.
        || (matches!(handover, Handover::Import(_)) && storage::hand_over(&Handover::PickAgain));
    if kept {
        LEAVING.store(true, Ordering::Relaxed);
        crate::browser::location::reload();
    }
    kept
}

/// What the whole app does with an action the home bundle handed over (#20).
#[cfg(not(feature = "home"))]
fn take_handover(
    open_new: impl Fn(Dossier) + 'static,
    import_text: impl Fn(String) + 'static,
    notice: RwSignal<Option<Notice>>,
) {
    let Some(handover) = storage::take_handover() else {
        return;
    };
    // After the screen is built: opening a dossier changes the screen.
    set_timeout(
        move || match handover {
            Handover::Open => {}
            Handover::NewDossier => open_new(Dossier::default()),
            Handover::Example(index) => {
                if let Some(dossier) = example(index) {
                    open_new(dossier);
                }
            }
            Handover::Import(text) => import_text(text),
            Handover::PickAgain => notice.set(Some(Notice::Error(
                tr(
                    "Ce fichier n'a pas pu passer d'une page à l'autre : choisissez-le à nouveau.",
                    "This file could not be carried from one page to the next: pick it again.",
                )
                .to_owned(),
            ))),
        },
        std::time::Duration::ZERO,
    );
}

/// The list as a table (a memo: the table reads the lines in several places, they are
/// copied once).
#[cfg(not(feature = "home"))]
fn table(lines: Memo<Vec<Entry>>) -> AnyView {
    view! { <DossierTable entries=lines.into() /> }.into_any()
}

/// The home bundle's list is always empty (see `read_lines`).
#[cfg(feature = "home")]
fn table(_: Memo<Vec<Entry>>) -> AnyView {
    ().into_any()
}

/// The home screen.
#[component]
pub fn Home() -> impl IntoView {
    #[cfg(not(feature = "home"))]
    let navigator = use_navigator();
    let list_version = use_list_version();
    let settings = use_settings();
    let notice = RwSignal::new(None::<Notice>);
    provide_context(notice);
    let limit = RwSignal::new(FIRST_LINES);
    let entries = Memo::new(move |_| {
        list_version.0.track();
        let limit = limit.get();
        settings.with(|s| read_lines(&s.weights, limit))
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

    #[cfg(not(feature = "home"))]
    let open_new = move |dossier: Dossier| match create(&dossier) {
        Ok(id) => navigator.go(Route::Dossier { id }),
        Err(error) => notice.set(Some(Notice::Error(i18n::storage_error(&error)))),
    };
    #[cfg(not(feature = "home"))]
    let (new_dossier, open_example) = (
        move || open_new(Dossier::default()),
        move |index: usize| {
            if let Some(dossier) = example(index) {
                open_new(dossier);
            }
        },
    );
    // The home bundle (#20) leaves both to the whole app.
    #[cfg(feature = "home")]
    let hand_over = move |handover: Handover| {
        if !whole_app_reachable() {
            notice.set(Some(Notice::Error(
                tr(
                    "Hors connexion : ouvrir un dossier charge Fabrique en entier, ce qui demande le réseau \
                     la première fois. Reconnectez-vous, puis réessayez.",
                    "Offline: opening a dossier loads the whole of Fabrique, which needs the network the \
                     first time. Reconnect, then try again.",
                )
                .to_owned(),
            )));
            return;
        }
        if !to_whole_app(handover) {
            notice.set(Some(Notice::Error(
                tr(
                    "Fabrique n'a pas pu s'ouvrir en entier : rechargez la page.",
                    "Fabrique could not open in full: reload the page.",
                )
                .to_owned(),
            )));
        }
    };
    #[cfg(feature = "home")]
    let (new_dossier, open_example) = (
        move || hand_over(Handover::NewDossier),
        move |index: usize| hand_over(Handover::Example(index)),
    );
    let chosen_example = RwSignal::new(0_usize);
    // The home bundle has no dossier, so nothing to bring back or export.
    #[cfg(feature = "home")]
    let (undo, export_all) = (
        move |_: DossierId| {
            let _ = to_whole_app(Handover::Open);
        },
        move |_| {
            notice.set(Some(Notice::Info(
                tr("Aucun dossier à exporter.", "No dossier to export.").to_owned(),
            )))
        },
    );
    #[cfg(not(feature = "home"))]
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
    #[cfg(not(feature = "home"))]
    let export_all = move |_| match repository().export_all() {
        Some(file) => {
            files::download("fabrique-dossiers.json", "application/json", &file);
        }
        None => notice.set(Some(Notice::Info(
            tr("Aucun dossier à exporter.", "No dossier to export.").to_owned(),
        ))),
    };
    #[cfg(not(feature = "home"))]
    let import_text = move |text: String| {
        let outcome = repository()
            .import(&text, clock::now_ms(), ids::new_dossier_id)
            .inspect(|_| ask_to_persist())
            .map_err(|failure| i18n::import_failure(&failure));
        notice.set(Some(match outcome {
            Ok(imported) if imported.refused.is_empty() => Notice::Info(i18n::imported(&imported)),
            Ok(imported) => Notice::Error(i18n::imported(&imported)),
            Err(error) => Notice::Error(error),
        }));
        list_version.bump();
    };
    #[cfg(feature = "home")]
    let import_text = move |text: String| hand_over(Handover::Import(text));
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
            match result {
                Ok(None) => {}
                Err(size) => notice.set(Some(Notice::Error(format!(
                    "{} {} ({size})",
                    tr("Import impossible :", "Import failed:"),
                    tr("Fichier trop gros", "File too large")
                )))),
                Ok(Some(text)) => import_text(text),
            }
        });
    };
    #[cfg(not(feature = "home"))]
    take_handover(open_new, import_text, notice);

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
            <button type="button" class="primary" on:click=move |_| new_dossier()>
                {tr("Nouveau dossier", "New dossier")}
            </button>
            <div class="field inline">
                <label for="exemple">{tr("Exemple à explorer", "Example to explore")}</label>
                <select
                    id="exemple"
                    on:change=move |event| chosen_example.set(event_target_value(&event).parse().unwrap_or(0))
                >
                    {example_names()
                        .into_iter()
                        .enumerate()
                        .map(|(index, label)| view! { <option value=index.to_string()>{label}</option> })
                        .collect_view()}
                </select>
            </div>
            <button type="button" on:click=move |_| open_example(chosen_example.get_untracked())>
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
                table(lines)
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
