//! `tandem check`: every index entry points at a record, every record is indexed, every list row
//! is what its record says, every reference resolves.

use super::export::ExportDoc;
use super::{codec, guard, keys, Counters, Result, Store, T};
use crate::domain::{
    Action, ActionSummary, Case, CaseId, CaseSummary, Event, Family, FamilyId, Meeting, PersonId,
};
use std::collections::{BTreeMap, BTreeSet, HashMap};

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

/// The index entries and list rows the records imply, tree by tree: key to value.
type Expected = BTreeMap<T, BTreeMap<Vec<u8>, Vec<u8>>>;

impl Store {
    /// Checks that every index entry points at a record, every record is indexed, every list
    /// row is what its record says, every reference resolves and every id counter is above
    /// the ids in use. Problems are lines in the report (at most `MAX_LISTED`, then a count).
    ///
    /// Errors: a record that can't be read ([`StoreError::Damaged`](super::StoreError::Damaged),
    /// or [`StoreError::NewerVersion`](super::StoreError::NewerVersion)); the report itself
    /// holds every other problem.
    pub fn check(&self) -> Result<CheckReport> {
        // Every record, read once.
        let all = self.export()?;
        let mut r = CheckReport {
            persons: all.persons.len(),
            families: all.families.len(),
            cases: all.cases.len(),
            actions: all.actions.len(),
            meetings: all.meetings.len(),
            events: all.events.len(),
            ..CheckReport::default()
        };
        let mut problems = Vec::new();
        let expected = Checker::new(&all, &mut problems).run()?;
        r.index_entries = self.compare_indexes(expected, &mut problems)?;
        counter_problems(self.next_ids(), &all, &mut problems);
        if problems.len() > MAX_LISTED {
            let more = problems.len() - MAX_LISTED;
            problems.truncate(MAX_LISTED);
            problems.push(format!("… and {more} more"));
        }
        r.problems = problems;
        Ok(r)
    }

    /// Compares each index tree with what the records imply; returns how many entries the
    /// trees hold.
    fn compare_indexes(&self, mut expected: Expected, problems: &mut Vec<String>) -> Result<usize> {
        let mut index_entries = 0;
        for t in [
            T::CaseRows,
            T::CaseStatus,
            T::FamilyCase,
            T::ActionDue,
            T::CaseActions,
            // Schema 1's trees: empty once upgraded, so any entry there points at no record.
            T::ActionCase,
            T::EventCase,
        ] {
            let want = expected.remove(&t).unwrap_or_default();
            let name = super::TREE_NAMES[t as usize];
            let mut seen = 0usize;
            let entries: Vec<(Vec<u8>, Vec<u8>)> = guard(|| {
                self.tree(t)
                    .iter()
                    .map(|kv| kv.map(|(k, v)| (k.to_vec(), v.to_vec())))
                    .collect::<std::result::Result<_, sled::Error>>()
            })??;
            for (k, v) in entries {
                seen += 1;
                // Sealed rows differ in every byte from a fresh seal: compare what they hold.
                let v = codec::plain(&v, "index entry", self.seal())?;
                match want.get(&k) {
                    None => problems.push(format!("{name}: entry {} points at no record", hex(&k))),
                    Some(w) if **w != *v => problems.push(format!(
                        "{name}: entry {} disagrees with its record",
                        hex(&k)
                    )),
                    Some(_) => {}
                }
            }
            index_entries += seen;
            let present: BTreeSet<Vec<u8>> = guard(|| {
                self.tree(t)
                    .iter()
                    .keys()
                    .filter_map(|k| k.ok())
                    .map(|k| k.to_vec())
                    .collect()
            })?;
            for k in want.keys().filter(|k| !present.contains(*k)) {
                problems.push(format!("{name}: record has no entry {}", hex(k)));
            }
        }
        Ok(index_entries)
    }
}

/// Walks the records once: notes every reference that does not resolve, and gathers the index
/// entries and list rows they imply.
struct Checker<'a> {
    all: &'a ExportDoc,
    person_ids: BTreeSet<PersonId>,
    family_by_id: HashMap<FamilyId, &'a Family>,
    case_by_id: HashMap<CaseId, &'a Case>,
    actions_by_case: HashMap<CaseId, Vec<&'a Action>>,
    problems: &'a mut Vec<String>,
    expected: Expected,
}

impl<'a> Checker<'a> {
    fn new(all: &'a ExportDoc, problems: &'a mut Vec<String>) -> Checker<'a> {
        let mut actions_by_case: HashMap<CaseId, Vec<&Action>> = HashMap::new();
        for a in &all.actions {
            actions_by_case.entry(a.case).or_default().push(a);
        }
        Checker {
            all,
            person_ids: all.persons.iter().map(|p| p.id).collect(),
            family_by_id: all.families.iter().map(|f| (f.id, f)).collect(),
            case_by_id: all.cases.iter().map(|c| (c.id, c)).collect(),
            actions_by_case,
            problems,
            expected: Expected::new(),
        }
    }

    fn run(mut self) -> Result<Expected> {
        for f in &self.all.families {
            for inv in &f.network {
                self.person(inv.person, format!("family {} network", f.id));
            }
        }
        for c in &self.all.cases {
            self.case(c)?;
        }
        for a in &self.all.actions {
            self.action(a)?;
        }
        for e in &self.all.events {
            self.event(e);
        }
        for m in &self.all.meetings {
            self.meeting(m);
        }
        Ok(self.expected)
    }

    fn person(&mut self, p: PersonId, what: String) {
        if !self.person_ids.contains(&p) {
            self.problems
                .push(format!("{what} names person {p}, who does not exist"));
        }
    }

    fn expect(&mut self, t: T, key: Vec<u8>, value: Vec<u8>) {
        self.expected.entry(t).or_default().insert(key, value);
    }

    fn case(&mut self, c: &Case) -> Result<()> {
        let family = self.family_by_id.get(&c.family).copied();
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
        if let Some(p) = c.lead.person {
            self.person(p, format!("case {} lead", c.id));
        }
        for consent in &c.consents {
            self.person(consent.person, format!("case {} consent", c.id));
        }
        let acts = self.actions_by_case.get(&c.id).cloned().unwrap_or_default();
        if !acts.is_empty() {
            let mut ids: Vec<u64> = acts.iter().map(|a| a.id.0).collect();
            ids.sort_unstable();
            self.expect(
                T::CaseActions,
                keys::id(c.id.0).to_vec(),
                codec::encode(&ids, None)?,
            );
        }
        let row = CaseSummary::derive(c, family, &acts);
        self.expect(
            T::CaseRows,
            keys::id(c.id.0).to_vec(),
            codec::encode(&row, None)?,
        );
        let status = keys::status(c.status.to_byte(), c.id.0);
        self.expect(T::CaseStatus, status.to_vec(), vec![]);
        let of_family = keys::pair(c.family.0, c.id.0);
        self.expect(T::FamilyCase, of_family.to_vec(), vec![]);
        Ok(())
    }

    fn action(&mut self, a: &Action) -> Result<()> {
        let case = self.case_by_id.get(&a.case).copied();
        if case.is_none() {
            self.problems.push(format!(
                "action {} names case {}, which does not exist",
                a.id, a.case
            ));
        }
        if let Some(o) = a.owner {
            self.person(o, format!("action {} owner", a.id));
        }
        let family = case.and_then(|c| self.family_by_id.get(&c.family).copied());
        let row = ActionSummary::derive(a, case, family);
        let due = keys::action_due(a.done.is_some(), a.deadline, a.id.0);
        self.expect(T::ActionDue, due.to_vec(), codec::encode(&row, None)?);
        Ok(())
    }

    fn event(&mut self, e: &Event) {
        if let Some(c) = e.case {
            if !self.case_by_id.contains_key(&c) {
                self.problems.push(format!(
                    "event {} names case {c}, which does not exist",
                    e.id
                ));
            }
        }
    }

    fn meeting(&mut self, m: &Meeting) {
        for item in &m.items {
            if !self.case_by_id.contains_key(&item.case) {
                self.problems.push(format!(
                    "meeting {} names case {}, which does not exist",
                    m.id, item.case
                ));
            }
        }
        for p in &m.attendees {
            self.person(*p, format!("meeting {} attendee", m.id));
        }
    }
}

/// Each id counter must be above every id of its kind in use, or the next new record would
/// overwrite one.
fn counter_problems(next: Counters, all: &ExportDoc, problems: &mut Vec<String>) {
    let max = |ids: &mut dyn Iterator<Item = u64>| ids.max().unwrap_or(0);
    let counters = [
        (
            "family",
            next.family,
            max(&mut all.families.iter().map(|f| f.id.0)),
        ),
        (
            "child",
            next.child,
            max(&mut all
                .families
                .iter()
                .flat_map(|f| f.children.iter().map(|c| c.id.0))),
        ),
        (
            "case",
            next.case,
            max(&mut all.cases.iter().map(|c| c.id.0)),
        ),
        (
            "person",
            next.person,
            max(&mut all.persons.iter().map(|p| p.id.0)),
        ),
        (
            "action",
            next.action,
            max(&mut all.actions.iter().map(|a| a.id.0)),
        ),
        (
            "meeting",
            next.meeting,
            max(&mut all.meetings.iter().map(|m| m.id.0)),
        ),
        (
            "event",
            next.event,
            max(&mut all.events.iter().map(|e| e.id.0)),
        ),
    ];
    for (name, next, max) in counters {
        if next <= max {
            problems.push(format!("counter {name} is {next}, but id {max} is in use"));
        }
    }
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}
