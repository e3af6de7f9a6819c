//! Referentials: the criteria of a label, as versioned data embedded at compile time (one
//! file per variant under `crates/core/referentials/`). Each indicator says what it
//! measures, its weight, its thresholds, what to do when it is weak, and where its rule
//! comes from. No official weighting exists: the weights are Fabrique's, and a caller can
//! replace them with [`Referential::with_weights`].

use crate::dossier::Variant;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::sync::{Arc, OnceLock};

/// The six selection criteria of the AMI, in the order of the source article.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum CriterionId {
    Gouvernance,
    Partenariats,
    BesoinTerritorial,
    ServicesNumeriques,
    ModeleEconomique,
    PosteEtp,
}

impl CriterionId {
    /// The six criteria, in order.
    pub const ALL: [CriterionId; 6] = [
        CriterionId::Gouvernance,
        CriterionId::Partenariats,
        CriterionId::BesoinTerritorial,
        CriterionId::ServicesNumeriques,
        CriterionId::ModeleEconomique,
        CriterionId::PosteEtp,
    ];
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
    /// The text in `lang`.
    pub fn get(&self, lang: Lang) -> &Arc<str> {
        match lang {
            Lang::Fr => &self.fr,
            Lang::En => &self.en,
        }
    }
}

/// The kinds of source a rule can have.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SourceKind {
    /// The wording of one of the six selection criteria.
    SelectionCriterion,
    /// Step 1 of the source article: the place answers a specific need.
    ArticleStep1,
    /// Step 2 of the source article: the economic model.
    ArticleStep2,
    /// The source article's list of what a collectivité can do when it is not the holder.
    ArticleCollectivite,
    /// A fact of the programme (amounts, targets, eligibility), with its public source.
    ProgrammeFact,
    /// A law or regulation (CGCT).
    Law,
    /// A survey of tiers-lieux (France Tiers-Lieux, regional networks).
    SurveyBenchmark,
    /// What practitioners report, not an official rule.
    Practitioners,
    /// A choice Fabrique made, not an official rule.
    FabriqueChoice,
}

/// Where a rule comes from: its kind and a reference a reader can look up.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Source {
    pub kind: SourceKind,
    /// The reference: a text and article, a survey, an address. Shared, not copied, by
    /// every evaluation that cites it.
    pub reference: Arc<str>,
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
    /// The programme's own conditions (territory, services).
    Programme,
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
    TestParticipants,
    PriorityTerritory,
    QpvLocation,
    DigitalServiceKinds,
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
    MinSecuredFte,
    Year4FundedFte,
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
    /// What to do when the indicator is not met.
    pub recommendation: Text,
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
}

impl RuleId {
    /// Every rule the evaluation applies.
    pub const ALL: [RuleId; 13] = [
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

impl Referential {
    /// Reads and checks a referential: the six criteria once each, positive weights,
    /// thresholds in order, unique ids, and a source for every indicator and rule.
    pub fn from_json(text: &str) -> Result<Referential, ReferentialError> {
        let referential: Referential =
            serde_json::from_str(text).map_err(|error| ReferentialError(error.to_string()))?;
        referential.check()?;
        Ok(referential)
    }

    fn check(&self) -> Result<(), ReferentialError> {
        let fail = |message: String| Err(ReferentialError(message));
        let ids: Vec<CriterionId> = self.criteria.iter().map(|c| c.id).collect();
        if ids != CriterionId::ALL {
            return fail(format!("criteria {ids:?}, expected the six in order"));
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
                if indicator.source.reference.trim().is_empty() {
                    return fail(format!("{} has no source", indicator.id));
                }
                if indicator.partial_at.is_some_and(|p| p >= indicator.met_at) {
                    return fail(format!("{}: partial_at must be below met_at", indicator.id));
                }
                for text in [
                    &indicator.label,
                    &indicator.recommendation,
                    &indicator.value,
                ] {
                    if text.fr.trim().is_empty() || text.en.trim().is_empty() {
                        return fail(format!("{}: a text is missing", indicator.id));
                    }
                }
                if !indicator.value.fr.contains("{}") || !indicator.value.en.contains("{}") {
                    return fail(format!("{}: value has no {{}}", indicator.id));
                }
            }
        }
        for rule in RuleId::ALL {
            match self.rules.get(&rule) {
                Some(source) if !source.reference.trim().is_empty() => {}
                _ => return fail(format!("rule {rule:?} has no source")),
            }
        }
        Ok(())
    }

    /// The referential embedded for a variant.
    pub fn builtin(variant: Variant) -> &'static Referential {
        static GENERALIST: OnceLock<Referential> = OnceLock::new();
        static NUMERIQUE: OnceLock<Referential> = OnceLock::new();
        let (cell, text) = match variant {
            Variant::FabriqueDeTerritoire => (&GENERALIST, FABRIQUE_DE_TERRITOIRE),
            Variant::FabriqueNumerique => (&NUMERIQUE, FABRIQUE_NUMERIQUE),
        };
        cell.get_or_init(|| {
            // The embedded files are checked by this module's tests on every build.
            #[allow(clippy::expect_used)]
            Referential::from_json(text).expect("embedded referential is valid")
        })
    }

    /// A copy with other criterion weights; criteria not named keep theirs, and a weight of
    /// zero is ignored (a criterion cannot be switched off).
    pub fn with_weights(&self, weights: &BTreeMap<CriterionId, u32>) -> Referential {
        let mut copy = self.clone();
        for criterion in &mut copy.criteria {
            if let Some(&weight) = weights.get(&criterion.id).filter(|&&w| w > 0) {
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn both_embedded_referentials_are_valid() {
        for text in [FABRIQUE_DE_TERRITOIRE, FABRIQUE_NUMERIQUE] {
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
    }

    #[test]
    fn every_indicator_and_rule_has_a_source() {
        for variant in [Variant::FabriqueDeTerritoire, Variant::FabriqueNumerique] {
            let referential = Referential::builtin(variant);
            for criterion in &referential.criteria {
                for indicator in &criterion.indicators {
                    assert!(
                        !indicator.source.reference.trim().is_empty(),
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
        value["criteria"][2]["indicators"][0]["source"]["reference"] = "".into();
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
