//! Dates: the ISO text form, and the calendar date in Barcelona for any instant.

use chrono::{NaiveDate, NaiveDateTime, TimeDelta};
use metropolis_diploma::domain::dates::{date_in_barcelona, iso, parse_iso};
use proptest::prelude::*;

fn instant(text: &str) -> NaiveDateTime {
    NaiveDateTime::parse_from_str(text, "%Y-%m-%dT%H:%M:%S").unwrap_or_else(|e| panic!("bad test instant {text}: {e}"))
}

/// The Barcelona date of a UTC instant written `YYYY-MM-DDTHH:MM:SS`, as ISO text.
fn barcelona(utc: &str) -> String {
    iso(date_in_barcelona(instant(utc)))
}

#[test]
fn date_in_barcelona_follows_central_european_time() {
    #[rustfmt::skip]
    let rows: &[(&str, &str, &str)] = &[
        // Winter, UTC+1.
        ("2025-11-16T22:59:59", "2025-11-16", "the evening before the course, 23:59 in Barcelona"),
        ("2025-11-16T23:00:00", "2025-11-17", "midnight before the first day"),
        ("2025-01-15T12:00:00", "2025-01-15", "midday"),
        ("2025-12-31T22:59:59", "2025-12-31", "last second of the year"),
        ("2025-12-31T23:00:00", "2026-01-01", "new year in Barcelona, still the old one in UTC"),
        // Summer time begins at 01:00 UTC on the last Sunday of March (2025-03-30).
        ("2025-03-29T23:00:00", "2025-03-30", "winter midnight of the switch day"),
        ("2025-03-30T00:59:59", "2025-03-30", "01:59:59 winter time"),
        ("2025-03-30T21:59:59", "2025-03-30", "23:59:59 summer time"),
        ("2025-03-30T22:00:00", "2025-03-31", "first summer midnight"),
        ("2025-03-29T22:30:00", "2025-03-29", "the night before: still winter, 23:30"),
        // Summer, UTC+2.
        ("2025-07-01T21:59:59", "2025-07-01", "23:59:59 in July"),
        ("2025-07-01T22:00:00", "2025-07-02", "midnight in July"),
        // Summer time ends at 01:00 UTC on the last Sunday of October (2025-10-26).
        ("2025-10-25T21:59:59", "2025-10-25", "the last summer evening"),
        ("2025-10-25T22:00:00", "2025-10-26", "summer midnight of the switch day"),
        ("2025-10-26T00:59:59", "2025-10-26", "02:59:59 summer time"),
        ("2025-10-26T22:59:59", "2025-10-26", "23:59:59 winter time"),
        ("2025-10-26T23:00:00", "2025-10-27", "first winter midnight"),
        // Other years: the last Sunday moves.
        ("2026-03-29T00:59:59", "2026-03-29", "2026 switch to summer, before"),
        ("2026-03-28T22:30:00", "2026-03-28", "2026 switch to summer, the night before"),
        ("2026-03-29T22:30:00", "2026-03-30", "2026 first summer night, 00:30"),
        ("2026-10-24T22:30:00", "2026-10-25", "2026 last summer night, 00:30"),
        ("2026-10-25T22:30:00", "2026-10-25", "2026 first winter night, 23:30"),
        ("2024-03-30T22:30:00", "2024-03-30", "2024 (a leap year) before the switch"),
        ("2024-03-31T22:30:00", "2024-04-01", "2024 first summer night, 00:30"),
        ("2024-02-29T23:30:00", "2024-03-01", "leap day, 00:30 the next day"),
    ];
    for (utc, want, why) in rows {
        assert_eq!(barcelona(utc), *want, "{why}: {utc}Z");
    }
}

#[test]
fn iso_round_trips() {
    for text in ["2025-11-17", "2024-02-29", "0001-01-01", "9999-12-31"] {
        assert_eq!(parse_iso(text).map(iso).as_deref(), Some(text), "{text}");
    }
}

proptest! {
    /// Barcelona is always one or two hours ahead of UTC: its date is UTC's date or the next day,
    /// and equals the date one or two hours later.
    #[test]
    fn barcelona_is_one_or_two_hours_ahead(seconds in 0i64..(200 * 366 * 86_400)) {
        let utc = instant("1990-01-01T00:00:00") + TimeDelta::seconds(seconds);
        let date = date_in_barcelona(utc);
        let plus = |h| (utc + TimeDelta::hours(h)).date();
        prop_assert!(date == plus(1) || date == plus(2), "{utc}: {date}");
        prop_assert!(date == utc.date() || date == utc.date().succ_opt().unwrap_or(NaiveDate::MAX), "{utc}: {date}");
    }
}
