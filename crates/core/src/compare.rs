//! Comparing two dossiers: every answer that differs, by its place in the dossier, with the
//! value on each side. Generic over the dossier's shape, so a new field is compared without
//! anyone remembering to add it here.

use crate::dossier::{self, Dossier};
use serde_json::Value;

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
            keys.sort();
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
