//! The browser adapters, tested in headless Chromium (`cargo test --target
//! wasm32-unknown-unknown`, through wasm-bindgen-test-runner and chromedriver).
#![cfg(target_arch = "wasm32")]

use fabrique::browser::storage::{self, SaveError, StorageError};
use fabrique::browser::{clock, ids, location};
use fabrique::route::Route;
use fabrique_core::dossier::{Dossier, ReadError};
use wasm_bindgen_test::{wasm_bindgen_test, wasm_bindgen_test_configure};

wasm_bindgen_test_configure!(run_in_browser);

fn raw() -> web_sys::Storage {
    web_sys::window()
        .and_then(|window| window.local_storage().ok().flatten())
        .expect("localStorage")
}

fn named(name: &str) -> Dossier {
    Dossier {
        name: name.to_owned(),
        ..Dossier::default()
    }
}

#[wasm_bindgen_test]
fn a_saved_dossier_loads_back_unchanged_with_its_revision() {
    let id = ids::new_dossier_id();
    let mut dossier = named("Le Moulin <b>partagé</b>");
    dossier.governance.decision_body_meetings_per_year = 3;
    assert_eq!(storage::save_dossier(&id, &dossier), Ok(1));
    let record = storage::load_record(&id)
        .expect("readable")
        .expect("present");
    assert_eq!((record.revision, record.dossier), (1, dossier));
    assert!(record.saved_at_ms > 0);
}

#[wasm_bindgen_test]
fn the_index_names_each_dossier_once_in_order() {
    let first = ids::new_dossier_id();
    let second = ids::new_dossier_id();
    storage::save_dossier(&first, &Dossier::default()).expect("saved");
    storage::save_dossier(&second, &Dossier::default()).expect("saved");
    storage::save_dossier(&first, &Dossier::default()).expect("saved again");
    let listed = storage::dossier_ids().expect("index readable");
    let counts: Vec<usize> = [&first, &second]
        .iter()
        .map(|id| listed.iter().filter(|known| known == id).count())
        .collect();
    assert_eq!(counts, vec![1, 1]);
    let first_at = listed.iter().position(|known| *known == first);
    let second_at = listed.iter().position(|known| *known == second);
    assert!(first_at < second_at);
}

#[wasm_bindgen_test]
fn a_save_from_a_stale_revision_is_a_conflict_and_writes_nothing() {
    let id = ids::new_dossier_id();
    storage::save_dossier(&id, &named("Base")).expect("saved");
    // Tab A saves from revision 1.
    assert_eq!(
        storage::save_dossier_from(&id, &named("A"), 1, clock::now_ms()),
        Ok(2)
    );
    // Tab B still thinks it is at revision 1.
    match storage::save_dossier_from(&id, &named("B"), 1, clock::now_ms()) {
        Err(SaveError::Conflict(theirs)) => {
            assert_eq!((theirs.revision, theirs.dossier.name.as_str()), (2, "A"))
        }
        other => panic!("expected a conflict, got {other:?}"),
    }
    assert_eq!(
        storage::load_dossier(&id)
            .expect("readable")
            .map(|d| d.name),
        Some("A".to_owned())
    );
}

#[wasm_bindgen_test]
fn a_missing_dossier_is_none() {
    assert_eq!(storage::load_dossier(&ids::new_dossier_id()), Ok(None));
}

#[wasm_bindgen_test]
fn a_corrupted_entry_is_reported_quarantined_and_left_as_it_was() {
    let id = ids::new_dossier_id();
    let key = storage::dossier_key(&id);
    let damaged = "{\"revision\": 3, \"dossier\": {\"schema_version\": 2, \"name\": ";
    raw().set_item(&key, damaged).expect("raw write");
    let result = storage::load_dossier(&id);
    assert!(
        matches!(
            result,
            Err(StorageError::Unreadable {
                cause: ReadError::Invalid(_),
                ..
            })
        ),
        "{result:?}"
    );
    assert_eq!(
        raw().get_item(&key).expect("raw read").as_deref(),
        Some(damaged)
    );
    assert_eq!(
        raw()
            .get_item(&storage::quarantine_key(&id))
            .expect("raw read")
            .as_deref(),
        Some(damaged)
    );
}

#[wasm_bindgen_test]
fn a_future_version_is_refused_with_a_message_that_says_so() {
    let id = ids::new_dossier_id();
    raw()
        .set_item(
            &storage::dossier_key(&id),
            "{\"revision\": 1, \"dossier\": {\"schema_version\": 99}}",
        )
        .expect("raw write");
    let error = storage::load_dossier(&id).expect_err("refused");
    assert!(
        error.to_string().contains("version plus récente"),
        "{error}"
    );
}

#[wasm_bindgen_test]
fn a_dossier_stored_by_the_first_version_still_opens() {
    let id = ids::new_dossier_id();
    raw()
        .set_item(
            &storage::dossier_key(&id),
            "{\"schema_version\":1,\"name\":\"Ancien\",\"governance\":{\"has_named_animator\":true}}",
        )
        .expect("raw write");
    let record = storage::load_record(&id)
        .expect("readable")
        .expect("present");
    assert_eq!(
        (record.revision, record.dossier.name.as_str()),
        (0, "Ancien")
    );
    assert!(!record.dossier.governance.animator.is_empty());
}

#[wasm_bindgen_test]
fn a_deleted_dossier_can_be_restored_until_the_trash_is_emptied() {
    let id = ids::new_dossier_id();
    storage::save_dossier(&id, &named("À supprimer")).expect("saved");
    storage::move_to_trash(&id).expect("deleted");
    assert_eq!(storage::load_dossier(&id), Ok(None));
    assert!(!storage::dossier_ids().expect("index").contains(&id));
    assert_eq!(storage::restore_from_trash(&id), Ok(true));
    assert_eq!(
        storage::load_dossier(&id)
            .expect("readable")
            .map(|d| d.name),
        Some("À supprimer".to_owned())
    );
    storage::move_to_trash(&id).expect("deleted again");
    storage::empty_trash().expect("emptied");
    assert_eq!(storage::restore_from_trash(&id), Ok(false));
}

#[wasm_bindgen_test]
fn shared_versions_are_remembered_once_each_and_capped() {
    let id = ids::new_dossier_id();
    storage::save_dossier(&id, &named("Partagé")).expect("saved");
    let version = |n: u64| storage::SharedVersion {
        fingerprint: n,
        token: format!("d2-{n}"),
    };
    for n in 0..15 {
        storage::remember_shared(&id, version(n)).expect("remembered");
    }
    storage::remember_shared(&id, version(7)).expect("remembered again");
    let kept: Vec<u64> = storage::shared_versions(&id)
        .iter()
        .map(|v| v.fingerprint)
        .collect();
    assert_eq!(kept.len(), storage::SHARED_VERSIONS_KEPT);
    assert_eq!(kept.last(), Some(&7));
    assert_eq!(kept.iter().filter(|&&n| n == 7).count(), 1);
    assert_eq!(kept.first(), Some(&5), "{kept:?}");
    // A damaged entry reads as none, and is replaced at the next share.
    raw()
        .set_item(&format!("fabrique.shared.{id}"), "{not json")
        .expect("set");
    assert_eq!(storage::shared_versions(&id), vec![]);
    storage::remember_shared(&id, version(1)).expect("rewritten");
    assert_eq!(storage::shared_versions(&id), vec![version(1)]);
    // Forgotten once the dossier is gone.
    storage::move_to_trash(&id).expect("deleted");
    storage::empty_trash().expect("emptied");
    assert_eq!(storage::shared_versions(&id), vec![]);
}

#[wasm_bindgen_test]
fn identifiers_are_distinct_and_well_formed() {
    let made: Vec<String> = (0..50).map(|_| ids::new_dossier_id()).collect();
    assert!(made.iter().all(|id| ids::is_dossier_id(id)));
    let mut unique = made.clone();
    unique.sort();
    unique.dedup();
    assert_eq!(unique.len(), made.len());
}

#[wasm_bindgen_test]
fn the_address_changes_its_query_and_keeps_its_path() {
    let window = web_sys::window().expect("a window");
    let path = window.location().pathname().expect("a path");
    let route = Route::Dossier {
        id: ids::new_dossier_id(),
    };
    assert!(location::push_query(&route.to_query()));
    assert_eq!(Route::from_query(&location::current_query()), route);
    assert_eq!(window.location().pathname().expect("a path"), path);
    assert!(location::replace_query(&Route::Settings.to_query()));
    assert_eq!(
        Route::from_query(&location::current_query()),
        Route::Settings
    );
    assert!(location::push_query(""));
    assert_eq!(Route::from_query(&location::current_query()), Route::Home);
}

#[wasm_bindgen_test]
fn saved_times_read_the_french_way() {
    assert_eq!(clock::local_date_time(0), "");
    let written = clock::local_date_time(clock::now_ms());
    assert_eq!(written.len(), "29/11/2026 à 14:05".len(), "{written}");
    assert!(written.contains(" à "), "{written}");
    let day = clock::local_date(clock::now_ms());
    assert!(written.starts_with(&day), "{written} / {day}");
    assert_eq!(day.matches('/').count(), 2, "{day}");
}

#[wasm_bindgen_test]
fn a_panic_message_reaches_the_crash_overlay_when_it_is_there() {
    use fabrique::browser::crash;
    use wasm_bindgen::JsValue;
    let window = web_sys::window().expect("window");
    let name = JsValue::from_str("fabriqueCrashed");
    let _ = js_sys::Reflect::delete_property(&window, &name);
    assert!(!crash::show_overlay("sans overlay"));
    let record = js_sys::Function::new_with_args("message", "window.__crashMessage = message;");
    js_sys::Reflect::set(&window, &name, &record).expect("defined");
    assert!(crash::show_overlay("panique <b>ici</b>"));
    let seen = js_sys::Reflect::get(&window, &JsValue::from_str("__crashMessage")).expect("read");
    assert_eq!(seen.as_string().as_deref(), Some("panique <b>ici</b>"));
}

#[wasm_bindgen_test]
fn the_test_panic_hook_exists_only_when_enabled() {
    use fabrique::browser::crash;
    raw().remove_item(crash::TEST_HOOKS_KEY).expect("removed");
    assert!(!crash::install_test_hooks());
    raw().set_item(crash::TEST_HOOKS_KEY, "1").expect("set");
    assert!(crash::install_test_hooks());
    let window = web_sys::window().expect("window");
    let hook = js_sys::Reflect::get(
        &window,
        &wasm_bindgen::JsValue::from_str("fabriqueTestPanic"),
    )
    .expect("read");
    assert!(hook.is_function());
    raw().remove_item(crash::TEST_HOOKS_KEY).expect("removed");
}

#[wasm_bindgen_test]
fn a_mark_is_left_for_the_benchmark() {
    assert!(clock::mark("fabrique:test-mark"));
    let performance = web_sys::window()
        .and_then(|w| w.performance())
        .expect("performance");
    assert_eq!(
        performance
            .get_entries_by_name("fabrique:test-mark")
            .length(),
        1
    );
}

/// The territory files are addressed relatively (any sub-path works), and a file the
/// server does not have is "not found", told apart from an unreachable network. The test
/// runner's server has no territory files: the real fetch answers 404.
#[wasm_bindgen_test]
async fn a_missing_territory_file_is_not_found() {
    use fabrique::browser::territory::{address, fetch, FetchError};
    use fabrique_core::territory::NameFile;
    assert_eq!(address("dep/15.tsv"), "territoire/dep/15.tsv");
    let result: Result<NameFile, FetchError> = fetch("noms/zzz.tsv").await;
    assert_eq!(result, Err(FetchError::NotFound));
}

#[wasm_bindgen_test]
fn the_test_page_is_not_framed_and_knows_its_whole_address() {
    // The runner opens its page in a tab of its own: the app would show there.
    assert!(!location::is_framed());
    let href = location::current_href();
    assert!(href.starts_with("http"), "{href}");
    assert!(href.starts_with(&location::app_address()), "{href}");
}
