//! Saving what a form holds. Each save is one store commit (flushed) and one entry on this
//! session's undo list; the one-key changes are in `quick`.

use super::app::{App, Popup};
use super::form::{Form, FormKind};
use super::forms::{f, CONSENTS, OPEN_STATUSES, SIGNALS};
use super::intent::Intent;
use super::quick::after_change;
pub use super::quick::{flag, reopen, toggle_done, undo};
use crate::clock::Clock;
use crate::domain::text::short;
use crate::domain::{
    Action as Task, Carer, Case, Child, Consent, Family, FamilyId, Involvement, Lead, Outcome,
    Person, PersonId, Side,
};
use crate::i18n::{cli::store_error, tui as t};
use crate::store::{Result as StoreResult, Store, Undo};

pub fn form_key(app: &mut App, store: &mut Store, clock: &Clock, action: Intent) {
    if let Some(Popup::ConfirmDiscard(_)) = &app.popup {
        // Only "j"/"y" (typed) confirms; every other key goes back to the form.
        if let Some(Popup::ConfirmDiscard(form)) = app.popup.take() {
            app.popup = Some(Popup::Form(form));
        }
        return;
    }
    let Some(Popup::Form(form)) = &mut app.popup else {
        return;
    };
    match action {
        Intent::Quit => {
            if form.dirty {
                if let Some(Popup::Form(form)) = app.popup.take() {
                    app.popup = Some(Popup::ConfirmDiscard(form));
                }
            } else {
                app.quit = true;
            }
        }
        Intent::Cancel => app.popup = None,
        Intent::NextField => form.next(),
        Intent::PrevField => form.prev(),
        Intent::Backspace => {
            form.dirty = true;
            form.focused().into_iter().for_each(|f| f.backspace())
        }
        Intent::Delete => form.focused().into_iter().for_each(|f| f.delete()),
        Intent::Left => form.focused().into_iter().for_each(|f| f.left()),
        Intent::Right => form.focused().into_iter().for_each(|f| f.right()),
        Intent::Home => form.focused().into_iter().for_each(|f| f.home()),
        Intent::End => form.focused().into_iter().for_each(|f| f.end()),
        Intent::Submit => submit(app, store, clock),
        _ => {}
    }
}

/// What a saved form reports: the undo entry's description, or the field errors stay shown.
fn submit(app: &mut App, store: &mut Store, clock: &Clock) {
    let Some(Popup::Form(mut form)) = app.popup.take() else {
        return;
    };
    let lang = app.lang;
    if !form.check_required(t::REQUIRED.get(lang)) {
        app.popup = Some(Popup::Form(form));
        return;
    }
    let today = clock.today();
    let now = clock.now();
    // Every date field must be understood before anything is written.
    let mut bad_date = false;
    for field in form
        .fields
        .iter_mut()
        .filter(|f| f.kind == super::form::FieldKind::Date)
    {
        if let Err(e) = field.date(today, lang) {
            field.error = Some(e);
            bad_date = true;
        }
    }
    if bad_date {
        if let Some(i) = form.fields.iter().position(|f| f.error.is_some()) {
            form.focus = i;
        }
        app.popup = Some(Popup::Form(form));
        return;
    }
    if form.kind == FormKind::ChooseMe {
        return choose_me(app, form);
    }
    // The meeting is lent to `save` so a change in the meeting lands in its record too.
    let mut meeting = app.meeting.take();
    let result = save(app, store, &mut form, clock, meeting.as_mut());
    app.meeting = meeting;
    match result {
        Ok(Some((undo, what))) => {
            // A new case is selected in the list, so Enter opens it.
            let new_case = match form.kind {
                FormKind::NewCase => undo.cases.keys().next().copied(),
                _ => None,
            };
            app.undo.push((undo, what));
            after_change(app, store);
            if let Some(pos) = new_case.and_then(|id| {
                app.cases
                    .visible
                    .iter()
                    .position(|i| app.cases.rows[*i].id == id)
            }) {
                app.cases.selected = pos;
            }
            app.info(t::SAVED.get(lang));
        }
        Ok(None) => app.popup = Some(Popup::Form(form)),
        Err(e) => {
            form.error = Some(store_error(&e, lang));
            app.popup = Some(Popup::Form(form));
        }
    }
    let _ = now;
}

fn date(form: &Form, i: usize, app: &App) -> Option<chrono::NaiveDate> {
    form.field(i).date(app.today, app.lang).ok().flatten()
}

fn side_from(choice: usize, offset: usize) -> Option<Side> {
    choice
        .checked_sub(offset)
        .and_then(|i| Side::ALL.get(i).copied())
}

/// Builds and commits the record a form describes. `Ok(None)`: a field needs attention.
fn save(
    app: &App,
    store: &mut Store,
    form: &mut Form,
    clock: &Clock,
    meeting: Option<&mut super::meeting::MeetingState>,
) -> StoreResult<Option<(Undo, String)>> {
    let now = clock.now();
    let lang = app.lang;
    match form.kind {
        FormKind::NewCase => {
            use f::new_case as n;
            let first = form.field(n::FIRST).line();
            let last = form.field(n::LAST).line();
            let picked = form.field(n::FAMILY).picked().map(|o| FamilyId(o.id));
            let mut ch = store.begin();
            let child = Child {
                id: ch.child_id(),
                first_name: first.clone(),
                last_name: last.clone(),
                birth_date: None,
                school: form.field(n::SCHOOL).line(),
                groep: form.field(n::GROEP).line(),
            };
            let family = match picked.map(|id| store.family(id)).transpose()?.flatten() {
                Some(mut fam) => {
                    fam.children.push(child.clone());
                    fam
                }
                None => Family {
                    id: ch.family_id(),
                    name: if last.is_empty() {
                        first.clone()
                    } else {
                        last.clone()
                    },
                    carers: vec![],
                    children: vec![child.clone()],
                    network: vec![],
                },
            };
            let case = Case {
                id: ch.case_id(),
                family: family.id,
                child: child.id,
                question: form.field(n::QUESTION).text(),
                signal: SIGNALS[form.field(n::SIGNAL).choice.min(SIGNALS.len() - 1)],
                signal_date: date(form, n::SIGNAL_DATE, app).unwrap_or(app.today),
                intake_date: None,
                support_date: None,
                status: crate::domain::CaseStatus::Aangemeld,
                lead: Lead::default(),
                consents: vec![],
                flagged: false,
                closings: vec![],
                notes: String::new(),
                created: now,
                last_activity: now,
            };
            // Ids taken from a throwaway change are reserved by the commit that writes them.
            let undo = store.create_case(now, family, case)?;
            Ok(Some((
                undo,
                format!("{} {}", t::F_NEW_CASE.get(lang), child.full_name()),
            )))
        }
        FormKind::EditCase(id) => {
            use f::edit_case as e;
            let Some(mut case) = store.case(id)? else {
                return Ok(None);
            };
            case.question = form.field(e::QUESTION).text();
            if case.status.is_open() {
                case.status = OPEN_STATUSES[form.field(e::STATUS).choice.min(2)];
            }
            case.lead.side = side_from(form.field(e::LEAD_SIDE).choice, 1);
            let lead = form.field(e::LEAD_PERSON);
            case.lead.person = if lead.value.trim().is_empty() {
                None
            } else {
                match lead.picked() {
                    Some(o) => Some(PersonId(o.id)),
                    None => return pick_error(form, e::LEAD_PERSON, lang),
                }
            };
            case.intake_date = date(form, e::INTAKE, app);
            if let Some(d) = date(form, e::SIGNAL_DATE, app) {
                case.signal_date = d;
            }
            case.notes = form.field(e::NOTES).text();
            let undo = save_case_in(store, now, case, meeting)?;
            Ok(Some((undo, t::F_EDIT_CASE.get(lang).to_string())))
        }
        FormKind::CloseCase(id) => {
            let Some(mut case) = store.case(id)? else {
                return Ok(None);
            };
            let outcome = Outcome::ALL[form.field(0).choice.min(Outcome::ALL.len() - 1)];
            case.close(date(form, 1, app).unwrap_or(app.today), outcome);
            let undo = save_case_in(store, now, case, meeting)?;
            Ok(Some((undo, t::F_CLOSE_CASE.get(lang).to_string())))
        }
        FormKind::NewAction(_) | FormKind::EditAction(_) => {
            save_action(app, store, form, clock, meeting)
        }
        FormKind::Agreement => {
            let Some(state) = meeting.filter(|m| m.running()) else {
                return Ok(None);
            };
            let text = form.field(0).text();
            let item = state.meeting.current;
            let undo = store.meeting_agreement(now, &mut state.meeting, item, text.clone())?;
            Ok(Some((
                undo,
                format!(
                    "{}: {}",
                    crate::i18n::meeting::L_AGREEMENT.get(lang),
                    short(&text, 40)
                ),
            )))
        }
        FormKind::Consent(case_id, person) => {
            let Some(mut case) = store.case(case_id)? else {
                return Ok(None);
            };
            case.set_consent(Consent {
                person,
                status: CONSENTS[form.field(0).choice.min(2)],
                date: date(form, 1, app),
                note: form.field(2).line(),
            });
            let undo = store.save_case(now, case)?;
            Ok(Some((undo, t::F_CONSENT.get(lang).to_string())))
        }
        FormKind::AddNetwork(family_id) => {
            use f::network as n;
            let Some(mut family) = store.family(family_id)? else {
                return Ok(None);
            };
            let field = form.field(n::PERSON);
            let role = form.field(n::ROLE).line();
            let mut undo_person = None;
            let person = match field.picked() {
                Some(o) => PersonId(o.id),
                None => {
                    // Someone not yet on the sociale kaart: added there first.
                    let mut ch = store.begin();
                    let p = Person {
                        id: ch.person_id(),
                        name: field.line(),
                        role: role.clone(),
                        organisation: form.field(n::ORG).line(),
                        side: side_from(form.field(n::SIDE).choice, 0).unwrap_or(Side::Zorg),
                        phone: String::new(),
                        email: String::new(),
                        offer: String::new(),
                    };
                    let id = p.id;
                    undo_person = Some(store.save_person(now, p)?);
                    id
                }
            };
            let role = if role.is_empty() {
                app.person(person)
                    .map(|p| p.role.clone())
                    .unwrap_or_default()
            } else {
                role
            };
            family
                .network
                .retain(|i| i.person != person || i.until.is_some());
            family.network.push(Involvement {
                person,
                role,
                from: date(form, n::SINCE, app),
                until: None,
            });
            let mut undo = store.save_family(now, family)?;
            if let Some(p) = undo_person {
                undo.persons.extend(p.persons);
            }
            Ok(Some((undo, t::F_ADD_NETWORK.get(lang).to_string())))
        }
        FormKind::NewPerson | FormKind::EditPerson(_) => {
            use f::person as p;
            let id = match form.kind {
                FormKind::EditPerson(id) => id,
                _ => store.begin().person_id(),
            };
            let person = Person {
                id,
                name: form.field(p::NAME).line(),
                role: form.field(p::ROLE).line(),
                organisation: form.field(p::ORG).line(),
                side: side_from(form.field(p::SIDE).choice, 0).unwrap_or(Side::Zorg),
                phone: form.field(p::PHONE).line(),
                email: form.field(p::EMAIL).line(),
                offer: form.field(p::OFFER).text(),
            };
            let name = person.name.clone();
            let undo = store.save_person(now, person)?;
            Ok(Some((undo, name)))
        }
        FormKind::ChooseMe => Ok(None),
        FormKind::EditFamily(id) => {
            let Some(mut family) = store.family(id)? else {
                return Ok(None);
            };
            family.name = form.field(0).line();
            family.carers = (0..2)
                .map(|i| Carer {
                    name: form.field(1 + i * 4).line(),
                    relation: form.field(2 + i * 4).line(),
                    phone: form.field(3 + i * 4).line(),
                    email: form.field(4 + i * 4).line(),
                })
                .filter(|c| !c.name.is_empty())
                .collect();
            let undo = store.save_family(now, family)?;
            Ok(Some((undo, t::F_EDIT_FAMILY.get(lang).to_string())))
        }
    }
}

/// Saves a case; the case being discussed in the running meeting goes through the meeting's
/// record, so its item counts as discussed.
fn save_case_in(
    store: &mut Store,
    now: chrono::NaiveDateTime,
    case: Case,
    meeting: Option<&mut super::meeting::MeetingState>,
) -> StoreResult<Undo> {
    let current = meeting.filter(|m| {
        m.running()
            && m.meeting
                .items
                .get(m.meeting.current)
                .is_some_and(|i| i.case == case.id)
    });
    match current {
        Some(state) => {
            let item = state.meeting.current;
            store.meeting_case(now, &mut state.meeting, item, case)
        }
        None => store.save_case(now, case),
    }
}

fn pick_error(
    form: &mut Form,
    field: usize,
    lang: crate::domain::dates::Lang,
) -> StoreResult<Option<(Undo, String)>> {
    if let Some(f) = form.fields.get_mut(field) {
        f.error = Some(t::PICK_NONE.get(lang).to_string());
    }
    form.focus = field;
    Ok(None)
}

fn save_action(
    app: &App,
    store: &mut Store,
    form: &mut Form,
    clock: &Clock,
    meeting: Option<&mut super::meeting::MeetingState>,
) -> StoreResult<Option<(Undo, String)>> {
    use f::action as a;
    let now = clock.now();
    let owner_field = form.field(a::OWNER);
    let owner = if owner_field.value.trim().is_empty() {
        None
    } else {
        match owner_field.picked() {
            Some(o) => Some(PersonId(o.id)),
            None => return pick_error(form, a::OWNER, app.lang),
        }
    };
    let owner_side = owner.and_then(|id| app.person(id)).map(|p| p.side);
    let side = side_from(form.field(a::SIDE).choice, 1)
        .or(owner_side)
        .unwrap_or(Side::Zorg);
    let mut task = match form.kind {
        FormKind::EditAction(id) => match store.action(id)? {
            Some(t) => t,
            None => return Ok(None),
        },
        FormKind::NewAction(case) => Task {
            id: store.begin().action_id(),
            case,
            text: String::new(),
            owner: None,
            side,
            deadline: None,
            created: now,
            meeting: None,
            done: None,
        },
        _ => return Ok(None),
    };
    task.text = form.field(a::TEXT).text();
    task.owner = owner;
    task.side = side;
    task.deadline = date(form, a::DEADLINE, app);
    let what = format!("{}: {}", t::L_ACTION.get(app.lang), short(&task.text, 40));
    // A new action for the case being discussed belongs to the meeting (and its minutes).
    let in_meeting = meeting.filter(|m| {
        m.running()
            && form.kind == FormKind::NewAction(task.case)
            && m.meeting
                .items
                .get(m.meeting.current)
                .is_some_and(|i| i.case == task.case)
    });
    let undo = match in_meeting {
        Some(state) => {
            let item = state.meeting.current;
            store.meeting_action(now, &mut state.meeting, item, task)?
        }
        None => store.save_action(now, task)?,
    };
    Ok(Some((undo, what)))
}

/// Remembers who the user is in the config file; nothing in the store changes.
fn choose_me(app: &mut App, mut form: Box<Form>) {
    let Some(picked) = form.field(0).picked().map(|o| o.id) else {
        let _ = pick_error(&mut form, 0, app.lang);
        app.popup = Some(Popup::Form(form));
        return;
    };
    let mut config = app.config.clone();
    config.me = Some(picked);
    if let Some(dir) = &app.config_dir {
        if let Err(e) = config.save(dir) {
            form.error = Some(e.to_string());
            app.popup = Some(Popup::Form(form));
            return;
        }
    }
    app.config = config;
    app.actions.filter.mine = true;
    super::acties::apply(&mut app.actions, app.today, Some(PersonId(picked)));
    let name = app.person_name(Some(PersonId(picked)));
    app.info(format!("{} {name}.", t::ME_SAVED.get(app.lang)));
}
