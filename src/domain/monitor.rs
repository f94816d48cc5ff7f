//! The pilot's own measures (issue 14): how fast help comes, how cases end, how many faces a
//! family sees, how the actions keep their deadlines, and where new questions come from.
//!
//! Everything here is counts and day numbers over a [`Scope`] (a period, perhaps one school,
//! and an injected "today"). The raw counts ([`Tally`]) add up across schools, durations as
//! histograms in one-day buckets so that a median can still be taken after merging. The plain
//! words of every definition are in the README ("Monitor en `tandem stats`").

pub mod fold;
pub mod histogram;
pub mod rule;
pub mod tally;
#[cfg(test)]
mod tests;

pub use fold::{ActionPart, Fold};
pub use histogram::Histogram;
pub use tally::{ByOutcome, BySource, PerSide, Tally};

use chrono::{Datelike, Months, NaiveDate};

/// "Binnen een week": a duration of this many days or fewer counts as within the week.
pub const WITHIN_DAYS: u32 = 7;

/// A span of days, both ends included.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Period {
    pub from: NaiveDate,
    pub to: NaiveDate,
}

impl Period {
    /// From `from` to `to`, both included; the ends are swapped when given the wrong way round.
    pub fn new(from: NaiveDate, to: NaiveDate) -> Period {
        Period {
            from: from.min(to),
            to: from.max(to),
        }
    }

    /// This school year up to `today`: from 1 August (the Dutch school year's formal start)
    /// of the year it began.
    pub fn school_year(today: NaiveDate) -> Period {
        let year = if today.month() >= 8 {
            today.year()
        } else {
            today.year() - 1
        };
        let from = NaiveDate::from_ymd_opt(year, 8, 1).unwrap_or(today);
        Period::new(from, today)
    }

    /// The last 12 months up to and including `today` (from the day after the same date a
    /// year earlier).
    pub fn last_12_months(today: NaiveDate) -> Period {
        let from = today
            .checked_sub_months(Months::new(12))
            .and_then(|d| d.succ_opt())
            .unwrap_or(today);
        Period::new(from, today)
    }

    pub fn contains(&self, day: NaiveDate) -> bool {
        self.from <= day && day <= self.to
    }

    /// True when `[start, end]` (an open end: `None`) shares at least one day with the period.
    pub fn overlaps(&self, start: Option<NaiveDate>, end: Option<NaiveDate>) -> bool {
        start.is_none_or(|s| s <= self.to) && end.is_none_or(|e| e >= self.from)
    }
}

/// What a set of measures is about: the period, one school or all (`None`), and today (the day
/// "open" and "overdue" are judged on when the period reaches it).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Scope {
    pub period: Period,
    pub school: Option<String>,
    pub today: NaiveDate,
}

impl Scope {
    /// The day open and overdue actions are counted on: the period's last day, or today when
    /// the period runs past it.
    pub fn reference_day(&self) -> NaiveDate {
        self.period.to.min(self.today)
    }

    /// Whether a case at `school` is in scope: every school when none was chosen; otherwise the
    /// same name, blind to case, accents and spaces around it.
    pub fn takes_school(&self, school: &str) -> bool {
        self.school
            .as_deref()
            .is_none_or(|want| same_school(want, school))
    }
}

/// Two spellings of a school's name that mean the same school.
pub fn same_school(a: &str, b: &str) -> bool {
    super::text::fold(a.trim()) == super::text::fold(b.trim())
}
