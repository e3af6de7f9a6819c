//! One dossier in the home list, with its verdict, score and last save, and what can be done
//! to it; or, for an entry that cannot be read, what happened and how to keep its text.

use crate::app::{use_list_version, use_navigator};
use crate::browser::{clock, files, storage};
use crate::components::editor::export_file_name;
use crate::components::home::{create, Notice};
use crate::i18n::{lang, tr};
use crate::route::Route;
use fabrique_core::dossier;
use fabrique_core::evaluation::Verdict;
use leptos::prelude::*;

/// A line of the list.
#[derive(Debug, Clone, PartialEq)]
pub struct Entry {
    pub id: String,
    pub state: EntryState,
}

/// What was read for a line.
#[derive(Debug, Clone, PartialEq)]
pub enum EntryState {
    Readable {
        record: Box<storage::Record>,
        verdict: Verdict,
        /// The weighted score, with the user's weights.
        score: u32,
    },
    /// The message saying why it could not be read.
    Unreadable(String),
}

/// One line of the list.
#[component]
pub fn DossierLine(
    /// The dossier, or why it could not be read.
    entry: Entry,
) -> impl IntoView {
    let navigator = use_navigator();
    let list_version = use_list_version();
    let notice = use_context::<RwSignal<Option<Notice>>>().unwrap_or_else(|| RwSignal::new(None));
    let id = entry.id.clone();
    match entry.state {
        EntryState::Readable {
            record,
            verdict,
            score,
        } => {
            let record = *record;
            let name = if record.dossier.name.trim().is_empty() {
                tr("Dossier sans nom", "Untitled dossier").to_owned()
            } else {
                record.dossier.name.clone()
            };
            let badge = format!("{} · {} / 100", verdict.label(lang()), score);
            let saved = (record.saved_at_ms > 0).then(|| {
                format!(
                    "{} {}",
                    tr("Modifié le", "Changed on"),
                    clock::local_date_time(record.saved_at_ms)
                )
            });
            let renaming = RwSignal::new(false);
            let new_name = RwSignal::new(record.dossier.name.clone());
            let dossier = StoredValue::new(record.dossier);
            let id = StoredValue::new(id);
            let shown_name = StoredValue::new(name.clone());
            let open = move |event: leptos::ev::MouseEvent| {
                event.prevent_default();
                navigator.go(Route::Dossier { id: id.get_value() });
            };
            let rename = move |_| {
                let mut renamed = dossier.get_value();
                renamed.name = new_name.get_untracked().trim().to_owned();
                if let Err(error) = storage::save_dossier(&id.get_value(), &renamed) {
                    notice.set(Some(Notice::Error(error.to_string())));
                }
                renaming.set(false);
                list_version.bump();
            };
            let duplicate = move |_| {
                let mut copy = dossier.get_value();
                copy.name = format!("{} ({})", shown_name.get_value(), tr("copie", "copy"));
                match create(&copy) {
                    Ok(_) => notice.set(Some(Notice::Info(
                        tr("Dossier dupliqué.", "Dossier duplicated.").to_owned(),
                    ))),
                    Err(error) => notice.set(Some(Notice::Error(error))),
                }
                list_version.bump();
            };
            let export = move |_| {
                dossier.with_value(|d| {
                    files::download(
                        &export_file_name(&d.name),
                        "application/json",
                        &dossier::to_json(d),
                    )
                });
            };
            let delete = move |_| {
                match storage::move_to_trash(&id.get_value()) {
                    Ok(()) => notice.set(Some(Notice::Deleted {
                        id: id.get_value(),
                        name: shown_name.get_value(),
                    })),
                    Err(error) => notice.set(Some(Notice::Error(error.to_string()))),
                }
                list_version.bump();
            };
            view! {
                <li class="dossier-line">
                    <div class="dossier-main">
                        <a href=format!("?dossier={}", id.get_value()) on:click=open>{name.clone()}</a>
                        <span class="badge">{badge}</span>
                        {saved.map(|text| view! { <span class="saved">{text}</span> })}
                    </div>
                    {move || renaming.get().then(|| view! {
                        <form class="rename" on:submit=move |event| { event.prevent_default(); rename(()); }>
                            <div class="field inline">
                                <label for=format!("nom-{}", id.get_value())>{format!("{} « {} »", tr("Nouveau nom pour", "New name for"), shown_name.get_value())}</label>
                                <input id=format!("nom-{}", id.get_value()) type="text" prop:value=move || new_name.get() on:input=move |event| new_name.set(event_target_value(&event))/>
                            </div>
                            <button type="submit" class="primary">{tr("Valider le nom", "Save the name")}</button>
                            <button type="button" on:click=move |_| renaming.set(false)>{tr("Annuler", "Cancel")}</button>
                        </form>
                    })}
                    <div class="dossier-actions">
                        <button type="button" on:click=move |_| renaming.set(true)>{format!("{} « {} »", tr("Renommer", "Rename"), name)}</button>
                        <button type="button" on:click=duplicate>{format!("{} « {} »", tr("Dupliquer", "Duplicate"), shown_name.get_value())}</button>
                        <button type="button" on:click=export>{format!("{} « {} »", tr("Exporter", "Export"), shown_name.get_value())}</button>
                        <button type="button" class="danger" on:click=delete>{format!("{} « {} »", tr("Supprimer", "Delete"), shown_name.get_value())}</button>
                    </div>
                </li>
            }
            .into_any()
        }
        EntryState::Unreadable(error) => {
            let id = StoredValue::new(id);
            let download = move |_| {
                let key = storage::quarantine_key(&id.get_value());
                let text = storage::read_raw(&key).ok().flatten().or_else(|| {
                    storage::read_raw(&storage::dossier_key(&id.get_value()))
                        .ok()
                        .flatten()
                });
                if let Some(text) = text {
                    files::download(
                        &format!("fabrique-illisible-{}.txt", id.get_value()),
                        "text/plain",
                        &text,
                    );
                }
            };
            let forget = move |_| {
                if let Err(error) = storage::forget_unreadable(&id.get_value()) {
                    notice.set(Some(Notice::Error(error.to_string())));
                }
                list_version.bump();
            };
            view! {
                <li class="dossier-line unreadable" data-testid="unreadable-entry">
                    <p class="error">{error}</p>
                    <div class="dossier-actions">
                        <button type="button" on:click=download>{tr("Télécharger le texte brut", "Download the raw text")}</button>
                        <button type="button" on:click=forget>{tr("Retirer de la liste (le texte reste conservé)", "Remove from the list (the text stays kept)")}</button>
                    </div>
                </li>
            }
            .into_any()
        }
    }
}
