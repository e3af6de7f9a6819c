//! Any text handed to the link decoder gives a snapshot or a typed error, never a panic;
//! a snapshot it accepts encodes back to a link that decodes to the same snapshot.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|text: &str| {
    if let Ok(snapshot) = fabrique_core::link::decode(text) {
        let again = fabrique_core::link::encode(&snapshot);
        assert_eq!(fabrique_core::link::decode(&again), Ok(snapshot));
    }
});
