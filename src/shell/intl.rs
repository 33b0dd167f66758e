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
/// more than using one (a date formatter measured about 25 ms at start on this machine, one
/// country-name formatter per country about 200 ms on a mid-range phone), and a page formats the
/// same few kinds of value again on every change.
struct Cached {
    key: String,
    formatter: JsValue,
    method: Function,
}

type Slot = std::cell::RefCell<Option<Cached>>;

/// `formatter.<method>(value)` with the formatter cached in `cache` under `key`; `None` when `Intl`
/// fails or gives no text.
fn formatted(
    cache: &'static std::thread::LocalKey<Slot>,
    key: &str,
    build: impl FnOnce() -> JsValue,
    method: &str,
    value: &JsValue,
) -> Option<String> {
    cache.with_borrow_mut(|slot| {
        if slot.as_ref().is_none_or(|c| c.key != key) {
            let formatter = build();
            let method = Reflect::get(&formatter, &method.into()).ok()?.dyn_into::<Function>().ok()?;
            *slot = Some(Cached { key: key.to_owned(), formatter, method });
        }
        let c = slot.as_ref()?;
        c.method.call1(&c.formatter, value).ok()?.as_string()
    })
}

thread_local! {
    static MONEY: Slot = const { std::cell::RefCell::new(None) };
    static DATE: Slot = const { std::cell::RefCell::new(None) };
    static NAMES: Slot = const { std::cell::RefCell::new(None) };
}

/// `660,00 €` or `€660.00`: the amount in the locale's currency format. The amount is passed to
/// `Intl` as a decimal string, so no float ever carries money.
#[must_use]
pub fn money(locale: &str, currency: &str, amount: Money) -> String {
    let build = || {
        Intl::NumberFormat::new(&Array::of1(&locale.into()), &options(&[("style", "currency"), ("currency", currency)]))
            .into()
    };
    formatted(&MONEY, &format!("{locale} {currency}"), build, "format", &JsValue::from_str(&amount.to_plain()))
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
    formatted(&DATE, locale, build, "format", &value).unwrap_or_else(|| crate::domain::dates::iso(day))
}

/// The name of an economy in the user's language (`Intl.DisplayNames`), or the World Bank's name
/// when the browser has none.
#[must_use]
pub fn country_name(locale: &str, country: &Country) -> String {
    let build = || {
        Intl::DisplayNames::new(&Array::of1(&locale.into()), &options(&[("type", "region"), ("fallback", "none")]))
            .into()
    };
    country
        .iso2
        .and_then(|code| formatted(&NAMES, locale, build, "of", &JsValue::from_str(code)))
        .filter(|n| !n.is_empty())
        .unwrap_or_else(|| country.name.clone())
}
