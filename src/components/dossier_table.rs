//! The dossiers kept in this browser as a table an adviser can work with: each dossier's
//! label, verdict, score, criteria and completeness; sorted by any column, filtered by
//! name and verdict; the row's actions in a menu; several selected for an export or a
//! comparison. An entry that cannot be read is a row too, never dropped.

use crate::browser::storage::repository;
use crate::browser::{clock, files, focus, ids};
use crate::components::editor::export_file_name;
use crate::components::home::Notice;
use crate::context::{use_list_version, use_navigator};
use crate::i18n::{self, lang, tr};
use fabrique_app_core::id::DossierId;
use fabrique_app_core::repository::{ActionError, Entry, EntryState, Line};
use fabrique_app_core::route::{Route, COMPARE_MAX};
use fabrique_core::dossier::Variant;
use fabrique_core::evaluation::Verdict;
use fabrique_core::exchange;
use fabrique_core::label::Label;
use fabrique_core::referential::{CriterionId, Referential};
use fabrique_core::territory::normalize;
use leptos::prelude::*;
use std::collections::BTreeSet;

/// A column the table sorts by.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Column {
    Name,
    Label,
    Verdict,
    Score,
    Completeness,
    Changed,
}

impl Column {
    fn title(self) -> &'static str {
        match self {
            Column::Name => tr("Dossier", "Dossier"),
            Column::Label => tr("Label", "Label"),
            Column::Verdict => tr("Verdict", "Verdict"),
            Column::Score => tr("Score", "Score"),
            Column::Completeness => tr("Complétude", "Completeness"),
            Column::Changed => tr("Modifié le", "Changed on"),
        }
    }
}

/// What the list read of a dossier, when it could be read.
fn line(entry: &Entry) -> Option<&Line> {
    match &entry.state {
        EntryState::Readable(line) => Some(line),
        EntryState::Unreadable(_) => None,
    }
}

/// A line's name as shown (and as the filter and the sort read it).
fn shown_name(line: &Line) -> String {
    i18n::dossier_name(&line.name)
}

/// The label's name, as its referential says it.
fn variant_name(variant: Variant) -> &'static str {
    Referential::builtin(variant).label.get(lang())
}

/// The order of two lines by a column (ascending).
fn compare(column: Column, a: &Line, b: &Line) -> std::cmp::Ordering {
    match column {
        Column::Name => normalize(&shown_name(a)).cmp(&normalize(&shown_name(b))),
        Column::Label => variant_name(a.variant).cmp(variant_name(b.variant)),
        Column::Verdict => (a.verdict as u8).cmp(&(b.verdict as u8)),
        Column::Score => a.score.cmp(&b.score),
        Column::Completeness => a.completeness.cmp(&b.completeness),
        Column::Changed => a.saved_at_ms.cmp(&b.saved_at_ms),
    }
}

/// The table of dossiers.
#[component]
pub fn DossierTable(
    /// The list's entries, in the list's order.
    entries: Signal<Vec<Entry>>,
) -> impl IntoView {
    let navigator = use_navigator();
    let notice = expect_context::<RwSignal<Option<Notice>>>();
    let sort = RwSignal::new(None::<(Column, bool)>);
    let text = RwSignal::new(String::new());
    let verdict = RwSignal::new(None::<Verdict>);
    let selected = RwSignal::new(BTreeSet::<DossierId>::new());
    let shown = Memo::new(move |_| {
        let wanted = normalize(&text.get());
        let verdict = verdict.get();
        let mut rows: Vec<Entry> = entries.with(|all| {
            all.iter()
                .filter(|entry| match line(entry) {
                    Some(line) => {
                        normalize(&shown_name(line)).contains(&wanted)
                            && verdict.is_none_or(|v| v == line.verdict)
                    }
                    // Never hidden: what cannot be read must be seen.
                    None => true,
                })
                .cloned()
                .collect()
        });
        if let Some((column, ascending)) = sort.get() {
            rows.sort_by(|a, b| match (line(a), line(b)) {
                (Some(a), Some(b)) => {
                    let order = compare(column, a, b);
                    if ascending {
                        order
                    } else {
                        order.reverse()
                    }
                }
                (Some(_), None) => std::cmp::Ordering::Less,
                (None, Some(_)) => std::cmp::Ordering::Greater,
                (None, None) => std::cmp::Ordering::Equal,
            });
        }
        rows
    });
    // The selection, in the order the table shows (then any the filter hides), keeps only
    // dossiers still listed.
    let chosen = Memo::new(move |_| {
        selected.with(|s| {
            let mut ids: Vec<DossierId> = shown.with(|rows| {
                rows.iter()
                    .filter(|e| s.contains(&e.id))
                    .map(|e| e.id.clone())
                    .collect()
            });
            entries.with(|all| {
                for entry in all {
                    if s.contains(&entry.id) && !ids.contains(&entry.id) {
                        ids.push(entry.id.clone());
                    }
                }
            });
            ids
        })
    });
    let export_selection = move |_| {
        let ids = chosen.get_untracked();
        match repository().export(&ids) {
            Some(file) => {
                files::download("fabrique-selection.json", "application/json", &file);
            }
            None => notice.set(Some(Notice::Info(
                tr("Aucun dossier à exporter.", "No dossier to export.").to_owned(),
            ))),
        }
    };
    let compare_selection = move |_| {
        let ids = chosen.get_untracked();
        if (2..=COMPARE_MAX).contains(&ids.len()) {
            navigator.go(Route::Compare {
                ids,
                snapshot: None,
            });
        }
    };
    let header = move |column: Column| {
        let state = move || {
            sort.get()
                .filter(|(c, _)| *c == column)
                .map(|(_, ascending)| ascending)
        };
        view! {
            <th
                scope="col"
                aria-sort=move || match state() {
                    Some(true) => "ascending",
                    Some(false) => "descending",
                    None => "none",
                }
            >
                <button
                    type="button"
                    class="sort"
                    on:click=move |_| {
                        let ascending = !matches!(state(), Some(true));
                        sort.set(Some((column, ascending)));
                    }
                >
                    {column.title()}
                    <span aria-hidden="true">
                        {move || match state() {
                            Some(true) => " ▲",
                            Some(false) => " ▼",
                            None => "",
                        }}
                    </span>
                </button>
            </th>
        }
    };
    view! {
        <div class="table-tools">
            <div class="field inline">
                <label for="filtre-nom">{tr("Filtrer par nom", "Filter by name")}</label>
                <input
                    id="filtre-nom"
                    type="search"
                    prop:value=move || text.get()
                    on:input=move |event| text.set(event_target_value(&event))
                />
            </div>
            <div class="field inline">
                <label for="filtre-verdict">{tr("Verdict", "Verdict")}</label>
                <select
                    id="filtre-verdict"
                    on:change=move |event| {
                        let value = event_target_value(&event);
                        verdict.set(Verdict::ALL.iter().copied().find(|v| v.index().to_string() == value));
                    }
                >
                    <option value="">{tr("Tous les verdicts", "All verdicts")}</option>
                    {Verdict::ALL
                        .iter()
                        .map(|v| view! { <option value=v.index().to_string()>{v.label(lang())}</option> })
                        .collect_view()}
                </select>
            </div>
            <p class="selection" role="status" data-testid="selection-count">
                {move || match chosen.with(Vec::len) {
                    0 => tr("Aucun dossier sélectionné", "No dossier selected").to_owned(),
                    1 => tr("1 dossier sélectionné", "1 dossier selected").to_owned(),
                    n => format!("{n} {}", tr("dossiers sélectionnés", "dossiers selected")),
                }}
            </p>
            <button type="button" disabled=move || chosen.with(Vec::is_empty) on:click=export_selection>
                {tr("Exporter la sélection", "Export the selection")}
            </button>
            <button
                type="button"
                disabled=move || !(2..=COMPARE_MAX).contains(&chosen.with(Vec::len))
                on:click=compare_selection
            >
                {tr("Comparer la sélection (2 à 6)", "Compare the selection (2 to 6)")}
            </button>
        </div>
        <div class="table-scroll">
            <table class="dossier-table" data-testid="dossier-table">
                <caption class="visually-hidden">
                    {tr(
                        "Vos dossiers : cliquez sur un en-tête pour trier.",
                        "Your dossiers: click a heading to sort.",
                    )}
                </caption>
                <thead>
                    <tr>
                        <th scope="col">
                            <span class="visually-hidden">{tr("Sélection", "Selection")}</span>
                        </th>
                        {header(Column::Name)}
                        {header(Column::Label)}
                        {header(Column::Verdict)}
                        {header(Column::Score)}
                        <th scope="col">{tr("Critères", "Criteria")}</th>
                        {header(Column::Completeness)}
                        {header(Column::Changed)}
                        <th scope="col">
                            <span class="visually-hidden">{tr("Actions", "Actions")}</span>
                        </th>
                    </tr>
                </thead>
                <tbody>
                    <For each=move || shown.get() key=Entry::key let:entry>
                        <DossierRow entry=entry selected=selected />
                    </For>
                </tbody>
            </table>
        </div>
        {move || {
            (shown.with(Vec::is_empty) && entries.with(|e| !e.is_empty()))
                .then(|| {
                    view! {
                        <p class="empty" role="status">
                            {tr("Aucun dossier ne correspond au filtre.", "No dossier matches the filter.")}
                        </p>
                    }
                })
        }}
    }
}

/// The criteria's scores as small bars, with their names and scores in words.
fn criteria_bars(variant: Variant, criteria: &[(CriterionId, u32)]) -> impl IntoView {
    let referential = Referential::builtin(variant);
    let language = lang();
    let name = |id: CriterionId| {
        referential
            .criteria
            .iter()
            .find(|c| c.id == id)
            .map(|c| c.label.get(language).to_string())
            .unwrap_or_default()
    };
    let described = criteria
        .iter()
        .map(|(id, score)| format!("{} {score}", name(*id)))
        .collect::<Vec<_>>()
        .join(", ");
    view! {
        <span class="mini-bars" role="img" aria-label=described>
            {criteria
                .iter()
                .map(|(_, score)| {
                    view! {
                        <span class="mini-bar">
                            <span class="mini-fill" style=format!("height: {}%", (*score).min(100))></span>
                        </span>
                    }
                })
                .collect_view()}
        </span>
    }
}

/// One row of the table.
#[component]
fn DossierRow(
    /// The dossier, or why it could not be read.
    entry: Entry,
    /// The dossiers selected.
    selected: RwSignal<BTreeSet<DossierId>>,
) -> impl IntoView {
    let navigator = use_navigator();
    let list_version = use_list_version();
    let notice = expect_context::<RwSignal<Option<Notice>>>();
    let Some(shown) = line(&entry).cloned() else {
        return unreadable_row(entry).into_any();
    };
    let id = StoredValue::new(entry.id.clone());
    let name = StoredValue::new(shown_name(&shown));
    let stored_name = shown.name.clone();
    let renaming = RwSignal::new(false);
    let new_name = RwSignal::new(stored_name);
    let menu_open = RwSignal::new(false);
    let toggle_ref = NodeRef::<leptos::html::Button>::new();
    let first_ref = NodeRef::<leptos::html::Button>::new();
    let close_menu = move || {
        menu_open.set(false);
        if let Some(button) = toggle_ref.get_untracked() {
            focus::focus(&button);
        }
    };
    let open = move |event: leptos::ev::MouseEvent| {
        event.prevent_default();
        navigator.go(Route::Dossier { id: id.get_value() });
    };
    let failed = move |error: ActionError| {
        notice.set(Some(Notice::Error(i18n::action_error(&error))));
    };
    let rename = move || {
        let renamed =
            id.with_value(|id| repository().rename(id, &new_name.get_untracked(), clock::now_ms()));
        if let Err(error) = renamed {
            failed(error);
        }
        renaming.set(false);
        list_version.bump();
    };
    let duplicate = move |_| {
        menu_open.set(false);
        let copy = format!("{} ({})", name.get_value(), tr("copie", "copy"));
        match id
            .with_value(|id| repository().duplicate(id, copy, clock::now_ms(), ids::new_dossier_id))
        {
            Ok(_) => notice.set(Some(Notice::Info(
                tr("Dossier dupliqué.", "Dossier duplicated.").to_owned(),
            ))),
            Err(error) => failed(error),
        }
        list_version.bump();
    };
    let export = move |_| {
        close_menu();
        match id.with_value(|id| repository().load(id)) {
            Ok(Some(record)) => {
                files::download(
                    &export_file_name(&record.dossier.name),
                    "application/json",
                    &exchange::dossier_file(&record.dossier, &record.history),
                );
            }
            Ok(None) => failed(ActionError::Gone),
            Err(error) => failed(ActionError::Storage(error)),
        }
    };
    let delete = move |_| {
        menu_open.set(false);
        match id.with_value(|id| repository().move_to_trash(id)) {
            Ok(()) => notice.set(Some(Notice::Deleted {
                id: id.get_value(),
                name: name.get_value(),
            })),
            Err(error) => failed(ActionError::Storage(error)),
        }
        list_version.bump();
    };
    let menu_id = format!("actions-{}", id.get_value());
    let checked = move || selected.with(|s| s.contains(&id.get_value()));
    let saved = if shown.saved_at_ms > 0 {
        i18n::date_time(shown.saved_at_ms)
    } else {
        String::new()
    };
    let action = move |verb: &'static str| format!("{verb} « {} »", name.get_value());
    view! {
        <tr class="dossier-row">
            <td>
                <input
                    type="checkbox"
                    aria-label=format!("{} « {} »", tr("Sélectionner", "Select"), name.get_value())
                    prop:checked=checked
                    on:change=move |event| {
                        let on = event_target_checked(&event);
                        selected
                            .update(|s| {
                                if on {
                                    s.insert(id.get_value());
                                } else {
                                    s.remove(&id.get_value());
                                }
                            });
                    }
                />
            </td>
            <th scope="row" class="dossier-name">
                <a href=format!("?dossier={}", id.get_value()) on:click=open>
                    {name.get_value()}
                </a>
                {move || {
                    renaming
                        .get()
                        .then(|| {
                            view! {
                                <form
                                    class="rename"
                                    on:submit=move |event| {
                                        event.prevent_default();
                                        rename();
                                    }
                                >
                                    <div class="field">
                                        <label for=format!(
                                            "nom-{}",
                                            id.get_value(),
                                        )>
                                            {format!(
                                                "{} « {} »",
                                                tr("Nouveau nom pour", "New name for"),
                                                name.get_value(),
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
            </th>
            <td>{variant_name(shown.variant)}</td>
            <td data-testid="row-verdict">{shown.verdict.label(lang())}</td>
            <td class="amount" data-testid="row-score">
                {shown.score}
            </td>
            <td>{criteria_bars(shown.variant, &shown.criteria)}</td>
            <td class="amount">{format!("{} %", shown.completeness)}</td>
            <td class="saved">{saved}</td>
            <td class="row-actions">
                <button
                    type="button"
                    node_ref=toggle_ref
                    aria-expanded=move || menu_open.get().to_string()
                    aria-controls=menu_id.clone()
                    on:click=move |_| {
                        let opening = !menu_open.get_untracked();
                        menu_open.set(opening);
                        if opening {
                            request_animation_frame(move || {
                                if let Some(first) = first_ref.get_untracked() {
                                    focus::focus(&first);
                                }
                            });
                        }
                    }
                >
                    {format!("{} « {} »", tr("Actions pour", "Actions for"), name.get_value())}
                </button>
                <div
                    class="row-menu"
                    id=menu_id
                    hidden=move || !menu_open.get()
                    on:keydown=move |event| {
                        if event.key() == "Escape" {
                            close_menu();
                        }
                    }
                >
                    // Drawn when opened: a long list pays for no menu until one is used.
                    {move || {
                        menu_open
                            .get()
                            .then(|| {
                                view! {
                                    <button
                                        type="button"
                                        node_ref=first_ref
                                        aria-label=action(tr("Renommer", "Rename"))
                                        on:click=move |_| {
                                            menu_open.set(false);
                                            renaming.set(true);
                                        }
                                    >
                                        {tr("Renommer", "Rename")}
                                    </button>
                                    <button
                                        type="button"
                                        aria-label=action(tr("Dupliquer", "Duplicate"))
                                        on:click=duplicate
                                    >
                                        {tr("Dupliquer", "Duplicate")}
                                    </button>
                                    <button type="button" aria-label=action(tr("Exporter", "Export")) on:click=export>
                                        {tr("Exporter", "Export")}
                                    </button>
                                    <button
                                        type="button"
                                        class="danger"
                                        aria-label=action(tr("Supprimer", "Delete"))
                                        on:click=delete
                                    >
                                        {tr("Supprimer", "Delete")}
                                    </button>
                                }
                            })
                    }}
                </div>
            </td>
        </tr>
    }
    .into_any()
}

/// A row for an entry that cannot be read: what happened and how to keep its text.
fn unreadable_row(entry: Entry) -> impl IntoView {
    let list_version = use_list_version();
    let notice = expect_context::<RwSignal<Option<Notice>>>();
    let error = match &entry.state {
        EntryState::Unreadable(error) => i18n::storage_error(error),
        EntryState::Readable(_) => String::new(),
    };
    let id = StoredValue::new(entry.id);
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
        <tr class="dossier-row unreadable" data-testid="unreadable-entry">
            <td></td>
            <td colspan="8">
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
            </td>
        </tr>
    }
}
