//! A unit of work: records put or deleted, and the timeline events that explain them. Committing
//! derives every index entry and list row from the records, writes all of it in one sled
//! transaction, then flushes; so a record and its indexes can never disagree, and "saved" means
//! on disk.

use super::{Counters, Store, T};
use crate::domain::{
    Action, ActionId, Case, CaseId, ChildId, Event, EventId, EventKind, Family, FamilyId, Meeting,
    MeetingId, Person, PersonId,
};
use chrono::NaiveDateTime;
use std::collections::BTreeMap;

mod commit;
mod fields;

/// Pending records: `Some` is a put, `None` a delete.
#[derive(Debug, Clone, Default)]
pub struct Change {
    pub now: Option<NaiveDateTime>,
    pub(crate) families: BTreeMap<FamilyId, Option<Family>>,
    pub(crate) persons: BTreeMap<PersonId, Option<Person>>,
    pub(crate) cases: BTreeMap<CaseId, Option<Case>>,
    pub(crate) actions: BTreeMap<ActionId, Option<Action>>,
    pub(crate) meetings: BTreeMap<MeetingId, Option<Meeting>>,
    pub(crate) events: Vec<Event>,
    /// Timeline events taken out with a deleted case (restored by its undo).
    pub(crate) removed_events: Vec<Event>,
    /// The events come from elsewhere (an import) and are kept as they are: no `who` filled
    /// in, no fields before and after added.
    pub(crate) keep_trail: bool,
    next: Counters,
}

/// What a committed change replaced, so the session can undo it.
#[derive(Debug, Clone, Default)]
pub struct Undo {
    pub(crate) families: BTreeMap<FamilyId, Option<Family>>,
    pub(crate) persons: BTreeMap<PersonId, Option<Person>>,
    pub(crate) cases: BTreeMap<CaseId, Option<Case>>,
    pub(crate) actions: BTreeMap<ActionId, Option<Action>>,
    pub(crate) meetings: BTreeMap<MeetingId, Option<Meeting>>,
    /// Events the change wrote; the undo deletes those whose case or family it deletes.
    pub(crate) events: Vec<Event>,
    /// Events the change took out (a deleted case's timeline); the undo puts them back.
    pub(crate) removed_events: Vec<Event>,
}

/// One write of a transaction: a put (`Some`) or a remove (`None`).
pub(super) struct Op {
    pub(super) tree: T,
    pub(super) key: Vec<u8>,
    pub(super) value: Option<Vec<u8>>,
}

impl Change {
    pub fn family_id(&mut self) -> FamilyId {
        FamilyId(bump(&mut self.next.family))
    }
    pub fn child_id(&mut self) -> ChildId {
        ChildId(bump(&mut self.next.child))
    }
    pub fn case_id(&mut self) -> CaseId {
        CaseId(bump(&mut self.next.case))
    }
    pub fn person_id(&mut self) -> PersonId {
        PersonId(bump(&mut self.next.person))
    }
    pub fn action_id(&mut self) -> ActionId {
        ActionId(bump(&mut self.next.action))
    }
    pub fn meeting_id(&mut self) -> MeetingId {
        MeetingId(bump(&mut self.next.meeting))
    }

    pub fn put_family(&mut self, f: Family) {
        self.families.insert(f.id, Some(f));
    }
    pub fn put_person(&mut self, p: Person) {
        self.persons.insert(p.id, Some(p));
    }
    pub fn put_case(&mut self, c: Case) {
        self.cases.insert(c.id, Some(c));
    }
    pub fn put_action(&mut self, a: Action) {
        self.actions.insert(a.id, Some(a));
    }
    pub fn put_meeting(&mut self, m: Meeting) {
        self.meetings.insert(m.id, Some(m));
    }
    pub fn delete_case(&mut self, id: CaseId) {
        self.cases.insert(id, None);
    }
    pub fn delete_action(&mut self, id: ActionId) {
        self.actions.insert(id, None);
    }
    pub fn delete_family(&mut self, id: FamilyId) {
        self.families.insert(id, None);
    }
    pub fn delete_person(&mut self, id: PersonId) {
        self.persons.insert(id, None);
    }
    pub fn delete_meeting(&mut self, id: MeetingId) {
        self.meetings.insert(id, None);
    }

    /// Records one line of the timeline; `who` is filled in at commit.
    pub fn event(
        &mut self,
        at: NaiveDateTime,
        case: Option<CaseId>,
        family: Option<FamilyId>,
        kind: EventKind,
    ) {
        let id = EventId(bump(&mut self.next.event));
        self.events.push(Event {
            id,
            at,
            who: String::new(),
            case,
            family,
            kind,
            changes: Vec::new(),
        });
    }

    pub fn is_empty(&self) -> bool {
        self.families.is_empty()
            && self.persons.is_empty()
            && self.cases.is_empty()
            && self.actions.is_empty()
            && self.meetings.is_empty()
            && self.events.is_empty()
            && self.removed_events.is_empty()
    }
}

fn bump(slot: &mut u64) -> u64 {
    let id = *slot;
    *slot += 1;
    id
}

impl Store {
    /// A new unit of work; ids handed out by it are reserved once it commits.
    pub fn begin(&self) -> Change {
        Change {
            next: self.next_ids(),
            ..Change::default()
        }
    }
}
