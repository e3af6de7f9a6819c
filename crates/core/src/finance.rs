//! Financial figures of the operating budget: own-revenue share against the survey
//! benchmark, dependence on the AMI grant, the year after it, and the FTE funded each year.
//! The grant's years and the year after follow the call the dossier answers (three years
//! and year 4 for the 2019–2021 AMI, one year and year 2 for the 2023 edition).

use crate::dossier::{Dossier, RevenueSource, BUDGET_YEARS};
use crate::units::{Cents, Fte, Percent};
use serde::Serialize;

/// Own revenue is about half of a tiers-lieu's resources (France Tiers-Lieux survey, 2019).
pub const OWN_REVENUE_BENCHMARK: Percent = Percent(50);

/// The budget's figures over its four years.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Finances {
    /// How many of the budget's first years the grant covers: the shares and the funded
    /// FTE are read over them (three for a call whose grant is not in the operating budget).
    pub grant_years: usize,
    /// The year (0-based) after the grant, which shows whether the place stands on its own
    /// (the budget's last year for a call whose grant is not in the operating budget).
    pub after_grant_year: usize,
    /// Total revenue per year.
    pub revenue: [Cents; BUDGET_YEARS],
    /// Total costs per year.
    pub costs: [Cents; BUDGET_YEARS],
    /// Own revenue per year.
    pub own_revenue: [Cents; BUDGET_YEARS],
    /// The AMI grant per year, as the budget shows it.
    pub ami_grant: [Cents; BUDGET_YEARS],
    /// Own revenue over all revenue, over the grant's years (none without revenue).
    pub own_revenue_share: Option<Percent>,
    /// The benchmark the share is compared with.
    pub own_revenue_benchmark: Percent,
    /// The AMI grant over all revenue, over the grant's years.
    pub ami_dependence: Option<Percent>,
    /// The year after the grant: its revenue without any AMI grant, minus its costs; none
    /// while that year's costs are not filled in (an empty year is not a balanced one).
    pub balance_after_grant: Option<Cents>,
    /// FTE with a named funder, per year.
    pub fte_funded: [Fte; BUDGET_YEARS],
    /// FTE whose funding is as sure as it can be at filing, per year: every funder has
    /// granted it, or is the call's own grant (which cannot be granted before selection).
    pub fte_assured: [Fte; BUDGET_YEARS],
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
    let mut fte_assured = [Fte::default(); BUDGET_YEARS];
    for position in &dossier.staff {
        for (year, funding) in position.years.iter().enumerate() {
            if funding.is_funded() {
                fte_funded[year] = fte_funded[year] + position.fte;
                if funding.is_assured() {
                    fte_assured[year] = fte_assured[year] + position.fte;
                }
            }
        }
    }
    let call = dossier.call.call();
    let after_grant_year = call.year_after_grant().unwrap_or(BUDGET_YEARS - 1);
    let grant_years = if call.year_after_grant().is_some() {
        call.grant_years.clamp(1, BUDGET_YEARS - 1)
    } else {
        BUDGET_YEARS - 1
    };
    let grant_period =
        |amounts: &[Cents; BUDGET_YEARS]| -> Cents { amounts[..grant_years].iter().copied().sum() };
    let revenue_in_grant = grant_period(&revenue);
    Finances {
        grant_years,
        after_grant_year,
        own_revenue_share: revenue_in_grant
            .percent_of(grant_period(&own_revenue))
            .map(Percent),
        own_revenue_benchmark: OWN_REVENUE_BENCHMARK,
        ami_dependence: revenue_in_grant
            .percent_of(grant_period(&ami_grant))
            .map(Percent),
        balance_after_grant: (costs[after_grant_year].0 > 0).then(|| {
            revenue[after_grant_year] - ami_grant[after_grant_year] - costs[after_grant_year]
        }),
        revenue,
        costs,
        own_revenue,
        ami_grant,
        fte_funded,
        fte_assured,
    }
}

/// The year after the grant's balance in words: the amount, or "non renseigné" while that
/// year is empty (an empty year is not a balanced one).
pub fn balance_text(finances: &Finances, lang: crate::referential::Lang) -> String {
    use crate::referential::Lang;
    match (finances.balance_after_grant, lang) {
        (Some(balance), _) => crate::units::Local(balance, lang).to_string(),
        (None, Lang::Fr) => "non renseigné".to_owned(),
        (None, Lang::En) => "not filled in".to_owned(),
    }
}

/// The label of the revenue line that carries the spaces' rents.
pub const RENTALS_LINE: &str = "Locations d'espaces";

/// What the spaces let on their own bring in a year (those in a global package are paid
/// through the package's price, not as a rent).
pub fn yearly_rentals(dossier: &Dossier) -> Cents {
    dossier
        .economic_model
        .rentable_spaces
        .iter()
        .filter(|space| !space.in_global_package)
        .map(|space| space.yearly_rent)
        .sum()
}

/// The budget has the spaces' rents line already.
pub fn rentals_in_budget(dossier: &Dossier) -> bool {
    dossier
        .economic_model
        .revenue
        .iter()
        .any(|line| line.label.trim() == RENTALS_LINE)
}

/// Puts the spaces' yearly rents in the budget as an own-revenue line, in each of its
/// years. It adds, never replaces: when a line of that name exists already, nothing changes
/// and `false` is returned (so is it when there is no rent).
pub fn add_rentals_to_budget(dossier: &mut Dossier) -> bool {
    let rent = yearly_rentals(dossier);
    if rent.0 <= 0 || rentals_in_budget(dossier) {
        return false;
    }
    dossier
        .economic_model
        .revenue
        .push(crate::dossier::RevenueLine {
            source: RevenueSource::Own,
            label: RENTALS_LINE.to_owned(),
            years: [rent; BUDGET_YEARS],
        });
    true
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dossier::{
        CostLine, FundingStatus, Position, PositionYear, PostFunder, RevenueLine,
    };

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
        assert_eq!(figures.balance_after_grant, Some(Cents::euros(5_000)));
        assert_eq!(figures.revenue[0], Cents::euros(100_000));
    }

    #[test]
    fn the_year_after_the_grant_follows_the_call() {
        let mut dossier = Dossier {
            call: crate::calls::CallId::Edition2023,
            ..Dossier::default()
        };
        dossier.economic_model.revenue = vec![
            line(RevenueSource::AmiGrant, [50_000, 0, 0, 0]),
            line(RevenueSource::Own, [10_000, 45_000, 50_000, 50_000]),
        ];
        dossier.economic_model.costs = vec![CostLine {
            years: [60_000, 60_000, 60_000, 60_000].map(Cents::euros),
            ..CostLine::default()
        }];
        let figures = finances(&dossier);
        // One year of grant: year 2 is the one after, 15 k€ short.
        assert_eq!((figures.grant_years, figures.after_grant_year), (1, 1));
        assert_eq!(figures.balance_after_grant, Some(Cents::euros(-15_000)));
        assert_eq!(figures.ami_dependence, Some(Percent(83)));
        // An investment grant leaves the whole operating budget to the place: its last
        // year is the one that shows it stands.
        dossier.call = crate::calls::CallId::ManufactureProximite;
        let figures = finances(&dossier);
        assert_eq!((figures.grant_years, figures.after_grant_year), (3, 3));
    }

    #[test]
    fn the_spaces_rents_go_to_the_budget_once_and_packages_are_not_rents() {
        use crate::dossier::RentableSpace;
        let space = |rent: i64, in_global_package: bool| RentableSpace {
            name: "Salle".to_owned(),
            surface_m2: 40,
            yearly_rent: Cents::euros(rent),
            in_global_package,
        };
        let mut dossier = Dossier::default();
        assert!(!add_rentals_to_budget(&mut dossier));
        dossier.economic_model.rentable_spaces = vec![space(4_000, false), space(9_000, true)];
        assert_eq!(yearly_rentals(&dossier), Cents::euros(4_000));
        assert!(add_rentals_to_budget(&mut dossier));
        assert_eq!(
            dossier.economic_model.revenue[0].years,
            [Cents::euros(4_000); BUDGET_YEARS]
        );
        // Once there, the line is the holder's: a second press adds nothing.
        dossier.economic_model.revenue[0].years[3] = Cents::euros(1);
        assert!(!add_rentals_to_budget(&mut dossier));
        assert_eq!(dossier.economic_model.revenue.len(), 1);
        assert_eq!(dossier.economic_model.revenue[0].years[3], Cents::euros(1));
        assert_eq!(finances(&dossier).own_revenue[0], Cents::euros(4_000));
    }

    #[test]
    fn an_empty_budget_has_no_share_rather_than_zero() {
        let figures = finances(&Dossier::default());
        assert_eq!(figures.own_revenue_share, None);
        assert_eq!(figures.ami_dependence, None);
        // An empty year after the grant is not a balanced one.
        assert_eq!(figures.balance_after_grant, None);
    }

    #[test]
    fn only_named_funders_count_and_assured_is_a_subset() {
        let funded = |by: &str, granted: bool| PositionYear {
            funders: vec![PostFunder {
                funder: by.to_owned(),
                from_call: false,
                status: if granted {
                    FundingStatus::Granted
                } else {
                    FundingStatus::Requested
                },
            }],
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
        assert_eq!(figures.fte_assured, [Fte(150), Fte(0), Fte(0), Fte(0)]);
    }

    #[test]
    fn the_call_s_grant_is_assured_and_a_post_is_assured_only_when_every_funder_is() {
        let funder = |name: &str, from_call: bool, status: FundingStatus| PostFunder {
            funder: name.to_owned(),
            from_call,
            status,
        };
        let year = |funders: Vec<PostFunder>| PositionYear { funders };
        let dossier = Dossier {
            staff: vec![Position {
                role: "Animatrice".to_owned(),
                fte: Fte(100),
                years: [
                    // The AMI's grant, awaiting selection, and the EPCI's vote.
                    year(vec![
                        funder("AMI", true, FundingStatus::Requested),
                        funder("EPCI", false, FundingStatus::Granted),
                    ]),
                    // The AMI's grant, and an EPCI that has not voted yet.
                    year(vec![
                        funder("AMI", true, FundingStatus::Requested),
                        funder("EPCI", false, FundingStatus::Requested),
                    ]),
                    year(vec![funder("", false, FundingStatus::Granted)]),
                    year(vec![funder("", true, FundingStatus::Planned)]),
                ],
            }],
            ..Dossier::default()
        };
        let figures = finances(&dossier);
        assert_eq!(figures.fte_funded, [Fte(100), Fte(100), Fte(0), Fte(100)]);
        assert_eq!(figures.fte_assured, [Fte(100), Fte(0), Fte(0), Fte(100)]);
    }
}
