//! The browser's localStorage as Fabrique's key-value store (through gloo-storage), and the
//! page's memory when the browser refuses storage. The rules about what is kept where are
//! the repository's, in `fabrique-app-core`, tested natively.

use fabrique_app_core::handover::{Handover, HANDOVER_KEY};
use fabrique_app_core::repository::Repository;
use fabrique_app_core::store::{KeyValue, MemoryStore, StoreError};
use gloo_storage::Storage as _;

/// localStorage through gloo-storage, once the window has said it is there: gloo's `raw()`
/// panics when storage is blocked (cookies refused, some private modes), and a panic would
/// kill the app, so availability is asked first, without panicking.
fn local_storage() -> Option<web_sys::Storage> {
    let available = web_sys::window()
        .and_then(|window| window.local_storage().ok().flatten())
        .is_some();
    available.then(gloo_storage::LocalStorage::raw)
}

thread_local! {
    /// Where entries live when the browser gives no storage at all: the page's memory. The
    /// app says so at once and offers an export; nothing typed is refused.
    static MEMORY: MemoryStore = MemoryStore::new();
}

/// This browser's storage: localStorage, or the page's memory when it is refused.
#[derive(Debug, Clone, Copy, Default)]
pub struct BrowserStore;

impl KeyValue for BrowserStore {
    fn get(&self, key: &str) -> Result<Option<String>, StoreError> {
        match local_storage() {
            Some(storage) => storage.get_item(key).map_err(|_| StoreError::Unavailable),
            None => MEMORY.with(|memory| memory.get(key)),
        }
    }

    fn set(&self, key: &str, value: &str) -> Result<(), StoreError> {
        match local_storage() {
            Some(storage) => storage
                .set_item(key, value)
                .map_err(|error| StoreError::WriteRefused(format!("{error:?}"))),
            None => MEMORY.with(|memory| memory.set(key, value)),
        }
    }

    fn remove(&self, key: &str) -> Result<(), StoreError> {
        match local_storage() {
            Some(storage) => storage
                .remove_item(key)
                .map_err(|_| StoreError::Unavailable),
            None => MEMORY.with(|memory| memory.remove(key)),
        }
    }

    fn keys(&self) -> Vec<String> {
        match local_storage() {
            Some(storage) => {
                let length = storage.length().unwrap_or(0);
                (0..length)
                    .filter_map(|index| storage.key(index).ok().flatten())
                    .collect()
            }
            None => MEMORY.with(|memory| memory.keys()),
        }
    }

    fn is_persistent(&self) -> bool {
        local_storage().is_some()
    }
}

/// The dossiers kept in this browser.
pub fn repository() -> Repository<BrowserStore> {
    Repository::new(BrowserStore)
}

/// The tab's session storage, when the browser gives it.
fn session_storage() -> Option<web_sys::Storage> {
    web_sys::window().and_then(|window| window.session_storage().ok().flatten())
}

/// Keeps an action of the home bundle for the whole app, in this tab only (#20). Returns
/// whether it was kept (a file may be too large for session storage).
pub fn hand_over(handover: &Handover) -> bool {
    session_storage()
        .is_some_and(|storage| storage.set_item(HANDOVER_KEY, &handover.encode()).is_ok())
}

/// The action the home bundle handed over, if any, taken: read and removed at once, so that
/// it is done once.
pub fn take_handover() -> Option<Handover> {
    let storage = session_storage()?;
    let text = storage.get_item(HANDOVER_KEY).ok().flatten()?;
    let _ = storage.remove_item(HANDOVER_KEY);
    Handover::decode(&text)
}
