//! Properties of the evaluation over generated dossiers: scores stay in bounds, evidence
//! never lowers a score, the evaluation is deterministic, and a dossier survives JSON.

use fabrique_core::dossier::*;
use fabrique_core::evaluation::{evaluate, Evaluation, Section};
use fabrique_core::label::Label;
use fabrique_core::link::{self, LinkError, Snapshot};
use fabrique_core::referential::{Lang, Referential};
use fabrique_core::review;
use fabrique_core::units::{Cents, Fte};
use proptest::prelude::*;

fn partner_category() -> impl Strategy<Value = PartnerCategory> {
    prop_oneof![
        Just(PartnerCategory::Collectivite),
        Just(PartnerCategory::StateService),
        Just(PartnerCategory::Business),
        Just(PartnerCategory::Association),
        Just(PartnerCategory::ResidentsCollective),
        Just(PartnerCategory::TiersLieuxNetwork),
        Just(PartnerCategory::EducationTraining),
        Just(PartnerCategory::EmploymentInsertion),
        Just(PartnerCategory::Other),
    ]
}

fn actor() -> impl Strategy<Value = ActorKind> {
    prop_oneof![
        Just(ActorKind::ProjectHolders),
        Just(ActorKind::Businesses),
        Just(ActorKind::Associations),
        Just(ActorKind::Residents),
        Just(ActorKind::Institutions),
        Just(ActorKind::Other),
    ]
}

fn service_kind() -> impl Strategy<Value = ServiceKind> {
    prop_oneof![
        Just(ServiceKind::Coworking),
        Just(ServiceKind::MediationNumerique),
        Just(ServiceKind::AccesAuxDroits),
        Just(ServiceKind::Fablab),
        Just(ServiceKind::FormationNumerique),
        Just(ServiceKind::MicroFolie),
        Just(ServiceKind::Other),
    ]
}

fn revenue_source() -> impl Strategy<Value = RevenueSource> {
    prop_oneof![
        Just(RevenueSource::Own),
        Just(RevenueSource::AmiGrant),
        Just(RevenueSource::OtherPublic),
        Just(RevenueSource::Private),
    ]
}

fn text() -> impl Strategy<Value = String> {
    prop_oneof![Just(String::new()), "[a-zA-Zé <>&\"']{1,12}"]
}

fn euros() -> impl Strategy<Value = [Cents; BUDGET_YEARS]> {
    proptest::array::uniform4(0_i64..8_000_000).prop_map(|years| years.map(Cents))
}

fn partner() -> impl Strategy<Value = Partner> {
    (
        text(),
        partner_category(),
        any::<bool>(),
        proptest::option::of(0_i64..5_000_000),
        any::<bool>(),
        any::<bool>(),
        any::<bool>(),
    )
        .prop_map(
            |(name, category, letter_of_support, money, in_kind, governance_seat, declared)| {
                Partner {
                    name,
                    category,
                    letter_of_support,
                    financial_amount: money.map(Cents),
                    amount_period: AmountPeriod::Total,
                    in_kind,
                    governance_seat,
                    declared_by_partner: declared,
                }
            },
        )
}

fn position() -> impl Strategy<Value = Position> {
    (
        0_u32..=200,
        proptest::array::uniform4((
            prop_oneof![Just(""), Just("AMI"), Just("Commune")],
            any::<bool>(),
        )),
    )
        .prop_map(|(fte, years)| Position {
            role: "Poste".into(),
            fte: Fte(fte),
            years: years.map(|(by, granted)| PositionYear {
                funders: vec![PostFunder {
                    funder: by.into(),
                    from_call: by == "AMI",
                    status: if granted {
                        FundingStatus::Granted
                    } else {
                        FundingStatus::Requested
                    },
                }],
            }),
        })
}

/// An investment plan: items owned by any kind of owner, with any funders (negative and
/// huge amounts included), and any DSIL themes.
fn investment() -> impl Strategy<Value = InvestmentPlan> {
    let item = (
        text(),
        -1_000_000_i64..100_000_000_000,
        proptest::sample::select(InvestmentOwner::ALL.to_vec()),
        proptest::collection::vec(
            (
                proptest::sample::select(FundingSource::ALL.to_vec()),
                -1_000_000_i64..100_000_000_000,
            ),
            0..5,
        ),
        any::<bool>(),
    )
        .prop_map(
            |(label, cost, owner, funding, chef_de_file)| InvestmentItem {
                label,
                cost: Cents(cost),
                owner,
                funding: funding
                    .into_iter()
                    .map(|(source, amount)| FundingRequest {
                        source,
                        amount: Cents(amount),
                    })
                    .collect(),
                chef_de_file,
            },
        );
    (
        proptest::collection::vec(item, 0..4),
        proptest::option::of(prop_oneof![
            Just(CeilingException::UrbanRenewal),
            Just(CeilingException::ProtectedMonument),
            Just(CeilingException::DisasterRepair),
        ]),
        proptest::collection::btree_set(proptest::sample::select(DsilTheme::ALL.to_vec()), 0..3),
    )
        .prop_map(|(items, exception, dsil_themes)| InvestmentPlan {
            items,
            exception,
            dsil_themes,
        })
}

prop_compose! {
    fn dossier()(
        call in proptest::sample::select(fabrique_core::calls::CallId::ALL.to_vec()),
        name in text(),
        in_qpv in any::<bool>(),
        legal in proptest::option::of(prop_oneof![Just(LegalStatus::Declared), Just(LegalStatus::InCreation)]),
        statutes in any::<bool>(),
        meetings in 0_u32..12,
        users in any::<bool>(),
        animator in text(),
        members in proptest::collection::vec(text(), 0..6),
        partners in proptest::collection::vec(partner(), 0..8),
        consultations in proptest::collection::vec((actor(), 0_u32..20), 0..6),
        networks in proptest::collection::vec(text(), 0..3),
        no_tension_found in any::<bool>(),
        test in (0_u32..10, 0_u32..60),
        services in proptest::collection::vec((service_kind(), text(), 0_u32..40), 0..5),
        events in 0_u32..6,
        revenue in proptest::collection::vec((revenue_source(), euros()), 0..5),
        costs in proptest::collection::vec(euros(), 0..4),
        staff in proptest::collection::vec(position(), 0..3),
        investment in investment(),
        territory_2023 in proptest::option::of(any::<bool>()),
        syndicat_population in proptest::option::of(0_u32..200_000),
        official in proptest::option::of((text(), text(), proptest::option::of(any::<u32>()), any::<u16>())),
        // Schema 5's facts: the stage, attendance and visits, how no tension was checked,
        // the general assembly, the zoning, and a Manufacture's workshop.
        stage in (any::<bool>(), 0_u32..5_000, 0_u32..100, text(), any::<bool>(), proptest::option::of(any::<bool>())),
        workshop in (any::<bool>(), text(), proptest::collection::vec(text(), 0..8), 0_u32..20, 0_u32..30),
        meetings_format in proptest::collection::vec((any::<bool>(), 0_u32..500), 0..6),
    ) -> Dossier {
        let mut dossier = Dossier { name, call, investment, ..Dossier::default() };
        dossier.identity.sous_prefecture_without_fabrique = territory_2023;
        dossier.identity.syndicat_population = syndicat_population;
        dossier.identity.official = official.map(|(insee_code, commune, population, vintage)| {
            fabrique_core::territory::OfficialTerritory {
                insee_code,
                commune,
                population,
                vintage,
                region: Region::Guadeloupe,
                ..Default::default()
            }
        });
        dossier.identity.in_qpv = in_qpv;
        dossier.identity.legal_status = legal;
        dossier.governance = Governance {
            has_statutes_or_charter: statutes,
            decision_body_meetings_per_year: meetings,
            users_take_part_in_decisions: users,
            animator,
            members: members.into_iter().map(|name| Member { name, ..Member::default() }).collect(),
            ..Governance::default()
        };
        dossier.partners = partners;
        dossier.need.consultations = consultations
            .into_iter()
            .map(|(actor, count)| Consultation { actor, count, ..Consultation::default() })
            .collect();
        dossier.need.networks = networks;
        dossier.need.no_tension_found = no_tension_found;
        (dossier.need.test_weeks, dossier.need.test_participants) = test;
        dossier.services = services
            .into_iter()
            .map(|(kind, description, weekly_hours)| DigitalService { kind, description, weekly_hours })
            .collect();
        dossier.economic_model.events = vec![CommunityEvents { kind: EventKind::Workshop, per_month: events }];
        dossier.economic_model.revenue = revenue
            .into_iter()
            .map(|(source, years)| RevenueLine { source, label: String::new(), years })
            .collect();
        dossier.economic_model.costs = costs
            .into_iter()
            .map(|years| CostLine { years, ..CostLine::default() })
            .collect();
        dossier.staff = staff;
        let (open, visitors, visits, how, assembly, frr) = stage;
        dossier.identity.already_open = open;
        dossier.need.visitors_per_year = visitors;
        dossier.need.test_visits = visits;
        dossier.need.no_tension_how = how;
        dossier.governance.general_assembly = assembly;
        dossier.identity.frr_zone = frr;
        let (suited, hr_strategy, machines, professional_users, trainings_per_year) = workshop;
        dossier.production = Production {
            premises_suited: suited,
            premises_description: String::new(),
            hr_strategy,
            machines,
            professional_users,
            trainings_per_year,
        };
        for (consultation, (public, attendance)) in dossier.need.consultations.iter_mut().zip(meetings_format) {
            if public {
                consultation.format = ConsultationFormat::PublicMeetings;
                consultation.attendance = attendance;
            }
        }
        dossier
    }
}

/// Ways of adding evidence to a dossier: each only adds what a holder would add.
#[derive(Debug, Clone)]
enum Evidence {
    Partner(Partner),
    Consultation(ActorKind, u32),
    Network,
    Service(ServiceKind, u32),
    Statutes,
    MoreMeetings(u32),
    Member,
    OwnRevenue(usize, i64),
    FundedPosition(u32, bool),
    Events(u32),
    ExistingStructure,
    UnmetNeed,
    GeneralAssembly,
    Machine,
    Visitors(u32),
    Trainings(u32),
    Professionals(u32),
}

fn evidence() -> impl Strategy<Value = Evidence> {
    prop_oneof![
        partner().prop_map(Evidence::Partner),
        (actor(), 1_u32..10).prop_map(|(a, n)| Evidence::Consultation(a, n)),
        Just(Evidence::Network),
        (service_kind(), 1_u32..20).prop_map(|(k, h)| Evidence::Service(k, h)),
        Just(Evidence::Statutes),
        (1_u32..5).prop_map(Evidence::MoreMeetings),
        Just(Evidence::Member),
        (0_usize..4, 1_i64..3_000_000).prop_map(|(y, c)| Evidence::OwnRevenue(y, c)),
        (1_u32..150, any::<bool>()).prop_map(|(f, s)| Evidence::FundedPosition(f, s)),
        (1_u32..4).prop_map(Evidence::Events),
        Just(Evidence::ExistingStructure),
        Just(Evidence::UnmetNeed),
        Just(Evidence::GeneralAssembly),
        Just(Evidence::Machine),
        (1_u32..500).prop_map(Evidence::Visitors),
        (1_u32..6).prop_map(Evidence::Trainings),
        (1_u32..6).prop_map(Evidence::Professionals),
    ]
}

fn add(dossier: &mut Dossier, evidence: Evidence) {
    match evidence {
        Evidence::Partner(partner) => dossier.partners.push(partner),
        Evidence::Consultation(actor, count) => dossier.need.consultations.push(Consultation {
            actor,
            count,
            ..Consultation::default()
        }),
        Evidence::Network => dossier.need.networks.push("Réseau régional".into()),
        Evidence::Service(kind, weekly_hours) => dossier.services.push(DigitalService {
            kind,
            description: "Atelier".into(),
            weekly_hours,
        }),
        Evidence::Statutes => dossier.governance.has_statutes_or_charter = true,
        Evidence::MoreMeetings(more) => dossier.governance.decision_body_meetings_per_year += more,
        Evidence::Member => dossier.governance.members.push(Member {
            name: "Nouveau membre".into(),
            ..Member::default()
        }),
        Evidence::OwnRevenue(year, cents) => {
            let mut years = [Cents::default(); BUDGET_YEARS];
            years[year] = Cents(cents);
            dossier.economic_model.revenue.push(RevenueLine {
                source: RevenueSource::Own,
                label: "Recettes".into(),
                years,
            });
        }
        Evidence::FundedPosition(fte, secured) => dossier.staff.push(Position {
            role: "Animation".into(),
            fte: Fte(fte),
            years: std::array::from_fn(|_| PositionYear {
                funders: vec![PostFunder {
                    funder: "Commune".into(),
                    from_call: false,
                    status: if secured {
                        FundingStatus::Granted
                    } else {
                        FundingStatus::Requested
                    },
                }],
            }),
        }),
        Evidence::Events(per_month) => dossier.economic_model.events.push(CommunityEvents {
            kind: EventKind::Convivial,
            per_month,
        }),
        Evidence::ExistingStructure => dossier.need.existing_structures.push("Médiathèque".into()),
        Evidence::UnmetNeed => dossier.need.unmet_needs.push("Pas de fablab".into()),
        Evidence::GeneralAssembly => dossier.governance.general_assembly = true,
        Evidence::Machine => dossier.production.machines.push("Scie à format".into()),
        Evidence::Visitors(more) => dossier.need.visitors_per_year += more,
        Evidence::Trainings(more) => dossier.production.trainings_per_year += more,
        Evidence::Professionals(more) => dossier.production.professional_users += more,
    }
}

fn evaluated(dossier: &Dossier) -> Evaluation {
    evaluate(dossier, Referential::builtin(dossier.variant()), Lang::Fr)
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    #[test]
    fn scores_stay_in_bounds(dossier in dossier()) {
        let evaluation = evaluated(&dossier);
        prop_assert!(evaluation.weighted_score <= 100);
        for criterion in &evaluation.criteria {
            prop_assert!(criterion.score <= 100, "{:?}", criterion.id);
        }
        for section in &evaluation.completeness {
            prop_assert!(section.answered <= section.total);
            prop_assert!(section.percent() <= 100);
        }
        // Funding problems first, then indicators by what they add, most first.
        for pair in evaluation.actions.windows(2) {
            prop_assert!(pair[0].kind <= pair[1].kind);
            if pair[0].kind == pair[1].kind {
                prop_assert!(pair[0].gain_hundredths >= pair[1].gain_hundredths);
            }
        }
        let funding_actions = evaluation
            .actions
            .iter()
            .filter(|a| a.kind == fabrique_core::evaluation::ActionKind::Funding)
            .count();
        prop_assert_eq!(funding_actions, evaluation.funding.problems.len());
        // Every blocking condition is an action, first of all.
        let blocking_actions = evaluation
            .actions
            .iter()
            .take_while(|a| a.kind == fabrique_core::evaluation::ActionKind::Blocking)
            .count();
        prop_assert_eq!(blocking_actions, evaluation.blocking.len());
        // Each action gives the advice of the project's stage: a place not yet open is told
        // to plan, an open one what fits it (its attendance is its test), never the other's.
        let referential = Referential::builtin(dossier.variant());
        let open = dossier.identity.already_open;
        for action in &evaluation.actions {
            let Some(indicator) = referential
                .criteria
                .iter()
                .flat_map(|c| &c.indicators)
                .find(|i| i.id == action.indicator_id)
            else {
                continue;
            };
            let (own, other) = if open {
                (&indicator.recommendation_open, &indicator.recommendation_project)
            } else {
                (&indicator.recommendation_project, &indicator.recommendation_open)
            };
            let expected = own.as_ref().unwrap_or(&indicator.recommendation);
            prop_assert!(action.text.starts_with(&*expected.fr), "{}", action.text);
            if let Some(other) = other {
                prop_assert!(!action.text.starts_with(&*other.fr), "{}", action.text);
            }
        }
        // Every item's plan adds up: what is financed, minus what is over, plus what
        // remains, is the cost.
        for item in &evaluation.funding.items {
            prop_assert_eq!(
                item.financed().0 - item.over_financed.0 + item.remaining.0,
                item.cost.0
            );
        }
    }

    #[test]
    fn adding_evidence_never_lowers_a_criterion(dossier in dossier(), evidence in evidence()) {
        let before = evaluated(&dossier);
        let mut richer = dossier.clone();
        add(&mut richer, evidence.clone());
        let after = evaluated(&richer);
        for (old, new) in before.criteria.iter().zip(&after.criteria) {
            prop_assert!(new.score >= old.score, "{:?} fell from {} to {} after \
                {:?}", old.id, old.score, new.score, evidence);
        }
        prop_assert!(after.weighted_score >= before.weighted_score);
    }

    #[test]
    fn the_evaluation_is_deterministic(dossier in dossier()) {
        prop_assert_eq!(evaluated(&dossier), evaluated(&dossier.clone()));
    }

    #[test]
    fn the_summary_is_the_evaluation_s_verdict_and_score(
        dossier in dossier(),
        weights in proptest::collection::vec(1_u32..=100, 6),
    ) {
        let ids = fabrique_core::referential::CriterionId::ALL;
        let weights = ids.iter().copied().zip(weights).collect();
        let referential = Referential::builtin(dossier.variant()).with_weights(&weights);
        let evaluation = evaluate(&dossier, &referential, Lang::Fr);
        let summary = fabrique_core::evaluation::summary(&dossier, &referential);
        prop_assert_eq!((summary.weighted_score, summary.verdict), (evaluation.weighted_score, evaluation.verdict));
        let criteria: Vec<_> = evaluation.criteria.iter().map(|c| (c.id, c.score)).collect();
        prop_assert_eq!(summary.criteria, criteria);
        let variant = dossier.variant();
        let (answered, total) = evaluation.completeness.iter().filter(|c| c.section.applies_to(variant))
            .fold((0, 0), |(a, t), c| (a + c.answered, t + c.total));
        prop_assert_eq!(summary.completeness, answered * 100 / total.max(1));
    }

    #[test]
    fn a_dossier_survives_serialization_unchanged(dossier in dossier()) {
        prop_assert_eq!(from_json(&to_json(&dossier)), Ok(dossier));
    }
}

fn snapshot(dossier: Dossier) -> Snapshot {
    Snapshot {
        dossier,
        weights: std::collections::BTreeMap::new(),
        referential_version: 1,
        saved_at_ms: 1_764_400_000_000,
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    #[test]
    fn a_snapshot_survives_its_link(dossier in dossier(), saved_at_ms in any::<u64>()) {
        let original = Snapshot { saved_at_ms, ..snapshot(dossier) };
        // Every snapshot either makes a link that opens to it, or no link at all.
        if let Ok(token) = link::encode(&original) {
            prop_assert!(token.len() <= link::MAX_TOKEN_CHARS);
            prop_assert_eq!(link::decode(&token), Ok(original));
        }
    }

    /// Whatever raw DEFLATE compressed a snapshot's content (the browser's, at the level it
    /// chooses, or ours), a token is made exactly when it fits the reader's cap, and it opens
    /// as the snapshot without its reviews.
    #[test]
    fn any_compressor_makes_a_link_that_opens(
        dossier in dossier(),
        level in 0_u8..=10,
        // Letters that compress poorly take the token to either side of the cap.
        note in "[a-z]{1,12000}",
    ) {
        let mut dossier = dossier;
        dossier.notes.insert(Section::Staff, note);
        let original = snapshot(dossier);
        let content = link::prepare(&original).expect("a generated dossier fits a link's content");
        let compressed = miniz_oxide::deflate::compress_to_vec(content.bytes(), level);
        // "d6-" and the payload in base64url without padding.
        let chars = 3 + (compressed.len() * 4).div_ceil(3);
        match link::finish(&content, &compressed) {
            Ok(token) => {
                prop_assert_eq!(token.len(), chars);
                prop_assert!(chars <= link::MAX_TOKEN_CHARS);
                let expected = Snapshot { dossier: link::shareable(&original.dossier), ..original };
                prop_assert_eq!(link::decode(&token), Ok(expected));
            }
            Err(link::EncodeError::TooLong { chars: refused }) => {
                prop_assert_eq!(refused, chars);
                prop_assert!(chars > link::MAX_TOKEN_CHARS);
            }
            Err(other) => prop_assert!(false, "refused: {}", other),
        }
    }

    // A bounded fuzz pass over the decoder, run by `make test`: any text gives a snapshot or
    // a typed error, never a panic. Long runs: the cargo-fuzz targets under fuzz/.
    #[test]
    fn decoding_any_text_never_panics(text in "\\PC{0,300}") {
        let _ = link::decode(&text);
        let _ = link::decode(&format!("d1-{text}"));
        let _ = link::decode(&format!("d2-{text}"));
        let _ = review::decode(&text);
        let _ = review::decode(&format!("r1-{text}"));
        let _ = link::decode(&format!("d6-{text}"));
        let _ = review::decode(&format!("r2-{text}"));
    }

    #[test]
    fn a_reply_survives_its_link(
        organisation in "[A-Za-zéè' -]{0,20}[A-Za-z]",
        comment in text(),
        amount in proptest::option::of(0_i64..5_000_000),
        letter in any::<bool>(),
    ) {
        let original = review::Review {
            answers: 7,
            organisation,
            comments: std::collections::BTreeMap::from([(Section::Need, comment)]),
            commitment: review::Commitment {
                letter_of_support: letter,
                financial_amount: amount.map(Cents),
                ..review::Commitment::default()
            },
            ..review::Review::default()
        };
        let token = review::encode(&original).expect("a short reply makes a link");
        prop_assert_eq!(review::decode(&token), Ok(original));
    }

    #[test]
    fn merging_a_reply_twice_is_merging_it_once(
        dossier in dossier(),
        index in any::<proptest::sample::Index>(),
        letter in any::<bool>(),
        in_kind in any::<bool>(),
    ) {
        // The partner is one of the dossier's, or a new one.
        let organisation = dossier
            .partners
            .get(index.index(dossier.partners.len() + 1))
            .map(|p| p.name.clone())
            .filter(|name| !name.trim().is_empty())
            .unwrap_or_else(|| "Nouveau partenaire".to_owned());
        let reply = review::Review {
            answers: review::fingerprint(&dossier),
            organisation,
            commitment: review::Commitment { letter_of_support: letter, in_kind, ..review::Commitment::default() },
            ..review::Review::default()
        };
        let referential = Referential::builtin(dossier.variant());
        let before = evaluate(&dossier, referential, Lang::Fr);
        // A letter the holder had recorded already is the holder's, not the partner's.
        let had_letter = review::partner_of(&dossier, &reply)
            .is_some_and(|i| dossier.partners[i].letter_of_support);
        let mut once = dossier.clone();
        let first = review::merge(&mut once, &reply, 1, review::MergeChoices::default());
        let merged_current = matches!(first, review::MergeOutcome::Merged { answered_older_version: false, .. });
        prop_assert!(merged_current, "{:?}", first);
        let mut twice = once.clone();
        prop_assert_eq!(
            review::merge(&mut twice, &reply, 2, review::MergeChoices::ALL),
            review::MergeOutcome::AlreadyMerged { merged_at_ms: 1 }
        );
        prop_assert_eq!(&twice, &once);
        // A letter promised by the partner is counted, and marked as theirs.
        let after = evaluate(&once, referential, Lang::Fr);
        let letters = |e: &Evaluation| e.criteria.iter()
            .flat_map(|c| c.indicators.iter())
            .find(|i| i.id.contains("lettre"))
            .map(|i| (i.value, i.declared_by_partners));
        if let (Some((before_letters, _)), Some((after_letters, declared))) = (letters(&before), letters(&after)) {
            prop_assert!(after_letters >= before_letters);
            if letter && !had_letter {
                prop_assert!(declared >= 1);
            }
        }
    }

    /// A link of the current version that lost its end, or had a character changed,
    /// never opens as another dossier: it is refused, or (a change that the decoder does
    /// not see, in the last character's spare bits) opens as the very same snapshot.
    #[test]
    fn a_damaged_link_never_opens_as_another_dossier(
        dossier in dossier(),
        position in any::<proptest::sample::Index>(),
        replacement in "[A-Za-z0-9_-]",
        cut in any::<bool>(),
    ) {
        let original = snapshot(dossier);
        let Ok(token) = link::encode(&original) else {
            return Ok(());
        };
        let payload_start = 3;
        let at = payload_start + position.index(token.len() - payload_start);
        let damaged = if cut {
            token[..at].to_owned()
        } else {
            format!("{}{}{}", &token[..at], replacement, &token[at + 1..])
        };
        match link::decode(&damaged) {
            Ok(decoded) => prop_assert_eq!(decoded, original),
            Err(LinkError::Truncated | LinkError::Corrupt | LinkError::Altered | LinkError::Invalid(_)) => {}
            Err(other) => prop_assert!(false, "unexpected error {:?}", other),
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    /// The own revenue the plan asks for reaches the target, and a euro less does not: the
    /// figure quoted is the one that closes the gap.
    #[test]
    fn the_own_revenue_asked_for_closes_the_gap_and_no_less_does(
        own in proptest::array::uniform3(0_i64..20_000_000),
        other in proptest::array::uniform3(0_i64..20_000_000),
    ) {
        use fabrique_core::evaluation::own_revenue_to_add;
        use fabrique_core::finance::finances;
        let line = |source, years: [i64; 3]| RevenueLine {
            source,
            label: String::new(),
            years: [Cents(years[0]), Cents(years[1]), Cents(years[2]), Cents(0)],
        };
        let mut dossier = Dossier::default();
        dossier.economic_model.revenue = vec![line(RevenueSource::Own, own), line(RevenueSource::OtherPublic, other)];
        let target = 50;
        let figures = finances(&dossier);
        let share = |extra: i64| {
            let mut richer = dossier.clone();
            richer.economic_model.revenue.push(line(RevenueSource::Own, [extra, 0, 0]));
            finances(&richer).own_revenue_share.map_or(0, |p| p.0)
        };
        match own_revenue_to_add(&figures, target) {
            None => prop_assert!(figures.own_revenue_share.is_none_or(|p| p.0 >= target)),
            Some(add) => {
                prop_assert!(share(add.0) >= target, "{:?}", add);
                prop_assert!(share(add.0 - 100) < target || add.0 < 100, "{:?}", add);
            }
        }
    }
}
