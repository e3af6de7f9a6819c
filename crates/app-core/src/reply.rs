//! A partner's reply received as a link: the local dossier it answers, and merging it. A
//! reply for a dossier this browser does not know, or one already merged, changes nothing.

use crate::id::DossierId;
use crate::repository::{Repository, SaveError, StorageError};
use crate::store::KeyValue;
use fabrique_core::compare::{differences, Difference};
use fabrique_core::dossier::Dossier;
use fabrique_core::link;
use fabrique_core::review::{self, MergeChoices, MergeOutcome, Review};

/// The local dossier a reply answers.
#[derive(Debug, Clone, PartialEq)]
pub enum Answered {
    /// It is in this dossier already (merged at that time).
    Merged {
        id: DossierId,
        name: String,
        at_ms: u64,
    },
    /// This dossier, as it is now.
    Current { id: DossierId, dossier: Dossier },
    /// This dossier, in a version shared earlier (saved then): what changed since.
    Older {
        id: DossierId,
        dossier: Dossier,
        saved_at_ms: u64,
        changes: Vec<Difference>,
    },
    /// No dossier of this browser.
    Unknown,
}

/// Looks for the dossier a reply answers: one that holds it already, one whose current
/// version it answers, then one whose shared versions include the one it answers.
pub fn locate<S: KeyValue>(repository: &Repository<S>, review: &Review) -> Answered {
    let dossiers = repository.readable();
    if let Some((id, dossier, at_ms)) = dossiers.iter().find_map(|(id, dossier)| {
        review::already_merged(dossier, review).map(|received| (id, dossier, received.merged_at_ms))
    }) {
        return Answered::Merged {
            id: id.clone(),
            name: dossier.name.clone(),
            at_ms,
        };
    }
    if let Some((id, dossier)) = dossiers
        .iter()
        .find(|(_, dossier)| review::fingerprint(dossier) == review.answers)
    {
        return Answered::Current {
            id: id.clone(),
            dossier: dossier.clone(),
        };
    }
    for (id, dossier) in &dossiers {
        let shared = repository
            .shared_versions(id)
            .into_iter()
            .find(|version| version.fingerprint == review.answers);
        if let Some(then) = shared.and_then(|version| link::decode(&version.token).ok()) {
            return Answered::Older {
                id: id.clone(),
                dossier: dossier.clone(),
                saved_at_ms: then.saved_at_ms,
                changes: differences(&then.dossier, dossier),
            };
        }
    }
    Answered::Unknown
}

/// Why a reply was not merged.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum MergeError {
    /// The dossier is no longer kept.
    Gone,
    /// Another tab saved the dossier between reading and writing: nothing was written.
    Conflict,
    Storage(StorageError),
}

/// Merges the reply into the latest save of the dossier kept under `id`, as its next
/// revision (refused as a conflict if another tab saves in between), taking from it what
/// `choices` say for a partner the dossier already has.
pub fn merge<S: KeyValue>(
    repository: &Repository<S>,
    id: &DossierId,
    review: &Review,
    now_ms: u64,
    choices: MergeChoices,
) -> Result<(), MergeError> {
    let record = repository
        .load(id)
        .map_err(MergeError::Storage)?
        .ok_or(MergeError::Gone)?;
    let mut dossier = record.dossier;
    if let MergeOutcome::Merged { .. } = review::merge(&mut dossier, review, now_ms, choices) {
        repository
            .save_from(id, &dossier, record.revision, now_ms)
            .map_err(|error| match error {
                SaveError::Conflict(_) => MergeError::Conflict,
                SaveError::Storage(error) => MergeError::Storage(error),
            })?;
    }
    Ok(())
}
