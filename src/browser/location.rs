//! The address bar: which dossier is open lives in the query (`?dossier=<id>`), so that every
//! screen survives a reload on any static host and under any sub-path, and the fragment
//! (`#…`) stays free for snapshot links, whose data must never reach a server.

use wasm_bindgen::JsValue;

/// The query parameter that names the open dossier.
const DOSSIER_PARAM: &str = "dossier";

/// The dossier named in the current address, if any.
pub fn open_dossier_id() -> Option<String> {
    let search = web_sys::window()?.location().search().ok()?;
    dossier_id_in_query(&search)
}

/// The dossier named in a query string such as `?dossier=0123456789abcdef`.
pub fn dossier_id_in_query(search: &str) -> Option<String> {
    let params = web_sys::UrlSearchParams::new_with_str(search).ok()?;
    params
        .get(DOSSIER_PARAM)
        .filter(|id| super::ids::is_dossier_id(id))
}

/// Records in the history which dossier is open (`None`: the list of dossiers), keeping the
/// current path so that a sub-path deployment stays where it is. Returns whether it worked;
/// when it did not, the app still works, only the address is stale.
pub fn push_open_dossier(id: Option<&str>) -> bool {
    let Some(window) = web_sys::window() else {
        return false;
    };
    let Ok(path) = window.location().pathname() else {
        return false;
    };
    let url = match id {
        Some(id) => format!("{path}?{DOSSIER_PARAM}={id}"),
        None => path,
    };
    window
        .history()
        .and_then(|history| history.push_state_with_url(&JsValue::NULL, "", Some(&url)))
        .is_ok()
}
