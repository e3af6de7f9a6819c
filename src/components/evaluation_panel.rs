//! The evaluation beside the form: each criterion's score and the indicators behind it.

use fabrique_core::evaluation::{Evaluation, IndicatorResult, Level, Source};
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
            <p class="criterion-score" aria-live="polite">
                "Gouvernance : "
                <strong data-testid="score-gouvernance">
                    {move || evaluation.with(|e| e.governance.score)}
                </strong>
                " / 100"
            </p>
            <ul class="indicators">
                {move || {
                    evaluation
                        .with(|e| e.governance.indicators.clone())
                        .into_iter()
                        .map(|indicator| view! { <IndicatorLine indicator=indicator/> })
                        .collect_view()
                }}
            </ul>
            <p class="note">
                "Les pondérations et les seuils sont des choix de Fabrique : aucune pondération officielle n'est publiée."
            </p>
        </aside>
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
    let source = match indicator.source {
        Source::SelectionCriterion => "Critère de sélection de l'AMI",
        Source::FabriqueChoice => "Choix de Fabrique",
    };
    view! {
        <li class=format!("indicator {class}")>
            <span class="level">{level}</span>
            <span class="label">{indicator.label}</span>
            <span class="explanation">{indicator.explanation}</span>
            <span class="source">"Source : " {source}</span>
        </li>
    }
}
