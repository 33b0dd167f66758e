//! Placeholder: ported by the page work (see /work/plan).

use crate::components::layout::SiteLayout;
use leptos::prelude::*;

/// Placeholder.
#[component]
pub fn EstimatePage() -> impl IntoView {
    view! { <SiteLayout><h1>"EstimatePage"</h1></SiteLayout> }
}
