//! The estimator's questions: membership, dues, country, group size, date, reduced-fee place.

use super::state::EstimatorState;
use super::words;
use crate::components::country_picker::CountryPicker;
use crate::context::{use_data, use_fmt, use_texts};
use crate::domain::dates::{iso, parse_iso};
use crate::domain::estimate::MAX_PEOPLE_PARAM;
use crate::i18n::estimate::EstimateTexts;
use crate::i18n::Text;
use leptos::prelude::*;

/// The questions, each answer written straight into `state` (the quote follows at once). They
/// need JavaScript (`needs-js`): without it the page shows the quote for the default answers.
#[component]
pub fn Questions(state: EstimatorState) -> impl IntoView {
    let t = use_texts::<EstimateTexts>();
    let data = use_data();
    let fmt = use_fmt();
    let fees = &data.edition.fees;
    let max_people = fees.group_discount.max_size.clamp(1, MAX_PEOPLE_PARAM);
    let dues_legend = Text(t.dues_legend).fill(&[("year", &fees.member_discount.dues_year.to_string())]);
    let people_hint = fmt.count(&t.people_hint, i64::from(fees.group_discount.min_size), &[]);
    let people_invalid =
        Text(t.people_invalid).fill(&[("min", &fmt.number(1)), ("max", &fmt.number(i64::from(max_people)))]);
    let reduced_hint = Text(t.reduced_hint).fill(&[("who", words::eligible(t, data))]);
    let people_error = RwSignal::new(false);
    let on_people = move |ev| {
        let text = event_target_value(&ev);
        match text.trim().parse::<u32>().ok().filter(|n| (1..=max_people).contains(n)) {
            Some(n) => {
                people_error.set(false);
                state.people.set(n);
            }
            None => people_error.set(true),
        }
    };
    // The answers the page was rendered with, as attributes (the page without JavaScript shows
    // them); the live values follow as properties.
    let (people0, reduced0) = (state.people.get_untracked(), state.reduced.get_untracked());
    let radio = move |id: &'static str, name: &'static str, label: &'static str, on: bool, signal: RwSignal<bool>| {
        let initial = signal.get_untracked() == on;
        view! {
            <label>
                <input type="radio" id=id name=name value=if on { "yes" } else { "no" } checked=initial
                    prop:checked=move || signal.get() == on on:change=move |_| signal.set(on) />
                {label}
            </label>
        }
    };

    view! {
        <form class="estimate-form no-print needs-js" on:submit=|ev| ev.prevent_default() aria-labelledby="situation">
            <h2 id="situation" class="visually-hidden">{t.your_situation}</h2>
            <fieldset class="field" aria-describedby="member-hint">
                <legend>{t.member_legend}</legend>
                <p class="hint" id="member-hint">{t.member_hint}</p>
                <div class="radios">
                    {radio("member-yes", "member", t.yes, true, state.member)}
                    {radio("member-no", "member", t.no, false, state.member)}
                </div>
            </fieldset>
            <Show when=move || state.member.get()>
                <fieldset class="field conditional">
                    <legend>{dues_legend.clone()}</legend>
                    <div class="radios">
                        {radio("dues-yes", "dues", t.yes, true, state.dues)}
                        {radio("dues-no", "dues", t.no, false, state.dues)}
                    </div>
                </fieldset>
            </Show>
            <CountryPicker value=state.country id="country" label=t.country_label hint=t.country_hint choose=t.country_choose />
            <div class="field" class:field-error=move || people_error.get()>
                <label for="people">{t.people_label}</label>
                <p class="hint" id="people-hint">{people_hint}</p>
                <Show when=move || people_error.get()>
                    <p class="error-message" id="people-error">{people_invalid.clone()}</p>
                </Show>
                <input id="people" name="people" type="number" inputmode="numeric" min="1" max=max_people.to_string()
                    step="1" class="input-short" value=people0.to_string()
                    prop:value=move || state.people.get().to_string()
                    aria-describedby=move || if people_error.get() { "people-hint people-error" } else { "people-hint" }
                    aria-invalid=move || people_error.get().then_some("true")
                    on:input=on_people />
            </div>
            <div class="field">
                <label for="date">{t.date_label}</label>
                <p class="hint" id="date-hint">{t.date_hint}</p>
                <input id="date" name="date" type="date" aria-describedby="date-hint"
                    prop:value=move || state.date.get().map(iso).unwrap_or_default()
                    on:change=move |ev| state.date.set(parse_iso(&event_target_value(&ev))) />
            </div>
            <div class="field checkbox">
                <input id="reduced" name="reduced" type="checkbox" aria-describedby="reduced-hint" checked=reduced0
                    prop:checked=move || state.reduced.get()
                    on:change=move |ev| state.reduced.set(event_target_checked(&ev)) />
                <label for="reduced">{t.reduced_label}</label>
                <p class="hint" id="reduced-hint">{reduced_hint}</p>
            </div>
        </form>
    }
}
