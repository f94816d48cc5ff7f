//! Opening a form: its body filled from the record it edits, its pick lists from what the app
//! holds (the family's network first).

use super::field::{Choice, FieldKind as K};
use super::field::{PickId, PickOption};
use super::kinds::{
    ActionForm, Body, CloseForm, ConsentForm, EditCaseForm, FamilyForm, NetworkForm, PersonForm,
};
use super::kinds::{CarerFields, ChildFields};
use super::{Field, FieldKind, Form, FormKind};
use crate::domain::dates::{format_numeric, Lang};
use crate::domain::{
    Action, Carer, Case, CaseStatus, Consent, ConsentStatus, Family, Outcome, Person, PersonId,
    Side,
};
use crate::i18n::{meeting as tm, tui as t, words, Text};
use crate::store::Store;
use crate::tui::app::App;
use crate::tui::privacy::Said;
use crate::tui::update::Problem;

/// The word for today that date fields start on.
pub(super) fn today_word(lang: Lang) -> &'static str {
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
    if let Some(form) = about_a_case(app, store, kind)? {
        return Ok(form);
    }
    let today = today_word(app.lang);
    let (title, body, about) = match kind {
        FormKind::NewCase => (
            t::F_NEW_CASE,
            Body::NewCase(Box::new(super::intake::form(app))),
            None,
        ),
        FormKind::AddNetwork(id) => {
            let form = NetworkForm::new(person_options(&app.persons, &[]), today);
            (t::F_ADD_NETWORK, Body::AddNetwork(id, form), Some(id))
        }
        FormKind::NewPerson => (
            t::F_NEW_PERSON,
            Body::NewPerson(PersonForm::new(None)),
            None,
        ),
        FormKind::EditPerson(id) => {
            let person = app.person(id).ok_or(Problem::NotFound)?;
            let form = PersonForm::new(Some(person));
            (t::F_EDIT_PERSON, Body::EditPerson(id, form), None)
        }
        FormKind::EditFamily(id) => {
            let family = store.family(id)?.ok_or(Problem::NotFound)?;
            let form = FamilyForm::new(&family);
            (t::F_EDIT_FAMILY, Body::EditFamily(id, form), Some(id))
        }
        FormKind::ChangeNetwork(family, person) => {
            use super::kinds::{NetworkChangeForm, NetworkEnd};
            let what = [
                (t::OPT_NETWORK_END, NetworkEnd::End),
                (t::OPT_NETWORK_REMOVE, NetworkEnd::Remove),
            ];
            let form = NetworkChangeForm {
                what: Choice::new(t::L_NETWORK_CHANGE, what.to_vec(), NetworkEnd::End),
                until: Field::new(t::L_UNTIL, K::Date).required().with(today),
            };
            let body = Body::ChangeNetwork(family, person, form);
            (t::F_NETWORK_CHANGE, body, Some(family))
        }
        FormKind::Attendees => {
            let names = crate::tui::meeting::attendee_names(app).join(", ");
            let field = Field::new(tm::L_ATTENDEES, FieldKind::Line).with(&names);
            (tm::F_ATTENDEES, Body::Attendees(field), None)
        }
        FormKind::MonitorPeriod => crate::tui::monitor::period_form(app),
        FormKind::GoToItem => {
            let field = Field::new(tm::L_GOTO, FieldKind::Line).required();
            (tm::F_GOTO, Body::GoToItem(field), None)
        }
        FormKind::Export(what) => crate::tui::export::form_parts(app, what),
        FormKind::ChooseMe => {
            let people = FieldKind::Pick(person_options(&app.persons, &[]));
            let field = Field::new(t::L_NAME, people).required();
            (t::F_CHOOSE_ME, Body::ChooseMe(field), None)
        }
        // Forms about a case are built above.
        _ => return Err(Problem::NotFound),
    };
    let asks_me = matches!(body, Body::ChooseMe(_));
    let mut form = Form::new(title, body);
    form.about = about;
    if asks_me {
        form.intro = Some(Said::plain(t::ME_WHY.get(app.lang)));
    }
    Ok(form)
}

/// The forms about one case (or one of its actions), each marked with the case's family: privacy
/// mode shows that family while the form is open. `None` for a form of another kind.
fn about_a_case(app: &App, store: &Store, kind: FormKind) -> Result<Option<Form>, Problem> {
    let today = today_word(app.lang);
    let case_id = match kind {
        FormKind::EditCase(id)
        | FormKind::CloseCase(id)
        | FormKind::NewAction(id)
        | FormKind::Consent(id, _)
        | FormKind::Agreement(id) => id,
        FormKind::EditAction(id) => store.action(id)?.ok_or(Problem::NotFound)?.case,
        _ => return Ok(None),
    };
    let (case, family) = case_and_family(store, case_id)?;
    let mut intro = None;
    let (title, body) = match kind {
        FormKind::EditCase(id) => {
            let people = person_options(&app.persons, &network(family.as_ref()));
            let lead = app.person_name_or_empty(case.lead.person);
            let form = EditCaseForm::new(&case, people, &lead);
            (t::F_EDIT_CASE, Body::EditCase(id, form))
        }
        FormKind::CloseCase(id) => {
            let open = store.actions_of_case(id)?;
            let open = open.into_iter().filter(|a| a.is_open()).collect();
            let form = CloseForm::new(today, open);
            (t::F_CLOSE_CASE, Body::CloseCase(id, form))
        }
        FormKind::NewAction(id) => {
            let form = action_form(app, &case, family.as_ref(), None);
            (t::F_NEW_ACTION, Body::NewAction(id, form))
        }
        FormKind::EditAction(id) => {
            let action = store.action(id)?.ok_or(Problem::NotFound)?;
            let form = action_form(app, &case, family.as_ref(), Some(&action));
            (t::F_EDIT_ACTION, Body::EditAction(id, form))
        }
        FormKind::Consent(id, person) => {
            let now = case.consents.iter().find(|c| c.person == person);
            intro = Some(consent_intro(app, &case, family.as_ref(), person));
            let form = ConsentForm::new(now, today);
            (t::F_CONSENT, Body::Consent(id, person, form))
        }
        FormKind::Agreement(id) => {
            let text = Field::new(tm::L_AGREEMENT, FieldKind::Text).required();
            (tm::F_AGREEMENT, Body::Agreement(id, text))
        }
        _ => return Ok(None),
    };
    let mut form = Form::new(title, body);
    form.about = Some(case.family);
    form.intro = intro;
    Ok(Some(form))
}

/// "Toestemming voor Petra Vermeulen (budgetcoach, Stichting Rondkomen) · casus 4: Daan de
/// Vries · gezin De Vries": whom the consent is for, and about which case.
fn consent_intro(app: &App, case: &Case, family: Option<&Family>, person: PersonId) -> Said {
    use crate::i18n::privacy as p;
    let lang = app.lang;
    let who = app.person(person).map_or_else(
        || app.person_name(Some(person)),
        |p| format!("{} ({}, {})", p.name, p.role, p.organisation),
    );
    let child = family
        .and_then(|f| f.child(case.child))
        .map(|c| c.full_name())
        .unwrap_or_default();
    let mut said = Said::plain(format!(
        "{} {who} · {} {}: ",
        p::CONSENT_FOR.get(lang),
        p::CASE_OF.get(lang),
        case.id.0
    ))
    .name(&child, case.family);
    if let Some(f) = family {
        said = said
            .and(&format!(" · {} ", p::FAMILY_OF.get(lang)))
            .name(&f.name, f.id);
    }
    said
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
    let mut form = ActionForm::new(action, person_options(&app.persons, &first), &owner);
    form.consent = crate::tui::consent::ConsentFacts::of(case);
    form
}

fn side_options() -> Vec<(Text, Side)> {
    Side::ALL.map(|s| (words::side(s), s)).to_vec()
}

/// The sides with a first option meaning "none" (or "the owner's").
fn side_or(none: Text) -> Vec<(Text, Option<Side>)> {
    std::iter::once((none, None))
        .chain(Side::ALL.map(|s| (words::side(s), Some(s))))
        .collect()
}

/// What a date field holds for a date already recorded.
fn date_text(d: Option<chrono::NaiveDate>) -> String {
    d.map(format_numeric).unwrap_or_default()
}

impl EditCaseForm {
    /// `people` are the owners to pick from (the family's network first); `lead` the name of the
    /// case's lead person.
    pub fn new(c: &Case, people: Vec<PickOption>, lead: &str) -> EditCaseForm {
        // A closed case is reopened with `c`, not by editing its status.
        let statuses: &[CaseStatus] = if c.status.is_open() {
            &[
                CaseStatus::Aangemeld,
                CaseStatus::Intake,
                CaseStatus::Lopend,
            ]
        } else {
            &[CaseStatus::Afgesloten]
        };
        EditCaseForm {
            question: Field::new(t::L_QUESTION, K::Text)
                .required()
                .with(&c.question),
            status: Choice::new(
                t::L_STATUS,
                statuses.iter().map(|s| (words::status(*s), *s)).collect(),
                c.status,
            ),
            lead_side: Choice::new(t::L_LEAD_SIDE, side_or(t::OPT_NONE), c.lead.side),
            lead_person: Field::new(t::L_LEAD_PERSON, K::Pick(people)).with(lead),
            intake_date: Field::new(t::L_INTAKE_DATE, K::Date).with(&date_text(c.intake_date)),
            signal_date: Field::new(t::L_SIGNAL_DATE, K::Date)
                .required()
                .with(&format_numeric(c.signal_date)),
            notes: Field::new(t::L_NOTES, K::Text).with(&c.notes),
        }
    }
}

impl CloseForm {
    /// `open` are the case's open actions: the form asks what becomes of them.
    pub fn new(today: &str, open: Vec<Action>) -> CloseForm {
        use super::kinds::OpenActions as O;
        let fates = [
            (t::OPT_OPEN_DONE, O::Done),
            (t::OPT_OPEN_CANCEL, O::Cancelled),
            (t::OPT_OPEN_KEEP, O::KeepOpen),
        ];
        CloseForm {
            outcome: Choice::new(
                t::L_OUTCOME,
                Outcome::ALL.map(|o| (words::outcome(o), o)).to_vec(),
                Outcome::ALL[0],
            ),
            date: Field::new(t::L_DATE, K::Date).required().with(today),
            open,
            fate: Choice::new(t::L_OPEN_ACTIONS, fates.to_vec(), O::Done),
            reason: Field::new(t::L_CANCEL_REASON, K::Line),
        }
    }
}

impl ActionForm {
    /// `people` are the owners to pick from (lead and network first); `owner` the name of the
    /// action's owner, if it has one.
    pub fn new(action: Option<&Action>, people: Vec<PickOption>, owner: &str) -> ActionForm {
        ActionForm {
            text: Field::new(t::L_ACTION, K::Text)
                .required()
                .with(action.map_or("", |a| a.text.as_str())),
            owner: Field::new(t::L_OWNER, K::Pick(people)).with(owner),
            deadline: Field::new(t::L_DEADLINE, K::Date)
                .with(&date_text(action.and_then(|a| a.deadline))),
            side: Choice::new(
                t::L_SIDE,
                side_or(t::OPT_FROM_OWNER),
                action.map(|a| a.side),
            ),
            consent: Default::default(),
            confirmed: None,
        }
    }
}

impl ConsentForm {
    /// Starts on the consent recorded now (its status, date and note), or on "not asked" with
    /// today's date when none is: what shows is what is kept until it is changed.
    pub fn new(now: Option<&Consent>, today: &str) -> ConsentForm {
        let status = now.map_or(ConsentStatus::NietGevraagd, |c| c.status);
        let date = now
            .and_then(|c| c.date)
            .map_or_else(|| today.to_string(), format_numeric);
        ConsentForm {
            status: Choice::new(
                t::L_CONSENT,
                [
                    ConsentStatus::Gegeven,
                    ConsentStatus::Geweigerd,
                    ConsentStatus::NietGevraagd,
                ]
                .map(|c| (words::consent(c), c))
                .to_vec(),
                status,
            ),
            date: Field::new(t::L_DATE, K::Date).with(&date),
            note: Field::new(t::L_NOTE, K::Line).with(now.map_or("", |c| c.note.as_str())),
        }
    }
}

impl NetworkForm {
    pub fn new(people: Vec<PickOption>, today: &str) -> NetworkForm {
        NetworkForm {
            person: Field::new(t::L_PERSON, K::Pick(people)).required(),
            role: Field::new(t::L_ROLE, K::Line),
            organisation: Field::new(t::L_ORG, K::Line),
            side: Choice::new(t::L_SIDE, side_options(), Side::Onderwijs),
            since: Field::new(t::L_SINCE, K::Date).with(today),
        }
    }
}

impl PersonForm {
    pub fn new(p: Option<&Person>) -> PersonForm {
        let v = |f: fn(&Person) -> &str| p.map_or(String::new(), |p| f(p).to_string());
        PersonForm {
            name: Field::new(t::L_NAME, K::Line)
                .required()
                .with(&v(|p| &p.name)),
            role: Field::new(t::L_ROLE, K::Line)
                .required()
                .with(&v(|p| &p.role)),
            organisation: Field::new(t::L_ORG, K::Line).with(&v(|p| &p.organisation)),
            side: Choice::new(
                t::L_SIDE,
                side_options(),
                p.map_or(Side::Onderwijs, |p| p.side),
            ),
            phone: Field::new(t::L_PHONE, K::Line).with(&v(|p| &p.phone)),
            email: Field::new(t::L_EMAIL, K::Line).with(&v(|p| &p.email)),
            offer: Field::new(t::L_OFFER, K::Text).with(&v(|p| &p.offer)),
        }
    }
}

/// A yes/no choice starting on `current`.
pub(super) fn yes_no(label: Text, current: bool) -> Choice<bool> {
    Choice::new(label, vec![(t::OPT_YES, true), (t::OPT_NO, false)], current)
}

impl CarerFields {
    /// The `n`th carer's row, filled from `c` (or empty: living with the child, with parental
    /// authority, the usual case).
    pub fn new(n: usize, c: Option<&Carer>) -> CarerFields {
        let v = |f: fn(&Carer) -> &str| c.map_or(String::new(), |c| f(c).to_string());
        CarerFields {
            name: Field::new(t::L_CARER, K::Line).nth(n).with(&v(|c| &c.name)),
            relation: Field::new(t::L_RELATION, K::Line).with(&v(|c| &c.relation)),
            phone: Field::new(t::L_CARER_PHONE, K::Line).with(&v(|c| &c.phone)),
            lives_with_child: yes_no(t::L_LIVES_WITH, c.is_none_or(|c| c.lives_with_child)),
            authority: yes_no(t::L_AUTHORITY, c.is_none_or(|c| c.authority)),
            email: Field::new(t::L_CARER_EMAIL, K::Line).with(&v(|c| &c.email)),
        }
    }
}

impl ChildFields {
    fn new(n: usize, c: &crate::domain::Child) -> ChildFields {
        ChildFields {
            id: c.id,
            first_name: Field::new(t::L_CHILD, K::Line)
                .nth(n)
                .required()
                .with(&c.first_name),
            last_name: Field::new(t::L_CHILD_LAST, K::Line).with(&c.last_name),
            birth_date: Field::new(t::L_CHILD_BIRTH, K::Date).with(&date_text(c.birth_date)),
            groep: Field::new(t::L_CHILD_GROEP, K::Line).with(&c.groep),
            school: Field::new(t::L_CHILD_SCHOOL, K::Line).with(&c.school),
        }
    }
}

impl FamilyForm {
    /// Every child and carer of `family`, and an empty carer row to add one.
    pub fn new(family: &Family) -> FamilyForm {
        let mut carers: Vec<CarerFields> = family
            .carers
            .iter()
            .enumerate()
            .map(|(i, c)| CarerFields::new(i + 1, Some(c)))
            .collect();
        carers.push(CarerFields::new(carers.len() + 1, None));
        FamilyForm {
            name: Field::new(t::L_HOUSEHOLD, K::Line)
                .required()
                .with(&family.name),
            children: family
                .children
                .iter()
                .enumerate()
                .map(|(i, c)| ChildFields::new(i + 1, c))
                .collect(),
            carers,
        }
    }
}
