//! The families of a file that were erased from this data dir (`vergeten.json`): found before
//! the import writes anything, so that it leaves them out with everything that hangs on them.

use super::{read_again, Checked, Kind, Records, Wanted};
use crate::domain::{Action, Case, Event, Family, Meeting, Person};
use crate::store::erase::scrub::Scrub;
use crate::store::erase::ErasedList;
use crate::store::Result;

/// What of a checked file the list of erased families names: the families, their cases and
/// their actions, gathered before anything is written.
///
/// Errors: as [`read_again`].
pub(super) fn erased_in(checked: &Checked, list: &ErasedList) -> Result<Scrub> {
    let mut found = Erased {
        list,
        scrub: Scrub::default(),
    };
    for kind in [Kind::Family, Kind::Case, Kind::Action] {
        read_again(checked, Wanted::only(&[kind]), &mut found)?;
    }
    Ok(found.scrub)
}

/// Gathers what [`erased_in`] finds.
struct Erased<'l> {
    list: &'l ErasedList,
    scrub: Scrub,
}

impl Records for Erased<'_> {
    fn person(&mut self, _: Person) -> Result<()> {
        Ok(())
    }
    fn family(&mut self, f: Family) -> Result<()> {
        if self.list.names(&f) {
            self.scrub.family(&f);
        }
        Ok(())
    }
    fn case(&mut self, c: Case) -> Result<()> {
        if self.scrub.families.contains(&c.family) {
            self.scrub.cases.insert(c.id);
        }
        Ok(())
    }
    fn action(&mut self, a: Action) -> Result<()> {
        if self.scrub.cases.contains(&a.case) {
            self.scrub.actions.insert(a.id);
        }
        Ok(())
    }
    fn meeting(&mut self, _: Meeting) -> Result<()> {
        Ok(())
    }
    fn event(&mut self, _: Event) -> Result<()> {
        Ok(())
    }
}
