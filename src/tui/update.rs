//! `update`: the only place that changes the app's state or calls the store. A key becomes an
//! [`Intent`] through the keymap; text fields get their letters directly.

use super::app::{App, CasePane, Page, Popup, Screen};
use super::form::FieldKind;
use super::intent::{Context, Intent};
use super::keymap::{key_of, lookup as keymap_lookup};
use super::lookup::{LookupState, Target};
use super::navigate::{acties_filter, filter, move_selection, next_theme, open};
pub use super::navigate::{load_actions, open_case, open_family, open_person, selected_action};
use super::{forms, load, meeting, submit};
use crate::clock::Clock;
use crate::i18n::tui as t;
use crate::store::Store;
use crossterm::event::{KeyCode, KeyEvent, KeyEventKind, KeyModifiers};

/// Handles one key press.
pub fn on_key(app: &mut App, store: &mut Store, clock: &Clock, key: KeyEvent) {
    if key.kind == KeyEventKind::Release {
        return;
    }
    if app.blank {
        // Any key brings the screen back, and does nothing else.
        app.blank = false;
        return;
    }
    let ctx = app.context();
    if app.welcome && app.popup.is_none() {
        return welcome_key(app, store, clock, key);
    }
    let plain_char = match key.code {
        KeyCode::Char(c)
            if !key
                .modifiers
                .intersects(KeyModifiers::CONTROL | KeyModifiers::ALT) =>
        {
            Some(c)
        }
        _ => None,
    };
    if let (Some(c), Context::Lookup | Context::Form) = (plain_char, ctx) {
        type_char(app, c);
        return;
    }
    if let Some(action) = keymap_lookup(ctx, key_of(&key)) {
        update(app, store, clock, action);
    }
}

/// The empty store's first screen: demo data, a first case, or quit.
fn welcome_key(app: &mut App, store: &mut Store, clock: &Clock, key: KeyEvent) {
    match (key.code, key.modifiers.contains(KeyModifiers::CONTROL)) {
        (KeyCode::Char('c'), true) | (KeyCode::Char('q'), false) | (KeyCode::Esc, _) => {
            app.quit = true
        }
        (KeyCode::Char('d'), false) => match crate::demo::school(store, clock.today())
            .and_then(|_| load::refresh(store, app))
        {
            Ok(()) => {
                app.welcome = false;
                app.info(t::DEMO_LOADED.get(app.lang));
            }
            Err(e) => app.error(crate::i18n::cli::store_error(&e, app.lang)),
        },
        (KeyCode::Char('n'), false) => {
            app.welcome = false;
            forms::open(app, store, clock, Intent::New);
        }
        _ => {}
    }
}

/// Text typed (or pasted) into the field that has focus.
pub fn type_char(app: &mut App, c: char) {
    match &mut app.popup {
        Some(Popup::Lookup(state)) if !c.is_control() => {
            state.query.push(c);
            ask(app);
        }
        Some(Popup::Form(form)) => form.type_char(c),
        Some(Popup::ConfirmDiscard(_)) => {
            // Asked only on Ctrl-C over typed text: yes throws the text away and quits.
            if matches!(c, 'j' | 'J' | 'y' | 'Y') {
                app.popup = None;
                app.quit = true;
            } else if let Some(Popup::ConfirmDiscard(form)) = app.popup.take() {
                app.popup = Some(Popup::Form(form));
            }
        }
        _ => {}
    }
}

/// A paste arrives whole: one field gets all of it (newlines only where free text allows).
pub fn paste(app: &mut App, text: &str) {
    let multi = matches!(&app.popup, Some(Popup::Form(f)) if f.fields.get(f.focus).is_some_and(|f| f.kind == FieldKind::Text));
    if let Some(Popup::Form(form)) = &mut app.popup {
        let text: String = if multi {
            text.replace('\r', "")
        } else {
            text.replace(['\n', '\r'], " ")
        };
        form.dirty = true;
        if let Some(field) = form.focused() {
            field.insert_str(&text);
        }
        return;
    }
    for c in text.chars() {
        match c {
            '\n' | '\r' if !multi => type_char(app, ' '),
            c => type_char(app, c),
        }
    }
}

fn ask(app: &mut App) {
    if let Some(Popup::Lookup(state)) = &mut app.popup {
        state.generation += 1;
        state.selected = 0;
        app.lookup.ask(state.generation, &state.query);
    }
}

/// Takes in results of the lookup worker, if any arrived.
pub fn poll_lookup(app: &mut App) -> bool {
    let Some(results) = app.lookup.poll() else {
        return false;
    };
    if let Some(Popup::Lookup(state)) = &mut app.popup {
        if results.generation <= state.generation && results.generation >= state.results.generation
        {
            state.results = results;
            state.selected = state
                .selected
                .min(state.results.hits.len().saturating_sub(1));
            return true;
        }
    }
    false
}

pub fn update(app: &mut App, store: &mut Store, clock: &Clock, action: Intent) {
    app.today = clock.today();
    app.now = clock.now();
    match app.context() {
        Context::Help => return help(app, action),
        Context::Lookup => return lookup_key(app, store, action),
        Context::Form => return submit::form_key(app, store, clock, action),
        Context::Summary => {
            match (action, &mut app.popup) {
                (Intent::Submit, _) => meeting::end(app, store, clock),
                (Intent::Quit, _) => app.quit = true,
                (Intent::Down, Some(Popup::MeetingSummary { scroll, .. })) => *scroll += 1,
                (Intent::Up, Some(Popup::MeetingSummary { scroll, .. })) => {
                    *scroll = scroll.saturating_sub(1)
                }
                _ => app.popup = None,
            }
            return;
        }
        Context::Agenda | Context::Meeting if meeting::key(app, store, clock, action) => return,
        _ => {}
    }
    match action {
        Intent::Quit => app.quit = true,
        Intent::Help => app.popup = Some(Popup::Help { scroll: 0 }),
        Intent::Lookup => {
            app.popup = Some(Popup::Lookup(LookupState::default()));
        }
        Intent::Back if app.pages.pop().is_none() => app.quit = true,
        Intent::Cancel if app.status.take().is_none() => {
            app.pages.pop();
        }
        Intent::Privacy => {
            app.privacy = !app.privacy;
            app.info(if app.privacy {
                t::PRIVACY_ON.get(app.lang)
            } else {
                t::PRIVACY_OFF.get(app.lang)
            });
        }
        Intent::Blank => app.blank = true,
        Intent::ScreenCases => switch(app, Screen::Cases),
        Intent::ScreenKaart => switch(app, Screen::Kaart),
        Intent::ScreenOverleg => meeting::show(app, store),
        Intent::StartMeeting => meeting::start_or_resume(app, store, clock),
        Intent::Agreement => forms::open(app, store, clock, action),
        Intent::ScreenActies => {
            switch(app, Screen::Acties);
            load_actions(app, store);
        }
        Intent::FilterDue | Intent::FilterMine | Intent::ShowDone
            if app.context() == Context::Acties =>
        {
            acties_filter(app, store, action)
        }
        Intent::FilterSide if app.context() == Context::Acties => acties_filter(app, store, action),
        Intent::ChooseMe => forms::open(app, store, clock, action),
        Intent::Undo => submit::undo(app, store, clock),
        Intent::NextTheme => next_theme(app),
        Intent::Up
        | Intent::Down
        | Intent::Top
        | Intent::Bottom
        | Intent::PageUp
        | Intent::PageDown => move_selection(app, action),
        Intent::NextPane | Intent::PrevPane => {
            if let Some(Page::Case(p)) = app.pages.last_mut() {
                let panes = [CasePane::Actions, CasePane::Network, CasePane::Timeline];
                let i = panes.iter().position(|x| *x == p.pane).unwrap_or(0);
                let step = if action == Intent::NextPane {
                    1
                } else {
                    panes.len() - 1
                };
                p.pane = panes[(i + step) % panes.len()];
                p.selected = 0;
            }
        }
        Intent::FilterStatus
        | Intent::FilterSide
        | Intent::FilterFlag
        | Intent::FilterSchool
        | Intent::Sort => filter(app, action),
        Intent::Open => open(app, store),
        Intent::OpenFamily => {
            if let Some(Page::Case(p)) = app.pages.last() {
                let id = p.case.family;
                open_family(app, store, id);
            }
        }
        Intent::New
        | Intent::Edit
        | Intent::AddAction
        | Intent::Consent
        | Intent::AddNetwork
        | Intent::CloseReopen => forms::open(app, store, clock, action),
        Intent::ToggleDone => submit::toggle_done(app, store, clock),
        Intent::Flag => submit::flag(app, store, clock),
        _ => {}
    }
}

fn switch(app: &mut App, screen: Screen) {
    app.screen = screen;
    app.pages.clear();
}

fn help(app: &mut App, action: Intent) {
    let scroll = match &mut app.popup {
        Some(Popup::Help { scroll }) | Some(Popup::Text { scroll, .. }) => scroll,
        _ => return,
    };
    match action {
        Intent::Quit => app.quit = true,
        Intent::Down => *scroll += 1,
        Intent::Up => *scroll = scroll.saturating_sub(1),
        _ => app.popup = None,
    }
}

fn lookup_key(app: &mut App, store: &mut Store, action: Intent) {
    let Some(Popup::Lookup(state)) = &mut app.popup else {
        return;
    };
    match action {
        Intent::Quit => app.quit = true,
        Intent::Cancel => app.popup = None,
        Intent::Backspace => {
            state.query.pop();
            ask(app);
        }
        Intent::Down => {
            state.selected = (state.selected + 1).min(state.results.hits.len().saturating_sub(1))
        }
        Intent::Up => state.selected = state.selected.saturating_sub(1),
        Intent::Submit | Intent::Open => {
            let target = state.results.hits.get(state.selected).map(|h| h.target);
            let add = state.add_to_agenda;
            if let (true, Some(Target::Family(_, Some(case)))) = (add, target) {
                app.popup = None;
                meeting::add_case(app, case);
                // In a running meeting the record keeps it at once (a crash, or a reload after
                // another change, would lose it otherwise).
                return meeting::save(app, store);
            }
            if let Some(target) = target.filter(|_| !add) {
                app.popup = None;
                match target {
                    Target::Family(id, _) => open_family(app, store, id),
                    Target::Person(id) => open_person(app, store, id),
                }
            }
        }
        _ => {}
    }
}
