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

/// Whether the first task of a screen that shows a dossier's form is over: provided by the
/// workspace, read by [`below_first_screen`].
#[derive(Clone, Copy)]
pub struct FirstTaskOver(pub ReadSignal<bool>);

/// For what a section's form shows far below its first lines (#20): false until the end of
/// the screen's first task when the form is built in that task (the editor or a received
/// link opening), so that its lower part comes in the next one; true at once when the form
/// is built later (another section chosen, the dossier replaced from outside), so that a
/// form on screen is never drawn in two steps under the user's eyes. True at once outside a
/// workspace.
pub fn below_first_screen() -> Signal<bool> {
    match use_context::<FirstTaskOver>() {
        Some(FirstTaskOver(over)) if !over.get_untracked() => over.into(),
        _ => Signal::stored(true),
    }
}
