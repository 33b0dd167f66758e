//! The application's routes: `<Router>` at the deployment's base path and language, one route per
//! page, and the list of every address the prerender writes.

use crate::context::{provide_site, SiteData};
use crate::domain::application::Step;
use crate::i18n::SiteTexts;
use crate::pages::apply::{check::CheckPage, done::DonePage, start::StartPage, step::StepPage};
use crate::pages::embed::PartnerPage;
use crate::pages::{estimate::EstimatePage, home::HomePage, not_found::NotFoundPage, refund::RefundPage};
use leptos::prelude::*;
use leptos_meta::provide_meta_context;
use leptos_router::components::{Route, Router, Routes};
use leptos_router::path;

/// The application: every page of the site but the partner embed.
#[component]
pub fn App(data: &'static SiteData, texts: &'static SiteTexts) -> impl IntoView {
    provide_meta_context();
    provide_site(data);
    provide_context(&texts.common);
    provide_context(&texts.home);
    provide_context(&texts.estimate);
    provide_context(&texts.refund);
    provide_context(&texts.apply);
    provide_context(&texts.embed);
    // The form's answers live as long as the application, from one page of the form to the next.
    crate::pages::apply::shell::provide_form();
    view! {
        <Router base=data.router_base()>
            <RouterGlue />
            <Routes fallback=NotFoundPage>
                <Route path=path!("/") view=HomePage />
                <Route path=path!("/estimate") view=EstimatePage />
                <Route path=path!("/refund") view=RefundPage />
                <Route path=path!("/embed") view=PartnerPage />
                <Route path=path!("/apply") view=StartPage />
                <Route path=path!("/apply/check") view=CheckPage />
                <Route path=path!("/apply/done") view=DonePage />
                <Route path=path!("/apply/:step") view=StepPage />
            </Routes>
        </Router>
    }
}

/// What needs the router: the query pages read, and the focus moving to the new page's main
/// region after each in-app navigation.
#[component]
fn RouterGlue() -> impl IntoView {
    crate::context::provide_router_query();
    crate::shell::dom::focus_main_after_navigation();
}

/// Every route of the application, after the base path and the language: what the prerender
/// writes a page for (the not-found page is written apart).
#[must_use]
pub fn routes() -> Vec<String> {
    let mut all: Vec<String> = ["/", "/estimate", "/refund", "/embed", "/apply"].map(str::to_owned).to_vec();
    all.extend(Step::ALL.iter().map(|s| format!("/apply/{}", s.slug())));
    all.extend(["/apply/check", "/apply/done"].map(str::to_owned));
    all
}
