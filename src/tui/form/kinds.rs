//! The body of each kind of form: named fields, typed choices. A body is built from the record it
//! edits (or empty for a new one); `form::save` reads it back by name.

use super::field::{Choice, Field, FieldKind as K, PickOption};
use super::FormKind;
use crate::domain::dates::format_numeric;
use crate::domain::{
    Action, ActionId, Carer, Case, CaseId, CaseStatus, ConsentStatus, Family, FamilyId, Outcome,
    Person, PersonId, Side, SignalSource,
};
use crate::i18n::{tui as t, words, Text};

/// The typed body of a form, with the ids it is about.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Body {
    NewCase(NewCaseForm),
    EditCase(CaseId, EditCaseForm),
    CloseCase(CaseId, CloseForm),
    NewAction(CaseId, ActionForm),
    EditAction(ActionId, ActionForm),
    Consent(CaseId, PersonId, ConsentForm),
    AddNetwork(FamilyId, NetworkForm),
    NewPerson(PersonForm),
    EditPerson(PersonId, PersonForm),
    EditFamily(FamilyId, FamilyForm),
    ChooseMe(Field),
    Agreement(CaseId, Field),
}

/// A field or a typed choice, seen as the field it shows.
trait AsField {
    fn as_field(&self) -> &Field;
    fn as_field_mut(&mut self) -> &mut Field;
}

impl AsField for Field {
    fn as_field(&self) -> &Field {
        self
    }
    fn as_field_mut(&mut self) -> &mut Field {
        self
    }
}

impl<T> AsField for Choice<T> {
    fn as_field(&self) -> &Field {
        &self.field
    }
    fn as_field_mut(&mut self) -> &mut Field {
        &mut self.field
    }
}

/// Lists a body's fields in the order they are shown, once for reading and once for editing.
macro_rules! fields {
    ($form:ident { $($name:ident),* $(,)? }) => {
        impl $form {
            pub fn fields(&self) -> Vec<&Field> {
                vec![$(self.$name.as_field()),*]
            }
            pub fn fields_mut(&mut self) -> Vec<&mut Field> {
                vec![$(self.$name.as_field_mut()),*]
            }
        }
    };
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewCaseForm {
    pub first_name: Field,
    pub last_name: Field,
    pub groep: Field,
    pub school: Field,
    pub question: Field,
    /// An existing family the child belongs to; empty makes a new one.
    pub family: Field,
    pub signal: Choice<SignalSource>,
    pub signal_date: Field,
}
fields!(NewCaseForm {
    first_name,
    last_name,
    groep,
    school,
    question,
    family,
    signal,
    signal_date
});

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EditCaseForm {
    pub question: Field,
    pub status: Choice<CaseStatus>,
    pub lead_side: Choice<Option<Side>>,
    pub lead_person: Field,
    pub intake_date: Field,
    pub signal_date: Field,
    pub notes: Field,
}
fields!(EditCaseForm {
    question,
    status,
    lead_side,
    lead_person,
    intake_date,
    signal_date,
    notes
});

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CloseForm {
    pub outcome: Choice<Outcome>,
    pub date: Field,
}
fields!(CloseForm { outcome, date });

/// A new or edited action. The deadline comes before the side: the side follows the owner, so
/// the common case (text, owner, deadline, Enter) never visits it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ActionForm {
    pub text: Field,
    pub owner: Field,
    pub deadline: Field,
    /// `None`: the owner's side.
    pub side: Choice<Option<Side>>,
}
fields!(ActionForm {
    text,
    owner,
    deadline,
    side
});

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ConsentForm {
    pub status: Choice<ConsentStatus>,
    pub date: Field,
    pub note: Field,
}
fields!(ConsentForm { status, date, note });

/// Someone added to a family's network: picked from the sociale kaart, or new there (then the
/// organisation and side describe them).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NetworkForm {
    pub person: Field,
    pub role: Field,
    pub organisation: Field,
    pub side: Choice<Side>,
    pub since: Field,
}
fields!(NetworkForm {
    person,
    role,
    organisation,
    side,
    since
});

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PersonForm {
    pub name: Field,
    pub role: Field,
    pub organisation: Field,
    pub side: Choice<Side>,
    pub phone: Field,
    pub email: Field,
    pub offer: Field,
}
fields!(PersonForm {
    name,
    role,
    organisation,
    side,
    phone,
    email,
    offer
});

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CarerFields {
    pub name: Field,
    pub relation: Field,
    pub phone: Field,
    pub email: Field,
}
fields!(CarerFields {
    name,
    relation,
    phone,
    email
});

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FamilyForm {
    pub name: Field,
    pub carers: [CarerFields; 2],
}

impl FamilyForm {
    pub fn fields(&self) -> Vec<&Field> {
        let mut out = vec![&self.name];
        self.carers.iter().for_each(|c| out.extend(c.fields()));
        out
    }
    pub fn fields_mut(&mut self) -> Vec<&mut Field> {
        let mut out = vec![&mut self.name];
        self.carers
            .iter_mut()
            .for_each(|c| out.extend(c.fields_mut()));
        out
    }
}

impl Body {
    pub fn kind(&self) -> FormKind {
        match self {
            Body::NewCase(_) => FormKind::NewCase,
            Body::EditCase(id, _) => FormKind::EditCase(*id),
            Body::CloseCase(id, _) => FormKind::CloseCase(*id),
            Body::NewAction(id, _) => FormKind::NewAction(*id),
            Body::EditAction(id, _) => FormKind::EditAction(*id),
            Body::Consent(case, person, _) => FormKind::Consent(*case, *person),
            Body::AddNetwork(id, _) => FormKind::AddNetwork(*id),
            Body::NewPerson(_) => FormKind::NewPerson,
            Body::EditPerson(id, _) => FormKind::EditPerson(*id),
            Body::EditFamily(id, _) => FormKind::EditFamily(*id),
            Body::ChooseMe(_) => FormKind::ChooseMe,
            Body::Agreement(case, _) => FormKind::Agreement(*case),
        }
    }

    pub fn fields(&self) -> Vec<&Field> {
        match self {
            Body::NewCase(f) => f.fields(),
            Body::EditCase(_, f) => f.fields(),
            Body::CloseCase(_, f) => f.fields(),
            Body::NewAction(_, f) | Body::EditAction(_, f) => f.fields(),
            Body::Consent(_, _, f) => f.fields(),
            Body::AddNetwork(_, f) => f.fields(),
            Body::NewPerson(f) | Body::EditPerson(_, f) => f.fields(),
            Body::EditFamily(_, f) => f.fields(),
            Body::ChooseMe(f) | Body::Agreement(_, f) => vec![f],
        }
    }

    pub fn fields_mut(&mut self) -> Vec<&mut Field> {
        match self {
            Body::NewCase(f) => f.fields_mut(),
            Body::EditCase(_, f) => f.fields_mut(),
            Body::CloseCase(_, f) => f.fields_mut(),
            Body::NewAction(_, f) | Body::EditAction(_, f) => f.fields_mut(),
            Body::Consent(_, _, f) => f.fields_mut(),
            Body::AddNetwork(_, f) => f.fields_mut(),
            Body::NewPerson(f) | Body::EditPerson(_, f) => f.fields_mut(),
            Body::EditFamily(_, f) => f.fields_mut(),
            Body::ChooseMe(f) | Body::Agreement(_, f) => vec![f],
        }
    }
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

impl NewCaseForm {
    /// `families` are the families to add the child to; `school` the one filled in already;
    /// `today` the word for today in the user's language.
    pub fn new(families: Vec<PickOption>, school: &str, today: &str) -> NewCaseForm {
        NewCaseForm {
            first_name: Field::new(t::L_FIRST_NAME, K::Line).required(),
            last_name: Field::new(t::L_LAST_NAME, K::Line),
            groep: Field::new(t::L_GROEP, K::Line),
            school: Field::new(t::L_SCHOOL, K::Line).with(school),
            question: Field::new(t::L_QUESTION, K::Text).required(),
            family: Field::new(t::L_FAMILY, K::Pick(families)),
            signal: Choice::new(
                t::L_SIGNAL,
                [
                    SignalSource::Ouder,
                    SignalSource::School,
                    SignalSource::Anders,
                ]
                .map(|s| (words::signal(s), s))
                .to_vec(),
                SignalSource::Ouder,
            ),
            signal_date: Field::new(t::L_SIGNAL_DATE, K::Date).with(today),
        }
    }
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
    pub fn new(today: &str) -> CloseForm {
        CloseForm {
            outcome: Choice::new(
                t::L_OUTCOME,
                Outcome::ALL.map(|o| (words::outcome(o), o)).to_vec(),
                Outcome::ALL[0],
            ),
            date: Field::new(t::L_DATE, K::Date).required().with(today),
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
        }
    }
}

impl ConsentForm {
    /// Starts on the consent recorded now; "not asked" starts on "given", the answer asked for.
    pub fn new(now: ConsentStatus, today: &str) -> ConsentForm {
        let start = match now {
            ConsentStatus::NietGevraagd => ConsentStatus::Gegeven,
            other => other,
        };
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
                start,
            ),
            date: Field::new(t::L_DATE, K::Date).with(today),
            note: Field::new(t::L_NOTE, K::Line),
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

impl CarerFields {
    fn new(label: Text, c: Option<&Carer>) -> CarerFields {
        let v = |f: fn(&Carer) -> &str| c.map_or(String::new(), |c| f(c).to_string());
        CarerFields {
            name: Field::new(label, K::Line).with(&v(|c| &c.name)),
            relation: Field::new(t::L_RELATION, K::Line).with(&v(|c| &c.relation)),
            phone: Field::new(t::L_CARER_PHONE, K::Line).with(&v(|c| &c.phone)),
            email: Field::new(t::L_CARER_EMAIL, K::Line).with(&v(|c| &c.email)),
        }
    }

    /// The carer these fields describe; `None` when no name was given.
    pub fn carer(&self) -> Option<Carer> {
        let name = self.name.line();
        (!name.is_empty()).then(|| Carer {
            name,
            relation: self.relation.line(),
            phone: self.phone.line(),
            email: self.email.line(),
        })
    }
}

impl FamilyForm {
    pub fn new(family: &Family) -> FamilyForm {
        FamilyForm {
            name: Field::new(t::L_HOUSEHOLD, K::Line)
                .required()
                .with(&family.name),
            carers: [
                CarerFields::new(t::L_CARER1, family.carers.first()),
                CarerFields::new(t::L_CARER2, family.carers.get(1)),
            ],
        }
    }
}
