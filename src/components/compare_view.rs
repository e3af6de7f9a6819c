//! Several local dossiers side by side (2 to 6): each criterion's score in a table (the same
//! table as its CSV), the radars laid over each other with a legend that does not rely on
//! colour alone, the funding-plan problems, and what differs from the first dossier.

use crate::browser::files;
use crate::browser::storage::repository;
use crate::components::report::document_table;
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
use std::f64::consts::PI;

/// Each dossier's line in the radar: a dash pattern and a colour, told apart without colour.
const STROKES: [(&str, &str); 6] = [
    ("", "#1d5c4b"),
    ("8 4", "#9a3412"),
    ("2 3", "#1e40af"),
    ("10 3 2 3", "#6b21a8"),
    ("1 5", "#854d0e"),
    ("14 5", "#374151"),
];
const SIZE: f64 = 260.0;
const CENTRE: f64 = SIZE / 2.0;
const RADIUS: f64 = 90.0;

fn point(index: usize, count: usize, fraction: f64) -> (f64, f64) {
    let angle = -PI / 2.0 + 2.0 * PI * index as f64 / count.max(1) as f64;
    (
        CENTRE + RADIUS * fraction * angle.cos(),
        CENTRE + RADIUS * fraction * angle.sin(),
    )
}

fn polygon(scores: &[u32]) -> String {
    scores
        .iter()
        .enumerate()
        .map(|(index, score)| {
            let (x, y) = point(index, scores.len(), f64::from((*score).min(100)) / 100.0);
            format!("{x:.1},{y:.1}")
        })
        .collect::<Vec<_>>()
        .join(" ")
}

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
            Err(error) => refused = Some(explain(&error, false)),
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
    let print = |_| {
        if let Some(window) = web_sys::window() {
            let _ = window.print();
        }
    };
    let back = move |_| navigator.go(Route::Home);
    let toolbar = view! {
        <div class="report-toolbar no-print">
            <button type="button" class="primary" on:click=print>
                {tr("Imprimer ou enregistrer en PDF", "Print or save as PDF")}
            </button>
            <button type="button" on:click=download>
                {tr("Exporter la comparaison (CSV)", "Export the comparison (CSV)")}
            </button>
            <button type="button" on:click=back>
                {tr("Retour aux dossiers", "Back to the dossiers")}
            </button>
        </div>
    };
    if compared.len() < 2 {
        return view! {
            {toolbar}
            {refused
                .map(|error| {
                    view! {
                        <p class="banner error" role="alert">
                            {error}
                        </p>
                    }
                })}
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
            {refused
                .map(|error| {
                    view! {
                        <p class="banner error" role="alert">
                            {error}
                        </p>
                    }
                })}
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
            <svg
                class="radar"
                viewBox=format!("-60 -12 {} {}", SIZE + 120.0, SIZE + 24.0)
                role="img"
                aria-label=described
            >
                {[0.25, 0.5, 0.75, 1.0]
                    .map(|ring| {
                        view! { <polygon class="ring" points=polygon(&vec![(ring * 100.0) as u32; count])></polygon> }
                    })
                    .into_iter()
                    .collect_view()}
                {compared
                    .iter()
                    .zip(STROKES.iter().cycle())
                    .map(|((_, e), (dash, colour))| {
                        let scores: Vec<u32> = e.criteria.iter().map(|c| c.score).collect();
                        view! {
                            <polygon
                                class="overlay"
                                points=polygon(&scores)
                                stroke=*colour
                                stroke-dasharray=*dash
                            ></polygon>
                        }
                    })
                    .collect_view()}
                {labels
                    .iter()
                    .enumerate()
                    .map(|(index, label)| {
                        let (x, y) = point(index, count, 1.2);
                        let anchor = if (x - CENTRE).abs() < 1.0 {
                            "middle"
                        } else if x > CENTRE {
                            "start"
                        } else {
                            "end"
                        };
                        view! {
                            <text x=x y=y text-anchor=anchor dominant-baseline="middle">
                                {label.clone()}
                            </text>
                        }
                    })
                    .collect_view()}
            </svg>
            <ul class="legend" data-testid="radar-legend">
                {compared
                    .iter()
                    .zip(STROKES.iter().cycle())
                    .enumerate()
                    .map(|(index, ((name, _), (dash, colour)))| {
                        view! {
                            <li>
                                <svg class="sample" viewBox="0 0 40 10" aria-hidden="true">
                                    <line x1="0" y1="5" x2="40" y2="5" stroke=*colour stroke-dasharray=*dash></line>
                                </svg>
                                {format!("{}. {name} ({})", index + 1, legend_pattern(index))}
                            </li>
                        }
                    })
                    .collect_view()}
            </ul>
        </div>
    }
}

/// The line's pattern in words, so that the legend reads without colour.
fn legend_pattern(index: usize) -> &'static str {
    match index % STROKES.len() {
        0 => tr("trait plein", "solid line"),
        1 => tr("tirets", "dashes"),
        2 => tr("pointillés", "dots"),
        3 => tr("tiret-point", "dash-dot"),
        4 => tr("points espacés", "spaced dots"),
        _ => tr("longs tirets", "long dashes"),
    }
}
