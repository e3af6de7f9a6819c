//! Where the app keeps text under keys: localStorage in the browser, or a map in memory
//! (in tests, and when the browser refuses storage: dossiers then live as long as the page).

use std::cell::{Cell, RefCell};
use std::collections::BTreeMap;

/// Why the store refused.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum StoreError {
    /// Reading was refused.
    Unavailable,
    /// Writing was refused (storage full, or disabled): the browser's words.
    WriteRefused(String),
}

/// A key-value store of texts. Methods take `&self`: the browser's storage is shared by
/// every tab and every component, and so is the in-memory map.
pub trait KeyValue {
    /// The text under `key`, if any.
    fn get(&self, key: &str) -> Result<Option<String>, StoreError>;
    /// Puts `value` under `key`.
    fn set(&self, key: &str, value: &str) -> Result<(), StoreError>;
    /// Removes `key` (nothing when it is not there).
    fn remove(&self, key: &str) -> Result<(), StoreError>;
    /// Every key.
    fn keys(&self) -> Vec<String>;
    /// Whether what is stored outlives the page.
    fn is_persistent(&self) -> bool;
}

/// Texts in memory.
#[derive(Debug, Default)]
pub struct MemoryStore {
    entries: RefCell<BTreeMap<String, String>>,
}

impl MemoryStore {
    /// An empty store.
    pub fn new() -> MemoryStore {
        MemoryStore::default()
    }
}

impl KeyValue for MemoryStore {
    fn get(&self, key: &str) -> Result<Option<String>, StoreError> {
        Ok(self.entries.borrow().get(key).cloned())
    }

    fn set(&self, key: &str, value: &str) -> Result<(), StoreError> {
        self.entries
            .borrow_mut()
            .insert(key.to_owned(), value.to_owned());
        Ok(())
    }

    fn remove(&self, key: &str) -> Result<(), StoreError> {
        self.entries.borrow_mut().remove(key);
        Ok(())
    }

    fn keys(&self) -> Vec<String> {
        self.entries.borrow().keys().cloned().collect()
    }

    fn is_persistent(&self) -> bool {
        false
    }
}

/// A store in memory that fails as browsers do, for tests: a quota (the sum of keys' and
/// values' lengths) that refuses what does not fit, as a full localStorage does, and a
/// switch that refuses every read, as a blocked storage does.
#[derive(Debug, Default)]
pub struct FaultyStore {
    inner: MemoryStore,
    quota: Option<usize>,
    refuse_reads: Cell<bool>,
}

impl FaultyStore {
    /// An empty store that refuses any write beyond `bytes` in all.
    pub fn with_quota(bytes: usize) -> FaultyStore {
        FaultyStore {
            quota: Some(bytes),
            ..FaultyStore::default()
        }
    }

    /// An empty store that fails only when told to.
    pub fn new() -> FaultyStore {
        FaultyStore::default()
    }

    /// From now on, every read is refused (or allowed again).
    pub fn refuse_reads(&self, refuse: bool) {
        self.refuse_reads.set(refuse);
    }

    fn used_without(&self, key: &str) -> usize {
        self.inner
            .entries
            .borrow()
            .iter()
            .filter(|(known, _)| known.as_str() != key)
            .map(|(known, value)| known.len() + value.len())
            .sum()
    }
}

impl KeyValue for FaultyStore {
    fn get(&self, key: &str) -> Result<Option<String>, StoreError> {
        if self.refuse_reads.get() {
            return Err(StoreError::Unavailable);
        }
        self.inner.get(key)
    }

    fn set(&self, key: &str, value: &str) -> Result<(), StoreError> {
        if let Some(quota) = self.quota {
            if self.used_without(key) + key.len() + value.len() > quota {
                return Err(StoreError::WriteRefused("QuotaExceededError".to_owned()));
            }
        }
        self.inner.set(key, value)
    }

    fn remove(&self, key: &str) -> Result<(), StoreError> {
        self.inner.remove(key)
    }

    fn keys(&self) -> Vec<String> {
        self.inner.keys()
    }

    fn is_persistent(&self) -> bool {
        false
    }
}

impl<S: KeyValue + ?Sized> KeyValue for &S {
    fn get(&self, key: &str) -> Result<Option<String>, StoreError> {
        (**self).get(key)
    }
    fn set(&self, key: &str, value: &str) -> Result<(), StoreError> {
        (**self).set(key, value)
    }
    fn remove(&self, key: &str) -> Result<(), StoreError> {
        (**self).remove(key)
    }
    fn keys(&self) -> Vec<String> {
        (**self).keys()
    }
    fn is_persistent(&self) -> bool {
        (**self).is_persistent()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_quota_refuses_what_does_not_fit_and_keeps_what_was_there() {
        let store = FaultyStore::with_quota(10);
        assert_eq!(store.set("a", "123456789"), Ok(()));
        assert!(matches!(
            store.set("b", "1"),
            Err(StoreError::WriteRefused(_))
        ));
        // Replacing a value counts the new one, not both.
        assert_eq!(store.set("a", "987654321"), Ok(()));
        assert_eq!(store.get("a"), Ok(Some("987654321".to_owned())));
        assert_eq!(store.get("b"), Ok(None));
    }

    #[test]
    fn refused_reads_are_errors_not_absences() {
        let store = FaultyStore::new();
        store.set("a", "1").ok();
        store.refuse_reads(true);
        assert_eq!(store.get("a"), Err(StoreError::Unavailable));
        store.refuse_reads(false);
        assert_eq!(store.get("a"), Ok(Some("1".to_owned())));
    }
}
