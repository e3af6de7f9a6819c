//! The user's settings: the language and the criterion weights. Kept in this browser; a
//! damaged settings entry gives the defaults and is not overwritten until the user changes
//! a setting.

use crate::browser::storage;
use fabrique_core::referential::{CriterionId, Lang};
use leptos::prelude::*;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// What the user chose.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Settings {
    pub lang: Lang,
    /// Criterion weights that replace the referential's; empty: Fabrique's defaults.
    pub weights: BTreeMap<CriterionId, u32>,
}

/// The settings kept in this browser, or the defaults.
pub fn load() -> Settings {
    storage::read_settings()
        .ok()
        .flatten()
        .and_then(|text| serde_json::from_str(&text).ok())
        .unwrap_or_default()
}

/// The settings, shared by every screen.
pub fn use_settings() -> RwSignal<Settings> {
    // App provides them first thing; a fresh signal keeps a stray component working.
    use_context::<RwSignal<Settings>>().unwrap_or_else(|| RwSignal::new(Settings::default()))
}
