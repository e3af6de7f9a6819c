//! A snapshot received as a link: the dossier read-only with its evaluation, under a banner
//! that names it. Opening a link never touches local dossiers; from here the user may import
//! it as a new dossier, or compare it with one of theirs.

use crate::browser::storage::repository;
use crate::components::fields::Editing;
use crate::components::home::create;
use crate::components::in_next_task;
use crate::components::report::Report;
use crate::components::review_form::ReviewForm;
use crate::components::workspace::Workspace;
use crate::context::use_navigator;
use crate::i18n::{self, lang, tr};
use fabrique_app_core::id::DossierId;
use fabrique_app_core::route::{Document, Route, COMPARE_MAX};
use fabrique_core::compare::{differences, Difference};
use fabrique_core::evaluation::evaluate;
use fabrique_core::link::{self, LinkError, Snapshot};
use fabrique_core::referential::Referential;
use leptos::prelude::*;

/// A link's problem in plain words; `reply` for a partner's reply rather than a snapshot.
pub fn explain(error: &LinkError, reply: bool) -> String {
    match error {
        LinkError::Empty if reply => tr("Ce lien ne contient pas d'avis.", "This link carries no review.").to_owned(),
        LinkError::Empty => tr("Ce lien ne contient pas de dossier.", "This link carries no dossier.").to_owned(),
        LinkError::TooLong { .. } => tr("Ce lien est trop long pour être un lien \
            Fabrique.", "This link is too long to be a Fabrique link.").to_owned(),
        LinkError::UnknownFormat if reply => tr("Ce lien n'est pas un lien de réponse \
            Fabrique.", "This is not a Fabrique reply link.").to_owned(),
        LinkError::UnknownFormat => tr("Ce lien n'est pas un lien de partage \
            Fabrique.", "This is not a Fabrique share link.").to_owned(),
        LinkError::FutureVersion(_) => tr("Ce lien a été créé par une version plus récente de Fabrique : rechargez la \
            page pour mettre l'application à \
            jour.", "This link was made by a newer version of Fabrique: reload the page to update the app.").to_owned(),
        LinkError::Truncated => tr("Ce lien est incomplet : il a sans doute été coupé en route (courriel, messagerie). \
            Demandez à l'expéditeur de le renvoyer, ou de l'envoyer en pièce \
            jointe.", "This link is incomplete: it was probably cut on the way (e-mail, chat). Ask the sender to send \
            it again, or as an attachment.").to_owned(),
        LinkError::Altered => tr("Ce lien a été abîmé en route : demandez-le à nouveau à la personne qui vous l'a \
            envoyé.", "This link was damaged on the way: ask the person who sent it for it again.").to_owned(),
        LinkError::Corrupt | LinkError::TooLarge | LinkError::Invalid(_) => tr("Ce lien est abîmé : des caractères ont \
            été modifiés. Demandez à l'expéditeur de le \
            renvoyer.", "This link is damaged: characters were changed. Ask the sender to send it again.").to_owned(),
    }
}

/// The view of the snapshot a link carries.
#[component]
pub fn SnapshotView(
    /// The link's fragment (or `?s=` value).
    token: String,
) -> impl IntoView {
    let navigator = use_navigator();
    match link::decode(&token) {
        Ok(snapshot) => {
            view! { <SnapshotReader snapshot=snapshot token=token.clone() /> }.into_any()
        }
        Err(error) => view! {
            <h1>{tr("Lien de partage", "Share link")}</h1>
            <p class="banner error" role="alert" data-testid="link-error">
                {explain(&error, false)}
            </p>
            <p>{tr("Vos dossiers n'ont pas été modifiés.", "Your dossiers were not changed.")}</p>
            <button type="button" on:click=move |_| navigator.go(Route::Home)>
                {tr("Aller à mes dossiers", "Go to my dossiers")}
            </button>
        }
        .into_any(),
    }
}

/// A snapshot that was read.
#[component]
fn SnapshotReader(
    /// What the link carries.
    snapshot: Snapshot,
    /// The link's token, as received.
    token: String,
) -> impl IntoView {
    let navigator = use_navigator();
    let name = i18n::dossier_name(&snapshot.dossier.name);
    let saved = i18n::date_time(snapshot.saved_at_ms);
    let custom_weights = !snapshot.weights.is_empty();
    let weights = snapshot.weights.clone();
    let dossier = RwSignal::new(snapshot.dossier.clone());
    // A snapshot is read-only: nothing it shows is ever saved.
    let editing = Editing::new(dossier, Callback::new(|()| {}));
    let import_error = RwSignal::new(None::<String>);
    let import = move |_| match create(&dossier.get_untracked()) {
        Ok(id) => navigator.go(Route::Dossier { id }),
        Err(error) => import_error.set(Some(i18n::storage_error(&error))),
    };
    let report = RwSignal::new(None::<Document>);
    let reviewing = RwSignal::new(false);
    let read = StoredValue::new(snapshot.dossier.clone());
    let saved_at_ms = snapshot.saved_at_ms;
    let snapshot = StoredValue::new(snapshot);
    // Below the banner and the documents' buttons, so below what a phone first shows: the
    // dossier and its evaluation come in the task after the screen's first, the partner's
    // form one task later (#20).
    let body_drawn = in_next_task();
    let form_drawn = in_next_task();
    view! {
        <div class="banner snapshot-banner" role="region" aria-label=tr("Instantané reçu", "Snapshot received")>
            <p>
                <strong>{tr("Instantané en lecture seule", "Read-only snapshot")}</strong>
                " : « "
                {name.clone()}
                " »"
                {(!saved.is_empty()).then(|| format!(", {} {saved}", tr("enregistré le", "saved on")))}
                "."
            </p>
            {custom_weights
                .then(|| {
                    view! {
                        <p>
                            {tr(
                                "Évalué avec les pondérations choisies par l'expéditeur.",
                                "Evaluated with the weights the sender chose.",
                            )}
                        </p>
                    }
                })}
            <p>
                {tr(
                    "Ouvrir ce lien n'a rien changé à vos dossiers.",
                    "Opening this link changed nothing in your dossiers.",
                )}
            </p>
            <button type="button" class="primary" on:click=import>
                {tr("Importer comme nouveau dossier", "Import as a new dossier")}
            </button>
            <button
                type="button"
                aria-expanded=move || reviewing.get().to_string()
                on:click=move |_| reviewing.update(|open| *open = !*open)
            >
                {tr("Répondre en tant que partenaire", "Answer as a partner")}
            </button>
            {move || {
                import_error
                    .get()
                    .map(|error| {
                        view! {
                            <p class="error" role="alert">
                                {error}
                            </p>
                        }
                    })
            }}
        </div>
        // Always mounted once drawn (two tasks after the screen's first, #20), only
        // hidden: closing it or switching views never loses what the partner typed.
        <div class="no-print" hidden=move || !reviewing.get()>
            {move || form_drawn.get().then(|| view! { <ReviewForm dossier=read /> })}
        </div>
        <div class="report-toolbar no-print">
            {Document::ALL
                .map(|document| {
                    view! {
                        <button
                            type="button"
                            aria-pressed=move || (report.get() == Some(document)).to_string()
                            on:click=move |_| report.set(Some(document))
                        >
                            {match document {
                                Document::Presentation => tr("Dossier de présentation", "Project presentation"),
                                Document::Summary => tr("Auto-évaluation (synthèse)", "Self-evaluation (summary)"),
                                Document::Full => {
                                    tr("Auto-évaluation (rapport complet)", "Self-evaluation (full report)")
                                }
                            }}
                        </button>
                    }
                })
                .collect_view()}
            <button
                type="button"
                aria-pressed=move || report.get().is_none().to_string()
                on:click=move |_| report.set(None)
            >
                {tr("Dossier et évaluation", "Dossier and evaluation")}
            </button>
        </div>
        {move || match report.get() {
            Some(document) => {
                view! {
                    <Report
                        dossier=dossier.get_untracked()
                        saved_at_ms=saved_at_ms
                        document=document
                        weights=snapshot.with_value(|s| s.weights.clone())
                    />
                }
                    .into_any()
            }
            None => {
                let weights = weights.clone();
                let token = token.clone();
                view! {
                    <h1>{name.clone()}</h1>
                    {move || {
                        body_drawn
                            .get()
                            .then(|| {
                                let weights = weights.clone();
                                view! {
                                    <Comparison snapshot=snapshot token=token.clone() />
                                    <Workspace
                                        editing=editing
                                        weights=Signal::derive(move || weights.clone())
                                        generation=Signal::derive(|| 0)
                                        read_only=true
                                    />
                                }
                            })
                    }}
                }
                    .into_any()
            }
        }}
    }
}

/// The answers that differ between two versions of a dossier, one row each.
pub fn differences_table(
    changes: Vec<Difference>,
    test_id: &'static str,
    before: &'static str,
    after: &'static str,
) -> impl IntoView {
    view! {
        <table class="differences" data-testid=test_id>
            <thead>
                <tr>
                    <th scope="col">{tr("Où", "Where")}</th>
                    <th scope="col">{before}</th>
                    <th scope="col">{after}</th>
                </tr>
            </thead>
            <tbody>
                {changes
                    .into_iter()
                    .map(|d| {
                        view! {
                            <tr>
                                <td>{d.path.join(" › ")}</td>
                                <td>{d.before}</td>
                                <td>{d.after}</td>
                            </tr>
                        }
                    })
                    .collect_view()}
            </tbody>
        </table>
    }
}

/// Compares the snapshot with a local dossier: what differs, and each criterion's change.
#[component]
fn Comparison(
    /// The snapshot received.
    snapshot: StoredValue<Snapshot>,
    /// Its token, for a comparison side by side with several local dossiers.
    token: String,
) -> impl IntoView {
    let navigator = use_navigator();
    let several = RwSignal::new(Vec::<DossierId>::new());
    let locals = repository().readable();
    if locals.is_empty() {
        return None;
    }
    let chosen = RwSignal::new(None::<usize>);
    let locals = StoredValue::new(locals);
    let result = move || {
        let index = chosen.get()?;
        let (_, local) = locals.with_value(|l| l.get(index).cloned())?;
        let (theirs, weights) = snapshot.with_value(|s| (s.dossier.clone(), s.weights.clone()));
        let referential = Referential::builtin(theirs.variant()).with_weights(&weights);
        let before = evaluate(&local, &referential, lang());
        let after = evaluate(&theirs, &referential, lang());
        let changes = differences(&local, &theirs);
        Some(view! {
            <h3>
                {tr(
                    "Scores des critères (votre dossier → l'instantané)",
                    "Criterion scores (your dossier → the snapshot)",
                )}
            </h3>
            <ul data-testid="score-changes">
                {before
                    .criteria
                    .iter()
                    .zip(&after.criteria)
                    .map(|(b, a)| {
                        let delta = i64::from(a.score) - i64::from(b.score);
                        view! { <li>{format!("{} : {} → {} ({delta:+})", a.label, b.score, a.score)}</li> }
                    })
                    .collect_view()}
            </ul>
            <h3>{format!("{} ({})", tr("Réponses qui diffèrent", "Answers that differ"), changes.len())}</h3>
            {differences_table(
                changes,
                "differences",
                tr("Votre dossier", "Your dossier"),
                tr("L'instantané", "The snapshot"),
            )}
        })
    };
    Some(view! {
        <details class="comparison">
            <summary>{tr("Comparer avec un de mes dossiers", "Compare with one of my dossiers")}</summary>
            <div class="field inline">
                <label for="compare-with">{tr("Mon dossier à comparer", "My dossier to compare")}</label>
                <select id="compare-with" on:change=move |event| chosen.set(event_target_value(&event).parse().ok())>
                    <option value="">{tr("— choisir —", "— choose —")}</option>
                    {locals
                        .with_value(|l| {
                            l.iter()
                                .enumerate()
                                .map(|(index, (_, d))| {
                                    let label = i18n::dossier_name(&d.name);
                                    view! { <option value=index.to_string()>{label}</option> }
                                })
                                .collect_view()
                        })}
                </select>
            </div>
            {result}
            <fieldset class="compare-several">
                <legend>
                    {tr(
                        "Ou côte à côte avec plusieurs de mes dossiers (1 à 5)",
                        "Or side by side with several of my dossiers (1 to 5)",
                    )}
                </legend>
                {locals
                    .with_value(|l| {
                        l.iter()
                            .map(|(id, d)| {
                                let id = id.clone();
                                let label = i18n::dossier_name(&d.name);
                                view! {
                                    <label class="check">
                                        <input
                                            type="checkbox"
                                            on:change=move |event| {
                                                let on = event_target_checked(&event);
                                                several
                                                    .update(|ids| {
                                                        ids.retain(|known| *known != id);
                                                        if on {
                                                            ids.push(id.clone());
                                                        }
                                                    });
                                            }
                                        />
                                        {label}
                                    </label>
                                }
                            })
                            .collect_view()
                    })}
                <button
                    type="button"
                    disabled=move || !(1..COMPARE_MAX).contains(&several.with(Vec::len))
                    on:click=move |_| {
                        navigator
                            .go(Route::Compare {
                                ids: several.get_untracked(),
                                snapshot: Some(token.clone()),
                            })
                    }
                >
                    {tr("Comparer côte à côte", "Compare side by side")}
                </button>
            </fieldset>
        </details>
    })
}
