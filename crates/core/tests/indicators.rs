//! Table tests: each indicator of each referential, read from a dossier built for it. A
//! test fails if an indicator is added to a referential without a row here.

use fabrique_core::dossier::*;
use fabrique_core::evaluation::{evaluate, IndicatorResult, Level};
use fabrique_core::referential::{Lang, Referential};
use fabrique_core::units::{Cents, Fte};
use std::collections::BTreeSet;

type Setup = fn(&mut Dossier);

fn partner(name: &str, category: PartnerCategory) -> Partner {
    Partner {
        name: name.to_owned(),
        category,
        ..Partner::default()
    }
}

fn funded(by: &str, granted: bool) -> PositionYear {
    PositionYear {
        funders: vec![PostFunder {
            funder: by.to_owned(),
            from_call: false,
            status: if granted {
                FundingStatus::Granted
            } else {
                FundingStatus::Requested
            },
        }],
    }
}

fn from_call() -> PositionYear {
    PositionYear {
        funders: vec![PostFunder {
            funder: "AMI".to_owned(),
            from_call: true,
            status: FundingStatus::Requested,
        }],
    }
}

fn revenue(source: RevenueSource, euros: [i64; 4]) -> RevenueLine {
    RevenueLine {
        source,
        label: String::new(),
        years: euros.map(Cents::euros),
    }
}

fn costs(euros: [i64; 4]) -> CostLine {
    CostLine {
        years: euros.map(Cents::euros),
        ..CostLine::default()
    }
}

/// (indicator, what the dossier says, the value read, the level expected).
fn rows() -> Vec<(&'static str, Setup, i64, Level)> {
    vec![
        ("gouvernance.statuts", |_| {}, 0, Level::Missing),
        (
            "gouvernance.statuts",
            |d| d.governance.has_statutes_or_charter = true,
            1,
            Level::Met,
        ),
        (
            "gouvernance.collectif",
            |d| {
                d.governance.members = vec![
                    Member {
                        name: "A".into(),
                        ..Member::default()
                    },
                    Member {
                        name: "  ".into(),
                        ..Member::default()
                    },
                    Member {
                        name: "B".into(),
                        ..Member::default()
                    },
                ]
            },
            2,
            Level::Partial,
        ),
        (
            "gouvernance.instance",
            |d| d.governance.decision_body_meetings_per_year = 3,
            3,
            Level::Partial,
        ),
        (
            "gouvernance.instance",
            |d| d.governance.decision_body_meetings_per_year = 4,
            4,
            Level::Met,
        ),
        (
            "gouvernance.usagers",
            |d| d.governance.users_take_part_in_decisions = true,
            1,
            Level::Met,
        ),
        (
            "gouvernance.animation",
            |d| d.governance.animator = "   ".into(),
            0,
            Level::Missing,
        ),
        (
            "gouvernance.animation",
            |d| d.governance.animator = "Léa".into(),
            1,
            Level::Met,
        ),
        (
            "partenariats.nombre",
            |d| {
                d.partners = (0..6)
                    .map(|i| partner(&format!("P{i}"), PartnerCategory::Other))
                    .collect()
            },
            6,
            Level::Met,
        ),
        (
            "partenariats.diversite",
            |d| {
                d.partners = vec![
                    partner("A", PartnerCategory::Business),
                    partner("B", PartnerCategory::Business),
                    partner("C", PartnerCategory::Association),
                ]
            },
            2,
            Level::Partial,
        ),
        (
            "partenariats.lettres",
            |d| {
                d.partners = vec![Partner {
                    letter_of_support: true,
                    ..partner("A", PartnerCategory::Other)
                }]
            },
            1,
            Level::Partial,
        ),
        (
            "partenariats.entreprises",
            |d| d.partners = vec![partner("Scierie", PartnerCategory::Business)],
            1,
            Level::Met,
        ),
        (
            "partenariats.engagements",
            |d| {
                d.partners = vec![
                    Partner {
                        financial_amount: Some(Cents::euros(1_000)),
                        ..partner("A", PartnerCategory::Other)
                    },
                    Partner {
                        in_kind: true,
                        ..partner("B", PartnerCategory::Other)
                    },
                    Partner {
                        financial_amount: Some(Cents(0)),
                        ..partner("C", PartnerCategory::Other)
                    },
                ]
            },
            2,
            Level::Met,
        ),
        (
            "partenariats.collectivite",
            |d| {
                d.collectivite_role.provides_premises = true;
                // Staged funding counts only with its objectives and contract.
                d.collectivite_role.staged_funding = true;
            },
            1,
            Level::Partial,
        ),
        (
            "partenariats.collectivite",
            |d| d.identity.holder_kind = Some(HolderKind::Collectivite),
            3,
            Level::Met,
        ),
        (
            "besoin.entretiens",
            |d| {
                d.need.consultations = vec![
                    Consultation {
                        actor: ActorKind::Businesses,
                        count: 4,
                        ..Consultation::default()
                    },
                    Consultation {
                        actor: ActorKind::Residents,
                        count: 3,
                        ..Consultation::default()
                    },
                ]
            },
            7,
            Level::Partial,
        ),
        (
            "besoin.types_acteurs",
            |d| {
                d.need.consultations = vec![
                    Consultation {
                        actor: ActorKind::Businesses,
                        count: 1,
                        ..Consultation::default()
                    },
                    Consultation {
                        actor: ActorKind::Residents,
                        count: 0,
                        ..Consultation::default()
                    },
                    Consultation {
                        actor: ActorKind::Other,
                        count: 9,
                        ..Consultation::default()
                    },
                ]
            },
            1,
            Level::Missing,
        ),
        (
            "besoin.reseaux",
            |d| d.need.networks = vec!["France Tiers-Lieux".into()],
            1,
            Level::Met,
        ),
        (
            "besoin.panorama",
            |d| d.need.existing_structures = vec!["Médiathèque".into()],
            1,
            Level::Partial,
        ),
        (
            "besoin.non_couverts",
            |d| d.need.unmet_needs = vec!["A".into(), "B".into()],
            2,
            Level::Met,
        ),
        (
            "besoin.tensions",
            |d| {
                d.need.tensions = vec![Tension {
                    description: "Concurrence".into(),
                    mitigation: String::new(),
                }]
            },
            0,
            Level::Missing,
        ),
        (
            "besoin.offre_testee",
            |d| d.need.test_participants = 40,
            0,
            Level::Missing,
        ),
        (
            "besoin.offre_testee",
            |d| {
                d.need.test_weeks = 4;
                d.need.test_participants = 30;
            },
            30,
            Level::Met,
        ),
        (
            "besoin.territoire",
            |d| d.identity.territory = Some(TerritoryKind::Metropole),
            0,
            Level::Missing,
        ),
        (
            "besoin.territoire",
            |d| d.identity.territory = Some(TerritoryKind::Rural),
            1,
            Level::Met,
        ),
        (
            "services.nombre",
            |d| {
                d.services = vec![
                    DigitalService {
                        kind: ServiceKind::Fablab,
                        ..DigitalService::default()
                    },
                    DigitalService {
                        kind: ServiceKind::Fablab,
                        ..DigitalService::default()
                    },
                    DigitalService::default(),
                ]
            },
            1,
            Level::Partial,
        ),
        (
            "services.heures",
            |d| {
                d.services = vec![DigitalService {
                    weekly_hours: 12,
                    ..DigitalService::default()
                }]
            },
            12,
            Level::Partial,
        ),
        (
            "services.inclusion",
            |d| {
                d.services = vec![DigitalService {
                    kind: ServiceKind::AideDemarches,
                    ..DigitalService::default()
                }]
            },
            1,
            Level::Met,
        ),
        (
            "services.numeriques_cibles",
            |d| {
                // A coworking is a service, not one of the Fabrique numérique's list; the
                // place's QPV location is not a service at all.
                d.identity.in_qpv = true;
                d.services = [
                    ServiceKind::Coworking,
                    ServiceKind::Fablab,
                    ServiceKind::AccesAuxDroits,
                ]
                .map(|kind| DigitalService {
                    kind,
                    weekly_hours: 10,
                    ..DigitalService::default()
                })
                .to_vec();
            },
            2,
            Level::Partial,
        ),
        (
            "services.numeriques_cibles",
            |d| d.identity.in_qpv = true,
            0,
            Level::Missing,
        ),
        (
            "modele.grille",
            |d| {
                d.economic_model.prices = vec![
                    Price {
                        public: "Jeunes".into(),
                        ..Price::default()
                    },
                    Price {
                        public: " jeunes ".into(),
                        ..Price::default()
                    },
                ]
            },
            1,
            Level::Partial,
        ),
        (
            "modele.espaces",
            |d| {
                d.economic_model.rentable_spaces = vec![RentableSpace {
                    name: "Salle".into(),
                    ..RentableSpace::default()
                }]
            },
            1,
            Level::Met,
        ),
        (
            "modele.evenements",
            |d| {
                d.economic_model.events = vec![
                    CommunityEvents {
                        kind: EventKind::Workshop,
                        per_month: 2,
                    },
                    CommunityEvents {
                        kind: EventKind::Convivial,
                        per_month: 2,
                    },
                ]
            },
            4,
            Level::Met,
        ),
        (
            "modele.recettes_propres",
            |d| {
                d.economic_model.revenue = vec![
                    revenue(RevenueSource::Own, [10_000, 10_000, 10_000, 0]),
                    revenue(RevenueSource::AmiGrant, [20_000, 20_000, 20_000, 0]),
                ]
            },
            33,
            Level::Partial,
        ),
        (
            "modele.budget",
            |d| {
                d.economic_model.revenue = vec![revenue(RevenueSource::Own, [1, 1, 0, 1])];
                d.economic_model.costs = vec![costs([1, 0, 1, 1])];
            },
            2,
            Level::Partial,
        ),
        (
            "modele.annee4",
            |d| {
                d.economic_model.revenue = vec![
                    revenue(RevenueSource::Own, [0, 0, 0, 40_000]),
                    revenue(RevenueSource::AmiGrant, [0, 0, 0, 10_000]),
                ];
                d.economic_model.costs = vec![costs([0, 0, 0, 45_000])];
            },
            0,
            Level::Missing,
        ),
        (
            "modele.annee4",
            |d| {
                d.economic_model.revenue = vec![revenue(RevenueSource::Own, [0, 0, 0, 45_000])];
                d.economic_model.costs = vec![costs([0, 0, 0, 45_000])];
            },
            1,
            Level::Met,
        ),
        (
            "etp.finance",
            |d| {
                d.staff = vec![Position {
                    fte: Fte(80),
                    years: [
                        funded("AMI", false),
                        funded("AMI", false),
                        funded("AMI", false),
                        PositionYear::default(),
                    ],
                    ..Position::default()
                }]
            },
            80,
            Level::Partial,
        ),
        (
            "etp.assure",
            |d| {
                d.staff = vec![Position {
                    fte: Fte(100),
                    years: [
                        funded("EPCI", true),
                        funded("EPCI", true),
                        funded("EPCI", false),
                        PositionYear::default(),
                    ],
                    ..Position::default()
                }]
            },
            0,
            Level::Missing,
        ),
        (
            // The post the AMI would fund counts as planned, not missing.
            "etp.assure",
            |d| {
                d.staff = vec![Position {
                    fte: Fte(100),
                    years: [
                        from_call(),
                        from_call(),
                        funded("EPCI", true),
                        PositionYear::default(),
                    ],
                    ..Position::default()
                }]
            },
            100,
            Level::Met,
        ),
        (
            "etp.apres_ami",
            |d| {
                d.staff = vec![Position {
                    fte: Fte(100),
                    years: [
                        PositionYear::default(),
                        PositionYear::default(),
                        PositionYear::default(),
                        funded("Recettes", false),
                    ],
                    ..Position::default()
                }]
            },
            100,
            Level::Met,
        ),
        (
            "gouvernance.instance",
            |d| {
                d.governance.decision_body_meetings_per_year = 3;
                d.governance.general_assembly = true;
            },
            4,
            Level::Met,
        ),
        (
            // "No tension" without saying how it was checked is not an answer.
            "besoin.tensions",
            |d| d.need.no_tension_found = true,
            0,
            Level::Missing,
        ),
        (
            "besoin.tensions",
            |d| {
                d.need.no_tension_found = true;
                d.need.no_tension_how = "Rencontre avec les deux cafés associatifs".into();
            },
            1,
            Level::Met,
        ),
        (
            "besoin.offre_testee",
            |d| {
                d.need.test_weeks = 4;
                d.need.test_participants = 12;
                d.need.test_visits = 20;
            },
            32,
            Level::Met,
        ),
        (
            // An open place: its attendance is the test, whatever test was run.
            "besoin.offre_testee",
            |d| {
                d.identity.already_open = true;
                d.need.test_participants = 50;
                d.need.visitors_per_year = 400;
            },
            400,
            Level::Met,
        ),
        (
            "besoin.territoire",
            |d| d.identity.frr_zone = Some(true),
            1,
            Level::Met,
        ),
        (
            "locaux.adaptes",
            |d| d.production.premises_suited = true,
            1,
            Level::Met,
        ),
        (
            "locaux.surface",
            |d| d.identity.surface_m2 = Some(150),
            150,
            Level::Partial,
        ),
        (
            "structure.declaree",
            |d| d.identity.legal_status = Some(LegalStatus::InCreation),
            0,
            Level::Missing,
        ),
        (
            "structure.statuts",
            |d| d.governance.has_statutes_or_charter = true,
            1,
            Level::Met,
        ),
        (
            "rh.strategie",
            |d| d.production.hr_strategy = "Deux recrutements en année 1".into(),
            1,
            Level::Met,
        ),
        (
            "rh.poste",
            |d| {
                d.staff = vec![Position {
                    fte: Fte(60),
                    years: [
                        funded("Ventes", true),
                        funded("Ventes", true),
                        funded("Ventes", true),
                        PositionYear::default(),
                    ],
                    ..Position::default()
                }]
            },
            60,
            Level::Partial,
        ),
        (
            "machines.parc",
            |d| d.production.machines = vec!["Scie".into(), " ".into(), "Tour".into()],
            2,
            Level::Partial,
        ),
        (
            "machines.professionnels",
            |d| d.production.professional_users = 7,
            7,
            Level::Met,
        ),
        (
            "formation.sessions",
            |d| d.production.trainings_per_year = 3,
            3,
            Level::Missing,
        ),
        (
            "entreprises.partenaires",
            |d| d.partners = vec![partner("Menuiserie Roux", PartnerCategory::Business)],
            1,
            Level::Partial,
        ),
        (
            "entreprises.lettres",
            |d| {
                d.partners = vec![Partner {
                    letter_of_support: true,
                    ..partner("Menuiserie Roux", PartnerCategory::Business)
                }]
            },
            1,
            Level::Partial,
        ),
    ]
}

/// The call an indicator's referential belongs to.
fn call_for(id: &str) -> fabrique_core::calls::CallId {
    use fabrique_core::calls::CallId;
    let manufacture = [
        "locaux.",
        "structure.",
        "rh.",
        "machines.",
        "formation.",
        "entreprises.",
    ];
    if id == "services.numeriques_cibles" {
        CallId::Ami2019Numerique
    } else if manufacture.iter().any(|prefix| id.starts_with(prefix)) {
        CallId::ManufactureProximite
    } else {
        CallId::Ami2019
    }
}

fn indicator<'a>(
    evaluation: &'a fabrique_core::evaluation::Evaluation,
    id: &str,
) -> Option<&'a IndicatorResult> {
    evaluation
        .criteria
        .iter()
        .flat_map(|c| &c.indicators)
        .find(|i| &*i.id == id)
}

#[test]
fn each_indicator_reads_its_value_and_level() {
    for (id, setup, value, level) in rows() {
        let mut dossier = Dossier {
            call: call_for(id),
            ..Dossier::default()
        };
        setup(&mut dossier);
        let evaluation = evaluate(&dossier, Referential::builtin(dossier.variant()), Lang::Fr);
        let result = indicator(&evaluation, id).unwrap_or_else(|| panic!("{id} not evaluated"));
        assert_eq!((result.value, result.level), (value, level), "{id}");
        assert!(!result.explanation.is_empty(), "{id}");
    }
}

#[test]
fn every_indicator_of_every_referential_has_a_row() {
    let tested: BTreeSet<&str> = rows().iter().map(|(id, ..)| *id).collect();
    for variant in [
        Variant::FabriqueDeTerritoire,
        Variant::FabriqueNumerique,
        Variant::ManufactureDeProximite,
    ] {
        for criterion in &Referential::builtin(variant).criteria {
            for indicator in &criterion.indicators {
                assert!(
                    tested.contains(&*indicator.id),
                    "{} has no table row",
                    indicator.id
                );
            }
        }
    }
}

#[test]
fn a_missing_indicator_explains_what_is_expected_in_plain_words() {
    let evaluation = evaluate(
        &Dossier::default(),
        Referential::builtin(Variant::FabriqueDeTerritoire),
        Lang::Fr,
    );
    let interviews = indicator(&evaluation, "besoin.entretiens").expect("indicator");
    assert_eq!(
        interviews.explanation,
        "0 entretien ou réunion tenu ; attendu : 15"
    );
    let action = evaluation
        .actions
        .iter()
        .find(|a| &*a.indicator_id == "besoin.entretiens")
        .expect("an action");
    // The action quotes the figure and the target, and how far it is.
    assert!(
        action
            .text
            .ends_with(" : 0 entretien ou réunion tenu, pour un objectif de 15, soit 15 de plus"),
        "{}",
        action.text
    );
}

#[test]
fn plurals_follow_each_language() {
    let referential = Referential::builtin(Variant::FabriqueDeTerritoire);
    let phrase = |dossier: &Dossier, lang: Lang| {
        let evaluation = evaluate(dossier, referential, lang);
        indicator(&evaluation, "besoin.reseaux").map(|i| i.value_text.clone())
    };
    let mut dossier = Dossier::default();
    assert_eq!(
        phrase(&dossier, Lang::Fr).as_deref(),
        Some("0 réseau rejoint")
    );
    assert_eq!(
        phrase(&dossier, Lang::En).as_deref(),
        Some("0 networks joined")
    );
    dossier.need.networks = vec!["A".into()];
    assert_eq!(
        phrase(&dossier, Lang::En).as_deref(),
        Some("1 network joined")
    );
    dossier.need.networks.push("B".into());
    assert_eq!(
        phrase(&dossier, Lang::Fr).as_deref(),
        Some("2 réseaux rejoints")
    );
}

#[test]
fn english_texts_come_from_the_same_referential() {
    let evaluation = evaluate(
        &Dossier::default(),
        Referential::builtin(Variant::FabriqueDeTerritoire),
        Lang::En,
    );
    let interviews = indicator(&evaluation, "besoin.entretiens").expect("indicator");
    assert_eq!(&*interviews.label, "Actors met");
    assert_eq!(
        interviews.explanation,
        "0 interviews or meetings held; expected: 15"
    );
}
