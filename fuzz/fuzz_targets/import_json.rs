//! Any file handed to the import gives dossiers or a typed error, never a panic; every
//! dossier it accepts evaluates and renders in every report without a panic.
#![no_main]

use fabrique_core::referential::{Lang, Referential};
use fabrique_core::{evaluation, report, spreadsheet};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|text: &str| {
    let mut dossiers = fabrique_core::exchange::import_json(text).unwrap_or_default();
    dossiers.extend(fabrique_core::dossier::from_json(text));
    for dossier in &dossiers {
        let referential = Referential::builtin(dossier.variant());
        for lang in [Lang::Fr, Lang::En] {
            let evaluation = evaluation::evaluate(dossier, referential, lang);
            let _ = report::text(dossier, &evaluation, referential, lang);
            let _ = report::markdown(dossier, &evaluation, referential, lang);
            let _ = spreadsheet::budget_csv(dossier, lang);
            let _ = spreadsheet::funding_plan_csv(dossier, lang);
        }
    }
});
