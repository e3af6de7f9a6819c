//! Finding the dossier a partner's reply answers, and merging it, natively.

use fabrique_app_core::id::DossierId;
use fabrique_app_core::reply::{locate, merge, Answered, MergeError};
use fabrique_app_core::repository::{Repository, SharedVersion};
use fabrique_app_core::store::MemoryStore;
use fabrique_core::dossier::{Dossier, PartnerCategory};
use fabrique_core::link::{self, Snapshot};
use fabrique_core::review::{self, Commitment, MergeChoices, Review};

fn named(name: &str) -> Dossier {
    Dossier {
        name: name.to_owned(),
        ..Dossier::default()
    }
}

fn id(n: u8) -> DossierId {
    DossierId::from_random([0, 0, 0, 0, 0, 0, 0, n])
}

fn reply_to(dossier: &Dossier) -> Review {
    Review {
        answers: review::fingerprint(dossier),
        dossier_name: dossier.name.clone(),
        organisation: "Mission locale".to_owned(),
        category: PartnerCategory::Association,
        commitment: Commitment::default(),
        ..Review::default()
    }
}

#[test]
fn a_reply_to_the_current_version_finds_it_and_merging_adds_the_partner() {
    let repository = Repository::new(MemoryStore::new());
    repository
        .create(&named("Autre"), 1, || id(1))
        .expect("created");
    let target = repository
        .create(&named("Cible"), 1, || id(2))
        .expect("created");
    let reply = reply_to(&named("Cible"));
    assert_eq!(
        locate(&repository, &reply),
        Answered::Current {
            id: target.clone(),
            dossier: named("Cible")
        }
    );
    assert_eq!(
        merge(&repository, &target, &reply, 50, MergeChoices::ALL),
        Ok(())
    );
    let record = repository.load(&target).expect("read").expect("kept");
    assert_eq!(record.revision, 2);
    assert!(record
        .dossier
        .partners
        .iter()
        .any(|p| p.name == "Mission locale"));
    // Merged once: the same link now says so, and merging again changes nothing.
    assert!(matches!(
        locate(&repository, &reply),
        Answered::Merged { ref id, at_ms: 50, .. } if *id == target
    ));
    assert_eq!(
        merge(&repository, &target, &reply, 60, MergeChoices::ALL),
        Ok(())
    );
    assert_eq!(
        repository
            .load(&target)
            .expect("read")
            .expect("kept")
            .revision,
        2
    );
}

#[test]
fn a_reply_to_a_version_shared_earlier_finds_it_with_what_changed_since() {
    let repository = Repository::new(MemoryStore::new());
    let then = named("Version partagée");
    let target = repository.create(&then, 1, || id(3)).expect("created");
    let token = link::encode(&Snapshot {
        dossier: link::shareable(&then),
        weights: Default::default(),
        referential_version: 1,
        saved_at_ms: 7,
    })
    .expect("link");
    repository
        .remember_shared(
            &target,
            SharedVersion {
                fingerprint: review::fingerprint(&then),
                token,
            },
        )
        .expect("remembered");
    repository
        .overwrite(&target, &named("Version d'aujourd'hui"), 8)
        .expect("changed");
    let answered = locate(&repository, &reply_to(&then));
    let Answered::Older {
        id: found,
        saved_at_ms,
        changes,
        ..
    } = answered
    else {
        panic!("an older version, not {answered:?}");
    };
    assert_eq!((found, saved_at_ms), (target, 7));
    assert!(!changes.is_empty());
}

#[test]
fn a_reply_to_no_dossier_of_this_browser_is_unknown() {
    let repository = Repository::new(MemoryStore::new());
    repository
        .create(&named("Mien"), 1, || id(1))
        .expect("created");
    assert_eq!(
        locate(&repository, &reply_to(&named("Pas ici"))),
        Answered::Unknown
    );
}

#[test]
fn merging_into_a_dossier_deleted_meanwhile_writes_nothing() {
    let store = MemoryStore::new();
    let repository = Repository::new(&store);
    let target = repository
        .create(&named("Cible"), 1, || id(2))
        .expect("created");
    let reply = reply_to(&named("Cible"));
    repository.move_to_trash(&target).expect("deleted");
    assert_eq!(
        merge(&repository, &target, &reply, 5, MergeChoices::ALL),
        Err(MergeError::Gone)
    );
    assert_eq!(repository.load(&target), Ok(None));
}
