//! What partners' reviews look like once received: a commitment in words, the comments a
//! section received, and the list of reviews a dossier holds.

use crate::browser::clock;
use crate::i18n::{self, tr};
use fabrique_core::dossier::Dossier;
use fabrique_core::evaluation::Section;
use fabrique_core::review::{self, Commitment, Review};
use leptos::prelude::*;

/// A commitment in words ("lettre de soutien, 15 000,00 € …"), or that there is none.
pub fn commitment_text(commitment: &Commitment) -> String {
    let mut parts: Vec<String> = Vec::new();
    if commitment.letter_of_support {
        parts.push(tr("lettre de soutien", "letter of support").to_owned());
    }
    if let Some(amount) = commitment.financial_amount.filter(|a| a.0 > 0) {
        parts.push(format!(
            "{} {amount}",
            tr("apport financier de", "financial contribution of")
        ));
    }
    if commitment.in_kind {
        parts.push(
            tr(
                "apport en nature ou en locaux",
                "in-kind or premises contribution",
            )
            .to_owned(),
        );
    }
    if commitment.governance_seat {
        parts.push(tr("siège dans la gouvernance", "governance seat").to_owned());
    }
    if parts.is_empty() {
        tr("aucun engagement", "no commitment").to_owned()
    } else {
        parts.join(", ")
    }
}

/// Who wrote a review: "Claire Martin (Mairie de Saint-Martin)".
pub fn author(review: &Review) -> String {
    if review.person.trim().is_empty() {
        review.organisation.clone()
    } else {
        format!("{} ({})", review.person, review.organisation)
    }
}

/// A review's comments, one per section, as a list.
pub fn comments_list(review: &Review) -> impl IntoView {
    let comments: Vec<(Section, String)> = review
        .comments
        .iter()
        .filter(|(_, text)| !text.trim().is_empty())
        .map(|(section, text)| (*section, text.clone()))
        .collect();
    (!comments.is_empty()).then(|| {
        view! {
            <dl class="review-comments">
                {comments
                    .into_iter()
                    .map(|(section, text)| {
                        view! {
                            <dt>{i18n::label(section)}</dt>
                            <dd class="user-text">{text}</dd>
                        }
                    })
                    .collect_view()}
            </dl>
        }
    })
}

/// The comments partners made on one section, under its form.
#[component]
pub fn SectionComments(
    /// The dossier and its reviews.
    dossier: Signal<Dossier>,
    /// The section shown.
    section: Section,
) -> impl IntoView {
    move || {
        let comments: Vec<(String, String)> = dossier.with(|d| {
            review::comments_on(d, section)
                .into_iter()
                .map(|(received, text)| (author(&received.review), text.to_owned()))
                .collect()
        });
        (!comments.is_empty()).then(|| {
            view! {
                <aside
                    class="section-comments"
                    aria-label=tr("Commentaires des partenaires", "Partners' comments")
                    data-testid="section-comments"
                >
                    <h3>
                        {tr("Commentaires des partenaires sur cette section", "Partners' comments on this section")}
                    </h3>
                    <ul>
                        {comments
                            .into_iter()
                            .map(|(who, text)| {
                                view! {
                                    <li>
                                        <strong>{who}</strong>
                                        {fabrique_core::report::colon(crate::i18n::lang())}
                                        <span class="user-text">{text}</span>
                                    </li>
                                }
                            })
                            .collect_view()}
                    </ul>
                </aside>
            }
        })
    }
}

/// The reviews a dossier received, newest first.
#[component]
pub fn ReceivedReviews(
    /// The dossier and its reviews.
    dossier: Signal<Dossier>,
) -> impl IntoView {
    move || {
        let reviews = dossier.with(|d| d.reviews.clone());
        (!reviews.is_empty()).then(|| {
            view! {
                <section class="received-reviews" aria-labelledby="reviews-title" data-testid="received-reviews">
                    <h3 id="reviews-title">
                        {format!(
                            "{} ({})",
                            tr("Avis reçus des partenaires", "Reviews received from partners"),
                            reviews.len(),
                        )}
                    </h3>
                    <ul>
                        {reviews
                            .into_iter()
                            .rev()
                            .map(|received| {
                                let review = received.review;
                                view! {
                                    <li>
                                        <p>
                                            <strong>{author(&review)}</strong>
                                            {format!(
                                                " — {} {}, {} {}.",
                                                tr("écrit le", "written on"),
                                                clock::local_date(review.written_at_ms),
                                                tr("intégré le", "merged on"),
                                                clock::local_date(received.merged_at_ms),
                                            )}
                                        </p>
                                        <p>
                                            {format!(
                                                "{} : {}",
                                                tr(
                                                    "Engagement déclaré par le partenaire",
                                                    "Commitment declared by the partner",
                                                ),
                                                commitment_text(&review.commitment),
                                            )}
                                        </p>
                                        {received
                                            .answered_older_version
                                            .then(|| {
                                                view! {
                                                    <p class="note">
                                                        {tr(
                                                            "Cet avis répondait à une version antérieure du dossier.",
                                                            "This review answered an earlier version of the dossier.",
                                                        )}
                                                    </p>
                                                }
                                            })}
                                        {comments_list(&review)}
                                    </li>
                                }
                            })
                            .collect_view()}
                    </ul>
                </section>
            }
        })
    }
}
