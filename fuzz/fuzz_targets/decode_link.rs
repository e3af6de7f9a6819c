//! Any text handed to the link decoder gives a snapshot or a typed error, never a panic; a
//! snapshot it accepts is evaluated with its weights and rendered in every report (text,
//! Markdown, both CSV files, in both languages) without a panic, and encodes back to a
//! link that decodes to the same snapshot (or, too long for the current version, to none).
#![no_main]

use fabrique_core::link::{self, EncodeError};
use fabrique_core::referential::Referential;
use libfuzzer_sys::fuzz_target;

#[path = "render.rs"]
mod render;

fuzz_target!(|text: &str| {
    if let Ok(snapshot) = link::decode(text) {
        let dossier = &snapshot.dossier;
        let referential = Referential::builtin(dossier.variant()).with_weights(&snapshot.weights);
        render::everything(dossier, &referential);
        match link::encode(&snapshot) {
            Ok(again) => assert_eq!(link::decode(&again), Ok(snapshot)),
            Err(EncodeError::TooLong { .. }) => {}
            Err(other) => panic!("a decoded snapshot does not encode: {other}"),
        }
    }
});
