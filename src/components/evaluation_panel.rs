//! The evaluation beside the form, updated at every keystroke: the verdict and weighted
//! score, what blocks, the radar of the six criteria, each criterion with its indicators
//! and their sources, the action plan, the funding view and the budget summary.

use crate::components::{
    action_plan::ActionPlan, budget_summary::BudgetSummary, funding_view::FundingView,
    in_next_task, progress::Progress, radar::Radar,
};
use crate::i18n::{lang, tr};
use fabrique_core::evaluation::{CriterionResult, Evaluation, IndicatorResult, Level, Verdict};
use fabrique_core::label::Label;
use fabrique_core::referential::{CriterionId, SourceKind};
use leptos::prelude::*;

/// A criterion's stable name in test ids and anchors.
pub fn criterion_slug(id: CriterionId) -> &'static str {
    match id {
        CriterionId::Gouvernance => "gouvernance",
        CriterionId::Partenariats => "partenariats",
        CriterionId::BesoinTerritorial => "besoin-territorial",
        CriterionId::ServicesNumeriques => "services-numeriques",
        CriterionId::ModeleEconomique => "modele-economique",
        CriterionId::PosteEtp => "poste-etp",
        CriterionId::Locaux => "locaux",
        CriterionId::StructureJuridique => "structure-juridique",
        CriterionId::StrategieRh => "strategie-rh",
        CriterionId::ParcMachines => "parc-machines",
        CriterionId::Formation => "formation",
        CriterionId::EntreprisesLocales => "entreprises-locales",
    }
}

/// The live evaluation of the dossier being edited.
#[component]
pub fn EvaluationPanel(
    /// The evaluation, recomputed by the core on every change.
    evaluation: Memo<Evaluation>,
    /// Opens a section of the dossier (none: a read-only view, actions are not links).
    #[prop(optional)]
    go_to: Option<Callback<fabrique_core::evaluation::Section>>,
    /// The dossier's progress, day by day (the holder's dossier only).
    #[prop(optional_no_strip)]
    progress: Option<Signal<fabrique_core::history::History>>,
) -> impl IntoView {
    let lang = lang();
    let whole = RwSignal::new(false);
    let verdict_class = move || match evaluation.with(|e| e.verdict) {
        Verdict::PretADeposer => "verdict ready",
        Verdict::AConsolider => "verdict consolidate",
        Verdict::PasEncorePret => "verdict not-ready",
    };
    // The detail (hidden on a phone until asked; below the summary on a wider screen) is
    // drawn in a task of its own: more than half of the screen's elements.
    let detail = in_next_task();
    view! {
        <aside class="evaluation" aria-labelledby="evaluation-title">
            <h2 id="evaluation-title">{tr("Évaluation", "Evaluation")}</h2>
            <p class=verdict_class aria-live="polite">
                <strong data-testid="verdict">{move || evaluation.with(|e| e.verdict.label(lang))}</strong>
                " · "
                {tr("score pondéré", "weighted score")}
                " "
                <strong data-testid="weighted-score">{move || evaluation.with(|e| e.weighted_score)}</strong>
                " / 100"
            </p>
            {progress.map(|history| view! { <Progress history=history /> })}
            {move || {
                let blocking = evaluation.with(|e| e.blocking.clone());
                (!blocking.is_empty())
                    .then(|| {
                        view! {
                            <div class="blocking">
                                <h3>{tr("Ce qui bloque", "What blocks")}</h3>
                                <ul>
                                    {blocking.into_iter().map(|b| view! { <li>{b.label(lang)}</li> }).collect_view()}
                                </ul>
                            </div>
                        }
                    })
            }}
            // On a phone: the summary above, the whole panel one tap away.
            <button
                type="button"
                class="evaluation-toggle"
                aria-expanded=move || whole.get().to_string()
                aria-controls="evaluation-more"
                on:click=move |_| whole.update(|open| *open = !*open)
            >
                {move || {
                    if whole.get() {
                        tr("Réduire l'évaluation", "Collapse the evaluation")
                    } else {
                        tr("Voir toute l'évaluation", "See the whole evaluation")
                    }
                }}
            </button>
            <div
                id="evaluation-more"
                class=move || if whole.get() { "evaluation-more open" } else { "evaluation-more" }
            >
                {move || detail.get().then(|| view! { <EvaluationDetail evaluation=evaluation go_to=go_to /> })}
            </div>
        </aside>
    }
}

/// The panel's detail: the radar, each criterion with its indicators, the action plan, the
/// funding view and the budget summary.
#[component]
fn EvaluationDetail(
    /// The evaluation, recomputed by the core on every change.
    evaluation: Memo<Evaluation>,
    /// Opens a section of the dossier (none: a read-only view).
    go_to: Option<Callback<fabrique_core::evaluation::Section>>,
) -> impl IntoView {
    // The plan, the funding and the budget, below the criteria, in one more task: each task
    // of the detail stays short on a phone's CPU.
    let rest = in_next_task();
    view! {
        <Radar evaluation=evaluation />
        <h3>{tr("Critères", "Criteria")}</h3>
        <ul class="criteria">
            {move || {
                evaluation
                    .with(|e| e.criteria.clone())
                    .into_iter()
                    .map(|criterion| view! { <CriterionLine criterion=criterion /> })
                    .collect_view()
            }}
        </ul>
        <p class="note">
            {tr(
                "Les pondérations, les seuils et les niveaux sont des choix de Fabrique : aucune pondération \
                officielle n'est publiée. Vous pouvez changer les pondérations dans les réglages.",
                "Weights, thresholds and levels are Fabrique's own choices: no official weighting is \
                published. You can change the weights in the settings.",
            )}
        </p>
        {move || {
            rest.get()
                .then(|| {
                    view! {
                        <ActionPlan evaluation=evaluation go_to=go_to />
                        <FundingView evaluation=evaluation />
                        <BudgetSummary evaluation=evaluation />
                    }
                })
        }}
    }
}

/// One criterion: its score and level, expandable into its indicators.
#[component]
fn CriterionLine(
    /// The evaluated criterion.
    criterion: CriterionResult,
) -> impl IntoView {
    let test_id = format!("score-{}", criterion_slug(criterion.id));
    let level_id = format!("level-{}", criterion_slug(criterion.id));
    view! {
        <li class="criterion">
            <details>
                <summary>
                    <span class="criterion-label">{criterion.label.to_string()}</span>
                    " "
                    <strong data-testid=test_id>{criterion.score}</strong>
                    " / 100 · "
                    <span class="criterion-level" data-testid=level_id>
                        {criterion.level.label(lang())}
                    </span>
                </summary>
                <ul class="indicators">
                    {criterion
                        .indicators
                        .into_iter()
                        .map(|indicator| view! { <IndicatorLine indicator=indicator /> })
                        .collect_view()}
                </ul>
            </details>
        </li>
    }
}

/// One indicator: its level, what it checks, why, and where the rule comes from.
#[component]
fn IndicatorLine(
    /// The evaluated indicator.
    indicator: IndicatorResult,
) -> impl IntoView {
    let (class, level) = match indicator.level {
        Level::Met => ("met", tr("Acquis", "Met")),
        Level::Partial => ("partial", tr("Partiel", "Partial")),
        Level::Missing => ("missing", tr("Manquant", "Missing")),
    };
    let kind = indicator.source.kind.label(lang());
    let reference = indicator.source.reference.get(lang()).to_string();
    let ours = indicator.source.kind == SourceKind::FabriqueChoice;
    view! {
        <li class=format!("indicator {class}")>
            <span class="level">{level}</span>
            <span class="label">{indicator.label.to_string()}</span>
            <span class="explanation">{indicator.explanation}</span>
            <span class="source" class:ours=ours>
                {tr("Source : ", "Source: ")}
                {reference}
                " ("
                <span data-testid="source-kind">{kind}</span>
                ")"
            </span>
        </li>
    }
}
