//! Snapshot links: a dossier, with the weights it was evaluated with, carried in the URL
//! fragment so that it never reaches a server. The token is `d<version>-<payload>`, where
//! the payload is the snapshot in postcard (a compact binary form without field names)
//! followed by a checksum of those bytes, compressed with raw DEFLATE, in base64url without
//! padding: only unreserved URL characters. The same snapshot always gives the same link
//! from the same compressor ([`encode`] uses the core's; the app, the browser's: [`finish`]).
//!
//! Decoding never trusts its input: the text is capped, decompression stops at a limit as
//! it streams, the checksum must match, and every failure is a typed [`LinkError`], never
//! a panic and never a snapshot filled with defaults. Encoding is capped by the same
//! limits: Fabrique never makes a link that it would refuse to open ([`EncodeError`]).
//!
//! The payload's binary shape is the dossier's shape at the link version's time: when the
//! dossier changes shape, the link version is raised and the old shape is kept (frozen) to
//! read old links. The golden vectors of `tests/fixtures/links/` hold links of every
//! version and fail when an encoding changes without a version bump.

use crate::dossier::{Dossier, SCHEMA_VERSION};
use crate::evaluation::Section;
use crate::referential::CriterionId;
use base64::Engine as _;
use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// The current link version. Version 1 carried dossiers of schema version 2; version 2
/// schema version 3 (partners may have declared their commitment themselves); version 3
/// carries schema version 4 (the call the dossier answers, investment owners' roles);
/// version 4 schema version 5 (the facts the evaluation needed: zoning, general assembly,
/// public meetings, several funders per post, the Manufacture's workshop…); version 5
/// schema version 6 (section notes keyed by the section, not by an address slug); version
/// 6 the same schema, with a checksum after the content.
pub const LINK_VERSION: u32 = 6;
/// The dossier schema version that the current link version carries.
const LINK_SCHEMA: u32 = 6;
/// The longest token (`d6-…`, `r2-…`) that is read, and so the longest that is made.
pub const MAX_TOKEN_CHARS: usize = 8_000;
/// The longest text read as a link: a token, with room for the app's address before it
/// and for the line breaks a mail program puts in.
pub const MAX_LINK_CHARS: usize = MAX_TOKEN_CHARS + 2_000;
/// The largest snapshot, once decompressed.
pub const MAX_DECOMPRESSED_BYTES: usize = 1_000_000;
/// DEFLATE's strongest level: links are made rarely and read often.
const COMPRESSION_LEVEL: u8 = 10;
/// The checksum's length, after the content, in the versions that carry one.
const CHECKSUM_BYTES: usize = 4;

/// What a link carries.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Snapshot {
    pub dossier: Dossier,
    /// The criterion weights the sender evaluated with (empty: Fabrique's defaults).
    pub weights: BTreeMap<CriterionId, u32>,
    /// The version of the referential the sender evaluated with.
    pub referential_version: u32,
    /// When the dossier was last saved, in milliseconds since 1970 (0: unknown).
    pub saved_at_ms: u64,
}

/// Why a link could not be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LinkError {
    /// No link at all.
    Empty,
    /// Longer than any link Fabrique makes.
    TooLong { chars: usize },
    /// Not a Fabrique link (or an unknown kind of one).
    UnknownFormat,
    /// Made by a newer Fabrique.
    FutureVersion(u32),
    /// Cut short, as a mail program may do.
    Truncated,
    /// Damaged: characters changed or added.
    Corrupt,
    /// Damaged in a way that still decompresses: the checksum does not match.
    Altered,
    /// Decompresses to more than any dossier.
    TooLarge,
    /// Well formed, but what it carries is not a valid snapshot.
    Invalid(String),
}

impl std::fmt::Display for LinkError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            LinkError::Empty => write!(f, "empty link"),
            LinkError::TooLong { chars } => write!(
                f,
                "link too long ({chars} characters, at most {MAX_TOKEN_CHARS})"
            ),
            LinkError::UnknownFormat => write!(f, "not a Fabrique link"),
            LinkError::FutureVersion(version) => {
                write!(f, "link made by a newer Fabrique (version {version})")
            }
            LinkError::Truncated => write!(f, "link cut short"),
            LinkError::Corrupt => write!(f, "damaged link"),
            LinkError::Altered => write!(f, "damaged link (checksum mismatch)"),
            LinkError::TooLarge => write!(f, "link content too large"),
            LinkError::Invalid(detail) => write!(f, "invalid link content: {detail}"),
        }
    }
}

impl std::error::Error for LinkError {}

/// Why no link was made: Fabrique refuses to make a link that it could not open.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum EncodeError {
    /// The token would be longer than [`MAX_TOKEN_CHARS`].
    TooLong { chars: usize },
    /// The content would be larger than [`MAX_DECOMPRESSED_BYTES`].
    TooLarge { bytes: usize },
    /// The content is not what a link may carry (a value out of bounds…).
    Invalid(String),
}

impl std::fmt::Display for EncodeError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            EncodeError::TooLong { chars } => write!(
                f,
                "the link would be {chars} characters long, at most {MAX_TOKEN_CHARS}"
            ),
            EncodeError::TooLarge { bytes } => write!(
                f,
                "the content would be {bytes} bytes, at most {MAX_DECOMPRESSED_BYTES}"
            ),
            EncodeError::Invalid(detail) => write!(f, "cannot be carried by a link: {detail}"),
        }
    }
}

impl std::error::Error for EncodeError {}

/// The checksum that follows the content: the low 32 bits of its xxHash64.
fn checksum(binary: &[u8]) -> [u8; CHECKSUM_BYTES] {
    // Truncation intended: four bytes are enough to tell a damaged link.
    (xxhash_rust::xxh64::xxh64(binary, 0) as u32).to_le_bytes()
}

/// What a link carries before compression: the kind and version of its token, and the value
/// in postcard followed by its checksum. The compressor is the caller's: the app hands these
/// bytes to the browser's own raw DEFLATE (`CompressionStream("deflate-raw")`), so that no
/// compressor is compiled into its wasm; the CLI and the tests use [`deflate`]. Whichever
/// compressed them, [`finish`] (or `review::finish`) makes a token only when its output gives
/// these bytes back.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Uncompressed {
    kind: char,
    version: u32,
    bytes: Vec<u8>,
}

impl Uncompressed {
    /// The value's bytes, to compress with raw DEFLATE.
    pub fn bytes(&self) -> &[u8] {
        &self.bytes
    }

    /// The token of these bytes, compressed as `compressed`: refused unless `compressed`
    /// decompresses, within the reader's limit, to exactly these bytes, and unless the token
    /// fits the reader's cap. What the token then carries is the caller's to check.
    pub(crate) fn token(&self, compressed: &[u8]) -> Result<String, EncodeError> {
        let restored =
            miniz_oxide::inflate::decompress_to_vec_with_limit(compressed, MAX_DECOMPRESSED_BYTES)
                .map_err(|error| {
                    EncodeError::Invalid(format!("the compressed bytes do not inflate: {error}"))
                })?;
        if restored != self.bytes {
            return Err(EncodeError::Invalid(
                "the compressed bytes do not give the content back".to_owned(),
            ));
        }
        let payload = base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(compressed);
        token(self.kind, self.version, &payload)
    }
}

/// A value in the links' codec, before compression: postcard, then its checksum; refused
/// beyond what [`unpack_checked`] reads.
pub(crate) fn uncompressed<T: Serialize>(
    kind: char,
    version: u32,
    value: &T,
) -> Result<Uncompressed, EncodeError> {
    let mut bytes =
        postcard::to_allocvec(value).map_err(|error| EncodeError::Invalid(error.to_string()))?;
    let sum = checksum(&bytes);
    bytes.extend_from_slice(&sum);
    if bytes.len() > MAX_DECOMPRESSED_BYTES {
        return Err(EncodeError::TooLarge { bytes: bytes.len() });
    }
    Ok(Uncompressed {
        kind,
        version,
        bytes,
    })
}

/// Raw DEFLATE at its strongest level (links are made rarely and read often): the
/// compressor of the CLI and the tests. The app uses the browser's instead ([`Uncompressed`]).
pub fn deflate(bytes: &[u8]) -> Vec<u8> {
    miniz_oxide::deflate::compress_to_vec(bytes, COMPRESSION_LEVEL)
}

/// A value in the links' codec, with its checksum: postcard, the checksum, raw DEFLATE,
/// base64url without padding; refused beyond what [`unpack_checked`] reads.
#[cfg(test)]
pub(crate) fn pack<T: Serialize>(value: &T) -> Result<String, EncodeError> {
    let content = uncompressed('x', 0, value)?;
    Ok(base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(deflate(content.bytes())))
}

/// A token: its kind and version, then the payload; refused beyond [`MAX_TOKEN_CHARS`].
pub(crate) fn token(kind: char, version: u32, payload: &str) -> Result<String, EncodeError> {
    let token = format!("{kind}{version}-{payload}");
    if token.len() > MAX_TOKEN_CHARS {
        return Err(EncodeError::TooLong { chars: token.len() });
    }
    Ok(token)
}

/// The dossier as a link carries it: without the reviews the holder received, which are
/// theirs alone.
pub fn shareable(dossier: &Dossier) -> Dossier {
    let mut shared = dossier.clone();
    shared.reviews.clear();
    shared
}

/// What the token of a snapshot carries, before compression: the dossier without its
/// reviews. A snapshot larger than the reader accepts has none.
pub fn prepare(snapshot: &Snapshot) -> Result<Uncompressed, EncodeError> {
    let shared = Snapshot {
        dossier: shareable(&snapshot.dossier),
        ..snapshot.clone()
    };
    uncompressed('d', LINK_VERSION, &shared)
}

/// The token (`d6-…`) of a prepared snapshot, once compressed: made only when it opens (a
/// reply's content, or bytes its compressor did not give back, make none).
pub fn finish(content: &Uncompressed, compressed: &[u8]) -> Result<String, EncodeError> {
    let token = content.token(compressed)?;
    // What the reader refuses is not made: the link is read back once.
    decode(&token).map_err(|error| EncodeError::Invalid(error.to_string()))?;
    Ok(token)
}

/// The token (`d6-…`) that carries a snapshot, compressed here ([`deflate`]). The dossier's
/// reviews are left out. A snapshot that the decoder would refuse (too long, out of
/// bounds) gives no token.
pub fn encode(snapshot: &Snapshot) -> Result<String, EncodeError> {
    let content = prepare(snapshot)?;
    finish(&content, &deflate(content.bytes()))
}

/// A whole link: the app's address (query and fragment dropped) and the token as fragment.
pub fn to_link(app_address: &str, snapshot: &Snapshot) -> Result<String, EncodeError> {
    whole_link(app_address, &encode(snapshot)?)
}

/// The address and the token as one link, refused when the reader would find the whole
/// text too long (an address of thousands of characters).
pub fn whole_link(app_address: &str, token: &str) -> Result<String, EncodeError> {
    let link = format!("{}#{token}", base_address(app_address));
    let chars = link.chars().count();
    if chars > MAX_LINK_CHARS {
        return Err(EncodeError::TooLong { chars });
    }
    Ok(link)
}

/// The app's address without its query and fragment.
fn base_address(app_address: &str) -> &str {
    app_address.split(['#', '?']).next().unwrap_or(app_address)
}

/// How much of a link each part of a dossier weighs, heaviest first: what to shorten (or
/// to send as a file instead) when the link would be too long. A section's answers are
/// measured by their size in the link's binary form (about a character each), a note by
/// its characters.
pub fn heaviest_parts(dossier: &Dossier) -> Vec<Part> {
    fn size<T: Serialize>(value: &T) -> usize {
        postcard::to_allocvec(value).map_or(0, |binary| binary.len())
    }
    let answers = [
        (
            Section::Identity,
            size(&dossier.name) + size(&dossier.identity),
        ),
        (Section::Governance, size(&dossier.governance)),
        (Section::Partners, size(&dossier.partners)),
        (Section::Need, size(&dossier.need)),
        (Section::Services, size(&dossier.services)),
        (Section::EconomicModel, size(&dossier.economic_model)),
        (Section::Staff, size(&dossier.staff)),
        (Section::Collectivite, size(&dossier.collectivite_role)),
        (Section::Investment, size(&dossier.investment)),
        (Section::Production, size(&dossier.production)),
    ];
    let mut parts: Vec<Part> = answers
        .into_iter()
        .map(|(section, chars)| Part {
            section,
            note: false,
            chars,
        })
        .chain(dossier.notes.iter().map(|(section, text)| Part {
            section: *section,
            note: true,
            chars: text.chars().count(),
        }))
        .filter(|part| part.chars > 0)
        .collect();
    parts.sort_unstable_by_key(|part| std::cmp::Reverse(part.chars));
    parts
}

/// A part of a dossier and what it weighs in a link.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Part {
    pub section: Section,
    /// The section's note, rather than its answers.
    pub note: bool,
    /// Its length: characters for a note, bytes of the link's binary form for answers.
    pub chars: usize,
}

fn is_payload_char(c: char) -> bool {
    c.is_ascii_alphanumeric() || c == '-' || c == '_'
}

/// Finds the token in what a person pasted or clicked: a whole link, its fragment, a
/// fragment that a mail filter encoded again (`%23`), a `?s=` query, or the bare token.
/// Line breaks and spaces inside (wrapped e-mails) and punctuation around are dropped.
pub fn extract_token(text: &str) -> &str {
    let text = text.trim();
    let after = if let Some((_, fragment)) = text.rsplit_once('#') {
        fragment
    } else if let Some(position) = text.find("%23") {
        &text[position + 3..]
    } else if let Some(position) = text.find("?s=").or_else(|| text.find("&s=")) {
        let value = &text[position + 3..];
        value.split('&').next().unwrap_or(value)
    } else {
        text
    };
    after.trim_matches(|c: char| !is_payload_char(c))
}

/// The version and payload of a token of the given kind (`d` for snapshots, `r` for
/// replies), from a link, its fragment, or the bare token; the text is capped first.
pub(crate) fn split_token(text: &str, kind: char) -> Result<(u32, String), LinkError> {
    let chars = text.chars().count();
    if chars > MAX_LINK_CHARS {
        return Err(LinkError::TooLong { chars });
    }
    let token: String = extract_token(text)
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect();
    if token.is_empty() {
        return Err(LinkError::Empty);
    }
    if token.len() > MAX_TOKEN_CHARS {
        return Err(LinkError::TooLong {
            chars: token.chars().count(),
        });
    }
    let rest = token.strip_prefix(kind).ok_or(LinkError::UnknownFormat)?;
    let (version, payload) = rest.split_once('-').ok_or(LinkError::UnknownFormat)?;
    if version.is_empty() || !version.bytes().all(|b| b.is_ascii_digit()) || version.len() > 9 {
        return Err(LinkError::UnknownFormat);
    }
    let version: u32 = version.parse().map_err(|_| LinkError::UnknownFormat)?;
    if version == 0 {
        return Err(LinkError::UnknownFormat);
    }
    Ok((version, payload.to_owned()))
}

/// The bytes a payload carries, never trusting it: decompression stops at
/// [`MAX_DECOMPRESSED_BYTES`].
fn inflate(payload: &str) -> Result<Vec<u8>, LinkError> {
    if payload.is_empty() {
        return Err(LinkError::Truncated);
    }
    let compressed = base64::engine::general_purpose::URL_SAFE_NO_PAD
        .decode(payload)
        .map_err(|error| match error {
            // What a cut link looks like: a length or a last character that cannot end one.
            base64::DecodeError::InvalidLength { .. }
            | base64::DecodeError::InvalidLastSymbol { .. } => LinkError::Truncated,
            _ => LinkError::Corrupt,
        })?;
    miniz_oxide::inflate::decompress_to_vec_with_limit(&compressed, MAX_DECOMPRESSED_BYTES).map_err(
        |error| match error.status {
            miniz_oxide::inflate::TINFLStatus::HasMoreOutput => LinkError::TooLarge,
            miniz_oxide::inflate::TINFLStatus::FailedCannotMakeProgress => LinkError::Truncated,
            _ => LinkError::Corrupt,
        },
    )
}

/// A value from its postcard bytes; anything left after the value is an error.
fn read<T: DeserializeOwned>(binary: &[u8]) -> Result<T, LinkError> {
    let (value, rest): (T, &[u8]) =
        postcard::take_from_bytes(binary).map_err(|error| match error {
            postcard::Error::DeserializeUnexpectedEnd => LinkError::Truncated,
            other => LinkError::Invalid(other.to_string()),
        })?;
    if !rest.is_empty() {
        return Err(LinkError::Invalid(format!(
            "{} bytes after the content",
            rest.len()
        )));
    }
    Ok(value)
}

/// Reads a value in the links' codec of the versions without a checksum (snapshot links
/// 1 to 5, replies 1).
pub(crate) fn unpack<T: DeserializeOwned>(payload: &str) -> Result<T, LinkError> {
    read(&inflate(payload)?)
}

/// Reads a value written by [`pack`]: the checksum after the content must match it.
pub(crate) fn unpack_checked<T: DeserializeOwned>(payload: &str) -> Result<T, LinkError> {
    let binary = inflate(payload)?;
    let Some(split) = binary.len().checked_sub(CHECKSUM_BYTES) else {
        return Err(LinkError::Truncated);
    };
    let (content, sum) = binary.split_at(split);
    if sum != checksum(content) {
        return Err(LinkError::Altered);
    }
    read(content)
}

/// Reads a snapshot from a link, its fragment, or its token.
pub fn decode(text: &str) -> Result<Snapshot, LinkError> {
    let (version, payload) = split_token(text, 'd')?;
    match version {
        1 => v1::decode(&payload),
        2 => v2::decode(&payload),
        3 => v3::decode(&payload),
        // Version 4 has the current binary shape; its notes are keyed by address slugs,
        // which the notes' reader also reads.
        4 => check(unpack(&payload)?, 5).map(|mut snapshot| {
            snapshot.dossier.schema_version = SCHEMA_VERSION;
            snapshot
        }),
        5 => check(unpack(&payload)?, LINK_SCHEMA),
        6 => check(unpack_checked(&payload)?, LINK_SCHEMA),
        future => Err(LinkError::FutureVersion(future)),
    }
}

/// What postcard cannot say by itself: the versions agree, the weights make sense, and
/// nothing of the holder's own record (the reviews) came along.
fn check(snapshot: Snapshot, schema: u32) -> Result<Snapshot, LinkError> {
    if snapshot.dossier.schema_version != schema {
        return Err(LinkError::Invalid(format!(
            "dossier schema {} in a link of schema {schema}",
            snapshot.dossier.schema_version
        )));
    }
    if let Some((criterion, weight)) = snapshot
        .weights
        .iter()
        .find(|(_, w)| !(1..=100).contains(*w))
    {
        return Err(LinkError::Invalid(format!(
            "weight {weight} for {criterion:?}"
        )));
    }
    if !snapshot.dossier.reviews.is_empty() {
        return Err(LinkError::Invalid(
            "a snapshot carries no review".to_owned(),
        ));
    }
    // The current link version carries the current shape: nothing to migrate.
    debug_assert_eq!(LINK_SCHEMA, SCHEMA_VERSION);
    Ok(snapshot)
}

/// Link version 3, frozen: the shape of schema-4 dossiers, before the facts schema 5 added
/// (zoning, general assembly, amount periods, public meetings, visits, attendance, global
/// packages, several funders per post, the Manufacture's workshop). Versions 1 and 2 are
/// brought to this shape, then to the current one.
mod v3 {
    use crate::dossier::{
        ActorKind, CollectiviteRole, CommunityEvents, CostLine, DigitalService, HolderKind,
        InvestmentPlan, LegalStatus, Member, PartnerCategory, Price, Region, RevenueLine,
        TerritoryKind, BUDGET_YEARS,
    };
    use crate::referential::CriterionId;
    use crate::units::{Cents, Date, Fte};
    use serde::Deserialize;
    use std::collections::BTreeMap;

    use super::LinkError;

    #[derive(Deserialize)]
    struct Snapshot {
        dossier: Dossier,
        weights: BTreeMap<CriterionId, u32>,
        referential_version: u32,
        saved_at_ms: u64,
    }

    #[derive(Deserialize)]
    pub(super) struct Dossier {
        pub schema_version: u32,
        pub name: String,
        pub call: crate::calls::CallId,
        pub identity: Identity,
        pub governance: Governance,
        pub partners: Vec<Partner>,
        pub need: TerritorialNeed,
        pub services: Vec<DigitalService>,
        pub economic_model: EconomicModel,
        pub staff: Vec<Position>,
        pub collectivite_role: CollectiviteRole,
        pub investment: InvestmentPlan,
        pub notes: BTreeMap<String, String>,
        pub reviews: Vec<crate::review::ReceivedReview>,
    }

    #[derive(Deserialize)]
    pub(super) struct Identity {
        pub holder_kind: Option<HolderKind>,
        pub holder_name: String,
        pub legal_status: Option<LegalStatus>,
        pub lead_member: String,
        pub commune: String,
        pub commune_population: Option<u32>,
        pub epci: String,
        pub epci_population: Option<u32>,
        pub epci_has_large_central_commune: Option<bool>,
        pub epci_density_per_km2: Option<u32>,
        pub region: Region,
        pub territory: Option<TerritoryKind>,
        pub in_qpv: bool,
        pub next_to_qpv: bool,
        pub potentiel_financier_percent: Option<u32>,
        pub already_open: bool,
        pub opening_date: Option<Date>,
        pub surface_m2: Option<u32>,
        pub sous_prefecture_without_fabrique: Option<bool>,
        pub syndicat_population: Option<u32>,
        pub official: Option<crate::territory::OfficialTerritory>,
    }

    #[derive(Deserialize)]
    pub(super) struct Governance {
        has_statutes_or_charter: bool,
        decision_body_meetings_per_year: u32,
        decision_body: String,
        users_take_part_in_decisions: bool,
        animator: String,
        members: Vec<Member>,
    }

    #[derive(Deserialize)]
    pub(super) struct Partner {
        pub name: String,
        pub category: PartnerCategory,
        pub letter_of_support: bool,
        pub financial_amount: Option<Cents>,
        pub in_kind: bool,
        pub governance_seat: bool,
        pub declared_by_partner: bool,
    }

    #[derive(Deserialize)]
    struct Consultation {
        actor: ActorKind,
        count: u32,
    }

    #[derive(Deserialize)]
    pub(super) struct TerritorialNeed {
        consultations: Vec<Consultation>,
        networks: Vec<String>,
        existing_structures: Vec<String>,
        unmet_needs: Vec<String>,
        tensions: Vec<crate::dossier::Tension>,
        no_tension_found: bool,
        test_weeks: u32,
        test_participants: u32,
    }

    #[derive(Deserialize)]
    struct RentableSpace {
        name: String,
        surface_m2: u32,
        yearly_rent: Cents,
    }

    #[derive(Deserialize)]
    pub(super) struct EconomicModel {
        prices: Vec<Price>,
        rentable_spaces: Vec<RentableSpace>,
        events: Vec<CommunityEvents>,
        revenue: Vec<RevenueLine>,
        costs: Vec<CostLine>,
    }

    #[derive(Deserialize)]
    struct PositionYear {
        funded_by: String,
        secured: bool,
    }

    #[derive(Deserialize)]
    pub(super) struct Position {
        role: String,
        fte: Fte,
        years: [PositionYear; BUDGET_YEARS],
    }

    impl Position {
        /// A named funder becomes a list of one, granted when it was "secured"; whether it
        /// was the call's grant is not known, so it is not assumed.
        fn into_current(self) -> crate::dossier::Position {
            crate::dossier::Position {
                role: self.role,
                fte: self.fte,
                years: self.years.map(|year| crate::dossier::PositionYear {
                    funders: if year.funded_by.trim().is_empty() {
                        Vec::new()
                    } else {
                        vec![crate::dossier::PostFunder {
                            funder: year.funded_by,
                            from_call: false,
                            status: if year.secured {
                                crate::dossier::FundingStatus::Granted
                            } else {
                                crate::dossier::FundingStatus::Planned
                            },
                        }]
                    },
                }),
            }
        }
    }

    impl Dossier {
        /// The current dossier this one is: schema 5's facts start unanswered.
        pub(super) fn into_current(self) -> crate::dossier::Dossier {
            let identity = self.identity;
            let governance = self.governance;
            let need = self.need;
            let model = self.economic_model;
            crate::dossier::Dossier {
                schema_version: self.schema_version,
                name: self.name,
                call: self.call,
                identity: crate::dossier::Identity {
                    holder_kind: identity.holder_kind,
                    holder_name: identity.holder_name,
                    legal_status: identity.legal_status,
                    lead_member: identity.lead_member,
                    commune: identity.commune,
                    commune_population: identity.commune_population,
                    epci: identity.epci,
                    epci_population: identity.epci_population,
                    epci_has_large_central_commune: identity.epci_has_large_central_commune,
                    epci_density_per_km2: identity.epci_density_per_km2,
                    region: identity.region,
                    territory: identity.territory,
                    in_qpv: identity.in_qpv,
                    next_to_qpv: identity.next_to_qpv,
                    potentiel_financier_percent: identity.potentiel_financier_percent,
                    already_open: identity.already_open,
                    opening_date: identity.opening_date,
                    surface_m2: identity.surface_m2,
                    sous_prefecture_without_fabrique: identity.sous_prefecture_without_fabrique,
                    syndicat_population: identity.syndicat_population,
                    official: identity.official,
                    frr_zone: None,
                },
                governance: crate::dossier::Governance {
                    has_statutes_or_charter: governance.has_statutes_or_charter,
                    decision_body_meetings_per_year: governance.decision_body_meetings_per_year,
                    decision_body: governance.decision_body,
                    users_take_part_in_decisions: governance.users_take_part_in_decisions,
                    animator: governance.animator,
                    members: governance.members,
                    general_assembly: false,
                },
                partners: self
                    .partners
                    .into_iter()
                    .map(|p| crate::dossier::Partner {
                        name: p.name,
                        category: p.category,
                        letter_of_support: p.letter_of_support,
                        financial_amount: p.financial_amount,
                        amount_period: crate::dossier::AmountPeriod::Total,
                        in_kind: p.in_kind,
                        governance_seat: p.governance_seat,
                        declared_by_partner: p.declared_by_partner,
                    })
                    .collect(),
                need: crate::dossier::TerritorialNeed {
                    consultations: need
                        .consultations
                        .into_iter()
                        .map(|c| crate::dossier::Consultation {
                            actor: c.actor,
                            count: c.count,
                            ..crate::dossier::Consultation::default()
                        })
                        .collect(),
                    networks: need.networks,
                    existing_structures: need.existing_structures,
                    unmet_needs: need.unmet_needs,
                    tensions: need.tensions,
                    no_tension_found: need.no_tension_found,
                    no_tension_how: String::new(),
                    test_weeks: need.test_weeks,
                    test_participants: need.test_participants,
                    test_visits: 0,
                    visitors_per_year: 0,
                },
                services: self.services,
                economic_model: crate::dossier::EconomicModel {
                    prices: model.prices,
                    rentable_spaces: model
                        .rentable_spaces
                        .into_iter()
                        .map(|s| crate::dossier::RentableSpace {
                            name: s.name,
                            surface_m2: s.surface_m2,
                            yearly_rent: s.yearly_rent,
                            in_global_package: false,
                        })
                        .collect(),
                    events: model.events,
                    revenue: model.revenue,
                    costs: model.costs,
                },
                staff: self.staff.into_iter().map(Position::into_current).collect(),
                collectivite_role: self.collectivite_role,
                production: crate::dossier::Production::default(),
                investment: self.investment,
                notes: crate::dossier::notes_by_section(self.notes),
                reviews: self.reviews,
            }
        }
    }

    /// A version-3 payload, read in its own shape and brought to the current one.
    pub(super) fn decode(payload: &str) -> Result<super::Snapshot, LinkError> {
        let old: Snapshot = super::unpack(payload)?;
        let mut snapshot = super::check(
            super::Snapshot {
                dossier: old.dossier.into_current(),
                weights: old.weights,
                referential_version: old.referential_version,
                saved_at_ms: old.saved_at_ms,
            },
            4,
        )?;
        snapshot.dossier.schema_version = super::SCHEMA_VERSION;
        Ok(snapshot)
    }
}

/// Link version 2, frozen: the shape of schema-3 dossiers, which named the label
/// (`variant`) instead of the call, and whose identity and investment plan had fewer
/// fields. Only the types that changed since are copied here; the others are the current
/// ones, whose binary shape has not changed (new enum variants were added at the end).
mod v2 {
    use super::v3::{EconomicModel, Governance, Partner, Position, TerritorialNeed};
    use crate::dossier::{
        CeilingException, CollectiviteRole, DigitalService, FundingRequest, HolderKind,
        InvestmentOwner, LegalStatus, Region, TerritoryKind,
    };
    use crate::referential::CriterionId;
    use crate::units::Date;
    use serde::Deserialize;
    use std::collections::BTreeMap;

    use super::LinkError;

    #[derive(Deserialize)]
    struct Snapshot {
        dossier: Dossier,
        weights: BTreeMap<CriterionId, u32>,
        referential_version: u32,
        saved_at_ms: u64,
    }

    /// The labels of schemas 2 and 3: the two Fabriques only.
    #[derive(Deserialize, Clone, Copy)]
    pub(super) enum Variant {
        FabriqueDeTerritoire,
        FabriqueNumerique,
    }

    #[derive(Deserialize)]
    pub(super) struct Dossier {
        pub schema_version: u32,
        pub name: String,
        pub variant: Variant,
        pub identity: Identity,
        pub governance: Governance,
        pub partners: Vec<Partner>,
        pub need: TerritorialNeed,
        pub services: Vec<DigitalService>,
        pub economic_model: EconomicModel,
        pub staff: Vec<Position>,
        pub collectivite_role: CollectiviteRole,
        pub investment: InvestmentPlan,
        pub notes: BTreeMap<String, String>,
        pub reviews: Vec<crate::review::ReceivedReview>,
    }

    #[derive(Deserialize)]
    pub(super) struct Identity {
        holder_kind: Option<HolderKind>,
        holder_name: String,
        legal_status: Option<LegalStatus>,
        lead_member: String,
        commune: String,
        commune_population: Option<u32>,
        epci: String,
        epci_population: Option<u32>,
        epci_has_large_central_commune: Option<bool>,
        epci_density_per_km2: Option<u32>,
        region: Region,
        territory: Option<TerritoryKind>,
        in_qpv: bool,
        next_to_qpv: bool,
        potentiel_financier_percent: Option<u32>,
        already_open: bool,
        opening_date: Option<Date>,
        surface_m2: Option<u32>,
    }

    #[derive(Deserialize)]
    pub(super) struct InvestmentPlan {
        items: Vec<InvestmentItem>,
        exception: Option<CeilingException>,
    }

    #[derive(Deserialize)]
    struct InvestmentItem {
        label: String,
        cost: crate::units::Cents,
        owner: InvestmentOwner,
        funding: Vec<FundingRequest>,
    }

    impl Identity {
        pub(super) fn into_v3(self) -> super::v3::Identity {
            super::v3::Identity {
                holder_kind: self.holder_kind,
                holder_name: self.holder_name,
                legal_status: self.legal_status,
                lead_member: self.lead_member,
                commune: self.commune,
                commune_population: self.commune_population,
                epci: self.epci,
                epci_population: self.epci_population,
                epci_has_large_central_commune: self.epci_has_large_central_commune,
                epci_density_per_km2: self.epci_density_per_km2,
                region: self.region,
                territory: self.territory,
                in_qpv: self.in_qpv,
                next_to_qpv: self.next_to_qpv,
                potentiel_financier_percent: self.potentiel_financier_percent,
                already_open: self.already_open,
                opening_date: self.opening_date,
                surface_m2: self.surface_m2,
                sous_prefecture_without_fabrique: None,
                syndicat_population: None,
                official: None,
            }
        }
    }

    impl InvestmentPlan {
        pub(super) fn into_current(self) -> crate::dossier::InvestmentPlan {
            crate::dossier::InvestmentPlan {
                items: self
                    .items
                    .into_iter()
                    .map(|item| crate::dossier::InvestmentItem {
                        label: item.label,
                        cost: item.cost,
                        owner: item.owner,
                        funding: item.funding,
                        chef_de_file: false,
                    })
                    .collect(),
                exception: self.exception,
                dsil_themes: Default::default(),
            }
        }
    }

    impl Dossier {
        /// The current dossier this one is: it answers the 2019–2021 AMI, in its variant.
        pub(super) fn into_current(self) -> crate::dossier::Dossier {
            super::v3::Dossier {
                schema_version: self.schema_version,
                name: self.name,
                call: match self.variant {
                    Variant::FabriqueDeTerritoire => crate::calls::CallId::Ami2019,
                    Variant::FabriqueNumerique => crate::calls::CallId::Ami2019Numerique,
                },
                identity: self.identity.into_v3(),
                governance: self.governance,
                partners: self.partners,
                need: self.need,
                services: self.services,
                economic_model: self.economic_model,
                staff: self.staff,
                collectivite_role: self.collectivite_role,
                investment: self.investment.into_current(),
                notes: self.notes,
                reviews: self.reviews,
            }
            .into_current()
        }
    }

    /// A version-2 payload, read in its own shape and brought to the current one.
    pub(super) fn decode(payload: &str) -> Result<super::Snapshot, LinkError> {
        let old: Snapshot = super::unpack(payload)?;
        let mut snapshot = super::check(
            super::Snapshot {
                dossier: old.dossier.into_current(),
                weights: old.weights,
                referential_version: old.referential_version,
                saved_at_ms: old.saved_at_ms,
            },
            3,
        )?;
        // Schemas 4 and 5's new fields start empty, and the call follows from the variant.
        snapshot.dossier.schema_version = super::SCHEMA_VERSION;
        Ok(snapshot)
    }
}

/// Link version 1, frozen: the shape of schema-2 dossiers, where partners had no
/// `declared_by_partner` and dossiers no reviews; the rest is version 2's shape.
mod v1 {
    use super::v2::Variant;
    use super::v3::{EconomicModel, Governance, Position, TerritorialNeed};
    use crate::dossier::{CollectiviteRole, DigitalService, PartnerCategory, SCHEMA_VERSION};
    use crate::referential::CriterionId;
    use crate::units::Cents;
    use serde::Deserialize;
    use std::collections::BTreeMap;

    use super::LinkError;

    #[derive(Deserialize)]
    struct Snapshot {
        dossier: Dossier,
        weights: BTreeMap<CriterionId, u32>,
        referential_version: u32,
        saved_at_ms: u64,
    }

    #[derive(Deserialize)]
    struct Dossier {
        schema_version: u32,
        name: String,
        variant: Variant,
        identity: super::v2::Identity,
        governance: Governance,
        partners: Vec<Partner>,
        need: TerritorialNeed,
        services: Vec<DigitalService>,
        economic_model: EconomicModel,
        staff: Vec<Position>,
        collectivite_role: CollectiviteRole,
        investment: super::v2::InvestmentPlan,
        notes: BTreeMap<String, String>,
    }

    #[derive(Deserialize)]
    struct Partner {
        name: String,
        category: PartnerCategory,
        letter_of_support: bool,
        financial_amount: Option<Cents>,
        in_kind: bool,
        governance_seat: bool,
    }

    /// A version-1 payload, read in its own shape and brought to the current one.
    pub(super) fn decode(payload: &str) -> Result<super::Snapshot, LinkError> {
        let old: Snapshot = super::unpack(payload)?;
        let dossier = old.dossier;
        let v2 = super::v2::Dossier {
            schema_version: dossier.schema_version,
            name: dossier.name,
            variant: dossier.variant,
            identity: dossier.identity,
            governance: dossier.governance,
            partners: dossier
                .partners
                .into_iter()
                .map(|p| super::v3::Partner {
                    name: p.name,
                    category: p.category,
                    letter_of_support: p.letter_of_support,
                    financial_amount: p.financial_amount,
                    in_kind: p.in_kind,
                    governance_seat: p.governance_seat,
                    declared_by_partner: false,
                })
                .collect(),
            need: dossier.need,
            services: dossier.services,
            economic_model: dossier.economic_model,
            staff: dossier.staff,
            collectivite_role: dossier.collectivite_role,
            investment: dossier.investment,
            notes: dossier.notes,
            reviews: Vec::new(),
        };
        let mut snapshot = super::check(
            super::Snapshot {
                dossier: v2.into_current(),
                weights: old.weights,
                referential_version: old.referential_version,
                saved_at_ms: old.saved_at_ms,
            },
            2,
        )?;
        // Schemas 3 to 5 only added fields that start empty (a post's funder, if any,
        // becomes a list of one).
        snapshot.dossier.schema_version = SCHEMA_VERSION;
        Ok(snapshot)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn snapshot(name: &str) -> Snapshot {
        Snapshot {
            dossier: Dossier {
                name: name.to_owned(),
                ..Dossier::default()
            },
            weights: BTreeMap::from([(CriterionId::PosteEtp, 30)]),
            referential_version: 1,
            saved_at_ms: 1_764_400_000_000,
        }
    }

    fn encoded(snapshot: &Snapshot) -> String {
        encode(snapshot).expect("a small snapshot makes a link")
    }

    #[test]
    fn a_snapshot_survives_its_link_and_the_link_is_stable() {
        let original = snapshot("Le Moulin « partagé » & co");
        let link = to_link(
            "https://exemple.fr/fabrique/?dossier=0123#ancien",
            &original,
        )
        .expect("link");
        assert!(
            link.starts_with("https://exemple.fr/fabrique/#d6-"),
            "{link}"
        );
        assert_eq!(
            Ok(link.clone()),
            to_link("https://exemple.fr/fabrique/", &original)
        );
        assert!(encoded(&original).chars().all(is_payload_char));
        assert_eq!(decode(&link), Ok(original));
    }

    #[test]
    fn mangled_forms_of_a_link_still_open() {
        let original = snapshot("Partagé");
        let token = encoded(&original);
        let wrapped: String = token
            .chars()
            .enumerate()
            .flat_map(|(i, c)| {
                if i > 0 && i % 20 == 0 {
                    vec!['\n', c]
                } else {
                    vec![c]
                }
            })
            .collect();
        for form in [
            format!("https://exemple.fr/#{token}"),
            format!("https://exemple.fr/%23{token}"),
            format!("https://exemple.fr/?s={token}&utm_source=mail"),
            format!("<https://exemple.fr/#{token}>."),
            format!("  {token}  "),
            format!("https://exemple.fr/#{wrapped}"),
        ] {
            assert_eq!(decode(&form), Ok(original.clone()), "{form}");
        }
    }

    #[test]
    fn bad_links_give_typed_errors() {
        let token = encoded(&snapshot("Partagé"));
        let cases = [
            (String::new(), LinkError::Empty),
            ("https://exemple.fr/#".to_owned(), LinkError::Empty),
            ("x1-abc".to_owned(), LinkError::UnknownFormat),
            ("d-abc".to_owned(), LinkError::UnknownFormat),
            ("d0-abc".to_owned(), LinkError::UnknownFormat),
            ("d7-abc".to_owned(), LinkError::FutureVersion(7)),
            ("d6-".to_owned(), LinkError::Truncated),
            ("d5-".to_owned(), LinkError::Truncated),
            ("d2-".to_owned(), LinkError::Truncated),
            ("d1-".to_owned(), LinkError::Truncated),
            (token[..token.len() / 2].to_owned(), LinkError::Truncated),
            ("d6-@@@@".to_owned(), LinkError::Truncated),
            ("d6-ab@cd".to_owned(), LinkError::Corrupt),
            (
                format!("d6-{}", "A".repeat(MAX_TOKEN_CHARS)),
                LinkError::TooLong {
                    chars: MAX_TOKEN_CHARS + 3,
                },
            ),
            (
                format!("https://exemple.fr/#d6-{}", "A".repeat(MAX_LINK_CHARS)),
                LinkError::TooLong {
                    chars: MAX_LINK_CHARS + 23,
                },
            ),
        ];
        for (text, expected) in cases {
            assert_eq!(decode(&text), Err(expected), "{text:.40}");
        }
    }

    #[test]
    fn a_changed_character_is_refused_by_the_checksum() {
        let original = snapshot("La Grange");
        let token = encoded(&original);
        let prefix = "d6-".len();
        for position in prefix..token.len() {
            for replacement in ['A', 'K', 'z', '0', '-', '_'] {
                let mut damaged: Vec<char> = token.chars().collect();
                if damaged[position] == replacement {
                    continue;
                }
                damaged[position] = replacement;
                let damaged: String = damaged.into_iter().collect();
                if let Ok(decoded) = decode(&damaged) {
                    assert_eq!(decoded, original, "{damaged}");
                }
            }
        }
        // Content that decompresses but does not match its checksum is named for what it is.
        let mut binary = postcard::to_allocvec(&original).expect("serializes");
        binary.extend_from_slice(&[0, 0, 0, 0]);
        let compressed = miniz_oxide::deflate::compress_to_vec(&binary, 10);
        let payload = base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(compressed);
        assert_eq!(decode(&format!("d6-{payload}")), Err(LinkError::Altered));
    }

    #[test]
    fn a_bomb_is_stopped_at_the_limit() {
        let zeros = vec![0_u8; MAX_DECOMPRESSED_BYTES * 4];
        let compressed = miniz_oxide::deflate::compress_to_vec(&zeros, 10);
        let payload = base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(compressed);
        for version in [6, 5, 2, 1] {
            assert_eq!(
                decode(&format!("d{version}-{payload}")),
                Err(LinkError::TooLarge)
            );
        }
    }

    #[test]
    fn content_that_is_not_a_snapshot_is_invalid() {
        // Both forms: without a checksum (version 5) and with one (version 6).
        fn wrap(binary: &[u8], with_checksum: bool) -> String {
            let mut binary = binary.to_vec();
            if with_checksum {
                let sum = checksum(&binary);
                binary.extend_from_slice(&sum);
            }
            let compressed = miniz_oxide::deflate::compress_to_vec(&binary, 10);
            format!(
                "d{}-{}",
                if with_checksum { 6 } else { 5 },
                base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(compressed)
            )
        }
        for with_checksum in [false, true] {
            let wrap = |binary: &[u8]| wrap(binary, with_checksum);
            let mut bad_weight = snapshot("Poids");
            bad_weight.weights.insert(CriterionId::Gouvernance, 0);
            let binary = postcard::to_allocvec(&bad_weight).expect("serializes");
            assert!(matches!(decode(&wrap(&binary)), Err(LinkError::Invalid(_))));
            assert!(matches!(encode(&bad_weight), Err(EncodeError::Invalid(_))));
            let mut trailing = postcard::to_allocvec(&snapshot("Reste")).expect("serializes");
            trailing.extend_from_slice(b"junk");
            assert!(matches!(
                decode(&wrap(&trailing)),
                Err(LinkError::Invalid(_))
            ));
            let mut old_schema = snapshot("Ancien");
            old_schema.dossier.schema_version = 1;
            let binary = postcard::to_allocvec(&old_schema).expect("serializes");
            assert!(matches!(decode(&wrap(&binary)), Err(LinkError::Invalid(_))));
            let mut with_review = snapshot("Avis");
            with_review
                .dossier
                .reviews
                .push(crate::review::tests::received("Mairie"));
            let binary = postcard::to_allocvec(&with_review).expect("serializes");
            assert!(matches!(decode(&wrap(&binary)), Err(LinkError::Invalid(_))));
            let mut rich = snapshot("Riche");
            rich.dossier.partners.push(crate::dossier::Partner {
                financial_amount: Some(crate::units::Cents(crate::units::Cents::MAX_ABS.0 + 1)),
                ..crate::dossier::Partner::default()
            });
            let binary = postcard::to_allocvec(&rich).expect("serializes");
            assert!(matches!(decode(&wrap(&binary)), Err(LinkError::Invalid(_))));
            assert!(matches!(encode(&rich), Err(EncodeError::Invalid(_))));
        }
    }

    #[test]
    fn no_link_is_made_that_would_not_open() {
        // Notes grow until the link is refused: the last link made still opens, whole, and
        // the refusal names the note as the heaviest part.
        let mut grown = snapshot("Long");
        let mut last_made = None;
        let mut refused = None;
        for step in 1..400 {
            let text: String = (0..step * 40_u64)
                .map(|i| {
                    char::from(b'a' + (xxhash_rust::xxh64::xxh64(&i.to_le_bytes(), 0) % 26) as u8)
                })
                .collect();
            grown.dossier.notes.insert(Section::Need, text);
            match to_link("https://exemple.fr/fabrique/", &grown) {
                Ok(link) => last_made = Some((link, grown.clone())),
                Err(error) => {
                    refused = Some(error);
                    break;
                }
            }
        }
        // An address too long for the reader gives no link either.
        let address = format!("https://exemple.fr/{}/", "a".repeat(MAX_LINK_CHARS));
        assert!(matches!(
            to_link(&address, &snapshot("Court")),
            Err(EncodeError::TooLong { .. })
        ));
        let (link, made) = last_made.expect("small notes make links");
        assert!(link.len() > MAX_TOKEN_CHARS - 200, "{}", link.len());
        assert_eq!(decode(&link), Ok(made));
        assert!(matches!(refused, Some(EncodeError::TooLong { chars }) if chars > MAX_TOKEN_CHARS));
        let heaviest = heaviest_parts(&grown.dossier);
        assert_eq!(
            heaviest.first().map(|part| (part.section, part.note)),
            Some((Section::Need, true))
        );
        // Content too large once decompressed (it compresses well) is refused as well.
        let mut huge = snapshot("Énorme");
        huge.dossier
            .notes
            .insert(Section::Budget, "a".repeat(MAX_DECOMPRESSED_BYTES));
        assert!(matches!(encode(&huge), Err(EncodeError::TooLarge { .. })));
    }

    #[test]
    fn another_compressor_makes_a_link_that_opens_and_only_its_own_bytes_do() {
        // The app compresses with the browser's raw DEFLATE, not with ours: any level of it
        // gives a token that opens as the snapshot, and ours gives encode's token.
        let original = snapshot("Compressé ailleurs");
        let content = prepare(&original).expect("content");
        for level in [0, 1, 6, 9] {
            let compressed = miniz_oxide::deflate::compress_to_vec(content.bytes(), level);
            let token = finish(&content, &compressed).expect("a link");
            assert_eq!(decode(&token), Ok(original.clone()), "level {level}");
        }
        assert_eq!(
            finish(&content, &deflate(content.bytes())),
            Ok(encoded(&original))
        );
        // Bytes that are not DEFLATE, or that inflate to another content, make no token.
        let other = prepare(&snapshot("Un autre")).expect("content");
        for wrong in [
            b"pas du deflate".to_vec(),
            Vec::new(),
            deflate(other.bytes()),
            deflate(&content.bytes()[1..]),
        ] {
            assert!(
                matches!(finish(&content, &wrong), Err(EncodeError::Invalid(_))),
                "{wrong:?}"
            );
        }
        // A reply's content is not a snapshot's.
        let reply = crate::review::prepare(&crate::review::tests::review("Mairie"))
            .expect("a reply's content");
        assert!(matches!(
            finish(&reply, &deflate(reply.bytes())),
            Err(EncodeError::Invalid(_))
        ));
    }

    #[test]
    fn a_weaker_compressor_is_refused_at_the_cap_where_ours_is_not() {
        // At the limit, the token is refused by its length, whoever compressed it: the
        // stored blocks of level 0 go past the cap where the strongest level fits.
        let mut near = snapshot("À la limite");
        near.dossier
            .notes
            .insert(Section::Need, "une note qui se répète ".repeat(600));
        let content = prepare(&near).expect("content");
        let stored = miniz_oxide::deflate::compress_to_vec(content.bytes(), 0);
        assert!(matches!(
            finish(&content, &stored),
            Err(EncodeError::TooLong { chars }) if chars > MAX_TOKEN_CHARS
        ));
        let token = finish(&content, &deflate(content.bytes())).expect("fits when compressed");
        assert_eq!(decode(&token), Ok(near));
    }

    #[test]
    fn a_link_never_carries_the_reviews() {
        let mut original = snapshot("Avis reçus");
        original
            .dossier
            .reviews
            .push(crate::review::tests::received("Mairie"));
        let decoded = decode(&encoded(&original)).expect("decodes");
        assert!(decoded.dossier.reviews.is_empty());
        assert_eq!(decoded.dossier.name, original.dossier.name);
    }
}
