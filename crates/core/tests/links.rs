//! Snapshot links: golden vectors that must decode forever, the round trip over generated
//! dossiers, and the links' length against compressed JSON.

use base64::Engine as _;
use fabrique_core::dossier::{self, Dossier, PartnerCategory};
use fabrique_core::evaluation::Section;
use fabrique_core::link::{self, Snapshot};
use fabrique_core::review;
use fabrique_core::units::Cents;
use std::collections::BTreeMap;
use std::path::PathBuf;

fn fixtures() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures")
}

fn example(name: &str) -> Dossier {
    let text = std::fs::read_to_string(fixtures().join(format!("{name}.json"))).expect("fixture");
    dossier::from_json(&text).expect("valid dossier")
}

/// An example with notes on two sections, written as schema 5 kept them (by the section's
/// address slug) and read as the app reads any stored dossier: the golden vectors from link
/// version 4 on carry notes.
fn with_notes() -> Dossier {
    let text = std::fs::read_to_string(fixtures().join("strong-rural-hub.json")).expect("fixture");
    let mut value: serde_json::Value = serde_json::from_str(&text).expect("json");
    value["schema_version"] = 5.into();
    value["notes"] = serde_json::json!({
        "identite": "Rencontre avec la sous-préfète le 3 mars.",
        "budget": "Loyer « à confirmer » ; chiffres de 2025.",
    });
    dossier::from_json(&value.to_string()).expect("valid dossier")
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

pub const EXAMPLES: [&str; 4] = [
    "strong-rural-hub",
    "fragile-qpv-digital",
    "ineligible-town-led",
    "manufacture-reemploi",
];

#[test]
fn example_links_are_shorter_than_compressed_json() {
    for name in EXAMPLES {
        let dossier = example(name);
        let baseline = json_deflate_base64_length(&dossier);
        let token = link::encode(&snapshot_of(dossier)).expect("link");
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
        let cases = EXAMPLES
            .iter()
            .map(|name| (*name, example(name)))
            .chain([("with-notes", with_notes())]);
        for (name, dossier) in cases {
            let snapshot = snapshot_of(dossier);
            let stem = format!("v{}-{name}", link::LINK_VERSION);
            std::fs::write(
                golden_dir().join(format!("{stem}.link")),
                link::encode(&snapshot).expect("link"),
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
        let mut expected: serde_json::Value = serde_json::from_str(
            &std::fs::read_to_string(path.with_extension("json")).expect("json"),
        )
        .expect("snapshot");
        // An old vector's dossier is in its own schema version: read it as the app reads
        // any stored dossier, migrated to the current one.
        let dossier = dossier::from_json(&expected["dossier"].to_string()).expect("dossier");
        expected["dossier"] = serde_json::to_value(&dossier).expect("serializes");
        let expected: Snapshot = serde_json::from_value(expected).expect("snapshot");
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
                link::encode(&expected).as_ref(),
                Ok(&token),
                "{}: encoding changed without a version bump",
                path.display()
            );
        }
        checked += 1;
    }
    assert!(checked >= EXAMPLES.len(), "only {checked} golden vectors");
}

/// A reply made by the current version, from a partner's review of an example.
fn example_review() -> review::Review {
    let dossier = example("fragile-qpv-digital");
    review::Review {
        answers: review::fingerprint(&dossier),
        dossier_name: dossier.name.clone(),
        organisation: "Mairie de Saint-Martin".to_owned(),
        person: "Claire Martin, adjointe".to_owned(),
        category: PartnerCategory::Collectivite,
        comments: BTreeMap::from([
            (
                Section::Partners,
                "Nous signerons la lettre en conseil municipal.".to_owned(),
            ),
            (
                Section::Budget,
                "Le loyer de l'année 4 nous paraît bas.".to_owned(),
            ),
        ]),
        commitment: review::Commitment {
            letter_of_support: true,
            in_kind: true,
            financial_amount: Some(Cents(1_500_000)),
            governance_seat: true,
        },
        written_at_ms: 1_764_400_000_000,
    }
}

/// The reply links' golden vectors, like the snapshot links': written once per reply
/// version, decoded forever.
#[test]
fn golden_replies_decode_to_their_review_and_encode_unchanged() {
    let stem = format!("r{}-example", review::REPLY_VERSION);
    if std::env::var_os("FABRIQUE_WRITE_GOLDEN").is_some() {
        let example = example_review();
        std::fs::write(
            golden_dir().join(format!("{stem}.reply")),
            review::encode(&example).expect("reply"),
        )
        .expect("written");
        let json = serde_json::to_string_pretty(&example).expect("serializes");
        std::fs::write(golden_dir().join(format!("{stem}.json")), json + "\n").expect("written");
    }
    let mut checked = 0;
    for entry in std::fs::read_dir(golden_dir()).expect("golden vectors") {
        let path = entry.expect("entry").path();
        if path.extension().and_then(|e| e.to_str()) != Some("reply") {
            continue;
        }
        let token = std::fs::read_to_string(&path)
            .expect("reply")
            .trim()
            .to_owned();
        let expected: review::Review = serde_json::from_str(
            &std::fs::read_to_string(path.with_extension("json")).expect("json"),
        )
        .expect("review");
        assert_eq!(
            review::decode(&token).as_ref(),
            Ok(&expected),
            "{} no longer decodes",
            path.display()
        );
        if token.starts_with(&format!("r{}-", review::REPLY_VERSION)) {
            assert_eq!(
                review::encode(&expected).as_ref(),
                Ok(&token),
                "{}",
                path.display()
            );
        }
        checked += 1;
    }
    assert!(checked >= 1, "no golden reply");
    // The example still answers the current example dossier: its fingerprint is stable.
    assert_eq!(
        example_review().answers,
        review::fingerprint(&example("fragile-qpv-digital"))
    );
}

#[test]
fn a_reply_is_short_enough_for_a_mail() {
    let token = review::encode(&example_review()).expect("reply");
    println!("reply token: {} characters", token.len());
    assert!(token.len() < 600, "{}", token.len());
}

/// Links made before dossiers named their call answer the 2019–2021 AMI, in the variant
/// they carried, with every other answer kept.
#[test]
fn a_version_4_link_keeps_its_notes_under_their_sections() {
    let token = std::fs::read_to_string(golden_dir().join("v4-with-notes.link")).expect("link");
    let snapshot = link::decode(token.trim()).expect("decodes");
    assert_eq!(
        snapshot
            .dossier
            .notes
            .get(&Section::Identity)
            .map(String::as_str),
        Some("Rencontre avec la sous-préfète le 3 mars.")
    );
    assert_eq!(
        snapshot
            .dossier
            .notes
            .get(&Section::Budget)
            .map(String::as_str),
        Some("Loyer « à confirmer » ; chiffres de 2025.")
    );
    assert_eq!(snapshot.dossier.notes.len(), 2);
    // Shared again, it is a link of the current version that reads back the same.
    let again = link::encode(&snapshot).expect("link");
    assert!(again.starts_with(&format!("d{}-", link::LINK_VERSION)));
    assert_eq!(link::decode(&again), Ok(snapshot));
}

#[test]
fn a_note_without_text_is_kept_nowhere() {
    let mut emptied = with_notes();
    emptied.notes.insert(Section::Staff, String::new());
    let json = dossier::to_json(&emptied);
    let written: serde_json::Value = serde_json::from_str(&json).expect("json");
    assert_eq!(
        written["notes"],
        serde_json::json!({
            "identity": "Rencontre avec la sous-préfète le 3 mars.",
            "budget": "Loyer « à confirmer » ; chiffres de 2025.",
        })
    );
    assert_eq!(
        dossier::from_json(&json).map(|d| d.notes),
        Ok(with_notes().notes)
    );
    let back =
        link::decode(&link::encode(&snapshot_of(emptied.clone())).expect("link")).expect("decodes");
    assert_eq!(back.dossier.notes, with_notes().notes);
    assert_eq!(
        review::fingerprint(&emptied),
        review::fingerprint(&with_notes())
    );
}

#[test]
fn older_links_answer_the_2019_call() {
    use fabrique_core::calls::CallId;
    for (name, call) in [
        ("strong-rural-hub", CallId::Ami2019),
        ("fragile-qpv-digital", CallId::Ami2019Numerique),
        ("ineligible-town-led", CallId::Ami2019),
    ] {
        for version in [1, 2] {
            let path = golden_dir().join(format!("v{version}-{name}.link"));
            let token = std::fs::read_to_string(&path).expect("link");
            let snapshot = link::decode(token.trim()).expect("decodes");
            assert_eq!(snapshot.dossier.call, call, "{}", path.display());
            assert_eq!(
                snapshot.dossier.schema_version,
                dossier::SCHEMA_VERSION,
                "{}",
                path.display()
            );
            // The example as version 3 froze it (schema 4), read as any stored dossier is:
            // it answers its own call; everything else is what the old link carried.
            let frozen: serde_json::Value = serde_json::from_str(
                &std::fs::read_to_string(golden_dir().join(format!("v3-{name}.json")))
                    .expect("json"),
            )
            .expect("snapshot");
            let mut current = dossier::from_json(&frozen["dossier"].to_string()).expect("dossier");
            current.call = call;
            current.identity.sous_prefecture_without_fabrique = None;
            assert_eq!(snapshot.dossier, current, "{}", path.display());
        }
    }
}

/// A small deterministic generator (xorshift64*): the same changes at every run.
struct Changes(u64);

impl Changes {
    fn next(&mut self, below: usize) -> usize {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        (self.0.wrapping_mul(0x2545_f491_4f6c_dd1d) >> 33) as usize % below
    }
}

/// The promise of the checksum: for each golden link of the current version, 100,000
/// random single-character changes (any payload character replaced by another one of the
/// alphabet) never open as another dossier. The few that open are the very same snapshot
/// (a change in the spare bits of the last character, which carries no data).
#[test]
fn no_single_character_change_of_a_golden_link_opens_another_dossier() {
    const ALPHABET: &[u8] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
    let prefix = format!("d{}-", link::LINK_VERSION);
    let mut links = 0;
    for entry in std::fs::read_dir(golden_dir()).expect("golden vectors") {
        let path = entry.expect("entry").path();
        let token = std::fs::read_to_string(&path).unwrap_or_default();
        let token = token.trim();
        if !token.starts_with(&prefix) {
            continue;
        }
        links += 1;
        let original = link::decode(token).expect("the golden link opens");
        let mut changes = Changes(0x9e37_79b9_7f4a_7c15 ^ token.len() as u64);
        let mut bytes = token.as_bytes().to_vec();
        let (mut refused, mut same) = (0, 0);
        for _ in 0..100_000 {
            let at = prefix.len() + changes.next(token.len() - prefix.len());
            let old = bytes[at];
            let mut new = ALPHABET[changes.next(ALPHABET.len())];
            while new == old {
                new = ALPHABET[changes.next(ALPHABET.len())];
            }
            bytes[at] = new;
            let damaged = std::str::from_utf8(&bytes).expect("ascii");
            match link::decode(damaged) {
                Ok(decoded) => {
                    assert_eq!(decoded, original, "{}: {damaged}", path.display());
                    same += 1;
                }
                Err(_) => refused += 1,
            }
            bytes[at] = old;
        }
        println!(
            "{}: {refused} changes refused, {same} opened as the same snapshot",
            path.display()
        );
    }
    assert!(
        links >= EXAMPLES.len(),
        "only {links} golden links of the current version"
    );
}
