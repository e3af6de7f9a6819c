//! The action plan, in the order a programme officer gives it: what blocks the dossier, then
//! the funding plan's problems, then the indicators, the most valuable first. Each action
//! quotes the dossier's own figures, and opens the section where it is done.

use crate::i18n::{self, tr};
use fabrique_core::evaluation::{ActionKind, Evaluation, Section};
use fabrique_core::label::Label;
use leptos::prelude::*;

/// How many actions are shown before "voir tout".
const SHOWN_FIRST: usize = 5;

/// The action plan.
#[component]
pub fn ActionPlan(
    /// The evaluation whose actions are listed.
    evaluation: Memo<Evaluation>,
    /// Opens the section where an action is done (none: the actions are not links).
    go_to: Option<Callback<Section>>,
) -> impl IntoView {
    let show_all = RwSignal::new(false);
    let total = Memo::new(move |_| evaluation.with(|e| e.actions.len()));
    view! {
        <section class="action-plan" aria-labelledby="plan-title">
            <h3 id="plan-title">{tr("Que faire ensuite ?", "What next?")}</h3>
            {move || {
                (total.get() == 0)
                    .then(|| {
                        view! {
                            <p>
                                {tr(
                                    "Rien de plus : chaque indicateur est acquis.",
                                    "Nothing more: every indicator is met.",
                                )}
                            </p>
                        }
                    })
            }}
            <ol data-testid="action-plan">
                {move || {
                    evaluation
                        .with(|e| {
                            let limit = if show_all.get() { e.actions.len() } else { SHOWN_FIRST };
                            e.actions
                                .iter()
                                .take(limit)
                                .map(|action| {
                                    let class = match action.kind {
                                        ActionKind::Blocking => "blocking",
                                        ActionKind::Funding => "funding",
                                        ActionKind::Indicator => "indicator",
                                    };
                                    let why = action.why(i18n::lang());
                                    let section = action.section;
                                    let step = action
                                        .step
                                        .map(|step| {
                                            // What blocks and the funding plan come first, whatever the score.
                                            view! {
                                                " "
                                                <span class="step">{format!("({})", step.label(i18n::lang()))}</span>
                                            }
                                        });
                                    let link = go_to
                                        .map(|go| {
                                            view! {
                                                " "
                                                <button
                                                    type="button"
                                                    class="link go-to-section"
                                                    data-testid="action-section"
                                                    on:click=move |_| go.run(section)
                                                >
                                                    {format!("{} {}", tr("→", "→"), i18n::label(section))}
                                                </button>
                                            }
                                        });
                                    view! {
                                        <li class=class data-id=action.indicator_id.to_string()>
                                            {action.text.clone()}
                                            " "
                                            <span class="gain">{why}</span>
                                            {step}
                                            {link}
                                        </li>
                                    }
                                })
                                .collect_view()
                        })
                }}
            </ol>
            {move || {
                (total.get() > SHOWN_FIRST)
                    .then(|| {
                        view! {
                            <button
                                type="button"
                                on:click=move |_| show_all.update(|all| *all = !*all)
                                aria-expanded=move || show_all.get().to_string()
                            >
                                {move || {
                                    if show_all.get() {
                                        tr("Voir moins", "Show less").to_owned()
                                    } else {
                                        format!("{} ({})", tr("Voir tout le plan", "Show the whole plan"), total.get())
                                    }
                                }}
                            </button>
                        }
                    })
            }}
        </section>
    }
}
