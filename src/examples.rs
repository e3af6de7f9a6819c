//! The example dossiers a first-time visitor can open and explore: the same four the
//! core's tests evaluate, so the app and `fabrique eval` always agree on them.

use crate::i18n::tr;
use fabrique_core::dossier::{self, Dossier};

/// The examples, by a short description and their JSON text.
pub fn examples() -> [(&'static str, &'static str); 4] {
    [
        (
            tr(
                "Tiers-lieu rural solide (La Grange numérique)",
                "Strong rural hub (La Grange numérique)",
            ),
            include_str!("../crates/core/tests/fixtures/strong-rural-hub.json"),
        ),
        (
            tr(
                "Projet numérique fragile en QPV",
                "Fragile digital project in a QPV",
            ),
            include_str!("../crates/core/tests/fixtures/fragile-qpv-digital.json"),
        ),
        (
            tr(
                "Projet municipal non éligible",
                "Ineligible town-led project",
            ),
            include_str!("../crates/core/tests/fixtures/ineligible-town-led.json"),
        ),
        (
            tr(
                "Manufacture de proximité prête (L'Atelier du Réemploi)",
                "Ready Manufacture de proximité (L'Atelier du Réemploi)",
            ),
            include_str!("../crates/core/tests/fixtures/manufacture-reemploi.json"),
        ),
    ]
}

/// The example at `index`, read like any imported dossier.
pub fn example(index: usize) -> Option<Dossier> {
    let (_, text) = examples().get(index).copied()?;
    dossier::from_json(text).ok()
}
