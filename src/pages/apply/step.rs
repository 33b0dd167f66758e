//! Placeholder: ported by the page work (see /work/plan).

use crate::components::layout::SiteLayout;
use leptos::prelude::*;

/// Placeholder.
#[component]
pub fn StepPage() -> impl IntoView {
    view! { <SiteLayout><h1>"StepPage"</h1></SiteLayout> }
}
