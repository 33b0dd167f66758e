//! The message next to a field in error.

use crate::context::use_texts;
use crate::i18n::apply::ApplyTexts;
use leptos::prelude::*;

/// The field's error, when there is one: `<p id=… class="error-message">`, with a visually hidden
/// "Error:" for screen readers.
#[component]
pub fn ErrorMessage(
    /// The message's id (the control's `aria-describedby` names it).
    id: String,
    /// The message, when the field is in error.
    error: Signal<Option<String>>,
) -> impl IntoView {
    let prefix = use_texts::<ApplyTexts>().error_prefix;
    move || {
        error.get().map(|e| {
            view! {
                <p class="error-message" id=id.clone()>
                    <span class="visually-hidden">{prefix}</span>
                    {e}
                </p>
            }
            .into_any()
        })
    }
}
