//! The rules a change or a file can break, each with the records it involves as data, so the
//! i18n catalog can word it and a caller can tell one from another.

use crate::domain::{ActionId, CaseId, CaseStatus, ChildId, FamilyId, MeetingId, PersonId};
use chrono::NaiveDate;
use std::fmt;
use std::path::PathBuf;

/// A change, or a file given to tandem, that breaks one of the store's rules.
#[derive(Debug, thiserror::Error)]
pub enum Invalid {
    /// A case names a child who is not in its family ([`Store::save_case`](crate::store::Store::save_case)).
    #[error("child {child} is not in family {family}")]
    ChildNotInFamily { child: ChildId, family: FamilyId },
    /// A case on a meeting's agenda can't be deleted: the minutes name it.
    #[error("case {case} is on the agenda of meeting {meeting}")]
    CaseOnAgenda { case: CaseId, meeting: MeetingId },
    /// A family can only be deleted together with its cases.
    #[error("family {0} still has cases")]
    FamilyHasCases(FamilyId),
    /// A case can only be deleted together with its actions.
    #[error("case {0} still has actions")]
    CaseHasActions(CaseId),
    /// An action for a case that does not exist (and is not written in the same change).
    #[error("action {action}: case {case} does not exist")]
    ActionWithoutCase { action: ActionId, case: CaseId },
    /// tandem runs one meeting at a time.
    #[error("a meeting is already running")]
    MeetingRunning,
    /// A new action in the meeting with an id that is taken.
    #[error("action {0} exists already")]
    ActionExists(ActionId),
    /// The meeting has no agenda item at the place asked for.
    #[error("no agenda item")]
    NoAgendaItem,
    /// A file named to read from (a backup to restore) can't be opened or looked at.
    #[error("{} could not be opened: {source}", path.display())]
    FileUnreadable {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    /// A backup file whose content is not a tandem export (or whose gzip is broken).
    #[error("{} is not a readable backup: {source}", path.display())]
    NotABackup {
        path: PathBuf,
        #[source]
        source: serde_json::Error,
    },
    /// `tandem restore` without a file, in a data dir that has no backup.
    #[error("there is no backup in this data dir yet")]
    NoBackup,
    /// The demo school's own tables name something they don't hold (a fault in tandem).
    #[error("demo: {0}")]
    Demo(DemoGap),
    /// An import file breaks one of the rules of [`validate`](crate::store::export::validate).
    #[error(transparent)]
    Import(#[from] ImportRule),
}

// The nested rules convert straight into the store's error, so `?` and `.into()` reach it.
impl From<DemoGap> for crate::store::StoreError {
    fn from(gap: DemoGap) -> Self {
        Invalid::Demo(gap).into()
    }
}

impl From<ImportRule> for crate::store::StoreError {
    fn from(rule: ImportRule) -> Self {
        Invalid::Import(rule).into()
    }
}

impl From<Blank> for crate::store::StoreError {
    fn from(blank: Blank) -> Self {
        ImportRule::Blank(blank).into()
    }
}

/// What the demo school's tables name but don't hold, by its key in those tables.
#[derive(Debug, thiserror::Error)]
pub enum DemoGap {
    /// No entry of the sociale kaart has this key.
    #[error("no person '{0}'")]
    Person(String),
    /// The case with this key names a child its family does not have.
    #[error("no child for {0}")]
    ChildOfCase(String),
    /// A past meeting names a case key no family has.
    #[error("meeting names no case '{0}'")]
    Case(String),
}

/// One record of an import file: its kind as the file names it (`"case"`, `"person"`, or the
/// role in which it is named, such as `"owner"`) and its id.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RecordRef {
    pub kind: &'static str,
    pub id: u64,
}

impl fmt::Display for RecordRef {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} {}", self.kind, self.id)
    }
}

impl RecordRef {
    /// The record of kind `kind` with id `id`.
    pub fn new(kind: &'static str, id: u64) -> RecordRef {
        RecordRef { kind, id }
    }

    /// "who" for a person, "which" for a thing.
    fn who_or_which(&self) -> &'static str {
        match self.kind {
            "person" | "owner" | "child" => "who",
            _ => "which",
        }
    }
}

/// A rule of an import file (issue 8.9), broken at a place the message names: the record, and
/// the field or item. Numbers of items within a record (carer 2, agreement 1, the current
/// item) count from 1, as a person counts; ids are the file's own.
///
/// The wording stays in the file's own vocabulary (its record kinds and field names are
/// English JSON keys) in both languages, so the message points at what the file says.
#[derive(Debug, thiserror::Error)]
pub enum ImportRule {
    /// The `format` field is not tandem's (the file holds this instead).
    #[error("not a tandem export (format is '{0}')")]
    NotAnExport(String),
    /// Ids of one kind must be unique and not zero.
    #[error("{kind} id {id} is zero or appears twice")]
    IdTwice { kind: &'static str, id: u64 },
    /// `record` refers to `target`, which the file does not hold.
    #[error("{record} names {target}, {} is not in the file", .target.who_or_which())]
    NotInFile {
        record: RecordRef,
        target: RecordRef,
    },
    /// A case's child must be a child of the case's family.
    #[error("case {case} names child {child}, who is not in family {family}")]
    ChildNotInFamily {
        case: CaseId,
        child: ChildId,
        family: FamilyId,
    },
    /// One consent per person per case.
    #[error("case {case} holds two consents for person {person}")]
    TwoConsents { case: CaseId, person: PersonId },
    /// Who marked an action done must be in the file.
    #[error("action {action} was marked done by person {person}, who is not in the file")]
    DoneByUnknown { action: ActionId, person: PersonId },
    /// A case is on one meeting's agenda once.
    #[error("meeting {meeting}: case {case} is on its agenda twice")]
    OnAgendaTwice { meeting: MeetingId, case: CaseId },
    /// An agenda item lists an action the file does not hold.
    #[error("meeting {meeting}, item of case {case}: lists action {action} as {list}, which is not in the file")]
    ListedActionUnknown {
        meeting: MeetingId,
        case: CaseId,
        action: ActionId,
        list: ItemList,
    },
    /// A text holds U+0000, which the store can't keep: in `record` (`None`: one of the
    /// document's own fields), at the JSON path `path` (`items[1].agreements[0].text`).
    #[error("{}field {path}: contains a NUL character", in_record(.record))]
    Nul {
        record: Option<RecordRef>,
        path: String,
    },
    /// A field every form requires is empty (or only white space).
    #[error(transparent)]
    Blank(#[from] Blank),
    /// A meeting resumes at its current item, so that item must exist.
    #[error("meeting {meeting}: current item {current} is beyond its {items} agenda items")]
    CurrentBeyond {
        meeting: MeetingId,
        current: usize,
        items: usize,
    },
    /// Only a started meeting can have ended.
    #[error("meeting {0}: ended but never started")]
    EndedNotStarted(MeetingId),
    /// tandem runs one meeting at a time.
    #[error("meetings {0} and {1} are both running (started, not ended); only one can be")]
    TwoRunning(MeetingId, MeetingId),
    /// A closed case has its closing.
    #[error("case {0}: status afgesloten, but it has no closing")]
    ClosedWithoutClosing(CaseId),
    /// A closed case's last closing was not reopened.
    #[error("case {case}: status afgesloten, but its last closing ({closed}) was reopened on {reopened}")]
    LastClosingReopened {
        case: CaseId,
        closed: NaiveDate,
        reopened: NaiveDate,
    },
    /// A case that is not closed had its last closing reopened.
    #[error("case {case}: status {}, but its last closing ({closed}) was never reopened", .status.key())]
    LastClosingOpen {
        case: CaseId,
        status: CaseStatus,
        closed: NaiveDate,
    },
    /// Every closing before the last one was reopened.
    #[error(
        "case {case}: closing {closing} ({closed}) was never reopened, yet a later closing follows"
    )]
    EarlierClosingOpen {
        case: CaseId,
        closing: usize,
        closed: NaiveDate,
    },
}

fn in_record(record: &Option<RecordRef>) -> String {
    record.map(|r| format!("{r}, ")).unwrap_or_default()
}

/// The two lists of actions an agenda item keeps.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ItemList {
    Added,
    Done,
}

impl fmt::Display for ItemList {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            ItemList::Added => "added",
            ItemList::Done => "done",
        })
    }
}

/// A required text that is empty, by the record (and the item within it) it belongs to.
#[derive(Debug, thiserror::Error)]
pub enum Blank {
    #[error("person {0}: name is empty")]
    PersonName(PersonId),
    #[error("family {0}: name is empty")]
    FamilyName(FamilyId),
    #[error("family {family}, carer {carer}: name is empty")]
    CarerName { family: FamilyId, carer: usize },
    #[error("family {family}, child {child}: first name is empty")]
    ChildFirstName { family: FamilyId, child: ChildId },
    #[error("case {0}: question is empty")]
    Question(CaseId),
    #[error("action {0}: text is empty")]
    ActionText(ActionId),
    #[error("meeting {meeting}, item of case {case}, agreement {agreement}: text is empty")]
    AgreementText {
        meeting: MeetingId,
        case: CaseId,
        agreement: usize,
    },
}
