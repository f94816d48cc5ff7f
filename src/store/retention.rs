//! Retention (bewaartermijn, issue 12 part 3): which families are kept longer than the school's
//! rule allows. A closed case is past its date `months` after its last closing. A family goes
//! when every one of its cases is past: a family with one old closed case and one open (or
//! recently closed) case is kept whole, because the old case is part of the history the open
//! one builds on; it is listed as waiting, so the privacy officer sees it.

use super::{Result, Store};
use crate::domain::{Case, CaseStatus, FamilyId};
use chrono::{Months, NaiveDate};
use std::collections::BTreeMap;

/// Months a closed case is kept when the config does not say (two years).
pub const DEFAULT_MONTHS: u32 = 24;

/// A family and what its cases say about retention.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FamilyRetention {
    pub family: FamilyId,
    pub name: String,
    /// Cases past their date.
    pub past: usize,
    /// Cases not past it (open, or closed too recently).
    pub kept: usize,
    /// The latest closing among the past cases.
    pub last_closed: Option<NaiveDate>,
}

/// What `tandem retention` lists.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Retention {
    /// The day before which a closing is past.
    pub cutoff: Option<NaiveDate>,
    /// Families whose every case is past: erased by `--apply`.
    pub due: Vec<FamilyRetention>,
    /// Families with a past case and a case that is not: kept whole.
    pub waiting: Vec<FamilyRetention>,
}

/// The day a case closed for good, if it is closed.
fn closed_on(c: &Case) -> Option<NaiveDate> {
    if c.status != CaseStatus::Afgesloten {
        return None;
    }
    c.closings
        .iter()
        .filter(|k| k.reopened.is_none())
        .map(|k| k.closed)
        .max()
}

impl Store {
    /// Which families are past the retention of `months` on `today`.
    ///
    /// Errors: what reading the store reports.
    pub fn retention(&self, today: NaiveDate, months: u32) -> Result<Retention> {
        let cutoff = today.checked_sub_months(Months::new(months));
        let mut by_family: BTreeMap<FamilyId, (usize, usize, Option<NaiveDate>)> = BTreeMap::new();
        self.each_case(|c: Case| -> Result<()> {
            let slot = by_family.entry(c.family).or_default();
            match (closed_on(&c), cutoff) {
                (Some(closed), Some(cut)) if closed < cut => {
                    slot.0 += 1;
                    slot.2 = slot.2.max(Some(closed));
                }
                _ => slot.1 += 1,
            }
            Ok(())
        })?;
        let mut out = Retention {
            cutoff,
            ..Retention::default()
        };
        for (family, (past, kept, last_closed)) in by_family.into_iter().filter(|(_, v)| v.0 > 0) {
            let name = self.family(family)?.map(|f| f.name).unwrap_or_default();
            let row = FamilyRetention {
                family,
                name,
                past,
                kept,
                last_closed,
            };
            if kept == 0 {
                out.due.push(row);
            } else {
                out.waiting.push(row);
            }
        }
        Ok(out)
    }
}
