//! Placeholder: ported by the page work (see /work/plan).

use crate::components::layout::SiteLayout;
use leptos::prelude::*;

/// Placeholder.
#[component]
pub fn HomePage() -> impl IntoView {
    view! { <SiteLayout><h1>"HomePage"</h1></SiteLayout> }
}
