//! Sharing and printing an estimate: the link to it, copied or shown, and the printable quote.

use super::state::EstimatorState;
use crate::context::{use_data, use_texts};
use crate::i18n::estimate::EstimateTexts;
use crate::shell::{address, dom};
use leptos::prelude::*;

/// "Copy link" (the page's address with the answers), "Print this estimate" (the page prints as a
/// one-page quote), and the link itself, for copying by hand. Only with JavaScript.
#[component]
pub fn Share(state: EstimatorState) -> impl IntoView {
    let t = use_texts::<EstimateTexts>();
    let page = StoredValue::new(use_data().href("/estimate"));
    // The origin is the browser's to know: empty in the prerender and while hydrating.
    let origin = RwSignal::new(String::new());
    Effect::new(move |_| origin.set(address::origin()));
    let url = Memo::new(move |_| format!("{}{}?{}", origin.get(), page.get_value(), state.params().to_query()));
    let copied = RwSignal::new(None::<bool>);
    Effect::new(move |_| {
        url.track();
        copied.set(None);
    });
    let copy = move |_| {
        let link = url.get_untracked();
        leptos::task::spawn_local(async move { copied.set(Some(dom::copy_text(&link).await)) });
    };
    view! {
        <div class="share no-print needs-js">
            <button type="button" class="button" on:click=copy>{t.copy_link}</button>
            <button type="button" class="button secondary" on:click=|_| dom::print()>{t.print_quote}</button>
            <p role="status" class="copy-status">
                {move || copied.get().map(|ok| if ok { t.link_copied } else { t.copy_failed })}
            </p>
            <label for="share-url">{t.share_label}</label>
            <input id="share-url" data-testid="share-url" type="text" readonly prop:value=move || url.get() />
        </div>
    }
}
