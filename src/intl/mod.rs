//! Numbers, money, percentages, dates, date ranges, plural categories and country names in the
//! reader's language, through `Intl`: the browser's when the app runs, Node's when the native page
//! renderer runs (see `format.js`, the one formatting module both use). Nothing here formats by hand.

#[cfg_attr(feature = "ssr", path = "node.rs")]
#[cfg_attr(not(feature = "ssr"), path = "browser.rs")]
mod imp;

#[cfg(feature = "ssr")]
pub use imp::{start, stop};

use crate::domain::dates::iso;
use crate::domain::money::{Money, Percent};
use crate::i18n::{Locale, PluralCategory};
use chrono::NaiveDate;
use rust_decimal::Decimal;

/// `€1,821.60`, `1 821,60 €`: an amount in the locale's currency format. The amount reaches `Intl`
/// as a decimal string, so no float ever carries money.
#[must_use]
pub fn money(locale: Locale, currency: &str, amount: Money) -> String {
    let plain = amount.to_plain();
    let text = imp::format("money", locale.intl_tag(), &plain, "", currency);
    if text.is_empty() {
        format!("{plain} {currency}")
    } else {
        text
    }
}

/// A whole number with the locale's grouping: `1,000`, `1 000`.
#[must_use]
pub fn number(locale: Locale, n: i64) -> String {
    let text = imp::format("number", locale.intl_tag(), &n.to_string(), "", "");
    if text.is_empty() {
        n.to_string()
    } else {
        text
    }
}

/// `50%`, `50 %`, `8,5 %`.
#[must_use]
pub fn percent(locale: Locale, p: Percent) -> String {
    let fraction = (p.value() / Decimal::ONE_HUNDRED).normalize();
    let text = imp::format("percent", locale.intl_tag(), &fraction.to_string(), "", "");
    if text.is_empty() {
        format!("{p} %")
    } else {
        text
    }
}

/// `17 November 2025`, `17 novembre 2025`, `17 de noviembre de 2025`.
#[must_use]
pub fn date(locale: Locale, day: NaiveDate) -> String {
    let text = imp::format("date", locale.intl_tag(), &iso(day), "", "");
    if text.is_empty() {
        iso(day)
    } else {
        text
    }
}

/// A date range the way the language writes it: `17–21 November 2025`, `17–21 de noviembre de 2025`.
#[must_use]
pub fn date_range(locale: Locale, first: NaiveDate, last: NaiveDate) -> String {
    let text = imp::format("range", locale.intl_tag(), &iso(first), &iso(last), "");
    if text.is_empty() {
        format!("{} – {}", iso(first), iso(last))
    } else {
        text
    }
}

/// The plural category of a count in the language (`Intl.PluralRules`).
#[must_use]
pub fn plural(locale: Locale, n: i64) -> PluralCategory {
    PluralCategory::from_code(&imp::format("plural", locale.intl_tag(), &n.to_string(), "", ""))
}

/// The ordinal category of a number in the language (English: 1st, 2nd, 3rd, 4th).
#[must_use]
pub fn ordinal(locale: Locale, n: i64) -> PluralCategory {
    PluralCategory::from_code(&imp::format("ordinal", locale.intl_tag(), &n.to_string(), "", ""))
}

/// The name of a region (ISO 3166-1 alpha-2) in the language, if `Intl` knows one.
#[must_use]
pub fn region(locale: Locale, iso2: &str) -> Option<String> {
    Some(imp::format("region", locale.intl_tag(), iso2, "", "")).filter(|n| !n.is_empty())
}
