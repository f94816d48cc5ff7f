//! Lossless JSON: the whole store, or one family and everything about it (what a parent may ask
//! to see under the AVG). Export → import → export gives the same bytes: no timestamps of the
//! export itself, records in id order.

use super::{Counters, Result, Store, StoreError, T};
use crate::domain::{Action, Case, CaseId, Event, Family, FamilyId, Meeting, Person, PersonId};
use serde::{Deserialize, Serialize};

mod validate;
use std::collections::BTreeSet;
pub use validate::validate;

/// The name in the `format` field, so a stray JSON file is recognised as not ours.
pub const FORMAT_NAME: &str = "tandem-export";
/// Version of the export document; raised when a field changes meaning.
pub const FORMAT_VERSION: u32 = 1;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct NextIds {
    pub family: u64,
    pub child: u64,
    pub case: u64,
    pub person: u64,
    pub action: u64,
    pub meeting: u64,
    pub event: u64,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ExportDoc {
    pub format: String,
    pub version: u32,
    /// "store" for everything, "family" for one family's file.
    pub scope: String,
    pub next_ids: NextIds,
    pub persons: Vec<Person>,
    pub families: Vec<Family>,
    pub cases: Vec<Case>,
    pub actions: Vec<Action>,
    pub meetings: Vec<Meeting>,
    pub events: Vec<Event>,
}

/// Records per transaction when importing: big enough to be quick, small enough for memory.
const IMPORT_CHUNK: usize = 500;

impl Store {
    pub fn export(&self) -> Result<ExportDoc> {
        let n = self.next_ids();
        Ok(ExportDoc {
            format: FORMAT_NAME.into(),
            version: FORMAT_VERSION,
            scope: "store".into(),
            next_ids: NextIds {
                family: n.family,
                child: n.child,
                case: n.case,
                person: n.person,
                action: n.action,
                meeting: n.meeting,
                event: n.event,
            },
            persons: self.persons()?,
            families: self.families()?,
            cases: self.cases()?,
            actions: self.actions()?,
            meetings: self.meetings()?,
            events: self.events()?,
        })
    }

    /// One family: its record, its cases with their actions and timelines, the meetings' items
    /// about those cases, and the professionals named anywhere in it.
    pub fn export_family(&self, id: FamilyId) -> Result<ExportDoc> {
        let family = self.family(id)?.ok_or(StoreError::NotFound {
            kind: "family",
            id: id.0,
        })?;
        let cases = self.cases_of_family(id)?;
        let case_ids: BTreeSet<CaseId> = cases.iter().map(|c| c.id).collect();
        let mut actions = Vec::new();
        let mut events = Vec::new();
        for c in &cases {
            actions.extend(self.actions_of_case(c.id)?);
        }
        for e in self.events()? {
            if e.family == Some(id) || e.case.is_some_and(|c| case_ids.contains(&c)) {
                events.push(e);
            }
        }
        let mut meetings = Vec::new();
        for mut m in self.meetings()? {
            m.items.retain(|i| case_ids.contains(&i.case));
            if !m.items.is_empty() {
                m.current = 0;
                meetings.push(m);
            }
        }
        let mut named: BTreeSet<PersonId> = family.network.iter().map(|i| i.person).collect();
        for c in &cases {
            named.extend(c.lead.person);
            named.extend(c.consents.iter().map(|c| c.person));
        }
        named.extend(actions.iter().filter_map(|a| a.owner));
        named.extend(
            actions
                .iter()
                .filter_map(|a| a.done.as_ref().and_then(|d| d.by)),
        );
        named.extend(meetings.iter().flat_map(|m| m.attendees.iter().copied()));
        let persons = self
            .persons()?
            .into_iter()
            .filter(|p| named.contains(&p.id))
            .collect();
        let mut doc = self.export()?;
        doc.scope = "family".into();
        doc.persons = persons;
        doc.families = vec![family];
        doc.cases = cases;
        doc.actions = actions;
        doc.meetings = meetings;
        doc.events = events;
        Ok(doc)
    }

    /// Writes a validated document into the store. Refuses a store that holds records unless
    /// `replace`; validation happens before the first byte is written.
    pub fn import(&mut self, doc: &ExportDoc, replace: bool) -> Result<()> {
        validate(doc)?;
        if !self.is_empty() {
            if !replace {
                return Err(StoreError::NotEmpty);
            }
            self.mark_import(true)?;
            for tree in self.trees.iter().skip(1) {
                tree.clear()?;
            }
        } else {
            self.mark_import(true)?;
        }
        let mut ch = self.begin();
        for p in &doc.persons {
            ch.put_person(p.clone());
        }
        self.commit_unflushed(ch)?;
        let mut cases_by_family: std::collections::HashMap<FamilyId, Vec<&Case>> =
            Default::default();
        for c in &doc.cases {
            cases_by_family.entry(c.family).or_default().push(c);
        }
        let mut actions_by_case: std::collections::HashMap<CaseId, Vec<&Action>> =
            Default::default();
        for a in &doc.actions {
            actions_by_case.entry(a.case).or_default().push(a);
        }
        for chunk in doc.families.chunks(IMPORT_CHUNK / 10 + 1) {
            let mut ch = self.begin();
            for f in chunk {
                ch.put_family(f.clone());
                for c in cases_by_family.get(&f.id).into_iter().flatten() {
                    ch.put_case((*c).clone());
                    for a in actions_by_case.get(&c.id).into_iter().flatten() {
                        ch.put_action((*a).clone());
                    }
                }
            }
            self.commit_unflushed(ch)?;
        }
        for chunk in doc.meetings.chunks(IMPORT_CHUNK) {
            let mut ch = self.begin();
            for m in chunk {
                ch.put_meeting(m.clone());
            }
            self.commit_unflushed(ch)?;
        }
        for chunk in doc.events.chunks(IMPORT_CHUNK * 4) {
            let mut ch = self.begin();
            ch.events.extend(chunk.iter().cloned());
            self.commit_unflushed(ch)?;
        }
        let n = &doc.next_ids;
        let mut next = Counters {
            family: n.family,
            child: n.child,
            case: n.case,
            person: n.person,
            action: n.action,
            meeting: n.meeting,
            event: n.event,
        };
        raise_to_fit(&mut next, doc);
        self.set_next_ids(next)?;
        self.mark_import(false)?;
        self.flush()
    }

    fn mark_import(&self, running: bool) -> Result<()> {
        let meta = self.tree(T::Meta);
        if running {
            meta.insert("import_running", &[1u8])?;
        } else {
            meta.remove("import_running")?;
        }
        self.flush()
    }

    /// True when an import was cut off half way; the store then holds part of a file.
    pub fn import_interrupted(&self) -> Result<bool> {
        Ok(self.tree(T::Meta).contains_key("import_running")?)
    }
}

/// Counters must stay above every id in the file, whatever `next_ids` says.
fn raise_to_fit(next: &mut Counters, doc: &ExportDoc) {
    let above = |slot: &mut u64, ids: &mut dyn Iterator<Item = u64>| {
        if let Some(max) = ids.max() {
            *slot = (*slot).max(max + 1);
        }
        *slot = (*slot).max(1);
    };
    above(&mut next.family, &mut doc.families.iter().map(|f| f.id.0));
    above(
        &mut next.child,
        &mut doc
            .families
            .iter()
            .flat_map(|f| f.children.iter().map(|c| c.id.0)),
    );
    above(&mut next.case, &mut doc.cases.iter().map(|c| c.id.0));
    above(&mut next.person, &mut doc.persons.iter().map(|p| p.id.0));
    above(&mut next.action, &mut doc.actions.iter().map(|a| a.id.0));
    above(&mut next.meeting, &mut doc.meetings.iter().map(|m| m.id.0));
    above(&mut next.event, &mut doc.events.iter().map(|e| e.id.0));
}
