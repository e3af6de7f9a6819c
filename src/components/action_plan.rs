//! The action plan: what to do next, in plain words: the funding plan's problems first,
//! then the indicators, the most valuable first.

use crate::i18n::tr;
use fabrique_core::evaluation::{ActionKind, Evaluation};
use leptos::prelude::*;

/// How many actions are shown before "voir tout".
const SHOWN_FIRST: usize = 5;

/// The action plan.
#[component]
pub fn ActionPlan(
    /// The evaluation whose actions are listed.
    evaluation: Memo<Evaluation>,
) -> impl IntoView {
    let show_all = RwSignal::new(false);
    let total = Memo::new(move |_| evaluation.with(|e| e.actions.len()));
    view! {
        <section class="action-plan" aria-labelledby="plan-title">
            <h3 id="plan-title">{tr("Que faire ensuite ?", "What next?")}</h3>
            {move || (total.get() == 0).then(|| view! { <p>{tr("Rien de plus : chaque indicateur est acquis.", "Nothing more: every indicator is met.")}</p> })}
            <ol data-testid="action-plan">
                {move || evaluation.with(|e| {
                    let limit = if show_all.get() { e.actions.len() } else { SHOWN_FIRST };
                    e.actions.iter().take(limit).map(|action| {
                        // A funding problem comes first whatever it adds to the score.
                        let gain = match action.kind {
                            ActionKind::Funding => tr("plan de financement", "funding plan").to_owned(),
                            ActionKind::Indicator => format!("+{},{:02} pt", action.gain_hundredths / 100, action.gain_hundredths % 100),
                        };
                        view! { <li>{action.text.clone()} " " <span class="gain">{gain}</span></li> }
                    }).collect_view()
                })}
            </ol>
            {move || (total.get() > SHOWN_FIRST).then(|| view! {
                <button type="button" on:click=move |_| show_all.update(|all| *all = !*all) aria-expanded=move || show_all.get().to_string()>
                    {move || if show_all.get() { tr("Voir moins", "Show less").to_owned() } else { format!("{} ({})", tr("Voir tout le plan", "Show the whole plan"), total.get()) }}
                </button>
            })}
        </section>
    }
}
