//! The rules an import file must keep before a byte of it is written (issue 8.9): what the
//! store could not hold. Each error names the record and the field.

use super::{ExportDoc, FORMAT_NAME, FORMAT_VERSION};
use crate::domain::{Action, Case, CaseStatus, EventKind, Family, FamilyId, Meeting, MeetingId};
use crate::store::error::{Blank, ImportRule, ItemList, RecordRef};
use crate::store::{Result, StoreError};
use std::collections::{HashMap, HashSet};

mod nul;

/// The first rule a part of the document breaks, if any.
type Rule = std::result::Result<(), ImportRule>;

/// Checks the whole document before a byte is written, and refuses what the store could not
/// hold or tandem itself never writes, naming the place (the record, and the field or item).
/// In this order:
/// - the format and its version;
/// - no NUL character in any text, wherever it sits in the document;
/// - ids are unique and not zero; a case has one consent per person; a case is on an agenda once;
/// - every reference between records resolves: a family's network; a case's family, child, lead
///   and consents; an action's case, owner, who marked it done and the meeting it was agreed in; a
///   meeting's attendees, its items' cases and the actions they list; an event's case, family and
///   meeting;
/// - what every form requires is not empty: names of persons, families, carers and children
///   (first name), a case's question, an action's text, an agreement's text;
/// - a meeting's current item lies within its agenda, an ended meeting was started, and at most
///   one meeting is running;
/// - a case's closings agree with its status.
///
/// An event that names an action or a person is history, not a reference: undo takes back a new
/// action or person and keeps the line on the timeline, and a family's file leaves out earlier
/// leads. Those are not checked.
///
/// Errors: [`ImportRule`] (as [`StoreError::Invalid`]) for the first rule broken;
/// [`StoreError::NewerVersion`] for a file from a newer tandem.
pub fn validate(doc: &ExportDoc) -> Result<()> {
    if doc.format != FORMAT_NAME {
        return Err(ImportRule::NotAnExport(doc.format.clone()).into());
    }
    if doc.version > FORMAT_VERSION {
        return Err(StoreError::NewerVersion {
            found: doc.version,
            supported: FORMAT_VERSION,
        });
    }
    nul::no_nul(doc)?;
    let ids = Ids::of(doc)?;
    for f in &doc.families {
        ids.family_refs(f)?;
    }
    let family_by_id: HashMap<FamilyId, &Family> = doc.families.iter().map(|f| (f.id, f)).collect();
    for c in &doc.cases {
        ids.case_refs(c, &family_by_id)?;
    }
    for a in &doc.actions {
        ids.action_refs(a)?;
    }
    for m in &doc.meetings {
        ids.meeting_refs(m)?;
    }
    events_resolve(doc, &ids)?;
    required_text(doc)?;
    meeting_state(doc)?;
    closings_agree(doc)?;
    Ok(())
}

/// The ids of each kind of record in the file, each unique and not zero.
struct Ids {
    persons: HashSet<u64>,
    families: HashSet<u64>,
    cases: HashSet<u64>,
    actions: HashSet<u64>,
    meetings: HashSet<u64>,
}

impl Ids {
    /// Gathers the ids, kind by kind; children and events are checked for uniqueness only.
    fn of(doc: &ExportDoc) -> std::result::Result<Ids, ImportRule> {
        let persons = unique("person", doc.persons.iter().map(|p| p.id.0))?;
        let families = unique("family", doc.families.iter().map(|f| f.id.0))?;
        unique(
            "child",
            doc.families
                .iter()
                .flat_map(|f| f.children.iter().map(|c| c.id.0)),
        )?;
        let cases = unique("case", doc.cases.iter().map(|c| c.id.0))?;
        let actions = unique("action", doc.actions.iter().map(|a| a.id.0))?;
        let meetings = unique("meeting", doc.meetings.iter().map(|m| m.id.0))?;
        unique("event", doc.events.iter().map(|e| e.id.0))?;
        Ok(Ids {
            persons,
            families,
            cases,
            actions,
            meetings,
        })
    }

    fn person_ok(&self, p: &crate::domain::PersonId) -> bool {
        self.persons.contains(&p.0)
    }

    /// A family's network names persons in the file.
    fn family_refs(&self, f: &Family) -> Rule {
        if let Some(i) = f.network.iter().find(|i| !self.person_ok(&i.person)) {
            return Err(ImportRule::NotInFile {
                record: RecordRef::new("family", f.id.0),
                target: RecordRef::new("person", i.person.0),
            });
        }
        Ok(())
    }

    /// A case's family, child, lead and consents are in the file; one consent per person.
    fn case_refs(&self, c: &Case, family_by_id: &HashMap<FamilyId, &Family>) -> Rule {
        let record = RecordRef::new("case", c.id.0);
        let Some(f) = family_by_id.get(&c.family) else {
            return Err(ImportRule::NotInFile {
                record,
                target: RecordRef::new("family", c.family.0),
            });
        };
        if f.child(c.child).is_none() {
            return Err(ImportRule::ChildNotInFamily {
                case: c.id,
                child: c.child,
                family: f.id,
            });
        }
        let named = c
            .lead
            .person
            .iter()
            .chain(c.consents.iter().map(|x| &x.person));
        if let Some(p) = named.into_iter().find(|p| !self.person_ok(p)) {
            return Err(ImportRule::NotInFile {
                record,
                target: RecordRef::new("person", p.0),
            });
        }
        let mut asked = HashSet::new();
        if let Some(x) = c.consents.iter().find(|x| !asked.insert(x.person)) {
            return Err(ImportRule::TwoConsents {
                case: c.id,
                person: x.person,
            });
        }
        Ok(())
    }

    /// An action's case, owner, who marked it done and its meeting are in the file.
    fn action_refs(&self, a: &Action) -> Rule {
        let record = RecordRef::new("action", a.id.0);
        if !self.cases.contains(&a.case.0) {
            return Err(ImportRule::NotInFile {
                record,
                target: RecordRef::new("case", a.case.0),
            });
        }
        if let Some(p) = a.owner.iter().find(|p| !self.person_ok(p)) {
            return Err(ImportRule::NotInFile {
                record,
                target: RecordRef::new("owner", p.0),
            });
        }
        let done_by = a.done.as_ref().and_then(|d| d.by);
        if let Some(p) = done_by.filter(|p| !self.person_ok(p)) {
            return Err(ImportRule::DoneByUnknown {
                action: a.id,
                person: p,
            });
        }
        if let Some(m) = a.meeting.filter(|m| !self.meetings.contains(&m.0)) {
            return Err(ImportRule::NotInFile {
                record,
                target: RecordRef::new("meeting", m.0),
            });
        }
        Ok(())
    }

    /// A meeting's items' cases and attendees are in the file, a case is on its agenda once,
    /// and the actions its items list are in the file.
    fn meeting_refs(&self, m: &Meeting) -> Rule {
        let record = RecordRef::new("meeting", m.id.0);
        if let Some(i) = m.items.iter().find(|i| !self.cases.contains(&i.case.0)) {
            return Err(ImportRule::NotInFile {
                record,
                target: RecordRef::new("case", i.case.0),
            });
        }
        if let Some(p) = m.attendees.iter().find(|p| !self.person_ok(p)) {
            return Err(ImportRule::NotInFile {
                record,
                target: RecordRef::new("person", p.0),
            });
        }
        let mut on_agenda = HashSet::new();
        if let Some(i) = m.items.iter().find(|i| !on_agenda.insert(i.case)) {
            return Err(ImportRule::OnAgendaTwice {
                meeting: m.id,
                case: i.case,
            });
        }
        for i in &m.items {
            for (list, listed) in [
                (ItemList::Added, &i.actions_added),
                (ItemList::Done, &i.actions_done),
            ] {
                if let Some(a) = listed.iter().find(|a| !self.actions.contains(&a.0)) {
                    return Err(ImportRule::ListedActionUnknown {
                        meeting: m.id,
                        case: i.case,
                        action: *a,
                        list,
                    });
                }
            }
        }
        Ok(())
    }
}

fn unique<I: Iterator<Item = u64>>(
    kind: &'static str,
    ids: I,
) -> std::result::Result<HashSet<u64>, ImportRule> {
    let mut seen = HashSet::new();
    for id in ids {
        if id == 0 || !seen.insert(id) {
            return Err(ImportRule::IdTwice { kind, id });
        }
    }
    Ok(seen)
}

/// An event's case, family and meeting are in the file.
fn events_resolve(doc: &ExportDoc, ids: &Ids) -> Rule {
    for e in &doc.events {
        let record = RecordRef::new("event", e.id.0);
        if let Some(c) = e.case.filter(|c| !ids.cases.contains(&c.0)) {
            return Err(ImportRule::NotInFile {
                record,
                target: RecordRef::new("case", c.0),
            });
        }
        if let Some(f) = e.family.filter(|f| !ids.families.contains(&f.0)) {
            return Err(ImportRule::NotInFile {
                record,
                target: RecordRef::new("family", f.0),
            });
        }
        if let Some(m) = event_meeting(&e.kind).filter(|m| !ids.meetings.contains(&m.0)) {
            return Err(ImportRule::NotInFile {
                record,
                target: RecordRef::new("meeting", m.0),
            });
        }
    }
    Ok(())
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

/// Text every form asks for (a required field, trimmed) is there.
fn required_text(doc: &ExportDoc) -> Rule {
    let blank = |s: &str| s.trim().is_empty();
    let bad = |what: Blank| Err(ImportRule::Blank(what));
    if let Some(p) = doc.persons.iter().find(|p| blank(&p.name)) {
        return bad(Blank::PersonName(p.id));
    }
    for f in &doc.families {
        if blank(&f.name) {
            return bad(Blank::FamilyName(f.id));
        }
        if let Some(n) = f.carers.iter().position(|c| blank(&c.name)) {
            return bad(Blank::CarerName {
                family: f.id,
                carer: n + 1,
            });
        }
        if let Some(c) = f.children.iter().find(|c| blank(&c.first_name)) {
            return bad(Blank::ChildFirstName {
                family: f.id,
                child: c.id,
            });
        }
    }
    if let Some(c) = doc.cases.iter().find(|c| blank(&c.question)) {
        return bad(Blank::Question(c.id));
    }
    if let Some(a) = doc.actions.iter().find(|a| blank(&a.text)) {
        return bad(Blank::ActionText(a.id));
    }
    for m in &doc.meetings {
        for i in &m.items {
            if let Some(n) = i.agreements.iter().position(|a| blank(&a.text)) {
                return bad(Blank::AgreementText {
                    meeting: m.id,
                    case: i.case,
                    agreement: n + 1,
                });
            }
        }
    }
    Ok(())
}

/// A meeting resumes at its current item, so that item must exist; only a started meeting can
/// have ended; and tandem runs one meeting at a time.
fn meeting_state(doc: &ExportDoc) -> Rule {
    for m in &doc.meetings {
        let n = m.items.len();
        // An empty agenda has no item to point at; 0 is what tandem writes then.
        if m.current >= n && m.current > 0 {
            return Err(ImportRule::CurrentBeyond {
                meeting: m.id,
                current: m.current + 1,
                items: n,
            });
        }
        if m.ended.is_some() && m.started.is_none() {
            return Err(ImportRule::EndedNotStarted(m.id));
        }
    }
    let mut running = doc.meetings.iter().filter(|m| m.is_running());
    if let (Some(a), Some(b)) = (running.next(), running.next()) {
        return Err(ImportRule::TwoRunning(a.id, b.id));
    }
    Ok(())
}

/// Closing and reopening keep a case's history: every closing but the one that closes the case
/// now was reopened, and a closed case has its closing.
fn closings_agree(doc: &ExportDoc) -> Rule {
    for c in &doc.cases {
        let closed = c.status == CaseStatus::Afgesloten;
        if closed && c.closings.is_empty() {
            return Err(ImportRule::ClosedWithoutClosing(c.id));
        }
        let now = closed.then(|| c.closings.len() - 1);
        for (n, cl) in c.closings.iter().enumerate() {
            let rule = match (Some(n) == now, cl.reopened) {
                (true, Some(reopened)) => ImportRule::LastClosingReopened {
                    case: c.id,
                    closed: cl.closed,
                    reopened,
                },
                (false, None) if n + 1 == c.closings.len() => ImportRule::LastClosingOpen {
                    case: c.id,
                    status: c.status,
                    closed: cl.closed,
                },
                (false, None) => ImportRule::EarlierClosingOpen {
                    case: c.id,
                    closing: n + 1,
                    closed: cl.closed,
                },
                _ => continue,
            };
            return Err(rule);
        }
    }
    Ok(())
}
