//! The dossier: everything a project holder declares about a tiers-lieu project, in the shape
//! that is stored, shared and evaluated. Fields default to "not answered yet", so a dossier
//! being filled over weeks is always a valid value.

use serde::{Deserialize, Serialize};

/// The version of the dossier's stored shape. A dossier records the version it was written
/// with, so that older ones can be migrated and newer ones refused rather than misread.
pub const SCHEMA_VERSION: u32 = 1;

/// A tiers-lieu project's application dossier.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Dossier {
    /// The shape version this value was written with (see [`SCHEMA_VERSION`]).
    pub schema_version: u32,
    /// The project's name, as the holder writes it.
    pub name: String,
    /// Criterion 1: the governance of the place and the collective that animates it.
    pub governance: Governance,
}

impl Default for Dossier {
    fn default() -> Self {
        Self {
            schema_version: SCHEMA_VERSION,
            name: String::new(),
            governance: Governance::default(),
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
    /// The place's users have a seat or a vote in its decisions.
    pub users_take_part_in_decisions: bool,
    /// A named person or team animates the place day to day.
    pub has_named_animator: bool,
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

/// Only the version, read before the rest so that a newer format is recognised as such
/// rather than reported as damaged.
#[derive(Deserialize)]
struct VersionProbe {
    #[serde(default)]
    schema_version: Option<u32>,
}

/// Reads a dossier from its JSON text. A dossier from a future format is refused, never
/// read with defaults in place of what this version does not understand.
pub fn from_json(text: &str) -> Result<Dossier, ReadError> {
    let probe: VersionProbe =
        serde_json::from_str(text).map_err(|error| ReadError::Invalid(error.to_string()))?;
    let version = probe.schema_version.unwrap_or(0);
    if version > SCHEMA_VERSION {
        return Err(ReadError::FutureVersion(version));
    }
    if version < 1 {
        return Err(ReadError::Invalid("no schema_version".to_owned()));
    }
    serde_json::from_str(text).map_err(|error| ReadError::Invalid(error.to_string()))
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
        let text = r#"{"schema_version": 1, "name": 42}"#;
        assert!(matches!(from_json(text), Err(ReadError::Invalid(_))));
    }
}
