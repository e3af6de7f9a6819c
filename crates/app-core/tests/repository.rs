//! The dossier repository over an in-memory store: every rule the app relies on, natively.

use fabrique_app_core::id::DossierId;
use fabrique_app_core::repository::{
    dossier_key, is_list_key, quarantine_key, ActionError, EntryState, ImportFailure, Imported,
    Record, Repository, Restored, SaveError, Settings, SharedVersion, StorageError, INDEX_KEY,
    SETTINGS_KEY, SHARED_VERSIONS_KEPT,
};
use fabrique_app_core::store::{FaultyStore, KeyValue, MemoryStore};
use fabrique_core::dossier::{Dossier, ReadError};
use fabrique_core::exchange;
use fabrique_core::history::Point;
use fabrique_core::referential::Lang;

fn named(name: &str) -> Dossier {
    Dossier {
        name: name.to_owned(),
        ..Dossier::default()
    }
}

/// Identifiers 1, 2, 3… in turn.
fn counter() -> impl FnMut() -> DossierId {
    let mut next = 0_u8;
    move || {
        next += 1;
        DossierId::from_random([0, 0, 0, 0, 0, 0, 0, next])
    }
}

/// Lists `broken` in the store's index with `text` as its entry, as a hand edit or a
/// truncated write leaves it.
fn listed_unreadable(store: &MemoryStore, broken: &DossierId, text: &str) {
    store
        .set(INDEX_KEY, &format!("[\"{broken}\"]"))
        .expect("index");
    store.set(&dossier_key(broken), text).expect("entry");
}

fn id(n: u8) -> DossierId {
    DossierId::from_random([0, 0, 0, 0, 0, 0, 0, n])
}

#[test]
fn a_created_dossier_is_listed_and_reads_back_at_revision_one() {
    let repository = Repository::new(MemoryStore::new());
    let created = repository
        .create(&named("Atelier"), 1_000, counter())
        .expect("created");
    assert_eq!(repository.ids(), Ok(vec![created.clone()]));
    assert_eq!(
        repository.load(&created),
        Ok(Some(Record {
            revision: 1,
            saved_at_ms: 1_000,
            history: vec![Point {
                day: 0,
                score: 0,
                criteria: vec![0; 6]
            }]
            .into(),
            dossier: named("Atelier"),
        }))
    );
}

const DAY: u64 = 86_400_000;

/// A dossier a little more answered, so that its score rises.
fn with_partners(name: &str, partners: usize) -> Dossier {
    let mut dossier = named(name);
    for n in 0..partners {
        dossier.partners.push(fabrique_core::dossier::Partner {
            name: format!("Partenaire {n}"),
            letter_of_support: true,
            ..fabrique_core::dossier::Partner::default()
        });
    }
    dossier.governance.has_statutes_or_charter = partners > 0;
    dossier
}

#[test]
fn each_day_s_saves_leave_one_point_and_the_history_follows_copies_and_files() {
    let repository = Repository::new(MemoryStore::new());
    let id = repository
        .create(&with_partners("Suivi", 0), 10 * DAY, counter())
        .expect("created");
    let first = repository.history(&id).points()[0].score;
    // Two saves on day 12: one point for the day, the later evaluation.
    repository
        .save_from(&id, &with_partners("Suivi", 1), 1, 12 * DAY)
        .expect("saved");
    repository
        .save_from(&id, &with_partners("Suivi", 4), 2, 12 * DAY + 3_600_000)
        .expect("saved");
    let history = repository.history(&id);
    let days: Vec<u32> = history.points().iter().map(|p| p.day).collect();
    assert_eq!(days, [10, 12]);
    assert!(history.points()[1].score > first, "{history:?}");
    assert_eq!(history.points()[1].criteria.len(), 6);
    // A rename on a later day with the same evaluation adds nothing.
    repository
        .rename(&id, "Suivi renommé", 20 * DAY)
        .expect("renamed");
    assert_eq!(repository.history(&id), history);

    // A copy keeps its past; the export file carries it and an import brings it back.
    let copy = repository
        .duplicate(&id, "Copie".to_owned(), 20 * DAY, || {
            DossierId::from_random([0, 0, 0, 0, 0, 0, 0, 50])
        })
        .expect("copied");
    assert_eq!(repository.history(&copy), history);
    let file = repository.export_all().expect("an export");
    let other = Repository::new(MemoryStore::new());
    other.import(&file, 30 * DAY, counter()).expect("imported");
    for imported in other.ids().expect("ids") {
        assert_eq!(other.history(&imported), history);
    }
}

#[test]
fn a_record_with_an_unreadable_history_still_opens() {
    let store = MemoryStore::new();
    let repository = Repository::new(&store);
    let id = repository
        .create(&named("Abîmé"), DAY, counter())
        .expect("created");
    let key = dossier_key(&id);
    let mut record: serde_json::Value =
        serde_json::from_str(&store.get(&key).expect("read").expect("kept")).expect("json");
    record["history"] = serde_json::json!("pas un historique");
    record["dossier"]["schema_version"] = serde_json::json!(5);
    store.set(&key, &record.to_string()).expect("written");
    let read = repository.load(&id).expect("readable").expect("kept");
    assert_eq!(read.dossier.name, "Abîmé");
    assert!(read.history.is_empty());
}

#[test]
fn creating_never_overwrites_a_kept_or_trashed_dossier() {
    let repository = Repository::new(MemoryStore::new());
    let first = repository.create(&named("Un"), 1, || id(1)).expect("one");
    // An identifier generator that repeats itself gets asked again.
    let mut tries = [id(1), id(1), id(2)].into_iter();
    let second = repository
        .create(&named("Deux"), 2, || tries.next().expect("an identifier"))
        .expect("two");
    assert_eq!(second, id(2));
    assert_eq!(repository.load_dossier(&first), Ok(Some(named("Un"))));
    repository.move_to_trash(&first).expect("trashed");
    let mut tries = [id(1), id(3)].into_iter();
    let third = repository
        .create(&named("Trois"), 3, || tries.next().expect("an identifier"))
        .expect("three");
    assert_eq!(third, id(3));
    assert_eq!(
        repository.restore_from_trash(&first, counter()),
        Ok(Restored::Back)
    );
    assert_eq!(repository.load_dossier(&first), Ok(Some(named("Un"))));
}

#[test]
fn a_save_from_the_stored_revision_raises_it() {
    let repository = Repository::new(MemoryStore::new());
    let created = repository
        .create(&named("A"), 1, counter())
        .expect("created");
    assert_eq!(repository.save_from(&created, &named("B"), 1, 5), Ok(2));
    let record = repository.load(&created).expect("read").expect("kept");
    assert_eq!((record.revision, record.saved_at_ms), (2, 5));
    assert_eq!(record.dossier, named("B"));
}

#[test]
fn a_save_from_an_older_revision_is_a_conflict_that_writes_nothing() {
    let repository = Repository::new(MemoryStore::new());
    let created = repository
        .create(&named("A"), 1, counter())
        .expect("created");
    repository
        .save_from(&created, &named("Other tab"), 1, 2)
        .expect("other tab's save");
    let refused = repository.save_from(&created, &named("This tab"), 1, 3);
    let Err(SaveError::Conflict(theirs)) = refused else {
        panic!("a conflict, not {refused:?}");
    };
    assert_eq!(theirs.revision, 2);
    assert_eq!(theirs.dossier, named("Other tab"));
    assert_eq!(
        repository.load_dossier(&created),
        Ok(Some(named("Other tab")))
    );
}

#[test]
fn overwriting_raises_whatever_revision_is_stored() {
    let repository = Repository::new(MemoryStore::new());
    let created = repository
        .create(&named("A"), 1, counter())
        .expect("created");
    repository
        .save_from(&created, &named("B"), 1, 2)
        .expect("saved");
    assert_eq!(repository.overwrite(&created, &named("C"), 3), Ok(3));
    assert_eq!(repository.load_dossier(&created), Ok(Some(named("C"))));
}

#[test]
fn an_unreadable_record_is_quarantined_once_and_never_overwritten_by_reading() {
    let store = MemoryStore::new();
    let repository = Repository::new(&store);
    let broken = id(9);
    listed_unreadable(&store, &broken, "{\"dossier\": tronqué");
    let error = repository.load(&broken).expect_err("unreadable");
    assert!(matches!(
        error,
        StorageError::Unreadable {
            cause: ReadError::Invalid(_),
            ..
        }
    ));
    assert_eq!(
        store.get(&quarantine_key(&broken)),
        Ok(Some("{\"dossier\": tronqué".to_owned()))
    );
    // The entry itself is still there, untouched, and the list shows it as a line.
    assert_eq!(
        store.get(&dossier_key(&broken)),
        Ok(Some("{\"dossier\": tronqué".to_owned()))
    );
    let lines = repository.lines(&Default::default(), 10).expect("lines");
    assert!(matches!(lines.lines[0].state, EntryState::Unreadable(_)));
    // Reading again copies nothing more (a newer version in another tab may rewrite the
    // entry at every keystroke), and never replaces the first copy.
    repository.load(&broken).expect_err("still unreadable");
    store
        .set(&dossier_key(&broken), "autre chose")
        .expect("entry");
    repository.load(&broken).expect_err("still unreadable");
    assert_eq!(repository.quarantined(&broken), ["{\"dossier\": tronqué"]);
    // The text offered to the user is the newest: the entry itself.
    assert_eq!(
        repository.unreadable_text(&broken).as_deref(),
        Some("autre chose")
    );
}

#[test]
fn a_record_of_a_newer_format_is_refused_as_such_and_kept() {
    let store = MemoryStore::new();
    let repository = Repository::new(&store);
    let newer = id(4);
    let text = r#"{"revision":3,"saved_at_ms":1,"dossier":{"schema_version":999}}"#;
    store.set(&dossier_key(&newer), text).expect("entry");
    assert!(matches!(
        repository.load(&newer),
        Err(StorageError::Unreadable {
            cause: ReadError::FutureVersion(999),
            ..
        })
    ));
    assert_eq!(store.get(&dossier_key(&newer)), Ok(Some(text.to_owned())));
}

#[test]
fn a_bare_dossier_of_the_first_version_reads_as_revision_zero() {
    let store = MemoryStore::new();
    let repository = Repository::new(&store);
    let old = id(5);
    store
        .set(
            &dossier_key(&old),
            &fabrique_core::dossier::to_json(&named("Ancien")),
        )
        .expect("entry");
    let record = repository.load(&old).expect("read").expect("kept");
    assert_eq!(
        (record.revision, record.dossier.name.as_str()),
        (0, "Ancien")
    );
}

#[test]
fn forgetting_an_unreadable_entry_takes_it_off_the_list_and_keeps_its_text() {
    let store = MemoryStore::new();
    let repository = Repository::new(&store);
    let broken = id(9);
    listed_unreadable(&store, &broken, "pas du JSON");
    repository.forget_unreadable(&broken).expect("forgotten");
    assert_eq!(repository.ids(), Ok(vec![]));
    assert_eq!(store.get(&dossier_key(&broken)), Ok(None));
    assert_eq!(
        store.get(&quarantine_key(&broken)),
        Ok(Some("pas du JSON".to_owned()))
    );
    assert_eq!(
        repository.unreadable_text(&broken).as_deref(),
        Some("pas du JSON")
    );
}

#[test]
fn forgetting_an_entry_changed_since_its_quarantine_keeps_its_newest_text_too() {
    let store = MemoryStore::new();
    let repository = Repository::new(&store);
    let broken = id(9);
    listed_unreadable(&store, &broken, "ancien texte abîmé");
    repository.load(&broken).expect_err("quarantined");
    // Another tab (or a newer version) wrote the entry again, still unreadable here.
    store
        .set(&dossier_key(&broken), "texte plus récent")
        .expect("entry");
    repository.forget_unreadable(&broken).expect("forgotten");
    assert_eq!(store.get(&dossier_key(&broken)), Ok(None));
    assert_eq!(
        repository.quarantined(&broken),
        ["ancien texte abîmé", "texte plus récent"]
    );
    assert_eq!(
        repository.unreadable_text(&broken).as_deref(),
        Some("texte plus récent")
    );
}

#[test]
fn forgetting_keeps_the_entry_when_its_text_cannot_be_quarantined() {
    let broken = id(9);
    let long = "x".repeat(200);
    // Room for the index and the entry, not for a second copy of the entry.
    let store = FaultyStore::with_quota(long.len() + 100);
    let repository = Repository::new(&store);
    store
        .set(INDEX_KEY, &format!("[\"{broken}\"]"))
        .expect("index");
    store.set(&dossier_key(&broken), &long).expect("entry");
    assert!(repository.forget_unreadable(&broken).is_err());
    assert_eq!(store.get(&dossier_key(&broken)), Ok(Some(long)));
}

#[test]
fn the_index_names_each_dossier_once_and_only_identifiers() {
    let store = MemoryStore::new();
    let repository = Repository::new(&store);
    store
        .set(
            INDEX_KEY,
            &format!(
                "[\"{}\", \"../../autre\", \"{}\", \"{}\"]",
                id(1),
                id(2),
                id(1)
            ),
        )
        .expect("index");
    assert_eq!(repository.ids(), Ok(vec![id(1), id(2)]));
    store.set(INDEX_KEY, "{pas une liste").expect("index");
    assert!(matches!(
        repository.ids(),
        Err(StorageError::Unreadable { ref key, .. }) if key == INDEX_KEY
    ));
}

#[test]
fn a_listed_but_missing_dossier_is_no_line() {
    let store = MemoryStore::new();
    let repository = Repository::new(&store);
    let kept = repository
        .create(&named("Là"), 1, || id(1))
        .expect("created");
    store
        .set(INDEX_KEY, &format!("[\"{kept}\", \"{}\"]", id(2)))
        .expect("index");
    let lines = repository.lines(&Default::default(), 10).expect("lines");
    assert_eq!(lines.total, 2);
    assert_eq!(lines.lines.len(), 1);
    assert!(matches!(&lines.lines[0].state, EntryState::Readable(line) if line.name == "Là"));
}

#[test]
fn lines_stop_at_the_limit_and_count_them_all() {
    let repository = Repository::new(MemoryStore::new());
    let mut ids = counter();
    for n in 0..5 {
        repository
            .create(&named(&format!("D{n}")), 1, &mut ids)
            .expect("created");
    }
    let lines = repository.lines(&Default::default(), 3).expect("lines");
    assert_eq!((lines.lines.len(), lines.total), (3, 5));
}

#[test]
fn a_deletion_goes_to_the_trash_and_can_be_undone_until_the_trash_is_emptied() {
    let store = MemoryStore::new();
    let repository = Repository::new(&store);
    let kept = repository
        .create(&named("Gardé"), 1, || id(1))
        .expect("created");
    let gone = repository
        .create(&named("Supprimé"), 1, || id(2))
        .expect("created");
    repository.move_to_trash(&gone).expect("trashed");
    assert_eq!(repository.ids(), Ok(vec![kept.clone()]));
    assert_eq!(repository.load(&gone), Ok(None));
    assert_eq!(
        repository.restore_from_trash(&gone, counter()),
        Ok(Restored::Back)
    );
    assert_eq!(repository.ids(), Ok(vec![kept.clone(), gone.clone()]));
    assert_eq!(repository.load_dossier(&gone), Ok(Some(named("Supprimé"))));
    // Restored once: the trash no longer holds it.
    assert_eq!(
        repository.restore_from_trash(&gone, counter()),
        Ok(Restored::Gone)
    );
    repository.move_to_trash(&gone).expect("trashed again");
    repository.empty_trash().expect("emptied");
    assert_eq!(
        repository.restore_from_trash(&gone, counter()),
        Ok(Restored::Gone)
    );
    assert_eq!(repository.ids(), Ok(vec![kept]));
}

#[test]
fn undoing_a_deletion_after_another_tab_saved_the_dossier_again_keeps_both() {
    let store = MemoryStore::new();
    let repository = Repository::new(&store);
    let gone = repository
        .create(&named("Version supprimée"), 1, || id(1))
        .expect("created");
    repository.move_to_trash(&gone).expect("trashed");
    // The other tab, still editing it, saves it again (its editor knew revision 1).
    repository
        .save_from(&gone, &named("Version de l'autre onglet"), 1, 5)
        .expect("saved again");
    let restored = repository
        .restore_from_trash(&gone, || id(7))
        .expect("restored");
    assert_eq!(restored, Restored::Beside(id(7)));
    assert_eq!(
        repository.load_dossier(&gone),
        Ok(Some(named("Version de l'autre onglet")))
    );
    assert_eq!(
        repository.load_dossier(&id(7)),
        Ok(Some(named("Version supprimée")))
    );
    assert_eq!(repository.ids(), Ok(vec![gone, id(7)]));
}

#[test]
fn shared_versions_keep_the_latest_ten_once_each_and_go_with_their_dossier() {
    let repository = Repository::new(MemoryStore::new());
    let shared = repository
        .create(&named("Partagé"), 1, || id(1))
        .expect("created");
    for fingerprint in 0..12_u64 {
        repository
            .remember_shared(
                &shared,
                SharedVersion {
                    fingerprint,
                    token: format!("d-{fingerprint}"),
                },
            )
            .expect("remembered");
    }
    // Sharing version 5 again moves it to the end instead of listing it twice.
    repository
        .remember_shared(
            &shared,
            SharedVersion {
                fingerprint: 5,
                token: "d-5".to_owned(),
            },
        )
        .expect("remembered");
    let fingerprints: Vec<u64> = repository
        .shared_versions(&shared)
        .iter()
        .map(|v| v.fingerprint)
        .collect();
    assert_eq!(fingerprints.len(), SHARED_VERSIONS_KEPT);
    assert_eq!(fingerprints, [2, 3, 4, 6, 7, 8, 9, 10, 11, 5]);
    repository.move_to_trash(&shared).expect("trashed");
    repository.empty_trash().expect("emptied");
    assert!(repository.shared_versions(&shared).is_empty());
}

#[test]
fn a_full_store_refuses_the_save_and_keeps_the_previous_revision() {
    // Room for one short dossier and its index, not for a long one.
    let one = fabrique_core::dossier::to_json(&named("Court")).len();
    let store = FaultyStore::with_quota(one + 200);
    let repository = Repository::new(&store);
    let created = repository
        .create(&named("Court"), 1, || id(1))
        .expect("fits");
    let long = named(&"x".repeat(500));
    assert!(matches!(
        repository.save_from(&created, &long, 1, 2),
        Err(SaveError::Storage(StorageError::WriteRefused { .. }))
    ));
    let record = repository.load(&created).expect("read").expect("kept");
    assert_eq!(
        (record.revision, record.dossier.name.as_str()),
        (1, "Court")
    );
}

#[test]
fn a_store_that_refuses_reads_says_so_instead_of_an_empty_list() {
    let store = FaultyStore::new();
    let repository = Repository::new(&store);
    repository
        .create(&named("A"), 1, || id(1))
        .expect("created");
    store.refuse_reads(true);
    assert_eq!(repository.ids(), Err(StorageError::Unavailable));
    assert!(repository.lines(&Default::default(), 10).is_err());
}

#[test]
fn renaming_and_duplicating_act_on_the_latest_save() {
    let repository = Repository::new(MemoryStore::new());
    let mut ids = counter();
    let kept = repository
        .create(&named("Avant"), 1, &mut ids)
        .expect("created");
    repository
        .save_from(&kept, &named("Autre onglet"), 1, 2)
        .expect("saved");
    repository
        .rename(&kept, "  Nouveau nom ", 3)
        .expect("renamed");
    let record = repository.load(&kept).expect("read").expect("kept");
    assert_eq!(
        (record.revision, record.dossier.name.as_str()),
        (3, "Nouveau nom")
    );
    let copy = repository
        .duplicate(&kept, "Nouveau nom (copie)".to_owned(), 4, &mut ids)
        .expect("duplicated");
    assert_ne!(copy, kept);
    assert_eq!(
        repository.load_dossier(&copy),
        Ok(Some(named("Nouveau nom (copie)")))
    );
    repository.move_to_trash(&kept).expect("trashed");
    assert_eq!(repository.rename(&kept, "X", 5), Err(ActionError::Gone));
    assert_eq!(
        repository.duplicate(&kept, "X".to_owned(), 5, &mut ids),
        Err(ActionError::Gone)
    );
}

#[test]
fn an_import_adds_new_dossiers_and_never_replaces_one() {
    let repository = Repository::new(MemoryStore::new());
    let mut ids = counter();
    let kept = repository
        .create(&named("Mien"), 1, &mut ids)
        .expect("created");
    let file = exchange::export_json(&[named("Mien"), named("Autre")]);
    assert_eq!(
        repository.import(&file, 2, &mut ids),
        Ok(Imported {
            kept: 2,
            refused: Vec::new()
        })
    );
    let names: Vec<String> = repository
        .readable()
        .into_iter()
        .map(|(_, d)| d.name)
        .collect();
    assert_eq!(names, ["Mien", "Mien", "Autre"]);
    assert_eq!(
        repository
            .load(&kept)
            .expect("read")
            .expect("kept")
            .revision,
        1
    );
}

#[test]
fn an_import_keeps_what_it_can_read_and_lists_the_rest() {
    let repository = Repository::new(MemoryStore::new());
    let mut future = serde_json::to_value(named("Du futur")).expect("json");
    future["schema_version"] = 999.into();
    let file = serde_json::json!({
        "format": exchange::EXPORT_FORMAT,
        "version": exchange::EXPORT_VERSION,
        "dossiers": [serde_json::to_value(named("Lisible")).expect("json"), future],
    })
    .to_string();
    let imported = repository.import(&file, 1, counter()).expect("imported");
    assert_eq!(imported.kept, 1);
    assert_eq!(imported.refused.len(), 1);
    assert_eq!(imported.refused[0].position, 1);
    assert_eq!(imported.refused[0].name.as_deref(), Some("Du futur"));
    assert_eq!(imported.refused[0].cause, ReadError::FutureVersion(999));
    let names: Vec<String> = repository
        .readable()
        .into_iter()
        .map(|(_, d)| d.name)
        .collect();
    assert_eq!(names, ["Lisible"]);
}

#[test]
fn an_import_is_all_or_nothing_for_the_store() {
    // Room for a few dossiers, not for ten.
    let one = fabrique_core::dossier::to_json(&named("Dossier 0")).len();
    let store = FaultyStore::with_quota(one * 4);
    let repository = Repository::new(&store);
    let before = store.keys();
    let many: Vec<Dossier> = (0..10).map(|n| named(&format!("Dossier {n}"))).collect();
    let file = exchange::export_json(&many);
    assert!(matches!(
        repository.import(&file, 1, counter()),
        Err(ImportFailure::Storage(StorageError::WriteRefused { .. }))
    ));
    assert_eq!(repository.ids(), Ok(vec![]));
    assert!(
        store
            .keys()
            .iter()
            .all(|key| !key.starts_with("fabrique.dossier.")),
        "{before:?}"
    );
    assert!(matches!(
        repository.import("pas un export", 1, counter()),
        Err(ImportFailure::File(_))
    ));
}

#[test]
fn export_all_reads_every_readable_dossier_or_says_there_is_none() {
    let repository = Repository::new(MemoryStore::new());
    assert_eq!(repository.export_all(), None);
    let mut ids = counter();
    repository
        .create(&named("Un"), 1, &mut ids)
        .expect("created");
    repository
        .create(&named("Deux"), 1, &mut ids)
        .expect("created");
    let file = repository.export_all().expect("an export");
    let back = exchange::import_json(&file).expect("its own export reads back");
    let names: Vec<&str> = back.iter().map(|d| d.name.as_str()).collect();
    assert_eq!(names, ["Un", "Deux"]);
}

#[test]
fn settings_read_back_and_a_damaged_entry_gives_the_defaults_untouched() {
    let store = MemoryStore::new();
    let repository = Repository::new(&store);
    assert_eq!(repository.settings(), Settings::default());
    let english = Settings {
        lang: Lang::En,
        ..Settings::default()
    };
    repository.save_settings(&english).expect("saved");
    assert_eq!(repository.settings(), english);
    store.set(SETTINGS_KEY, "{abîmé").expect("entry");
    assert_eq!(repository.settings(), Settings::default());
    assert_eq!(store.get(SETTINGS_KEY), Ok(Some("{abîmé".to_owned())));
    // A weight edited by hand beyond 1–100 is left aside; the others are kept.
    store
        .set(
            SETTINGS_KEY,
            r#"{"lang":"fr","weights":{"gouvernance":50000000,"partenariats":0,"besoin_territorial":40}}"#,
        )
        .expect("entry");
    let weights = repository.settings().weights;
    assert_eq!(weights.len(), 1, "{weights:?}");
    assert_eq!(weights.values().copied().collect::<Vec<_>>(), [40]);
}

#[test]
fn list_keys_are_the_index_and_the_dossiers() {
    assert!(is_list_key(INDEX_KEY));
    assert!(is_list_key(&dossier_key(&id(1))));
    assert!(!is_list_key(SETTINGS_KEY));
    assert!(!is_list_key(&quarantine_key(&id(1))));
}

#[test]
fn the_store_holds_nothing_but_settings_until_a_dossier_is_kept_and_after_it_is_trashed() {
    let store = MemoryStore::new();
    let repository = Repository::new(&store);
    assert!(repository.holds_nothing_but_settings());
    repository
        .save_settings(&Settings::default())
        .expect("settings");
    // Another application's keys on the same origin are not Fabrique's.
    store.set("autre.application", "x").expect("other");
    assert!(repository.holds_nothing_but_settings());
    let id = repository
        .create(&named("Le Moulin"), 1, counter())
        .expect("created");
    assert!(!repository.holds_nothing_but_settings());
    repository.move_to_trash(&id).expect("trashed");
    // In the trash it can still be brought back: something is kept.
    assert!(!repository.holds_nothing_but_settings());
    repository.empty_trash().expect("emptied");
    assert!(repository.holds_nothing_but_settings());
    // An index that cannot be read may list dossiers.
    store.set(INDEX_KEY, "[\"abc").expect("index");
    assert!(!repository.holds_nothing_but_settings());
}
