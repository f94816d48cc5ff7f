//! Corrections after the fact: someone's involvement ended or taken back as a mistake, and a
//! case closed together with what becomes of its open actions. Each is one unit of work with
//! its timeline events, so one undo takes back all of it.

use super::{Result, Store, StoreError, Undo};
use crate::domain::diff::case_events;
use crate::domain::{Action, Case, EventKind, FamilyId, Meeting, PersonId};
use chrono::{NaiveDate, NaiveDateTime};

/// What happens to a person in a family's network.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NetworkChange {
    /// Involved until this day; kept as history (klantreis, faces count of that time).
    End(NaiveDate),
    /// Added by mistake: taken out, history and all (the timeline says so).
    Remove,
}

impl Store {
    /// Ends or removes `person`'s place in `family`'s network.
    ///
    /// Errors: [`StoreError::NotFound`] for a family that is not there, or a person who is not
    /// (or, to end, no longer) in its network; the commit's errors.
    pub fn change_network(
        &mut self,
        now: NaiveDateTime,
        family: FamilyId,
        person: PersonId,
        change: NetworkChange,
    ) -> Result<Undo> {
        let mut f = self.family(family)?.ok_or(StoreError::NotFound {
            kind: "family",
            id: family.0,
        })?;
        let (changed, kind) = match change {
            NetworkChange::End(day) => (
                f.end_involvement(person, day),
                EventKind::NetworkEnded { person },
            ),
            NetworkChange::Remove => (
                f.remove_from_network(person),
                EventKind::NetworkRemoved { person },
            ),
        };
        if !changed {
            return Err(StoreError::NotFound {
                kind: "network person",
                id: person.0,
            });
        }
        let mut ch = self.begin();
        ch.event(now, None, Some(family), kind);
        ch.put_family(f);
        self.commit(ch)
    }

    /// Saves a closed `case` with its open actions as they were finished (`actions`: each done
    /// or cancelled, see [`crate::domain::Done`]), and the running meeting's record when the
    /// case was closed in it, in one unit of work.
    ///
    /// Errors: [`StoreError::NotFound`] for a case or action that is not there; the commit's.
    pub fn close_with_actions(
        &mut self,
        now: NaiveDateTime,
        meeting: Option<&Meeting>,
        mut case: Case,
        actions: Vec<Action>,
    ) -> Result<Undo> {
        let old = self.case(case.id)?.ok_or(StoreError::NotFound {
            kind: "case",
            id: case.id.0,
        })?;
        let mut ch = self.begin();
        for a in actions {
            if self.action(a.id)?.is_none() {
                return Err(StoreError::NotFound {
                    kind: "action",
                    id: a.id.0,
                });
            }
            let kind = match a.done.as_ref().and_then(|d| d.cancelled.clone()) {
                Some(reason) => EventKind::ActionCancelled {
                    action: a.id,
                    reason,
                },
                None => EventKind::ActionDone { action: a.id },
            };
            ch.event(now, Some(case.id), Some(case.family), kind);
            ch.put_action(a);
        }
        case.last_activity = now;
        for kind in case_events(&old, &case) {
            ch.event(now, Some(case.id), Some(case.family), kind);
        }
        ch.put_case(case);
        if let Some(m) = meeting {
            ch.put_meeting(m.clone());
        }
        self.commit(ch)
    }
}
