//! "Today", as a calendar date in Barcelona.

use chrono::NaiveDate;
use js_sys::{Array, Date, Intl, Object, Reflect};

/// The time zone every date of the course is read in.
pub const COURSE_TIME_ZONE: &str = "Europe/Madrid";

/// Today's date in Europe/Madrid, whatever the user's own time zone, using the browser's time-zone
/// rules (`Intl.DateTimeFormat` with `timeZone`). Falls back to the UTC date if `Intl` fails.
#[must_use]
pub fn today() -> NaiveDate {
    date_in_zone(&Date::new_0(), COURSE_TIME_ZONE).unwrap_or_else(|| utc_date(&Date::new_0()))
}

fn date_in_zone(now: &Date, zone: &str) -> Option<NaiveDate> {
    let options = Object::new();
    for (k, v) in [("timeZone", zone), ("year", "numeric"), ("month", "numeric"), ("day", "numeric")] {
        Reflect::set(&options, &k.into(), &v.into()).ok()?;
    }
    let format = Intl::DateTimeFormat::new(&Array::of1(&"en-US".into()), &options);
    let parts = format.format_to_parts(now);
    let mut year = None;
    let mut month = None;
    let mut day = None;
    for part in parts.iter() {
        let kind = Reflect::get(&part, &"type".into()).ok()?.as_string()?;
        let value: Option<u32> = Reflect::get(&part, &"value".into()).ok()?.as_string()?.parse().ok();
        match kind.as_str() {
            "year" => year = value,
            "month" => month = value,
            "day" => day = value,
            _ => {}
        }
    }
    NaiveDate::from_ymd_opt(i32::try_from(year?).ok()?, month?, day?)
}

fn utc_date(now: &Date) -> NaiveDate {
    NaiveDate::from_ymd_opt(now.get_utc_full_year() as i32, now.get_utc_month() + 1, now.get_utc_date())
        .unwrap_or(NaiveDate::MIN)
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
