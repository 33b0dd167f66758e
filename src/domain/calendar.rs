//! Where an edition stands on a given Barcelona date: applications upcoming, open or closed, the
//! course in progress, or over. Every page derives what it says from this one state, and the
//! receiver refuses applications on a day the edition does not take them.

use super::edition::Edition;
use chrono::{Days, NaiveDate};

/// The state of an edition on one day.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum EditionState {
    /// Applications are not open yet; they open on `opens`.
    Upcoming {
        /// The first day applications are taken.
        opens: NaiveDate,
    },
    /// Applications are taken, until `closes` included.
    Open {
        /// The last day applications are taken.
        closes: NaiveDate,
    },
    /// Applications have closed; the course has not started.
    Closed,
    /// The course is on: from its first to its last day.
    InProgress,
    /// The course is over.
    Ended,
}

impl EditionState {
    /// The state's code, as pages carry it in `data-state`: `upcoming`, `open`, `closed`,
    /// `in-progress` or `ended`.
    #[must_use]
    pub fn code(self) -> &'static str {
        match self {
            EditionState::Upcoming { .. } => "upcoming",
            EditionState::Open { .. } => "open",
            EditionState::Closed => "closed",
            EditionState::InProgress => "in-progress",
            EditionState::Ended => "ended",
        }
    }
}

/// The last day applications are taken: the edition's `applications.closes`, else the day before
/// the course starts.
#[must_use]
pub fn closes(edition: &Edition) -> NaiveDate {
    let start = edition.course.start_date;
    edition.applications.closes.unwrap_or_else(|| start.checked_sub_days(Days::new(1)).unwrap_or(start))
}

/// The state of `edition` on `today` (a Barcelona date).
///
/// In order: after the last day of the course, `Ended`; from its first day, `InProgress`; before
/// `applications.opens`, `Upcoming`; up to [`closes`] included, `Open`; else `Closed`.
///
/// # Example
/// ```
/// # use metropolis_diploma::domain::{calendar::{state, EditionState}, edition::Edition};
/// # let edition = Edition::from_json(include_str!("../../public/edition.json")).unwrap();
/// let day = |d| chrono::NaiveDate::from_ymd_opt(2025, 11, d).unwrap();
/// assert_eq!(state(&edition, day(16)), EditionState::Open { closes: day(16) });
/// assert_eq!(state(&edition, day(17)), EditionState::InProgress);
/// assert_eq!(state(&edition, day(22)), EditionState::Ended);
/// ```
#[must_use]
pub fn state(edition: &Edition, today: NaiveDate) -> EditionState {
    let (start, end) = edition.dates();
    if today > end {
        return EditionState::Ended;
    }
    if today >= start {
        return EditionState::InProgress;
    }
    if let Some(opens) = edition.applications.opens.filter(|opens| today < *opens) {
        return EditionState::Upcoming { opens };
    }
    let closes = closes(edition);
    if today <= closes {
        EditionState::Open { closes }
    } else {
        EditionState::Closed
    }
}

/// Whether the edition takes applications on `day`.
#[must_use]
pub fn accepts_applications(edition: &Edition, day: NaiveDate) -> bool {
    matches!(state(edition, day), EditionState::Open { .. })
}

/// How many calendar days the course lasts, its first and last days included (5 for 17 to 21
/// November 2025).
///
/// ```
/// # use metropolis_diploma::domain::{calendar::course_days, edition::Edition};
/// # let edition = Edition::from_json(include_str!("../../public/edition.json")).unwrap();
/// assert_eq!(course_days(&edition), 5);
/// ```
#[must_use]
pub fn course_days(edition: &Edition) -> i64 {
    let (start, end) = edition.dates();
    (end - start).num_days() + 1
}
