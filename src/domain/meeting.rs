//! The weekly tandem meeting (overleg): its agenda, what was agreed, and how long it took.

use super::ids::{ActionId, CaseId, MeetingId, PersonId};
use chrono::{NaiveDate, NaiveDateTime};
use serde::{Deserialize, Serialize};

/// Why a case is on the agenda.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Reason {
    /// Carried over, unfinished, from the last meeting.
    CarriedOver,
    /// Flagged "bespreken".
    Flagged,
    /// An action is overdue.
    Overdue,
    /// An action falls due before the next meeting.
    DueSoon,
    /// A new case not discussed yet.
    New,
    /// Not discussed for some weeks.
    NotDiscussed,
    /// Added by hand during the meeting.
    Added,
}

/// An agreed step recorded in a meeting.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Agreement {
    pub text: String,
    pub at: NaiveDateTime,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AgendaItem {
    pub case: CaseId,
    pub reasons: Vec<Reason>,
    pub notes: String,
    pub agreements: Vec<Agreement>,
    /// Actions created while this item was discussed.
    pub actions_added: Vec<ActionId>,
    /// Actions marked done while this item was discussed.
    pub actions_done: Vec<ActionId>,
    pub timebox_minutes: u32,
    pub seconds_spent: u32,
    pub discussed: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Meeting {
    pub id: MeetingId,
    pub date: NaiveDate,
    pub attendees: Vec<PersonId>,
    pub items: Vec<AgendaItem>,
    pub started: Option<NaiveDateTime>,
    pub ended: Option<NaiveDateTime>,
    /// Index of the item being discussed, so an interrupted meeting resumes where it was.
    pub current: usize,
}

impl Meeting {
    pub fn is_running(&self) -> bool {
        self.started.is_some() && self.ended.is_none()
    }
}
