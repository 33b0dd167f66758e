//! The frames around every page: the site's (header with navigation, main, footer) and the form's.

use crate::components::lang_switch::LangSwitch;
use crate::context::{use_data, use_texts};
use crate::i18n::common::CommonTexts;
use leptos::prelude::*;
use leptos_router::components::A;

/// Skip link, header with the site navigation and the language switcher, main region, footer.
#[component]
pub fn SiteLayout(children: Children) -> impl IntoView {
    let t = use_texts::<CommonTexts>();
    let data = use_data();
    view! {
        <a class="skip-link" href="#main">{t.skip_to_content}</a>
        <header class="site-header">
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
        <footer class="site-footer"><p>{t.footer}</p></footer>
    }
}

/// The application form's frame: like [`SiteLayout`] without the site navigation, as in a
/// transactional service; the brand still leads back to the course.
#[component]
pub fn FormLayout(children: Children) -> impl IntoView {
    let t = use_texts::<CommonTexts>();
    let data = use_data();
    view! {
        <a class="skip-link" href="#main">{t.skip_to_content}</a>
        <header class="site-header">
            <A href=data.href("/") attr:class="brand">{t.site_name}</A>
            <LangSwitch />
        </header>
        <Main>{children()}</Main>
        <footer class="site-footer"><p>{t.footer}</p></footer>
    }
}

/// The main region (it takes the focus after an in-app navigation: see `shell::dom`).
#[component]
fn Main(children: Children) -> impl IntoView {
    view! { <main id="main" tabindex="-1">{children()}</main> }
}
