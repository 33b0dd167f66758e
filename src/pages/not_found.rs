//! The page for an address the site does not have.

use crate::components::layout::SiteLayout;
use crate::context::{use_data, use_texts};
use crate::i18n::common::CommonTexts;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::components::A;

/// "Page not found", with a way back to the course.
#[component]
pub fn NotFoundPage() -> impl IntoView {
    let t = use_texts::<CommonTexts>();
    let data = use_data();
    view! {
        <Title text=format!("{} – {}", t.not_found_title, t.site_name) />
        <SiteLayout>
            <h1>{t.not_found_title}</h1>
            <p>{t.not_found_body}</p>
            <p><A href=data.href("/")>{t.back_home}</A></p>
        </SiteLayout>
    }
}
