//! Adapters over the browser's APIs. Components never call web-sys directly: they call these
//! small functions, each tested in headless Chromium by `tests/browser_adapters.rs`.

pub mod clipboard;
pub mod clock;
pub mod crash;
pub mod files;
pub mod first_screen;
pub mod focus;
pub mod ids;
pub mod leaving;
pub mod links;
pub mod location;
pub mod offline;
pub mod storage;
pub mod territory;
