//! The embed's side effects: posting messages to the partner page, watching the content's height,
//! and loading `embed.js` for the live preview. No storage is used here (browsers partition it in
//! third-party frames).

use crate::domain::embed::{height_px, Message, Origin};
use js_sys::{Array, Function, Object, Reflect};
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;

/// Posts a message to the parent window, only to `origin` (never `*`). Does nothing outside a
/// frame, or when the browser refuses.
pub fn post(origin: &Origin, message: &Message) {
    let Some(window) = web_sys::window() else { return };
    let Ok(Some(parent)) = window.parent() else { return };
    if Object::is(&parent, &window) {
        return;
    }
    let Ok(data) = js_sys::JSON::parse(&message.to_json()) else { return };
    let _ = parent.post_message(&data, origin.as_str());
}

/// The element's height in CSS pixels, rounded up.
#[must_use]
pub fn height_of(el: &web_sys::Element) -> u32 {
    let rect = Reflect::get(el, &"getBoundingClientRect".into())
        .ok()
        .and_then(|f| f.dyn_into::<Function>().ok())
        .and_then(|f| f.call0(el).ok());
    let height = rect.and_then(|r| Reflect::get(&r, &"height".into()).ok()).and_then(|h| h.as_f64());
    height_px(height.unwrap_or(0.0))
}

/// Calls `on_height` with the element's height now and whenever it changes (`ResizeObserver`).
/// The observer lives as long as the page.
pub fn watch_height(el: &web_sys::Element, on_height: impl Fn(u32) + 'static) {
    let target = el.clone();
    let last = std::cell::Cell::new(0_u32);
    let callback = Closure::<dyn Fn()>::new(move || {
        let h = height_of(&target);
        if h != last.replace(h) {
            on_height(h);
        }
    });
    let Some(window) = web_sys::window() else { return };
    let observer = Reflect::get(&window, &"ResizeObserver".into())
        .ok()
        .and_then(|c| c.dyn_into::<Function>().ok())
        .and_then(|c| Reflect::construct(&c, &Array::of1(callback.as_ref())).ok());
    let Some(observer) = observer else { return };
    if let Some(observe) = Reflect::get(&observer, &"observe".into()).ok().and_then(|f| f.dyn_into::<Function>().ok()) {
        let _ = observe.call1(&observer, el);
    }
    callback.forget();
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

/// The app's origin and base URL (with a trailing slash), e.g. `https://a.example/diploma/`.
#[must_use]
pub fn app_url(base: &str) -> (String, String) {
    let origin = web_sys::window().and_then(|w| w.location().origin().ok()).unwrap_or_default();
    let url = format!("{origin}{base}/");
    (origin, url)
}
