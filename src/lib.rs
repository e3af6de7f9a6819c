//! Fabrique, the browser app: a thin Leptos shell over `fabrique-core`. Components wire
//! signals to core calls; everything that touches a browser API goes through `browser`.

mod app;
pub mod browser;
mod components;
mod examples;
mod i18n;
pub mod route;
mod settings;

/// Starts the app: panics are printed to the console, then the root component is mounted.
pub fn start() {
    console_error_panic_hook::set_once();
    leptos::mount::mount_to_body(app::App);
}
