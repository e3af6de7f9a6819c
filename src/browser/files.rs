//! Files in and out: a download made from text in memory (exports, raw quarantined text),
//! the text of a file the user picked (imports), and the page to the printer (or a PDF).
//! No server is involved either way.

use wasm_bindgen::{JsCast, JsValue};

/// Opens the browser's print dialog for the page (a document's print layout, or a PDF).
pub fn print_page() {
    if let Some(window) = web_sys::window() {
        let _ = window.print();
    }
}

/// Offers `contents` as a file named `file_name`. Returns whether the browser accepted.
pub fn download(file_name: &str, mime: &str, contents: &str) -> bool {
    let attempt = || -> Result<(), JsValue> {
        let window = web_sys::window().ok_or(JsValue::NULL)?;
        let document = window.document().ok_or(JsValue::NULL)?;
        let parts = js_sys::Array::of1(&JsValue::from_str(contents));
        let options = web_sys::BlobPropertyBag::new();
        options.set_type(mime);
        let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options)?;
        let url = web_sys::Url::create_object_url_with_blob(&blob)?;
        let link: web_sys::HtmlAnchorElement = document.create_element("a")?.dyn_into()?;
        link.set_href(&url);
        link.set_download(file_name);
        link.style().set_property("display", "none")?;
        let body = document.body().ok_or(JsValue::NULL)?;
        body.append_child(&link)?;
        link.click();
        body.remove_child(&link)?;
        // The download has started from the click; the URL can go.
        web_sys::Url::revoke_object_url(&url)?;
        Ok(())
    };
    attempt().is_ok()
}

/// The text of the first file picked in a file input, or why it could not be read.
pub async fn picked_text(
    input: &web_sys::HtmlInputElement,
    max_bytes: f64,
) -> Result<Option<String>, String> {
    let Some(file) = input.files().and_then(|files| files.get(0)) else {
        return Ok(None);
    };
    if file.size() > max_bytes {
        return Err(format!("{} octets", file.size()));
    }
    let text = wasm_bindgen_futures::JsFuture::from(file.text())
        .await
        .map_err(|error| format!("{error:?}"))?;
    Ok(text.as_string())
}
