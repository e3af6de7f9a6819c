//! A partner's review of a snapshot received as a link: who they are, comments per section,
//! what they commit to; the app turns it into a reply link the partner sends back to the
//! holder. Nothing is sent anywhere by Fabrique. What the partner types is kept as a draft
//! in this browser, per snapshot, until the reply link is copied: a reload loses nothing.

use crate::browser::links::{self, LinkFailure};
use crate::browser::storage::repository;
use crate::browser::{clock, location};
use crate::components::share_panel::CopyButton;
use crate::i18n::{self, tr};
use fabrique_app_core::repository::ReviewDraft;
use fabrique_core::dossier::{Dossier, PartnerCategory};
use fabrique_core::evaluation::Section;
use fabrique_core::label::Label;
use fabrique_core::link::EncodeError;
use fabrique_core::review::{self, Commitment, Review};
use fabrique_core::units::Cents;
use leptos::prelude::*;
use std::collections::BTreeMap;

/// A checkbox bound to a signal, with its label.
fn check(id: &'static str, label: &'static str, value: RwSignal<bool>) -> impl IntoView {
    view! {
        <div class="field check">
            <input
                type="checkbox"
                id=id
                prop:checked=move || value.get()
                on:change=move |event| value.set(event_target_checked(&event))
            />
            <label for=id>{label}</label>
        </div>
    }
}

/// A one-line text input bound to a signal, with its label.
fn text(id: &'static str, label: &'static str, value: RwSignal<String>) -> impl IntoView {
    view! {
        <div class="field">
            <label for=id>{label}</label>
            <input
                type="text"
                id=id
                maxlength=review::MAX_NAME_CHARS
                prop:value=move || value.get()
                on:input=move |event| value.set(event_target_value(&event))
            />
        </div>
    }
}

/// The review form, and the reply link once made.
#[component]
pub fn ReviewForm(
    /// The dossier the partner read, as the link carried it.
    dossier: StoredValue<Dossier>,
) -> impl IntoView {
    let answers = dossier.with_value(review::fingerprint);
    let draft = repository().review_draft(answers).unwrap_or_default();
    let organisation = RwSignal::new(draft.organisation);
    let person = RwSignal::new(draft.person);
    let category = RwSignal::new(draft.category);
    let letter = RwSignal::new(draft.letter_of_support);
    let in_kind = RwSignal::new(draft.in_kind);
    let seat = RwSignal::new(draft.governance_seat);
    let amount = RwSignal::new(draft.amount);
    let variant = dossier.with_value(|d| d.variant());
    let comments: Vec<(Section, RwSignal<String>)> = Section::ALL
        .iter()
        .copied()
        .filter(|section| section.applies_to(variant))
        .map(|section| {
            let kept = draft.comments.get(&section).cloned().unwrap_or_default();
            (section, RwSignal::new(kept))
        })
        .collect();
    let comments = StoredValue::new(comments);
    let problem = RwSignal::new(None::<String>);
    let reply = RwSignal::new(None::<String>);
    // Each making of the link is numbered (`make`).
    let makings = StoredValue::new(0_u64);
    // The draft follows every change (best effort: a full storage only loses the draft).
    let copied = StoredValue::new(false);
    Effect::new(move |_| {
        let draft = ReviewDraft {
            organisation: organisation.get(),
            person: person.get(),
            category: category.get(),
            letter_of_support: letter.get(),
            in_kind: in_kind.get(),
            governance_seat: seat.get(),
            amount: amount.get(),
            comments: comments.with_value(|all| {
                all.iter()
                    .map(|(section, text)| (*section, text.get()))
                    .filter(|(_, text)| !text.trim().is_empty())
                    .collect()
            }),
        };
        if !copied.get_value() && draft != ReviewDraft::default() {
            let _ = repository().save_review_draft(answers, &draft);
        }
    });
    let forget_draft = Callback::new(move |()| {
        copied.set_value(true);
        let _ = repository().forget_review_draft(answers);
    });

    let amount_value = move || -> Result<Option<Cents>, &'static str> {
        let typed = amount.get_untracked();
        if typed.trim().is_empty() {
            return Ok(None);
        }
        match Cents::parse_fr(&typed) {
            Some(value) if value.0 >= 0 => Ok((value.0 > 0).then_some(value)),
            _ => Err(tr(
                "Le montant n'est pas un nombre positif (exemple : 15 000 ou 2 500,50).",
                "The amount is not a positive number (example: 15,000 or 2,500.50).",
            )),
        }
    };
    let make = move |_| {
        if organisation.get_untracked().trim().is_empty() {
            problem.set(Some(
                tr(
                    "Indiquez votre organisation : le porteur du projet doit savoir de qui vient l'avis.",
                    "Give your organisation: the project holder must know who the review comes from.",
                )
                .to_owned(),
            ));
            reply.set(None);
            return;
        }
        let financial_amount = match amount_value() {
            Ok(value) => value,
            Err(message) => {
                problem.set(Some(message.to_owned()));
                reply.set(None);
                return;
            }
        };
        let review = dossier.with_value(|d| Review {
            answers,
            // Only to name the dossier when the holder no longer has it: capped like a name.
            dossier_name: d.name.chars().take(review::MAX_NAME_CHARS).collect(),
            organisation: organisation.get_untracked().trim().to_owned(),
            person: person.get_untracked().trim().to_owned(),
            category: category.get_untracked(),
            comments: comments.with_value(|all| {
                all.iter()
                    .map(|(section, text)| (*section, text.get_untracked().trim().to_owned()))
                    .filter(|(_, text)| !text.is_empty())
                    .collect::<BTreeMap<_, _>>()
            }),
            commitment: Commitment {
                letter_of_support: letter.get_untracked(),
                in_kind: in_kind.get_untracked(),
                financial_amount,
                governance_seat: seat.get_untracked(),
            },
            written_at_ms: clock::now_ms(),
        });
        // The browser compresses (`links`): the link arrives a moment later. Only the latest
        // click's link is shown.
        let making = makings.get_value() + 1;
        makings.set_value(making);
        reply.set(None);
        leptos::task::spawn_local(async move {
            let result = links::reply_link(&location::app_address(), &review).await;
            // A newer click, or the form was closed meanwhile.
            if makings.try_get_value() != Some(making) {
                return;
            }
            match result {
                Ok(link) => {
                    problem.set(None);
                    reply.set(Some(link));
                }
                Err(LinkFailure::Refused(error)) => {
                    problem.set(Some(too_long(&error, &review)));
                    reply.set(None);
                }
                Err(LinkFailure::Browser(_)) => {
                    problem.set(Some(
                        tr(
                            "Ce navigateur n'a pas pu préparer le lien : il est sans doute trop ancien. Mettez-le à \
                                jour, puis créez le lien à nouveau : votre brouillon est gardé dans ce navigateur.",
                            "This browser could not prepare the link: it is probably too old. Update it, then make \
                                the link again: your draft is kept in this browser.",
                        )
                        .to_owned(),
                    ));
                    reply.set(None);
                }
            }
        });
    };

    view! {
        <section class="review-form" aria-labelledby="review-title">
            <h2 id="review-title">{tr("Répondre au porteur du projet", "Answer the project holder")}</h2>
            <p class="help">
                {tr(
                    "Donnez votre avis et dites ce que vous vous engagez à apporter. Fabrique en fait un lien de \
                        réponse que vous renvoyez au porteur du projet (courriel, messagerie) : rien n'est envoyé par \
                        Fabrique. Votre brouillon reste dans ce navigateur jusqu'à ce que vous copiiez le lien.",
                    "Give your review and say what you commit to bring. Fabrique turns it into a reply link that you \
                        send back to the project holder (e-mail, chat): Fabrique sends nothing. Your draft stays in \
                        this browser until you copy the link.",
                )}
            </p>
            <fieldset>
                <legend>{tr("Qui répond", "Who answers")}</legend>
                {text(
                    "review-organisation",
                    tr("Votre organisation (obligatoire)", "Your organisation (required)"),
                    organisation,
                )}
                {text("review-person", tr("Votre nom et votre fonction", "Your name and position"), person)}
                <div class="field">
                    <label for="review-category">{tr("Catégorie de partenaire", "Partner category")}</label>
                    <select
                        id="review-category"
                        prop:value=move || category.get().index().to_string()
                        on:change=move |event| {
                            if let Some(value) = event_target_value(&event)
                                .parse::<usize>()
                                .ok()
                                .and_then(|i| PartnerCategory::ALL.get(i))
                            {
                                category.set(*value);
                            }
                        }
                    >
                        {PartnerCategory::ALL
                            .iter()
                            .map(|value| {
                                view! { <option value=value.index().to_string()>{i18n::label(*value)}</option> }
                            })
                            .collect_view()}
                    </select>
                </div>
            </fieldset>
            <fieldset>
                <legend>{tr("Votre engagement", "Your commitment")}</legend>
                {check(
                    "review-letter",
                    tr("Nous fournirons une lettre de soutien", "We will provide a letter of support"),
                    letter,
                )}
                {check(
                    "review-in-kind",
                    tr("Nous apportons des biens, des services ou des locaux", "We bring goods, services or premises"),
                    in_kind,
                )}
                {check(
                    "review-seat",
                    tr("Nous prendrons un siège dans la gouvernance", "We will take a seat in the governance"),
                    seat,
                )}
                <div class="field">
                    <label for="review-amount">
                        {tr("Apport financier (€, facultatif)", "Financial contribution (€, optional)")}
                    </label>
                    <input
                        type="text"
                        inputmode="decimal"
                        id="review-amount"
                        prop:value=move || amount.get()
                        on:input=move |event| amount.set(event_target_value(&event))
                    />
                </div>
            </fieldset>
            <fieldset>
                <legend>
                    {tr(
                        "Vos commentaires, section par section (facultatif)",
                        "Your comments, section by section (optional)",
                    )}
                </legend>
                {comments
                    .with_value(|all| {
                        all.iter()
                            .map(|(section, value)| {
                                let value = *value;
                                let id = format!("review-comment-{}", section.slug());
                                view! {
                                    <div class="field">
                                        <label for=id.clone()>{i18n::label(*section)}</label>
                                        <textarea
                                            id=id
                                            rows="2"
                                            maxlength=review::MAX_COMMENT_CHARS
                                            prop:value=move || value.get()
                                            on:input=move |event| value.set(event_target_value(&event))
                                        ></textarea>
                                    </div>
                                }
                            })
                            .collect_view()
                    })}
            </fieldset>
            <button type="button" class="primary" on:click=make>
                {tr("Créer le lien de réponse", "Make the reply link")}
            </button>
            {move || {
                problem
                    .get()
                    .map(|message| {
                        view! {
                            <p class="error" role="alert">
                                {message}
                            </p>
                        }
                    })
            }}
            {move || {
                reply
                    .get()
                    .map(|link| {
                        view! {
                            <div class="reply-link">
                                <div class="field">
                                    <label for="reply-link">
                                        {tr(
                                            "Lien de réponse à envoyer au porteur du projet",
                                            "Reply link to send to the project holder",
                                        )}
                                    </label>
                                    <textarea
                                        id="reply-link"
                                        readonly
                                        rows="3"
                                        prop:value=link.clone()
                                        on:copy=move |_| forget_draft.run(())
                                    ></textarea>
                                </div>
                                <p data-testid="reply-length">
                                    {format!("{} {}", link.chars().count(), tr("caractères", "characters"))}
                                </p>
                                <CopyButton
                                    label=tr("Copier le lien de réponse", "Copy the reply link")
                                    text=Signal::derive(move || reply.get().unwrap_or_default())
                                    on_copy=forget_draft
                                />
                            </div>
                        }
                    })
            }}
        </section>
    }
}

/// Why no reply link was made, in plain words: too long, with the longest comments named.
fn too_long(error: &EncodeError, review: &Review) -> String {
    match error {
        EncodeError::TooLong { chars } => {
            let mut longest: Vec<(Section, usize)> = review
                .comments
                .iter()
                .map(|(section, text)| (*section, text.chars().count()))
                .collect();
            longest.sort_unstable_by_key(|(_, chars)| std::cmp::Reverse(*chars));
            let named: Vec<String> = longest
                .into_iter()
                .take(3)
                .map(|(section, chars)| {
                    format!(
                        "{} ({chars} {})",
                        i18n::label(section),
                        tr("caractères", "characters")
                    )
                })
                .collect();
            format!(
                "{} ({chars} {}, {} {}). {} {}",
                tr(
                    "Votre réponse est trop longue pour tenir dans un lien",
                    "Your reply is too long to fit in a link"
                ),
                tr("caractères", "characters"),
                tr("au plus", "at most"),
                fabrique_core::link::MAX_TOKEN_CHARS,
                tr(
                    "Raccourcissez les commentaires les plus longs :",
                    "Shorten the longest comments:"
                ),
                named.join(", "),
            )
        }
        EncodeError::TooLarge { .. } | EncodeError::Invalid(_) => tr(
            "Votre réponse ne peut pas tenir dans un lien : raccourcissez vos commentaires.",
            "Your reply cannot fit in a link: shorten your comments.",
        )
        .to_owned(),
    }
}
