//! After a change, the screens patch in what it touched instead of reading the whole store again
//! (issue 10): the case rows of the cases, families and actions it wrote, the people and meetings
//! it wrote, and screen 3's rows of those actions and cases. The lookup is rebuilt only when a
//! name or a question changed. `tests` checks that a patched app equals a fresh reload.

use super::app::App;
use crate::domain::{
    ActionId, ActionSummary, CaseId, CaseSummary, FamilyId, MeetingId, Person, PersonId,
};
use crate::store::{Result, Store, Undo};
use std::collections::{BTreeMap, BTreeSet, HashMap};

/// The records one change (or its undo) wrote.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Touched {
    pub cases: BTreeSet<CaseId>,
    pub families: BTreeSet<FamilyId>,
    pub persons: BTreeSet<PersonId>,
    pub actions: BTreeSet<ActionId>,
    pub meetings: BTreeSet<MeetingId>,
    /// Cases whose actions were written, as they were before the change (an action moved to
    /// another case, or removed by an undo, changes its old case's row too).
    pub cases_of_old_actions: BTreeSet<CaseId>,
    /// What the lookup finds of each family written, as it was before the change
    /// ([`super::lookup::family_words`]; empty for a new one).
    pub family_words_before: BTreeMap<FamilyId, Vec<String>>,
}

impl Touched {
    /// Adds the records `other` wrote. The families' words from before are left out: they tell
    /// the lookup to build again, and what gathers changes this way (the reads after the first
    /// frame, `super::later`) has the lookup built afresh when they come.
    pub fn add_records(&mut self, other: &Touched) {
        self.cases.extend(&other.cases);
        self.families.extend(&other.families);
        self.persons.extend(&other.persons);
        self.actions.extend(&other.actions);
        self.meetings.extend(&other.meetings);
        self.cases_of_old_actions
            .extend(&other.cases_of_old_actions);
    }

    /// What `undo` would put back is exactly what its change wrote.
    pub fn of(undo: &Undo) -> Touched {
        Touched {
            cases: undo.cases.keys().copied().collect(),
            families: undo.families.keys().copied().collect(),
            persons: undo.persons.keys().copied().collect(),
            actions: undo.actions.keys().copied().collect(),
            meetings: undo.meetings.keys().copied().collect(),
            cases_of_old_actions: undo.actions.values().flatten().map(|a| a.case).collect(),
            family_words_before: undo
                .families
                .iter()
                .map(|(id, f)| {
                    (
                        *id,
                        f.as_ref()
                            .map(super::lookup::family_words)
                            .unwrap_or_default(),
                    )
                })
                .collect(),
        }
    }
}

/// Patches the app after a change that wrote `touched`.
pub fn apply(store: &Store, app: &mut App, touched: &Touched) -> Result<()> {
    let mut names_changed = persons(store, app, touched)?;
    meetings(store, app, touched)?;
    let cases = affected_cases(store, app, touched)?;
    names_changed |= case_rows(store, app, &cases)?;
    if app.actions.loaded {
        action_rows(store, app, &cases)?;
    }
    // A family written may have a carer or a child without a case renamed, added or removed:
    // the lookup finds those too. Most writes of a family change none of that.
    names_changed |= family_words_changed(store, touched)?;
    if names_changed {
        app.lookup
            .rebuild(app.cases.rows.clone(), app.persons.clone());
    }
    Ok(())
}

/// True when a family written now gives the lookup other words than before the change.
fn family_words_changed(store: &Store, touched: &Touched) -> Result<bool> {
    for (id, before) in &touched.family_words_before {
        let now = store
            .family(*id)?
            .map(|f| super::lookup::family_words(&f))
            .unwrap_or_default();
        if now != *before {
            return Ok(true);
        }
    }
    Ok(false)
}

/// The people written, read again, the cursor of screen 4 on the same person; true when one of
/// them changed (the lookup shows their name, role and organisation).
fn persons(store: &Store, app: &mut App, touched: &Touched) -> Result<bool> {
    if touched.persons.is_empty() {
        return Ok(false);
    }
    let selected = app.persons.get(app.kaart_selected).map(|p| p.id);
    let mut all = std::mem::take(&mut app.persons);
    let before: HashMap<PersonId, Person> = all
        .iter()
        .filter(|p| touched.persons.contains(&p.id))
        .map(|p| (p.id, p.clone()))
        .collect();
    all.retain(|p| !touched.persons.contains(&p.id));
    let mut changed = false;
    for id in &touched.persons {
        let fresh = store.person(*id)?;
        changed |= before.get(id) != fresh.as_ref();
        all.extend(fresh);
    }
    // In the store's order first, so people with the same name keep the order a reload gives.
    all.sort_by_key(|p| p.id);
    app.set_persons(all);
    if let Some(at) = selected.and_then(|id| app.persons.iter().position(|p| p.id == id)) {
        app.kaart_selected = at;
    }
    Ok(changed)
}

fn meetings(store: &Store, app: &mut App, touched: &Touched) -> Result<()> {
    for id in &touched.meetings {
        app.meetings.retain(|m| m.id != *id);
        app.meetings.extend(store.meeting(*id)?);
    }
    app.meetings.sort_by_key(|m| m.id);
    Ok(())
}

/// Every case whose row may have changed: the cases written, the cases of the actions written
/// (before and after), and the cases of the families written (names, groep and school come from
/// the family).
fn affected_cases(store: &Store, app: &App, touched: &Touched) -> Result<BTreeSet<CaseId>> {
    let mut cases = touched.cases.clone();
    cases.extend(&touched.cases_of_old_actions);
    for id in &touched.actions {
        cases.extend(store.action(*id)?.map(|a| a.case));
    }
    if !touched.families.is_empty() {
        cases.extend(
            app.cases
                .rows
                .iter()
                .filter(|r| touched.families.contains(&r.family))
                .map(|r| r.id),
        );
        for family in &touched.families {
            cases.extend(store.cases_of_family(*family)?.iter().map(|c| c.id));
        }
    }
    Ok(cases)
}

/// The case rows of `cases` read again and patched into the list, the cursor on the same case.
/// True when a name or a question changed, or a row came or went.
fn case_rows(store: &Store, app: &mut App, cases: &BTreeSet<CaseId>) -> Result<bool> {
    if cases.is_empty() {
        return Ok(false);
    }
    let selected = app.cases.selected_row().map(|r| r.id);
    let mut fresh: HashMap<CaseId, Option<CaseSummary>> = HashMap::new();
    for id in cases {
        fresh.insert(*id, store.case_row(*id)?);
    }
    let changed = app.cases.patch(fresh, app.today);
    if let Some(id) = selected {
        app.cases.select(id);
    }
    Ok(changed)
}

/// Screen 3's rows of the affected cases, derived again as the store derives them (done ones
/// too: the filter decides what shows).
fn action_rows(store: &Store, app: &mut App, cases: &BTreeSet<CaseId>) -> Result<()> {
    let mut fresh = Vec::new();
    for case_id in cases {
        let case = store.case(*case_id)?;
        let family = match &case {
            Some(c) => store.family(c.family)?,
            None => None,
        };
        for action in store.actions_of_case(*case_id)? {
            fresh.push(ActionSummary::derive(
                &action,
                case.as_ref(),
                family.as_ref(),
            ));
        }
    }
    let me = app.config.me.map(PersonId);
    let selected = app.actions.selected_row().map(|r| r.id);
    app.actions.patch(cases, fresh, app.today, me);
    if let Some(id) = selected {
        app.actions.select(id);
    }
    Ok(())
}
