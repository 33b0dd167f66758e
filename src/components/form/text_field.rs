//! One text answer: an input or a text area, with its label, hint, length limit (shown, and enforced
//! by `maxlength`), word count for the long answers, and error.

use super::error_message::ErrorMessage;
use super::{described_by, field_id, to_i64};
use crate::context::{use_fmt, use_texts};
use crate::domain::application::{max_len, word_count, word_limit};
use crate::i18n::apply::ApplyTexts;
use crate::i18n::Text;
use leptos::prelude::*;

/// What kind of text a field takes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    /// One line of text.
    Text,
    /// An e-mail address.
    Email,
    /// A phone number.
    Tel,
    /// A whole number (typed as text, with a numeric keyboard).
    Number,
    /// Several lines.
    Area,
}

/// A text field bound to one answer. `field` is the answer's dotted path (`about.first_name`,
/// `registration.colleagues.0.email`): the control's id (dots as dashes), its limit
/// ([`max_len`]) and its word limit ([`word_limit`]) follow from it.
#[component]
pub fn TextField(
    /// The answer's dotted path.
    field: String,
    /// The label.
    label: String,
    /// A hint under the label (`""`: none).
    #[prop(optional)]
    hint: &'static str,
    /// What the field takes.
    kind: Kind,
    /// The browser's `autocomplete` token (`""`: off).
    #[prop(optional)]
    autocomplete: &'static str,
    /// The answer.
    value: Signal<String>,
    /// Called with the new text on every keystroke.
    on_input: Callback<String>,
    /// The error shown, if any.
    error: Signal<Option<String>>,
) -> impl IntoView {
    let t = use_texts::<ApplyTexts>();
    let fmt = use_fmt();
    let id = field_id(&field);
    let max = max_len(&field);
    let words = word_limit(&field);
    let (hint_id, limit_id, count_id, error_id) =
        (format!("{id}-hint"), format!("{id}-limit"), format!("{id}-count"), format!("{id}-error"));
    // The error's id is named even while there is no error: a reference to an absent element is
    // ignored, and one fixed attribute is less code than a reactive one.
    let by = described_by(&[
        if hint.is_empty() { "" } else { &hint_id },
        if words.is_some() { &count_id } else { "" },
        &limit_id,
        &error_id,
    ]);
    let maxlength = max.to_string();
    let control = if kind == Kind::Area {
        view! {
            <textarea id=id.clone() rows="6" maxlength=maxlength spellcheck="true" prop:value=value
                aria-describedby=by aria-invalid=move || error.with(Option::is_some).then_some("true")
                on:input=move |ev| on_input.run(event_target_value(&ev))></textarea>
        }
        .into_any()
    } else {
        let (ty, mode) = match kind {
            Kind::Email => ("email", None),
            Kind::Tel => ("tel", None),
            Kind::Number => ("text", Some("numeric")),
            Kind::Text | Kind::Area => ("text", None),
        };
        let short = (kind == Kind::Number).then_some("input-short");
        view! {
            <input id=id.clone() type=ty inputmode=mode class=short maxlength=maxlength
                autocomplete=if autocomplete.is_empty() { "off" } else { autocomplete } spellcheck="false"
                prop:value=value aria-describedby=by aria-invalid=move || error.with(Option::is_some).then_some("true")
                on:input=move |ev| on_input.run(event_target_value(&ev)) />
        }
        .into_any()
    };
    let limit = Text(t.max_chars).fill(&[("max", &fmt.number(to_i64(max)))]);
    let count = words.map(|limit| {
        let limit = fmt.number(to_i64(limit));
        view! {
            <p class="hint count" id=count_id data-testid="word-count">
                {move || {
                    let n = fmt.number(to_i64(value.with(|v| word_count(v))));
                    Text(t.words).fill(&[("count", &n), ("limit", &limit)])
                }}
            </p>
        }
    });
    view! {
        <div class="field" class:field-error=move || error.with(Option::is_some)>
            <label for=id>{label}</label>
            {(!hint.is_empty()).then(|| view! { <p class="hint" id=hint_id>{hint}</p> }.into_any())}
            <ErrorMessage id=error_id error />
            {control}
            {count}
            <p class="hint limit" id=limit_id>{limit}</p>
        </div>
    }
}
