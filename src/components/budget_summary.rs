//! The budget summary: own-revenue share against the survey benchmark, dependence on the
//! AMI, the year after it, and the FTE funded each year.

use crate::i18n::tr;
use fabrique_core::evaluation::Evaluation;
use fabrique_core::units::{Local, Percent};
use leptos::prelude::*;

/// The budget's figures.
#[component]
pub fn BudgetSummary(
    /// The evaluation whose financial figures are shown.
    evaluation: Memo<Evaluation>,
) -> impl IntoView {
    let lang = crate::i18n::lang();
    let share =
        move |p: Option<Percent>| p.map_or_else(|| "—".to_owned(), |p| Local(p, lang).to_string());
    view! {
        <section class="budget-summary" aria-labelledby="budget-title">
            <h3 id="budget-title">{tr("Budget", "Budget")}</h3>
            <dl>
                <dt>{tr("Recettes propres pendant la subvention", "Own revenue during the grant")}</dt>
                <dd data-testid="own-revenue-share">
                    {move || {
                        evaluation
                            .with(|e| {
                                format!(
                                    "{} ({} {})",
                                    share(e.finances.own_revenue_share),
                                    tr("repère des enquêtes :", "survey benchmark:"),
                                    Local(e.finances.own_revenue_benchmark, lang),
                                )
                            })
                    }}
                </dd>
                <dt>{tr("Part de l'AMI dans les recettes", "AMI share of revenue")}</dt>
                <dd>{move || evaluation.with(|e| share(e.finances.ami_dependence))}</dd>
                <dt>
                    {move || {
                        evaluation
                            .with(|e| {
                                format!(
                                    "{} {} {}",
                                    tr("Solde de l'année", "Balance of year"),
                                    e.finances.after_grant_year + 1,
                                    tr("sans l'AMI (après la subvention)", "without the AMI (after the grant)"),
                                )
                            })
                    }}
                </dt>
                <dd data-testid="year4-balance">
                    {move || evaluation.with(|e| fabrique_core::finance::balance_text(&e.finances, lang))}
                </dd>
                <dt>{tr("ETP financés (années 1 à 4)", "FTE funded (years 1 to 4)")}</dt>
                <dd>
                    {move || {
                        evaluation.with(|e| e.finances.fte_funded.map(|f| Local(f, lang).to_string()).join(" · "))
                    }}
                </dd>
            </dl>
        </section>
    }
}
