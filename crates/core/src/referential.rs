//! Referentials: the criteria of a label, as versioned data embedded at compile time (one
//! file per variant under `crates/core/referentials/`). The two Fabrique labels share the
//! AMI's six selection criteria; the Manufacture de proximité has its own six, from its
//! call's eligibility and description. Each indicator says what it
//! measures, its weight, its thresholds, what to do when it is weak, and where its rule
//! comes from. No official weighting exists: the weights are Fabrique's, and a caller can
//! replace them with [`Referential::with_weights`].

use crate::dossier::Variant;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::sync::{Arc, OnceLock};

/// The criteria: the six selection criteria of the AMI, in the order of the source
/// article, then the Manufacture de proximité's six (added at the end: links carry
/// criterion ids by position).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum CriterionId {
    Gouvernance,
    Partenariats,
    BesoinTerritorial,
    ServicesNumeriques,
    ModeleEconomique,
    PosteEtp,
    Locaux,
    StructureJuridique,
    StrategieRh,
    ParcMachines,
    Formation,
    EntreprisesLocales,
}

impl CriterionId {
    /// The AMI's six selection criteria, in order.
    pub const ALL: [CriterionId; 6] = [
        CriterionId::Gouvernance,
        CriterionId::Partenariats,
        CriterionId::BesoinTerritorial,
        CriterionId::ServicesNumeriques,
        CriterionId::ModeleEconomique,
        CriterionId::PosteEtp,
    ];

    /// The Manufacture de proximité's six criteria, in order.
    pub const MANUFACTURE: [CriterionId; 6] = [
        CriterionId::Locaux,
        CriterionId::StructureJuridique,
        CriterionId::StrategieRh,
        CriterionId::ParcMachines,
        CriterionId::Formation,
        CriterionId::EntreprisesLocales,
    ];

    /// The criteria of a label, in order.
    pub fn of(variant: Variant) -> [CriterionId; 6] {
        match variant {
            Variant::FabriqueDeTerritoire | Variant::FabriqueNumerique => CriterionId::ALL,
            Variant::ManufactureDeProximite => CriterionId::MANUFACTURE,
        }
    }
}

/// The language of the texts an evaluation is written in.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Lang {
    #[default]
    Fr,
    En,
}

/// A text in French and English.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Text {
    pub fr: Arc<str>,
    pub en: Arc<str>,
}

impl Text {
    /// A text in both languages.
    pub fn new(fr: &str, en: &str) -> Text {
        Text {
            fr: Arc::from(fr),
            en: Arc::from(en),
        }
    }

    /// The text in `lang`.
    pub fn get(&self, lang: Lang) -> &Arc<str> {
        match lang {
            Lang::Fr => &self.fr,
            Lang::En => &self.en,
        }
    }
}

/// The kinds of source a rule can have. An indicator's is one of the first four; a funding
/// rule may also be a law.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SourceKind {
    /// "Critère de sélection": the wording of one of the six selection criteria (with the
    /// source article's detail of it, when it gives one).
    SelectionCriterion,
    /// "Fait du programme": a fact of the programme or its call (amounts, targets,
    /// eligibility, what the call describes), with its public source.
    ProgrammeFact,
    /// "Repère d'enquête": a survey of tiers-lieux (France Tiers-Lieux, regional networks).
    SurveyBenchmark,
    /// "Choix de Fabrique": a choice Fabrique made, not an official rule.
    FabriqueChoice,
    /// A law or regulation (CGCT): funding rules only.
    Law,
}

crate::labels! {
    SourceKind {
        SelectionCriterion => "critère de sélection", "selection criterion";
        ProgrammeFact => "fait du programme", "programme fact";
        SurveyBenchmark => "repère d'enquête", "survey benchmark";
        FabriqueChoice => "choix de Fabrique", "Fabrique's choice";
        Law => "loi", "law";
    }
}

impl SourceKind {
    /// The kinds an indicator may have.
    pub const FOR_INDICATORS: [SourceKind; 4] = [
        SourceKind::SelectionCriterion,
        SourceKind::ProgrammeFact,
        SourceKind::SurveyBenchmark,
        SourceKind::FabriqueChoice,
    ];
}

/// Where a rule comes from: its kind and a reference a reader can look up, in both
/// languages (shared, not copied, by every evaluation that cites it).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Source {
    pub kind: SourceKind,
    /// The reference: a text and article, a survey, an address.
    pub reference: Text,
}

/// The step of the source article an indicator and its action belong to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Step {
    /// The governance asked for by criterion 1.
    Governance,
    /// Step 1: the place answers a specific need.
    Need,
    /// Step 2: the economic model.
    EconomicModel,
    /// The collectivité's support.
    Collectivite,
    /// The team, criterion 6.
    Staff,
    /// The digital services, criterion 4.
    Services,
    /// The programme's own conditions (territory, services).
    Programme,
}

crate::labels! {
    Step {
        Governance => "critère 1, gouvernance", "criterion 1, governance";
        Need => "étape 1 de l'article source, le besoin", "step 1 of the source article, the need";
        EconomicModel => "étape 2 de l'article source, le modèle \
            économique", "step 2 of the source article, the economic model";
        Collectivite => "article source, le rôle de la collectivité", "source article, the collectivité's role";
        Staff => "critère 6, le poste", "criterion 6, the position";
        Services => "critère 4, les services numériques", "criterion 4, the digital services";
        Programme => "conditions et description de l'appel", "the call's conditions and description";
    }
}

/// How an indicator's value is read from the dossier. Each is a count or an amount that
/// only grows when evidence is added, except the shares, which say so.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Measure {
    StatutesOrCharter,
    GovernanceMembers,
    MeetingsPerYear,
    UsersInDecisions,
    AnimatorNamed,
    Partners,
    PartnerCategories,
    LettersOfSupport,
    BusinessPartners,
    PartnersCommittingResources,
    CollectiviteSupport,
    Consultations,
    ActorKindsConsulted,
    NetworksJoined,
    ExistingStructures,
    UnmetNeeds,
    TensionsConsidered,
    /// People reached by the test of the offer; for an open place, its yearly attendance.
    TestParticipants,
    PriorityTerritory,
    DigitalServiceKinds,
    /// Kinds of service from the Fabrique numérique's list.
    NumeriqueServiceKinds,
    WeeklyServiceHours,
    DigitalInclusion,
    PricePublics,
    RentableSpaces,
    EventsPerMonth,
    /// Own revenue over total revenue, years 1 to 3, in percent.
    OwnRevenueShare,
    BudgetYearsFilled,
    Year4SelfFunded,
    /// The least FTE funded in any of years 1 to 3, in hundredths.
    MinFundedFte,
    /// The least FTE in any of the grant's years whose every funder has granted it or is
    /// the call, in hundredths.
    MinAssuredFte,
    Year4FundedFte,
    PremisesSuited,
    PremisesSurface,
    LegalStructureDeclared,
    HrStrategy,
    Machines,
    ProfessionalUsers,
    TrainingsPerYear,
}

/// How an indicator's value is written.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Unit {
    Count,
    YesNo,
    Percent,
    /// Hundredths of a full-time equivalent.
    Fte,
}

/// One indicator of a criterion.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Indicator {
    /// Stable identifier, `criterion.name`.
    pub id: Arc<str>,
    pub label: Text,
    /// Why the question matters for the label.
    pub help: Text,
    /// Its weight within its criterion.
    pub weight: u32,
    pub measure: Measure,
    pub unit: Unit,
    /// From this value on, the indicator is partly met (none: all or nothing).
    pub partial_at: Option<i64>,
    /// From this value on, the indicator is met.
    pub met_at: i64,
    /// The current value in words; `{}` stands for the value.
    pub value: Text,
    /// The value in words for a place already open, when it reads otherwise (its activity
    /// is the test of its offer).
    #[serde(default)]
    pub value_open: Option<Text>,
    /// What to do when the indicator is not met.
    pub recommendation: Text,
    /// What to do for a project not yet open, when it differs ("plan", not "open more").
    #[serde(default)]
    pub recommendation_project: Option<Text>,
    /// What to do for a place already open, when it differs.
    #[serde(default)]
    pub recommendation_open: Option<Text>,
    pub step: Step,
    pub source: Source,
}

/// One criterion and its indicators.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Criterion {
    pub id: CriterionId,
    pub label: Text,
    pub help: Text,
    /// Its weight in the overall score (Fabrique's choice).
    pub weight: u32,
    pub indicators: Vec<Indicator>,
}

/// The funding and eligibility rules whose sources a referential must give.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RuleId {
    AmiAmounts,
    AmiOperatingOnly,
    AmiApplicants,
    NumeriqueQpv,
    Detr,
    Dsil,
    AnruAmundi,
    ActionLogement,
    Region,
    Departement,
    PublicAidCeiling,
    FundedPosition,
    LevelsAndVerdict,
    ManufactureEligibility,
}

impl RuleId {
    /// Every rule the evaluation applies.
    pub const ALL: [RuleId; 14] = [
        RuleId::AmiAmounts,
        RuleId::AmiOperatingOnly,
        RuleId::AmiApplicants,
        RuleId::NumeriqueQpv,
        RuleId::Detr,
        RuleId::Dsil,
        RuleId::AnruAmundi,
        RuleId::ActionLogement,
        RuleId::Region,
        RuleId::Departement,
        RuleId::PublicAidCeiling,
        RuleId::FundedPosition,
        RuleId::LevelsAndVerdict,
        RuleId::ManufactureEligibility,
    ];
}

/// A label's referential: its criteria and the sources of its funding rules.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Referential {
    /// Stable identifier, recorded with every evaluation and snapshot.
    pub id: String,
    /// Bumped whenever a weight, threshold or indicator changes.
    pub version: u32,
    pub variant: Variant,
    pub label: Text,
    pub criteria: Vec<Criterion>,
    pub rules: BTreeMap<RuleId, Source>,
}

/// Why a referential's text is not a usable referential.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReferentialError(pub String);

impl std::fmt::Display for ReferentialError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "invalid referential: {}", self.0)
    }
}

impl std::error::Error for ReferentialError {}

const FABRIQUE_DE_TERRITOIRE: &str = include_str!("../referentials/fabrique-de-territoire.json");
const FABRIQUE_NUMERIQUE: &str = include_str!("../referentials/fabrique-numerique.json");
const MANUFACTURE: &str = include_str!("../referentials/manufacture-de-proximite.json");

/// The weights a user may give a criterion (choix de Fabrique).
pub const WEIGHTS: std::ops::RangeInclusive<u32> = 1..=100;

impl Referential {
    /// Reads and checks a referential: its label's six criteria once each, positive
    /// weights, thresholds in order, unique ids, and a source in both languages for every
    /// indicator (of an indicator's kind) and rule.
    pub fn from_json(text: &str) -> Result<Referential, ReferentialError> {
        let referential: Referential =
            serde_json::from_str(text).map_err(|error| ReferentialError(error.to_string()))?;
        referential.check()?;
        Ok(referential)
    }

    fn check(&self) -> Result<(), ReferentialError> {
        let fail = |message: String| Err(ReferentialError(message));
        let ids: Vec<CriterionId> = self.criteria.iter().map(|c| c.id).collect();
        if ids != CriterionId::of(self.variant) {
            return fail(format!(
                "criteria {ids:?}, expected the label's six in order"
            ));
        }
        let mut seen = std::collections::BTreeSet::new();
        for criterion in &self.criteria {
            if criterion.weight == 0 || criterion.indicators.is_empty() {
                return fail(format!("{:?} has no weight or no indicator", criterion.id));
            }
            for indicator in &criterion.indicators {
                if !seen.insert(&*indicator.id) {
                    return fail(format!("indicator {} twice", indicator.id));
                }
                if indicator.weight == 0 {
                    return fail(format!("{} has no weight", indicator.id));
                }
                if !has_text(&indicator.source.reference) {
                    return fail(format!("{} has no source", indicator.id));
                }
                if !SourceKind::FOR_INDICATORS.contains(&indicator.source.kind) {
                    return fail(format!(
                        "{}: {:?} is not an indicator's kind of source",
                        indicator.id, indicator.source.kind
                    ));
                }
                let says_choice = indicator
                    .source
                    .reference
                    .fr
                    .starts_with("Choix de Fabrique")
                    && indicator
                        .source
                        .reference
                        .en
                        .starts_with("Fabrique's choice");
                if (indicator.source.kind == SourceKind::FabriqueChoice) != says_choice {
                    return fail(format!(
                        "{}: a choice of Fabrique's says so first, and only it",
                        indicator.id
                    ));
                }
                if indicator.partial_at.is_some_and(|p| p >= indicator.met_at) {
                    return fail(format!("{}: partial_at must be below met_at", indicator.id));
                }
                let optional = [
                    &indicator.recommendation_project,
                    &indicator.recommendation_open,
                    &indicator.value_open,
                ];
                for text in [
                    &indicator.label,
                    &indicator.recommendation,
                    &indicator.value,
                ]
                .into_iter()
                .chain(optional.into_iter().flatten())
                {
                    if !has_text(text) {
                        return fail(format!("{}: a text is missing", indicator.id));
                    }
                }
                for value in [Some(&indicator.value), indicator.value_open.as_ref()]
                    .into_iter()
                    .flatten()
                {
                    if !value.fr.contains("{}") || !value.en.contains("{}") {
                        return fail(format!("{}: value has no {{}}", indicator.id));
                    }
                }
            }
        }
        for rule in RuleId::ALL {
            match self.rules.get(&rule) {
                Some(source) if has_text(&source.reference) => {}
                _ => return fail(format!("rule {rule:?} has no source")),
            }
        }
        Ok(())
    }

    /// The referential embedded for a variant.
    pub fn builtin(variant: Variant) -> &'static Referential {
        static GENERALIST: OnceLock<Referential> = OnceLock::new();
        static NUMERIQUE: OnceLock<Referential> = OnceLock::new();
        static MANUFACTURE_CELL: OnceLock<Referential> = OnceLock::new();
        let (cell, text) = match variant {
            Variant::FabriqueDeTerritoire => (&GENERALIST, FABRIQUE_DE_TERRITOIRE),
            Variant::FabriqueNumerique => (&NUMERIQUE, FABRIQUE_NUMERIQUE),
            Variant::ManufactureDeProximite => (&MANUFACTURE_CELL, MANUFACTURE),
        };
        cell.get_or_init(|| {
            // The embedded files are checked by this module's tests on every build.
            #[allow(clippy::expect_used)]
            Referential::from_json(text).expect("embedded referential is valid")
        })
    }

    /// A copy with other criterion weights; criteria not named keep theirs, and a weight
    /// outside [`WEIGHTS`] is ignored (a criterion cannot be switched off, nor outweigh the
    /// others beyond measure; links and settings refuse such weights before).
    pub fn with_weights(&self, weights: &BTreeMap<CriterionId, u32>) -> Referential {
        let mut copy = self.clone();
        for criterion in &mut copy.criteria {
            if let Some(&weight) = weights.get(&criterion.id).filter(|w| WEIGHTS.contains(*w)) {
                criterion.weight = weight;
            }
        }
        copy
    }

    /// The criterion weights, as a caller would override them.
    pub fn weights(&self) -> BTreeMap<CriterionId, u32> {
        self.criteria.iter().map(|c| (c.id, c.weight)).collect()
    }

    /// The source of a funding or verdict rule.
    pub fn rule_source(&self, rule: RuleId) -> Option<&Source> {
        self.rules.get(&rule)
    }
}

/// Both languages of a text say something.
fn has_text(text: &Text) -> bool {
    !text.fr.trim().is_empty() && !text.en.trim().is_empty()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_embedded_referentials_are_valid() {
        for text in [FABRIQUE_DE_TERRITOIRE, FABRIQUE_NUMERIQUE, MANUFACTURE] {
            if let Err(error) = Referential::from_json(text) {
                panic!("{error}");
            }
        }
        assert_eq!(
            Referential::builtin(Variant::FabriqueNumerique).variant,
            Variant::FabriqueNumerique
        );
        assert_eq!(
            Referential::builtin(Variant::FabriqueDeTerritoire).variant,
            Variant::FabriqueDeTerritoire
        );
        assert_eq!(
            Referential::builtin(Variant::ManufactureDeProximite).variant,
            Variant::ManufactureDeProximite
        );
    }

    #[test]
    fn every_indicator_and_rule_has_a_source() {
        for variant in [
            Variant::FabriqueDeTerritoire,
            Variant::FabriqueNumerique,
            Variant::ManufactureDeProximite,
        ] {
            let referential = Referential::builtin(variant);
            for criterion in &referential.criteria {
                for indicator in &criterion.indicators {
                    assert!(
                        has_text(&indicator.source.reference),
                        "{} lacks a source",
                        indicator.id
                    );
                }
            }
            for rule in RuleId::ALL {
                assert!(
                    referential.rule_source(rule).is_some(),
                    "{rule:?} lacks a source"
                );
            }
        }
    }

    #[test]
    fn a_referential_without_a_source_is_refused() {
        let mut value: serde_json::Value =
            serde_json::from_str(FABRIQUE_DE_TERRITOIRE).expect("json");
        value["criteria"][2]["indicators"][0]["source"]["reference"]["en"] = "".into();
        let error = Referential::from_json(&value.to_string()).expect_err("refused");
        assert!(error.0.contains("no source"), "{error}");

        let mut value: serde_json::Value =
            serde_json::from_str(FABRIQUE_DE_TERRITOIRE).expect("json");
        value["rules"]
            .as_object_mut()
            .expect("rules")
            .remove("public_aid_ceiling");
        let error = Referential::from_json(&value.to_string()).expect_err("refused");
        assert!(error.0.contains("PublicAidCeiling"), "{error}");
    }

    #[test]
    fn an_indicator_cannot_be_sourced_by_law_nor_hide_a_choice() {
        let with = |kind: &str, reference_fr: &str| {
            let mut value: serde_json::Value =
                serde_json::from_str(FABRIQUE_DE_TERRITOIRE).expect("json");
            let source = &mut value["criteria"][3]["indicators"][1]["source"];
            source["kind"] = kind.into();
            source["reference"]["fr"] = reference_fr.into();
            Referential::from_json(&value.to_string())
        };
        let error = with("law", "Choix de Fabrique : 30 h").expect_err("refused");
        assert!(error.0.contains("not an indicator's kind"), "{error}");
        // services.heures is a choice: labelled a programme fact, it is refused…
        let error = with("programme_fact", "Choix de Fabrique : 30 h").expect_err("refused");
        assert!(error.0.contains("says so first"), "{error}");
        // …and a choice that does not say so too.
        let error = with("fabrique_choice", "30 heures par semaine").expect_err("refused");
        assert!(error.0.contains("says so first"), "{error}");
        assert!(with("fabrique_choice", "Choix de Fabrique : 30 h").is_ok());
    }

    #[test]
    fn weights_can_be_overridden_but_not_zeroed() {
        let referential = Referential::builtin(Variant::FabriqueDeTerritoire);
        let changed = referential.with_weights(&BTreeMap::from([
            (CriterionId::PosteEtp, 40),
            (CriterionId::Gouvernance, 0),
        ]));
        let weights = changed.weights();
        assert_eq!(weights[&CriterionId::PosteEtp], 40);
        assert_eq!(
            weights[&CriterionId::Gouvernance],
            referential.weights()[&CriterionId::Gouvernance]
        );
    }
}
