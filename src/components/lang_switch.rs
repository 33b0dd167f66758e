//! The language switcher: the current page in each language.

use crate::context::{use_data, use_hydrated, use_texts};
use crate::i18n::common::CommonTexts;
use crate::i18n::Locale;
use leptos::prelude::*;
use leptos_router::hooks::use_location;

/// Links to this page in each language. Each language's pages are their own prerendered files, so
/// the links are full page loads (`rel="external"` keeps the router out); the page's query (the
/// estimate's answers) goes along once the page is live. English, at the site's root, carries
/// `lang=en` so that the choice is remembered over the browser's languages.
#[component]
pub fn LangSwitch() -> impl IntoView {
    let t = use_texts::<CommonTexts>();
    let data = use_data();
    let location = use_location();
    let hydrated = use_hydrated();
    let base = data.router_base();
    let route = move || {
        let path = location.pathname.get();
        let rest = path.strip_prefix(base.as_str()).unwrap_or(&path).to_owned();
        if rest.is_empty() {
            "/".to_owned()
        } else {
            rest
        }
    };
    let items = Locale::ALL
        .into_iter()
        .map(|l| {
            let route = route.clone();
            let href = move || {
                let query = if hydrated.get() { location.search.get() } else { String::new() };
                let query: Vec<&str> = query
                    .trim_start_matches('?')
                    .split('&')
                    .filter(|p| !p.is_empty() && !p.starts_with("lang="))
                    .collect();
                let mut query = query.join("&");
                if l == Locale::En {
                    query = if query.is_empty() { "lang=en".to_owned() } else { format!("{query}&lang=en") };
                }
                let sep = if query.is_empty() { "" } else { "?" };
                format!("{}{sep}{query}", data.href_in(l, &route()))
            };
            let current = (l == data.locale).then_some("true");
            view! {
                <li>
                    <a href=href rel="external" hreflang=l.tag() lang=l.tag() aria-current=current>{l.name()}</a>
                </li>
            }
        })
        .collect_view();
    view! {
        <nav class="lang-switch" aria-label=t.lang_label>
            <ul>{items}</ul>
        </nav>
    }
}
