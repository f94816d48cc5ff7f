//! The measures counted one record at a time, so a whole store can be measured without holding
//! it: families first, then cases, then actions (the order [`Fold`] needs, because a case's
//! school is on its child in the family, and an action counts only for a case in scope).

use super::tally::Tally;
use super::{Period, Scope};
use crate::domain::{Action, ActionFact, Case, CaseId, ChildId, Family, FamilyId, PersonId};
use chrono::{Datelike, NaiveDate};
use std::collections::{BTreeMap, HashMap, HashSet};

/// What one reader of a share of the actions counted ([`Fold::action_in`]), to be added in
/// with [`Fold::absorb`]: so that several threads can count the actions of one store.
#[derive(Debug, Default)]
pub struct ActionPart {
    /// The counts of the actions (open, overdue, due, on time).
    tally: Tally,
    /// The day each case's earliest action seen so far was created.
    first_action: HashMap<CaseId, NaiveDate>,
}

/// Counts the measures of one [`Scope`]. Feed it every family, then every case, then every
/// action ([`Fold::family`], [`Fold::case`], [`Fold::action`]), then take the counts with
/// [`Fold::finish`]. A case whose child no family fed before named counts as at no school:
/// in scope only when every school is asked for.
#[derive(Debug)]
pub struct Fold {
    scope: Scope,
    /// Whether each child's school is in scope.
    child_in: HashMap<ChildId, bool>,
    /// Different professionals per family during the period.
    family_faces: HashMap<FamilyId, u32>,
    /// Families with a case in scope open during the period.
    families_in: HashSet<FamilyId>,
    /// Every case in scope, with its intake date when that falls in the period.
    cases: HashMap<CaseId, Option<NaiveDate>>,
    /// What [`Fold::action`] counted.
    own: ActionPart,
    /// Every school seen, by its folded name, with the spelling first seen.
    schools: BTreeMap<String, String>,
    seen_spellings: HashSet<String>,
    tally: Tally,
}

impl Fold {
    pub fn new(scope: Scope) -> Fold {
        Fold {
            scope,
            child_in: HashMap::new(),
            family_faces: HashMap::new(),
            families_in: HashSet::new(),
            cases: HashMap::new(),
            own: ActionPart::default(),
            schools: BTreeMap::new(),
            seen_spellings: HashSet::new(),
            tally: Tally::default(),
        }
    }

    /// Takes in a family: its children's schools and its network during the period.
    pub fn family(&mut self, family: &Family) {
        for child in &family.children {
            self.note_school(&child.school);
            let takes = self.scope.takes_school(&child.school);
            self.child_in.insert(child.id, takes);
        }
        let period = self.scope.period;
        let mut people: Vec<PersonId> = family
            .network
            .iter()
            .filter(|i| period.overlaps(i.from, i.until))
            .map(|i| i.person)
            .collect();
        people.sort();
        people.dedup();
        self.family_faces
            .insert(family.id, u32::try_from(people.len()).unwrap_or(u32::MAX));
    }

    fn note_school(&mut self, school: &str) {
        let school = school.trim();
        if school.is_empty() || self.seen_spellings.contains(school) {
            return;
        }
        self.seen_spellings.insert(school.to_string());
        self.schools
            .entry(crate::domain::text::fold(school))
            .or_insert_with(|| school.to_string());
    }

    /// Takes in a case: when it was signalled and taken in, how it was closed, and whether its
    /// family counts for the faces.
    pub fn case(&mut self, case: &Case) {
        let in_scope = self
            .child_in
            .get(&case.child)
            .copied()
            .unwrap_or(self.scope.school.is_none());
        if !in_scope {
            return;
        }
        let period = self.scope.period;
        let t = &mut self.tally;
        if period.contains(case.signal_date) {
            let month = format!(
                "{:04}-{:02}",
                case.signal_date.year(),
                case.signal_date.month()
            );
            *t.new_cases.entry(month).or_default().of(case.signal) += 1;
            if case.intake_date.is_none() {
                t.without_intake += 1;
            }
        }
        let intake = case.intake_date.filter(|d| period.contains(*d));
        if let Some(day) = intake {
            t.signal_to_intake.add(days_between(case.signal_date, day));
        }
        for closing in case.closings.iter().filter(|c| period.contains(c.closed)) {
            *t.closings.of(closing.outcome) += 1;
        }
        if open_during(case, &period) {
            self.families_in.insert(case.family);
        }
        self.cases.insert(case.id, intake);
    }

    /// Takes in an action of a case in scope (others are passed over): the case's first action,
    /// open and overdue on the reference day, and done by its deadline.
    pub fn action(&mut self, action: &Action) {
        let mut own = std::mem::take(&mut self.own);
        self.action_in(&mut own, action);
        self.own = own;
    }

    /// As [`Fold::action`], counted into `part`: every case must have been fed first.
    pub fn action_in(&self, part: &mut ActionPart, action: &Action) {
        self.fact_in(part, &ActionFact::of(action));
    }

    /// As [`Fold::action_in`], from the action's facts: all the counts need of it.
    pub fn fact_in(&self, part: &mut ActionPart, action: &ActionFact) {
        if !self.cases.contains_key(&action.case) {
            return;
        }
        let created = action.created;
        part.first_action
            .entry(action.case)
            .and_modify(|d| *d = (*d).min(created))
            .or_insert(created);
        let t = &mut part.tally;
        let day = self.scope.reference_day();
        let ended = action.done;
        if created <= day && ended.is_none_or(|e| e > day) {
            *t.open.of(action.side) += 1;
            if action.deadline.is_some_and(|d| d < day) {
                *t.overdue.of(action.side) += 1;
            }
        }
        let Some(deadline) = action.deadline.filter(|d| self.scope.period.contains(*d)) else {
            return;
        };
        match action.done {
            Some(_) if action.cancelled => {}
            Some(done) => {
                *t.due.of(action.side) += 1;
                if done <= deadline {
                    *t.on_time.of(action.side) += 1;
                }
            }
            None if deadline < self.scope.today => *t.due.of(action.side) += 1,
            None => {}
        }
    }

    /// Adds what a reader of some of the actions counted.
    pub fn absorb(&mut self, part: ActionPart) {
        self.tally.merge(&part.tally);
        for (case, day) in part.first_action {
            self.own
                .first_action
                .entry(case)
                .and_modify(|d| *d = (*d).min(day))
                .or_insert(day);
        }
    }

    /// The schools seen in the families, each once (blind to case and accents), in order.
    pub fn schools(&self) -> Vec<String> {
        self.schools.values().cloned().collect()
    }

    /// The counts, with what could only be told once every action was in.
    pub fn finish(mut self) -> Tally {
        let own = std::mem::take(&mut self.own);
        self.tally.merge(&own.tally);
        for (case, intake) in &self.cases {
            let Some(intake) = intake else {
                continue;
            };
            match own.first_action.get(case) {
                Some(first) => self
                    .tally
                    .intake_to_action
                    .add(days_between(*intake, *first)),
                None => self.tally.intake_without_action += 1,
            }
        }
        for family in &self.families_in {
            let faces = self.family_faces.get(family).copied().unwrap_or(0);
            self.tally.faces.add(faces);
        }
        self.tally
    }
}

/// Whole days from `from` to `to`; a `to` before `from` (an action agreed before the intake
/// was written down) counts as 0.
fn days_between(from: NaiveDate, to: NaiveDate) -> u32 {
    u32::try_from((to - from).num_days()).unwrap_or(0)
}

/// Whether the case was open on at least one day of the period: from its signal to its first
/// closing, from each reopening to the next closing, and from the last reopening on.
pub fn open_during(case: &Case, period: &Period) -> bool {
    let mut start = Some(case.signal_date);
    for closing in &case.closings {
        if let Some(s) = start {
            if period.overlaps(Some(s), Some(closing.closed)) {
                return true;
            }
        }
        start = closing.reopened;
    }
    start.is_some_and(|s| period.overlaps(Some(s), None))
}

/// The measures of `scope` over records held in memory (tests, small stores).
pub fn measure(scope: Scope, families: &[Family], cases: &[Case], actions: &[Action]) -> Tally {
    let mut fold = Fold::new(scope);
    families.iter().for_each(|f| fold.family(f));
    cases.iter().for_each(|c| fold.case(c));
    actions.iter().for_each(|a| fold.action(a));
    fold.finish()
}
