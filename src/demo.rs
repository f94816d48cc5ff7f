//! Fictional demo data: one realistic primary school to try tandem out on, and any number of
//! synthetic cases to measure it with. Every person, family and organisation here is made up;
//! none may carry a name from the source articles (they name real people).
//!
//! Everything is dated relative to "today", so the demo always has overdue and upcoming work
//! whatever day it runs.

mod names;
mod rng;
mod school;
mod school_data;
mod school_families;
mod synthetic;
#[cfg(test)]
mod tests;
mod texts;

use crate::domain::{CaseId, EventKind, FamilyId};
use crate::store::{Change, Store, StoreError};
use chrono::{Datelike, Duration, NaiveDate, NaiveDateTime, NaiveTime};

#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct DemoSummary {
    pub families: usize,
    pub cases: usize,
    pub actions: usize,
    pub persons: usize,
    pub meetings: usize,
}

/// One fictional school ("Basisschool De Regenboog") with its tandem, sociale kaart, families,
/// cases in every status, actions on both sides and two past meetings.
pub fn school(store: &mut Store, today: NaiveDate) -> Result<DemoSummary, StoreError> {
    as_demo(store, |s| school::build(s, today))
}

/// `n` synthetic cases for benchmarks; the same `(n, seed, today)` always gives the same store.
pub fn synthetic(
    store: &mut Store,
    today: NaiveDate,
    n: u64,
    seed: u64,
) -> Result<DemoSummary, StoreError> {
    as_demo(store, |s| synthetic::build(s, today, n, seed))
}

/// Events carry the name of whoever runs tandem; demo events say "demo" instead, so a demo store
/// does not depend on the account that made it (and two runs export the same bytes).
fn as_demo(
    store: &mut Store,
    build: impl FnOnce(&mut Store) -> Result<DemoSummary, StoreError>,
) -> Result<DemoSummary, StoreError> {
    let who = std::mem::replace(&mut store.who, "demo".into());
    let result = build(store);
    store.who = who;
    result
}

/// `today` shifted by `offset` days (negative is the past). Demo offsets are small, so the
/// fallback only guards against a "today" at the very end of the calendar.
fn shift(today: NaiveDate, offset: i64) -> NaiveDate {
    today
        .checked_add_signed(Duration::days(offset))
        .unwrap_or(today)
}

/// A moment on `day`, `minutes` after midnight.
fn at(day: NaiveDate, minutes: i64) -> NaiveDateTime {
    day.and_time(NaiveTime::MIN) + Duration::minutes(minutes)
}

/// A birth date that fits the groep in the school year of `today`: a child starts groep 1 at
/// four, and the cut-off for a year group is 1 October. `day_in_year` spreads children over
/// that year.
fn birth_date(today: NaiveDate, groep: u32, day_in_year: u32) -> Option<NaiveDate> {
    let school_year = if today.month() >= 8 {
        today.year()
    } else {
        today.year() - 1
    };
    let born_year = school_year - 4 - i32::try_from(groep).ok()?;
    let first = NaiveDate::from_ymd_opt(born_year, 10, 2)?;
    first.checked_add_signed(Duration::days(i64::from(day_in_year % 365)))
}

/// The groep as a school writes it: the kleuters share a class.
fn groep_label(groep: u32) -> String {
    if groep <= 2 {
        "1/2".into()
    } else {
        groep.to_string()
    }
}

/// Timeline lines gathered before they are written: event ids are handed out in the order
/// events are recorded, and a klantreis lists them in id order, so they must go in by time.
#[derive(Default)]
struct Timeline {
    lines: Vec<(NaiveDateTime, Option<CaseId>, Option<FamilyId>, EventKind)>,
}

impl Timeline {
    fn add(
        &mut self,
        at: NaiveDateTime,
        case: Option<CaseId>,
        family: Option<FamilyId>,
        kind: EventKind,
    ) {
        self.lines.push((at, case, family, kind));
    }

    /// The latest moment recorded for `case`.
    fn last_of(&self, case: CaseId) -> Option<NaiveDateTime> {
        self.lines
            .iter()
            .filter(|l| l.1 == Some(case))
            .map(|l| l.0)
            .max()
    }

    /// Writes the lines oldest first; lines at the same moment keep the order they were added.
    fn write(mut self, ch: &mut Change) {
        self.lines.sort_by_key(|l| l.0);
        for (at, case, family, kind) in self.lines {
            ch.event(at, case, family, kind);
        }
    }
}

/// An e-mail address at example.nl (reserved for examples) from a name in any script: letters
/// are folded to ASCII where a fold is known, others dropped; `fallback` covers names with no
/// Latin letters at all.
fn email(name: &str, fallback: &str) -> String {
    let mut local = String::new();
    for word in name.split_whitespace() {
        let folded = names::ascii_fold(word);
        if folded.is_empty() {
            continue;
        }
        if !local.is_empty() {
            local.push('.');
        }
        local.push_str(&folded);
    }
    if local.is_empty() {
        local.push_str(fallback);
    }
    format!("{local}@example.nl")
}

/// A mobile number in the 06-0000 range, which no real subscriber has.
fn phone(n: u64) -> String {
    format!("06-0000 {:04}", n % 10_000)
}
