//! Lossless JSON: the whole store, or one family and everything about it (what a parent may ask
//! to see under the AVG). Export → import → export gives the same bytes: no timestamps of the
//! export itself, records in id order.
//!
//! The whole store is written and read one record at a time ([`Store::write_export`],
//! [`read_doc`], [`Store::import_file`]): at 50,000 cases the document is ~280 MB of JSON, and
//! holding it (and every record decoded from it) took 400–860 MB.

use super::{Counters, Result, Store, StoreError};
use crate::domain::{Action, Case, CaseId, Event, Family, FamilyId, Meeting, Person, PersonId};
use serde::{Deserialize, Serialize};
use std::collections::BTreeSet;

mod import;
mod read;
mod validate;
mod write;
pub use import::{check_file, check_file_keyed, Checked, FileError, ImportBy};
pub use read::{read_doc, read_doc_piped, ReadFailed, Wanted};
pub use validate::{validate, Checker, Counts};

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

impl From<Counters> for NextIds {
    fn from(n: Counters) -> NextIds {
        NextIds {
            family: n.family,
            child: n.child,
            case: n.case,
            person: n.person,
            action: n.action,
            meeting: n.meeting,
            event: n.event,
        }
    }
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

/// The kinds of record in an export document, in the order the document lists them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Kind {
    Person = 0,
    Family = 1,
    Case = 2,
    Action = 3,
    Meeting = 4,
    Event = 5,
}

impl Kind {
    /// Every kind, in the document's order.
    pub const ALL: [Kind; 6] = [
        Kind::Person,
        Kind::Family,
        Kind::Case,
        Kind::Action,
        Kind::Meeting,
        Kind::Event,
    ];

    /// The kind as errors name a record of it (`"case"`).
    pub fn name(self) -> &'static str {
        match self {
            Kind::Person => "person",
            Kind::Family => "family",
            Kind::Case => "case",
            Kind::Action => "action",
            Kind::Meeting => "meeting",
            Kind::Event => "event",
        }
    }

    /// The document's field that lists this kind (`"cases"`).
    pub fn field(self) -> &'static str {
        match self {
            Kind::Person => "persons",
            Kind::Family => "families",
            Kind::Case => "cases",
            Kind::Action => "actions",
            Kind::Meeting => "meetings",
            Kind::Event => "events",
        }
    }
}

/// An export document's fields other than its lists of records.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Header {
    pub format: String,
    pub version: u32,
    pub scope: String,
    pub next_ids: NextIds,
    /// The lists in the order the file holds them.
    pub order: Vec<Kind>,
}

/// What takes an export document's records one at a time, in the order of the file: the
/// [`Checker`], the import's writer.
pub trait Records {
    /// Errors: whatever the taker refuses; it stops the reading.
    fn person(&mut self, p: Person) -> Result<()>;
    /// As [`Records::person`].
    fn family(&mut self, f: Family) -> Result<()>;
    /// As [`Records::person`].
    fn case(&mut self, c: Case) -> Result<()>;
    /// As [`Records::person`].
    fn action(&mut self, a: Action) -> Result<()>;
    /// As [`Records::person`].
    fn meeting(&mut self, m: Meeting) -> Result<()>;
    /// As [`Records::person`].
    fn event(&mut self, e: Event) -> Result<()>;
    /// The list of `kind` has been read whole.
    fn list_done(&mut self, _kind: Kind) {}
}

impl ExportDoc {
    /// Its fields other than the lists.
    pub fn header(&self) -> Header {
        Header {
            format: self.format.clone(),
            version: self.version,
            scope: self.scope.clone(),
            next_ids: self.next_ids.clone(),
            order: Kind::ALL.to_vec(),
        }
    }

    /// Hands every record to `sink`, as reading the document's file would.
    ///
    /// Errors: what `sink` refuses.
    pub fn feed(&self, sink: &mut dyn Records) -> Result<()> {
        for p in &self.persons {
            sink.person(p.clone())?;
        }
        sink.list_done(Kind::Person);
        for f in &self.families {
            sink.family(f.clone())?;
        }
        sink.list_done(Kind::Family);
        for c in &self.cases {
            sink.case(c.clone())?;
        }
        sink.list_done(Kind::Case);
        for a in &self.actions {
            sink.action(a.clone())?;
        }
        sink.list_done(Kind::Action);
        for m in &self.meetings {
            sink.meeting(m.clone())?;
        }
        sink.list_done(Kind::Meeting);
        for e in &self.events {
            sink.event(e.clone())?;
        }
        sink.list_done(Kind::Event);
        Ok(())
    }
}

impl Store {
    /// The whole store as one document in memory. [`Store::write_export`] writes the same
    /// document without holding it.
    pub fn export(&self) -> Result<ExportDoc> {
        Ok(ExportDoc {
            format: FORMAT_NAME.into(),
            version: FORMAT_VERSION,
            scope: "store".into(),
            next_ids: self.next_ids().into(),
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
        // Every event is looked at, one at a time: an event may name the family without a case.
        self.each_event(|e: Event| -> Result<()> {
            if e.family == Some(id) || e.case.is_some_and(|c| case_ids.contains(&c)) {
                events.push(e);
            }
            Ok(())
        })?;
        let mut meetings = Vec::new();
        self.each_meeting(|mut m: Meeting| -> Result<()> {
            m.items.retain(|i| case_ids.contains(&i.case));
            if !m.items.is_empty() {
                m.current = 0;
                meetings.push(m);
            }
            Ok(())
        })?;
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
        Ok(ExportDoc {
            format: FORMAT_NAME.into(),
            version: FORMAT_VERSION,
            scope: "family".into(),
            next_ids: self.next_ids().into(),
            persons,
            families: vec![family],
            cases,
            actions,
            meetings,
            events,
        })
    }
}
