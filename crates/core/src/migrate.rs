//! Schema migrations: plain functions from one stored shape of the dossier to the next,
//! applied in order on the JSON value before it is read. A dossier is never read in a shape
//! this version does not know: older ones are migrated, newer ones refused.

use crate::dossier::{ReadError, SCHEMA_VERSION};
use serde_json::{Map, Value};

/// What a version-1 dossier whose animation was "confié à une personne identifiée" says in
/// version 2, where the animator is a name the holder has yet to give.
pub const MIGRATED_ANIMATOR: &str = "Personne désignée (nom à préciser)";

/// Brings a stored dossier to [`SCHEMA_VERSION`], one version at a time.
pub fn to_current(mut value: Value) -> Result<Value, ReadError> {
    let Some(object) = value.as_object_mut() else {
        return Err(ReadError::Invalid("a dossier is a JSON object".to_owned()));
    };
    let version = match object.get("schema_version") {
        Some(Value::Number(number)) => number
            .as_u64()
            .and_then(|version| u32::try_from(version).ok())
            .ok_or_else(|| ReadError::Invalid(format!("schema_version {number}")))?,
        Some(other) => return Err(ReadError::Invalid(format!("schema_version {other}"))),
        None => return Err(ReadError::Invalid("no schema_version".to_owned())),
    };
    if version > SCHEMA_VERSION {
        return Err(ReadError::FutureVersion(version));
    }
    if version == 0 {
        return Err(ReadError::Invalid("schema_version 0".to_owned()));
    }
    if version < 2 {
        v1_to_v2(object)?;
    }
    // Version 3 only added fields that start empty (reviews, partners' own declarations):
    // serde's defaults are the migration.
    if version < 4 {
        v3_to_v4(object)?;
    }
    if version < 5 {
        v4_to_v5(object)?;
    }
    // Version 6 keys section notes by the section's stored name; the notes' reader also
    // reads version 5's address slugs (`dossier::notes_by_section`).
    object.insert("schema_version".to_owned(), Value::from(SCHEMA_VERSION));
    Ok(value)
}

/// Version 2 names the animator instead of answering yes or no.
fn v1_to_v2(dossier: &mut Map<String, Value>) -> Result<(), ReadError> {
    let Some(governance) = dossier.get_mut("governance") else {
        return Ok(());
    };
    let Some(governance) = governance.as_object_mut() else {
        return Err(ReadError::Invalid("governance is not an object".to_owned()));
    };
    let had_animator = match governance.remove("has_named_animator") {
        None => false,
        Some(Value::Bool(answer)) => answer,
        Some(other) => {
            return Err(ReadError::Invalid(format!(
                "has_named_animator is not a yes/no answer: {other}"
            )))
        }
    };
    let animator = if had_animator { MIGRATED_ANIMATOR } else { "" };
    governance.insert("animator".to_owned(), Value::from(animator));
    Ok(())
}

/// Version 4 records the call the dossier answers instead of the label: a dossier written
/// before answers the only call Fabrique knew, the 2019–2021 AMI, in the variant it chose.
/// Every other new field starts empty (serde's defaults).
fn v3_to_v4(dossier: &mut Map<String, Value>) -> Result<(), ReadError> {
    let call = match dossier.remove("variant") {
        None => "ami2019",
        Some(Value::String(variant)) => match variant.as_str() {
            "fabrique_de_territoire" => "ami2019",
            "fabrique_numerique" => "ami2019_numerique",
            other => return Err(ReadError::Invalid(format!("unknown variant {other:?}"))),
        },
        Some(other) => return Err(ReadError::Invalid(format!("variant {other}"))),
    };
    dossier.insert("call".to_owned(), Value::from(call));
    Ok(())
}

/// Version 5 lets a post have several funders, each with the state of its commitment: a
/// year's single funder becomes a list of one, granted when it was "secured", planned
/// otherwise. Whether it was the call's grant is not known, so it is not assumed. Every
/// other new field starts empty.
fn v4_to_v5(dossier: &mut Map<String, Value>) -> Result<(), ReadError> {
    let Some(staff) = dossier.get_mut("staff") else {
        return Ok(());
    };
    let Some(staff) = staff.as_array_mut() else {
        return Err(ReadError::Invalid("staff is not a list".to_owned()));
    };
    for position in staff {
        let Some(years) = position.get_mut("years") else {
            continue;
        };
        let Some(years) = years.as_array_mut() else {
            return Err(ReadError::Invalid(
                "a position's years are not a list".to_owned(),
            ));
        };
        for year in years {
            let Some(year) = year.as_object_mut() else {
                return Err(ReadError::Invalid(
                    "a position's year is not an object".to_owned(),
                ));
            };
            let funder = match year.remove("funded_by") {
                None => String::new(),
                Some(Value::String(funder)) => funder,
                Some(other) => return Err(ReadError::Invalid(format!("funded_by {other}"))),
            };
            let secured = match year.remove("secured") {
                None => false,
                Some(Value::Bool(secured)) => secured,
                Some(other) => return Err(ReadError::Invalid(format!("secured {other}"))),
            };
            let funders = if funder.trim().is_empty() {
                Vec::new()
            } else {
                let status = if secured { "granted" } else { "planned" };
                vec![serde_json::json!({"funder": funder, "from_call": false, "status": status})]
            };
            year.insert("funders".to_owned(), Value::from(funders));
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use crate::dossier::{from_json, FundingStatus, ReadError, SCHEMA_VERSION};

    #[test]
    fn a_version_1_dossier_keeps_every_answer() {
        let v1 = r#"{"schema_version":1,"name":"Le Moulin","governance":{
            "has_statutes_or_charter":true,"decision_body_meetings_per_year":3,
            "users_take_part_in_decisions":true,"has_named_animator":true}}"#;
        let dossier = from_json(v1).expect("migrated");
        assert_eq!(dossier.schema_version, SCHEMA_VERSION);
        assert_eq!(dossier.name, "Le Moulin");
        assert!(dossier.governance.has_statutes_or_charter);
        assert_eq!(dossier.governance.decision_body_meetings_per_year, 3);
        assert!(dossier.governance.users_take_part_in_decisions);
        assert_eq!(dossier.governance.animator, super::MIGRATED_ANIMATOR);
    }

    #[test]
    fn a_version_1_dossier_without_animator_gets_an_empty_one() {
        let v1 = r#"{"schema_version":1,"governance":{"has_named_animator":false}}"#;
        assert_eq!(from_json(v1).expect("migrated").governance.animator, "");
    }

    #[test]
    fn a_damaged_version_1_answer_is_refused_not_guessed() {
        let v1 = r#"{"schema_version":1,"governance":{"has_named_animator":"oui"}}"#;
        assert!(matches!(from_json(v1), Err(ReadError::Invalid(_))));
    }

    #[test]
    fn a_version_2_dossier_reads_with_no_review_and_nothing_declared() {
        let v2 = r#"{"schema_version":2,"name":"Le Moulin","partners":[{"name":"Mairie","letter_of_support":true}]}"#;
        let dossier = from_json(v2).expect("migrated");
        assert_eq!(dossier.schema_version, SCHEMA_VERSION);
        assert!(dossier.reviews.is_empty());
        assert!(dossier.partners[0].letter_of_support);
        assert!(!dossier.partners[0].declared_by_partner);
    }

    #[test]
    fn a_version_3_dossier_answers_the_2019_call_in_its_variant() {
        use crate::calls::CallId;
        use crate::dossier::Variant;
        let cases = [
            (
                r#""variant":"fabrique_numerique","#,
                CallId::Ami2019Numerique,
            ),
            (r#""variant":"fabrique_de_territoire","#, CallId::Ami2019),
            ("", CallId::Ami2019),
        ];
        for (variant, call) in cases {
            let v3 = format!(
                r#"{{"schema_version":3,{variant}"name":"Le Moulin","investment":{{"items":[{{"label":"Travaux",
                    "cost":100,"owner":"commune","funding":[]}}],"exception":"protected_monument"}}}}"#
            );
            let dossier = from_json(&v3).expect("migrated");
            assert_eq!(dossier.call, call, "{v3}");
            assert_eq!(dossier.name, "Le Moulin");
            assert_eq!(dossier.investment.items[0].cost.0, 100);
            assert!(!dossier.investment.items[0].chef_de_file);
            assert!(dossier.investment.dsil_themes.is_empty());
            assert_eq!(
                dossier.investment.exception,
                Some(crate::dossier::CeilingException::ProtectedMonument)
            );
            assert_eq!(dossier.identity.sous_prefecture_without_fabrique, None);
            let variant = if call == CallId::Ami2019Numerique {
                Variant::FabriqueNumerique
            } else {
                Variant::FabriqueDeTerritoire
            };
            assert_eq!(dossier.variant(), variant);
        }
        let unknown = r#"{"schema_version":3,"variant":"manufacture"}"#;
        assert!(matches!(from_json(unknown), Err(ReadError::Invalid(_))));
    }

    #[test]
    fn a_version_4_post_keeps_its_funder_and_whether_it_was_secured() {
        let v4 = r#"{"schema_version":4,"staff":[{"role":"Animatrice","fte":100,"years":[
            {"funded_by":"Commune","secured":true},{"funded_by":"AMI","secured":false},
            {"funded_by":"  ","secured":true},{}]}]}"#;
        let dossier = from_json(v4).expect("migrated");
        let years = &dossier.staff[0].years;
        assert_eq!(years[0].funders.len(), 1);
        assert_eq!(years[0].funders[0].funder, "Commune");
        assert_eq!(years[0].funders[0].status, FundingStatus::Granted);
        assert!(!years[0].funders[0].from_call);
        assert_eq!(years[1].funders[0].status, FundingStatus::Planned);
        assert!(years[2].funders.is_empty() && years[3].funders.is_empty());
        assert!(years[0].is_assured() && !years[1].is_assured() && years[1].is_funded());
        let damaged = r#"{"schema_version":4,"staff":[{"years":[{"secured":"oui"}]}]}"#;
        assert!(matches!(from_json(damaged), Err(ReadError::Invalid(_))));
    }

    #[test]
    fn a_version_5_dossiers_notes_follow_their_sections_and_a_stray_one_is_kept() {
        use crate::evaluation::Section;
        let text = r#"{"schema_version": 5, "name": "Notes", "notes": {
            "modele": "Tarifs à revoir.", "atelier": "Machines prêtées.",
            "identite": "Rencontre en mars.", "ancienne-section": "Texte gardé."}}"#;
        let dossier = from_json(text).expect("migrated");
        assert_eq!(dossier.schema_version, SCHEMA_VERSION);
        assert_eq!(
            dossier
                .notes
                .get(&Section::EconomicModel)
                .map(String::as_str),
            Some("Tarifs à revoir.")
        );
        assert_eq!(
            dossier.notes.get(&Section::Production).map(String::as_str),
            Some("Machines prêtées.")
        );
        assert_eq!(
            dossier.notes.get(&Section::Identity).map(String::as_str),
            Some("Rencontre en mars.\n\n« ancienne-section » : Texte gardé.")
        );
        assert_eq!(dossier.notes.len(), 3);
        // Written back, the notes name their sections; read again, nothing changes.
        let written = crate::dossier::to_json(&dossier);
        assert!(written.contains("\"economic_model\""), "{written}");
        assert_eq!(from_json(&written), Ok(dossier));
    }

    #[test]
    fn a_sections_stored_name_is_its_serde_name() {
        use crate::evaluation::Section;
        use crate::label::Label;
        for &section in Section::ALL {
            assert_eq!(
                serde_json::to_value(section).ok(),
                Some(serde_json::Value::from(section.stored_name()))
            );
        }
    }

    #[test]
    fn notes_that_are_not_texts_are_refused_not_guessed() {
        let text = r#"{"schema_version": 5, "notes": {"budget": 3}}"#;
        assert!(matches!(from_json(text), Err(ReadError::Invalid(_))));
    }

    #[test]
    fn versions_that_never_existed_are_refused() {
        assert!(matches!(
            from_json(r#"{"schema_version":0}"#),
            Err(ReadError::Invalid(_))
        ));
        assert!(matches!(
            from_json(r#"{"schema_version":-1}"#),
            Err(ReadError::Invalid(_))
        ));
        assert_eq!(
            from_json(r#"{"schema_version":4294967295}"#),
            Err(ReadError::FutureVersion(u32::MAX))
        );
    }
}
