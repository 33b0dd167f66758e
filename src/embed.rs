//! The partner frame's application (entry `embed.html`, built apart so that partner pages load
//! only the estimator, never the application or the form): `/embed/estimate`, the estimator alone
//! in a partner's frame, prerendered in every language. It has no router: one page, its answers and
//! theme read from its own address once it is live. The partner page that explains the embed
//! (`/embed`) is a page of the application.
//!
//! `embed.html` is the same frame at the address earlier versions of embed.js used
//! (`embed.html?frame=1&…`); without `frame=1` that address was the partner page, which now lives at
//! `/embed`, so the frame sends it there.

use crate::context::{provide_query, provide_site, SiteData};
use crate::i18n::EmbedSiteTexts;
use crate::pages::embed::FramePage;
use leptos::prelude::*;
use leptos_router::params::ParamsMap;

/// The frame entry's application.
#[component]
pub fn EmbedApp(data: &'static SiteData, texts: &'static EmbedSiteTexts) -> impl IntoView {
    // The page's title is written by the prerender (see `prerender::frame_title`); the browser never
    // changes it, so the frame's view (which the browser hydrates) has none, and its bundle does
    // without leptos_meta.
    provide_site(data);
    provide_context(&texts.estimate);
    provide_context(&texts.embed);
    let query = RwSignal::new(ParamsMap::new());
    provide_query(query);
    // Effects run in the browser only, after the page is taken over.
    Effect::new(move |_| {
        if crate::shell::embed::is_old_partner_page_address() {
            crate::shell::address::load_from_server(&data.href("/embed"));
            return;
        }
        query.set(crate::shell::address::query());
    });
    view! { <FramePage /> }
}

/// The frame's route, for the prerender.
pub const ROUTE: &str = "/embed/estimate";

/// What the frame shows when the deployed data changed since it was built and cannot be used: a
/// sentence (the field and the problem are for the site's own pages, which name them), never
/// figures that may be stale.
#[component]
pub fn FrameUnavailable(texts: &'static EmbedSiteTexts) -> impl IntoView {
    view! {
        <main id="main" class="frame" data-testid="frame-unavailable">
            <p role="alert">{texts.embed.unavailable}</p>
        </main>
    }
}
