//! What every fuzz target does with a dossier it was given: evaluate it and render every
//! report (text, Markdown, both CSV files, the dossier de présentation) in both languages.
//! A panic anywhere is a crash.

use fabrique_core::dossier::Dossier;
use fabrique_core::referential::{Lang, Referential};
use fabrique_core::{evaluation, presentation, report, spreadsheet};

pub fn everything(dossier: &Dossier, referential: &Referential) {
    for lang in [Lang::Fr, Lang::En] {
        let evaluation = evaluation::evaluate(dossier, referential, lang);
        let _ = report::text(dossier, &evaluation, referential, lang);
        let _ = report::markdown(dossier, &evaluation, referential, lang);
        let _ = spreadsheet::budget_csv(dossier, lang);
        let _ = spreadsheet::funding_plan_csv(dossier, lang);
        let _ = presentation::markdown(&presentation::presentation(dossier, lang), lang);
    }
}
