//! The example dossiers a first-time visitor can open and explore: the same four the
//! core's tests evaluate, so the app and `fabrique eval` always agree on them.

use crate::i18n::tr;
use fabrique_core::dossier::{self, Dossier};

/// The examples' short descriptions (French, English), in the order of [`TEXTS`]. Apart
/// from the texts, so that the home bundle (#20), which lists the examples and leaves
/// opening one to the whole app, carries the names only.
const NAMES: [(&str, &str); 4] = [
    (
        "Tiers-lieu rural solide (La Grange numérique)",
        "Strong rural hub (La Grange numérique)",
    ),
    (
        "Projet numérique fragile en QPV",
        "Fragile digital project in a QPV",
    ),
    (
        "Projet municipal non éligible",
        "Ineligible town-led project",
    ),
    (
        "Manufacture de proximité prête (L'Atelier du Réemploi)",
        "Ready Manufacture de proximité (L'Atelier du Réemploi)",
    ),
];

/// The examples' JSON texts, in the order of [`NAMES`].
const TEXTS: [&str; 4] = [
    include_str!("../crates/core/tests/fixtures/strong-rural-hub.json"),
    include_str!("../crates/core/tests/fixtures/fragile-qpv-digital.json"),
    include_str!("../crates/core/tests/fixtures/ineligible-town-led.json"),
    include_str!("../crates/core/tests/fixtures/manufacture-reemploi.json"),
];

/// The examples' short descriptions, in the current language.
pub fn example_names() -> [&'static str; 4] {
    NAMES.map(|(fr, en)| tr(fr, en))
}

/// The example at `index`, read like any imported dossier.
pub fn example(index: usize) -> Option<Dossier> {
    dossier::from_json(TEXTS.get(index)?).ok()
}
