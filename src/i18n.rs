//! French first, English second. Every text the user sees is written with [`tr`], which
//! takes both languages: a text without its translation does not compile. The domain's enums
//! get their words from the core's `Label` trait ([`label`]), whose lists of values and
//! words are made from the same lines: a new variant without its words fails to build.
//!
//! The language is chosen in the settings; the app re-mounts its screens when it changes
//! (after saving), so components read the language once, with [`lang`], when they are built.

use fabrique_app_core::reply::MergeError;
use fabrique_app_core::repository::{ActionError, ImportFailure, Imported, StorageError};
use fabrique_core::dossier::ReadError;
use fabrique_core::label::Label;
use fabrique_core::referential::Lang;
use std::cell::Cell;

thread_local! {
    static CURRENT: Cell<Lang> = const { Cell::new(Lang::Fr) };
}

/// Sets the language the next built screens are written in.
pub fn set_lang(lang: Lang) {
    CURRENT.with(|current| current.set(lang));
}

/// The language screens are being written in.
pub fn lang() -> Lang {
    CURRENT.with(Cell::get)
}

/// The text in the current language.
pub fn tr(fr: &'static str, en: &'static str) -> &'static str {
    match lang() {
        Lang::Fr => fr,
        Lang::En => en,
    }
}

/// A dossier's name as screens show it: "Dossier sans nom" while it has none.
pub fn dossier_name(name: &str) -> String {
    if name.trim().is_empty() {
        tr("Dossier sans nom", "Untitled dossier").to_owned()
    } else {
        name.to_owned()
    }
}

/// A domain value's words in the current language (the core's [`Label`]).
pub fn label<T: Label>(value: T) -> &'static str {
    value.label(lang())
}

/// A saved time in the current language: `29/11/2026 à 14:05` (empty when unknown).
pub fn date_time(ms: u64) -> String {
    crate::browser::clock::local_date_time(ms, lang())
}

/// Why the browser's storage could not be read or written, in plain words.
pub fn storage_error(error: &StorageError) -> String {
    match error {
        StorageError::Unreadable {
            key,
            cause: ReadError::FutureVersion(version),
        } => format!(
            "{} « {key} » {} ({version}). {}",
            tr("L'entrée", "The entry"),
            tr(
                "vient d'une version plus récente de Fabrique",
                "comes from a newer version of Fabrique"
            ),
            tr(
                "Elle est conservée telle quelle ; mettez l'application à jour pour l'ouvrir.",
                "It is kept as it is; update the app to open it."
            )
        ),
        StorageError::Unreadable { key, .. } => format!(
            "{} « {key} » {}",
            tr("L'entrée", "The entry"),
            tr(
                "de ce navigateur est illisible. Son texte est conservé tel quel.",
                "of this browser cannot be read. Its text is kept as it is."
            )
        ),
        StorageError::WriteRefused { .. } => tr(
            "Le navigateur refuse d'enregistrer (espace plein ou navigation privée).",
            "The browser refuses to save (storage full, or private browsing).",
        )
        .to_owned(),
        StorageError::Unavailable => tr(
            "Le navigateur refuse de lire son stockage local.",
            "The browser refuses to read its local storage.",
        )
        .to_owned(),
    }
}

/// Why an action on a dossier of the list did not happen.
pub fn action_error(error: &ActionError) -> String {
    match error {
        ActionError::Gone => gone().to_owned(),
        ActionError::Storage(error) => storage_error(error),
    }
}

/// The dossier an action was for is no longer kept.
pub fn gone() -> &'static str {
    tr(
        "Ce dossier n'existe plus dans ce navigateur.",
        "This dossier no longer exists in this browser.",
    )
}

/// Why a partner's reply was not merged.
pub fn merge_error(error: &MergeError) -> String {
    match error {
        MergeError::Gone => gone().to_owned(),
        MergeError::Conflict => tr(
            "Le dossier vient d'être modifié dans un autre onglet : rouvrez ce lien de réponse.",
            "The dossier was just changed in another tab: open this reply link again.",
        )
        .to_owned(),
        MergeError::Storage(error) => storage_error(error),
    }
}

/// Why an import did not happen.
pub fn import_failure(failure: &ImportFailure) -> String {
    format!(
        "{} {}",
        tr("Import impossible :", "Import failed:"),
        match failure {
            ImportFailure::File(error) => error.to_string(),
            ImportFailure::Storage(error) => storage_error(error),
        }
    )
}

/// What an import kept, and each entry it could not read, in plain words.
pub fn imported(imported: &Imported) -> String {
    let mut text = match imported.kept {
        0 => tr("Aucun dossier importé.", "No dossier imported.").to_owned(),
        1 => tr("1 dossier importé.", "1 dossier imported.").to_owned(),
        n => format!("{n} {}", tr("dossiers importés.", "dossiers imported.")),
    };
    for refused in &imported.refused {
        let name = refused
            .name
            .as_deref()
            .map(|name| format!(" « {} »", dossier_name(name)))
            .unwrap_or_default();
        let why = match &refused.cause {
            ReadError::FutureVersion(_) => tr(
                "il vient d'une version plus récente de Fabrique (rechargez la page pour la mettre à jour, puis \
                    importez à nouveau)",
                "it comes from a newer version of Fabrique (reload the page to update it, then import again)",
            ),
            _ => tr("il est illisible (abîmé ou modifié à la main)", "it cannot be read (damaged or edited by hand)"),
        };
        text.push_str(&format!(
            " {} {}{name}{} {why}.",
            tr("Non importé : le dossier", "Not imported: dossier"),
            refused.position + 1,
            tr(" :", ":"),
        ));
    }
    text
}
