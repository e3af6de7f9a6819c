//! The editing session's transitions, one test each (listed in ARCHITECTURE.md).

use fabrique_app_core::id::DossierId;
use fabrique_app_core::repository::{dossier_key, Repository, StorageError, INDEX_KEY};
use fabrique_app_core::session::{EditingSession, FromOtherTab, SaveStatus};
use fabrique_app_core::store::{FaultyStore, KeyValue, MemoryStore};
use fabrique_core::dossier::Dossier;

fn named(name: &str) -> Dossier {
    Dossier {
        name: name.to_owned(),
        ..Dossier::default()
    }
}

fn id() -> DossierId {
    DossierId::from_random([1, 2, 3, 4, 5, 6, 7, 8])
}

/// A store holding one dossier, "Début", at revision 1; the session open on it.
fn opened(store: &MemoryStore) -> (Repository<&MemoryStore>, EditingSession) {
    let repository = Repository::new(store);
    repository.create(&named("Début"), 10, id).expect("created");
    let (session, record) = EditingSession::open(&repository, id())
        .expect("readable")
        .expect("there");
    assert_eq!(record.dossier, named("Début"));
    (repository, session)
}

/// The session of `opened`, after another tab saved "Autre onglet" (revision 2, at 15) and
/// this tab then tried to save "Cet onglet": a conflict.
fn in_conflict(store: &MemoryStore) -> (Repository<&MemoryStore>, EditingSession) {
    let (repository, mut session) = opened(store);
    Repository::new(store)
        .save_from(&id(), &named("Autre onglet"), 1, 15)
        .expect("other tab");
    session.changed();
    session.save(&repository, &named("Cet onglet"), 20);
    (repository, session)
}

#[test]
fn opening_a_missing_dossier_gives_nothing_and_an_unreadable_one_its_error() {
    let store = MemoryStore::new();
    let repository = Repository::new(&store);
    assert_eq!(EditingSession::open(&repository, id()), Ok(None));
    store.set(&dossier_key(&id()), "illisible").expect("entry");
    assert!(matches!(
        EditingSession::open(&repository, id()),
        Err(StorageError::Unreadable { .. })
    ));
}

#[test]
fn opened_it_is_saved_at_its_revision() {
    let store = MemoryStore::new();
    let (_, session) = opened(&store);
    assert_eq!(session.status(), &SaveStatus::Saved);
    assert_eq!((session.base_revision(), session.saved_at_ms()), (1, 10));
    assert!(!session.is_dirty());
    assert_eq!(session.conflict(), None);
}

#[test]
fn saved_then_changed_is_pending() {
    let store = MemoryStore::new();
    let (_, mut session) = opened(&store);
    session.changed();
    assert_eq!(session.status(), &SaveStatus::Pending);
    assert!(session.is_dirty());
}

#[test]
fn pending_then_saved_writes_the_next_revision() {
    let store = MemoryStore::new();
    let (repository, mut session) = opened(&store);
    session.changed();
    session.save(&repository, &named("Suite"), 20);
    assert_eq!(session.status(), &SaveStatus::Saved);
    assert_eq!((session.base_revision(), session.saved_at_ms()), (2, 20));
    assert!(!session.is_dirty());
    assert_eq!(repository.load_dossier(&id()), Ok(Some(named("Suite"))));
}

#[test]
fn a_save_with_nothing_changed_writes_nothing() {
    let store = MemoryStore::new();
    let (repository, mut session) = opened(&store);
    session.save(&repository, &named("Jamais tapé"), 20);
    assert_eq!(session.base_revision(), 1);
    assert_eq!(repository.load_dossier(&id()), Ok(Some(named("Début"))));
}

#[test]
fn pending_and_another_tab_saved_is_a_conflict_that_writes_nothing() {
    let store = MemoryStore::new();
    let (repository, mut session) = opened(&store);
    let other = Repository::new(&store);
    other
        .save_from(&id(), &named("Autre onglet"), 1, 15)
        .expect("other tab");
    session.changed();
    assert!(
        !session.holds_unsaved_work(),
        "a pending save is not lost work"
    );
    session.save(&repository, &named("Cet onglet"), 20);
    assert!(
        session.holds_unsaved_work(),
        "leaving now would lose this tab's edits"
    );
    let theirs = session.conflict().expect("a conflict");
    assert_eq!((theirs.revision, theirs.saved_at_ms), (2, 15));
    assert_eq!(theirs.dossier, named("Autre onglet"));
    assert_eq!(
        repository.load_dossier(&id()),
        Ok(Some(named("Autre onglet")))
    );
    // While the conflict is open, no save goes through.
    session.changed();
    session.save(&repository, &named("Cet onglet"), 30);
    assert_eq!(
        repository.load_dossier(&id()),
        Ok(Some(named("Autre onglet")))
    );
}

#[test]
fn conflict_then_keep_mine_saves_over_theirs() {
    let store = MemoryStore::new();
    let (repository, mut session) = in_conflict(&store);
    session.keep_mine(&repository, &named("Cet onglet"), 25);
    assert_eq!(session.conflict(), None);
    assert!(!session.holds_unsaved_work());
    assert_eq!(session.status(), &SaveStatus::Saved);
    assert_eq!(session.base_revision(), 3);
    assert_eq!(
        repository.load_dossier(&id()),
        Ok(Some(named("Cet onglet")))
    );
}

#[test]
fn conflict_then_take_theirs_shows_theirs_and_writes_nothing() {
    let store = MemoryStore::new();
    let (repository, mut session) = in_conflict(&store);
    assert_eq!(session.take_theirs(), Some(named("Autre onglet")));
    assert_eq!(session.conflict(), None);
    assert_eq!(session.status(), &SaveStatus::Saved);
    assert!(!session.is_dirty());
    assert_eq!((session.base_revision(), session.saved_at_ms()), (2, 15));
    assert_eq!(
        repository
            .load(&id())
            .expect("read")
            .expect("kept")
            .revision,
        2
    );
    // Without a conflict there is nothing to take.
    assert_eq!(session.take_theirs(), None);
}

#[test]
fn pending_and_the_store_refuses_is_failed_and_stays_failed_until_a_save_succeeds() {
    // Room for one short dossier and its index, not for a long one.
    let one = fabrique_core::dossier::to_json(&named("Court encore")).len();
    let store = FaultyStore::with_quota(one + 200);
    let repository = Repository::new(&store);
    repository.create(&named("Court"), 1, id).expect("fits");
    let (mut session, _) = EditingSession::open(&repository, id())
        .expect("readable")
        .expect("there");
    session.changed();
    session.save(&repository, &named(&"x".repeat(500)), 2);
    assert!(matches!(
        session.status(),
        SaveStatus::Failed(StorageError::WriteRefused { .. })
    ));
    assert!(session.is_dirty());
    assert!(session.holds_unsaved_work());
    // Another change keeps the warning up...
    session.changed();
    assert!(matches!(session.status(), SaveStatus::Failed(_)));
    // ...until a save goes through.
    session.save(&repository, &named("Court encore"), 3);
    assert_eq!(session.status(), &SaveStatus::Saved);
    assert!(!session.holds_unsaved_work());
    assert_eq!(session.base_revision(), 2);
}

#[test]
fn saved_and_another_tab_saved_follows_it() {
    let store = MemoryStore::new();
    let (repository, mut session) = opened(&store);
    Repository::new(&store)
        .save_from(&id(), &named("Autre onglet"), 1, 15)
        .expect("other tab");
    assert_eq!(
        session.other_tab_wrote(&repository, &dossier_key(&id())),
        FromOtherTab::Follow(Box::new(named("Autre onglet")))
    );
    assert_eq!((session.base_revision(), session.saved_at_ms()), (2, 15));
    assert_eq!(session.status(), &SaveStatus::Saved);
    // The next change builds on their revision: no conflict.
    session.changed();
    session.save(&repository, &named("Suite"), 30);
    assert_eq!(session.base_revision(), 3);
}

#[test]
fn pending_and_another_tab_saved_opens_the_conflict_at_once() {
    let store = MemoryStore::new();
    let (repository, mut session) = opened(&store);
    session.changed();
    Repository::new(&store)
        .save_from(&id(), &named("Autre onglet"), 1, 15)
        .expect("other tab");
    assert_eq!(
        session.other_tab_wrote(&repository, &dossier_key(&id())),
        FromOtherTab::Conflict
    );
    assert_eq!(
        session
            .conflict()
            .map(|theirs| theirs.dossier.name.as_str()),
        Some("Autre onglet")
    );
}

#[test]
fn another_tab_deleting_it_is_deleted_elsewhere_and_the_next_save_writes_it_back() {
    let store = MemoryStore::new();
    let (repository, mut session) = opened(&store);
    Repository::new(&store)
        .move_to_trash(&id())
        .expect("deleted there");
    assert_eq!(
        session.other_tab_wrote(&repository, &dossier_key(&id())),
        FromOtherTab::DeletedElsewhere
    );
    assert_eq!(session.status(), &SaveStatus::DeletedElsewhere);
    session.changed();
    assert_eq!(session.status(), &SaveStatus::Pending);
    session.save(&repository, &named("Recréé"), 40);
    assert_eq!(repository.load_dossier(&id()), Ok(Some(named("Recréé"))));
    assert_eq!(repository.ids(), Ok(vec![id()]));
}

#[test]
fn other_keys_and_this_tabs_own_save_change_nothing() {
    let store = MemoryStore::new();
    let (repository, mut session) = opened(&store);
    assert_eq!(
        session.other_tab_wrote(&repository, INDEX_KEY),
        FromOtherTab::Nothing
    );
    session.changed();
    session.save(&repository, &named("Suite"), 20);
    // The storage event of its own save names the revision it already has.
    assert_eq!(
        session.other_tab_wrote(&repository, &dossier_key(&id())),
        FromOtherTab::Nothing
    );
    assert!(!session.watches(&dossier_key(&DossierId::from_random([9; 8]))));
}
