//! French first, English second. Every text the user sees is written with [`tr`], which
//! takes both languages: a text without its translation does not compile. The labels of the
//! domain's enums are exhaustive matches, so a new variant without its words fails to build.
//!
//! The language is chosen in the settings; the app re-mounts its screens when it changes
//! (after saving), so components read the language once, with [`lang`], when they are built.

use fabrique_app_core::reply::MergeError;
use fabrique_app_core::repository::{ActionError, ImportFailure, StorageError};
use fabrique_core::dossier::*;
use fabrique_core::evaluation::Section;
use fabrique_core::referential::Lang;
use std::cell::Cell;

thread_local! {
    static CURRENT: Cell<Lang> = const { Cell::new(Lang::Fr) };
}

/// Sets the language the next built screens are written in.
pub fn set_lang(lang: Lang) {
    CURRENT.with(|current| current.set(lang));
}

/// The language screens are being written in.
pub fn lang() -> Lang {
    CURRENT.with(Cell::get)
}

/// The text in the current language.
pub fn tr(fr: &'static str, en: &'static str) -> &'static str {
    match lang() {
        Lang::Fr => fr,
        Lang::En => en,
    }
}

/// A dossier's name as screens show it: "Dossier sans nom" while it has none.
pub fn dossier_name(name: &str) -> String {
    if name.trim().is_empty() {
        tr("Dossier sans nom", "Untitled dossier").to_owned()
    } else {
        name.to_owned()
    }
}

/// Picks the French or English of a pair.
fn pick((fr, en): (&'static str, &'static str)) -> &'static str {
    tr(fr, en)
}

pub fn holder_kind(value: HolderKind) -> &'static str {
    pick(match value {
        HolderKind::Association => ("Association", "Association"),
        HolderKind::Scic => (
            "SCIC (coopérative d'intérêt collectif)",
            "SCIC (collective-interest cooperative)",
        ),
        HolderKind::Scop => (
            "SCOP (coopérative de salariés)",
            "SCOP (workers' cooperative)",
        ),
        HolderKind::Company => ("Entreprise", "Company"),
        HolderKind::Collectivite => (
            "Collectivité (commune, EPCI…)",
            "Local authority (commune, EPCI…)",
        ),
        HolderKind::GipGie => ("GIP ou GIE", "GIP or GIE"),
        HolderKind::SyndicatMixte => ("Syndicat mixte", "Syndicat mixte"),
        HolderKind::Consortium => (
            "Consortium avec un chef de file",
            "Consortium with a lead member",
        ),
    })
}

pub fn legal_status(value: LegalStatus) -> &'static str {
    pick(match value {
        LegalStatus::Declared => ("Déclarée ou immatriculée", "Declared or registered"),
        LegalStatus::InCreation => ("En cours de création", "Being created"),
    })
}

pub fn territory(value: TerritoryKind) -> &'static str {
    pick(match value {
        TerritoryKind::Rural => ("Rural", "Rural"),
        TerritoryKind::VilleMoyenne => ("Ville moyenne", "Small or medium town"),
        TerritoryKind::Metropole => (
            "Métropole ou grand pôle urbain",
            "Metropolis or large urban centre",
        ),
    })
}

pub fn region(value: Region) -> &'static str {
    pick(match value {
        Region::Metropole => ("France métropolitaine", "Metropolitan France"),
        Region::Guadeloupe => ("Guadeloupe", "Guadeloupe"),
        Region::Guyane => ("Guyane", "French Guiana"),
        Region::LaReunion => ("La Réunion", "La Réunion"),
        Region::Martinique => ("Martinique", "Martinique"),
        Region::Mayotte => ("Mayotte", "Mayotte"),
        Region::SaintBarthelemy => ("Saint-Barthélemy", "Saint-Barthélemy"),
        Region::SaintMartin => ("Saint-Martin", "Saint-Martin"),
        Region::SaintPierreEtMiquelon => ("Saint-Pierre-et-Miquelon", "Saint-Pierre-et-Miquelon"),
        Region::AutreOutreMer => (
            "Autre collectivité d'outre-mer",
            "Other overseas collectivity",
        ),
    })
}

pub fn member_category(value: MemberCategory) -> &'static str {
    pick(match value {
        MemberCategory::Founder => ("Fondateur", "Founder"),
        MemberCategory::User => ("Usager", "User"),
        MemberCategory::Resident => ("Habitant", "Resident"),
        MemberCategory::Business => ("Entreprise", "Business"),
        MemberCategory::Association => ("Association", "Association"),
        MemberCategory::Collectivite => ("Collectivité", "Local authority"),
        MemberCategory::Employee => ("Salarié", "Employee"),
        MemberCategory::Other => ("Autre", "Other"),
    })
}

pub fn partner_category(value: PartnerCategory) -> &'static str {
    pick(match value {
        PartnerCategory::Collectivite => ("Collectivité", "Local authority"),
        PartnerCategory::StateService => ("Service de l'État", "State service"),
        PartnerCategory::Business => ("Entreprise", "Business"),
        PartnerCategory::Association => ("Association", "Association"),
        PartnerCategory::ResidentsCollective => ("Collectif d'habitants", "Residents' collective"),
        PartnerCategory::TiersLieuxNetwork => ("Réseau de tiers-lieux", "Tiers-lieux network"),
        PartnerCategory::EducationTraining => ("Éducation, formation", "Education, training"),
        PartnerCategory::EmploymentInsertion => ("Emploi, insertion", "Employment, insertion"),
        PartnerCategory::Other => ("Autre", "Other"),
    })
}

pub fn actor_kind(value: ActorKind) -> &'static str {
    pick(match value {
        ActorKind::ProjectHolders => ("Autres porteurs de projets", "Other project holders"),
        ActorKind::Businesses => ("Entreprises", "Businesses"),
        ActorKind::Associations => ("Associations", "Associations"),
        ActorKind::Residents => ("Habitants", "Residents"),
        ActorKind::Institutions => ("Institutions", "Institutions"),
        ActorKind::Other => ("Autres", "Others"),
    })
}

pub fn service_kind(value: ServiceKind) -> &'static str {
    pick(match value {
        ServiceKind::Coworking => ("Coworking avec connexion", "Coworking with connectivity"),
        ServiceKind::MediationNumerique => ("Médiation numérique", "Digital mediation"),
        ServiceKind::AccesAuxDroits => (
            "Accès aux droits, France Services",
            "Access to rights, France Services",
        ),
        ServiceKind::AideDemarches => {
            ("Aide aux démarches en ligne", "Help with online procedures")
        }
        ServiceKind::Fablab => (
            "Fablab, fabrication numérique",
            "Fablab, digital fabrication",
        ),
        ServiceKind::FormationNumerique => ("Formation au numérique", "Digital training"),
        ServiceKind::FormationProfessionnelle => {
            ("Formation professionnelle", "Vocational training")
        }
        ServiceKind::Incubation => ("Incubation", "Incubation"),
        ServiceKind::MicroFolie => ("Micro-Folie", "Micro-Folie"),
        ServiceKind::CampusConnecte => ("Campus connecté", "Campus connecté"),
        ServiceKind::Other => ("Autre service", "Other service"),
    })
}

pub fn event_kind(value: EventKind) -> &'static str {
    pick(match value {
        EventKind::Convivial => ("Moment convivial", "Convivial moment"),
        EventKind::Workshop => ("Atelier thématique", "Thematic workshop"),
        EventKind::Conference => ("Conférence", "Talk"),
        EventKind::Seminar => ("Séminaire", "Seminar"),
        EventKind::Other => ("Autre", "Other"),
    })
}

pub fn revenue_source(value: RevenueSource) -> &'static str {
    pick(match value {
        RevenueSource::Own => ("Recettes propres", "Own revenue"),
        RevenueSource::AmiGrant => ("Subvention de l'AMI", "AMI grant"),
        RevenueSource::OtherPublic => ("Autre subvention publique", "Other public subsidy"),
        RevenueSource::Private => ("Fonds privés, mécénat", "Private funds, sponsorship"),
    })
}

pub fn cost_kind(value: CostKind) -> &'static str {
    pick(match value {
        CostKind::Staff => ("Personnel", "Staff"),
        CostKind::Rent => ("Loyer", "Rent"),
        CostKind::Utilities => ("Fluides, énergie", "Utilities"),
        CostKind::Equipment => ("Équipement", "Equipment"),
        CostKind::Animation => ("Animation", "Animation"),
        CostKind::Other => ("Autre", "Other"),
    })
}

pub fn investment_owner(value: InvestmentOwner) -> &'static str {
    fabrique_core::report::owner_name(value, lang())
}

/// A call's name.
pub fn call(value: fabrique_core::calls::CallId) -> &'static str {
    value.call().name.get(lang())
}

/// A DSIL theme in words.
pub fn dsil_theme(value: DsilTheme) -> &'static str {
    fabrique_core::funding::dsil_theme_words(value).get(lang())
}

/// A yes or no answer, for questions that may stay unanswered.
pub fn yes_no(value: bool) -> &'static str {
    if value {
        tr("Oui", "Yes")
    } else {
        tr("Non", "No")
    }
}

pub fn funding_source(value: FundingSource) -> &'static str {
    fabrique_core::report::source_name(value, lang())
}

pub fn ceiling_exception(value: CeilingException) -> &'static str {
    pick(match value {
        CeilingException::UrbanRenewal => ("Rénovation urbaine (ANRU)", "Urban renewal (ANRU)"),
        CeilingException::ProtectedMonument => ("Monument protégé", "Protected monument"),
        CeilingException::DisasterRepair => ("Réparation après calamité", "Disaster repair"),
    })
}

pub fn funding_status(value: fabrique_core::dossier::FundingStatus) -> &'static str {
    use fabrique_core::dossier::FundingStatus;
    pick(match value {
        FundingStatus::Planned => ("Envisagé", "Planned"),
        FundingStatus::Requested => ("Demandé", "Requested"),
        FundingStatus::Granted => ("Acquis (voté, signé)", "Granted (voted, signed)"),
    })
}

pub fn amount_period(value: fabrique_core::dossier::AmountPeriod) -> &'static str {
    use fabrique_core::dossier::AmountPeriod;
    pick(match value {
        AmountPeriod::Total => ("en une fois (total)", "once (in total)"),
        AmountPeriod::PerYear => ("chaque année", "each year"),
    })
}

pub fn consultation_format(value: fabrique_core::dossier::ConsultationFormat) -> &'static str {
    use fabrique_core::dossier::ConsultationFormat;
    pick(match value {
        ConsultationFormat::Interviews => ("Entretiens", "Interviews"),
        ConsultationFormat::PublicMeetings => ("Réunions publiques", "Public meetings"),
    })
}

pub fn section(value: Section) -> &'static str {
    pick(match value {
        Section::Identity => ("Identité et territoire", "Identity and territory"),
        Section::Governance => ("Gouvernance", "Governance"),
        Section::Partners => ("Partenaires", "Partners"),
        Section::Need => ("Besoin territorial", "Territorial need"),
        Section::Services => ("Services numériques", "Digital services"),
        Section::EconomicModel => ("Modèle économique", "Economic model"),
        Section::Budget => ("Budget sur 4 ans", "4-year budget"),
        Section::Staff => ("Équipe et postes", "Team and positions"),
        Section::Collectivite => ("Rôle de la collectivité", "The collectivité's role"),
        Section::Investment => ("Investissement", "Investment"),
        Section::Production => ("Atelier de production", "Production workshop"),
    })
}

/// Every value of an enum, in the order a list offers them.
pub trait Choices: Sized + Copy + PartialEq + 'static {
    const ALL: &'static [Self];
    /// Its words in the current language.
    fn label(self) -> &'static str;
    /// A stable identifier for `<option value>`.
    fn key(self) -> usize {
        Self::ALL
            .iter()
            .position(|value| *value == self)
            .unwrap_or(0)
    }
}

macro_rules! choices {
    ($type:ty, $label:path, [$($value:expr),+ $(,)?]) => {
        impl Choices for $type {
            const ALL: &'static [Self] = &[$($value),+];
            fn label(self) -> &'static str {
                $label(self)
            }
        }
    };
}

impl Choices for fabrique_core::calls::CallId {
    const ALL: &'static [Self] = &fabrique_core::calls::CallId::ALL;
    fn label(self) -> &'static str {
        call(self)
    }
}
choices!(bool, yes_no, [true, false]);
choices!(
    fabrique_core::dossier::FundingStatus,
    funding_status,
    [
        fabrique_core::dossier::FundingStatus::Planned,
        fabrique_core::dossier::FundingStatus::Requested,
        fabrique_core::dossier::FundingStatus::Granted
    ]
);
choices!(
    fabrique_core::dossier::AmountPeriod,
    amount_period,
    [
        fabrique_core::dossier::AmountPeriod::Total,
        fabrique_core::dossier::AmountPeriod::PerYear
    ]
);
choices!(
    fabrique_core::dossier::ConsultationFormat,
    consultation_format,
    [
        fabrique_core::dossier::ConsultationFormat::Interviews,
        fabrique_core::dossier::ConsultationFormat::PublicMeetings
    ]
);
choices!(
    HolderKind,
    holder_kind,
    [
        HolderKind::Association,
        HolderKind::Scic,
        HolderKind::Scop,
        HolderKind::Company,
        HolderKind::Collectivite,
        HolderKind::GipGie,
        HolderKind::SyndicatMixte,
        HolderKind::Consortium
    ]
);
choices!(
    LegalStatus,
    legal_status,
    [LegalStatus::Declared, LegalStatus::InCreation]
);
choices!(
    TerritoryKind,
    territory,
    [
        TerritoryKind::Rural,
        TerritoryKind::VilleMoyenne,
        TerritoryKind::Metropole
    ]
);
choices!(
    Region,
    region,
    [
        Region::Metropole,
        Region::Guadeloupe,
        Region::Guyane,
        Region::LaReunion,
        Region::Martinique,
        Region::Mayotte,
        Region::SaintBarthelemy,
        Region::SaintMartin,
        Region::SaintPierreEtMiquelon,
        Region::AutreOutreMer
    ]
);
choices!(
    MemberCategory,
    member_category,
    [
        MemberCategory::Founder,
        MemberCategory::User,
        MemberCategory::Resident,
        MemberCategory::Business,
        MemberCategory::Association,
        MemberCategory::Collectivite,
        MemberCategory::Employee,
        MemberCategory::Other
    ]
);
choices!(
    PartnerCategory,
    partner_category,
    [
        PartnerCategory::Collectivite,
        PartnerCategory::StateService,
        PartnerCategory::Business,
        PartnerCategory::Association,
        PartnerCategory::ResidentsCollective,
        PartnerCategory::TiersLieuxNetwork,
        PartnerCategory::EducationTraining,
        PartnerCategory::EmploymentInsertion,
        PartnerCategory::Other
    ]
);
choices!(
    ActorKind,
    actor_kind,
    [
        ActorKind::ProjectHolders,
        ActorKind::Businesses,
        ActorKind::Associations,
        ActorKind::Residents,
        ActorKind::Institutions,
        ActorKind::Other
    ]
);
choices!(
    ServiceKind,
    service_kind,
    [
        ServiceKind::Coworking,
        ServiceKind::MediationNumerique,
        ServiceKind::AccesAuxDroits,
        ServiceKind::AideDemarches,
        ServiceKind::Fablab,
        ServiceKind::FormationNumerique,
        ServiceKind::FormationProfessionnelle,
        ServiceKind::Incubation,
        ServiceKind::MicroFolie,
        ServiceKind::CampusConnecte,
        ServiceKind::Other
    ]
);
choices!(
    EventKind,
    event_kind,
    [
        EventKind::Convivial,
        EventKind::Workshop,
        EventKind::Conference,
        EventKind::Seminar,
        EventKind::Other
    ]
);
choices!(
    RevenueSource,
    revenue_source,
    [
        RevenueSource::Own,
        RevenueSource::AmiGrant,
        RevenueSource::OtherPublic,
        RevenueSource::Private
    ]
);
choices!(
    CostKind,
    cost_kind,
    [
        CostKind::Staff,
        CostKind::Rent,
        CostKind::Utilities,
        CostKind::Equipment,
        CostKind::Animation,
        CostKind::Other
    ]
);
impl Choices for InvestmentOwner {
    const ALL: &'static [Self] = &InvestmentOwner::ALL;
    fn label(self) -> &'static str {
        investment_owner(self)
    }
}
impl Choices for FundingSource {
    const ALL: &'static [Self] = &FundingSource::ALL;
    fn label(self) -> &'static str {
        funding_source(self)
    }
}
choices!(
    CeilingException,
    ceiling_exception,
    [
        CeilingException::UrbanRenewal,
        CeilingException::ProtectedMonument,
        CeilingException::DisasterRepair
    ]
);

/// A saved time in the current language: `29/11/2026 à 14:05` (empty when unknown).
pub fn date_time(ms: u64) -> String {
    crate::browser::clock::local_date_time(ms, lang())
}

/// Why the browser's storage could not be read or written, in plain words.
pub fn storage_error(error: &StorageError) -> String {
    match error {
        StorageError::Unreadable {
            key,
            cause: ReadError::FutureVersion(version),
        } => format!(
            "{} « {key} » {} ({version}). {}",
            tr("L'entrée", "The entry"),
            tr(
                "vient d'une version plus récente de Fabrique",
                "comes from a newer version of Fabrique"
            ),
            tr(
                "Elle est conservée telle quelle ; mettez l'application à jour pour l'ouvrir.",
                "It is kept as it is; update the app to open it."
            )
        ),
        StorageError::Unreadable { key, .. } => format!(
            "{} « {key} » {}",
            tr("L'entrée", "The entry"),
            tr(
                "de ce navigateur est illisible. Son texte est conservé tel quel.",
                "of this browser cannot be read. Its text is kept as it is."
            )
        ),
        StorageError::WriteRefused { .. } => tr(
            "Le navigateur refuse d'enregistrer (espace plein ou navigation privée).",
            "The browser refuses to save (storage full, or private browsing).",
        )
        .to_owned(),
        StorageError::Unavailable => tr(
            "Le navigateur refuse de lire son stockage local.",
            "The browser refuses to read its local storage.",
        )
        .to_owned(),
    }
}

/// Why an action on a dossier of the list did not happen.
pub fn action_error(error: &ActionError) -> String {
    match error {
        ActionError::Gone => gone().to_owned(),
        ActionError::Storage(error) => storage_error(error),
    }
}

/// The dossier an action was for is no longer kept.
pub fn gone() -> &'static str {
    tr(
        "Ce dossier n'existe plus dans ce navigateur.",
        "This dossier no longer exists in this browser.",
    )
}

/// Why a partner's reply was not merged.
pub fn merge_error(error: &MergeError) -> String {
    match error {
        MergeError::Gone => gone().to_owned(),
        MergeError::Conflict => tr(
            "Le dossier vient d'être modifié dans un autre onglet : rouvrez ce lien de réponse.",
            "The dossier was just changed in another tab: open this reply link again.",
        )
        .to_owned(),
        MergeError::Storage(error) => storage_error(error),
    }
}

/// Why an import did not happen.
pub fn import_failure(failure: &ImportFailure) -> String {
    format!(
        "{} {}",
        tr("Import impossible :", "Import failed:"),
        match failure {
            ImportFailure::File(error) => error.to_string(),
            ImportFailure::Storage(error) => storage_error(error),
        }
    )
}
