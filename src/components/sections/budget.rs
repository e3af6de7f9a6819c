//! Section "Budget sur 4 ans": operating revenue and costs, years 1 to 3 (the AMI) and
//! year 4 (after it).

use crate::components::fields::*;
use crate::i18n::tr;
use fabrique_core::dossier::{CostKind, CostLine, RevenueLine, RevenueSource, BUDGET_YEARS};
use leptos::prelude::*;

fn year_label(kind: &'static str, index: usize, year: usize) -> String {
    format!(
        "{kind} {} — {} {}",
        index + 1,
        tr("année", "year"),
        year + 1
    )
}

/// The revenue and cost lines.
#[component]
pub fn BudgetForm(
    /// The dossier being edited.
    editing: Editing,
) -> impl IntoView {
    // Which years the grant covers follows the call; said again only when the call changes.
    let call = Memo::new(move |_| editing.read(|d| d.call));
    let years_said = move || {
        let call = call.get().call();
        match call.year_after_grant() {
            Some(after) if call.grant_years == 1 => format!(
                "{} {}.",
                tr("Pour cet appel, la subvention couvre l'année 1 ; l'année qui suit est \
                    l'année", "For this call, the grant covers year 1; the year after is year"),
                after + 1
            ),
            Some(after) => format!(
                "{} {} ; {} {}{}.",
                tr("Pour cet appel, la subvention couvre les années 1 à", "For this call, the grant covers years 1 to"),
                call.grant_years,
                tr("l'année qui suit est l'année", "the year after is year"),
                after + 1,
                if call.duration_assumed { tr(" (durée supposée par Fabrique : aucune source ne la \
                    publie)", " (a duration Fabrique assumes: no source publishes it)") } else { "" }
            ),
            None => tr(
                "Cet appel finance l'investissement : la subvention va au plan d'investissement, pas au budget de \
                    fonctionnement ; l'année 4 montre si le lieu tient.",
                "This call funds investment: the grant goes in the investment plan, not the operating budget; year 4 \
                    shows whether the place stands.",
            ).to_owned(),
        }
    };
    view! {
        <p class="help">
            {tr(
                "Quatre années : celles de la subvention de l'appel visé (trois pour l'AMI 2019–2021, une pour \
                    l'édition 2023), puis l'année qui suit, sans elle. Ce que devient le lieu après la subvention est \
                    la question que posent les financeurs (enquêtes et retours sur les fermetures de tiers-lieux). Les \
                    enquêtes de France Tiers-Lieux situent les recettes propres autour de la moitié des ressources.",
                "Four years: those of the grant of the call you answer (three for the 2019–2021 AMI, one for the 2023 \
                    edition), then the year after, without it. What becomes of the place after the grant is the \
                    question funders ask (surveys and lessons from closures). France Tiers-Lieux surveys put own \
                    revenue at about half of the resources.",
            )}
        </p>
        <p class="help" data-testid="budget-years">
            {years_said}
        </p>
        <h3>{tr("Recettes", "Revenue")}</h3>
        {list_editor(
            editing,
            |d| d.economic_model.revenue.len(),
            move |i| {
                view! {
                    {choice_field(
                        editing,
                        format!("{} {}", tr("Origine de la recette", "Source of revenue"), i + 1),
                        move |d| d.economic_model.revenue.get(i).map_or(RevenueSource::Own, |l| l.source),
                        move |d, v| {
                            if let Some(l) = d.economic_model.revenue.get_mut(i) {
                                l.source = v;
                            }
                        },
                    )}
                    {text_field(
                        editing,
                        format!(
                            "{} {}",
                            tr(
                                "Libellé de la recette (activité ou financeur)",
                                "Label of revenue (activity or funder)",
                            ),
                            i + 1,
                        ),
                        move |d| d.economic_model.revenue.get(i).map(|l| l.label.clone()).unwrap_or_default(),
                        move |d, v| {
                            if let Some(l) = d.economic_model.revenue.get_mut(i) {
                                l.label = v;
                            }
                        },
                    )}
                    <div class="years">
                        {(0..BUDGET_YEARS)
                            .map(|year| money_field(
                                editing,
                                year_label(tr("Recette", "Revenue"), i, year),
                                move |d| d.economic_model.revenue.get(i).map(|l| l.years[year]).unwrap_or_default(),
                                move |d, v| {
                                    if let Some(l) = d.economic_model.revenue.get_mut(i) {
                                        l.years[year] = v;
                                    }
                                },
                            ))
                            .collect_view()}
                    </div>
                }
                    .into_any()
            },
            |d, i| {
                if i < d.economic_model.revenue.len() {
                    d.economic_model.revenue.remove(i);
                }
            },
            |d| d.economic_model.revenue.push(RevenueLine::default()),
            tr("Ajouter une recette", "Add a revenue line"),
            tr("la recette", "revenue line"),
        )}
        <h3>{tr("Charges", "Costs")}</h3>
        {list_editor(
            editing,
            |d| d.economic_model.costs.len(),
            move |i| {
                view! {
                    {choice_field(
                        editing,
                        format!("{} {}", tr("Nature de la charge", "Kind of cost"), i + 1),
                        move |d| d.economic_model.costs.get(i).map_or(CostKind::Other, |l| l.kind),
                        move |d, v| {
                            if let Some(l) = d.economic_model.costs.get_mut(i) {
                                l.kind = v;
                            }
                        },
                    )}
                    {text_field(
                        editing,
                        format!("{} {}", tr("Libellé de la charge", "Label of cost"), i + 1),
                        move |d| d.economic_model.costs.get(i).map(|l| l.label.clone()).unwrap_or_default(),
                        move |d, v| {
                            if let Some(l) = d.economic_model.costs.get_mut(i) {
                                l.label = v;
                            }
                        },
                    )}
                    <div class="years">
                        {(0..BUDGET_YEARS)
                            .map(|year| money_field(
                                editing,
                                year_label(tr("Charge", "Cost"), i, year),
                                move |d| d.economic_model.costs.get(i).map(|l| l.years[year]).unwrap_or_default(),
                                move |d, v| {
                                    if let Some(l) = d.economic_model.costs.get_mut(i) {
                                        l.years[year] = v;
                                    }
                                },
                            ))
                            .collect_view()}
                    </div>
                }
                    .into_any()
            },
            |d, i| {
                if i < d.economic_model.costs.len() {
                    d.economic_model.costs.remove(i);
                }
            },
            |d| d.economic_model.costs.push(CostLine::default()),
            tr("Ajouter une charge", "Add a cost line"),
            tr("la charge", "cost line"),
        )}
    }
}
