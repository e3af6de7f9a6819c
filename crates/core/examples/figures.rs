//! The native figures `make bench` reports beside the browser's: for each example dossier,
//! its share link's length beside the obvious alternative (JSON, DEFLATE, base64url), and
//! the dossier as the app stores it today (current schema), which the browser benchmark
//! seeds its list of 200 dossiers with; the link itself, which Lighthouse opens as a received
//! link. Prints one JSON document on stdout.
//!
//! `cargo run --release -p fabrique-core --example figures`

use base64::Engine as _;
use fabrique_core::dossier;
use fabrique_core::link::{self, Snapshot};
use std::collections::BTreeMap;

const EXAMPLES: [&str; 3] = [
    "strong-rural-hub",
    "fragile-qpv-digital",
    "ineligible-town-led",
];

fn main() {
    let mut rows = Vec::new();
    let mut stored = Vec::new();
    for name in EXAMPLES {
        let path = format!("{}/tests/fixtures/{name}.json", env!("CARGO_MANIFEST_DIR"));
        let dossier = match std::fs::read_to_string(&path).map(|text| dossier::from_json(&text)) {
            Ok(Ok(dossier)) => dossier,
            other => {
                eprintln!("{path}: not a readable dossier ({other:?})");
                std::process::exit(1);
            }
        };
        let json = dossier::to_json(&dossier);
        stored.push(serde_json::from_str::<serde_json::Value>(&json).unwrap_or_default());
        let compressed = miniz_oxide::deflate::compress_to_vec(json.as_bytes(), 10);
        let baseline = base64::engine::general_purpose::URL_SAFE_NO_PAD
            .encode(compressed)
            .len();
        let token = link::encode(&Snapshot {
            dossier,
            weights: BTreeMap::new(),
            referential_version: 1,
            saved_at_ms: 1_764_400_000_000,
        })
        .unwrap_or_default();
        rows.push(serde_json::json!({
            "example": name,
            "link_chars": token.len(),
            "json_deflate_base64_chars": baseline,
            "json_bytes": json.len(),
            "fragment": token,
        }));
    }
    println!(
        "{}",
        serde_json::json!({ "links": rows, "stored_dossiers": stored })
    );
}
