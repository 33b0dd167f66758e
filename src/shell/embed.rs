//! The embed's side effects: posting messages to the partner page (only to its validated origin),
//! watching the frame's height, setting the partner's theme through the CSSOM, and, on the partner
//! page, the live preview through `embed.js`. No storage is used here: browsers partition it in
//! third-party frames, and the frame promises partners to use none.

use crate::domain::embed::{height_px, Message, Origin};
use js_sys::{Function, Object, Reflect};
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;

/// Posts `message` to the parent window for `origin` only: `postMessage(message, origin)`, never
/// `*`, so the browser delivers it only if the parent page is at that origin. Outside a frame the
/// parent is the page itself, which no one listens to. Does nothing when the browser refuses.
pub fn post(origin: &Origin, message: &Message) {
    let Some(window) = web_sys::window() else { return };
    let Ok(Some(parent)) = window.parent() else { return };
    let Ok(data) = js_sys::JSON::parse(&message.to_json()) else { return };
    let _ = parent.post_message(&data, origin.as_str());
}

/// The element's height in CSS pixels, rounded up (its bounding box, padding included).
#[must_use]
pub fn height_of(el: &web_sys::Element) -> u32 {
    // Through Reflect: `getBoundingClientRect` as a typed call needs web-sys's DomRect, for one number.
    let rect = Reflect::get(el, &"getBoundingClientRect".into())
        .ok()
        .and_then(|f| f.dyn_into::<Function>().ok())
        .and_then(|f| f.call0(el).ok());
    let height = rect.and_then(|r| Reflect::get(&r, &"height".into()).ok()).and_then(|h| h.as_f64());
    height_px(height.unwrap_or(0.0))
}

/// A `ResizeObserver` on one element; dropping it stops the observation.
pub struct HeightWatch {
    observer: web_sys::ResizeObserver,
    _callback: Closure<dyn FnMut()>,
}

impl Drop for HeightWatch {
    fn drop(&mut self) {
        self.observer.disconnect();
    }
}

/// Calls `on_change` with the element's height whenever it differs from the last one reported,
/// starting from `reported` (the height already sent). `None` when the browser has no
/// `ResizeObserver`.
pub fn watch_height(
    el: &web_sys::Element,
    reported: u32,
    mut on_change: impl FnMut(u32) + 'static,
) -> Option<HeightWatch> {
    let target = el.clone();
    let mut last = reported;
    let callback = Closure::<dyn FnMut()>::new(move || {
        let height = height_of(&target);
        if height != last {
            last = height;
            on_change(height);
        }
    });
    let observer = web_sys::ResizeObserver::new(callback.as_ref().unchecked_ref()).ok()?;
    observer.observe(el);
    Some(HeightWatch { observer, _callback: callback })
}

/// Sets style properties (custom properties and `font-family`) on an element through the CSSOM,
/// which a Content-Security-Policy without `'unsafe-inline'` allows; a `style` attribute would be
/// blocked. Each name and value was validated by `domain::embed::EmbedOptions::style`.
pub fn set_style(el: &web_sys::HtmlElement, properties: &[(&str, String)]) {
    let style = el.style();
    for (name, value) in properties {
        let _ = style.set_property(name, value);
    }
}

/// Sets `data-<name>` on `el` for each `Some` value and removes it for each `None`.
pub fn set_data(el: &web_sys::Element, attributes: &[(&str, Option<String>)]) {
    for (name, value) in attributes {
        let name = format!("data-{name}");
        let _ = match value {
            Some(v) => el.set_attribute(&name, v),
            None => el.remove_attribute(&name),
        };
    }
}

/// Loads `embed.js` once (for the live preview); once it is loaded, asks it to reload `el`'s frame
/// with `el`'s current attributes (`MetropolisEstimator.update(el, {})`).
pub fn load_or_refresh(src: &str, el: Option<&web_sys::Element>) {
    let Some(window) = web_sys::window() else { return };
    if let Ok(api) = Reflect::get(&window, &"MetropolisEstimator".into()) {
        if let Some(update) = Reflect::get(&api, &"update".into()).ok().and_then(|f| f.dyn_into::<Function>().ok()) {
            if let Some(el) = el {
                let _ = update.call2(&api, el, &Object::new());
            }
            return;
        }
    }
    let Some(document) = window.document() else { return };
    if document.query_selector("script[data-embed-preview]").ok().flatten().is_some() {
        return; // loading; it mounts the element itself
    }
    let Ok(script) = document.create_element("script") else { return };
    let _ = script.set_attribute("src", src);
    let _ = script.set_attribute("async", "");
    let _ = script.set_attribute("data-embed-preview", "");
    if let Some(body) = document.body() {
        let _ = body.append_child(&script);
    }
}

/// Whether this is `embed.html` without `frame=1`: the address of the partner page before it
/// moved to `/embed`.
#[must_use]
pub fn is_old_partner_page_address() -> bool {
    let Some(location) = web_sys::window().map(|w| w.location()) else { return false };
    let path = location.pathname().unwrap_or_default();
    let search = location.search().unwrap_or_default();
    path.ends_with("/embed.html")
        && !crate::domain::embed::is_frame(search.trim_start_matches('?').split('&').filter_map(|p| p.split_once('=')))
}
