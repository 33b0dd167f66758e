//! Files the applicant keeps: a download of the answers (a JSON file) and the text of a file they
//! open from their device.

use leptos::prelude::*;
use std::time::Duration;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

/// The name of a downloaded draft.
pub const DRAFT_FILE: &str = "metropolis-diploma-draft.json";

/// Offers `text` as a JSON file named `name`; `false` when the browser refused.
pub fn download(name: &str, text: &str) -> bool {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else { return false };
    let options = web_sys::BlobPropertyBag::new();
    options.set_type("application/json");
    let parts = js_sys::Array::of1(&JsValue::from_str(text));
    let Ok(blob) = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options) else { return false };
    let Ok(url) = web_sys::Url::create_object_url_with_blob(&blob) else { return false };
    let Some(a) = document.create_element("a").ok().and_then(|a| a.dyn_into::<web_sys::HtmlAnchorElement>().ok())
    else {
        return false;
    };
    a.set_href(&url);
    a.set_download(name);
    // Outside the app's root, and removed at once: the router never sees the click.
    let Some(body) = document.body() else { return false };
    if body.append_child(&a).is_err() {
        return false;
    }
    a.click();
    a.remove();
    // The download starts asynchronously: the address is released a little later.
    set_timeout(
        move || {
            let _ = web_sys::Url::revoke_object_url(&url);
        },
        Duration::from_secs(10),
    );
    true
}

/// The text of the first file chosen in an `<input type=file>`, if it can be read.
pub async fn read_chosen(input: &web_sys::HtmlInputElement) -> Option<String> {
    let file = input.files()?.get(0)?;
    JsFuture::from(file.text()).await.ok()?.as_string()
}
