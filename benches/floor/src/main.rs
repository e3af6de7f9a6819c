//! A counter: the floor against which `make bench` reads Fabrique's size and first render.
//! It marks its first screen as Fabrique does (`fabrique:first-screen`).

use leptos::prelude::*;

#[component]
fn Counter() -> impl IntoView {
    let count = RwSignal::new(0_u32);
    view! {
        <main>
            <h1>"Compteur"</h1>
            <button type="button" on:click=move |_| count.update(|n| *n += 1)>
                "Ajouter un : " {move || count.get()}
            </button>
        </main>
    }
}

fn main() {
    leptos::mount::mount_to_body(Counter);
    if let Some(performance) = web_sys::window().and_then(|w| w.performance()) {
        let _ = performance.mark("fabrique:first-screen");
    }
}
