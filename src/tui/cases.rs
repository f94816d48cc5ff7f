//! Casussen (screen 2): the list of cases, its filters and sorting. The rows are in memory;
//! filtering and sorting never read the store.

pub mod rows;
pub mod view;

use super::msg::CaseFilterStep;
use crate::domain::{CaseId, CaseStatus, CaseSummary, Side};
use chrono::NaiveDate;
pub use rows::Rows;
use std::cmp::Ordering;
use std::collections::HashMap;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum SortBy {
    #[default]
    LastActivity,
    NextDeadline,
    Name,
}

/// Filters of the case list; `None` means "all".
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct CaseFilter {
    pub status: Option<CaseStatus>,
    /// Open cases only (the default view): closed ones appear when the status filter asks.
    pub open_only: bool,
    pub side: Option<Side>,
    pub flagged_only: bool,
    pub school: Option<String>,
}

#[derive(Debug, Default)]
pub struct CaseList {
    /// Shared with the lookup's worker while it builds its entries: handing them over copies
    /// nothing, and a change copies only pointers if the worker still holds them.
    pub rows: Rows,
    /// Where each case's row is in `rows`.
    pub by_id: HashMap<CaseId, usize>,
    /// Each row's place in name order, made the first time the list is sorted by name.
    pub name_rank: std::sync::OnceLock<Vec<u32>>,
    /// Indexes into `rows`, filtered and sorted.
    pub visible: Vec<usize>,
    pub selected: usize,
    pub filter: CaseFilter,
    pub sort: SortBy,
    pub schools: Vec<String>,
    /// While only a first page is loaded (the page kept from the last session while the store
    /// opens, or the store's newest open rows before the rest is read): the counts of the whole
    /// list, shown instead of the loaded rows' own.
    pub counts: Option<(usize, usize)>,
}

impl CaseList {
    /// New rows from the store: the id index and the schools are derived once here, not on
    /// every filter key.
    pub fn set_rows(&mut self, rows: impl Into<Rows>) {
        let rows = rows.into();
        self.by_id = rows.iter().enumerate().map(|(i, r)| (r.id, i)).collect();
        let schools: std::collections::BTreeSet<&str> = rows
            .iter()
            .map(|r| r.school.as_str())
            .filter(|s| !s.is_empty())
            .collect();
        self.schools = schools.into_iter().map(str::to_string).collect();
        self.name_rank = std::sync::OnceLock::new();
        self.counts = None;
        self.rows = rows;
    }

    /// The row under the cursor.
    pub fn selected_row(&self) -> Option<&CaseSummary> {
        self.visible
            .get(self.selected)
            .and_then(|i| self.rows.get(*i))
            .map(|r| &**r)
    }

    /// Puts the cursor on case `id`, if the filter shows it.
    pub fn select(&mut self, id: CaseId) {
        if let Some(pos) = self
            .visible
            .iter()
            .position(|i| self.rows.get(*i).is_some_and(|r| r.id == id))
        {
            self.selected = pos;
        }
    }

    pub fn row(&self, id: CaseId) -> Option<&CaseSummary> {
        self.by_id
            .get(&id)
            .and_then(|i| self.rows.get(*i))
            .map(|r| &**r)
    }
}

/// One step of a filter or the sort; the cursor goes back to the top.
pub fn filter(list: &mut CaseList, step: CaseFilterStep, today: NaiveDate) {
    let f = &mut list.filter;
    match step {
        CaseFilterStep::Status => {
            // open cases (the default) → each status → everything → open cases
            let states = [
                (None, true),
                (Some(CaseStatus::Aangemeld), false),
                (Some(CaseStatus::Intake), false),
                (Some(CaseStatus::Lopend), false),
                (Some(CaseStatus::Afgesloten), false),
                (None, false),
            ];
            let pos = states
                .iter()
                .position(|s| *s == (f.status, f.open_only))
                .unwrap_or(0);
            (f.status, f.open_only) = states[(pos + 1) % states.len()];
        }
        CaseFilterStep::Side => f.side = next_side(f.side),
        CaseFilterStep::Flagged => f.flagged_only = !f.flagged_only,
        CaseFilterStep::School => {
            let schools = &list.schools;
            f.school = match &f.school {
                None => schools.first().cloned(),
                Some(s) => schools
                    .iter()
                    .position(|x| x == s)
                    .and_then(|i| schools.get(i + 1))
                    .cloned(),
            }
        }
        CaseFilterStep::Sort => {
            list.sort = match list.sort {
                SortBy::LastActivity => SortBy::NextDeadline,
                SortBy::NextDeadline => SortBy::Name,
                SortBy::Name => SortBy::LastActivity,
            }
        }
    }
    list.selected = 0;
    apply_filter(list, today);
}

/// All sides → onderwijs → zorg → all sides (the same cycle on screens 2 and 3).
pub fn next_side(side: Option<Side>) -> Option<Side> {
    match side {
        None => Some(Side::Onderwijs),
        Some(Side::Onderwijs) => Some(Side::Zorg),
        Some(Side::Zorg) => None,
    }
}

/// Whether the filter shows row `r`.
fn shown(f: &CaseFilter, r: &CaseSummary) -> bool {
    let status = match f.status {
        Some(s) => r.status == s,
        None => !f.open_only || r.status.is_open(),
    };
    status
        && f.side.is_none_or(|s| r.lead_side == Some(s))
        && (!f.flagged_only || r.flagged)
        && f.school.as_ref().is_none_or(|s| &r.school == s)
}

/// The list's order of rows `a` and `b`: by the sort's key, equal keys in row order (the store's
/// order), so a full sort and a patch put every row in the same place. `rank` is the name order,
/// needed only when sorting by name.
fn order(list: &CaseList, rank: &[u32], today: NaiveDate, a: usize, b: usize) -> Ordering {
    let (ra, rb) = (&list.rows[a], &list.rows[b]);
    let deadline = |r: &CaseSummary| {
        (
            r.next_deadline.is_none(),
            r.next_deadline,
            !r.is_overdue(today),
        )
    };
    let by_key = match list.sort {
        SortBy::LastActivity => rb.last_activity.cmp(&ra.last_activity),
        SortBy::NextDeadline => deadline(ra).cmp(&deadline(rb)),
        SortBy::Name => rank.get(a).cmp(&rank.get(b)),
    };
    by_key.then(a.cmp(&b))
}

/// The name order, when the list is sorted by name (made once per set of rows).
fn rank_for(list: &CaseList) -> Vec<u32> {
    match list.sort {
        SortBy::Name => list.name_rank.get_or_init(|| name_rank(&list.rows)).clone(),
        _ => Vec::new(),
    }
}

/// Filters and sorts the case list (pure; the rows are already in memory).
pub fn apply_filter(list: &mut CaseList, today: NaiveDate) {
    let mut visible: Vec<usize> = list
        .rows
        .iter()
        .enumerate()
        .filter(|(_, r)| shown(&list.filter, r))
        .map(|(i, _)| i)
        .collect();
    let rank = rank_for(list);
    visible.sort_unstable_by(|a, b| order(list, &rank, today, *a, *b));
    list.visible = visible;
    list.selected = list.selected.min(list.visible.len().saturating_sub(1));
}

impl CaseList {
    /// Rows read again after a change (`None`: the case is gone). When only rows already in the
    /// list changed (the common case), they are replaced in place and only they move in the
    /// list; rows that came or went rebuild the list. True when a name or a question changed, or
    /// a row came or went (what the lookup searches).
    pub fn patch(&mut self, fresh: HashMap<CaseId, Option<CaseSummary>>, today: NaiveDate) -> bool {
        let came_or_went = fresh
            .iter()
            .any(|(id, row)| self.by_id.contains_key(id) != row.is_some());
        if came_or_went {
            let mut rows = std::mem::take(&mut self.rows).into_vec();
            rows.retain(|r| !fresh.contains_key(&r.id));
            rows.extend(fresh.into_values().flatten().map(std::sync::Arc::new));
            rows.sort_by_key(|r| r.id);
            self.set_rows(rows);
            apply_filter(self, today);
            return true;
        }
        let mut changed = Vec::with_capacity(fresh.len());
        let (mut searched, mut names, mut schools) = (false, false, false);
        for (id, row) in fresh.into_iter().filter_map(|(id, r)| Some((id, r?))) {
            let Some(&i) = self.by_id.get(&id) else {
                continue;
            };
            let old = &self.rows[i];
            names |= old.child_name != row.child_name;
            schools |= old.school != row.school;
            searched |= (&old.child_name, &old.family_name, &old.question)
                != (&row.child_name, &row.family_name, &row.question);
            self.rows.replace(i, row);
            changed.push(i);
        }
        if schools {
            let rows = std::mem::take(&mut self.rows);
            self.set_rows(rows);
        } else if names {
            self.name_rank = std::sync::OnceLock::new();
        }
        if names && self.sort == SortBy::Name {
            apply_filter(self, today);
            return searched;
        }
        self.visible.retain(|i| !changed.contains(i));
        let rank = rank_for(self);
        for i in changed {
            if shown(&self.filter, &self.rows[i]) {
                let at = self
                    .visible
                    .partition_point(|j| order(self, &rank, today, *j, i) == Ordering::Less);
                self.visible.insert(at, i);
            }
        }
        self.selected = self.selected.min(self.visible.len().saturating_sub(1));
        searched
    }
}

/// Each row's place in name order, computed once per set of rows: sorting 50,000 names again on
/// every key would take longer than a frame.
fn name_rank(rows: &[std::sync::Arc<CaseSummary>]) -> Vec<u32> {
    let mut order: Vec<usize> = (0..rows.len()).collect();
    order.sort_by_cached_key(|i| rows[*i].child_name.to_lowercase());
    let mut rank = vec![0u32; rows.len()];
    for (pos, i) in order.into_iter().enumerate() {
        rank[i] = pos as u32;
    }
    rank
}
