//! The browser's "leave this page?" question, asked while leaving would lose work (a save
//! that failed, a conflict with another tab not yet settled).

use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;

thread_local! {
    static HANDLER: Closure<dyn Fn(web_sys::Event)> = Closure::new(|event: web_sys::Event| {
        event.prevent_default();
        // Older browsers ask only when `returnValue` is set.
        let _ = js_sys::Reflect::set(&event, &"returnValue".into(), &"".into());
    });
}

/// Asks before the page is left (`true`), or no longer (`false`).
pub fn ask_before_leaving(ask: bool) {
    let Some(window) = web_sys::window() else {
        return;
    };
    if ask {
        HANDLER.with(|handler| window.set_onbeforeunload(Some(handler.as_ref().unchecked_ref())));
    } else {
        window.set_onbeforeunload(None);
    }
}
