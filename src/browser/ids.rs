//! Identifiers for local dossiers: short random hex strings, unique within one browser.

/// How many random bytes an identifier carries: 64 bits make a collision among a person's
/// dossiers vanishingly unlikely while keeping `?dossier=…` addresses short.
const ID_BYTES: usize = 8;

/// A new random dossier identifier, 16 lowercase hex characters.
///
/// Uses `crypto.getRandomValues`, which, unlike `crypto.randomUUID`, also works on a plain
/// http:// host; falls back to `Math.random` if the Web Crypto API is missing.
pub fn new_dossier_id() -> String {
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
    bytes.iter().map(|byte| format!("{byte:02x}")).collect()
}

/// Whether a string has the shape of an identifier made by [`new_dossier_id`]. Identifiers
/// read from the address bar are checked with it before they name a storage key.
pub fn is_dossier_id(candidate: &str) -> bool {
    candidate.len() == ID_BYTES * 2
        && candidate
            .bytes()
            .all(|byte| byte.is_ascii_digit() || (b'a'..=b'f').contains(&byte))
}
