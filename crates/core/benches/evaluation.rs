//! The cost of one full evaluation, on each example dossier: what the app pays on every
//! keystroke. Goal: a median of at most 20 µs (checked by `make bench`, never by tests).

use criterion::{criterion_group, criterion_main, Criterion};
use fabrique_core::dossier;
use fabrique_core::evaluation::evaluate;
use fabrique_core::referential::{Lang, Referential};
use std::hint::black_box;

fn full_evaluation(c: &mut Criterion) {
    for name in [
        "strong-rural-hub",
        "fragile-qpv-digital",
        "ineligible-town-led",
    ] {
        let path = format!("{}/tests/fixtures/{name}.json", env!("CARGO_MANIFEST_DIR"));
        let Ok(text) = std::fs::read_to_string(&path) else {
            eprintln!("skipping {name}: {path} is unreadable");
            continue;
        };
        let Ok(dossier) = dossier::from_json(&text) else {
            eprintln!("skipping {name}: not a dossier");
            continue;
        };
        let referential = Referential::builtin(dossier.variant());
        c.bench_function(&format!("evaluate/{name}"), |b| {
            b.iter(|| evaluate(black_box(&dossier), black_box(referential), Lang::Fr))
        });
    }
}

criterion_group!(benches, full_evaluation);
criterion_main!(benches);
