//! The partner embed's own entry, `embed.html` (binary `embed`, built apart from the main app so
//! that the app's bundle does not carry it): `embed.html?frame=1&…` is the estimator inside a
//! partner's frame, `embed.html` alone the partner page that explains and previews it.
//!
//! It loads the data like [`crate::app::App`] and provides the same contexts, so the pages read
//! them the same way. It has no router: links to the app's pages are ordinary page loads.

use crate::app::{entry_view, href, provide_shared, use_texts};
use crate::components::lang_switch::LangSwitch;
use crate::domain::embed::is_frame;
use crate::i18n::EmbedTexts;
use crate::pages::embed::{EmbedFrame, EmbedPage};
use crate::shell::{data, dom};
use leptos::prelude::*;

/// The embed entry: the frame when the address has `frame=1`, the partner page otherwise; the data
/// error page when the edition or country file cannot be used.
#[component]
pub fn EmbedApp() -> impl IntoView {
    // `embed.html?frame=1&…` (embed.js's frames), or `/embed/estimate` when the server maps it here.
    let path = web_sys::window().and_then(|w| w.location().pathname().ok()).unwrap_or_default();
    let frame = is_frame(dom::query_pairs().iter().map(|(k, v)| (k.as_str(), v.as_str())))
        || path.trim_end_matches('/').ends_with("/embed/estimate");
    // A partner's frame follows the partner's `lang=`, without changing the visitor's own choice.
    let state = provide_shared(&dom::base_path(), !frame);

    entry_view(state, move |d| {
        provide_context(EmbedUi(data::section(d, "embed", EmbedTexts::read)?));
        Ok(if frame {
            // The estimator alone, without the site's header, navigation and footer.
            view! { <EmbedFrame /> }.into_any()
        } else {
            view! { <Chrome><EmbedPage /></Chrome> }.into_any()
        })
    })
}

/// The embed's texts in the page's language (the catalogue's `embed` section).
#[derive(Clone, Copy)]
pub struct EmbedUi(pub &'static EmbedTexts);

/// The site's header, navigation and footer around the partner page: the markup of
/// [`crate::components::layout::Layout`] without its current-page tracking (this entry has no
/// router, and none of its links is the current page), which costs this bundle about 1.8 KB.
#[component]
fn Chrome(children: Children) -> impl IntoView {
    let t = use_texts();
    view! {
        <a class="skip-link" href="#main">{t.skip_to_content()}</a>
        <header class="site-header">
            <a class="brand" href=href("/")>{t.site_name()}</a>
            <nav aria-label=t.nav_label()>
                <ul>
                    <li><a href=href("/")>{t.nav_home()}</a></li>
                    <li><a href=href("/estimate")>{t.nav_estimate()}</a></li>
                    <li><a href=href("/refund")>{t.nav_refund()}</a></li>
                </ul>
            </nav>
            <LangSwitch />
        </header>
        <main id="main" tabindex="-1">{children()}</main>
        <footer class="site-footer"><p>{t.footer()}</p></footer>
    }
}
