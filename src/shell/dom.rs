//! Small browser services: focus, clipboard, printing, and typed values kept across the takeover.

use leptos::prelude::*;
use leptos_router::hooks::use_location;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

fn document() -> Option<web_sys::Document> {
    web_sys::window().and_then(|w| w.document())
}

/// Moves keyboard focus to the element with this id (focusable through `tabindex="-1"`).
pub fn focus(id: &str) {
    if let Some(el) =
        document().and_then(|d| d.get_element_by_id(id)).and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
    {
        let _ = el.focus();
    }
}

/// After every in-app navigation (not the first page), moves the focus to the new page's main
/// region, so keyboard and screen-reader users start at its top. Call once, inside the router.
pub fn focus_main_after_navigation() {
    let location = use_location();
    Effect::new(move |first: Option<()>| {
        location.pathname.track();
        if first.is_some() {
            request_animation_frame(|| focus("main"));
        }
    });
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

/// A value a person typed or chose in the prerendered page before the app took it over.
#[derive(Debug)]
pub enum Typed {
    /// A text field, text area or select: its current value.
    Value(String, String),
    /// A checkbox or radio button: whether it is checked.
    Checked(String, bool),
}

/// The form controls (with an id) whose state differs from the page as it was served: what the
/// visitor typed or chose before the WebAssembly arrived.
#[must_use]
pub fn typed_values() -> Vec<Typed> {
    let Some(list) = document().and_then(|d| d.query_selector_all("input[id], textarea[id], select[id]").ok()) else {
        return Vec::new();
    };
    let mut out = Vec::new();
    for i in 0..list.length() {
        let Some(node) = list.item(i) else { continue };
        if let Some(input) = node.dyn_ref::<web_sys::HtmlInputElement>() {
            if matches!(input.type_().as_str(), "checkbox" | "radio") {
                if input.checked() != input.default_checked() {
                    out.push(Typed::Checked(input.id(), input.checked()));
                }
            } else if input.value() != input.default_value() {
                out.push(Typed::Value(input.id(), input.value()));
            }
        } else if let Some(area) = node.dyn_ref::<web_sys::HtmlTextAreaElement>() {
            if area.default_value().is_ok_and(|d| d != area.value()) {
                out.push(Typed::Value(area.id(), area.value()));
            }
        } else if let Some(select) = node.dyn_ref::<web_sys::HtmlSelectElement>() {
            let options = select.options();
            let default = (0..options.length())
                .filter_map(|j| options.item(j))
                .filter_map(|o| o.dyn_into::<web_sys::HtmlOptionElement>().ok())
                .find(web_sys::HtmlOptionElement::default_selected)
                .map(|o| o.value());
            if default.is_some_and(|d| d != select.value()) {
                out.push(Typed::Value(select.id(), select.value()));
            }
        }
    }
    out
}

/// Puts typed values back into the live page and tells its handlers (`input` and `change`
/// events), so the app's state takes them in as if they had been typed now.
pub fn replay(typed: &[Typed]) {
    let Some(doc) = document() else { return };
    for t in typed {
        let (id, apply): (&str, &dyn Fn(&web_sys::Element)) = match t {
            Typed::Value(id, value) => (id, &|el: &web_sys::Element| {
                if let Some(i) = el.dyn_ref::<web_sys::HtmlInputElement>() {
                    i.set_value(value);
                } else if let Some(a) = el.dyn_ref::<web_sys::HtmlTextAreaElement>() {
                    a.set_value(value);
                } else if let Some(s) = el.dyn_ref::<web_sys::HtmlSelectElement>() {
                    s.set_value(value);
                }
            }),
            Typed::Checked(id, checked) => (id, &|el: &web_sys::Element| {
                if let Some(i) = el.dyn_ref::<web_sys::HtmlInputElement>() {
                    i.set_checked(*checked);
                }
            }),
        };
        let Some(el) = doc.get_element_by_id(id) else { continue };
        apply(&el);
        for kind in ["input", "change"] {
            let init = web_sys::EventInit::new();
            init.set_bubbles(true);
            if let Ok(ev) = web_sys::Event::new_with_event_init_dict(kind, &init) {
                let _ = el.dispatch_event(&ev);
            }
        }
    }
}
