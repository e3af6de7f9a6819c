//! Funding rules: who may ask which source, the AMI's bounds, and the 80 % ceiling on
//! public aid for an investment a collectivité owns (CGCT art. L1111-10). Each verdict comes
//! with its reason, in plain words, and the rule's id so the referential can cite its source.

use crate::dossier::{
    CeilingException, Dossier, FundingSource, HolderKind, InvestmentOwner, LegalStatus, Region,
    Variant,
};
use crate::finance::Finances;
use crate::referential::{Lang, RuleId};
use crate::units::{group_thousands, Cents, Percent};
use serde::Serialize;
use std::borrow::Cow;

/// The AMI grant's ceiling per year.
pub const AMI_MAX_PER_YEAR: Cents = Cents::euros(50_000);
/// The AMI grant's range over its three years.
pub const AMI_MIN_TOTAL: Cents = Cents::euros(75_000);
pub const AMI_MAX_TOTAL: Cents = Cents::euros(150_000);

/// Whether a source can fund the project.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Eligibility {
    Eligible,
    NotEligible,
    /// The rule depends on facts the dossier does not give, or on local rules.
    ToCheck,
}

/// One source's eligibility, and why.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct SourceEligibility {
    pub source: FundingSource,
    pub eligibility: Eligibility,
    /// What the dossier asks of this source (investment plan; operating budget for the AMI).
    pub requested: Cents,
    pub reason: Cow<'static, str>,
    pub rule: RuleId,
}

/// The 80 % ceiling on public aid for a collectivité-owned investment.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case", tag = "status")]
pub enum CeilingCheck {
    /// No investment is owned by a collectivité: the rule does not apply.
    NotApplicable,
    /// The rule does not apply to this operation or territory.
    Exempt { reason: String },
    /// Public aid stays within 80 % of the public financing.
    Respected { public_aid_share: Percent },
    /// Public aid goes over: the owner must bring more of its own money.
    Exceeded {
        public_aid_share: Percent,
        /// How much more the owner must bring itself to reach 20 %.
        missing_own_share: Cents,
    },
}

/// The AMI grant in the operating budget, against the programme's bounds.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct AmiBounds {
    pub per_year: [Cents; 3],
    pub total: Cents,
    pub within_yearly_cap: bool,
    pub within_total_range: bool,
    /// The budget shows an AMI grant in year 4, after the programme's three years.
    pub grant_after_year_3: bool,
}

/// Everything about funding.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct FundingReport {
    pub sources: Vec<SourceEligibility>,
    pub ceiling: CeilingCheck,
    pub ami_bounds: AmiBounds,
    /// The investment plan asks the AMI for money, which funds operating costs only.
    pub ami_asked_for_investment: bool,
}

/// A reason in the caller's language.
fn say(lang: Lang, fr: &'static str, en: &'static str) -> Cow<'static, str> {
    Cow::Borrowed(match lang {
        Lang::Fr => fr,
        Lang::En => en,
    })
}

/// Checks the funding of a dossier, with reasons in `lang`.
pub fn funding(dossier: &Dossier, finances: &Finances, lang: Lang) -> FundingReport {
    let requested = |source: FundingSource| -> Cents {
        dossier
            .investment
            .items
            .iter()
            .flat_map(|item| &item.funding)
            .filter(|request| request.source == source)
            .map(|request| request.amount)
            .sum()
    };
    let ami_asked_for_investment = requested(FundingSource::Ami).0 > 0;
    let ami_total: Cents = finances.ami_grant[..3].iter().copied().sum();
    let sources = FundingSource::ALL
        .into_iter()
        .filter(|source| !matches!(source, FundingSource::Own | FundingSource::Private))
        .map(|source| {
            let (eligibility, reason, rule) = match source {
                FundingSource::Ami => ami_eligibility(dossier, lang),
                FundingSource::Detr => detr_eligibility(dossier, lang),
                FundingSource::Dsil => dsil_eligibility(dossier, lang),
                FundingSource::AnruAmundi => anru_eligibility(dossier, lang),
                FundingSource::ActionLogement => (
                    Eligibility::ToCheck,
                    say(lang, "Règles d'éligibilité non publiées : à vérifier auprès d'Action Logement.", "Eligibility rules not published: check with Action Logement."),
                    RuleId::ActionLogement,
                ),
                FundingSource::Region => (
                    Eligibility::ToCheck,
                    say(lang, "Chaque région a ses règles (taux, plafonds, ancienneté du lieu) : à vérifier auprès de la vôtre.", "Each region has its own rules (rates, caps, age of the place): check with yours."),
                    RuleId::Region,
                ),
                FundingSource::Departement | FundingSource::Own | FundingSource::Private => (
                    Eligibility::ToCheck,
                    say(lang, "Chaque département a ses règles : à vérifier auprès du vôtre.", "Each département has its own rules: check with yours."),
                    RuleId::Departement,
                ),
            };
            let requested = if source == FundingSource::Ami {
                ami_total + requested(source)
            } else {
                requested(source)
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
    FundingReport {
        sources,
        ceiling: ceiling_check(dossier, lang),
        ami_bounds: ami_bounds(finances),
        ami_asked_for_investment,
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
    if dossier.variant == Variant::FabriqueNumerique && !(identity.in_qpv || identity.next_to_qpv) {
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
    if holder_can_apply(dossier) {
        return (
            Eligibility::Eligible,
            say(lang, "Le porteur est une personne morale déclarée (ou un consortium avec un chef de file) : il peut candidater.", "The holder is a declared legal person (or a consortium with a lead member): it can apply."),
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
        say(lang, "L'AMI s'adresse à des personnes morales existantes : déclarez la structure, ou désignez le chef de file du consortium.", "The AMI is for existing legal persons: declare the structure, or name the consortium's lead member."),
        RuleId::AmiApplicants,
    )
}

/// Which collectivité owns the investments that would ask for DETR or DSIL.
fn collectivite_owner(dossier: &Dossier) -> Option<InvestmentOwner> {
    let owners = || dossier.investment.items.iter().map(|item| item.owner);
    owners()
        .find(|owner| *owner == InvestmentOwner::Commune)
        .or_else(|| owners().find(|owner| *owner == InvestmentOwner::Epci))
}

fn detr_eligibility(dossier: &Dossier, lang: Lang) -> Verdict {
    let identity = &dossier.identity;
    let overseas = identity.region.is_overseas();
    let rule = RuleId::Detr;
    let n = |value: u32| match lang {
        Lang::Fr => group_thousands(u64::from(value)),
        Lang::En => group_thousands(u64::from(value)).replace('\u{202f}', ","),
    };
    let fr = lang == Lang::Fr;
    match collectivite_owner(dossier) {
        None => (
            Eligibility::NotEligible,
            say(lang, "La DETR finance les investissements des communes et EPCI : aucun investissement n'est porté par une collectivité.", "DETR funds the investments of communes and EPCI: no investment is owned by a collectivité."),
            rule,
        ),
        Some(InvestmentOwner::Commune) => {
            let (small, medium): (u32, u32) = if overseas { (3_500, 35_000) } else { (2_000, 20_000) };
            let (eligibility, reason) = match (identity.commune_population, identity.potentiel_financier_percent) {
                (None, _) => (Eligibility::ToCheck, say(lang, "Indiquez la population DGF de la commune.", "Give the commune's DGF population.")),
                (Some(population), _) if population <= small => (
                    Eligibility::Eligible,
                    Cow::Owned(if fr {
                        format!("Commune de {} habitants : au plus {}, éligible.", n(population), n(small))
                    } else {
                        format!("Commune of {} inhabitants: at most {}, eligible.", n(population), n(small))
                    }),
                ),
                (Some(population), None) if population <= medium => (
                    Eligibility::ToCheck,
                    Cow::Owned(if fr {
                        format!("Commune de {} habitants : éligible si son potentiel financier par habitant est inférieur à 1,3 fois la moyenne de sa strate. Indiquez-le.", n(population))
                    } else {
                        format!("Commune of {} inhabitants: eligible if its fiscal capacity per inhabitant is below 1.3 times its size band's average. Give it.", n(population))
                    }),
                ),
                (Some(population), Some(percent)) if population <= medium && percent < 130 => (
                    Eligibility::Eligible,
                    Cow::Owned(if fr {
                        format!("Commune de {} habitants au potentiel financier de {percent} % de la moyenne de sa strate (moins de 130 %) : éligible.", n(population))
                    } else {
                        format!("Commune of {} inhabitants with a fiscal capacity of {percent} % of its band's average (under 130 %): eligible.", n(population))
                    }),
                ),
                (Some(population), Some(percent)) if population <= medium => (
                    Eligibility::NotEligible,
                    Cow::Owned(if fr {
                        format!("Commune de {} habitants au potentiel financier de {percent} % de la moyenne de sa strate (130 % ou plus) : non éligible.", n(population))
                    } else {
                        format!("Commune of {} inhabitants with a fiscal capacity of {percent} % of its band's average (130 % or more): not eligible.", n(population))
                    }),
                ),
                (Some(population), _) => (
                    Eligibility::NotEligible,
                    Cow::Owned(if fr {
                        format!("Commune de {} habitants : plus de {}, non éligible (l'EPCI peut l'être).", n(population), n(medium))
                    } else {
                        format!("Commune of {} inhabitants: more than {}, not eligible (the EPCI may be).", n(population), n(medium))
                    }),
                ),
            };
            (eligibility, reason, rule)
        }
        Some(_) => {
            let (population_cap, central_commune): (u32, u32) = if overseas { (150_000, 85_000) } else { (75_000, 20_000) };
            let (cap, central) = (n(population_cap), n(central_commune));
            let excluded = if fr {
                format!("un ensemble de plus de {cap} habitants autour d'une commune de plus de {central} habitants, d'au moins 150 habitants/km²")
            } else {
                format!("a single area of more than {cap} inhabitants around a commune of more than {central}, with at least 150 inhabitants/km²")
            };
            let (eligibility, reason) = match (identity.epci_population, identity.epci_has_large_central_commune, identity.epci_density_per_km2) {
                (Some(population), _, _) if population <= population_cap => (
                    Eligibility::Eligible,
                    if fr { format!("EPCI de {} habitants : au plus {cap}, éligible.", n(population)) } else { format!("EPCI of {} inhabitants: at most {cap}, eligible.", n(population)) },
                ),
                (_, Some(false), _) => (
                    Eligibility::Eligible,
                    if fr { format!("EPCI sans commune centre de plus de {central} habitants : éligible.") } else { format!("EPCI without a central commune of more than {central} inhabitants: eligible.") },
                ),
                (_, _, Some(density)) if density < 150 => (
                    Eligibility::Eligible,
                    if fr { format!("EPCI de densité {density} habitants/km² (moins de 150) : éligible.") } else { format!("EPCI with a density of {density} inhabitants/km² (under 150): eligible.") },
                ),
                (Some(_), Some(true), Some(_)) => (
                    Eligibility::NotEligible,
                    if fr { format!("L'EPCI forme {excluded} : non éligible.") } else { format!("The EPCI forms {excluded}: not eligible.") },
                ),
                _ => (
                    Eligibility::ToCheck,
                    if fr {
                        format!("Un EPCI est éligible sauf s'il forme {excluded}. Indiquez sa population, sa commune centre et sa densité.")
                    } else {
                        format!("An EPCI is eligible unless it forms {excluded}. Give its population, central commune and density.")
                    },
                ),
            };
            (eligibility, Cow::Owned(reason), rule)
        }
    }
}

fn dsil_eligibility(dossier: &Dossier, lang: Lang) -> Verdict {
    match collectivite_owner(dossier) {
        Some(_) => (
            Eligibility::Eligible,
            say(lang, "L'investissement est porté par une commune ou un EPCI, bénéficiaires de la DSIL ; le projet doit relever de l'une des six thématiques nationales.", "The investment is owned by a commune or an EPCI, which DSIL funds; the project must fit one of the six national themes."),
            RuleId::Dsil,
        ),
        None => (
            Eligibility::NotEligible,
            say(lang, "La DSIL finance les investissements des communes, EPCI et PETR : aucun investissement n'est porté par une collectivité.", "DSIL funds the investments of communes, EPCI and PETR: no investment is owned by a collectivité."),
            RuleId::Dsil,
        ),
    }
}

fn anru_eligibility(dossier: &Dossier, lang: Lang) -> Verdict {
    if dossier.identity.in_qpv {
        (
            Eligibility::ToCheck,
            say(lang, "Lieu en QPV : le fonds ANRU + Amundi peut entrer au capital ou racheter les murs. Ce n'est pas une subvention.", "A place in a QPV: the ANRU + Amundi fund can take equity or buy the walls. It is not a grant."),
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

fn ceiling_exemption(dossier: &Dossier, lang: Lang) -> Option<String> {
    let territory = match dossier.identity.region {
        Region::Metropole | Region::AutreOutreMer => None,
        Region::Guadeloupe => Some("Guadeloupe"),
        Region::Guyane => Some("Guyane"),
        Region::LaReunion => Some("La Réunion"),
        Region::Martinique => Some("Martinique"),
        Region::Mayotte => Some("Mayotte"),
        Region::SaintBarthelemy => Some("Saint-Barthélemy"),
        Region::SaintMartin => Some("Saint-Martin"),
        Region::SaintPierreEtMiquelon => Some("Saint-Pierre-et-Miquelon"),
    };
    if let Some(territory) = territory {
        return Some(match lang {
            Lang::Fr => format!("La règle ne s'applique pas aux collectivités de {territory}."),
            Lang::En => format!("The rule does not apply to the collectivités of {territory}."),
        });
    }
    dossier.investment.exception.map(|exception| {
        match exception {
            CeilingException::UrbanRenewal => say(lang, "Opération de rénovation urbaine (loi 2003-710, art. 9) : exception prévue par la loi.", "Urban-renewal operation (law 2003-710, art. 9): an exception set by the law."),
            CeilingException::ProtectedMonument => say(lang, "Monument protégé : dérogation possible par le préfet.", "Protected monument: the prefect may grant a derogation."),
            CeilingException::DisasterRepair => say(lang, "Réparation après une calamité : dérogation possible par le préfet.", "Repair after a disaster: the prefect may grant a derogation."),
        }
        .into_owned()
    })
}

fn ceiling_check(dossier: &Dossier, lang: Lang) -> CeilingCheck {
    let owned: Vec<_> = dossier
        .investment
        .items
        .iter()
        .filter(|item| item.owner.is_collectivite())
        .collect();
    if owned.is_empty() {
        return CeilingCheck::NotApplicable;
    }
    if let Some(reason) = ceiling_exemption(dossier, lang) {
        return CeilingCheck::Exempt { reason };
    }
    let mut public_aid = Cents::default();
    let mut own = Cents::default();
    for request in owned.iter().flat_map(|item| &item.funding) {
        if request.source.is_public_aid() {
            public_aid += request.amount;
        } else if request.source == FundingSource::Own {
            own += request.amount;
        }
    }
    // Private money is outside the calculation; so is what is not yet financed.
    let public_financing = public_aid + own;
    let Some(share) = public_financing.percent_of(public_aid) else {
        return CeilingCheck::NotApplicable;
    };
    // Exact integer test: public aid ≤ 80 % of public financing, i.e. 5 × aid ≤ 4 × total.
    if public_aid.0.saturating_mul(5) <= public_financing.0.saturating_mul(4) {
        CeilingCheck::Respected {
            public_aid_share: Percent(share),
        }
    } else {
        // Own money needed so that own ≥ aid / 4, rounded up to the cent.
        let needed_own = Cents((public_aid.0 + 3) / 4);
        CeilingCheck::Exceeded {
            public_aid_share: Percent(share),
            missing_own_share: needed_own - own,
        }
    }
}

fn ami_bounds(finances: &Finances) -> AmiBounds {
    let per_year = [
        finances.ami_grant[0],
        finances.ami_grant[1],
        finances.ami_grant[2],
    ];
    let total: Cents = per_year.iter().copied().sum();
    AmiBounds {
        per_year,
        total,
        within_yearly_cap: per_year.iter().all(|amount| *amount <= AMI_MAX_PER_YEAR),
        within_total_range: (AMI_MIN_TOTAL..=AMI_MAX_TOTAL).contains(&total),
        grant_after_year_3: finances.ami_grant[3].0 > 0,
    }
}
