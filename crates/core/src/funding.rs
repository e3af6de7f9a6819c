//! Funding rules: who may ask which source, the grant's bounds for the call the dossier
//! answers, each investment's funding plan against its cost, and the rule on cumulating
//! public aid for an investment a collectivité owns (CGCT art. L1111-10). Each verdict comes
//! with its reason, in plain words, and the rule's id so the referential can cite its
//! source. The sentences that say these results are written here once (see
//! [`ceiling_text`], [`bounds_text`], [`problem_text`]) for the app, the reports and the CLI.

use crate::calls::{Amounts, CallId, GrantUse, Words};
use crate::dossier::{
    CeilingException, Dossier, FundingSource, HolderKind, InvestmentItem, InvestmentOwner,
    LegalStatus, Region, BUDGET_YEARS,
};
use crate::finance::Finances;
use crate::label::Label;
use crate::referential::{Lang, RuleId};
use crate::units::{Cents, Local};
use serde::Serialize;
use std::borrow::Cow;

/// Whether a source can fund the project.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Eligibility {
    NotEligible,
    /// The rule depends on facts the dossier does not give, or on local rules.
    ToCheck,
    Eligible,
}

crate::labels! {
    Eligibility {
        NotEligible => "non éligible", "not eligible";
        ToCheck => "à vérifier", "to check";
        Eligible => "éligible", "eligible";
    }
}

/// One source's eligibility, and why.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct SourceEligibility {
    pub source: FundingSource,
    pub eligibility: Eligibility,
    /// What the dossier asks of this source (investment plan; for the call's grant, the
    /// operating budget's grant years too). Zero: not asked.
    pub requested: Cents,
    pub reason: Cow<'static, str>,
    pub rule: RuleId,
}

/// A share of the public financing in tenths of a percent, rounded *away from the limit*
/// it is compared with: a breach never reads as the limit itself (80.04 % is "80,1 %"),
/// and a plan that holds never reads as over it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(transparent)]
pub struct Share(pub i64);

impl Share {
    /// `part / whole` against `limit_percent`, rounded away from the limit.
    pub(crate) fn of(part: Cents, whole: Cents, limit_percent: i64) -> Share {
        if whole.0 <= 0 {
            return Share(0);
        }
        let (part, whole) = (i128::from(part.0), i128::from(whole.0));
        let exceeds = part * 100 > whole * i128::from(limit_percent);
        let tenths = if exceeds {
            (part * 1000 + whole - 1) / whole
        } else {
            part * 1000 / whole
        };
        Share(i64::try_from(tenths).unwrap_or(i64::MAX))
    }

    /// `80 %`, `80,4 %` (French) or `80.4%` (English).
    pub fn text(self, lang: Lang) -> String {
        let sign = if self.0 < 0 { "-" } else { "" };
        let (whole, tenth) = (self.0.unsigned_abs() / 10, self.0.unsigned_abs() % 10);
        match (lang, tenth) {
            (Lang::Fr, 0) => format!("{sign}{whole}\u{a0}%"),
            (Lang::Fr, _) => format!("{sign}{whole},{tenth}\u{a0}%"),
            (Lang::En, 0) => format!("{sign}{whole}%"),
            (Lang::En, _) => format!("{sign}{whole}.{tenth}%"),
        }
    }
}

/// The statutory exceptions to L1111-10: the rule does not apply at all.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case", tag = "kind", content = "region")]
pub enum Exemption {
    /// An urban-renewal operation (law 2003-710, art. 9).
    UrbanRenewal,
    /// The collectivités named by the law (Guadeloupe, Guyane, …).
    Overseas(Region),
}

/// The two amounts that make a breached plan hold without changing its cost.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct CeilingFix {
    /// The largest public aid the rule allows for this cost.
    pub max_public_aid: Cents,
    /// The smallest share the owner must bring itself.
    pub min_own_share: Cents,
    /// How much aid to give up (0 when it already fits).
    pub reduce_aid_by: Cents,
    /// How much more the owner must bring (0 when it already does).
    pub raise_own_by: Cents,
}

/// L1111-10 for one investment.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case", tag = "status")]
pub enum CeilingCheck {
    /// The owner is not a collectivité, or nothing public finances the item.
    NotApplicable,
    /// The rule does not apply to this operation or territory.
    Exempt { exemption: Exemption },
    /// The owner brings at least its minimum share of the public financing.
    Respected { share: Share, min_own_percent: u8 },
    /// Public aid goes over; the fix names the amounts that make the plan hold.
    Exceeded {
        share: Share,
        min_own_percent: u8,
        fix: CeilingFix,
    },
}

/// One investment's funding plan against its cost.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ItemCheck {
    /// Its position in the plan (0-based).
    pub index: usize,
    pub label: String,
    pub owner: InvestmentOwner,
    /// The cost entered (when none is, the sum of the lines stands for it).
    pub cost: Cents,
    /// Public aid from bodies other than the owner.
    pub public_aid: Cents,
    /// Money outside the rule: sponsorship, the ANRU + Amundi fund's equity, Action
    /// Logement.
    pub outside_rule: Cents,
    /// The owner's share: entered, or what remains of the cost.
    pub own: Cents,
    /// The owner's share was computed as what remains (no line of its own).
    pub own_computed: bool,
    /// Part of the cost no one finances yet.
    pub remaining: Cents,
    /// Financing beyond the cost.
    pub over_financed: Cents,
    pub ceiling: CeilingCheck,
    /// A derogation the préfet may grant (monument, disaster repair): the check is still
    /// shown, the derogation is not assumed.
    pub derogation_possible: Option<CeilingException>,
}

impl ItemCheck {
    /// What the plan finances: every line, and the owner's computed share.
    pub fn financed(&self) -> Cents {
        self.public_aid + self.outside_rule + self.own
    }
}

/// A grant amount outside what the call allows, or in the wrong budget.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case", tag = "kind")]
pub enum BoundsIssue {
    BelowMinimum {
        total: Cents,
        min: Cents,
    },
    AboveMaximum {
        total: Cents,
        max: Cents,
    },
    /// A year over the yearly cap (beyond the extra a call may add).
    AboveYearlyCap {
        year: usize,
        amount: Cents,
        cap: Cents,
    },
    /// A flat grant budgeted at another amount or over several years.
    NotFlat {
        total: Cents,
        flat: Cents,
    },
    /// Grant budgeted after the call's years.
    AfterTheGrant {
        amount: Cents,
    },
    /// An operating grant asked in the investment plan.
    OperatingGrantInInvestment {
        amount: Cents,
    },
    /// An investment grant shown in the operating budget.
    InvestmentGrantInOperating {
        amount: Cents,
    },
}

/// The grant in the dossier, against the call's amounts.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct AmiBounds {
    pub call: CallId,
    /// The grant line of the operating budget, per year.
    pub per_year: [Cents; BUDGET_YEARS],
    /// Over the call's years (operating), or asked in the investment plan (investment).
    pub total: Cents,
    /// Nothing asked of the call yet.
    pub not_entered: bool,
    /// How much of the numérique's extra funding the budget uses.
    pub extra_used: Cents,
    pub issues: Vec<BoundsIssue>,
}

impl AmiBounds {
    /// The grant fits the call (or nothing is asked yet).
    pub fn holds(&self) -> bool {
        self.issues.is_empty()
    }
}

/// A funding problem the action plan puts before score gains.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case", tag = "kind")]
pub enum FundingProblem {
    CeilingExceeded {
        item: usize,
        label: String,
        min_own_percent: u8,
        fix: CeilingFix,
    },
    NotFullyFinanced {
        item: usize,
        label: String,
        remaining: Cents,
    },
    OverFinanced {
        item: usize,
        label: String,
        over: Cents,
    },
    Bounds(BoundsIssue),
    IneligibleRequest {
        source: FundingSource,
        requested: Cents,
    },
}

/// Everything about funding.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct FundingReport {
    pub call: CallId,
    /// Every source but the owner's own money and private money, asked or not.
    pub sources: Vec<SourceEligibility>,
    /// Each investment's plan, in the plan's order.
    pub items: Vec<ItemCheck>,
    pub ami_bounds: AmiBounds,
    /// What must be fixed, most serious first.
    pub problems: Vec<FundingProblem>,
}

impl FundingReport {
    /// The sources the dossier asks money of.
    pub fn asked(&self) -> impl Iterator<Item = &SourceEligibility> {
        self.sources.iter().filter(|s| s.requested.0 > 0)
    }

    /// The sources the dossier does not ask (yet).
    pub fn not_asked(&self) -> impl Iterator<Item = &SourceEligibility> {
        self.sources.iter().filter(|s| s.requested.0 <= 0)
    }

    /// The total cost of the investment plan, what is financed, what remains.
    pub fn totals(&self) -> InvestmentTotals {
        let mut totals = InvestmentTotals::default();
        for item in &self.items {
            totals.cost += item.cost;
            totals.financed += item.financed();
            totals.remaining += item.remaining;
            totals.over_financed += item.over_financed;
        }
        totals
    }
}

/// The investment plan's totals.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct InvestmentTotals {
    pub cost: Cents,
    pub financed: Cents,
    pub remaining: Cents,
    pub over_financed: Cents,
}

/// A reason in the caller's language.
fn say(lang: Lang, fr: &'static str, en: &'static str) -> Cow<'static, str> {
    Cow::Borrowed(match lang {
        Lang::Fr => fr,
        Lang::En => en,
    })
}

/// A count written in the caller's language (`18 000`, `18,000`).
pub(crate) fn n(value: u32, lang: Lang) -> String {
    Local(i64::from(value), lang).to_string()
}

/// Checks the funding of a dossier, with reasons in `lang`.
pub fn funding(dossier: &Dossier, finances: &Finances, lang: Lang) -> FundingReport {
    let requested_in_plan = |source: FundingSource| -> Cents {
        dossier
            .investment
            .items
            .iter()
            .flat_map(|item| &item.funding)
            .filter(|request| request.source == source)
            .map(|request| request.amount)
            .sum()
    };
    let call = dossier.call.call();
    let bounds = ami_bounds(dossier, finances);
    let sources: Vec<SourceEligibility> = FundingSource::ALL
        .iter()
        .copied()
        .filter(|source| !matches!(source, FundingSource::Own | FundingSource::Private))
        .map(|source| {
            let (eligibility, reason, rule) = match source {
                FundingSource::Ami => ami_eligibility(dossier, lang),
                FundingSource::Detr => detr_eligibility(dossier, lang),
                FundingSource::Dsil => dsil_eligibility(dossier, lang),
                FundingSource::AnruAmundi => anru_eligibility(dossier, lang),
                FundingSource::ActionLogement => (
                    Eligibility::ToCheck,
                    say(lang, "Règles d'éligibilité non publiées : à vérifier auprès d'Action \
                        Logement.", "Eligibility rules not published: check with Action Logement."),
                    RuleId::ActionLogement,
                ),
                FundingSource::Region => (
                    Eligibility::ToCheck,
                    say(lang, "Chaque région a ses règles (taux, plafonds, ancienneté du lieu) : à vérifier auprès de \
                        la vôtre.", "Each region has its own rules (rates, caps, age of the place): check with yours."),
                    RuleId::Region,
                ),
                FundingSource::Departement
                | FundingSource::Commune
                | FundingSource::Epci
                | FundingSource::Own
                | FundingSource::Private => (
                    Eligibility::ToCheck,
                    say(lang, "Chaque collectivité fixe ses aides : à vérifier auprès \
                        d'elle.", "Each local authority sets its own aid: check with it."),
                    RuleId::Departement,
                ),
            };
            let requested = if source == FundingSource::Ami {
                match call.funds {
                    GrantUse::Operating => bounds.total + requested_in_plan(source),
                    GrantUse::Investment => requested_in_plan(source) + finances.ami_grant.iter().copied().sum(),
                }
            } else {
                requested_in_plan(source)
            };
            SourceEligibility {
                source,
                eligibility,
                requested,
                reason,
                rule,
            }
        })
        .collect();
    let items: Vec<ItemCheck> = dossier
        .investment
        .items
        .iter()
        .enumerate()
        .map(|(index, item)| item_check(dossier, index, item))
        .collect();
    let mut problems = Vec::new();
    for item in &items {
        if let CeilingCheck::Exceeded {
            min_own_percent,
            fix,
            ..
        } = &item.ceiling
        {
            problems.push(FundingProblem::CeilingExceeded {
                item: item.index,
                label: item.label.clone(),
                min_own_percent: *min_own_percent,
                fix: *fix,
            });
        }
    }
    problems.extend(bounds.issues.iter().copied().map(FundingProblem::Bounds));
    for item in &items {
        if item.remaining.0 > 0 {
            problems.push(FundingProblem::NotFullyFinanced {
                item: item.index,
                label: item.label.clone(),
                remaining: item.remaining,
            });
        }
        if item.over_financed.0 > 0 {
            problems.push(FundingProblem::OverFinanced {
                item: item.index,
                label: item.label.clone(),
                over: item.over_financed,
            });
        }
    }
    for source in &sources {
        if source.eligibility == Eligibility::NotEligible && source.requested.0 > 0 {
            problems.push(FundingProblem::IneligibleRequest {
                source: source.source,
                requested: source.requested,
            });
        }
    }
    FundingReport {
        call: dossier.call,
        sources,
        items,
        ami_bounds: bounds,
        problems,
    }
}

/// The holder can apply: a legal person exists, or a consortium has a lead member.
pub fn holder_can_apply(dossier: &Dossier) -> bool {
    let identity = &dossier.identity;
    identity.legal_status == Some(LegalStatus::Declared)
        || (identity.holder_kind == Some(HolderKind::Consortium)
            && !identity.lead_member.trim().is_empty())
}

type Verdict = (Eligibility, Cow<'static, str>, RuleId);

fn ami_eligibility(dossier: &Dossier, lang: Lang) -> Verdict {
    let identity = &dossier.identity;
    if dossier.call == CallId::Ami2019Numerique && !(identity.in_qpv || identity.next_to_qpv) {
        return (
            Eligibility::NotEligible,
            say(
                lang,
                "Une Fabrique numérique de territoire doit être en QPV ou à proximité immédiate.",
                "A Fabrique numérique de territoire must be in or right beside a QPV.",
            ),
            RuleId::NumeriqueQpv,
        );
    }
    if dossier.call == CallId::Edition2023 {
        match identity.sous_prefecture_without_fabrique {
            Some(false) => return (
                Eligibility::NotEligible,
                say(lang, "L'édition 2023 était réservée aux 144 territoires de sous-préfecture sans \
                    Fabrique.", "The 2023 edition was only for the 144 sous-préfecture territories without a \
                    Fabrique."),
                RuleId::AmiApplicants,
            ),
            None => return (
                Eligibility::ToCheck,
                say(lang, "L'édition 2023 était réservée aux 144 territoires de sous-préfecture sans Fabrique : \
                    indiquez si le vôtre en est \
                    un.", "The 2023 edition was only for the 144 sous-préfecture territories without a Fabrique: say \
                    whether yours is one."),
                RuleId::AmiApplicants,
            ),
            Some(true) => {}
        }
    }
    if dossier.call == CallId::ManufactureProximite {
        let production = &dossier.production;
        let shown = production.premises_suited && !production.hr_strategy.trim().is_empty();
        return if identity.legal_status == Some(LegalStatus::Declared) && shown {
            (
                Eligibility::Eligible,
                say(lang, "Structure juridique déclarée, locaux adaptés à l'activité et stratégie RH décrite : les \
                    trois conditions de l'appel sont dans le \
                    dossier.", "Declared legal structure, premises suited to the activity and an HR strategy \
                    described: the call's three conditions are in the dossier."),
                RuleId::ManufactureEligibility,
            )
        } else if identity.legal_status == Some(LegalStatus::Declared) {
            (
                Eligibility::ToCheck,
                say(lang, "Structure juridique déclarée : oui. Le local adapté à l'activité et la stratégie RH \
                    concrète, que l'appel exige aussi, sont à montrer dans le dossier (section « Atelier de production \
                    »).", "Declared legal structure: yes. Premises suited to the activity and a concrete HR strategy, \
                    which the call also requires, are for the dossier to show (section “Production workshop”)."),
                RuleId::ManufactureEligibility,
            )
        } else {
            (
                Eligibility::NotEligible,
                say(
                    lang,
                    "Les Manufactures de proximité demandent une structure juridique déclarée.",
                    "The Manufactures de proximité require a declared legal structure.",
                ),
                RuleId::AmiApplicants,
            )
        };
    }
    if holder_can_apply(dossier) {
        return (
            Eligibility::Eligible,
            say(lang, "Le porteur est une personne morale déclarée (ou un consortium avec un chef de file) : il peut \
                candidater.", "The holder is a declared legal person (or a consortium with a lead member): it can \
                apply."),
            RuleId::AmiApplicants,
        );
    }
    if identity.holder_kind.is_none() && identity.legal_status.is_none() {
        return (
            Eligibility::ToCheck,
            say(
                lang,
                "Précisez le porteur et sa structure juridique.",
                "State the holder and its legal structure.",
            ),
            RuleId::AmiApplicants,
        );
    }
    (
        Eligibility::NotEligible,
        say(lang, "L'AMI s'adresse à des personnes morales existantes : déclarez la structure, ou désignez le chef de \
            file du consortium.", "The AMI is for existing legal persons: declare the structure, or name the \
            consortium's lead member."),
        RuleId::AmiApplicants,
    )
}

/// The owners a rule about `source` concerns: those whose items ask it, else every
/// owner of the plan (the answer to "could we ask it?").
fn owners_for(dossier: &Dossier, source: FundingSource) -> Vec<InvestmentOwner> {
    let items = &dossier.investment.items;
    let asking: Vec<InvestmentOwner> = items
        .iter()
        .filter(|item| item.funding.iter().any(|r| r.source == source))
        .map(|item| item.owner)
        .collect();
    let mut owners = if asking.is_empty() {
        items.iter().map(|item| item.owner).collect()
    } else {
        asking
    };
    owners.sort_unstable_by_key(|owner| InvestmentOwner::ALL.iter().position(|o| o == owner));
    owners.dedup();
    owners
}

/// The least favourable verdict of several owners (the first on a tie), or `none` when
/// there is no owner at all.
fn worst(verdicts: impl Iterator<Item = Verdict>, none: Verdict) -> Verdict {
    verdicts
        .reduce(|worst, next| if next.0 < worst.0 { next } else { worst })
        .unwrap_or(none)
}

fn detr_eligibility(dossier: &Dossier, lang: Lang) -> Verdict {
    let none = (
        Eligibility::NotEligible,
        say(lang, "La DETR finance les investissements des communes, des EPCI et de certains syndicats : aucun \
            investissement n'est \
            inscrit.", "DETR funds the investments of communes, EPCI and some syndicats: no investment is entered."),
        RuleId::Detr,
    );
    worst(
        owners_for(dossier, FundingSource::Detr)
            .into_iter()
            .map(|owner| detr_for(dossier, owner, lang)),
        none,
    )
}

fn detr_for(dossier: &Dossier, owner: InvestmentOwner, lang: Lang) -> Verdict {
    let identity = &dossier.identity;
    let region = identity.region;
    let rule = RuleId::Detr;
    let fr = lang == Lang::Fr;
    let unknown_overseas = region.is_overseas() && !region.is_drom();
    let (eligibility, reason): (Eligibility, Cow<'static, str>) = match owner {
        InvestmentOwner::Holder if owner.is_collectivite(identity.holder_kind) => (
            Eligibility::ToCheck,
            say(lang, "Le porteur est une collectivité : choisissez comme maître d'ouvrage la commune, l'EPCI ou le \
                syndicat qu'il est, pour que la règle de la DETR \
                s'applique.", "The holder is a local authority: choose as owner the commune, EPCI or syndicat it is, \
                so that the DETR rule applies."),
        ),
        InvestmentOwner::Holder | InvestmentOwner::Petr | InvestmentOwner::Departement | InvestmentOwner::Region => (
            Eligibility::NotEligible,
            say(lang, "La DETR finance les investissements des communes, des EPCI et de certains syndicats, pas ceux \
                de ce maître \
                d'ouvrage.", "DETR funds the investments of communes, EPCI and some syndicats, not this owner's."),
        ),
        _ if unknown_overseas => (
            Eligibility::ToCheck,
            say(lang, "Collectivité d'outre-mer hors départements et régions d'outre-mer : la source ne donne pas la \
                règle de la DETR ; à vérifier auprès de la \
                préfecture.", "An overseas collectivité outside the overseas départements and régions: the source does \
                not give the DETR rule; check with the préfecture."),
        ),
        InvestmentOwner::Syndicat => match identity.syndicat_population {
            _ if region.is_overseas() => (
                Eligibility::ToCheck,
                say(lang, "Syndicat d'outre-mer : la source ne donne le seuil de 60 000 habitants que pour la \
                    métropole ; à \
                    vérifier.", "An overseas syndicat: the source gives the 60,000-inhabitant threshold for \
                    metropolitan France only; to check."),
            ),
            None => (
                Eligibility::ToCheck,
                say(lang, "Certains syndicats de 60 000 habitants au plus sont éligibles : indiquez la population du \
                    syndicat.", "Some syndicats of at most 60,000 inhabitants are eligible: give the syndicat's \
                    population."),
            ),
            Some(population) if population <= 60_000 => (
                Eligibility::Eligible,
                Cow::Owned(if fr {
                    format!("Syndicat de {} habitants : au plus 60\u{202f}000, éligible.", n(population, lang))
                } else {
                    format!("Syndicat of {} inhabitants: at most 60,000, eligible.", n(population, lang))
                }),
            ),
            Some(population) => (
                Eligibility::NotEligible,
                Cow::Owned(if fr {
                    format!("Syndicat de {} habitants : plus de 60\u{202f}000, non éligible.", n(population, lang))
                } else {
                    format!("Syndicat of {} inhabitants: more than 60,000, not eligible.", n(population, lang))
                }),
            ),
        },
        InvestmentOwner::Commune => {
            let (small, medium) = commune_detr_thresholds(region).unwrap_or((2_000, 20_000));
            match (identity.commune_population, identity.potentiel_financier_percent) {
                (None, _) => (Eligibility::ToCheck, say(lang, "Indiquez la population DGF de la \
                    commune.", "Give the commune's DGF population.")),
                (Some(population), _) if population <= small => (
                    Eligibility::Eligible,
                    Cow::Owned(if fr {
                        format!("Commune de {} habitants : au plus {}, éligible.", n(population, lang), n(small, lang))
                    } else {
                        format!("Commune of {} inhabitants: at most {}, eligible.", n(population, lang), n(small, lang))
                    }),
                ),
                (Some(population), None) if population <= medium => (
                    Eligibility::ToCheck,
                    Cow::Owned(if fr {
                        format!("Commune de {} habitants : éligible si son potentiel financier par habitant est \
                            inférieur à 1,3 fois la moyenne de sa strate. Indiquez-le.", n(population, lang))
                    } else {
                        format!("Commune of {} inhabitants: eligible if its fiscal capacity per inhabitant is below \
                            1.3 times its size band's average. Give it.", n(population, lang))
                    }),
                ),
                (Some(population), Some(percent)) if population <= medium && percent < 130 => (
                    Eligibility::Eligible,
                    Cow::Owned(if fr {
                        format!("Commune de {} habitants au potentiel financier de {percent}\u{a0}% de la moyenne de \
                            sa strate (moins de 130\u{a0}%) : éligible.", n(population, lang))
                    } else {
                        format!("Commune of {} inhabitants with a fiscal capacity of {percent}% of its band's average \
                            (under 130%): eligible.", n(population, lang))
                    }),
                ),
                (Some(population), Some(percent)) if population <= medium => (
                    Eligibility::NotEligible,
                    Cow::Owned(if fr {
                        format!("Commune de {} habitants au potentiel financier de {percent}\u{a0}% de la moyenne de \
                            sa strate (130\u{a0}% ou plus) : non éligible.", n(population, lang))
                    } else {
                        format!("Commune of {} inhabitants with a fiscal capacity of {percent}% of its band's average \
                            (130% or more): not eligible.", n(population, lang))
                    }),
                ),
                (Some(population), _) => (
                    Eligibility::NotEligible,
                    Cow::Owned(if fr {
                        format!("Commune de {} habitants : plus de {}, non éligible (l'EPCI peut \
                            l'être).", n(population, lang), n(medium, lang))
                    } else {
                        format!("Commune of {} inhabitants: more than {}, not eligible (the EPCI may \
                            be).", n(population, lang), n(medium, lang))
                    }),
                ),
            }
        }
        InvestmentOwner::Epci => {
            let (population_cap, central_commune) = epci_detr_thresholds(region);
            let (cap, central) = (n(population_cap, lang), n(central_commune, lang));
            let excluded = if fr {
                format!("un ensemble de plus de {cap} habitants autour d'une commune de plus de {central} habitants, \
                    d'au moins 150 habitants/km²")
            } else {
                format!("a single area of more than {cap} inhabitants around a commune of more than {central}, with at \
                    least 150 inhabitants/km²")
            };
            let (eligibility, reason) = match (
                identity.epci_population,
                identity.epci_has_large_central_commune,
                identity.epci_density_per_km2,
            ) {
                (Some(population), _, _) if population <= population_cap => (
                    Eligibility::Eligible,
                    if fr { format!("EPCI de {} habitants : au plus {cap}, \
                        éligible.", n(population, lang)) } else { format!("EPCI of {} inhabitants: at most {cap}, \
                        eligible.", n(population, lang)) },
                ),
                (_, Some(false), _) => (
                    Eligibility::Eligible,
                    if fr { format!("EPCI sans commune centre de plus de {central} habitants : \
                        éligible.") } else { format!("EPCI without a central commune of more than {central} \
                        inhabitants: eligible.") },
                ),
                (_, _, Some(density)) if density < 150 => (
                    Eligibility::Eligible,
                    if fr { format!("EPCI de densité {density} habitants/km² (moins de 150) : \
                        éligible.") } else { format!("EPCI with a density of {density} inhabitants/km² (under 150): \
                        eligible.") },
                ),
                (Some(_), Some(true), Some(_)) => (
                    Eligibility::NotEligible,
                    if fr { format!("L'EPCI forme {excluded} : non \
                        éligible.") } else { format!("The EPCI forms {excluded}: not eligible.") },
                ),
                _ => (
                    Eligibility::ToCheck,
                    if fr {
                        format!("Un EPCI est éligible sauf s'il forme {excluded}. Indiquez sa population, sa commune \
                            centre et sa densité.")
                    } else {
                        format!("An EPCI is eligible unless it forms {excluded}. Give its population, central commune \
                            and density.")
                    },
                ),
            };
            (eligibility, Cow::Owned(reason))
        }
    };
    (eligibility, reason, rule)
}

/// The DETR's population thresholds for a commune (CGCT art. L2334-33): at most the first
/// is eligible, up to the second depends on the potentiel financier. Overseas thresholds
/// apply in the DROM; for the COM the source gives none.
pub fn commune_detr_thresholds(region: Region) -> Option<(u32, u32)> {
    if region == Region::Metropole {
        Some((2_000, 20_000))
    } else if region.is_drom() {
        Some((3_500, 35_000))
    } else {
        None
    }
}

/// The DETR's thresholds for an EPCI (CGCT art. L2334-33): at most the first population it
/// is eligible; above, it is not only if it forms one area around a commune of more than
/// the second, with a density of at least 150 inhabitants/km².
pub fn epci_detr_thresholds(region: Region) -> (u32, u32) {
    if region.is_overseas() {
        (150_000, 85_000)
    } else {
        (75_000, 20_000)
    }
}

fn dsil_eligibility(dossier: &Dossier, lang: Lang) -> Verdict {
    let none = (
        Eligibility::NotEligible,
        say(lang, "La DSIL finance les investissements des communes, EPCI et PETR : aucun investissement n'est \
            inscrit.", "DSIL funds the investments of communes, EPCI and PETR: no investment is entered."),
        RuleId::Dsil,
    );
    worst(
        owners_for(dossier, FundingSource::Dsil)
            .into_iter()
            .map(|owner| dsil_for(dossier, owner, lang)),
        none,
    )
}

fn dsil_for(dossier: &Dossier, owner: InvestmentOwner, lang: Lang) -> Verdict {
    let identity = &dossier.identity;
    let themes = &dossier.investment.dsil_themes;
    let verdict = |eligibility, reason| (eligibility, reason, RuleId::Dsil);
    match owner {
        InvestmentOwner::Holder if owner.is_collectivite(identity.holder_kind) => verdict(
            Eligibility::ToCheck,
            say(lang, "Le porteur est une collectivité : choisissez comme maître d'ouvrage la commune, l'EPCI ou le \
                PETR qu'il est.", "The holder is a local authority: choose as owner the commune, EPCI or PETR it is."),
        ),
        InvestmentOwner::Commune | InvestmentOwner::Epci | InvestmentOwner::Petr => {
            if identity.region.is_overseas() && !identity.region.is_drom() {
                verdict(
                    Eligibility::NotEligible,
                    say(lang, "La DSIL vaut en métropole et dans les départements et régions d'outre-mer (art. 73 de \
                        la Constitution).", "DSIL applies in metropolitan France and the overseas départements and \
                        régions (art. 73 of the Constitution)."),
                )
            } else if themes.is_empty() {
                verdict(
                    Eligibility::ToCheck,
                    say(lang, "À vérifier : la DSIL ne finance que les projets de l'une des six thématiques nationales \
                        ou d'un contrat de ruralité. Cochez celles dont relève \
                        l'investissement.", "To check: DSIL funds only projects in one of the six national themes or a \
                        rural-development contract. Tick those the investment belongs to."),
                )
            } else {
                verdict(
                    Eligibility::Eligible,
                    say(lang, "Maître d'ouvrage bénéficiaire de la DSIL et investissement déclaré dans une thématique \
                        nationale ou un contrat de ruralité : éligible (la préfecture \
                        sélectionne).", "An owner DSIL funds and an investment declared in a national theme or a \
                        rural-development contract: eligible (the préfecture selects)."),
                )
            }
        }
        InvestmentOwner::Holder
        | InvestmentOwner::Syndicat
        | InvestmentOwner::Departement
        | InvestmentOwner::Region => verdict(
            Eligibility::NotEligible,
            say(lang, "La DSIL finance les investissements des communes, EPCI et PETR, pas ceux de ce maître \
                d'ouvrage.", "DSIL funds the investments of communes, EPCI and PETR, not this owner's."),
        ),
    }
}

fn anru_eligibility(dossier: &Dossier, lang: Lang) -> Verdict {
    if dossier.identity.in_qpv {
        (
            Eligibility::ToCheck,
            say(lang, "Lieu en QPV : le fonds ANRU + Amundi peut entrer au capital ou racheter les murs. Ce n'est pas \
                une subvention.", "A place in a QPV: the ANRU + Amundi fund can take equity or buy the walls. It is \
                not a grant."),
            RuleId::AnruAmundi,
        )
    } else {
        (
            Eligibility::NotEligible,
            say(
                lang,
                "Le fonds tiers-lieux ANRU + Amundi vise les lieux situés en QPV.",
                "The ANRU + Amundi tiers-lieux fund is for places in a QPV.",
            ),
            RuleId::AnruAmundi,
        )
    }
}

/// Whether a source counts as public aid in the L1111-10 calculation, and why, in words.
pub fn public_aid_note(source: FundingSource) -> Words {
    match source {
        FundingSource::Ami | FundingSource::Detr | FundingSource::Dsil => Words {
            fr: "aide publique de l'État : comptée dans les aides publiques",
            en: "State aid: counted as public aid",
        },
        FundingSource::Region | FundingSource::Departement | FundingSource::Commune | FundingSource::Epci => Words {
            fr: "aide publique d'une collectivité : comptée dans les aides publiques, sauf si cette collectivité est \
                le maître d'ouvrage, dont c'est alors la part propre",
            en: "a local authority's aid: counted as public aid, unless that authority owns the investment, whose own \
                share it then is",
        },
        FundingSource::AnruAmundi => Words {
            fr: "prise de participation d'un fonds détenu à 51 % par Amundi, pas une subvention : hors calcul",
            en: "equity from a fund 51% owned by Amundi, not a grant: outside the calculation",
        },
        FundingSource::ActionLogement => Words {
            fr: "aucune source ne dit si elle compte comme aide publique : Fabrique la laisse hors calcul, à vérifier \
                avec la préfecture",
            en: "no source says whether it counts as public aid: Fabrique leaves it outside the calculation, to check \
                with the préfecture",
        },
        FundingSource::Own => Words {
            fr: "part propre du maître d'ouvrage",
            en: "the owner's own share",
        },
        FundingSource::Private => Words {
            fr: "mécénat et fonds privés : hors calcul",
            en: "sponsorship and private money: outside the calculation",
        },
    }
}

fn statutory_exemption(dossier: &Dossier) -> Option<Exemption> {
    let region = dossier.identity.region;
    if region.is_overseas() && region != Region::AutreOutreMer {
        return Some(Exemption::Overseas(region));
    }
    (dossier.investment.exception == Some(CeilingException::UrbanRenewal))
        .then_some(Exemption::UrbanRenewal)
}

/// The fix of a breach: the largest aid and the smallest own share for this cost, once
/// money outside the rule is set aside. Their sum with that money is the cost.
pub fn ceiling_fix(
    cost: Cents,
    outside_rule: Cents,
    public_aid: Cents,
    own: Cents,
    min_own_percent: u8,
) -> CeilingFix {
    let base = i128::from((cost - outside_rule).0.max(0));
    let aid_percent = i128::from(100 - min_own_percent.min(100));
    let max_aid = base * aid_percent / 100;
    let to_cents = |value: i128| Cents(i64::try_from(value).unwrap_or(i64::MAX));
    let max_public_aid = to_cents(max_aid);
    let min_own_share = to_cents(base - max_aid);
    CeilingFix {
        max_public_aid,
        min_own_share,
        reduce_aid_by: Cents((public_aid - max_public_aid).0.max(0)),
        raise_own_by: Cents((min_own_share - own).0.max(0)),
    }
}

/// One investment's check, by its position in the plan (what the investment form shows
/// under the item).
pub fn check_item(dossier: &Dossier, index: usize) -> Option<ItemCheck> {
    dossier
        .investment
        .items
        .get(index)
        .map(|item| item_check(dossier, index, item))
}

fn item_check(dossier: &Dossier, index: usize, item: &InvestmentItem) -> ItemCheck {
    let own_funder = item.owner.own_funder();
    let (mut public_aid, mut outside_rule, mut own_entered) = (Cents(0), Cents(0), None::<Cents>);
    for request in &item.funding {
        let amount = Cents(request.amount.0.max(0));
        if request.source == FundingSource::Own || Some(request.source) == own_funder {
            own_entered = Some(own_entered.unwrap_or_default() + amount);
        } else if request.source.is_public_aid() {
            public_aid += amount;
        } else {
            outside_rule += amount;
        }
    }
    let others = public_aid + outside_rule;
    // Without a cost, the lines stand for it.
    let cost = if item.cost.0 > 0 {
        item.cost
    } else {
        others + own_entered.unwrap_or_default()
    };
    let (own, own_computed) = match own_entered {
        Some(own) => (own, false),
        None => (Cents((cost - others).0.max(0)), true),
    };
    let financed = others + own;
    let remaining = Cents((cost - financed).0.max(0));
    let over_financed = Cents((financed - cost).0.max(0));
    let min_own_percent: u8 = if item.chef_de_file { 30 } else { 20 };
    let public_financing = public_aid + own;
    let ceiling = if !item.owner.is_collectivite(dossier.identity.holder_kind)
        || public_aid.0 == 0 && own.0 == 0
    {
        CeilingCheck::NotApplicable
    } else if let Some(exemption) = statutory_exemption(dossier) {
        CeilingCheck::Exempt { exemption }
    } else {
        let limit = 100 - i64::from(min_own_percent);
        let share = Share::of(public_aid, public_financing, limit);
        // Exact integer test: aid ≤ (100 − min) % of the public financing.
        let holds =
            i128::from(public_aid.0) * 100 <= i128::from(public_financing.0) * i128::from(limit);
        if holds {
            CeilingCheck::Respected {
                share,
                min_own_percent,
            }
        } else {
            CeilingCheck::Exceeded {
                share,
                min_own_percent,
                fix: ceiling_fix(cost, outside_rule, public_aid, own, min_own_percent),
            }
        }
    };
    let derogation_possible = match (&ceiling, dossier.investment.exception) {
        (
            CeilingCheck::Respected { .. } | CeilingCheck::Exceeded { .. },
            Some(
                exception
                @ (CeilingException::ProtectedMonument | CeilingException::DisasterRepair),
            ),
        ) => Some(exception),
        _ => None,
    };
    ItemCheck {
        index,
        label: item.label.trim().to_owned(),
        owner: item.owner,
        cost,
        public_aid,
        outside_rule,
        own,
        own_computed,
        remaining,
        over_financed,
        ceiling,
        derogation_possible,
    }
}

fn ami_bounds(dossier: &Dossier, finances: &Finances) -> AmiBounds {
    let call = dossier.call.call();
    let per_year = finances.ami_grant;
    let in_plan: Cents = dossier
        .investment
        .items
        .iter()
        .flat_map(|item| &item.funding)
        .filter(|request| request.source == FundingSource::Ami)
        .map(|request| request.amount)
        .sum();
    let mut issues = Vec::new();
    let mut extra_used = Cents(0);
    let years = call.grant_years.min(BUDGET_YEARS);
    let total = match call.funds {
        GrantUse::Investment => {
            let in_budget: Cents = per_year.iter().copied().sum();
            if in_budget.0 > 0 {
                issues.push(BoundsIssue::InvestmentGrantInOperating { amount: in_budget });
            }
            in_plan
        }
        GrantUse::Operating => {
            let total: Cents = per_year[..years].iter().copied().sum();
            let after: Cents = per_year[years..].iter().copied().sum();
            if in_plan.0 > 0 {
                issues.push(BoundsIssue::OperatingGrantInInvestment { amount: in_plan });
            }
            if total.0 > 0 {
                match call.amounts {
                    Amounts::Range {
                        min_total,
                        max_total,
                        max_per_year,
                        extra,
                    } => {
                        let extra = extra.unwrap_or_default();
                        let over_years: Cents = per_year[..years]
                            .iter()
                            .map(|amount| Cents((*amount - max_per_year).0.max(0)))
                            .sum();
                        let over_total = Cents((total - max_total).0.max(0));
                        extra_used = over_years.max(over_total).min(extra);
                        if total < min_total {
                            issues.push(BoundsIssue::BelowMinimum {
                                total,
                                min: min_total,
                            });
                        }
                        if over_total > extra {
                            issues.push(BoundsIssue::AboveMaximum {
                                total,
                                max: max_total + extra,
                            });
                        }
                        if over_years > extra {
                            for (year, amount) in per_year[..years].iter().enumerate() {
                                if *amount > max_per_year {
                                    issues.push(BoundsIssue::AboveYearlyCap {
                                        year,
                                        amount: *amount,
                                        cap: max_per_year,
                                    });
                                }
                            }
                        }
                    }
                    Amounts::Flat(flat) => {
                        if total != flat {
                            issues.push(BoundsIssue::NotFlat { total, flat });
                        }
                    }
                    Amounts::Average(_) | Amounts::NotPublished => {}
                }
            }
            if after.0 > 0 {
                issues.push(BoundsIssue::AfterTheGrant { amount: after });
            }
            total
        }
    };
    AmiBounds {
        call: dossier.call,
        per_year,
        total,
        not_entered: total.0 <= 0
            && !issues.iter().any(|i| {
                matches!(
                    i,
                    BoundsIssue::AfterTheGrant { .. }
                        | BoundsIssue::InvestmentGrantInOperating { .. }
                )
            }),
        extra_used,
        issues,
    }
}

/// An item's name in sentences: its label, else "investissement 2".
pub fn item_name(index: usize, label: &str, lang: Lang) -> String {
    let label = label.trim();
    match (label.is_empty(), lang) {
        (true, Lang::Fr) => format!("investissement {}", index + 1),
        (true, Lang::En) => format!("investment {}", index + 1),
        (false, Lang::Fr) => format!("« {label} »"),
        (false, Lang::En) => format!("“{label}”"),
    }
}

/// "colon" in each language: French puts a no-break space before it.
fn colon(lang: Lang) -> &'static str {
    match lang {
        Lang::Fr => "\u{a0}: ",
        Lang::En => ": ",
    }
}

/// One item's L1111-10 result in words, with the derogation a préfet may grant.
pub fn ceiling_text(item: &ItemCheck, lang: Lang) -> String {
    let c = colon(lang);
    let mut text = match (&item.ceiling, lang) {
        (CeilingCheck::NotApplicable, Lang::Fr) => "sans objet : le maître d'ouvrage n'est pas une collectivité, ou \
            rien de public ne finance l'investissement".to_owned(),
        (CeilingCheck::NotApplicable, Lang::En) => "not applicable: the owner is not a local authority, or nothing \
            public funds the investment".to_owned(),
        (CeilingCheck::Exempt { exemption: Exemption::UrbanRenewal }, Lang::Fr) => "exception prévue par la loi : \
            opération de rénovation urbaine (loi 2003-710, art. 9)".to_owned(),
        (CeilingCheck::Exempt { exemption: Exemption::UrbanRenewal }, Lang::En) => "an exception set by the law: \
            urban-renewal operation (law 2003-710, art. 9)".to_owned(),
        (CeilingCheck::Exempt { exemption: Exemption::Overseas(region) }, Lang::Fr) => format!("la règle ne s'applique \
            pas aux collectivités de {}", region_name(*region)),
        (CeilingCheck::Exempt { exemption: Exemption::Overseas(region) }, Lang::En) => format!("the rule does not \
            apply to the local authorities of {}", region_name(*region)),
        (CeilingCheck::Respected { share, min_own_percent }, Lang::Fr) => format!(
            "respecté{c}{} d'aides publiques, part propre {} (au moins {min_own_percent}\u{a0}% des financements \
                publics)",
            share.text(lang), Local(item.own, lang)
        ),
        (CeilingCheck::Respected { share, min_own_percent }, Lang::En) => format!(
            "respected{c}{} public aid, own share {} (at least {min_own_percent}% of the public financing)",
            share.text(lang), Local(item.own, lang)
        ),
        (CeilingCheck::Exceeded { share, min_own_percent, fix }, Lang::Fr) => format!(
            "DÉPASSÉ{c}{} d'aides publiques pour {min_own_percent}\u{a0}% de part propre au moins ; pour un coût de \
                {}, aides publiques de {} au plus et part propre de {} au moins",
            share.text(lang), Local(item.cost, lang), Local(fix.max_public_aid, lang), Local(fix.min_own_share, lang)
        ),
        (CeilingCheck::Exceeded { share, min_own_percent, fix }, Lang::En) => format!(
            "EXCEEDED{c}{} public aid where the owner must bring at least {min_own_percent}%; for a cost of {}, public \
                aid of at most {} and an own share of at least {}",
            share.text(lang), Local(item.cost, lang), Local(fix.max_public_aid, lang), Local(fix.min_own_share, lang)
        ),
    };
    if let Some(exception) = item.derogation_possible {
        text.push_str(match (exception, lang) {
            (CeilingException::ProtectedMonument, Lang::Fr) => {
                " ; monument protégé : dérogation possible, sur décision du préfet"
            }
            (CeilingException::DisasterRepair, Lang::Fr) => {
                " ; réparation après calamité : dérogation possible, sur décision du préfet"
            }
            (_, Lang::Fr) => "",
            (CeilingException::ProtectedMonument, Lang::En) => {
                "; protected monument: a derogation is possible, if the préfet decides so"
            }
            (CeilingException::DisasterRepair, Lang::En) => {
                "; disaster repair: a derogation is possible, if the préfet decides so"
            }
            (_, Lang::En) => "",
        });
    }
    text
}

/// One item's plan in words: cost, financed, the owner's share, what remains or is over.
pub fn item_plan_text(item: &ItemCheck, lang: Lang) -> String {
    let c = colon(lang);
    let own = match (item.own_computed, lang) {
        (true, Lang::Fr) => format!("part propre (ce qui reste){c}{}", Local(item.own, lang)),
        (false, Lang::Fr) => format!("part propre{c}{}", Local(item.own, lang)),
        (true, Lang::En) => format!("own share (what remains){c}{}", Local(item.own, lang)),
        (false, Lang::En) => format!("own share{c}{}", Local(item.own, lang)),
    };
    let state = if item.remaining.0 > 0 {
        match lang {
            Lang::Fr => format!("reste à financer{c}{}", Local(item.remaining, lang)),
            Lang::En => format!("still to finance{c}{}", Local(item.remaining, lang)),
        }
    } else if item.over_financed.0 > 0 {
        match lang {
            Lang::Fr => format!(
                "financé au-delà du coût{c}{}",
                Local(item.over_financed, lang)
            ),
            Lang::En => format!(
                "financed beyond its cost{c}{}",
                Local(item.over_financed, lang)
            ),
        }
    } else {
        match lang {
            Lang::Fr => "entièrement financé".to_owned(),
            Lang::En => "fully financed".to_owned(),
        }
    };
    match lang {
        Lang::Fr => format!(
            "coût {} ; aides publiques {} ; hors calcul {} ; {own} ; {state}",
            Local(item.cost, lang),
            Local(item.public_aid, lang),
            Local(item.outside_rule, lang)
        ),
        Lang::En => format!(
            "cost {}; public aid {}; outside the calculation {}; {own}; {state}",
            Local(item.cost, lang),
            Local(item.public_aid, lang),
            Local(item.outside_rule, lang)
        ),
    }
}

/// The grant against the call, in words.
pub fn bounds_text(bounds: &AmiBounds, lang: Lang) -> String {
    let call = bounds.call.call();
    let mut parts = Vec::new();
    parts.push(match (call.funds, lang) {
        (GrantUse::Operating, Lang::Fr) if call.grant_years == 1 => {
            format!(
                "{} sur 1 an au budget de fonctionnement",
                Local(bounds.total, lang)
            )
        }
        (GrantUse::Operating, Lang::Fr) => format!(
            "{} sur {} ans au budget de fonctionnement",
            Local(bounds.total, lang),
            call.grant_years
        ),
        (GrantUse::Operating, Lang::En) if call.grant_years == 1 => {
            format!(
                "{} over 1 year of the operating budget",
                Local(bounds.total, lang)
            )
        }
        (GrantUse::Operating, Lang::En) => format!(
            "{} over {} years of the operating budget",
            Local(bounds.total, lang),
            call.grant_years
        ),
        (GrantUse::Investment, Lang::Fr) => {
            format!(
                "{} demandé(s) au plan d'investissement",
                Local(bounds.total, lang)
            )
        }
        (GrantUse::Investment, Lang::En) => {
            format!("{} asked in the investment plan", Local(bounds.total, lang))
        }
    });
    if bounds.not_entered {
        parts.push(match lang {
            Lang::Fr => "aucune subvention de l'appel n'est encore inscrite".to_owned(),
            Lang::En => "no grant from the call is entered yet".to_owned(),
        });
    } else if bounds.holds() {
        parts.push(match (call.amounts, lang) {
            (
                Amounts::Range {
                    min_total,
                    max_total,
                    max_per_year,
                    ..
                },
                Lang::Fr,
            ) => format!(
                "dans les bornes de \
                l'appel ({min_total} à {max_total}, {max_per_year} par an au plus)"
            ),
            (
                Amounts::Range {
                    min_total,
                    max_total,
                    max_per_year,
                    ..
                },
                Lang::En,
            ) => format!(
                "within the call's bounds \
                ({min_total} to {max_total}, at most {max_per_year} a \
                year)",
                min_total = Local(min_total, Lang::En),
                max_total = Local(max_total, Lang::En),
                max_per_year = Local(max_per_year, Lang::En)
            ),
            (Amounts::Flat(flat), Lang::Fr) => format!("conforme au forfait de {flat}"),
            (Amounts::Flat(flat), Lang::En) => format!(
                "matches the flat grant of \
                {flat}",
                flat = Local(flat, Lang::En)
            ),
            (Amounts::Average(average), Lang::Fr) => format!(
                "montant fixé par le comité de sélection (environ \
                {average} en moyenne, pas un plafond)"
            ),
            (Amounts::Average(average), Lang::En) => format!(
                "amount set by the selection committee (about {average} \
                on average, not a cap)",
                average = Local(average, Lang::En)
            ),
            (Amounts::NotPublished, Lang::Fr) => {
                "montants de l'appel non publiés : rien à vérifier".to_owned()
            }
            (Amounts::NotPublished, Lang::En) => {
                "the call's amounts are not published: nothing to check".to_owned()
            }
        });
    }
    if bounds.extra_used.0 > 0 {
        parts.push(match lang {
            Lang::Fr => format!("dont {} au titre du financement complémentaire de la Fabrique numérique (jusqu'à \
                100\u{202f}000,00\u{a0}€, répartition annuelle non publiée)", Local(bounds.extra_used, lang)),
            Lang::En => format!("of which {} from the Fabrique numérique's extra funding (up to €100,000.00, yearly \
                spread not published)", Local(bounds.extra_used, lang)),
        });
    }
    for issue in &bounds.issues {
        parts.push(issue_text(*issue, lang));
    }
    parts.join(match lang {
        Lang::Fr => " ; ",
        Lang::En => "; ",
    })
}

fn issue_text(issue: BoundsIssue, lang: Lang) -> String {
    match (issue, lang) {
        (BoundsIssue::BelowMinimum { total, min }, Lang::Fr) => format!(
            "HORS BORNES : {total}, moins que le minimum \
            de {min}"
        ),
        (BoundsIssue::BelowMinimum { total, min }, Lang::En) => format!(
            "OUT OF BOUNDS: {total}, below the minimum of \
            {min}",
            total = Local(total, Lang::En),
            min = Local(min, Lang::En)
        ),
        (BoundsIssue::AboveMaximum { total, max }, Lang::Fr) => format!(
            "HORS BORNES : {total}, plus que le maximum de \
            {max}"
        ),
        (BoundsIssue::AboveMaximum { total, max }, Lang::En) => format!(
            "OUT OF BOUNDS: {total}, above the maximum of \
            {max}",
            total = Local(total, Lang::En),
            max = Local(max, Lang::En)
        ),
        (BoundsIssue::AboveYearlyCap { year, amount, cap }, Lang::Fr) => format!(
            "DÉPASSÉ : {amount} en année {}, pour \
            {cap} par an au plus",
            year + 1
        ),
        (BoundsIssue::AboveYearlyCap { year, amount, cap }, Lang::En) => format!(
            "EXCEEDED: {amount} in year {}, where \
            the cap is {cap} a year",
            year + 1,
            amount = Local(amount, Lang::En),
            cap = Local(cap, Lang::En)
        ),
        (BoundsIssue::NotFlat { total, flat }, Lang::Fr) => format!(
            "NON CONFORME : {total} inscrits, pour un forfait \
            de {flat} sur un an"
        ),
        (BoundsIssue::NotFlat { total, flat }, Lang::En) => format!(
            "DOES NOT MATCH: {total} entered, for a flat grant \
            of {flat} over one year",
            total = Local(total, Lang::En),
            flat = Local(flat, Lang::En)
        ),
        (BoundsIssue::AfterTheGrant { amount }, Lang::Fr) => format!(
            "ATTENTION : {amount} de subvention inscrits \
            après la durée de l'appel"
        ),
        (BoundsIssue::AfterTheGrant { amount }, Lang::En) => format!(
            "WARNING: {amount} of grant entered after the \
            call's duration",
            amount = Local(amount, Lang::En)
        ),
        (BoundsIssue::OperatingGrantInInvestment { amount }, Lang::Fr) => format!(
            "ATTENTION : {amount} demandés à \
            l'appel pour l'investissement, alors qu'il finance le fonctionnement"
        ),
        (BoundsIssue::OperatingGrantInInvestment { amount }, Lang::En) => format!(
            "WARNING: {amount} asked of the call \
            for investment, which it does not fund (operating costs only)",
            amount = Local(amount, Lang::En)
        ),
        (BoundsIssue::InvestmentGrantInOperating { amount }, Lang::Fr) => format!(
            "ATTENTION : {amount} de subvention \
            de l'appel au budget de fonctionnement, alors qu'il finance l'investissement"
        ),
        (BoundsIssue::InvestmentGrantInOperating { amount }, Lang::En) => format!(
            "WARNING: {amount} of the call's \
            grant in the operating budget, which it does not fund (investment only)",
            amount = Local(amount, Lang::En)
        ),
    }
}

/// What to do about a funding problem, with its figures.
pub fn problem_text(problem: &FundingProblem, lang: Lang) -> String {
    let c = colon(lang);
    match (problem, lang) {
        (
            FundingProblem::CeilingExceeded {
                item,
                label,
                min_own_percent,
                fix,
            },
            _,
        ) => {
            let fr = lang == Lang::Fr;
            let mut text = if fr {
                format!("Ramener les aides publiques de {} à {} au plus et porter la part propre à {} au moins (règle \
                    des {min_own_percent}\u{a0}%, CGCT art. \
                    L1111-10)",
                    item_name(*item, label, lang),
                    Local(fix.max_public_aid, lang),
                    Local(fix.min_own_share, lang),
                )
            } else {
                format!("Bring public aid for {} down to at most {} and the own share up to at least {} (the \
                    {min_own_percent}% rule, CGCT art. \
                    L1111-10)",
                    item_name(*item, label, lang),
                    Local(fix.max_public_aid, lang),
                    Local(fix.min_own_share, lang),
                )
            };
            // Only the changes the plan needs: an amount of zero is not a step.
            let mut steps = Vec::new();
            if fix.reduce_aid_by.0 > 0 {
                steps.push(if fr {
                    format!(
                        "réduire les aides de \
                    {}",
                        Local(fix.reduce_aid_by, lang)
                    )
                } else {
                    format!(
                        "reduce aid by \
                    {}",
                        Local(fix.reduce_aid_by, lang)
                    )
                });
            }
            if fix.raise_own_by.0 > 0 {
                steps.push(if fr {
                    format!(
                        "augmenter la part propre de \
                    {}",
                        Local(fix.raise_own_by, lang)
                    )
                } else {
                    format!(
                        "raise the own share by \
                    {}",
                        Local(fix.raise_own_by, lang)
                    )
                });
            }
            if !steps.is_empty() {
                text.push_str(c);
                text.push_str(&steps.join(if fr { " et " } else { " and " }));
            }
            text
        }
        (
            FundingProblem::NotFullyFinanced {
                item,
                label,
                remaining,
            },
            Lang::Fr,
        ) => format!(
            "Financer le reste de \
            {}{c}{remaining} sans financeur",
            item_name(*item, label, lang)
        ),
        (
            FundingProblem::NotFullyFinanced {
                item,
                label,
                remaining,
            },
            Lang::En,
        ) => format!(
            "Finance the rest of \
            {}{c}{remaining} with no funder",
            item_name(*item, label, lang),
            remaining = Local(remaining, Lang::En)
        ),
        (FundingProblem::OverFinanced { item, label, over }, Lang::Fr) => format!(
            "Ajuster le plan de {}{c}{over} de \
            financements au-delà du coût",
            item_name(*item, label, lang)
        ),
        (FundingProblem::OverFinanced { item, label, over }, Lang::En) => format!(
            "Adjust the plan of {}{c}{over} of \
            funding beyond its cost",
            item_name(*item, label, lang),
            over = Local(over, Lang::En)
        ),
        (FundingProblem::Bounds(issue), Lang::Fr) => format!(
            "Mettre la subvention de l'appel dans ses règles — \
            {}",
            issue_text(*issue, lang)
        ),
        (FundingProblem::Bounds(issue), Lang::En) => format!(
            "Bring the call's grant within its rules — \
            {}",
            issue_text(*issue, lang)
        ),
        (FundingProblem::IneligibleRequest { source, requested }, Lang::Fr) => format!(
            "Retirer ou réaffecter la \
            demande à {}{c}{requested} demandés à un financeur non éligible",
            source.label(lang)
        ),
        (FundingProblem::IneligibleRequest { source, requested }, Lang::En) => format!(
            "Withdraw or move the request \
            to {}{c}{requested} asked of a source the dossier is not eligible \
            for",
            source.label(lang),
            requested = Local(requested, Lang::En)
        ),
    }
}

/// A territory's name (its own, for the overseas ones).
pub fn region_name(region: Region) -> &'static str {
    match region {
        Region::Metropole => "métropole",
        Region::Guadeloupe => "Guadeloupe",
        Region::Guyane => "Guyane",
        Region::LaReunion => "La Réunion",
        Region::Martinique => "Martinique",
        Region::Mayotte => "Mayotte",
        Region::SaintBarthelemy => "Saint-Barthélemy",
        Region::SaintMartin => "Saint-Martin",
        Region::SaintPierreEtMiquelon => "Saint-Pierre-et-Miquelon",
        Region::AutreOutreMer => "outre-mer",
    }
}
