//! Calendar dates as `YYYY-MM-DD` text: the one format of URLs, data files and `data-date`.
//!
//! Hand-written rather than chrono's `format`/`parse_from_str`, whose general machinery would add
//! tens of kilobytes to the WebAssembly for one fixed format.

use chrono::{Datelike, NaiveDate, NaiveDateTime, TimeDelta};

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

/// The calendar date in Barcelona at the instant `utc`.
///
/// Spain's mainland keeps Central European Time as EU law sets it (Directive 2000/84/EC): UTC+1,
/// and UTC+2 from 01:00 UTC on the last Sunday of March until 01:00 UTC on the last Sunday of
/// October. Computed here rather than through `Intl.DateTimeFormat` with a `timeZone`, because
/// loading the browser's time-zone data measured about 35 ms of main-thread time before the first
/// render of every page (a browser test checks this rule against the browser's own data).
///
/// # Example
/// ```
/// use chrono::NaiveDate;
/// use metropolis_diploma::domain::dates::date_in_barcelona;
/// let late_evening = NaiveDate::from_ymd_opt(2025, 11, 16).unwrap().and_hms_opt(23, 30, 0).unwrap();
/// assert_eq!(date_in_barcelona(late_evening), NaiveDate::from_ymd_opt(2025, 11, 17).unwrap());
/// ```
#[must_use]
pub fn date_in_barcelona(utc: NaiveDateTime) -> NaiveDate {
    let switch = |month| last_sunday(utc.year(), month).and_hms_opt(1, 0, 0);
    let summer = matches!((switch(3), switch(10)), (Some(start), Some(end)) if utc >= start && utc < end);
    let offset = if summer { 2 } else { 1 };
    utc.checked_add_signed(TimeDelta::hours(offset)).map_or(utc.date(), |local| local.date())
}

fn last_sunday(year: i32, month: u32) -> NaiveDate {
    let next_month =
        if month == 12 { NaiveDate::from_ymd_opt(year + 1, 1, 1) } else { NaiveDate::from_ymd_opt(year, month + 1, 1) };
    let last = next_month.and_then(|d| d.pred_opt()).unwrap_or(NaiveDate::MIN);
    last - TimeDelta::days(i64::from(last.weekday().num_days_from_sunday()))
}

/// Exactly `YYYY-MM-DD`, nothing around it: the form of dates in documents.
fn parse_strict(text: &str) -> Option<NaiveDate> {
    (text.len() == 10).then(|| parse_iso(text)).flatten()
}

/// serde for a date as `"YYYY-MM-DD"` (`#[serde(with = "dates::iso_date")]`), with the hand-written
/// reader and writer above rather than chrono's `serde` feature and its formatting machinery.
pub mod iso_date {
    use super::super::document::{Expected, TextVisitor};
    use chrono::NaiveDate;
    use serde::{Deserializer, Serializer};

    /// Writes `"2025-11-17"`.
    ///
    /// # Errors
    /// The serializer's.
    pub fn serialize<S: Serializer>(date: &NaiveDate, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&super::iso(*date))
    }

    /// Reads exactly `"YYYY-MM-DD"`, a real calendar date.
    ///
    /// # Errors
    /// [`Expected::Date`] for anything else.
    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<NaiveDate, D::Error> {
        d.deserialize_str(TextVisitor { expected: Expected::Date, parse: super::parse_strict })
    }
}

/// serde for an optional date: `null` (or an absent field with `#[serde(default)]`) or `"YYYY-MM-DD"`.
pub mod iso_date_opt {
    use chrono::NaiveDate;
    use serde::{Deserialize, Deserializer, Serialize, Serializer};

    #[derive(Serialize, Deserialize)]
    #[serde(transparent)]
    struct Iso(#[serde(with = "super::iso_date")] NaiveDate);

    /// Writes `null` or `"2025-11-17"`.
    ///
    /// # Errors
    /// The serializer's.
    pub fn serialize<S: Serializer>(date: &Option<NaiveDate>, s: S) -> Result<S::Ok, S::Error> {
        date.map(Iso).serialize(s)
    }

    /// Reads `null` or exactly `"YYYY-MM-DD"`.
    ///
    /// # Errors
    /// As [`super::iso_date::deserialize`].
    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Option<NaiveDate>, D::Error> {
        Ok(Option::<Iso>::deserialize(d)?.map(|Iso(date)| date))
    }
}
