//! One choice among a few: radio buttons in a fieldset.

use super::error_message::ErrorMessage;
use super::{described_by, field_id};
use leptos::prelude::*;

/// Radio buttons for one answer, in a fieldset with its legend. The first button carries the
/// answer's id (the error summary links to it), the others `<id>-<n>`. The answer is read and
/// written as the index of the chosen option, so every question shares this one component.
#[component]
pub fn Radios(
    /// The answer's dotted path (`about.career_stage`).
    field: &'static str,
    /// The question.
    legend: String,
    /// A hint under the legend (`""`: none).
    #[prop(optional)]
    hint: String,
    /// The options' labels, in order.
    options: Vec<&'static str>,
    /// The index of the chosen option.
    selected: Signal<Option<usize>>,
    /// Called with the index chosen.
    on_select: Callback<usize>,
    /// The error shown, if any.
    error: Signal<Option<String>>,
    /// Options side by side (yes / no) rather than one under the other.
    #[prop(optional)]
    inline: bool,
) -> impl IntoView {
    let id = field_id(field);
    let (hint_id, error_id) = (format!("{id}-hint"), format!("{id}-error"));
    let by = described_by(&[if hint.is_empty() { "" } else { &hint_id }, &error_id]);
    let buttons = options
        .into_iter()
        .enumerate()
        .map(|(i, label)| {
            let rid = if i == 0 { id.clone() } else { format!("{id}-{i}") };
            view! {
                <div class="radio">
                    <input type="radio" id=rid.clone() name=id.clone() value=i.to_string()
                        prop:checked=move || selected.get() == Some(i)
                        on:change=move |_| on_select.run(i) />
                    <label for=rid>{label}</label>
                </div>
            }
            .into_any()
        })
        .collect_view();
    view! {
        <div class="field" class:field-error=move || error.with(Option::is_some)>
            <fieldset aria-describedby=by>
                <legend>{legend}</legend>
                {(!hint.is_empty()).then(|| view! { <p class="hint" id=hint_id>{hint}</p> }.into_any())}
                <ErrorMessage id=error_id error />
                <div class="radios" class:inline=inline>{buttons}</div>
            </fieldset>
        </div>
    }
}
