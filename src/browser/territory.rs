//! The territory files beside the app (`territoire/…`, built from the official commune
//! data): fetched one at a time, through the service worker, which keeps them for offline
//! lookups. Addresses are relative, so the app finds them under any sub-path.

use wasm_bindgen::JsCast;

/// Why a territory file could not be had.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FetchError {
    /// No network, and the file was never fetched before (so not kept offline).
    Unreachable,
    /// The server has no such file (for a name: no commune starts so).
    NotFound,
    /// The server answered with another error, or the text is not what was expected.
    Broken(String),
}

/// The address of a territory file, relative to the app: `territoire/<path>`.
pub fn address(path: &str) -> String {
    format!("territoire/{path}")
}

/// Fetches `territoire/<path>` and reads it as `T`. The fetching is not generic (one copy
/// in the wasm, whatever the file's type): only the reading is.
pub async fn fetch<T: fabrique_core::territory::TerritoryFile>(
    path: &str,
) -> Result<T, FetchError> {
    let text = fetch_text(&address(path)).await?;
    T::read(&text).map_err(|error| FetchError::Broken(error.to_string()))
}

async fn fetch_text(address: &str) -> Result<String, FetchError> {
    let window = web_sys::window().ok_or(FetchError::Unreachable)?;
    let promise = window.fetch_with_str(address);
    let response = wasm_bindgen_futures::JsFuture::from(promise)
        .await
        .map_err(|_| FetchError::Unreachable)?;
    let response: web_sys::Response = response
        .dyn_into()
        .map_err(|_| FetchError::Broken("not a response".to_owned()))?;
    match response.status() {
        200 => {}
        404 => return Err(FetchError::NotFound),
        status => return Err(FetchError::Broken(format!("HTTP {status}"))),
    }
    let text = response
        .text()
        .map_err(|_| FetchError::Broken("no body".to_owned()))?;
    let text = wasm_bindgen_futures::JsFuture::from(text)
        .await
        .map_err(|_| FetchError::Unreachable)?;
    Ok(text.as_string().unwrap_or_default())
}
