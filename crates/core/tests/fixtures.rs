//! The three example dossiers under `tests/fixtures/`, each with the verdict a domain expert
//! would give and why. They are also the dossiers the app offers as examples.

use fabrique_core::calls::CallId;
use fabrique_core::dossier::{self, Dossier, FundingSource};
use fabrique_core::evaluation::ActionKind;
use fabrique_core::evaluation::{evaluate, Blocking, CriterionLevel, Evaluation, Section, Verdict};
use fabrique_core::funding::{BoundsIssue, CeilingCheck, Eligibility, Share};
use fabrique_core::label::Label;
use fabrique_core::referential::{CriterionId, Lang, Referential};
use fabrique_core::units::Cents;

fn load(name: &str) -> Dossier {
    let path = format!("{}/tests/fixtures/{name}.json", env!("CARGO_MANIFEST_DIR"));
    let text = std::fs::read_to_string(&path).expect("fixture readable");
    dossier::from_json(&text).expect("fixture is a valid dossier")
}

fn evaluated(name: &str) -> (Dossier, Evaluation) {
    let dossier = load(name);
    let evaluation = evaluate(&dossier, Referential::builtin(dossier.variant()), Lang::Fr);
    (dossier, evaluation)
}

/// The ids of the plan's first three actions.
fn first_three(evaluation: &Evaluation) -> Vec<&str> {
    evaluation
        .actions
        .iter()
        .take(3)
        .map(|a| &*a.indicator_id)
        .collect()
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

/// A rural association, open for two years, answering the 2019–2021 AMI, that did its
/// homework: statutes and a yearly general assembly, a collective with users on the board,
/// 29 interviews with five kinds of actors, 2,400 people welcomed last year (its activity is
/// the test of its offer), seven partners with five letters, four digital services, half of
/// its revenue its own, a coordinator funded by the AMI's grant for three years and by its
/// own revenue in year 4. An expert would say "ready"; the one thing left is community life,
/// three events a month where four are expected.
///
/// Expert's first actions: 1. one more community event a month. Nothing else to do.
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
    // against 120 k€ of public aid keeps aid at 66.6 %, under the 80 % ceiling; the
    // 20 k€ of sponsorship is outside the rule, and the 200 k€ are fully financed.
    assert_eq!(evaluation.funding.call, CallId::Ami2019);
    assert_eq!(
        eligibility(&evaluation, FundingSource::Detr),
        Eligibility::Eligible
    );
    let item = &evaluation.funding.items[0];
    assert!(matches!(
        item.ceiling,
        CeilingCheck::Respected {
            share: Share(666),
            min_own_percent: 20
        }
    ));
    assert_eq!((item.remaining, item.over_financed), (Cents(0), Cents(0)));
    // 140 k€ of AMI over three years, never more than 50 k€ a year.
    assert!(evaluation.funding.ami_bounds.holds());
    assert!(evaluation.funding.problems.is_empty());
    // The action plan's only step is the only gap: community events, with the figure.
    assert_eq!(first_three(&evaluation), ["modele.evenements"]);
    assert!(
        evaluation.actions[0]
            .text
            .contains("3 événements par mois, pour un objectif de 4, soit 1 de plus"),
        "{}",
        evaluation.actions[0].text
    );
    assert_eq!(evaluation.actions[0].section, Section::EconomicModel);
}

/// A digital project in a QPV, answering the 2019–2021 AMI as a Fabrique numérique, not yet
/// open: the association exists and the services are real (help with online procedures,
/// mediation), its facilitator is to be paid by the AMI's grant, but the need was checked
/// with eight people, there is no letter of support, the offer was never tested, and the
/// budget lives on the AMI (7 % own revenue, year 4 left empty). An expert would say "worth
/// consolidating": eligible, no blocking condition, but weak on the economic model.
///
/// Expert's first actions: 1. own revenue, with how much is missing (the budget lives on
/// the grant); 2. a wider set of digital services (criterion 4 asks for several); 3. the
/// budget of year 4, which is empty — a funder's first question.
#[test]
fn the_fragile_qpv_digital_project_is_to_consolidate() {
    let (dossier, evaluation) = evaluated("fragile-qpv-digital");
    assert_eq!(dossier.call, CallId::Ami2019Numerique);
    assert_eq!(
        dossier.variant(),
        fabrique_core::dossier::Variant::FabriqueNumerique
    );
    // 150 k€ over three years: within the base amounts, no extra used, nothing to fix.
    assert!(evaluation.funding.ami_bounds.holds());
    assert_eq!(evaluation.funding.ami_bounds.extra_used, Cents(0));
    assert!(evaluation.funding.problems.is_empty());
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
    // Nothing is invested: no plan to check.
    assert!(evaluation.funding.items.is_empty());
    // Letters of support come before smaller gains.
    let position = |id: &str| {
        evaluation
            .actions
            .iter()
            .position(|a| &*a.indicator_id == id)
    };
    assert!(position("partenariats.lettres") < position("gouvernance.collectif"));
    assert_eq!(
        first_three(&evaluation),
        [
            "modele.recettes_propres",
            "services.nombre",
            "modele.annee4"
        ]
    );
    // Each with the dossier's own figures and what would close the gap.
    assert!(evaluation.actions[0]
        .text
        .contains("7\u{a0}% de recettes propres"));
    assert!(evaluation.actions[0]
        .text
        .contains("+165\u{202f}000,00\u{a0}€ de recettes propres"));
    assert!(evaluation.actions[2].text.contains("non renseigné"));
    // The post the AMI would fund is planned, not missing.
    assert_eq!(
        evaluation
            .criterion(CriterionId::PosteEtp)
            .and_then(|c| c.indicators.iter().find(|i| &*i.id == "etp.assure"))
            .map(|i| i.level),
        Some(fabrique_core::evaluation::Level::Met)
    );
    // Not yet open: nothing tells it to open more hours; it is told to plan them.
    let hours = evaluation
        .actions
        .iter()
        .find(|a| &*a.indicator_id == "services.heures")
        .expect("hours action");
    assert!(hours.text.starts_with("Prévoir"), "{}", hours.text);
}

/// A town of 26,000 inhabitants wants its own tiers-lieu in the town hall and answers the
/// 2023 edition: no legal structure for the place (being created), no funded position, no
/// consultation. An ANCT programme officer would say "not ready", and name, before any
/// score: the 2023 edition was only for sous-préfecture territories without a Fabrique,
/// which Beaumont is not; its grant is a flat 50 k€ for one year, where the budget shows
/// 60 k€ a year for three years; the works ask the call for 100 k€ although it funds
/// operating costs; DETR is not for a commune of 26,000; and the commune brings 50 k€ of
/// the 500 k€ of public financing, 10 % where the law asks 20 % — the plan holds with at
/// most 400 k€ of aid and at least 100 k€ of its own.
///
/// Expert's first actions: 1. a legal person to apply (the AMI is for existing ones);
/// 2. someone to fund a position (criterion 6); 3. the 80 % public-aid ceiling, with the
/// amounts that bring the plan within it.
#[test]
fn the_town_led_project_is_not_ready_and_says_why() {
    let (_, evaluation) = evaluated("ineligible-town-led");
    assert_eq!(evaluation.funding.call, CallId::Edition2023);
    assert_eq!(evaluation.verdict, Verdict::PasEncorePret);
    assert_eq!(
        evaluation.blocking,
        vec![Blocking::NoLegalStructure, Blocking::NoFundedPosition]
    );
    assert_eq!(
        eligibility(&evaluation, FundingSource::Ami),
        Eligibility::NotEligible
    );
    assert_eq!(
        eligibility(&evaluation, FundingSource::Detr),
        Eligibility::NotEligible
    );
    // DSIL depends on the national themes, which the dossier does not tick.
    assert_eq!(
        eligibility(&evaluation, FundingSource::Dsil),
        Eligibility::ToCheck
    );
    assert_eq!(
        evaluation.funding.ami_bounds.issues,
        vec![
            BoundsIssue::OperatingGrantInInvestment {
                amount: Cents::euros(100_000)
            },
            BoundsIssue::NotFlat {
                total: Cents::euros(60_000),
                flat: Cents::euros(50_000)
            },
            BoundsIssue::AfterTheGrant {
                amount: Cents::euros(120_000)
            },
        ]
    );
    match &evaluation.funding.items[0].ceiling {
        CeilingCheck::Exceeded { share, fix, .. } => {
            assert_eq!(*share, Share(900));
            assert_eq!(fix.max_public_aid, Cents::euros(400_000));
            assert_eq!(fix.min_own_share, Cents::euros(100_000));
        }
        other => panic!("ceiling should be exceeded, got {other:?}"),
    }
    assert_eq!(
        first_three(&evaluation),
        [
            "bloquant.structure",
            "bloquant.poste",
            "financement.plafond"
        ]
    );
    // Blocking conditions first, then funding problems, the breached rule at their head,
    // then what the call allows, then the requests to sources the dossier cannot ask (the
    // call, DETR), and only then the indicators.
    let kinds: Vec<ActionKind> = evaluation.actions.iter().map(|a| a.kind).collect();
    let mut sorted = kinds.clone();
    sorted.sort();
    assert_eq!(kinds, sorted);
    let ids: Vec<&str> = evaluation
        .actions
        .iter()
        .filter(|a| a.kind == ActionKind::Funding)
        .map(|a| &*a.indicator_id)
        .collect();
    assert_eq!(
        ids,
        [
            "financement.plafond",
            "financement.appel",
            "financement.appel",
            "financement.appel",
            "financement.non_eligible",
            "financement.non_eligible",
        ]
    );
    assert!(evaluation.actions[2]
        .text
        .contains("400\u{202f}000,00\u{a0}€"));
    assert!(evaluation.actions[2]
        .text
        .contains("100\u{202f}000,00\u{a0}€"));
    // Each action says why it is in the plan, in each language's way.
    assert_eq!(evaluation.actions[0].why(Lang::Fr), "condition bloquante");
    assert_eq!(evaluation.actions[2].why(Lang::En), "funding plan");
    let first_indicator = evaluation
        .actions
        .iter()
        .find(|a| a.kind == ActionKind::Indicator)
        .expect("an indicator action");
    assert_eq!(first_indicator.gain_hundredths, 600);
    assert_eq!(first_indicator.why(Lang::Fr), "+6,00 pt");
    assert_eq!(first_indicator.why(Lang::En), "+6.00 pt");
    // The year after the grant quotes its deficit and what closes it.
    let year_after = evaluation
        .actions
        .iter()
        .find(|a| &*a.indicator_id == "modele.annee4")
        .expect("year-after action");
    assert!(
        year_after
            .text
            .contains("-58\u{202f}000,00\u{a0}€ en année 2")
            && year_after
                .text
                .contains("+58\u{202f}000,00\u{a0}€ de recettes"),
        "{}",
        year_after.text
    );
}

/// A SCIC in a medium-sized town of a France Ruralités Revitalisation zone, answering the
/// Manufacture de proximité call, not yet open: a 650 m² former textile mill with three-phase
/// power and a delivery dock, an HR strategy (a technician at opening, a second one at 12
/// artisans), seven machines for nine professionals, two partner firms and three letters,
/// six training sessions a year, and 240 k€ asked of the call for the machines. An expert
/// would say "ready to apply": the call's three conditions are met and the workshop is
/// real; the training offer is the thin part.
///
/// Expert's first actions: 1. more training sessions (six a year for a workshop meant to
/// train); 2. a third partner firm. Nothing blocks, nothing in the funding plan to fix.
#[test]
fn the_reemploi_workshop_is_a_ready_manufacture() {
    let (dossier, evaluation) = evaluated("manufacture-reemploi");
    assert_eq!(dossier.call, CallId::ManufactureProximite);
    assert_eq!(evaluation.referential_id, "manufacture-de-proximite");
    let ids: Vec<CriterionId> = evaluation.criteria.iter().map(|c| c.id).collect();
    assert_eq!(ids, CriterionId::MANUFACTURE);
    assert!(evaluation.blocking.is_empty());
    assert_eq!(evaluation.verdict, Verdict::PretADeposer);
    assert_eq!(
        evaluation.weakest_criterion().map(|c| c.id),
        Some(CriterionId::Formation)
    );
    // Its three conditions are in the dossier: the call's grant is open to it, for
    // investment, and the investment is fully financed.
    assert_eq!(
        eligibility(&evaluation, FundingSource::Ami),
        Eligibility::Eligible
    );
    assert!(evaluation.funding.problems.is_empty());
    assert_eq!(
        first_three(&evaluation),
        ["formation.sessions", "entreprises.partenaires"]
    );
    assert_eq!(evaluation.actions[0].section, Section::Production);
    // The workshop is a Manufacture's section alone.
    assert!(Section::Production.applies_to(dossier.variant()));
    assert!(!Section::Production.applies_to(fabrique_core::dossier::Variant::FabriqueDeTerritoire));
    assert!(Section::Budget.applies_to(fabrique_core::dossier::Variant::FabriqueNumerique));
    assert!(evaluation.actions[0]
        .text
        .contains("6 sessions de formation par an, pour un objectif de 12, soit 6 de plus"));
    // Without its premises and its HR strategy, it could not apply, whatever its score.
    let mut unsuited = dossier.clone();
    unsuited.production.premises_suited = false;
    unsuited.production.hr_strategy.clear();
    let evaluation = evaluate(
        &unsuited,
        Referential::builtin(unsuited.variant()),
        Lang::Fr,
    );
    assert_eq!(
        evaluation.blocking,
        vec![Blocking::PremisesNotSuited, Blocking::NoHrStrategy]
    );
    assert_eq!(evaluation.verdict, Verdict::PasEncorePret);
    assert_eq!(
        first_three(&evaluation)[..2],
        ["bloquant.locaux", "bloquant.rh"]
    );
}

#[test]
fn every_fixture_survives_serialization_unchanged() {
    for name in [
        "strong-rural-hub",
        "fragile-qpv-digital",
        "ineligible-town-led",
        "manufacture-reemploi",
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
        "manufacture-reemploi",
    ] {
        let (dossier, evaluation) = evaluated(name);
        let referential = Referential::builtin(dossier.variant());
        let text = fabrique_core::report::text(&dossier, &evaluation, referential, Lang::Fr);
        assert!(text.contains(evaluation.verdict.label(Lang::Fr)), "{name}");
        let weakest = evaluation.weakest_criterion().expect("six criteria");
        assert!(
            text.contains(&format!("Critère le plus faible : {}", weakest.label)),
            "{name}"
        );
        assert!(text.contains("Appel visé"), "{name}");
        assert!(text.contains(dossier.call.call().name.fr), "{name}");
        assert!(text.contains("Plan d'action"), "{name}");
        if let Some(first) = evaluation.actions.first() {
            assert!(text.contains(&first.text), "{name}");
        }
        let markdown =
            fabrique_core::report::markdown(&dossier, &evaluation, referential, Lang::Fr);
        assert!(markdown.starts_with("# "), "{name}");
    }
}

/// Every number of an example set to the largest value the dossier accepts there (a count
/// to `u32::MAX`, an amount to the bound of amounts, either way), all at once: the
/// evaluation, both reports and both CSV files are made in both languages without a panic
/// (the test profile checks overflows). What a crafted link or file can hold, the
/// evaluation can take.
#[test]
fn numbers_at_their_bounds_never_overflow() {
    fn leaves(value: &serde_json::Value, path: &mut Vec<String>, out: &mut Vec<Vec<String>>) {
        match value {
            serde_json::Value::Object(fields) => {
                for (key, field) in fields {
                    path.push(key.clone());
                    leaves(field, path, out);
                    path.pop();
                }
            }
            serde_json::Value::Array(items) => {
                for (index, item) in items.iter().enumerate() {
                    path.push(index.to_string());
                    leaves(item, path, out);
                    path.pop();
                }
            }
            serde_json::Value::Number(_) => out.push(path.clone()),
            _ => {}
        }
    }
    fn at<'v>(value: &'v mut serde_json::Value, path: &[String]) -> &'v mut serde_json::Value {
        path.iter().fold(value, |value, key| match value {
            serde_json::Value::Array(items) => &mut items[key.parse::<usize>().expect("index")],
            other => &mut other[key.as_str()],
        })
    }
    let max = Cents::MAX_ABS.0;
    let candidates: [serde_json::Value; 4] =
        [u32::MAX.into(), max.into(), (-max).into(), 100_000.into()];
    for name in [
        "strong-rural-hub",
        "fragile-qpv-digital",
        "ineligible-town-led",
        "manufacture-reemploi",
    ] {
        let mut value = serde_json::to_value(load(name)).expect("json");
        let mut paths = Vec::new();
        leaves(&value, &mut Vec::new(), &mut paths);
        let mut raised = 0;
        for path in paths
            .iter()
            .filter(|p| p.last().map(String::as_str) != Some("schema_version"))
        {
            let old = at(&mut value, path).clone();
            let accepted = candidates.iter().find(|candidate| {
                *at(&mut value, path) = (*candidate).clone();
                dossier::from_value(value.clone()).is_ok()
            });
            if accepted.is_some() {
                raised += 1;
            } else {
                *at(&mut value, path) = old;
            }
        }
        assert!(raised > 20, "{name}: only {raised} numbers raised");
        let dossier = dossier::from_value(value).expect("still a dossier");
        let referential = Referential::builtin(dossier.variant());
        for lang in [Lang::Fr, Lang::En] {
            let evaluation = evaluate(&dossier, referential, lang);
            assert!(evaluation.weighted_score <= 100, "{name}");
            let _ = fabrique_core::report::text(&dossier, &evaluation, referential, lang);
            let _ = fabrique_core::report::markdown(&dossier, &evaluation, referential, lang);
            let _ = fabrique_core::spreadsheet::budget_csv(&dossier, lang);
            let _ = fabrique_core::spreadsheet::funding_plan_csv(&dossier, lang);
            let document = fabrique_core::presentation::presentation(&dossier, lang);
            let _ = fabrique_core::presentation::markdown(&document, lang);
        }
    }
}
