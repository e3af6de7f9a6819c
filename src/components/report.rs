//! The report of a dossier, for the application and for the council: a two-page summary and
//! a full report, laid out for A4 paper (the browser's "print to PDF"), and the same content
//! as Markdown, with the budget and the funding plan as CSV.

use crate::browser::storage::repository;
use crate::browser::{clock, files};
use crate::components::editor::{export_file_name, missing_dossier, Unavailable};
use crate::components::progress::Progress;
use crate::components::radar::Radar;
use crate::context::{use_navigator, use_settings};
use crate::i18n::{self, lang, tr};
use fabrique_app_core::id::DossierId;
use fabrique_app_core::route::{Document, Route};
use fabrique_core::dossier::Dossier;
use fabrique_core::evaluation::{evaluate, Evaluation, Level};
use fabrique_core::funding::{
    bounds_text, ceiling_text, item_name, item_plan_text, public_aid_note, Eligibility,
};
use fabrique_core::history::History;
use fabrique_core::label::Label;
use fabrique_core::presentation::{self, Block};
use fabrique_core::referential::Referential;
use fabrique_core::referential::{CriterionId, Lang};
use fabrique_core::report;
use fabrique_core::spreadsheet::{self, Table};
use fabrique_core::units::Local;
use leptos::prelude::*;
use std::collections::BTreeMap;

/// The documents screen of a local dossier.
/// The toolbar's first button: the browser's print dialog, from which a PDF is saved too.
pub fn print_button() -> impl IntoView {
    view! {
        <button type="button" class="primary" on:click=|_| files::print_page()>
            {tr("Imprimer ou enregistrer en PDF", "Print or save as PDF")}
        </button>
    }
}

#[component]
pub fn ReportPage(
    /// The dossier's id in this browser.
    id: DossierId,
    /// Which document.
    document: Document,
) -> impl IntoView {
    match repository().load(&id) {
        Ok(Some(record)) => {
            let weights = use_settings().with_untracked(|s| s.weights.clone());
            let (dossier, at, history) = (record.dossier, record.saved_at_ms, record.history);
            view! { <Report dossier=dossier saved_at_ms=at id=id document=document weights=weights history=history /> }
            .into_any()
        }
        Ok(None) => view! { <Unavailable problem=missing_dossier().to_owned() /> }.into_any(),
        Err(error) => view! { <Unavailable problem=i18n::storage_error(&error) /> }.into_any(),
    }
}

/// A table of the core's ([`spreadsheet::Table`]): the same cells as its CSV, written for a
/// reader; figures right-aligned, a total's first cell heads its row.
pub fn document_table(table: &Table, test_id: String) -> impl IntoView {
    let language = lang();
    let figure: Vec<bool> = (0..table.header.len())
        .map(|i| table.is_figure_column(i))
        .collect();
    let class = |column: usize| {
        figure
            .get(column)
            .copied()
            .unwrap_or(false)
            .then_some("amount")
    };
    view! {
        <table data-testid=test_id>
            <thead>
                <tr>
                    {table
                        .header
                        .iter()
                        .enumerate()
                        .map(|(column, h)| {
                            view! {
                                <th scope="col" class=class(column)>
                                    {h.clone()}
                                </th>
                            }
                        })
                        .collect_view()}
                </tr>
            </thead>
            <tbody>
                {table
                    .rows
                    .iter()
                    .map(|row| {
                        let cells = row
                            .cells
                            .iter()
                            .enumerate()
                            .map(|(column, cell)| {
                                let text = cell.text(language);
                                if row.total && column == 0 {
                                    view! { <th scope="row">{text}</th> }.into_any()
                                } else {
                                    view! { <td class=class(column)>{text}</td> }.into_any()
                                }
                            })
                            .collect_view();
                        view! { <tr class=row.total.then_some("total")>{cells}</tr> }
                    })
                    .collect_view()}
            </tbody>
        </table>
    }
}

/// Escapes text for a CSS string (the page footer).
fn css_string(text: &str) -> String {
    text.chars()
        .filter(|c| !c.is_control())
        .flat_map(|c| match c {
            '"' | '\\' => vec!['\\', c],
            other => vec![other],
        })
        .collect()
}

/// The page footer on paper: the dossier's name and the date (page numbers are the style
/// sheet's).
fn page_footer(name: &str, date: &str) -> String {
    format!(
        "@page {{ @bottom-left {{ content: \"{} — {}\"; }} }}",
        css_string(name),
        css_string(date)
    )
}

/// A dossier's documents: the toolbar (print, downloads, the other documents) and the one
/// shown.
#[component]
pub fn Report(
    /// The dossier reported on.
    dossier: Dossier,
    /// When it was last saved.
    saved_at_ms: u64,
    /// Its id in this browser (none for a snapshot: no way back to an editor).
    #[prop(optional, into)]
    id: Option<DossierId>,
    /// Which document.
    document: Document,
    /// The criterion weights to evaluate with.
    weights: BTreeMap<CriterionId, u32>,
    /// The dossier's history (a local dossier's; a snapshot has none).
    #[prop(optional)]
    history: History,
) -> impl IntoView {
    let navigator = use_navigator();
    let language = lang();
    let stored = StoredValue::new((dossier.clone(), weights.clone()));
    let download_markdown = move |_| {
        stored.with_value(|(d, weights)| {
            let (text, suffix) = match document {
                Document::Presentation => (
                    presentation::markdown(&presentation::presentation(d, language), language),
                    "-presentation.md",
                ),
                Document::Summary | Document::Full => {
                    let referential = Referential::builtin(d.variant()).with_weights(weights);
                    let evaluation = evaluate(d, &referential, language);
                    (
                        report::markdown(d, &evaluation, &referential, language),
                        "-auto-evaluation.md",
                    )
                }
            };
            files::download(
                &export_file_name(&d.name).replace(".json", suffix),
                "text/markdown;charset=utf-8",
                &text,
            );
        });
    };
    // A table of the dossier as a CSV file named after it.
    let download_csv = move |table: fn(&Dossier, Lang) -> String, suffix: &'static str| {
        stored.with_value(|(d, _)| {
            files::download(
                &export_file_name(&d.name).replace(".json", suffix),
                "text/csv;charset=utf-8",
                &table(d, language),
            );
        });
    };
    let download_budget = move |_| download_csv(spreadsheet::budget_csv, "-budget.csv");
    let download_funding = move |_| download_csv(spreadsheet::funding_plan_csv, "-financement.csv");
    let others = id.clone().map(|local| {
        Document::ALL
            .into_iter()
            .filter(|other| *other != document)
            .map(|other| {
                let id = local.clone();
                let name = match other {
                    Document::Presentation => tr(
                        "Voir le dossier de présentation",
                        "See the project presentation",
                    ),
                    Document::Summary => tr(
                        "Voir l'auto-évaluation (2 pages)",
                        "See the self-evaluation (2 pages)",
                    ),
                    Document::Full => tr(
                        "Voir le rapport complet d'auto-évaluation",
                        "See the full self-evaluation report",
                    ),
                };
                view! {
                    <button
                        type="button"
                        on:click=move |_| {
                            navigator
                                .go(Route::Report {
                                    id: id.clone(),
                                    document: other,
                                })
                        }
                    >
                        {name}
                    </button>
                }
            })
            .collect_view()
    });
    view! {
        <div class="report-toolbar no-print">
            {print_button()} <button type="button" on:click=download_markdown>
                {tr("Télécharger en Markdown", "Download as Markdown")}
            </button> <button type="button" on:click=download_budget>
                {tr("Budget (CSV)", "Budget (CSV)")}
            </button> <button type="button" on:click=download_funding>
                {tr("Plan de financement (CSV)", "Funding plan (CSV)")}
            </button> {others}
            {id
                .map(|local| {
                    view! {
                        <button
                            type="button"
                            on:click=move |_| {
                                navigator
                                    .go(Route::Dossier {
                                        id: local.clone(),
                                    })
                            }
                        >
                            {tr("Retour au dossier", "Back to the dossier")}
                        </button>
                    }
                })}
        </div>
        {match document {
            Document::Presentation => {
                view! { <PresentationDocument dossier=dossier saved_at_ms=saved_at_ms /> }.into_any()
            }
            Document::Summary | Document::Full => {
                view! {
                    <SelfEvaluation
                        dossier=dossier
                        saved_at_ms=saved_at_ms
                        full=document == Document::Full
                        weights=weights
                        history=history
                    />
                }
                    .into_any()
            }
        }}
    }
}

/// "Établi le …, dossier enregistré le …".
fn made_on(date: &str, saved_at_ms: u64) -> String {
    let saved = if saved_at_ms > 0 {
        format!(
            " · {} {}",
            tr("dossier enregistré le", "dossier saved on"),
            i18n::date_time(saved_at_ms),
        )
    } else {
        String::new()
    };
    format!("{} {date}{saved}", tr("Établi le", "Made on"))
}

/// The dossier de présentation: the core's document, drawn block by block.
#[component]
fn PresentationDocument(
    /// The dossier presented.
    dossier: Dossier,
    /// When it was last saved.
    saved_at_ms: u64,
) -> impl IntoView {
    let language = lang();
    let document = presentation::presentation(&dossier, language);
    let name = i18n::dossier_name(&dossier.name);
    let date = clock::local_date(clock::now_ms());
    let parts = document
        .parts
        .iter()
        .map(|part| {
            let blocks = part
                .blocks
                .iter()
                .map(|block| match block {
                    Block::Note(text) => view! {
                        <blockquote class="holder-words">
                            <p>{text.clone()}</p>
                        </blockquote>
                    }
                    .into_any(),
                    Block::Facts(facts) => view! {
                        <dl class="facts">
                            {facts
                                .iter()
                                .map(|(label, value)| {
                                    view! {
                                        <div>
                                            <dt>{label.clone()}</dt>
                                            <dd>{value.clone()}</dd>
                                        </div>
                                    }
                                })
                                .collect_view()}
                        </dl>
                    }
                    .into_any(),
                    Block::Subheading(text) => view! { <h3>{text.clone()}</h3> }.into_any(),
                    Block::List(items) => {
                        let items = items
                            .iter()
                            .map(|item| view! { <li>{item.clone()}</li> })
                            .collect_view();
                        view! { <ul>{items}</ul> }
                    }
                    .into_any(),
                    Block::Paragraph(text) => view! { <p>{text.clone()}</p> }.into_any(),
                    Block::Table { id, table } => {
                        document_table(table, format!("presentation-{id}")).into_any()
                    }
                })
                .collect_view();
            view! {
                <section class="presentation-part" data-section=part.section.slug()>
                    <h2>{part.title.clone()}</h2>
                    {blocks}
                </section>
            }
        })
        .collect_view();
    view! {
        <style>{page_footer(&name, &date)}</style>
        <article class="report presentation" data-testid="presentation">
            <header class="report-head">
                <p class="report-kind">{document.kind}</p>
                <h1>{name}</h1>
                {document.lines.into_iter().map(|line| view! { <p>{line}</p> }).collect_view()}
                <p class="report-date">{made_on(&date, saved_at_ms)}</p>
            </header>
            {parts}
        </article>
    }
}

/// Fabrique's self-evaluation of a dossier: the two-page summary or the full report, with
/// the weights it was made with.
#[component]
fn SelfEvaluation(
    /// The dossier evaluated.
    dossier: Dossier,
    /// When it was last saved.
    saved_at_ms: u64,
    /// The full report (else the two-page summary).
    full: bool,
    /// The criterion weights to evaluate with.
    weights: BTreeMap<CriterionId, u32>,
    /// The dossier's history, shown in the full report.
    history: History,
) -> impl IntoView {
    let referential = Referential::builtin(dossier.variant()).with_weights(&weights);
    let language = lang();
    let evaluation = evaluate(&dossier, &referential, language);
    let name = i18n::dossier_name(&dossier.name);
    let date = clock::local_date(clock::now_ms());
    let footer = page_footer(
        &format!(
            "{} — {name}",
            tr("Auto-évaluation Fabrique", "Fabrique self-evaluation")
        ),
        &date,
    );
    let shown = evaluation.clone();
    let evaluation_memo = Memo::new(move |_| shown.clone());
    let identity = &dossier.identity;
    let official_line = fabrique_core::territory::current_official(identity)
        .map(|official| fabrique_core::territory::official_line(official, language));
    let place = [identity.commune.trim(), identity.epci.trim()]
        .iter()
        .filter(|s| !s.is_empty())
        .copied()
        .collect::<Vec<_>>()
        .join(" · ");
    let territory = identity.territory.map(i18n::label).unwrap_or_default();
    let qpv = if identity.in_qpv {
        tr("en QPV", "in a QPV")
    } else if identity.next_to_qpv {
        tr("à proximité d'un QPV", "beside a QPV")
    } else {
        ""
    };
    let frr = (identity.frr_zone == Some(true)).then(|| {
        tr(
            "zone France Ruralités Revitalisation",
            "France Ruralités Revitalisation zone",
        )
    });
    let holder = [
        identity.holder_kind.map(i18n::label).unwrap_or_default(),
        identity.holder_name.trim(),
    ]
    .iter()
    .filter(|s| !s.is_empty())
    .copied()
    .collect::<Vec<_>>()
    .join(" — ");
    let shown_actions = if full { evaluation.actions.len() } else { 5 };
    let letters: Vec<String> = dossier
        .partners
        .iter()
        .filter(|p| p.letter_of_support)
        .map(|p| {
            if p.declared_by_partner {
                format!("{} ({})", p.name, presentation::unverified(language))
            } else {
                p.name.clone()
            }
        })
        .collect();

    view! {
        <style>{footer}</style>
        <article class=if full { "report full" } else { "report summary" } data-testid="report">
            <header class="report-head">
                <p class="report-kind">
                    {if full {
                        tr("Auto-évaluation Fabrique — rapport complet", "Fabrique self-evaluation — full report")
                    } else {
                        tr("Auto-évaluation Fabrique — synthèse", "Fabrique self-evaluation — summary")
                    }} " — " {i18n::label(dossier.call)}
                </p>
                <h1>{name.clone()}</h1>
                <p>{holder}</p>
                <p>
                    {place} {(!territory.is_empty()).then(|| format!(" · {territory}"))}
                    {(!qpv.is_empty()).then(|| format!(" · {qpv}"))} {frr.map(|frr| format!(" · {frr}"))}
                </p>
                {official_line
                    .map(|line| {
                        view! {
                            <p class="source" data-testid="report-territory-source">
                                {line}
                            </p>
                        }
                    })}
                <p class="report-date">{made_on(&date, saved_at_ms)}</p>
                <p class="report-who" data-testid="report-who">
                    {tr(
                        "Évaluation établie par Fabrique, l'outil de préparation du dossier, avec les poids \
                            ci-dessous : ce n'est ni l'avis de l'ANCT ni celui d'un jury. Pour une candidature, \
                            joignez le dossier de présentation.",
                        "Assessment made by Fabrique, the tool that prepares the dossier, with the weights below: \
                            it is neither the ANCT's nor a jury's opinion. For an application, attach the project \
                            presentation.",
                    )}
                </p>
            </header>
            <section class="report-verdict">
                <p>
                    <strong data-testid="report-verdict">{evaluation.verdict.label(language)}</strong>
                    " · "
                    {tr("score pondéré", "weighted score")}
                    " "
                    <strong>{evaluation.weighted_score}</strong>
                    " / 100"
                </p>
                {(!evaluation.blocking.is_empty())
                    .then(|| {
                        view! {
                            <ul class="blocking">
                                {evaluation
                                    .blocking
                                    .iter()
                                    .map(|b| view! { <li>{b.label(language)}</li> })
                                    .collect_view()}
                            </ul>
                        }
                    })}
            </section>
            <section class="report-criteria">
                <h2>{tr("Les six critères", "The six criteria")}</h2>
                <div class="criteria-layout">
                    <Radar evaluation=evaluation_memo />
                    <table>
                        <thead>
                            <tr>
                                <th scope="col">{tr("Critère", "Criterion")}</th>
                                <th scope="col">{tr("Poids", "Weight")}</th>
                                <th scope="col">{tr("Score", "Score")}</th>
                                <th scope="col">{tr("Niveau", "Level")}</th>
                                <th scope="col">{tr("Acquis", "Shown")}</th>
                                <th scope="col">{tr("À renforcer", "To strengthen")}</th>
                            </tr>
                        </thead>
                        <tbody>
                            {evaluation
                                .criteria
                                .iter()
                                .map(|c| {
                                    let met: Vec<String> = c
                                        .indicators
                                        .iter()
                                        .filter(|i| i.level == Level::Met)
                                        .map(|i| i.label.to_string())
                                        .collect();
                                    let missing: Vec<String> = c
                                        .indicators
                                        .iter()
                                        .filter(|i| i.level != Level::Met)
                                        .map(|i| i.label.to_string())
                                        .collect();
                                    view! {
                                        <tr>
                                            <th scope="row">{c.label.to_string()}</th>
                                            <td data-testid=format!(
                                                "report-weight-{}",
                                                crate::components::evaluation_panel::criterion_slug(c.id),
                                            )>{c.weight}</td>
                                            <td>{c.score}</td>
                                            <td data-testid=format!(
                                                "report-level-{}",
                                                crate::components::evaluation_panel::criterion_slug(c.id),
                                            )>{c.level.label(language)}</td>
                                            <td>{met.join(" ; ")}</td>
                                            <td>{missing.join(" ; ")}</td>
                                        </tr>
                                    }
                                })
                                .collect_view()}
                        </tbody>
                    </table>
                </div>
            </section>
            {(full && !history.is_empty())
                .then(|| {
                    view! {
                        <section class="report-progress">
                            <h2>{tr("Progression", "Progress")}</h2>
                            <Progress history=Signal::derive(move || history.clone()) />
                        </section>
                    }
                })}
            <section class="report-actions">
                <h2>{tr("Plan d'action", "Action plan")}</h2>
                <ol>
                    {evaluation
                        .actions
                        .iter()
                        .take(shown_actions)
                        .map(|a| view! { <li>{a.text.clone()}</li> })
                        .collect_view()}
                </ol>
            </section>
            <section class="report-partners">
                <h2>{tr("Partenaires", "Partners")}</h2>
                <p>
                    {format!(
                        "{} {} · {} {}",
                        dossier.partners.len(),
                        tr("partenaire(s)", "partner(s)"),
                        letters.len(),
                        tr("lettre(s) de soutien", "letter(s) of support"),
                    )}
                    {(!letters.is_empty())
                        .then(|| format!("{}{}", fabrique_core::report::colon(language), letters.join(", ")))}
                </p>
                {full
                    .then(|| {
                        view! {
                            <table>
                                <thead>
                                    <tr>
                                        <th scope="col">{tr("Partenaire", "Partner")}</th>
                                        <th scope="col">{tr("Catégorie", "Category")}</th>
                                        <th scope="col">{tr("Lettre", "Letter")}</th>
                                        <th scope="col">{tr("Apport", "Contribution")}</th>
                                    </tr>
                                </thead>
                                <tbody>
                                    {dossier
                                        .partners
                                        .iter()
                                        .map(|p| {
                                            view! {
                                                <tr>
                                                    <td>
                                                        {p.name.clone()}
                                                        {p
                                                            .declared_by_partner
                                                            .then(|| {
                                                                format!(" ({})", presentation::unverified(language))
                                                            })}
                                                    </td>
                                                    <td>{i18n::label(p.category)}</td>
                                                    <td>
                                                        {if p.letter_of_support {
                                                            tr("oui", "yes")
                                                        } else {
                                                            tr("non", "no")
                                                        }}
                                                    </td>
                                                    <td>
                                                        {[
                                                            p
                                                                .financial_amount
                                                                .map(|a| {
                                                                    format!(
                                                                        "{} {}",
                                                                        Local(a, i18n::lang()),
                                                                        i18n::label(p.amount_period),
                                                                    )
                                                                }),
                                                            p.in_kind.then(|| tr("en nature", "in kind").to_owned()),
                                                            p.governance_seat.then(|| tr("siège", "seat").to_owned()),
                                                        ]
                                                            .into_iter()
                                                            .flatten()
                                                            .collect::<Vec<_>>()
                                                            .join(", ")}
                                                    </td>
                                                </tr>
                                            }
                                        })
                                        .collect_view()}
                                </tbody>
                            </table>
                        }
                    })}
            </section>
            <FundingSection evaluation=evaluation.clone() full=full />
            <BudgetSection dossier=dossier.clone() evaluation=evaluation.clone() full=full />
            {(full && !dossier.staff.is_empty())
                .then(|| {
                    view! {
                        <section class="report-staff">
                            <h2>{tr("Postes et financeurs", "Positions and funders")}</h2>
                            <ul>
                                {dossier
                                    .staff
                                    .iter()
                                    .map(|p| view! { <li>{fabrique_core::report::position_line(p, language)}</li> })
                                    .collect_view()}
                            </ul>
                        </section>
                    }
                })}
            {full
                .then(|| {
                    view! {
                        <section class="report-indicators">
                            <h2>{tr("Détail des indicateurs", "Indicators in detail")}</h2>
                            {evaluation
                                .criteria
                                .iter()
                                .map(|c| {
                                    view! {
                                        <h3>
                                            {format!("{} — {} / 100, {}", c.label, c.score, c.level.label(language))}
                                        </h3>
                                        <ul>
                                            {c
                                                .indicators
                                                .iter()
                                                .map(|i| {
                                                    view! {
                                                        <li>
                                                            <strong>{i.label.to_string()}</strong>
                                                            " — "
                                                            {i.explanation.clone()}
                                                            <br />
                                                            <span class="source">
                                                                {tr("Source : ", "Source: ")}
                                                                {i.source.reference.get(language).to_string()} " ("
                                                                {i.source.kind.label(language)} ")"
                                                            </span>
                                                        </li>
                                                    }
                                                })
                                                .collect_view()}
                                        </ul>
                                    }
                                })
                                .collect_view()}
                        </section>
                        <section class="report-sources">
                            <h2>{tr("Sources des règles", "Sources of the rules")}</h2>
                            <ul>
                                {referential
                                    .rules
                                    .values()
                                    .map(|s| view! { <li>{s.reference.get(language).to_string()}</li> })
                                    .collect_view()}
                            </ul>
                        </section>
                    }
                })}
            <p class="note">
                {tr(
                    "Évaluation préparée avec Fabrique. Les pondérations, seuils et niveaux sont des choix de Fabrique \
                        : aucune pondération officielle n'est publiée.",
                    "Evaluation prepared with Fabrique. Weights, thresholds and levels are Fabrique's own choices: no \
                        official weighting is published.",
                )}
            </p>
        </article>
    }
}

/// Funding: the call and its grant, each investment's plan and its L1111-10 check, and
/// each source's eligibility, in the core's words.
#[component]
fn FundingSection(
    /// The evaluation whose funding report is shown.
    evaluation: Evaluation,
    /// Every source (else those asked, and the eligible or uncertain ones).
    full: bool,
) -> impl IntoView {
    let language = lang();
    let funding = &evaluation.funding;
    let sources: Vec<_> = funding
        .sources
        .iter()
        .filter(|s| full || s.eligibility != Eligibility::NotEligible || s.requested.0 > 0)
        .cloned()
        .collect();
    let items: Vec<_> = funding
        .items
        .iter()
        .map(|item| {
            (
                item_name(item.index, &item.label, language),
                item_plan_text(item, language),
                ceiling_text(item, language),
            )
        })
        .collect();
    view! {
        <section class="report-funding">
            <h2>{tr("Financements", "Funding")}</h2>
            <p>{tr("Appel visé : ", "Call: ")}{funding.call.call().name.get(language)}</p>
            <p>{tr("Subvention de l'appel : ", "The call's grant: ")}{bounds_text(&funding.ami_bounds, language)}</p>
            {(!items.is_empty())
                .then(|| {
                    view! {
                        <ul class="report-items">
                            {items
                                .into_iter()
                                .map(|(name, plan, ceiling)| {
                                    view! {
                                        <li>
                                            <strong>{name}</strong>
                                            " — "
                                            {plan}
                                            <br />
                                            {tr(
                                                "Part propre minimale (CGCT art. L1111-10) — ",
                                                "Minimum own share (CGCT art. L1111-10) — ",
                                            )}
                                            {ceiling}
                                        </li>
                                    }
                                })
                                .collect_view()}
                        </ul>
                    }
                })}
            <table>
                <thead>
                    <tr>
                        <th scope="col">{tr("Source", "Source")}</th>
                        <th scope="col">{tr("Éligibilité", "Eligibility")}</th>
                        <th scope="col">{tr("Demandé", "Requested")}</th>
                        <th scope="col">{tr("Pourquoi", "Why")}</th>
                    </tr>
                </thead>
                <tbody>
                    {sources
                        .into_iter()
                        .map(|s| {
                            view! {
                                <tr>
                                    <td>{i18n::label(s.source)}</td>
                                    <td>{s.eligibility.label(language)}</td>
                                    <td>
                                        {if s.requested.0 > 0 {
                                            Local(s.requested, language).to_string()
                                        } else {
                                            tr("non sollicitée", "not asked").to_owned()
                                        }}
                                    </td>
                                    <td>{s.reason.to_string()} " (" {public_aid_note(s.source).get(language)} ")"</td>
                                </tr>
                            }
                        })
                        .collect_view()}
                </tbody>
            </table>
        </section>
    }
}

/// The budget: its figures, and in the full report the 4-year table.
#[component]
fn BudgetSection(
    /// The dossier whose budget is shown.
    dossier: Dossier,
    /// Its evaluation (the budget's figures).
    evaluation: Evaluation,
    /// The 4-year table too.
    full: bool,
) -> impl IntoView {
    let f = &evaluation.finances;
    let share = |p: Option<fabrique_core::units::Percent>| {
        p.map_or_else(|| "—".to_owned(), |p| Local(p, i18n::lang()).to_string())
    };
    view! {
        <section class="report-budget">
            <h2>{tr("Budget de fonctionnement", "Operating budget")}</h2>
            <p>
                {format!(
                    "{} {} ({} {}) · {} {} · {} {} · {} {}",
                    tr("Recettes propres sur 3 ans :", "Own revenue over 3 years:"),
                    share(f.own_revenue_share),
                    tr("repère :", "benchmark:"),
                    Local(f.own_revenue_benchmark, i18n::lang()),
                    tr("part de l'AMI :", "AMI share:"),
                    share(f.ami_dependence),
                    tr("année après la subvention, sans l'AMI :", "year after the grant, without the AMI:"),
                    fabrique_core::finance::balance_text(f, i18n::lang()),
                    tr("ETP financés :", "FTE funded:"),
                    f.fte_funded.map(|x| Local(x, i18n::lang()).to_string()).join(" · "),
                )}
            </p>
            {full
                .then(|| {
                    view! {
                        <div class="budget-table">
                            {document_table(
                                &spreadsheet::budget_table(&dossier, i18n::lang()),
                                "report-budget".to_owned(),
                            )}
                        </div>
                    }
                })}
        </section>
    }
}
