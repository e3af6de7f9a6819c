//! The dossier: everything a project holder declares about a tiers-lieu project, in the shape
//! that is stored, shared and evaluated. Fields default to "not answered yet", so a dossier
//! being filled over weeks is always a valid value.

use crate::units::{Cents, Date, Fte};
use serde::{Deserialize, Serialize};

/// The version of the dossier's stored shape. A dossier records the version it was written
/// with, so that older ones are migrated (see [`crate::migrate`]) and newer ones refused
/// rather than misread.
///
/// - 1: the walking skeleton (name and four governance answers);
/// - 2: the whole dossier; the animator became a name instead of a yes/no answer.
/// - 3: partners' reviews received (`reviews`), and partners whose commitment they declared
///   themselves (`Partner::declared_by_partner`). Nothing to migrate: both start empty.
/// - 4: the call the dossier answers (`call`, in place of `variant`, which it decides);
///   investment items record whether their owner is chef de file; more kinds of owner and
///   funder; the DSIL themes; the 2023 edition's territory and a syndicat's population;
///   the commune chosen from the official data (`Identity::official`).
///   Older dossiers answer the 2019–2021 AMI (or its numérique variant).
/// - 5: facts the evaluation needed and the dossier could not state: the France Ruralités
///   Revitalisation zoning, the general assembly, a partner's amount per year or in total,
///   public meetings and their attendance, visits to the test of the offer, an open place's
///   yearly attendance, how the absence of tension was checked, spaces let within a global
///   package, several funders per post with each one's status, and the production workshop
///   of a Manufacture de proximité (`production`). A post's single funder becomes a list of
///   one (see [`crate::migrate`]).
/// - 6: section notes are keyed by the section itself (its stored name, `economic_model`),
///   no longer by the app's address slug (`modele`), so that an address may change without
///   orphaning a note (see [`notes_by_section`]).
pub const SCHEMA_VERSION: u32 = 6;

/// A tiers-lieu project's application dossier. Every field defaults to "not answered yet".
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Dossier {
    /// The shape version this value was written with (see [`SCHEMA_VERSION`]).
    pub schema_version: u32,
    /// The project's name, as the holder writes it.
    pub name: String,
    /// The call the dossier answers; it decides the label applied for (and so the
    /// referential), the grant's bounds and the year after it.
    pub call: crate::calls::CallId,
    /// Who holds the project, where, and how far along it is.
    pub identity: Identity,
    /// Criterion 1: the governance of the place and the collective that animates it.
    pub governance: Governance,
    /// Criterion 2: the local partners and what each brings.
    pub partners: Vec<Partner>,
    /// Criterion 3, step 1 of the source article: the need, and how it was checked.
    pub need: TerritorialNeed,
    /// Criterion 4: the digital services and activities offered.
    pub services: Vec<DigitalService>,
    /// Criterion 5, step 2 of the source article: prices, spaces, community, budget.
    pub economic_model: EconomicModel,
    /// Criterion 6: the positions and how each is funded.
    pub staff: Vec<Position>,
    /// What the collectivité does for the project when it is not the holder.
    pub collectivite_role: CollectiviteRole,
    /// The shared production workshop of a Manufacture de proximité (empty for the other
    /// calls).
    pub production: Production,
    /// Investment spending and who is asked to fund it.
    pub investment: InvestmentPlan,
    /// Free notes per section, kept (in storage and in links) under each section's stored
    /// name (see [`notes_by_section`]). A note without text is not kept.
    #[serde(with = "notes_by_name")]
    pub notes: std::collections::BTreeMap<crate::evaluation::Section, String>,
    /// The partners' reviews merged into the dossier, oldest first. They are the holder's
    /// record: never carried by a snapshot link.
    pub reviews: Vec<crate::review::ReceivedReview>,
}

impl Default for Dossier {
    fn default() -> Self {
        Self {
            schema_version: SCHEMA_VERSION,
            name: String::new(),
            call: crate::calls::CallId::default(),
            identity: Identity::default(),
            governance: Governance::default(),
            partners: Vec::new(),
            need: TerritorialNeed::default(),
            services: Vec::new(),
            economic_model: EconomicModel::default(),
            staff: Vec::new(),
            collectivite_role: CollectiviteRole::default(),
            production: Production::default(),
            investment: InvestmentPlan::default(),
            notes: std::collections::BTreeMap::new(),
            reviews: Vec::new(),
        }
    }
}

impl Dossier {
    /// The label applied for, which selects the referential: the call decides it.
    pub fn variant(&self) -> Variant {
        self.call.variant()
    }
}

/// The label applied for.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Variant {
    /// The generalist "Fabrique de territoire".
    #[default]
    FabriqueDeTerritoire,
    /// The "Fabrique numérique de territoire", in or right beside a QPV.
    FabriqueNumerique,
    /// The "Manufacture de proximité": a production workshop shared by professionals.
    ManufactureDeProximite,
}

/// The kinds of applicant the AMI names.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum HolderKind {
    Association,
    Scic,
    Scop,
    Company,
    Collectivite,
    GipGie,
    SyndicatMixte,
    /// Several actors of one territory, with a lead member.
    Consortium,
}

/// Whether the holder's legal structure exists.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum LegalStatus {
    /// Declared or registered: a legal person exists.
    Declared,
    /// Being created: not yet a legal person.
    InCreation,
}

/// The kind of territory the place serves.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum TerritoryKind {
    Rural,
    VilleMoyenne,
    /// A metropolis or large urban centre.
    Metropole,
}

/// Where in France the project stands: overseas territories have their own thresholds
/// (DETR) and some are exempt from the 80 % public-aid ceiling.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Region {
    #[default]
    Metropole,
    Guadeloupe,
    Guyane,
    LaReunion,
    Martinique,
    Mayotte,
    SaintBarthelemy,
    SaintMartin,
    SaintPierreEtMiquelon,
    /// Another overseas collectivité (Polynésie, Nouvelle-Calédonie, Wallis-et-Futuna…).
    AutreOutreMer,
}

impl Region {
    /// Whether the region is overseas (outre-mer).
    pub fn is_overseas(self) -> bool {
        self != Region::Metropole
    }

    /// A département and région d'outre-mer (art. 73 of the Constitution): the DETR's
    /// overseas thresholds and the DSIL apply there; the other overseas collectivités
    /// (art. 74, Nouvelle-Calédonie) have rules the sources do not give.
    pub fn is_drom(self) -> bool {
        matches!(
            self,
            Region::Guadeloupe
                | Region::Guyane
                | Region::LaReunion
                | Region::Martinique
                | Region::Mayotte
        )
    }
}

/// Who holds the project, where, and how far along it is.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Identity {
    pub holder_kind: Option<HolderKind>,
    /// The holder's name (association, company, collectivité…).
    pub holder_name: String,
    pub legal_status: Option<LegalStatus>,
    /// For a consortium: the member that leads it.
    pub lead_member: String,
    pub commune: String,
    /// The commune's population ("population DGF").
    pub commune_population: Option<u32>,
    pub epci: String,
    /// The EPCI's population ("population DGF").
    pub epci_population: Option<u32>,
    /// The EPCI has a central commune of more than 20,000 inhabitants (85,000 overseas).
    pub epci_has_large_central_commune: Option<bool>,
    /// The EPCI's density, inhabitants per km².
    pub epci_density_per_km2: Option<u32>,
    pub region: Region,
    pub territory: Option<TerritoryKind>,
    /// The place is in a quartier prioritaire de la politique de la ville.
    pub in_qpv: bool,
    /// The place is right beside a QPV.
    pub next_to_qpv: bool,
    /// The commune's potentiel financier per inhabitant, in percent of the average of the
    /// communes of its size band (for DETR).
    pub potentiel_financier_percent: Option<u32>,
    /// The place already opened (otherwise it is a project).
    pub already_open: bool,
    /// The opening date, past or planned.
    pub opening_date: Option<Date>,
    pub surface_m2: Option<u32>,
    /// For the 2023 edition: the territory is one of the sous-préfecture territories
    /// without a Fabrique (unknown until answered).
    pub sous_prefecture_without_fabrique: Option<bool>,
    /// The population of the syndicat that owns an investment, for DETR (at most 60,000).
    pub syndicat_population: Option<u32>,
    /// What the official data said of the commune chosen in the territory search, and its
    /// vintage (none: typed by hand).
    pub official: Option<crate::territory::OfficialTerritory>,
    /// The commune is classified in a France Ruralités Revitalisation zone (unknown until
    /// answered).
    pub frr_zone: Option<bool>,
}

/// A member's category in the collective.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum MemberCategory {
    Founder,
    User,
    Resident,
    Business,
    Association,
    Collectivite,
    Employee,
    Other,
}

/// One member of the collective that governs the place.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Member {
    pub name: String,
    /// Their role (président, trésorière, référent fablab…).
    pub role: String,
    pub category: MemberCategory,
}

impl Default for Member {
    fn default() -> Self {
        Member {
            name: String::new(),
            role: String::new(),
            category: MemberCategory::Founder,
        }
    }
}

/// How the place is governed and animated: the label's first criterion asks for "the
/// structure's governance and its animation by a well-defined collective".
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Governance {
    /// The collective has written statutes or a charter that say who decides what.
    pub has_statutes_or_charter: bool,
    /// How many times a year the decision body meets (0 when there is none yet).
    pub decision_body_meetings_per_year: u32,
    /// The decision body (conseil d'administration, comité de pilotage…).
    pub decision_body: String,
    /// The place's users have a seat or a vote in its decisions.
    pub users_take_part_in_decisions: bool,
    /// Who animates the place day to day: a person or a team, by name.
    pub animator: String,
    /// The members of the collective.
    pub members: Vec<Member>,
    /// The members meet in a general assembly at least once a year.
    pub general_assembly: bool,
}

/// A partner's category, as the AMI's "diversity of local partnerships" reads it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PartnerCategory {
    Collectivite,
    StateService,
    Business,
    Association,
    ResidentsCollective,
    TiersLieuxNetwork,
    EducationTraining,
    EmploymentInsertion,
    Other,
}

/// One local partner and what they bring.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Partner {
    pub name: String,
    pub category: PartnerCategory,
    /// A letter of support is written (or promised).
    pub letter_of_support: bool,
    /// Money brought, if any.
    pub financial_amount: Option<Cents>,
    /// Whether that amount is given each year or once in total.
    pub amount_period: AmountPeriod,
    /// Goods, services or premises lent.
    pub in_kind: bool,
    /// A seat in the place's governance.
    pub governance_seat: bool,
    /// The commitment was declared by the partner itself, in a review the holder merged.
    pub declared_by_partner: bool,
}

impl Default for Partner {
    fn default() -> Self {
        Partner {
            name: String::new(),
            category: PartnerCategory::Other,
            letter_of_support: false,
            financial_amount: None,
            amount_period: AmountPeriod::Total,
            in_kind: false,
            governance_seat: false,
            declared_by_partner: false,
        }
    }
}

impl Partner {
    /// The partner brings something concrete: money, goods or premises.
    pub fn commits_resources(&self) -> bool {
        self.in_kind || self.financial_amount.is_some_and(|amount| amount.0 > 0)
    }
}

/// Whether an amount is given once in total or each year.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum AmountPeriod {
    #[default]
    Total,
    PerYear,
}

/// The kinds of actor step 1 of the source article asks to consult.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ActorKind {
    ProjectHolders,
    Businesses,
    Associations,
    Residents,
    Institutions,
    Other,
}

/// How actors were consulted.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ConsultationFormat {
    /// Interviews, one actor at a time.
    #[default]
    Interviews,
    /// Public meetings, with their attendance.
    PublicMeetings,
}

/// Consultations of one kind of actor, in one format.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Consultation {
    pub actor: ActorKind,
    /// How many interviews or meetings took place.
    pub count: u32,
    pub format: ConsultationFormat,
    /// For public meetings: how many people came, all meetings together.
    pub attendance: u32,
}

impl Default for Consultation {
    fn default() -> Self {
        Consultation {
            actor: ActorKind::Other,
            count: 0,
            format: ConsultationFormat::Interviews,
            attendance: 0,
        }
    }
}

/// A possible tension with another local actor, and how the project defuses it.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Tension {
    pub description: String,
    pub mitigation: String,
}

/// The territorial need and how it was checked (step 1 of the source article).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct TerritorialNeed {
    pub consultations: Vec<Consultation>,
    /// Networks the project joined (regional tiers-lieux network, France Tiers-Lieux…).
    pub networks: Vec<String>,
    /// The existing structures on the territory (the panorama).
    pub existing_structures: Vec<String>,
    /// Needs that existing structures do not meet.
    pub unmet_needs: Vec<String>,
    pub tensions: Vec<Tension>,
    /// The holder looked for tensions and found none worth naming.
    pub no_tension_found: bool,
    /// How the holder looked for tensions (one sentence), when none was found.
    pub no_tension_how: String,
    /// How long the offer was tested, in weeks (0: not tested).
    pub test_weeks: u32,
    /// How many people took part in the test.
    pub test_participants: u32,
    /// How many people visited the test without taking part in an activity.
    pub test_visits: u32,
    /// For a place already open: its attendance over the last year (people welcomed), which
    /// is the test of its offer.
    pub visitors_per_year: u32,
}

/// The digital services of the catalogue.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ServiceKind {
    Coworking,
    MediationNumerique,
    AccesAuxDroits,
    AideDemarches,
    Fablab,
    FormationNumerique,
    FormationProfessionnelle,
    Incubation,
    MicroFolie,
    CampusConnecte,
    Other,
}

impl ServiceKind {
    /// Services of digital inclusion: mediation, access to rights, help with procedures.
    pub fn is_digital_inclusion(self) -> bool {
        matches!(
            self,
            ServiceKind::MediationNumerique
                | ServiceKind::AccesAuxDroits
                | ServiceKind::AideDemarches
        )
    }
}

/// One digital service offered.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct DigitalService {
    pub kind: ServiceKind,
    /// What it is, in the holder's words (required for `Other`).
    pub description: String,
    pub weekly_hours: u32,
}

impl Default for DigitalService {
    fn default() -> Self {
        DigitalService {
            kind: ServiceKind::Other,
            description: String::new(),
            weekly_hours: 0,
        }
    }
}

/// One row of the price grid: a public, an offer, a price and its unit.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Price {
    /// Professionals, young people, associations…
    pub public: String,
    pub offer: String,
    pub price: Cents,
    /// Per day, per month, per session…
    pub unit: String,
}

/// A space that can be rented.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct RentableSpace {
    pub name: String,
    pub surface_m2: u32,
    /// What renting it brings in a year.
    pub yearly_rent: Cents,
    /// The space is let within a global package (a subscription that includes it), not on
    /// its own: its rent is then part of the package's price, not a rent line.
    pub in_global_package: bool,
}

/// The kinds of community event step 2 names.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum EventKind {
    Convivial,
    Workshop,
    Conference,
    Seminar,
    Other,
}

/// Community events of one kind.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct CommunityEvents {
    pub kind: EventKind,
    pub per_month: u32,
}

impl Default for CommunityEvents {
    fn default() -> Self {
        CommunityEvents {
            kind: EventKind::Other,
            per_month: 0,
        }
    }
}

/// The budget covers the three years of the AMI and the year after it.
pub const BUDGET_YEARS: usize = 4;

/// Who a revenue line comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RevenueSource {
    /// Revenue the place earns itself (rents, services, bar, training…).
    Own,
    /// The AMI "Fabriques de territoire" grant.
    AmiGrant,
    /// Another public subsidy (State, region, département, commune, EPCI, Europe).
    OtherPublic,
    /// Private money: sponsorship, foundations, donations.
    Private,
}

/// A revenue line.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct RevenueLine {
    pub source: RevenueSource,
    /// The activity (own revenue) or the funder (subsidy).
    pub label: String,
    pub years: [Cents; BUDGET_YEARS],
}

impl Default for RevenueLine {
    fn default() -> Self {
        RevenueLine {
            source: RevenueSource::Own,
            label: String::new(),
            years: [Cents::default(); BUDGET_YEARS],
        }
    }
}

/// The kinds of operating cost.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum CostKind {
    Staff,
    Rent,
    Utilities,
    Equipment,
    Animation,
    Other,
}

/// A cost line.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct CostLine {
    pub kind: CostKind,
    pub label: String,
    pub years: [Cents; BUDGET_YEARS],
}

impl Default for CostLine {
    fn default() -> Self {
        CostLine {
            kind: CostKind::Other,
            label: String::new(),
            years: [Cents::default(); BUDGET_YEARS],
        }
    }
}

/// The economic model (step 2 of the source article) and the operating budget.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct EconomicModel {
    pub prices: Vec<Price>,
    pub rentable_spaces: Vec<RentableSpace>,
    pub events: Vec<CommunityEvents>,
    /// Operating revenue, years 1 to 3 (the AMI) and year 4 (after it).
    pub revenue: Vec<RevenueLine>,
    /// Operating costs, same years.
    pub costs: Vec<CostLine>,
}

/// How far a funder's commitment has gone.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum FundingStatus {
    /// Envisaged, not yet asked.
    #[default]
    Planned,
    /// Asked for, awaiting a decision.
    Requested,
    /// Voted, signed or notified.
    Granted,
}

/// One funder of a position in one year.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct PostFunder {
    /// Who pays (commune, EPCI, own revenue…).
    pub funder: String,
    /// It is the grant the dossier asks of the call: it cannot be granted before the
    /// selection, so it counts as planned, not missing.
    pub from_call: bool,
    pub status: FundingStatus,
}

impl PostFunder {
    /// The funder is named.
    pub fn is_named(&self) -> bool {
        !self.funder.trim().is_empty() || self.from_call
    }

    /// The funding is as sure as it can be at this stage: granted, or the call's own grant.
    pub fn is_assured(&self) -> bool {
        self.is_named() && (self.from_call || self.status == FundingStatus::Granted)
    }
}

/// How one position is funded in one year.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct PositionYear {
    /// Who pays, each with the state of their commitment (none: not funded that year).
    pub funders: Vec<PostFunder>,
}

impl PositionYear {
    /// Someone is named to pay for the position this year.
    pub fn is_funded(&self) -> bool {
        self.funders.iter().any(PostFunder::is_named)
    }

    /// Every named funder of the year is granted or is the call's grant.
    pub fn is_assured(&self) -> bool {
        self.is_funded()
            && self
                .funders
                .iter()
                .filter(|f| f.is_named())
                .all(PostFunder::is_assured)
    }
}

/// One position in the team.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Position {
    /// Facilitator, fablab manager, mediator…
    pub role: String,
    pub fte: Fte,
    /// Funding in years 1 to 4.
    pub years: [PositionYear; BUDGET_YEARS],
}

/// The shared production workshop of a Manufacture de proximité: what its call's
/// eligibility asks (premises suited to the activity, a concrete HR strategy) and what it
/// describes (a mutualised machine park, training, professionals who share it).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Production {
    /// The premises suit the activity (surface, power, access for deliveries, safety).
    pub premises_suited: bool,
    /// What makes them suited, in a sentence or two.
    pub premises_description: String,
    /// The HR strategy: who is hired, when, trained how.
    pub hr_strategy: String,
    /// The machines of the shared park.
    pub machines: Vec<String>,
    /// Professionals (artisans, TPE/PME) who use the workshop.
    pub professional_users: u32,
    /// Training sessions given in a year.
    pub trainings_per_year: u32,
}

/// What the collectivité does for the project when it is not the holder (the source
/// article's list of ways to facilitate).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct CollectiviteRole {
    /// Helps build networks and inform the public.
    pub builds_networks: bool,
    /// Helps with project engineering and finding funding levers.
    pub engineering_support: bool,
    /// Makes communal premises available.
    pub provides_premises: bool,
    /// Gives financial help spread over time…
    pub staged_funding: bool,
    /// …with objectives, evaluation tools and a suitable contract.
    pub funding_agreement: bool,
    /// Brings the place into territorial governance bodies (employment service, PTCE…).
    pub territorial_governance: bool,
}

/// Who owns (is maître d'ouvrage of) an investment. New kinds are added at the end: a
/// link's binary form names them by position.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum InvestmentOwner {
    /// The project holder itself (association, company, or a collectivité that holds it).
    Holder,
    Commune,
    /// An EPCI à fiscalité propre (communauté de communes, d'agglomération, urbaine,
    /// métropole).
    Epci,
    /// A syndicat de communes or a syndicat mixte.
    Syndicat,
    /// A pôle d'équilibre territorial et rural.
    Petr,
    Departement,
    Region,
}

impl InvestmentOwner {
    /// The owner is a collectivité or a grouping of collectivités, bound by CGCT art.
    /// L1111-10 as maître d'ouvrage. The holder is one when it is a collectivité or a
    /// syndicat mixte.
    pub fn is_collectivite(self, holder: Option<HolderKind>) -> bool {
        match self {
            InvestmentOwner::Holder => matches!(
                holder,
                Some(HolderKind::Collectivite | HolderKind::SyndicatMixte)
            ),
            _ => true,
        }
    }

    /// The funder line by which this owner would name its own money (a département that
    /// owns an investment and funds it is paying its own share, not giving aid).
    pub fn own_funder(self) -> Option<FundingSource> {
        match self {
            InvestmentOwner::Commune => Some(FundingSource::Commune),
            InvestmentOwner::Epci => Some(FundingSource::Epci),
            InvestmentOwner::Departement => Some(FundingSource::Departement),
            InvestmentOwner::Region => Some(FundingSource::Region),
            InvestmentOwner::Holder | InvestmentOwner::Syndicat | InvestmentOwner::Petr => None,
        }
    }
}

/// The funding sources named by the source article.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum FundingSource {
    Ami,
    Detr,
    Dsil,
    Region,
    Departement,
    AnruAmundi,
    ActionLogement,
    /// The owner's own money.
    Own,
    /// Sponsorship and other private money.
    Private,
    /// A commune's subsidy (fonds de concours…), when the commune does not own the item.
    Commune,
    /// An EPCI's subsidy, when the EPCI does not own the item.
    Epci,
}

impl FundingSource {
    /// Public aid from a public body, in the sense of CGCT art. L1111-10 (the owner's own
    /// line excepted: see [`InvestmentOwner::own_funder`]). The ANRU + Amundi fund takes
    /// equity (51 % private) and is not counted; nor is Action Logement, whose status for
    /// this rule no source settles: [`crate::funding::public_aid_note`] says so in words.
    pub fn is_public_aid(self) -> bool {
        matches!(
            self,
            FundingSource::Ami
                | FundingSource::Detr
                | FundingSource::Dsil
                | FundingSource::Region
                | FundingSource::Departement
                | FundingSource::Commune
                | FundingSource::Epci
        )
    }
}

/// An amount asked of one source.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct FundingRequest {
    pub source: FundingSource,
    pub amount: Cents,
}

impl Default for FundingRequest {
    fn default() -> Self {
        FundingRequest {
            source: FundingSource::Own,
            amount: Cents::default(),
        }
    }
}

/// One investment item (works, equipment) and its funding plan.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct InvestmentItem {
    pub label: String,
    pub cost: Cents,
    pub owner: InvestmentOwner,
    /// The funders' lines. Without an `Own` line, the owner's share is what remains of
    /// the cost; with one, the lines must add up to the cost.
    pub funding: Vec<FundingRequest>,
    /// The owner acts as chef de file for the competence the item serves: its minimum
    /// share rises from 20 % to 30 % of the public financing (CGCT art. L1111-10).
    pub chef_de_file: bool,
}

impl Default for InvestmentItem {
    fn default() -> Self {
        InvestmentItem {
            label: String::new(),
            cost: Cents::default(),
            owner: InvestmentOwner::Holder,
            funding: Vec::new(),
            chef_de_file: false,
        }
    }
}

/// The six national themes of the DSIL (CGCT art. L2334-42), and the rural-development
/// contracts it also funds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DsilTheme {
    /// Thermal renovation, energy transition, renewable energies.
    EnergyRenovation,
    /// Bringing public facilities up to standard and making them safe.
    PublicFacilitiesStandards,
    /// Infrastructure for mobility or housing construction.
    MobilityHousing,
    /// Digital technology and mobile telephony.
    Digital,
    /// Creating, transforming and renovating school buildings.
    SchoolBuildings,
    /// Accommodation and public facilities made necessary by a growing population.
    GrowingPopulation,
    /// An operation of a rural-development contract signed by the State with an EPCI or a
    /// PETR.
    RuralContract,
}

/// The exceptions to the 80 % ceiling that depend on the operation, not on the territory.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum CeilingException {
    /// An urban-renewal operation (ANRU, art. 9 of law 2003-710).
    UrbanRenewal,
    /// Works on a protected monument, by prefectoral derogation.
    ProtectedMonument,
    /// Repairs after a natural disaster, by prefectoral derogation.
    DisasterRepair,
}

/// Investment spending and its funding plan.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct InvestmentPlan {
    pub items: Vec<InvestmentItem>,
    pub exception: Option<CeilingException>,
    /// The DSIL themes (or rural contract) the investment belongs to, as the holder ticks
    /// them: DSIL funds nothing else.
    pub dsil_themes: std::collections::BTreeSet<DsilTheme>,
}

/// Why a stored or imported dossier could not be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ReadError {
    /// The text is not a dossier: not JSON, or fields of the wrong type.
    Invalid(String),
    /// The dossier was written by a newer Fabrique, whose format this one does not know.
    FutureVersion(u32),
}

impl std::fmt::Display for ReadError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            ReadError::Invalid(detail) => write!(f, "not a readable dossier: {detail}"),
            ReadError::FutureVersion(version) => write!(
                f,
                "written by a newer Fabrique (format {version}, this one reads up to {SCHEMA_VERSION})"
            ),
        }
    }
}

impl std::error::Error for ReadError {}

/// Reads a dossier from its JSON text, migrating an older format to the current one. A
/// dossier from a future format is refused, never read with defaults in place of what this
/// version does not understand.
pub fn from_json(text: &str) -> Result<Dossier, ReadError> {
    // The common case, a dossier already in the current shape, is read in one typed pass
    // after a version check that builds nothing: several times faster than through a JSON
    // value (a list of 200 dossiers reads each one). Anything else takes the general path,
    // which also gives the precise error.
    if is_current_json(text) {
        if let Ok(dossier) = serde_json::from_str(text) {
            return Ok(dossier);
        }
    }
    let value: serde_json::Value =
        serde_json::from_str(text).map_err(|error| ReadError::Invalid(error.to_string()))?;
    from_value(value)
}

/// Whether a dossier's JSON text says it is in the current shape ([`SCHEMA_VERSION`]),
/// read without building anything but that number.
pub fn is_current_json(text: &str) -> bool {
    #[derive(Deserialize)]
    struct VersionOnly {
        schema_version: u32,
    }
    serde_json::from_str::<VersionOnly>(text)
        .is_ok_and(|version| version.schema_version == SCHEMA_VERSION)
}

/// Reads a dossier already parsed as JSON (inside an export or a stored record), migrating
/// it like [`from_json`].
pub fn from_value(value: serde_json::Value) -> Result<Dossier, ReadError> {
    let current = crate::migrate::to_current(value)?;
    // Read back from text rather than from the value: the dossier's types then have one JSON
    // reader in the wasm, not two (the value reader roughly doubles their code).
    serde_json::from_str(&current.to_string())
        .map_err(|error| ReadError::Invalid(error.to_string()))
}

/// The JSON text of a dossier, as it is stored.
pub fn to_json(dossier: &Dossier) -> String {
    // Serializing plain structs of strings, integers and booleans cannot fail.
    serde_json::to_string(dossier).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_dossier_survives_json_unchanged() {
        let dossier = Dossier {
            name: "Le Moulin".to_owned(),
            governance: Governance {
                has_statutes_or_charter: true,
                decision_body_meetings_per_year: 3,
                ..Governance::default()
            },
            ..Dossier::default()
        };
        assert_eq!(from_json(&to_json(&dossier)), Ok(dossier));
    }

    #[test]
    fn a_future_version_is_refused_even_when_its_shape_changed() {
        let text = r#"{"schema_version": 7, "governance": "a shape we do not know"}"#;
        assert_eq!(from_json(text), Err(ReadError::FutureVersion(7)));
    }

    #[test]
    fn text_that_is_not_a_dossier_is_invalid() {
        for text in ["", "{", "[]", r#"{"schema_version": "one"}"#, "{}"] {
            assert!(
                matches!(from_json(text), Err(ReadError::Invalid(_))),
                "{text:?} was accepted"
            );
        }
    }

    #[test]
    fn fields_of_the_wrong_type_are_invalid_not_defaulted() {
        for version in [2, SCHEMA_VERSION] {
            let text = format!(r#"{{"schema_version": {version}, "name": 42}}"#);
            assert!(matches!(from_json(&text), Err(ReadError::Invalid(_))));
        }
    }

    #[test]
    fn the_current_shape_reads_the_same_by_either_path() {
        let dossier = Dossier {
            name: "Le Moulin".to_owned(),
            partners: vec![Partner {
                name: "Mairie".to_owned(),
                declared_by_partner: true,
                ..Partner::default()
            }],
            ..Dossier::default()
        };
        let text = to_json(&dossier);
        assert!(is_current_json(&text));
        assert!(!is_current_json(r#"{"schema_version": 2}"#));
        assert!(!is_current_json(r#"{"name": "sans version"}"#));
        let through_value = serde_json::from_str(&text)
            .map_err(|e| ReadError::Invalid(e.to_string()))
            .and_then(from_value);
        assert_eq!(from_json(&text), Ok(dossier.clone()));
        assert_eq!(through_value, Ok(dossier));
    }
}

/// Section notes as they were kept, keyed by section. Schema 6 and link version 5 key a
/// note by the section's stored name (`economic_model`, [`Section::stored_name`]); schema 5
/// and link version 4 keyed it by the app's address slug of the time (`modele`), written
/// out here, frozen: slugs are no longer the app's to change. Both sets of keys are read
/// (where they share a word, it names the same section). A key that names no section (an
/// entry edited by hand) is not dropped: its text joins the identity section's note, under
/// its key.
///
/// [`Section::stored_name`]: crate::evaluation::Section::stored_name
pub fn notes_by_section(
    kept: std::collections::BTreeMap<String, String>,
) -> std::collections::BTreeMap<crate::evaluation::Section, String> {
    use crate::evaluation::Section;
    let mut notes = std::collections::BTreeMap::new();
    let mut strays = Vec::new();
    for (key, text) in kept {
        let section = Section::from_stored_name(&key).or(match key.as_str() {
            "identite" => Some(Section::Identity),
            "gouvernance" => Some(Section::Governance),
            "partenaires" => Some(Section::Partners),
            "besoin" => Some(Section::Need),
            "modele" => Some(Section::EconomicModel),
            "equipe" => Some(Section::Staff),
            "investissement" => Some(Section::Investment),
            "atelier" => Some(Section::Production),
            _ => None,
        });
        match section {
            Some(section) => {
                notes.insert(section, text);
            }
            None => strays.push(format!("« {key} » : {text}")),
        }
    }
    if !strays.is_empty() {
        let note: &mut String = notes.entry(Section::Identity).or_default();
        for stray in strays {
            if !note.is_empty() {
                note.push_str("\n\n");
            }
            note.push_str(&stray);
        }
    }
    notes
}

/// Notes written as a map from each section's stored name to its text, in JSON and in
/// links alike, and read with [`notes_by_section`].
mod notes_by_name {
    use crate::evaluation::Section;
    use serde::ser::SerializeMap;
    use serde::{Deserialize, Deserializer, Serializer};
    use std::collections::BTreeMap;

    pub fn serialize<S: Serializer>(
        notes: &BTreeMap<Section, String>,
        serializer: S,
    ) -> Result<S::Ok, S::Error> {
        // The length first: links' binary form (postcard) needs it before the entries.
        let kept = || notes.iter().filter(|(_, text)| !text.is_empty());
        let mut map = serializer.serialize_map(Some(kept().count()))?;
        for (section, text) in kept() {
            map.serialize_entry(section.stored_name(), text)?;
        }
        map.end()
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(
        deserializer: D,
    ) -> Result<BTreeMap<Section, String>, D::Error> {
        BTreeMap::<String, String>::deserialize(deserializer).map(super::notes_by_section)
    }
}

// The words of the dossier's enums, and the order lists offer their values in (the
// `Label` trait). Funding sources: new ones are added at the end of the enum (a link names
// them by position), anywhere in this list. DSIL themes: in the order of the law.
crate::labels! {
    HolderKind {
        Association => "Association", "Association";
        Scic => "SCIC (coopérative d'intérêt collectif)", "SCIC (collective-interest cooperative)";
        Scop => "SCOP (coopérative de salariés)", "SCOP (workers' cooperative)";
        Company => "Entreprise", "Company";
        Collectivite => "Collectivité (commune, EPCI…)", "Local authority (commune, EPCI…)";
        GipGie => "GIP ou GIE", "GIP or GIE";
        SyndicatMixte => "Syndicat mixte", "Syndicat mixte";
        Consortium => "Consortium avec un chef de file", "Consortium with a lead member";
    }
    LegalStatus {
        Declared => "Déclarée ou immatriculée", "Declared or registered";
        InCreation => "En cours de création", "Being created";
    }
    TerritoryKind {
        Rural => "Rural", "Rural";
        VilleMoyenne => "Ville moyenne", "Small or medium town";
        Metropole => "Métropole ou grand pôle urbain", "Metropolis or large urban centre";
    }
    Region {
        Metropole => "France métropolitaine", "Metropolitan France";
        Guadeloupe => "Guadeloupe", "Guadeloupe";
        Guyane => "Guyane", "French Guiana";
        LaReunion => "La Réunion", "La Réunion";
        Martinique => "Martinique", "Martinique";
        Mayotte => "Mayotte", "Mayotte";
        SaintBarthelemy => "Saint-Barthélemy", "Saint-Barthélemy";
        SaintMartin => "Saint-Martin", "Saint-Martin";
        SaintPierreEtMiquelon => "Saint-Pierre-et-Miquelon", "Saint-Pierre-et-Miquelon";
        AutreOutreMer => "Autre collectivité d'outre-mer", "Other overseas collectivity";
    }
    MemberCategory {
        Founder => "Fondateur", "Founder";
        User => "Usager", "User";
        Resident => "Habitant", "Resident";
        Business => "Entreprise", "Business";
        Association => "Association", "Association";
        Collectivite => "Collectivité", "Local authority";
        Employee => "Salarié", "Employee";
        Other => "Autre", "Other";
    }
    PartnerCategory {
        Collectivite => "Collectivité", "Local authority";
        StateService => "Service de l'État", "State service";
        Business => "Entreprise", "Business";
        Association => "Association", "Association";
        ResidentsCollective => "Collectif d'habitants", "Residents' collective";
        TiersLieuxNetwork => "Réseau de tiers-lieux", "Tiers-lieux network";
        EducationTraining => "Éducation, formation", "Education, training";
        EmploymentInsertion => "Emploi, insertion", "Employment, insertion";
        Other => "Autre", "Other";
    }
    ActorKind {
        ProjectHolders => "Autres porteurs de projets", "Other project holders";
        Businesses => "Entreprises", "Businesses";
        Associations => "Associations", "Associations";
        Residents => "Habitants", "Residents";
        Institutions => "Institutions", "Institutions";
        Other => "Autres", "Others";
    }
    ServiceKind {
        Coworking => "Coworking avec connexion", "Coworking with connectivity";
        MediationNumerique => "Médiation numérique", "Digital mediation";
        AccesAuxDroits => "Accès aux droits, France Services", "Access to rights, France Services";
        AideDemarches => "Aide aux démarches en ligne", "Help with online procedures";
        Fablab => "Fablab, fabrication numérique", "Fablab, digital fabrication";
        FormationNumerique => "Formation au numérique", "Digital training";
        FormationProfessionnelle => "Formation professionnelle", "Vocational training";
        Incubation => "Incubation", "Incubation";
        MicroFolie => "Micro-Folie", "Micro-Folie";
        CampusConnecte => "Campus connecté", "Campus connecté";
        Other => "Autre service", "Other service";
    }
    EventKind {
        Convivial => "Moment convivial", "Convivial moment";
        Workshop => "Atelier thématique", "Thematic workshop";
        Conference => "Conférence", "Talk";
        Seminar => "Séminaire", "Seminar";
        Other => "Autre", "Other";
    }
    RevenueSource {
        Own => "Recettes propres", "Own revenue";
        AmiGrant => "Subvention de l'AMI", "AMI grant";
        OtherPublic => "Autre subvention publique", "Other public subsidy";
        Private => "Fonds privés, mécénat", "Private funds, sponsorship";
    }
    CostKind {
        Staff => "Personnel", "Staff";
        Rent => "Loyer", "Rent";
        Utilities => "Fluides, énergie", "Utilities";
        Equipment => "Équipement", "Equipment";
        Animation => "Animation", "Animation";
        Other => "Autre", "Other";
    }
    CeilingException {
        UrbanRenewal => "Rénovation urbaine (ANRU)", "Urban renewal (ANRU)";
        ProtectedMonument => "Monument protégé", "Protected monument";
        DisasterRepair => "Réparation après calamité", "Disaster repair";
    }
    FundingStatus {
        Planned => "Envisagé", "Planned";
        Requested => "Demandé", "Requested";
        Granted => "Acquis (voté, signé)", "Granted (voted, signed)";
    }
    AmountPeriod {
        Total => "en une fois (total)", "once (in total)";
        PerYear => "chaque année", "each year";
    }
    ConsultationFormat {
        Interviews => "Entretiens", "Interviews";
        PublicMeetings => "Réunions publiques", "Public meetings";
    }
    FundingSource {
        Ami => "Subvention de l'appel visé (AMI)", "The call's grant (AMI)";
        Detr => "DETR", "DETR";
        Dsil => "DSIL", "DSIL";
        Region => "Région", "Region";
        Departement => "Département", "Département";
        Epci => "EPCI (subvention, fonds de concours)", "EPCI (subsidy)";
        Commune => "Commune (subvention)", "Commune (subsidy)";
        AnruAmundi => "Fonds tiers-lieux ANRU + Amundi", "Fonds tiers-lieux ANRU + Amundi";
        ActionLogement => "Action Logement", "Action Logement";
        Own => "Fonds propres", "Own funds";
        Private => "Mécénat et fonds privés", "Sponsorship and private funds";
    }
    InvestmentOwner {
        Holder => "Le porteur du projet", "The project holder";
        Commune => "La commune", "The commune";
        Epci => "L'EPCI", "The EPCI";
        Syndicat => "Un syndicat (de communes ou mixte)", "A syndicat (of communes, or mixed)";
        Petr => "Le PETR", "The PETR";
        Departement => "Le département", "The département";
        Region => "La région", "The région";
    }
    DsilTheme {
        EnergyRenovation => "Rénovation thermique, transition énergétique, énergies \
            renouvelables", "Thermal renovation, energy transition, renewable energy";
        PublicFacilitiesStandards => "Mise aux normes et sécurisation des équipements \
            publics", "Bringing public facilities up to standard and making them safe";
        MobilityHousing => "Infrastructures de mobilité ou de construction de \
            logements", "Infrastructure for mobility or housing construction";
        Digital => "Numérique et téléphonie mobile", "Digital technology and mobile telephony";
        SchoolBuildings => "Bâtiments scolaires (création, transformation, \
            rénovation)", "School buildings (creation, transformation, renovation)";
        GrowingPopulation => "Hébergements et équipements publics rendus nécessaires par l'accroissement de la \
            population", "Accommodation and public facilities needed by a growing population";
        RuralContract => "Opération d'un contrat de ruralité signé par l'État avec un EPCI ou un \
            PETR", "An operation of a rural-development contract signed by the State with an EPCI or a PETR";
    }
}
