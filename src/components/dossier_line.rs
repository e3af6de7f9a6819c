//! One dossier in the home list, with its verdict, score and last save, and what can be done
//! to it; or, for an entry that cannot be read, what happened and how to keep its text.

use crate::browser::storage::repository;
use crate::browser::{clock, files, ids};
use crate::components::editor::export_file_name;
use crate::components::home::Notice;
use crate::context::{use_list_version, use_navigator};
use crate::i18n::{self, lang, tr};
use fabrique_app_core::repository::{ActionError, Entry, EntryState};
use fabrique_app_core::route::Route;
use fabrique_core::dossier;
use fabrique_core::label::Label;
use leptos::prelude::*;

/// One line of the list.
#[component]
pub fn DossierLine(
    /// The dossier, or why it could not be read.
    entry: Entry,
) -> impl IntoView {
    let navigator = use_navigator();
    let list_version = use_list_version();
    let notice = expect_context::<RwSignal<Option<Notice>>>();
    let id = entry.id.clone();
    match entry.state {
        EntryState::Readable {
            name: stored_name,
            saved_at_ms,
            verdict,
            score,
        } => {
            let name = i18n::dossier_name(&stored_name);
            let badge = format!("{} · {} / 100", verdict.label(lang()), score);
            let saved = (saved_at_ms > 0).then(|| {
                format!(
                    "{} {}",
                    tr("Modifié le", "Changed on"),
                    i18n::date_time(saved_at_ms)
                )
            });
            let renaming = RwSignal::new(false);
            let new_name = RwSignal::new(stored_name);
            let id = StoredValue::new(id);
            let shown_name = StoredValue::new(name.clone());
            let open = move |event: leptos::ev::MouseEvent| {
                event.prevent_default();
                navigator.go(Route::Dossier { id: id.get_value() });
            };
            let failed = move |error: ActionError| {
                notice.set(Some(Notice::Error(i18n::action_error(&error))));
            };
            let rename = move |_| {
                let renamed = id.with_value(|id| {
                    repository().rename(id, &new_name.get_untracked(), clock::now_ms())
                });
                if let Err(error) = renamed {
                    failed(error);
                }
                renaming.set(false);
                list_version.bump();
            };
            let duplicate = move |_| {
                let name = format!("{} ({})", shown_name.get_value(), tr("copie", "copy"));
                let copied = id.with_value(|id| {
                    repository().duplicate(id, name, clock::now_ms(), ids::new_dossier_id)
                });
                match copied {
                    Ok(_) => notice.set(Some(Notice::Info(
                        tr("Dossier dupliqué.", "Dossier duplicated.").to_owned(),
                    ))),
                    Err(error) => failed(error),
                }
                list_version.bump();
            };
            let export = move |_| match id.with_value(|id| repository().existing(id)) {
                Ok(d) => {
                    files::download(
                        &export_file_name(&d.name),
                        "application/json",
                        &dossier::to_json(&d),
                    );
                }
                Err(error) => failed(error),
            };
            let delete = move |_| {
                match id.with_value(|id| repository().move_to_trash(id)) {
                    Ok(()) => notice.set(Some(Notice::Deleted {
                        id: id.get_value(),
                        name: shown_name.get_value(),
                    })),
                    Err(error) => failed(ActionError::Storage(error)),
                }
                list_version.bump();
            };
            view! {
                <li class="dossier-line">
                    <div class="dossier-main">
                        <a href=format!("?dossier={}", id.get_value()) on:click=open>
                            {name.clone()}
                        </a>
                        <span class="badge">{badge}</span>
                        {saved.map(|text| view! { <span class="saved">{text}</span> })}
                    </div>
                    {move || {
                        renaming
                            .get()
                            .then(|| {
                                view! {
                                    <form
                                        class="rename"
                                        on:submit=move |event| {
                                            event.prevent_default();
                                            rename(());
                                        }
                                    >
                                        <div class="field inline">
                                            <label for=format!(
                                                "nom-{}",
                                                id.get_value(),
                                            )>
                                                {format!(
                                                    "{} « {} »",
                                                    tr("Nouveau nom pour", "New name for"),
                                                    shown_name.get_value(),
                                                )}
                                            </label>
                                            <input
                                                id=format!("nom-{}", id.get_value())
                                                type="text"
                                                prop:value=move || new_name.get()
                                                on:input=move |event| new_name.set(event_target_value(&event))
                                            />
                                        </div>
                                        <button type="submit" class="primary">
                                            {tr("Valider le nom", "Save the name")}
                                        </button>
                                        <button type="button" on:click=move |_| renaming.set(false)>
                                            {tr("Annuler", "Cancel")}
                                        </button>
                                    </form>
                                }
                            })
                    }}
                    <div class="dossier-actions">
                        <button type="button" on:click=move |_| renaming.set(true)>
                            {format!("{} « {} »", tr("Renommer", "Rename"), name)}
                        </button>
                        <button type="button" on:click=duplicate>
                            {format!("{} « {} »", tr("Dupliquer", "Duplicate"), shown_name.get_value())}
                        </button>
                        <button type="button" on:click=export>
                            {format!("{} « {} »", tr("Exporter", "Export"), shown_name.get_value())}
                        </button>
                        <button type="button" class="danger" on:click=delete>
                            {format!("{} « {} »", tr("Supprimer", "Delete"), shown_name.get_value())}
                        </button>
                    </div>
                </li>
            }
            .into_any()
        }
        EntryState::Unreadable(error) => {
            let error = i18n::storage_error(&error);
            let id = StoredValue::new(id);
            let download = move |_| {
                if let Some(text) = id.with_value(|id| repository().unreadable_text(id)) {
                    files::download(
                        &format!("fabrique-illisible-{}.txt", id.get_value()),
                        "text/plain",
                        &text,
                    );
                }
            };
            let forget = move |_| {
                if let Err(error) = id.with_value(|id| repository().forget_unreadable(id)) {
                    notice.set(Some(Notice::Error(i18n::storage_error(&error))));
                }
                list_version.bump();
            };
            view! {
                <li class="dossier-line unreadable" data-testid="unreadable-entry">
                    <p class="error">{error}</p>
                    <div class="dossier-actions">
                        <button type="button" on:click=download>
                            {tr("Télécharger le texte brut", "Download the raw text")}
                        </button>
                        <button type="button" on:click=forget>
                            {tr(
                                "Retirer de la liste (le texte reste conservé)",
                                "Remove from the list (the text stays kept)",
                            )}
                        </button>
                    </div>
                </li>
            }
            .into_any()
        }
    }
}
