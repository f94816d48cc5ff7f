//! The body of each kind of form: named fields, typed choices. A body is built from the record it
//! edits (or empty for a new one); `form::save` reads it back by name.

use super::field::{Choice, Field};
pub use super::intake::{NetworkConsent, NewCaseForm};
use super::FormKind;
use crate::domain::{
    ActionId, Carer, CaseId, CaseStatus, ConsentStatus, FamilyId, Outcome, PersonId, Side,
};

/// The typed body of a form, with the ids it is about.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Body {
    NewCase(Box<NewCaseForm>),
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
    GoToItem(Field),
    Attendees(Field),
    ChangeNetwork(FamilyId, PersonId, NetworkChangeForm),
    MonitorPeriod(PeriodForm),
    Export(super::export::ExportWhat, super::export::ExportForm),
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

/// What happens to someone in a family's network.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NetworkEnd {
    /// Involved until a day; kept in the klantreis.
    End,
    /// Added by mistake: out, history and all.
    Remove,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NetworkChangeForm {
    pub what: Choice<NetworkEnd>,
    /// The last day involved (for ending).
    pub until: Field,
}
fields!(NetworkChangeForm { what, until });

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

/// What becomes of a closing case's open actions.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OpenActions {
    /// Done, on the closing day.
    Done,
    /// Cancelled, with the reason given.
    Cancelled,
    /// Left open: someone still does them after the case closed.
    KeepOpen,
}

/// Closing a case: the outcome and day, and, when it has open actions, what becomes of them
/// (asked, never assumed: a closed case with open actions shows up everywhere).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CloseForm {
    pub outcome: Choice<Outcome>,
    pub date: Field,
    /// The case's open actions when the form opened.
    pub open: Vec<crate::domain::Action>,
    pub fate: Choice<OpenActions>,
    /// Why they are cancelled; needed for that choice only.
    pub reason: Field,
}

impl CloseForm {
    pub fn fields(&self) -> Vec<&Field> {
        let mut out = vec![self.outcome.as_field(), &self.date];
        if !self.open.is_empty() {
            out.extend([self.fate.as_field(), &self.reason]);
        }
        out
    }
    pub fn fields_mut(&mut self) -> Vec<&mut Field> {
        let mut out = vec![self.outcome.as_field_mut(), &mut self.date];
        if !self.open.is_empty() {
            out.extend([self.fate.as_field_mut(), &mut self.reason]);
        }
        out
    }
}

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

/// One carer: the two yes/no choices come before the e-mail, which is asked least.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CarerFields {
    pub name: Field,
    pub relation: Field,
    pub phone: Field,
    pub lives_with_child: Choice<bool>,
    pub authority: Choice<bool>,
    pub email: Field,
}
fields!(CarerFields {
    name,
    relation,
    phone,
    lives_with_child,
    authority,
    email
});

/// One child of the family, to correct its name, birth date, groep and school.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ChildFields {
    pub id: crate::domain::ChildId,
    pub first_name: Field,
    pub last_name: Field,
    pub birth_date: Field,
    pub groep: Field,
    pub school: Field,
}
fields!(ChildFields {
    first_name,
    last_name,
    birth_date,
    groep,
    school
});

/// The household: its name, its children, its carers (an empty row to add one).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FamilyForm {
    pub name: Field,
    pub children: Vec<ChildFields>,
    pub carers: Vec<CarerFields>,
}

impl FamilyForm {
    /// The name, then each child, then each carer: one section each.
    pub fn sections(&self) -> Vec<Vec<&Field>> {
        let mut out = vec![vec![&self.name]];
        out.extend(self.children.iter().map(|c| c.fields()));
        out.extend(self.carers.iter().map(|c| c.fields()));
        out
    }
    pub fn fields(&self) -> Vec<&Field> {
        self.sections().into_iter().flatten().collect()
    }
    pub fn fields_mut(&mut self) -> Vec<&mut Field> {
        let mut out = vec![&mut self.name];
        self.children
            .iter_mut()
            .for_each(|c| out.extend(c.fields_mut()));
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
            Body::GoToItem(_) => FormKind::GoToItem,
            Body::Attendees(_) => FormKind::Attendees,
            Body::ChangeNetwork(f, p, _) => FormKind::ChangeNetwork(*f, *p),
            Body::MonitorPeriod(_) => FormKind::MonitorPeriod,
            Body::Export(what, _) => FormKind::Export(*what),
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
            Body::ChooseMe(f) | Body::Agreement(_, f) | Body::GoToItem(f) | Body::Attendees(f) => {
                vec![f]
            }
            Body::ChangeNetwork(_, _, f) => f.fields(),
            Body::MonitorPeriod(f) => f.fields(),
            Body::Export(_, f) => f.fields(),
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
            Body::ChooseMe(f) | Body::Agreement(_, f) | Body::GoToItem(f) | Body::Attendees(f) => {
                vec![f]
            }
            Body::ChangeNetwork(_, _, f) => f.fields_mut(),
            Body::MonitorPeriod(f) => f.fields_mut(),
            Body::Export(_, f) => f.fields_mut(),
        }
    }
}

impl Body {
    /// Where each section starts, as field positions: PgDn and PgUp move between them. A form
    /// without parts is one section.
    pub fn section_starts(&self) -> Vec<usize> {
        let sizes: Vec<usize> = match self {
            Body::NewCase(f) => f.sections().iter().map(Vec::len).collect(),
            Body::EditFamily(_, f) => f.sections().iter().map(Vec::len).collect(),
            _ => return vec![0],
        };
        sizes
            .iter()
            .scan(0, |at, n| {
                let start = *at;
                *at += n;
                Some(start)
            })
            .collect()
    }

    /// Keeps one empty row at the end of each list of rows (carers, network people), so there
    /// is always room for one more; `new_carer` and `new_person` make an empty row numbered
    /// from 1.
    pub fn grow(
        &mut self,
        new_carer: impl Fn(usize) -> CarerFields,
        new_person: impl Fn(usize) -> NetworkConsent,
    ) {
        let carers = match self {
            Body::NewCase(f) => {
                if f.network.last().is_none_or(|n| !n.person.is_blank()) {
                    f.network.push(new_person(f.network.len() + 1));
                }
                &mut f.carers
            }
            Body::EditFamily(_, f) => &mut f.carers,
            _ => return,
        };
        if carers.last().is_none_or(|c| !c.name.is_blank()) {
            carers.push(new_carer(carers.len() + 1));
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
            lives_with_child: self.lives_with_child.value(),
            authority: self.authority.value(),
        })
    }
}

/// Screen 5's own period: the first and the last day.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PeriodForm {
    pub from: Field,
    pub to: Field,
}

fields!(PeriodForm { from, to });
