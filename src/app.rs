//! The root component: the header, and the screen that the address names — the list of
//! dossiers, or one dossier's editor.

use crate::browser::location;
use crate::components::{editor::Editor, home::Home};
use leptos::prelude::*;

/// Which dossier is open, shared by every screen: `None` is the list of dossiers.
#[derive(Clone, Copy)]
pub(crate) struct OpenDossier(RwSignal<Option<String>>);

impl OpenDossier {
    /// Opens a dossier (or the list, with `None`) and records it in the browser's history.
    pub(crate) fn open(self, id: Option<String>) {
        location::push_open_dossier(id.as_deref());
        self.0.set(id);
    }
}

/// The dossier-opening handle provided by [`App`].
pub(crate) fn use_open_dossier() -> OpenDossier {
    // App provides it before any screen is built, so it is always there.
    use_context::<OpenDossier>().unwrap_or_else(|| OpenDossier(RwSignal::new(None)))
}

/// The whole app.
#[component]
pub fn App() -> impl IntoView {
    let open = RwSignal::new(location::open_dossier_id());
    provide_context(OpenDossier(open));
    // Back and forward buttons: the address changed, follow it.
    let _ = window_event_listener(leptos::ev::popstate, move |_| {
        open.set(location::open_dossier_id());
    });
    view! {
        <header class="site-header">
            <a class="brand" href="?" on:click=move |event| {
                event.prevent_default();
                OpenDossier(open).open(None);
            }>"Fabrique"</a>
            <span class="tagline">"Préparer un dossier « Fabriques de territoire »"</span>
        </header>
        <main id="contenu">
            {move || match open.get() {
                None => view! { <Home/> }.into_any(),
                Some(id) => view! { <Editor id=id/> }.into_any(),
            }}
        </main>
    }
}
