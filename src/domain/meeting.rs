//! The weekly tandem meeting (overleg): its agenda, what was agreed, and how long it took.

use super::dates::wire;
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

impl Reason {
    /// How urgent the reason is, most urgent first: carried over, then a new question (a family
    /// that asked is waiting for its first answer: "binnen een week"), flagged, an action overdue,
    /// one due soon, not discussed for a while, added by hand. The variants' own order is their
    /// stored index and can't change, so the agenda sorts by this (and, for "new", by whether the
    /// question is still fresh: see `agenda::propose`).
    pub fn rank(self) -> u8 {
        match self {
            Reason::CarriedOver => 0,
            Reason::New => 1,
            Reason::Flagged => 2,
            Reason::Overdue => 3,
            Reason::DueSoon => 4,
            Reason::NotDiscussed => 5,
            Reason::Added => 6,
        }
    }
}

/// An agreed step recorded in a meeting.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Agreement {
    pub text: String,
    #[serde(with = "wire::datetime")]
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
    #[serde(with = "wire::date")]
    pub date: NaiveDate,
    pub attendees: Vec<PersonId>,
    pub items: Vec<AgendaItem>,
    #[serde(default, with = "wire::datetime::option")]
    pub started: Option<NaiveDateTime>,
    #[serde(default, with = "wire::datetime::option")]
    pub ended: Option<NaiveDateTime>,
    /// Index of the item being discussed, so an interrupted meeting resumes where it was.
    pub current: usize,
}

impl AgendaItem {
    /// The case an item names once its family is erased (issue 12): ids start at 1, so no
    /// case has this one. The item stays, so the minutes still read whole, with "verwijderd".
    pub const ERASED: CaseId = CaseId(0);

    /// True for an item whose family was erased.
    pub fn is_erased(&self) -> bool {
        self.case == Self::ERASED
    }
}

impl Meeting {
    pub fn is_running(&self) -> bool {
        self.started.is_some() && self.ended.is_none()
    }
}

/// What a meeting records about its current item. Each `record_*` is pure: the TUI applies it to
/// a copy of the record, hands the copy to the store, and keeps it only once the commit succeeded,
/// so a refused commit leaves no trace in memory either.
impl Meeting {
    /// The case of the item being discussed, while the meeting runs.
    pub fn current_case(&self) -> Option<CaseId> {
        self.is_running()
            .then(|| self.items.get(self.current).map(|i| i.case))
            .flatten()
    }

    /// The item being discussed, when it is about `case`.
    fn current_item_for(&mut self, case: CaseId) -> Option<&mut AgendaItem> {
        let current = self.current;
        self.items.get_mut(current).filter(|i| i.case == case)
    }

    /// A new action agreed on the current item (about `case`); the item counts as discussed.
    /// Returns false (and changes nothing) when the current item is about another case.
    pub fn record_action(&mut self, case: CaseId, action: ActionId) -> bool {
        self.current_item_for(case)
            .map(|it| {
                it.actions_added.push(action);
                it.discussed = true;
            })
            .is_some()
    }

    /// An action of `case` marked done (or open again) on the current item.
    pub fn record_done(&mut self, case: CaseId, action: ActionId, done: bool) -> bool {
        self.current_item_for(case)
            .map(|it| {
                it.actions_done.retain(|a| *a != action);
                if done {
                    it.actions_done.push(action);
                }
                it.discussed = true;
            })
            .is_some()
    }

    /// An agreement (afspraak) on the current item.
    pub fn record_agreement(&mut self, case: CaseId, text: String, at: NaiveDateTime) -> bool {
        self.current_item_for(case)
            .map(|it| {
                it.agreements.push(Agreement { text, at });
                it.discussed = true;
            })
            .is_some()
    }

    /// Ends the meeting at `now`: from here on it is minutes, not a running meeting.
    pub fn end(&mut self, now: NaiveDateTime) {
        self.ended = Some(now);
    }

    /// The current item's case was edited or closed in the meeting: it was discussed.
    pub fn record_case_change(&mut self, case: CaseId) -> bool {
        self.current_item_for(case)
            .map(|it| it.discussed = true)
            .is_some()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn meeting() -> Meeting {
        let at = NaiveDate::from_ymd_opt(2026, 11, 24)
            .and_then(|d| d.and_hms_opt(9, 0, 0))
            .unwrap_or_default();
        Meeting {
            id: MeetingId(1),
            date: at.date(),
            attendees: vec![],
            items: [CaseId(7), CaseId(8)]
                .into_iter()
                .map(|case| crate::domain::agenda::item(case, vec![Reason::New], 5))
                .collect(),
            started: Some(at),
            ended: None,
            current: 1,
        }
    }

    #[test]
    fn records_land_on_the_current_item_only() {
        let mut m = meeting();
        assert_eq!(m.current_case(), Some(CaseId(8)));
        assert!(!m.record_action(CaseId(7), ActionId(3)));
        assert_eq!(m, meeting(), "another case's action changes nothing");
        assert!(m.record_action(CaseId(8), ActionId(3)));
        assert!(m.record_done(CaseId(8), ActionId(4), true));
        assert!(m.record_done(CaseId(8), ActionId(4), true));
        assert!(m.record_agreement(CaseId(8), "bellen".into(), m.started.unwrap_or_default()));
        let it = &m.items[1];
        assert_eq!(it.actions_added, vec![ActionId(3)]);
        assert_eq!(
            it.actions_done,
            vec![ActionId(4)],
            "done twice is recorded once"
        );
        assert_eq!(it.agreements.len(), 1);
        assert!(it.discussed && !m.items[0].discussed);
        assert!(m.record_done(CaseId(8), ActionId(4), false));
        assert!(m.items[1].actions_done.is_empty());
    }

    #[test]
    fn a_meeting_not_running_has_no_current_case() {
        let mut m = meeting();
        m.ended = m.started;
        assert_eq!(m.current_case(), None);
    }
}
