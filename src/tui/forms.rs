//! The forms people fill in: which fields, in which order, filled with what is there now.
//! Field positions are named here and read back in `submit`.

use super::app::{App, CasePane, Page, Popup, Screen};
use super::form::{Field, FieldKind as K, Form, FormKind, PickOption};
use super::intent::Intent;
use crate::clock::Clock;
use crate::domain::dates::format_numeric;
use crate::domain::{CaseStatus, ConsentStatus, Outcome, Person, Side, SignalSource};
use crate::i18n::{tui as t, words};
use crate::store::Store;
use std::collections::HashSet;

/// Field positions, so `submit` reads what `forms` wrote.
pub mod f {
    pub mod new_case {
        pub const FIRST: usize = 0;
        pub const LAST: usize = 1;
        pub const GROEP: usize = 2;
        pub const SCHOOL: usize = 3;
        pub const QUESTION: usize = 4;
        pub const FAMILY: usize = 5;
        pub const SIGNAL: usize = 6;
        pub const SIGNAL_DATE: usize = 7;
    }
    pub mod edit_case {
        pub const QUESTION: usize = 0;
        pub const STATUS: usize = 1;
        pub const LEAD_SIDE: usize = 2;
        pub const LEAD_PERSON: usize = 3;
        pub const INTAKE: usize = 4;
        pub const SIGNAL_DATE: usize = 5;
        pub const NOTES: usize = 6;
    }
    pub mod action {
        pub const TEXT: usize = 0;
        pub const OWNER: usize = 1;
        // The deadline comes before the side: the side follows the owner, so the common case
        // (text, owner, deadline, Enter) never visits it.
        pub const DEADLINE: usize = 2;
        pub const SIDE: usize = 3;
    }
    pub mod network {
        pub const PERSON: usize = 0;
        pub const ROLE: usize = 1;
        pub const ORG: usize = 2;
        pub const SIDE: usize = 3;
        pub const SINCE: usize = 4;
    }
    pub mod person {
        pub const NAME: usize = 0;
        pub const ROLE: usize = 1;
        pub const ORG: usize = 2;
        pub const SIDE: usize = 3;
        pub const PHONE: usize = 4;
        pub const EMAIL: usize = 5;
        pub const OFFER: usize = 6;
    }
}

pub const SIGNALS: [SignalSource; 3] = [
    SignalSource::Ouder,
    SignalSource::School,
    SignalSource::Anders,
];
pub const OPEN_STATUSES: [CaseStatus; 3] = [
    CaseStatus::Aangemeld,
    CaseStatus::Intake,
    CaseStatus::Lopend,
];
pub const CONSENTS: [ConsentStatus; 3] = [
    ConsentStatus::Gegeven,
    ConsentStatus::Geweigerd,
    ConsentStatus::NietGevraagd,
];

fn side_choice(with_none: Option<crate::i18n::Text>) -> K {
    let mut opts: Vec<crate::i18n::Text> = with_none.into_iter().collect();
    opts.extend(Side::ALL.map(words::side));
    K::Choice(opts)
}

fn side_index(side: Option<Side>, offset: usize) -> usize {
    match side {
        None => 0,
        Some(s) => offset + Side::ALL.iter().position(|x| *x == s).unwrap_or(0),
    }
}

/// People to pick from: the family's network first, then the rest of the sociale kaart.
pub fn person_options(persons: &[Person], first: &[crate::domain::PersonId]) -> Vec<PickOption> {
    let mut opts: Vec<PickOption> = Vec::with_capacity(persons.len());
    let option = |p: &Person| PickOption {
        id: p.id.0,
        label: p.name.clone(),
        detail: format!("{} · {}", p.role, p.organisation),
    };
    opts.extend(persons.iter().filter(|p| first.contains(&p.id)).map(option));
    opts.extend(
        persons
            .iter()
            .filter(|p| !first.contains(&p.id))
            .map(option),
    );
    opts
}

/// Opens the form an action asks for on the current page, if any.
pub fn open(app: &mut App, store: &mut Store, clock: &Clock, action: Intent) {
    let today = clock.today();
    if app.pages.is_empty() && app.screen == Screen::Overleg {
        if let Some(form) = meeting_form(app, store, clock, action) {
            app.popup = Some(Popup::Form(Box::new(form)));
        }
        return;
    }
    let form = match (app.pages.last(), action) {
        (None, Intent::New) if app.screen == Screen::Cases => Some(new_case(app)),
        (None, Intent::New) if app.screen == Screen::Kaart => Some(person_form(None)),
        (None, Intent::Edit) if app.screen == Screen::Kaart => app
            .persons
            .get(app.kaart_selected)
            .map(|p| person_form(Some(p))),
        (None, Intent::Edit) if app.screen == Screen::Acties => {
            match super::update::selected_action(app).map(|a| a.id) {
                Some(id) => acties_edit(app, store, id),
                None => None,
            }
        }
        (None, Intent::Edit) if app.screen == Screen::Cases => {
            let id = app
                .cases
                .visible
                .get(app.cases.selected)
                .map(|i| app.cases.rows[*i].id);
            // Editing from the list opens the case first, so the form shows over its card.
            if let Some(id) = id {
                super::update::open_case(app, store, id);
                if matches!(app.pages.last(), Some(Page::Case(_))) {
                    return open(app, store, clock, Intent::Edit);
                }
            }
            None
        }
        (_, Intent::ChooseMe) => Some(Form::new(
            FormKind::ChooseMe,
            t::F_CHOOSE_ME,
            vec![Field::new(t::L_NAME, K::Pick(person_options(&app.persons, &[]))).required()],
        )),
        (Some(Page::Person(p)), Intent::Edit) => Some(person_form(Some(&p.person))),
        (Some(Page::Family(p)), Intent::Edit) => Some(family_form(&p.family)),
        (Some(Page::Family(p)), Intent::AddNetwork) => Some(network_form(app, p.family.id, today)),
        (Some(Page::Case(p)), Intent::AddNetwork) => Some(network_form(app, p.case.family, today)),
        (Some(Page::Case(p)), Intent::AddAction) => {
            Some(action_form(app, &p.case, p.family.as_ref(), None))
        }
        (Some(Page::Case(p)), Intent::Edit)
            if p.pane == CasePane::Actions && !p.actions.is_empty() =>
        {
            let a = p.actions.get(p.selected).cloned();
            a.map(|a| action_form(app, &p.case, p.family.as_ref(), Some(&a)))
        }
        (Some(Page::Case(p)), Intent::Edit) => Some(edit_case(app, p)),
        (Some(Page::Case(p)), Intent::Consent) => {
            let person = (p.pane == CasePane::Network)
                .then(|| p.family.as_ref().and_then(|f| f.network.get(p.selected)))
                .flatten()
                .map(|i| i.person);
            match person {
                Some(person) => Some(consent_form(
                    p.case.id,
                    person,
                    p.case.consent_for(person),
                    today,
                )),
                None => {
                    app.info(t::CHOOSE_NETWORK.get(app.lang));
                    None
                }
            }
        }
        (Some(Page::Case(p)), Intent::CloseReopen) => {
            if p.case.status == CaseStatus::Afgesloten {
                super::submit::reopen(app, store, clock);
                None
            } else {
                Some(close_form(p.case.id))
            }
        }
        _ => None,
    };
    if let Some(form) = form {
        app.popup = Some(Popup::Form(Box::new(form)));
    }
}

fn new_case(app: &App) -> Form {
    let mut seen = HashSet::new();
    let families: Vec<PickOption> = app
        .cases
        .rows
        .iter()
        .filter(|r| seen.insert(r.family))
        .map(|r| PickOption {
            id: r.family.0,
            label: r.family_name.clone(),
            detail: r.child_name.clone(),
        })
        .collect();
    let school = app.cases.schools.first().cloned().unwrap_or_default();
    Form::new(
        FormKind::NewCase,
        t::F_NEW_CASE,
        vec![
            Field::new(t::L_FIRST_NAME, K::Line).required(),
            Field::new(t::L_LAST_NAME, K::Line),
            Field::new(t::L_GROEP, K::Line),
            Field::new(t::L_SCHOOL, K::Line).with(&school),
            Field::new(t::L_QUESTION, K::Text).required(),
            Field::new(t::L_FAMILY, K::Pick(families)),
            Field::new(t::L_SIGNAL, K::Choice(SIGNALS.map(words::signal).to_vec())),
            Field::new(t::L_SIGNAL_DATE, K::Date).with(match app.lang {
                crate::domain::dates::Lang::Nl => "vandaag",
                crate::domain::dates::Lang::En => "today",
            }),
        ],
    )
}

fn edit_case(app: &App, p: &super::app::CasePage) -> Form {
    let c = &p.case;
    let network: Vec<_> = p
        .family
        .iter()
        .flat_map(|f| f.network.iter().map(|i| i.person))
        .collect();
    let status = OPEN_STATUSES
        .iter()
        .position(|s| *s == c.status)
        .unwrap_or(2);
    let mut fields = vec![
        Field::new(t::L_QUESTION, K::Text)
            .required()
            .with(&c.question),
        Field::new(
            t::L_STATUS,
            K::Choice(OPEN_STATUSES.map(words::status).to_vec()),
        )
        .choose(status),
        Field::new(t::L_LEAD_SIDE, side_choice(Some(t::OPT_NONE)))
            .choose(side_index(c.lead.side, 1)),
        Field::new(
            t::L_LEAD_PERSON,
            K::Pick(person_options(&app.persons, &network)),
        )
        .with(
            &c.lead
                .person
                .and_then(|id| app.person(id))
                .map(|p| p.name.clone())
                .unwrap_or_default(),
        ),
        Field::new(t::L_INTAKE_DATE, K::Date)
            .with(&c.intake_date.map(format_numeric).unwrap_or_default()),
        Field::new(t::L_SIGNAL_DATE, K::Date)
            .required()
            .with(&format_numeric(c.signal_date)),
        Field::new(t::L_NOTES, K::Text).with(&c.notes),
    ];
    if c.status == CaseStatus::Afgesloten {
        // A closed case is reopened with `c`, not by editing its status.
        fields[f::edit_case::STATUS] = Field::new(
            t::L_STATUS,
            K::Choice(vec![words::status(CaseStatus::Afgesloten)]),
        );
    }
    Form::new(FormKind::EditCase(c.id), t::F_EDIT_CASE, fields)
}

fn close_form(case: crate::domain::CaseId) -> Form {
    Form::new(
        FormKind::CloseCase(case),
        t::F_CLOSE_CASE,
        vec![
            Field::new(
                t::L_OUTCOME,
                K::Choice(Outcome::ALL.map(words::outcome).to_vec()),
            ),
            Field::new(t::L_DATE, K::Date).required().with("vandaag"),
        ],
    )
}

pub fn action_form(
    app: &App,
    case: &crate::domain::Case,
    family: Option<&crate::domain::Family>,
    action: Option<&crate::domain::Action>,
) -> Form {
    let network: Vec<_> = family
        .iter()
        .flat_map(|f| f.network.iter().map(|i| i.person))
        .collect();
    let mut first: Vec<_> = case.lead.person.into_iter().collect();
    first.extend(network);
    let owner = action
        .and_then(|a| a.owner)
        .and_then(|id| app.person(id))
        .map(|p| p.name.clone())
        .unwrap_or_default();
    let fields = vec![
        Field::new(t::L_ACTION, K::Text)
            .required()
            .with(action.map_or("", |a| a.text.as_str())),
        Field::new(t::L_OWNER, K::Pick(person_options(&app.persons, &first))).with(&owner),
        Field::new(t::L_DEADLINE, K::Date).with(
            &action
                .and_then(|a| a.deadline)
                .map(format_numeric)
                .unwrap_or_default(),
        ),
        Field::new(t::L_SIDE, side_choice(Some(t::OPT_FROM_OWNER)))
            .choose(side_index(action.map(|a| a.side), 1)),
    ];
    match action {
        Some(a) => Form::new(FormKind::EditAction(a.id), t::F_EDIT_ACTION, fields),
        None => Form::new(FormKind::NewAction(case.id), t::F_NEW_ACTION, fields),
    }
}

fn consent_form(
    case: crate::domain::CaseId,
    person: crate::domain::PersonId,
    now: ConsentStatus,
    _today: chrono::NaiveDate,
) -> Form {
    let pos = CONSENTS.iter().position(|c| *c == now).unwrap_or(0);
    Form::new(
        FormKind::Consent(case, person),
        t::F_CONSENT,
        vec![
            Field::new(
                t::L_CONSENT,
                K::Choice(CONSENTS.map(words::consent).to_vec()),
            )
            .choose(if now == ConsentStatus::NietGevraagd {
                0
            } else {
                pos
            }),
            Field::new(t::L_DATE, K::Date).with("vandaag"),
            Field::new(t::L_NOTE, K::Line),
        ],
    )
}

fn network_form(app: &App, family: crate::domain::FamilyId, _today: chrono::NaiveDate) -> Form {
    Form::new(
        FormKind::AddNetwork(family),
        t::F_ADD_NETWORK,
        vec![
            Field::new(t::L_PERSON, K::Pick(person_options(&app.persons, &[]))).required(),
            Field::new(t::L_ROLE, K::Line),
            Field::new(t::L_ORG, K::Line),
            Field::new(t::L_SIDE, side_choice(None)),
            Field::new(t::L_SINCE, K::Date).with("vandaag"),
        ],
    )
}

fn person_form(p: Option<&Person>) -> Form {
    let v = |f: fn(&Person) -> &str| p.map_or(String::new(), |p| f(p).to_string());
    let fields = vec![
        Field::new(t::L_NAME, K::Line)
            .required()
            .with(&v(|p| &p.name)),
        Field::new(t::L_ROLE, K::Line)
            .required()
            .with(&v(|p| &p.role)),
        Field::new(t::L_ORG, K::Line).with(&v(|p| &p.organisation)),
        Field::new(t::L_SIDE, side_choice(None)).choose(side_index(p.map(|p| p.side), 0)),
        Field::new(t::L_PHONE, K::Line).with(&v(|p| &p.phone)),
        Field::new(t::L_EMAIL, K::Line).with(&v(|p| &p.email)),
        Field::new(t::L_OFFER, K::Text).with(&v(|p| &p.offer)),
    ];
    match p {
        Some(p) => Form::new(FormKind::EditPerson(p.id), t::F_EDIT_PERSON, fields),
        None => Form::new(FormKind::NewPerson, t::F_NEW_PERSON, fields),
    }
}

fn family_form(family: &crate::domain::Family) -> Form {
    let mut fields = vec![Field::new(t::L_HOUSEHOLD, K::Line)
        .required()
        .with(&family.name)];
    for (i, label) in [t::L_CARER1, t::L_CARER2].into_iter().enumerate() {
        let c = family.carers.get(i);
        let v =
            |f: fn(&crate::domain::Carer) -> &str| c.map_or(String::new(), |c| f(c).to_string());
        fields.push(Field::new(label, K::Line).with(&v(|c| &c.name)));
        fields.push(Field::new(t::L_RELATION, K::Line).with(&v(|c| &c.relation)));
        fields.push(Field::new(t::L_CARER_PHONE, K::Line).with(&v(|c| &c.phone)));
        fields.push(Field::new(t::L_CARER_EMAIL, K::Line).with(&v(|c| &c.email)));
    }
    Form::new(FormKind::EditFamily(family.id), t::F_EDIT_FAMILY, fields)
}

/// The edit form of an action picked on the Acties screen: its case and family give the owners
/// to pick from first.
fn acties_edit(app: &mut App, store: &Store, id: crate::domain::ActionId) -> Option<Form> {
    let loaded = store.action(id).and_then(|a| match a {
        Some(a) => {
            let case = store.case(a.case)?;
            let family = match &case {
                Some(c) => store.family(c.family)?,
                None => None,
            };
            Ok(case.map(|c| (a, c, family)))
        }
        None => Ok(None),
    });
    match loaded {
        Ok(Some((a, case, family))) => Some(action_form(app, &case, family.as_ref(), Some(&a))),
        Ok(None) => None,
        Err(e) => {
            app.error(crate::i18n::cli::store_error(&e, app.lang));
            None
        }
    }
}

/// Forms of the walk-through, all about the case being discussed.
fn meeting_form(app: &mut App, store: &mut Store, clock: &Clock, action: Intent) -> Option<Form> {
    let page = app.meeting.as_ref().filter(|m| m.running())?.page.clone()?;
    match action {
        Intent::AddAction => Some(action_form(app, &page.case, page.family.as_ref(), None)),
        Intent::Agreement => Some(Form::new(
            FormKind::Agreement,
            crate::i18n::meeting::F_AGREEMENT,
            vec![Field::new(crate::i18n::meeting::L_AGREEMENT, K::Text).required()],
        )),
        Intent::Edit => Some(edit_case(app, &page)),
        Intent::CloseReopen if page.case.status == CaseStatus::Afgesloten => {
            super::submit::reopen(app, store, clock);
            None
        }
        Intent::CloseReopen => Some(close_form(page.case.id)),
        _ => None,
    }
}
