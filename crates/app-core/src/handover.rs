//! What the home bundle hands to the whole app (#20, ARCHITECTURE.md "Two bundles"). On a
//! first visit, with nothing stored yet, the page runs the home screen alone: creating a
//! dossier, opening an example or importing a file is done by the whole app, which the page
//! loads again for it. The action travels in the tab's session storage, written just before
//! that load and taken (read and removed) once by the whole app's home, so that it is done
//! exactly once, and never by another tab. The home bundle never loads the page again
//! without one: `first-screen.js` chooses the whole app while one waits, so the page cannot
//! come back to the home bundle in a loop.

/// The key the action is kept under, in session storage. `public/first-screen.js` reads it
/// too: while an action waits, the page is the whole app's.
pub const HANDOVER_KEY: &str = "fabrique.handover";

/// An action of the home screen, for the whole app to do.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Handover {
    /// Nothing to do: the whole app is wanted (another tab has kept a dossier meanwhile).
    Open,
    /// "Nouveau dossier".
    NewDossier,
    /// "Ouvrir l'exemple", the example at this index of the list.
    Example(usize),
    /// A file to import, with its text.
    Import(String),
    /// A file to import that was too large to be kept for the whole app: the user picks it
    /// again there.
    PickAgain,
}

const OPEN: &str = "open";
const NEW: &str = "new";
const EXAMPLE: &str = "example:";
const IMPORT: &str = "import:";
const PICK_AGAIN: &str = "pick-again";

impl Handover {
    /// The text kept in session storage.
    pub fn encode(&self) -> String {
        match self {
            Handover::Open => OPEN.to_owned(),
            Handover::NewDossier => NEW.to_owned(),
            Handover::Example(index) => format!("{EXAMPLE}{index}"),
            Handover::Import(text) => format!("{IMPORT}{text}"),
            Handover::PickAgain => PICK_AGAIN.to_owned(),
        }
    }

    /// The action a kept text names; anything else (written by hand, or by another
    /// version) is no action.
    pub fn decode(text: &str) -> Option<Handover> {
        if let Some(file) = text.strip_prefix(IMPORT) {
            return Some(Handover::Import(file.to_owned()));
        }
        if let Some(index) = text.strip_prefix(EXAMPLE) {
            return index.parse().ok().map(Handover::Example);
        }
        match text {
            OPEN => Some(Handover::Open),
            NEW => Some(Handover::NewDossier),
            PICK_AGAIN => Some(Handover::PickAgain),
            _ => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_action_reads_back_as_itself() {
        let import = "{\"format\": \"fabrique\", \"texte\": \"new\\nexample:3\"}".to_owned();
        for handover in [
            Handover::Open,
            Handover::NewDossier,
            Handover::Example(0),
            Handover::Example(3),
            Handover::Import(import),
            Handover::Import(String::new()),
            Handover::PickAgain,
        ] {
            assert_eq!(Handover::decode(&handover.encode()), Some(handover));
        }
    }

    #[test]
    fn anything_else_is_no_action() {
        for text in [
            "",
            "New",
            "example:",
            "example:-1",
            "example:x",
            "pick-again ",
            "delete",
        ] {
            assert_eq!(Handover::decode(text), None, "{text:?}");
        }
    }
}
