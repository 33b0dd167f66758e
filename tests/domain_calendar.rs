//! The state of an edition on a Barcelona date (`domain::calendar`), at every boundary day: with the
//! brochure's dates (course 17–21 November 2025, no application dates) and with made-up calendars.

mod common;

use chrono::NaiveDate;
use common::{date, edition};
use metropolis_diploma::domain::calendar::{accepts_applications, closes, state, EditionState};
use metropolis_diploma::domain::edition::{Applications, Edition};

/// The default edition with these application dates.
fn with_applications(opens: Option<NaiveDate>, closes: Option<NaiveDate>) -> Edition {
    let mut e = edition();
    e.applications = Applications { opens, closes };
    e
}

/// Checks `(day, state)` rows against `e`, and that applications are accepted exactly when open.
fn check(what: &str, e: &Edition, rows: &[(NaiveDate, EditionState)]) {
    assert_eq!(e.validate(), Ok(()), "{what}: the edition is valid");
    for &(day, expected) in rows {
        assert_eq!(state(e, day), expected, "{what}: state on {day}");
        let open = matches!(expected, EditionState::Open { .. });
        assert_eq!(accepts_applications(e, day), open, "{what}: accepts applications on {day}");
    }
}

#[test]
fn the_brochures_edition() {
    use EditionState::{Ended, InProgress, Open};
    let e = edition();
    let last = date(2025, 11, 16);
    assert_eq!(closes(&e), last, "without a closing date: the day before the course");
    #[rustfmt::skip]
    check("the brochure's edition", &e, &[
        (date(2024, 1, 1), Open { closes: last }),   // no opening date: open already
        (date(2025, 9, 1), Open { closes: last }),
        (date(2025, 11, 16), Open { closes: last }), // the last day before the course
        (date(2025, 11, 17), InProgress),            // the first day of the course
        (date(2025, 11, 19), InProgress),
        (date(2025, 11, 21), InProgress),            // the last day of the course
        (date(2025, 11, 22), Ended),                 // the day after
        (date(2026, 11, 28), Ended),                 // the day issue 13 was tried
    ]);
}

#[test]
fn an_edition_with_an_application_window() {
    use EditionState::{Closed, Ended, InProgress, Open, Upcoming};
    let (opens, last) = (date(2025, 6, 1), date(2025, 10, 31));
    let e = with_applications(Some(opens), Some(last));
    #[rustfmt::skip]
    check("1 June to 31 October", &e, &[
        (date(2025, 1, 1), Upcoming { opens }),
        (date(2025, 5, 31), Upcoming { opens }),  // the day before opening
        (date(2025, 6, 1), Open { closes: last }), // opening day
        (date(2025, 10, 31), Open { closes: last }), // closing day, included
        (date(2025, 11, 1), Closed),              // the day after closing
        (date(2025, 11, 16), Closed),             // the day before the course
        (date(2025, 11, 17), InProgress),
        (date(2025, 11, 21), InProgress),
        (date(2025, 11, 22), Ended),
    ]);
}

#[test]
fn one_date_or_the_other() {
    use EditionState::{Closed, InProgress, Open, Upcoming};
    // Only an opening date: open from it until the day before the course.
    let opens = date(2025, 9, 15);
    let before_course = date(2025, 11, 16);
    #[rustfmt::skip]
    check("opens 15 September", &with_applications(Some(opens), None), &[
        (date(2025, 9, 14), Upcoming { opens }),
        (date(2025, 9, 15), Open { closes: before_course }),
        (date(2025, 11, 16), Open { closes: before_course }),
        (date(2025, 11, 17), InProgress),
    ]);
    // Only a closing date: open already, until it.
    let last = date(2025, 10, 1);
    #[rustfmt::skip]
    check("closes 1 October", &with_applications(None, Some(last)), &[
        (date(2025, 1, 1), Open { closes: last }),
        (date(2025, 10, 1), Open { closes: last }),
        (date(2025, 10, 2), Closed),
        (date(2025, 11, 16), Closed),
        (date(2025, 11, 17), InProgress),
    ]);
    // A window of one day, the day before the course.
    let day = date(2025, 11, 16);
    #[rustfmt::skip]
    check("one day", &with_applications(Some(day), Some(day)), &[
        (date(2025, 11, 15), Upcoming { opens: day }),
        (day, Open { closes: day }),
        (date(2025, 11, 17), InProgress),
    ]);
}

#[test]
fn a_one_day_course_at_the_turn_of_a_year() {
    use EditionState::{Closed, Ended, InProgress, Open, Upcoming};
    let mut e = with_applications(Some(date(2026, 12, 1)), Some(date(2026, 12, 30)));
    e.course.start_date = date(2027, 1, 1);
    e.course.end_date = date(2027, 1, 1);
    let (opens, last) = (date(2026, 12, 1), date(2026, 12, 30));
    #[rustfmt::skip]
    check("1 January 2027", &e, &[
        (date(2026, 11, 30), Upcoming { opens }),
        (date(2026, 12, 30), Open { closes: last }),
        (date(2026, 12, 31), Closed),
        (date(2027, 1, 1), InProgress),
        (date(2027, 1, 2), Ended),
    ]);
}
