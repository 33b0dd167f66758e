//! Client-side navigation without a router crate: the address bar is the state, links are
//! intercepted, back and forward work.
//!
//! A general router costs about 40 KB of compressed WebAssembly here; the app has a handful of
//! fixed paths, which [`crate::domain::routes`] maps in a few lines.

use crate::domain::routes::strip_base;
use std::rc::Rc;
use wasm_bindgen::prelude::Closure;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{Event, HtmlAnchorElement, MouseEvent};

/// The current path after the base, with its query (`/estimate?member=yes`).
#[must_use]
pub fn current(base: &str) -> String {
    let Some(location) = web_sys::window().map(|w| w.location()) else { return "/".to_owned() };
    let path = location.pathname().unwrap_or_default();
    let search = location.search().unwrap_or_default();
    format!("{}{search}", strip_base(&path, base).unwrap_or("/"))
}

/// Goes to `path` (after the base, with an optional query), adding a history entry.
pub fn push(base: &str, path: &str) {
    if let Some(history) = web_sys::window().and_then(|w| w.history().ok()) {
        let _ = history.push_state_with_url(&JsValue::NULL, "", Some(&format!("{base}{path}")));
    }
}

/// Calls `on_change` with the new path whenever the app navigates: a click on a link inside the
/// app (same origin, under the base, no `target`, no `download`, no modifier key) or back/forward.
pub fn install(base: String, on_change: impl Fn(String) + 'static) {
    let Some(window) = web_sys::window() else { return };
    let on_change = Rc::new(on_change);
    let base = Rc::new(base);

    let (b, f) = (base.clone(), on_change.clone());
    let popstate = Closure::<dyn Fn(Event)>::new(move |_: Event| f(current(&b)));
    let _ = window.add_event_listener_with_callback("popstate", popstate.as_ref().unchecked_ref());
    popstate.forget();

    let click = Closure::<dyn Fn(MouseEvent)>::new(move |ev: MouseEvent| {
        if ev.default_prevented()
            || ev.button() != 0
            || ev.meta_key()
            || ev.ctrl_key()
            || ev.shift_key()
            || ev.alt_key()
        {
            return;
        }
        let Some(anchor) = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
            .and_then(|e| e.closest("a[href]").ok().flatten())
            .and_then(|e| e.dyn_into::<HtmlAnchorElement>().ok())
        else {
            return;
        };
        if !anchor.target().is_empty() || anchor.has_attribute("download") {
            return;
        }
        let href = anchor.get_attribute("href").unwrap_or_default();
        if href.starts_with('#') {
            return;
        }
        let Some(location) = web_sys::window().map(|w| w.location()) else { return };
        if anchor.origin() != location.origin().unwrap_or_default() {
            return;
        }
        let Some(path) = strip_base(&anchor.pathname(), &base).map(str::to_owned) else { return };
        // Files (edition.json, embed.js) are not pages.
        if path.rsplit('/').next().is_some_and(|last| last.contains('.')) {
            return;
        }
        ev.prevent_default();
        let full = format!("{path}{}", anchor.search());
        if full != current(&base) {
            push(&base, &full);
        }
        on_change(full);
        if let Some(w) = web_sys::window() {
            w.scroll_to_with_x_and_y(0.0, 0.0);
        }
    });
    let _ = window.add_event_listener_with_callback("click", click.as_ref().unchecked_ref());
    click.forget();
}
