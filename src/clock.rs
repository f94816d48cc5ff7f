//! The one place that reads the wall clock. Everything else gets "today" and "now" passed in, so
//! tests can fix them (`TANDEM_TODAY=2026-11-23` does it for the real binary).

use chrono::{Local, NaiveDate, NaiveDateTime};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Clock {
    /// The real local time.
    System,
    /// A fixed day; the time of day still runs, so events keep their order.
    Fixed(NaiveDate),
}

impl Clock {
    /// `TANDEM_TODAY` (YYYY-MM-DD) fixes the day for demos and end-to-end tests; unset or
    /// empty, the real clock.
    ///
    /// Errors: the value as it was set, when it is not such a date (a day that does not exist
    /// included): a mistyped day must not pass unnoticed for today.
    pub fn from_env() -> Result<Clock, String> {
        match std::env::var("TANDEM_TODAY") {
            Ok(s) if !s.trim().is_empty() => NaiveDate::parse_from_str(s.trim(), "%Y-%m-%d")
                .map(Clock::Fixed)
                .map_err(|_| s),
            _ => Ok(Clock::System),
        }
    }

    pub fn today(&self) -> NaiveDate {
        match self {
            Clock::System => Local::now().date_naive(),
            Clock::Fixed(d) => *d,
        }
    }

    pub fn now(&self) -> NaiveDateTime {
        let now = Local::now().naive_local();
        match self {
            Clock::System => now,
            Clock::Fixed(d) => d.and_time(now.time()),
        }
    }
}
