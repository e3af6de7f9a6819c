//! The funding rules, case by case: DETR's population and potentiel-financier thresholds,
//! the 80 % ceiling and its exceptions, the AMI's bounds, and eligibility by territory.

use fabrique_core::dossier::*;
use fabrique_core::evaluation::evaluate;
use fabrique_core::funding::{CeilingCheck, Eligibility, FundingReport};
use fabrique_core::referential::{Lang, Referential};
use fabrique_core::units::Cents;

fn report(dossier: &Dossier) -> FundingReport {
    evaluate(dossier, Referential::builtin(dossier.variant()), Lang::Fr).funding
}

fn eligibility(dossier: &Dossier, source: FundingSource) -> (Eligibility, String) {
    let report = report(dossier);
    let found = report
        .sources
        .into_iter()
        .find(|s| s.source == source)
        .expect("source reported");
    (found.eligibility, found.reason.into_owned())
}

fn owned_by(owner: InvestmentOwner, funding: &[(FundingSource, i64)]) -> Dossier {
    let mut dossier = Dossier::default();
    dossier.investment.items = vec![InvestmentItem {
        label: "Travaux".into(),
        cost: Cents::euros(funding.iter().map(|(_, euros)| euros).sum()),
        owner,
        funding: funding
            .iter()
            .map(|&(source, euros)| FundingRequest {
                source,
                amount: Cents::euros(euros),
            })
            .collect(),
        chef_de_file: false,
    }];
    dossier
}

#[test]
fn detr_for_a_commune_follows_population_and_potentiel_financier() {
    // (population, potentiel financier %, overseas, expected)
    let cases = [
        (2_000, None, false, Eligibility::Eligible),
        (2_001, None, false, Eligibility::ToCheck),
        (2_001, Some(129), false, Eligibility::Eligible),
        (2_001, Some(130), false, Eligibility::NotEligible),
        (20_000, Some(100), false, Eligibility::Eligible),
        (20_001, Some(100), false, Eligibility::NotEligible),
        (3_500, None, true, Eligibility::Eligible),
        (35_000, Some(90), true, Eligibility::Eligible),
        (35_001, Some(90), true, Eligibility::NotEligible),
    ];
    for (population, potentiel, overseas, expected) in cases {
        let mut dossier = owned_by(InvestmentOwner::Commune, &[(FundingSource::Detr, 10_000)]);
        dossier.identity.commune_population = Some(population);
        dossier.identity.potentiel_financier_percent = potentiel;
        if overseas {
            dossier.identity.region = Region::Martinique;
        }
        let (eligibility, reason) = eligibility(&dossier, FundingSource::Detr);
        assert_eq!(
            eligibility, expected,
            "{population} {potentiel:?} {overseas}: {reason}"
        );
    }
}

#[test]
fn detr_for_an_epci_is_refused_only_for_large_dense_urban_ones() {
    // (population, large central commune, density, expected)
    let cases = [
        (Some(75_000), Some(true), Some(500), Eligibility::Eligible),
        (Some(200_000), Some(false), None, Eligibility::Eligible),
        (Some(200_000), Some(true), Some(149), Eligibility::Eligible),
        (
            Some(200_000),
            Some(true),
            Some(150),
            Eligibility::NotEligible,
        ),
        (Some(200_000), None, None, Eligibility::ToCheck),
        (None, None, None, Eligibility::ToCheck),
    ];
    for (population, central, density, expected) in cases {
        let mut dossier = owned_by(InvestmentOwner::Epci, &[(FundingSource::Detr, 10_000)]);
        dossier.identity.epci_population = population;
        dossier.identity.epci_has_large_central_commune = central;
        dossier.identity.epci_density_per_km2 = density;
        let (eligibility, reason) = eligibility(&dossier, FundingSource::Detr);
        assert_eq!(
            eligibility, expected,
            "{population:?} {central:?} {density:?}: {reason}"
        );
    }
}

#[test]
fn detr_and_dsil_need_an_investment_owned_by_a_collectivite() {
    let dossier = owned_by(InvestmentOwner::Holder, &[(FundingSource::Detr, 10_000)]);
    assert_eq!(
        eligibility(&dossier, FundingSource::Detr).0,
        Eligibility::NotEligible
    );
    assert_eq!(
        eligibility(&dossier, FundingSource::Dsil).0,
        Eligibility::NotEligible
    );
    let mut dossier = owned_by(InvestmentOwner::Epci, &[(FundingSource::Dsil, 10_000)]);
    assert_eq!(
        eligibility(&dossier, FundingSource::Dsil).0,
        Eligibility::ToCheck
    );
    dossier.investment.dsil_themes.insert(DsilTheme::Digital);
    assert_eq!(
        eligibility(&dossier, FundingSource::Dsil).0,
        Eligibility::Eligible
    );
}

/// A collectivité-owned item: its cost, and its funders' lines (no own line unless given).
fn item(owner: InvestmentOwner, cost: i64, funding: &[(FundingSource, i64)]) -> Dossier {
    let mut dossier = owned_by(owner, funding);
    dossier.investment.items[0].cost = Cents::euros(cost);
    dossier
}

fn first_item(dossier: &Dossier) -> ItemCheck {
    report(dossier).items.into_iter().next().expect("one item")
}

use fabrique_core::funding::{ceiling_text, ItemCheck, Share};
use FundingSource::{Departement as Dep, Detr, Own, Private, Region as Reg};

/// The plan's first action once the blocking conditions (always first) are listed.
fn first_after_blocking(
    evaluation: &fabrique_core::evaluation::Evaluation,
) -> Option<&fabrique_core::evaluation::Action> {
    evaluation
        .actions
        .iter()
        .find(|a| a.kind != fabrique_core::evaluation::ActionKind::Blocking)
}

/// One row per case of the L1111-10 rule: (what, cost, lines, chef de file, holds, share
/// shown in French, own share, remaining, over-financed).
#[test]
fn the_ceiling_uses_the_owner_s_actual_share_of_the_cost() {
    type Row = (
        &'static str,
        i64,
        &'static [(FundingSource, i64)],
        bool,
        bool,
        &'static str,
        i64,
        i64,
        i64,
    );
    let rows: &[Row] = &[
        (
            "79,9 %, no own line",
            100_000,
            &[(Detr, 79_900)],
            false,
            true,
            "79,9\u{a0}%",
            20_100,
            0,
            0,
        ),
        (
            "exactly 80 %, no own line",
            100_000,
            &[(Detr, 80_000)],
            false,
            true,
            "80\u{a0}%",
            20_000,
            0,
            0,
        ),
        (
            "80,4 %, no own line",
            100_000,
            &[(Detr, 80_400)],
            false,
            false,
            "80,4\u{a0}%",
            19_600,
            0,
            0,
        ),
        (
            "80,01 % never reads as 80 %",
            100_000,
            &[(Detr, 80_010)],
            false,
            false,
            "80,1\u{a0}%",
            19_990,
            0,
            0,
        ),
        (
            "the issue's plan, no own line",
            120_000,
            &[(Detr, 48_000), (Reg, 30_000), (Dep, 18_000)],
            false,
            true,
            "80\u{a0}%",
            24_000,
            0,
            0,
        ),
        (
            "the same with its own line",
            120_000,
            &[(Detr, 48_000), (Reg, 30_000), (Dep, 18_000), (Own, 24_000)],
            false,
            true,
            "80\u{a0}%",
            24_000,
            0,
            0,
        ),
        (
            "own line, under-financed",
            100_000,
            &[(Detr, 60_000), (Own, 10_000)],
            false,
            false,
            "85,8\u{a0}%",
            10_000,
            30_000,
            0,
        ),
        (
            "own line, over-financed",
            100_000,
            &[(Detr, 90_000), (Own, 20_000)],
            false,
            false,
            "81,9\u{a0}%",
            20_000,
            0,
            10_000,
        ),
        (
            "no own line, over-financed",
            100_000,
            &[(Detr, 70_000), (Private, 40_000)],
            false,
            false,
            "100\u{a0}%",
            0,
            0,
            10_000,
        ),
        (
            "private money is outside",
            100_000,
            &[(Detr, 72_000), (Private, 10_000)],
            false,
            true,
            "80\u{a0}%",
            18_000,
            0,
            0,
        ),
        (
            "chef de file, 30 %: 75 % breaks it",
            100_000,
            &[(Detr, 75_000)],
            true,
            false,
            "75\u{a0}%",
            25_000,
            0,
            0,
        ),
        (
            "chef de file, 30 %: 70 % holds",
            100_000,
            &[(Detr, 70_000)],
            true,
            true,
            "70\u{a0}%",
            30_000,
            0,
            0,
        ),
    ];
    for &(what, cost, lines, chef_de_file, holds, shown, own, remaining, over) in rows {
        let mut dossier = item(InvestmentOwner::Commune, cost, lines);
        dossier.investment.items[0].chef_de_file = chef_de_file;
        let check = first_item(&dossier);
        let (share, respected) = match &check.ceiling {
            CeilingCheck::Respected { share, .. } => (*share, true),
            CeilingCheck::Exceeded { share, .. } => (*share, false),
            other => panic!("{what}: {other:?}"),
        };
        assert_eq!(respected, holds, "{what}");
        assert_eq!(share.text(Lang::Fr), shown, "{what}");
        assert_eq!(check.own, Cents::euros(own), "{what}: own share");
        assert_eq!(
            check.remaining,
            Cents::euros(remaining),
            "{what}: remaining"
        );
        assert_eq!(
            check.over_financed,
            Cents::euros(over),
            "{what}: over-financed"
        );
        let text = ceiling_text(&check, Lang::Fr);
        assert!(
            text.starts_with(if holds { "respecté" } else { "DÉPASSÉ" }),
            "{what}: {text}"
        );
    }
}

#[test]
fn a_breach_is_fixed_without_changing_the_cost() {
    // The issue's example: 95 % aid on 200,000 €. Not "37,500 € more": aid ≤ 160,000 € and
    // an own share ≥ 40,000 €, which add up to the cost.
    let check = first_item(&item(InvestmentOwner::Commune, 200_000, &[(Detr, 190_000)]));
    match check.ceiling {
        CeilingCheck::Exceeded {
            fix,
            min_own_percent: 20,
            ..
        } => {
            assert_eq!(fix.max_public_aid, Cents::euros(160_000));
            assert_eq!(fix.min_own_share, Cents::euros(40_000));
            assert_eq!(fix.reduce_aid_by, Cents::euros(30_000));
            assert_eq!(fix.raise_own_by, Cents::euros(30_000));
        }
        other => panic!("{other:?}"),
    }
    // The action plan says those two amounts, before any score gain.
    let dossier = item(InvestmentOwner::Commune, 120_000, &[(Detr, 100_800)]);
    let evaluation = evaluate(&dossier, Referential::builtin(dossier.variant()), Lang::Fr);
    let first = first_after_blocking(&evaluation).expect("an action");
    assert_eq!(&*first.indicator_id, "financement.plafond");
    assert!(
        first.text.contains("96\u{202f}000,00\u{a0}€"),
        "{}",
        first.text
    );
    assert!(
        first.text.contains("24\u{202f}000,00\u{a0}€"),
        "{}",
        first.text
    );
}

#[test]
fn the_fix_names_only_the_changes_the_plan_needs() {
    // 60 k€ of aid and 10 k€ of its own on 100 k€: the aid already fits (80 k€ at most);
    // the owner must bring 10 k€ more. Nothing to reduce, so nothing said about it.
    let dossier = item(
        InvestmentOwner::Commune,
        100_000,
        &[(Detr, 60_000), (Own, 10_000)],
    );
    let evaluation = evaluate(&dossier, Referential::builtin(dossier.variant()), Lang::Fr);
    let fix = first_after_blocking(&evaluation).expect("an action");
    assert_eq!(&*fix.indicator_id, "financement.plafond");
    assert!(
        fix.text
            .contains("augmenter la part propre de 10\u{202f}000,00\u{a0}€"),
        "{}",
        fix.text
    );
    assert!(!fix.text.contains("réduire"), "{}", fix.text);
}

#[test]
fn exceptions_are_statutory_and_derogations_are_the_prefet_s() {
    let over = [(Detr, 100_000)];
    for region in [
        Region::Guadeloupe,
        Region::Guyane,
        Region::LaReunion,
        Region::Martinique,
        Region::Mayotte,
        Region::SaintBarthelemy,
        Region::SaintMartin,
        Region::SaintPierreEtMiquelon,
    ] {
        let mut dossier = item(InvestmentOwner::Commune, 100_000, &over);
        dossier.identity.region = region;
        assert!(
            matches!(first_item(&dossier).ceiling, CeilingCheck::Exempt { .. }),
            "{region:?}"
        );
    }
    let mut dossier = item(InvestmentOwner::Epci, 100_000, &over);
    dossier.investment.exception = Some(CeilingException::UrbanRenewal);
    assert!(matches!(
        first_item(&dossier).ceiling,
        CeilingCheck::Exempt { .. }
    ));
    // A monument or a disaster repair: the préfet may derogate; nothing is assumed.
    for exception in [
        CeilingException::ProtectedMonument,
        CeilingException::DisasterRepair,
    ] {
        let mut dossier = item(InvestmentOwner::Epci, 100_000, &over);
        dossier.investment.exception = Some(exception);
        let check = first_item(&dossier);
        assert!(
            matches!(check.ceiling, CeilingCheck::Exceeded { .. }),
            "{exception:?}"
        );
        assert_eq!(check.derogation_possible, Some(exception));
        let text = ceiling_text(&check, Lang::Fr);
        assert!(
            text.contains("dérogation possible, sur décision du préfet"),
            "{text}"
        );
        assert!(text.starts_with("DÉPASSÉ"), "{text}");
    }
    // Other overseas collectivités are not named by the law: the rule applies.
    let mut dossier = item(InvestmentOwner::Commune, 100_000, &over);
    dossier.identity.region = Region::AutreOutreMer;
    assert!(matches!(
        first_item(&dossier).ceiling,
        CeilingCheck::Exceeded { .. }
    ));
}

#[test]
fn every_kind_of_collectivite_is_bound_by_the_rule_and_pays_its_own_line() {
    for owner in [
        InvestmentOwner::Commune,
        InvestmentOwner::Epci,
        InvestmentOwner::Syndicat,
        InvestmentOwner::Petr,
        InvestmentOwner::Departement,
        InvestmentOwner::Region,
    ] {
        let check = first_item(&item(owner, 100_000, &[(Detr, 90_000)]));
        assert!(
            matches!(check.ceiling, CeilingCheck::Exceeded { .. }),
            "{owner:?}"
        );
    }
    // A région that owns a former lycée and funds it names its own money "Région".
    let check = first_item(&item(
        InvestmentOwner::Region,
        100_000,
        &[(Detr, 50_000), (Reg, 50_000)],
    ));
    assert_eq!(check.own, Cents::euros(50_000));
    assert!(!check.own_computed);
    assert!(matches!(check.ceiling, CeilingCheck::Respected { .. }));
    // An association's investment is outside the rule; a holder that is a collectivité is not.
    let mut dossier = item(InvestmentOwner::Holder, 100_000, &[(Detr, 100_000)]);
    assert_eq!(first_item(&dossier).ceiling, CeilingCheck::NotApplicable);
    dossier.identity.holder_kind = Some(HolderKind::Collectivite);
    assert!(matches!(
        first_item(&dossier).ceiling,
        CeilingCheck::Exceeded { .. }
    ));
}

#[test]
fn shares_round_away_from_the_limit() {
    // (aid, own, limit) → tenths shown
    let check = |aid: i64, total: i64| {
        let dossier = item(InvestmentOwner::Commune, total, &[(Detr, aid)]);
        match first_item(&dossier).ceiling {
            CeilingCheck::Respected { share, .. } | CeilingCheck::Exceeded { share, .. } => share,
            other => panic!("{other:?}"),
        }
    };
    assert_eq!(check(80_001, 100_000), Share(801));
    assert_eq!(check(79_999, 100_000), Share(799));
    assert_eq!(check(80_000, 100_000), Share(800));
    assert_eq!(Share(804).text(Lang::En), "80.4%");
}

/// One row per call: (call, the grant line of the budget, the grant asked in the
/// investment plan, holds, the issues' kinds).
#[test]
fn the_grant_is_checked_against_the_call_it_answers() {
    use fabrique_core::calls::CallId;
    type Row = (CallId, [i64; 4], i64, bool, &'static [&'static str]);
    let rows: &[Row] = &[
        (CallId::Ami2019, [50_000, 50_000, 50_000, 0], 0, true, &[]),
        (
            CallId::Ami2019,
            [25_000, 25_000, 24_999, 0],
            0,
            false,
            &["below_minimum"],
        ),
        (
            CallId::Ami2019,
            [50_001, 40_000, 40_000, 10_000],
            0,
            false,
            &["above_yearly_cap", "after_the_grant"],
        ),
        (
            CallId::Ami2019,
            [0, 0, 0, 0],
            30_000,
            false,
            &["operating_grant_in_investment"],
        ),
        (
            CallId::Ami2019,
            [50_000, 50_000, 60_000, 0],
            0,
            false,
            &["above_maximum", "above_yearly_cap"],
        ),
        // The numérique's extra (up to 100 k€) may take a year over 50 k€ and the total
        // over 150 k€.
        (
            CallId::Ami2019Numerique,
            [80_000, 80_000, 80_000, 0],
            0,
            true,
            &[],
        ),
        (
            CallId::Ami2019Numerique,
            [90_000, 90_000, 90_000, 0],
            0,
            false,
            &[
                "above_maximum",
                "above_yearly_cap",
                "above_yearly_cap",
                "above_yearly_cap",
            ],
        ),
        // 2023: a flat 50 k€ for one year; year 2 is after the grant.
        (CallId::Edition2023, [50_000, 0, 0, 0], 0, true, &[]),
        (
            CallId::Edition2023,
            [40_000, 0, 0, 0],
            0,
            false,
            &["not_flat"],
        ),
        (
            CallId::Edition2023,
            [50_000, 50_000, 0, 0],
            0,
            false,
            &["after_the_grant"],
        ),
        // 2024: no amount published, nothing to hold against.
        (CallId::Vague2024, [120_000, 0, 0, 0], 0, true, &[]),
        // Manufacture: an investment grant.
        (
            CallId::ManufactureProximite,
            [0, 0, 0, 0],
            260_000,
            true,
            &[],
        ),
        (
            CallId::ManufactureProximite,
            [30_000, 0, 0, 0],
            0,
            false,
            &["investment_grant_in_operating"],
        ),
    ];
    for &(call, years, in_plan, holds, kinds) in rows {
        let mut dossier = if in_plan > 0 {
            item(
                InvestmentOwner::Holder,
                in_plan,
                &[(FundingSource::Ami, in_plan)],
            )
        } else {
            Dossier::default()
        };
        dossier.call = call;
        dossier.economic_model.revenue = vec![RevenueLine {
            source: RevenueSource::AmiGrant,
            label: "Subvention".into(),
            years: years.map(Cents::euros),
        }];
        let funding = report(&dossier);
        let bounds = &funding.ami_bounds;
        let found: Vec<String> = bounds
            .issues
            .iter()
            .map(|issue| {
                serde_json::to_value(issue).expect("json")["kind"]
                    .as_str()
                    .unwrap_or("")
                    .to_owned()
            })
            .collect();
        assert_eq!(bounds.holds(), holds, "{call:?} {years:?}: {found:?}");
        assert_eq!(found, kinds, "{call:?} {years:?}");
        // Every issue is in the action plan, before any score gain.
        let evaluation = evaluate(&dossier, Referential::builtin(dossier.variant()), Lang::Fr);
        let funding_actions = evaluation
            .actions
            .iter()
            .skip_while(|a| a.kind == fabrique_core::evaluation::ActionKind::Blocking)
            .take_while(|a| a.kind == fabrique_core::evaluation::ActionKind::Funding)
            .filter(|a| &*a.indicator_id == "financement.appel")
            .count();
        assert_eq!(funding_actions, kinds.len(), "{call:?} {years:?}");
    }
    // The numérique's extra is said, with what the budget uses of it.
    let mut dossier = Dossier {
        call: CallId::Ami2019Numerique,
        ..Dossier::default()
    };
    dossier.economic_model.revenue = vec![RevenueLine {
        source: RevenueSource::AmiGrant,
        label: "AMI".into(),
        years: [80_000, 80_000, 80_000, 0].map(Cents::euros),
    }];
    assert_eq!(report(&dossier).ami_bounds.extra_used, Cents::euros(90_000));
    // No grant entered is not "outside the bounds".
    let empty = report(&Dossier::default()).ami_bounds;
    assert!(empty.not_entered && empty.holds());
    assert!(fabrique_core::funding::bounds_text(&empty, Lang::Fr).contains("aucune subvention"));
}

#[test]
fn detr_for_a_syndicat_follows_the_60000_threshold() {
    let cases = [
        (Some(60_000), Region::Metropole, Eligibility::Eligible),
        (Some(60_001), Region::Metropole, Eligibility::NotEligible),
        (None, Region::Metropole, Eligibility::ToCheck),
        // The source gives no overseas threshold for syndicats.
        (Some(10_000), Region::Martinique, Eligibility::ToCheck),
    ];
    for (population, region, expected) in cases {
        let mut dossier = owned_by(InvestmentOwner::Syndicat, &[(Detr, 10_000)]);
        dossier.identity.syndicat_population = population;
        dossier.identity.region = region;
        let (eligibility, reason) = eligibility(&dossier, Detr);
        assert_eq!(eligibility, expected, "{population:?} {region:?}: {reason}");
    }
    // Départements, régions and PETR do not receive DETR.
    for owner in [
        InvestmentOwner::Departement,
        InvestmentOwner::Region,
        InvestmentOwner::Petr,
    ] {
        let dossier = owned_by(owner, &[(Detr, 10_000)]);
        assert_eq!(
            eligibility(&dossier, Detr).0,
            Eligibility::NotEligible,
            "{owner:?}"
        );
    }
    // A COM's rule is not in the source: to check, never "eligible".
    let mut dossier = owned_by(InvestmentOwner::Commune, &[(Detr, 10_000)]);
    dossier.identity.commune_population = Some(1_000);
    dossier.identity.region = Region::AutreOutreMer;
    assert_eq!(eligibility(&dossier, Detr).0, Eligibility::ToCheck);
}

#[test]
fn dsil_is_eligible_only_with_a_theme_ticked() {
    let mut dossier = owned_by(InvestmentOwner::Commune, &[(FundingSource::Dsil, 50_000)]);
    let (verdict, reason) = eligibility(&dossier, FundingSource::Dsil);
    assert_eq!(verdict, Eligibility::ToCheck, "{reason}");
    assert!(reason.contains("six thématiques"), "{reason}");
    dossier
        .investment
        .dsil_themes
        .insert(DsilTheme::EnergyRenovation);
    assert_eq!(
        eligibility(&dossier, FundingSource::Dsil).0,
        Eligibility::Eligible
    );
    // A PETR may ask it; a syndicat may not; outside art. 73 overseas, no DSIL.
    dossier.investment.items[0].owner = InvestmentOwner::Petr;
    assert_eq!(
        eligibility(&dossier, FundingSource::Dsil).0,
        Eligibility::Eligible
    );
    dossier.investment.items[0].owner = InvestmentOwner::Syndicat;
    assert_eq!(
        eligibility(&dossier, FundingSource::Dsil).0,
        Eligibility::NotEligible
    );
    dossier.investment.items[0].owner = InvestmentOwner::Commune;
    dossier.identity.region = Region::SaintPierreEtMiquelon;
    assert_eq!(
        eligibility(&dossier, FundingSource::Dsil).0,
        Eligibility::NotEligible
    );
}

#[test]
fn sources_asked_are_apart_from_those_not_asked_and_ineligible_requests_are_actions() {
    let dossier = owned_by(
        InvestmentOwner::Holder,
        &[(Detr, 20_000), (FundingSource::Dsil, 0)],
    );
    let funding = report(&dossier);
    let asked: Vec<FundingSource> = funding.asked().map(|s| s.source).collect();
    assert_eq!(asked, vec![Detr]);
    assert!(funding.not_asked().any(|s| s.source == FundingSource::Dsil));
    // An association asks DETR: not eligible, and the plan says so first.
    let evaluation = evaluate(&dossier, Referential::builtin(dossier.variant()), Lang::Fr);
    let request = evaluation
        .actions
        .iter()
        .find(|a| &*a.indicator_id == "financement.non_eligible")
        .expect("an action");
    assert!(
        request.text.contains("DETR") && request.text.contains("20\u{202f}000,00\u{a0}€"),
        "{}",
        request.text
    );
    assert_eq!(
        first_after_blocking(&evaluation).map(|a| a.kind),
        Some(fabrique_core::evaluation::ActionKind::Funding)
    );
}

#[test]
fn an_item_not_fully_financed_is_an_action_with_its_figure() {
    let dossier = item(
        InvestmentOwner::Holder,
        100_000,
        &[(Reg, 40_000), (Own, 20_000)],
    );
    let evaluation = evaluate(&dossier, Referential::builtin(dossier.variant()), Lang::Fr);
    let action = evaluation
        .actions
        .iter()
        .find(|a| &*a.indicator_id == "financement.reste")
        .expect("an action");
    assert!(
        action.text.contains("40\u{202f}000,00\u{a0}€"),
        "{}",
        action.text
    );
}

proptest::proptest! {
    /// Whatever the plan, the suggested fix keeps the item's total equal to its cost and
    /// satisfies the rule it fixes.
    #[test]
    fn the_fix_keeps_the_cost_and_satisfies_the_rule(
        cost in 1_i64..10_000_000_000,
        aid_per_mille in 0_i64..1_200,
        outside_per_mille in 0_i64..400,
        own_line in proptest::option::of(0_i64..10_000_000_000),
        chef_de_file in proptest::bool::ANY,
    ) {
        let aid = cost / 1_000 * aid_per_mille;
        let outside = cost / 1_000 * outside_per_mille;
        let mut lines = vec![(Detr, aid), (Private, outside)];
        if let Some(own) = own_line {
            lines.push((Own, own));
        }
        let mut dossier = owned_by(InvestmentOwner::Commune, &[]);
        dossier.investment.items[0].cost = Cents(cost);
        dossier.investment.items[0].chef_de_file = chef_de_file;
        dossier.investment.items[0].funding = lines
            .into_iter()
            .map(|(source, amount)| FundingRequest { source, amount: Cents(amount) })
            .collect();
        let check = first_item(&dossier);
        if let CeilingCheck::Exceeded { fix, min_own_percent, .. } = check.ceiling {
            let kept_outside = outside.min(cost);
            proptest::prop_assert_eq!(fix.max_public_aid.0 + fix.min_own_share.0 + kept_outside, cost);
            let limit = i128::from(100 - min_own_percent);
            let public = i128::from(fix.max_public_aid.0 + fix.min_own_share.0);
            proptest::prop_assert!(i128::from(fix.max_public_aid.0) * 100 <= public * limit);
            // And it is the largest such aid: one cent more breaks the rule.
            proptest::prop_assert!(i128::from(fix.max_public_aid.0 + 1) * 100 > public * limit);
        }
    }
}

#[test]
fn the_ami_follows_the_applicant_and_the_variant() {
    let mut dossier = Dossier::default();
    assert_eq!(
        eligibility(&dossier, FundingSource::Ami).0,
        Eligibility::ToCheck
    );
    dossier.identity.holder_kind = Some(HolderKind::Association);
    dossier.identity.legal_status = Some(LegalStatus::InCreation);
    assert_eq!(
        eligibility(&dossier, FundingSource::Ami).0,
        Eligibility::NotEligible
    );
    dossier.identity.holder_kind = Some(HolderKind::Consortium);
    dossier.identity.lead_member = "Association La Grange".into();
    assert_eq!(
        eligibility(&dossier, FundingSource::Ami).0,
        Eligibility::Eligible
    );
    dossier.call = fabrique_core::calls::CallId::Ami2019Numerique;
    assert_eq!(
        eligibility(&dossier, FundingSource::Ami).0,
        Eligibility::NotEligible
    );
    dossier.identity.next_to_qpv = true;
    assert_eq!(
        eligibility(&dossier, FundingSource::Ami).0,
        Eligibility::Eligible
    );
}

#[test]
fn the_anru_fund_is_for_places_in_a_qpv() {
    let mut dossier = Dossier::default();
    assert_eq!(
        eligibility(&dossier, FundingSource::AnruAmundi).0,
        Eligibility::NotEligible
    );
    dossier.identity.in_qpv = true;
    let (eligibility, reason) = eligibility(&dossier, FundingSource::AnruAmundi);
    assert_eq!(eligibility, Eligibility::ToCheck);
    assert!(reason.contains("pas une subvention"), "{reason}");
}

#[test]
fn reasons_are_written_in_the_language_asked() {
    let mut dossier = owned_by(InvestmentOwner::Commune, &[(FundingSource::Detr, 10_000)]);
    dossier.identity.commune_population = Some(1_200);
    let english = evaluate(&dossier, Referential::builtin(dossier.variant()), Lang::En).funding;
    let detr = english
        .sources
        .iter()
        .find(|s| s.source == FundingSource::Detr)
        .expect("DETR");
    assert_eq!(
        detr.reason,
        "Commune of 1,200 inhabitants: at most 2,000, eligible."
    );
    let french = report(&dossier);
    let detr = french
        .sources
        .iter()
        .find(|s| s.source == FundingSource::Detr)
        .expect("DETR");
    assert_eq!(
        detr.reason,
        "Commune de 1\u{202f}200 habitants : au plus 2\u{202f}000, éligible."
    );
}
