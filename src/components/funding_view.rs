//! The funding view: eligibility per source with its reason, the 80 % ceiling, the AMI's
//! bounds.

use crate::i18n::{funding_source, tr};
use fabrique_core::evaluation::Evaluation;
use fabrique_core::funding::{CeilingCheck, Eligibility};
use leptos::prelude::*;

/// The funding checks of the dossier.
#[component]
pub fn FundingView(
    /// The evaluation whose funding report is shown.
    evaluation: Memo<Evaluation>,
) -> impl IntoView {
    view! {
        <section class="funding-view" aria-labelledby="funding-title">
            <h3 id="funding-title">{tr("Financements", "Funding")}</h3>
            <ul class="sources">
                {move || evaluation.with(|e| e.funding.sources.iter().map(|source| {
                    let (class, word) = match source.eligibility {
                        Eligibility::Eligible => ("eligible", tr("éligible", "eligible")),
                        Eligibility::NotEligible => ("not-eligible", tr("non éligible", "not eligible")),
                        Eligibility::ToCheck => ("to-check", tr("à vérifier", "to check")),
                    };
                    view! {
                        <li class=class>
                            <strong>{funding_source(source.source)}</strong> " : " <span class="eligibility">{word}</span>
                            {(source.requested.0 > 0).then(|| format!(" ({} {})", tr("demandé", "requested"), source.requested))}
                            <br/><span class="reason">{source.reason.to_string()}</span>
                        </li>
                    }
                }).collect_view())}
            </ul>
            <p data-testid="ceiling">
                <strong>{tr("Plafond de 80 % d'aides publiques (CGCT art. L1111-10) : ", "80 % public-aid ceiling (CGCT art. L1111-10): ")}</strong>
                {move || evaluation.with(|e| match &e.funding.ceiling {
                    CeilingCheck::NotApplicable => tr("sans objet (aucun investissement porté par une collectivité).", "not applicable (no investment owned by a collectivité).").to_owned(),
                    CeilingCheck::Exempt { reason } => reason.clone(),
                    CeilingCheck::Respected { public_aid_share } => format!("{} {public_aid_share}.", tr("respecté :", "respected:")),
                    CeilingCheck::Exceeded { public_aid_share, missing_own_share } => format!(
                        "{} {public_aid_share} ; {} {missing_own_share}.",
                        tr("dépassé :", "exceeded:"),
                        tr("le maître d'ouvrage doit apporter en plus", "the owner must bring in addition")
                    ),
                })}
            </p>
            <p data-testid="ami-bounds">
                <strong>{tr("AMI : ", "AMI: ")}</strong>
                {move || evaluation.with(|e| {
                    let bounds = &e.funding.ami_bounds;
                    let mut parts = vec![format!("{} {}", bounds.total, tr("sur 3 ans", "over 3 years"))];
                    parts.push(if bounds.within_total_range { tr("dans la fourchette de 75 000 à 150 000 €", "within 75,000–150,000 €") } else { tr("hors de la fourchette de 75 000 à 150 000 €", "outside 75,000–150,000 €") }.to_owned());
                    parts.push(if bounds.within_yearly_cap { tr("50 000 € par an au plus : respecté", "at most 50,000 € a year: respected") } else { tr("plus de 50 000 € sur une année", "more than 50,000 € in a year") }.to_owned());
                    if bounds.grant_after_year_3 {
                        parts.push(tr("subvention AMI inscrite en année 4", "AMI grant in year 4").to_owned());
                    }
                    if e.funding.ami_asked_for_investment {
                        parts.push(tr("l'AMI finance le fonctionnement, pas l'investissement", "the AMI funds operating costs, not investment").to_owned());
                    }
                    parts.join(" ; ")
                })}
            </p>
        </section>
    }
}
