//! De sociale kaart (screen 4): the professionals around the school, and one person's page with
//! the families they are involved with.

pub mod view;

use super::app::{App, Page};
use super::update::Problem;
use crate::domain::{Family, Person, PersonId};
use crate::store::{Result, Store};

#[derive(Debug, Clone)]
pub struct PersonPage {
    pub person: Person,
    /// Families this person is involved with, by name, with the role.
    pub families: Vec<(Family, String)>,
    pub selected: usize,
}

/// Reads what person `id`'s page shows. `Ok(None)`: not on the sociale kaart.
pub fn person_page(store: &Store, app: &App, id: PersonId) -> Result<Option<PersonPage>> {
    let Some(person) = app.person(id).cloned() else {
        return Ok(None);
    };
    // The families a person is involved with: found through the case rows' families, so this
    // reads only the families that have cases, never the whole store's records twice.
    let mut seen = std::collections::HashSet::new();
    let mut families = Vec::new();
    for row in app.cases.rows.iter() {
        if !seen.insert(row.family) {
            continue;
        }
        if let Some(f) = store.family(row.family)? {
            if let Some(inv) = f.network.iter().find(|i| i.person == id) {
                let role = inv.role.clone();
                families.push((f, role));
            }
        }
    }
    families.sort_by_key(|a| a.0.name.to_lowercase());
    Ok(Some(PersonPage {
        person,
        families,
        selected: 0,
    }))
}

/// Opens person `id` as a page. Errors: they are gone, or the store could not read it.
pub fn open(app: &mut App, store: &Store, id: PersonId) -> std::result::Result<(), Problem> {
    let page = person_page(store, app, id)?.ok_or(Problem::NotFound)?;
    app.pages.push(Page::Person(Box::new(page)));
    Ok(())
}
