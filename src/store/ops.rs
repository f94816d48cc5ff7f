//! The changes people make, each one unit of work with its timeline events, committed and
//! flushed before it returns. Callers pass "now"; nothing here reads the clock.

use super::{Invalid, Result, Store, StoreError, Undo};
use crate::domain::diff::case_events;
use crate::domain::{
    Action, ActionId, Case, CaseId, Done, EventKind, Family, FamilyId, Involvement, Person,
    PersonId,
};
use chrono::NaiveDateTime;

impl Store {
    /// Creates or updates a family (carers, children, network).
    pub fn save_family(&mut self, now: NaiveDateTime, family: Family) -> Result<Undo> {
        let old = self.family(family.id)?;
        let mut ch = self.begin();
        let kind = if old.is_some() {
            EventKind::FamilyEdited
        } else {
            EventKind::FamilyCreated
        };
        ch.event(now, None, Some(family.id), kind);
        if let Some(old) = &old {
            for inv in &family.network {
                if !old.network.iter().any(|o| o.person == inv.person) {
                    self.network_event(&mut ch, now, family.id, inv);
                }
            }
        } else {
            for inv in &family.network {
                self.network_event(&mut ch, now, family.id, inv);
            }
        }
        ch.put_family(family);
        self.commit(ch)
    }

    fn network_event(
        &self,
        ch: &mut super::Change,
        now: NaiveDateTime,
        family: FamilyId,
        inv: &Involvement,
    ) {
        ch.event(
            now,
            None,
            Some(family),
            EventKind::NetworkAdded {
                person: inv.person,
                role: inv.role.clone(),
            },
        );
    }

    /// Creates or updates an entry of the sociale kaart.
    pub fn save_person(&mut self, now: NaiveDateTime, person: Person) -> Result<Undo> {
        let kind = if self.person(person.id)?.is_some() {
            EventKind::PersonEdited { person: person.id }
        } else {
            EventKind::PersonCreated { person: person.id }
        };
        let mut ch = self.begin();
        ch.event(now, None, None, kind);
        ch.put_person(person);
        self.commit(ch)
    }

    /// Creates or updates a case; the events are derived from what changed.
    pub fn save_case(&mut self, now: NaiveDateTime, mut case: Case) -> Result<Undo> {
        let family = self.family(case.family)?.ok_or(StoreError::NotFound {
            kind: "family",
            id: case.family.0,
        })?;
        if family.child(case.child).is_none() {
            return Err(Invalid::ChildNotInFamily {
                child: case.child,
                family: family.id,
            }
            .into());
        }
        let mut ch = self.begin();
        let events = match self.case(case.id)? {
            Some(old) => case_events(&old, &case),
            None => vec![EventKind::CaseCreated],
        };
        if events.is_empty() {
            return Ok(Undo::default());
        }
        case.last_activity = now;
        for kind in events {
            ch.event(now, Some(case.id), Some(case.family), kind);
        }
        ch.put_case(case);
        self.commit(ch)
    }

    /// Adds a new action or saves an edited one.
    pub fn save_action(&mut self, now: NaiveDateTime, action: Action) -> Result<Undo> {
        let mut case = self.case(action.case)?.ok_or(StoreError::NotFound {
            kind: "case",
            id: action.case.0,
        })?;
        let kind = match self.action(action.id)? {
            None => EventKind::ActionAdded { action: action.id },
            Some(old) if old.done.is_some() != action.done.is_some() => {
                if action.done.is_some() {
                    EventKind::ActionDone { action: action.id }
                } else {
                    EventKind::ActionReopened { action: action.id }
                }
            }
            Some(old) if old == action => return Ok(Undo::default()),
            Some(_) => EventKind::ActionEdited { action: action.id },
        };
        let mut ch = self.begin();
        ch.event(now, Some(case.id), Some(case.family), kind);
        case.last_activity = now;
        ch.put_case(case);
        ch.put_action(action);
        self.commit(ch)
    }

    /// Marks an action done (`done == true`) or open again. Returns the action as saved.
    pub fn set_action_done(
        &mut self,
        now: NaiveDateTime,
        id: ActionId,
        done: bool,
        by: Option<PersonId>,
    ) -> Result<(Action, Undo)> {
        let mut action = self.action(id)?.ok_or(StoreError::NotFound {
            kind: "action",
            id: id.0,
        })?;
        if action.done.is_some() == done {
            // Already so: marking it again must not move the date it was done.
            return Ok((action, Undo::default()));
        }
        action.done = if done { Some(Done::new(now, by)) } else { None };
        let undo = self.save_action(now, action.clone())?;
        Ok((action, undo))
    }

    /// Removes a case that was created by mistake, with its actions and timeline. Used by undo
    /// of a new case; erasure of a family under the AVG builds on it later.
    pub fn delete_case(&mut self, id: CaseId) -> Result<Undo> {
        if let Some(m) = self
            .meetings()?
            .into_iter()
            .find(|m| m.items.iter().any(|i| i.case == id))
        {
            return Err(Invalid::CaseOnAgenda {
                case: id,
                meeting: m.id,
            }
            .into());
        }
        let mut ch = self.begin();
        ch.removed_events = self.events_of_case(id)?;
        for a in self.actions_of_case(id)? {
            ch.delete_action(a.id);
        }
        ch.delete_case(id);
        self.commit(ch)
    }
}
