//! The back link at the top of a form page.

use crate::context::{use_data, use_texts};
use crate::i18n::apply::ApplyTexts;
use leptos::prelude::*;
use leptos_router::components::A;

/// "Back", to a route of the form (`/apply`, `/apply/about-you`).
#[component]
pub fn BackLink(
    /// The route, after the base and the language.
    route: String,
) -> impl IntoView {
    let t = use_texts::<ApplyTexts>();
    view! { <A href=use_data().href(&route) attr:class="back-link no-print">{t.back}</A> }
}
