//! "Partager": the dossier as a link that carries it in its fragment, with its length, a
//! copy button, a QR code when the link fits in one, and a plain warning about what the link
//! contains. A dossier too long for a link gets no link: the panel says so, names the
//! heaviest parts, and offers the file instead.

use crate::browser::links::{self, LinkFailure};
use crate::browser::storage::repository;
use crate::browser::{clipboard, location};
use crate::i18n::{self, tr};
use fabrique_app_core::id::DossierId;
use fabrique_app_core::repository::SharedVersion;
use fabrique_core::dossier::Dossier;
use fabrique_core::link::{self, EncodeError, Snapshot};
use fabrique_core::referential::{CriterionId, Referential};
use fabrique_core::review;
use leptos::prelude::*;
use qrcodegen::{QrCode, QrCodeEcc};
use std::collections::BTreeMap;
use std::fmt::Write as _;

/// The QR code of `text` as an SVG path, with its size in modules; `None` when the text does
/// not fit in a QR code.
fn qr_path(text: &str) -> Option<(i32, String)> {
    let code = QrCode::encode_text(text, QrCodeEcc::Low).ok()?;
    let size = code.size();
    let mut path = String::new();
    for y in 0..size {
        for x in 0..size {
            if code.get_module(x, y) {
                let _ = write!(path, "M{x} {y}h1v1h-1z");
            }
        }
    }
    Some((size, path))
}

/// A button that copies a link to the clipboard, and says whether it could.
#[component]
pub fn CopyButton(
    /// The button's words.
    label: &'static str,
    /// The text copied.
    text: Signal<String>,
    /// Runs on each copy, before it.
    #[prop(optional)]
    on_copy: Option<Callback<()>>,
) -> impl IntoView {
    let copied = RwSignal::new(None::<bool>);
    let copy = move |_| {
        if let Some(on_copy) = on_copy {
            on_copy.run(());
        }
        let text = text.get_untracked();
        leptos::task::spawn_local(async move {
            copied.set(Some(clipboard::copy(&text).await));
        });
    };
    view! {
        <button type="button" class="primary" on:click=copy>
            {label}
        </button>
        <span role="status">
            {move || {
                copied
                    .get()
                    .map(|ok| {
                        if ok {
                            tr("Lien copié.", "Link copied.")
                        } else {
                            tr(
                                "Copie impossible : sélectionnez le lien et copiez-le.",
                                "Could not copy: select the link and copy it.",
                            )
                        }
                    })
            }}
        </span>
    }
}

/// The share panel of a dossier.
#[component]
pub fn SharePanel(
    /// The local identifier of the dossier shared: the versions shared are remembered under
    /// it, to explain partners' replies to older ones.
    id: DossierId,
    /// The dossier shared.
    dossier: RwSignal<Dossier>,
    /// The weights it is evaluated with, carried in the link.
    weights: Signal<BTreeMap<CriterionId, u32>>,
    /// When it was last saved, shown to the recipient.
    saved_at_ms: Signal<u64>,
    /// Downloads the dossier as a file: the way out when it is too long for a link.
    export: Callback<()>,
) -> impl IntoView {
    let address = location::app_address();
    let id = StoredValue::new(id);
    // Made when the panel opens and again at each save (or change of weights), never at
    // each keystroke: encoding, compressing and drawing the QR code are not free. The
    // browser compresses (`links`), so the link arrives a moment later: `None` until then.
    // With it, the fingerprint of the version it carries, which partners' replies name.
    let made = RwSignal::new(None::<Result<String, LinkFailure>>);
    let fingerprint = StoredValue::new(0_u64);
    // Each making is numbered: only the latest one's link is shown.
    let makings = StoredValue::new(0_u64);
    // The version shown when the panel opens, and each one copied, is what partners may
    // answer: remembered (best effort: a full storage only loses the "what changed" of a
    // late reply).
    let remember = move || {
        let Some(token) = made.with_untracked(|made| {
            made.as_ref()
                .and_then(|made| made.as_ref().ok())
                .map(|text| link::extract_token(text).to_owned())
        }) else {
            return;
        };
        let version = SharedVersion {
            fingerprint: fingerprint.get_value(),
            token,
        };
        let _ = id.with_value(|id| repository().remember_shared(id, version));
    };
    Effect::new(move |_| {
        let weights = weights.get();
        let saved_at_ms = saved_at_ms.get();
        let (snapshot, version) = dossier.with_untracked(|current| {
            let snapshot = Snapshot {
                dossier: current.clone(),
                weights,
                referential_version: Referential::builtin(current.variant()).version,
                saved_at_ms,
            };
            (snapshot, review::fingerprint(current))
        });
        let making = makings.get_value() + 1;
        makings.set_value(making);
        let address = address.clone();
        leptos::task::spawn_local(async move {
            let result = links::snapshot_link(&address, &snapshot).await;
            // A newer version is being made, or the panel was closed meanwhile.
            if makings.try_get_value() != Some(making) {
                return;
            }
            fingerprint.set_value(version);
            made.set(Some(result));
            if making == 1 {
                remember();
            }
        });
    });
    let link_ok = Signal::derive(move || {
        made.with(|made| {
            made.as_ref()
                .and_then(|made| made.as_ref().ok())
                .cloned()
                .unwrap_or_default()
        })
    });
    view! {
        <section class="share-panel" aria-labelledby="share-title">
            <h2 id="share-title">{tr("Partager ce dossier", "Share this dossier")}</h2>
            <p class="warning">
                {tr(
                    "Ce lien contient toutes les données du dossier : toute personne qui le reçoit peut les lire. \
                        Elles ne passent par aucun serveur. Le destinataire voit le dossier en lecture seule, avec son \
                        évaluation.",
                    "This link contains all the dossier's data: anyone who receives it can read it. It goes through no \
                        server. The recipient sees the dossier read-only, with its evaluation.",
                )}
            </p>
            {move || {
                made.with(|made| made.as_ref().and_then(|made| made.as_ref().err().cloned()))
                    .map(|failure| {
                        let parts = match &failure {
                            LinkFailure::Refused(_) => dossier.with_untracked(link::heaviest_parts),
                            LinkFailure::Browser(_) => Vec::new(),
                        };
                        view! {
                            <div class="banner error" role="alert" data-testid="link-refused">
                                <p>{no_link(&failure)}</p>
                                {(!parts.is_empty())
                                    .then(|| {
                                        view! {
                                            <p>{tr("Ce qui pèse le plus :", "What weighs most:")}</p>
                                            <ul>
                                                {parts
                                                    .iter()
                                                    .take(3)
                                                    .map(|part| view! { <li>{part_words(*part)}</li> })
                                                    .collect_view()}
                                            </ul>
                                        }
                                    })}
                                <button type="button" class="primary" on:click=move |_| export.run(())>
                                    {tr("Exporter le dossier en fichier", "Export the dossier as a file")}
                                </button>
                            </div>
                        }
                    })
            }}
            <Show when=move || made.with(|made| matches!(made, Some(Ok(_))))>
                <div class="field">
                    <label for="share-link">{tr("Lien de partage", "Share link")}</label>
                    <textarea
                        id="share-link"
                        readonly
                        rows="4"
                        prop:value=move || link_ok.get()
                        on:copy=move |_| remember()
                    ></textarea>
                </div>
                <p data-testid="link-length">
                    {move || format!("{} {}", link_ok.with(|l| l.chars().count()), tr("caractères", "characters"))}
                </p>
                <CopyButton
                    label=tr("Copier le lien", "Copy the link")
                    text=link_ok
                    on_copy=Callback::new(move |()| remember())
                />
                {move || {
                    link_ok
                        .with(|text| qr_path(text))
                        .map(|(size, path)| {
                            view! {
                                <figure class="qr">
                                    <svg
                                        viewBox=format!("-4 -4 {} {}", size + 8, size + 8)
                                        role="img"
                                        aria-label=tr("Code QR du lien de partage", "QR code of the share link")
                                    >
                                        <rect x="-4" y="-4" width=size + 8 height=size + 8 fill="#fff"></rect>
                                        <path d=path fill="#000"></path>
                                    </svg>
                                    <figcaption>
                                        {tr("À scanner avec un téléphone.", "Scan it with a phone.")}
                                    </figcaption>
                                </figure>
                            }
                        })
                }}
            </Show>
        </section>
    }
}

/// Why the app made no link, in plain words.
fn no_link(failure: &LinkFailure) -> String {
    match failure {
        LinkFailure::Refused(error) => too_long(error),
        LinkFailure::Browser(_) => browser_failed(),
    }
}

/// The browser could not compress a link (one too old for the Compression Streams).
fn browser_failed() -> String {
    tr(
        "Ce navigateur n'a pas pu préparer le lien : il est sans doute trop ancien. Mettez-le à jour, ou \
            envoyez le dossier en fichier.",
        "This browser could not prepare the link: it is probably too old. Update it, or send the dossier \
            as a file.",
    )
    .to_owned()
}

/// Why no link was made, in plain words.
pub fn too_long(error: &EncodeError) -> String {
    match error {
        EncodeError::TooLong { chars } => format!(
            "{} ({} {}, {} {}). {}",
            tr("Ce dossier est trop long pour tenir dans un lien", "This dossier is too long to fit in a link"),
            chars,
            tr("caractères", "characters"),
            tr("au plus", "at most"),
            link::MAX_TOKEN_CHARS,
            tr(
                "Envoyez-le plutôt en fichier, ou raccourcissez les textes les plus longs.",
                "Send it as a file instead, or shorten the longest texts.",
            ),
        ),
        EncodeError::TooLarge { .. } => tr(
            "Ce dossier est trop volumineux pour tenir dans un lien. Envoyez-le plutôt en fichier.",
            "This dossier is too large to fit in a link. Send it as a file instead.",
        )
        .to_owned(),
        EncodeError::Invalid(_) => tr(
            "Ce dossier contient une valeur qu'un lien ne peut pas porter. Envoyez-le plutôt en fichier.",
            "This dossier holds a value a link cannot carry. Send it as a file instead.",
        )
        .to_owned(),
    }
}

/// A part of the dossier and its length: "Note de la section Besoin : 13 000 caractères".
fn part_words(part: link::Part) -> String {
    let section = i18n::label(part.section);
    let what = if part.note {
        format!(
            "{} « {section} »",
            tr("Note de la section", "Note of the section")
        )
    } else {
        format!(
            "{} « {section} »",
            tr("Réponses de la section", "Answers of the section")
        )
    };
    let about = if part.note {
        ""
    } else {
        tr("environ ", "about ")
    };
    format!(
        "{what}{}{about}{} {}",
        tr(" : ", ": "),
        part.chars,
        tr("caractères", "characters")
    )
}
