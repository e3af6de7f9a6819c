//! The editor of one dossier: loads it once, saves every change (debounced, and at once when
//! the page is hidden or left), follows another tab's changes, and asks when both sides
//! changed. A dossier that cannot be read is reported and left untouched.

use crate::browser::storage::repository;
use crate::browser::{clock, files, leaving};
use crate::components::fields::Editing;
use crate::components::share_panel::SharePanel;
use crate::components::workspace::Workspace;
use crate::context::{use_navigator, use_settings};
use crate::i18n::{self, tr};
use fabrique_app_core::id::DossierId;
use fabrique_app_core::route::{Document, Route};
use fabrique_app_core::session::{EditingSession, FromOtherTab, SaveStatus};
use fabrique_core::dossier::Dossier;
use fabrique_core::exchange;
use fabrique_core::history::History;
use leptos::prelude::*;
use std::time::Duration;

/// How long typing may pause before the dossier is saved.
const SAVE_DELAY: Duration = Duration::from_millis(400);

/// The editor for the dossier kept under `id`.
#[component]
pub fn Editor(
    /// The identifier of the dossier in this browser's storage.
    id: DossierId,
) -> impl IntoView {
    match EditingSession::open(&repository(), id) {
        Ok(Some((session, record))) => {
            view! { <DossierEditor session=session dossier=record.dossier history=record.history /> }.into_any()
        }
        Ok(None) => view! { <Unavailable problem=missing_dossier().to_owned() /> }.into_any(),
        Err(error) => view! { <Unavailable problem=i18n::storage_error(&error) /> }.into_any(),
    }
}

/// The words for a dossier an address names that is not (or no longer) in this browser.
pub fn missing_dossier() -> &'static str {
    tr(
        "Ce dossier n'existe pas (ou plus) dans ce navigateur.",
        "This dossier does not exist (any more) in this browser.",
    )
}

/// A dossier's screen that cannot be shown: why, and the way back to the list.
#[component]
pub fn Unavailable(
    /// Why, in words.
    problem: String,
) -> impl IntoView {
    let navigator = use_navigator();
    view! {
        <p class="banner error" role="alert">
            {problem}
        </p>
        <button type="button" on:click=move |_| navigator.go(Route::Home)>
            {tr("Revenir à mes dossiers", "Back to my dossiers")}
        </button>
    }
}

/// What the editor shows of its session.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Shown {
    status: SaveStatus,
    /// When the other tab's version was saved, while a conflict is open.
    conflict_saved_at_ms: Option<u64>,
    saved_at_ms: u64,
}

impl Shown {
    fn of(session: &EditingSession) -> Shown {
        Shown {
            status: session.status().clone(),
            conflict_saved_at_ms: session.conflict().map(|theirs| theirs.saved_at_ms),
            saved_at_ms: session.saved_at_ms(),
        }
    }
}

/// The editor of a dossier that was read successfully: it draws the session's state and
/// forwards events to it (the rules are `EditingSession`'s, tested natively).
#[component]
fn DossierEditor(
    /// The session opened on the dossier.
    session: EditingSession,
    /// The dossier as it was loaded.
    dossier: Dossier,
    /// Its history as it was loaded (today's point follows the live evaluation).
    history: History,
) -> impl IntoView {
    let settings = use_settings();
    let navigator = use_navigator();
    let id = StoredValue::new(session.id().clone());
    let dossier = RwSignal::new(dossier);
    // The session is not reactive; what the screen shows of it is, and changes only when
    // the save status does (not at each keystroke).
    let shown = RwSignal::new(Shown::of(&session));
    let session = StoredValue::new(session);
    let act = move |step: &mut dyn FnMut(&mut EditingSession)| {
        let now = session.try_update_value(|s| {
            step(s);
            Shown::of(s)
        });
        if let Some(now) = now {
            if shown.try_with_untracked(|before| *before != now) == Some(true) {
                shown.set(now);
            }
        }
    };
    // Leaving while a save failed or a conflict is open would lose work: the browser asks.
    Effect::new(move |_| {
        shown.track();
        let ask = session
            .try_with_value(EditingSession::holds_unsaved_work)
            .unwrap_or(false);
        leaving::ask_before_leaving(ask);
    });
    on_cleanup(|| leaving::ask_before_leaving(false));
    // Raised when the dossier is replaced from outside: the form is built again from it.
    let generation = RwSignal::new(0_u64);
    let timer = StoredValue::new(None::<TimeoutHandle>);
    let replace = move |theirs: Dossier| {
        dossier.set(theirs);
        generation.update(|g| *g += 1);
    };

    let save_now = move || {
        // The page may be gone (cleanup, then a late timer): nothing to save then.
        if !session
            .try_with_value(EditingSession::is_dirty)
            .unwrap_or(false)
        {
            return;
        }
        dossier.with_untracked(|current| {
            act(&mut |s| s.save(&repository(), current, clock::now_ms()));
        });
    };
    let changed = Callback::new(move |()| {
        act(&mut EditingSession::changed);
        if let Some(handle) = timer.get_value() {
            handle.clear();
        }
        timer.set_value(set_timeout_with_handle(save_now, SAVE_DELAY).ok());
    });
    let editing = Editing::new(dossier, changed);

    // Leaving or hiding the page saves at once: a laptop lid closes faster than a timer.
    let hidden = window_event_listener(leptos::ev::visibilitychange, move |_| save_now());
    let leaving = window_event_listener(leptos::ev::pagehide, move |_| save_now());
    // Another tab saved this dossier: follow it, unless both sides changed.
    let other_tab = window_event_listener(leptos::ev::storage, move |event| {
        let Some(key) = event.key() else {
            return;
        };
        let mut outcome = FromOtherTab::Nothing;
        act(&mut |s| outcome = s.other_tab_wrote(&repository(), &key));
        if let FromOtherTab::Follow(theirs) = outcome {
            replace(*theirs);
        }
    });
    on_cleanup(move || {
        save_now();
        hidden.remove();
        leaving.remove();
        other_tab.remove();
    });

    let keep_mine = move |_| {
        dossier.with_untracked(|current| {
            act(&mut |s| s.keep_mine(&repository(), current, clock::now_ms()));
        });
    };
    let take_theirs = move |_| {
        let mut theirs = None;
        act(&mut |s| theirs = s.take_theirs());
        if let Some(theirs) = theirs {
            replace(theirs);
        }
    };
    // The dossier as a file: from the head, the save-failure banner, and the share panel
    // when the dossier is too long for a link.
    let export = Callback::new(move |()| {
        let history = repository().history(&id.get_value());
        let (name, text) =
            dossier.with_untracked(|d| (d.name.clone(), exchange::dossier_file(d, &history)));
        files::download(&export_file_name(&name), "application/json", &text);
    });

    let weights = Signal::derive(move || settings.with(|s| s.weights.clone()));
    let share_open = RwSignal::new(false);
    let persistent = repository().is_persistent();
    view! {
        <div class="editor-head">
            <h1>{move || dossier.with(|d| i18n::dossier_name(&d.name))}</h1>
            <p class="save-status" role="status" data-testid="save-status">
                {move || match shown.with(|s| s.status.clone()) {
                    SaveStatus::Saved if !persistent => {
                        tr("Gardé dans cette page seulement : exportez-le", "Kept in this page only: export it")
                    }
                    SaveStatus::Saved => tr("Enregistré dans ce navigateur", "Saved in this browser"),
                    SaveStatus::Pending => tr("Enregistrement…", "Saving…"),
                    SaveStatus::Failed(_) => tr("Non enregistré", "Not saved"),
                    SaveStatus::DeletedElsewhere => tr("Supprimé dans un autre onglet", "Deleted in another tab"),
                }}
            </p>
            <div class="head-actions">
                <button
                    type="button"
                    class="primary"
                    aria-expanded=move || share_open.get().to_string()
                    on:click=move |_| share_open.update(|open| *open = !*open)
                >
                    {tr("Partager", "Share")}
                </button>
                <button type="button" on:click=move |_| export.run(())>
                    {tr("Exporter ce dossier (JSON)", "Export this dossier (JSON)")}
                </button>
                {[
                    (Document::Presentation, tr("Dossier de présentation", "Project presentation")),
                    (Document::Summary, tr("Auto-évaluation", "Self-evaluation")),
                ]
                    .map(|(document, name)| {
                        view! {
                            <button
                                type="button"
                                on:click=move |_| {
                                    save_now();
                                    navigator
                                        .go(Route::Report {
                                            id: id.get_value(),
                                            document,
                                        })
                                }
                            >
                                {name}
                            </button>
                        }
                    })
                    .collect_view()}
            </div>
        </div>
        {move || match shown.with(|s| s.status.clone()) {
            SaveStatus::Failed(error) => {
                Some(
                    view! {
                        <div class="banner error" role="alert">
                            <p>
                                {i18n::storage_error(&error)} " "
                                {tr(
                                    "Vos modifications restent affichées ici, mais ne sont pas enregistrées : exportez \
                                        le dossier pour ne rien perdre.",
                                    "Your changes stay on screen but are not saved: export the dossier so nothing is \
                                        lost.",
                                )}
                            </p>
                            <button type="button" on:click=move |_| export.run(())>
                                {tr("Exporter maintenant", "Export now")}
                            </button>
                        </div>
                    }
                        .into_any(),
                )
            }
            SaveStatus::DeletedElsewhere => {
                Some(
                    view! {
                        <p class="banner" role="alert">
                            {tr(
                                "Ce dossier a été supprimé dans un autre onglet. Votre prochaine modification le \
                                    recréera ici.",
                                "This dossier was deleted in another tab. Your next change will recreate it here.",
                            )}
                        </p>
                    }
                        .into_any(),
                )
            }
            _ => None,
        }}
        {move || {
            shown
                .with(|s| s.conflict_saved_at_ms)
                .map(|their_save_ms| {
                    view! {
                        <div class="banner warning" role="alertdialog" aria-labelledby="conflict-title">
                            <p id="conflict-title">
                                <strong>
                                    {tr(
                                        "Ce dossier a été modifié dans un autre onglet.",
                                        "This dossier was changed in another tab.",
                                    )}
                                </strong>
                            </p>
                            <p>
                                {format!(
                                    "{} {}",
                                    tr("Autre version enregistrée le", "Other version saved on"),
                                    i18n::date_time(their_save_ms),
                                )}
                            </p>
                            <button type="button" class="primary" on:click=keep_mine>
                                {tr("Garder ma version", "Keep my version")}
                            </button>
                            <button type="button" on:click=take_theirs>
                                {tr("Prendre l'autre version", "Take the other version")}
                            </button>
                        </div>
                    }
                })
        }}
        {move || {
            share_open
                .get()
                .then(|| {
                    view! {
                        <SharePanel
                            id=id.get_value()
                            dossier=dossier
                            weights=weights
                            saved_at_ms=Signal::derive(move || shown.with(|s| s.saved_at_ms))
                            export=export
                        />
                    }
                })
        }}
        <Workspace
            editing=editing
            weights=weights
            generation=generation.into()
            url_id=id.get_value()
            read_only=false
            history=history
        />
    }
}

/// A file name for a dossier's export: its name, simplified, and the date.
pub fn export_file_name(name: &str) -> String {
    let simple: String = name
        .chars()
        .map(|c| {
            if c.is_alphanumeric() {
                c.to_ascii_lowercase()
            } else {
                '-'
            }
        })
        .collect::<String>()
        .split('-')
        .filter(|part| !part.is_empty())
        .collect::<Vec<_>>()
        .join("-");
    let stem = if simple.is_empty() {
        "dossier".to_owned()
    } else {
        simple
    };
    format!("fabrique-{stem}.json")
}
