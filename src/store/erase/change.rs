//! The one change that takes a family out of the live store: its record, its cases with their
//! actions and timelines, its events without a case, its items in meetings, and its names in
//! the texts of the meetings and timeline lines that stay.

use super::scrub::Scrub;
use super::Erased;
use crate::domain::{Event, Family, Meeting};
use crate::store::{Change, Result, Store};

impl Store {
    /// The change that erases `family`, and what it takes out.
    ///
    /// Errors: what reading the store reports.
    pub(super) fn erasure_change(&self, family: &Family) -> Result<(Change, Erased)> {
        let mut ch = self.begin();
        let mut scrub = Scrub::default();
        scrub.family(family);
        let mut erased = Erased {
            family: family.id,
            cases: 0,
            actions: 0,
            events: 0,
            items: 0,
            backups: 0,
        };
        for case in self.cases_of_family(family.id)? {
            for a in self.actions_of_case(case.id)? {
                scrub.actions.insert(a.id);
                ch.delete_action(a.id);
                erased.actions += 1;
            }
            ch.removed_events.extend(self.events_of_case(case.id)?);
            scrub.cases.insert(case.id);
            ch.delete_case(case.id);
            erased.cases += 1;
        }
        ch.delete_family(family.id);
        let mut kept_texts: Vec<Event> = Vec::new();
        self.each_event(|e: Event| -> Result<()> {
            if scrub.drops_event(&e) {
                if e.case.is_none() {
                    ch.removed_events.push(e);
                }
            } else if let Some(scrubbed) = scrub.event(&e) {
                kept_texts.push(e);
                ch.events.push(scrubbed);
            }
            Ok(())
        })?;
        // A line whose text changes is taken out and put back: a case's timeline is one value.
        ch.removed_events.extend(kept_texts);
        erased.events = ch.removed_events.len() - ch.events.len();
        self.each_meeting(|mut m: Meeting| -> Result<()> {
            let items = scrub.items_in(&m);
            if scrub.meeting(&mut m) {
                erased.items += items;
                ch.put_meeting(m);
            }
            Ok(())
        })?;
        Ok((ch, erased))
    }
}
