//! The rules an import file must keep before a byte of it is written (issue 8.9): what the
//! store could not hold. Each error names the record and the field.

use super::{ExportDoc, FORMAT_NAME, FORMAT_VERSION};
use crate::domain::{CaseStatus, EventKind, Family, FamilyId, MeetingId, PersonId};
use crate::store::error::{Blank, ImportRule, ItemList, RecordRef};
use crate::store::{Result, StoreError};
use serde::Serialize;
use std::collections::{HashMap, HashSet};

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
    let bad = |rule: ImportRule| Err(StoreError::from(rule));
    let ref_ = RecordRef::new;
    if doc.format != FORMAT_NAME {
        return bad(ImportRule::NotAnExport(doc.format.clone()));
    }
    if doc.version > FORMAT_VERSION {
        return Err(StoreError::NewerVersion {
            found: doc.version,
            supported: FORMAT_VERSION,
        });
    }
    no_nul(doc)?;
    fn unique<I: Iterator<Item = u64>>(kind: &'static str, ids: I) -> Result<HashSet<u64>> {
        let mut seen = HashSet::new();
        for id in ids {
            if id == 0 || !seen.insert(id) {
                return Err(ImportRule::IdTwice { kind, id }.into());
            }
        }
        Ok(seen)
    }
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
    let person_ok = |p: &PersonId| persons.contains(&p.0);
    let family_by_id: HashMap<FamilyId, &Family> = doc.families.iter().map(|f| (f.id, f)).collect();
    for f in &doc.families {
        if let Some(i) = f.network.iter().find(|i| !person_ok(&i.person)) {
            return bad(ImportRule::NotInFile {
                record: ref_("family", f.id.0),
                target: ref_("person", i.person.0),
            });
        }
    }
    for c in &doc.cases {
        let Some(f) = family_by_id.get(&c.family) else {
            return bad(ImportRule::NotInFile {
                record: ref_("case", c.id.0),
                target: ref_("family", c.family.0),
            });
        };
        if f.child(c.child).is_none() {
            return bad(ImportRule::ChildNotInFamily {
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
        if let Some(p) = named.into_iter().find(|p| !person_ok(p)) {
            return bad(ImportRule::NotInFile {
                record: ref_("case", c.id.0),
                target: ref_("person", p.0),
            });
        }
        let mut asked = HashSet::new();
        if let Some(x) = c.consents.iter().find(|x| !asked.insert(x.person)) {
            return bad(ImportRule::TwoConsents {
                case: c.id,
                person: x.person,
            });
        }
    }
    for a in &doc.actions {
        if !cases.contains(&a.case.0) {
            return bad(ImportRule::NotInFile {
                record: ref_("action", a.id.0),
                target: ref_("case", a.case.0),
            });
        }
        if let Some(p) = a.owner.iter().find(|p| !person_ok(p)) {
            return bad(ImportRule::NotInFile {
                record: ref_("action", a.id.0),
                target: ref_("owner", p.0),
            });
        }
        if let Some(p) = a.done.as_ref().and_then(|d| d.by).filter(|p| !person_ok(p)) {
            return bad(ImportRule::DoneByUnknown {
                action: a.id,
                person: p,
            });
        }
        if let Some(m) = a.meeting.filter(|m| !meetings.contains(&m.0)) {
            return bad(ImportRule::NotInFile {
                record: ref_("action", a.id.0),
                target: ref_("meeting", m.0),
            });
        }
    }
    for m in &doc.meetings {
        if let Some(i) = m.items.iter().find(|i| !cases.contains(&i.case.0)) {
            return bad(ImportRule::NotInFile {
                record: ref_("meeting", m.id.0),
                target: ref_("case", i.case.0),
            });
        }
        if let Some(p) = m.attendees.iter().find(|p| !person_ok(p)) {
            return bad(ImportRule::NotInFile {
                record: ref_("meeting", m.id.0),
                target: ref_("person", p.0),
            });
        }
        let mut on_agenda = HashSet::new();
        if let Some(i) = m.items.iter().find(|i| !on_agenda.insert(i.case)) {
            return bad(ImportRule::OnAgendaTwice {
                meeting: m.id,
                case: i.case,
            });
        }
        for i in &m.items {
            for (list, listed) in [
                (ItemList::Added, &i.actions_added),
                (ItemList::Done, &i.actions_done),
            ] {
                if let Some(a) = listed.iter().find(|a| !actions.contains(&a.0)) {
                    return bad(ImportRule::ListedActionUnknown {
                        meeting: m.id,
                        case: i.case,
                        action: *a,
                        list,
                    });
                }
            }
        }
    }
    for e in &doc.events {
        if let Some(c) = e.case.filter(|c| !cases.contains(&c.0)) {
            return bad(ImportRule::NotInFile {
                record: ref_("event", e.id.0),
                target: ref_("case", c.0),
            });
        }
        if let Some(f) = e.family.filter(|f| !families.contains(&f.0)) {
            return bad(ImportRule::NotInFile {
                record: ref_("event", e.id.0),
                target: ref_("family", f.0),
            });
        }
        if let Some(m) = event_meeting(&e.kind).filter(|m| !meetings.contains(&m.0)) {
            return bad(ImportRule::NotInFile {
                record: ref_("event", e.id.0),
                target: ref_("meeting", m.0),
            });
        }
    }
    required_text(doc)?;
    meeting_state(doc)?;
    closings_agree(doc)
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
fn required_text(doc: &ExportDoc) -> Result<()> {
    let blank = |s: &str| s.trim().is_empty();
    let bad = |what: Blank| Err(StoreError::from(what));
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
fn meeting_state(doc: &ExportDoc) -> Result<()> {
    let bad = |rule: ImportRule| Err(StoreError::from(rule));
    for m in &doc.meetings {
        let n = m.items.len();
        // An empty agenda has no item to point at; 0 is what tandem writes then.
        if m.current >= n && m.current > 0 {
            return bad(ImportRule::CurrentBeyond {
                meeting: m.id,
                current: m.current + 1,
                items: n,
            });
        }
        if m.ended.is_some() && m.started.is_none() {
            return bad(ImportRule::EndedNotStarted(m.id));
        }
    }
    let mut running = doc.meetings.iter().filter(|m| m.is_running());
    if let (Some(a), Some(b)) = (running.next(), running.next()) {
        return bad(ImportRule::TwoRunning(a.id, b.id));
    }
    Ok(())
}

/// Closing and reopening keep a case's history: every closing but the one that closes the case
/// now was reopened, and a closed case has its closing.
fn closings_agree(doc: &ExportDoc) -> Result<()> {
    for c in &doc.cases {
        let closed = c.status == CaseStatus::Afgesloten;
        if closed && c.closings.is_empty() {
            return Err(ImportRule::ClosedWithoutClosing(c.id).into());
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
            return Err(rule.into());
        }
    }
    Ok(())
}

/// No text anywhere in the document holds U+0000. One pass over the serialised document finds
/// out whether any string does, whatever field it is in (fields added later included); only then
/// is the place looked up, record by record.
fn no_nul(doc: &ExportDoc) -> Result<()> {
    if !has_nul(doc) {
        return Ok(());
    }
    fn records<R: Serialize>(kind: &'static str, list: &[R], id: impl Fn(&R) -> u64) -> Result<()> {
        for r in list.iter().filter(|r| has_nul(*r)) {
            if let Some(path) = serde_json::to_value(r).ok().as_ref().and_then(nul_path) {
                let record = Some(RecordRef::new(kind, id(r)));
                return Err(ImportRule::Nul { record, path }.into());
            }
        }
        Ok(())
    }
    records("person", &doc.persons, |p| p.id.0)?;
    records("family", &doc.families, |f| f.id.0)?;
    records("case", &doc.cases, |c| c.id.0)?;
    records("action", &doc.actions, |a| a.id.0)?;
    records("meeting", &doc.meetings, |m| m.id.0)?;
    records("event", &doc.events, |e| e.id.0)?;
    // Not in a record: one of the document's own fields.
    match serde_json::to_value(doc).ok().as_ref().and_then(nul_path) {
        Some(path) => Err(ImportRule::Nul { record: None, path }.into()),
        None => Ok(()),
    }
}

/// Whether `x`, written as JSON, holds a NUL in a string. serde_json writes U+0000 only as the
/// escape `\u0000`, so watching for that escape is enough.
fn has_nul<T: Serialize + ?Sized>(x: &T) -> bool {
    let mut scan = NulScan::default();
    // The scan stops the writing with an error at the first NUL.
    let _ = serde_json::to_writer(&mut scan, x);
    scan.found
}

/// Reads JSON as it is written and watches for the escape `\u0000`. `state`: 0 plain text, 1
/// just after an escaping backslash, 2–5 inside `\u` with that many characters of `u000` seen.
#[derive(Default)]
struct NulScan {
    state: u8,
    found: bool,
}

impl std::io::Write for NulScan {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        let mut rest = buf;
        while let Some((&b, tail)) = rest.split_first() {
            if self.state == 0 {
                // Plain text, the bulk of it: only a backslash can start the escape.
                match rest.iter().position(|&b| b == b'\\') {
                    Some(at) => {
                        self.state = 1;
                        rest = &rest[at + 1..];
                    }
                    None => break,
                }
                continue;
            }
            self.state = match (self.state, b) {
                (1, b'u') => 2,
                (2..=4, b'0') => self.state + 1,
                (5, b'0') => {
                    self.found = true;
                    return Err(std::io::Error::other("NUL found"));
                }
                _ => 0,
            };
            rest = tail;
        }
        Ok(buf.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

/// The JSON path (`items[1].agreements[0].text`) of the first string in `v` holding a NUL.
fn nul_path(v: &serde_json::Value) -> Option<String> {
    use serde_json::Value;
    let join = |head: String, rest: String| {
        if rest.is_empty() || rest.starts_with('[') {
            head + &rest
        } else {
            format!("{head}.{rest}")
        }
    };
    match v {
        Value::String(s) => s.contains('\0').then(String::new),
        Value::Array(xs) => xs
            .iter()
            .enumerate()
            .find_map(|(i, x)| nul_path(x).map(|rest| join(format!("[{i}]"), rest))),
        Value::Object(fields) => fields.iter().find_map(|(k, x)| {
            if k.contains('\0') {
                return Some(k.replace('\0', "\\u0000"));
            }
            nul_path(x).map(|rest| join(k.clone(), rest))
        }),
        _ => None,
    }
}
