//! The state every screen shares, provided once by the root component: the settings, which
//! screen is open, the version of the list of dossiers. Read with `expect_context`: a
//! component mounted without its provider is a bug, and it shows at once.

use crate::browser::location;
use fabrique_app_core::repository::Settings;
use fabrique_app_core::route::Route;
use leptos::prelude::*;

/// Which screen is open.
#[derive(Clone, Copy)]
pub struct Navigator(pub RwSignal<Route>);

impl Navigator {
    /// Opens a screen and records it in the browser's history.
    pub fn go(self, route: Route) {
        location::push_query(&route.to_query());
        self.0.set(route);
    }
}

/// The navigator.
pub fn use_navigator() -> Navigator {
    expect_context::<Navigator>()
}

/// Raised whenever the list of dossiers may have changed (here or in another tab).
#[derive(Clone, Copy)]
pub struct ListVersion(pub RwSignal<u64>);

impl ListVersion {
    /// Says the list changed.
    pub fn bump(self) {
        self.0.update(|version| *version += 1);
    }
}

/// The list version.
pub fn use_list_version() -> ListVersion {
    expect_context::<ListVersion>()
}

/// The user's settings.
pub fn use_settings() -> RwSignal<Settings> {
    expect_context::<RwSignal<Settings>>()
}
