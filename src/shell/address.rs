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

/// The query of this page's address, decoded (the partner frame reads its answers and theme here).
#[must_use]
pub fn query() -> leptos_router::params::ParamsMap {
    let mut map = leptos_router::params::ParamsMap::new();
    let search = web_sys::window().and_then(|w| w.location().search().ok()).unwrap_or_default();
    if let Ok(params) = web_sys::UrlSearchParams::new_with_str(&search) {
        for entry in js_sys::try_iter(&params).ok().flatten().into_iter().flatten().flatten() {
            let pair = js_sys::Array::from(&entry);
            if let (Some(k), Some(v)) = (pair.get(0).as_string(), pair.get(1).as_string()) {
                map.insert(k, v);
            }
        }
    }
    map
}
