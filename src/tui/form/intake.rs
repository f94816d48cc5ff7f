//! The intake in one form (issue 13): the child, the question, the carers and the first
//! people of the network with their consent; how the form is filled, and the records it makes.

use super::field::{Choice, Field, FieldKind as K, PickId, PickOption};
use super::kinds::CarerFields;
use super::open::{person_options, today_word};
use super::save::Ctx;
use crate::domain::{Child, Consent, ConsentStatus, Family, Person, Side, SignalSource};
use crate::i18n::{tui as t, words};
use crate::store::{Store, Undo};
use crate::tui::app::App;
use crate::tui::privacy::Said;
use crate::tui::update::Problem;
use std::collections::HashSet;

/// The intake in one form: the child, the question, the carers and the first people of the
/// network with their consent. Carers and network people are rows; a new empty row appears once
/// the last one is filled in (see [`super::Body::grow`]). PgDn jumps to the next part or row.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewCaseForm {
    pub first_name: Field,
    pub last_name: Field,
    pub groep: Field,
    pub school: Field,
    pub question: Field,
    pub signal: Choice<SignalSource>,
    /// Who signalled it, in words ("moeder", "juf Anouk").
    pub signal_by: Field,
    pub signal_date: Field,
    pub intake_date: Field,
    pub birth_date: Field,
    /// An existing family the child belongs to; empty makes a new one.
    pub family: Field,
    pub carers: Vec<CarerFields>,
    pub network: Vec<NetworkConsent>,
}

impl NewCaseForm {
    /// The child and the question: what every intake fills in comes first, what is often
    /// left as it is (the dates, the birth date, a new family) after it.
    fn head(&self) -> Vec<&Field> {
        vec![
            &self.first_name,
            &self.last_name,
            &self.groep,
            &self.school,
            &self.question,
            &self.signal.field,
            &self.signal_by,
            &self.signal_date,
            &self.intake_date,
            &self.birth_date,
            &self.family,
        ]
    }

    /// Every part as its fields: the child and question, then each carer, then each network
    /// person.
    pub fn sections(&self) -> Vec<Vec<&Field>> {
        let mut out: Vec<Vec<&Field>> = vec![self.head()];
        out.extend(self.carers.iter().map(|c| c.fields()));
        out.extend(self.network.iter().map(|n| n.fields()));
        out
    }

    pub fn fields(&self) -> Vec<&Field> {
        self.sections().into_iter().flatten().collect()
    }

    pub fn fields_mut(&mut self) -> Vec<&mut Field> {
        let mut out: Vec<&mut Field> = vec![
            &mut self.first_name,
            &mut self.last_name,
            &mut self.groep,
            &mut self.school,
            &mut self.question,
            &mut self.signal.field,
            &mut self.signal_by,
            &mut self.signal_date,
            &mut self.intake_date,
            &mut self.birth_date,
            &mut self.family,
        ];
        self.carers
            .iter_mut()
            .for_each(|c| out.extend(c.fields_mut()));
        self.network
            .iter_mut()
            .for_each(|n| out.extend(n.fields_mut()));
        out
    }
}

/// One person of the network at intake, with the family's consent to share with them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NetworkConsent {
    /// Picked from the sociale kaart; a name not on it is added there.
    pub person: Field,
    pub consent: Choice<ConsentStatus>,
    /// Who gave or refused it ("moeder").
    pub given_by: Field,
    pub note: Field,
    /// Their role for this family; empty: their role on the sociale kaart.
    pub role: Field,
}
impl NetworkConsent {
    pub fn fields(&self) -> Vec<&Field> {
        vec![
            &self.person,
            &self.consent.field,
            &self.given_by,
            &self.note,
            &self.role,
        ]
    }
    pub fn fields_mut(&mut self) -> Vec<&mut Field> {
        vec![
            &mut self.person,
            &mut self.consent.field,
            &mut self.given_by,
            &mut self.note,
            &mut self.role,
        ]
    }
}

/// The intake form: the families to pick from (each once), the school most cases have, the
/// sociale kaart for the network.
pub fn form(app: &App) -> NewCaseForm {
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
    let people = person_options(&app.persons, &[]);
    NewCaseForm::new(families, people, &school, today_word(app.lang))
}

impl NewCaseForm {
    /// `families` are the families to add the child to; `people` the sociale kaart to pick the
    /// network from; `school` the one filled in already; `today` the word for today in the
    /// user's language (signal and intake are today unless changed).
    pub fn new(
        families: Vec<PickOption>,
        people: Vec<PickOption>,
        school: &str,
        today: &str,
    ) -> NewCaseForm {
        NewCaseForm {
            first_name: Field::new(t::L_FIRST_NAME, K::Line).required(),
            last_name: Field::new(t::L_LAST_NAME, K::Line),
            groep: Field::new(t::L_GROEP, K::Line),
            school: Field::new(t::L_SCHOOL, K::Line).with(school),
            birth_date: Field::new(t::L_BIRTH_DATE, K::Date),
            family: Field::new(t::L_FAMILY, K::Pick(families)),
            question: Field::new(t::L_QUESTION, K::Text).required(),
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
            signal_by: Field::new(t::L_SIGNAL_BY, K::Line),
            signal_date: Field::new(t::L_SIGNAL_DATE, K::Date).with(today),
            intake_date: Field::new(t::L_INTAKE_DATE, K::Date).with(today),
            carers: vec![CarerFields::new(1, None)],
            network: vec![NetworkConsent::new(1, people)],
        }
    }
}

impl NetworkConsent {
    /// The `n`th network row, empty, picking from `people`. Consent starts on "not asked":
    /// nothing is assumed given.
    pub fn new(n: usize, people: Vec<PickOption>) -> NetworkConsent {
        NetworkConsent {
            person: Field::new(t::L_NETWORK_PERSON, K::Pick(people)).nth(n),
            consent: Choice::new(
                t::L_CONSENT_SUB,
                [
                    ConsentStatus::NietGevraagd,
                    ConsentStatus::Gegeven,
                    ConsentStatus::Geweigerd,
                ]
                .map(|c| (words::consent(c), c))
                .to_vec(),
                ConsentStatus::NietGevraagd,
            ),
            given_by: Field::new(t::L_GIVEN_BY, K::Line),
            note: Field::new(t::L_NOTE_SUB, K::Line),
            role: Field::new(t::L_ROLE_SUB, K::Line),
        }
    }
}

/// Saves the intake: the child in its family (new or found), the carers, new people on the
/// sociale kaart, the network with the consents, and the case, as one commit.
pub(super) fn save(
    app: &App,
    store: &mut Store,
    ctx: &Ctx,
    f: &NewCaseForm,
) -> Result<(Undo, Said), Problem> {
    let mut ids = store.begin();
    let mut child = Child::new(
        ids.child_id(),
        f.first_name.line(),
        f.last_name.line(),
        f.school.line(),
        f.groep.line(),
    );
    child.birth_date = ctx.date(&f.birth_date);
    let name = child.full_name();
    let mut family = match f.family.picked_family() {
        Some(id) => {
            let mut family = store.family(id)?.ok_or(Problem::NotFound)?;
            family.children.push(child.clone());
            family
        }
        None => Family::for_child(ids.family_id(), child.clone()),
    };
    for carer in f.carers.iter().filter_map(|c| c.carer()) {
        // A carer the family has already (by name) is not added twice.
        if !family.carers.iter().any(|c| c.name == carer.name) {
            family.carers.push(carer);
        }
    }
    let intake = ctx.date(&f.intake_date);
    let mut case = crate::domain::Case::new(
        ids.case_id(),
        family.id,
        child.id,
        f.question.text(),
        f.signal.value(),
        ctx.date(&f.signal_date).unwrap_or(ctx.today),
        ctx.now,
    );
    case.signal_by = f.signal_by.line();
    case.intake_date = intake;
    if intake.is_some() {
        case.status = crate::domain::CaseStatus::Intake;
    }
    let mut persons = Vec::new();
    for row in f.network.iter().filter(|n| !n.person.is_blank()) {
        let person = match row.person.picked_person() {
            Some(id) => id,
            None => {
                // Not on the sociale kaart yet: added with what is known (its card can be
                // completed later, `e` on screen 4).
                let id = ids.person_id();
                let role = row.role.line();
                persons.push(Person::new(
                    id,
                    row.person.line(),
                    role,
                    String::new(),
                    Side::Zorg,
                ));
                id
            }
        };
        let role = match row.role.line() {
            r if r.is_empty() => app
                .person(person)
                .map(|p| p.role.clone())
                .unwrap_or_default(),
            r => r,
        };
        family.involve(person, role, intake.or(Some(ctx.today)));
        let status = row.consent.value();
        let asked = status != crate::domain::ConsentStatus::NietGevraagd;
        if asked || !row.note.is_blank() || !row.given_by.is_blank() {
            case.set_consent(Consent {
                person,
                status,
                date: asked.then_some(intake.unwrap_or(ctx.today)),
                note: row.note.line(),
                given_by: row.given_by.line(),
            });
        }
    }
    let id = case.id;
    // Ids taken from a throwaway change are reserved by the commit that writes them.
    let undo = store.take_in(ctx.now, family, case, persons)?;
    let what = Said::plain(format!("{} ", t::F_NEW_CASE.get(ctx.lang))).name(&name, id);
    Ok((undo, what))
}
