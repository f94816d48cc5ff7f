//! The body of each kind of form: named fields, typed choices. A body is built from the record it
//! edits (or empty for a new one); `form::save` reads it back by name.

use super::field::{Choice, Field};
use super::FormKind;
use crate::domain::{
    ActionId, Carer, CaseId, CaseStatus, ConsentStatus, FamilyId, Outcome, PersonId, Side,
    SignalSource,
};

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
    /// Whom the case's family consented to share with: an owner without consent is warned about.
    pub consent: crate::tui::consent::ConsentFacts,
    /// An owner without consent whom the user confirmed anyway.
    pub confirmed: Option<PersonId>,
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

impl CarerFields {
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
