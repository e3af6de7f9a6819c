//! Dossiers in localStorage, through gloo-storage: an index of identifiers under one key and
//! one record per dossier, so that one damaged entry never hides the others.
//!
//! A record carries a revision number, raised at every save: a save whose base revision is
//! no longer the stored one is refused as a conflict (another tab saved in between), so that
//! neither side's edits are silently dropped. Nothing here ever overwrites an entry it could
//! not read: its raw text is copied to a quarantine key and the error returned.

use crate::i18n::tr;
use fabrique_core::dossier::{self, Dossier, ReadError};
use gloo_storage::Storage as _;
use serde::{Deserialize, Serialize};
use std::fmt;

/// The key of the list of dossier identifiers.
const INDEX_KEY: &str = "fabrique.index";
/// The key of the user's settings.
pub const SETTINGS_KEY: &str = "fabrique.settings";
const DOSSIER_PREFIX: &str = "fabrique.dossier.";
const QUARANTINE_PREFIX: &str = "fabrique.quarantine.";
const TRASH_PREFIX: &str = "fabrique.trash.";
const SHARED_PREFIX: &str = "fabrique.shared.";
/// How many shared versions of a dossier are remembered (to tell partners' replies to
/// older versions what changed since).
pub const SHARED_VERSIONS_KEPT: usize = 10;

/// The key under which one dossier is kept.
pub fn dossier_key(id: &str) -> String {
    format!("{DOSSIER_PREFIX}{id}")
}

/// The key under which an unreadable entry's raw text is kept safe.
pub fn quarantine_key(id: &str) -> String {
    format!("{QUARANTINE_PREFIX}{id}")
}

/// The dossier a storage key names, if it names one.
pub fn dossier_id_of_key(key: &str) -> Option<&str> {
    key.strip_prefix(DOSSIER_PREFIX)
}

/// Whether a key belongs to the list of dossiers (the index or a dossier).
pub fn is_list_key(key: &str) -> bool {
    key == INDEX_KEY || key.starts_with(DOSSIER_PREFIX)
}

/// A stored dossier with its revision.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Record {
    /// Raised by one at every save.
    pub revision: u64,
    /// When it was last saved, in milliseconds since 1970 (0: unknown).
    pub saved_at_ms: u64,
    pub dossier: Dossier,
}

/// Why the storage could not be read or written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum StorageError {
    /// The entry is there but is not readable (edited by hand, truncated, newer format…).
    Unreadable { key: String, cause: ReadError },
    /// The browser refused to store (storage full, or disabled in private browsing).
    WriteRefused { key: String, detail: String },
    /// The browser refused to read its storage.
    Unavailable,
}

impl fmt::Display for StorageError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            StorageError::Unreadable {
                key,
                cause: ReadError::FutureVersion(version),
            } => write!(
                f,
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
            StorageError::Unreadable { key, .. } => write!(
                f,
                "{} « {key} » {}",
                tr("L'entrée", "The entry"),
                tr(
                    "de ce navigateur est illisible. Son texte est conservé tel quel.",
                    "of this browser cannot be read. Its text is kept as it is."
                )
            ),
            StorageError::WriteRefused { .. } => f.write_str(tr(
                "Le navigateur refuse d'enregistrer (espace plein ou navigation privée).",
                "The browser refuses to save (storage full, or private browsing).",
            )),
            StorageError::Unavailable => f.write_str(tr(
                "Le navigateur refuse de lire son stockage local.",
                "The browser refuses to read its local storage.",
            )),
        }
    }
}

/// Why a save did not happen.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SaveError {
    /// Another tab saved this dossier since it was loaded here: here is its version.
    Conflict(Box<Record>),
    Storage(StorageError),
}

impl From<StorageError> for SaveError {
    fn from(error: StorageError) -> Self {
        SaveError::Storage(error)
    }
}

/// localStorage through gloo-storage, once the window has said it is there: gloo's `raw()`
/// panics when storage is blocked (cookies refused, some private modes), and a panic would
/// kill the app, so availability is asked first, without panicking.
fn storage() -> Option<web_sys::Storage> {
    let available = web_sys::window()
        .and_then(|window| window.local_storage().ok().flatten())
        .is_some();
    available.then(gloo_storage::LocalStorage::raw)
}

thread_local! {
    /// Where entries live when the browser gives no storage at all: the page's memory. The
    /// app says so at once and offers an export; nothing typed is refused.
    static MEMORY: std::cell::RefCell<std::collections::BTreeMap<String, String>> =
        const { std::cell::RefCell::new(std::collections::BTreeMap::new()) };
}

/// Whether dossiers outlive the page (localStorage is there), or only live in its memory.
pub fn is_persistent() -> bool {
    storage().is_some()
}

/// The raw text under a key.
pub fn read_raw(key: &str) -> Result<Option<String>, StorageError> {
    match storage() {
        Some(storage) => storage.get_item(key).map_err(|_| StorageError::Unavailable),
        None => Ok(MEMORY.with(|memory| memory.borrow().get(key).cloned())),
    }
}

fn write_raw(key: &str, value: &str) -> Result<(), StorageError> {
    match storage() {
        Some(storage) => storage
            .set_item(key, value)
            .map_err(|error| StorageError::WriteRefused {
                key: key.to_owned(),
                detail: format!("{error:?}"),
            }),
        None => {
            MEMORY.with(|memory| memory.borrow_mut().insert(key.to_owned(), value.to_owned()));
            Ok(())
        }
    }
}

fn remove(key: &str) -> Result<(), StorageError> {
    match storage() {
        Some(storage) => storage
            .remove_item(key)
            .map_err(|_| StorageError::Unavailable),
        None => {
            MEMORY.with(|memory| memory.borrow_mut().remove(key));
            Ok(())
        }
    }
}

/// Every key in the storage (or in memory).
fn keys() -> Vec<String> {
    match storage() {
        Some(storage) => {
            let length = storage.length().unwrap_or(0);
            (0..length)
                .filter_map(|index| storage.key(index).ok().flatten())
                .collect()
        }
        None => MEMORY.with(|memory| memory.borrow().keys().cloned().collect()),
    }
}

/// The identifiers of the dossiers kept in this browser, oldest first.
pub fn dossier_ids() -> Result<Vec<String>, StorageError> {
    let Some(text) = read_raw(INDEX_KEY)? else {
        return Ok(Vec::new());
    };
    serde_json::from_str(&text).map_err(|error| StorageError::Unreadable {
        key: INDEX_KEY.to_owned(),
        cause: ReadError::Invalid(error.to_string()),
    })
}

fn write_index(ids: &[String]) -> Result<(), StorageError> {
    let index = serde_json::to_string(ids).map_err(|error| StorageError::WriteRefused {
        key: INDEX_KEY.to_owned(),
        detail: error.to_string(),
    })?;
    write_raw(INDEX_KEY, &index)
}

/// Adds `id` at the end of the index, unless it is there already.
fn add_to_index(id: &str) -> Result<(), StorageError> {
    let mut ids = dossier_ids()?;
    if !ids.iter().any(|known| known == id) {
        ids.push(id.to_owned());
        write_index(&ids)?;
    }
    Ok(())
}

/// Takes `id` out of the index.
fn remove_from_index(id: &str) -> Result<(), StorageError> {
    let ids: Vec<String> = dossier_ids()?
        .into_iter()
        .filter(|known| known != id)
        .collect();
    write_index(&ids)
}

/// The stored shape of a record: the dossier stays raw JSON until the core reads it, so
/// that migration and refusal of newer formats happen in one place.
#[derive(Deserialize)]
struct StoredRecord {
    revision: u64,
    #[serde(default)]
    saved_at_ms: u64,
    dossier: serde_json::Value,
}

/// A record whose dossier is in the current shape, read in one typed pass.
#[derive(Deserialize)]
struct CurrentRecord {
    revision: u64,
    #[serde(default)]
    saved_at_ms: u64,
    dossier: Dossier,
}

/// Only the schema version of a record's dossier.
#[derive(Deserialize)]
struct RecordVersion {
    dossier: DossierVersion,
}

#[derive(Deserialize)]
struct DossierVersion {
    schema_version: u32,
}

/// Reads a record's text: the current shape, or a bare dossier as the first version of
/// Fabrique stored it (revision 0).
pub fn parse_record(text: &str) -> Result<Record, ReadError> {
    // The common case in one typed pass, after a version check that builds nothing (the
    // list reads every record); anything else, including every error, takes the general
    // path through a JSON value and the migrations.
    let current = serde_json::from_str::<RecordVersion>(text)
        .is_ok_and(|peek| peek.dossier.schema_version == dossier::SCHEMA_VERSION);
    if current {
        if let Ok(record) = serde_json::from_str::<CurrentRecord>(text) {
            return Ok(Record {
                revision: record.revision,
                saved_at_ms: record.saved_at_ms,
                dossier: record.dossier,
            });
        }
    }
    let value: serde_json::Value =
        serde_json::from_str(text).map_err(|error| ReadError::Invalid(error.to_string()))?;
    if value.get("dossier").is_none() {
        return dossier::from_json(text).map(|dossier| Record {
            revision: 0,
            saved_at_ms: 0,
            dossier,
        });
    }
    let stored: StoredRecord =
        serde_json::from_str(text).map_err(|error| ReadError::Invalid(error.to_string()))?;
    let dossier = dossier::from_value(stored.dossier)?;
    Ok(Record {
        revision: stored.revision,
        saved_at_ms: stored.saved_at_ms,
        dossier,
    })
}

/// The record kept under `id`, or `None` when there is none. An unreadable record's raw
/// text is copied to its quarantine key (once) before the error is returned.
pub fn load_record(id: &str) -> Result<Option<Record>, StorageError> {
    let key = dossier_key(id);
    let Some(text) = read_raw(&key)? else {
        return Ok(None);
    };
    match parse_record(&text) {
        Ok(record) => Ok(Some(record)),
        Err(cause) => {
            let quarantine = quarantine_key(id);
            if read_raw(&quarantine)?.is_none() {
                // Best effort: a full storage must not hide the read error itself.
                let _ = write_raw(&quarantine, &text);
            }
            Err(StorageError::Unreadable { key, cause })
        }
    }
}

/// The dossier kept under `id`, or `None` when there is none.
pub fn load_dossier(id: &str) -> Result<Option<Dossier>, StorageError> {
    load_record(id).map(|record| record.map(|record| record.dossier))
}

fn write_record(id: &str, record: &Record) -> Result<(), StorageError> {
    let text = serde_json::to_string(record).map_err(|error| StorageError::WriteRefused {
        key: dossier_key(id),
        detail: error.to_string(),
    })?;
    write_raw(&dossier_key(id), &text)?;
    add_to_index(id)?;
    Ok(())
}

/// Saves `dossier` as the revision after `base_revision`, unless another tab saved since:
/// then the stored record is returned as a conflict and nothing is written. Returns the new
/// revision.
pub fn save_dossier_from(
    id: &str,
    dossier: &Dossier,
    base_revision: u64,
    now_ms: u64,
) -> Result<u64, SaveError> {
    if let Some(stored) = load_record(id)? {
        if stored.revision != base_revision {
            return Err(SaveError::Conflict(Box::new(stored)));
        }
    }
    let record = Record {
        revision: base_revision + 1,
        saved_at_ms: now_ms,
        dossier: dossier.clone(),
    };
    write_record(id, &record)?;
    Ok(record.revision)
}

/// Saves a new dossier, or overwrites one whatever its revision (the user chose to keep
/// their version in a conflict). Returns the new revision.
pub fn save_dossier(id: &str, dossier: &Dossier) -> Result<u64, StorageError> {
    let revision = match load_record(id) {
        Ok(Some(stored)) => stored.revision + 1,
        Ok(None) | Err(StorageError::Unreadable { .. }) => 1,
        Err(error) => return Err(error),
    };
    let record = Record {
        revision,
        saved_at_ms: crate::browser::clock::now_ms(),
        dossier: dossier.clone(),
    };
    write_record(id, &record)?;
    Ok(revision)
}

/// Moves a dossier to the trash: out of the list, its text kept until the next start so
/// that the deletion can be undone.
pub fn move_to_trash(id: &str) -> Result<(), StorageError> {
    let key = dossier_key(id);
    if let Some(text) = read_raw(&key)? {
        write_raw(&format!("{TRASH_PREFIX}{id}"), &text)?;
    }
    remove_from_index(id)?;
    remove(&key)
}

/// Brings a dossier back from the trash, at the end of the list.
pub fn restore_from_trash(id: &str) -> Result<bool, StorageError> {
    let trash = format!("{TRASH_PREFIX}{id}");
    let Some(text) = read_raw(&trash)? else {
        return Ok(false);
    };
    write_raw(&dossier_key(id), &text)?;
    add_to_index(id)?;
    remove(&trash)?;
    Ok(true)
}

/// Empties the trash (at start-up: an undo lasts as long as the page), and forgets the
/// shared versions of dossiers that are gone.
pub fn empty_trash() -> Result<(), StorageError> {
    for key in keys() {
        let orphan = key
            .strip_prefix(SHARED_PREFIX)
            .is_some_and(|id| matches!(read_raw(&dossier_key(id)), Ok(None)));
        if key.starts_with(TRASH_PREFIX) || orphan {
            remove(&key)?;
        }
    }
    Ok(())
}

/// A version of a dossier that was shared as a link: its fingerprint and its token.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SharedVersion {
    pub fingerprint: u64,
    pub token: String,
}

/// The versions of a dossier shared as links, oldest first. A damaged entry reads as none:
/// it only serves to explain replies, and is written again at the next share.
pub fn shared_versions(id: &str) -> Vec<SharedVersion> {
    read_raw(&format!("{SHARED_PREFIX}{id}"))
        .ok()
        .flatten()
        .and_then(|text| serde_json::from_str(&text).ok())
        .unwrap_or_default()
}

/// Remembers that this version of a dossier was shared (the most recent last, at most
/// [`SHARED_VERSIONS_KEPT`]).
pub fn remember_shared(id: &str, version: SharedVersion) -> Result<(), StorageError> {
    let mut versions = shared_versions(id);
    versions.retain(|known| known.fingerprint != version.fingerprint);
    versions.push(version);
    let excess = versions.len().saturating_sub(SHARED_VERSIONS_KEPT);
    versions.drain(..excess);
    let key = format!("{SHARED_PREFIX}{id}");
    let text = serde_json::to_string(&versions).map_err(|error| StorageError::WriteRefused {
        key: key.clone(),
        detail: error.to_string(),
    })?;
    write_raw(&key, &text)
}

/// Takes an unreadable dossier out of the list; its raw text stays under its quarantine key.
pub fn forget_unreadable(id: &str) -> Result<(), StorageError> {
    let key = dossier_key(id);
    if let Some(text) = read_raw(&key)? {
        if read_raw(&quarantine_key(id))?.is_none() {
            write_raw(&quarantine_key(id), &text)?;
        }
    }
    remove_from_index(id)?;
    remove(&key)
}

/// Reads the settings' text.
pub fn read_settings() -> Result<Option<String>, StorageError> {
    read_raw(SETTINGS_KEY)
}

/// Writes the settings' text.
pub fn write_settings(text: &str) -> Result<(), StorageError> {
    write_raw(SETTINGS_KEY, text)
}
