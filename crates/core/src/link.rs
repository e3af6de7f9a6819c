//! Snapshot links: a dossier, with the weights it was evaluated with, carried in the URL
//! fragment so that it never reaches a server. The token is `d<version>-<payload>`, where
//! the payload is the snapshot in postcard (a compact binary form without field names),
//! compressed with raw DEFLATE, in base64url without padding: only unreserved URL
//! characters. The same snapshot always gives the same link.
//!
//! Decoding never trusts its input: the text is capped, decompression stops at a limit as
//! it streams, and every failure is a typed [`LinkError`], never a panic and never a
//! snapshot filled with defaults.
//!
//! The payload's binary shape is the dossier's shape at the link version's time: when the
//! dossier changes shape, the link version is raised and the old shape is kept (frozen) to
//! read old links. The golden vectors of `tests/fixtures/links/` hold links of every
//! version and fail when an encoding changes without a version bump.

use crate::dossier::{Dossier, SCHEMA_VERSION};
use crate::referential::CriterionId;
use base64::Engine as _;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// The current link version. Version 1 carries dossiers of schema version 2.
pub const LINK_VERSION: u32 = 1;
/// The dossier schema version that link version 1 carries.
const LINK_V1_SCHEMA: u32 = 2;
/// The longest link text that is read at all.
pub const MAX_LINK_CHARS: usize = 8_000;
/// The largest snapshot, once decompressed.
pub const MAX_DECOMPRESSED_BYTES: usize = 1_000_000;
/// DEFLATE's strongest level: links are made rarely and read often.
const COMPRESSION_LEVEL: u8 = 10;

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
                "link too long ({chars} characters, at most {MAX_LINK_CHARS})"
            ),
            LinkError::UnknownFormat => write!(f, "not a Fabrique link"),
            LinkError::FutureVersion(version) => {
                write!(f, "link made by a newer Fabrique (version {version})")
            }
            LinkError::Truncated => write!(f, "link cut short"),
            LinkError::Corrupt => write!(f, "damaged link"),
            LinkError::TooLarge => write!(f, "link content too large"),
            LinkError::Invalid(detail) => write!(f, "invalid link content: {detail}"),
        }
    }
}

impl std::error::Error for LinkError {}

/// The token (`d1-…`) that carries a snapshot.
pub fn encode(snapshot: &Snapshot) -> String {
    // Plain structs, strings and integers always serialize.
    let binary = postcard::to_allocvec(snapshot).unwrap_or_default();
    let compressed = miniz_oxide::deflate::compress_to_vec(&binary, COMPRESSION_LEVEL);
    let payload = base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(compressed);
    format!("d{LINK_VERSION}-{payload}")
}

/// A whole link: the app's address (query and fragment dropped) and the token as fragment.
pub fn to_link(app_address: &str, snapshot: &Snapshot) -> String {
    let base = app_address.split(['#', '?']).next().unwrap_or(app_address);
    format!("{base}#{}", encode(snapshot))
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

/// Reads a snapshot from a link, its fragment, or its token.
pub fn decode(text: &str) -> Result<Snapshot, LinkError> {
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
    let rest = token.strip_prefix('d').ok_or(LinkError::UnknownFormat)?;
    let (version, payload) = rest.split_once('-').ok_or(LinkError::UnknownFormat)?;
    if version.is_empty() || !version.bytes().all(|b| b.is_ascii_digit()) || version.len() > 9 {
        return Err(LinkError::UnknownFormat);
    }
    let version: u32 = version.parse().map_err(|_| LinkError::UnknownFormat)?;
    match version {
        0 => Err(LinkError::UnknownFormat),
        1 => decode_v1(payload),
        future => Err(LinkError::FutureVersion(future)),
    }
}

fn decode_v1(payload: &str) -> Result<Snapshot, LinkError> {
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
    let binary =
        miniz_oxide::inflate::decompress_to_vec_with_limit(&compressed, MAX_DECOMPRESSED_BYTES)
            .map_err(|error| match error.status {
                miniz_oxide::inflate::TINFLStatus::HasMoreOutput => LinkError::TooLarge,
                miniz_oxide::inflate::TINFLStatus::FailedCannotMakeProgress => LinkError::Truncated,
                _ => LinkError::Corrupt,
            })?;
    let (snapshot, rest): (Snapshot, &[u8]) =
        postcard::take_from_bytes(&binary).map_err(|error| match error {
            postcard::Error::DeserializeUnexpectedEnd => LinkError::Truncated,
            other => LinkError::Invalid(other.to_string()),
        })?;
    if !rest.is_empty() {
        return Err(LinkError::Invalid(format!(
            "{} bytes after the snapshot",
            rest.len()
        )));
    }
    check(snapshot)
}

/// What postcard cannot say by itself: the versions agree and the weights make sense.
fn check(snapshot: Snapshot) -> Result<Snapshot, LinkError> {
    if snapshot.dossier.schema_version != LINK_V1_SCHEMA {
        return Err(LinkError::Invalid(format!(
            "dossier schema {} in a version-1 link",
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
    // Link version 1 is the current shape: nothing to migrate yet.
    debug_assert_eq!(LINK_V1_SCHEMA, SCHEMA_VERSION);
    Ok(snapshot)
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

    #[test]
    fn a_snapshot_survives_its_link_and_the_link_is_stable() {
        let original = snapshot("Le Moulin « partagé » & co");
        let link = to_link(
            "https://exemple.fr/fabrique/?dossier=0123#ancien",
            &original,
        );
        assert!(
            link.starts_with("https://exemple.fr/fabrique/#d1-"),
            "{link}"
        );
        assert_eq!(link, to_link("https://exemple.fr/fabrique/", &original));
        assert!(encode(&original).chars().all(is_payload_char));
        assert_eq!(decode(&link), Ok(original));
    }

    #[test]
    fn mangled_forms_of_a_link_still_open() {
        let original = snapshot("Partagé");
        let token = encode(&original);
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
        let token = encode(&snapshot("Partagé"));
        let cases = [
            (String::new(), LinkError::Empty),
            ("https://exemple.fr/#".to_owned(), LinkError::Empty),
            ("x1-abc".to_owned(), LinkError::UnknownFormat),
            ("d-abc".to_owned(), LinkError::UnknownFormat),
            ("d0-abc".to_owned(), LinkError::UnknownFormat),
            ("d7-abc".to_owned(), LinkError::FutureVersion(7)),
            ("d1-".to_owned(), LinkError::Truncated),
            (token[..token.len() / 2].to_owned(), LinkError::Truncated),
            ("d1-@@@@".to_owned(), LinkError::Truncated),
            ("d1-ab@cd".to_owned(), LinkError::Corrupt),
            (
                format!("d1-{}", "A".repeat(8_000)),
                LinkError::TooLong { chars: 8_003 },
            ),
        ];
        for (text, expected) in cases {
            assert_eq!(decode(&text), Err(expected), "{text:.40}");
        }
        // A character changed in the middle: never a panic, never a silent success.
        let mut damaged: Vec<char> = token.chars().collect();
        let middle = damaged.len() / 2;
        damaged[middle] = if damaged[middle] == 'A' { 'B' } else { 'A' };
        let damaged: String = damaged.into_iter().collect();
        assert!(decode(&damaged).is_err() || decode(&damaged) != Ok(snapshot("Partagé")));
    }

    #[test]
    fn a_bomb_is_stopped_at_the_limit() {
        let zeros = vec![0_u8; MAX_DECOMPRESSED_BYTES * 4];
        let compressed = miniz_oxide::deflate::compress_to_vec(&zeros, 10);
        let payload = base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(compressed);
        assert_eq!(decode(&format!("d1-{payload}")), Err(LinkError::TooLarge));
    }

    #[test]
    fn content_that_is_not_a_snapshot_is_invalid() {
        let wrap = |binary: &[u8]| {
            let compressed = miniz_oxide::deflate::compress_to_vec(binary, 10);
            format!(
                "d1-{}",
                base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(compressed)
            )
        };
        let mut bad_weight = snapshot("Poids");
        bad_weight.weights.insert(CriterionId::Gouvernance, 0);
        let binary = postcard::to_allocvec(&bad_weight).expect("serializes");
        assert!(matches!(decode(&wrap(&binary)), Err(LinkError::Invalid(_))));
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
    }
}
