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

use leptos::prelude::*;

/// A signal that turns true in a task of its own, after the current one: what is drawn
/// behind it leaves the screen's first task (#20). Opening a received link or the editor
/// is otherwise one long task, which a phone's slower CPU stretches to several hundred
/// milliseconds of a page that answers nothing. For parts that are hidden or below what
/// first shows, so that nothing drawn before them moves. It turns true once: a view
/// behind it is built once.
pub fn in_next_task() -> ReadSignal<bool> {
    let (ready, set_ready) = signal(false);
    set_timeout(
        move || {
            // `try_set`: the screen may be gone by then.
            set_ready.try_set(true);
        },
        std::time::Duration::ZERO,
    );
    ready
}
