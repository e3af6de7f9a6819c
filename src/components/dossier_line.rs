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

impl Entry {
    /// What identifies the line as shown: the same key, the same line (kept as it is).
    pub fn key(&self) -> String {
        format!("{}|{:?}", self.id, self.state)
    }
}

/// What was read for a line: only what the line shows. An action that needs the dossier
/// reads it from storage then, so that it acts on the latest save (another tab's too).
#[derive(Debug, Clone, PartialEq)]
pub enum EntryState {
    Readable {
        name: String,
        saved_at_ms: u64,
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
            name: stored_name,
            saved_at_ms,
            verdict,
            score,
        } => {
            let name = crate::i18n::dossier_name(&stored_name);
            let badge = format!("{} · {} / 100", verdict.label(lang()), score);
            let saved = (saved_at_ms > 0).then(|| {
                format!(
                    "{} {}",
                    tr("Modifié le", "Changed on"),
                    clock::local_date_time(saved_at_ms)
                )
            });
            let renaming = RwSignal::new(false);
            let new_name = RwSignal::new(stored_name);
            let id = StoredValue::new(id);
            // The dossier as last saved, or the reason it cannot be read (shown in the notice).
            let stored = move || -> Result<dossier::Dossier, String> {
                match storage::load_dossier(&id.get_value()) {
                    Ok(Some(dossier)) => Ok(dossier),
                    Ok(None) => Err(tr(
                        "Ce dossier n'existe plus dans ce navigateur.",
                        "This dossier no longer exists in this browser.",
                    )
                    .to_owned()),
                    Err(error) => Err(error.to_string()),
                }
            };
            let shown_name = StoredValue::new(name.clone());
            let open = move |event: leptos::ev::MouseEvent| {
                event.prevent_default();
                navigator.go(Route::Dossier { id: id.get_value() });
            };
            let rename = move |_| {
                let saved = stored().and_then(|mut renamed| {
                    renamed.name = new_name.get_untracked().trim().to_owned();
                    storage::save_dossier(&id.get_value(), &renamed)
                        .map_err(|error| error.to_string())
                });
                if let Err(error) = saved {
                    notice.set(Some(Notice::Error(error)));
                }
                renaming.set(false);
                list_version.bump();
            };
            let duplicate = move |_| {
                let copied = stored().and_then(|mut copy| {
                    copy.name = format!("{} ({})", shown_name.get_value(), tr("copie", "copy"));
                    create(&copy)
                });
                match copied {
                    Ok(_) => notice.set(Some(Notice::Info(
                        tr("Dossier dupliqué.", "Dossier duplicated.").to_owned(),
                    ))),
                    Err(error) => notice.set(Some(Notice::Error(error))),
                }
                list_version.bump();
            };
            let export = move |_| match stored() {
                Ok(d) => {
                    files::download(
                        &export_file_name(&d.name),
                        "application/json",
                        &dossier::to_json(&d),
                    );
                }
                Err(error) => notice.set(Some(Notice::Error(error))),
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
