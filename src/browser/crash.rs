//! When the app panics: the panic hook prints the message to the console, then hands it to
//! the crash overlay of `public/panic.js` (plain JavaScript, which keeps working once the
//! wasm has aborted), which offers to reload and to download the stored dossiers.
//!
//! A test-only hook lets the end-to-end tests cause a panic: `window.fabriqueTestPanic()`,
//! defined only when localStorage holds `fabrique.test-hooks = "1"` (nothing in the app
//! writes it; a test sets it before the page loads).

use fabrique_app_core::store::KeyValue as _;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};

/// The localStorage key that enables the test-only hooks.
pub const TEST_HOOKS_KEY: &str = "fabrique.test-hooks";

/// Shows the crash overlay with `message`; false when the overlay script is not there.
pub fn show_overlay(message: &str) -> bool {
    let Some(window) = web_sys::window() else {
        return false;
    };
    let Ok(show) = js_sys::Reflect::get(&window, &JsValue::from_str("fabriqueCrashed")) else {
        return false;
    };
    let Some(show) = show.dyn_ref::<js_sys::Function>() else {
        return false;
    };
    show.call1(&JsValue::NULL, &JsValue::from_str(message))
        .is_ok()
}

/// Installs the panic hook: the console first (for whoever debugs), then the overlay.
pub fn install_panic_hook() {
    std::panic::set_hook(Box::new(|info| {
        console_error_panic_hook::hook(info);
        show_overlay(&info.to_string());
    }));
}

/// Defines `window.fabriqueTestPanic` when the test hooks are enabled; returns whether.
pub fn install_test_hooks() -> bool {
    let enabled = crate::browser::storage::BrowserStore
        .get(TEST_HOOKS_KEY)
        .ok()
        .flatten()
        .is_some_and(|value| value == "1");
    let Some(window) = web_sys::window().filter(|_| enabled) else {
        return false;
    };
    let panic = Closure::<dyn Fn()>::new(|| panic!("panique de test (fabrique.test-hooks)"));
    let defined = js_sys::Reflect::set(
        &window,
        &JsValue::from_str("fabriqueTestPanic"),
        panic.as_ref(),
    )
    .unwrap_or(false);
    // The hook lives as long as the page.
    panic.forget();
    defined
}
