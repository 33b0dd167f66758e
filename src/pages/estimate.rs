//! `/estimate`: the fee estimator, its state in the URL.

use crate::app::{use_data, use_locale, use_texts, use_today};
use crate::components::country_picker::CountryPicker;
use crate::domain::countries::IncomeClass;
use crate::domain::dates;
use crate::domain::edition::Discount;
use crate::domain::estimate::{EstimateParams, MAX_PEOPLE_PARAM};
use crate::domain::fees::{quote, Quote};
use crate::domain::money::Money;
use crate::i18n::{fill, Texts};
use crate::shell::{dom, intl};
use chrono::NaiveDate;
use leptos::prelude::*;

/// The estimator page: the form, the live quote, and the explanation of every rule.
#[component]
pub fn EstimatePage() -> impl IntoView {
    let t = use_texts();
    dom::set_title(&format!("{} – {}", t.estimate_title(), t.site_name()));
    let data = use_data();
    let pairs = dom::query_pairs();
    let parsed = EstimateParams::from_pairs(pairs.iter().map(|(k, v)| (k.as_str(), v.as_str())), &data.countries);
    let ignored = parsed.ignored.clone();
    let state = EstimatorState::new(parsed.params);
    Effect::new(move |_| dom::replace_query(&state.params().to_query()));

    view! {
        <h1 id="page-title">{t.estimate_title()}</h1>
        <p class="lead no-print">{t.estimate_intro()}</p>
        {(!ignored.is_empty()).then(|| {
            let list = ignored.iter().map(|p| format!("{}={}", p.name, p.value)).collect::<Vec<_>>().join(", ");
            view! { <div class="notice no-print" role="status" data-testid="param-note"><p>{fill(t.params_ignored(), &[("list", &list)])}</p></div> }
        })}
        <div class="estimator">
            <EstimateForm state />
            <QuotePanel state />
        </div>
    }
}

/// The estimator's inputs as signals; shared by the page and the embed.
#[derive(Clone, Copy)]
pub struct EstimatorState {
    /// Member city.
    pub member: RwSignal<bool>,
    /// Dues paid (members only).
    pub dues: RwSignal<bool>,
    /// Country code.
    pub country: RwSignal<Option<String>>,
    /// People from the organisation.
    pub people: RwSignal<u32>,
    /// Registration date; `None` = today.
    pub date: RwSignal<Option<NaiveDate>>,
    /// Asks for a reduced place.
    pub reduced: RwSignal<bool>,
}

impl EstimatorState {
    /// Signals initialised from URL parameters.
    #[must_use]
    pub fn new(p: EstimateParams) -> EstimatorState {
        EstimatorState {
            member: RwSignal::new(p.member),
            dues: RwSignal::new(p.dues.unwrap_or(true)),
            country: RwSignal::new(p.country),
            people: RwSignal::new(p.people.max(1)),
            date: RwSignal::new(p.date),
            reduced: RwSignal::new(p.reduced),
        }
    }

    /// The current inputs as URL parameters.
    #[must_use]
    pub fn params(&self) -> EstimateParams {
        EstimateParams {
            member: self.member.get(),
            dues: Some(self.dues.get()),
            country: self.country.get(),
            people: self.people.get(),
            date: self.date.get(),
            reduced: self.reduced.get(),
        }
    }
}

/// The questions.
#[component]
pub fn EstimateForm(state: EstimatorState) -> impl IntoView {
    let t = use_texts();
    let data = use_data();
    let fees = &data.edition.fees;
    let max_people = fees.group_discount.max_size.min(MAX_PEOPLE_PARAM);
    let dues_legend = fill(t.dues_legend(), &[("year", &fees.member_discount.dues_year.to_string())]);
    let people_hint = fill(t.people_hint(), &[("min", &fees.group_discount.min_size.to_string())]);
    let people_text = RwSignal::new(state.people.get_untracked().to_string());
    let people_error = RwSignal::new(None::<String>);
    let on_people = move |ev| {
        let text = event_target_value(&ev);
        people_text.set(text.clone());
        match text.trim().parse::<u32>().ok().filter(|n| (1..=max_people).contains(n)) {
            Some(n) => {
                people_error.set(None);
                state.people.set(n);
            }
            None => people_error.set(Some(fill(t.people_invalid(), &[("max", &max_people.to_string())]))),
        }
    };
    let date_text = state.date.get_untracked().map(dates::iso).unwrap_or_default();
    let on_date = move |ev| {
        let text = event_target_value(&ev);
        state.date.set(dates::parse_iso(&text));
    };
    let today = dates::iso(use_today());

    view! {
        <form class="estimate-form no-print" on:submit=|ev| ev.prevent_default() aria-labelledby="situation">
            <h2 id="situation" class="visually-hidden">{t.your_situation()}</h2>
            <fieldset class="field">
                <legend>{t.member_legend()}</legend>
                <p class="hint" id="member-hint">{t.member_hint()}</p>
                <div class="radios">
                    <label><input type="radio" id="member-yes" name="member" value="yes" aria-describedby="member-hint"
                        prop:checked=move || state.member.get() on:change=move |_| state.member.set(true) />{t.yes()}</label>
                    <label><input type="radio" id="member-no" name="member" value="no" aria-describedby="member-hint"
                        prop:checked=move || !state.member.get() on:change=move |_| state.member.set(false) />{t.no()}</label>
                </div>
            </fieldset>
            <Show when=move || state.member.get()>
                <fieldset class="field conditional">
                    <legend>{dues_legend.clone()}</legend>
                    <div class="radios">
                        <label><input type="radio" id="dues-yes" name="dues" value="yes"
                            prop:checked=move || state.dues.get() on:change=move |_| state.dues.set(true) />{t.yes()}</label>
                        <label><input type="radio" id="dues-no" name="dues" value="no"
                            prop:checked=move || !state.dues.get() on:change=move |_| state.dues.set(false) />{t.no()}</label>
                    </div>
                </fieldset>
            </Show>
            <CountryPicker value=state.country id="country" />
            <div class="field" class:field-error=move || people_error.get().is_some()>
                <label for="people">{t.people_label()}</label>
                <p class="hint" id="people-hint">{people_hint}</p>
                {move || people_error.get().map(|e| view! { <p class="error-message" id="people-error">{e}</p> })}
                <input id="people" name="people" type="number" inputmode="numeric" min="1" max=max_people.to_string() step="1" class="input-short"
                    prop:value=move || people_text.get()
                    aria-describedby=move || if people_error.get().is_some() { "people-hint people-error" } else { "people-hint" }
                    aria-invalid=move || people_error.get().is_some().then_some("true")
                    on:input=on_people />
            </div>
            <div class="field">
                <label for="date">{t.date_label()}</label>
                <p class="hint" id="date-hint">{t.date_hint()}</p>
                <input id="date" name="date" type="date" aria-describedby="date-hint" value=date_text placeholder=today on:change=on_date />
            </div>
            <div class="field checkbox">
                <input id="reduced" name="reduced" type="checkbox" aria-describedby="reduced-hint"
                    prop:checked=move || state.reduced.get() on:change=move |ev| state.reduced.set(event_target_checked(&ev)) />
                <label for="reduced">{t.reduced_label()}</label>
                <p class="hint" id="reduced-hint">{t.reduced_hint()}</p>
            </div>
        </form>
    }
}

/// The live quote: breakdown table, totals, reduced-place scenario, notes, rules, sharing.
#[component]
pub fn QuotePanel(
    state: EstimatorState,
    /// Inside the partner embed: no share and print buttons, no rules section.
    #[prop(optional)]
    embedded: bool,
) -> impl IntoView {
    let t = use_texts();
    let data = use_data();
    let locale = use_locale().intl_tag();
    let today = use_today();
    let quote_memo = {
        let data = data.clone();
        Memo::new(move |_| quote(&data.edition, &data.countries, &state.params().to_input(today)))
    };
    let currency = StoredValue::new(data.edition.currency.clone());
    let fmt = move |m: Money| currency.with_value(|c| intl::money(locale, c, m));
    let date_fmt = move |d: NaiveDate| intl::date(locale, d);
    let copied = RwSignal::new(None::<bool>);
    let share_url = Memo::new(move |_| dom::url_with_query(&state.params().to_query()));
    Effect::new(move |_| {
        share_url.track();
        copied.set(None);
    });
    let class_line = {
        let data = data.clone();
        move || {
            let year = data.edition.fees.income_places.classification_year.clone();
            state.country.get().map(|c| {
                let class = data.countries.class_of(&c, &year);
                fill(
                    t.country_class(),
                    &[
                        ("year", &data.edition.fees.income_places.classification_label),
                        ("class", income_name(t, class)),
                    ],
                )
            })
        }
    };

    view! {
        <section class="quote" aria-labelledby="quote-title">
            <h2 id="quote-title">{t.quote_title()}</h2>
            <div class="print-only">
                <p class="print-title">{t.print_heading()}{t.colon()}{data.edition.course.name.clone()}</p>
                <p>{fill(t.print_date(), &[("date", &date_fmt(today))])}</p>
            </div>
            {move || quote_memo.with(|q| quote_table(t, q, &fmt))}
            <p class="class-line">{class_line}</p>
            {move || quote_memo.with(|q| q.reduced.as_ref().map(|r| view! {
                <div class="reduced" aria-labelledby="reduced-title">
                    <h3 id="reduced-title">{t.reduced_title()}</h3>
                    <p>{t.tier(r.tier)}</p>
                    <p class="figure">
                        <span>{t.reduced_fee()}{t.colon()}</span>
                        <strong data-testid="fee-reduced" data-amount=r.per_person.to_plain()>{fmt(r.per_person)}</strong>
                    </p>
                </div>
            }))}
            <p class="visually-hidden" aria-live="polite" aria-atomic="true">
                {move || quote_memo.with(|q| fill(t.total_announcement(), &[
                    ("total", &fmt(q.total)), ("people", &q.people.to_string()), ("per_person", &fmt(q.per_person)),
                ]))}
            </p>
            <h3>{t.notes_title()}</h3>
            <ul class="notes" data-testid="notes">
                {move || quote_memo.with(|q| q.notes.iter().map(|n| view! {
                    <li data-note=n.code()>{t.note(n, &date_fmt)}</li>
                }).collect_view())}
            </ul>
            <p class="print-only">{t.print_caveat()}</p>
            {(!embedded).then(|| view! {
                <div class="share no-print">
                    <button type="button" class="button" on:click=move |_| {
                        let url = share_url.get_untracked();
                        leptos::task::spawn_local(async move { copied.set(Some(dom::copy_text(&url).await)); });
                    }>{t.copy_link()}</button>
                    <button type="button" class="button secondary" on:click=|_| dom::print()>{t.print_quote()}</button>
                    <p role="status" class="copy-status">{move || copied.get().map(|ok| if ok { t.link_copied() } else { t.copy_failed() })}</p>
                    <label for="share-url">{t.share_label()}</label>
                    <input id="share-url" data-testid="share-url" type="text" readonly prop:value=move || share_url.get() />
                </div>
            })}
        </section>
        {(!embedded).then(|| view! { <RulesExplained /> })}
    }
}

fn quote_table(t: &'static Texts, q: &Quote, fmt: &dyn Fn(Money) -> String) -> impl IntoView {
    let lines = q
        .lines
        .iter()
        .map(|l| {
            let label = format!("{} (−{}%)", t.discount(l.rule), l.percent);
            view! { <tr data-rule=l.rule.code()><th scope="row">{label}</th><td>"−"{fmt(l.amount)}</td></tr> }
        })
        .collect_view();
    view! {
        <table class="breakdown">
            <caption>{t.quote_caption()}</caption>
            <thead><tr><th scope="col">{t.col_item()}</th><th scope="col">{t.col_amount()}</th></tr></thead>
            <tbody>
                <tr><th scope="row">{t.line_list_fee()}</th><td>{fmt(q.list_fee)}</td></tr>
                {lines}
            </tbody>
            <tfoot>
                <tr class="subtotal"><th scope="row">{t.per_person()}</th>
                    <td data-testid="fee-per-person" data-amount=q.per_person.to_plain()>{fmt(q.per_person)}</td></tr>
                <tr><th scope="row">{t.people_count()}</th><td>"× "{q.people}</td></tr>
                <tr class="total"><th scope="row">{t.total()}</th>
                    <td data-testid="fee-total" data-amount=q.total.to_plain()>{fmt(q.total)}</td></tr>
            </tfoot>
        </table>
    }
}

fn income_name(t: &Texts, class: Option<IncomeClass>) -> &'static str {
    match class {
        Some(IncomeClass::Low) => t.income_low(),
        Some(IncomeClass::LowerMiddle) => t.income_lower_middle(),
        Some(IncomeClass::UpperMiddle) => t.income_upper_middle(),
        Some(IncomeClass::High) => t.income_high(),
        None => t.income_unclassified(),
    }
}

/// One sentence per rule, in the edition's order.
#[component]
fn RulesExplained() -> impl IntoView {
    let t = use_texts();
    let data = use_data();
    let locale = use_locale().intl_tag();
    let e = &data.edition;
    let f = &e.fees;
    let list = intl::money(locale, &e.currency, f.list_fee);
    let sentences = f
        .discount_order
        .iter()
        .map(|rule| {
            let text = match rule {
                Discount::Membership => fill(
                    t.rule_membership(),
                    &[
                        ("year", &f.member_discount.dues_year.to_string()),
                        ("percent", &f.member_discount.percent.to_string()),
                        ("list", &list),
                    ],
                ),
                Discount::Group => fill(
                    t.rule_group(),
                    &[
                        ("min", &f.group_discount.min_size.to_string()),
                        ("percent", &f.group_discount.percent.to_string()),
                    ],
                ),
                Discount::IncomePlace => fill(
                    t.rule_income(),
                    &[
                        ("places", &f.income_places.places.to_string()),
                        ("middle", &f.income_places.middle_income_percent.to_string()),
                        ("label", &f.income_places.classification_label),
                    ],
                ),
                Discount::EarlyBird => match &f.early_bird {
                    None => t.rule_early().to_owned(),
                    Some(eb) => fill(t.note_early_bird_applied(), &[("date", &intl::date(locale, eb.last_date))]),
                },
            };
            view! { <li><strong>{t.discount(*rule)}{t.colon()}</strong>{text}</li> }
        })
        .collect_view();
    view! {
        <section class="rules no-print" aria-labelledby="rules-title">
            <h2 id="rules-title">{t.rules_title()}</h2>
            <p>{t.rule_order()}</p>
            <ol>{sentences}</ol>
        </section>
    }
}
