//! Compact rows derived from the records, kept beside them in the store so that the first screen
//! and the action lists never need to decode every full record. Derived by these pure functions
//! only; `tandem check` recomputes them and compares.

use super::action::Action;
use super::case::{Case, CaseStatus};
use super::dates::wire;
use super::family::Family;
use super::ids::{ActionId, CaseId, ChildId, FamilyId, PersonId};
use super::person::Side;
use super::text::short;
use chrono::{NaiveDate, NaiveDateTime};
use serde::{Deserialize, Serialize};

/// How much of the question a case row keeps (enough for any list column and the lookup).
pub const QUESTION_SHORT_CHARS: usize = 80;

/// One line of the case list.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CaseSummary {
    pub id: CaseId,
    pub family: FamilyId,
    pub child: ChildId,
    pub child_name: String,
    pub family_name: String,
    pub groep: String,
    pub school: String,
    pub question: String,
    pub status: CaseStatus,
    pub lead_side: Option<Side>,
    pub flagged: bool,
    #[serde(with = "wire::datetime")]
    pub last_activity: NaiveDateTime,
    pub open_onderwijs: u32,
    pub open_zorg: u32,
    #[serde(default, with = "wire::date::option")]
    pub next_deadline: Option<NaiveDate>,
}

/// What a case row counts of its case's actions: the open ones per side, and the earliest
/// deadline among them. Built one action at a time, so a whole store can be tallied without
/// holding its actions.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct OpenTally {
    pub onderwijs: u32,
    pub zorg: u32,
    pub next_deadline: Option<NaiveDate>,
}

impl OpenTally {
    /// Counts `action` in when it is open.
    pub fn add(&mut self, action: &Action) {
        if !action.is_open() {
            return;
        }
        match action.side {
            Side::Onderwijs => self.onderwijs += 1,
            Side::Zorg => self.zorg += 1,
        }
        if let Some(d) = action.deadline {
            self.next_deadline = Some(self.next_deadline.map_or(d, |n| n.min(d)));
        }
    }
}

impl CaseSummary {
    pub fn derive(case: &Case, family: Option<&Family>, actions: &[&Action]) -> CaseSummary {
        let mut open = OpenTally::default();
        for a in actions {
            open.add(a);
        }
        CaseSummary::derive_tallied(case, family, open)
    }

    /// As [`CaseSummary::derive`], with the case's actions already tallied.
    pub fn derive_tallied(case: &Case, family: Option<&Family>, open: OpenTally) -> CaseSummary {
        let child = family.and_then(|f| f.child(case.child));
        CaseSummary {
            id: case.id,
            family: case.family,
            child: case.child,
            child_name: child.map(|c| c.full_name()).unwrap_or_default(),
            family_name: family.map(|f| f.name.clone()).unwrap_or_default(),
            groep: child.map(|c| c.groep.clone()).unwrap_or_default(),
            school: child.map(|c| c.school.clone()).unwrap_or_default(),
            question: short(&case.question, QUESTION_SHORT_CHARS),
            status: case.status,
            lead_side: case.lead.side,
            flagged: case.flagged,
            last_activity: case.last_activity,
            open_onderwijs: open.onderwijs,
            open_zorg: open.zorg,
            next_deadline: open.next_deadline,
        }
    }

    pub fn is_overdue(&self, today: NaiveDate) -> bool {
        self.next_deadline.is_some_and(|d| d < today)
    }
}

/// One line of an action list, carrying what every list and export shows, so that a list of tens
/// of thousands of actions is one range scan without a point read per hit.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ActionSummary {
    pub id: ActionId,
    pub case: CaseId,
    pub child_name: String,
    pub groep: String,
    pub text: String,
    pub owner: Option<PersonId>,
    pub side: Side,
    #[serde(default, with = "wire::date::option")]
    pub deadline: Option<NaiveDate>,
    #[serde(default, with = "wire::datetime::option")]
    pub done: Option<NaiveDateTime>,
}

impl ActionSummary {
    pub fn derive(action: &Action, case: Option<&Case>, family: Option<&Family>) -> ActionSummary {
        let child = case.and_then(|c| family.and_then(|f| f.child(c.child)));
        ActionSummary::of_child(
            action,
            child.map(|c| c.full_name()).unwrap_or_default(),
            child.map(|c| c.groep.clone()).unwrap_or_default(),
        )
    }

    /// As [`ActionSummary::derive`], with the child's name and groep as its case's row holds
    /// them ([`CaseSummary::derive`] names the child the same way); empty without a case.
    pub fn of_child(action: &Action, child_name: String, groep: String) -> ActionSummary {
        ActionSummary {
            id: action.id,
            case: action.case,
            child_name,
            groep,
            text: action.text.clone(),
            owner: action.owner,
            side: action.side,
            deadline: action.deadline,
            done: action.done.as_ref().map(|d| d.at),
        }
    }

    pub fn is_overdue(&self, today: NaiveDate) -> bool {
        self.done.is_none() && self.deadline.is_some_and(|d| d < today)
    }
}

/// What a list of actions sorts, filters and counts by, without the texts: 40 bytes a row, so
/// screen 3 can keep one for each of 438,000 actions and read the texts of the rows on screen
/// only ([`ActionSummary`], by the same key). When a finished action was finished is on its row,
/// not here: its key needs only that it is finished.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ActionEntry {
    pub id: ActionId,
    pub case: CaseId,
    pub owner: Option<PersonId>,
    pub side: Side,
    pub deadline: Option<NaiveDate>,
    /// Done or cancelled.
    pub done: bool,
}

impl From<&ActionSummary> for ActionEntry {
    fn from(r: &ActionSummary) -> ActionEntry {
        ActionEntry {
            id: r.id,
            case: r.case,
            owner: r.owner,
            side: r.side,
            deadline: r.deadline,
            done: r.done.is_some(),
        }
    }
}

impl ActionEntry {
    pub fn is_overdue(&self, today: NaiveDate) -> bool {
        !self.done && self.deadline.is_some_and(|d| d < today)
    }
}

#[cfg(test)]
impl CaseSummary {
    /// A row for tests: case, family and child `id`, lopend, groep 5, no texts, no actions.
    pub(crate) fn sample(id: u64, child_name: &str) -> CaseSummary {
        CaseSummary {
            id: CaseId(id),
            family: FamilyId(id),
            child: ChildId(id),
            child_name: child_name.into(),
            family_name: String::new(),
            groep: "5".into(),
            school: String::new(),
            question: String::new(),
            status: CaseStatus::Lopend,
            lead_side: None,
            flagged: false,
            last_activity: NaiveDateTime::default(),
            open_onderwijs: 0,
            open_zorg: 0,
            next_deadline: None,
        }
    }
}
