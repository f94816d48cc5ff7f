//! Acties (screen 3): every action, grouped by when it is due, filtered by side, owner and due.
//! The rows come from the store's deadline index, which carries what the list shows.

pub mod view;

use super::app::App;
use super::msg::ActiesFilterStep;
use super::update::Problem;
use crate::domain::{ActionId, ActionSummary, CaseId, PersonId, Side};
use crate::store::Store;
use chrono::NaiveDate;

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
        let sunday = crate::domain::dates::end_of_week(today);
        match deadline {
            None => Due::Never,
            Some(d) if d < today => Due::Overdue,
            Some(d) if d == today => Due::Today,
            Some(d) if d <= sunday => Due::Week,
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
    pub rows: Vec<ActionSummary>,
    pub visible: Vec<usize>,
    pub selected: usize,
    pub filter: ActionFilter,
    pub loaded: bool,
}

impl ActionList {
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
    pub fn selected_row(&self) -> Option<&ActionSummary> {
        self.visible
            .get(self.selected)
            .and_then(|i| self.rows.get(*i))
    }
}

/// Reads the action rows screen 3 shows (open ones; done ones too when asked).
pub fn load(app: &mut App, store: &Store) -> Result<(), Problem> {
    let mut rows = store.action_rows(false, None, None)?;
    if app.actions.filter.show_done {
        rows.extend(store.action_rows(true, None, None)?);
    }
    app.actions.rows = rows;
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
            return load(app, store);
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

pub fn counts(rows: &[ActionSummary], today: NaiveDate) -> Counts {
    let mut c = Counts::default();
    for r in rows.iter().filter(|r| r.done.is_none()) {
        let s = r.side.to_byte() as usize;
        c.open[s] += 1;
        if r.is_overdue(today) {
            c.overdue[s] += 1;
        }
    }
    c
}

/// Whether the filter shows row `r` (`me`: the user, for "Mijn acties").
fn shown(f: &ActionFilter, r: &ActionSummary, today: NaiveDate, me: Option<PersonId>) -> bool {
    (f.show_done || r.done.is_none())
        && f.side.is_none_or(|s| r.side == s)
        && (!f.mine || (me.is_some() && r.owner == me))
        && f.due.is_none_or(|d| Due::of(r.deadline, today) == d)
}

/// The list's order: open before done, then by when due, the deadline, the id (a total order, so
/// a full sort and a patch put every row in the same place).
fn key(r: &ActionSummary, today: NaiveDate) -> (bool, Due, Option<NaiveDate>, ActionId) {
    (
        r.done.is_some(),
        Due::of(r.deadline, today),
        r.deadline,
        r.id,
    )
}

pub fn apply(list: &mut ActionList, today: NaiveDate, me: Option<PersonId>) {
    let mut visible: Vec<usize> = list
        .rows
        .iter()
        .enumerate()
        .filter(|(_, r)| shown(&list.filter, r, today, me))
        .map(|(i, _)| i)
        .collect();
    let rows = &list.rows;
    visible.sort_by_cached_key(|i| key(&rows[*i], today));
    list.visible = visible;
    list.selected = list.selected.min(list.visible.len().saturating_sub(1));
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
        let mut fresh: std::collections::HashMap<ActionId, ActionSummary> =
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
        for i in changed {
            if shown(&self.filter, &self.rows[i], today, me) {
                let k = key(&self.rows[i], today);
                let at = self
                    .visible
                    .partition_point(|j| key(&self.rows[*j], today) < k);
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
    ) -> ActionSummary {
        ActionSummary {
            id: ActionId(id),
            case: CaseId(1),
            child_name: "Sem de Vries".into(),
            groep: "4".into(),
            text: format!("actie {id}"),
            owner: Some(PersonId(owner)),
            side,
            deadline,
            done: done.then(|| {
                NaiveDate::from_ymd_opt(2026, 11, 1)
                    .unwrap_or_default()
                    .and_hms_opt(9, 0, 0)
                    .unwrap_or_default()
            }),
        }
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
