//! Placeholder: ported by the page work (see /work/plan).

use crate::components::layout::SiteLayout;
use leptos::prelude::*;

/// Placeholder.
#[component]
pub fn RefundPage() -> impl IntoView {
    view! { <SiteLayout><h1>"RefundPage"</h1></SiteLayout> }
}
