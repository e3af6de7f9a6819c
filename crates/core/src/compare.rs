//! Comparing dossiers: every answer that differs between two, by its place in the dossier,
//! with the value on each side (generic over the dossier's shape, so a new field is
//! compared without anyone remembering to add it here); and several evaluations side by
//! side, criterion by criterion, as one table for the screen and the CSV.

use crate::dossier::{self, Dossier};
use crate::evaluation::{ActionKind, Evaluation};
use crate::label::Label;
use crate::referential::{CriterionId, Lang};
use crate::spreadsheet::{Cell, Row, Table};
use serde_json::Value;

/// Several dossiers' evaluations side by side: a column per dossier; the verdict, the
/// weighted score, each criterion's score (empty where a dossier's label does not have
/// that criterion), the blocking conditions and the funding-plan problems.
pub fn comparison_table(compared: &[(String, Evaluation)], lang: Lang) -> Table {
    let say = |fr: &str, en: &str| match lang {
        Lang::Fr => fr.to_owned(),
        Lang::En => en.to_owned(),
    };
    let mut header = vec![say("Critère", "Criterion")];
    header.extend(compared.iter().map(|(name, _)| name.clone()));
    let row = |label: String, cells: Vec<Cell>| Row {
        total: false,
        cells: std::iter::once(Cell::Text(label)).chain(cells).collect(),
    };
    let each = |cell: &dyn Fn(&Evaluation) -> Cell| compared.iter().map(|(_, e)| cell(e)).collect();
    let mut rows = vec![
        row(
            say("Verdict", "Verdict"),
            each(&|e| Cell::Text(e.verdict.label(lang).to_owned())),
        ),
        row(
            say("Score pondéré", "Weighted score"),
            each(&|e| Cell::Count(i64::from(e.weighted_score))),
        ),
    ];
    let mut criteria: Vec<(CriterionId, String)> = Vec::new();
    for (_, evaluation) in compared {
        for criterion in &evaluation.criteria {
            if !criteria.iter().any(|(id, _)| *id == criterion.id) {
                criteria.push((criterion.id, criterion.label.to_string()));
            }
        }
    }
    for (id, label) in criteria {
        rows.push(row(
            label,
            each(&|e| {
                e.criteria
                    .iter()
                    .find(|c| c.id == id)
                    .map_or(Cell::Empty, |c| Cell::Count(i64::from(c.score)))
            }),
        ));
    }
    let count = |n: usize| Cell::Count(i64::try_from(n).unwrap_or(i64::MAX));
    rows.push(row(
        say("Conditions bloquantes", "Blocking conditions"),
        each(&|e| count(e.blocking.len())),
    ));
    rows.push(row(
        say("Problèmes du plan de financement", "Funding-plan problems"),
        each(&|e| {
            count(
                e.actions
                    .iter()
                    .filter(|a| a.kind == ActionKind::Funding)
                    .count(),
            )
        }),
    ));
    Table { header, rows }
}

/// One answer that differs between two dossiers.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Difference {
    /// Where it is: top-level section, then fields and 1-based positions (`partners › 2 › name`).
    pub path: Vec<String>,
    /// The value in the first dossier, as text (empty when absent).
    pub before: String,
    /// The value in the second dossier.
    pub after: String,
}

fn text(value: Option<&Value>) -> String {
    match value {
        None | Some(Value::Null) => String::new(),
        Some(Value::String(text)) => text.clone(),
        Some(Value::Bool(true)) => "✔".to_owned(),
        Some(Value::Bool(false)) => "✘".to_owned(),
        Some(other) => other.to_string(),
    }
}

fn walk(
    path: &mut Vec<String>,
    before: Option<&Value>,
    after: Option<&Value>,
    out: &mut Vec<Difference>,
) {
    match (before, after) {
        (Some(Value::Object(a)), Some(Value::Object(b))) => {
            let mut keys: Vec<&String> = a.keys().chain(b.keys()).collect();
            keys.sort_unstable();
            keys.dedup();
            for key in keys {
                path.push(key.clone());
                walk(path, a.get(key), b.get(key), out);
                path.pop();
            }
        }
        (Some(Value::Array(a)), Some(Value::Array(b)))
            if a.iter().chain(b).any(|v| v.is_object() || v.is_array()) =>
        {
            for index in 0..a.len().max(b.len()) {
                path.push((index + 1).to_string());
                walk(path, a.get(index), b.get(index), out);
                path.pop();
            }
        }
        (Some(Value::Object(a)), None) => {
            for (key, value) in a {
                path.push(key.clone());
                walk(path, Some(value), None, out);
                path.pop();
            }
        }
        (None, Some(Value::Object(b))) => {
            for (key, value) in b {
                path.push(key.clone());
                walk(path, None, Some(value), out);
                path.pop();
            }
        }
        (a, b) if a != b => {
            let join = |value: Option<&Value>| match value {
                Some(Value::Array(items)) => items
                    .iter()
                    .map(|item| text(Some(item)))
                    .collect::<Vec<_>>()
                    .join(", "),
                other => text(other),
            };
            let (before, after) = (join(a), join(b));
            if before != after {
                out.push(Difference {
                    path: path.clone(),
                    before,
                    after,
                });
            }
        }
        _ => {}
    }
}

/// Every answer that differs from `before` to `after`, in the dossier's order of sections.
pub fn differences(before: &Dossier, after: &Dossier) -> Vec<Difference> {
    let as_value =
        |d: &Dossier| serde_json::from_str::<Value>(&dossier::to_json(d)).unwrap_or(Value::Null);
    let (a, b) = (as_value(before), as_value(after));
    let mut out = Vec::new();
    walk(&mut Vec::new(), Some(&a), Some(&b), &mut out);
    // The schema version and the reviews received are not answers of the dossier.
    out.retain(|difference| {
        difference
            .path
            .first()
            .is_none_or(|top| top != "schema_version" && top != "reviews")
    });
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn evaluations_side_by_side_by_criterion_even_across_labels() {
        use crate::evaluation::evaluate;
        use crate::referential::Referential;
        let fabrique = Dossier {
            name: "Fabrique".to_owned(),
            ..Dossier::default()
        };
        let mut manufacture = fabrique.clone();
        manufacture.name = "Manufacture".to_owned();
        manufacture.call = crate::calls::CallId::ManufactureProximite;
        let compared: Vec<(String, Evaluation)> = [&fabrique, &manufacture]
            .iter()
            .map(|d| {
                let e = evaluate(d, Referential::builtin(d.variant()), Lang::Fr);
                (d.name.clone(), e)
            })
            .collect();
        let table = comparison_table(&compared, Lang::Fr);
        assert_eq!(table.header, ["Critère", "Fabrique", "Manufacture"]);
        // Two rows, then six criteria of each label, then the two counts.
        assert_eq!(table.rows.len(), 2 + 12 + 2);
        let gouvernance = &table.rows[2];
        assert_eq!(gouvernance.cells[0], Cell::Text("Gouvernance".to_owned()));
        assert!(matches!(gouvernance.cells[1], Cell::Count(_)));
        assert_eq!(gouvernance.cells[2], Cell::Empty);
        let csv = table.csv(Lang::Fr);
        assert!(csv.contains("Score pondéré;"), "{csv}");
    }
    use crate::dossier::{Partner, PartnerCategory};

    #[test]
    fn the_same_dossier_has_no_difference() {
        let dossier = Dossier {
            name: "Le Moulin".to_owned(),
            ..Dossier::default()
        };
        assert_eq!(differences(&dossier, &dossier.clone()), vec![]);
    }

    #[test]
    fn changed_added_and_removed_answers_are_each_named() {
        let before = Dossier {
            name: "Le Moulin".to_owned(),
            partners: vec![Partner {
                name: "Mairie".to_owned(),
                category: PartnerCategory::Collectivite,
                ..Partner::default()
            }],
            ..Dossier::default()
        };
        let mut after = before.clone();
        after.name = "Le Moulin partagé".to_owned();
        after.partners[0].letter_of_support = true;
        after.partners.push(Partner {
            name: "Scierie".to_owned(),
            ..Partner::default()
        });
        after.need.networks = vec!["Réseau régional".to_owned()];
        let found: Vec<(String, String, String)> = differences(&before, &after)
            .into_iter()
            .map(|d| (d.path.join(" › "), d.before, d.after))
            .collect();
        assert!(
            found.contains(&(
                "name".into(),
                "Le Moulin".into(),
                "Le Moulin partagé".into()
            )),
            "{found:?}"
        );
        assert!(
            found.contains(&(
                "partners › 1 › letter_of_support".into(),
                "✘".into(),
                "✔".into()
            )),
            "{found:?}"
        );
        assert!(
            found.contains(&(
                "partners › 2 › name".into(),
                String::new(),
                "Scierie".into()
            )),
            "{found:?}"
        );
        assert!(
            found.contains(&(
                "need › networks".into(),
                String::new(),
                "Réseau régional".into()
            )),
            "{found:?}"
        );
    }
}
