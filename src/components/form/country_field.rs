//! The country: a text field with a list of every economy, in the reader's language.

use super::error_message::ErrorMessage;
use super::{described_by, field_id};
use crate::context::{use_data, use_fmt};
use crate::domain::countries::fold;
use leptos::prelude::*;

/// Lets a person type or pick a country; `on_change` hears its World Bank code once the name is
/// recognised (in any of the names the list shows, the World Bank's English name, or the code),
/// and `None` otherwise, with `unknown` telling whether something was typed.
#[component]
pub fn CountryField(
    /// The answer's dotted path (`organisation.country`).
    field: &'static str,
    /// The label.
    label: &'static str,
    /// A hint under the label.
    hint: &'static str,
    /// The chosen economy's code.
    value: Signal<Option<String>>,
    /// Called with the recognised code, or `None`.
    on_change: Callback<Option<String>>,
    /// Set when the text typed is not a country of the list.
    unknown: RwSignal<bool>,
    /// The error shown, if any.
    error: Signal<Option<String>>,
) -> impl IntoView {
    let data = use_data();
    let fmt = use_fmt();
    // (code, name in the reader's language), in the order of the names.
    let mut names: Vec<(&'static str, String)> =
        data.countries.list.iter().map(|c| (c.iso3.as_str(), fmt.country(c))).collect();
    names.sort_by_cached_key(|(_, n)| fold(n));
    let names = StoredValue::new(names);
    let name_of = move |code: &str| names.with_value(|n| n.iter().find(|(c, _)| *c == code).map(|(_, n)| n.clone()));
    let find = move |typed: &str| -> Option<String> {
        let shown = names.with_value(|n| n.iter().find(|(_, n)| fold(n) == fold(typed)).map(|(c, _)| (*c).to_owned()));
        shown.or_else(|| data.countries.find_by_name(typed, |_| None).map(|c| c.iso3.clone()))
    };
    // What the person typed while it is not a country of the list; the field otherwise shows the
    // name of the answer (which may change elsewhere: storage, another tab, a file).
    let typed = RwSignal::new(None::<String>);
    let change = move |ev| {
        let text = event_target_value(&ev);
        let code = find(&text);
        unknown.set(code.is_none() && !text.trim().is_empty());
        typed.set(code.is_none().then_some(text));
        on_change.run(code);
    };
    let id = field_id(field);
    let (hint_id, error_id, list_id) = (format!("{id}-hint"), format!("{id}-error"), format!("{id}-list"));
    let by = described_by(&[&hint_id, &error_id]);
    let options = names.with_value(|n| {
        n.iter().map(|(_, name)| view! { <option value=name.clone()></option> }.into_any()).collect_view()
    });
    view! {
        <div class="field" class:field-error=move || error.with(Option::is_some)>
            <label for=id.clone()>{label}</label>
            <p class="hint" id=hint_id>{hint}</p>
            <ErrorMessage id=error_id error />
            <input id=id type="text" list=list_id.clone() autocomplete="off" spellcheck="false"
                prop:value=move || typed.get().unwrap_or_else(|| value.get().as_deref().and_then(name_of).unwrap_or_default()) data-iso3=move || value.get()
                aria-describedby=by aria-invalid=move || error.with(Option::is_some).then_some("true")
                on:change=change />
            <datalist id=list_id>{options}</datalist>
        </div>
    }
}
