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

/// Serde for a date as `YYYY-MM-DD`.
pub mod iso_date {
    use chrono::NaiveDate;
    use serde::{Deserialize, Deserializer, Serializer};

    /// Writes `YYYY-MM-DD`.
    ///
    /// # Errors
    /// Only the serializer's own.
    pub fn serialize<S: Serializer>(date: &NaiveDate, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&super::iso(*date))
    }

    /// Reads `YYYY-MM-DD`.
    ///
    /// # Errors
    /// Not a date of that form.
    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<NaiveDate, D::Error> {
        let text = String::deserialize(d)?;
        super::parse_iso(&text)
            .ok_or_else(|| serde::de::Error::custom(format_args!("`{text}` is not a date of the form YYYY-MM-DD")))
    }
}

/// Serde for an optional date as `YYYY-MM-DD` or `null`.
pub mod iso_date_opt {
    use chrono::NaiveDate;
    use serde::{Deserialize, Deserializer, Serializer};

    /// Writes `YYYY-MM-DD` or `null`.
    ///
    /// # Errors
    /// Only the serializer's own.
    pub fn serialize<S: Serializer>(date: &Option<NaiveDate>, s: S) -> Result<S::Ok, S::Error> {
        match date {
            Some(d) => s.serialize_str(&super::iso(*d)),
            None => s.serialize_none(),
        }
    }

    /// Reads `YYYY-MM-DD` or `null`.
    ///
    /// # Errors
    /// Not a date of that form.
    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Option<NaiveDate>, D::Error> {
        match Option::<String>::deserialize(d)? {
            None => Ok(None),
            Some(text) => super::parse_iso(&text)
                .map(Some)
                .ok_or_else(|| serde::de::Error::custom(format_args!("`{text}` is not a date of the form YYYY-MM-DD"))),
        }
    }
}
