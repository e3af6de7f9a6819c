//! The evaluation: turns a dossier into scores that explain themselves. Each indicator reads
//! one value from the dossier and compares it with the referential's thresholds; a
//! criterion's score is the weighted share of its indicators met; the verdict weighs the
//! criteria. The action plan gives what a programme officer would ask first: the blocking
//! conditions, then the funding plan's problems, then the indicators not met by what they
//! would add; each action quotes the dossier's own figures, the target, and the section
//! where it is done, and fits the project's stage (a place not yet open is told to plan).
//!
//! Pure and deterministic: the same dossier and referential always give the same result.

use crate::dossier::{
    ActorKind, Dossier, HolderKind, LegalStatus, PartnerCategory, ServiceKind, TerritoryKind,
    Variant, BUDGET_YEARS,
};
use crate::finance::{finances, Finances};
use crate::funding::{funding, holder_can_apply, problem_text, FundingProblem, FundingReport};
use crate::label::Label;
use crate::referential::{
    Criterion, CriterionId, Indicator, Lang, Measure, Referential, RuleId, Source, Step, Unit,
};
use crate::units::{Cents, Fte, Local, Percent};
use serde::{Deserialize, Serialize};
use std::collections::BTreeSet;
use std::fmt::Write as _;
use std::sync::Arc;

/// How far the dossier meets one indicator.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Level {
    /// No evidence yet.
    Missing,
    /// Some evidence is there, not all of it.
    Partial,
    /// The evidence asked for is there.
    Met,
}

impl Level {
    /// The share of an indicator's weight that this level earns, in percent.
    pub fn earned_percent(self) -> u32 {
        match self {
            Level::Met => 100,
            Level::Partial => 50,
            Level::Missing => 0,
        }
    }
}

/// A criterion's level, from its score (thresholds are Fabrique's choice).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum CriterionLevel {
    /// Below 25.
    NonDemontre,
    /// 25 to 49.
    Fragile,
    /// 50 to 74.
    Solide,
    /// 75 and over.
    Exemplaire,
}

crate::labels! {
    CriterionLevel {
        NonDemontre => "non démontré", "not shown";
        Fragile => "fragile", "fragile";
        Solide => "solide", "solid";
        Exemplaire => "exemplaire", "exemplary";
    }
}

impl CriterionLevel {
    /// The level of a score from 0 to 100.
    pub fn of_score(score: u32) -> CriterionLevel {
        match score {
            0..=24 => CriterionLevel::NonDemontre,
            25..=49 => CriterionLevel::Fragile,
            50..=74 => CriterionLevel::Solide,
            _ => CriterionLevel::Exemplaire,
        }
    }
}

/// The overall verdict (thresholds are Fabrique's choice).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Verdict {
    PasEncorePret,
    AConsolider,
    PretADeposer,
}

crate::labels! {
    Verdict {
        PasEncorePret => "pas encore prêt", "not ready yet";
        AConsolider => "à consolider", "to consolidate";
        PretADeposer => "prêt à déposer", "ready to apply";
    }
}

/// A weighted score from which the dossier is ready to apply, if every criterion is solid.
pub const READY_SCORE: u32 = 70;
/// A weighted score from which the dossier is worth consolidating rather than rethinking.
pub const CONSOLIDATE_SCORE: u32 = 40;

/// One indicator, evaluated.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct IndicatorResult {
    pub id: Arc<str>,
    pub label: Arc<str>,
    pub weight: u32,
    /// The value read from the dossier (unit as the referential says).
    pub value: i64,
    /// The value in words ("0 entretien réalisé").
    pub value_text: String,
    pub level: Level,
    /// The value in words and what is expected.
    pub explanation: String,
    /// How much of the value the partners declared themselves, in reviews the holder
    /// merged (the rest is the holder's word).
    pub declared_by_partners: u32,
    pub source: Source,
    pub step: Step,
}

/// One criterion, evaluated.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct CriterionResult {
    pub id: CriterionId,
    pub label: Arc<str>,
    /// Its weight in the overall score.
    pub weight: u32,
    /// The weighted share of its indicators met, 0 to 100.
    pub score: u32,
    pub level: CriterionLevel,
    pub indicators: Vec<IndicatorResult>,
}

/// A condition that keeps a dossier from being ready, whatever its score.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Blocking {
    /// No position is funded in any of years 1 to 3.
    NoFundedPosition,
    /// No legal person, and no consortium with a lead member.
    NoLegalStructure,
    /// A Fabrique numérique de territoire outside QPV and not beside one.
    NumeriqueOutsideQpv,
    /// A Manufacture de proximité whose premises are not (yet) suited to the activity.
    PremisesNotSuited,
    /// A Manufacture de proximité without a written HR strategy.
    NoHrStrategy,
}

impl Blocking {
    /// What it means, in plain words.
    pub fn label(self, lang: Lang) -> &'static str {
        match (self, lang) {
            (Blocking::NoFundedPosition, Lang::Fr) => {
                "Aucun poste n'est financé pendant les années de la subvention \
                (critère 6)."
            }
            (Blocking::NoLegalStructure, Lang::Fr) => {
                "Pas de structure juridique déclarée ni de chef de file de \
                consortium : l'AMI s'adresse à des personnes morales existantes."
            }
            (Blocking::NumeriqueOutsideQpv, Lang::Fr) => {
                "Une Fabrique numérique de territoire doit être en QPV ou à \
                proximité immédiate."
            }
            (Blocking::PremisesNotSuited, Lang::Fr) => {
                "Des locaux adaptés à l'activité sont une condition \
                d'éligibilité de la Manufacture de proximité."
            }
            (Blocking::NoHrStrategy, Lang::Fr) => {
                "Une stratégie RH concrète est une condition d'éligibilité de la \
                Manufacture de proximité."
            }
            (Blocking::NoFundedPosition, Lang::En) => {
                "No position is funded during the grant's years (criterion 6)."
            }
            (Blocking::NoLegalStructure, Lang::En) => {
                "No declared legal structure and no consortium lead: the AMI is \
                for existing legal persons."
            }
            (Blocking::NumeriqueOutsideQpv, Lang::En) => {
                "A Fabrique numérique de territoire must be in or right \
                beside a QPV."
            }
            (Blocking::PremisesNotSuited, Lang::En) => {
                "Premises suited to the activity are an eligibility condition \
                of the Manufacture de proximité."
            }
            (Blocking::NoHrStrategy, Lang::En) => {
                "A concrete HR strategy is an eligibility condition of the \
                Manufacture de proximité."
            }
        }
    }

    /// The rule it applies.
    pub fn rule(self) -> RuleId {
        match self {
            Blocking::NoFundedPosition => RuleId::FundedPosition,
            Blocking::NoLegalStructure => RuleId::AmiApplicants,
            Blocking::NumeriqueOutsideQpv => RuleId::NumeriqueQpv,
            Blocking::PremisesNotSuited | Blocking::NoHrStrategy => RuleId::ManufactureEligibility,
        }
    }

    /// What to do about it, in plain words.
    pub fn action(self, lang: Lang) -> &'static str {
        match (self, lang) {
            (Blocking::NoFundedPosition, Lang::Fr) => {
                "Nommer qui finance au moins un poste chaque année de la \
                subvention (la subvention de l'appel peut en être)"
            }
            (Blocking::NoLegalStructure, Lang::Fr) => {
                "Déclarer la structure juridique qui porte le projet, ou \
                désigner le chef de file du consortium"
            }
            (Blocking::NumeriqueOutsideQpv, Lang::Fr) => {
                "Vérifier la situation du lieu par rapport au QPV le plus \
                proche, ou viser l'appel généraliste"
            }
            (Blocking::PremisesNotSuited, Lang::Fr) => {
                "Trouver des locaux adaptés à la production et dire en quoi ils \
                le sont"
            }
            (Blocking::NoHrStrategy, Lang::Fr) => {
                "Écrire la stratégie RH : postes, calendrier de recrutement, \
                formation"
            }
            (Blocking::NoFundedPosition, Lang::En) => {
                "Name who funds at least one position in each of the grant's \
                years (the call's grant may be one of them)"
            }
            (Blocking::NoLegalStructure, Lang::En) => {
                "Register the legal structure that holds the project, or name \
                the consortium's lead member"
            }
            (Blocking::NumeriqueOutsideQpv, Lang::En) => {
                "Check where the place stands against the nearest QPV, or aim \
                at the generalist call"
            }
            (Blocking::PremisesNotSuited, Lang::En) => {
                "Find premises suited to production and say how they are"
            }
            (Blocking::NoHrStrategy, Lang::En) => {
                "Write the HR strategy: positions, hiring schedule, training"
            }
        }
    }

    /// The section where it is fixed.
    pub fn section(self) -> Section {
        match self {
            Blocking::NoFundedPosition => Section::Staff,
            Blocking::NoLegalStructure | Blocking::NumeriqueOutsideQpv => Section::Identity,
            Blocking::PremisesNotSuited | Blocking::NoHrStrategy => Section::Production,
        }
    }
}

/// The sections of the dossier. New ones are added at the end: partners' replies name a
/// section by its position; stored dossiers and links' notes by its serde name.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Section {
    Identity,
    Governance,
    Partners,
    Need,
    Services,
    EconomicModel,
    Budget,
    Staff,
    Collectivite,
    Investment,
    /// The Manufacture de proximité's workshop.
    Production,
}

impl Section {
    /// The section's name in the app's addresses (`?section=…`). Only addresses use it:
    /// what is stored names a section by its serde name, so that an address may change
    /// without orphaning anything kept.
    pub fn slug(self) -> &'static str {
        match self {
            Section::Identity => "identite",
            Section::Governance => "gouvernance",
            Section::Partners => "partenaires",
            Section::Need => "besoin",
            Section::Services => "services",
            Section::EconomicModel => "modele",
            Section::Budget => "budget",
            Section::Staff => "equipe",
            Section::Collectivite => "collectivite",
            Section::Investment => "investissement",
            Section::Production => "atelier",
        }
    }

    /// The name a section is kept under in stored dossiers and links: its serde name.
    pub fn stored_name(self) -> &'static str {
        match self {
            Section::Identity => "identity",
            Section::Governance => "governance",
            Section::Partners => "partners",
            Section::Need => "need",
            Section::Services => "services",
            Section::EconomicModel => "economic_model",
            Section::Budget => "budget",
            Section::Staff => "staff",
            Section::Collectivite => "collectivite",
            Section::Investment => "investment",
            Section::Production => "production",
        }
    }

    /// The section a stored name names.
    pub fn from_stored_name(name: &str) -> Option<Section> {
        Section::ALL
            .iter()
            .copied()
            .find(|section| section.stored_name() == name)
    }

    /// The section an address names.
    pub fn from_slug(slug: &str) -> Option<Section> {
        Section::ALL
            .iter()
            .copied()
            .find(|section| section.slug() == slug)
    }

    /// Whether the section belongs to a dossier of this label: the workshop is the
    /// Manufacture de proximité's alone.
    pub fn applies_to(self, variant: Variant) -> bool {
        self != Section::Production || variant == Variant::ManufactureDeProximite
    }
}

// The sections' names, and their order: the order they are filled (the app's navigator,
// the reports).
crate::labels! {
    Section {
        Identity => "Identité et territoire", "Identity and territory";
        Governance => "Gouvernance", "Governance";
        Partners => "Partenaires", "Partners";
        Need => "Besoin territorial", "Territorial need";
        Services => "Services numériques", "Digital services";
        EconomicModel => "Modèle économique", "Economic model";
        Budget => "Budget sur 4 ans", "4-year budget";
        Staff => "Équipe et postes", "Team and positions";
        Collectivite => "Rôle de la collectivité", "The collectivité's role";
        Investment => "Investissement", "Investment";
        Production => "Atelier de production", "Production workshop";
    }
}

/// How much of a section is answered.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Completeness {
    pub section: Section,
    pub answered: u32,
    pub total: u32,
}

impl Completeness {
    /// The share answered, in whole percent.
    pub fn percent(self) -> u32 {
        (self.answered.saturating_mul(100))
            .checked_div(self.total)
            .unwrap_or(100)
    }
}

/// What an action fixes; the plan lists the kinds in this order, whatever the gains.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ActionKind {
    /// A condition that keeps the dossier from being ready, whatever its score.
    Blocking,
    /// A funding-plan problem: a breached ceiling, a grant outside the call's bounds, an
    /// investment not fully financed, a request to a source the dossier cannot ask.
    Funding,
    /// An indicator not yet met, ordered by what it adds to the score.
    Indicator,
}

/// One step of the action plan.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Action {
    pub kind: ActionKind,
    /// The indicator's id, `financement.…` for a funding problem, `bloquant.…` for a
    /// blocking condition.
    pub indicator_id: Arc<str>,
    /// The criterion an indicator belongs to (none for the others).
    pub criterion: Option<CriterionId>,
    /// What to do, with the dossier's own figures and the target ("0 lettre de soutien
    /// sur 3 attendues : encore 3").
    pub text: String,
    /// What meeting the indicator would add to the weighted score, in hundredths of a point
    /// (0 for the others, which the score does not measure).
    pub gain_hundredths: u32,
    /// The step of the source article the action comes from (none for the funding plan).
    pub step: Option<Step>,
    /// The section of the dossier where it is done.
    pub section: Section,
}

impl Action {
    /// Why it is in the plan, in words: a blocking condition, the funding plan, or the
    /// points it adds to the weighted score ("+6,00 pt", "+6.00 pt").
    pub fn why(&self, lang: Lang) -> String {
        let (points, hundredths) = (self.gain_hundredths / 100, self.gain_hundredths % 100);
        match (self.kind, lang) {
            (ActionKind::Blocking, Lang::Fr) => "condition bloquante".to_owned(),
            (ActionKind::Blocking, Lang::En) => "blocking condition".to_owned(),
            (ActionKind::Funding, Lang::Fr) => "plan de financement".to_owned(),
            (ActionKind::Funding, Lang::En) => "funding plan".to_owned(),
            (ActionKind::Indicator, Lang::Fr) => format!("+{points},{hundredths:02} pt"),
            (ActionKind::Indicator, Lang::En) => format!("+{points}.{hundredths:02} pt"),
        }
    }
}

/// The evaluation of a whole dossier.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Evaluation {
    pub referential_id: String,
    pub referential_version: u32,
    pub criteria: Vec<CriterionResult>,
    /// The criteria's scores weighted by their weights, 0 to 100.
    pub weighted_score: u32,
    pub verdict: Verdict,
    pub blocking: Vec<Blocking>,
    pub completeness: Vec<Completeness>,
    /// What to do next, most valuable first.
    pub actions: Vec<Action>,
    pub finances: Finances,
    pub funding: FundingReport,
}

impl Evaluation {
    /// The criterion with the lowest score (the first of them on a tie).
    pub fn weakest_criterion(&self) -> Option<&CriterionResult> {
        self.criteria.iter().min_by_key(|criterion| criterion.score)
    }

    /// One criterion's result.
    pub fn criterion(&self, id: CriterionId) -> Option<&CriterionResult> {
        self.criteria.iter().find(|criterion| criterion.id == id)
    }
}

/// Evaluates a dossier against a referential, with texts in `lang`.
pub fn evaluate(dossier: &Dossier, referential: &Referential, lang: Lang) -> Evaluation {
    let finances = finances(dossier);
    let criteria: Vec<CriterionResult> = referential
        .criteria
        .iter()
        .map(|criterion| evaluate_criterion(criterion, dossier, &finances, lang))
        .collect();
    let total_weight: u32 = criteria.iter().map(|c| c.weight).sum();
    let blocking = blocking_conditions(dossier, &finances);
    let Summary {
        weighted_score,
        verdict,
        ..
    } = summarize(criteria.iter().map(|c| (c.weight, c.score)), &blocking);
    let funding = funding(dossier, &finances, lang);
    let mut actions = blocking_actions(&blocking, lang);
    actions.extend(funding_actions(&funding, lang));
    let context = Context {
        dossier,
        finances: &finances,
        lang,
    };
    actions.extend(action_plan(referential, &criteria, total_weight, &context));
    Evaluation {
        referential_id: referential.id.clone(),
        referential_version: referential.version,
        weighted_score,
        verdict,
        blocking,
        completeness: completeness(dossier),
        actions,
        funding,
        finances,
        criteria,
    }
}

/// A dossier's verdict and weighted score, without the texts that explain them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Summary {
    pub weighted_score: u32,
    pub verdict: Verdict,
    /// Each criterion's score, in the referential's order.
    pub criteria: Vec<(CriterionId, u32)>,
    /// The share of the dossier's questions answered, in whole percent.
    pub completeness: u32,
}

/// The verdict and weighted score [`evaluate`] gives, computed without any text: what a list
/// of dossiers shows, several times cheaper than a whole evaluation.
pub fn summary(dossier: &Dossier, referential: &Referential) -> Summary {
    let finances = finances(dossier);
    let criteria: Vec<(CriterionId, u32, u32)> = referential
        .criteria
        .iter()
        .map(|criterion| {
            let levels = criterion.indicators.iter().map(|indicator| {
                let value = measure(indicator.measure, dossier, &finances);
                (indicator.weight, level_of(indicator, value))
            });
            (criterion.id, criterion.weight, criterion_score(levels))
        })
        .collect();
    let mut summary = summarize(
        criteria.iter().map(|&(_, weight, score)| (weight, score)),
        &blocking_conditions(dossier, &finances),
    );
    summary.criteria = criteria.iter().map(|&(id, _, score)| (id, score)).collect();
    summary.completeness = overall_completeness(dossier);
    summary
}

/// The share of the questions answered over the sections the dossier's label asks.
pub fn overall_completeness(dossier: &Dossier) -> u32 {
    let variant = dossier.variant();
    let (answered, total) = completeness(dossier)
        .iter()
        .filter(|c| c.section.applies_to(variant))
        .fold((0_u32, 0_u32), |(a, t), c| {
            (a.saturating_add(c.answered), t.saturating_add(c.total))
        });
    Completeness {
        section: Section::Identity,
        answered,
        total,
    }
    .percent()
}

/// The weighted score and the verdict, from each criterion's weight and score: one rule
/// for [`evaluate`] and [`summary`].
fn summarize(criteria: impl Iterator<Item = (u32, u32)>, blocking: &[Blocking]) -> Summary {
    // In u64, and saturating: weights and scores are bounded, but nothing here relies on it.
    let (mut total_weight, mut weighted, mut all_solid) = (0_u64, 0_u64, true);
    for (weight, score) in criteria {
        total_weight = total_weight.saturating_add(u64::from(weight));
        weighted = weighted.saturating_add(u64::from(weight).saturating_mul(u64::from(score)));
        all_solid &= CriterionLevel::of_score(score) >= CriterionLevel::Solide;
    }
    let weighted_score = weighted
        .checked_div(total_weight)
        .map_or(0, |score| u32::try_from(score).unwrap_or(u32::MAX));
    let verdict = if !blocking.is_empty() {
        Verdict::PasEncorePret
    } else if weighted_score >= READY_SCORE && all_solid {
        Verdict::PretADeposer
    } else if weighted_score >= CONSOLIDATE_SCORE {
        Verdict::AConsolider
    } else {
        Verdict::PasEncorePret
    };
    Summary {
        weighted_score,
        verdict,
        criteria: Vec::new(),
        completeness: 0,
    }
}

/// The level an indicator's value reaches.
fn level_of(indicator: &Indicator, value: i64) -> Level {
    if value >= indicator.met_at {
        Level::Met
    } else if indicator.partial_at.is_some_and(|partial| value >= partial) {
        Level::Partial
    } else {
        Level::Missing
    }
}

/// A criterion's score, 0 to 100: the weighted share of its indicators met.
fn criterion_score(levels: impl Iterator<Item = (u32, Level)>) -> u32 {
    let (total, earned) = levels.fold((0_u64, 0_u64), |(total, earned), (weight, level)| {
        let weight = u64::from(weight);
        (
            total.saturating_add(weight),
            earned.saturating_add(weight.saturating_mul(u64::from(level.earned_percent()))),
        )
    });
    earned
        .checked_div(total)
        .map_or(0, |score| u32::try_from(score).unwrap_or(u32::MAX))
}

fn evaluate_criterion(
    criterion: &Criterion,
    dossier: &Dossier,
    finances: &Finances,
    lang: Lang,
) -> CriterionResult {
    let indicators: Vec<IndicatorResult> = criterion
        .indicators
        .iter()
        .map(|indicator| evaluate_indicator(indicator, dossier, finances, lang))
        .collect();
    let score = criterion_score(indicators.iter().map(|i| (i.weight, i.level)));
    CriterionResult {
        id: criterion.id,
        label: criterion.label.get(lang).clone(),
        weight: criterion.weight,
        score,
        level: CriterionLevel::of_score(score),
        indicators,
    }
}

/// A collectivité holds the project: Fabrique counts it as engaged in it (its choice).
fn holder_is_collectivite(dossier: &Dossier) -> bool {
    dossier.identity.holder_kind == Some(HolderKind::Collectivite)
}

/// The forms of support a holder collectivité is counted with (Fabrique's choice, shown in
/// the indicator's explanation and in the section).
pub const HOLDER_COLLECTIVITE_SUPPORT: i64 = 3;

fn evaluate_indicator(
    indicator: &Indicator,
    dossier: &Dossier,
    finances: &Finances,
    lang: Lang,
) -> IndicatorResult {
    let value = measure(indicator.measure, dossier, finances);
    let level = level_of(indicator, value);
    let shown = value_phrase(indicator, value, dossier, lang);
    let declared = declared_by_partners(indicator.measure, dossier);
    // Written in place: this runs for every indicator on every keystroke.
    let mut explanation = String::with_capacity(shown.len() + 64);
    explanation.push_str(&shown);
    if declared > 0 {
        // The mark every screen and export gives a partner's declaration: anyone holding
        // the share link can write a reply, under any name.
        let _ = match (lang, declared) {
            (Lang::Fr, 1) => write!(
                explanation,
                " (dont 1 déclaré par le partenaire, non vérifié)"
            ),
            (Lang::Fr, n) => write!(
                explanation,
                " (dont {n} déclarés par les partenaires, non vérifiés)"
            ),
            (Lang::En, 1) => write!(explanation, " (1 declared by the partner, not verified)"),
            (Lang::En, n) => write!(explanation, " ({n} declared by the partners, not verified)"),
        };
    }
    if indicator.measure == Measure::MeetingsPerYear && dossier.governance.general_assembly {
        explanation.push_str(match lang {
            Lang::Fr => " (dont l'assemblée générale annuelle)",
            Lang::En => " (the annual general assembly included)",
        });
    }
    if indicator.measure == Measure::Consultations {
        let (meetings, attendance) = dossier
            .need
            .consultations
            .iter()
            .filter(|c| c.format == crate::dossier::ConsultationFormat::PublicMeetings)
            .fold((0_i64, 0_i64), |(m, a), c| {
                (m + i64::from(c.count), a + i64::from(c.attendance))
            });
        if meetings > 0 {
            let (meetings, attendance) = (Local(meetings, lang), Local(attendance, lang));
            let _ = match lang {
                Lang::Fr => write!(
                    explanation,
                    " (dont {meetings} en réunion publique, {attendance} participants)"
                ),
                Lang::En => write!(
                    explanation,
                    " ({meetings} of them public meetings, {attendance} people)"
                ),
            };
        }
    }
    if indicator.measure == Measure::CollectiviteSupport && holder_is_collectivite(dossier) {
        explanation.push_str(match lang {
            Lang::Fr => " (la collectivité porte le projet : Fabrique la compte comme engagée, au moins 3 formes de \
                soutien — choix de Fabrique)",
            Lang::En => " (the collectivité holds the project: Fabrique counts it as engaged, at least 3 forms of \
                support — Fabrique's choice)",
        });
    }
    if level != Level::Met {
        let target = Written(indicator.unit, indicator.met_at, lang);
        let _ = match lang {
            Lang::Fr => write!(explanation, " ; attendu : {target}"),
            Lang::En => write!(explanation, "; expected: {target}"),
        };
    }
    IndicatorResult {
        id: indicator.id.clone(),
        label: indicator.label.get(lang).clone(),
        weight: indicator.weight,
        value,
        value_text: shown,
        level,
        explanation,
        declared_by_partners: declared,
        source: indicator.source.clone(),
        step: indicator.step,
    }
}

/// The indicator's value in words, plurals resolved ("0 entretien réalisé"), written in
/// one pass: this runs for every indicator on every keystroke. An open place reads the
/// indicator's open wording when it has one.
fn value_phrase(indicator: &Indicator, value: i64, dossier: &Dossier, lang: Lang) -> String {
    let template: &str = match &indicator.value_open {
        Some(open) if dossier.identity.already_open => open.get(lang),
        _ => indicator.value.get(lang),
    };
    let count = if indicator.unit == Unit::Fte {
        value / 100
    } else {
        value
    };
    let singular = match lang {
        Lang::Fr => count <= 1,
        Lang::En => count == 1,
    };
    let mut phrase = String::with_capacity(template.len() + 16);
    let mut rest = template;
    // Searched as bytes: both marks are ASCII, so a byte found is a char boundary (a search
    // for chars decodes every char of the template, the larger part of the evaluation).
    while let Some(position) = rest.bytes().position(|byte| byte == b'{' || byte == b'(') {
        phrase.push_str(&rest[..position]);
        let tail = &rest[position..];
        if let Some(after) = tail.strip_prefix("{}") {
            let _ = write!(phrase, "{}", Written(indicator.unit, value, lang));
            rest = after;
        } else if let Some(after) = tail.strip_prefix("(s)") {
            if !singular {
                phrase.push('s');
            }
            rest = after;
        } else if let Some(after) = tail.strip_prefix("(x)") {
            if !singular {
                phrase.push('x');
            }
            rest = after;
        } else {
            phrase.push_str(&tail[..1]);
            rest = &tail[1..];
        }
    }
    phrase.push_str(rest);
    phrase
}

/// A value in its unit, written in `lang` where it is displayed: no string of its own
/// (this runs for every indicator and action on every keystroke).
#[derive(Clone, Copy)]
struct Written(Unit, i64, Lang);

impl std::fmt::Display for Written {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let Written(unit, value, lang) = *self;
        match unit {
            Unit::Count => Local(value, lang).fmt(f),
            Unit::YesNo => f.write_str(match (value > 0, lang) {
                (true, Lang::Fr) => "oui",
                (false, Lang::Fr) => "non",
                (true, Lang::En) => "yes",
                (false, Lang::En) => "no",
            }),
            Unit::Percent => Local(Percent(value), lang).fmt(f),
            Unit::Fte => Local(Fte(u32::try_from(value.max(0)).unwrap_or(u32::MAX)), lang).fmt(f),
        }
    }
}

fn count(n: usize) -> i64 {
    i64::try_from(n).unwrap_or(i64::MAX)
}

fn yes(answer: bool) -> i64 {
    i64::from(answer)
}

fn filled(text: &str) -> bool {
    !text.trim().is_empty()
}

/// Which partners an indicator that counts partners counts; `None` for the others.
fn partners_counted(measure: Measure) -> Option<fn(&crate::dossier::Partner) -> bool> {
    Some(match measure {
        Measure::Partners => |p| filled(&p.name),
        Measure::LettersOfSupport => |p| p.letter_of_support,
        Measure::BusinessPartners => |p| p.category == PartnerCategory::Business && filled(&p.name),
        Measure::PartnersCommittingResources => |p| p.commits_resources(),
        _ => return None,
    })
}

/// For the indicators that count partners, how many of those counted declared their
/// commitment themselves (a merged review); 0 for the others.
fn declared_by_partners(measure: Measure, dossier: &Dossier) -> u32 {
    let Some(counted) = partners_counted(measure) else {
        return 0;
    };
    let declared = dossier
        .partners
        .iter()
        .filter(|p| p.declared_by_partner && counted(p))
        .count();
    u32::try_from(declared).unwrap_or(u32::MAX)
}

/// The services of the Fabrique numérique's list: access to rights, mediation, help with
/// procedures, digital fabrication, vocational training, incubation, the digital
/// transition of professionals (digital training).
fn on_numerique_list(kind: ServiceKind) -> bool {
    matches!(
        kind,
        ServiceKind::AccesAuxDroits
            | ServiceKind::MediationNumerique
            | ServiceKind::AideDemarches
            | ServiceKind::Fablab
            | ServiceKind::FormationProfessionnelle
            | ServiceKind::Incubation
            | ServiceKind::FormationNumerique
    )
}

/// The least of `values` over the grant's years.
fn least_in_grant(values: &[Fte; BUDGET_YEARS], finances: &Finances) -> i64 {
    i64::from(
        values[..finances.grant_years]
            .iter()
            .min()
            .map_or(0, |fte| fte.0),
    )
}

/// Adds `item` to `set`: with `fold`, the distinct values of an iterator. Not `collect`,
/// which sorts through a stable sort compiled once per item type (#20: bytes).
fn distinct<T: Ord>(mut set: BTreeSet<T>, item: T) -> BTreeSet<T> {
    set.insert(item);
    set
}

/// Reads one indicator's value from the dossier.
fn measure(measure: Measure, dossier: &Dossier, finances: &Finances) -> i64 {
    let governance = &dossier.governance;
    let need = &dossier.need;
    let model = &dossier.economic_model;
    let production = &dossier.production;
    match measure {
        Measure::StatutesOrCharter => yes(governance.has_statutes_or_charter),
        Measure::GovernanceMembers => count(
            governance
                .members
                .iter()
                .filter(|m| filled(&m.name))
                .count(),
        ),
        // The general assembly is one more meeting of the governance.
        Measure::MeetingsPerYear => {
            i64::from(governance.decision_body_meetings_per_year) + yes(governance.general_assembly)
        }
        Measure::UsersInDecisions => yes(governance.users_take_part_in_decisions),
        Measure::AnimatorNamed => yes(filled(&governance.animator)),
        Measure::Partners
        | Measure::LettersOfSupport
        | Measure::BusinessPartners
        | Measure::PartnersCommittingResources => {
            let counted = partners_counted(measure).unwrap_or(|_| false);
            count(dossier.partners.iter().filter(|p| counted(p)).count())
        }
        Measure::PartnerCategories => count(
            dossier
                .partners
                .iter()
                .filter(|p| filled(&p.name))
                .map(|p| p.category)
                .fold(BTreeSet::new(), distinct)
                .len(),
        ),
        Measure::CollectiviteSupport => {
            let role = &dossier.collectivite_role;
            let actions = [
                role.builds_networks,
                role.engineering_support,
                role.provides_premises,
                role.staged_funding && role.funding_agreement,
                role.territorial_governance,
            ];
            let listed = count(actions.iter().filter(|&&a| a).count());
            // Fabrique's choice, said in the explanation and the section: a collectivité
            // that holds the project is engaged in it.
            if holder_is_collectivite(dossier) {
                listed.max(HOLDER_COLLECTIVITE_SUPPORT)
            } else {
                listed
            }
        }
        Measure::Consultations => need.consultations.iter().map(|c| i64::from(c.count)).sum(),
        Measure::ActorKindsConsulted => count(
            need.consultations
                .iter()
                .filter(|c| c.count > 0 && c.actor != ActorKind::Other)
                .map(|c| c.actor)
                .fold(BTreeSet::new(), distinct)
                .len(),
        ),
        Measure::NetworksJoined => count(need.networks.iter().filter(|n| filled(n)).count()),
        Measure::ExistingStructures => count(
            need.existing_structures
                .iter()
                .filter(|s| filled(s))
                .count(),
        ),
        Measure::UnmetNeeds => count(need.unmet_needs.iter().filter(|n| filled(n)).count()),
        // "No tension" counts only with the sentence that says how it was checked.
        Measure::TensionsConsidered => yes((need.no_tension_found && filled(&need.no_tension_how))
            || need
                .tensions
                .iter()
                .any(|t| filled(&t.description) && filled(&t.mitigation))),
        Measure::TestParticipants => {
            if dossier.identity.already_open {
                i64::from(need.visitors_per_year)
            } else if need.test_weeks > 0 {
                i64::from(need.test_participants) + i64::from(need.test_visits)
            } else {
                0
            }
        }
        Measure::PriorityTerritory => {
            let identity = &dossier.identity;
            yes(identity.in_qpv
                || identity.next_to_qpv
                || identity.frr_zone == Some(true)
                || matches!(
                    identity.territory,
                    Some(TerritoryKind::Rural | TerritoryKind::VilleMoyenne)
                ))
        }
        Measure::DigitalServiceKinds | Measure::NumeriqueServiceKinds => count(
            dossier
                .services
                .iter()
                .filter(|s| s.kind != ServiceKind::Other || filled(&s.description))
                .filter(|s| measure == Measure::DigitalServiceKinds || on_numerique_list(s.kind))
                .map(|s| s.kind)
                .fold(BTreeSet::new(), distinct)
                .len(),
        ),
        Measure::WeeklyServiceHours => dossier
            .services
            .iter()
            .map(|s| i64::from(s.weekly_hours))
            .sum(),
        Measure::DigitalInclusion => yes(dossier
            .services
            .iter()
            .any(|s| s.kind.is_digital_inclusion())),
        Measure::PricePublics => count(
            model
                .prices
                .iter()
                .filter(|p| filled(&p.public))
                .map(|p| p.public.trim().to_lowercase())
                .fold(BTreeSet::new(), distinct)
                .len(),
        ),
        Measure::RentableSpaces => count(
            model
                .rentable_spaces
                .iter()
                .filter(|s| filled(&s.name))
                .count(),
        ),
        Measure::EventsPerMonth => model.events.iter().map(|e| i64::from(e.per_month)).sum(),
        Measure::OwnRevenueShare => finances.own_revenue_share.map_or(0, |share| share.0),
        Measure::BudgetYearsFilled => count(filled_budget_years(finances).count()),
        Measure::Year4SelfFunded => yes(finances.balance_after_grant.is_some_and(|b| b.0 >= 0)),
        Measure::MinFundedFte => least_in_grant(&finances.fte_funded, finances),
        Measure::MinAssuredFte => least_in_grant(&finances.fte_assured, finances),
        Measure::Year4FundedFte => i64::from(finances.fte_funded[finances.after_grant_year].0),
        Measure::PremisesSuited => yes(production.premises_suited),
        Measure::PremisesSurface => i64::from(dossier.identity.surface_m2.unwrap_or(0)),
        Measure::LegalStructureDeclared => {
            yes(dossier.identity.legal_status == Some(LegalStatus::Declared))
        }
        Measure::HrStrategy => yes(filled(&production.hr_strategy)),
        Measure::Machines => count(production.machines.iter().filter(|m| filled(m)).count()),
        Measure::ProfessionalUsers => i64::from(production.professional_users),
        Measure::TrainingsPerYear => i64::from(production.trainings_per_year),
    }
}

/// The budget's years (0-based) whose revenue and costs are both filled in.
fn filled_budget_years(finances: &Finances) -> impl Iterator<Item = usize> + '_ {
    (0..BUDGET_YEARS).filter(|&year| finances.revenue[year].0 > 0 && finances.costs[year].0 > 0)
}

fn blocking_conditions(dossier: &Dossier, finances: &Finances) -> Vec<Blocking> {
    let mut blocking = Vec::new();
    let variant = dossier.variant();
    if !holder_can_apply(dossier) {
        blocking.push(Blocking::NoLegalStructure);
    }
    match variant {
        Variant::FabriqueDeTerritoire | Variant::FabriqueNumerique => {
            if finances.fte_funded[..finances.grant_years]
                .iter()
                .all(|fte| fte.0 == 0)
            {
                blocking.push(Blocking::NoFundedPosition);
            }
        }
        Variant::ManufactureDeProximite => {
            if !dossier.production.premises_suited {
                blocking.push(Blocking::PremisesNotSuited);
            }
            if !filled(&dossier.production.hr_strategy) {
                blocking.push(Blocking::NoHrStrategy);
            }
        }
    }
    if variant == Variant::FabriqueNumerique
        && !(dossier.identity.in_qpv || dossier.identity.next_to_qpv)
    {
        blocking.push(Blocking::NumeriqueOutsideQpv);
    }
    blocking
}

/// The blocking conditions, first in the plan: nothing else matters until they are lifted.
fn blocking_actions(blocking: &[Blocking], lang: Lang) -> Vec<Action> {
    blocking
        .iter()
        .map(|&condition| Action {
            kind: ActionKind::Blocking,
            indicator_id: Arc::from(match condition {
                Blocking::NoFundedPosition => "bloquant.poste",
                Blocking::NoLegalStructure => "bloquant.structure",
                Blocking::NumeriqueOutsideQpv => "bloquant.qpv",
                Blocking::PremisesNotSuited => "bloquant.locaux",
                Blocking::NoHrStrategy => "bloquant.rh",
            }),
            criterion: None,
            text: format!("{} — {}", condition.action(lang), condition.label(lang)),
            gain_hundredths: 0,
            step: None,
            section: condition.section(),
        })
        .collect()
}

/// The funding plan's problems, as actions that come before any score gain, in the order
/// the funding report gives them (breached ceilings first).
fn funding_actions(funding: &FundingReport, lang: Lang) -> Vec<Action> {
    funding
        .problems
        .iter()
        .map(|problem| Action {
            kind: ActionKind::Funding,
            indicator_id: Arc::from(match problem {
                FundingProblem::CeilingExceeded { .. } => "financement.plafond",
                FundingProblem::NotFullyFinanced { .. } => "financement.reste",
                FundingProblem::OverFinanced { .. } => "financement.excedent",
                FundingProblem::Bounds(_) => "financement.appel",
                FundingProblem::IneligibleRequest { .. } => "financement.non_eligible",
            }),
            criterion: None,
            text: problem_text(problem, lang),
            gain_hundredths: 0,
            step: None,
            section: match problem {
                FundingProblem::Bounds(_) => Section::Budget,
                _ => Section::Investment,
            },
        })
        .collect()
}

/// The section where an indicator's evidence is entered.
pub fn measure_section(measure: Measure) -> Section {
    match measure {
        Measure::StatutesOrCharter
        | Measure::GovernanceMembers
        | Measure::MeetingsPerYear
        | Measure::UsersInDecisions
        | Measure::AnimatorNamed => Section::Governance,
        Measure::Partners
        | Measure::PartnerCategories
        | Measure::LettersOfSupport
        | Measure::BusinessPartners
        | Measure::PartnersCommittingResources => Section::Partners,
        Measure::CollectiviteSupport => Section::Collectivite,
        Measure::Consultations
        | Measure::ActorKindsConsulted
        | Measure::NetworksJoined
        | Measure::ExistingStructures
        | Measure::UnmetNeeds
        | Measure::TensionsConsidered
        | Measure::TestParticipants => Section::Need,
        Measure::PriorityTerritory | Measure::LegalStructureDeclared | Measure::PremisesSurface => {
            Section::Identity
        }
        Measure::DigitalServiceKinds
        | Measure::NumeriqueServiceKinds
        | Measure::WeeklyServiceHours
        | Measure::DigitalInclusion => Section::Services,
        Measure::PricePublics | Measure::RentableSpaces | Measure::EventsPerMonth => {
            Section::EconomicModel
        }
        Measure::OwnRevenueShare | Measure::BudgetYearsFilled | Measure::Year4SelfFunded => {
            Section::Budget
        }
        Measure::MinFundedFte | Measure::MinAssuredFte | Measure::Year4FundedFte => Section::Staff,
        Measure::PremisesSuited
        | Measure::HrStrategy
        | Measure::Machines
        | Measure::ProfessionalUsers
        | Measure::TrainingsPerYear => Section::Production,
    }
}

/// What an action reads besides the indicator: the dossier, its figures, the language.
struct Context<'a> {
    dossier: &'a Dossier,
    finances: &'a Finances,
    lang: Lang,
}

/// The recommendation that fits the project's stage.
fn recommendation<'a>(indicator: &'a Indicator, context: &Context<'_>) -> &'a str {
    let open = context.dossier.identity.already_open;
    let staged = if open {
        indicator.recommendation_open.as_ref()
    } else {
        indicator.recommendation_project.as_ref()
    };
    staged
        .unwrap_or(&indicator.recommendation)
        .get(context.lang)
}

/// The own revenue to add over the grant's years to reach `target` percent of all revenue:
/// the least `x` with `(own + x) / (total + x) ≥ target` (none when already reached or
/// when there is no revenue at all).
pub fn own_revenue_to_add(finances: &Finances, target: i64) -> Option<Cents> {
    let years = ..finances.grant_years;
    // In i128: amounts typed by hand may be large enough to overflow once multiplied.
    let total: i128 = finances.revenue[years]
        .iter()
        .map(|c| i128::from(c.0))
        .sum();
    let own: i128 = finances.own_revenue[years]
        .iter()
        .map(|c| i128::from(c.0))
        .sum();
    let target = i128::from(target);
    if total <= 0 || !(1..100).contains(&target) || own * 100 >= target * total {
        return None;
    }
    // Rounded up to the euro: (target × total − 100 × own) / (100 − target).
    let cents = (target * total - 100 * own + (100 - target) - 1) / (100 - target);
    i64::try_from((cents + 99) / 100 * 100).ok().map(Cents)
}

/// What to do about one indicator not met, with the dossier's own figures and the target.
fn action_text(
    indicator: &Indicator,
    evaluated: &IndicatorResult,
    context: &Context<'_>,
) -> String {
    let lang = context.lang;
    let finances = context.finances;
    let advice = recommendation(indicator, context);
    let shown = &evaluated.value_text;
    let money = |cents: Cents| Local(cents, lang).to_string();
    match indicator.measure {
        Measure::Year4SelfFunded => {
            let year = finances.after_grant_year + 1;
            match (finances.balance_after_grant, lang) {
                (None, Lang::Fr) => format!(
                    "{advice} : renseigner d'abord les charges et les recettes de l'année \
                    {year}, dont le solde est non renseigné"
                ),
                (None, Lang::En) => format!(
                    "{advice}: first fill in the costs and revenue of year {year}, whose \
                    balance is not filled in"
                ),
                (Some(balance), Lang::Fr) => {
                    let gap = money(Cents(-balance.0));
                    format!("{advice} : {} en année {year} sans l'AMI, soit +{gap} de recettes ou −{gap} de \
                        charges", money(balance))
                }
                (Some(balance), Lang::En) => {
                    let gap = money(Cents(-balance.0));
                    format!("{advice}: {} in year {year} without the AMI, so +{gap} of revenue or −{gap} of \
                        costs", money(balance))
                }
            }
        }
        Measure::OwnRevenueShare => {
            let to_add = own_revenue_to_add(finances, indicator.met_at);
            let target = Local(Percent(indicator.met_at), lang);
            match (to_add, lang) {
                (Some(add), Lang::Fr) => format!(
                    "{advice} : {shown}, pour {target} visés, soit +{} de recettes \
                    propres sur les années de la subvention",
                    money(add)
                ),
                (Some(add), Lang::En) => format!(
                    "{advice}: {shown}, for a {target} target, so +{} of own revenue over \
                    the grant's years",
                    money(add)
                ),
                (None, Lang::Fr) => format!(
                    "{advice} : remplir le budget (recettes propres et totales) pour mesurer \
                    la part visée de {target}"
                ),
                (None, Lang::En) => format!(
                    "{advice}: fill in the budget (own and total revenue) to measure the \
                    {target} target"
                ),
            }
        }
        Measure::BudgetYearsFilled => {
            let filled = filled_budget_years(finances).fold(BTreeSet::new(), distinct);
            let missing: Vec<String> = (0..BUDGET_YEARS)
                .filter(|year| !filled.contains(year))
                .map(|year| (year + 1).to_string())
                .collect();
            let years = missing.join(", ");
            match lang {
                Lang::Fr => format!("{advice} : {shown} (recettes et charges manquantes pour l'année ou les années \
                    {years})"),
                Lang::En => format!("{advice}: {shown} (revenue and costs missing for year(s) {years})"),
            }
        }
        _ if indicator.unit == Unit::YesNo => advice.to_owned(),
        _ => {
            let gap = indicator.met_at.saturating_sub(evaluated.value).max(0);
            let target = Written(indicator.unit, indicator.met_at, lang);
            let more = Written(indicator.unit, gap, lang);
            let mut text = String::with_capacity(advice.len() + shown.len() + 48);
            let _ = match lang {
                Lang::Fr => write!(
                    text,
                    "{advice} : {shown}, pour un objectif de {target}, soit {more} de plus"
                ),
                Lang::En => write!(
                    text,
                    "{advice}: {shown}, for a target of {target}, so {more} more"
                ),
            };
            text
        }
    }
}

/// Every indicator not met, with what meeting it would add to the weighted score, most
/// valuable first; ties keep the referential's order.
fn action_plan(
    referential: &Referential,
    criteria: &[CriterionResult],
    total_weight: u32,
    context: &Context<'_>,
) -> Vec<Action> {
    let mut actions = Vec::new();
    for (criterion, result) in referential.criteria.iter().zip(criteria) {
        let indicator_weights: u32 = result.indicators.iter().map(|i| i.weight).sum();
        let denominator = u64::from(total_weight) * u64::from(indicator_weights);
        for (indicator, evaluated) in criterion.indicators.iter().zip(&result.indicators) {
            if evaluated.level == Level::Met || denominator == 0 {
                continue;
            }
            // Points of the 0–100 weighted score, in hundredths: criterion share × indicator
            // share × what is not yet earned.
            let missing = u64::from(100 - evaluated.level.earned_percent());
            let gain = u64::from(criterion.weight) * u64::from(indicator.weight) * missing * 100
                / denominator;
            actions.push(Action {
                kind: ActionKind::Indicator,
                indicator_id: indicator.id.clone(),
                criterion: Some(criterion.id),
                text: action_text(indicator, evaluated, context),
                gain_hundredths: u32::try_from(gain).unwrap_or(u32::MAX),
                step: Some(indicator.step),
                section: measure_section(indicator.measure),
            });
        }
    }
    actions.sort_by_key(|action| std::cmp::Reverse(action.gain_hundredths));
    actions
}

fn completeness(dossier: &Dossier) -> Vec<Completeness> {
    let section = |section: Section, answers: &[bool]| Completeness {
        section,
        answered: u32::try_from(answers.iter().filter(|&&a| a).count()).unwrap_or(0),
        total: u32::try_from(answers.len()).unwrap_or(0),
    };
    let identity = &dossier.identity;
    let governance = &dossier.governance;
    let need = &dossier.need;
    let model = &dossier.economic_model;
    let role = &dossier.collectivite_role;
    let production = &dossier.production;
    let mut sections = vec![
        section(
            Section::Identity,
            &[
                filled(&dossier.name),
                identity.holder_kind.is_some(),
                filled(&identity.holder_name),
                identity.legal_status.is_some(),
                filled(&identity.commune),
                identity.commune_population.is_some(),
                filled(&identity.epci),
                identity.territory.is_some(),
                identity.opening_date.is_some(),
                identity.surface_m2.is_some(),
            ],
        ),
        section(
            Section::Governance,
            &[
                governance.has_statutes_or_charter,
                filled(&governance.decision_body),
                governance.decision_body_meetings_per_year > 0,
                filled(&governance.animator),
                !governance.members.is_empty(),
            ],
        ),
        section(
            Section::Partners,
            &[
                !dossier.partners.is_empty(),
                dossier.partners.iter().any(|p| p.letter_of_support),
            ],
        ),
        section(
            Section::Need,
            &[
                !need.consultations.is_empty(),
                !need.networks.is_empty(),
                !need.existing_structures.is_empty(),
                !need.unmet_needs.is_empty(),
                (need.no_tension_found && filled(&need.no_tension_how))
                    || !need.tensions.is_empty(),
                if identity.already_open {
                    need.visitors_per_year > 0
                } else {
                    need.test_weeks > 0
                },
            ],
        ),
        section(Section::Services, &[!dossier.services.is_empty()]),
        section(
            Section::EconomicModel,
            &[
                !model.prices.is_empty(),
                !model.rentable_spaces.is_empty(),
                !model.events.is_empty(),
            ],
        ),
        section(
            Section::Budget,
            &[!model.revenue.is_empty(), !model.costs.is_empty()],
        ),
        section(Section::Staff, &[!dossier.staff.is_empty()]),
        section(
            Section::Collectivite,
            &[holder_is_collectivite(dossier)
                || role.builds_networks
                || role.engineering_support
                || role.provides_premises
                || role.staged_funding
                || role.territorial_governance],
        ),
        section(Section::Investment, &[!dossier.investment.items.is_empty()]),
    ];
    if Section::Production.applies_to(dossier.variant()) {
        sections.push(section(
            Section::Production,
            &[
                production.premises_suited,
                filled(&production.premises_description),
                filled(&production.hr_strategy),
                !production.machines.is_empty(),
                production.professional_users > 0,
                production.trainings_per_year > 0,
            ],
        ));
    }
    sections
}
