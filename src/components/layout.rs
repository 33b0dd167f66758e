//! The frames around every page: the site's (header with navigation, main, footer) and the form's.

use crate::components::lang_switch::LangSwitch;
use crate::context::{use_data, use_texts};
use crate::i18n::common::CommonTexts;
use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_location;

/// Skip link, header with the site navigation and the language switcher, main region, footer.
#[component]
pub fn SiteLayout(children: Children) -> impl IntoView {
    let t = use_texts::<CommonTexts>();
    let data = use_data();
    view! {
        <header class="site-header">
            // Inside the banner landmark, so that no content stands outside a landmark.
            <SkipLink text=t.skip_to_content />
            <A href=data.href("/") attr:class="brand">{t.site_name}</A>
            <nav aria-label=t.nav_label>
                <ul>
                    <li><A href=data.href("/") exact=true>{t.nav_home}</A></li>
                    <li><A href=data.href("/estimate")>{t.nav_estimate}</A></li>
                    <li><A href=data.href("/refund")>{t.nav_refund}</A></li>
                    <li><A href=data.href("/apply") attr:class="nav-apply">{t.nav_apply}</A></li>
                </ul>
            </nav>
            <LangSwitch />
        </header>
        <Main>{children()}</Main>
        <footer class="site-footer">
            <p>{t.footer}</p>
            <p><A href=data.href("/embed")>{t.footer_embed}</A></p>
        </footer>
    }
}

/// The application form's frame: like [`SiteLayout`] without the site navigation, as in a
/// transactional service; the brand still leads back to the course.
#[component]
pub fn FormLayout(children: Children) -> impl IntoView {
    let t = use_texts::<CommonTexts>();
    let data = use_data();
    view! {
        <header class="site-header">
            // Inside the banner landmark, so that no content stands outside a landmark.
            <SkipLink text=t.skip_to_content />
            <A href=data.href("/") attr:class="brand">{t.site_name}</A>
            <LangSwitch />
        </header>
        <Main>{children()}</Main>
        <footer class="site-footer"><p>{t.footer}</p></footer>
    }
}

/// "Skip to main content": the page's own address and `#main`. (A bare `#main` resolves against
/// the page's `<base href>`, the course page, and would load it.)
#[component]
fn SkipLink(text: &'static str) -> impl IntoView {
    let location = use_location();
    let href = move || {
        let search = location.search.get();
        let search = if search.is_empty() { String::new() } else { format!("?{search}") };
        format!("{}{search}#main", location.pathname.get())
    };
    // `target="_self"`: the browser's own jump to the fragment (the router lets links with a
    // target be), which moves the focus to the main region without a navigation.
    view! { <a class="skip-link" href=href target="_self">{text}</a> }
}

/// The main region (it takes the focus after an in-app navigation: see `shell::dom`).
#[component]
fn Main(children: Children) -> impl IntoView {
    view! { <main id="main" tabindex="-1">{children()}</main> }
}
