//! `tandem check`: every index entry points at a record, every record is indexed, every list row
//! is what its record says, every reference resolves.

use super::{codec, guard, keys, Result, Store, T};
use crate::domain::{
    Action, ActionSummary, Case, CaseId, CaseSummary, Event, Family, Meeting, Person, PersonId,
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

impl Store {
    pub fn check(&self) -> Result<CheckReport> {
        let mut r = CheckReport::default();
        let persons: Vec<Person> = self.persons()?;
        let families: Vec<Family> = self.families()?;
        let cases: Vec<Case> = self.cases()?;
        let actions: Vec<Action> = self.actions()?;
        let meetings: Vec<Meeting> = self.meetings()?;
        let events: Vec<Event> = self.events()?;
        r.persons = persons.len();
        r.families = families.len();
        r.cases = cases.len();
        r.actions = actions.len();
        r.meetings = meetings.len();
        r.events = events.len();
        let mut problems = Vec::new();

        let person_ids: BTreeSet<PersonId> = persons.iter().map(|p| p.id).collect();
        let family_by_id: HashMap<_, &Family> = families.iter().map(|f| (f.id, f)).collect();
        let case_by_id: HashMap<CaseId, &Case> = cases.iter().map(|c| (c.id, c)).collect();
        let mut actions_by_case: HashMap<CaseId, Vec<&Action>> = HashMap::new();
        for a in &actions {
            actions_by_case.entry(a.case).or_default().push(a);
        }
        let person = |p: PersonId, what: String, problems: &mut Vec<String>| {
            if !person_ids.contains(&p) {
                problems.push(format!("{what} names person {p}, who does not exist"));
            }
        };

        for f in &families {
            for inv in &f.network {
                person(
                    inv.person,
                    format!("family {} network", f.id),
                    &mut problems,
                );
            }
        }
        let mut expected: BTreeMap<T, BTreeMap<Vec<u8>, Vec<u8>>> = BTreeMap::new();
        for c in &cases {
            let family = family_by_id.get(&c.family).copied();
            match family {
                None => problems.push(format!(
                    "case {} names family {}, which does not exist",
                    c.id, c.family
                )),
                Some(f) if f.child(c.child).is_none() => problems.push(format!(
                    "case {} names child {}, not in family {}",
                    c.id, c.child, f.id
                )),
                Some(_) => {}
            }
            if let Some(p) = c.lead.person {
                person(p, format!("case {} lead", c.id), &mut problems);
            }
            for consent in &c.consents {
                person(
                    consent.person,
                    format!("case {} consent", c.id),
                    &mut problems,
                );
            }
            let acts = actions_by_case.get(&c.id).cloned().unwrap_or_default();
            let row = CaseSummary::derive(c, family, &acts);
            expected
                .entry(T::CaseRows)
                .or_default()
                .insert(keys::id(c.id.0).to_vec(), codec::encode(&row)?);
            expected
                .entry(T::CaseStatus)
                .or_default()
                .insert(keys::status(c.status.to_byte(), c.id.0).to_vec(), vec![]);
            expected
                .entry(T::FamilyCase)
                .or_default()
                .insert(keys::pair(c.family.0, c.id.0).to_vec(), vec![]);
        }
        for a in &actions {
            let case = case_by_id.get(&a.case).copied();
            if case.is_none() {
                problems.push(format!(
                    "action {} names case {}, which does not exist",
                    a.id, a.case
                ));
            }
            if let Some(o) = a.owner {
                person(o, format!("action {} owner", a.id), &mut problems);
            }
            let family = case.and_then(|c| family_by_id.get(&c.family).copied());
            let row = ActionSummary::derive(a, case, family);
            expected.entry(T::ActionDue).or_default().insert(
                keys::action_due(a.done.is_some(), a.deadline, a.id.0).to_vec(),
                codec::encode(&row)?,
            );
            expected
                .entry(T::ActionCase)
                .or_default()
                .insert(keys::pair(a.case.0, a.id.0).to_vec(), vec![]);
        }
        for e in &events {
            if let Some(c) = e.case {
                if !case_by_id.contains_key(&c) {
                    problems.push(format!(
                        "event {} names case {c}, which does not exist",
                        e.id
                    ));
                }
                expected
                    .entry(T::EventCase)
                    .or_default()
                    .insert(keys::pair(c.0, e.id.0).to_vec(), vec![]);
            }
        }
        for m in &meetings {
            for item in &m.items {
                if !case_by_id.contains_key(&item.case) {
                    problems.push(format!(
                        "meeting {} names case {}, which does not exist",
                        m.id, item.case
                    ));
                }
            }
            for p in &m.attendees {
                person(*p, format!("meeting {} attendee", m.id), &mut problems);
            }
        }

        for t in [
            T::CaseRows,
            T::CaseStatus,
            T::FamilyCase,
            T::ActionDue,
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
                match want.get(&k) {
                    None => problems.push(format!("{name}: entry {} points at no record", hex(&k))),
                    Some(w) if *w != v => problems.push(format!(
                        "{name}: entry {} disagrees with its record",
                        hex(&k)
                    )),
                    Some(_) => {}
                }
            }
            r.index_entries += seen;
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

        let next = self.next_ids();
        let max = |ids: &mut dyn Iterator<Item = u64>| ids.max().unwrap_or(0);
        let counters = [
            (
                "family",
                next.family,
                max(&mut families.iter().map(|f| f.id.0)),
            ),
            (
                "child",
                next.child,
                max(&mut families
                    .iter()
                    .flat_map(|f| f.children.iter().map(|c| c.id.0))),
            ),
            ("case", next.case, max(&mut cases.iter().map(|c| c.id.0))),
            (
                "person",
                next.person,
                max(&mut persons.iter().map(|p| p.id.0)),
            ),
            (
                "action",
                next.action,
                max(&mut actions.iter().map(|a| a.id.0)),
            ),
            (
                "meeting",
                next.meeting,
                max(&mut meetings.iter().map(|m| m.id.0)),
            ),
            ("event", next.event, max(&mut events.iter().map(|e| e.id.0))),
        ];
        for (name, next, max) in counters {
            if next <= max {
                problems.push(format!("counter {name} is {next}, but id {max} is in use"));
            }
        }

        if problems.len() > MAX_LISTED {
            let more = problems.len() - MAX_LISTED;
            problems.truncate(MAX_LISTED);
            problems.push(format!("… and {more} more"));
        }
        r.problems = problems;
        Ok(r)
    }
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}
