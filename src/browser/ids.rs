//! Randomness for new dossier identifiers (their shape is `fabrique_app_core::id`'s).

use fabrique_app_core::id::{DossierId, ID_BYTES};

/// A new random dossier identifier.
///
/// Uses `crypto.getRandomValues`, which, unlike `crypto.randomUUID`, also works on a plain
/// http:// host; falls back to `Math.random` if the Web Crypto API is missing.
pub fn new_dossier_id() -> DossierId {
    let mut bytes = [0_u8; ID_BYTES];
    let filled = web_sys::window()
        .and_then(|window| window.crypto().ok())
        .is_some_and(|crypto| crypto.get_random_values_with_u8_array(&mut bytes).is_ok());
    if !filled {
        for byte in &mut bytes {
            // Truncation is the point: one random byte from a random float in [0, 1).
            *byte = (js_sys::Math::random() * 256.0) as u8;
        }
    }
    DossierId::from_random(bytes)
}
