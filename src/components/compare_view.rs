//! Several local dossiers side by side (2 to 6): each criterion's score in a table (the same
//! table as its CSV), the radars laid over each other with a legend that does not rely on
//! colour alone, the funding-plan problems, and what differs from the first dossier.

use crate::browser::files;
use crate::browser::storage::repository;
use crate::components::radar::{axis_labels, frame, polygon, view_box};
use crate::components::report::{document_table, print_button};
use crate::components::snapshot_view::{differences_table, explain};
use crate::context::{use_navigator, use_settings};
use crate::i18n::{self, lang, tr};
use fabrique_app_core::id::DossierId;
use fabrique_app_core::route::Route;
use fabrique_core::compare::{comparison_table, differences};
use fabrique_core::dossier::Dossier;
use fabrique_core::evaluation::{evaluate, ActionKind, Evaluation};
use fabrique_core::link;
use fabrique_core::referential::Referential;
use leptos::prelude::*;

/// Each dossier's line in the radar: a dash pattern and a colour, told apart without colour.
/// Each: the dash pattern, the colour, and the pattern in words (French, English).
const STROKES: [(&str, &str, (&str, &str)); 6] = [
    ("", "#1d5c4b", ("trait plein", "solid line")),
    ("8 4", "#9a3412", ("tirets", "dashes")),
    ("2 3", "#1e40af", ("pointillés", "dots")),
    ("10 3 2 3", "#6b21a8", ("tiret-point", "dash-dot")),
    ("1 5", "#854d0e", ("points espacés", "spaced dots")),
    ("14 5", "#374151", ("longs tirets", "long dashes")),
];

/// The comparison screen.
#[component]
pub fn CompareView(
    /// The local dossiers compared, in the order chosen.
    ids: Vec<DossierId>,
    /// A snapshot received by link, compared with them (first).
    snapshot: Option<String>,
) -> impl IntoView {
    let navigator = use_navigator();
    let language = lang();
    let weights = use_settings().with_untracked(|s| s.weights.clone());
    let mut dossiers: Vec<Dossier> = Vec::new();
    let mut names: Vec<String> = Vec::new();
    let mut refused = None;
    if let Some(token) = &snapshot {
        match link::decode(token) {
            Ok(received) => {
                names.push(format!(
                    "{} ({})",
                    i18n::dossier_name(&received.dossier.name),
                    tr("instantané reçu", "snapshot received")
                ));
                dossiers.push(received.dossier);
            }
            Err(error) => {
                let error = explain(&error, false);
                refused = Some(view! {
                    <p class="banner error" role="alert">
                        {error}
                    </p>
                });
            }
        }
    }
    let mut missing = 0;
    for id in &ids {
        match repository().load(id) {
            Ok(Some(record)) => {
                names.push(i18n::dossier_name(&record.dossier.name));
                dossiers.push(record.dossier);
            }
            _ => missing += 1,
        }
    }
    let compared: Vec<(String, Evaluation)> = dossiers
        .iter()
        .zip(names)
        .map(|(d, name)| {
            let referential = Referential::builtin(d.variant()).with_weights(&weights);
            (name, evaluate(d, &referential, language))
        })
        .collect();
    let table = comparison_table(&compared, language);
    let csv = StoredValue::new(table.csv(language));
    let download = move |_| {
        csv.with_value(|text| {
            files::download("fabrique-comparaison.csv", "text/csv;charset=utf-8", text)
        });
    };
    let back = move |_| navigator.go(Route::Home);
    let toolbar = view! {
        <div class="report-toolbar no-print">
            {print_button()} <button type="button" on:click=download>
                {tr("Exporter la comparaison (CSV)", "Export the comparison (CSV)")}
            </button> <button type="button" on:click=back>
                {tr("Retour aux dossiers", "Back to the dossiers")}
            </button>
        </div>
    };
    if compared.len() < 2 {
        return view! {
            {toolbar}
            {refused}
            <p class="banner error" role="alert">
                {tr(
                    "Ces dossiers ne sont plus tous dans ce navigateur : il en faut au moins deux pour comparer.",
                    "These dossiers are no longer all in this browser: at least two are needed to compare.",
                )}
            </p>
        }
        .into_any();
    }
    // One radar when every dossier has the same criteria.
    let same_criteria = compared.windows(2).all(|pair| {
        pair[0]
            .1
            .criteria
            .iter()
            .map(|c| c.id)
            .eq(pair[1].1.criteria.iter().map(|c| c.id))
    });
    let radar = same_criteria.then(|| radar_overlay(&compared));
    let first = dossiers[0].clone();
    let first_name = compared[0].0.clone();
    let differing = dossiers
        .iter()
        .zip(&compared)
        .skip(1)
        .map(|(dossier, (name, _))| {
            let changes = differences(&first, dossier);
            let count = changes.len();
            view! {
                <details class="differences-of">
                    <summary>{format!("{name} : {count} {}", tr("réponses différentes", "answers differ"))}</summary>
                    {differences_table(
                        changes,
                        "compare-differences",
                        tr("Premier dossier", "First dossier"),
                        tr("Ce dossier", "This dossier"),
                    )}
                </details>
            }
        })
        .collect_view();
    let problems = compared
        .iter()
        .map(|(name, evaluation)| {
            let texts: Vec<String> = evaluation
                .actions
                .iter()
                .filter(|a| a.kind == ActionKind::Funding)
                .map(|a| a.text.clone())
                .collect();
            view! {
                <li>
                    <strong>{name.clone()}</strong>
                    " — "
                    {if texts.is_empty() {
                        tr("aucun problème relevé", "no problem found").to_owned()
                    } else {
                        texts.join(" ; ")
                    }}
                </li>
            }
        })
        .collect_view();
    view! {
        {toolbar}
        <article class="report comparison" data-testid="comparison">
            <h1>
                {format!("{} {} {}", tr("Comparaison de", "Comparing"), compared.len(), tr("dossiers", "dossiers"))}
            </h1>
            {refused}
            {(missing > 0)
                .then(|| {
                    view! {
                        <p class="banner" role="status">
                            {format!(
                                "{missing} {}",
                                tr(
                                    "dossier(s) choisi(s) ne sont plus dans ce navigateur.",
                                    "chosen dossier(s) are no longer in this browser.",
                                ),
                            )}
                        </p>
                    }
                })}
            <section>
                <h2>{tr("Les critères côte à côte", "The criteria side by side")}</h2>
                {document_table(&table, "comparison-table".to_owned())}
            </section>
            {radar
                .map(|radar| {
                    view! {
                        <section>
                            <h2>{tr("Les radars superposés", "The radars laid over each other")}</h2>
                            {radar}
                        </section>
                    }
                })}
            <section>
                <h2>{tr("Plans de financement", "Funding plans")}</h2>
                <ul class="funding-flags">{problems}</ul>
            </section>
            <section>
                <h2>{format!("{} « {first_name} »", tr("Ce qui diffère de", "What differs from"))}</h2>
                {differing}
            </section>
        </article>
    }
    .into_any()
}

/// The radars of dossiers with the same criteria, over each other, and their legend.
fn radar_overlay(compared: &[(String, Evaluation)]) -> impl IntoView {
    let labels: Vec<String> = compared[0]
        .1
        .criteria
        .iter()
        .map(|c| c.label.to_string())
        .collect();
    let count = labels.len();
    let described = compared
        .iter()
        .map(|(name, e)| {
            let scores = e
                .criteria
                .iter()
                .map(|c| format!("{} {}", c.label, c.score))
                .collect::<Vec<_>>()
                .join(", ");
            format!("{name} : {scores}")
        })
        .collect::<Vec<_>>()
        .join(" ; ");
    view! {
        <div class="radar-overlay">
            <svg class="radar" viewBox=view_box() role="img" aria-label=described>
                {frame(count)}
                {compared
                    .iter()
                    .zip(STROKES.iter().cycle())
                    .map(|((_, e), (dash, colour, _))| {
                        let fractions: Vec<f64> = e
                            .criteria
                            .iter()
                            .map(|c| f64::from(c.score.min(100)) / 100.0)
                            .collect();
                        view! {
                            <polygon
                                class="overlay"
                                points=polygon(&fractions)
                                stroke=*colour
                                stroke-dasharray=*dash
                            ></polygon>
                        }
                    })
                    .collect_view()}
                {axis_labels(&labels)}
            </svg>
            <ul class="legend" data-testid="radar-legend">
                {compared
                    .iter()
                    .zip(STROKES.iter().cycle())
                    .enumerate()
                    .map(|(index, ((name, _), (dash, colour, (french, english))))| {
                        view! {
                            <li>
                                <svg class="sample" viewBox="0 0 40 10" aria-hidden="true">
                                    <line x1="0" y1="5" x2="40" y2="5" stroke=*colour stroke-dasharray=*dash></line>
                                </svg>
                                {format!("{}. {name} ({})", index + 1, tr(french, english))}
                            </li>
                        }
                    })
                    .collect_view()}
            </ul>
        </div>
    }
}
