//! Section "Investissement": works and equipment, who owns them and who is asked to fund.

use crate::components::fields::*;
use crate::i18n::tr;
use fabrique_core::dossier::{
    DsilTheme, FundingRequest, FundingSource, InvestmentItem, InvestmentOwner,
};
use fabrique_core::funding::{ceiling_text, check_item, item_plan_text};
use fabrique_core::label::Label;
use leptos::prelude::*;

/// What the plan of item `index` comes to: financed, the owner's share, the L1111-10
/// check. Built again only when that item's check changes.
fn item_result(editing: Editing, index: usize) -> impl IntoView {
    let check = Memo::new(move |_| editing.read(|d| check_item(d, index)));
    view! {
        <p class="item-plan" data-testid=format!("item-plan-{}", index + 1) aria-live="polite">
            {move || {
                check
                    .with(|check| {
                        check
                            .as_ref()
                            .map(|check| {
                                let lang = crate::i18n::lang();
                                format!(
                                    "{} — {}{}",
                                    item_plan_text(check, lang),
                                    tr(
                                        "part propre minimale (CGCT art. L1111-10) — ",
                                        "minimum own share (CGCT art. L1111-10) — ",
                                    ),
                                    ceiling_text(check, lang),
                                )
                            })
                    })
            }}
        </p>
    }
}

/// The investment items and their funding plans.
#[component]
pub fn InvestmentForm(
    /// The dossier being edited.
    editing: Editing,
) -> impl IntoView {
    view! {
        <p class="help">
            {tr(
                "Quand une collectivité (commune, EPCI, syndicat, PETR, département, région, ou le porteur s'il en est \
                    une) est maître d'ouvrage d'un investissement, elle doit en apporter au moins 20 % des \
                    financements publics, 30 % si elle est chef de file pour la compétence concernée (CGCT art. \
                    L1111-10). Sans ligne « Fonds propres », sa part est ce qui reste du coût ; avec une, les lignes \
                    doivent faire le coût. Le mécénat, le fonds ANRU + Amundi et Action Logement restent hors calcul. \
                    L'AMI finance le fonctionnement ; la Manufacture de proximité, l'investissement.",
                "When a local authority (commune, EPCI, syndicat, PETR, département, région, or the holder if it is \
                    one) owns an investment, it must bring at least 20% of the public financing, 30% when it is chef \
                    de file for the competence concerned (CGCT art. L1111-10). Without an \"Own funds\" line, its \
                    share is what remains of the cost; with one, the lines must add up to the cost. Sponsorship, the \
                    ANRU + Amundi fund and Action Logement stay outside the calculation. The AMI funds operating \
                    costs; the Manufacture de proximité, investment.",
            )}
        </p>
        {optional_choice_field(
            editing,
            tr("Exception ou dérogation à la règle des 20 %", "Exception or derogation to the 20% rule").into(),
            |d| d.investment.exception,
            |d, v| d.investment.exception = v,
        )}
        <fieldset class="dsil-themes">
            <legend>
                {tr(
                    "Thématiques nationales de la DSIL dont relève le projet",
                    "DSIL national themes the project belongs to",
                )}
            </legend>
            {DsilTheme::ALL
                .iter()
                .copied()
                .map(|theme| check_field(
                    editing,
                    crate::i18n::label(theme).to_owned(),
                    move |d| d.investment.dsil_themes.contains(&theme),
                    move |d, on| {
                        if on {
                            d.investment.dsil_themes.insert(theme);
                        } else {
                            d.investment.dsil_themes.remove(&theme);
                        }
                    },
                ))
                .collect_view()}
        </fieldset>
        {list_editor(
            editing,
            |d| d.investment.items.len(),
            move |i| {
                view! {
                    {text_field(
                        editing,
                        format!("{} {}", tr("Investissement", "Investment"), i + 1),
                        move |d| d.investment.items.get(i).map(|t| t.label.clone()).unwrap_or_default(),
                        move |d, v| {
                            if let Some(t) = d.investment.items.get_mut(i) {
                                t.label = v;
                            }
                        },
                    )}
                    {money_field(
                        editing,
                        format!("{} {}", tr("Coût (€) de l'investissement", "Cost (€) of investment"), i + 1),
                        move |d| d.investment.items.get(i).map(|t| t.cost).unwrap_or_default(),
                        move |d, v| {
                            if let Some(t) = d.investment.items.get_mut(i) {
                                t.cost = v;
                            }
                        },
                    )}
                    {choice_field(
                        editing,
                        format!("{} {}", tr("Maître d'ouvrage de l'investissement", "Owner of investment"), i + 1),
                        move |d| d.investment.items.get(i).map_or(InvestmentOwner::Holder, |t| t.owner),
                        move |d, v| {
                            if let Some(t) = d.investment.items.get_mut(i) {
                                t.owner = v;
                            }
                        },
                    )}
                    {check_field(
                        editing,
                        format!(
                            "{} {}",
                            tr(
                                "Le maître d'ouvrage est chef de file pour cette compétence (part propre d'au moins 30 \
                                    %) — investissement",
                                "The owner is chef de file for this competence (own share of at least 30%) — \
                                    investment",
                            ),
                            i + 1,
                        ),
                        move |d| d.investment.items.get(i).is_some_and(|t| t.chef_de_file),
                        move |d, v| {
                            if let Some(t) = d.investment.items.get_mut(i) {
                                t.chef_de_file = v;
                            }
                        },
                    )}
                    <div class="funding">
                        {list_editor(
                            editing,
                            move |d| d.investment.items.get(i).map_or(0, |t| t.funding.len()),
                            move |j| {
                                view! {
                                    {choice_field(
                                        editing,
                                        format!("{} {}.{}", tr("Financeur", "Funder"), i + 1, j + 1),
                                        move |d| {
                                            d.investment
                                                .items
                                                .get(i)
                                                .and_then(|t| t.funding.get(j))
                                                .map_or(FundingSource::Own, |f| f.source)
                                        },
                                        move |d, v| {
                                            if let Some(f) = d
                                                .investment
                                                .items
                                                .get_mut(i)
                                                .and_then(|t| t.funding.get_mut(j))
                                            {
                                                f.source = v;
                                            }
                                        },
                                    )}
                                    {money_field(
                                        editing,
                                        format!(
                                            "{} {}.{}",
                                            tr("Montant demandé (€)", "Amount requested (€)"),
                                            i + 1,
                                            j + 1,
                                        ),
                                        move |d| {
                                            d.investment
                                                .items
                                                .get(i)
                                                .and_then(|t| t.funding.get(j))
                                                .map(|f| f.amount)
                                                .unwrap_or_default()
                                        },
                                        move |d, v| {
                                            if let Some(f) = d
                                                .investment
                                                .items
                                                .get_mut(i)
                                                .and_then(|t| t.funding.get_mut(j))
                                            {
                                                f.amount = v;
                                            }
                                        },
                                    )}
                                }
                                    .into_any()
                            },
                            move |d, j| {
                                if let Some(t) = d.investment.items.get_mut(i) {
                                    if j < t.funding.len() {
                                        t.funding.remove(j);
                                    }
                                }
                            },
                            move |d| {
                                if let Some(t) = d.investment.items.get_mut(i) {
                                    t.funding.push(FundingRequest::default())
                                }
                            },
                            tr("Ajouter un financeur", "Add a funder"),
                            tr("le financeur", "funder"),
                        )}
                    </div>
                    {item_result(editing, i)}
                }
                    .into_any()
            },
            |d, i| {
                if i < d.investment.items.len() {
                    d.investment.items.remove(i);
                }
            },
            |d| d.investment.items.push(InvestmentItem::default()),
            tr("Ajouter un investissement", "Add an investment"),
            tr("l'investissement", "investment"),
        )}
    }
}
