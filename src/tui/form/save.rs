//! Saving a form: its typed body becomes records through the domain's constructors, and the
//! records one store commit. A change about the case under discussion in a running meeting goes
//! through the meeting's record (see `meeting::record`).

use super::kinds::{ActionForm, Body, EditCaseForm, FamilyForm, NetworkForm, PersonForm};
use super::{Field, Form};
use crate::clock::Clock;
use crate::domain::text::short;
use crate::domain::{Action, ActionId, CaseId, Consent, FamilyId, Person, PersonId, Side};
use crate::i18n::{meeting as tm, tui as t};
use crate::store::{Store, Undo};
use crate::tui::app::{App, Popup};
use crate::tui::meeting::record;
use crate::tui::privacy::Said;
use crate::tui::update::Problem;
use chrono::{NaiveDate, NaiveDateTime};

/// What a saved form did.
enum Saved {
    /// A commit: its undo, and what to say.
    Commit(Undo, Said),
    /// A field needs attention; the form stays open with the field marked.
    Marked,
    /// An action for an owner without consent: asked first (see `tui::consent`).
    Ask,
}

/// Enter in a form: checks it, saves it, and closes it, or keeps it open with what needs
/// attention marked. Errors (the store refused) are shown on the form, which stays open.
pub fn submit(app: &mut App, store: &mut Store, clock: &Clock) -> Result<(), Problem> {
    let Some(Popup::Form(mut form)) = app.popup.take() else {
        return Ok(());
    };
    if !form.check(app.today, app.lang, t::REQUIRED.get(app.lang)) {
        app.popup = Some(Popup::Form(form));
        return Ok(());
    }
    let ctx = Ctx {
        now: clock.now(),
        today: app.today,
        lang: app.lang,
    };
    let new_case = matches!(form.body, Body::NewCase(_));
    if let Body::ChooseMe(field) = &form.body {
        let picked = field.picked_person();
        return choose_me(app, store, picked, form);
    }
    if let Body::Attendees(field) = &form.body {
        return match crate::tui::meeting::find_attendees(app, &field.value) {
            Ok(people) => crate::tui::meeting::set_attendees(app, store, people),
            Err(unknown) => {
                let said = format!("{} {unknown}", tm::ATTENDEES_UNKNOWN.get(app.lang));
                form.mark(tm::L_ATTENDEES, &said);
                app.popup = Some(Popup::Form(form));
                Ok(())
            }
        };
    }
    if let Body::MonitorPeriod(f) = &form.body {
        let (from, to) = (ctx.date(&f.from), ctx.date(&f.to));
        crate::tui::monitor::set_period(app, store, from.zip(to));
        return Ok(());
    }
    if let Body::Export(..) = &form.body {
        return crate::tui::export::submit(app, store, clock, form, false);
    }
    if let Body::GoToItem(field) = &form.body {
        return match crate::tui::meeting::find_item(app, &field.value) {
            Some(at) => crate::tui::meeting::go_to(app, store, clock.now(), at),
            None => {
                form.mark(tm::L_GOTO, tm::GOTO_NONE.get(app.lang));
                app.popup = Some(Popup::Form(form));
                Ok(())
            }
        };
    }
    let result = save(app, store, &ctx, &mut form);
    match result {
        Ok(Saved::Commit(undo, what)) => {
            let created = new_case
                .then(|| undo.cases.keys().next().copied())
                .flatten();
            crate::tui::changes::saved(app, store, undo, what)?;
            if let Some(id) = created {
                // A new case is selected in the list, so Enter opens it.
                app.cases.select(id);
            }
            app.info(t::SAVED.get(app.lang));
            Ok(())
        }
        Ok(Saved::Marked) => {
            app.popup = Some(Popup::Form(form));
            Ok(())
        }
        Ok(Saved::Ask) => {
            app.popup = Some(Popup::ConfirmNoConsent(form));
            Ok(())
        }
        Err(problem) => {
            app.popup = Some(Popup::Form(form));
            Err(problem)
        }
    }
}

/// The moment and language a save happens in.
pub(super) struct Ctx {
    pub(super) now: NaiveDateTime,
    pub(super) today: NaiveDate,
    pub(super) lang: crate::domain::dates::Lang,
}

impl Ctx {
    /// A date field's date; the form was checked, so an unreadable one is not left.
    pub(super) fn date(&self, field: &Field) -> Option<NaiveDate> {
        field.date(self.today, self.lang).ok().flatten()
    }
}

fn save(app: &mut App, store: &mut Store, ctx: &Ctx, form: &mut Form) -> Result<Saved, Problem> {
    let lang = ctx.lang;
    let (undo, what) = match &form.body {
        Body::NewCase(f) => super::intake::save(app, store, ctx, f)?,
        Body::EditCase(id, f) => match edit_case(app, store, ctx, *id, f)? {
            Some(undo) => (undo, Said::plain(t::F_EDIT_CASE.get(lang))),
            None => return mark(form, lang, t::L_LEAD_PERSON),
        },
        Body::CloseCase(id, f) => match close(app, store, ctx, *id, f)? {
            Some(undo) => (undo, Said::plain(t::F_CLOSE_CASE.get(lang))),
            None => return mark(form, lang, t::L_CANCEL_REASON),
        },
        Body::NewAction(_, _) | Body::EditAction(_, _)
            if !crate::tui::consent::may_save(app, form) =>
        {
            return Ok(Saved::Ask)
        }
        Body::NewAction(case, f) => match action(app, store, ctx, Target::New(*case), f)? {
            Some(saved) => saved,
            None => return mark(form, lang, t::L_OWNER),
        },
        Body::EditAction(id, f) => match action(app, store, ctx, Target::Edit(*id), f)? {
            Some(saved) => saved,
            None => return mark(form, lang, t::L_OWNER),
        },
        Body::Agreement(case, f) => {
            let text = f.text();
            let undo = record::agreement(app, store, ctx.now, *case, text.clone())?;
            let what = Said::plain(format!("{}: ", tm::L_AGREEMENT.get(lang)))
                .text(&short(&text, 40), *case);
            (undo, what)
        }
        Body::Consent(case_id, person, f) => {
            let mut case = store.case(*case_id)?.ok_or(Problem::NotFound)?;
            case.set_consent(Consent {
                person: *person,
                status: f.status.value(),
                date: ctx.date(&f.date),
                note: f.note.line(),
                given_by: String::new(),
            });
            let undo = store.save_case(ctx.now, case)?;
            (undo, Said::plain(t::F_CONSENT.get(lang)))
        }
        Body::AddNetwork(id, f) => (
            network(app, store, ctx, *id, f)?,
            Said::plain(t::F_ADD_NETWORK.get(lang)),
        ),
        Body::NewPerson(f) => person(store, ctx, None, f)?,
        Body::EditPerson(id, f) => person(store, ctx, Some(*id), f)?,
        Body::EditFamily(id, f) => (
            family(store, ctx, *id, f)?,
            Said::plain(t::F_EDIT_FAMILY.get(lang)),
        ),
        Body::ChangeNetwork(family, person, f) => {
            use crate::store::corrections::NetworkChange;
            let change = match f.what.value() {
                super::kinds::NetworkEnd::End => {
                    NetworkChange::End(ctx.date(&f.until).unwrap_or(ctx.today))
                }
                super::kinds::NetworkEnd::Remove => NetworkChange::Remove,
            };
            let open = store.family(*family)?.is_some_and(|fam| {
                fam.network
                    .iter()
                    .any(|i| i.person == *person && i.until.is_none())
            });
            if !open && change != NetworkChange::Remove {
                form.mark(t::L_NETWORK_CHANGE, t::ALREADY_ENDED.get(lang));
                return Ok(Saved::Marked);
            }
            let undo = store.change_network(ctx.now, *family, *person, change)?;
            (undo, Said::plain(t::F_NETWORK_CHANGE.get(lang)))
        }
        Body::ChooseMe(_)
        | Body::GoToItem(_)
        | Body::Attendees(_)
        | Body::MonitorPeriod(_)
        | Body::Export(..) => return Ok(Saved::Marked),
    };
    Ok(Saved::Commit(undo, what))
}

/// A pick that matched no one: marked under its field (by its label).
fn mark(
    form: &mut Form,
    lang: crate::domain::dates::Lang,
    label: crate::i18n::Text,
) -> Result<Saved, Problem> {
    form.mark(label, t::PICK_NONE.get(lang));
    Ok(Saved::Marked)
}

/// `None`: the lead person typed matches no one.
fn edit_case(
    app: &mut App,
    store: &mut Store,
    ctx: &Ctx,
    id: CaseId,
    f: &EditCaseForm,
) -> Result<Option<Undo>, Problem> {
    let Ok(lead) = f.lead_person.person_or_none() else {
        return Ok(None);
    };
    let mut case = store.case(id)?.ok_or(Problem::NotFound)?;
    let old = case.clone();
    case.question = f.question.text();
    if case.status.is_open() {
        case.status = f.status.value();
    }
    case.lead.side = f.lead_side.value();
    case.lead.person = lead;
    case.intake_date = ctx.date(&f.intake_date);
    if let Some(d) = ctx.date(&f.signal_date) {
        case.signal_date = d;
    }
    case.notes = f.notes.text();
    record::save_case(app, store, ctx.now, &old, case).map(Some)
}

/// Closes the case, and finishes its open actions as the form says. `None`: they are to be
/// cancelled and no reason was given.
fn close(
    app: &mut App,
    store: &mut Store,
    ctx: &Ctx,
    id: CaseId,
    f: &super::kinds::CloseForm,
) -> Result<Option<Undo>, Problem> {
    use super::kinds::OpenActions as O;
    let mut case = store.case(id)?.ok_or(Problem::NotFound)?;
    let old = case.clone();
    let day = ctx.date(&f.date).unwrap_or(ctx.today);
    case.close(day, f.outcome.value());
    let reason = f.reason.line();
    let cancelled = match f.fate.value() {
        _ if f.open.is_empty() => {
            return record::save_case(app, store, ctx.now, &old, case).map(Some)
        }
        O::KeepOpen => return record::save_case(app, store, ctx.now, &old, case).map(Some),
        O::Cancelled if reason.is_empty() => return Ok(None),
        O::Cancelled => Some(reason),
        O::Done => None,
    };
    let finished = f
        .open
        .iter()
        .map(|a| {
            let mut a = a.clone();
            let mut done = crate::domain::Done::new(ctx.now, None);
            done.cancelled = cancelled.clone();
            a.done = Some(done);
            a
        })
        .collect();
    record::close_case(app, store, ctx.now, case, finished).map(Some)
}

enum Target {
    New(CaseId),
    Edit(ActionId),
}

/// `None`: the owner typed matches no one.
fn action(
    app: &mut App,
    store: &mut Store,
    ctx: &Ctx,
    target: Target,
    f: &ActionForm,
) -> Result<Option<(Undo, Said)>, Problem> {
    let Ok(owner) = f.owner.person_or_none() else {
        return Ok(None);
    };
    let owner_side = owner.and_then(|id| app.person(id)).map(|p| p.side);
    let side = f.side.value().or(owner_side).unwrap_or(Side::Zorg);
    let text = f.text.text();
    let deadline = ctx.date(&f.deadline);
    let what = |case: CaseId| {
        Said::plain(format!("{}: ", t::L_ACTION.get(ctx.lang))).text(&short(&text, 40), case)
    };
    let (undo, what) = match target {
        Target::New(case) => {
            let id = store.begin().action_id();
            let what = what(case);
            let action = Action::new(id, case, text, owner, side, deadline, ctx.now);
            (record::new_action(app, store, ctx.now, action)?, what)
        }
        Target::Edit(id) => {
            let mut action = store.action(id)?.ok_or(Problem::NotFound)?;
            let what = what(action.case);
            action.text = text;
            action.owner = owner;
            action.side = side;
            action.deadline = deadline;
            (store.save_action(ctx.now, action)?, what)
        }
    };
    Ok(Some((undo, what)))
}

/// Someone added to a family's network; someone not yet on the sociale kaart is added there
/// first (a commit of its own; one undo takes back both).
fn network(
    app: &App,
    store: &mut Store,
    ctx: &Ctx,
    id: FamilyId,
    f: &NetworkForm,
) -> Result<Undo, Problem> {
    let mut family = store.family(id)?.ok_or(Problem::NotFound)?;
    let role = f.role.line();
    let mut added = None;
    let person = match f.person.picked_person() {
        Some(id) => id,
        None => {
            let id = store.begin().person_id();
            let p = Person::new(
                id,
                f.person.line(),
                role.clone(),
                f.organisation.line(),
                f.side.value(),
            );
            added = Some(store.save_person(ctx.now, p)?);
            id
        }
    };
    let role = match role.is_empty() {
        true => app
            .person(person)
            .map(|p| p.role.clone())
            .unwrap_or_default(),
        false => role,
    };
    family.involve(person, role, ctx.date(&f.since));
    let mut undo = store.save_family(ctx.now, family)?;
    if let Some(p) = added {
        undo.persons.extend(p.persons);
    }
    Ok(undo)
}

fn person(
    store: &mut Store,
    ctx: &Ctx,
    id: Option<PersonId>,
    f: &PersonForm,
) -> Result<(Undo, Said), Problem> {
    let id = id.unwrap_or_else(|| store.begin().person_id());
    let mut p = Person::new(
        id,
        f.name.line(),
        f.role.line(),
        f.organisation.line(),
        f.side.value(),
    );
    p.phone = f.phone.line();
    p.email = f.email.line();
    p.offer = f.offer.text();
    // A professional's name: no family's data.
    let name = Said::plain(p.name.clone());
    Ok((store.save_person(ctx.now, p)?, name))
}

/// The household's name, its children's details and its carers (an empty row drops nobody: a
/// carer is taken off by emptying their name).
fn family(store: &mut Store, ctx: &Ctx, id: FamilyId, f: &FamilyForm) -> Result<Undo, Problem> {
    let mut family = store.family(id)?.ok_or(Problem::NotFound)?;
    family.name = f.name.line();
    for c in &f.children {
        if let Some(child) = family.child_mut(c.id) {
            child.first_name = c.first_name.line();
            child.last_name = c.last_name.line();
            child.birth_date = ctx.date(&c.birth_date);
            child.groep = c.groep.line();
            child.school = c.school.line();
        }
    }
    family.carers = f.carers.iter().filter_map(|c| c.carer()).collect();
    Ok(store.save_family(ctx.now, family)?)
}

/// Remembers who the user is in the config file; nothing in the store changes, but from now on
/// every change is recorded in that person's name (issue 12 part 4).
fn choose_me(
    app: &mut App,
    store: &mut Store,
    picked: Option<PersonId>,
    mut form: Box<Form>,
) -> Result<(), Problem> {
    let Some(me) = picked else {
        form.mark(t::L_NAME, t::PICK_NONE.get(app.lang));
        app.popup = Some(Popup::Form(form));
        return Ok(());
    };
    let mut config = app.config.clone();
    config.me = Some(me.0);
    if let Some(dir) = &app.config_dir {
        if let Err(e) = config.save(dir) {
            app.popup = Some(Popup::Form(form));
            return Err(Problem::Config(e));
        }
    }
    app.config = config;
    app.actions.filter.mine = true;
    crate::tui::acties::apply(&mut app.actions, app.today, Some(me));
    if let Some(p) = app.person(me) {
        store.who.clone_from(&p.name);
    }
    let name = app.person_name(Some(me));
    app.info(format!("{} {name}.", t::ME_SAVED.get(app.lang)));
    Ok(())
}
