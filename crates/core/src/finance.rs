//! Financial figures of the operating budget: own-revenue share against the survey
//! benchmark, dependence on the AMI grant, the year after it, and the FTE funded each year.

use crate::dossier::{Dossier, RevenueSource, BUDGET_YEARS};
use crate::units::{Cents, Fte, Percent};
use serde::Serialize;

/// Own revenue is about half of a tiers-lieu's resources (France Tiers-Lieux survey, 2019).
pub const OWN_REVENUE_BENCHMARK: Percent = Percent(50);

/// The budget's figures, years 1 to 3 being the AMI's and year 4 the one after.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Finances {
    /// Total revenue per year.
    pub revenue: [Cents; BUDGET_YEARS],
    /// Total costs per year.
    pub costs: [Cents; BUDGET_YEARS],
    /// Own revenue per year.
    pub own_revenue: [Cents; BUDGET_YEARS],
    /// The AMI grant per year, as the budget shows it.
    pub ami_grant: [Cents; BUDGET_YEARS],
    /// Own revenue over all revenue, years 1 to 3 (none without revenue).
    pub own_revenue_share: Option<Percent>,
    /// The benchmark the share is compared with.
    pub own_revenue_benchmark: Percent,
    /// The AMI grant over all revenue, years 1 to 3.
    pub ami_dependence: Option<Percent>,
    /// Year 4's revenue without any AMI grant, minus its costs.
    pub year4_balance_without_ami: Cents,
    /// FTE with a named funder, per year.
    pub fte_funded: [Fte; BUDGET_YEARS],
    /// FTE whose funding is secured, per year.
    pub fte_secured: [Fte; BUDGET_YEARS],
}

/// Computes the financial figures of a dossier.
pub fn finances(dossier: &Dossier) -> Finances {
    let model = &dossier.economic_model;
    let mut revenue = [Cents::default(); BUDGET_YEARS];
    let mut own_revenue = [Cents::default(); BUDGET_YEARS];
    let mut ami_grant = [Cents::default(); BUDGET_YEARS];
    for line in &model.revenue {
        for (year, amount) in line.years.iter().enumerate() {
            revenue[year] += *amount;
            match line.source {
                RevenueSource::Own => own_revenue[year] += *amount,
                RevenueSource::AmiGrant => ami_grant[year] += *amount,
                RevenueSource::OtherPublic | RevenueSource::Private => {}
            }
        }
    }
    let mut costs = [Cents::default(); BUDGET_YEARS];
    for line in &model.costs {
        for (year, amount) in line.years.iter().enumerate() {
            costs[year] += *amount;
        }
    }
    let mut fte_funded = [Fte::default(); BUDGET_YEARS];
    let mut fte_secured = [Fte::default(); BUDGET_YEARS];
    for position in &dossier.staff {
        for (year, funding) in position.years.iter().enumerate() {
            if funding.is_funded() {
                fte_funded[year] = fte_funded[year] + position.fte;
                if funding.secured {
                    fte_secured[year] = fte_secured[year] + position.fte;
                }
            }
        }
    }
    let three_years =
        |amounts: &[Cents; BUDGET_YEARS]| -> Cents { amounts[..3].iter().copied().sum() };
    let revenue_3y = three_years(&revenue);
    Finances {
        own_revenue_share: revenue_3y
            .percent_of(three_years(&own_revenue))
            .map(Percent),
        own_revenue_benchmark: OWN_REVENUE_BENCHMARK,
        ami_dependence: revenue_3y.percent_of(three_years(&ami_grant)).map(Percent),
        year4_balance_without_ami: revenue[3] - ami_grant[3] - costs[3],
        revenue,
        costs,
        own_revenue,
        ami_grant,
        fte_funded,
        fte_secured,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dossier::{CostLine, Position, PositionYear, RevenueLine};

    fn line(source: RevenueSource, euros: [i64; 4]) -> RevenueLine {
        RevenueLine {
            source,
            label: String::new(),
            years: euros.map(Cents::euros),
        }
    }

    #[test]
    fn shares_and_the_year_after_are_computed_from_the_lines() {
        let mut dossier = Dossier::default();
        dossier.economic_model.revenue = vec![
            line(RevenueSource::Own, [20_000, 30_000, 40_000, 50_000]),
            line(RevenueSource::AmiGrant, [50_000, 50_000, 50_000, 10_000]),
            line(RevenueSource::OtherPublic, [30_000, 20_000, 10_000, 10_000]),
        ];
        dossier.economic_model.costs = vec![CostLine {
            years: [100_000, 100_000, 100_000, 55_000].map(Cents::euros),
            ..CostLine::default()
        }];
        let figures = finances(&dossier);
        // 90 k€ own revenue out of 300 k€ over three years.
        assert_eq!(figures.own_revenue_share, Some(Percent(30)));
        assert_eq!(figures.ami_dependence, Some(Percent(50)));
        // Year 4: 70 k€ of revenue, 10 k€ of it AMI, 55 k€ of costs.
        assert_eq!(figures.year4_balance_without_ami, Cents::euros(5_000));
        assert_eq!(figures.revenue[0], Cents::euros(100_000));
    }

    #[test]
    fn an_empty_budget_has_no_share_rather_than_zero() {
        let figures = finances(&Dossier::default());
        assert_eq!(figures.own_revenue_share, None);
        assert_eq!(figures.ami_dependence, None);
    }

    #[test]
    fn only_named_funders_count_and_secured_is_a_subset() {
        let funded = |by: &str, secured: bool| PositionYear {
            funded_by: by.to_owned(),
            secured,
        };
        let dossier = Dossier {
            staff: vec![
                Position {
                    role: "Animatrice".to_owned(),
                    fte: Fte(100),
                    years: [
                        funded("AMI", true),
                        funded("AMI", false),
                        funded("  ", true),
                        PositionYear::default(),
                    ],
                },
                Position {
                    role: "Médiateur".to_owned(),
                    fte: Fte(50),
                    years: [
                        funded("Commune", true),
                        PositionYear::default(),
                        PositionYear::default(),
                        funded("Recettes", false),
                    ],
                },
            ],
            ..Dossier::default()
        };
        let figures = finances(&dossier);
        assert_eq!(figures.fte_funded, [Fte(150), Fte(100), Fte(0), Fte(50)]);
        assert_eq!(figures.fte_secured, [Fte(150), Fte(0), Fte(0), Fte(0)]);
    }
}
