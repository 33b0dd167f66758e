//! Small browser services: the base path, the address bar, the clipboard, printing and focus.

use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

/// The path the app is served under, without a trailing slash: `""` at the root, `"/diploma"`
/// under a sub-path. Read from the document's `<base href>`, which `index.html` sets.
#[must_use]
pub fn base_path() -> String {
    let base = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.base_uri().ok().flatten())
        .and_then(|uri| web_sys::Url::new(&uri).ok())
        .map(|u| u.pathname())
        .unwrap_or_default();
    base.trim_end_matches('/').to_owned()
}

/// Replaces the query string of the current address without a navigation or a history entry.
pub fn replace_query(query: &str) {
    let Some(window) = web_sys::window() else { return };
    let Ok(path) = window.location().pathname() else { return };
    let url = if query.is_empty() { path } else { format!("{path}?{query}") };
    if let Ok(history) = window.history() {
        let _ = history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&url));
    }
}

/// The current page's full address with this query string instead of its own.
#[must_use]
pub fn url_with_query(query: &str) -> String {
    let Some(location) = web_sys::window().map(|w| w.location()) else { return String::new() };
    let origin = location.origin().unwrap_or_default();
    let path = location.pathname().unwrap_or_default();
    if query.is_empty() {
        format!("{origin}{path}")
    } else {
        format!("{origin}{path}?{query}")
    }
}

/// The current query string's pairs, decoded.
#[must_use]
pub fn query_pairs() -> Vec<(String, String)> {
    let Some(search) = web_sys::window().and_then(|w| w.location().search().ok()) else { return Vec::new() };
    let Ok(params) = web_sys::UrlSearchParams::new_with_str(&search) else { return Vec::new() };
    let mut pairs = Vec::new();
    let iter = js_sys::try_iter(&params).ok().flatten();
    for entry in iter.into_iter().flatten().flatten() {
        let pair: js_sys::Array = entry.unchecked_into();
        if let (Some(k), Some(v)) = (pair.get(0).as_string(), pair.get(1).as_string()) {
            pairs.push((k, v));
        }
    }
    pairs
}

/// Writes text to the clipboard; `false` when the browser refuses.
pub async fn copy_text(text: &str) -> bool {
    let Some(window) = web_sys::window() else { return false };
    let promise = window.navigator().clipboard().write_text(text);
    JsFuture::from(promise).await.is_ok()
}

/// Opens the browser's print dialog.
pub fn print() {
    if let Some(w) = web_sys::window() {
        let _ = w.print();
    }
}

/// Sets the document title.
pub fn set_title(title: &str) {
    if let Some(d) = web_sys::window().and_then(|w| w.document()) {
        d.set_title(title);
    }
}

/// Moves keyboard focus to the element with this id (made focusable with `tabindex="-1"` by the caller).
pub fn focus(id: &str) {
    if let Some(el) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id(id))
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
    {
        let _ = el.focus();
    }
}

/// Removes the static first-paint content of `index.html` once the app takes over.
pub fn remove_static_shell() {
    if let Some(el) = web_sys::window().and_then(|w| w.document()).and_then(|d| d.get_element_by_id("shell")) {
        el.remove();
    }
}

/// Leaves the app for another document (relative to the base), replacing the history entry.
pub fn go_to(url: &str) {
    if let Some(w) = web_sys::window() {
        let _ = w.location().replace(url);
    }
}

/// `encodeURIComponent`.
#[must_use]
pub fn encode(text: &str) -> String {
    js_sys::encode_uri_component(text).into()
}

/// When an entry was reached through the main app's redirect (`apply.html?at=/apply/check`), puts
/// the intended address back in the address bar (under the base) without a reload.
pub fn restore_redirected_path(base: &str) {
    let Some(at) = query_pairs().into_iter().find(|(k, _)| k == "at").map(|(_, v)| v) else { return };
    if !at.starts_with('/') || at.starts_with("//") {
        return;
    }
    replace_path(&format!("{base}{at}"));
}

/// Leaves for another document, adding a history entry.
pub fn go_to_url(url: &str) {
    if let Some(w) = web_sys::window() {
        let _ = w.location().assign(url);
    }
}

/// Replaces the address (same document, no history entry).
pub fn replace_path(url: &str) {
    if let Some(h) = web_sys::window().and_then(|w| w.history().ok()) {
        let _ = h.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(url));
    }
}

/// Changes the address (same document) with a history entry.
pub fn push_path(url: &str) {
    if let Some(h) = web_sys::window().and_then(|w| w.history().ok()) {
        let _ = h.push_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(url));
    }
}

/// Loads the current page again.
pub fn reload() {
    if let Some(w) = web_sys::window() {
        let _ = w.location().reload();
    }
}
