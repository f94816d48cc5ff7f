//! Acties (screen 3): every action, grouped by when it is due, filtered by side, owner and due.
//! The list keeps a 40-byte entry per action (what it sorts, filters and counts by), read from
//! the actions' facts (no texts), and reads the whole rows of the page on screen from the
//! store's deadline index, which carries what the list shows: at 50,000 cases the open actions
//! alone are 151,000 rows.

pub mod view;

use super::app::App;
use super::msg::ActiesFilterStep;
use super::update::Problem;
use crate::domain::{ActionEntry, ActionId, ActionSummary, CaseId, PersonId, Side};
use crate::store::Store;
use chrono::NaiveDate;
use std::collections::HashMap;

/// When an action is due, as the list groups it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Due {
    Overdue,
    Today,
    Week,
    Later,
    Never,
}

impl Due {
    pub const ALL: [Due; 5] = [Due::Overdue, Due::Today, Due::Week, Due::Later, Due::Never];

    pub fn of(deadline: Option<NaiveDate>, today: NaiveDate) -> Due {
        Week::of(today).due(deadline)
    }
}

/// Today and the end of its week, what a deadline is measured against: made once per sort.
/// Working out the week's end in every comparison was most of sorting screen 3 (about 0.2 s
/// for 151,000 open actions at 50,000 cases, on every `3`).
#[derive(Debug, Clone, Copy)]
struct Week {
    today: NaiveDate,
    sunday: NaiveDate,
}

impl Week {
    fn of(today: NaiveDate) -> Week {
        let sunday = crate::domain::dates::end_of_week(today);
        Week { today, sunday }
    }

    fn due(&self, deadline: Option<NaiveDate>) -> Due {
        match deadline {
            None => Due::Never,
            Some(d) if d < self.today => Due::Overdue,
            Some(d) if d == self.today => Due::Today,
            Some(d) if d <= self.sunday => Due::Week,
            Some(_) => Due::Later,
        }
    }
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ActionFilter {
    pub side: Option<Side>,
    pub due: Option<Due>,
    /// Only the actions of the user ("Mijn acties").
    pub mine: bool,
    pub show_done: bool,
}

#[derive(Debug, Default)]
pub struct ActionList {
    pub rows: Vec<ActionEntry>,
    pub visible: Vec<usize>,
    pub selected: usize,
    pub filter: ActionFilter,
    pub loaded: bool,
    /// The whole rows around the cursor, read by [`fill_page`]; at most [`PAGE_KEEP`].
    pub page: HashMap<ActionId, ActionSummary>,
    /// For the finished rows of the page: why each was cancelled (`None`: done). The row says
    /// only that it is finished, so the action's record is read for this.
    pub cancelled: HashMap<ActionId, Option<String>>,
    /// The day and the user the list was last sorted and filtered for ([`apply`]); patches keep
    /// it so since.
    pub applied_for: Option<(NaiveDate, Option<PersonId>)>,
}

/// How many whole rows the list keeps at most: a few screens' worth around the cursor.
pub const PAGE_KEEP: usize = 1024;

/// Rows above and below the cursor read when the terminal's height is not known yet.
const PAGE_REACH: usize = 64;

impl ActionList {
    /// Lets go of the rows, keeping the filter: the next [`show`] reads them again.
    pub fn forget_rows(&mut self) {
        let filter = std::mem::take(&mut self.filter);
        *self = ActionList {
            filter,
            ..ActionList::default()
        };
    }

    /// Puts the cursor on action `id`, if the filter shows it.
    pub fn select(&mut self, id: ActionId) {
        let rows = &self.rows;
        if let Some(at) = self
            .visible
            .iter()
            .position(|i| rows.get(*i).is_some_and(|r| r.id == id))
        {
            self.selected = at;
        }
    }

    /// The action under the cursor.
    pub fn selected_row(&self) -> Option<&ActionEntry> {
        self.visible
            .get(self.selected)
            .and_then(|i| self.rows.get(*i))
    }

    /// The whole row of `entry`, when it has been read.
    pub fn whole(&self, entry: &ActionEntry) -> Option<&ActionSummary> {
        self.page.get(&entry.id)
    }

    /// Why `entry` was cancelled, once read; `None` for an open or done one.
    pub fn cancelled(&self, entry: &ActionEntry) -> Option<&str> {
        self.cancelled.get(&entry.id)?.as_deref()
    }
}

/// Reads the whole rows a screen of `height` rows can show around the cursor (every row the
/// view's window may hold), keeping at most [`PAGE_KEEP`]. Nothing when screen 3 is not loaded.
pub fn fill_page(list: &mut ActionList, store: &Store, height: usize) -> Result<(), Problem> {
    if !list.loaded {
        return Ok(());
    }
    let reach = if height == 0 { PAGE_REACH } else { height };
    let from = list.selected.saturating_sub(reach);
    let to = list
        .selected
        .saturating_add(reach + 1)
        .min(list.visible.len());
    let wanted = |list: &ActionList| -> Vec<ActionEntry> {
        list.visible[from..to]
            .iter()
            .filter_map(|i| list.rows.get(*i))
            .filter(|e| !list.page.contains_key(&e.id))
            .copied()
            .collect()
    };
    let mut missing = wanted(list);
    if list.page.len() + missing.len() > PAGE_KEEP {
        list.page.clear();
        list.cancelled.clear();
        missing = wanted(list);
    }
    for entry in missing {
        if let Some(row) = store.action_row_of(&entry)? {
            list.page.insert(entry.id, row);
        }
    }
    let unread: Vec<ActionId> = list.visible[from..to]
        .iter()
        .filter_map(|i| list.rows.get(*i))
        .filter(|e| e.done && !list.cancelled.contains_key(&e.id))
        .map(|e| e.id)
        .collect();
    for id in unread {
        let why = store.action(id)?.and_then(|a| a.done?.cancelled);
        list.cancelled.insert(id, why);
    }
    Ok(())
}

/// Screen 3 shown: its rows are read the first time only. After that every change has been
/// patched into them (`patch::apply`), and a whole reload of the app marks them unread
/// (`load::refresh`). Reading them again on every `3` took 0.2–0.5 s at 50,000 cases (151,000
/// open actions).
///
/// Errors: the rows could not be read.
pub fn show(app: &mut App, store: &Store) -> Result<(), Problem> {
    if !app.actions.loaded && app.later.entries_pending() {
        // Read after the first frame on a thread (`later`): the screen fills when they come.
        app.info(crate::i18n::tui::LOADING_ACTIES.get(app.lang));
        return Ok(());
    }
    if !app.actions.loaded {
        return Ok(load(app, store)?);
    }
    // Sorted again only when the day or who "me" is changed since.
    let me = app.config.me.map(PersonId);
    if app.actions.applied_for != Some((app.today, me)) {
        apply(&mut app.actions, app.today, me);
    }
    Ok(())
}

/// Reads the action rows screen 3 shows (open ones; done ones too when asked).
///
/// Errors: the rows could not be read.
pub fn load(app: &mut App, store: &Store) -> crate::store::Result<()> {
    // The old list goes before the new one is read: both at once were the peak of `D`.
    app.actions.rows = Vec::new();
    app.actions.visible = Vec::new();
    app.actions.page.clear();
    // Room for every action there can be, at once: grown by doubling, a list of 438,000 rows
    // copied itself inside the heap and left the old copies behind (`D` peaked ~10 MB higher).
    // Room never written to takes no memory.
    let every = usize::try_from(store.next_ids().action).unwrap_or(0);
    let mut rows = Vec::with_capacity(every);
    store.append_action_entries(true, app.actions.filter.show_done, &mut rows)?;
    app.actions.rows = rows;
    app.actions.cancelled.clear();
    app.actions.loaded = true;
    apply(&mut app.actions, app.today, app.config.me.map(PersonId));
    Ok(())
}

/// One step of a filter; the cursor goes back to the top. Showing done ones reads them.
pub fn filter(app: &mut App, store: &Store, step: ActiesFilterStep) -> Result<(), Problem> {
    let f = &mut app.actions.filter;
    match step {
        ActiesFilterStep::Side => f.side = crate::tui::cases::next_side(f.side),
        ActiesFilterStep::Due => {
            let pos = f.due.and_then(|d| Due::ALL.iter().position(|x| *x == d));
            f.due = match pos {
                None => Some(Due::ALL[0]),
                Some(i) => Due::ALL.get(i + 1).copied(),
            };
        }
        ActiesFilterStep::Mine => {
            if app.config.me.is_none() {
                app.info(crate::i18n::tui::NO_ME.get(app.lang));
                return Ok(());
            }
            f.mine = !f.mine;
        }
        ActiesFilterStep::ShowDone => {
            f.show_done = !f.show_done;
            app.actions.selected = 0;
            return Ok(load(app, store)?);
        }
    }
    app.actions.selected = 0;
    apply(&mut app.actions, app.today, app.config.me.map(PersonId));
    Ok(())
}

/// Open actions per side, and how many of them are overdue.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Counts {
    pub open: [usize; 2],
    pub overdue: [usize; 2],
}

pub fn counts(rows: &[ActionEntry], today: NaiveDate) -> Counts {
    let mut c = Counts::default();
    for r in rows.iter().filter(|r| !r.done) {
        let s = r.side.to_byte() as usize;
        c.open[s] += 1;
        if r.is_overdue(today) {
            c.overdue[s] += 1;
        }
    }
    c
}

/// Whether the filter shows row `r` (`me`: the user, for "Mijn acties").
fn shown(f: &ActionFilter, r: &ActionEntry, week: Week, me: Option<PersonId>) -> bool {
    (f.show_done || !r.done)
        && f.side.is_none_or(|s| r.side == s)
        && (!f.mine || (me.is_some() && r.owner == me))
        && f.due.is_none_or(|d| week.due(r.deadline) == d)
}

/// The list's order: open before done, then by when due, the deadline, the id (a total order, so
/// a full sort and a patch put every row in the same place).
fn key(r: &ActionEntry, week: Week) -> (bool, Due, Option<NaiveDate>, ActionId) {
    (r.done, week.due(r.deadline), r.deadline, r.id)
}

pub fn apply(list: &mut ActionList, today: NaiveDate, me: Option<PersonId>) {
    // One block, as for the rows.
    let week = Week::of(today);
    let mut visible: Vec<usize> = Vec::with_capacity(list.rows.len());
    visible.extend(
        list.rows
            .iter()
            .enumerate()
            .filter(|(_, r)| shown(&list.filter, r, week, me))
            .map(|(i, _)| i),
    );
    let rows = &list.rows;
    // The key is a total order and cheap to make: sorting in place spares the 27 MB of cached
    // keys and merge buffer a stable sort of 438,000 rows took.
    visible.sort_unstable_by_key(|i| key(&rows[*i], week));
    list.visible = visible;
    list.selected = list.selected.min(list.visible.len().saturating_sub(1));
    list.applied_for = Some((today, me));
}

impl ActionList {
    /// The rows of the cases a change touched, derived again (`fresh`, done ones included: a row
    /// the filter hides stays in `rows`, hidden). Rows are replaced in place and only they move in
    /// the list; an action that is gone (an undone new one) rebuilds the list.
    pub fn patch(
        &mut self,
        cases: &std::collections::BTreeSet<CaseId>,
        fresh: Vec<ActionSummary>,
        today: NaiveDate,
        me: Option<PersonId>,
    ) {
        // The whole rows are at hand: what is on screen shows them without a read.
        self.page.retain(|_, r| !cases.contains(&r.case));
        // Read again by the next `fill_page`: a change may have cancelled them.
        let touched: Vec<ActionId> = self
            .rows
            .iter()
            .filter(|r| cases.contains(&r.case))
            .map(|r| r.id)
            .collect();
        for id in touched {
            self.cancelled.remove(&id);
        }
        let fresh: Vec<ActionEntry> = fresh
            .into_iter()
            .map(|r| {
                let entry = ActionEntry::from(&r);
                self.page.insert(r.id, r);
                entry
            })
            .collect();
        let gone = self
            .rows
            .iter()
            .filter(|r| cases.contains(&r.case))
            .any(|r| !fresh.iter().any(|f| f.id == r.id));
        if gone {
            self.rows.retain(|r| !cases.contains(&r.case));
            self.rows.extend(fresh);
            return apply(self, today, me);
        }
        let mut fresh: HashMap<ActionId, ActionEntry> =
            fresh.into_iter().map(|r| (r.id, r)).collect();
        let mut changed = Vec::new();
        for (i, row) in self.rows.iter_mut().enumerate() {
            if !cases.contains(&row.case) {
                continue;
            }
            if let Some(new) = fresh.remove(&row.id) {
                if new != *row {
                    *row = new;
                    changed.push(i);
                }
            }
        }
        for row in fresh.into_values() {
            changed.push(self.rows.len());
            self.rows.push(row);
        }
        self.visible.retain(|i| !changed.contains(i));
        let week = Week::of(today);
        for i in changed {
            if shown(&self.filter, &self.rows[i], week, me) {
                let k = key(&self.rows[i], week);
                let at = self
                    .visible
                    .partition_point(|j| key(&self.rows[*j], week) < k);
                self.visible.insert(at, i);
            }
        }
        self.selected = self.selected.min(self.visible.len().saturating_sub(1));
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::{ActionId, CaseId};

    fn row(
        id: u64,
        side: Side,
        deadline: Option<NaiveDate>,
        done: bool,
        owner: u64,
    ) -> ActionEntry {
        ActionEntry {
            id: ActionId(id),
            case: CaseId(1),
            owner: Some(PersonId(owner)),
            side,
            deadline,
            done,
        }
    }

    #[test]
    fn an_entry_stays_small() {
        // 438,000 of them at 50,000 cases with done ones shown: each 8 bytes more is 3.5 MB.
        assert!(std::mem::size_of::<ActionEntry>() <= 40);
    }

    #[test]
    fn buckets_and_filters_with_a_fixed_today() {
        let today = NaiveDate::from_ymd_opt(2026, 11, 23).unwrap_or_default(); // a Monday
        let d = |day| NaiveDate::from_ymd_opt(2026, 11, day);
        assert_eq!(Due::of(d(22), today), Due::Overdue);
        assert_eq!(Due::of(d(23), today), Due::Today);
        assert_eq!(Due::of(d(29), today), Due::Week);
        assert_eq!(Due::of(d(30), today), Due::Later);
        assert_eq!(Due::of(None, today), Due::Never);

        let mut list = ActionList {
            rows: vec![
                row(1, Side::Zorg, d(30), false, 5),
                row(2, Side::Onderwijs, d(20), false, 6),
                row(3, Side::Zorg, d(24), true, 5),
                row(4, Side::Zorg, None, false, 5),
                row(5, Side::Zorg, d(23), false, 6),
            ],
            ..Default::default()
        };
        apply(&mut list, today, Some(PersonId(5)));
        let ids = |l: &ActionList| {
            l.visible
                .iter()
                .map(|i| l.rows[*i].id.0)
                .collect::<Vec<_>>()
        };
        assert_eq!(ids(&list), vec![2, 5, 1, 4]);
        list.filter.side = Some(Side::Zorg);
        list.filter.mine = true;
        apply(&mut list, today, Some(PersonId(5)));
        assert_eq!(ids(&list), vec![1, 4]);
        list.filter.show_done = true;
        apply(&mut list, today, Some(PersonId(5)));
        assert_eq!(ids(&list), vec![1, 4, 3]);
        list.filter = ActionFilter {
            due: Some(Due::Overdue),
            ..Default::default()
        };
        apply(&mut list, today, None);
        assert_eq!(ids(&list), vec![2]);
        let c = counts(&list.rows, today);
        assert_eq!(
            c,
            Counts {
                open: [1, 3],
                overdue: [1, 0]
            }
        );
    }
}
