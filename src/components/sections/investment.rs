//! Section "Investissement": works and equipment, who owns them and who is asked to fund.

use crate::components::fields::*;
use crate::i18n::tr;
use fabrique_core::dossier::{FundingRequest, FundingSource, InvestmentItem, InvestmentOwner};
use leptos::prelude::*;

/// The investment items and their funding plans.
#[component]
pub fn InvestmentForm(
    /// The dossier being edited.
    editing: Editing,
) -> impl IntoView {
    view! {
        <p class="help">{tr(
            "Quand une collectivité est maître d'ouvrage d'un investissement, elle doit en financer au moins 20 % des financements publics (CGCT art. L1111-10) : les aides publiques plafonnent à 80 %. Le mécénat n'entre pas dans le calcul. L'AMI finance le fonctionnement, pas l'investissement.",
            "When a collectivité owns an investment, it must fund at least 20 % of the public financing (CGCT art. L1111-10): public aid tops out at 80 %. Sponsorship is outside the calculation. The AMI funds operating costs, not investment.",
        )}</p>
        {optional_choice_field(editing, tr("Exception au plafond de 80 %", "Exception to the 80 % ceiling").into(), |d| d.investment.exception, |d, v| d.investment.exception = v)}
        {list_editor(
            editing,
            |d| d.investment.items.len(),
            move |i| view! {
                {text_field(editing, format!("{} {}", tr("Investissement", "Investment"), i + 1), move |d| d.investment.items.get(i).map(|t| t.label.clone()).unwrap_or_default(), move |d, v| if let Some(t) = d.investment.items.get_mut(i) { t.label = v })}
                {money_field(editing, format!("{} {}", tr("Coût (€) de l'investissement", "Cost (€) of investment"), i + 1), move |d| d.investment.items.get(i).map(|t| t.cost).unwrap_or_default(), move |d, v| if let Some(t) = d.investment.items.get_mut(i) { t.cost = v })}
                {choice_field(editing, format!("{} {}", tr("Maître d'ouvrage de l'investissement", "Owner of investment"), i + 1), move |d| d.investment.items.get(i).map_or(InvestmentOwner::Holder, |t| t.owner), move |d, v| if let Some(t) = d.investment.items.get_mut(i) { t.owner = v })}
                <div class="funding">
                    {list_editor(
                        editing,
                        move |d| d.investment.items.get(i).map_or(0, |t| t.funding.len()),
                        move |j| view! {
                            {choice_field(editing, format!("{} {}.{}", tr("Financeur", "Funder"), i + 1, j + 1), move |d| d.investment.items.get(i).and_then(|t| t.funding.get(j)).map_or(FundingSource::Own, |f| f.source), move |d, v| if let Some(f) = d.investment.items.get_mut(i).and_then(|t| t.funding.get_mut(j)) { f.source = v })}
                            {money_field(editing, format!("{} {}.{}", tr("Montant demandé (€)", "Amount requested (€)"), i + 1, j + 1), move |d| d.investment.items.get(i).and_then(|t| t.funding.get(j)).map(|f| f.amount).unwrap_or_default(), move |d, v| if let Some(f) = d.investment.items.get_mut(i).and_then(|t| t.funding.get_mut(j)) { f.amount = v })}
                        }.into_any(),
                        move |d, j| if let Some(t) = d.investment.items.get_mut(i) { if j < t.funding.len() { t.funding.remove(j); } },
                        move |d| if let Some(t) = d.investment.items.get_mut(i) { t.funding.push(FundingRequest::default()) },
                        tr("Ajouter un financeur", "Add a funder"),
                        tr("le financeur", "funder"),
                    )}
                </div>
            }.into_any(),
            |d, i| if i < d.investment.items.len() { d.investment.items.remove(i); },
            |d| d.investment.items.push(InvestmentItem::default()),
            tr("Ajouter un investissement", "Add an investment"),
            tr("l'investissement", "investment"),
        )}
    }
}
