//! The evaluation beside the form: the verdict, the weighted score, and each criterion's
//! score, level and indicators, each with its explanation and source.

use fabrique_core::evaluation::{CriterionResult, Evaluation, IndicatorResult, Level};
use fabrique_core::referential::{Lang, SourceKind};
use leptos::prelude::*;

/// The live evaluation of the dossier being edited.
#[component]
pub fn EvaluationPanel(
    /// The evaluation, recomputed by the core on every change.
    evaluation: Memo<Evaluation>,
) -> impl IntoView {
    view! {
        <aside class="evaluation" aria-labelledby="evaluation-title">
            <h2 id="evaluation-title">"Évaluation"</h2>
            <p class="verdict" aria-live="polite">
                <strong data-testid="verdict">{move || evaluation.with(|e| e.verdict.label(Lang::Fr))}</strong>
                " · score pondéré "
                <strong data-testid="weighted-score">{move || evaluation.with(|e| e.weighted_score)}</strong>
                " / 100"
            </p>
            <ul class="criteria">
                {move || {
                    evaluation
                        .with(|e| e.criteria.clone())
                        .into_iter()
                        .map(|criterion| view! { <CriterionLine criterion=criterion/> })
                        .collect_view()
                }}
            </ul>
            <p class="note">
                "Les pondérations et les seuils sont des choix de Fabrique : aucune pondération officielle n'est publiée."
            </p>
        </aside>
    }
}

/// One criterion: its score and level, expandable into its indicators.
#[component]
fn CriterionLine(
    /// The evaluated criterion.
    criterion: CriterionResult,
) -> impl IntoView {
    let test_id = format!("score-{}", criterion.label.to_lowercase().replace(' ', "-"));
    view! {
        <li class="criterion">
            <details>
                <summary>
                    <span class="criterion-label">{criterion.label.clone()}</span>
                    " "
                    <strong data-testid=test_id>{criterion.score}</strong>
                    " / 100 · "
                    <span class="criterion-level">{criterion.level.label(Lang::Fr)}</span>
                </summary>
                <ul class="indicators">
                    {criterion
                        .indicators
                        .into_iter()
                        .map(|indicator| view! { <IndicatorLine indicator=indicator/> })
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
        Level::Met => ("met", "Acquis"),
        Level::Partial => ("partial", "Partiel"),
        Level::Missing => ("missing", "Manquant"),
    };
    let ours = if indicator.source.kind == SourceKind::FabriqueChoice {
        " (choix de Fabrique)"
    } else {
        ""
    };
    view! {
        <li class=format!("indicator {class}")>
            <span class="level">{level}</span>
            <span class="label">{indicator.label}</span>
            <span class="explanation">{indicator.explanation}</span>
            <span class="source">"Source : " {indicator.source.reference} {ours}</span>
        </li>
    }
}
