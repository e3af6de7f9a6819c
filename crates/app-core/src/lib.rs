//! Fabrique's workflows as plain Rust: what the app does with dossiers, apart from drawing
//! them. Nothing here knows the browser: storage is a [`store::KeyValue`] (localStorage in
//! the app, a map in memory in tests and when the browser refuses storage), time and
//! randomness are passed in. The components render the state these types hold and forward
//! the user's events to them.
//!
//! - [`id`]: dossier identifiers, parsed once where they come in.
//! - [`store`]: the key-value trait and its in-memory implementation.
//! - [`repository`]: the dossiers kept in a store (index, revisions, quarantine, trash,
//!   shared versions, settings, import and export).
//! - [`session`]: editing one dossier (dirty, save, conflict, deleted elsewhere, following
//!   another tab).
//! - [`reply`]: finding the dossier a partner's reply answers, and merging it.
//! - [`route`]: the screens and their addresses.
//! - [`handover`]: an action of the home bundle, done by the whole app.

pub mod handover;
pub mod id;
pub mod reply;
pub mod repository;
pub mod route;
pub mod session;
pub mod store;
