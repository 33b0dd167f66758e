//! Site chrome around every page: skip link, header with navigation, main region, footer.

use crate::app::{href, use_texts, CurrentPath};
use crate::components::lang_switch::LangSwitch;
use crate::domain::routes::Route;
use leptos::prelude::*;

/// The page frame shared by every route.
#[component]
pub fn Layout(children: Children) -> impl IntoView {
    let t = use_texts();
    let path = use_context::<CurrentPath>().map(|c| c.0);
    let current = move |page: Route| path.is_some_and(|p| p.with(|p| Route::parse(p) == page)).then_some("page");
    view! {
        <a class="skip-link" href="#main">{t.skip_to_content()}</a>
        <header class="site-header">
            <a class="brand" href=href("/")>{t.site_name()}</a>
            <nav aria-label=t.nav_label()>
                <ul>
                    <li><a href=href("/") aria-current=move || current(Route::Home)>{t.nav_home()}</a></li>
                    <li><a href=href("/estimate") aria-current=move || current(Route::Estimate)>{t.nav_estimate()}</a></li>
                    <li><a href=href("/refund") aria-current=move || current(Route::Refund)>{t.nav_refund()}</a></li>
                </ul>
            </nav>
            <LangSwitch />
        </header>
        <main id="main" tabindex="-1">{children()}</main>
        <footer class="site-footer"><p>{t.footer()}</p></footer>
    }
}

/// The frame of the application form's pages (`apply.html`, `send.html`): like [`Layout`] without
/// the site navigation, as in a transactional service (the brand still links to the course), which
/// also keeps those bundles within their budget.
#[component]
pub fn FormLayout(children: Children) -> impl IntoView {
    let t = use_texts();
    view! {
        <a class="skip-link" href="#main">{t.skip_to_content()}</a>
        <header class="site-header">
            <a class="brand" href=href("/")>{t.site_name()}</a>
            <LangSwitch />
        </header>
        <main id="main" tabindex="-1">{children()}</main>
        <footer class="site-footer"><p>{t.footer()}</p></footer>
    }
}
