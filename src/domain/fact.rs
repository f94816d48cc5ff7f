//! An action's facts: what screen 3's list and the monitor's action counts need of an action,
//! without its text. At 50,000 cases there are 438,000 actions; a screen that reads every whole
//! record keeps them all in sled's page cache for the session (issue 10), where their facts are
//! fewer bytes.

use super::action::Action;
use super::ids::{ActionId, CaseId, PersonId};
use super::person::Side;
use super::summary::ActionEntry;
use chrono::NaiveDate;

/// The facts of one action, all derived from its record ([`ActionFact::of`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ActionFact {
    pub id: ActionId,
    pub case: CaseId,
    pub owner: Option<PersonId>,
    pub side: Side,
    /// The day it was agreed (the date of [`Action::created`]).
    pub created: NaiveDate,
    pub deadline: Option<NaiveDate>,
    /// The day it was finished, done or cancelled.
    pub done: Option<NaiveDate>,
    /// Finished by cancelling it (with a reason) rather than doing it.
    pub cancelled: bool,
}

impl ActionFact {
    /// The facts of `action`.
    pub fn of(action: &Action) -> ActionFact {
        ActionFact {
            id: action.id,
            case: action.case,
            owner: action.owner,
            side: action.side,
            created: action.created.date(),
            deadline: action.deadline,
            done: action.done.as_ref().map(|d| d.at.date()),
            cancelled: action.done.as_ref().is_some_and(|d| d.cancelled.is_some()),
        }
    }

    pub fn is_open(&self) -> bool {
        self.done.is_none()
    }

    /// The deadline day and side an open action with a deadline is counted under for the
    /// overdue line (schema 5's counters, `store/due_counts.rs`); `None` when it is finished
    /// or has no deadline.
    pub fn open_due(&self) -> Option<(NaiveDate, Side)> {
        self.deadline
            .filter(|_| self.is_open())
            .map(|day| (day, self.side))
    }
}

impl From<&ActionFact> for ActionEntry {
    fn from(f: &ActionFact) -> ActionEntry {
        ActionEntry {
            id: f.id,
            case: f.case,
            owner: f.owner,
            side: f.side,
            deadline: f.deadline,
            done: f.done.is_some(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::Done;

    #[test]
    fn the_facts_follow_the_record() {
        let day = NaiveDate::from_ymd_opt(2026, 11, 23).unwrap();
        let now = day.and_hms_opt(23, 59, 0).unwrap();
        let mut a = Action::new(
            ActionId(7),
            CaseId(3),
            "Bellen".into(),
            Some(PersonId(2)),
            Side::Zorg,
            day.succ_opt(),
            now,
        );
        let open = ActionFact::of(&a);
        assert_eq!(open.created, day);
        assert!(open.is_open() && !open.cancelled);
        assert!(!ActionEntry::from(&open).done);
        let later = now + chrono::Duration::days(2);
        a.done = Some(Done {
            at: later,
            by: None,
            cancelled: Some("Verhuisd".into()),
        });
        let f = ActionFact::of(&a);
        assert_eq!(f.done, Some(later.date()));
        assert!(f.cancelled);
        assert!(ActionEntry::from(&f).done);
        a.done = Some(Done::new(later, None));
        assert!(!ActionFact::of(&a).cancelled);
    }

    #[test]
    fn only_an_open_action_with_a_deadline_is_counted_as_due() {
        let day = NaiveDate::from_ymd_opt(2026, 11, 23).unwrap();
        let now = day.and_hms_opt(9, 0, 0).unwrap();
        let mut a = Action::new(
            ActionId(1),
            CaseId(1),
            "x".into(),
            None,
            Side::Zorg,
            Some(day),
            now,
        );
        assert_eq!(ActionFact::of(&a).open_due(), Some((day, Side::Zorg)));
        a.deadline = None;
        assert_eq!(ActionFact::of(&a).open_due(), None);
        a.deadline = Some(day);
        a.done = Some(Done::new(now, None));
        assert_eq!(ActionFact::of(&a).open_due(), None);
    }
}
