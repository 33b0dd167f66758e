//! The brochure's "Enrollment cancellation policy" with the default edition: 75 % back for
//! cancellations received before 30 calendar days prior to the start (17 November 2025), paid
//! within 30 calendar days; nothing afterwards.

mod common;

use chrono::NaiveDate;
use common::{date, edition, money, percent};
use metropolis_diploma::domain::refund::{assess, last_refund_day, RefundAssessment};

fn case(paid: &str, day: NaiveDate) -> RefundAssessment {
    assess(&edition(), money(paid), day)
}

#[test]
fn last_refund_day_is_the_day_before_the_thirtieth() {
    assert_eq!(last_refund_day(&edition()), date(2025, 10, 17), "start 2025-11-17, 30 days");
    let mut e = edition();
    e.refund.days_before_start = 1;
    assert_eq!(last_refund_day(&e), date(2025, 11, 15), "start 2025-11-17, 1 day");
    e.course.start_date = date(2026, 3, 1);
    e.refund.days_before_start = 30;
    assert_eq!(last_refund_day(&e), date(2026, 1, 29), "start 2026-03-01, 30 days");
}

#[test]
fn by_cancellation_date() {
    /// (description, paid, cancellation day, refunded, refund, kept, days_left, due_by)
    type Row = (&'static str, &'static str, NaiveDate, bool, &'static str, &'static str, i64, Option<NaiveDate>);
    #[rustfmt::skip]
    let rows: &[Row] = &[
        ("far ahead", "660.00", date(2025, 1, 1), true, "495.00", "165.00", 289, Some(date(2025, 1, 31))),
        ("the day before the last", "660.00", date(2025, 10, 16), true, "495.00", "165.00", 1, Some(date(2025, 11, 15))),
        ("the last refund day", "660.00", date(2025, 10, 17), true, "495.00", "165.00", 0, Some(date(2025, 11, 16))),
        ("30 days prior: too late", "660.00", date(2025, 10, 18), false, "0.00", "660.00", -1, None),
        ("the first day of the course", "660.00", date(2025, 11, 17), false, "0.00", "660.00", -31, None),
        ("the day after the start", "660.00", date(2025, 11, 18), false, "0.00", "660.00", -32, None),
        ("member rate, in time", "330.00", date(2025, 10, 17), true, "247.50", "82.50", 0, Some(date(2025, 11, 16))),
        ("an odd cent, rounded away from zero", "100.01", date(2025, 10, 17), true, "75.01", "25.00", 0, Some(date(2025, 11, 16))),
        ("nothing paid", "0.00", date(2025, 10, 1), true, "0.00", "0.00", 16, Some(date(2025, 10, 31))),
        ("a group of three", "1821.60", date(2025, 9, 1), true, "1366.20", "455.40", 46, Some(date(2025, 10, 1))),
        ("a cent", "0.01", date(2025, 9, 1), true, "0.01", "0.00", 46, Some(date(2025, 10, 1))),
    ];
    for &(what, paid, day, refunded, refund, kept, days_left, due_by) in rows {
        let a = case(paid, day);
        let args = format!("{what}: assess(paid={paid}, date={day})");
        assert_eq!(a.refunded, refunded, "{args}: refunded");
        assert_eq!(a.refund.to_plain(), refund, "{args}: refund");
        assert_eq!(a.kept.to_plain(), kept, "{args}: kept");
        assert_eq!(a.days_left, days_left, "{args}: days_left");
        assert_eq!(a.due_by, due_by, "{args}: due_by");
        assert_eq!(a.last_refund_day, date(2025, 10, 17), "{args}: last_refund_day");
        assert_eq!(a.course_start, date(2025, 11, 17), "{args}: course_start");
    }
}

#[test]
fn follows_the_edition_policy() {
    let mut e = edition();
    e.refund.percent = percent("50");
    e.refund.payout_days = 10;
    let a = assess(&e, money("0.05"), date(2025, 10, 17));
    assert_eq!(
        (a.refund.to_plain(), a.kept.to_plain(), a.due_by),
        ("0.03".into(), "0.02".into(), Some(date(2025, 10, 27))),
        "50 % of 0.05 with a 10-day payout"
    );
    e.refund.percent = percent("100");
    let a = assess(&e, money("660.00"), date(2025, 10, 17));
    assert_eq!((a.refund.to_plain(), a.kept.to_plain()), ("660.00".into(), "0.00".into()), "100 % refund");
}
