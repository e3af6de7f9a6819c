//! Dossiers in localStorage, through gloo-storage: an index of identifiers under one key and
//! one key per dossier, so that one damaged entry never hides the others.
//!
//! This module moves text in and out of the browser; reading that text into a dossier (and
//! refusing a newer format) is the core's job. Nothing here ever overwrites an entry it could
//! not read: the error is returned as it is, and the caller decides what the user sees.

use fabrique_core::dossier::{self, Dossier, ReadError};
use gloo_storage::Storage as _;
use std::fmt;

/// The key of the list of dossier identifiers.
const INDEX_KEY: &str = "fabrique.index";

/// The key under which one dossier is kept.
pub fn dossier_key(id: &str) -> String {
    format!("fabrique.dossier.{id}")
}

/// Why the storage could not be read or written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum StorageError {
    /// The entry is there but is not readable (edited by hand, truncated, newer format…).
    Unreadable { key: String, cause: ReadError },
    /// The browser refused to store (storage full, or disabled in private browsing).
    WriteRefused { key: String, detail: String },
    /// The browser gave no access to localStorage at all.
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
                "L'entrée « {key} » vient d'une version plus récente de Fabrique (format {version}). \
                 Mettez l'application à jour pour l'ouvrir ; elle n'a pas été modifiée."
            ),
            StorageError::Unreadable { key, .. } => write!(
                f,
                "L'entrée « {key} » de ce navigateur est illisible. Elle est conservée telle quelle."
            ),
            StorageError::WriteRefused { .. } => write!(
                f,
                "Le navigateur refuse d'enregistrer (espace plein ou navigation privée). \
                 Vos dernières modifications restent affichées, mais ne sont pas enregistrées."
            ),
            StorageError::Unavailable => write!(
                f,
                "Ce navigateur ne donne pas accès au stockage local : rien ne peut être enregistré."
            ),
        }
    }
}

fn read_raw(key: &str) -> Result<Option<String>, StorageError> {
    gloo_storage::LocalStorage::raw()
        .get_item(key)
        .map_err(|_| StorageError::Unavailable)
}

fn write_raw(key: &str, value: &str) -> Result<(), StorageError> {
    gloo_storage::LocalStorage::raw()
        .set_item(key, value)
        .map_err(|error| StorageError::WriteRefused {
            key: key.to_owned(),
            detail: format!("{error:?}"),
        })
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

/// The dossier kept under `id`, or `None` when there is none.
pub fn load_dossier(id: &str) -> Result<Option<Dossier>, StorageError> {
    let key = dossier_key(id);
    let Some(text) = read_raw(&key)? else {
        return Ok(None);
    };
    dossier::from_json(&text)
        .map(Some)
        .map_err(|cause| StorageError::Unreadable { key, cause })
}

/// Keeps `dossier` under `id`, and adds `id` to the index if it is new. The dossier is
/// written before the index, so the index never names a dossier that was not written.
pub fn save_dossier(id: &str, dossier: &Dossier) -> Result<(), StorageError> {
    write_raw(&dossier_key(id), &dossier::to_json(dossier))?;
    let mut ids = dossier_ids()?;
    if !ids.iter().any(|known| known == id) {
        ids.push(id.to_owned());
        let index = serde_json::to_string(&ids).map_err(|error| StorageError::WriteRefused {
            key: INDEX_KEY.to_owned(),
            detail: error.to_string(),
        })?;
        write_raw(INDEX_KEY, &index)?;
    }
    Ok(())
}
