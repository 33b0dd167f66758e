//! What the form's pages say when the edition does not take applications today.

use super::words::use_words;
use crate::context::{use_data, use_today};
use crate::domain::calendar::state;
use leptos::prelude::*;
use leptos_router::components::A;

/// Why no application can be made today (not open yet, and when it opens; closed; the course has
/// taken place), and the way to the start page, where saved answers can still be downloaded.
#[component]
pub fn ClosedNotice() -> impl IntoView {
    let w = use_words();
    let today = use_today();
    let data = use_data();
    let sentence = move || w.edition_state(state(&data.edition, today.get()));
    view! {
        <div class="notice" data-testid="closed-notice">
            <p>{move || sentence()}</p>
            <p><A href=data.href("/apply")>{w.t.back_to_start}</A></p>
        </div>
    }
}
