//! Browser tests: components mounted in headless Chromium, driven as a person would.
#![cfg(target_arch = "wasm32")]

use chrono::{Datelike, NaiveDate};
use leptos::prelude::*;
use metropolis_diploma::app::{provide_loaded, Lang, Today, UiTexts};
use metropolis_diploma::domain::config::Config;
use metropolis_diploma::domain::countries::Countries;
use metropolis_diploma::domain::edition::{Edition, EditionError, EditionProblem};
use metropolis_diploma::domain::json::{self, Expected, Json, Problem};
use metropolis_diploma::i18n::{Locale, Texts};
use metropolis_diploma::pages::data_error::DataErrorPage;
use metropolis_diploma::pages::estimate::EstimatePage;
use metropolis_diploma::shell::data::{AppData, LoadError};
use std::sync::Arc;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::{wasm_bindgen_test, wasm_bindgen_test_configure};
use web_sys::{Element, HtmlElement, HtmlInputElement};

wasm_bindgen_test_configure!(run_in_browser);

fn document() -> web_sys::Document {
    web_sys::window().unwrap().document().unwrap()
}

/// The English catalogue, as the app reads it from `i18n/en.json`.
fn catalogue() -> Json {
    json::parse(include_str!("../public/i18n/en.json")).unwrap()
}

fn texts() -> &'static Texts {
    Box::leak(Box::new(Texts::read(catalogue().get("site").unwrap(), "site").unwrap()))
}

fn app_data() -> AppData {
    AppData {
        locale: Locale::En,
        texts: texts(),
        catalogue: catalogue(),
        config: Config::from_json(include_str!("../public/config.json")).unwrap(),
        edition: Edition::from_json(include_str!("../public/edition.json")).unwrap(),
        countries: Countries::from_csv(include_str!("../public/data/wb-income-classification.csv")).unwrap(),
    }
}

/// Opens the estimator as if the address bar held `query`; returns its container.
fn open_estimator(query: &str) -> Element {
    let window = web_sys::window().unwrap();
    let path = window.location().pathname().unwrap();
    window
        .history()
        .unwrap()
        .replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&format!("{path}?{query}")))
        .unwrap();
    let container = document().create_element("div").unwrap();
    document().body().unwrap().append_child(&container).unwrap();
    let handle = leptos::mount::mount_to(container.clone().unchecked_into(), || {
        provide_loaded(&Arc::new(app_data()));
        provide_context(Lang(Locale::En));
        provide_context(Today(NaiveDate::from_ymd_opt(2025, 9, 1).unwrap()));
        view! { <EstimatePage /> }
    });
    handle.forget();
    container
}

fn find(root: &Element, selector: &str) -> Option<Element> {
    root.query_selector(selector).unwrap()
}

fn amount(root: &Element, testid: &str) -> Option<String> {
    find(root, &format!("[data-testid={testid}]")).and_then(|e| e.get_attribute("data-amount"))
}

fn click(root: &Element, selector: &str) {
    find(root, selector).unwrap_or_else(|| panic!("no {selector}")).unchecked_into::<HtmlElement>().click();
}

fn type_into(root: &Element, selector: &str, text: &str, event: &str) {
    let input: HtmlInputElement = find(root, selector).unwrap_or_else(|| panic!("no {selector}")).unchecked_into();
    input.set_value(text);
    input.dispatch_event(&web_sys::Event::new(event).unwrap()).unwrap();
}

fn query() -> String {
    web_sys::window().unwrap().location().search().unwrap()
}

async fn tick() {
    leptos::task::tick().await;
}

#[wasm_bindgen_test]
async fn link_parameters_become_figures() {
    let page = open_estimator("member=yes&dues=yes&country=ESP&people=2");
    tick().await;
    assert_eq!(amount(&page, "fee-per-person").as_deref(), Some("303.60"));
    assert_eq!(amount(&page, "fee-total").as_deref(), Some("607.20"));
    assert!(find(&page, "[data-testid=fee-reduced]").is_none());
    page.remove();
}

#[wasm_bindgen_test]
async fn answering_no_to_membership_updates_figures_and_address() {
    let page = open_estimator("member=yes&dues=yes&country=ESP&people=1");
    tick().await;
    assert_eq!(amount(&page, "fee-per-person").as_deref(), Some("330.00"));
    click(&page, "#member-no");
    tick().await;
    assert_eq!(amount(&page, "fee-per-person").as_deref(), Some("660.00"));
    assert!(find(&page, "#dues-yes").is_none(), "the dues question is asked only of members");
    assert!(query().contains("member=no"), "address is {}", query());
    page.remove();
}

#[wasm_bindgen_test]
async fn unpaid_dues_show_the_reason() {
    let page = open_estimator("member=yes&dues=no&country=ESP&people=1");
    tick().await;
    assert_eq!(amount(&page, "fee-per-person").as_deref(), Some("660.00"));
    let note = find(&page, "[data-note=member-rate-dues-unpaid]").expect("reason shown");
    assert!(note.text_content().unwrap().contains("2024"));
    page.remove();
}

#[wasm_bindgen_test]
async fn typing_a_country_and_asking_for_a_reduced_place() {
    let page = open_estimator("member=yes&dues=yes&people=1");
    tick().await;
    type_into(&page, "#country", "kenya", "change");
    tick().await;
    assert_eq!(find(&page, "#country").unwrap().get_attribute("data-iso3").as_deref(), Some("KEN"));
    click(&page, "#reduced");
    tick().await;
    assert_eq!(amount(&page, "fee-reduced").as_deref(), Some("165.00"));
    assert_eq!(amount(&page, "fee-per-person").as_deref(), Some("330.00"));
    assert!(query().contains("country=KEN") && query().contains("reduced=yes"), "address is {}", query());
    page.remove();
}

#[wasm_bindgen_test]
async fn an_unknown_country_is_explained_and_the_text_kept() {
    let page = open_estimator("member=no&people=1");
    tick().await;
    type_into(&page, "#country", "Atlantis", "change");
    tick().await;
    let input: HtmlInputElement = find(&page, "#country").unwrap().unchecked_into();
    assert_eq!(input.value(), "Atlantis");
    assert_eq!(input.get_attribute("aria-invalid").as_deref(), Some("true"));
    assert!(find(&page, "#country-error").unwrap().text_content().unwrap().contains("Atlantis"));
    page.remove();
}

#[wasm_bindgen_test]
async fn a_bad_number_of_people_keeps_the_last_good_quote() {
    let page = open_estimator("member=no&country=ESP&people=3");
    tick().await;
    assert_eq!(amount(&page, "fee-total").as_deref(), Some("1821.60"));
    type_into(&page, "#people", "0", "input");
    tick().await;
    assert!(find(&page, "#people-error").is_some());
    assert_eq!(amount(&page, "fee-total").as_deref(), Some("1821.60"));
    type_into(&page, "#people", "2", "input");
    tick().await;
    assert!(find(&page, "#people-error").is_none());
    assert_eq!(amount(&page, "fee-total").as_deref(), Some("1214.40"));
    page.remove();
}

#[wasm_bindgen_test]
async fn invalid_link_values_are_reported() {
    let page = open_estimator("people=abc&member=maybe");
    tick().await;
    let note = find(&page, "[data-testid=param-note]").expect("a visible note");
    assert!(note.text_content().unwrap().contains("people=abc"));
    assert_eq!(amount(&page, "fee-per-person").as_deref(), Some("660.00"));
    page.remove();
}

#[wasm_bindgen_test]
async fn the_data_error_page_names_the_field() {
    let container = document().create_element("div").unwrap();
    document().body().unwrap().append_child(&container).unwrap();
    let error = LoadError::Edition(EditionError {
        field: "fees.list_fee".into(),
        problem: EditionProblem::Format(Problem::Expected { expected: Expected::Amount, found: "\"abc\"".into() }),
    });
    leptos::mount::mount_to(container.clone().unchecked_into(), move || {
        provide_context(UiTexts(texts()));
        view! { <DataErrorPage error /> }
    })
    .forget();
    tick().await;
    let field = find(&container, "[data-testid=edition-error-field]").unwrap();
    assert_eq!(field.text_content().as_deref(), Some("fees.list_fee"));
    let text = container.text_content().unwrap();
    assert!(text.contains("`\"abc\"` is not an amount"), "{text}");
    container.remove();
}

/// The domain's rule for the date in Barcelona agrees with the browser's own time-zone data
/// (`Intl.DateTimeFormat` in Europe/Madrid) at every midnight of 2020–2035, summer and winter.
#[wasm_bindgen_test]
fn barcelona_date_rule_matches_the_browsers_time_zone_data() {
    use js_sys::{Array, Date, Intl, Object, Reflect};
    use metropolis_diploma::domain::dates::{date_in_barcelona, iso};
    use wasm_bindgen::JsValue;
    let options = Object::new();
    for (k, v) in [("timeZone", "Europe/Madrid"), ("year", "numeric"), ("month", "2-digit"), ("day", "2-digit")] {
        Reflect::set(&options, &k.into(), &v.into()).unwrap();
    }
    // en-CA writes dates as YYYY-MM-DD.
    let format = Intl::DateTimeFormat::new(&Array::of1(&"en-CA".into()), &options).format();
    let mut day = NaiveDate::from_ymd_opt(2020, 1, 1).unwrap();
    let mut checked = 0;
    while day.year() <= 2035 {
        for (h, m, s) in [(21, 59, 59), (22, 0, 0), (22, 59, 59), (23, 0, 0)] {
            let utc = day.and_hms_opt(h, m, s).unwrap();
            let millis = utc.and_utc().timestamp_millis() as f64;
            let browser = format.call1(&JsValue::NULL, &Date::new(&millis.into())).unwrap().as_string().unwrap();
            assert_eq!(iso(date_in_barcelona(utc)), browser, "{utc}Z");
            checked += 1;
        }
        day = day.succ_opt().unwrap();
    }
    assert!(checked > 20_000, "checked {checked} instants");
}
