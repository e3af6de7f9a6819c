//! Editing one dossier: the state between what is on screen and what is stored.
//!
//! ```text
//!             changed            save: stored revision is still ours
//!   Saved ───────────────► Pending ───────────────────────────────► Saved
//!     ▲                      │  │ save: another tab saved since
//!     │                      │  └──────────────────────────► conflict (nothing written)
//!     │ take theirs /        │ save: the store refuses
//!     │ keep mine (saved)    └─────────────────────────────► Failed (stays on screen)
//!     │
//!   another tab saved: followed when nothing is unsaved here, a conflict otherwise;
//!   another tab deleted it: DeletedElsewhere (the next save writes it back).
//! ```
//!
//! The session never holds the dossier being edited (the app keeps it, field by field); it
//! is given the dossier when it saves and returns the other tab's when it must be shown.

use crate::id::DossierId;
use crate::repository::{dossier_key, Record, Repository, SaveError, StorageError};
use crate::store::KeyValue;
use fabrique_core::dossier::Dossier;

/// Where the dossier stands against the store.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SaveStatus {
    /// What is on screen is what is stored.
    Saved,
    /// A change waits for its save.
    Pending,
    /// The store refused the last save: the changes are on screen only.
    Failed(StorageError),
    /// Another tab deleted the dossier; the next change writes it back.
    DeletedElsewhere,
}

/// What the app must do after another tab wrote the store.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FromOtherTab {
    /// Nothing concerns this dossier, or nothing changed.
    Nothing,
    /// Show this version: it replaces what is on screen (nothing unsaved here).
    Follow(Box<Dossier>),
    /// Both sides changed: the session holds the other version until the user chooses.
    Conflict,
    /// The dossier was deleted there.
    DeletedElsewhere,
}

/// One dossier being edited.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EditingSession {
    id: DossierId,
    base_revision: u64,
    saved_at_ms: u64,
    dirty: bool,
    status: SaveStatus,
    conflict: Option<Record>,
}

impl EditingSession {
    /// Opens the dossier kept under `id`: the session and the record read (the dossier to
    /// show, its history), or `None` when there is no such dossier.
    pub fn open<S: KeyValue>(
        repository: &Repository<S>,
        id: DossierId,
    ) -> Result<Option<(EditingSession, Record)>, StorageError> {
        Ok(repository.load(&id)?.map(|record| {
            let session = EditingSession {
                id,
                base_revision: record.revision,
                saved_at_ms: record.saved_at_ms,
                dirty: false,
                status: SaveStatus::Saved,
                conflict: None,
            };
            (session, record)
        }))
    }

    /// The dossier's identifier.
    pub fn id(&self) -> &DossierId {
        &self.id
    }

    /// Where the dossier stands.
    pub fn status(&self) -> &SaveStatus {
        &self.status
    }

    /// The other tab's version, while both sides changed and the user has not chosen.
    pub fn conflict(&self) -> Option<&Record> {
        self.conflict.as_ref()
    }

    /// When the dossier was last saved (0: unknown).
    pub fn saved_at_ms(&self) -> u64 {
        self.saved_at_ms
    }

    /// Whether leaving now would lose work: the last save failed, or another tab's version
    /// waits for the user's choice (the app asks before the page is left).
    pub fn holds_unsaved_work(&self) -> bool {
        matches!(self.status, SaveStatus::Failed(_)) || self.conflict.is_some()
    }

    /// Whether a change waits to be saved.
    pub fn is_dirty(&self) -> bool {
        self.dirty
    }

    /// The revision the next save builds on.
    pub fn base_revision(&self) -> u64 {
        self.base_revision
    }

    /// Whether a store key is this dossier's (another tab wrote it).
    pub fn watches(&self, key: &str) -> bool {
        key == dossier_key(&self.id)
    }

    /// The user changed the dossier: it waits for its save (a failed save stays failed
    /// until a save succeeds, so that its warning stays up).
    pub fn changed(&mut self) {
        self.dirty = true;
        if !matches!(self.status, SaveStatus::Failed(_)) {
            self.status = SaveStatus::Pending;
        }
    }

    /// Saves `dossier` when a change waits and no conflict is open. A conflict keeps the
    /// other version for the user to choose; a refusal leaves the change waiting.
    pub fn save<S: KeyValue>(
        &mut self,
        repository: &Repository<S>,
        dossier: &Dossier,
        now_ms: u64,
    ) {
        if !self.dirty || self.conflict.is_some() {
            return;
        }
        match repository.save_from(&self.id, dossier, self.base_revision, now_ms) {
            Ok(revision) => {
                self.base_revision = revision;
                self.saved_at_ms = now_ms;
                self.dirty = false;
                self.status = SaveStatus::Saved;
            }
            Err(SaveError::Conflict(theirs)) => self.conflict = Some(*theirs),
            Err(SaveError::Storage(error)) => self.status = SaveStatus::Failed(error),
        }
    }

    /// Another tab wrote `key`: follows its save when nothing is unsaved here, opens a
    /// conflict when both changed, notes a deletion.
    pub fn other_tab_wrote<S: KeyValue>(
        &mut self,
        repository: &Repository<S>,
        key: &str,
    ) -> FromOtherTab {
        if !self.watches(key) {
            return FromOtherTab::Nothing;
        }
        match repository.load(&self.id) {
            Ok(Some(theirs)) if theirs.revision != self.base_revision => {
                if self.dirty {
                    self.conflict = Some(theirs);
                    FromOtherTab::Conflict
                } else {
                    self.base_revision = theirs.revision;
                    self.saved_at_ms = theirs.saved_at_ms;
                    FromOtherTab::Follow(Box::new(theirs.dossier))
                }
            }
            Ok(None) => {
                self.status = SaveStatus::DeletedElsewhere;
                FromOtherTab::DeletedElsewhere
            }
            // The same revision (this tab's own save), or unreadable: this tab's version
            // stays on screen, and its next save will say so if it must.
            _ => FromOtherTab::Nothing,
        }
    }

    /// In a conflict, the user keeps this tab's version: it is saved over the other one.
    pub fn keep_mine<S: KeyValue>(
        &mut self,
        repository: &Repository<S>,
        dossier: &Dossier,
        now_ms: u64,
    ) {
        if let Some(theirs) = self.conflict.take() {
            self.base_revision = theirs.revision;
            self.dirty = true;
            self.save(repository, dossier, now_ms);
        }
    }

    /// In a conflict, the user takes the other tab's version: it is returned to be shown,
    /// and this tab's changes are dropped (the user chose so).
    pub fn take_theirs(&mut self) -> Option<Dossier> {
        let theirs = self.conflict.take()?;
        self.base_revision = theirs.revision;
        self.saved_at_ms = theirs.saved_at_ms;
        self.dirty = false;
        self.status = SaveStatus::Saved;
        Some(theirs.dossier)
    }
}
