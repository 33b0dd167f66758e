//! A country list (`<select>`) of every economy of the World Bank file, named in the page's language.

use crate::context::{use_data, use_fmt};
use crate::domain::countries::fold;
use leptos::prelude::*;

/// A labelled `<select>` of every economy, each named in the page's language (`Intl`'s name, the
/// World Bank's where `Intl` has none) and sorted by that name with accents and case folded
/// (`domain::countries::fold`), then by code: the same order in the prerender and the browser, so
/// the page hydrates without a difference. `value` holds the chosen economy's World Bank code.
#[component]
pub fn CountryPicker(
    /// The chosen economy's code; `None` for none.
    value: RwSignal<Option<String>>,
    /// The select's id (the label points at it); also its `name`.
    id: &'static str,
    /// The label.
    label: &'static str,
    /// The hint under the label, if any.
    #[prop(optional)]
    hint: Option<&'static str>,
    /// The first option, for no country ("Choose a country").
    choose: &'static str,
) -> impl IntoView {
    let data = use_data();
    let fmt = use_fmt();
    let mut names: Vec<(String, &str, String)> = data
        .countries
        .list
        .iter()
        .map(|c| {
            let name = fmt.country(c);
            (fold(&name), c.iso3.as_str(), name)
        })
        .collect();
    names.sort_unstable_by(|a, b| (&a.0, a.1).cmp(&(&b.0, b.1)));
    let options =
        names.into_iter().map(|(_, iso3, name)| view! { <option value=iso3.to_owned()>{name}</option> }).collect_view();
    let hint_id = format!("{id}-hint");
    view! {
        <div class="field">
            <label for=id>{label}</label>
            {hint.map(|h| view! { <p class="hint" id=hint_id.clone()>{h}</p> })}
            <select
                id=id
                name=id
                aria-describedby=hint.map(|_| hint_id.clone())
                prop:value=move || value.get().unwrap_or_default()
                on:change=move |ev| {
                    let code = event_target_value(&ev);
                    value.set((!code.is_empty()).then_some(code));
                }
            >
                <option value="">{choose}</option>
                {options}
            </select>
        </div>
    }
}
