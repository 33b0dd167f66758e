//! "Today", as a calendar date in Barcelona.

use crate::domain::dates::date_in_barcelona;
use chrono::{DateTime, NaiveDate};
use js_sys::Date;

/// Today's date in Barcelona, whatever the user's own time zone: the browser's clock read through
/// the domain's rule for Central European Time ([`date_in_barcelona`]).
#[must_use]
pub fn today() -> NaiveDate {
    // Milliseconds since 1970 fit an i64 exactly (Date::now is an integral f64).
    #[allow(clippy::cast_possible_truncation)]
    let now = Date::now() as i64;
    DateTime::from_timestamp_millis(now).map_or(NaiveDate::MIN, |utc| date_in_barcelona(utc.naive_utc()))
}

/// The current UTC time as `YYYYMMDDTHHMMSSZ`, for iCalendar stamps.
#[must_use]
pub fn utc_stamp() -> String {
    let now = Date::new_0();
    format!(
        "{:04}{:02}{:02}T{:02}{:02}{:02}Z",
        now.get_utc_full_year(),
        now.get_utc_month() + 1,
        now.get_utc_date(),
        now.get_utc_hours(),
        now.get_utc_minutes(),
        now.get_utc_seconds()
    )
}
