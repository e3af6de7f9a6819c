//! The dossiers kept in a store: an index of identifiers under one key and one record per
//! dossier, so that one damaged entry never hides the others.
//!
//! A record carries a revision number, raised at every save: a save whose base revision is
//! no longer the stored one is refused as a conflict (another tab saved in between), so that
//! neither side's edits are silently dropped. Nothing here ever overwrites an entry it could
//! not read: its raw text is copied to a quarantine key and the error returned. A deleted
//! dossier goes to a trash that lasts until the next start, so that a deletion can be undone.

use crate::id::DossierId;
use crate::store::{KeyValue, StoreError};
use fabrique_core::dossier::{self, Dossier, PartnerCategory, ReadError, Variant};
use fabrique_core::evaluation::{evaluate, summary, Section, Verdict};
use fabrique_core::exchange::{self, ImportError, Refused};
use fabrique_core::history::{day_of, History, Point};
use fabrique_core::referential::{CriterionId, Lang, Referential, WEIGHTS};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// The key of the list of dossier identifiers.
pub const INDEX_KEY: &str = "fabrique.index";
/// What every key Fabrique writes begins with.
const KEY_PREFIX: &str = "fabrique.";
/// The key of the user's settings.
pub const SETTINGS_KEY: &str = "fabrique.settings";
const DOSSIER_PREFIX: &str = "fabrique.dossier.";
const QUARANTINE_PREFIX: &str = "fabrique.quarantine.";
const TRASH_PREFIX: &str = "fabrique.trash.";
const SHARED_PREFIX: &str = "fabrique.shared.";
const DRAFT_PREFIX: &str = "fabrique.review-draft.";
/// How many shared versions of a dossier are remembered (to tell partners' replies to
/// older versions what changed since).
pub const SHARED_VERSIONS_KEPT: usize = 10;

/// The key under which one dossier is kept.
pub fn dossier_key(id: &DossierId) -> String {
    format!("{DOSSIER_PREFIX}{id}")
}

/// The key under which an unreadable entry's raw text is kept safe (its first copy; the
/// next distinct ones under `<key>.2`, `<key>.3`…).
pub fn quarantine_key(id: &DossierId) -> String {
    format!("{QUARANTINE_PREFIX}{id}")
}

/// The most distinct copies of one entry that quarantine keeps.
const QUARANTINE_COPIES: usize = 20;

fn quarantine_copy_key(id: &DossierId, copy: usize) -> String {
    if copy <= 1 {
        quarantine_key(id)
    } else {
        format!("{}.{copy}", quarantine_key(id))
    }
}

fn trash_key(id: &DossierId) -> String {
    format!("{TRASH_PREFIX}{id}")
}

fn shared_key(id: &DossierId) -> String {
    format!("{SHARED_PREFIX}{id}")
}

/// Whether a key is something Fabrique keeps for the user: anything of its own but the
/// settings and the index (which may list nothing).
fn is_kept_key(key: &str) -> bool {
    key.starts_with(KEY_PREFIX) && key != SETTINGS_KEY && key != INDEX_KEY
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
    /// The evaluation day by day, kept beside the dossier (never in a link).
    #[serde(skip_serializing_if = "History::is_empty")]
    pub history: History,
}

/// Why the storage could not be read or written. The app puts it into words.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum StorageError {
    /// The entry is there but is not readable (edited by hand, truncated, newer format…).
    Unreadable { key: String, cause: ReadError },
    /// The store refused to keep a text (storage full, or disabled in private browsing).
    WriteRefused { key: String, detail: String },
    /// The store refused to be read.
    Unavailable,
}

impl StorageError {
    fn from_store(key: &str, error: StoreError) -> StorageError {
        match error {
            StoreError::Unavailable => StorageError::Unavailable,
            StoreError::WriteRefused(detail) => StorageError::WriteRefused {
                key: key.to_owned(),
                detail,
            },
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

/// The stored shape of a record: the dossier stays raw JSON until the core reads it, so
/// that migration and refusal of newer formats happen in one place.
#[derive(Deserialize)]
struct StoredRecord {
    revision: u64,
    #[serde(default)]
    saved_at_ms: u64,
    dossier: serde_json::Value,
    #[serde(default)]
    history: Option<serde_json::Value>,
}

/// A record whose dossier is in the current shape, read in one typed pass.
#[derive(Deserialize)]
struct CurrentRecord {
    revision: u64,
    #[serde(default)]
    saved_at_ms: u64,
    dossier: Dossier,
    #[serde(default)]
    history: History,
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
                history: record.history,
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
            history: History::default(),
        });
    }
    let stored: StoredRecord =
        serde_json::from_str(text).map_err(|error| ReadError::Invalid(error.to_string()))?;
    let dossier = dossier::from_value(stored.dossier)?;
    // A history that cannot be read is a record of scores lost, never a dossier refused.
    let history = stored
        .history
        .and_then(History::from_value)
        .unwrap_or_default();
    Ok(Record {
        revision: stored.revision,
        saved_at_ms: stored.saved_at_ms,
        dossier,
        history,
    })
}

/// A version of a dossier that was shared as a link: its fingerprint and its token.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SharedVersion {
    pub fingerprint: u64,
    pub token: String,
}

/// A partner's review being written, kept per snapshot (by the fingerprint of the dossier
/// it answers) until its reply link is copied: a reload loses nothing typed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct ReviewDraft {
    pub organisation: String,
    pub person: String,
    pub category: PartnerCategory,
    pub letter_of_support: bool,
    pub in_kind: bool,
    pub governance_seat: bool,
    /// The amount as typed (it may not be a number yet).
    pub amount: String,
    pub comments: BTreeMap<Section, String>,
}

impl Default for ReviewDraft {
    fn default() -> Self {
        ReviewDraft {
            organisation: String::new(),
            person: String::new(),
            category: PartnerCategory::Other,
            letter_of_support: false,
            in_kind: false,
            governance_seat: false,
            amount: String::new(),
            comments: BTreeMap::new(),
        }
    }
}

/// What the user chose: the language and the criterion weights.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Settings {
    pub lang: Lang,
    /// Criterion weights that replace the referential's; empty: Fabrique's defaults.
    pub weights: BTreeMap<CriterionId, u32>,
}

/// A line of the list of dossiers.
#[derive(Debug, Clone, PartialEq)]
pub struct Entry {
    pub id: DossierId,
    pub state: EntryState,
}

impl Entry {
    /// What identifies the line as shown: the same key, the same line (kept as it is).
    pub fn key(&self) -> String {
        match &self.state {
            EntryState::Readable(line) => format!(
                "{}|{}|{}|{}|{}",
                self.id, line.saved_at_ms, line.score, line.verdict as u8, line.name
            ),
            EntryState::Unreadable(StorageError::Unreadable {
                cause: ReadError::FutureVersion(version),
                ..
            }) => format!("{}|!{version}", self.id),
            EntryState::Unreadable(StorageError::Unreadable { .. }) => format!("{}|!", self.id),
            EntryState::Unreadable(_) => format!("{}|?", self.id),
        }
    }
}

/// What was read for a line: only what the line shows. An action that needs the dossier
/// reads it from the store then, so that it acts on the latest save (another tab's too).
#[derive(Debug, Clone, PartialEq)]
pub enum EntryState {
    Readable(Line),
    /// Why it could not be read.
    Unreadable(StorageError),
}

/// What the list shows of a dossier that was read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Line {
    /// Its name, as stored (possibly empty).
    pub name: String,
    pub saved_at_ms: u64,
    pub verdict: Verdict,
    /// The weighted score, with the user's weights.
    pub score: u32,
    /// The label applied for (from the call).
    pub variant: Variant,
    /// Each criterion's score.
    pub criteria: Vec<(CriterionId, u32)>,
    /// The share of the questions answered, in whole percent.
    pub completeness: u32,
}

/// The lines read, and how many dossiers the list names in all.
#[derive(Debug, Clone, PartialEq)]
pub struct Lines {
    pub lines: Vec<Entry>,
    pub total: usize,
}

/// What [`Repository::restore_from_trash`] did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Restored {
    /// Back in its place.
    Back,
    /// Its place was taken by a newer save: back beside it, under this identifier.
    Beside(DossierId),
    /// The trash no longer holds it.
    Gone,
}

/// What an import kept, and what it could not read, entry by entry.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Imported {
    /// How many dossiers were kept.
    pub kept: usize,
    /// The file's dossiers that could not be read (none of them was kept).
    pub refused: Vec<Refused>,
}

/// Why an import did not happen. Nothing is kept from a file that fails.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ImportFailure {
    /// The file is not a Fabrique export.
    File(ImportError),
    /// The store refused to keep the dossiers: none of them were kept.
    Storage(StorageError),
}

/// The dossiers kept in a store.
#[derive(Debug, Clone, Copy)]
pub struct Repository<S> {
    store: S,
}

impl<S: KeyValue> Repository<S> {
    /// The dossiers kept in `store`.
    pub fn new(store: S) -> Repository<S> {
        Repository { store }
    }

    /// Whether dossiers outlive the page.
    pub fn is_persistent(&self) -> bool {
        self.store.is_persistent()
    }

    /// Whether the store holds nothing of Fabrique's but the settings: no dossier, no entry
    /// set aside, nothing in the trash, no shared version or draft. The home bundle (#20)
    /// runs only then; `public/first-screen.js` applies the same rule to localStorage.
    pub fn holds_nothing_but_settings(&self) -> bool {
        // An index that lists nothing is nothing; one that cannot be read is something.
        self.ids().is_ok_and(|ids| ids.is_empty())
            && !self.store.keys().iter().any(|key| is_kept_key(key))
    }

    fn read(&self, key: &str) -> Result<Option<String>, StorageError> {
        self.store
            .get(key)
            .map_err(|error| StorageError::from_store(key, error))
    }

    fn write(&self, key: &str, value: &str) -> Result<(), StorageError> {
        self.store
            .set(key, value)
            .map_err(|error| StorageError::from_store(key, error))
    }

    fn remove(&self, key: &str) -> Result<(), StorageError> {
        self.store
            .remove(key)
            .map_err(|error| StorageError::from_store(key, error))
    }

    /// The identifiers of the dossiers kept, oldest first, each once. An entry of the index
    /// that is not an identifier names no dossier and is left aside (never a storage key).
    pub fn ids(&self) -> Result<Vec<DossierId>, StorageError> {
        let Some(text) = self.read(INDEX_KEY)? else {
            return Ok(Vec::new());
        };
        let listed: Vec<String> =
            serde_json::from_str(&text).map_err(|error| StorageError::Unreadable {
                key: INDEX_KEY.to_owned(),
                cause: ReadError::Invalid(error.to_string()),
            })?;
        let mut ids: Vec<DossierId> = Vec::with_capacity(listed.len());
        for id in listed.iter().filter_map(|text| DossierId::parse(text)) {
            // A person's list is short: a linear look is cheaper in code than a set.
            if !ids.contains(&id) {
                ids.push(id);
            }
        }
        Ok(ids)
    }

    fn write_index(&self, ids: &[DossierId]) -> Result<(), StorageError> {
        let texts: Vec<&str> = ids.iter().map(DossierId::as_str).collect();
        let index = serde_json::to_string(&texts).map_err(|error| StorageError::WriteRefused {
            key: INDEX_KEY.to_owned(),
            detail: error.to_string(),
        })?;
        self.write(INDEX_KEY, &index)
    }

    /// Adds `id` at the end of the index, unless it is there already.
    fn add_to_index(&self, id: &DossierId) -> Result<(), StorageError> {
        let mut ids = self.ids()?;
        if !ids.contains(id) {
            ids.push(id.clone());
            self.write_index(&ids)?;
        }
        Ok(())
    }

    fn remove_from_index(&self, id: &DossierId) -> Result<(), StorageError> {
        let ids: Vec<DossierId> = self
            .ids()?
            .into_iter()
            .filter(|known| known != id)
            .collect();
        self.write_index(&ids)
    }

    /// The record kept under `id`, or `None` when there is none. An unreadable record's raw
    /// text is copied to its quarantine key (once) before the error is returned.
    pub fn load(&self, id: &DossierId) -> Result<Option<Record>, StorageError> {
        let key = dossier_key(id);
        let Some(text) = self.read(&key)? else {
            return Ok(None);
        };
        match parse_record(&text) {
            Ok(record) => Ok(Some(record)),
            Err(cause) => {
                // Once, on reading: a newer Fabrique in another tab may write this entry at
                // every keystroke, and reading must not copy each version (the entry itself
                // stays, untouched). Removing it keeps its text too (`forget_unreadable`).
                // Best effort: a full storage must not hide the read error itself.
                if matches!(self.read(&quarantine_key(id)), Ok(None)) {
                    let _ = self.quarantine(id, &text);
                }
                Err(StorageError::Unreadable { key, cause })
            }
        }
    }

    /// Keeps `text` in quarantine for `id`, unless a copy of it is kept already: every
    /// distinct text an entry had when it was taken out of the list is kept (up to
    /// [`QUARANTINE_COPIES`]).
    fn quarantine(&self, id: &DossierId, text: &str) -> Result<(), StorageError> {
        for copy in 1..=QUARANTINE_COPIES {
            let key = quarantine_copy_key(id, copy);
            match self.read(&key)? {
                Some(kept) if kept == text => return Ok(()),
                Some(_) => {}
                None => return self.write(&key, text),
            }
        }
        Err(StorageError::WriteRefused {
            key: quarantine_key(id),
            detail: format!("{QUARANTINE_COPIES} copies kept already"),
        })
    }

    /// The texts kept in quarantine for `id`, oldest first.
    pub fn quarantined(&self, id: &DossierId) -> Vec<String> {
        (1..=QUARANTINE_COPIES)
            .map_while(|copy| self.read(&quarantine_copy_key(id, copy)).ok().flatten())
            .collect()
    }

    /// The dossier kept under `id`, or `None` when there is none.
    pub fn load_dossier(&self, id: &DossierId) -> Result<Option<Dossier>, StorageError> {
        self.load(id)
            .map(|record| record.map(|record| record.dossier))
    }

    /// The dossier kept under `id`, for an action on it: gone when it is no longer kept.
    pub fn existing(&self, id: &DossierId) -> Result<Dossier, ActionError> {
        self.load_dossier(id)?.ok_or(ActionError::Gone)
    }

    /// Every dossier that can be read, in the list's order (the others are left aside: the
    /// list shows them with their problem).
    pub fn readable(&self) -> Vec<(DossierId, Dossier)> {
        self.ids()
            .unwrap_or_default()
            .into_iter()
            .filter_map(|id| self.load_dossier(&id).ok().flatten().map(|d| (id, d)))
            .collect()
    }

    fn write_record(&self, id: &DossierId, record: &Record) -> Result<(), StorageError> {
        let key = dossier_key(id);
        let text = serde_json::to_string(record).map_err(|error| StorageError::WriteRefused {
            key: key.clone(),
            detail: error.to_string(),
        })?;
        self.write(&key, &text)?;
        self.add_to_index(id)
    }

    /// Saves `dossier` as the revision after `base_revision`, unless another tab saved since:
    /// then the stored record is returned as a conflict and nothing is written. Returns the
    /// new revision.
    pub fn save_from(
        &self,
        id: &DossierId,
        dossier: &Dossier,
        base_revision: u64,
        now_ms: u64,
    ) -> Result<u64, SaveError> {
        let stored = self.load(id)?;
        if let Some(stored) = &stored {
            if stored.revision != base_revision {
                return Err(SaveError::Conflict(Box::new(stored.clone())));
            }
        }
        let history = stored.map(|s| s.history).unwrap_or_default();
        let record = Record {
            revision: base_revision + 1,
            saved_at_ms: now_ms,
            history: self.with_today(history, dossier, now_ms),
            dossier: dossier.clone(),
        };
        self.write_record(id, &record)?;
        Ok(record.revision)
    }

    /// Saves over whatever is stored under `id`, as its next revision (renaming from the
    /// list, which reads the latest save just before). An unreadable entry stays in
    /// quarantine. Returns the new revision.
    pub fn overwrite(
        &self,
        id: &DossierId,
        dossier: &Dossier,
        now_ms: u64,
    ) -> Result<u64, StorageError> {
        let (revision, history) = match self.load(id) {
            Ok(Some(stored)) => (stored.revision + 1, stored.history),
            Ok(None) | Err(StorageError::Unreadable { .. }) => (1, History::default()),
            Err(error) => return Err(error),
        };
        let record = Record {
            revision,
            saved_at_ms: now_ms,
            history: self.with_today(history, dossier, now_ms),
            dossier: dossier.clone(),
        };
        self.write_record(id, &record)?;
        Ok(revision)
    }

    /// Keeps a new dossier under a new identifier (`new_id` is asked again in the unlikely
    /// case it names a kept entry: nothing is ever overwritten).
    pub fn create(
        &self,
        dossier: &Dossier,
        now_ms: u64,
        new_id: impl FnMut() -> DossierId,
    ) -> Result<DossierId, StorageError> {
        self.create_with_history(dossier, History::default(), now_ms, new_id)
    }

    /// [`Repository::create`], keeping the history the dossier had (a copy, an import), and
    /// today's evaluation.
    pub fn create_with_history(
        &self,
        dossier: &Dossier,
        history: History,
        now_ms: u64,
        new_id: impl FnMut() -> DossierId,
    ) -> Result<DossierId, StorageError> {
        let id = self.free_id(new_id)?;
        let record = Record {
            revision: 1,
            saved_at_ms: now_ms,
            history: self.with_today(history, dossier, now_ms),
            dossier: dossier.clone(),
        };
        self.write_record(&id, &record)?;
        Ok(id)
    }

    /// A copy of the dossier kept under `id`, named `name`, as a new dossier.
    pub fn duplicate(
        &self,
        id: &DossierId,
        name: String,
        now_ms: u64,
        new_id: impl FnMut() -> DossierId,
    ) -> Result<DossierId, ActionError> {
        let record = match self.load(id)? {
            Some(record) => record,
            None => return Err(ActionError::Gone),
        };
        let mut copy = record.dossier;
        copy.name = name;
        Ok(self.create_with_history(&copy, record.history, now_ms, new_id)?)
    }

    /// Renames the dossier kept under `id` (its latest save, another tab's included).
    pub fn rename(&self, id: &DossierId, name: &str, now_ms: u64) -> Result<(), ActionError> {
        let mut renamed = self.existing(id)?;
        renamed.name = name.trim().to_owned();
        self.overwrite(id, &renamed, now_ms)?;
        Ok(())
    }

    /// Moves a dossier to the trash: out of the list, its text kept until the next start so
    /// that the deletion can be undone.
    pub fn move_to_trash(&self, id: &DossierId) -> Result<(), StorageError> {
        let key = dossier_key(id);
        if let Some(text) = self.read(&key)? {
            self.write(&trash_key(id), &text)?;
        }
        self.remove_from_index(id)?;
        self.remove(&key)
    }

    /// Brings a dossier back from the trash, at the end of the list. When its place was
    /// taken in the meantime (another tab saved it again), nothing is replaced: the trashed
    /// version comes back beside it, as a new dossier.
    pub fn restore_from_trash(
        &self,
        id: &DossierId,
        new_id: impl FnMut() -> DossierId,
    ) -> Result<Restored, StorageError> {
        let trash = trash_key(id);
        let Some(text) = self.read(&trash)? else {
            return Ok(Restored::Gone);
        };
        if self.read(&dossier_key(id))?.is_none() {
            self.write(&dossier_key(id), &text)?;
            self.add_to_index(id)?;
            self.remove(&trash)?;
            return Ok(Restored::Back);
        }
        let beside = self.free_id(new_id)?;
        self.write(&dossier_key(&beside), &text)?;
        self.add_to_index(&beside)?;
        self.remove(&trash)?;
        Ok(Restored::Beside(beside))
    }

    /// An identifier that names no kept entry.
    fn free_id(&self, mut new_id: impl FnMut() -> DossierId) -> Result<DossierId, StorageError> {
        let mut id = new_id();
        while self.read(&dossier_key(&id))?.is_some() || self.read(&trash_key(&id))?.is_some() {
            id = new_id();
        }
        Ok(id)
    }

    /// Empties the trash (at start-up: an undo lasts as long as the page), and forgets the
    /// shared versions of dossiers that are gone.
    pub fn empty_trash(&self) -> Result<(), StorageError> {
        for key in self.store.keys() {
            let orphan = key
                .strip_prefix(SHARED_PREFIX)
                .is_some_and(|id| matches!(self.read(&format!("{DOSSIER_PREFIX}{id}")), Ok(None)));
            if key.starts_with(TRASH_PREFIX) || orphan {
                self.remove(&key)?;
            }
        }
        Ok(())
    }

    /// Takes an unreadable dossier out of the list; its raw text, as it is now, joins the
    /// copies in quarantine first (nothing is removed that is not kept there).
    pub fn forget_unreadable(&self, id: &DossierId) -> Result<(), StorageError> {
        let key = dossier_key(id);
        if let Some(text) = self.read(&key)? {
            self.quarantine(id, &text)?;
        }
        self.remove_from_index(id)?;
        self.remove(&key)
    }

    /// The raw text of an unreadable dossier, the newest there is: the entry itself, or
    /// else its latest copy in quarantine.
    pub fn unreadable_text(&self, id: &DossierId) -> Option<String> {
        self.read(&dossier_key(id))
            .ok()
            .flatten()
            .or_else(|| self.quarantined(id).pop())
    }

    /// The versions of a dossier shared as links, oldest first. A damaged entry reads as
    /// none: it only serves to explain replies, and is written again at the next share.
    pub fn shared_versions(&self, id: &DossierId) -> Vec<SharedVersion> {
        self.read(&shared_key(id))
            .ok()
            .flatten()
            .and_then(|text| serde_json::from_str(&text).ok())
            .unwrap_or_default()
    }

    /// Remembers that this version of a dossier was shared (the most recent last, at most
    /// [`SHARED_VERSIONS_KEPT`]).
    pub fn remember_shared(
        &self,
        id: &DossierId,
        version: SharedVersion,
    ) -> Result<(), StorageError> {
        let mut versions = self.shared_versions(id);
        versions.retain(|known| known.fingerprint != version.fingerprint);
        versions.push(version);
        let excess = versions.len().saturating_sub(SHARED_VERSIONS_KEPT);
        versions.drain(..excess);
        let key = shared_key(id);
        let text =
            serde_json::to_string(&versions).map_err(|error| StorageError::WriteRefused {
                key: key.clone(),
                detail: error.to_string(),
            })?;
        self.write(&key, &text)
    }

    /// The draft of a review of the dossier version `answers`, if one is kept (a damaged
    /// draft reads as none).
    pub fn review_draft(&self, answers: u64) -> Option<ReviewDraft> {
        self.read(&format!("{DRAFT_PREFIX}{answers:016x}"))
            .ok()
            .flatten()
            .and_then(|text| serde_json::from_str(&text).ok())
    }

    /// Keeps the draft of a review of the dossier version `answers`.
    pub fn save_review_draft(&self, answers: u64, draft: &ReviewDraft) -> Result<(), StorageError> {
        let key = format!("{DRAFT_PREFIX}{answers:016x}");
        let text = serde_json::to_string(draft).map_err(|error| StorageError::WriteRefused {
            key: key.clone(),
            detail: error.to_string(),
        })?;
        self.write(&key, &text)
    }

    /// Forgets the draft of a review of the dossier version `answers` (its reply was copied).
    pub fn forget_review_draft(&self, answers: u64) -> Result<(), StorageError> {
        self.remove(&format!("{DRAFT_PREFIX}{answers:016x}"))
    }

    /// The settings kept, or the defaults. A damaged entry gives the defaults and is not
    /// overwritten until the user changes a setting; a weight outside 1–100 (edited by
    /// hand) is left aside, and the criterion keeps Fabrique's weight.
    pub fn settings(&self) -> Settings {
        let mut settings: Settings = self
            .read(SETTINGS_KEY)
            .ok()
            .flatten()
            .and_then(|text| serde_json::from_str(&text).ok())
            .unwrap_or_default();
        settings
            .weights
            .retain(|_, weight| WEIGHTS.contains(weight));
        settings
    }

    /// Keeps the settings.
    pub fn save_settings(&self, settings: &Settings) -> Result<(), StorageError> {
        let text = serde_json::to_string(settings).map_err(|error| StorageError::WriteRefused {
            key: SETTINGS_KEY.to_owned(),
            detail: error.to_string(),
        })?;
        self.write(SETTINGS_KEY, &text)
    }

    /// The first `limit` lines of the list, with each dossier's verdict and weighted score;
    /// an unreadable dossier is a line too, never dropped; a listed but missing one is no
    /// line. The referential with the user's weights is built once per variant.
    pub fn lines(
        &self,
        weights: &BTreeMap<CriterionId, u32>,
        limit: usize,
    ) -> Result<Lines, StorageError> {
        let ids = self.ids()?;
        let total = ids.len();
        // One referential per variant met (there are three): a short list, not a map.
        let mut referentials: Vec<(Variant, Referential)> = Vec::new();
        let lines = ids
            .into_iter()
            .take(limit)
            .filter_map(|id| {
                let state = match self.load(&id) {
                    Ok(Some(record)) => {
                        let variant = record.dossier.variant();
                        let index =
                            match referentials.iter().position(|(known, _)| *known == variant) {
                                Some(index) => index,
                                None => {
                                    referentials.push((
                                        variant,
                                        Referential::builtin(variant).with_weights(weights),
                                    ));
                                    referentials.len() - 1
                                }
                            };
                        let referential = &referentials[index].1;
                        let summary = summary(&record.dossier, referential);
                        EntryState::Readable(Line {
                            name: record.dossier.name,
                            saved_at_ms: record.saved_at_ms,
                            verdict: summary.verdict,
                            score: summary.weighted_score,
                            variant,
                            criteria: summary.criteria,
                            completeness: summary.completeness,
                        })
                    }
                    Ok(None) => return None,
                    Err(error) => EntryState::Unreadable(error),
                };
                Some(Entry { id, state })
            })
            .collect();
        Ok(Lines { lines, total })
    }

    /// Every readable dossier as one export file (`None` when there is none). Read from the
    /// store: the latest save of each, another tab's included.
    pub fn export_all(&self) -> Option<String> {
        self.export(&self.ids().unwrap_or_default())
    }

    /// These dossiers (those that can be read, in this order) as one export file, each with
    /// its history (`None` when none can be read).
    pub fn export(&self, ids: &[DossierId]) -> Option<String> {
        let records: Vec<Record> = ids
            .iter()
            .filter_map(|id| self.load(id).ok().flatten())
            .collect();
        (!records.is_empty()).then(|| {
            exchange::export_with_history(records.iter().map(|r| (&r.dossier, &r.history)))
        })
    }

    /// The history kept for `id` (none when it has none or cannot be read).
    pub fn history(&self, id: &DossierId) -> History {
        self.load(id)
            .ok()
            .flatten()
            .map(|record| record.history)
            .unwrap_or_default()
    }

    /// `history` with the evaluation of `dossier` on the day of `now_ms`, with the user's
    /// weights.
    fn with_today(&self, mut history: History, dossier: &Dossier, now_ms: u64) -> History {
        let weights = self.settings().weights;
        let referential = Referential::builtin(dossier.variant()).with_weights(&weights);
        let evaluation = evaluate(dossier, &referential, Lang::Fr);
        history.record(Point::of(day_of(now_ms), &evaluation));
        history
    }

    /// Imports a file's dossiers, always as new dossiers (nothing kept is ever overwritten).
    /// Every dossier that can be read is kept; those that cannot (a newer version, a damaged
    /// entry) are listed, entry by entry. When the store refuses one, the ones kept before
    /// it are taken back out: a file is kept whole or not at all.
    pub fn import(
        &self,
        text: &str,
        now_ms: u64,
        mut new_id: impl FnMut() -> DossierId,
    ) -> Result<Imported, ImportFailure> {
        let entries = exchange::import_with_history(text).map_err(ImportFailure::File)?;
        let (mut dossiers, mut refused) = (Vec::new(), Vec::new());
        for entry in entries {
            match entry {
                Ok(dossier) => dossiers.push(dossier),
                Err(entry) => refused.push(entry),
            }
        }
        let mut created = Vec::new();
        for (dossier, history) in dossiers {
            match self.create_with_history(&dossier, history, now_ms, &mut new_id) {
                Ok(id) => created.push(id),
                Err(error) => {
                    for id in &created {
                        let _ = self.remove_from_index(id);
                        let _ = self.remove(&dossier_key(id));
                    }
                    return Err(ImportFailure::Storage(error));
                }
            }
        }
        Ok(Imported {
            kept: created.len(),
            refused,
        })
    }
}

/// Why an action on a dossier of the list did not happen.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ActionError {
    /// The dossier is no longer kept (deleted in another tab).
    Gone,
    Storage(StorageError),
}

impl From<StorageError> for ActionError {
    fn from(error: StorageError) -> Self {
        ActionError::Storage(error)
    }
}
