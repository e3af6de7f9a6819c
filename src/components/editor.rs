//! The editor of one dossier: loads it once, saves every change (debounced, and at once when
//! the page is hidden or left), follows another tab's changes, and asks when both sides
//! changed. A dossier that cannot be read is reported and left untouched.

use crate::app::use_navigator;
use crate::browser::storage::{self, Record, SaveError};
use crate::browser::{clock, files};
use crate::components::fields::Editing;
use crate::components::share_panel::SharePanel;
use crate::components::workspace::Workspace;
use crate::i18n::tr;
use crate::route::Route;
use crate::settings::use_settings;
use fabrique_core::dossier;
use leptos::prelude::*;
use std::time::Duration;

/// How long typing may pause before the dossier is saved.
const SAVE_DELAY: Duration = Duration::from_millis(400);

/// The editor for the dossier kept under `id`.
#[component]
pub fn Editor(
    /// The identifier of the dossier in this browser's storage.
    id: String,
) -> impl IntoView {
    let navigator = use_navigator();
    let back = move |_| navigator.go(Route::Home);
    match storage::load_record(&id) {
        Ok(Some(record)) => view! { <DossierEditor id=id record=record/> }.into_any(),
        Ok(None) => view! {
            <p class="banner error" role="alert">{tr("Ce dossier n'existe pas (ou plus) dans ce navigateur.", "This dossier does not exist (any more) in this browser.")}</p>
            <button type="button" on:click=back>{tr("Revenir à mes dossiers", "Back to my dossiers")}</button>
        }
        .into_any(),
        Err(error) => view! {
            <p class="banner error" role="alert">{error.to_string()}</p>
            <button type="button" on:click=back>{tr("Revenir à mes dossiers", "Back to my dossiers")}</button>
        }
        .into_any(),
    }
}

/// Where the dossier stands against storage.
#[derive(Debug, Clone, PartialEq, Eq)]
enum SaveStatus {
    Saved,
    Pending,
    Failed(String),
    DeletedElsewhere,
}

/// The editor of a dossier that was read successfully.
#[component]
fn DossierEditor(
    /// The identifier the dossier is saved under.
    id: String,
    /// The dossier as it was loaded, with its revision.
    record: Record,
) -> impl IntoView {
    let settings = use_settings();
    let navigator = use_navigator();
    let dossier = RwSignal::new(record.dossier);
    let base_revision = StoredValue::new(record.revision);
    // When the dossier was last saved: shown in the links it is shared by.
    let saved_at = RwSignal::new(record.saved_at_ms);
    let dirty = RwSignal::new(false);
    let status = RwSignal::new(SaveStatus::Saved);
    let conflict = RwSignal::new(None::<Record>);
    // Raised when the dossier is replaced from outside: the form is built again from it.
    let generation = RwSignal::new(0_u64);
    let timer = StoredValue::new(None::<TimeoutHandle>);
    let id = StoredValue::new(id);

    let save_now = move || {
        let Some(true) = dirty.try_get_untracked() else {
            return;
        };
        if conflict.get_untracked().is_some() {
            return;
        }
        let result = dossier.with_untracked(|current| {
            storage::save_dossier_from(
                &id.get_value(),
                current,
                base_revision.get_value(),
                clock::now_ms(),
            )
        });
        match result {
            Ok(revision) => {
                base_revision.set_value(revision);
                saved_at.set(clock::now_ms());
                dirty.set(false);
                status.set(SaveStatus::Saved);
            }
            Err(SaveError::Conflict(theirs)) => conflict.set(Some(*theirs)),
            Err(SaveError::Storage(error)) => status.set(SaveStatus::Failed(error.to_string())),
        }
    };
    let changed = Callback::new(move |()| {
        dirty.set(true);
        if !matches!(status.get_untracked(), SaveStatus::Failed(_)) {
            status.set(SaveStatus::Pending);
        }
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
        if event.key().as_deref() != Some(storage::dossier_key(&id.get_value()).as_str()) {
            return;
        }
        match storage::load_record(&id.get_value()) {
            Ok(Some(theirs)) if theirs.revision != base_revision.get_value() => {
                if dirty.get_untracked() {
                    conflict.set(Some(theirs));
                } else {
                    base_revision.set_value(theirs.revision);
                    dossier.set(theirs.dossier);
                    generation.update(|g| *g += 1);
                }
            }
            Ok(None) => status.set(SaveStatus::DeletedElsewhere),
            _ => {}
        }
    });
    on_cleanup(move || {
        save_now();
        hidden.remove();
        leaving.remove();
        other_tab.remove();
    });

    let keep_mine = move |_| {
        if let Some(theirs) = conflict.get_untracked() {
            base_revision.set_value(theirs.revision);
            conflict.set(None);
            dirty.set(true);
            save_now();
        }
    };
    let take_theirs = move |_| {
        if let Some(theirs) = conflict.get_untracked() {
            base_revision.set_value(theirs.revision);
            dossier.set(theirs.dossier);
            dirty.set(false);
            conflict.set(None);
            status.set(SaveStatus::Saved);
            generation.update(|g| *g += 1);
        }
    };
    let export = move |_| {
        let (name, text) = dossier.with_untracked(|d| (d.name.clone(), dossier::to_json(d)));
        files::download(&export_file_name(&name), "application/json", &text);
    };

    let weights = Signal::derive(move || settings.with(|s| s.weights.clone()));
    let share_open = RwSignal::new(false);
    view! {
        <div class="editor-head">
            <h1>{move || dossier.with(|d| crate::i18n::dossier_name(&d.name))}</h1>
            <p class="save-status" role="status" data-testid="save-status">
                {move || match status.get() {
                    SaveStatus::Saved if !storage::is_persistent() => tr("Gardé dans cette page seulement : exportez-le", "Kept in this page only: export it"),
                    SaveStatus::Saved => tr("Enregistré dans ce navigateur", "Saved in this browser"),
                    SaveStatus::Pending => tr("Enregistrement…", "Saving…"),
                    SaveStatus::Failed(_) => tr("Non enregistré", "Not saved"),
                    SaveStatus::DeletedElsewhere => tr("Supprimé dans un autre onglet", "Deleted in another tab"),
                }}
            </p>
            <div class="head-actions">
                <button type="button" class="primary" aria-expanded=move || share_open.get().to_string() on:click=move |_| share_open.update(|open| *open = !*open)>
                    {tr("Partager", "Share")}
                </button>
                <button type="button" on:click=export>{tr("Exporter ce dossier (JSON)", "Export this dossier (JSON)")}</button>
                <button type="button" on:click=move |_| { save_now(); navigator.go(Route::Report { id: id.get_value(), full: false }) }>
                    {tr("Rapport", "Report")}
                </button>
            </div>
        </div>
        {move || match status.get() {
            SaveStatus::Failed(error) => Some(view! {
                <div class="banner error" role="alert">
                    <p>{error} " " {tr("Vos modifications restent affichées ici, mais ne sont pas enregistrées : exportez le dossier pour ne rien perdre.", "Your changes stay on screen but are not saved: export the dossier so nothing is lost.")}</p>
                    <button type="button" on:click=export>{tr("Exporter maintenant", "Export now")}</button>
                </div>
            }.into_any()),
            SaveStatus::DeletedElsewhere => Some(view! {
                <p class="banner" role="alert">{tr("Ce dossier a été supprimé dans un autre onglet. Votre prochaine modification le recréera ici.", "This dossier was deleted in another tab. Your next change will recreate it here.")}</p>
            }.into_any()),
            _ => None,
        }}
        {move || conflict.get().map(|theirs| view! {
            <div class="banner warning" role="alertdialog" aria-labelledby="conflict-title">
                <p id="conflict-title"><strong>{tr("Ce dossier a été modifié dans un autre onglet.", "This dossier was changed in another tab.")}</strong></p>
                <p>{format!("{} {}", tr("Autre version enregistrée le", "Other version saved on"), clock::local_date_time(theirs.saved_at_ms))}</p>
                <button type="button" class="primary" on:click=keep_mine>{tr("Garder ma version", "Keep my version")}</button>
                <button type="button" on:click=take_theirs>{tr("Prendre l'autre version", "Take the other version")}</button>
            </div>
        })}
        {move || share_open.get().then(|| view! { <SharePanel id=id.get_value() dossier=dossier weights=weights saved_at_ms=Signal::derive(move || saved_at.get())/> })}
        <Workspace editing=editing weights=weights generation=generation.into() url_id=id.get_value() read_only=false/>
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
