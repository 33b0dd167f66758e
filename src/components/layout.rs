//! Site chrome around every page: skip link, header with navigation, main region, footer.

use crate::app::{href, use_texts};
use leptos::prelude::*;
use leptos_router::hooks::use_location;

/// The page frame shared by every route.
#[component]
pub fn Layout(children: Children) -> impl IntoView {
    let t = use_texts();
    let location = use_location();
    let base = href("");
    let current = move |path: &'static str| {
        let here = location.pathname.get();
        let here = here.strip_prefix(base.as_str()).unwrap_or(&here).to_owned();
        let here = if here.is_empty() { "/".to_owned() } else { here };
        (here == path).then_some("page")
    };
    let current = StoredValue::new(current);
    view! {
        <a class="skip-link" href="#main">{t.skip_to_content}</a>
        <header class="site-header">
            <a class="brand" href=href("/")>{t.site_name}</a>
            <nav aria-label=t.nav_label>
                <ul>
                    <li><a href=href("/") aria-current=move || current.with_value(|c| c("/"))>{t.nav_home}</a></li>
                    <li><a href=href("/estimate") aria-current=move || current.with_value(|c| c("/estimate"))>{t.nav_estimate}</a></li>
                    <li><a href=href("/refund") aria-current=move || current.with_value(|c| c("/refund"))>{t.nav_refund}</a></li>
                </ul>
            </nav>
        </header>
        <main id="main" tabindex="-1">{children()}</main>
        <footer class="site-footer"><p>{t.footer}</p></footer>
    }
}
