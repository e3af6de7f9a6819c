//! The sections of a dossier and its live evaluation, side by side: the editor's body, and
//! the read-only view of a snapshot received as a link.

use crate::browser::{clock, location};
use crate::components::evaluation_panel::EvaluationPanel;
use crate::components::fields::{area_field, Editing};
use crate::components::reviews::{ReceivedReviews, SectionComments};
use crate::components::sections::section_form;
use crate::components::{below_first_screen, in_next_task, FirstTaskOver};
use crate::i18n::{self, tr};
use fabrique_app_core::id::DossierId;
use fabrique_app_core::route::{dossier_section_query, section_in_query};
use fabrique_core::evaluation::{evaluate, Section};
use fabrique_core::history::{day_of, History, Point};
use fabrique_core::label::Label;
use fabrique_core::referential::{CriterionId, Referential};
use leptos::prelude::*;
use std::collections::BTreeMap;

/// The section navigator, the form of the chosen section, and the evaluation.
#[component]
pub fn Workspace(
    /// The dossier shown, and how it is changed.
    editing: Editing,
    /// The criterion weights to evaluate with.
    weights: Signal<BTreeMap<CriterionId, u32>>,
    /// Raised when the dossier is replaced from outside: the form is built again.
    generation: Signal<u64>,
    /// The local dossier's id, when the chosen section belongs in the address.
    #[prop(optional, into)]
    url_id: Option<DossierId>,
    /// Shown without a way to change it (a snapshot).
    read_only: bool,
    /// The dossier's stored history (the holder's own dossier; none for a snapshot): drawn
    /// with today's live evaluation as its last point.
    #[prop(optional)]
    history: Option<History>,
) -> impl IntoView {
    let dossier = editing.dossier;
    let variant = Memo::new(move |_| dossier.with(|d| d.variant()));
    let referential =
        Memo::new(move |_| weights.with(|w| Referential::builtin(variant.get()).with_weights(w)));
    let lang = i18n::lang();
    let evaluation =
        Memo::new(move |_| dossier.with(|d| referential.with(|r| evaluate(d, r, lang))));

    let today = day_of(clock::now_ms());
    // A memo: the chart reads it in several places, the history is built once per change.
    let progress = history.map(|history| {
        Memo::new(move |_| evaluation.with(|e| history.with(Point::of(today, e)))).into()
    });

    let initial = if url_id.is_some() {
        section_in_query(&location::current_query())
    } else {
        None
    };
    let section = RwSignal::new(initial.unwrap_or(Section::Identity));
    let url_id = StoredValue::new(url_id);
    let choose = move |chosen: Section| {
        section.set(chosen);
        if let Some(id) = url_id.get_value() {
            location::replace_query(&dossier_section_query(&id, chosen));
        }
    };

    // The lower part of the form drawn with the screen comes in the task after its first
    // (`below_first_screen`).
    provide_context(FirstTaskOver(in_next_task()));
    view! {
        <div class="editor">
            <nav class="section-nav" aria-label=tr("Sections du dossier", "Dossier sections")>
                <ul>
                    {move || {
                        Section::ALL
                            .iter()
                            .copied()
                            .filter(|item| item.applies_to(variant.get()))
                            .map(|item| {
                                let percent = move || {
                                    evaluation
                                        .with(|e| {
                                            e.completeness.iter().find(|c| c.section == item).map_or(0, |c| c.percent())
                                        })
                                };
                                view! {
                                    <li>
                                        <button
                                            type="button"
                                            class="section-button"
                                            aria-current=move || (section.get() == item).then_some("step")
                                            on:click=move |_| choose(item)
                                        >
                                            <span>{i18n::label(item)}</span>
                                            <span class="completeness">
                                                <span class="bar">
                                                    <span
                                                        class="fill"
                                                        style=move || format!("width: {}%", percent())
                                                    ></span>
                                                </span>
                                                <span class="percent">{move || format!("{} %", percent())}</span>
                                            </span>
                                        </button>
                                    </li>
                                }
                            })
                            .collect_view()
                    }}
                </ul>
            </nav>
            <form class="dossier-form" on:submit=|event| event.prevent_default()>
                {move || {
                    let current = Some(section.get())
                        .filter(|chosen| chosen.applies_to(variant.get()))
                        .unwrap_or(Section::Identity);
                    generation.track();
                    let lower = below_first_screen();
                    // A section of another label (the workshop, once the call changed) gives
                    // way to the first one. The form's reviews, comments and notes come with
                    // its lower part (`lower`), so that nothing drawn first moves.
                    view! {
                        <fieldset disabled=read_only>
                            <legend>{i18n::label(current)}</legend>
                            {section_form(current, editing)}
                            {move || {
                                lower
                                    .get()
                                    .then(|| {
                                        view! {
                                            {(current == Section::Partners)
                                                .then(|| view! { <ReceivedReviews dossier=dossier.into() /> })}
                                            <SectionComments dossier=dossier.into() section=current />
                                            {area_field(
                                                editing,
                                                tr("Notes sur cette section", "Notes on this section").to_owned(),
                                                move |d| d.notes.get(&current).cloned().unwrap_or_default(),
                                                move |d, text| {
                                                    d.notes.insert(current, text);
                                                },
                                            )}
                                        }
                                    })
                            }}
                        </fieldset>
                    }
                }}
            </form>
            <EvaluationPanel evaluation=evaluation go_to=Callback::new(choose) progress=progress />
        </div>
    }
}
