//! The app's components, one per file.

pub mod action_plan;
pub mod budget_summary;
pub mod compare_view;
pub mod dossier_table;
pub mod editor;
pub mod evaluation_panel;
pub mod fields;
pub mod funding_view;
pub mod home;
pub mod progress;
pub mod radar;
pub mod reply_view;
pub mod report;
pub mod review_form;
pub mod reviews;
pub mod sections;
pub mod settings_page;
pub mod share_panel;
pub mod snapshot_view;
pub mod territory_search;
pub mod workspace;
