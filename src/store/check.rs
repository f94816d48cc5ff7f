//! `tandem check`: every index entry points at a record, every record is indexed, every list row
//! is what its record says, every reference resolves.
//!
//! It reads each kind of record once, in id order, and keeps only what later records refer to:
//! the ids of people, each case's row (an action's row names its child as its case's row does),
//! and per case its action ids and what its row counts. Each index tree is then compared in one pass with a
//! sorted list of the keys its records imply and their values' fingerprints (`check/expected.rs`).

mod due_counts;
mod expected;
mod facts;

use super::{codec, keys, Counters, Result, Store, T};
use crate::domain::{
    Action, ActionSummary, Case, CaseId, CaseSummary, Event, Family, FamilyId, Meeting, OpenTally,
    Person, PersonId,
};
use expected::Expected;
use std::collections::{BTreeMap, HashMap, HashSet};

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
        self.each_case(|case: Case| -> Result<()> {
            c.case_in(&case);
            Ok(())
        })?;
        // A family's cases are read again while it passes: holding every case and every
        // family at once would double what `check` needs.
        self.each_family(|f: Family| -> Result<()> {
            let cases = c.by_family.remove(&f.id).unwrap_or_default();
            c.family_in(&f);
            for id in cases {
                c.case_row(self.case(id)?.as_ref(), Some(&f))?;
            }
            Ok(())
        })?;
        for id in std::mem::take(&mut c.by_family).into_values().flatten() {
            c.case_row(self.case(id)?.as_ref(), None)?;
        }
        let mut facts = facts::FactWalk::new(self);
        let mut due = due_counts::DueTally::default();
        self.each_action(|a: Action| -> Result<()> {
            facts.action(&a, &mut c.problems)?;
            due.action(&a);
            c.action(&a)
        })?;
        c.report.index_entries += facts.finish(&mut c.problems)?;
        c.report.index_entries += due.compare(self, &mut c.problems)?;
        c.rows_done()?;
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
    /// The cases of each family id named by a case, until the family passes.
    by_family: BTreeMap<FamilyId, Vec<CaseId>>,
    /// Each case's row as its case and family give it, before its actions are counted in.
    rows: HashMap<CaseId, CaseSummary>,
    of_case: HashMap<CaseId, CaseActions>,
    /// Every case id, once the rows are done: events and meetings only ask whether a case
    /// exists, and the rows themselves (~20 MB at 50,000 cases) would stay in memory while the
    /// index trees are read.
    case_ids: HashSet<CaseId>,
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

    /// A case as it first passes: counted, and its people looked up; its row comes with its
    /// family.
    fn case_in(&mut self, c: &Case) {
        self.report.cases += 1;
        self.max.case = self.max.case.max(c.id.0);
        self.by_family.entry(c.family).or_default().push(c.id);
        if let Some(p) = c.lead.person {
            self.person(p, || format!("case {} lead", c.id));
        }
        for consent in &c.consents {
            self.person(consent.person, || format!("case {} consent", c.id));
        }
    }

    fn family_in(&mut self, f: &Family) {
        self.report.families += 1;
        self.max.family = self.max.family.max(f.id.0);
        for child in &f.children {
            self.max.child = self.max.child.max(child.id.0);
        }
        for inv in &f.network {
            self.person(inv.person, || format!("family {} network", f.id));
        }
    }

    /// A case's row, with its family (`None`: the family it names does not exist). A case gone
    /// since the first pass was read is no longer checked.
    fn case_row(&mut self, c: Option<&Case>, family: Option<&Family>) -> Result<()> {
        let Some(c) = c else {
            return Ok(());
        };
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
        let row = CaseSummary::derive_tallied(c, family, OpenTally::default());
        self.rows.insert(c.id, row);
        Ok(())
    }

    /// One action: its references, its row in the deadline index, and its share of its case.
    fn action(&mut self, a: &Action) -> Result<()> {
        self.report.actions += 1;
        self.max.action = self.max.action.max(a.id.0);
        if let Some(o) = a.owner {
            self.person(o, || format!("action {} owner", a.id));
        }
        let row = match self.rows.get(&a.case) {
            Some(r) => ActionSummary::of_child(a, r.child_name.clone(), r.groep.clone()),
            None => {
                self.problems.push(format!(
                    "action {} names case {}, which does not exist",
                    a.id, a.case
                ));
                ActionSummary::of_child(a, String::new(), String::new())
            }
        };
        let due = keys::action_due(a.done.is_some(), a.deadline, a.id.0);
        self.expected
            .add(T::ActionDue, due, codec::fingerprint(&row)?);
        let mine = self.of_case.entry(a.case).or_default();
        mine.ids.push(a.id.0);
        mine.open.add(a);
        Ok(())
    }

    /// Every case's entries, once its actions are counted in.
    fn rows_done(&mut self) -> Result<()> {
        let empty = codec::fingerprint_bytes(&[]);
        self.case_ids.reserve(self.rows.len());
        for (id, mut row) in std::mem::take(&mut self.rows) {
            self.case_ids.insert(id);
            let mine = self.of_case.remove(&id).unwrap_or_default();
            row.open_onderwijs = mine.open.onderwijs;
            row.open_zorg = mine.open.zorg;
            row.next_deadline = mine.open.next_deadline;
            if !mine.ids.is_empty() {
                let mut ids = mine.ids;
                ids.sort_unstable();
                self.expected
                    .add(T::CaseActions, keys::id(id.0), codec::fingerprint(&ids)?);
            }
            self.expected
                .add(T::CaseRows, keys::id(id.0), codec::fingerprint(&row)?);
            let status = keys::status(row.status.to_byte(), id.0);
            self.expected.add(T::CaseStatus, status, empty);
            self.expected
                .add(T::FamilyCase, keys::pair(row.family.0, id.0), empty);
        }
        // What is left are the actions of cases that don't exist, already reported.
        self.of_case = HashMap::new();
        Ok(())
    }

    fn event(&mut self, e: &Event) {
        self.report.events += 1;
        self.max.event = self.max.event.max(e.id.0);
        if let Some(c) = e.case {
            if !self.case_ids.contains(&c) {
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
        for item in m.items.iter().filter(|i| !i.is_erased()) {
            if !self.case_ids.contains(&item.case) {
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
