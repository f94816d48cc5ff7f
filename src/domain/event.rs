//! One line of a case's timeline (klantreis), which is also the audit trail: when, who, what.
//! Events are structured so the UI can word them in either language and the monitoring can
//! compute from them.

use super::case::{CaseStatus, ConsentStatus, Outcome};
use super::dates::wire;
use super::ids::{ActionId, CaseId, EventId, FamilyId, MeetingId, PersonId};
use super::person::Side;
use chrono::NaiveDateTime;
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum EventKind {
    FamilyCreated,
    FamilyEdited,
    PersonCreated {
        person: PersonId,
    },
    PersonEdited {
        person: PersonId,
    },
    NetworkAdded {
        person: PersonId,
        role: String,
    },
    NetworkEnded {
        person: PersonId,
    },
    CaseCreated,
    CaseEdited,
    StatusChanged {
        from: CaseStatus,
        to: CaseStatus,
    },
    LeadChanged {
        side: Option<Side>,
        person: Option<PersonId>,
    },
    ConsentSet {
        person: PersonId,
        status: ConsentStatus,
    },
    Flagged {
        on: bool,
    },
    Closed {
        outcome: Outcome,
    },
    Reopened,
    ActionAdded {
        action: ActionId,
    },
    ActionEdited {
        action: ActionId,
    },
    ActionDone {
        action: ActionId,
    },
    ActionReopened {
        action: ActionId,
    },
    AgreementRecorded {
        meeting: MeetingId,
        text: String,
    },
    Discussed {
        meeting: MeetingId,
    },
    MeetingStarted {
        meeting: MeetingId,
    },
    MeetingEnded {
        meeting: MeetingId,
    },
    Imported,
    /// Taken out of the network as a mistake (not an ended involvement). New variants go last:
    /// stored events are read by variant index.
    NetworkRemoved {
        person: PersonId,
    },
    /// An open action closed without being done, with why.
    ActionCancelled {
        action: ActionId,
        reason: String,
    },
    /// Records read in from an export or backup file (`tandem import`): which file, whether it
    /// replaced what the store held, and how many families an erasure kept out of it.
    ImportedFrom {
        file: String,
        replaced: bool,
        left_out: u64,
    },
}

/// One field an edit changed, with its value before and after as text (issue 12: "edits
/// record the fields before and after"). Kept inside the event that explains the edit.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FieldChange {
    /// The field's path in the record as exported: `question`, `lead.side`, `carers.1.phone`.
    pub field: String,
    /// The value before, as exported (dates `YYYY-MM-DD`, ids as numbers); empty for none.
    pub before: String,
    /// The value after, in the same way.
    pub after: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Event {
    pub id: EventId,
    #[serde(with = "wire::datetime")]
    pub at: NaiveDateTime,
    /// Who made the change (the user name tandem runs as, or a chosen person).
    pub who: String,
    pub case: Option<CaseId>,
    pub family: Option<FamilyId>,
    pub kind: EventKind,
    /// The fields the change edited, before and after (record format 3; empty for a new or
    /// removed record, and in events written before).
    #[serde(default)]
    pub changes: Vec<FieldChange>,
}
