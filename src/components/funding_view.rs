//! The funding view: the call the dossier answers and its grant against the call's rules,
//! each investment's plan against its cost with the L1111-10 check, the sources asked (and,
//! apart, those not asked) with their eligibility, what counts as public aid, and the
//! programme's resources that are not money. Every sentence comes from the core, which the
//! reports and the command line use too.

use crate::i18n::{self, lang, tr};
use fabrique_core::calls::{CATALOGUE, CATALOGUE_SOURCE, CATALOGUE_WHO};
use fabrique_core::evaluation::Evaluation;
use fabrique_core::funding::{
    bounds_text, ceiling_text, item_name, item_plan_text, public_aid_note, Eligibility,
    SourceEligibility,
};
use fabrique_core::label::Label;
use fabrique_core::report::colon;
use fabrique_core::units::Local;
use leptos::prelude::*;

/// One source's line: its eligibility, what is asked, why.
fn source_line(source: &SourceEligibility) -> impl IntoView {
    let (class, word) = match source.eligibility {
        Eligibility::Eligible => ("eligible", tr("éligible", "eligible")),
        Eligibility::NotEligible => ("not-eligible", tr("non éligible", "not eligible")),
        Eligibility::ToCheck => ("to-check", tr("à vérifier", "to check")),
    };
    view! {
        <li class=class>
            <strong>{i18n::label(source.source)}</strong>
            {colon(lang())}
            <span class="eligibility">{word}</span>
            {(source.requested.0 > 0)
                .then(|| format!(" ({} {})", tr("demandé", "requested"), Local(source.requested, lang())))}
            <br />
            <span class="reason">{source.reason.to_string()}</span>
        </li>
    }
}

/// The funding checks of the dossier.
#[component]
pub fn FundingView(
    /// The evaluation whose funding report is shown.
    evaluation: Memo<Evaluation>,
) -> impl IntoView {
    let language = lang();
    view! {
        <section class="funding-view" aria-labelledby="funding-title">
            <h3 id="funding-title">{tr("Financements", "Funding")}</h3>
            <p data-testid="call">
                <strong>{tr("Appel visé : ", "Call: ")}</strong>
                {move || evaluation.with(|e| e.funding.call.call().name.get(language))}
            </p>
            <p data-testid="ami-bounds">
                <strong>{tr("Subvention de l'appel : ", "The call's grant: ")}</strong>
                {move || evaluation.with(|e| bounds_text(&e.funding.ami_bounds, language))}
            </p>
            <div data-testid="ceiling" class="investment-checks">
                <h4>
                    {tr(
                        "Plan de financement des investissements (CGCT art. L1111-10)",
                        "Investment funding plan (CGCT art. L1111-10)",
                    )}
                </h4>
                {move || {
                    evaluation
                        .with(|e| {
                            if e.funding.items.is_empty() {
                                view! {
                                    <p>
                                        {tr(
                                            "Aucun investissement : la règle des 20 % de part propre est sans objet.",
                                            "No investment: the 20% own-share rule is not applicable.",
                                        )}
                                    </p>
                                }
                                    .into_any()
                            } else {
                                let totals = e.funding.totals();
                                view! {
                                    <ul>
                                        {e
                                            .funding
                                            .items
                                            .iter()
                                            .map(|item| {
                                                view! {
                                                    <li>
                                                        <strong>{item_name(item.index, &item.label, language)}</strong>
                                                        " — "
                                                        {item_plan_text(item, language)}
                                                        <br />
                                                        {tr(
                                                            "Part propre minimale (CGCT art. L1111-10) — ",
                                                            "Minimum own share (CGCT art. L1111-10) — ",
                                                        )}
                                                        {ceiling_text(item, language)}
                                                    </li>
                                                }
                                            })
                                            .collect_view()}
                                    </ul>
                                    <p class="totals">
                                        {format!(
                                            "{} {}{separator}{} {}{separator}{} {}{separator}{} {}",
                                            tr("Total : coût", "Total: cost"),
                                            Local(totals.cost, language),
                                            tr("financé", "financed"),
                                            Local(totals.financed, language),
                                            tr("reste à financer", "still to finance"),
                                            Local(totals.remaining, language),
                                            tr("au-delà du coût", "beyond the cost"),
                                            Local(totals.over_financed, language),
                                            separator = tr(" ; ", "; "),
                                        )}
                                    </p>
                                }
                                    .into_any()
                            }
                        })
                }}
            </div>
            <h4>{tr("Sources sollicitées", "Sources asked")}</h4>
            <ul class="sources" data-testid="sources-asked">
                {move || {
                    evaluation
                        .with(|e| {
                            let asked: Vec<_> = e.funding.asked().map(source_line).collect();
                            if asked.is_empty() {
                                view! { <li>{tr("Aucune pour l'instant.", "None yet.")}</li> }.into_any()
                            } else {
                                asked.collect_view().into_any()
                            }
                        })
                }}
            </ul>
            <details>
                <summary>{tr("Autres sources, non sollicitées", "Other sources, not asked")}</summary>
                <ul class="sources" data-testid="sources-not-asked">
                    {move || evaluation.with(|e| e.funding.not_asked().map(source_line).collect_view())}
                </ul>
            </details>
            <details>
                <summary>
                    {tr("Ce qui compte comme aide publique, et pourquoi", "What counts as public aid, and why")}
                </summary>
                <ul>
                    {fabrique_core::dossier::FundingSource::ALL
                        .iter()
                        .copied()
                        .map(|source| {
                            view! {
                                <li>
                                    <strong>{i18n::label(source)}</strong>
                                    {colon(language)}
                                    {public_aid_note(source).get(language)}
                                </li>
                            }
                        })
                        .collect_view()}
                </ul>
            </details>
            <details>
                <summary>
                    {tr(
                        "Ressources du programme pour les lauréats (pas de l'argent)",
                        "The programme's resources for laureates (not money)",
                    )}
                </summary>
                <ul data-testid="catalogue">
                    {CATALOGUE
                        .into_iter()
                        .map(|resource| {
                            view! {
                                <li>
                                    <strong>{resource.name.get(language)}</strong>
                                    {colon(language)}
                                    {resource.brings.get(language)}
                                </li>
                            }
                        })
                        .collect_view()}
                </ul>
                <p>{CATALOGUE_WHO.get(language)}</p>
                <p class="source">{tr("Source : ", "Source: ")}{CATALOGUE_SOURCE.get(language)}</p>
            </details>
        </section>
    }
}
