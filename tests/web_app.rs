//! Browser tests of the application's frame: formatting through the browser's Intl, routing, the
//! language switcher and the not-found page, mounted as a visitor's browser renders them.
#![cfg(target_arch = "wasm32")]

mod web_common;

use chrono::NaiveDate;
use leptos::prelude::*;
use metropolis_diploma::app::App;
use metropolis_diploma::domain::money::{Money, Percent};
use metropolis_diploma::i18n::{Locale, PluralCategory};
use metropolis_diploma::intl;
use wasm_bindgen_test::{wasm_bindgen_test, wasm_bindgen_test_configure};
use web_common::{container, set_address, settle, site_data, site_texts};

wasm_bindgen_test_configure!(run_in_browser);

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).expect("a real date")
}

#[wasm_bindgen_test]
fn figures_dates_and_plurals_follow_each_language() {
    let fee: Money = "1821.60".parse().expect("an amount");
    let half = Percent::parse_canonical("50").expect("a percentage");
    #[rustfmt::skip]
    let rows = [
        (Locale::En, "€1,821.60", "50%", "17 – 21 November 2025"),
        (Locale::Fr, "1\u{202f}821,60\u{a0}€", "50\u{a0}%", "17–21 novembre 2025"),
        (Locale::Es, "1821,60\u{a0}€", "50\u{a0}%", "17–21 de noviembre de 2025"),
    ];
    for (locale, money, percent, range) in rows {
        assert_eq!(intl::money(locale, "EUR", fee), money, "money in {locale:?}");
        assert_eq!(intl::percent(locale, half), percent, "percent in {locale:?}");
        assert_eq!(intl::date_range(locale, day(2025, 11, 17), day(2025, 11, 21)), range, "range in {locale:?}");
    }
    assert_eq!(intl::plural(Locale::En, 1), PluralCategory::One);
    assert_eq!(intl::plural(Locale::En, 0), PluralCategory::Other);
    // French counts 0 and 1 as "one" ("0 jour", "1 jour"); Spanish only 1.
    assert_eq!(intl::plural(Locale::Fr, 0), PluralCategory::One);
    assert_eq!(intl::plural(Locale::Es, 0), PluralCategory::Other);
    assert_eq!(intl::ordinal(Locale::En, 3), PluralCategory::Few);
    assert_eq!(intl::region(Locale::Fr, "KE").as_deref(), Some("Kenya"));
    assert_eq!(intl::region(Locale::Es, "QQ"), None, "a code without a name");
    assert_eq!(intl::region(Locale::Es, "CHI"), None, "not a region code at all");
}

#[wasm_bindgen_test]
async fn an_unknown_address_shows_the_not_found_page_with_the_site_navigation() {
    set_address("/no-such-page");
    let data = site_data(Locale::En, day(2025, 9, 1));
    let texts = site_texts(Locale::En);
    let root = container();
    let _app = leptos::mount::mount_to(root.clone(), move || view! { <App data texts /> });
    settle().await;
    let h1 = root.query_selector("h1").ok().flatten().and_then(|h| h.text_content());
    assert_eq!(h1.as_deref(), Some(texts.common.not_found_title));
    let apply = root.query_selector("nav a[href='/apply']").ok().flatten().and_then(|a| a.text_content());
    assert_eq!(apply.as_deref(), Some(texts.common.nav_apply), "the navigation leads to the form");
}

#[wasm_bindgen_test]
async fn the_switcher_links_to_this_page_in_each_language_and_marks_the_current_one() {
    set_address("/fr/refund");
    let data = site_data(Locale::Fr, day(2025, 9, 1));
    let texts = site_texts(Locale::Fr);
    let root = container();
    let _app = leptos::mount::mount_to(root.clone(), move || view! { <App data texts /> });
    settle().await;
    let links: Vec<(String, Option<String>)> = {
        let list = root.query_selector_all(".lang-switch a").expect("links");
        (0..list.length())
            .filter_map(|i| list.item(i))
            .filter_map(|n| wasm_bindgen::JsCast::dyn_into::<web_sys::Element>(n).ok())
            .map(|a| (a.get_attribute("href").unwrap_or_default(), a.get_attribute("aria-current")))
            .collect()
    };
    assert_eq!(
        links,
        [
            ("/refund?lang=en".to_owned(), None),
            ("/fr/refund".to_owned(), Some("true".to_owned())),
            ("/es/refund".to_owned(), None),
        ]
    );
}
