//! The partner embed's own entry, `embed.html` (binary `embed`, built apart from the main app so
//! that the app's bundle does not carry it): `embed.html?frame=1&…` is the estimator inside a
//! partner's frame, `embed.html` alone the partner page that explains and previews it.
//!
//! It loads the data like [`crate::app::App`] and provides the same contexts, so the pages read
//! them the same way. It has no router: links to the app's pages are ordinary page loads.

use crate::app::{href, provide_shared, use_texts, Data};
use crate::domain::embed::is_frame;
use crate::pages::{
    data_error::DataErrorPage,
    embed::{EmbedFrame, EmbedPage},
};
use crate::shell::{dom, embed};
use leptos::prelude::*;

/// The embed entry: the frame when the address has `frame=1`, the partner page otherwise; the data
/// error page when the edition or country file cannot be used.
#[component]
pub fn EmbedApp() -> impl IntoView {
    let state = provide_shared(&embed::entry_base());
    let frame = is_frame(dom::query_pairs().iter().map(|(k, v)| (k.as_str(), v.as_str())));

    move || match state.get() {
        None => ().into_any(),
        Some(Err(error)) => view! { <DataErrorPage error /> }.into_any(),
        Some(Ok(d)) => {
            provide_context(Data(d));
            if frame {
                // The estimator alone, without the site's header, navigation and footer.
                view! { <EmbedFrame /> }.into_any()
            } else {
                view! { <Chrome><EmbedPage /></Chrome> }.into_any()
            }
        }
    }
}

/// The site's header, navigation and footer around the partner page: the markup of
/// [`crate::components::layout::Layout`] without its current-page tracking (this entry has no
/// router, and none of its links is the current page), which costs this bundle about 1.8 KB.
#[component]
fn Chrome(children: Children) -> impl IntoView {
    let t = use_texts();
    view! {
        <a class="skip-link" href="#main">{t.skip_to_content}</a>
        <header class="site-header">
            <a class="brand" href=href("/")>{t.site_name}</a>
            <nav aria-label=t.nav_label>
                <ul>
                    <li><a href=href("/")>{t.nav_home}</a></li>
                    <li><a href=href("/estimate")>{t.nav_estimate}</a></li>
                    <li><a href=href("/refund")>{t.nav_refund}</a></li>
                </ul>
            </nav>
        </header>
        <main id="main" tabindex="-1">{children()}</main>
        <footer class="site-footer"><p>{t.footer}</p></footer>
    }
}
