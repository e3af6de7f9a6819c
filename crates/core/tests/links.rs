//! Snapshot links: golden vectors that must decode forever, the round trip over generated
//! dossiers, and the links' length against compressed JSON.

use base64::Engine as _;
use fabrique_core::dossier::{self, Dossier};
use fabrique_core::link::{self, Snapshot};
use std::collections::BTreeMap;
use std::path::PathBuf;

fn fixtures() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures")
}

fn example(name: &str) -> Dossier {
    let text = std::fs::read_to_string(fixtures().join(format!("{name}.json"))).expect("fixture");
    dossier::from_json(&text).expect("valid dossier")
}

fn snapshot_of(dossier: Dossier) -> Snapshot {
    Snapshot {
        dossier,
        weights: BTreeMap::new(),
        referential_version: 1,
        saved_at_ms: 1_764_400_000_000,
    }
}

/// JSON, raw DEFLATE at the strongest level, base64url: the obvious way to put a dossier
/// in a link, which ours must beat.
fn json_deflate_base64_length(dossier: &Dossier) -> usize {
    let json = dossier::to_json(dossier);
    let compressed = miniz_oxide::deflate::compress_to_vec(json.as_bytes(), 10);
    base64::engine::general_purpose::URL_SAFE_NO_PAD
        .encode(compressed)
        .len()
}

pub const EXAMPLES: [&str; 3] = [
    "strong-rural-hub",
    "fragile-qpv-digital",
    "ineligible-town-led",
];

#[test]
fn example_links_are_shorter_than_compressed_json() {
    for name in EXAMPLES {
        let dossier = example(name);
        let baseline = json_deflate_base64_length(&dossier);
        let token = link::encode(&snapshot_of(dossier));
        println!(
            "{name}: link token {} characters, JSON+deflate+base64url {baseline}",
            token.len()
        );
        assert!(
            token.len() * 100 <= baseline * 65,
            "{name}: {} vs {baseline}",
            token.len()
        );
        assert!(token.len() <= 1_800, "{name}: {}", token.len());
    }
}

/// The golden vectors: for each link version, links and the snapshot each decodes to. They
/// are written once, when a link version is created (`FABRIQUE_WRITE_GOLDEN=1 cargo test`),
/// and never changed after: old links must open forever.
fn golden_dir() -> PathBuf {
    fixtures().join("links")
}

#[test]
fn golden_vectors_decode_to_their_snapshot_and_encode_unchanged() {
    if std::env::var_os("FABRIQUE_WRITE_GOLDEN").is_some() {
        std::fs::create_dir_all(golden_dir()).expect("folder");
        for name in EXAMPLES {
            let snapshot = snapshot_of(example(name));
            let stem = format!("v{}-{name}", link::LINK_VERSION);
            std::fs::write(
                golden_dir().join(format!("{stem}.link")),
                link::encode(&snapshot),
            )
            .expect("written");
            let json = serde_json::to_string_pretty(&snapshot).expect("serializes");
            std::fs::write(golden_dir().join(format!("{stem}.json")), json + "\n")
                .expect("written");
        }
    }
    let mut checked = 0;
    for entry in std::fs::read_dir(golden_dir()).expect("golden vectors") {
        let path = entry.expect("entry").path();
        if path.extension().and_then(|e| e.to_str()) != Some("link") {
            continue;
        }
        let token = std::fs::read_to_string(&path)
            .expect("link")
            .trim()
            .to_owned();
        let expected: Snapshot = serde_json::from_str(
            &std::fs::read_to_string(path.with_extension("json")).expect("json"),
        )
        .expect("snapshot");
        assert_eq!(
            link::decode(&token).as_ref(),
            Ok(&expected),
            "{} no longer decodes",
            path.display()
        );
        // The current version must still write exactly this link: a change of encoding
        // needs a new link version (and new vectors beside these).
        if token.starts_with(&format!("d{}-", link::LINK_VERSION)) {
            assert_eq!(
                link::encode(&expected),
                token,
                "{}: encoding changed without a version bump",
                path.display()
            );
        }
        checked += 1;
    }
    assert!(checked >= EXAMPLES.len(), "only {checked} golden vectors");
}
