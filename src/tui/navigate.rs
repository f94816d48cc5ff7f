//! Moving about: selections, filters and sorting, opening pages, the Acties list. Called by
//! `update`; it reads the store only to open what the user asked for.

use super::app::{App, CasePane, Page, Screen, SortBy};
use super::intent::Intent;
use super::load;
use crate::domain::CaseStatus;
use crate::i18n::tui as t;
use crate::store::Store;

pub(super) fn next_theme(app: &mut App) {
    let names: Vec<&str> = super::theme::BUILTIN.iter().map(|(n, _)| *n).collect();
    let i = names
        .iter()
        .position(|n| *n == app.theme.name)
        .map_or(0, |i| (i + 1) % names.len());
    let (theme, _) = super::theme::Theme::load(names[i], None, app.no_color);
    app.info(format!("{}: {}", t::THEME.get(app.lang), theme.name));
    app.theme = theme;
}

pub(super) fn move_selection(app: &mut App, action: Intent) {
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
        Intent::Up => sel.saturating_sub(1),
        Intent::Down => (*sel + 1).min(last),
        Intent::Top => 0,
        Intent::Bottom => last,
        Intent::PageUp => sel.saturating_sub(10),
        Intent::PageDown => (*sel + 10).min(last),
        _ => *sel,
    };
}

pub(super) fn filter(app: &mut App, action: Intent) {
    if !app.pages.is_empty() || app.screen != Screen::Cases {
        return;
    }
    let f = &mut app.cases.filter;
    match action {
        Intent::FilterStatus => {
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
        Intent::FilterSide => {
            f.side = match f.side {
                None => Some(crate::domain::Side::Onderwijs),
                Some(crate::domain::Side::Onderwijs) => Some(crate::domain::Side::Zorg),
                Some(crate::domain::Side::Zorg) => None,
            }
        }
        Intent::FilterFlag => f.flagged_only = !f.flagged_only,
        Intent::FilterSchool => {
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
        Intent::Sort => {
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

pub(super) fn open(app: &mut App, store: &mut Store) {
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

pub(super) fn acties_filter(app: &mut App, store: &Store, action: Intent) {
    use super::acties::Due;
    let f = &mut app.actions.filter;
    match action {
        Intent::FilterSide => {
            f.side = match f.side {
                None => Some(crate::domain::Side::Onderwijs),
                Some(crate::domain::Side::Onderwijs) => Some(crate::domain::Side::Zorg),
                Some(crate::domain::Side::Zorg) => None,
            }
        }
        Intent::FilterDue => {
            let pos = f.due.and_then(|d| Due::ALL.iter().position(|x| *x == d));
            f.due = match pos {
                None => Some(Due::ALL[0]),
                Some(i) => Due::ALL.get(i + 1).copied(),
            };
        }
        Intent::FilterMine => {
            if app.config.me.is_none() {
                return app.info(t::NO_ME.get(app.lang));
            }
            f.mine = !f.mine;
        }
        Intent::ShowDone => {
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
