//! An action (actie): a task with an owner, a side and a deadline.

use super::dates::wire;
use super::ids::{ActionId, CaseId, MeetingId, PersonId};
use super::person::Side;
use chrono::{NaiveDate, NaiveDateTime};
use serde::{Deserialize, Serialize};

/// How an action was finished: done, or (with a reason) cancelled. Either way it is no longer
/// open.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Done {
    #[serde(with = "wire::datetime")]
    pub at: NaiveDateTime,
    pub by: Option<PersonId>,
    /// Why it was cancelled instead of done (record format 2; `None`: done).
    #[serde(default)]
    pub cancelled: Option<String>,
}

impl Done {
    /// Done `at`, by `by`.
    pub fn new(at: NaiveDateTime, by: Option<PersonId>) -> Done {
        Done {
            at,
            by,
            cancelled: None,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Action {
    pub id: ActionId,
    pub case: CaseId,
    pub text: String,
    pub owner: Option<PersonId>,
    pub side: Side,
    #[serde(default, with = "wire::date::option")]
    pub deadline: Option<NaiveDate>,
    #[serde(with = "wire::datetime")]
    pub created: NaiveDateTime,
    /// The meeting it was agreed in, if any.
    pub meeting: Option<MeetingId>,
    pub done: Option<Done>,
}

impl Action {
    /// A new open action for `case`, agreed `now`; `meeting` is set when a meeting records it.
    pub fn new(
        id: ActionId,
        case: CaseId,
        text: String,
        owner: Option<PersonId>,
        side: Side,
        deadline: Option<NaiveDate>,
        now: NaiveDateTime,
    ) -> Action {
        Action {
            id,
            case,
            text,
            owner,
            side,
            deadline,
            created: now,
            meeting: None,
            done: None,
        }
    }

    pub fn is_open(&self) -> bool {
        self.done.is_none()
    }

    /// Open and past its deadline on `today`.
    pub fn is_overdue(&self, today: NaiveDate) -> bool {
        self.is_open() && self.deadline.is_some_and(|d| d < today)
    }
}
