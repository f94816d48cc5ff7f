//! Taking in a new case: the family (new, or with a new child), new people of the sociale kaart
//! and the case in one change, so undo takes back all of it and a crash leaves no half.

use super::{Result, Store, Undo};
use crate::domain::{Case, EventKind, Family, Person};
use chrono::NaiveDateTime;

impl Store {
    /// A new case with its family (new or changed). See [`Store::take_in`].
    pub fn create_case(&mut self, now: NaiveDateTime, family: Family, case: Case) -> Result<Undo> {
        self.take_in(now, family, case, Vec::new())
    }

    /// The intake: `persons` new on the sociale kaart, the family (new or changed) with its
    /// network, and the case with its consents, in one unit of work. The timeline says who
    /// joined the network (those the family did not have yet) and each consent recorded.
    ///
    /// Errors: the commit's.
    pub fn take_in(
        &mut self,
        now: NaiveDateTime,
        family: Family,
        mut case: Case,
        persons: Vec<Person>,
    ) -> Result<Undo> {
        let old = self.family(family.id)?;
        let mut ch = self.begin();
        for p in persons {
            ch.event(now, None, None, EventKind::PersonCreated { person: p.id });
            ch.put_person(p);
        }
        let kind = match old {
            Some(_) => EventKind::FamilyEdited,
            None => EventKind::FamilyCreated,
        };
        ch.event(now, None, Some(family.id), kind);
        let had = |p| old.iter().flat_map(|f| &f.network).any(|i| i.person == p);
        for inv in family.network.iter().filter(|i| !had(i.person)) {
            let role = inv.role.clone();
            let joined = EventKind::NetworkAdded {
                person: inv.person,
                role,
            };
            ch.event(now, Some(case.id), Some(family.id), joined);
        }
        ch.event(now, Some(case.id), Some(family.id), EventKind::CaseCreated);
        for c in &case.consents {
            let kind = EventKind::ConsentSet {
                person: c.person,
                status: c.status,
            };
            ch.event(now, Some(case.id), Some(family.id), kind);
        }
        case.created = now;
        case.last_activity = now;
        ch.put_family(family);
        ch.put_case(case);
        self.commit(ch)
    }
}
