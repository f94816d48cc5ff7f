//! A family (gezin): its carers, children, cases and network.

pub mod view;

use super::app::{App, Page};
use super::update::Problem;
use crate::domain::{Case, Family, FamilyId};
use crate::store::{Result, Store};

#[derive(Debug, Clone)]
pub struct FamilyPage {
    pub family: Family,
    pub cases: Vec<Case>,
    pub selected: usize,
}

/// Reads family `id` and its cases. `Ok(None)`: there is no such family.
pub fn family_page(store: &Store, id: FamilyId) -> Result<Option<FamilyPage>> {
    let Some(family) = store.family(id)? else {
        return Ok(None);
    };
    let cases = store.cases_of_family(id)?;
    Ok(Some(FamilyPage {
        family,
        cases,
        selected: 0,
    }))
}

/// Opens family `id` as a page. Errors: it is gone, or the store could not read it.
pub fn open(app: &mut App, store: &Store, id: FamilyId) -> std::result::Result<(), Problem> {
    let page = family_page(store, id)?.ok_or(Problem::NotFound)?;
    app.pages.push(Page::Family(Box::new(page)));
    Ok(())
}
