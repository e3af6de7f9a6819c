//! The home bundle's entry point: the same start as the whole app's, built with the `home`
//! feature, where every screen but the home is a page of the whole app.
fn main() {
    fabrique::start();
}
