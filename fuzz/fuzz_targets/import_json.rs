//! Any file handed to the import gives dossiers or a typed error, never a panic; every
//! dossier it accepts evaluates and renders in every report without a panic.
#![no_main]

use fabrique_core::referential::Referential;
use libfuzzer_sys::fuzz_target;

#[path = "render.rs"]
mod render;

fuzz_target!(|text: &str| {
    let mut dossiers = fabrique_core::exchange::import_json(text).unwrap_or_default();
    dossiers.extend(fabrique_core::dossier::from_json(text));
    for dossier in &dossiers {
        render::everything(dossier, Referential::builtin(dossier.variant()));
    }
});
