//! The page's own address, beyond what the router knows: its origin (for links people copy), and a
//! full load of an address from the server.

/// This page's origin (`https://diploma.example.org`), or an empty string.
#[must_use]
pub fn origin() -> String {
    web_sys::window().and_then(|w| w.location().origin().ok()).unwrap_or_default()
}

/// Loads `url` (a path of this site) from the server, as a link the browser follows itself: for an
/// address of another entry (the partner embed and the application are built apart) reached by a
/// link the router handled.
pub fn load_from_server(url: &str) {
    if let Some(w) = web_sys::window() {
        let _ = w.location().assign(url);
    }
}
