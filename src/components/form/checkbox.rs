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
    let by = {
        let hint_id = if hint.is_empty() { String::new() } else { hint_id.clone() };
        let error_id = error_id.clone();
        move || described_by(&[&hint_id, if error.with(Option::is_some) { &error_id } else { "" }])
    };
    view! {
        <div class="field" class:field-error=move || error.with(Option::is_some)>
            <ErrorMessage id=error_id error />
            <div class="checkbox">
                <input type="checkbox" id=id.clone() aria-describedby=by
                    aria-invalid=move || error.with(Option::is_some).then_some("true")
                    prop:checked=checked
                    on:change=move |ev| on_change.run(event_target_checked(&ev)) />
                <label for=id>{label}</label>
                {(!hint.is_empty()).then(|| view! { <p class="hint" id=hint_id>{hint}</p> })}
            </div>
        </div>
    }
}
