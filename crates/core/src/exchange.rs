//! The export file: one or several dossiers as a JSON document a person can keep, e-mail,
//! and import again in any browser. Reading it is capped and checked dossier by dossier:
//! one bad dossier is reported by its position, never silently dropped or defaulted.

use crate::dossier::{self, Dossier, ReadError};
use crate::history::History;
use serde::{Deserialize, Serialize};
use serde_json::Value;

/// What the export file says it is, so that any other JSON is refused plainly.
pub const EXPORT_FORMAT: &str = "fabrique-export";
/// The export file's own version (its dossiers carry theirs).
pub const EXPORT_VERSION: u32 = 1;
/// The largest file an import reads: far above a hundred full dossiers.
pub const MAX_IMPORT_BYTES: usize = 5 * 1024 * 1024;

#[derive(Serialize)]
struct ExportOut {
    format: &'static str,
    version: u32,
    dossiers: Vec<Value>,
}

/// The key of a dossier's history in a file entry, beside the dossier's own fields (a
/// Fabrique that does not know it reads the dossier and leaves it).
const HISTORY_KEY: &str = "history";

/// A dossier as a file entry: its fields, and its history when it has one.
fn entry_value(dossier: &Dossier, history: &History) -> Value {
    // Through the text the dossier is stored as, not `serde_json::to_value`: the dossier's
    // types then have one JSON writer in the wasm, not two (#20). Text that serde_json has
    // just written always reads back.
    let mut value = serde_json::from_str(&dossier::to_json(dossier)).unwrap_or_default();
    if let (Value::Object(fields), false) = (&mut value, history.is_empty()) {
        fields.insert(HISTORY_KEY.to_owned(), history.to_value());
    }
    value
}

/// One dossier as a file of its own (what "Exporter ce dossier" writes), with its history.
pub fn dossier_file(dossier: &Dossier, history: &History) -> String {
    serde_json::to_string_pretty(&entry_value(dossier, history)).unwrap_or_default()
}

#[derive(Deserialize)]
struct ExportIn {
    format: String,
    version: u32,
    dossiers: Vec<Value>,
}

/// Why an import file was refused.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ImportError {
    TooLarge {
        bytes: usize,
    },
    /// Not JSON, or not an export file.
    NotAnExport(String),
    /// An export from a newer Fabrique.
    FutureExport(u32),
    /// The dossier at this position (0-based) cannot be read.
    Dossier {
        position: usize,
        cause: ReadError,
    },
    Empty,
}

impl std::fmt::Display for ImportError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            ImportError::TooLarge { bytes } => write!(
                f,
                "file too large ({bytes} bytes, at most {MAX_IMPORT_BYTES})"
            ),
            ImportError::NotAnExport(detail) => write!(f, "not a Fabrique export: {detail}"),
            ImportError::FutureExport(version) => {
                write!(f, "export from a newer Fabrique (format {version})")
            }
            ImportError::Dossier { position, cause } => {
                write!(f, "dossier {}: {cause}", position + 1)
            }
            ImportError::Empty => write!(f, "the file holds no dossier"),
        }
    }
}

impl std::error::Error for ImportError {}

/// The export document for these dossiers.
pub fn export_json(dossiers: &[Dossier]) -> String {
    let none = History::default();
    export_with_history(dossiers.iter().map(|d| (d, &none)))
}

/// The export document for these dossiers, each with its history.
pub fn export_with_history<'a>(
    entries: impl IntoIterator<Item = (&'a Dossier, &'a History)>,
) -> String {
    let document = ExportOut {
        format: EXPORT_FORMAT,
        version: EXPORT_VERSION,
        dossiers: entries
            .into_iter()
            .map(|(dossier, history)| entry_value(dossier, history))
            .collect(),
    };
    serde_json::to_string_pretty(&document).unwrap_or_default()
}

/// Reads an import file, all or nothing: an export document, or a single dossier as saved
/// by an older version or by hand. Every dossier is migrated to the current schema; the
/// first one that cannot be read fails the whole file.
pub fn import_json(text: &str) -> Result<Vec<Dossier>, ImportError> {
    import_entries(text)?
        .into_iter()
        .map(|entry| {
            entry.map_err(|refused| ImportError::Dossier {
                position: refused.position,
                cause: refused.cause,
            })
        })
        .collect()
}

/// A dossier of an import file that could not be read: where it is, its name if it says
/// one, and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Refused {
    /// Its position in the file, from 0.
    pub position: usize,
    /// Its name, when the entry has one (at most 200 characters of it).
    pub name: Option<String>,
    pub cause: ReadError,
}

/// Reads an import file entry by entry: the file itself must be an export (or a single
/// dossier), and each of its dossiers is read, or refused with its position, its name and
/// the reason, so that one entry from a newer version does not keep the others out.
pub fn import_entries(text: &str) -> Result<Vec<Result<Dossier, Refused>>, ImportError> {
    Ok(import_with_history(text)?
        .into_iter()
        .map(|entry| entry.map(|(dossier, _)| dossier))
        .collect())
}

/// An entry of an import file: its dossier and its history, or why it was refused.
pub type Entry = Result<(Dossier, History), Refused>;

/// [`import_entries`], each dossier with the history the file gives it (none when the file
/// has none, or one that cannot be read: a history is a record of scores, never the
/// holder's words).
pub fn import_with_history(text: &str) -> Result<Vec<Entry>, ImportError> {
    if text.len() > MAX_IMPORT_BYTES {
        return Err(ImportError::TooLarge { bytes: text.len() });
    }
    let value: Value =
        serde_json::from_str(text).map_err(|error| ImportError::NotAnExport(error.to_string()))?;
    if value.get("schema_version").is_some() {
        return Ok(vec![read_entry(0, value)]);
    }
    let export: ExportIn =
        serde_json::from_str(text).map_err(|error| ImportError::NotAnExport(error.to_string()))?;
    if export.format != EXPORT_FORMAT {
        return Err(ImportError::NotAnExport(format!(
            "format {:?}",
            export.format
        )));
    }
    if export.version > EXPORT_VERSION {
        return Err(ImportError::FutureExport(export.version));
    }
    if export.dossiers.is_empty() {
        return Err(ImportError::Empty);
    }
    Ok(export
        .dossiers
        .into_iter()
        .enumerate()
        .map(|(position, value)| read_entry(position, value))
        .collect())
}

fn read_entry(position: usize, mut value: Value) -> Entry {
    let name = value
        .get("name")
        .and_then(Value::as_str)
        .map(|name| name.chars().take(200).collect::<String>());
    let history = value
        .as_object_mut()
        .and_then(|fields| fields.remove(HISTORY_KEY))
        .and_then(History::from_value)
        .unwrap_or_default();
    dossier::from_value(value)
        .map(|dossier| (dossier, history))
        .map_err(|cause| Refused {
            position,
            name,
            cause,
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_dossier_s_history_travels_in_its_file_and_a_bad_one_is_left_behind() {
        use crate::history::Point;
        let history: History = vec![
            Point {
                day: 20_000,
                score: 37,
                criteria: vec![40, 30],
            },
            Point {
                day: 20_021,
                score: 62,
                criteria: vec![60, 65],
            },
        ]
        .into();
        let dossier = named("Avec passé");
        let all =
            export_with_history([(&dossier, &history), (&named("Neuf"), &History::default())]);
        let read = import_with_history(&all).expect("its own export");
        assert_eq!(read[0], Ok((dossier.clone(), history.clone())));
        assert_eq!(read[1], Ok((named("Neuf"), History::default())));
        assert!(!all.contains("\"history\": []"), "no empty history written");
        let alone = dossier_file(&dossier, &history);
        assert_eq!(
            import_with_history(&alone).expect("read")[0],
            Ok((dossier.clone(), history))
        );
        // A history that is not one: the dossier is kept, without it.
        let broken = alone.replacen("\"history\": [", "\"history\": [\"pas un point\", ", 1);
        assert_eq!(
            import_with_history(&broken).expect("read")[0],
            Ok((dossier, History::default()))
        );
    }

    fn named(name: &str) -> Dossier {
        Dossier {
            name: name.to_owned(),
            ..Dossier::default()
        }
    }

    #[test]
    fn an_export_imports_back_unchanged() {
        let dossiers = vec![named("Le Moulin"), named("La Grange <b>")];
        assert_eq!(import_json(&export_json(&dossiers)), Ok(dossiers));
    }

    #[test]
    fn a_single_dossier_file_is_accepted_and_migrated() {
        let v1 = r#"{"schema_version":1,"name":"Ancien","governance":{"has_named_animator":true}}"#;
        let imported = import_json(v1).expect("imported");
        assert_eq!(imported.len(), 1);
        assert_eq!(imported[0].name, "Ancien");
    }

    #[test]
    fn bad_files_are_refused_with_the_reason() {
        assert!(matches!(
            import_json("pas du json"),
            Err(ImportError::NotAnExport(_))
        ));
        assert!(matches!(
            import_json(r#"{"format":"autre","version":1,"dossiers":[]}"#),
            Err(ImportError::NotAnExport(_))
        ));
        assert_eq!(
            import_json(r#"{"format":"fabrique-export","version":9,"dossiers":[]}"#),
            Err(ImportError::FutureExport(9))
        );
        assert_eq!(
            import_json(r#"{"format":"fabrique-export","version":1,"dossiers":[]}"#),
            Err(ImportError::Empty)
        );
        let second_bad = r#"{"format":"fabrique-export","version":1,"dossiers":[{"schema_version":2},
            {"schema_version":2,"name":7}]}"#;
        assert!(matches!(
            import_json(second_bad),
            Err(ImportError::Dossier { position: 1, .. })
        ));
        let huge = " ".repeat(MAX_IMPORT_BYTES + 1);
        assert!(matches!(
            import_json(&huge),
            Err(ImportError::TooLarge { .. })
        ));
    }

    #[test]
    fn a_file_is_read_entry_by_entry_and_says_which_could_not_be() {
        let mut future = serde_json::to_value(named("Du futur")).expect("json");
        future["schema_version"] = 999.into();
        let document = serde_json::json!({
            "format": EXPORT_FORMAT,
            "version": EXPORT_VERSION,
            "dossiers": [
                serde_json::to_value(named("Le Moulin")).expect("json"),
                future,
                {"name": "Abîmé", "schema_version": "six"},
            ],
        });
        let entries = import_entries(&document.to_string()).expect("an export");
        assert_eq!(entries.len(), 3);
        assert_eq!(entries[0], Ok(named("Le Moulin")));
        assert_eq!(
            entries[1],
            Err(Refused {
                position: 1,
                name: Some("Du futur".to_owned()),
                cause: ReadError::FutureVersion(999),
            })
        );
        assert!(matches!(
            &entries[2],
            Err(Refused { position: 2, name: Some(name), .. }) if name == "Abîmé"
        ));
        // All or nothing, for who needs it: the first refusal fails the file.
        assert!(matches!(
            import_json(&document.to_string()),
            Err(ImportError::Dossier { position: 1, .. })
        ));
    }
}
