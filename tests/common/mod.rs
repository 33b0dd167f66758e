//! Shared fixtures for the native domain tests: the real edition and country files, and small
//! constructors that keep the tables short.

// Each test crate uses a different subset of these helpers.
#![allow(dead_code)]

use chrono::NaiveDate;
use metropolis_diploma::domain::countries::Countries;
use metropolis_diploma::domain::edition::Edition;
use metropolis_diploma::domain::money::{Money, Percent};
use rust_decimal::Decimal;
use std::str::FromStr;

/// The default edition file, as deployed.
pub const EDITION_JSON: &str = include_str!("../../public/edition.json");
/// The World Bank country file, as deployed.
pub const COUNTRIES_CSV: &str = include_str!("../../public/data/wb-income-classification.csv");

/// The parsed default edition (the brochure's 3rd edition).
pub fn edition() -> Edition {
    Edition::from_json(EDITION_JSON).unwrap_or_else(|e| panic!("public/edition.json does not load: {e:?}"))
}

/// The parsed country file.
pub fn countries() -> Countries {
    Countries::from_csv(COUNTRIES_CSV).unwrap_or_else(|e| panic!("the country CSV does not load: {e:?}"))
}

/// A calendar date; panics on an impossible one.
pub fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap_or_else(|| panic!("{y}-{m}-{d} is not a date"))
}

/// An amount in the strict machine form (`"660.00"`).
pub fn money(s: &str) -> Money {
    s.parse().unwrap_or_else(|e| panic!("{s:?} is not a strict amount: {e:?}"))
}

/// A decimal from its text.
pub fn dec(s: &str) -> Decimal {
    Decimal::from_str(s).unwrap_or_else(|e| panic!("{s:?} is not a decimal: {e}"))
}

/// A percentage from its text (`"8"`, `"12.5"`).
pub fn percent(s: &str) -> Percent {
    Percent::new(dec(s)).unwrap_or_else(|| panic!("{s:?} is not a percentage between 0 and 100"))
}
