//! The browser adapters, tested in headless Chromium (`cargo test --target
//! wasm32-unknown-unknown`, through wasm-bindgen-test-runner and chromedriver).
#![cfg(target_arch = "wasm32")]

use fabrique::browser::storage::{self, BrowserStore};
use fabrique::browser::{clock, ids, location};
use fabrique_app_core::handover::{Handover, HANDOVER_KEY};
use fabrique_app_core::id::DossierId;
use fabrique_app_core::repository::dossier_key;
use fabrique_app_core::route::Route;
use fabrique_app_core::store::{KeyValue, StoreError};
use fabrique_core::dossier::Dossier;
use fabrique_core::referential::Lang;
use wasm_bindgen_test::{wasm_bindgen_test, wasm_bindgen_test_configure};

wasm_bindgen_test_configure!(run_in_browser);

fn raw() -> web_sys::Storage {
    web_sys::window()
        .and_then(|window| window.local_storage().ok().flatten())
        .expect("localStorage")
}

#[wasm_bindgen_test]
fn the_browser_store_is_local_storage() {
    let store = BrowserStore;
    assert!(store.is_persistent());
    let key = "fabrique.test.adapter";
    assert_eq!(store.set(key, "valeur « accentuée » <b>"), Ok(()));
    assert_eq!(
        raw().get_item(key).expect("read"),
        Some("valeur « accentuée » <b>".to_owned())
    );
    assert_eq!(
        store.get(key),
        Ok(Some("valeur « accentuée » <b>".to_owned()))
    );
    assert!(store.keys().iter().any(|known| known == key));
    assert_eq!(store.remove(key), Ok(()));
    assert_eq!(raw().get_item(key).expect("read"), None);
    assert_eq!(store.get(key), Ok(None));
}

#[wasm_bindgen_test]
fn a_full_local_storage_is_a_refused_write_that_keeps_the_old_value() {
    let store = BrowserStore;
    let key = "fabrique.test.full";
    store.set(key, "avant").expect("a small value fits");
    // More than any browser's localStorage quota (5 MB in Chromium).
    let huge = "x".repeat(6_000_000);
    assert!(matches!(
        store.set(key, &huge),
        Err(StoreError::WriteRefused(_))
    ));
    assert_eq!(store.get(key), Ok(Some("avant".to_owned())));
    store.remove(key).expect("removed");
}

#[wasm_bindgen_test]
fn a_dossier_saved_through_the_repository_is_in_local_storage() {
    let repository = storage::repository();
    let dossier = Dossier {
        name: "Le Moulin <b>partagé</b>".to_owned(),
        ..Dossier::default()
    };
    let id = repository
        .create(&dossier, clock::now_ms(), ids::new_dossier_id)
        .expect("saved");
    assert!(raw()
        .get_item(&dossier_key(&id))
        .expect("read")
        .is_some_and(|text| text.contains("Le Moulin")));
    assert_eq!(repository.load_dossier(&id), Ok(Some(dossier)));
    repository.move_to_trash(&id).expect("deleted");
    repository.empty_trash().expect("emptied");
}

#[wasm_bindgen_test]
fn identifiers_are_distinct() {
    let made: Vec<DossierId> = (0..50).map(|_| ids::new_dossier_id()).collect();
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
    assert_eq!(clock::local_date_time(0, Lang::Fr), "");
    let written = clock::local_date_time(clock::now_ms(), Lang::Fr);
    assert_eq!(written.len(), "29/11/2026 à 14:05".len(), "{written}");
    assert!(written.contains(" à "), "{written}");
    let english = clock::local_date_time(clock::now_ms(), Lang::En);
    assert!(english.contains(" at "), "{english}");
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

#[wasm_bindgen_test]
fn leaving_asks_first_only_while_asked_to() {
    use fabrique::browser::leaving::ask_before_leaving;
    let window = web_sys::window().expect("a window");
    ask_before_leaving(true);
    assert!(window.onbeforeunload().is_some());
    // The handler cancels the unload, which is what makes the browser ask.
    let event = web_sys::Event::new_with_event_init_dict("beforeunload", &{
        let init = web_sys::EventInit::new();
        init.set_cancelable(true);
        init
    })
    .expect("an event");
    window.dispatch_event(&event).expect("dispatched");
    assert!(event.default_prevented());
    ask_before_leaving(false);
    assert!(window.onbeforeunload().is_none());
}

#[wasm_bindgen_test]
fn focus_moves_to_the_element_asked() {
    use wasm_bindgen::JsCast;
    let document = web_sys::window()
        .and_then(|window| window.document())
        .expect("a document");
    let button: web_sys::HtmlElement = document
        .create_element("button")
        .expect("a button")
        .dyn_into()
        .expect("an HTML element");
    document
        .body()
        .expect("a body")
        .append_child(&button)
        .expect("added");
    assert_ne!(document.active_element().as_ref(), Some(button.as_ref()));
    fabrique::browser::focus::focus(&button);
    assert_eq!(document.active_element().as_ref(), Some(button.as_ref()));
    button.remove();
}

#[wasm_bindgen_test]
fn the_static_first_screen_is_removed_once_and_only_it() {
    use fabrique::browser::first_screen;
    let document = web_sys::window()
        .and_then(|window| window.document())
        .expect("a document");
    let body = document.body().expect("a body");
    let screen = document.create_element("div").expect("a div");
    screen.set_id(first_screen::ID);
    let other = document.create_element("div").expect("a div");
    body.append_child(&screen).expect("added");
    body.append_child(&other).expect("added");
    first_screen::remove();
    assert!(document.get_element_by_id(first_screen::ID).is_none());
    assert!(other.is_connected());
    // Again, with nothing left to remove: nothing happens.
    first_screen::remove();
    other.remove();
}

#[wasm_bindgen_test]
fn a_handed_over_action_is_in_session_storage_and_taken_once() {
    let session = web_sys::window()
        .and_then(|window| window.session_storage().ok().flatten())
        .expect("sessionStorage");
    assert!(storage::hand_over(&Handover::Import(
        "{\"a\": 1}".to_owned()
    )));
    assert_eq!(
        session.get_item(HANDOVER_KEY).expect("read").as_deref(),
        Some("import:{\"a\": 1}")
    );
    assert_eq!(
        storage::take_handover(),
        Some(Handover::Import("{\"a\": 1}".to_owned()))
    );
    assert_eq!(session.get_item(HANDOVER_KEY).expect("read"), None);
    assert_eq!(storage::take_handover(), None);
    // Something that names no action is taken all the same, and does nothing.
    session.set_item(HANDOVER_KEY, "effacer").expect("write");
    assert_eq!(storage::take_handover(), None);
    assert_eq!(session.get_item(HANDOVER_KEY).expect("read"), None);
}

fn snapshot_of(dossier: Dossier) -> fabrique_core::link::Snapshot {
    fabrique_core::link::Snapshot {
        dossier,
        weights: std::collections::BTreeMap::new(),
        referential_version: 2,
        saved_at_ms: 1_764_400_000_000,
    }
}

#[wasm_bindgen_test]
async fn the_browsers_raw_deflate_is_read_by_the_core() {
    use fabrique::browser::links;
    use fabrique_core::link;
    // Every example's link, compressed by the browser, opens as its snapshot.
    for index in 0..4 {
        let dossier = fabrique::examples::example(index).expect("an example");
        let snapshot = snapshot_of(dossier);
        let made = links::snapshot_link("https://exemple.fr/fabrique/", &snapshot)
            .await
            .expect("a link");
        assert!(
            made.starts_with("https://exemple.fr/fabrique/#d6-"),
            "{made}"
        );
        let expected = link::Snapshot {
            dossier: link::shareable(&snapshot.dossier),
            ..snapshot
        };
        assert_eq!(link::decode(&made), Ok(expected));
    }
    // Bytes of any kind, none and many, come back whole through the core's reader.
    for bytes in [
        Vec::new(),
        (0..=255).collect::<Vec<u8>>(),
        (0..200_000_u32)
            .map(|i| (i.wrapping_mul(2_654_435_761) >> 13) as u8)
            .collect(),
    ] {
        let compressed = links::deflate_raw(&bytes).await.expect("compressed");
        let restored = miniz_oxide::inflate::decompress_to_vec(&compressed).expect("inflates");
        assert_eq!(restored, bytes);
    }
}

#[wasm_bindgen_test]
async fn the_browser_makes_no_link_that_would_not_open() {
    use fabrique::browser::links::{self, LinkFailure};
    use fabrique_core::evaluation::Section;
    use fabrique_core::link::{self, EncodeError};
    // A note grows until the link is refused: the last link the browser made opens, whole,
    // and the refusal is its length, past the reader's cap.
    let mut grown = snapshot_of(Dossier::default());
    let mut last_made = None;
    let mut refused = None;
    for step in 1..400_u32 {
        // Letters that do not compress much (xorshift), as in the core's test of the cap.
        let mut state = 0x9E37_79B9_7F4A_7C15_u64;
        let text: String = (0..step * 40)
            .map(|_| {
                state ^= state << 13;
                state ^= state >> 7;
                state ^= state << 17;
                char::from(b'a' + (state % 26) as u8)
            })
            .collect();
        grown.dossier.notes.insert(Section::Need, text);
        match links::snapshot_link("https://exemple.fr/", &grown).await {
            Ok(made) => last_made = Some((made, grown.clone())),
            Err(failure) => {
                refused = Some(failure);
                break;
            }
        }
    }
    let (made, snapshot) = last_made.expect("small notes make links");
    assert!(
        made.len() > link::MAX_TOKEN_CHARS - 200,
        "{} {refused:?}",
        made.len()
    );
    assert_eq!(link::decode(&made), Ok(snapshot));
    assert!(
        matches!(refused, Some(LinkFailure::Refused(EncodeError::TooLong { chars })) if chars > link::MAX_TOKEN_CHARS),
        "{refused:?}"
    );
}

#[wasm_bindgen_test]
async fn a_reply_compressed_by_the_browser_opens_and_a_browser_without_compression_says_so() {
    use fabrique::browser::links::{self, LinkFailure};
    use fabrique_core::review::{self, Review};
    let original = Review {
        answers: 7,
        organisation: "Mairie « de » Saint-Martin".to_owned(),
        ..Review::default()
    };
    let made = links::reply_link("https://exemple.fr/", &original)
        .await
        .expect("a reply link");
    assert_eq!(review::decode(&made), Ok(original.clone()));
    // A browser without the Compression Streams (older than 2023) makes no link, and says
    // it is the browser.
    let global = js_sys::global();
    let name = wasm_bindgen::JsValue::from_str("CompressionStream");
    let kept = js_sys::Reflect::get(&global, &name).expect("read");
    js_sys::Reflect::set(&global, &name, &wasm_bindgen::JsValue::UNDEFINED).expect("removed");
    let without = links::reply_link("https://exemple.fr/", &original).await;
    let snapshot =
        links::snapshot_link("https://exemple.fr/", &snapshot_of(Dossier::default())).await;
    js_sys::Reflect::set(&global, &name, &kept).expect("restored");
    assert!(
        matches!(without, Err(LinkFailure::Browser(_))),
        "{without:?}"
    );
    assert!(
        matches!(snapshot, Err(LinkFailure::Browser(_))),
        "{snapshot:?}"
    );
    assert!(links::reply_link("https://exemple.fr/", &original)
        .await
        .is_ok());
}
