//! "Partager": the dossier as a link that carries it in its fragment, with its length, a
//! copy button, a QR code when the link fits in one, and a plain warning about what the link
//! contains.

use crate::browser::storage::repository;
use crate::browser::{clipboard, location};
use crate::i18n::tr;
use fabrique_app_core::id::DossierId;
use fabrique_app_core::repository::SharedVersion;
use fabrique_core::dossier::Dossier;
use fabrique_core::link::{self, Snapshot};
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
) -> impl IntoView {
    let address = location::app_address();
    let id = StoredValue::new(id);
    // Made when the panel opens and again at each save (or change of weights), never at
    // each keystroke: encoding, compressing and drawing the QR code are not free. With it,
    // the fingerprint of the version it carries, which partners' replies name.
    let fingerprint = StoredValue::new(0_u64);
    let link_text = Memo::new(move |_| {
        let snapshot = dossier.with_untracked(|current| {
            fingerprint.set_value(review::fingerprint(current));
            Snapshot {
                dossier: current.clone(),
                weights: weights.get(),
                referential_version: Referential::builtin(current.variant()).version,
                saved_at_ms: saved_at_ms.get(),
            }
        });
        link::to_link(&address, &snapshot)
    });
    // The version shown when the panel opens, and each one copied, is what partners may
    // answer: remembered (best effort: a full storage only loses the "what changed" of a
    // late reply).
    let remember = move || {
        let token = link_text.with_untracked(|text| link::extract_token(text).to_owned());
        let version = SharedVersion {
            fingerprint: fingerprint.get_value(),
            token,
        };
        let _ = id.with_value(|id| repository().remember_shared(id, version));
    };
    remember();
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
            <div class="field">
                <label for="share-link">{tr("Lien de partage", "Share link")}</label>
                <textarea
                    id="share-link"
                    readonly
                    rows="4"
                    prop:value=move || link_text.get()
                    on:copy=move |_| remember()
                ></textarea>
            </div>
            <p data-testid="link-length">
                {move || format!("{} {}", link_text.with(|l| l.chars().count()), tr("caractères", "characters"))}
            </p>
            <CopyButton
                label=tr("Copier le lien", "Copy the link")
                text=link_text.into()
                on_copy=Callback::new(move |()| remember())
            />
            {move || {
                link_text
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
        </section>
    }
}
