//! Dossier identifiers: 16 lowercase hex characters (64 random bits), made once and parsed
//! wherever one comes in (the address bar, the stored index), so that no other text ever
//! names a storage key.

use std::fmt;

/// How many random bytes an identifier carries: 64 bits make a collision among a person's
/// dossiers vanishingly unlikely while keeping `?dossier=…` addresses short.
pub const ID_BYTES: usize = 8;

/// The identifier of a dossier kept in this browser.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct DossierId(String);

impl DossierId {
    /// The identifier these random bytes make.
    pub fn from_random(bytes: [u8; ID_BYTES]) -> DossierId {
        DossierId(bytes.iter().map(|byte| format!("{byte:02x}")).collect())
    }

    /// The identifier a text names, if it has the shape of one.
    pub fn parse(candidate: &str) -> Option<DossierId> {
        let valid = candidate.len() == ID_BYTES * 2
            && candidate
                .bytes()
                .all(|byte| byte.is_ascii_digit() || (b'a'..=b'f').contains(&byte));
        valid.then(|| DossierId(candidate.to_owned()))
    }

    /// The identifier as text.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for DossierId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn random_bytes_make_an_identifier_that_parses_back() {
        for bytes in [
            [0; ID_BYTES],
            [255; ID_BYTES],
            [0, 1, 2, 3, 0xab, 0xcd, 0xef, 0x10],
        ] {
            let id = DossierId::from_random(bytes);
            assert_eq!(id.as_str().len(), 16);
            assert_eq!(DossierId::parse(id.as_str()), Some(id));
        }
    }

    #[test]
    fn anything_else_is_not_an_identifier() {
        for text in [
            "",
            "0123456789abcde",
            "0123456789abcdef0",
            "0123456789ABCDEF",
            "../../etc/passwd",
            "0123456789abcdeg",
            "0123456789abcdé",
        ] {
            assert_eq!(DossierId::parse(text), None, "{text}");
        }
    }
}
