//! One form per section of the dossier, in the order they are filled.

pub mod budget;
pub mod collectivite;
pub mod economic_model;
pub mod governance;
pub mod identity;
pub mod investment;
pub mod need;
pub mod partners;
pub mod production;
pub mod services;
pub mod staff;

use crate::components::fields::Editing;
use fabrique_core::evaluation::Section;
use leptos::prelude::*;

/// The form of one section.
pub fn section_form(section: Section, editing: Editing) -> AnyView {
    match section {
        Section::Identity => view! { <identity::IdentityForm editing=editing /> }.into_any(),
        Section::Governance => view! { <governance::GovernanceForm editing=editing /> }.into_any(),
        Section::Partners => view! { <partners::PartnersForm editing=editing /> }.into_any(),
        Section::Need => view! { <need::NeedForm editing=editing /> }.into_any(),
        Section::Services => view! { <services::ServicesForm editing=editing /> }.into_any(),
        Section::EconomicModel => {
            view! { <economic_model::EconomicModelForm editing=editing /> }.into_any()
        }
        Section::Budget => view! { <budget::BudgetForm editing=editing /> }.into_any(),
        Section::Staff => view! { <staff::StaffForm editing=editing /> }.into_any(),
        Section::Collectivite => {
            view! { <collectivite::CollectiviteForm editing=editing /> }.into_any()
        }
        Section::Investment => view! { <investment::InvestmentForm editing=editing /> }.into_any(),
        Section::Production => view! { <production::ProductionForm editing=editing /> }.into_any(),
    }
}
