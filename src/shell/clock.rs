//! "Today", as a calendar date in Barcelona, and the timer that keeps it current.

use crate::domain::dates::{date_in_barcelona, next_midnight_in_barcelona};
use chrono::{DateTime, NaiveDate, NaiveDateTime};
use leptos::prelude::*;
use std::time::Duration;

fn now_utc() -> Option<NaiveDateTime> {
    // Milliseconds since 1970 fit an i64 exactly (Date::now is an integral f64).
    #[allow(clippy::cast_possible_truncation)]
    let now = js_sys::Date::now() as i64;
    DateTime::from_timestamp_millis(now).map(|t| t.naive_utc())
}

/// Today's date in Barcelona, whatever the visitor's own time zone: the browser's clock read
/// through the domain's rule for Central European Time ([`date_in_barcelona`]).
#[must_use]
pub fn today() -> NaiveDate {
    now_utc().map_or(NaiveDate::MIN, date_in_barcelona)
}

/// The current UTC time as `YYYYMMDDTHHMMSSZ`, for iCalendar stamps.
#[must_use]
pub fn utc_stamp() -> String {
    use chrono::{Datelike, Timelike};
    now_utc()
        .map(|t| {
            format!("{:04}{:02}{:02}T{:02}{:02}{:02}Z", t.year(), t.month(), t.day(), t.hour(), t.minute(), t.second())
        })
        .unwrap_or_default()
}

/// The current UTC time in RFC 3339 with milliseconds (`2025-09-01T10:00:00.000Z`).
#[must_use]
pub fn utc_now_rfc3339() -> String {
    now_utc().map(|t| t.and_utc().to_rfc3339_opts(chrono::SecondsFormat::Millis, true)).unwrap_or_default()
}

/// Sets `today` to the real date now, again at every Barcelona midnight while the page stays open,
/// and whenever the page becomes visible again (a sleeping laptop's timers run late).
pub fn keep_today(today: RwSignal<NaiveDate>) {
    fn refresh(today: RwSignal<NaiveDate>) {
        let now = self::today();
        if today.get_untracked() != now {
            today.set(now);
        }
    }
    fn schedule(today: RwSignal<NaiveDate>) {
        let Some(now) = now_utc() else { return };
        let wait = (next_midnight_in_barcelona(now) - now).num_milliseconds().max(0);
        // A second of margin: the timer may fire a little early.
        let wait = u64::try_from(wait).unwrap_or(0) + 1_000;
        set_timeout(
            move || {
                refresh(today);
                schedule(today);
            },
            Duration::from_millis(wait),
        );
    }
    refresh(today);
    schedule(today);
    let handle = window_event_listener(leptos::ev::visibilitychange, move |_| refresh(today));
    on_cleanup(move || handle.remove());
}
