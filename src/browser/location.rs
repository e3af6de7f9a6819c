//! The address bar: which screen is open lives in the query string (see `route`), so that
//! every screen survives a reload on any static host and under any sub-path, and the
//! fragment (`#…`) stays free for snapshot links, whose data must never reach a server.

use wasm_bindgen::JsValue;

/// The current query string, with its `?` (empty when there is none).
pub fn current_query() -> String {
    web_sys::window()
        .and_then(|window| window.location().search().ok())
        .unwrap_or_default()
}

fn set_query(query: &str, push: bool) -> bool {
    let Some(window) = web_sys::window() else {
        return false;
    };
    let Ok(path) = window.location().pathname() else {
        return false;
    };
    // The path is kept as it is, so a deployment under a sub-path stays where it is.
    let url = format!("{path}{query}");
    let Ok(history) = window.history() else {
        return false;
    };
    if push {
        history
            .push_state_with_url(&JsValue::NULL, "", Some(&url))
            .is_ok()
    } else {
        history
            .replace_state_with_url(&JsValue::NULL, "", Some(&url))
            .is_ok()
    }
}

/// Records a new address in the history (a new screen). Returns whether it worked; when it
/// did not, the app still works, only the address is stale.
pub fn push_query(query: &str) -> bool {
    set_query(query, true)
}

/// Changes the address without a new history entry (a section within a screen).
pub fn replace_query(query: &str) -> bool {
    set_query(query, false)
}

/// The current fragment, with its `#` (empty when there is none).
pub fn current_hash() -> String {
    web_sys::window()
        .and_then(|window| window.location().hash().ok())
        .unwrap_or_default()
}

/// The app's own address, without query or fragment: where a shared link points.
pub fn app_address() -> String {
    web_sys::window()
        .and_then(|window| {
            let location = window.location();
            Some(format!(
                "{}{}",
                location.origin().ok()?,
                location.pathname().ok()?
            ))
        })
        .unwrap_or_default()
}

/// The current path (`/` or `/fabrique/` under a sub-path).
pub fn current_path() -> String {
    web_sys::window()
        .and_then(|window| window.location().pathname().ok())
        .unwrap_or_default()
}

/// The app is shown inside a frame of another page (or its window cannot tell, which is
/// treated the same): then it shows no dossier and acts on none, so that a page of another
/// site cannot dress it up and have a user click in it. A defence in depth where the host
/// sends no `frame-ancestors` header.
pub fn is_framed() -> bool {
    let Some(window) = web_sys::window() else {
        return true;
    };
    match window.top() {
        Ok(Some(top)) => !js_sys::Object::is(top.as_ref(), window.as_ref()),
        Ok(None) | Err(_) => true,
    }
}

/// The whole address of the page, fragment included: the same screen, in a tab of its own.
pub fn current_href() -> String {
    web_sys::window()
        .and_then(|window| window.location().href().ok())
        .unwrap_or_default()
}

/// Loads the page again at its current address (a new build, the home bundle leaving for the
/// whole app).
pub fn reload() {
    if let Some(window) = web_sys::window() {
        let _ = window.location().reload();
    }
}
