//! The calls a dossier can answer: the AMI "Fabriques de territoire" in its 2019–2021 form
//! and its Fabrique numérique variant, the 2023 edition, the 2024 wave, and the Manufacture
//! de proximité. Each call is data: what its grant funds (operating costs or investment),
//! its amounts and duration as the sources give them, who may apply, and the source. The
//! AMI's bounds, the year "after the grant" and the eligibility checks follow the call.
//!
//! What no source publishes is said so: the 2024 wave's amounts and duration are unknown,
//! and where Fabrique assumes a duration to lay out the budget, [`Call::duration_assumed`]
//! says it is Fabrique's choice.

use crate::dossier::Variant;
use crate::referential::Lang;
use crate::units::Cents;
use serde::{Deserialize, Serialize};

/// Which call a dossier answers. Dossiers written before calls were recorded answer
/// [`CallId::Ami2019`] (or its numérique variant): the only call Fabrique knew then.
#[derive(
    Debug, Clone, Copy, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize,
)]
#[serde(rename_all = "snake_case")]
pub enum CallId {
    /// The AMI "Fabriques de territoire", quarterly waves of 2019–2021.
    #[default]
    Ami2019,
    /// The same AMI, for a Fabrique numérique de territoire (in or beside a QPV).
    Ami2019Numerique,
    /// The 2023 edition: sous-préfecture territories without a Fabrique, a flat grant.
    Edition2023,
    /// The 2024 wave (10th): new Fabriques and renewals of the label.
    Vague2024,
    /// The Manufacture de proximité AMI: an investment grant for shared production tools.
    ManufactureProximite,
}

impl CallId {
    /// Every call, in the order a list offers them.
    pub const ALL: [CallId; 5] = [
        CallId::Ami2019,
        CallId::Ami2019Numerique,
        CallId::Edition2023,
        CallId::Vague2024,
        CallId::ManufactureProximite,
    ];

    /// The call's description.
    pub fn call(self) -> &'static Call {
        match self {
            CallId::Ami2019 => &AMI_2019,
            CallId::Ami2019Numerique => &AMI_2019_NUMERIQUE,
            CallId::Edition2023 => &EDITION_2023,
            CallId::Vague2024 => &VAGUE_2024,
            CallId::ManufactureProximite => &MANUFACTURE,
        }
    }

    /// The label applied for, which selects the referential the dossier is evaluated with.
    pub fn variant(self) -> Variant {
        match self {
            CallId::Ami2019Numerique => Variant::FabriqueNumerique,
            CallId::Ami2019 | CallId::Edition2023 | CallId::Vague2024 => {
                Variant::FabriqueDeTerritoire
            }
            CallId::ManufactureProximite => Variant::ManufactureDeProximite,
        }
    }
}

/// A text in both languages, written in the code.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Words {
    pub fr: &'static str,
    pub en: &'static str,
}

impl Words {
    /// The text in `lang`.
    pub fn get(self, lang: Lang) -> &'static str {
        match lang {
            Lang::Fr => self.fr,
            Lang::En => self.en,
        }
    }
}

/// What a call's grant pays for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum GrantUse {
    /// Operating costs: the grant is a line of the operating budget.
    Operating,
    /// Investment: the grant is a funder of the investment plan.
    Investment,
}

/// The amounts a call's grant can take, as its sources state them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case", tag = "kind")]
pub enum Amounts {
    /// A range over the grant's years, with a yearly cap; `extra` is a further amount some
    /// projects may receive, with no yearly spread published.
    Range {
        min_total: Cents,
        max_total: Cents,
        max_per_year: Cents,
        extra: Option<Cents>,
    },
    /// One amount, the same for every laureate.
    Flat(Cents),
    /// An average reported by the sources, which is not a cap.
    Average(Cents),
    /// No amount published.
    NotPublished,
}

/// One call, as data.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Call {
    pub id: CallId,
    pub name: Words,
    pub funds: GrantUse,
    pub amounts: Amounts,
    /// The years of the operating budget the grant covers (an investment grant: 0).
    pub grant_years: usize,
    /// The duration is Fabrique's assumption, no source gives it.
    pub duration_assumed: bool,
    /// Who may apply, in words.
    pub applicants: Words,
    /// What else the call asks or offers, in words.
    pub notes: Words,
    /// Where the facts come from.
    pub source: Words,
}

impl Call {
    /// The budget year (0-based) right after the grant, which shows whether the place
    /// stands on its own; `None` when the grant is not in the operating budget or when the
    /// budget's four years do not reach past it.
    pub fn year_after_grant(&self) -> Option<usize> {
        (self.funds == GrantUse::Operating && self.grant_years < crate::dossier::BUDGET_YEARS)
            .then_some(self.grant_years)
    }
}

const APPLICANTS_2019: Words = Words {
    fr: "Personnes morales existantes (entreprises, fondations, associations, GIP/GIE, collectivités et groupements, \
        syndicats mixtes) ou consortium avec un chef de file ; lieux ouverts ou en projet.",
    en: "Existing legal persons (companies, foundations, associations, GIP/GIE, local authorities and their groupings, \
        syndicats mixtes) or a consortium with a lead member; places open or in project.",
};

const AMI_2019: Call = Call {
    id: CallId::Ami2019,
    name: Words {
        fr: "AMI Fabriques de territoire (vagues 2019–2021)",
        en: "Fabriques de territoire AMI (2019–2021 waves)",
    },
    funds: GrantUse::Operating,
    amounts: Amounts::Range {
        min_total: Cents::euros(75_000),
        max_total: Cents::euros(150_000),
        max_per_year: Cents::euros(50_000),
        extra: None,
    },
    grant_years: 3,
    duration_assumed: false,
    applicants: APPLICANTS_2019,
    notes: Words {
        fr: "75 000 € à 150 000 € sur 3 ans, 50 000 € par an au plus, pour le fonctionnement ; le montant dépend des \
            services et de la localisation.",
        en: "€75,000 to €150,000 over 3 years, at most €50,000 a year, for operating costs; the amount depends on the \
            services and the location.",
    },
    source: Words {
        fr: "AMI Fabriques de territoire (ANCT, 2019) ; montants : idcite.com, 4 février 2020.",
        en: "AMI Fabriques de territoire (ANCT, 2019); amounts: idcite.com, 4 February 2020.",
    },
};

const AMI_2019_NUMERIQUE: Call = Call {
    id: CallId::Ami2019Numerique,
    name: Words {
        fr: "AMI Fabriques de territoire — Fabrique numérique (vagues 2019–2021)",
        en: "Fabriques de territoire AMI — Fabrique numérique (2019–2021 waves)",
    },
    funds: GrantUse::Operating,
    amounts: Amounts::Range {
        min_total: Cents::euros(75_000),
        max_total: Cents::euros(150_000),
        max_per_year: Cents::euros(50_000),
        extra: Some(Cents::euros(100_000)),
    },
    grant_years: 3,
    duration_assumed: false,
    applicants: APPLICANTS_2019,
    notes: Words {
        fr: "Dans un QPV ou à proximité immédiate ; services numériques (accès aux droits, médiation, démarches en \
            ligne, fabrication numérique, formation, incubation). Un financement complémentaire jusqu'à 100 000 € \
            s'ajoute à celui de l'AMI ; sa répartition par année n'est pas publiée.",
        en: "In or right beside a QPV; digital services (access to rights, mediation, online procedures, digital \
            fabrication, training, incubation). Extra funding of up to €100,000 comes on top of the AMI's; its yearly \
            spread is not published.",
    },
    source: Words {
        fr: "haute-vienne.gouv.fr ; societenumerique.gouv.fr (financement complémentaire jusqu'à 100 k€).",
        en: "haute-vienne.gouv.fr; societenumerique.gouv.fr (extra funding of up to €100k).",
    },
};

const EDITION_2023: Call = Call {
    id: CallId::Edition2023,
    name: Words {
        fr: "Fabriques de territoire, édition 2023",
        en: "Fabriques de territoire, 2023 edition",
    },
    funds: GrantUse::Operating,
    amounts: Amounts::Flat(Cents::euros(50_000)),
    grant_years: 1,
    duration_assumed: false,
    applicants: Words {
        fr: "Seulement les 144 territoires de sous-préfecture sans Fabrique ; priorité aux lieux multiservices et aux \
            activités productives ; jurys régionaux.",
        en: "Only the 144 sous-préfecture territories without a Fabrique; priority to mixed multi-service places and \
            productive activities; regional juries.",
    },
    notes: Words {
        fr: "80 projets à 50 000 € forfaitaires pour un an ; 82 retenus le 9 novembre 2023. Que le forfait finance le \
            fonctionnement, comme les vagues précédentes, est une lecture de Fabrique.",
        en: "80 projects at a flat €50,000 for one year; 82 selected on 9 November 2023. That the flat grant funds \
            operating costs, as in the earlier waves, is Fabrique's reading.",
    },
    source: Words {
        fr: "avise.org ; blog.landot-avocats.net, 13 septembre 2023.",
        en: "avise.org; blog.landot-avocats.net, 13 September 2023.",
    },
};

const VAGUE_2024: Call = Call {
    id: CallId::Vague2024,
    name: Words {
        fr: "Fabriques de territoire, vague 2024 (10e vague)",
        en: "Fabriques de territoire, 2024 wave (10th)",
    },
    funds: GrantUse::Operating,
    amounts: Amounts::NotPublished,
    grant_years: 3,
    duration_assumed: true,
    applicants: Words {
        fr: "Nouveaux candidats et Fabriques existantes qui renouvellent leur label (55 des 80 lauréats).",
        en: "New applicants and existing Fabriques renewing their label (55 of the 80 laureates).",
    },
    notes: Words {
        fr: "312 candidatures, 80 Fabriques et 16 Manufactures pour environ 9 M€. Le montant par projet n'est pas \
            publié (environ 94 000 € en moyenne : une estimation, pas une règle). Durée non publiée : Fabrique suppose \
            3 ans pour situer l'année qui suit.",
        en: "312 applications, 80 Fabriques and 16 Manufactures for about €9M. The amount per project is not published \
            (about €94,000 on average: an estimate, not a rule). Duration not published: Fabrique assumes 3 years to \
            place the year after.",
    },
    source: Words {
        fr: "Dossier de presse ANCT, 28 octobre 2024 (banquedesterritoires.fr) ; « Dispositifs de soutien aux \
            tiers-lieux 2024 ».",
        en: "ANCT press kit, 28 October 2024 (banquedesterritoires.fr); “Dispositifs de soutien aux tiers-lieux 2024”.",
    },
};

const MANUFACTURE: Call = Call {
    id: CallId::ManufactureProximite,
    name: Words {
        fr: "Manufactures de proximité",
        en: "Manufactures de proximité",
    },
    funds: GrantUse::Investment,
    amounts: Amounts::Average(Cents::euros(260_000)),
    grant_years: 0,
    duration_assumed: false,
    applicants: Words {
        fr: "Un local adapté à l'activité, une structure juridique déclarée, une stratégie RH concrète ; priorité aux \
            petites et moyennes villes, aux territoires ruraux et aux QPV.",
        en: "Premises suited to the activity, a declared legal structure, a concrete HR strategy; priority to small \
            and medium towns, rural areas and QPV.",
    },
    notes: Words {
        fr: "Quatre mois d'incubation, puis une aide à l'investissement pour l'outil de production partagé (environ \
            260 000 € en moyenne, pas un plafond), puis deux ans d'accompagnement. Le dossier est évalué sur les \
            critères propres de la Manufacture : ses conditions d'éligibilité et ce que l'appel décrit (parc de \
            machines, formation, entreprises locales).",
        en: "Four months of incubation, then an investment grant for the shared production tools (about €260,000 on \
            average, not a cap), then two years of support. The dossier is evaluated on the Manufacture's own \
            criteria: its eligibility conditions and what the call describes (machine park, training, local firms).",
    },
    source: Words {
        fr: "tierslieux.anct.gouv.fr ; economie.gouv.fr ; avise-info.fr (AMI du 7 octobre 2021).",
        en: "tierslieux.anct.gouv.fr; economie.gouv.fr; avise-info.fr (AMI of 7 October 2021).",
    },
};

/// A service or resource the programme offers its laureates: not money.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Resource {
    pub name: Words,
    /// What it brings to a place.
    pub brings: Words,
}

/// Who may ask the catalogue's resources, and where that comes from.
pub const CATALOGUE_WHO: Words = Words {
    fr: "Les lauréats du programme « Nouveaux lieux, nouveaux liens » ; les conditions de chaque dispositif sont à \
        vérifier auprès de ceux qui le portent.",
    en: "The laureates of the \"Nouveaux lieux, nouveaux liens\" programme; each scheme's conditions are to check with \
        those who run it.",
};

/// The source of the catalogue.
pub const CATALOGUE_SOURCE: Words = Words {
    fr: "Catalogue « Nouveaux lieux, nouveaux liens » (societenumerique.gouv.fr/tierslieux), cité par l'article \
        source.",
    en: "“Nouveaux lieux, nouveaux liens” catalogue (societenumerique.gouv.fr/tierslieux), cited by the source \
        article.",
};

/// The "Nouveaux lieux, nouveaux liens" catalogue: services and resources for laureates,
/// named by the source article. None of them is a grant.
pub const CATALOGUE: [Resource; 5] = [
    Resource {
        name: Words {
            fr: "Micro-Folie",
            en: "Micro-Folie",
        },
        brings: Words {
            fr: "un musée numérique et des activités culturelles accueillis dans le lieu",
            en: "a digital museum and cultural activities hosted in the place",
        },
    },
    Resource {
        name: Words {
            fr: "France Services",
            en: "France Services",
        },
        brings: Words {
            fr: "un guichet d'accompagnement aux démarches administratives",
            en: "a desk that helps people with administrative procedures",
        },
    },
    Resource {
        name: Words {
            fr: "Campus connecté",
            en: "Campus connecté",
        },
        brings: Words {
            fr: "un lieu pour suivre des études supérieures à distance, avec un accompagnement",
            en: "a place to follow higher education remotely, with support",
        },
    },
    Resource {
        name: Words {
            fr: "Locaux vacants de l'État",
            en: "Vacant State premises",
        },
        brings: Words {
            fr: "des locaux publics inoccupés, mis à disposition",
            en: "unused public premises, made available",
        },
    },
    Resource {
        name: Words {
            fr: "Formations accueillies",
            en: "Hosted training",
        },
        brings: Words {
            fr: "des sessions de formation rémunérées, organisées dans le lieu",
            en: "paid training sessions, held in the place",
        },
    },
];

/// A call's name, from its data; the calls in the order lists offer them.
impl crate::label::Label for CallId {
    const ALL: &'static [Self] = &CallId::ALL;
    fn words(self) -> (&'static str, &'static str) {
        let name = self.call().name;
        (name.fr, name.en)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_call_describes_itself() {
        for id in CallId::ALL {
            let call = id.call();
            assert_eq!(call.id, id);
            for words in [call.name, call.applicants, call.notes, call.source] {
                assert!(!words.fr.is_empty() && !words.en.is_empty(), "{id:?}");
            }
        }
    }

    #[test]
    fn the_year_after_the_grant_follows_the_call() {
        assert_eq!(CallId::Ami2019.call().year_after_grant(), Some(3));
        assert_eq!(CallId::Edition2023.call().year_after_grant(), Some(1));
        assert_eq!(CallId::ManufactureProximite.call().year_after_grant(), None);
        assert!(CallId::Vague2024.call().duration_assumed);
    }
}
