//! The partner embed's application (entry `embed.html`, built apart so that partner pages never
//! load the application form): `/embed`, the partner page, and `/embed/estimate`, the estimator in
//! a partner's frame, both prerendered in every language.
//!
//! `embed.html` is the partner page rendered for `/embed`, at the address older snippets and
//! `embed.html?frame=1&…` use: the browser renders that address itself (see `shell::boot`), the
//! frame when the query has `frame=1`. Links to the application's pages (the site header's) are
//! loaded from the server: this entry does not have them.

use crate::context::{provide_site, SiteData};
use crate::domain::embed::is_frame;
use crate::i18n::EmbedSiteTexts;
use crate::pages::embed::{FramePage, PartnerPage};
use crate::pages::not_found::NotFoundPage;
use crate::shell::address;
use leptos::prelude::*;
use leptos_meta::provide_meta_context;
use leptos_router::components::{Route, Router, Routes};
use leptos_router::hooks::{use_location, use_query_map};
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
            <Routes fallback=NotFoundPage>
                <Route path=path!("/embed") view=PartnerPage />
                <Route path=path!("/embed/estimate") view=FramePage />
                <Route path=path!("/embed.html") view=EmbedHtml />
                // The application's pages, reached from the site header: another entry's.
                <Route path=path!("/") view=LoadFromServer />
                <Route path=path!("/estimate") view=LoadFromServer />
                <Route path=path!("/refund") view=LoadFromServer />
                <Route path=path!("/apply") view=LoadFromServer />
                <Route path=path!("/apply/*rest") view=LoadFromServer />
            </Routes>
        </Router>
    }
}

/// `embed.html`: the frame with `frame=1` in the query (`embed.html?frame=1&…`, the address
/// earlier versions of embed.js frame), the partner page otherwise. This address is never
/// prerendered (the browser renders it from scratch), so it may read the query at once.
#[component]
fn EmbedHtml() -> impl IntoView {
    let query = use_query_map();
    let frame = query.with_untracked(|q| is_frame(q.into_iter().map(|(k, v)| (k.as_ref(), v))));
    if frame {
        view! { <FramePage /> }.into_any()
    } else {
        view! { <PartnerPage /> }.into_any()
    }
}

/// A page of the application, reached by an in-app link: loaded from the server (the router's
/// address, which it may not have put in the address bar yet).
#[component]
fn LoadFromServer() -> impl IntoView {
    let location = use_location();
    Effect::new(move |_| {
        let search = location.search.get_untracked();
        let sep = if search.is_empty() { "" } else { "?" };
        let url = format!("{}{sep}{search}{}", location.pathname.get_untracked(), location.hash.get_untracked());
        address::load_from_server(&url);
    });
}

/// The embed's routes, for the prerender.
#[must_use]
pub fn routes() -> Vec<String> {
    vec!["/embed".to_owned(), "/embed/estimate".to_owned()]
}
