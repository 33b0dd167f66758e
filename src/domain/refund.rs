//! The cancellation policy: what comes back if an applicant cancels on a given day.

use super::edition::Edition;
use super::money::Money;
use chrono::{Days, NaiveDate};

/// The answer for one amount paid and one cancellation date.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RefundAssessment {
    /// The date the written cancellation is sent.
    pub date: NaiveDate,
    /// A refund is due.
    pub refunded: bool,
    /// The amount refunded (zero when none).
    pub refund: Money,
    /// The amount the organiser keeps.
    pub kept: Money,
    /// The last day a cancellation earns a refund.
    pub last_refund_day: NaiveDate,
    /// Days from the cancellation date to the last refund day (0 on that day, negative after it).
    pub days_left: i64,
    /// The date by which the refund is paid, when one is due.
    pub due_by: Option<NaiveDate>,
    /// The first day of the course.
    pub course_start: NaiveDate,
}

/// The last calendar day on which a written cancellation still earns a refund.
///
/// "Before 30 calendar days prior to the start" excludes the thirtieth day itself: with a start on
/// 17 November 2025, 18 October is already 30 days prior, so 17 October is the last refund day.
#[must_use]
pub fn last_refund_day(edition: &Edition) -> NaiveDate {
    let days = u64::from(edition.refund.days_before_start) + 1;
    edition.course.start_date.checked_sub_days(Days::new(days)).unwrap_or(NaiveDate::MIN)
}

/// Assesses a cancellation sent on `date` after paying `paid`.
///
/// # Example
/// ```
/// # use metropolis_diploma::domain::{edition::Edition, money::Money, refund::assess};
/// # let edition = Edition::from_json(include_str!("../../public/edition.json")).unwrap();
/// let day = chrono::NaiveDate::from_ymd_opt(2025, 10, 17).unwrap();
/// let a = assess(&edition, "100.01".parse::<Money>().unwrap(), day);
/// assert_eq!(a.refund.to_plain(), "75.01");
/// ```
#[must_use]
pub fn assess(edition: &Edition, paid: Money, date: NaiveDate) -> RefundAssessment {
    let last = last_refund_day(edition);
    let refunded = date <= last;
    let refund = if refunded { paid.percent(edition.refund.percent) } else { Money::ZERO };
    RefundAssessment {
        date,
        refunded,
        refund,
        kept: paid.saturating_sub(refund),
        last_refund_day: last,
        days_left: (last - date).num_days(),
        due_by: refunded.then(|| date.checked_add_days(Days::new(u64::from(edition.refund.payout_days)))).flatten(),
        course_start: edition.course.start_date,
    }
}

/// What the applicant tells us for the cancellation e-mail; every field is optional on the page.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct CancellationDetails {
    /// Name and surname.
    pub name: String,
    /// The date the applicant registered.
    pub registration_date: Option<NaiveDate>,
    /// Phone or e-mail where the secretariat can reach them.
    pub contact: String,
}

/// Where three days sit on a timeline drawing, as fractions of its width (0.0 = left, 1.0 = right).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct TimelinePositions {
    /// The cancellation date.
    pub chosen: f64,
    /// The last day with a refund.
    pub last_refund_day: f64,
    /// The first day of the course.
    pub course_start: f64,
}

/// Lays out the chosen date, the last refund day and the course start on one line, with a margin
/// of a tenth of the span on each side; dates outside are clamped to the ends.
///
/// These are drawing coordinates, not amounts, so floats are right here.
#[must_use]
pub fn timeline(chosen: NaiveDate, last_refund_day: NaiveDate, course_start: NaiveDate) -> TimelinePositions {
    let first = chosen.min(last_refund_day);
    let last = chosen.max(course_start);
    let span = (last - first).num_days().max(1) as f64;
    let pad = span / 10.0;
    let at = |d: NaiveDate| (((d - first).num_days() as f64 + pad) / (span + 2.0 * pad)).clamp(0.0, 1.0);
    TimelinePositions { chosen: at(chosen), last_refund_day: at(last_refund_day), course_start: at(course_start) }
}

/// An iCalendar file (RFC 5545) with an all-day reminder on the last day with a refund.
///
/// `stamp` is the creation time in UTC as `YYYYMMDDTHHMMSSZ`; `summary` and `description` are the
/// words, already in the user's language.
#[must_use]
pub fn reminder_ics(edition: &Edition, summary: &str, description: &str, stamp: &str) -> String {
    let day = last_refund_day(edition);
    let next = day.succ_opt().unwrap_or(day);
    let lines = [
        "BEGIN:VCALENDAR".to_owned(),
        "VERSION:2.0".to_owned(),
        "PRODID:-//Metropolis//Diploma refund reminder//EN".to_owned(),
        "CALSCALE:GREGORIAN".to_owned(),
        "BEGIN:VEVENT".to_owned(),
        format!("UID:refund-deadline-{}@metropolis-diploma", edition.id),
        format!("DTSTAMP:{stamp}"),
        format!("DTSTART;VALUE=DATE:{}", super::dates::basic(day)),
        format!("DTEND;VALUE=DATE:{}", super::dates::basic(next)),
        format!("SUMMARY:{}", ics_escape(summary)),
        format!("DESCRIPTION:{}", ics_escape(description)),
        "END:VEVENT".to_owned(),
        "END:VCALENDAR".to_owned(),
    ];
    let mut out = String::new();
    for line in lines {
        out.push_str(&fold_ics(&line));
        out.push_str("\r\n");
    }
    out
}

fn ics_escape(s: &str) -> String {
    s.replace('\\', "\\\\").replace(';', "\\;").replace(',', "\\,").replace('\n', "\\n")
}

/// Folds a content line at 75 octets, never inside a UTF-8 character.
fn fold_ics(line: &str) -> String {
    let mut out = String::new();
    let mut width = 0;
    for c in line.chars() {
        let len = c.len_utf8();
        if width + len > 75 {
            out.push_str("\r\n ");
            width = 1;
        }
        out.push(c);
        width += len;
    }
    out
}
