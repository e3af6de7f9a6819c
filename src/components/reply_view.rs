//! A partner's reply received as a link. The app finds the local dossier it answers (as it
//! is now, or a version shared earlier from this browser), shows the review and what
//! merging would do, and merges only when the holder accepts. A reply for a dossier this
//! browser does not know, or one already merged, changes nothing.

use crate::browser::clock;
use crate::browser::storage::repository;
use crate::components::reviews::{author, comments_list, commitment_text};
use crate::components::snapshot_view::{differences_table, explain};
use crate::context::use_navigator;
use crate::i18n::{self, tr};
use fabrique_app_core::id::DossierId;
use fabrique_app_core::reply::{self, Answered};
use fabrique_app_core::route::Route;
use fabrique_core::compare::Difference;
use fabrique_core::dossier::Dossier;
use fabrique_core::review::{self, Change, MergeChoices, Review};
use fabrique_core::units::Local;
use leptos::prelude::*;

/// The view of a reply link.
#[component]
pub fn ReplyView(
    /// The link's fragment (or `?s=` value).
    token: String,
) -> impl IntoView {
    let navigator = use_navigator();
    let home = move |_| navigator.go(Route::Home);
    match review::decode(&token) {
        Ok(review) => view! { <ReplyReader review=review /> }.into_any(),
        Err(error) => view! {
            <h1>{tr("Réponse d'un partenaire", "A partner's reply")}</h1>
            <p class="banner error" role="alert" data-testid="link-error">
                {explain(&error, true)}
            </p>
            <p>{tr("Vos dossiers n'ont pas été modifiés.", "Your dossiers were not changed.")}</p>
            <button type="button" on:click=home>
                {tr("Aller à mes dossiers", "Go to my dossiers")}
            </button>
        }
        .into_any(),
    }
}

/// What merging will do to the partners list: a partner added whole, or, for one the dossier
/// has, each change old → new, with a tick on those that replace the holder's own figures.
fn merge_preview(dossier: &Dossier, review: &Review, choices: RwSignal<MergeChoices>) -> AnyView {
    let commitment = commitment_text(&review.commitment);
    if review::partner_of(dossier, review).is_none() {
        return view! {
            <p data-testid="merge-preview">
                {format!(
                    "{} « {} » {} : {commitment}.",
                    tr("Le partenaire", "The partner"),
                    review.organisation,
                    tr(
                        "sera ajouté à la liste des partenaires, avec son engagement",
                        "will be added to the partners, with its commitment",
                    ),
                )}
            </p>
        }
        .into_any();
    }
    let changes = review::changes(dossier, review);
    if changes.is_empty() {
        return view! {
            <p data-testid="merge-preview">
                {format!(
                    "{} « {} » {}",
                    tr(
                        "L'avis n'ajoute rien à ce que le dossier dit du partenaire",
                        "The review adds nothing to what the dossier says of the partner",
                    ),
                    review.organisation,
                    tr(": seuls ses commentaires seront gardés.", ": only its comments will be kept."),
                )}
            </p>
        }
        .into_any();
    }
    let rows = changes
        .into_iter()
        .enumerate()
        .map(|(index, change)| {
            let (what, before, after) = match change {
                Change::Amount { before, after } => (
                    tr("Apport financier", "Financial contribution"),
                    before.map_or_else(
                        || "—".to_owned(),
                        |amount| Local(amount, i18n::lang()).to_string(),
                    ),
                    Local(after, i18n::lang()).to_string(),
                ),
                Change::Category { before, after } => (
                    tr("Catégorie", "Category"),
                    i18n::label(before).to_owned(),
                    i18n::label(after).to_owned(),
                ),
                Change::Letter => (tr("Lettre de soutien", "Letter of support"), no(), yes()),
                Change::InKind => (tr("Apport en nature", "In-kind contribution"), no(), yes()),
                Change::Seat => (
                    tr("Siège dans la gouvernance", "Seat in the governance"),
                    no(),
                    yes(),
                ),
            };
            let decision = if change.replaces() {
                let id = format!("merge-change-{index}");
                view! {
                    <input
                        type="checkbox"
                        id=id.clone()
                        aria-label=format!("{}{}{what}", tr("Remplacer", "Replace"), tr(" : ", ": "))
                        prop:checked=move || choices.with(|c| c.takes(change))
                        on:change=move |event| {
                            let take = event_target_checked(&event);
                            choices.update(|c| c.choose(change, take));
                        }
                    />
                    <label for=id>{tr("Remplacer", "Replace")}</label>
                }
                    .into_any()
            } else {
                tr("Ajouté", "Added").into_any()
            };
            view! {
                <tr>
                    <th scope="row">{what}</th>
                    <td>{before}</td>
                    <td>{after}</td>
                    <td>{decision}</td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <div data-testid="merge-preview">
            <p>
                {format!(
                    "{} « {} » {}",
                    tr("Le partenaire", "The partner"),
                    review.organisation,
                    tr(
                        "est déjà dans le dossier. Ce que l'avis changerait (un montant ou une catégorie ne \
                            remplace les vôtres que si vous cochez « Remplacer ») :",
                        "is already in the dossier. What the review would change (an amount or a category \
                            replaces yours only if you tick \"Replace\"):",
                    ),
                )}
            </p>
            <table class="merge-changes" data-testid="merge-changes">
                <thead>
                    <tr>
                        <th scope="col">{tr("Champ", "Field")}</th>
                        <th scope="col">{tr("Dans votre dossier", "In your dossier")}</th>
                        <th scope="col">{tr("Selon l'avis", "According to the review")}</th>
                        <th scope="col">{tr("Décision", "Decision")}</th>
                    </tr>
                </thead>
                <tbody>{rows}</tbody>
            </table>
        </div>
    }
    .into_any()
}

fn yes() -> String {
    tr("oui", "yes").to_owned()
}

fn no() -> String {
    tr("non", "no").to_owned()
}

/// A reply that was read.
#[component]
fn ReplyReader(
    /// What the reply carries.
    review: Review,
) -> impl IntoView {
    let navigator = use_navigator();
    let answered = reply::locate(&repository(), &review);
    let merged = RwSignal::new(None::<Result<DossierId, String>>);
    let review = StoredValue::new(review);

    let merge = move |(id, choices): (DossierId, MergeChoices)| {
        let result = review
            .with_value(|r| reply::merge(&repository(), &id, r, clock::now_ms(), choices))
            .map(|()| id)
            .map_err(|error| i18n::merge_error(&error));
        merged.set(Some(result));
    };

    let header = review.with_value(|r| {
        view! {
            <h1>{tr("Avis d'un partenaire", "A partner's review")}</h1>
            <div class="review-received" data-testid="review">
                <p>
                    <strong>{author(r)}</strong>
                    {format!(" — {}", i18n::label(r.category))}
                </p>
                <p>{format!("{} {}.", tr("Écrit le", "Written on"), i18n::date_time(r.written_at_ms))}</p>
                <p data-testid="review-commitment">
                    {format!("{} : {}", tr("Engagement", "Commitment"), commitment_text(&r.commitment))}
                </p>
                {comments_list(r)}
            </div>
            <p class="banner warning" data-testid="reply-unverified">
                {tr(
                    "Toute personne qui a reçu le lien de partage de ce dossier peut écrire une réponse, sous le nom \
                        qu'elle veut : l'expéditeur n'est pas vérifié. Confirmez auprès du partenaire avant de retenir \
                        un montant.",
                    "Anyone who received this dossier's share link can write a reply, under any name: the sender is \
                        not verified. Check with the partner before relying on an amount.",
                )}
            </p>
        }
    });
    let merge_offer = |id, dossier, older| {
        view! { <MergeOffer id dossier review merged merge=Callback::new(merge) older /> }
            .into_any()
    };
    let body = match answered {
        Answered::Unknown => view! {
            <p class="banner error" role="alert" data-testid="reply-unknown">
                {review
                    .with_value(|r| {
                        format!(
                            "{} « {} » {}",
                            tr("Cet avis répond au dossier", "This review answers the dossier"),
                            r.dossier_name,
                            tr(
                                "qui n'est pas dans ce navigateur (ou n'a pas été partagé depuis ce navigateur). Rien \
                                    n'a été modifié.",
                                "which is not in this browser (or was not shared from this browser). Nothing was \
                                    changed.",
                            ),
                        )
                    })}
            </p>
        }
        .into_any(),
        Answered::Merged { id, name, at_ms } => {
            let name = i18n::dossier_name(&name);
            view! {
                <p class="banner" role="status" data-testid="reply-merged-already">
                    {format!(
                        "{} « {name} » {} {}. {}",
                        tr(
                            "Cet avis a déjà été intégré au dossier",
                            "This review was already merged into the dossier",
                        ),
                        tr("le", "on"),
                        i18n::date_time(at_ms),
                        tr("L'intégrer à nouveau ne changerait rien.", "Merging it again would change nothing."),
                    )}
                </p>
                <button type="button" on:click=move |_| navigator.go(Route::Dossier { id: id.clone() })>
                    {tr("Ouvrir le dossier", "Open the dossier")}
                </button>
            }
            .into_any()
        }
        Answered::Current { id, dossier } => merge_offer(id, dossier, None),
        Answered::Older { id, dossier, saved_at_ms, changes } => {
            merge_offer(id, dossier, Some((saved_at_ms, changes)))
        }
    };
    view! {
        {header}
        {body}
    }
}

/// The offer to merge a reply into the dossier it answers, and its result.
#[component]
fn MergeOffer(
    /// The dossier's local identifier.
    id: DossierId,
    /// The dossier as it is now.
    dossier: Dossier,
    /// The reply.
    review: StoredValue<Review>,
    /// The merge's result: the dossier's id, or what went wrong.
    merged: RwSignal<Option<Result<DossierId, String>>>,
    /// Merges the reply into the dossier of that id, taking what the holder ticked.
    merge: Callback<(DossierId, MergeChoices)>,
    /// When the reply answers an older version: when it was saved, and what changed since.
    older: Option<(u64, Vec<Difference>)>,
) -> impl IntoView {
    let navigator = use_navigator();
    let name = i18n::dossier_name(&dossier.name);
    let choices = RwSignal::new(MergeChoices::default());
    let preview = review.with_value(|r| merge_preview(&dossier, r, choices));
    let id = StoredValue::new(id);
    view! {
        <p data-testid="reply-target">
            {format!("{} « {name} ».", tr("Cet avis répond à votre dossier", "This review answers your dossier"))}
        </p>
        {older
            .map(|(saved_at_ms, changes)| {
                view! {
                    <div class="banner warning" role="alert" data-testid="reply-older">
                        <p>
                            <strong>
                                {tr(
                                    "Cet avis répond à une version antérieure du dossier",
                                    "This review answers an earlier version of the dossier",
                                )}
                            </strong>
                            {format!(
                                " ({} {}). {} ({}) :",
                                tr("enregistrée le", "saved on"),
                                i18n::date_time(saved_at_ms),
                                tr("Depuis, ces réponses ont changé", "Since then, these answers changed"),
                                changes.len(),
                            )}
                        </p>
                        {differences_table(
                            changes,
                            "reply-changes",
                            tr("Version lue par le partenaire", "Version the partner read"),
                            tr("Aujourd'hui", "Today"),
                        )}
                    </div>
                }
            })}
        {preview}
        <p>{tr("Rien n'est modifié tant que vous n'avez pas accepté.", "Nothing changes until you accept.")}</p>
        {move || match merged.get() {
            None => {
                view! {
                    <button
                        type="button"
                        class="primary"
                        on:click=move |_| merge.run((id.get_value(), choices.get_untracked()))
                    >
                        {tr("Intégrer l'avis au dossier", "Merge the review into the dossier")}
                    </button>
                    <button type="button" on:click=move |_| navigator.go(Route::Home)>
                        {tr("Ne pas intégrer", "Do not merge")}
                    </button>
                }
                    .into_any()
            }
            Some(Ok(id)) => {
                view! {
                    <p class="banner" role="status" data-testid="reply-merged">
                        {tr(
                            "Avis intégré au dossier : le partenaire et ses commentaires y figurent.",
                            "Review merged into the dossier: the partner and its comments are in it.",
                        )}
                    </p>
                    <button
                        type="button"
                        class="primary"
                        on:click=move |_| navigator.go(Route::Dossier { id: id.clone() })
                    >
                        {tr("Ouvrir le dossier", "Open the dossier")}
                    </button>
                }
                    .into_any()
            }
            Some(Err(problem)) => {
                view! {
                    <p class="banner error" role="alert">
                        {problem}
                    </p>
                }
                    .into_any()
            }
        }}
    }
}
