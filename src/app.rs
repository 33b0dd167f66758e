use leptos::prelude::*;

/// The application root.
#[component]
pub fn App() -> impl IntoView {
    view! { <main id="main"><h1>"Metropolis Diploma"</h1></main> }
}
