//! Taking in a new case: the family (new, or with a new child) and the case in one change, so
//! undo takes back both and a crash leaves neither half.

use super::{Result, Store, Undo};
use crate::domain::{Case, EventKind, Family};
use chrono::NaiveDateTime;

impl Store {
    pub fn create_case(
        &mut self,
        now: NaiveDateTime,
        family: Family,
        mut case: Case,
    ) -> Result<Undo> {
        let mut ch = self.begin();
        let kind = if self.family(family.id)?.is_some() {
            EventKind::FamilyEdited
        } else {
            EventKind::FamilyCreated
        };
        ch.event(now, None, Some(family.id), kind);
        ch.event(now, Some(case.id), Some(family.id), EventKind::CaseCreated);
        case.created = now;
        case.last_activity = now;
        ch.put_family(family);
        ch.put_case(case);
        self.commit(ch)
    }
}
