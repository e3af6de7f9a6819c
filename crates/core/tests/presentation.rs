//! The dossier de présentation: the project in its own words and figures, no score, no
//! verdict, and the budget and funding-plan tables the CSV exports write.

use fabrique_core::dossier::{self, Dossier};
use fabrique_core::evaluation::{CriterionLevel, Section, Verdict};
use fabrique_core::label::Label;
use fabrique_core::presentation::{markdown, presentation, Block};
use fabrique_core::referential::Lang;
use fabrique_core::spreadsheet::{budget_csv, funding_plan_csv, Table};
use fabrique_core::units::Local;

const EXAMPLES: [&str; 4] = [
    "strong-rural-hub",
    "fragile-qpv-digital",
    "ineligible-town-led",
    "manufacture-reemploi",
];

fn load(name: &str) -> Dossier {
    let path = format!("{}/tests/fixtures/{name}.json", env!("CARGO_MANIFEST_DIR"));
    let text = std::fs::read_to_string(&path).expect("fixture readable");
    dossier::from_json(&text).expect("fixture is a valid dossier")
}

fn table<'a>(blocks: impl IntoIterator<Item = &'a Block>, wanted: &str) -> Option<&'a Table> {
    blocks.into_iter().find_map(|b| match b {
        Block::Table { id, table } if *id == wanted => Some(table),
        _ => None,
    })
}

#[test]
fn the_presentation_says_no_score_and_no_verdict() {
    for name in EXAMPLES {
        let dossier = load(name);
        for lang in [Lang::Fr, Lang::En] {
            let text = markdown(&presentation(&dossier, lang), lang).to_lowercase();
            for verdict in Verdict::ALL {
                assert!(!text.contains(verdict.label(lang)), "{name}: {verdict:?}");
            }
            for level in CriterionLevel::ALL {
                assert!(!text.contains(level.label(lang)), "{name}: {level:?}");
            }
            for word in [
                "score",
                "/ 100",
                "verdict",
                "choix de fabrique",
                "fabrique's",
            ] {
                assert!(!text.contains(word), "{name} ({lang:?}) says {word}");
            }
        }
    }
}

#[test]
fn the_presentation_shows_the_budget_s_totals_and_every_funder_s_amount() {
    for name in EXAMPLES {
        let dossier = load(name);
        let figures = fabrique_core::finance::finances(&dossier);
        for lang in [Lang::Fr, Lang::En] {
            let text = markdown(&presentation(&dossier, lang), lang);
            for amount in figures.revenue.iter().chain(&figures.costs) {
                let shown = format!("**{}**", Local(*amount, lang));
                assert!(text.contains(&shown), "{name}: {shown} missing");
            }
            for item in &dossier.investment.items {
                let cost = Local(item.cost, lang).to_string();
                assert!(text.contains(&cost), "{name}: cost {cost} missing");
                for request in &item.funding {
                    let shown = Local(request.amount, lang).to_string();
                    assert!(text.contains(&shown), "{name}: {shown} missing");
                }
            }
        }
    }
}

#[test]
fn the_document_s_tables_are_the_csv_exports_tables() {
    for name in EXAMPLES {
        let dossier = load(name);
        for lang in [Lang::Fr, Lang::En] {
            let document = presentation(&dossier, lang);
            let blocks = document.parts.iter().flat_map(|p| &p.blocks);
            let budget = table(blocks.clone(), "budget").expect("a budget table");
            assert_eq!(budget.csv(lang), budget_csv(&dossier, lang), "{name}");
            match table(blocks, "funding-plan") {
                Some(plan) => {
                    assert_eq!(plan.csv(lang), funding_plan_csv(&dossier, lang), "{name}")
                }
                None => assert!(
                    dossier.investment.items.is_empty(),
                    "{name}: no funding plan"
                ),
            }
        }
    }
}

#[test]
fn the_parts_follow_the_call_and_the_workshop_only_for_a_manufacture() {
    let order = |dossier: &Dossier| -> Vec<Section> {
        presentation(dossier, Lang::Fr)
            .parts
            .iter()
            .map(|p| p.section)
            .collect()
    };
    let fabrique = order(&load("strong-rural-hub"));
    assert_eq!(
        fabrique,
        [
            Section::Identity,
            Section::Governance,
            Section::Partners,
            Section::Need,
            Section::Services,
            Section::EconomicModel,
            Section::Staff,
            Section::Budget,
            Section::Investment,
            Section::Collectivite,
        ]
    );
    let manufacture = order(&load("manufacture-reemploi"));
    assert_eq!(manufacture[5], Section::Production);
}

#[test]
fn an_empty_dossier_says_what_is_not_filled_in() {
    let document = presentation(&Dossier::default(), Lang::Fr);
    for part in &document.parts {
        if part.section == Section::Identity || part.section == Section::Governance {
            // Facts that always have an answer (the call, the region, yes/no questions).
            continue;
        }
        if part.section == Section::Need {
            assert!(part.blocks.contains(&Block::Paragraph(
                "L'offre n'a pas encore été testée.".to_owned()
            )));
            continue;
        }
        assert_eq!(
            part.blocks,
            [Block::Paragraph("Non renseigné.".to_owned())],
            "{:?}",
            part.section
        );
    }
}

#[test]
fn the_holder_s_words_come_first_and_cannot_change_the_document() {
    let mut dossier = load("strong-rural-hub");
    dossier.notes.insert(
        Section::Need,
        "# Titre pirate\n- [lien](https://exemple.fr) | colonne".to_owned(),
    );
    dossier.partners[0].name = "=cmd|' /C calc'!A0".to_owned();
    dossier.partners[0].declared_by_partner = true;
    let document = presentation(&dossier, Lang::Fr);
    let need = document
        .parts
        .iter()
        .find(|p| p.section == Section::Need)
        .expect("the need");
    assert!(matches!(&need.blocks[0], Block::Note(note) if note.starts_with("# Titre pirate")));
    let text = markdown(&document, Lang::Fr);
    // Only the document's own headings start a line with '#'.
    let headings = text.lines().filter(|l| l.starts_with('#')).count();
    let parts = document.parts.len();
    let subheadings = document
        .parts
        .iter()
        .flat_map(|p| &p.blocks)
        .filter(|b| matches!(b, Block::Subheading(_)))
        .count();
    assert_eq!(headings, 1 + parts + subheadings, "{text}");
    assert!(!text.contains("](https://"), "{text}");
    assert!(
        text.contains("(déclaré par le partenaire, non vérifié)"),
        "{text}"
    );
    // In a pipe table, the partner's '|' is escaped: the row keeps its five cells.
    let row = text
        .lines()
        .find(|l| l.contains("calc"))
        .expect("the partner's row");
    assert_eq!(row.matches(" | ").count(), 4, "{row}");
}
