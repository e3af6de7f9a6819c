//! The territory search of the identity section: find the commune by name, postal code or
//! INSEE code in the official data (files fetched one lookup at a time), and fill its
//! population, EPCI and zone. Empty fields are filled; a value the user typed is replaced
//! only after the user saw it old → new and chose so. Offline with nothing kept, it says so
//! and the fields stay as they are, editable by hand.

use crate::browser::territory::{fetch, FetchError};
use crate::components::fields::Editing;
use crate::i18n::{lang, tr};
use fabrique_core::label::Label;
use fabrique_core::territory::{
    apply, conflicts, current_official, departement_of, matches, official, postal_shard,
    source_text, territory_notes, Conflict, DepartementFile, NameFile, OfficialTerritory,
    PostalFile, Query, TerritoryIndex,
};
use leptos::prelude::*;
use std::collections::BTreeMap;

/// A commune found: the name shown, its code, its département in words.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Found {
    name: String,
    code: String,
    departement: String,
}

/// Where the search stands.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Status {
    Idle,
    Searching,
    TooShort,
    NoResult,
    Results(Vec<Found>),
    Unreachable,
    Broken,
    /// The commune's data would replace answers the user gave: ask first.
    Asking {
        official: Box<OfficialTerritory>,
        conflicts: Vec<Conflict>,
    },
    Filled(String),
}

fn failed(error: FetchError) -> Status {
    match error {
        FetchError::Unreachable => Status::Unreachable,
        FetchError::NotFound => Status::NoResult,
        FetchError::Broken(_) => Status::Broken,
    }
}

fn departement_words(index: &TerritoryIndex, code: &str) -> String {
    index
        .departement(code)
        .map_or_else(|| code.to_owned(), |d| format!("{} ({})", d.1, d.0))
}

/// What `text` finds: a name, a postal code, an INSEE code.
async fn search(text: String) -> Status {
    let index: TerritoryIndex = match fetch("index.tsv").await {
        Ok(index) => index,
        Err(error) => return failed(error),
    };
    match Query::parse(&text) {
        Query::TooShort => Status::TooShort,
        Query::Name { shard, normalized } => {
            let entries: NameFile = match fetch(&format!("noms/{shard}.tsv")).await {
                Ok(entries) => entries,
                Err(error) => return failed(error),
            };
            let found: Vec<Found> = matches(&entries.0, &normalized, 20)
                .into_iter()
                .map(|entry| Found {
                    name: entry.0.clone(),
                    code: entry.1.clone(),
                    departement: departement_words(&index, &entry.2),
                })
                .collect();
            if found.is_empty() {
                Status::NoResult
            } else {
                Status::Results(found)
            }
        }
        Query::Code { insee, postal } => {
            let mut codes: Vec<String> = Vec::new();
            if let Some(postal) = postal {
                match fetch::<PostalFile>(&format!("cp/{}.tsv", postal_shard(&postal))).await {
                    Ok(file) => codes.extend(file.0.get(&postal).cloned().unwrap_or_default()),
                    Err(FetchError::NotFound) => {}
                    Err(error) => return failed(error),
                }
            }
            codes.extend(insee);
            let mut by_departement: BTreeMap<String, Vec<String>> = BTreeMap::new();
            for code in codes {
                let list = by_departement
                    .entry(departement_of(&code).to_owned())
                    .or_default();
                if !list.contains(&code) {
                    list.push(code);
                }
            }
            let mut found = Vec::new();
            for (departement, codes) in by_departement {
                let file: DepartementFile = match fetch(&format!("dep/{departement}.tsv")).await {
                    Ok(file) => file,
                    Err(FetchError::NotFound) => continue,
                    Err(error) => return failed(error),
                };
                for row in file.communes.iter().filter(|row| codes.contains(&row.0)) {
                    found.push(Found {
                        name: row.1.clone(),
                        code: row.0.clone(),
                        departement: departement_words(&index, &departement),
                    });
                }
            }
            if found.is_empty() {
                Status::NoResult
            } else {
                Status::Results(found)
            }
        }
    }
}

/// The official data of commune `code`.
async fn official_of(code: String) -> Result<OfficialTerritory, Status> {
    let index: TerritoryIndex = fetch("index.tsv").await.map_err(failed)?;
    let file: DepartementFile = fetch(&format!("dep/{}.tsv", departement_of(&code)))
        .await
        .map_err(failed)?;
    official(&index, &file, &code).ok_or(Status::NoResult)
}

fn filled_message(official: &OfficialTerritory) -> String {
    format!(
        "{} {} ({}). {}",
        tr("Territoire rempli :", "Territory filled:"),
        official.commune,
        official.departement,
        source_text(official, lang())
    )
}

/// The search, its results, the old → new question, and what the territory's facts decide.
#[component]
pub fn TerritorySearch(
    /// The dossier being edited.
    editing: Editing,
) -> impl IntoView {
    let language = lang();
    let text = RwSignal::new(String::new());
    let status = RwSignal::new(Status::Idle);
    let run_search = move || {
        let query = text.get_untracked();
        status.set(Status::Searching);
        leptos::task::spawn_local(async move {
            status.set(search(query).await);
        });
    };
    let choose = move |code: String| {
        status.set(Status::Searching);
        leptos::task::spawn_local(async move {
            match official_of(code).await {
                Err(failure) => status.set(failure),
                Ok(data) => {
                    let found = editing
                        .dossier
                        .with_untracked(|d| conflicts(&d.identity, &data));
                    if found.is_empty() {
                        editing.edit(|d| apply(&mut d.identity, &data, false));
                        status.set(Status::Filled(filled_message(&data)));
                    } else {
                        status.set(Status::Asking {
                            official: Box::new(data),
                            conflicts: found,
                        });
                    }
                }
            }
        });
    };
    let settle = move |replace: bool| {
        if let Status::Asking { official, .. } = status.get_untracked() {
            editing.edit(|d| apply(&mut d.identity, &official, replace));
            status.set(Status::Filled(filled_message(&official)));
        }
    };
    let recorded = Memo::new(move |_| editing.read(|d| current_official(&d.identity).cloned()));
    let notes = Memo::new(move |_| editing.read(|d| territory_notes(&d.identity, language)));
    view! {
        <div class="territory-search">
            // Not a <form>: the section is one already. Enter in the field searches.
            <div role="search">
                <label for="territory-query">
                    {tr(
                        "Trouver la commune (nom, code postal ou code INSEE)",
                        "Find the commune (name, postal code or INSEE code)",
                    )}
                </label>
                <div class="search-row">
                    <input
                        id="territory-query"
                        type="search"
                        autocomplete="off"
                        prop:value=move || text.get()
                        on:input=move |event| text.set(event_target_value(&event))
                        on:keydown=move |event| {
                            if event.key() == "Enter" {
                                event.prevent_default();
                                run_search();
                            }
                        }
                    />
                    <button type="button" on:click=move |_| run_search()>
                        {tr("Chercher", "Search")}
                    </button>
                </div>
            </div>
            <div data-testid="territory-status" aria-live="polite">
                {move || match status.get() {
                    Status::Idle => {
                        view! {
                            <p class="help">
                                {tr(
                                    "Les données officielles (INSEE, DGCL) remplissent la population, l'EPCI et le \
                                        territoire ; chaque champ reste modifiable.",
                                    "The official data (INSEE, DGCL) fills the population, the EPCI and the territory; \
                                        every field stays editable.",
                                )}
                            </p>
                        }
                            .into_any()
                    }
                    Status::Searching => view! { <p>{tr("Recherche…", "Searching…")}</p> }.into_any(),
                    Status::TooShort => {
                        view! {
                            <p>
                                {tr(
                                    "Tapez au moins trois lettres, ou un code postal ou INSEE à cinq caractères.",
                                    "Type at least three letters, or a five-character postal or INSEE code.",
                                )}
                            </p>
                        }
                            .into_any()
                    }
                    Status::NoResult => {
                        view! {
                            <p>
                                {tr(
                                    "Aucune commune trouvée. Vérifiez l'orthographe, ou remplissez les champs à la \
                                        main.",
                                    "No commune found. Check the spelling, or fill the fields by hand.",
                                )}
                            </p>
                        }
                            .into_any()
                    }
                    Status::Unreachable => {
                        view! {
                            <p class="warning">
                                {tr(
                                    "Recherche impossible : pas de réseau, et ces données n'ont pas encore été gardées \
                                        dans ce navigateur. Les champs restent modifiables à la main.",
                                    "Search unavailable: no network, and this data was not kept in this browser yet. \
                                        The fields can still be filled by hand.",
                                )}
                            </p>
                        }
                            .into_any()
                    }
                    Status::Broken => {
                        view! {
                            <p class="warning">
                                {tr(
                                    "Les données officielles n'ont pas pu être lues. Les champs restent modifiables à \
                                        la main.",
                                    "The official data could not be read. The fields can still be filled by hand.",
                                )}
                            </p>
                        }
                            .into_any()
                    }
                    Status::Results(found) => {
                        view! {
                            <ul class="territory-results" aria-label=tr("Communes trouvées", "Communes found")>
                                {found
                                    .into_iter()
                                    .map(|found| {
                                        let code = found.code.clone();
                                        view! {
                                            <li>
                                                <button type="button" on:click=move |_| choose(code.clone())>
                                                    {format!("{} — {}", found.name, found.departement)}
                                                </button>
                                            </li>
                                        }
                                    })
                                    .collect_view()}
                            </ul>
                        }
                            .into_any()
                    }
                    Status::Asking { official, conflicts } => {
                        view! {
                            <div
                                class="territory-ask"
                                role="group"
                                aria-label=tr("Remplacer vos valeurs ?", "Replace your values?")
                            >
                                <p>
                                    {format!(
                                        "{} {} ({}) {}",
                                        tr("Les données officielles de", "The official data for"),
                                        official.commune,
                                        official.departement,
                                        tr("diffèrent de ce que vous avez saisi :", "differ from what you entered:"),
                                    )}
                                </p>
                                <ul>
                                    {conflicts
                                        .into_iter()
                                        .map(|c| {
                                            view! {
                                                <li>
                                                    {format!("{} : {} → {}", c.field.label(language), c.old, c.new)}
                                                </li>
                                            }
                                        })
                                        .collect_view()}
                                </ul>
                                <button type="button" on:click=move |_| settle(true)>
                                    {tr("Remplacer par les données officielles", "Replace with the official data")}
                                </button>
                                " "
                                <button type="button" on:click=move |_| settle(false)>
                                    {tr(
                                        "Garder mes valeurs (ne remplir que les champs vides)",
                                        "Keep my values (fill only the empty fields)",
                                    )}
                                </button>
                            </div>
                        }
                            .into_any()
                    }
                    Status::Filled(message) => view! { <p class="ok">{message}</p> }.into_any(),
                }}
            </div>
            {move || {
                recorded
                    .get()
                    .map(|official| {
                        view! {
                            <p class="official-source" data-testid="territory-official">
                                {format!(
                                    "{} {} ({} {}), {}, {}{}",
                                    tr("Commune officielle :", "Official commune:"),
                                    official.commune,
                                    "INSEE",
                                    official.insee_code,
                                    official.departement,
                                    official.region_name,
                                    if official.epci.is_empty() {
                                        String::new()
                                    } else {
                                        format!(
                                            " ; EPCI : {} ({}, SIREN {})",
                                            official.epci,
                                            official.epci_kind,
                                            official.epci_siren,
                                        )
                                    },
                                )}
                                <br />
                                {source_text(&official, language)}
                            </p>
                        }
                    })
            }}
            <ul class="territory-notes" data-testid="territory-notes">
                {move || notes.get().into_iter().map(|note| view! { <li>{note}</li> }).collect_view()}
            </ul>
        </div>
    }
}
