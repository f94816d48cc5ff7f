//! The terminal program: a synchronous Elm-style loop. A key becomes a message with its targets
//! bound (`resolve`), `update` applies it (and is the only caller of the store), `views::render`
//! draws the state. Each screen is a room: `tui/<room>.rs` holds its state and update,
//! `tui/<room>/view.rs` draws it.

pub mod acties;
pub mod app;
pub mod case;
pub mod cases;
pub mod changes;
pub mod consent;
pub mod family;
pub mod form;
pub mod idle;
pub mod intent;
pub mod kaart;
pub mod keymap;
pub mod load;
pub mod lookup;
pub mod meeting;
pub mod msg;
pub mod patch;
pub mod privacy;
pub mod resolve;
pub mod script;
pub mod start;
pub mod terminal;
pub mod theme;
pub mod update;
pub mod views;

use crate::clock::Clock;
use crate::domain::dates::Lang;
use crate::store::{Result as StoreResult, Store};
use app::{App, Screen};
use cases::CaseList;
use std::collections::HashMap;
use theme::Theme;

/// Builds the whole app from the store (for tests and headless use): the first screen, then
/// what the real terminal does right after its first frame.
pub fn build(store: &Store, lang: Lang, theme: Theme, clock: &Clock) -> StoreResult<App> {
    let mut app = first_screen(store, lang, theme, clock)?;
    finish_start(store, &mut app)?;
    Ok(app)
}

/// What the first frame needs, and nothing more: the case rows, the sociale kaart, the meetings.
pub fn first_screen(store: &Store, lang: Lang, theme: Theme, clock: &Clock) -> StoreResult<App> {
    let rows = store.case_rows()?;
    let persons = store.persons()?;
    let meetings = store.meetings()?;
    let no_color = theme.no_color;
    let mut app = App {
        lang,
        theme,
        today: clock.today(),
        screen: Screen::Cases,
        pages: Vec::new(),
        popup: None,
        privacy: false,
        blank: false,
        status: None,
        cases: CaseList::default(),
        persons: Vec::new(),
        person_index: HashMap::new(),
        kaart_selected: 0,
        meetings,
        undo: Vec::new(),
        lookup: lookup::Lookup::start_from(Vec::new(), Vec::new()),
        welcome: store.is_empty(),
        quit: false,
        no_color,
        actions: Default::default(),
        config: crate::config::Config::default(),
        config_dir: None,
        meeting: None,
        now: clock.now(),
        last_input: clock.now(),
    };
    app.cases.set_rows(rows);
    app.cases.filter.open_only = true;
    app.set_persons(persons);
    cases::apply_filter(&mut app.cases, app.today);
    Ok(app)
}

/// After the first frame: the lookup's entries (built on its worker), the overdue count on the
/// status line, and the offer to resume a meeting that was cut off.
pub fn finish_start(store: &Store, app: &mut App) -> StoreResult<()> {
    app.lookup
        .rebuild(app.cases.rows.clone(), app.persons.clone());
    if app.status.is_some() {
        // A message from the start (a broken theme) stays until the next key.
        return Ok(());
    }
    overdue_status(store, app)?;
    if app.meetings.iter().any(|m| m.is_running()) {
        // Quit or crashed mid-meeting: nothing was lost, and the way back is one key.
        app.info(crate::i18n::meeting::RESUME.get(app.lang));
    }
    Ok(())
}

/// On start, the status line says how many actions are overdue, and on which side. Only the
/// overdue range of the deadline index is read.
fn overdue_status(store: &Store, app: &mut App) -> StoreResult<()> {
    let Some(yesterday) = app.today.pred_opt() else {
        return Ok(());
    };
    let rows = store.action_rows(false, None, Some(yesterday))?;
    let c = acties::counts(&rows, app.today);
    if c.overdue.iter().sum::<usize>() > 0 {
        app.info(crate::i18n::tui::overdue_line(
            c.overdue[0],
            c.overdue[1],
            app.lang,
        ));
    }
    Ok(())
}
