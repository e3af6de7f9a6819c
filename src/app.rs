//! The root component: the header, the screen the address names, and the state every
//! screen shares (the settings, which screen is open, the version of the list of dossiers).

use crate::browser::{location, offline, storage};
use crate::components::home::Home;
#[cfg(not(feature = "home"))]
use crate::components::{
    compare_view::CompareView, editor::Editor, reply_view::ReplyView, report::ReportPage,
    settings_page::SettingsPage, snapshot_view::SnapshotView,
};
use crate::context::{ListVersion, Navigator};
use crate::i18n::{self, tr};
use fabrique_app_core::repository::{is_list_key, Settings, SETTINGS_KEY};
use fabrique_app_core::route::Route;
use leptos::prelude::*;

/// The screen the page's address names.
fn route_here() -> Route {
    Route::from_location(
        &location::current_path(),
        &location::current_query(),
        &location::current_hash(),
    )
}

/// What the app shows inside another page's frame: no dossier, no action, a way out to a
/// tab of its own (in both languages: the settings are not read here either).
#[component]
pub fn Framed() -> impl IntoView {
    let href = location::current_href();
    view! {
        <main class="framed" data-testid="framed">
            <h1>"Fabrique"</h1>
            <p lang="fr">
                "Fabrique ne s'affiche pas dans le cadre d'une autre page : vos dossiers n'y sont ni montrés ni \
                    modifiables."
            </p>
            <p lang="en">
                "Fabrique does not show inside another page's frame: your dossiers are neither shown nor changed there."
            </p>
            <p>
                <a href=href target="_blank" rel="noopener noreferrer" data-testid="open-in-tab">
                    "Ouvrir Fabrique dans son propre onglet · Open Fabrique in its own tab"
                </a>
            </p>
        </main>
    }
}

/// The screen a route names.
#[cfg(not(feature = "home"))]
fn screen(route: Route) -> AnyView {
    match route {
        Route::Home => view! { <Home /> }.into_any(),
        Route::Dossier { id } => view! { <Editor id=id /> }.into_any(),
        Route::Settings => view! { <SettingsPage /> }.into_any(),
        Route::Compare { ids, snapshot } => {
            view! { <CompareView ids=ids snapshot=snapshot /> }.into_any()
        }
        Route::Report { id, document } => {
            view! { <ReportPage id=id document=document /> }.into_any()
        }
        Route::Snapshot { token } => view! { <SnapshotView token=token /> }.into_any(),
        Route::Reply { token } => view! { <ReplyView token=token /> }.into_any(),
    }
}

/// The home bundle (#20) draws the home alone. Any other screen is a page of the whole app:
/// the address already names it (the navigator pushed it, or the browser went back or
/// forward to it, or a link was pasted), so the page loads it again, and `first-screen.js`,
/// seeing an address that is not the home's, chooses the whole app.
#[cfg(feature = "home")]
fn screen(route: Route) -> AnyView {
    match route {
        Route::Home => view! { <Home /> }.into_any(),
        _ => {
            location::reload();
            ().into_any()
        }
    }
}

/// The whole app.
#[component]
pub fn App() -> impl IntoView {
    let repository = storage::repository();
    let settings: RwSignal<Settings> = RwSignal::new(repository.settings());
    provide_context(settings);
    let route = RwSignal::new(route_here());
    let navigator = Navigator(route);
    provide_context(navigator);
    let list_version = ListVersion(RwSignal::new(0));
    provide_context(list_version);
    // A deletion can be undone until the page is left: the trash of the last visit goes.
    let _ = repository.empty_trash();
    // A new build waiting in the service worker: offered, never forced.
    let update_ready = RwSignal::new(false);
    offline::register(move || update_ready.set(true));
    let online = RwSignal::new(offline::is_online());

    // Pushes the settings outward (storage, the page's language); the first run is the
    // settings as loaded, nothing to write.
    Effect::new(move |already_ran: Option<()>| {
        settings.with(|current| {
            if let Some(root) = web_sys::window()
                .and_then(|w| w.document())
                .and_then(|d| d.document_element())
            {
                let _ = root.set_attribute(
                    "lang",
                    match current.lang {
                        fabrique_core::referential::Lang::Fr => "fr",
                        fabrique_core::referential::Lang::En => "en",
                    },
                );
            }
            if already_ran.is_some() {
                let _ = storage::repository().save_settings(current);
            }
        });
    });

    let back_forward =
        window_event_listener(leptos::ev::popstate, move |_| route.set(route_here()));
    // A link pasted into the address bar of an open page only changes its fragment.
    let new_link = window_event_listener(leptos::ev::hashchange, move |_| route.set(route_here()));
    let went_offline = window_event_listener(leptos::ev::offline, move |_| online.set(false));
    let came_online = window_event_listener(leptos::ev::online, move |_| online.set(true));
    // Another tab changed the list or the settings: follow it.
    let other_tab = window_event_listener(leptos::ev::storage, move |event| match event.key() {
        Some(key) if is_list_key(&key) => list_version.bump(),
        Some(key) if key == SETTINGS_KEY => settings.set(storage::repository().settings()),
        None => list_version.bump(),
        _ => {}
    });
    on_cleanup(move || {
        back_forward.remove();
        new_link.remove();
        went_offline.remove();
        came_online.remove();
        other_tab.remove();
    });

    let persistent = repository.is_persistent();
    let lang = Memo::new(move |_| settings.with(|s| s.lang));
    view! {
        {move || {
            i18n::set_lang(lang.get());
            // The whole page is written in the chosen language: built again when it changes.
            view! {
                <a class="skip-link" href="#contenu">
                    {tr("Aller au contenu", "Skip to content")}
                </a>
                <header class="site-header">
                    <a
                        class="brand"
                        href="?"
                        on:click=move |event| {
                            event.prevent_default();
                            navigator.go(Route::Home);
                        }
                    >
                        "Fabrique"
                    </a>
                    <span class="tagline">
                        {tr(
                            "Préparer un dossier « Fabriques de territoire »",
                            "Prepare a « Fabriques de territoire » application",
                        )}
                    </span>
                    {move || {
                        (!online.get())
                            .then(|| {
                                view! {
                                    <span class="offline-badge" role="status">
                                        {tr(
                                            "Hors ligne : tout fonctionne, rien n'est perdu",
                                            "Offline: everything works, nothing is lost",
                                        )}
                                    </span>
                                }
                            })
                    }}
                    <nav aria-label=tr("Navigation principale", "Main navigation")>
                        <a
                            href="?"
                            on:click=move |event| {
                                event.prevent_default();
                                navigator.go(Route::Home);
                            }
                        >
                            {tr("Mes dossiers", "My dossiers")}
                        </a>
                        <a
                            href="?page=reglages"
                            on:click=move |event| {
                                event.prevent_default();
                                navigator.go(Route::Settings);
                            }
                        >
                            {tr("Réglages", "Settings")}
                        </a>
                    </nav>
                </header>
                {(!persistent)
                    .then(|| {
                        view! {
                            <p class="banner error" role="alert">
                                {tr(
                                    "Ce navigateur ne donne pas accès à son stockage (navigation privée ou stockage \
                                        bloqué) : vos dossiers restent dans cette page tant qu'elle est ouverte. \
                                        Exportez-les avant de la fermer.",
                                    "This browser gives no access to its storage (private browsing or blocked \
                                        storage): your dossiers stay in this page while it is open. Export them before \
                                        closing it.",
                                )}
                            </p>
                        }
                    })}
                {move || {
                    update_ready
                        .get()
                        .then(|| {
                            view! {
                                <div class="banner update" role="status">
                                    <p>
                                        {tr(
                                            "Nouvelle version disponible — recharger ? Le dossier ouvert est \
                                                enregistré avant.",
                                            "New version available — reload? The open dossier is saved first.",
                                        )}
                                    </p>
                                    <button type="button" class="primary" on:click=move |_| offline::apply_update()>
                                        {tr("Recharger", "Reload")}
                                    </button>
                                    <button type="button" on:click=move |_| update_ready.set(false)>
                                        {tr("Plus tard", "Later")}
                                    </button>
                                </div>
                            }
                        })
                }}
                <main id="contenu" tabindex="-1">
                    {move || screen(route.get())}
                </main>
            }
        }}
    }
}
