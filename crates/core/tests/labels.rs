//! Every labelled enum: each value listed once, with words in both languages, and its index
//! its place in the list. (That every variant is listed is the compiler's check: the list
//! and the words are one exhaustive match, made by `labels!`.)

use fabrique_core::calls::CallId;
use fabrique_core::dossier::*;
use fabrique_core::evaluation::{CriterionLevel, Section, Verdict};
use fabrique_core::funding::Eligibility;
use fabrique_core::label::Label;
use fabrique_core::referential::{Lang, SourceKind, Step};
use fabrique_core::territory::TerritoryField;

fn check<T: Label + std::fmt::Debug>() {
    let name = std::any::type_name::<T>();
    assert!(!T::ALL.is_empty(), "{name}");
    for (index, value) in T::ALL.iter().enumerate() {
        assert_eq!(value.index(), index, "{name}: {value:?} listed twice");
        for lang in [Lang::Fr, Lang::En] {
            let words = value.label(lang);
            assert!(
                !words.trim().is_empty(),
                "{name}: {value:?} has no words in {lang:?}"
            );
            assert_eq!(words, words.trim(), "{name}: {value:?}");
        }
    }
}

#[test]
fn every_labelled_enum_lists_each_value_once_with_words_in_both_languages() {
    check::<bool>();
    check::<CallId>();
    check::<HolderKind>();
    check::<LegalStatus>();
    check::<TerritoryKind>();
    check::<Region>();
    check::<MemberCategory>();
    check::<PartnerCategory>();
    check::<ActorKind>();
    check::<ServiceKind>();
    check::<EventKind>();
    check::<RevenueSource>();
    check::<CostKind>();
    check::<CeilingException>();
    check::<FundingStatus>();
    check::<AmountPeriod>();
    check::<ConsultationFormat>();
    check::<FundingSource>();
    check::<InvestmentOwner>();
    check::<DsilTheme>();
    check::<Section>();
    check::<CriterionLevel>();
    check::<Verdict>();
    check::<SourceKind>();
    check::<Step>();
    check::<TerritoryField>();
    check::<Eligibility>();
}

#[test]
fn words_follow_the_language() {
    assert_eq!(Verdict::PretADeposer.label(Lang::Fr), "prêt à déposer");
    assert_eq!(true.label(Lang::En), "Yes");
    assert_eq!(Section::Budget.label(Lang::En), "4-year budget");
    assert_eq!(FundingSource::Own.label(Lang::Fr), "Fonds propres");
}

#[test]
fn lists_keep_the_order_they_were_offered_in() {
    // Funding sources are listed with the two collectivités after the département (not in
    // the enum's order, which links depend on).
    let sources: Vec<FundingSource> = FundingSource::ALL.to_vec();
    assert_eq!(
        &sources[..7],
        &[
            FundingSource::Ami,
            FundingSource::Detr,
            FundingSource::Dsil,
            FundingSource::Region,
            FundingSource::Departement,
            FundingSource::Epci,
            FundingSource::Commune
        ]
    );
    assert_eq!(Section::ALL.first(), Some(&Section::Identity));
    assert_eq!(Section::ALL.last(), Some(&Section::Production));
}
