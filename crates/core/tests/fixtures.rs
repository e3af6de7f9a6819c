//! The three example dossiers under `tests/fixtures/`, each with the verdict a domain expert
//! would give and why. They are also the dossiers the app offers as examples.

use fabrique_core::dossier::{self, Dossier, FundingSource};
use fabrique_core::evaluation::{evaluate, Blocking, CriterionLevel, Evaluation, Verdict};
use fabrique_core::funding::{CeilingCheck, Eligibility};
use fabrique_core::referential::{CriterionId, Lang, Referential};

fn load(name: &str) -> Dossier {
    let path = format!("{}/tests/fixtures/{name}.json", env!("CARGO_MANIFEST_DIR"));
    let text = std::fs::read_to_string(&path).expect("fixture readable");
    dossier::from_json(&text).expect("fixture is a valid dossier")
}

fn evaluated(name: &str) -> (Dossier, Evaluation) {
    let dossier = load(name);
    let evaluation = evaluate(&dossier, Referential::builtin(dossier.variant), Lang::Fr);
    (dossier, evaluation)
}

fn eligibility(evaluation: &Evaluation, source: FundingSource) -> Eligibility {
    evaluation
        .funding
        .sources
        .iter()
        .find(|s| s.source == source)
        .map(|s| s.eligibility)
        .expect("source reported")
}

/// A rural association, open for two years, that did its homework: statutes, a collective
/// with users on the board, 29 interviews with five kinds of actors, a tested offer, seven
/// partners with five letters, four digital services, half of its revenue its own, a
/// coordinator funded and secured for three years and kept in year 4. An expert would say
/// "ready"; the one thing left is community life, three events a month where four are
/// expected.
#[test]
fn the_strong_rural_hub_is_ready_to_apply() {
    let (_, evaluation) = evaluated("strong-rural-hub");
    assert_eq!(evaluation.verdict, Verdict::PretADeposer);
    assert!(evaluation.blocking.is_empty());
    assert!(
        evaluation.weighted_score >= 90,
        "{}",
        evaluation.weighted_score
    );
    assert!(evaluation
        .criteria
        .iter()
        .all(|c| c.level >= CriterionLevel::Solide));
    // The commune (1,200 inhabitants) owns the works: DETR-eligible, and its own 60 k€
    // against 120 k€ of public aid keeps aid at 66 %, under the 80 % ceiling.
    assert_eq!(
        eligibility(&evaluation, FundingSource::Detr),
        Eligibility::Eligible
    );
    assert!(matches!(
        evaluation.funding.ceiling,
        CeilingCheck::Respected { public_aid_share } if public_aid_share.0 == 66
    ));
    // 140 k€ of AMI over three years, never more than 50 k€ a year.
    assert!(evaluation.funding.ami_bounds.within_total_range);
    assert!(evaluation.funding.ami_bounds.within_yearly_cap);
    // The action plan's first step is the only gap: community events.
    assert_eq!(
        evaluation.actions.first().map(|a| &*a.indicator_id),
        Some("modele.evenements")
    );
}

/// A digital project in a QPV, not yet open: the association exists and the services are
/// real (help with online procedures, mediation), but the need was checked with eight
/// people, there is no letter of support, the offer was never tested, and the budget lives
/// on the AMI (15 % own revenue, nothing planned for year 4). An expert would say "worth
/// consolidating": eligible, no blocking condition, but weak on the economic model.
#[test]
fn the_fragile_qpv_digital_project_is_to_consolidate() {
    let (dossier, evaluation) = evaluated("fragile-qpv-digital");
    assert_eq!(
        dossier.variant,
        fabrique_core::dossier::Variant::FabriqueNumerique
    );
    assert_eq!(evaluation.verdict, Verdict::AConsolider);
    assert!(evaluation.blocking.is_empty());
    assert_eq!(
        evaluation.weakest_criterion().map(|c| c.id),
        Some(CriterionId::ModeleEconomique)
    );
    assert!(evaluation.finances.ami_dependence.is_some_and(|p| p.0 > 70));
    // In a QPV: the ANRU + Amundi fund is worth a look (equity, not a grant).
    assert_eq!(
        eligibility(&evaluation, FundingSource::AnruAmundi),
        Eligibility::ToCheck
    );
    assert_eq!(
        eligibility(&evaluation, FundingSource::Ami),
        Eligibility::Eligible
    );
    // Nothing is invested by a collectivité: the 80 % rule does not apply.
    assert_eq!(evaluation.funding.ceiling, CeilingCheck::NotApplicable);
    // Letters of support come before smaller gains.
    let position = |id: &str| {
        evaluation
            .actions
            .iter()
            .position(|a| &*a.indicator_id == id)
    };
    assert!(position("partenariats.lettres") < position("gouvernance.collectif"));
}

/// A town of 26,000 inhabitants wants its own tiers-lieu in the town hall: no legal
/// structure for the place (being created), no funded position, no consultation. The
/// funding plan asks DETR (the commune is too large), asks the AMI for works (it funds
/// operating costs), budgets 60 k€ of AMI a year (the cap is 50 k€), and leaves public aid
/// at 90 % of the public financing. An expert would say "not ready", for reasons the
/// evaluation must all name.
#[test]
fn the_town_led_project_is_not_ready_and_says_why() {
    let (_, evaluation) = evaluated("ineligible-town-led");
    assert_eq!(evaluation.verdict, Verdict::PasEncorePret);
    assert_eq!(
        evaluation.blocking,
        vec![Blocking::NoLegalStructure, Blocking::NoFundedPosition]
    );
    assert_eq!(
        eligibility(&evaluation, FundingSource::Detr),
        Eligibility::NotEligible
    );
    assert!(evaluation.funding.ami_asked_for_investment);
    assert!(!evaluation.funding.ami_bounds.within_yearly_cap);
    assert!(!evaluation.funding.ami_bounds.within_total_range);
    match &evaluation.funding.ceiling {
        CeilingCheck::Exceeded {
            public_aid_share,
            missing_own_share,
        } => {
            // 450 k€ of aid and 50 k€ own: aid is 90 %; the owner needs 112,500 € of its own.
            assert_eq!(public_aid_share.0, 90);
            assert_eq!(missing_own_share.0, 6_250_000);
        }
        other => panic!("ceiling should be exceeded, got {other:?}"),
    }
}

#[test]
fn every_fixture_survives_serialization_unchanged() {
    for name in [
        "strong-rural-hub",
        "fragile-qpv-digital",
        "ineligible-town-led",
    ] {
        let dossier = load(name);
        assert_eq!(
            dossier::from_json(&dossier::to_json(&dossier)),
            Ok(dossier),
            "{name}"
        );
    }
}

#[test]
fn the_report_names_verdict_weakest_criterion_funding_and_plan() {
    for name in [
        "strong-rural-hub",
        "fragile-qpv-digital",
        "ineligible-town-led",
    ] {
        let (dossier, evaluation) = evaluated(name);
        let referential = Referential::builtin(dossier.variant);
        let text = fabrique_core::report::text(&dossier, &evaluation, referential, Lang::Fr);
        assert!(text.contains(evaluation.verdict.label(Lang::Fr)), "{name}");
        let weakest = evaluation.weakest_criterion().expect("six criteria");
        assert!(
            text.contains(&format!("Critère le plus faible : {}", weakest.label)),
            "{name}"
        );
        assert!(text.contains("Plafond de 80 %"), "{name}");
        assert!(text.contains("Plan d'action"), "{name}");
        if let Some(first) = evaluation.actions.first() {
            assert!(text.contains(&first.text), "{name}");
        }
        let markdown =
            fabrique_core::report::markdown(&dossier, &evaluation, referential, Lang::Fr);
        assert!(markdown.starts_with("# "), "{name}");
    }
}
