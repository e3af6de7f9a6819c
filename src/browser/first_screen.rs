//! The static first screen of index.html, shown while the wasm arrives: the app removes it
//! just before mounting, in the same task, so that the browser never draws both.

/// The id of the static first screen in index.html.
pub const ID: &str = "first-screen";

/// Removes the static first screen (nothing happens when there is none).
pub fn remove() {
    if let Some(element) = web_sys::window()
        .and_then(|window| window.document())
        .and_then(|document| document.get_element_by_id(ID))
    {
        element.remove();
    }
}
