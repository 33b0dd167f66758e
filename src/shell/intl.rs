//! Numbers, money, dates and country names in the user's language, through the browser's `Intl`.

use crate::domain::countries::Country;
use crate::domain::money::Money;
use chrono::{Datelike, NaiveDate};
use js_sys::{Array, Date, Function, Intl, Object, Reflect};
use wasm_bindgen::{JsCast, JsValue};

fn options(pairs: &[(&str, &str)]) -> Object {
    let o = Object::new();
    for (k, v) in pairs {
        let _ = Reflect::set(&o, &(*k).into(), &(*v).into());
    }
    o
}

/// One formatter per key (locale and currency, or locale): building an `Intl` formatter costs far
/// more than using one (a date formatter measured about 25 ms at start on this machine), and a page
/// formats the same few kinds of value again on every change.
struct Cached {
    key: String,
    format: Function,
}

fn formatted(
    cache: &'static std::thread::LocalKey<std::cell::RefCell<Option<Cached>>>,
    key: &str,
    build: impl FnOnce() -> JsValue,
    value: &JsValue,
) -> Option<String> {
    cache.with_borrow_mut(|slot| {
        if slot.as_ref().is_none_or(|c| c.key != key) {
            let formatter = build();
            let format = Reflect::get(&formatter, &"format".into()).ok()?.dyn_into::<Function>().ok()?;
            *slot = Some(Cached { key: key.to_owned(), format });
        }
        slot.as_ref()?.format.call1(&JsValue::UNDEFINED, value).ok()?.as_string()
    })
}

thread_local! {
    static MONEY: std::cell::RefCell<Option<Cached>> = const { std::cell::RefCell::new(None) };
    static DATE: std::cell::RefCell<Option<Cached>> = const { std::cell::RefCell::new(None) };
}

/// `660,00 €` or `€660.00`: the amount in the locale's currency format. The amount is passed to
/// `Intl` as a decimal string, so no float ever carries money.
#[must_use]
pub fn money(locale: &str, currency: &str, amount: Money) -> String {
    let build = || {
        Intl::NumberFormat::new(&Array::of1(&locale.into()), &options(&[("style", "currency"), ("currency", currency)]))
            .into()
    };
    formatted(&MONEY, &format!("{locale} {currency}"), build, &JsValue::from_str(&amount.to_plain()))
        .unwrap_or_else(|| format!("{} {currency}", amount.to_plain()))
}

/// `17 November 2025` in the locale's long date style.
#[must_use]
pub fn date(locale: &str, day: NaiveDate) -> String {
    let utc = Date::utc(f64::from(day.year()), f64::from(day.month0()));
    let value = Date::new(&JsValue::from_f64(utc + f64::from(day.day0()) * 86_400_000.0));
    let build = || {
        Intl::DateTimeFormat::new(&Array::of1(&locale.into()), &options(&[("dateStyle", "long"), ("timeZone", "UTC")]))
            .into()
    };
    formatted(&DATE, locale, build, &value).unwrap_or_else(|| crate::domain::dates::iso(day))
}

/// The name of an economy in the user's language (`Intl.DisplayNames`), or the World Bank's name
/// when the browser has none.
#[must_use]
pub fn country_name(locale: &str, country: &Country) -> String {
    thread_local! {
        // One formatter per page: building one per country (over 200) measured about 200 ms of
        // main-thread time on a mid-range phone.
        static NAMES: std::cell::RefCell<Option<(String, Intl::DisplayNames)>> = const { std::cell::RefCell::new(None) };
    }
    country
        .iso2
        .and_then(|code| {
            NAMES.with_borrow_mut(|cache| {
                if cache.as_ref().is_none_or(|(l, _)| l != locale) {
                    let names = Intl::DisplayNames::new(
                        &Array::of1(&locale.into()),
                        &options(&[("type", "region"), ("fallback", "none")]),
                    );
                    *cache = Some((locale.to_owned(), names));
                }
                cache.as_ref().and_then(|(_, names)| names.of(code)).map(String::from)
            })
        })
        .filter(|n| !n.is_empty())
        .unwrap_or_else(|| country.name.clone())
}
