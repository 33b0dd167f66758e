//! Placeholder: ported by the page work (see /work/plan).

use crate::components::layout::SiteLayout;
use leptos::prelude::*;

/// Placeholder.
#[component]
pub fn StartPage() -> impl IntoView {
    view! { <SiteLayout><h1>"StartPage"</h1></SiteLayout> }
}
