//! The first page of the case list, read without building every row (issue 10: the first frame
//! within 150 ms at 50,000 cases, also when no page was kept by the session before).
//!
//! A full read gathers 50,000 rows, allocates their five texts each and indexes them; the first
//! frame needs only the newest open ones and two counts. This pass reads each row where it lies
//! in its pack, borrows its texts, and makes an owned row only of those that may be on the page.
//! It reads the same values as [`Store::case_rows`], so a row that can't be read fails here as
//! it fails there.

use crate::domain::dates::wire;
use crate::domain::{CaseId, CaseStatus, CaseSummary, ChildId, FamilyId, Side};
use crate::store::{codec, guard, packed, Result, Store, T};
use chrono::{NaiveDate, NaiveDateTime};
use serde::Deserialize;
use std::cmp::Reverse;
use std::collections::BinaryHeap;

/// The first rows of the case list under its start filter (open cases, newest last activity
/// first, equal times in id order: the order of `tui::cases`), with the counts above them.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct NewestOpen {
    /// At most the number asked for, in list order.
    pub rows: Vec<CaseSummary>,
    /// Open cases in the store (what the start filter shows).
    pub open: usize,
    /// Cases in the store.
    pub total: usize,
}

/// A case row as stored, its texts borrowed from the stored bytes: the fields of
/// [`CaseSummary`] in its order (bincode reads fields by place). A field added to
/// `CaseSummary` and not here makes every row fail this read, and each row then falls back to
/// the whole decode (slower, never wrong); `tests::a_borrowed_row_reads_every_field` names it.
#[derive(Deserialize)]
struct Borrowed<'a> {
    id: CaseId,
    family: FamilyId,
    child: ChildId,
    child_name: &'a str,
    family_name: &'a str,
    groep: &'a str,
    school: &'a str,
    question: &'a str,
    status: CaseStatus,
    lead_side: Option<Side>,
    flagged: bool,
    #[serde(with = "wire::datetime")]
    last_activity: NaiveDateTime,
    open_onderwijs: u32,
    open_zorg: u32,
    #[serde(default, with = "wire::date::option")]
    next_deadline: Option<NaiveDate>,
}

impl Borrowed<'_> {
    fn owned(&self) -> CaseSummary {
        CaseSummary {
            id: self.id,
            family: self.family,
            child: self.child,
            child_name: self.child_name.to_string(),
            family_name: self.family_name.to_string(),
            groep: self.groep.to_string(),
            school: self.school.to_string(),
            question: self.question.to_string(),
            status: self.status,
            lead_side: self.lead_side,
            flagged: self.flagged,
            last_activity: self.last_activity,
            open_onderwijs: self.open_onderwijs,
            open_zorg: self.open_zorg,
            next_deadline: self.next_deadline,
        }
    }
}

/// The row of `plain` (a plain envelope) borrowed, when it is in this build's format and reads
/// whole; `None` sends it to the whole decode, which reads older formats and names damage.
fn borrowed(plain: &[u8]) -> Option<Borrowed<'_>> {
    let (&format, body) = plain.split_first()?;
    if format != codec::FORMAT {
        return None;
    }
    codec::in_place(body, "case row").ok()
}

/// A row that may be on the page, ordered so that the heap's top is the one that leaves first.
struct Candidate {
    key: (Reverse<NaiveDateTime>, CaseId),
    row: CaseSummary,
}

impl PartialEq for Candidate {
    fn eq(&self, other: &Self) -> bool {
        self.key == other.key
    }
}
impl Eq for Candidate {}
impl PartialOrd for Candidate {
    fn partial_cmp(&self, other: &Self) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}
impl Ord for Candidate {
    fn cmp(&self, other: &Self) -> std::cmp::Ordering {
        self.key.cmp(&other.key)
    }
}

/// What one part of the packs gives: the best `n` open rows and the counts.
struct Part {
    best: BinaryHeap<Candidate>,
    open: usize,
    total: usize,
}

impl Part {
    fn new() -> Self {
        Part {
            best: BinaryHeap::new(),
            open: 0,
            total: 0,
        }
    }

    /// Counts the row and keeps it when it is among the best `n` so far; `make` gives the
    /// owned row, called only then.
    fn offer(
        &mut self,
        n: usize,
        status: CaseStatus,
        key: (Reverse<NaiveDateTime>, CaseId),
        make: impl FnOnce() -> CaseSummary,
    ) {
        self.total += 1;
        if !status.is_open() {
            return;
        }
        self.open += 1;
        if n == 0 || self.best.len() == n && self.best.peek().is_some_and(|w| w.key <= key) {
            return;
        }
        self.best.push(Candidate { key, row: make() });
        if self.best.len() > n {
            self.best.pop();
        }
    }

    fn merge(mut self, other: Part, n: usize) -> Part {
        self.open += other.open;
        self.total += other.total;
        for c in other.best {
            self.best.push(c);
            if self.best.len() > n {
                self.best.pop();
            }
        }
        self
    }
}

/// Reads the packs of `packs` (case rows, in key order) into a [`Part`].
fn read_part(packs: &[sled::IVec], n: usize, seal: codec::Seal) -> Result<Part> {
    let mut part = Part::new();
    for pack in packs {
        for (_, value) in packed::entries(T::CaseRows, pack)? {
            let plain = codec::plain(value, "case row", seal)?;
            match borrowed(&plain) {
                Some(row) => {
                    part.offer(n, row.status, (Reverse(row.last_activity), row.id), || {
                        row.owned()
                    })
                }
                None => {
                    let row: CaseSummary = codec::decode(value, "case row", seal)?;
                    let key = (Reverse(row.last_activity), row.id);
                    part.offer(n, row.status, key, || row);
                }
            }
        }
    }
    Ok(part)
}

impl Store {
    /// The first `n` rows of the case list as it starts (open cases, newest last activity first,
    /// equal times in id order) and how many cases are open and in all, without building every
    /// row: what [`Store::case_rows`] gives, filtered and sorted so, cut at `n`.
    ///
    /// Errors: as [`Store::case_rows`] (a row or pack that can't be read).
    pub fn newest_open_case_rows(&self, n: usize) -> Result<NewestOpen> {
        self.seen(self.newest_open_inner(n))
    }

    fn newest_open_inner(&self, n: usize) -> Result<NewestOpen> {
        // The packs are shared buffers of sled's cache: gathering them copies nothing.
        let packs: Vec<sled::IVec> = guard(|| {
            self.tree(T::CaseRows)
                .iter()
                .values()
                .collect::<std::result::Result<Vec<_>, _>>()
        })??;
        let seal = self.seal();
        let part = if packs.len() < 64 {
            read_part(&packs, n, seal)?
        } else {
            let (low, high) = packs.split_at(packs.len() / 2);
            let (low, high) = std::thread::scope(|s| {
                let high = s.spawn(|| read_part(high, n, seal));
                (read_part(low, n, seal), high.join())
            });
            let high =
                high.map_err(|_| crate::store::Unreadable::DecodeStopped { what: "case row" })??;
            low?.merge(high, n)
        };
        let mut rows: Vec<Candidate> = part.best.into_vec();
        rows.sort_unstable();
        Ok(NewestOpen {
            rows: rows.into_iter().map(|c| c.row).collect(),
            open: part.open,
            total: part.total,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row(id: u64) -> CaseSummary {
        CaseSummary {
            id: CaseId(id),
            family: FamilyId(7),
            child: ChildId(9),
            child_name: "Noor".into(),
            family_name: "Pauwels".into(),
            groep: "5".into(),
            school: "De Linde".into(),
            question: "Leest niet graag".into(),
            status: CaseStatus::Lopend,
            lead_side: Some(Side::Zorg),
            flagged: true,
            last_activity: NaiveDate::from_ymd_opt(2026, 11, 2)
                .and_then(|d| d.and_hms_milli_opt(10, 15, 0, 250))
                .expect("time"),
            open_onderwijs: 2,
            open_zorg: 3,
            next_deadline: NaiveDate::from_ymd_opt(2026, 12, 1),
        }
    }

    #[test]
    fn a_borrowed_row_reads_every_field() {
        for next_deadline in [None, NaiveDate::from_ymd_opt(2026, 12, 1)] {
            let whole = CaseSummary {
                next_deadline,
                ..row(4)
            };
            let bytes = codec::encode(&whole, None).expect("encode");
            let read = borrowed(&bytes).expect("read borrowed");
            assert_eq!(read.owned(), whole);
        }
    }

    #[test]
    fn a_row_of_another_format_goes_to_the_whole_decode() {
        let mut bytes = codec::encode(&row(4), None).expect("encode");
        bytes[0] = 2;
        assert!(borrowed(&bytes).is_none());
        let mut longer = codec::encode(&row(4), None).expect("encode");
        longer.push(0);
        assert!(borrowed(&longer).is_none(), "trailing bytes are not a row");
    }
}
