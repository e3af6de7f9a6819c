//! The browser adapters, tested in headless Chromium (`cargo test --target
//! wasm32-unknown-unknown`, through wasm-bindgen-test-runner and chromedriver).
#![cfg(target_arch = "wasm32")]

use fabrique::browser::{ids, location, storage};
use fabrique_core::dossier::{Dossier, ReadError};
use gloo_storage::Storage as _;
use wasm_bindgen_test::{wasm_bindgen_test, wasm_bindgen_test_configure};

wasm_bindgen_test_configure!(run_in_browser);

fn raw() -> web_sys::Storage {
    gloo_storage::LocalStorage::raw()
}

#[wasm_bindgen_test]
fn a_saved_dossier_loads_back_unchanged() {
    let id = ids::new_dossier_id();
    let mut dossier = Dossier {
        name: "Le Moulin <b>partagé</b>".to_owned(),
        ..Dossier::default()
    };
    dossier.governance.decision_body_meetings_per_year = 3;
    storage::save_dossier(&id, &dossier).expect("saved");
    assert_eq!(storage::load_dossier(&id), Ok(Some(dossier)));
}

#[wasm_bindgen_test]
fn the_index_names_each_dossier_once_in_order() {
    let first = ids::new_dossier_id();
    let second = ids::new_dossier_id();
    storage::save_dossier(&first, &Dossier::default()).expect("saved");
    storage::save_dossier(&second, &Dossier::default()).expect("saved");
    storage::save_dossier(&first, &Dossier::default()).expect("saved again");
    let listed = storage::dossier_ids().expect("index readable");
    let positions: Vec<usize> = [&first, &second]
        .iter()
        .map(|id| listed.iter().filter(|known| known == id).count())
        .collect();
    assert_eq!(positions, vec![1, 1]);
    let first_at = listed.iter().position(|known| *known == first);
    let second_at = listed.iter().position(|known| *known == second);
    assert!(first_at < second_at);
}

#[wasm_bindgen_test]
fn a_missing_dossier_is_none() {
    assert_eq!(storage::load_dossier(&ids::new_dossier_id()), Ok(None));
}

#[wasm_bindgen_test]
fn a_corrupted_entry_is_reported_and_left_as_it_was() {
    let id = ids::new_dossier_id();
    let key = storage::dossier_key(&id);
    raw()
        .set_item(&key, "{\"schema_version\": 1, \"name\": ")
        .expect("raw write");
    let result = storage::load_dossier(&id);
    assert!(
        matches!(
            result,
            Err(storage::StorageError::Unreadable {
                cause: ReadError::Invalid(_),
                ..
            })
        ),
        "{result:?}"
    );
    assert_eq!(
        raw().get_item(&key).expect("raw read").as_deref(),
        Some("{\"schema_version\": 1, \"name\": ")
    );
}

#[wasm_bindgen_test]
fn a_future_version_is_refused_with_a_message_that_says_so() {
    let id = ids::new_dossier_id();
    raw()
        .set_item(&storage::dossier_key(&id), "{\"schema_version\": 99}")
        .expect("raw write");
    let error = storage::load_dossier(&id).expect_err("refused");
    assert!(
        error.to_string().contains("version plus récente"),
        "{error}"
    );
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
fn the_address_names_the_open_dossier_only_when_well_formed() {
    assert_eq!(
        location::dossier_id_in_query("?dossier=0123456789abcdef"),
        Some("0123456789abcdef".to_owned())
    );
    assert_eq!(location::dossier_id_in_query("?dossier=../../etc"), None);
    assert_eq!(location::dossier_id_in_query(""), None);
}

#[wasm_bindgen_test]
fn pushing_the_open_dossier_changes_the_address_and_keeps_the_path() {
    let window = web_sys::window().expect("a window");
    let path = window.location().pathname().expect("a path");
    let id = ids::new_dossier_id();
    assert!(location::push_open_dossier(Some(&id)));
    assert_eq!(location::open_dossier_id(), Some(id));
    assert_eq!(window.location().pathname().expect("a path"), path);
    assert!(location::push_open_dossier(None));
    assert_eq!(location::open_dossier_id(), None);
}
