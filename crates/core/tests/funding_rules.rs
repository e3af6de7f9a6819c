//! The funding rules, case by case: DETR's population and potentiel-financier thresholds,
//! the 80 % ceiling and its exceptions, the AMI's bounds, and eligibility by territory.

use fabrique_core::dossier::*;
use fabrique_core::evaluation::evaluate;
use fabrique_core::funding::{CeilingCheck, Eligibility, FundingReport};
use fabrique_core::referential::{Lang, Referential};
use fabrique_core::units::Cents;

fn report(dossier: &Dossier) -> FundingReport {
    evaluate(dossier, Referential::builtin(dossier.variant), Lang::Fr).funding
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
    let dossier = owned_by(InvestmentOwner::Epci, &[(FundingSource::Dsil, 10_000)]);
    assert_eq!(
        eligibility(&dossier, FundingSource::Dsil).0,
        Eligibility::Eligible
    );
}

#[test]
fn the_ceiling_counts_public_aid_against_public_financing_only() {
    // 80 k€ of aid, 20 k€ own: exactly 80 %, respected; private money is outside.
    let dossier = owned_by(
        InvestmentOwner::Commune,
        &[
            (FundingSource::Detr, 50_000),
            (FundingSource::Region, 30_000),
            (FundingSource::Own, 20_000),
            (FundingSource::Private, 500_000),
        ],
    );
    assert!(
        matches!(report(&dossier).ceiling, CeilingCheck::Respected { public_aid_share } if public_aid_share.0 == 80)
    );
    // One euro more of aid goes over; the owner must bring 25 cents more.
    let dossier = owned_by(
        InvestmentOwner::Commune,
        &[(FundingSource::Detr, 80_001), (FundingSource::Own, 20_000)],
    );
    assert_eq!(
        report(&dossier).ceiling,
        CeilingCheck::Exceeded {
            public_aid_share: fabrique_core::units::Percent(80),
            missing_own_share: Cents(25),
        }
    );
}

#[test]
fn the_ceiling_names_its_exceptions() {
    let over = [(FundingSource::Detr, 100_000)];
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
        let mut dossier = owned_by(InvestmentOwner::Commune, &over);
        dossier.identity.region = region;
        assert!(
            matches!(report(&dossier).ceiling, CeilingCheck::Exempt { .. }),
            "{region:?}"
        );
    }
    for exception in [
        CeilingException::UrbanRenewal,
        CeilingException::ProtectedMonument,
        CeilingException::DisasterRepair,
    ] {
        let mut dossier = owned_by(InvestmentOwner::Epci, &over);
        dossier.investment.exception = Some(exception);
        assert!(
            matches!(report(&dossier).ceiling, CeilingCheck::Exempt { .. }),
            "{exception:?}"
        );
    }
    // Other overseas collectivités are not named by the law: the rule applies.
    let mut dossier = owned_by(InvestmentOwner::Commune, &over);
    dossier.identity.region = Region::AutreOutreMer;
    assert!(matches!(
        report(&dossier).ceiling,
        CeilingCheck::Exceeded { .. }
    ));
    // An association's own investment is outside the rule.
    let dossier = owned_by(InvestmentOwner::Holder, &over);
    assert_eq!(report(&dossier).ceiling, CeilingCheck::NotApplicable);
}

#[test]
fn the_ami_bounds_are_50k_a_year_and_75k_to_150k_in_all() {
    let with_grant = |euros: [i64; 4]| {
        let mut dossier = Dossier::default();
        dossier.economic_model.revenue = vec![RevenueLine {
            source: RevenueSource::AmiGrant,
            label: "AMI".into(),
            years: euros.map(Cents::euros),
        }];
        report(&dossier).ami_bounds
    };
    let bounds = with_grant([50_000, 50_000, 50_000, 0]);
    assert!(bounds.within_yearly_cap && bounds.within_total_range && !bounds.grant_after_year_3);
    let bounds = with_grant([25_000, 25_000, 24_999, 0]);
    assert!(bounds.within_yearly_cap && !bounds.within_total_range);
    let bounds = with_grant([50_001, 40_000, 40_000, 10_000]);
    assert!(!bounds.within_yearly_cap && bounds.within_total_range && bounds.grant_after_year_3);
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
    dossier.variant = Variant::FabriqueNumerique;
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
    let english = evaluate(&dossier, Referential::builtin(dossier.variant), Lang::En).funding;
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
