//! Placeholder: ported by the page work (see /work/plan).

use crate::components::layout::SiteLayout;
use leptos::prelude::*;

/// Placeholder.
#[component]
pub fn DonePage() -> impl IntoView {
    view! { <SiteLayout><h1>"DonePage"</h1></SiteLayout> }
}
