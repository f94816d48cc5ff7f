//! Consent in the TUI: whom a family gave no consent to share with, for the marks on the case
//! card and in the meeting, the warning under an action's owner, and the question asked before
//! such an action is saved.
//!
//! The tandem itself needs no consent: the family came to them. So the case's lead and anyone
//! whose role on the sociale kaart is onderwijscoach or gezinscoach count as covered; everyone
//! else needs a "given" for this case (DOMAIN.md: "No consent, no sharing").

use super::app::App;
use super::form::{Body, Form};
use crate::domain::text::fold;
use crate::domain::{Case, ConsentStatus, Person, PersonId};
use crate::i18n::privacy as p;

/// The roles (folded) of the two people of the tandem.
const TANDEM_ROLES: [&str; 2] = ["onderwijscoach", "gezinscoach"];

/// What decides, for one case, whom its family consented to share with.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct ConsentFacts {
    /// Who has regie: part of the tandem.
    pub lead: Option<PersonId>,
    pub consents: Vec<(PersonId, ConsentStatus)>,
}

impl ConsentFacts {
    pub fn of(case: &Case) -> ConsentFacts {
        ConsentFacts {
            lead: case.lead.person,
            consents: case.consents.iter().map(|c| (c.person, c.status)).collect(),
        }
    }

    /// Why `person` may not be shared with: refused or not asked; `None` when they may (consent
    /// given, or one of the tandem).
    pub fn missing(&self, person: &Person) -> Option<ConsentStatus> {
        if Some(person.id) == self.lead || is_tandem(person) {
            return None;
        }
        let status = self
            .consents
            .iter()
            .find(|(id, _)| *id == person.id)
            .map_or(ConsentStatus::NietGevraagd, |(_, s)| *s);
        (status != ConsentStatus::Gegeven).then_some(status)
    }
}

/// One of the tandem, by their role on the sociale kaart.
fn is_tandem(person: &Person) -> bool {
    let role = fold(&person.role);
    TANDEM_ROLES.iter().any(|r| role.contains(r))
}

/// Why `person` may not be shared with in `case` (see [`ConsentFacts::missing`]).
pub fn missing(app: &App, case: &Case, person: PersonId) -> Option<ConsentStatus> {
    ConsentFacts::of(case).missing(app.person(person)?)
}

/// How many of `people` (the network, the owners of open actions) `case` has no consent for,
/// each counted once.
pub fn count_missing(app: &App, case: &Case, people: impl Iterator<Item = PersonId>) -> usize {
    let mut seen = std::collections::HashSet::new();
    people
        .filter(|id| seen.insert(*id))
        .filter(|id| missing(app, case, *id).is_some())
        .count()
}

/// The owner an action form picked and why the family gave no consent for them; `None` for a
/// form of another kind, no owner, or an owner who is covered.
pub fn owner_without_consent<'a>(app: &'a App, form: &Form) -> Option<(&'a Person, ConsentStatus)> {
    let (Body::NewAction(_, f) | Body::EditAction(_, f)) = &form.body else {
        return None;
    };
    let owner = app.person(f.owner.picked_person()?)?;
    Some((owner, f.consent.missing(owner)?))
}

/// The warning under the owner field, while it shows someone without consent.
pub fn warning(app: &App, form: &Form) -> Option<String> {
    owner_without_consent(app, form).map(|(p, s)| p::owner_warning(&p.name, s, app.lang))
}

/// Whether the form may be saved: it is not an action for someone without consent, or that
/// owner was confirmed.
pub fn may_save(app: &App, form: &Form) -> bool {
    let confirmed = match &form.body {
        Body::NewAction(_, f) | Body::EditAction(_, f) => f.confirmed,
        _ => None,
    };
    owner_without_consent(app, form).is_none_or(|(p, _)| confirmed == Some(p.id))
}

/// Marks the owner the form picked as confirmed: the next save goes ahead.
pub fn confirm(app: &App, form: &mut Form) {
    let owner = owner_without_consent(app, form).map(|(p, _)| p.id);
    if let Body::NewAction(_, f) | Body::EditAction(_, f) = &mut form.body {
        f.confirmed = owner;
    }
}

/// The question asked before saving (see [`may_save`]).
pub fn question(app: &App, form: &Form) -> String {
    owner_without_consent(app, form)
        .map(|(p, s)| p::owner_question(&p.name, s, app.lang))
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::Side;

    fn person(id: u64, role: &str) -> Person {
        Person::new(
            PersonId(id),
            format!("P{id}"),
            role.into(),
            String::new(),
            Side::Zorg,
        )
    }

    #[test]
    fn given_lead_and_tandem_are_covered_others_are_not() {
        let facts = ConsentFacts {
            lead: Some(PersonId(1)),
            consents: vec![
                (PersonId(2), ConsentStatus::Gegeven),
                (PersonId(3), ConsentStatus::Geweigerd),
                (PersonId(4), ConsentStatus::NietGevraagd),
            ],
        };
        assert_eq!(facts.missing(&person(1, "budgetcoach")), None, "the lead");
        assert_eq!(facts.missing(&person(2, "budgetcoach")), None, "given");
        assert_eq!(
            facts.missing(&person(3, "jeugdverpleegkundige")),
            Some(ConsentStatus::Geweigerd)
        );
        assert_eq!(
            facts.missing(&person(4, "leerkracht")),
            Some(ConsentStatus::NietGevraagd)
        );
        assert_eq!(
            facts.missing(&person(5, "orthopedagoog")),
            Some(ConsentStatus::NietGevraagd),
            "never asked is not given"
        );
        assert_eq!(facts.missing(&person(6, "Gezinscoach")), None);
        assert_eq!(facts.missing(&person(7, "IB'er en onderwijscoach")), None);
    }
}
