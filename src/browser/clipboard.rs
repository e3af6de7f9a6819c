//! The clipboard: copying a link so that it can be pasted in an e-mail or a chat.

use wasm_bindgen::{JsCast, JsValue};

/// Copies `text`; resolves to whether the browser accepted. Uses the asynchronous Clipboard
/// API, reached by name so that no unstable web-sys feature is needed.
pub async fn copy(text: &str) -> bool {
    let Some(window) = web_sys::window() else {
        return false;
    };
    let navigator: JsValue = window.navigator().into();
    let Ok(clipboard) = js_sys::Reflect::get(&navigator, &JsValue::from_str("clipboard")) else {
        return false;
    };
    let Ok(write_text) = js_sys::Reflect::get(&clipboard, &JsValue::from_str("writeText")) else {
        return false;
    };
    let Some(write_text) = write_text.dyn_ref::<js_sys::Function>() else {
        return false;
    };
    let Ok(promise) = write_text.call1(&clipboard, &JsValue::from_str(text)) else {
        return false;
    };
    match promise.dyn_into::<js_sys::Promise>() {
        Ok(promise) => wasm_bindgen_futures::JsFuture::from(promise).await.is_ok(),
        Err(_) => false,
    }
}
