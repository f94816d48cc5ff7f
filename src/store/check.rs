//! `tandem check`: every index entry points at a record, every record is indexed, every list row
//! is what its record says, every reference resolves.
//!
//! It reads each kind of record once, in id order, and keeps only what later records refer to:
//! the ids of people, the families and cases (an action's row names its child), and per case its
//! action ids and what its row counts. Each index tree is then compared in one pass with a
//! sorted list of the keys its records imply and their values' fingerprints (`check/expected.rs`).

mod expected;

use super::{codec, keys, Counters, Result, Store, T};
use crate::domain::{
    Action, ActionSummary, Case, CaseId, CaseSummary, Event, Family, FamilyId, Meeting, OpenTally,
    Person, PersonId,
};
use expected::Expected;
use std::collections::{HashMap, HashSet};

#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct CheckReport {
    pub families: usize,
    pub persons: usize,
    pub cases: usize,
    pub actions: usize,
    pub meetings: usize,
    pub events: usize,
    pub index_entries: usize,
    /// One line per problem found; empty means the store is consistent.
    pub problems: Vec<String>,
}

impl CheckReport {
    pub fn is_ok(&self) -> bool {
        self.problems.is_empty()
    }
}

/// Problems past this many are counted, not listed.
const MAX_LISTED: usize = 50;

/// The trees `check` compares with what the records imply. Schema 1's `action_case` and
/// `event_case` are empty once upgraded, so any entry there points at no record.
const INDEXES: [T; 7] = [
    T::CaseRows,
    T::CaseStatus,
    T::FamilyCase,
    T::ActionDue,
    T::CaseActions,
    T::ActionCase,
    T::EventCase,
];

impl Store {
    /// Checks that every index entry points at a record, every record is indexed, every list
    /// row is what its record says, every reference resolves and every id counter is above
    /// the ids in use. Problems are lines in the report (at most `MAX_LISTED`, then a count).
    ///
    /// Errors: a record that can't be read ([`StoreError::Damaged`](super::StoreError::Damaged),
    /// or [`StoreError::NewerVersion`](super::StoreError::NewerVersion)); the report itself
    /// holds every other problem.
    pub fn check(&self) -> Result<CheckReport> {
        let mut c = Checker::default();
        self.each_person(|p: Person| -> Result<()> {
            c.person_in(p);
            Ok(())
        })?;
        self.each_family(|f: Family| -> Result<()> {
            c.family_in(f);
            Ok(())
        })?;
        self.each_case(|case: Case| -> Result<()> {
            c.case_in(case);
            Ok(())
        })?;
        self.each_action(|a: Action| c.action(&a))?;
        c.cases()?;
        self.each_event(|e: Event| -> Result<()> {
            c.event(&e);
            Ok(())
        })?;
        self.each_meeting(|m: Meeting| -> Result<()> {
            c.meeting(&m);
            Ok(())
        })?;
        for t in INDEXES {
            c.report.index_entries += c.expected.compare(self, t, &mut c.problems)?;
        }
        counter_problems(self.next_ids(), &c.max, &mut c.problems);
        let mut report = c.report;
        let mut problems = c.problems;
        if problems.len() > MAX_LISTED {
            let more = problems.len() - MAX_LISTED;
            problems.truncate(MAX_LISTED);
            problems.push(format!("… and {more} more"));
        }
        report.problems = problems;
        Ok(report)
    }
}

/// What one case's actions add up to, gathered while the actions pass by.
#[derive(Default)]
struct CaseActions {
    ids: Vec<u64>,
    open: OpenTally,
}

/// The walk over the records: what later records refer to, the entries the records imply, and
/// every problem found.
#[derive(Default)]
struct Checker {
    report: CheckReport,
    problems: Vec<String>,
    expected: Expected,
    /// The highest id of each kind in use.
    max: Counters,
    person_ids: HashSet<PersonId>,
    families: HashMap<FamilyId, Family>,
    cases: HashMap<CaseId, Case>,
    of_case: HashMap<CaseId, CaseActions>,
}

impl Checker {
    fn person(&mut self, p: PersonId, what: impl FnOnce() -> String) {
        if !self.person_ids.contains(&p) {
            let what = what();
            self.problems
                .push(format!("{what} names person {p}, who does not exist"));
        }
    }

    fn person_in(&mut self, p: Person) {
        self.report.persons += 1;
        self.max.person = self.max.person.max(p.id.0);
        self.person_ids.insert(p.id);
    }

    /// Families come after people: their networks name them.
    fn family_in(&mut self, f: Family) {
        self.report.families += 1;
        self.max.family = self.max.family.max(f.id.0);
        for child in &f.children {
            self.max.child = self.max.child.max(child.id.0);
        }
        for inv in &f.network {
            self.person(inv.person, || format!("family {} network", f.id));
        }
        self.families.insert(f.id, f);
    }

    fn case_in(&mut self, c: Case) {
        self.report.cases += 1;
        self.max.case = self.max.case.max(c.id.0);
        self.cases.insert(c.id, c);
    }

    /// One action: its references, its row in the deadline index, and its share of its case.
    fn action(&mut self, a: &Action) -> Result<()> {
        self.report.actions += 1;
        self.max.action = self.max.action.max(a.id.0);
        if let Some(o) = a.owner {
            self.person(o, || format!("action {} owner", a.id));
        }
        let case = self.cases.get(&a.case);
        if case.is_none() {
            self.problems.push(format!(
                "action {} names case {}, which does not exist",
                a.id, a.case
            ));
        }
        let family = case.and_then(|c| self.families.get(&c.family));
        let row = ActionSummary::derive(a, case, family);
        let due = keys::action_due(a.done.is_some(), a.deadline, a.id.0);
        self.expected
            .add(T::ActionDue, due, codec::fingerprint(&row)?);
        let mine = self.of_case.entry(a.case).or_default();
        mine.ids.push(a.id.0);
        mine.open.add(a);
        Ok(())
    }

    /// Every case, once its actions have passed: references, row, status and family entries.
    fn cases(&mut self) -> Result<()> {
        let cases = std::mem::take(&mut self.cases);
        let mut ids: Vec<&CaseId> = cases.keys().collect();
        // In id order, so the same store always gives the same report.
        ids.sort_unstable();
        for c in ids.into_iter().filter_map(|id| cases.get(id)) {
            self.case(c)?;
        }
        self.cases = cases;
        Ok(())
    }

    fn case(&mut self, c: &Case) -> Result<()> {
        let family = self.families.get(&c.family);
        match family {
            None => self.problems.push(format!(
                "case {} names family {}, which does not exist",
                c.id, c.family
            )),
            Some(f) if f.child(c.child).is_none() => self.problems.push(format!(
                "case {} names child {}, not in family {}",
                c.id, c.child, f.id
            )),
            Some(_) => {}
        }
        let mine = self.of_case.remove(&c.id).unwrap_or_default();
        let row = CaseSummary::derive_tallied(c, family, mine.open);
        let row_print = codec::fingerprint(&row)?;
        if let Some(p) = c.lead.person {
            self.person(p, || format!("case {} lead", c.id));
        }
        for consent in &c.consents {
            self.person(consent.person, || format!("case {} consent", c.id));
        }
        if !mine.ids.is_empty() {
            let mut ids = mine.ids;
            ids.sort_unstable();
            self.expected
                .add(T::CaseActions, keys::id(c.id.0), codec::fingerprint(&ids)?);
        }
        let empty = codec::fingerprint_bytes(&[]);
        self.expected.add(T::CaseRows, keys::id(c.id.0), row_print);
        self.expected.add(
            T::CaseStatus,
            keys::status(c.status.to_byte(), c.id.0),
            empty,
        );
        self.expected
            .add(T::FamilyCase, keys::pair(c.family.0, c.id.0), empty);
        Ok(())
    }

    fn event(&mut self, e: &Event) {
        self.report.events += 1;
        self.max.event = self.max.event.max(e.id.0);
        if let Some(c) = e.case {
            if !self.cases.contains_key(&c) {
                self.problems.push(format!(
                    "event {} names case {c}, which does not exist",
                    e.id
                ));
            }
        }
    }

    fn meeting(&mut self, m: &Meeting) {
        self.report.meetings += 1;
        self.max.meeting = self.max.meeting.max(m.id.0);
        for item in &m.items {
            if !self.cases.contains_key(&item.case) {
                self.problems.push(format!(
                    "meeting {} names case {}, which does not exist",
                    m.id, item.case
                ));
            }
        }
        for p in &m.attendees {
            self.person(*p, || format!("meeting {} attendee", m.id));
        }
    }
}

/// Each id counter must be above every id of its kind in use, or the next new record would
/// overwrite one.
fn counter_problems(next: Counters, max: &Counters, problems: &mut Vec<String>) {
    let mut next = next;
    let mut max = *max;
    for ((name, next), max) in Counters::NAMES.iter().zip(next.slots()).zip(max.slots()) {
        if *next <= *max {
            problems.push(format!("counter {name} is {next}, but id {max} is in use"));
        }
    }
}

#[cfg(test)]
mod tests;
