//! The receiver's "now": the system clock, or a fixed instant for end-to-end tests (`INTAKE_NOW`).

use chrono::{DateTime, NaiveDate, NaiveDateTime, SecondsFormat};
use metropolis_diploma::domain::dates::date_in_barcelona;

/// Where "now" comes from.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Clock {
    /// The system clock.
    #[default]
    System,
    /// A fixed UTC instant (`INTAKE_NOW`, for tests only): every request sees this same "now".
    Fixed(NaiveDateTime),
}

impl Clock {
    /// A fixed clock from an RFC 3339 instant in UTC (`2025-09-01T10:00:00Z` or `…+00:00`); `None`
    /// for anything else, a local offset included.
    #[must_use]
    pub fn fixed_from_rfc3339(text: &str) -> Option<Clock> {
        let instant = DateTime::parse_from_rfc3339(text).ok()?;
        (instant.offset().local_minus_utc() == 0).then(|| Clock::Fixed(instant.naive_utc()))
    }

    /// Now, in UTC.
    #[must_use]
    pub fn now_utc(&self) -> NaiveDateTime {
        match self {
            Clock::Fixed(instant) => *instant,
            Clock::System => {
                let since = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).unwrap_or_default();
                let secs = i64::try_from(since.as_secs()).unwrap_or(i64::MAX);
                DateTime::from_timestamp(secs, since.subsec_nanos()).unwrap_or_default().naive_utc()
            }
        }
    }

    /// Now, UTC RFC 3339 with milliseconds (`2025-09-01T10:00:00.000Z`): the `received_at` of a row.
    #[must_use]
    pub fn now_rfc3339(&self) -> String {
        self.now_utc().and_utc().to_rfc3339_opts(SecondsFormat::Millis, true)
    }

    /// Today's date in Barcelona, the calendar every rule of the edition is written in.
    #[must_use]
    pub fn today_in_barcelona(&self) -> NaiveDate {
        date_in_barcelona(self.now_utc())
    }
}
