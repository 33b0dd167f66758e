//! The partner embed's routes (embed.html): `/embed` (the partner page) and `/embed/estimate` (the
//! estimator in a partner's frame). Placeholder until the embed work lands.

use crate::context::{provide_site, SiteData};
use crate::i18n::EmbedSiteTexts;
use leptos::prelude::*;
use leptos_meta::provide_meta_context;
use leptos_router::components::{Route, Router, Routes};
use leptos_router::path;

/// The embed entry's application.
#[component]
pub fn EmbedApp(data: &'static SiteData, texts: &'static EmbedSiteTexts) -> impl IntoView {
    provide_meta_context();
    provide_site(data);
    provide_context(&texts.common);
    provide_context(&texts.estimate);
    provide_context(&texts.embed);
    view! {
        <Router base=data.router_base()>
            <Routes fallback=|| view! { <h1>"Not found"</h1> }>
                <Route path=path!("/embed") view=|| view! { <h1>"Embed"</h1> } />
                <Route path=path!("/embed/estimate") view=|| view! { <h1>"Frame"</h1> } />
            </Routes>
        </Router>
    }
}

/// The embed's routes, for the prerender.
#[must_use]
pub fn routes() -> Vec<String> {
    vec!["/embed".to_owned(), "/embed/estimate".to_owned()]
}
