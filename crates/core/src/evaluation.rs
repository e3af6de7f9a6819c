//! The evaluation: turns a dossier into scores that explain themselves. Each indicator says
//! what it measured, how well the dossier meets it, and where the rule comes from; a
//! criterion's score is the weighted share of its indicators that are met.

use crate::dossier::{Dossier, Governance};
use serde::Serialize;

/// How far the dossier meets one indicator.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Level {
    /// The evidence asked for is there.
    Met,
    /// Some evidence is there, not all of it.
    Partial,
    /// No evidence yet.
    Missing,
}

impl Level {
    /// The share of an indicator's weight that this level earns, in percent.
    fn earned_percent(self) -> u32 {
        match self {
            Level::Met => 100,
            Level::Partial => 50,
            Level::Missing => 0,
        }
    }
}

/// Where an indicator's rule comes from, shown beside it so that every score can be argued.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Source {
    /// The wording of one of the label's six selection criteria.
    SelectionCriterion,
    /// A choice Fabrique made (a weight or a threshold), not an official rule.
    FabriqueChoice,
}

/// One indicator of a criterion, evaluated on a dossier.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct IndicatorResult {
    /// Stable identifier, used in links and tests.
    pub id: &'static str,
    /// What the indicator checks, in French.
    pub label: &'static str,
    /// Its weight within the criterion (Fabrique's own choice: no official weighting exists).
    pub weight: u32,
    /// How far the dossier meets it.
    pub level: Level,
    /// Why it has that level, in French, in the user's terms.
    pub explanation: String,
    /// Where the rule comes from.
    pub source: Source,
}

/// A criterion's evaluation: a score from 0 to 100 and the indicators behind it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct CriterionResult {
    /// The criterion's name, in French.
    pub label: &'static str,
    /// The weighted share of the indicators met, from 0 to 100.
    pub score: u32,
    /// The indicators, in the order they are shown.
    pub indicators: Vec<IndicatorResult>,
}

/// The evaluation of a whole dossier.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Evaluation {
    /// Criterion 1, "Gouvernance".
    pub governance: CriterionResult,
}

/// Evaluates a dossier. Pure and deterministic: the same dossier always gives the same result.
pub fn evaluate(dossier: &Dossier) -> Evaluation {
    Evaluation {
        governance: evaluate_governance(&dossier.governance),
    }
}

/// A decision body that meets at least this often a year is "regular" (Fabrique's choice:
/// quarterly is the rhythm of most associations' boards).
const REGULAR_MEETINGS_PER_YEAR: u32 = 4;

fn evaluate_governance(governance: &Governance) -> CriterionResult {
    let meetings = governance.decision_body_meetings_per_year;
    let indicators = vec![
        IndicatorResult {
            id: "gouvernance.statuts",
            label: "Statuts ou charte de gouvernance",
            weight: 30,
            level: yes_no(governance.has_statutes_or_charter),
            explanation: if governance.has_statutes_or_charter {
                "Le collectif a écrit qui décide de quoi.".to_owned()
            } else {
                "Aucun statut ni charte : écrire qui décide de quoi.".to_owned()
            },
            source: Source::SelectionCriterion,
        },
        IndicatorResult {
            id: "gouvernance.instance",
            label: "Instance de décision réunie régulièrement",
            weight: 25,
            level: match meetings {
                0 => Level::Missing,
                m if m < REGULAR_MEETINGS_PER_YEAR => Level::Partial,
                _ => Level::Met,
            },
            explanation: format!(
                "{meetings} réunion(s) par an ; {REGULAR_MEETINGS_PER_YEAR} au moins attendues."
            ),
            source: Source::FabriqueChoice,
        },
        IndicatorResult {
            id: "gouvernance.usagers",
            label: "Usagers associés aux décisions",
            weight: 25,
            level: yes_no(governance.users_take_part_in_decisions),
            explanation: if governance.users_take_part_in_decisions {
                "Les usagers ont une place dans les décisions.".to_owned()
            } else {
                "Les usagers n'ont pas encore de place dans les décisions.".to_owned()
            },
            source: Source::SelectionCriterion,
        },
        IndicatorResult {
            id: "gouvernance.animation",
            label: "Animation du lieu confiée à une personne ou une équipe identifiée",
            weight: 20,
            level: yes_no(governance.has_named_animator),
            explanation: if governance.has_named_animator {
                "Une personne ou une équipe anime le lieu.".to_owned()
            } else {
                "Personne n'est encore désigné pour animer le lieu.".to_owned()
            },
            source: Source::SelectionCriterion,
        },
    ];
    CriterionResult {
        label: "Gouvernance",
        score: weighted_score(&indicators),
        indicators,
    }
}

fn yes_no(answer: bool) -> Level {
    if answer {
        Level::Met
    } else {
        Level::Missing
    }
}

/// The weighted share of earned points, rounded down, from 0 to 100.
fn weighted_score(indicators: &[IndicatorResult]) -> u32 {
    let total_weight: u32 = indicators.iter().map(|i| i.weight).sum();
    if total_weight == 0 {
        return 0;
    }
    let earned: u32 = indicators
        .iter()
        .map(|i| i.weight * i.level.earned_percent())
        .sum();
    earned / total_weight
}

#[cfg(test)]
mod tests {
    use super::*;

    fn governance_score(governance: Governance) -> u32 {
        evaluate(&Dossier {
            governance,
            ..Dossier::default()
        })
        .governance
        .score
    }

    #[test]
    fn an_empty_dossier_scores_zero() {
        assert_eq!(evaluate(&Dossier::default()).governance.score, 0);
    }

    #[test]
    fn a_complete_governance_scores_one_hundred() {
        let score = governance_score(Governance {
            has_statutes_or_charter: true,
            decision_body_meetings_per_year: 6,
            users_take_part_in_decisions: true,
            has_named_animator: true,
        });
        assert_eq!(score, 100);
    }

    #[test]
    fn statutes_alone_earn_their_weight() {
        let score = governance_score(Governance {
            has_statutes_or_charter: true,
            ..Governance::default()
        });
        assert_eq!(score, 30);
    }

    #[test]
    fn rare_meetings_count_as_partial() {
        let rare = governance_score(Governance {
            decision_body_meetings_per_year: 2,
            ..Governance::default()
        });
        let regular = governance_score(Governance {
            decision_body_meetings_per_year: REGULAR_MEETINGS_PER_YEAR,
            ..Governance::default()
        });
        assert_eq!((rare, regular), (12, 25));
    }

    #[test]
    fn every_indicator_explains_itself() {
        let evaluation = evaluate(&Dossier::default());
        for indicator in &evaluation.governance.indicators {
            assert!(!indicator.explanation.is_empty(), "{}", indicator.id);
        }
    }
}
