//! `update`: the only place that changes the app's state or calls the store. A key becomes an
//! [`Action`] through the keymap; text fields get their letters directly.

use super::action::{Action, Context};
use super::app::{App, CasePane, Page, Popup, Screen, SortBy};
use super::form::FieldKind;
use super::keymap::{key_of, lookup as keymap_lookup};
use super::lookup::{LookupState, Target};
use super::{forms, load, meeting, submit};
use crate::clock::Clock;
use crate::domain::CaseStatus;
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
            forms::open(app, store, clock, Action::New);
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
            if matches!(c, 'j' | 'J' | 'y' | 'Y') {
                app.popup = None;
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

pub fn update(app: &mut App, store: &mut Store, clock: &Clock, action: Action) {
    app.today = clock.today();
    app.now = clock.now();
    match app.context() {
        Context::Help => return help(app, action),
        Context::Lookup => return lookup_key(app, store, action),
        Context::Form => return submit::form_key(app, store, clock, action),
        Context::Summary => {
            match (action, &mut app.popup) {
                (Action::Submit, _) => meeting::end(app, store, clock),
                (Action::Quit, _) => app.quit = true,
                (Action::Down, Some(Popup::MeetingSummary { scroll, .. })) => *scroll += 1,
                (Action::Up, Some(Popup::MeetingSummary { scroll, .. })) => {
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
        Action::Quit => app.quit = true,
        Action::Help => app.popup = Some(Popup::Help { scroll: 0 }),
        Action::Lookup => {
            app.popup = Some(Popup::Lookup(LookupState::default()));
        }
        Action::Back if app.pages.pop().is_none() => app.quit = true,
        Action::Cancel if app.status.take().is_none() => {
            app.pages.pop();
        }
        Action::Privacy => {
            app.privacy = !app.privacy;
            app.info(if app.privacy {
                t::PRIVACY_ON.get(app.lang)
            } else {
                t::PRIVACY_OFF.get(app.lang)
            });
        }
        Action::Blank => app.blank = true,
        Action::ScreenCases => switch(app, Screen::Cases),
        Action::ScreenKaart => switch(app, Screen::Kaart),
        Action::ScreenOverleg => meeting::show(app, store),
        Action::StartMeeting => meeting::start_or_resume(app, store, clock),
        Action::Agreement => forms::open(app, store, clock, action),
        Action::ScreenActies => {
            switch(app, Screen::Acties);
            load_actions(app, store);
        }
        Action::FilterDue | Action::FilterMine | Action::ShowDone
            if app.context() == Context::Acties =>
        {
            acties_filter(app, store, action)
        }
        Action::FilterSide if app.context() == Context::Acties => acties_filter(app, store, action),
        Action::ChooseMe => forms::open(app, store, clock, action),
        Action::Undo => submit::undo(app, store, clock),
        Action::NextTheme => next_theme(app),
        Action::Up
        | Action::Down
        | Action::Top
        | Action::Bottom
        | Action::PageUp
        | Action::PageDown => move_selection(app, action),
        Action::NextPane | Action::PrevPane => {
            if let Some(Page::Case(p)) = app.pages.last_mut() {
                let panes = [CasePane::Actions, CasePane::Network, CasePane::Timeline];
                let i = panes.iter().position(|x| *x == p.pane).unwrap_or(0);
                let step = if action == Action::NextPane {
                    1
                } else {
                    panes.len() - 1
                };
                p.pane = panes[(i + step) % panes.len()];
                p.selected = 0;
            }
        }
        Action::FilterStatus
        | Action::FilterSide
        | Action::FilterFlag
        | Action::FilterSchool
        | Action::Sort => filter(app, action),
        Action::Open => open(app, store),
        Action::OpenFamily => {
            if let Some(Page::Case(p)) = app.pages.last() {
                let id = p.case.family;
                open_family(app, store, id);
            }
        }
        Action::New
        | Action::Edit
        | Action::AddAction
        | Action::Consent
        | Action::AddNetwork
        | Action::CloseReopen => forms::open(app, store, clock, action),
        Action::ToggleDone => submit::toggle_done(app, store, clock),
        Action::Flag => submit::flag(app, store, clock),
        _ => {}
    }
}

fn switch(app: &mut App, screen: Screen) {
    app.screen = screen;
    app.pages.clear();
}

fn help(app: &mut App, action: Action) {
    let scroll = match &mut app.popup {
        Some(Popup::Help { scroll }) | Some(Popup::Text { scroll, .. }) => scroll,
        _ => return,
    };
    match action {
        Action::Quit => app.quit = true,
        Action::Down => *scroll += 1,
        Action::Up => *scroll = scroll.saturating_sub(1),
        _ => app.popup = None,
    }
}

fn lookup_key(app: &mut App, store: &mut Store, action: Action) {
    let Some(Popup::Lookup(state)) = &mut app.popup else {
        return;
    };
    match action {
        Action::Quit => app.quit = true,
        Action::Cancel => app.popup = None,
        Action::Backspace => {
            state.query.pop();
            ask(app);
        }
        Action::Down => {
            state.selected = (state.selected + 1).min(state.results.hits.len().saturating_sub(1))
        }
        Action::Up => state.selected = state.selected.saturating_sub(1),
        Action::Submit | Action::Open => {
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

fn move_selection(app: &mut App, action: Action) {
    let (len, sel): (usize, &mut usize) = match app.pages.last_mut() {
        Some(Page::Case(p)) => (load::pane_len(p), &mut p.selected),
        Some(Page::Family(p)) => (p.cases.len() + p.family.network.len(), &mut p.selected),
        Some(Page::Person(p)) => (p.families.len(), &mut p.selected),
        None => match app.screen {
            Screen::Cases => (app.cases.visible.len(), &mut app.cases.selected),
            Screen::Kaart => (app.persons.len(), &mut app.kaart_selected),
            Screen::Overleg => return,
            Screen::Acties => (app.actions.visible.len(), &mut app.actions.selected),
        },
    };
    let last = len.saturating_sub(1);
    *sel = match action {
        Action::Up => sel.saturating_sub(1),
        Action::Down => (*sel + 1).min(last),
        Action::Top => 0,
        Action::Bottom => last,
        Action::PageUp => sel.saturating_sub(10),
        Action::PageDown => (*sel + 10).min(last),
        _ => *sel,
    };
}

fn filter(app: &mut App, action: Action) {
    if !app.pages.is_empty() || app.screen != Screen::Cases {
        return;
    }
    let f = &mut app.cases.filter;
    match action {
        Action::FilterStatus => {
            // open cases (the default) → each status → everything → open cases
            let states = [
                (None, true),
                (Some(CaseStatus::Aangemeld), false),
                (Some(CaseStatus::Intake), false),
                (Some(CaseStatus::Lopend), false),
                (Some(CaseStatus::Afgesloten), false),
                (None, false),
            ];
            let pos = states
                .iter()
                .position(|s| *s == (f.status, f.open_only))
                .unwrap_or(0);
            (f.status, f.open_only) = states[(pos + 1) % states.len()];
        }
        Action::FilterSide => {
            f.side = match f.side {
                None => Some(crate::domain::Side::Onderwijs),
                Some(crate::domain::Side::Onderwijs) => Some(crate::domain::Side::Zorg),
                Some(crate::domain::Side::Zorg) => None,
            }
        }
        Action::FilterFlag => f.flagged_only = !f.flagged_only,
        Action::FilterSchool => {
            let schools = &app.cases.schools;
            f.school = match &f.school {
                None => schools.first().cloned(),
                Some(s) => schools
                    .iter()
                    .position(|x| x == s)
                    .and_then(|i| schools.get(i + 1))
                    .cloned(),
            }
        }
        Action::Sort => {
            app.cases.sort = match app.cases.sort {
                SortBy::LastActivity => SortBy::NextDeadline,
                SortBy::NextDeadline => SortBy::Name,
                SortBy::Name => SortBy::LastActivity,
            }
        }
        _ => {}
    }
    app.cases.selected = 0;
    load::apply_filter(&mut app.cases, app.today);
}

fn open(app: &mut App, store: &mut Store) {
    match app.pages.last() {
        None => match app.screen {
            Screen::Cases => {
                let id = app
                    .cases
                    .visible
                    .get(app.cases.selected)
                    .map(|i| app.cases.rows[*i].id);
                if let Some(id) = id {
                    open_case(app, store, id);
                }
            }
            Screen::Overleg => {}
            Screen::Kaart => {
                if let Some(id) = app.persons.get(app.kaart_selected).map(|p| p.id) {
                    open_person(app, store, id);
                }
            }
            Screen::Acties => {
                if let Some(id) = selected_action(app).map(|a| a.case) {
                    open_case(app, store, id);
                }
            }
        },
        Some(Page::Family(p)) => {
            if p.selected < p.cases.len() {
                let id = p.cases[p.selected].id;
                open_case(app, store, id);
            } else if let Some(inv) = p.family.network.get(p.selected - p.cases.len()) {
                let id = inv.person;
                open_person(app, store, id);
            }
        }
        Some(Page::Person(p)) => {
            if let Some((f, _)) = p.families.get(p.selected) {
                let id = f.id;
                open_family(app, store, id);
            }
        }
        Some(Page::Case(p)) => match p.pane {
            CasePane::Network => {
                let id = p
                    .family
                    .as_ref()
                    .and_then(|f| f.network.get(p.selected))
                    .map(|i| i.person);
                if let Some(id) = id {
                    open_person(app, store, id);
                }
            }
            _ => {
                let id = p.case.family;
                open_family(app, store, id);
            }
        },
    }
}

pub fn open_case(app: &mut App, store: &Store, id: crate::domain::CaseId) {
    match load::case_page(store, app, id) {
        Ok(Some(page)) => app.pages.push(Page::Case(Box::new(page))),
        Ok(None) => app.error(t::NOT_FOUND.get(app.lang)),
        Err(e) => app.error(crate::i18n::cli::store_error(&e, app.lang)),
    }
}

pub fn open_family(app: &mut App, store: &Store, id: crate::domain::FamilyId) {
    match load::family_page(store, id) {
        Ok(Some(page)) => app.pages.push(Page::Family(Box::new(page))),
        Ok(None) => app.error(t::NOT_FOUND.get(app.lang)),
        Err(e) => app.error(crate::i18n::cli::store_error(&e, app.lang)),
    }
}

pub fn open_person(app: &mut App, store: &Store, id: crate::domain::PersonId) {
    match load::person_page(store, app, id) {
        Ok(Some(page)) => app.pages.push(Page::Person(Box::new(page))),
        Ok(None) => app.error(t::NOT_FOUND.get(app.lang)),
        Err(e) => app.error(crate::i18n::cli::store_error(&e, app.lang)),
    }
}

/// The action under the cursor on the Acties screen.
pub fn selected_action(app: &App) -> Option<&crate::domain::ActionSummary> {
    app.actions
        .visible
        .get(app.actions.selected)
        .and_then(|i| app.actions.rows.get(*i))
}

/// Reads the action rows the Acties screen shows (open ones; done ones when asked).
pub fn load_actions(app: &mut App, store: &Store) {
    let result = store.action_rows(false, None, None).and_then(|mut rows| {
        if app.actions.filter.show_done {
            rows.extend(store.action_rows(true, None, None)?);
        }
        Ok(rows)
    });
    match result {
        Ok(rows) => {
            app.actions.rows = rows;
            app.actions.loaded = true;
            super::acties::apply(
                &mut app.actions,
                app.today,
                app.config.me.map(crate::domain::PersonId),
            );
        }
        Err(e) => app.error(crate::i18n::cli::store_error(&e, app.lang)),
    }
}

fn acties_filter(app: &mut App, store: &Store, action: Action) {
    use super::acties::Due;
    let f = &mut app.actions.filter;
    match action {
        Action::FilterSide => {
            f.side = match f.side {
                None => Some(crate::domain::Side::Onderwijs),
                Some(crate::domain::Side::Onderwijs) => Some(crate::domain::Side::Zorg),
                Some(crate::domain::Side::Zorg) => None,
            }
        }
        Action::FilterDue => {
            let pos = f.due.and_then(|d| Due::ALL.iter().position(|x| *x == d));
            f.due = match pos {
                None => Some(Due::ALL[0]),
                Some(i) => Due::ALL.get(i + 1).copied(),
            };
        }
        Action::FilterMine => {
            if app.config.me.is_none() {
                return app.info(t::NO_ME.get(app.lang));
            }
            f.mine = !f.mine;
        }
        Action::ShowDone => {
            f.show_done = !f.show_done;
            app.actions.selected = 0;
            return load_actions(app, store);
        }
        _ => {}
    }
    app.actions.selected = 0;
    super::acties::apply(
        &mut app.actions,
        app.today,
        app.config.me.map(crate::domain::PersonId),
    );
}
