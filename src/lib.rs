//! Fabrique, the browser app: a thin Leptos shell over `fabrique-core` (the domain) and
//! `fabrique-app-core` (the workflows: repository, editing session, replies, routes).
//! Components render state and forward events; everything that touches a browser API goes
//! through `browser`.

// The home bundle (feature `home`, #20) leaves the other screens out: their code is unused there.
#![cfg_attr(feature = "home", allow(dead_code, unused_imports))]

mod app;
pub mod browser;
mod components;
mod context;
pub mod examples;
mod i18n;

/// Starts the app: a panic is printed to the console and shown in the crash overlay, then
/// the root component is mounted.
pub fn start() {
    browser::crash::install_panic_hook();
    browser::crash::install_test_hooks();
    // `make bench` reads these marks: the app's own start, and its first screen on display.
    browser::clock::mark("fabrique:start");
    // The static first screen goes in the same task as the app comes: never both drawn.
    browser::first_screen::remove();
    if browser::location::is_framed() {
        // Inside another page's frame: nothing of the user's is read or shown.
        leptos::mount::mount_to_body(app::Framed);
        return;
    }
    leptos::mount::mount_to_body(app::App);
    browser::clock::mark("fabrique:first-screen");
}
