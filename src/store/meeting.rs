//! The meeting's changes. Each is one unit of work with the meeting record, so an interrupted
//! meeting resumes exactly where the last keystroke left it.

use super::{Result, Store, StoreError, Undo};
use crate::domain::diff::case_events;
use crate::domain::{
    Action, ActionId, Agreement, Case, CaseId, Done, EventKind, Meeting, PersonId,
};
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

    /// A new action agreed in the meeting, on the current item.
    pub fn meeting_action(
        &mut self,
        now: NaiveDateTime,
        meeting: &mut Meeting,
        item: usize,
        mut action: Action,
    ) -> Result<Undo> {
        let mut case = self.case(action.case)?.ok_or(StoreError::NotFound {
            kind: "case",
            id: action.case.0,
        })?;
        let mut ch = self.begin();
        if self.action(action.id)?.is_some() {
            return Err(super::Invalid::ActionExists(action.id).into());
        }
        action.meeting = Some(meeting.id);
        if let Some(it) = meeting.items.get_mut(item) {
            it.actions_added.push(action.id);
            it.discussed = true;
        }
        ch.event(
            now,
            Some(case.id),
            Some(case.family),
            EventKind::ActionAdded { action: action.id },
        );
        case.last_activity = now;
        ch.put_case(case);
        ch.put_action(action);
        ch.put_meeting(meeting.clone());
        self.commit(ch)
    }

    /// Marks an action done (or open again) during the meeting.
    pub fn meeting_done(
        &mut self,
        now: NaiveDateTime,
        meeting: &mut Meeting,
        item: usize,
        id: ActionId,
        done: bool,
        by: Option<PersonId>,
    ) -> Result<Undo> {
        let mut action = self.action(id)?.ok_or(StoreError::NotFound {
            kind: "action",
            id: id.0,
        })?;
        let mut case = self.case(action.case)?.ok_or(StoreError::NotFound {
            kind: "case",
            id: action.case.0,
        })?;
        action.done = done.then_some(Done { at: now, by });
        if let Some(it) = meeting.items.get_mut(item) {
            it.actions_done.retain(|a| *a != id);
            if done {
                it.actions_done.push(id);
            }
            it.discussed = true;
        }
        let kind = if done {
            EventKind::ActionDone { action: id }
        } else {
            EventKind::ActionReopened { action: id }
        };
        let mut ch = self.begin();
        ch.event(now, Some(case.id), Some(case.family), kind);
        case.last_activity = now;
        ch.put_case(case);
        ch.put_action(action);
        ch.put_meeting(meeting.clone());
        self.commit(ch)
    }

    /// The case being discussed, edited or closed in the meeting: the case and its item (now
    /// discussed) in one unit of work, so a case closed in the meeting is not "not discussed".
    pub fn meeting_case(
        &mut self,
        now: NaiveDateTime,
        meeting: &mut Meeting,
        item: usize,
        mut case: Case,
    ) -> Result<Undo> {
        let old = self.case(case.id)?.ok_or(StoreError::NotFound {
            kind: "case",
            id: case.id.0,
        })?;
        let events = case_events(&old, &case);
        if events.is_empty() {
            return Ok(Undo::default());
        }
        if let Some(it) = meeting.items.get_mut(item).filter(|i| i.case == case.id) {
            it.discussed = true;
        }
        let mut ch = self.begin();
        case.last_activity = now;
        for kind in events {
            ch.event(now, Some(case.id), Some(case.family), kind);
        }
        ch.put_case(case);
        ch.put_meeting(meeting.clone());
        self.commit(ch)
    }

    /// An agreement (afspraak) on the current item.
    pub fn meeting_agreement(
        &mut self,
        now: NaiveDateTime,
        meeting: &mut Meeting,
        item: usize,
        text: String,
    ) -> Result<Undo> {
        let case_id: CaseId = meeting
            .items
            .get(item)
            .map(|i| i.case)
            .ok_or(StoreError::Invalid(super::Invalid::NoAgendaItem))?;
        let mut case = self.case(case_id)?.ok_or(StoreError::NotFound {
            kind: "case",
            id: case_id.0,
        })?;
        if let Some(it) = meeting.items.get_mut(item) {
            it.agreements.push(Agreement {
                text: text.clone(),
                at: now,
            });
            it.discussed = true;
        }
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
        case.last_activity = now;
        ch.put_case(case);
        ch.put_meeting(meeting.clone());
        self.commit(ch)
    }

    /// Ends the meeting: every discussed case gets "besproken" on its timeline; items left
    /// undiscussed carry over to the next agenda (the proposal reads them from this record).
    pub fn end_meeting(&mut self, now: NaiveDateTime, meeting: &mut Meeting) -> Result<()> {
        meeting.ended = Some(now);
        let mut ch = self.begin();
        for item in meeting.items.iter().filter(|i| i.discussed) {
            if let Some(case) = self.case(item.case)? {
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
}
