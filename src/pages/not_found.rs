//! The page for an address the app does not know.

use crate::app::{href, use_texts};
use crate::shell::dom;
use leptos::prelude::*;

/// "Page not found", with a way back.
#[component]
pub fn NotFoundPage() -> impl IntoView {
    let t = use_texts();
    dom::set_title(&format!("{} – {}", t.not_found_title(), t.site_name()));
    view! {
        <h1>{t.not_found_title()}</h1>
        <p>{t.not_found_body()}</p>
        <p><a href=href("/")>{t.back_home()}</a></p>
    }
}
