//! The rules an import file must keep before a byte of it is written (issue 8.9): what the
//! store could not hold. Each error names the record and the field.
//!
//! The rules are checked record by record as the file is read ([`Checker`]), so a file of any
//! size is checked without holding it: the checker keeps the ids of each kind, the children of
//! each family, and the few references it can't check yet (an action names a meeting, and the
//! meetings come after the actions in the file). Of everything broken it reports the first in
//! the order below, wherever in the file it was found.

use super::{ExportDoc, Header, Kind, Records, FORMAT_NAME, FORMAT_VERSION};
use crate::domain::{Action, Case, Event, Family, Meeting, MeetingId, Person};
use crate::store::error::ImportRule;
use crate::store::{Result, StoreError};

mod nul;
mod refs;
mod rules;

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
    let mut checker = Checker::default();
    doc.feed(&mut checker)?;
    checker.finish(&doc.header()).map(|_| ())
}

/// Which check, in the order [`validate`] lists them: of two problems, the one whose check
/// comes first is reported.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Stage {
    Format,
    Version,
    Nul,
    Ids,
    FamilyRefs,
    CaseRefs,
    ActionRefs,
    MeetingRefs,
    EventRefs,
    Required,
    MeetingState,
    Closings,
}

/// Where a problem sits in the order of the checks: the check, the kind of record (or list of
/// ids) in the order it is checked, the record's place in its list, and the part of the record.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
struct Place {
    stage: Stage,
    kind: u8,
    index: u64,
    part: (u32, u32, u32),
}

impl Place {
    fn new(stage: Stage, kind: u8, index: u64) -> Place {
        Place {
            stage,
            kind,
            index,
            part: (0, 0, 0),
        }
    }

    fn part(self, a: u32, b: u32, c: u32) -> Place {
        Place {
            part: (a, b, c),
            ..self
        }
    }
}

/// What a checked file holds, for the message after the import.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Counts {
    pub persons: u64,
    pub families: u64,
    pub cases: u64,
    pub actions: u64,
    pub meetings: u64,
    pub events: u64,
}

/// The problem found first in the order of the checks, of all found so far.
#[derive(Default)]
struct First(Option<(Place, StoreError)>);

impl First {
    /// Keeps the problem if it comes before every one found so far.
    fn note(&mut self, place: Place, problem: impl Into<StoreError>) {
        if self.open(place) {
            self.0 = Some((place, problem.into()));
        }
    }

    /// True when nothing found so far comes before `place`: worth checking.
    fn open(&self, place: Place) -> bool {
        self.0.as_ref().is_none_or(|(p, _)| place < *p)
    }
}

/// Checks an export document record by record (see [`validate`] for the rules and their
/// order). Feed it every record through [`Records`], then call [`Checker::finish`].
#[derive(Default)]
pub struct Checker {
    counts: Counts,
    refs: refs::Refs,
    /// The first two running meetings.
    running: Vec<MeetingId>,
    first: First,
}

impl Checker {
    /// Notes what a rule of one record found broken.
    fn rule(&mut self, stage: Stage, kind: u8, index: u64, broken: Option<ImportRule>) {
        if let Some(rule) = broken {
            self.first.note(Place::new(stage, kind, index), rule);
        }
    }

    /// The header's own rules and the references that waited for later lists; then the first
    /// problem of all, or what the file holds.
    ///
    /// Errors: as [`validate`].
    pub fn finish(mut self, header: &Header) -> Result<Counts> {
        let first = &mut self.first;
        if header.format != FORMAT_NAME {
            let place = Place::new(Stage::Format, 0, 0);
            first.note(place, ImportRule::NotAnExport(header.format.clone()));
        }
        if header.version > FORMAT_VERSION {
            let newer = StoreError::NewerVersion {
                found: header.version,
                supported: FORMAT_VERSION,
            };
            first.note(Place::new(Stage::Version, 0, 0), newer);
        }
        // After every record's own fields: the document's strings.
        let place = Place::new(Stage::Nul, Kind::ALL.len() as u8, 0);
        if let Some(rule) = nul::in_header(header) {
            first.note(place, rule);
        }
        if let [a, b, ..] = self.running[..] {
            let place = Place::new(Stage::MeetingState, 1, 0);
            first.note(place, ImportRule::TwoRunning(a, b));
        }
        self.refs.finish(first);
        match self.first.0 {
            Some((_, problem)) => Err(problem),
            None => Ok(self.counts),
        }
    }
}

impl Records for Checker {
    fn person(&mut self, p: Person) -> Result<()> {
        let i = self.counts.persons;
        self.counts.persons += 1;
        let found = nul::in_record(Kind::Person, p.id.0, &p);
        self.rule(Stage::Nul, Kind::Person as u8, i, found);
        self.refs.person(&p, i, &mut self.first);
        self.rule(Stage::Required, Kind::Person as u8, i, rules::person(&p));
        Ok(())
    }

    fn family(&mut self, f: Family) -> Result<()> {
        let i = self.counts.families;
        self.counts.families += 1;
        let found = nul::in_record(Kind::Family, f.id.0, &f);
        self.rule(Stage::Nul, Kind::Family as u8, i, found);
        self.refs.family(&f, i, &mut self.first);
        self.rule(Stage::Required, Kind::Family as u8, i, rules::family(&f));
        Ok(())
    }

    fn case(&mut self, c: Case) -> Result<()> {
        let i = self.counts.cases;
        self.counts.cases += 1;
        let found = nul::in_record(Kind::Case, c.id.0, &c);
        self.rule(Stage::Nul, Kind::Case as u8, i, found);
        self.refs.case(&c, i, &mut self.first);
        self.rule(
            Stage::Required,
            Kind::Case as u8,
            i,
            rules::case_question(&c),
        );
        self.rule(Stage::Closings, 0, i, rules::closings(&c));
        Ok(())
    }

    fn action(&mut self, a: Action) -> Result<()> {
        let i = self.counts.actions;
        self.counts.actions += 1;
        let found = nul::in_record(Kind::Action, a.id.0, &a);
        self.rule(Stage::Nul, Kind::Action as u8, i, found);
        self.refs.action(&a, i, &mut self.first);
        self.rule(Stage::Required, Kind::Action as u8, i, rules::action(&a));
        Ok(())
    }

    fn meeting(&mut self, m: Meeting) -> Result<()> {
        let i = self.counts.meetings;
        self.counts.meetings += 1;
        let found = nul::in_record(Kind::Meeting, m.id.0, &m);
        self.rule(Stage::Nul, Kind::Meeting as u8, i, found);
        self.refs.meeting(&m, i, &mut self.first);
        self.rule(
            Stage::Required,
            Kind::Meeting as u8,
            i,
            rules::agreements(&m),
        );
        self.rule(Stage::MeetingState, 0, i, rules::meeting_state(&m));
        if m.is_running() && self.running.len() < 2 {
            self.running.push(m.id);
        }
        Ok(())
    }

    fn event(&mut self, e: Event) -> Result<()> {
        let i = self.counts.events;
        self.counts.events += 1;
        let found = nul::in_record(Kind::Event, e.id.0, &e);
        self.rule(Stage::Nul, Kind::Event as u8, i, found);
        self.refs.event(&e, i, &mut self.first);
        Ok(())
    }

    fn list_done(&mut self, kind: Kind) {
        self.refs.list_done(kind);
    }
}
