//! Any file handed to the import gives dossiers or a typed error, never a panic.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|text: &str| {
    let _ = fabrique_core::exchange::import_json(text);
    let _ = fabrique_core::dossier::from_json(text);
});
