//! The error summary at the top of a page.

use crate::context::use_data;
use leptos::prelude::*;
use leptos_router::components::A;

/// One problem in the summary.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Problem {
    /// What is wrong, in words.
    pub text: String,
    /// Where it leads.
    pub target: Target,
}

/// Where a problem of the summary leads.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Target {
    /// A control of this page, by id: the link moves the focus to it.
    Here(String),
    /// Another page of the form, by route (with its query and `#id`).
    Page(String),
    /// Nowhere: a sentence only.
    None,
}

/// The id of the summary: pages move the focus to it when it appears.
pub const SUMMARY_ID: &str = "error-summary";

/// "There is a problem" and the list of problems, each linked to its field; nothing when the list
/// is empty. `role="alert"`, and focusable (the page focuses it when it appears).
#[component]
pub fn ErrorSummary(
    /// The heading.
    title: &'static str,
    /// The problems.
    problems: Signal<Vec<Problem>>,
) -> impl IntoView {
    let data = use_data();
    move || {
        let list = problems.get();
        (!list.is_empty()).then(|| {
            let items = list
                .into_iter()
                .map(|p| match p.target {
                    Target::Here(id) => {
                        let href = format!("#{id}");
                        let focus = move |ev: leptos::ev::MouseEvent| {
                            ev.prevent_default();
                            crate::shell::dom::focus(&id);
                        };
                        view! { <li><a href=href on:click=focus>{p.text}</a></li> }.into_any()
                    }
                    Target::Page(route) => view! { <li><A href=data.href(&route)>{p.text}</A></li> }.into_any(),
                    Target::None => view! { <li>{p.text}</li> }.into_any(),
                })
                .collect_view();
            view! {
                <div class="error-summary" id=SUMMARY_ID role="alert" tabindex="-1" data-testid="error-summary">
                    <h2>{title}</h2>
                    <ul>{items}</ul>
                </div>
            }
            .into_any()
        })
    }
}
