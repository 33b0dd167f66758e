//! Calendar dates as `YYYY-MM-DD` text: the one format of URLs, data files and `data-date`.
//!
//! Hand-written rather than chrono's `format`/`parse_from_str`, whose general machinery would add
//! tens of kilobytes to the WebAssembly for one fixed format.

use chrono::{Datelike, NaiveDate};

/// `2025-11-17`.
#[must_use]
pub fn iso(date: NaiveDate) -> String {
    format!("{:04}-{:02}-{:02}", date.year(), date.month(), date.day())
}

/// `20251117`, the iCalendar form.
#[must_use]
pub fn basic(date: NaiveDate) -> String {
    format!("{:04}{:02}{:02}", date.year(), date.month(), date.day())
}

/// Reads exactly `YYYY-MM-DD` (surrounding spaces allowed); `None` for anything else or an
/// impossible date such as `2025-02-30`.
#[must_use]
pub fn parse_iso(text: &str) -> Option<NaiveDate> {
    let t = text.trim().as_bytes();
    if t.len() != 10 || t[4] != b'-' || t[7] != b'-' {
        return None;
    }
    let num = |range: std::ops::Range<usize>| -> Option<u32> {
        t[range].iter().try_fold(0u32, |n, b| b.is_ascii_digit().then(|| n * 10 + u32::from(b - b'0')))
    };
    NaiveDate::from_ymd_opt(i32::try_from(num(0..4)?).ok()?, num(5..7)?, num(8..10)?)
}
