//! What the browser tests share: the site's data as a page carries it, and mounting the app at an
//! address. Each browser test file is `tests/web_<area>.rs` with `mod web_common;`.
#![allow(dead_code)]

use chrono::NaiveDate;
use metropolis_diploma::context::SiteData;
use metropolis_diploma::domain::config::Config;
use metropolis_diploma::domain::countries::Countries;
use metropolis_diploma::domain::edition::Edition;
use metropolis_diploma::i18n::{Catalogue, Locale, SiteTexts};
use wasm_bindgen::JsCast;

/// The shipped data files, as the prerender validates them, for `locale` and the day `today`.
pub fn site_data(locale: Locale, today: NaiveDate) -> &'static SiteData {
    Box::leak(Box::new(SiteData {
        edition: Edition::from_json(include_str!("../../public/edition.json")).expect("edition.json"),
        config: Config::from_json(include_str!("../../public/config.json")).expect("config.json"),
        countries: Countries::from_json(include_str!("../fixtures/countries.json")).expect("countries fixture"),
        locale,
        built_for: today,
    }))
}

/// The same data with another edition file (a test's own figures or dates).
pub fn site_data_with(edition: &str, locale: Locale, today: NaiveDate) -> &'static SiteData {
    let base = site_data(locale, today);
    Box::leak(Box::new(SiteData {
        edition: Edition::from_json(edition).expect("the test's edition"),
        config: base.config.clone(),
        countries: base.countries.clone(),
        locale,
        built_for: today,
    }))
}

/// A language's catalogue.
pub fn catalogue(locale: Locale) -> Catalogue {
    let text = match locale {
        Locale::En => include_str!("../../public/i18n/en.json"),
        Locale::Fr => include_str!("../../public/i18n/fr.json"),
        Locale::Es => include_str!("../../public/i18n/es.json"),
    };
    serde_json::from_str(text).expect("the catalogue reads")
}

/// The application's texts in a language.
pub fn site_texts(locale: Locale) -> &'static SiteTexts {
    Box::leak(Box::new(catalogue(locale).site()))
}

/// The test page's document.
pub fn document() -> web_sys::Document {
    web_sys::window().expect("window").document().expect("document")
}

/// Puts `path` (with its query) in the address bar without loading it, as the router will read it.
pub fn set_address(path: &str) {
    let history = web_sys::window().expect("window").history().expect("history");
    history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(path)).expect("replaceState");
}

/// A fresh container in the page's body.
pub fn container() -> web_sys::HtmlElement {
    let el = document().create_element("div").expect("div");
    document().body().expect("body").append_child(&el).expect("append");
    el.unchecked_into()
}

/// Waits for Leptos to apply pending updates (it updates the DOM asynchronously).
pub async fn settle() {
    for _ in 0..3 {
        leptos::task::tick().await;
    }
}
