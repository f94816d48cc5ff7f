//! Ids and references: every id unique and not zero, and every reference between records names
//! a record the file holds. A reference to a kind whose list is read whole is checked at once;
//! one to a kind still to come (an action names a meeting; the meetings follow the actions)
//! waits until the end of the file.

use super::{First, Place, Stage};
use crate::domain::{Action, Case, Event, EventKind, Family, Meeting, MeetingId, Person};
use crate::store::error::{ImportRule, ItemList, RecordRef};
use crate::store::export::Kind;
use std::collections::{HashMap, HashSet};

/// The ids seen so far, and the checks waiting for a list still to come.
#[derive(Default)]
pub(super) struct Refs {
    persons: HashSet<u64>,
    families: HashSet<u64>,
    children: HashSet<u64>,
    cases: HashSet<u64>,
    actions: HashSet<u64>,
    meetings: HashSet<u64>,
    events: HashSet<u64>,
    /// Each family's children, for a case's child.
    children_of: HashMap<u64, Vec<u64>>,
    /// The lists read whole, by [`Kind`].
    done: [bool; Kind::ALL.len()],
    later: Vec<Later>,
}

/// A reference checked at the end of the file.
struct Later {
    place: Place,
    target: Target,
    rule: ImportRule,
}

enum Target {
    /// A record of this kind with this id.
    In(Kind, u64),
    /// A child of this family (a family not in the file is a problem of its own).
    ChildOf { family: u64, child: u64 },
}

/// Where the ids of each kind stand in the order of the id check.
mod ids {
    pub const PERSON: u8 = 0;
    pub const FAMILY: u8 = 1;
    pub const CHILD: u8 = 2;
    pub const CASE: u8 = 3;
    pub const ACTION: u8 = 4;
    pub const MEETING: u8 = 5;
    pub const EVENT: u8 = 6;
}

/// Notes `IdTwice` when `id` is zero or already in `set`.
fn unique(set: &mut HashSet<u64>, kind: &'static str, id: u64, place: Place, first: &mut First) {
    if id == 0 || !set.insert(id) {
        first.note(place, ImportRule::IdTwice { kind, id });
    }
}

fn not_in_file(record: (&'static str, u64), target: (&'static str, u64)) -> ImportRule {
    ImportRule::NotInFile {
        record: RecordRef::new(record.0, record.1),
        target: RecordRef::new(target.0, target.1),
    }
}

impl Refs {
    fn holds(&self, kind: Kind, id: u64) -> bool {
        let set = match kind {
            Kind::Person => &self.persons,
            Kind::Family => &self.families,
            Kind::Case => &self.cases,
            Kind::Action => &self.actions,
            Kind::Meeting => &self.meetings,
            Kind::Event => &self.events,
        };
        set.contains(&id)
    }

    /// Checks that a record of `kind` with `id` is in the file, now or at the end.
    fn refer(
        &mut self,
        first: &mut First,
        place: Place,
        (kind, id): (Kind, u64),
        rule: impl FnOnce() -> ImportRule,
    ) {
        if !first.open(place) {
            return;
        }
        if !self.done[kind as usize] {
            let target = Target::In(kind, id);
            self.later.push(Later {
                place,
                target,
                rule: rule(),
            });
        } else if !self.holds(kind, id) {
            first.note(place, rule());
        }
    }

    /// The list of `kind` has been read whole.
    pub(super) fn list_done(&mut self, kind: Kind) {
        self.done[kind as usize] = true;
    }

    pub(super) fn person(&mut self, p: &Person, i: u64, first: &mut First) {
        let place = Place::new(Stage::Ids, ids::PERSON, i);
        unique(&mut self.persons, "person", p.id.0, place, first);
    }

    pub(super) fn family(&mut self, f: &Family, i: u64, first: &mut First) {
        let place = Place::new(Stage::Ids, ids::FAMILY, i);
        unique(&mut self.families, "family", f.id.0, place, first);
        for c in &f.children {
            // Children are numbered across families, in the order of the file.
            let place = Place::new(Stage::Ids, ids::CHILD, self.children.len() as u64);
            unique(&mut self.children, "child", c.id.0, place, first);
        }
        let kids = f.children.iter().map(|c| c.id.0).collect();
        self.children_of.insert(f.id.0, kids);
        let record = ("family", f.id.0);
        for (j, inv) in f.network.iter().enumerate() {
            let place = Place::new(Stage::FamilyRefs, 0, i).part(0, j as u32, 0);
            let target = (Kind::Person, inv.person.0);
            self.refer(first, place, target, || {
                not_in_file(record, ("person", inv.person.0))
            });
        }
    }

    pub(super) fn case(&mut self, c: &Case, i: u64, first: &mut First) {
        let place = Place::new(Stage::Ids, ids::CASE, i);
        unique(&mut self.cases, "case", c.id.0, place, first);
        let at = Place::new(Stage::CaseRefs, 0, i);
        let record = ("case", c.id.0);
        let family = (Kind::Family, c.family.0);
        self.refer(first, at, family, || {
            not_in_file(record, ("family", c.family.0))
        });
        let child = ImportRule::ChildNotInFamily {
            case: c.id,
            child: c.child,
            family: c.family,
        };
        self.child_of(first, at.part(1, 0, 0), (c.family.0, c.child.0), child);
        let named = c
            .lead
            .person
            .iter()
            .chain(c.consents.iter().map(|x| &x.person));
        for (j, p) in named.enumerate() {
            let place = at.part(2, j as u32, 0);
            self.refer(first, place, (Kind::Person, p.0), || {
                not_in_file(record, ("person", p.0))
            });
        }
        let mut asked = HashSet::new();
        if let Some(x) = c.consents.iter().find(|x| !asked.insert(x.person)) {
            let rule = ImportRule::TwoConsents {
                case: c.id,
                person: x.person,
            };
            first.note(at.part(3, 0, 0), rule);
        }
    }

    /// A case's child is a child of its family; a family not in the file is noted on its own.
    fn child_of(
        &mut self,
        first: &mut First,
        place: Place,
        (family, child): (u64, u64),
        rule: ImportRule,
    ) {
        if !first.open(place) {
            return;
        }
        if !self.done[Kind::Family as usize] {
            let target = Target::ChildOf { family, child };
            self.later.push(Later {
                place,
                target,
                rule,
            });
        } else if self
            .children_of
            .get(&family)
            .is_some_and(|kids| !kids.contains(&child))
        {
            first.note(place, rule);
        }
    }

    pub(super) fn action(&mut self, a: &Action, i: u64, first: &mut First) {
        let place = Place::new(Stage::Ids, ids::ACTION, i);
        unique(&mut self.actions, "action", a.id.0, place, first);
        let at = Place::new(Stage::ActionRefs, 0, i);
        let record = ("action", a.id.0);
        let case = (Kind::Case, a.case.0);
        self.refer(first, at, case, || not_in_file(record, ("case", a.case.0)));
        if let Some(p) = a.owner {
            let place = at.part(1, 0, 0);
            self.refer(first, place, (Kind::Person, p.0), || {
                not_in_file(record, ("owner", p.0))
            });
        }
        if let Some(p) = a.done.as_ref().and_then(|d| d.by) {
            let place = at.part(2, 0, 0);
            self.refer(first, place, (Kind::Person, p.0), || {
                ImportRule::DoneByUnknown {
                    action: a.id,
                    person: p,
                }
            });
        }
        if let Some(m) = a.meeting {
            let place = at.part(3, 0, 0);
            self.refer(first, place, (Kind::Meeting, m.0), || {
                not_in_file(record, ("meeting", m.0))
            });
        }
    }

    pub(super) fn meeting(&mut self, m: &Meeting, i: u64, first: &mut First) {
        let place = Place::new(Stage::Ids, ids::MEETING, i);
        unique(&mut self.meetings, "meeting", m.id.0, place, first);
        let at = Place::new(Stage::MeetingRefs, 0, i);
        let record = ("meeting", m.id.0);
        // An item whose family was erased names no case (it says "verwijderd").
        for (j, item) in m.items.iter().enumerate().filter(|(_, i)| !i.is_erased()) {
            let place = at.part(0, j as u32, 0);
            self.refer(first, place, (Kind::Case, item.case.0), || {
                not_in_file(record, ("case", item.case.0))
            });
        }
        for (j, p) in m.attendees.iter().enumerate() {
            let place = at.part(1, j as u32, 0);
            self.refer(first, place, (Kind::Person, p.0), || {
                not_in_file(record, ("person", p.0))
            });
        }
        let mut on_agenda = HashSet::new();
        let mut named = m.items.iter().filter(|i| !i.is_erased());
        if let Some(item) = named.find(|x| !on_agenda.insert(x.case)) {
            let rule = ImportRule::OnAgendaTwice {
                meeting: m.id,
                case: item.case,
            };
            first.note(at.part(2, 0, 0), rule);
        }
        self.listed_actions(m, at, first);
    }

    /// The actions an agenda item lists as added or done, item by item.
    fn listed_actions(&mut self, m: &Meeting, at: Place, first: &mut First) {
        for (j, item) in m.items.iter().enumerate() {
            let lists = [
                (ItemList::Added, &item.actions_added),
                (ItemList::Done, &item.actions_done),
            ];
            for (l, (list, listed)) in lists.into_iter().enumerate() {
                for (k, a) in listed.iter().enumerate() {
                    let place = at.part(3, (j * 2 + l) as u32, k as u32);
                    self.refer(first, place, (Kind::Action, a.0), || {
                        ImportRule::ListedActionUnknown {
                            meeting: m.id,
                            case: item.case,
                            action: *a,
                            list,
                        }
                    });
                }
            }
        }
    }

    pub(super) fn event(&mut self, e: &Event, i: u64, first: &mut First) {
        let place = Place::new(Stage::Ids, ids::EVENT, i);
        unique(&mut self.events, "event", e.id.0, place, first);
        let at = Place::new(Stage::EventRefs, 0, i);
        let record = ("event", e.id.0);
        if let Some(c) = e.case {
            self.refer(first, at, (Kind::Case, c.0), || {
                not_in_file(record, ("case", c.0))
            });
        }
        if let Some(f) = e.family {
            self.refer(first, at.part(1, 0, 0), (Kind::Family, f.0), || {
                not_in_file(record, ("family", f.0))
            });
        }
        if let Some(m) = event_meeting(&e.kind) {
            self.refer(first, at.part(2, 0, 0), (Kind::Meeting, m.0), || {
                not_in_file(record, ("meeting", m.0))
            });
        }
    }

    /// The checks that waited for the end of the file.
    pub(super) fn finish(mut self, first: &mut First) {
        for later in std::mem::take(&mut self.later) {
            let broken = match later.target {
                Target::In(kind, id) => !self.holds(kind, id),
                Target::ChildOf { family, child } => self
                    .children_of
                    .get(&family)
                    .is_some_and(|kids| !kids.contains(&child)),
            };
            if broken {
                first.note(later.place, later.rule);
            }
        }
    }
}

/// The meeting an event is about, if any. Meetings are never deleted, so this one must resolve.
fn event_meeting(kind: &EventKind) -> Option<MeetingId> {
    match kind {
        EventKind::AgreementRecorded { meeting, .. }
        | EventKind::Discussed { meeting }
        | EventKind::MeetingStarted { meeting }
        | EventKind::MeetingEnded { meeting } => Some(*meeting),
        _ => None,
    }
}
