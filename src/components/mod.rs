//! The app's components, one per file.

pub mod editor;
pub mod evaluation_panel;
pub mod governance_form;
pub mod home;
