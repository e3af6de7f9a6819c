//! Working offline: the service worker that keeps this build in the browser's cache (and
//! tells when a new build waits), the network's state, and the request that the browser
//! keep the dossiers even when it runs short of space.

use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

fn container() -> Option<web_sys::ServiceWorkerContainer> {
    let navigator = web_sys::window()?.navigator();
    // Absent on plain http:// hosts other than localhost, and in some private modes.
    js_sys::Reflect::has(&navigator, &JsValue::from_str("serviceWorker"))
        .ok()
        .filter(|present| *present)
        .map(|_| navigator.service_worker())
}

/// Registers `sw.js` (fetched past the HTTP cache, so that updates are seen) and calls
/// `update_ready` when a new build is installed and waits for the user. Does nothing where
/// service workers are missing, or when `sw.js` is not there (a development build).
pub fn register(update_ready: impl Fn() + Clone + 'static) {
    let Some(container) = container() else {
        return;
    };
    wasm_bindgen_futures::spawn_local(async move {
        let options = web_sys::RegistrationOptions::new();
        options.set_scope("./");
        options.set_update_via_cache(web_sys::ServiceWorkerUpdateViaCache::None);
        let Ok(registration) =
            JsFuture::from(container.register_with_options("./sw.js", &options)).await
        else {
            return;
        };
        let Ok(registration) = registration.dyn_into::<web_sys::ServiceWorkerRegistration>() else {
            return;
        };
        let controlled = container.controller().is_some();
        if !controlled {
            claim_if_same_build(&registration);
        }
        if controlled && registration.waiting().is_some() {
            update_ready();
        }
        // A new build may already be installing (the navigation looked for one first).
        if let Some(installing) = registration.installing() {
            watch(installing, update_ready.clone());
        }
        let watched = registration.clone();
        let on_update_found = Closure::<dyn Fn()>::new(move || {
            if let Some(installing) = watched.installing() {
                watch(installing, update_ready.clone());
            }
        });
        registration.set_onupdatefound(Some(on_update_found.as_ref().unchecked_ref()));
        on_update_found.forget();
        // Look for a new build now, as a navigation would.
        let _ = registration.update();
    });
}

/// Calls `update_ready` once `worker` is installed while an older build controls the page.
fn watch(worker: web_sys::ServiceWorker, update_ready: impl Fn() + 'static) {
    let watched = worker.clone();
    let on_state = Closure::<dyn Fn()>::new(move || {
        if watched.state() == web_sys::ServiceWorkerState::Installed && served_by_worker() {
            update_ready();
        }
    });
    worker.set_onstatechange(Some(on_state.as_ref().unchecked_ref()));
    // Lives as long as the worker it watches: the page's lifetime at most.
    on_state.forget();
}

/// Whether a service worker serves this page: it installed only once the whole build was
/// in its cache, so any page of the app then loads without the network.
pub fn served_by_worker() -> bool {
    container().and_then(|c| c.controller()).is_some()
}

/// Moves to the waiting build: the new worker takes over, then the page reloads into it.
/// When another tab applied it already (no build waits any more: the new one is active),
/// the page reloads into it at once. The editor saves the open dossier when the page goes
/// away, before the new one loads.
pub fn apply_update() {
    let Some(container) = container() else {
        return;
    };
    let reload = Closure::<dyn Fn()>::new(super::location::reload);
    container.set_oncontrollerchange(Some(reload.as_ref().unchecked_ref()));
    reload.forget();
    wasm_bindgen_futures::spawn_local(async move {
        let Ok(registration) = JsFuture::from(container.get_registration()).await else {
            return;
        };
        let Ok(registration) = registration.dyn_into::<web_sys::ServiceWorkerRegistration>() else {
            return;
        };
        match registration.waiting() {
            Some(waiting) => {
                let _ = waiting.post_message(&JsValue::from_str("skip-waiting"));
            }
            None => super::location::reload(),
        }
    });
}

/// The build this page runs (stamped by scripts/make_sw.py; none in `trunk serve`).
fn page_build() -> Option<String> {
    web_sys::window()?
        .document()?
        .query_selector("meta[name=\"fabrique-build\"]")
        .ok()??
        .get_attribute("content")
}

/// A page that no worker serves although a worker of its very build is active: it was
/// loaded while that worker was being activated (the home bundle hands over to the whole
/// app by loading the page again, maybe then, #20), or past the worker (a hard reload).
/// The worker takes it (`clients.claim`, only for its own build, so that one tab never
/// mixes two versions): its later fetches, the territory files among them, go through
/// the worker, and are kept for offline use.
fn claim_if_same_build(registration: &web_sys::ServiceWorkerRegistration) {
    if let (Some(active), Some(build)) = (registration.active(), page_build()) {
        let _ = active.post_message(&JsValue::from_str(&format!("claim:{build}")));
    }
}

/// Whether the browser says the network is there.
pub fn is_online() -> bool {
    web_sys::window().is_none_or(|window| window.navigator().on_line())
}

fn storage_manager() -> Option<web_sys::StorageManager> {
    let navigator = web_sys::window()?.navigator();
    js_sys::Reflect::has(&navigator, &JsValue::from_str("storage"))
        .ok()
        .filter(|present| *present)
        .map(|_| navigator.storage())
}

/// Asks the browser to keep this site's storage even under pressure; resolves to whether it
/// agreed (`None`: the browser cannot say).
pub async fn request_persistence() -> Option<bool> {
    let promise = storage_manager()?.persist().ok()?;
    JsFuture::from(promise).await.ok()?.as_bool()
}

/// Whether the browser keeps this site's storage under pressure (`None`: cannot say).
pub async fn is_persistent() -> Option<bool> {
    let promise = storage_manager()?.persisted().ok()?;
    JsFuture::from(promise).await.ok()?.as_bool()
}
