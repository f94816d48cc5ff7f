//! `update`: the only place that changes the app's state or calls the store. [`step`] is the one
//! path of every event, for the terminal loop and the test script alike: the key resolved to a
//! message once, the message applied, and an error shown in one place.

use super::app::{App, Page, Popup, Screen};
use super::msg::{ChangeMsg, FieldEdit, List, MeetingMsg, Msg, PopupMsg, Step};
use super::{acties, cases, changes, form, load, lookup, meeting, resolve};
use crate::clock::Clock;
use crate::i18n::tui as t;
use crate::store::{Store, StoreError};
use crossterm::event::Event;

/// Why a message could not be carried out, said on the open form or the status line.
#[derive(Debug)]
pub enum Problem {
    Store(StoreError),
    /// The record a message was about is gone (undone, or removed elsewhere).
    NotFound,
    /// The meeting moved on or ended while a form for it was open.
    NotInMeeting,
    /// The settings file could not be written.
    Config(std::io::Error),
}

impl From<StoreError> for Problem {
    fn from(e: StoreError) -> Problem {
        Problem::Store(e)
    }
}

impl Problem {
    /// One calm sentence, in the user's language.
    pub fn message(&self, lang: crate::domain::dates::Lang) -> String {
        match self {
            Problem::Store(e) => crate::i18n::cli::store_error(e, lang),
            Problem::NotFound => t::NOT_FOUND.get(lang).to_string(),
            Problem::NotInMeeting => crate::i18n::meeting::NOT_RUNNING.get(lang).to_string(),
            Problem::Config(e) => format!("{}: {e}", t::CONFIG_NOT_SAVED.get(lang)),
        }
    }
}

/// One event from the terminal (or a test script): a key, a paste, a resize.
pub fn step(app: &mut App, store: &mut Store, clock: &Clock, event: Event) {
    if matches!(event, Event::Key(_) | Event::Paste(_)) {
        app.last_input = clock.now();
    }
    let msg = match event {
        Event::Key(key) => {
            // A key clears the status line, unless a popup is open (its message stays readable).
            if app.popup.is_none() {
                app.status = None;
            }
            resolve::key(app, key)
        }
        Event::Paste(text) => Some(Msg::Popup(PopupMsg::Paste(text))),
        _ => None,
    };
    if let Some(msg) = msg {
        if let Err(problem) = update(app, store, clock, msg) {
            show(app, &problem);
        }
    }
}

/// The one place a problem reaches the screen: on the open form, or on the status line.
fn show(app: &mut App, problem: &Problem) {
    let text = problem.message(app.lang);
    match &mut app.popup {
        Some(Popup::Form(form)) => form.error = Some(text),
        _ => app.error(text),
    }
}

/// Carries out one message; then screen 3 has the whole rows of what it will show.
pub fn update(app: &mut App, store: &mut Store, clock: &Clock, msg: Msg) -> Result<(), Problem> {
    let done = carry_out(app, store, clock, msg);
    let page = super::acties::fill_page(&mut app.actions, store, usize::from(app.height));
    done.and(page)
}

fn carry_out(app: &mut App, store: &mut Store, clock: &Clock, msg: Msg) -> Result<(), Problem> {
    app.today = clock.today();
    app.now = clock.now();
    if super::later::needs_every_row(&msg) {
        super::later::wait_for_rows(app, store);
    }
    match msg {
        Msg::Quit => app.quit = true,
        Msg::Back => {
            if app.pages.pop().is_none() {
                app.quit = true;
            }
        }
        Msg::Cancel => {
            if app.status.take().is_none() {
                app.pages.pop();
            }
        }
        Msg::Unblank => app.blank = false,
        Msg::PrivacyAnswer(on) => {
            app.popup = None;
            app.privacy = on;
            super::start::ask_me(app, store);
        }
        Msg::Blank => app.blank = true,
        Msg::Help => app.popup = Some(Popup::Help { scroll: 0 }),
        Msg::Lookup { add_to_agenda } => app.popup = Some(lookup::open(add_to_agenda)),
        Msg::Privacy => privacy(app),
        Msg::NextTheme => next_theme(app),
        Msg::Say(text) => app.info(text.get(app.lang)),
        Msg::Show(screen) => show_screen(app, store, screen)?,
        Msg::Select(list, step) => select(app, list, step),
        Msg::Pane { forward } => super::case::next_pane(app, forward),
        Msg::CaseFilter(f) => cases::filter(&mut app.cases, f, app.today),
        Msg::ActiesFilter(f) => acties::filter(app, store, f)?,
        Msg::Monitor(step) => super::monitor::step(app, store, step),
        Msg::OpenCase { id, then_edit } => {
            super::case::open(app, store, id)?;
            if then_edit {
                open_form(app, store, form::FormKind::EditCase(id))?;
            }
        }
        Msg::OpenFamily(id) => super::family::open(app, store, id)?,
        Msg::AskForget(id) => super::forget::ask(app, store, id)?,
        Msg::Forget(m) => super::forget::update(app, store, clock, m)?,
        Msg::OpenPerson(id) => super::kaart::open(app, store, id)?,
        Msg::OpenForm(kind) => open_form(app, store, kind)?,
        Msg::LoadDemo => {
            crate::demo::school(store, clock.today())?;
            load::refresh(store, app)?;
            app.welcome = false;
            app.info(t::DEMO_LOADED.get(app.lang));
        }
        Msg::FirstCase => {
            app.welcome = false;
            open_form(app, store, form::FormKind::NewCase)?;
        }
        Msg::Change(m) => change(app, store, clock, m)?,
        Msg::Meeting(m) => in_meeting(app, store, clock, m)?,
        Msg::Popup(m) => in_popup(app, store, clock, m)?,
    }
    Ok(())
}

/// A change of the store: one commit.
fn change(app: &mut App, store: &mut Store, clock: &Clock, msg: ChangeMsg) -> Result<(), Problem> {
    match msg {
        ChangeMsg::Undo => changes::undo(app, store, clock),
        ChangeMsg::SetDone {
            action,
            case,
            done,
            text,
        } => changes::set_done(app, store, clock, (action, case), done, &text),
        ChangeMsg::MeetingDone { case, action, text } => {
            changes::meeting_done(app, store, clock, case, action, &text)
        }
        ChangeMsg::Flag(id) => changes::flag(app, store, clock, id),
        ChangeMsg::Reopen(id) => changes::reopen(app, store, clock, id),
    }
}

/// Screen 1: the agenda draft and the running meeting.
fn in_meeting(
    app: &mut App,
    store: &mut Store,
    clock: &Clock,
    msg: MeetingMsg,
) -> Result<(), Problem> {
    match msg {
        MeetingMsg::ShowMeeting => meeting::show(app, store),
        MeetingMsg::StartMeeting => meeting::start_or_resume(app, store, clock),
        MeetingMsg::AgendaMove { from, to } => {
            meeting::move_item(app, from, to);
            Ok(())
        }
        MeetingMsg::AgendaRemove(at) => {
            meeting::remove_item(app, at);
            Ok(())
        }
        MeetingMsg::Timebox { item, minutes } => meeting::timebox(app, store, item, minutes),
        MeetingMsg::GoItem { forward } => meeting::go_item(app, store, clock, forward),
        MeetingMsg::EndMeeting => meeting::summary(app, store, clock),
        MeetingMsg::ConfirmEnd => meeting::end(app, store, clock),
        MeetingMsg::History => {
            meeting::history(app, store);
            Ok(())
        }
    }
}

/// What the popup on show does with a key.
fn in_popup(app: &mut App, store: &mut Store, clock: &Clock, msg: PopupMsg) -> Result<(), Problem> {
    match msg {
        PopupMsg::ClosePopup => close_popup(app),
        PopupMsg::Discard => {
            app.popup = None;
            app.quit = true;
        }
        PopupMsg::Edit(edit) => edit_field(app, edit),
        PopupMsg::Submit => form::save::submit(app, store, clock)?,
        PopupMsg::QuitForm => quit_form(app),
        PopupMsg::BackToForm => {
            if let Some(
                Popup::ConfirmDiscard(f)
                | Popup::ConfirmClose(f)
                | Popup::ConfirmNoConsent(f)
                | Popup::ConfirmOverwrite(f),
            ) = app.popup.take()
            {
                app.popup = Some(Popup::Form(f));
            }
        }
        PopupMsg::ConfirmConsent => {
            if let Some(Popup::ConfirmNoConsent(mut f)) = app.popup.take() {
                super::consent::confirm(app, &mut f);
                app.popup = Some(Popup::Form(f));
                form::save::submit(app, store, clock)?;
            }
        }
        PopupMsg::ConfirmOverwrite => {
            if let Some(Popup::ConfirmOverwrite(f)) = app.popup.take() {
                super::export::submit(app, store, clock, f, true)?;
            }
        }
        PopupMsg::LookupBackspace => lookup::backspace(app),
        PopupMsg::LookupChoose => lookup::choose(app, store)?,
        PopupMsg::Type(c) => type_char(app, c),
        PopupMsg::Paste(text) => paste(app, &text),
    }
    Ok(())
}

fn privacy(app: &mut App) {
    app.privacy = !app.privacy;
    let said = if app.privacy {
        t::PRIVACY_ON
    } else {
        t::PRIVACY_OFF
    };
    app.info(said.get(app.lang));
}

fn next_theme(app: &mut App) {
    let names: Vec<&str> = super::theme::BUILTIN.iter().map(|(n, _)| *n).collect();
    let i = names
        .iter()
        .position(|n| *n == app.theme.name)
        .map_or(0, |i| (i + 1) % names.len());
    let (theme, _) = super::theme::Theme::load(names[i], None, app.no_color);
    app.info(format!("{}: {}", t::THEME.get(app.lang), theme.name));
    app.theme = theme;
}

fn show_screen(app: &mut App, store: &Store, screen: Screen) -> Result<(), Problem> {
    app.screen = screen;
    app.pages.clear();
    if screen == Screen::Acties {
        acties::show(app, store)?;
    }
    if screen == Screen::Monitor {
        super::monitor::load(app, store);
    }
    Ok(())
}

fn open_form(app: &mut App, store: &Store, kind: form::FormKind) -> Result<(), Problem> {
    let form = form::open::build(app, store, kind)?;
    app.popup = Some(Popup::Form(Box::new(form)));
    Ok(())
}

/// Moves the selection of `list`.
fn select(app: &mut App, list: List, step: Step) {
    let (len, at): (usize, &mut usize) = match list {
        List::Cases => (app.cases.visible.len(), &mut app.cases.selected),
        List::Kaart => (app.persons.len(), &mut app.kaart_selected),
        List::Acties => (app.actions.visible.len(), &mut app.actions.selected),
        List::Agenda | List::WalkThrough => return meeting::select(app, list, step),
        List::Lookup => return lookup::select(app, step),
        List::Popup => return scroll(app, step),
        List::Page => match app.pages.last_mut() {
            Some(Page::Case(p)) => (super::case::pane_len(p), &mut p.selected),
            Some(Page::Family(p)) => (p.cases.len() + p.family.network.len(), &mut p.selected),
            Some(Page::Person(p)) => (p.families.len(), &mut p.selected),
            None => return,
        },
    };
    *at = step.apply(*at, len);
}

fn scroll(app: &mut App, step: Step) {
    if let Some(
        Popup::Help { scroll } | Popup::Text { scroll, .. } | Popup::MeetingSummary { scroll, .. },
    ) = &mut app.popup
    {
        *scroll = match step {
            Step::Up => scroll.saturating_sub(1),
            _ => *scroll + 1,
        };
    }
}

fn edit_field(app: &mut App, edit: FieldEdit) {
    let Some(Popup::Form(form)) = &mut app.popup else {
        return;
    };
    match edit {
        FieldEdit::NextField => return form.next(),
        FieldEdit::PrevField => return form.prev(),
        FieldEdit::NextSection => return form.next_section(),
        FieldEdit::PrevSection => return form.prev_section(),
        FieldEdit::NewLine => return form.new_line(),
        FieldEdit::Backspace => form.dirty = true,
        _ => {}
    }
    if let Some(f) = form.focused() {
        match edit {
            FieldEdit::Backspace => f.backspace(),
            FieldEdit::Delete => f.delete(),
            FieldEdit::Left => f.left(),
            FieldEdit::Right => f.right(),
            FieldEdit::Home => f.home(),
            FieldEdit::End => f.end(),
            _ => {}
        }
    }
    if matches!(edit, FieldEdit::Left | FieldEdit::Right) {
        // A choice moved: the form may follow it (the export's file extension).
        form.grow();
    }
}

/// Esc: a form with typed text asks before it is thrown away (as Ctrl-C does); yes to that
/// question, and any other popup, closes.
fn close_popup(app: &mut App) {
    app.popup = match app.popup.take() {
        Some(Popup::Form(form)) if form.dirty => Some(Popup::ConfirmClose(form)),
        Some(Popup::Form(form))
            if matches!(form.body, form::kinds::Body::ChooseMe(_)) && app.config.me.is_none() =>
        {
            // Left for now: say what that means and where to choose later.
            app.info(crate::i18n::tui::ME_LATER.get(app.lang));
            None
        }
        _ => None,
    };
}

/// Ctrl-C in a form: quits at once when nothing was typed, else asks first.
fn quit_form(app: &mut App) {
    match app.popup.take() {
        Some(Popup::Form(form)) if form.dirty => app.popup = Some(Popup::ConfirmDiscard(form)),
        other => {
            app.popup = other;
            app.quit = true;
        }
    }
}

/// Text typed into the field that has focus (the lookup's query or a form's field).
fn type_char(app: &mut App, c: char) {
    match &mut app.popup {
        Some(Popup::Lookup(_)) => lookup::type_char(app, c),
        Some(Popup::Form(form)) => form.type_char(c),
        _ => {}
    }
}

/// A paste arrives whole: a form's field gets all of it; the lookup gets it on one line.
fn paste(app: &mut App, text: &str) {
    match &mut app.popup {
        Some(Popup::Form(form)) => form.paste(text),
        Some(Popup::Lookup(_)) => {
            for c in text.chars() {
                lookup::type_char(app, if c == '\n' || c == '\r' { ' ' } else { c });
            }
        }
        _ => {}
    }
}

/// Takes in results of the lookup worker, if any arrived; true when the screen should redraw.
pub fn poll_lookup(app: &mut App) -> bool {
    lookup::poll(app)
}
