//! The meeting's changes. Each is one unit of work with the meeting record, so an interrupted
//! meeting resumes exactly where the last keystroke left it.

use super::{Result, Store, StoreError, Undo};
use crate::domain::diff::case_events;
use crate::domain::{Action, ActionId, Case, CaseId, Done, EventKind, Meeting, PersonId};
use chrono::NaiveDateTime;

impl Store {
    /// The meeting that was started and not ended, if any (tandem was quit or crashed mid-way).
    pub fn running_meeting(&self) -> Result<Option<Meeting>> {
        Ok(self
            .meetings()?
            .into_iter()
            .filter(|m| m.is_running())
            .max_by_key(|m| m.id))
    }

    /// Starts a meeting (a new record) with its agenda.
    pub fn start_meeting(&mut self, now: NaiveDateTime, mut meeting: Meeting) -> Result<Meeting> {
        if self.running_meeting()?.is_some() {
            return Err(super::Invalid::MeetingRunning.into());
        }
        let mut ch = self.begin();
        if meeting.id.0 == 0 {
            meeting.id = ch.meeting_id();
        }
        meeting.started = Some(now);
        ch.event(
            now,
            None,
            None,
            EventKind::MeetingStarted {
                meeting: meeting.id,
            },
        );
        ch.put_meeting(meeting.clone());
        self.commit(ch)?;
        Ok(meeting)
    }

    /// Saves the meeting's own state: order, timeboxes, timers, the current item.
    pub fn save_meeting(&mut self, meeting: &Meeting) -> Result<()> {
        let mut ch = self.begin();
        ch.put_meeting(meeting.clone());
        self.commit(ch).map(|_| ())
    }

    /// A new action agreed in the meeting. `meeting` is the record as the domain recorded it
    /// ([`Meeting::record_action`]); it is written with the action and the case's activity in
    /// one unit of work. Errors: the case is gone, the action exists already, or the commit.
    pub fn meeting_action(
        &mut self,
        now: NaiveDateTime,
        meeting: &Meeting,
        action: Action,
    ) -> Result<Undo> {
        let case = self.found_case(action.case)?;
        if self.action(action.id)?.is_some() {
            return Err(super::Invalid::ActionExists(action.id).into());
        }
        let mut ch = self.begin();
        ch.event(
            now,
            Some(case.id),
            Some(case.family),
            EventKind::ActionAdded { action: action.id },
        );
        Self::touch(&mut ch, case, now);
        ch.put_action(action);
        ch.put_meeting(meeting.clone());
        self.commit(ch)
    }

    /// An action marked done (or open again) during the meeting, with the record as
    /// [`Meeting::record_done`] left it. Errors: the action or its case is gone, or the commit.
    pub fn meeting_done(
        &mut self,
        now: NaiveDateTime,
        meeting: &Meeting,
        id: ActionId,
        done: bool,
        by: Option<PersonId>,
    ) -> Result<Undo> {
        let mut action = self.action(id)?.ok_or(StoreError::NotFound {
            kind: "action",
            id: id.0,
        })?;
        let case = self.found_case(action.case)?;
        action.done = done.then(|| Done::new(now, by));
        let kind = if done {
            EventKind::ActionDone { action: id }
        } else {
            EventKind::ActionReopened { action: id }
        };
        let mut ch = self.begin();
        ch.event(now, Some(case.id), Some(case.family), kind);
        Self::touch(&mut ch, case, now);
        ch.put_action(action);
        ch.put_meeting(meeting.clone());
        self.commit(ch)
    }

    /// The case being discussed, edited or closed in the meeting, with the record as
    /// [`Meeting::record_case_change`] left it (the item discussed), in one unit of work, so a
    /// case closed in the meeting is not "not discussed". Errors: the case is gone, or the commit.
    pub fn meeting_case(
        &mut self,
        now: NaiveDateTime,
        meeting: &Meeting,
        mut case: Case,
    ) -> Result<Undo> {
        let old = self.found_case(case.id)?;
        let mut ch = self.begin();
        case.last_activity = now;
        for kind in case_events(&old, &case) {
            ch.event(now, Some(case.id), Some(case.family), kind);
        }
        ch.put_case(case);
        ch.put_meeting(meeting.clone());
        self.commit(ch)
    }

    /// An agreement (afspraak) on `case`, with the record as [`Meeting::record_agreement`] left
    /// it; the text also goes on the case's timeline. Errors: the case is gone, or the commit.
    pub fn meeting_agreement(
        &mut self,
        now: NaiveDateTime,
        meeting: &Meeting,
        case: CaseId,
        text: String,
    ) -> Result<Undo> {
        let case = self.found_case(case)?;
        let mut ch = self.begin();
        ch.event(
            now,
            Some(case.id),
            Some(case.family),
            EventKind::AgreementRecorded {
                meeting: meeting.id,
                text,
            },
        );
        Self::touch(&mut ch, case, now);
        ch.put_meeting(meeting.clone());
        self.commit(ch)
    }

    /// Ends the meeting ([`Meeting::end`] already set its end): every discussed case gets
    /// "besproken" on its timeline and loses its "bespreken" flag (it was discussed); items left
    /// undiscussed carry over to the next agenda (the proposal reads them from this record).
    /// Errors: the commit.
    pub fn end_meeting(&mut self, now: NaiveDateTime, meeting: &Meeting) -> Result<()> {
        let mut ch = self.begin();
        for item in meeting.items.iter().filter(|i| i.discussed) {
            if let Some(mut case) = self.case(item.case)? {
                if case.flagged {
                    case.flagged = false;
                    let off = EventKind::Flagged { on: false };
                    ch.event(now, Some(case.id), Some(case.family), off);
                    ch.put_case(case.clone());
                }
                ch.event(
                    now,
                    Some(case.id),
                    Some(case.family),
                    EventKind::Discussed {
                        meeting: meeting.id,
                    },
                );
            }
        }
        ch.event(
            now,
            None,
            None,
            EventKind::MeetingEnded {
                meeting: meeting.id,
            },
        );
        ch.put_meeting(meeting.clone());
        self.commit(ch).map(|_| ())
    }

    fn found_case(&self, id: CaseId) -> Result<Case> {
        self.case(id)?.ok_or(StoreError::NotFound {
            kind: "case",
            id: id.0,
        })
    }

    /// A change in the meeting is activity on its case.
    fn touch(ch: &mut super::Change, mut case: Case, now: NaiveDateTime) {
        case.last_activity = now;
        ch.put_case(case);
    }
}
