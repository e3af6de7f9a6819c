//! A partner's reply received as a link. The app finds the local dossier it answers (as it
//! is now, or a version shared earlier from this browser), shows the review and what
//! merging would do, and merges only when the holder accepts. A reply for a dossier this
//! browser does not know, or one already merged, changes nothing.

use crate::app::use_navigator;
use crate::browser::{clock, storage};
use crate::components::reviews::{author, comments_list, commitment_text};
use crate::components::snapshot_view::{differences_table, explain};
use crate::i18n::{self, tr};
use crate::route::Route;
use fabrique_core::compare::{differences, Difference};
use fabrique_core::dossier::Dossier;
use fabrique_core::link;
use fabrique_core::review::{self, MergeOutcome, Review};
use leptos::prelude::*;

/// The local dossier a reply answers.
#[derive(Clone)]
enum Answered {
    /// It is in this dossier already (merged at that time).
    Merged {
        id: String,
        name: String,
        at_ms: u64,
    },
    /// This dossier, as it is now.
    Current { id: String, dossier: Dossier },
    /// This dossier, in a version shared earlier (saved then): what changed since.
    Older {
        id: String,
        dossier: Dossier,
        saved_at_ms: u64,
        changes: Vec<Difference>,
    },
    /// No dossier of this browser.
    Unknown,
}

/// Looks for the dossier a reply answers: one that holds it already, one whose current
/// version it answers, then one whose shared versions include the one it answers.
fn locate(review: &Review) -> Answered {
    let dossiers: Vec<(String, Dossier)> = storage::dossier_ids()
        .unwrap_or_default()
        .into_iter()
        .filter_map(|id| storage::load_dossier(&id).ok().flatten().map(|d| (id, d)))
        .collect();
    if let Some((id, dossier, at_ms)) = dossiers.iter().find_map(|(id, dossier)| {
        review::already_merged(dossier, review).map(|received| (id, dossier, received.merged_at_ms))
    }) {
        return Answered::Merged {
            id: id.clone(),
            name: crate::i18n::dossier_name(&dossier.name),
            at_ms,
        };
    }
    if let Some((id, dossier)) = dossiers
        .iter()
        .find(|(_, dossier)| review::fingerprint(dossier) == review.answers)
    {
        return Answered::Current {
            id: id.clone(),
            dossier: dossier.clone(),
        };
    }
    for (id, dossier) in &dossiers {
        let shared = storage::shared_versions(id)
            .into_iter()
            .find(|version| version.fingerprint == review.answers);
        if let Some(then) = shared.and_then(|version| link::decode(&version.token).ok()) {
            return Answered::Older {
                id: id.clone(),
                dossier: dossier.clone(),
                saved_at_ms: then.saved_at_ms,
                changes: differences(&then.dossier, dossier),
            };
        }
    }
    Answered::Unknown
}

/// The view of a reply link.
#[component]
pub fn ReplyView(
    /// The link's fragment (or `?s=` value).
    token: String,
) -> impl IntoView {
    let navigator = use_navigator();
    let home = move |_| navigator.go(Route::Home);
    match review::decode(&token) {
        Ok(review) => view! { <ReplyReader review=review/> }.into_any(),
        Err(error) => view! {
            <h1>{tr("Réponse d'un partenaire", "A partner's reply")}</h1>
            <p class="banner error" role="alert" data-testid="link-error">{explain(&error, true)}</p>
            <p>{tr("Vos dossiers n'ont pas été modifiés.", "Your dossiers were not changed.")}</p>
            <button type="button" on:click=home>{tr("Aller à mes dossiers", "Go to my dossiers")}</button>
        }
        .into_any(),
    }
}

/// What merging will do to the partners list, in words.
fn merge_preview(dossier: &Dossier, review: &Review) -> String {
    let commitment = commitment_text(&review.commitment);
    match review::partner_of(dossier, review) {
        Some(_) => format!(
            "{} « {} » {} : {commitment}.",
            tr("Le partenaire", "The partner"),
            review.organisation,
            tr(
                "sera mis à jour avec son engagement",
                "will be updated with its commitment"
            ),
        ),
        None => format!(
            "{} « {} » {} : {commitment}.",
            tr("Le partenaire", "The partner"),
            review.organisation,
            tr(
                "sera ajouté à la liste des partenaires, avec son engagement",
                "will be added to the partners, with its commitment"
            ),
        ),
    }
}

/// A reply that was read.
#[component]
fn ReplyReader(
    /// What the reply carries.
    review: Review,
) -> impl IntoView {
    let navigator = use_navigator();
    let answered = locate(&review);
    let merged = RwSignal::new(None::<Result<String, String>>);
    let review = StoredValue::new(review);

    let merge = move |id: String| {
        let result = (|| -> Result<String, String> {
            let record = storage::load_record(&id)
                .map_err(|error| error.to_string())?
                .ok_or_else(|| {
                    tr(
                        "Ce dossier n'existe plus dans ce navigateur.",
                        "This dossier no longer exists in this browser.",
                    )
                    .to_owned()
                })?;
            let mut dossier = record.dossier;
            let outcome = review.with_value(|r| review::merge(&mut dossier, r, clock::now_ms()));
            if let MergeOutcome::Merged { .. } = outcome {
                storage::save_dossier_from(&id, &dossier, record.revision, clock::now_ms()).map_err(|error| match error {
                    storage::SaveError::Conflict(_) => tr("Le dossier vient d'être modifié dans un autre onglet : rouvrez ce lien de réponse.", "The dossier was just changed in another tab: open this reply link again.").to_owned(),
                    storage::SaveError::Storage(error) => error.to_string(),
                })?;
            }
            Ok(id)
        })();
        merged.set(Some(result));
    };

    let header = review.with_value(|r| {
        view! {
            <h1>{tr("Avis d'un partenaire", "A partner's review")}</h1>
            <div class="review-received" data-testid="review">
                <p><strong>{author(r)}</strong> {format!(" — {}", i18n::partner_category(r.category))}</p>
                <p>{format!("{} {}.", tr("Écrit le", "Written on"), clock::local_date_time(r.written_at_ms))}</p>
                <p data-testid="review-commitment">{format!("{} : {}", tr("Engagement", "Commitment"), commitment_text(&r.commitment))}</p>
                {comments_list(r)}
            </div>
        }
    });
    let body = match answered {
        Answered::Unknown => view! {
            <p class="banner error" role="alert" data-testid="reply-unknown">
                {review.with_value(|r| format!(
                    "{} « {} » {}",
                    tr("Cet avis répond au dossier", "This review answers the dossier"),
                    r.dossier_name,
                    tr(
                        "qui n'est pas dans ce navigateur (ou n'a pas été partagé depuis ce navigateur). Rien n'a été modifié.",
                        "which is not in this browser (or was not shared from this browser). Nothing was changed.",
                    ),
                ))}
            </p>
        }
        .into_any(),
        Answered::Merged { id, name, at_ms } => view! {
            <p class="banner" role="status" data-testid="reply-merged-already">
                {format!(
                    "{} « {name} » {} {}. {}",
                    tr("Cet avis a déjà été intégré au dossier", "This review was already merged into the dossier"),
                    tr("le", "on"),
                    clock::local_date_time(at_ms),
                    tr("L'intégrer à nouveau ne changerait rien.", "Merging it again would change nothing."),
                )}
            </p>
            <button type="button" on:click=move |_| navigator.go(Route::Dossier { id: id.clone() })>{tr("Ouvrir le dossier", "Open the dossier")}</button>
        }
        .into_any(),
        Answered::Current { id, dossier } => view! {
            <MergeOffer id=id dossier=dossier review=review merged=merged merge=Callback::new(merge) older=None/>
        }
        .into_any(),
        Answered::Older { id, dossier, saved_at_ms, changes } => view! {
            <MergeOffer id=id dossier=dossier review=review merged=merged merge=Callback::new(merge) older=Some((saved_at_ms, changes))/>
        }
        .into_any(),
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
    id: String,
    /// The dossier as it is now.
    dossier: Dossier,
    /// The reply.
    review: StoredValue<Review>,
    /// The merge's result: the dossier's id, or what went wrong.
    merged: RwSignal<Option<Result<String, String>>>,
    /// Merges the reply into the dossier of that id.
    merge: Callback<String>,
    /// When the reply answers an older version: when it was saved, and what changed since.
    older: Option<(u64, Vec<Difference>)>,
) -> impl IntoView {
    let navigator = use_navigator();
    let name = crate::i18n::dossier_name(&dossier.name);
    let preview = review.with_value(|r| merge_preview(&dossier, r));
    let id = StoredValue::new(id);
    view! {
        <p data-testid="reply-target">{format!("{} « {name} ».", tr("Cet avis répond à votre dossier", "This review answers your dossier"))}</p>
        {older.map(|(saved_at_ms, changes)| view! {
            <div class="banner warning" role="alert" data-testid="reply-older">
                <p>
                    <strong>{tr("Cet avis répond à une version antérieure du dossier", "This review answers an earlier version of the dossier")}</strong>
                    {format!(" ({} {}). {} ({}) :", tr("enregistrée le", "saved on"), clock::local_date_time(saved_at_ms), tr("Depuis, ces réponses ont changé", "Since then, these answers changed"), changes.len())}
                </p>
                {differences_table(changes, "reply-changes", tr("Version lue par le partenaire", "Version the partner read"), tr("Aujourd'hui", "Today"))}
            </div>
        })}
        <p data-testid="merge-preview">{preview}</p>
        <p>{tr("Rien n'est modifié tant que vous n'avez pas accepté.", "Nothing changes until you accept.")}</p>
        {move || match merged.get() {
            None => view! {
                <button type="button" class="primary" on:click=move |_| merge.run(id.get_value())>{tr("Intégrer l'avis au dossier", "Merge the review into the dossier")}</button>
                <button type="button" on:click=move |_| navigator.go(Route::Home)>{tr("Ne pas intégrer", "Do not merge")}</button>
            }.into_any(),
            Some(Ok(id)) => view! {
                <p class="banner" role="status" data-testid="reply-merged">{tr("Avis intégré au dossier : le partenaire et ses commentaires y figurent.", "Review merged into the dossier: the partner and its comments are in it.")}</p>
                <button type="button" class="primary" on:click=move |_| navigator.go(Route::Dossier { id: id.clone() })>{tr("Ouvrir le dossier", "Open the dossier")}</button>
            }.into_any(),
            Some(Err(problem)) => view! {
                <p class="banner error" role="alert">{problem}</p>
            }.into_any(),
        }}
    }
}
