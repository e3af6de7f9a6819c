//! Moving the keyboard's focus: into a menu that opens, back to its button when it closes.

/// Gives `element` the keyboard's focus (nothing happens if the browser refuses).
pub fn focus(element: &web_sys::HtmlElement) {
    let _ = element.focus();
}
