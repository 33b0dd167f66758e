//! Placeholder: ported by the page work (see /work/plan).

use crate::components::layout::SiteLayout;
use leptos::prelude::*;

/// Placeholder.
#[component]
pub fn CheckPage() -> impl IntoView {
    view! { <SiteLayout><h1>"CheckPage"</h1></SiteLayout> }
}
