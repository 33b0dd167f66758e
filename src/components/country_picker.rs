//! A text field with a suggestion list of every economy, in the user's language.

use crate::app::{use_data, use_locale, use_texts};
use crate::domain::countries::fold;
use crate::domain::embed::escape_html;
use crate::i18n::fill;
use crate::shell::intl;
use leptos::prelude::*;
use std::sync::Arc;

/// Lets a person type or pick a country; `value` holds its World Bank code once recognised.
#[component]
pub fn CountryPicker(
    /// The chosen economy's code.
    value: RwSignal<Option<String>>,
    /// The input's id (the label points at it).
    #[prop(into)]
    id: String,
) -> impl IntoView {
    let t = use_texts();
    let data = use_data();
    let locale = use_locale();
    // (code, name in the user's language), sorted for the list.
    let names: Arc<Vec<(String, String)>> = {
        let mut v: Vec<(String, String)> =
            data.countries.list.iter().map(|c| (c.iso3.clone(), intl::country_name(locale.intl_tag(), c))).collect();
        v.sort_by_key(|(_, n)| fold(n));
        Arc::new(v)
    };
    let name_of = {
        let names = names.clone();
        move |code: &str| names.iter().find(|(c, _)| c == code).map(|(_, n)| n.clone())
    };
    let text = RwSignal::new(value.get_untracked().as_deref().and_then(&name_of).unwrap_or_default());
    let error = RwSignal::new(None::<String>);
    let list_id = format!("{id}-list");
    let hint_id = format!("{id}-hint");
    let error_id = format!("{id}-error");

    let resolve = {
        let data = data.clone();
        let names = names.clone();
        move |typed: String| {
            text.set(typed.clone());
            if typed.trim().is_empty() {
                value.set(None);
                error.set(None);
                return;
            }
            let found = data
                .countries
                .find_by_name(&typed, |c| names.iter().find(|(code, _)| *code == c.iso3).map(|(_, n)| n.clone()))
                .map(|c| c.iso3.clone());
            match found {
                Some(code) => {
                    error.set(None);
                    text.set(name_of(&code).unwrap_or(typed));
                    value.set(Some(code));
                }
                None => {
                    value.set(None);
                    error.set(Some(fill(t.country_not_found(), &[("typed", typed.trim())])));
                }
            }
        }
    };

    let described_by = {
        let (h, e) = (hint_id.clone(), error_id.clone());
        move || if error.get().is_some() { format!("{h} {e}") } else { h.clone() }
    };
    // One string set once: building 200-odd option elements one by one measured as the largest
    // part of the estimator's first render on a throttled phone.
    let options: String =
        names.iter().map(|(_, n)| format!("<option value=\"{}\"></option>", escape_html(n))).collect();
    view! {
        <div class="field" class:field-error=move || error.get().is_some()>
            <label for=id.clone()>{t.country_label()}</label>
            <p class="hint" id=hint_id.clone()>{t.country_hint()}</p>
            {move || error.get().map(|e| view! { <p class="error-message" id=error_id.clone()>{e}</p> })}
            <input
                id=id.clone()
                name="country"
                type="text"
                list=list_id.clone()
                autocomplete="off"
                spellcheck="false"
                prop:value=move || text.get()
                data-iso3=move || value.get()
                aria-describedby=described_by
                aria-invalid=move || error.get().is_some().then_some("true")
                on:change=move |ev| resolve(event_target_value(&ev))
            />
            <datalist id=list_id inner_html=options></datalist>
        </div>
    }
}
