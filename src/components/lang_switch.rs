//! The language switcher: one link per language, to this same page and its answers.

use crate::app::{use_locale, use_texts};
use crate::i18n::Locale;
use crate::shell::{dom, lang};
use leptos::prelude::*;

/// Links to the current page in each language; the chosen one is remembered on this device.
#[component]
pub fn LangSwitch() -> impl IntoView {
    let (t, current) = (use_texts(), use_locale());
    let items = Locale::ALL
        .into_iter()
        .map(|l| {
            // The address is read at click time: the page may have changed its query since.
            let go = move |ev: leptos::ev::MouseEvent| {
                ev.prevent_default();
                dom::go_to(&lang::switch_url(l));
            };
            let href = format!("?lang={}", l.tag());
            view! {
                <li><a href=href hreflang=l.tag() lang=l.tag() aria-current=(l == current).then_some("true")
                    data-testid=format!("lang-{}", l.tag()) on:click=go>{l.name()}</a></li>
            }
        })
        .collect_view();
    view! { <nav class="lang-switch" aria-label=t.lang_label()><ul>{items}</ul></nav> }
}
