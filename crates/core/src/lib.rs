//! `fabrique-core` is the domain of Fabrique: the dossier a tiers-lieu project prepares for
//! the "Fabriques de territoire" label, and its evaluation against the label's criteria.
//!
//! It is pure Rust with no I/O and no web dependency: it takes data and returns data, so the
//! browser app, the command line and the tests all share exactly the same rules.

pub mod calls;
pub mod compare;
pub mod dossier;
pub mod evaluation;
pub mod exchange;
pub mod finance;
pub mod funding;
pub mod history;
pub mod label;
pub mod link;
pub mod migrate;
pub mod presentation;
pub mod referential;
pub mod report;
pub mod review;
pub mod spreadsheet;
pub mod territory;
pub mod units;
