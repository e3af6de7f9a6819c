//! Any text handed to the reply decoder gives a review or a typed error, never a panic; a
//! review it accepts encodes back to a reply that decodes to the same review.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|text: &str| {
    if let Ok(review) = fabrique_core::review::decode(text) {
        let again = fabrique_core::review::encode(&review);
        assert_eq!(fabrique_core::review::decode(&again), Ok(review));
    }
});
