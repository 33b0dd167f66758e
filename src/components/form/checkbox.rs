//! One box to tick.

use super::error_message::ErrorMessage;
use super::{described_by, field_id};
use leptos::prelude::*;

/// A checkbox for one answer, with its label, an optional hint and the error above it.
#[component]
pub fn Checkbox(
    /// The answer's dotted path (`declarations.truthful`).
    field: &'static str,
    /// The label.
    label: String,
    /// A hint under the label (`""`: none).
    #[prop(optional)]
    hint: String,
    /// Whether it is ticked.
    checked: Signal<bool>,
    /// Called with the new state.
    on_change: Callback<bool>,
    /// The error shown, if any.
    error: Signal<Option<String>>,
) -> impl IntoView {
    let id = field_id(field);
    let (hint_id, error_id) = (format!("{id}-hint"), format!("{id}-error"));
    let by = described_by(&[if hint.is_empty() { "" } else { &hint_id }, &error_id]);
    view! {
        <div class="field" class:field-error=move || error.with(Option::is_some)>
            <ErrorMessage id=error_id error />
            <div class="checkbox">
                <input type="checkbox" id=id.clone() aria-describedby=by
                    aria-invalid=move || error.with(Option::is_some).then_some("true")
                    prop:checked=checked
                    on:change=move |ev| on_change.run(event_target_checked(&ev)) />
                <label for=id>{label}</label>
                {(!hint.is_empty()).then(|| view! { <p class="hint" id=hint_id>{hint}</p> }.into_any())}
            </div>
        </div>
    }
}
