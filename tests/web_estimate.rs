//! Browser tests of the fee estimator (`/estimate`), mounted as a visitor's browser renders it: the
//! brochure's cases from the address and from the questions, ignored values, the early bird, an
//! edition that takes no applications, the link to the form with the answers, and the languages.
#![cfg(target_arch = "wasm32")]

mod web_common;

use chrono::NaiveDate;
use leptos::prelude::*;
use metropolis_diploma::app::App;
use metropolis_diploma::context::SiteData;
use metropolis_diploma::i18n::Locale;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::{wasm_bindgen_test, wasm_bindgen_test_configure};
use web_common::{container, set_address, settle, site_data, site_data_with, site_texts};

wasm_bindgen_test_configure!(run_in_browser);

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).expect("a real date")
}

/// A day the shipped edition takes applications.
fn open_day() -> NaiveDate {
    day(2025, 9, 1)
}

/// Waits for the browser's next task (timers, messages), `ms` milliseconds at least.
async fn sleep(ms: i32) {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        web_sys::window()
            .expect("window")
            .set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms)
            .expect("setTimeout");
    });
    wasm_bindgen_futures::JsFuture::from(promise).await.expect("timer");
}

/// Waits until `ready` holds (the app applies the address after its first render), at most a second.
async fn until(what: &str, ready: impl Fn() -> bool) {
    for _ in 0..50 {
        settle().await;
        if ready() {
            return;
        }
        sleep(20).await;
    }
    panic!("timed out waiting for {what}");
}

/// The estimator at `address`, mounted; keep the handle for the test's length.
struct Page {
    root: web_sys::HtmlElement,
    _app: Box<dyn std::any::Any>,
}

/// Sets the browser's clock (`Date.now`, which the app reads for today's Barcelona date) to noon,
/// UTC, of `today`, so that the live page keeps the day the test's data was built for.
fn fix_clock(today: NaiveDate) {
    let millis = today.and_hms_opt(12, 0, 0).expect("noon").and_utc().timestamp_millis();
    let now = js_sys::Function::new_no_args(&format!("return {millis};"));
    let date = js_sys::Reflect::get(&js_sys::global(), &"Date".into()).expect("Date");
    js_sys::Reflect::set(&date, &"now".into(), &now).expect("Date.now");
}

async fn open(address: &str, data: &'static SiteData) -> Page {
    fix_clock(data.built_for);
    set_address(address);
    let texts = site_texts(data.locale);
    let root = container();
    let app = leptos::mount::mount_to(root.clone(), move || view! { <App data texts /> }.into_any());
    let page = Page { root, _app: Box::new(app) };
    // The address's answers apply once the page is live: the quote's figures then follow them.
    until("the estimator", || page.find("[data-testid=fee-total]").is_some()).await;
    settle().await;
    page
}

impl Page {
    fn find(&self, selector: &str) -> Option<web_sys::Element> {
        self.root.query_selector(selector).ok().flatten()
    }

    fn get(&self, selector: &str) -> web_sys::Element {
        self.find(selector).unwrap_or_else(|| panic!("no {selector} on the page"))
    }

    fn amount(&self, testid: &str) -> Option<String> {
        self.find(&format!("[data-testid={testid}]")).and_then(|e| e.get_attribute("data-amount"))
    }

    fn text(&self, selector: &str) -> String {
        self.get(selector).text_content().unwrap_or_default()
    }

    fn notes(&self) -> Vec<String> {
        let list = self.root.query_selector_all("[data-note]").expect("notes");
        (0..list.length())
            .filter_map(|i| list.item(i))
            .filter_map(|n| n.dyn_into::<web_sys::Element>().ok())
            .filter_map(|e| e.get_attribute("data-note"))
            .collect()
    }

    fn input(&self, selector: &str) -> web_sys::HtmlInputElement {
        self.get(selector).dyn_into().expect("an input")
    }

    /// Types `value` into a field, as a person would (an `input` then a `change` event).
    fn type_into(&self, selector: &str, value: &str) {
        let input = self.input(selector);
        input.set_value(value);
        for kind in ["input", "change"] {
            let init = web_sys::EventInit::new();
            init.set_bubbles(true);
            let ev = web_sys::Event::new_with_event_init_dict(kind, &init).expect("event");
            input.dispatch_event(&ev).expect("dispatch");
        }
    }

    fn choose(&self, selector: &str, value: &str) {
        let select: web_sys::HtmlSelectElement = self.get(selector).dyn_into().expect("a select");
        select.set_value(value);
        let init = web_sys::EventInit::new();
        init.set_bubbles(true);
        let ev = web_sys::Event::new_with_event_init_dict("change", &init).expect("event");
        select.dispatch_event(&ev).expect("dispatch");
    }

    fn click(&self, selector: &str) {
        self.get(selector).dyn_into::<web_sys::HtmlElement>().expect("an element").click();
    }
}

fn query() -> String {
    web_sys::window().expect("window").location().search().expect("search")
}

/// The shipped edition with `change` applied to its JSON.
fn edition_with(change: impl FnOnce(&mut serde_json::Value)) -> String {
    let mut edition: serde_json::Value =
        serde_json::from_str(include_str!("../public/edition.json")).expect("edition.json");
    change(&mut edition);
    edition.to_string()
}

#[wasm_bindgen_test]
async fn a_non_member_registering_three_people_pays_607_20_each() {
    let page = open("/estimate?member=no&country=ESP&people=3", site_data(Locale::En, open_day())).await;
    until("the address's answers", || page.amount("fee-total").as_deref() == Some("1821.60")).await;
    assert_eq!(page.amount("fee-per-person").as_deref(), Some("607.20"));
    assert_eq!(page.text("[data-testid=fee-total]"), "€1,821.60");
    assert!(page.notes().contains(&"group-applied".to_owned()), "notes: {:?}", page.notes());
    let group = page.get("[data-rule=group] th").text_content().unwrap_or_default();
    assert_eq!(group, "Group registration (−8%)", "the percentage comes from the edition");
    let said = page.text("[aria-live=polite]");
    assert_eq!(said, "Total €1,821.60 for 3 people, €607.20 per person.");
}

#[wasm_bindgen_test]
async fn a_member_with_dues_paid_answering_for_two_people_pays_303_60_each() {
    let page = open("/estimate", site_data(Locale::En, open_day())).await;
    assert_eq!(page.amount("fee-per-person").as_deref(), Some("660.00"), "the default quote");
    sleep(50).await;
    assert_eq!(query(), "", "a plain address stays plain until an answer changes");
    assert!(page.find("#dues-yes").is_none(), "dues are asked of members only");
    page.click("#member-yes");
    until("the dues question", || page.find("#dues-yes").is_some()).await;
    page.click("#dues-yes");
    page.type_into("#people", "2");
    until("the member's quote", || page.amount("fee-total").as_deref() == Some("607.20")).await;
    assert_eq!(page.amount("fee-per-person").as_deref(), Some("303.60"));
    until("the address", || query() == "?member=yes&dues=yes&people=2").await;
}

#[wasm_bindgen_test]
async fn answering_replaces_the_address_without_adding_history() {
    let history = web_sys::window().unwrap().history().unwrap();
    let page = open("/estimate?member=no&people=1", site_data(Locale::En, open_day())).await;
    let before = history.length().expect("length");
    let people = page.input("#people");
    for n in ["2", "3", "4"] {
        page.type_into("#people", n);
        settle().await;
    }
    until("the address", || query() == "?member=no&people=4").await;
    assert_eq!(history.length().expect("length"), before, "no history entry per answer");
    assert!(people.is_same_node(Some(&page.input("#people"))), "the field is the same element");
}

#[wasm_bindgen_test]
async fn a_member_from_kenya_asking_for_a_reduced_place_sees_165_00_beside_the_standard_330_00() {
    let page =
        open("/estimate?member=yes&dues=yes&country=KEN&people=1&reduced=yes", site_data(Locale::En, open_day())).await;
    until("the reduced place", || page.amount("fee-reduced").as_deref() == Some("165.00")).await;
    assert_eq!(page.amount("fee-per-person").as_deref(), Some("330.00"));
    assert!(page.notes().contains(&"reduced-places-limited".to_owned()), "notes: {:?}", page.notes());
    let country: web_sys::HtmlSelectElement = page.get("#country").dyn_into().unwrap();
    assert_eq!(country.value(), "KEN", "the country list shows the address's country");
    assert!(page.text(".reduced").contains("middle-income country: 50% off"), "{}", page.text(".reduced"));
}

#[wasm_bindgen_test]
async fn invalid_values_are_ignored_and_listed_and_stay_listed() {
    let page = open("/estimate?people=abc&member=maybe&country=XXX", site_data(Locale::En, open_day())).await;
    until("the note", || page.find("[data-testid=param-note]").is_some()).await;
    let note = page.text("[data-testid=param-note]");
    for value in ["people=abc", "member=maybe", "country=XXX"] {
        assert!(note.contains(value), "{value} in {note:?}");
    }
    assert_eq!(page.amount("fee-per-person").as_deref(), Some("660.00"), "the defaults stand");
    until("the address without them", || query() == "?member=no&people=1").await;
    settle().await;
    assert!(page.find("[data-testid=param-note]").is_some(), "the note outlives the rewritten address");
}

#[wasm_bindgen_test]
async fn an_early_bird_of_the_edition_shows_with_its_date_and_percentage() {
    let edition = edition_with(|e| {
        e["fees"]["early_bird"] = serde_json::json!({ "percent": "15", "last_date": "2025-09-30" });
    });
    let data = site_data_with(&edition, Locale::En, open_day());
    let page = open("/estimate?member=no&people=1", data).await;
    until("the early bird", || page.find("tbody [data-rule=early_bird]").is_some()).await;
    assert_eq!(page.amount("fee-per-person").as_deref(), Some("561.00"), "660.00 less 15 %");
    assert!(page.notes().contains(&"early-bird-applied".to_owned()), "notes: {:?}", page.notes());
    let rule = page.text(".rules [data-rule=early_bird]");
    assert!(rule.contains("30 September 2025") && rule.contains("15%"), "{rule}");
    // After its last day, the same answers lose it.
    page.type_into("#date", "2025-10-01");
    until("the later date", || page.amount("fee-per-person").as_deref() == Some("660.00")).await;
    assert!(page.notes().contains(&"early-bird-ended".to_owned()), "notes: {:?}", page.notes());
    until("the date in the address", || query().contains("date=2025-10-01")).await;
}

#[wasm_bindgen_test]
async fn once_the_edition_has_ended_the_figures_are_labelled_as_its_own_and_no_apply_link_shows() {
    let page = open("/estimate?member=yes&dues=yes&people=2", site_data(Locale::En, day(2026, 11, 28))).await;
    until("the quote", || page.amount("fee-total").as_deref() == Some("607.20")).await;
    let label = page.get("[data-testid=edition-label]");
    assert_eq!(label.get_attribute("data-state").as_deref(), Some("ended"));
    assert_eq!(label.text_content().as_deref(), Some("Fees of the 3rd edition, 17 – 21 November 2025"));
    let status = page.text("[data-testid=edition-status]");
    assert_eq!(status, "This edition ended on 21 November 2025. These were its fees, for information only.");
    assert!(page.find("[data-testid=apply-with-answers]").is_none(), "no application for an edition that is over");
}

#[wasm_bindgen_test]
async fn before_applications_open_the_estimator_says_when_they_open() {
    let edition = edition_with(|e| e["applications"] = serde_json::json!({ "opens": "2025-06-01", "closes": null }));
    let page = open("/fr/estimate", site_data_with(&edition, Locale::Fr, day(2025, 5, 1))).await;
    let label = page.get("[data-testid=edition-label]");
    assert_eq!(label.get_attribute("data-state").as_deref(), Some("upcoming"));
    assert_eq!(label.text_content().as_deref(), Some("Frais de la 3e édition, 17–21 novembre 2025"));
    assert!(page.text("[data-testid=edition-status]").contains("1 juin 2025"));
    assert!(page.find("[data-testid=apply-with-answers]").is_none());
}

#[wasm_bindgen_test]
async fn the_apply_link_carries_the_answers_in_the_estimators_own_parameters() {
    let page =
        open("/estimate?member=yes&dues=yes&country=KEN&people=2&date=2025-09-02", site_data(Locale::En, open_day()))
            .await;
    let href = || page.find("[data-testid=apply-with-answers]").and_then(|a| a.get_attribute("href"));
    until("the answers in the link", || href().is_some_and(|h| h.contains("KEN"))).await;
    assert_eq!(href().as_deref(), Some("/apply?member=yes&dues=yes&country=KEN&people=2&reduced=no"));
    page.click("#reduced");
    until("the reduced answer", || href().is_some_and(|h| h.ends_with("reduced=yes"))).await;
    page.click("#member-no");
    until("the non-member's link", || href().as_deref() == Some("/apply?member=no&country=KEN&people=2&reduced=yes"))
        .await;
}

#[wasm_bindgen_test]
async fn in_french_the_link_leads_to_the_french_form_and_counts_follow_french_rules() {
    let page = open("/fr/estimate?member=no&people=1", site_data(Locale::Fr, open_day())).await;
    let href = page.get("[data-testid=apply-with-answers]").get_attribute("href");
    assert_eq!(href.as_deref(), Some("/fr/apply?member=no&people=1&reduced=no"));
    assert_eq!(
        page.text("[aria-live=polite]"),
        "Total\u{a0}: 660,00\u{a0}€ pour 1 personne, soit 660,00\u{a0}€ par personne."
    );
    page.type_into("#people", "2");
    until("two people", || page.text("[aria-live=polite]").contains("2 personnes")).await;
    assert!(page.text("[data-note=group-applied]").contains("2 personnes"));
}

#[wasm_bindgen_test]
async fn countries_are_named_in_the_page_language_and_sorted_by_those_names() {
    let page = open("/es/estimate", site_data(Locale::Es, open_day())).await;
    let select: web_sys::HtmlSelectElement = page.get("#country").dyn_into().unwrap();
    let options = select.options();
    let names: Vec<(String, String)> = (0..options.length())
        .filter_map(|i| options.item(i))
        .filter_map(|o| o.dyn_into::<web_sys::HtmlOptionElement>().ok())
        .map(|o| (o.value(), o.text()))
        .collect();
    assert_eq!(names[0], (String::new(), site_texts(Locale::Es).estimate.country_choose.to_owned()));
    let position = |iso3: &str| names.iter().position(|(v, _)| v == iso3).expect(iso3);
    assert_eq!(names[position("DEU")].1, "Alemania");
    assert!(position("DEU") < position("AND"), "Alemania before Andorra");
    assert!(position("ESP") < position("USA"), "España before Estados Unidos");
    page.choose("#country", "KEN");
    until("the country in the address", || query().contains("country=KEN")).await;
    assert!(page.text(".class-line").contains("ingreso mediano bajo"), "{}", page.text(".class-line"));
}

#[wasm_bindgen_test]
async fn a_people_count_out_of_range_is_an_error_beside_the_field_and_changes_nothing() {
    let page = open("/estimate?member=no&people=2", site_data(Locale::En, open_day())).await;
    until("two people", || page.amount("fee-total").as_deref() == Some("1214.40")).await;
    page.type_into("#people", "0");
    settle().await;
    let error = page.text("#people-error");
    assert_eq!(error, "Enter a whole number from 1 to 50.");
    assert_eq!(page.input("#people").get_attribute("aria-invalid").as_deref(), Some("true"));
    assert_eq!(page.amount("fee-total").as_deref(), Some("1214.40"));
}
