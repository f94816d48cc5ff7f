//! Opening a form: its body filled from the record it edits, its pick lists from what the app
//! holds (the family's network first).

use super::field::{PickId, PickOption};
use super::kinds::{
    ActionForm, Body, CloseForm, ConsentForm, EditCaseForm, FamilyForm, NetworkForm, NewCaseForm,
    PersonForm,
};
use super::{Field, FieldKind, Form, FormKind};
use crate::domain::dates::Lang;
use crate::domain::{Action, Case, Family, Person, PersonId};
use crate::i18n::{meeting as tm, tui as t};
use crate::store::Store;
use crate::tui::app::App;
use crate::tui::update::Problem;
use std::collections::HashSet;

/// The word for today that date fields start on.
fn today_word(lang: Lang) -> &'static str {
    match lang {
        Lang::Nl => "vandaag",
        Lang::En => "today",
    }
}

/// People to pick from: `first` (the lead and the family's network) at the top, then the rest of
/// the sociale kaart.
pub fn person_options(persons: &[Person], first: &[PersonId]) -> Vec<PickOption> {
    let option = |p: &Person| PickOption {
        id: PickId::Person(p.id),
        label: p.name.clone(),
        detail: format!("{} · {}", p.role, p.organisation),
    };
    let (top, rest): (Vec<&Person>, Vec<&Person>) =
        persons.iter().partition(|p| first.contains(&p.id));
    top.into_iter().chain(rest).map(option).collect()
}

/// Builds the form `kind` asks for. Errors: the record it edits could not be read, or is gone.
pub fn build(app: &App, store: &Store, kind: FormKind) -> Result<Form, Problem> {
    let today = today_word(app.lang);
    let (title, body) = match kind {
        FormKind::NewCase => (t::F_NEW_CASE, Body::NewCase(new_case(app))),
        FormKind::EditCase(id) => {
            let (case, family) = case_and_family(store, id)?;
            let people = person_options(&app.persons, &network(family.as_ref()));
            let lead = app.person_name_or_empty(case.lead.person);
            let form = EditCaseForm::new(&case, people, &lead);
            (t::F_EDIT_CASE, Body::EditCase(id, form))
        }
        FormKind::CloseCase(id) => (t::F_CLOSE_CASE, Body::CloseCase(id, CloseForm::new(today))),
        FormKind::NewAction(id) => {
            let (case, family) = case_and_family(store, id)?;
            let form = action_form(app, &case, family.as_ref(), None);
            (t::F_NEW_ACTION, Body::NewAction(id, form))
        }
        FormKind::EditAction(id) => {
            let action = store.action(id)?.ok_or(Problem::NotFound)?;
            let (case, family) = case_and_family(store, action.case)?;
            let form = action_form(app, &case, family.as_ref(), Some(&action));
            (t::F_EDIT_ACTION, Body::EditAction(id, form))
        }
        FormKind::Consent(case, person) => {
            let now = store
                .case(case)?
                .ok_or(Problem::NotFound)?
                .consent_for(person);
            let form = ConsentForm::new(now, today);
            (t::F_CONSENT, Body::Consent(case, person, form))
        }
        FormKind::AddNetwork(id) => {
            let form = NetworkForm::new(person_options(&app.persons, &[]), today);
            (t::F_ADD_NETWORK, Body::AddNetwork(id, form))
        }
        FormKind::NewPerson => (t::F_NEW_PERSON, Body::NewPerson(PersonForm::new(None))),
        FormKind::EditPerson(id) => {
            let person = app.person(id).ok_or(Problem::NotFound)?;
            (
                t::F_EDIT_PERSON,
                Body::EditPerson(id, PersonForm::new(Some(person))),
            )
        }
        FormKind::EditFamily(id) => {
            let family = store.family(id)?.ok_or(Problem::NotFound)?;
            (
                t::F_EDIT_FAMILY,
                Body::EditFamily(id, FamilyForm::new(&family)),
            )
        }
        FormKind::ChooseMe => {
            let people = FieldKind::Pick(person_options(&app.persons, &[]));
            (
                t::F_CHOOSE_ME,
                Body::ChooseMe(Field::new(t::L_NAME, people).required()),
            )
        }
        FormKind::Agreement(case) => {
            let text = Field::new(tm::L_AGREEMENT, FieldKind::Text).required();
            (tm::F_AGREEMENT, Body::Agreement(case, text))
        }
    };
    Ok(Form::new(title, body))
}

fn case_and_family(
    store: &Store,
    id: crate::domain::CaseId,
) -> Result<(Case, Option<Family>), Problem> {
    let case = store.case(id)?.ok_or(Problem::NotFound)?;
    let family = store.family(case.family)?;
    Ok((case, family))
}

fn network(family: Option<&Family>) -> Vec<PersonId> {
    family
        .iter()
        .flat_map(|f| f.network.iter().map(|i| i.person))
        .collect()
}

fn new_case(app: &App) -> NewCaseForm {
    let mut seen = HashSet::new();
    let families: Vec<PickOption> = app
        .cases
        .rows
        .iter()
        .filter(|r| seen.insert(r.family))
        .map(|r| PickOption {
            id: PickId::Family(r.family),
            label: r.family_name.clone(),
            detail: r.child_name.clone(),
        })
        .collect();
    let school = app.cases.schools.first().cloned().unwrap_or_default();
    NewCaseForm::new(families, &school, today_word(app.lang))
}

/// The action form for a case: its lead and network are the owners offered first.
fn action_form(
    app: &App,
    case: &Case,
    family: Option<&Family>,
    action: Option<&Action>,
) -> ActionForm {
    let mut first: Vec<PersonId> = case.lead.person.into_iter().collect();
    first.extend(network(family));
    let owner = app.person_name_or_empty(action.and_then(|a| a.owner));
    ActionForm::new(action, person_options(&app.persons, &first), &owner)
}
