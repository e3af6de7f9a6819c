//! Form fields bound to the dossier being edited. Each takes a label, a way to read its value
//! from the dossier and a way to write it, and sends every change through [`Editing::edit`]
//! so that it is saved. Numbers keep the text being typed as it is, and say so in words when
//! it is not a number, instead of fighting the user's keystrokes.
//!
//! Every public function only boxes its closures and calls a non-generic builder: each kind
//! of field is compiled once rather than once per question, which keeps the wasm small.

use crate::i18n::{self, tr};
use fabrique_core::dossier::Dossier;
use fabrique_core::label::Label;
use fabrique_core::units::{Cents, Date, Fte};
use leptos::prelude::*;
use std::sync::Arc;

/// A way to read a value from the dossier, shared and type-erased.
type Getter<T> = Arc<dyn Fn(&Dossier) -> T + Send + Sync>;
/// A way to write a value into the dossier.
type Setter<T> = Arc<dyn Fn(&mut Dossier, T) + Send + Sync>;
/// A text parser: `None` when the text is not a valid value.
type Parse<T> = Arc<dyn Fn(&str) -> Option<T> + Send + Sync>;

/// The dossier being edited, and the way to change it so that the change is saved.
#[derive(Clone, Copy)]
pub struct Editing {
    pub dossier: RwSignal<Dossier>,
    changed: Callback<()>,
}

impl Editing {
    /// A dossier being edited; `changed` runs after every edit (to schedule a save).
    pub fn new(dossier: RwSignal<Dossier>, changed: Callback<()>) -> Self {
        Editing { dossier, changed }
    }

    /// Changes the dossier, then reports the change.
    pub fn edit(self, change: impl FnOnce(&mut Dossier)) {
        self.dossier.update(change);
        self.changed.run(());
    }

    /// Reads part of the dossier, tracking it.
    pub fn read<T>(self, read: impl FnOnce(&Dossier) -> T) -> T {
        self.dossier.with(read)
    }
}

thread_local! {
    static NEXT_FIELD: std::cell::Cell<u64> = const { std::cell::Cell::new(0) };
}

/// A fresh element id, to tie a label to its control with `for`: a label wrapped around a
/// `<select>` would take the selected option into the field's accessible name.
fn field_id() -> String {
    NEXT_FIELD.with(|next| {
        next.set(next.get() + 1);
        format!("champ-{}", next.get())
    })
}

/// A field's own value, as its input shows it: the input is written only when this changes,
/// not whenever another field of the dossier does. One memo type for every kind of field.
fn own_text(editing: Editing, get: Getter<String>) -> Memo<String> {
    Memo::new(move |_| editing.read(|d| get(d)))
}

/// A one-line text field.
pub fn text_field(
    editing: Editing,
    label: String,
    get: impl Fn(&Dossier) -> String + Send + Sync + 'static,
    set: impl Fn(&mut Dossier, String) + Send + Sync + 'static,
) -> AnyView {
    text_input(editing, label, Arc::new(get), Arc::new(set), false)
}

/// A multi-line text field.
pub fn area_field(
    editing: Editing,
    label: String,
    get: impl Fn(&Dossier) -> String + Send + Sync + 'static,
    set: impl Fn(&mut Dossier, String) + Send + Sync + 'static,
) -> AnyView {
    text_input(editing, label, Arc::new(get), Arc::new(set), true)
}

fn text_input(
    editing: Editing,
    label: String,
    get: Getter<String>,
    set: Setter<String>,
    multiline: bool,
) -> AnyView {
    let value = own_text(editing, get);
    let on_input = move |event: leptos::ev::Event| {
        let text = event_target_value(&event);
        editing.edit(|d| set(d, text));
    };
    let id = field_id();
    if multiline {
        view! {
            <div class="field">
                <label for=id.clone()>{label}</label>
                <textarea id=id rows="3" prop:value=value on:input=on_input></textarea>
            </div>
        }
        .into_any()
    } else {
        view! {
            <div class="field">
                <label for=id.clone()>{label}</label>
                <input id=id type="text" prop:value=value on:input=on_input />
            </div>
        }
        .into_any()
    }
}

/// A yes/no question.
pub fn check_field(
    editing: Editing,
    label: String,
    get: impl Fn(&Dossier) -> bool + Send + Sync + 'static,
    set: impl Fn(&mut Dossier, bool) + Send + Sync + 'static,
) -> AnyView {
    check_input(editing, label, Arc::new(get), Arc::new(set))
}

fn check_input(editing: Editing, label: String, get: Getter<bool>, set: Setter<bool>) -> AnyView {
    view! {
        <label class="check">
            <input
                type="checkbox"
                prop:checked=move || editing.read(|d| get(d))
                on:change=move |event| {
                    let checked = event_target_checked(&event);
                    editing.edit(|d| set(d, checked));
                }
            />
            <span>{label}</span>
        </label>
    }
    .into_any()
}

/// A field whose text is parsed: the text typed stays as typed; a valid value is written
/// to the dossier at once; an invalid one is said in words and not written. When the value
/// changes from elsewhere (the official territory data, another tab's version), the field
/// shows the new value; the text typed is kept while it still says the stored value.
/// How a parsed field's text and value go one into the other.
struct Codec<T> {
    /// The `inputmode` that brings the right keyboard on a phone.
    input_mode: &'static str,
    show: fn(&T) -> String,
    parse: Parse<T>,
    /// What an invalid text is told.
    invalid: &'static str,
}

fn parsed_input<T: PartialEq + Clone + Send + Sync + 'static>(
    editing: Editing,
    label: String,
    codec: Codec<T>,
    get: Getter<T>,
    set: Setter<T>,
) -> AnyView {
    let Codec {
        input_mode,
        show,
        parse,
        invalid,
    } = codec;
    let text = RwSignal::new(editing.dossier.with_untracked(|d| show(&get(d))));
    let error = RwSignal::new(false);
    let parse_typed = parse.clone();
    let on_input = move |event: leptos::ev::Event| {
        let value = event_target_value(&event);
        match parse_typed(&value) {
            Some(parsed) => {
                error.set(false);
                editing.edit(|d| set(d, parsed));
            }
            None => error.set(true),
        }
        text.set(value);
    };
    // The field's own value: the text is rebuilt only when it changes, not at every edit of
    // the dossier.
    let stored = Memo::new(move |_| editing.read(|d| get(d)));
    let shown = move || {
        let typed = text.get();
        if error.get() {
            return typed;
        }
        stored.with(|stored| match parse(&typed) {
            Some(value) if value == *stored => typed,
            _ => show(stored),
        })
    };
    let id = field_id();
    view! {
        <div class="field">
            <label for=id.clone()>{label}</label>
            <input
                id=id
                type="text"
                inputmode=input_mode
                autocomplete="off"
                prop:value=shown
                aria-invalid=move || if error.get() { "true" } else { "false" }
                on:input=on_input
            />
            {move || {
                error
                    .get()
                    .then(|| {
                        view! {
                            <span class="field-error" role="alert">
                                {invalid}
                            </span>
                        }
                    })
            }}
        </div>
    }
    .into_any()
}

fn parse_count(text: &str) -> Option<u32> {
    let text = text.trim();
    if text.is_empty() {
        return Some(0);
    }
    text.replace([' ', '\u{202f}', '\u{a0}'], "").parse().ok()
}

fn count_invalid() -> &'static str {
    tr("Un nombre entier, sans virgule.", "A whole number.")
}

/// A whole number (0 when left empty).
pub fn count_field(
    editing: Editing,
    label: String,
    get: impl Fn(&Dossier) -> u32 + Send + Sync + 'static,
    set: impl Fn(&mut Dossier, u32) + Send + Sync + 'static,
) -> AnyView {
    parsed_input(
        editing,
        label,
        Codec {
            input_mode: "numeric",
            show: |value| match value {
                0 => String::new(),
                value => value.to_string(),
            },
            parse: Arc::new(parse_count),
            invalid: count_invalid(),
        },
        Arc::new(get),
        Arc::new(set),
    )
}

/// A whole number that may be unknown (empty).
pub fn optional_count_field(
    editing: Editing,
    label: String,
    get: impl Fn(&Dossier) -> Option<u32> + Send + Sync + 'static,
    set: impl Fn(&mut Dossier, Option<u32>) + Send + Sync + 'static,
) -> AnyView {
    let parse = |text: &str| -> Option<Option<u32>> {
        if text.trim().is_empty() {
            Some(None)
        } else {
            parse_count(text).map(Some)
        }
    };
    parsed_input(
        editing,
        label,
        Codec {
            input_mode: "numeric",
            show: |value: &Option<u32>| value.map(|v| v.to_string()).unwrap_or_default(),
            parse: Arc::new(parse),
            invalid: count_invalid(),
        },
        Arc::new(get),
        Arc::new(set),
    )
}

/// An amount of money, typed the French way (`1 234,50`).
pub fn money_field(
    editing: Editing,
    label: String,
    get: impl Fn(&Dossier) -> Cents + Send + Sync + 'static,
    set: impl Fn(&mut Dossier, Cents) + Send + Sync + 'static,
) -> AnyView {
    let parse = |text: &str| {
        if text.trim().is_empty() {
            Some(Cents(0))
        } else {
            Cents::parse_fr(text)
        }
    };
    let invalid = tr(
        "Un montant en euros, par exemple 1 234,50.",
        "An amount in euros, for example 1234.50.",
    );
    parsed_input(
        editing,
        label,
        Codec {
            input_mode: "decimal",
            show: |amount| match amount {
                Cents(0) => String::new(),
                amount => amount.input_text(),
            },
            parse: Arc::new(parse),
            invalid,
        },
        Arc::new(get),
        Arc::new(set),
    )
}

/// Full-time equivalents, typed as a decimal (`0,5`).
pub fn fte_field(
    editing: Editing,
    label: String,
    get: impl Fn(&Dossier) -> Fte + Send + Sync + 'static,
    set: impl Fn(&mut Dossier, Fte) + Send + Sync + 'static,
) -> AnyView {
    // Hundredths of an FTE read exactly like cents: "0,5" is 50.
    let parse = |text: &str| {
        if text.trim().is_empty() {
            return Some(Fte(0));
        }
        Cents::parse_fr(text)
            .and_then(|hundredths| u32::try_from(hundredths.0).ok())
            .map(Fte)
            .filter(|fte| *fte <= Fte::MAX)
    };
    let invalid = tr(
        "Un nombre d'ETP, par exemple 0,5.",
        "A number of FTE, for example 0.5.",
    );
    parsed_input(
        editing,
        label,
        Codec {
            input_mode: "decimal",
            show: |fte| match fte {
                Fte(0) => String::new(),
                fte => Cents(i64::from(fte.0)).input_text(),
            },
            parse: Arc::new(parse),
            invalid,
        },
        Arc::new(get),
        Arc::new(set),
    )
}

/// A date (the browser's date picker; stored as `YYYY-MM-DD`).
pub fn date_field(
    editing: Editing,
    label: String,
    get: impl Fn(&Dossier) -> Option<Date> + Send + Sync + 'static,
    set: impl Fn(&mut Dossier, Option<Date>) + Send + Sync + 'static,
) -> AnyView {
    let id = field_id();
    let value = own_text(
        editing,
        Arc::new(move |d| get(d).map(Date::iso).unwrap_or_default()),
    );
    view! {
        <div class="field">
            <label for=id.clone()>{label}</label>
            <input
                id=id
                type="date"
                prop:value=value
                on:change=move |event| {
                    let value = Date::parse_iso(&event_target_value(&event));
                    editing.edit(|d| set(d, value));
                }
            />
        </div>
    }
    .into_any()
}

/// A choice among an enum's values.
pub fn choice_field<T: Label + Send + Sync>(
    editing: Editing,
    label: String,
    get: impl Fn(&Dossier) -> T + Send + Sync + 'static,
    set: impl Fn(&mut Dossier, T) + Send + Sync + 'static,
) -> AnyView {
    let options = T::ALL.iter().map(|value| i18n::label(*value)).collect();
    select_input(
        editing,
        label,
        options,
        None,
        Arc::new(move |d| Some(get(d).index())),
        Arc::new(move |d, index: Option<usize>| {
            if let Some(value) = index.and_then(|i| T::ALL.get(i)) {
                set(d, *value);
            }
        }),
    )
}

/// A choice that may not be made yet.
pub fn optional_choice_field<T: Label + Send + Sync>(
    editing: Editing,
    label: String,
    get: impl Fn(&Dossier) -> Option<T> + Send + Sync + 'static,
    set: impl Fn(&mut Dossier, Option<T>) + Send + Sync + 'static,
) -> AnyView {
    let options = T::ALL.iter().map(|value| i18n::label(*value)).collect();
    select_input(
        editing,
        label,
        options,
        Some(tr("— à préciser —", "— to be specified —")),
        Arc::new(move |d| get(d).map(Label::index)),
        Arc::new(move |d, index: Option<usize>| set(d, index.and_then(|i| T::ALL.get(i)).copied())),
    )
}

fn select_input(
    editing: Editing,
    label: String,
    options: Vec<&'static str>,
    unset: Option<&'static str>,
    get: Getter<Option<usize>>,
    set: Setter<Option<usize>>,
) -> AnyView {
    let id = field_id();
    let value = own_text(
        editing,
        Arc::new(move |d| get(d).map(|i| i.to_string()).unwrap_or_default()),
    );
    view! {
        <div class="field">
            <label for=id.clone()>{label}</label>
            <select
                id=id
                prop:value=value
                on:change=move |event| {
                    let chosen = event_target_value(&event).parse::<usize>().ok();
                    editing.edit(|d| set(d, chosen));
                }
            >
                {unset.map(|text| view! { <option value="">{text}</option> })}
                {options
                    .into_iter()
                    .enumerate()
                    .map(|(index, text)| view! { <option value=index.to_string()>{text}</option> })
                    .collect_view()}
            </select>
        </div>
    }
    .into_any()
}

/// A list edited in place: one row per item, a button to remove each, one to add. `count`
/// reads the list's length; rows are rebuilt only when it changes.
pub fn list_editor(
    editing: Editing,
    count: impl Fn(&Dossier) -> usize + Send + Sync + 'static,
    row: impl Fn(usize) -> AnyView + Send + Sync + 'static,
    remove: impl Fn(&mut Dossier, usize) + Send + Sync + 'static,
    add: impl Fn(&mut Dossier) + Send + Sync + 'static,
    add_label: &'static str,
    item_name: &'static str,
) -> AnyView {
    nested_list_editor(
        editing,
        count,
        row,
        remove,
        add,
        add_label.to_owned(),
        item_name,
    )
}

/// A list edited in place whose add button names where it adds (a list inside a list row:
/// "Ajouter un financeur — poste 1, année 2").
pub fn nested_list_editor(
    editing: Editing,
    count: impl Fn(&Dossier) -> usize + Send + Sync + 'static,
    row: impl Fn(usize) -> AnyView + Send + Sync + 'static,
    remove: impl Fn(&mut Dossier, usize) + Send + Sync + 'static,
    add: impl Fn(&mut Dossier) + Send + Sync + 'static,
    add_label: String,
    item_name: &'static str,
) -> AnyView {
    list_rows(
        editing,
        Arc::new(count),
        Arc::new(row),
        Arc::new(remove),
        Arc::new(add),
        add_label,
        item_name,
    )
}

type Row = Arc<dyn Fn(usize) -> AnyView + Send + Sync>;
type Add = Arc<dyn Fn(&mut Dossier) + Send + Sync>;

fn list_rows(
    editing: Editing,
    count: Getter<usize>,
    row: Row,
    remove: Setter<usize>,
    add: Add,
    add_label: String,
    item_name: &'static str,
) -> AnyView {
    let length = Memo::new(move |_| editing.read(|d| count(d)));
    view! {
        <ol class="list-editor">
            {move || {
                (0..length.get())
                    .map(|index| {
                        let remove = remove.clone();
                        view! {
                            <li class="list-row">
                                {row(index)}
                                <button
                                    type="button"
                                    class="remove"
                                    on:click=move |_| editing.edit(|d| remove(d, index))
                                >
                                    {format!("{} {} {}", tr("Retirer", "Remove"), item_name, index + 1)}
                                </button>
                            </li>
                        }
                    })
                    .collect_view()
            }}
        </ol>
        <button type="button" class="add" on:click=move |_| editing.edit(|d| add(d))>
            {add_label}
        </button>
    }
    .into_any()
}

/// A list of short texts (networks, structures, needs…).
pub fn text_list(
    editing: Editing,
    get: fn(&Dossier) -> &Vec<String>,
    get_mut: fn(&mut Dossier) -> &mut Vec<String>,
    item_label: &'static str,
    add_label: &'static str,
) -> AnyView {
    list_editor(
        editing,
        move |d| get(d).len(),
        move |index| {
            text_field(
                editing,
                format!("{item_label} {}", index + 1),
                move |d| get(d).get(index).cloned().unwrap_or_default(),
                move |d, value| {
                    if let Some(item) = get_mut(d).get_mut(index) {
                        *item = value;
                    }
                },
            )
        },
        move |d, index| {
            if index < get_mut(d).len() {
                get_mut(d).remove(index);
            }
        },
        move |d| get_mut(d).push(String::new()),
        add_label,
        item_label,
    )
}
