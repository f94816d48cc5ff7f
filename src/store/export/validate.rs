//! The rules an import file must keep before a byte of it is written (issue 8.9): what the
//! store could not hold. Each error names the record and the field.

use super::{ExportDoc, FORMAT_NAME, FORMAT_VERSION};
use crate::domain::{CaseStatus, EventKind, Family, FamilyId, MeetingId, PersonId};
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
pub fn validate(doc: &ExportDoc) -> Result<()> {
    let bad = |msg: String| Err(StoreError::Invalid(msg));
    if doc.format != FORMAT_NAME {
        return bad(format!("not a tandem export (format is '{}')", doc.format));
    }
    if doc.version > FORMAT_VERSION {
        return Err(StoreError::NewerVersion {
            found: doc.version,
            supported: FORMAT_VERSION,
        });
    }
    no_nul(doc)?;
    fn unique<I: Iterator<Item = u64>>(what: &str, ids: I) -> Result<HashSet<u64>> {
        let mut seen = HashSet::new();
        for id in ids {
            if id == 0 || !seen.insert(id) {
                return Err(StoreError::Invalid(format!(
                    "{what} id {id} is zero or appears twice"
                )));
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
            return bad(format!(
                "family {} names person {}, who is not in the file",
                f.id, i.person
            ));
        }
    }
    for c in &doc.cases {
        let Some(f) = family_by_id.get(&c.family) else {
            return bad(format!(
                "case {} names family {}, which is not in the file",
                c.id, c.family
            ));
        };
        if f.child(c.child).is_none() {
            return bad(format!(
                "case {} names child {}, who is not in family {}",
                c.id, c.child, f.id
            ));
        }
        let named = c
            .lead
            .person
            .iter()
            .chain(c.consents.iter().map(|x| &x.person));
        if let Some(p) = named.into_iter().find(|p| !person_ok(p)) {
            return bad(format!(
                "case {} names person {p}, who is not in the file",
                c.id
            ));
        }
        let mut asked = HashSet::new();
        if let Some(x) = c.consents.iter().find(|x| !asked.insert(x.person)) {
            return bad(format!(
                "case {} holds two consents for person {}",
                c.id, x.person
            ));
        }
    }
    for a in &doc.actions {
        if !cases.contains(&a.case.0) {
            return bad(format!(
                "action {} names case {}, which is not in the file",
                a.id, a.case
            ));
        }
        if let Some(p) = a.owner.iter().find(|p| !person_ok(p)) {
            return bad(format!(
                "action {} names owner {p}, who is not in the file",
                a.id
            ));
        }
        if let Some(p) = a.done.as_ref().and_then(|d| d.by).filter(|p| !person_ok(p)) {
            return bad(format!(
                "action {} was marked done by person {p}, who is not in the file",
                a.id
            ));
        }
        if let Some(m) = a.meeting.filter(|m| !meetings.contains(&m.0)) {
            return bad(format!(
                "action {} names meeting {m}, which is not in the file",
                a.id
            ));
        }
    }
    for m in &doc.meetings {
        if let Some(i) = m.items.iter().find(|i| !cases.contains(&i.case.0)) {
            return bad(format!(
                "meeting {} names case {}, which is not in the file",
                m.id, i.case
            ));
        }
        if let Some(p) = m.attendees.iter().find(|p| !person_ok(p)) {
            return bad(format!(
                "meeting {} names person {p}, who is not in the file",
                m.id
            ));
        }
        let mut on_agenda = HashSet::new();
        if let Some(i) = m.items.iter().find(|i| !on_agenda.insert(i.case)) {
            return bad(format!(
                "meeting {}: case {} is on its agenda twice",
                m.id, i.case
            ));
        }
        for i in &m.items {
            for (how, listed) in [("added", &i.actions_added), ("done", &i.actions_done)] {
                if let Some(a) = listed.iter().find(|a| !actions.contains(&a.0)) {
                    return bad(format!(
                        "meeting {}, item of case {}: lists action {a} as {how}, which is not in the file",
                        m.id, i.case
                    ));
                }
            }
        }
    }
    for e in &doc.events {
        if let Some(c) = e.case.filter(|c| !cases.contains(&c.0)) {
            return bad(format!(
                "event {} names case {c}, which is not in the file",
                e.id
            ));
        }
        if let Some(f) = e.family.filter(|f| !families.contains(&f.0)) {
            return bad(format!(
                "event {} names family {f}, which is not in the file",
                e.id
            ));
        }
        if let Some(m) = event_meeting(&e.kind).filter(|m| !meetings.contains(&m.0)) {
            return bad(format!(
                "event {} names meeting {m}, which is not in the file",
                e.id
            ));
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
    let bad = |msg: String| Err(StoreError::Invalid(msg));
    if let Some(p) = doc.persons.iter().find(|p| blank(&p.name)) {
        return bad(format!("person {}: name is empty", p.id));
    }
    for f in &doc.families {
        if blank(&f.name) {
            return bad(format!("family {}: name is empty", f.id));
        }
        if let Some(n) = f.carers.iter().position(|c| blank(&c.name)) {
            return bad(format!("family {}, carer {}: name is empty", f.id, n + 1));
        }
        if let Some(c) = f.children.iter().find(|c| blank(&c.first_name)) {
            return bad(format!(
                "family {}, child {}: first name is empty",
                f.id, c.id
            ));
        }
    }
    if let Some(c) = doc.cases.iter().find(|c| blank(&c.question)) {
        return bad(format!("case {}: question is empty", c.id));
    }
    if let Some(a) = doc.actions.iter().find(|a| blank(&a.text)) {
        return bad(format!("action {}: text is empty", a.id));
    }
    for m in &doc.meetings {
        for i in &m.items {
            if let Some(n) = i.agreements.iter().position(|a| blank(&a.text)) {
                return bad(format!(
                    "meeting {}, item of case {}, agreement {}: text is empty",
                    m.id,
                    i.case,
                    n + 1
                ));
            }
        }
    }
    Ok(())
}

/// A meeting resumes at its current item, so that item must exist; only a started meeting can
/// have ended; and tandem runs one meeting at a time.
fn meeting_state(doc: &ExportDoc) -> Result<()> {
    let bad = |msg: String| Err(StoreError::Invalid(msg));
    for m in &doc.meetings {
        let n = m.items.len();
        // An empty agenda has no item to point at; 0 is what tandem writes then.
        if m.current >= n && m.current > 0 {
            return bad(format!(
                "meeting {}: current item {} is beyond its {n} agenda items",
                m.id,
                m.current + 1
            ));
        }
        if m.ended.is_some() && m.started.is_none() {
            return bad(format!("meeting {}: ended but never started", m.id));
        }
    }
    let mut running = doc.meetings.iter().filter(|m| m.is_running());
    if let (Some(a), Some(b)) = (running.next(), running.next()) {
        return bad(format!(
            "meetings {} and {} are both running (started, not ended); only one can be",
            a.id, b.id
        ));
    }
    Ok(())
}

/// Closing and reopening keep a case's history: every closing but the one that closes the case
/// now was reopened, and a closed case has its closing.
fn closings_agree(doc: &ExportDoc) -> Result<()> {
    for c in &doc.cases {
        let closed = c.status == CaseStatus::Afgesloten;
        if closed && c.closings.is_empty() {
            return Err(StoreError::Invalid(format!(
                "case {}: status afgesloten, but it has no closing",
                c.id
            )));
        }
        let now = closed.then(|| c.closings.len() - 1);
        for (n, cl) in c.closings.iter().enumerate() {
            let problem = match (Some(n) == now, cl.reopened) {
                (true, Some(day)) => format!(
                    "status afgesloten, but its last closing ({}) was reopened on {day}",
                    cl.closed
                ),
                (false, None) if n + 1 == c.closings.len() => format!(
                    "status {}, but its last closing ({}) was never reopened",
                    c.status.key(),
                    cl.closed
                ),
                (false, None) => format!(
                    "closing {} ({}) was never reopened, yet a later closing follows",
                    n + 1,
                    cl.closed
                ),
                _ => continue,
            };
            return Err(StoreError::Invalid(format!("case {}: {problem}", c.id)));
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
    fn records<R: Serialize>(kind: &str, list: &[R], id: impl Fn(&R) -> u64) -> Result<()> {
        for r in list.iter().filter(|r| has_nul(*r)) {
            if let Some(path) = serde_json::to_value(r).ok().as_ref().and_then(nul_path) {
                return Err(StoreError::Invalid(format!(
                    "{kind} {}, field {path}: contains a NUL character",
                    id(r)
                )));
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
        Some(path) => Err(StoreError::Invalid(format!(
            "field {path}: contains a NUL character"
        ))),
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
