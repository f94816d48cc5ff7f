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
pub mod export;
pub mod family;
pub mod first_page;
pub mod forget;
pub mod form;
pub mod help;
pub mod idle;
pub mod intent;
pub mod kaart;
pub mod keymap;
pub mod later;
pub mod load;
pub mod lock;
pub mod lookup;
pub mod meeting;
pub mod monitor;
pub mod msg;
pub mod patch;
pub mod privacy;
pub mod resolve;
pub mod retention;
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

/// What the first screen needs, and nothing more: the case rows, the sociale kaart, the meetings
/// (the real terminal draws [`first_frame`] first, and reads the rows after it).
pub fn first_screen(store: &Store, lang: Lang, theme: Theme, clock: &Clock) -> StoreResult<App> {
    let mut list = CaseList::default();
    list.set_rows(store.case_rows_shared()?);
    list.filter.open_only = true;
    cases::apply_filter(&mut list, clock.today());
    with_list(store, lang, theme, clock, list)
}

/// The first frame of the real terminal, sooner than [`first_screen`]: the first page of the
/// case list with the counts of the whole list, read without building every row
/// ([`Store::newest_open_case_rows`]), then the sociale kaart and the meetings. The same rows in
/// the same order as [`first_screen`] shows; [`finish_start_later`] reads all rows after it.
pub fn first_frame(store: &Store, lang: Lang, theme: Theme, clock: &Clock) -> StoreResult<App> {
    let page = store.newest_open_case_rows(first_page::ROWS)?;
    let list = first_page::list_of(first_page::FirstPage {
        rows: page.rows,
        visible: page.open,
        total: page.total,
    });
    with_list(store, lang, theme, clock, list)
}

/// The app on case list `cases`, with the sociale kaart and the meetings read.
fn with_list(
    store: &Store,
    lang: Lang,
    theme: Theme,
    clock: &Clock,
    cases: CaseList,
) -> StoreResult<App> {
    let mut app = blank(lang, theme, clock);
    app.cases = cases;
    app.meetings = store.meetings()?;
    app.welcome = store.is_empty();
    app.set_persons(store.persons()?);
    Ok(app)
}

/// After [`first_frame`]: every case row, in place of the first page, read here and now (for
/// tests and headless use; the terminal reads them on a thread, [`later`]). Nothing to do when
/// all rows are there already.
///
/// Errors: a row that can't be read.
pub fn read_all_rows(store: &Store, app: &mut App) -> StoreResult<()> {
    if app.cases.counts.is_none() {
        return Ok(());
    }
    app.cases.set_rows(store.case_rows_shared()?);
    cases::apply_filter(&mut app.cases, app.today);
    Ok(())
}

/// The app before anything is read: no rows, no people, on Casussen.
pub fn blank(lang: Lang, theme: Theme, clock: &Clock) -> App {
    let no_color = theme.no_color;
    App {
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
        meetings: Vec::new(),
        undo: Vec::new(),
        lookup: lookup::Lookup::start_from(Default::default(), Vec::new()),
        welcome: false,
        quit: false,
        no_color,
        actions: Default::default(),
        config: crate::config::Config::default(),
        config_dir: None,
        meeting: None,
        now: clock.now(),
        overdue: None,
        last_input: clock.now(),
        height: 0,
        monitor: Default::default(),
        later: Default::default(),
    }
}

/// After the first frame: the lookup's entries (built on its worker), the overdue count on the
/// status line, and the offer to resume a meeting that was cut off.
pub fn finish_start(store: &Store, app: &mut App) -> StoreResult<()> {
    app.lookup.read_families(store.family_reader());
    app.lookup
        .rebuild(app.cases.rows.clone(), app.persons.clone());
    if app.status.is_some() {
        // A message from the start (a broken theme) stays until the next key.
        return Ok(());
    }
    if let Some(yesterday) = app.today.pred_opt() {
        show_overdue(app, store.overdue_reader().open_count_until(yesterday)?);
    }
    retention::remind(store, app);
    offer_resume(app);
    Ok(())
}

/// As [`finish_start`] on the real terminal, after a first frame of [`first_frame`], without
/// holding up a key: every case row and screen 3's entries are read on a thread
/// ([`later::start`]; [`later::poll`] takes them in and builds the lookup), and so is the overdue
/// count (it once decoded 82,000 rows at 50,000 cases; schema 5 sums counters; [`poll_overdue`]
/// shows it when it is there).
pub fn finish_start_later(store: &Store, app: &mut App) {
    if app.cases.counts.is_some() {
        later::start(app, store);
    }
    app.lookup.read_families(store.family_reader());
    if app.status.is_some() {
        return;
    }
    offer_resume(app);
    if retention::remind(store, app) {
        return;
    }
    let Some(yesterday) = app.today.pred_opt() else {
        return;
    };
    let reader = store.overdue_reader();
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        let _ = tx.send(reader.open_count_until(yesterday));
    });
    app.overdue = Some(rx);
}

/// Shows the overdue count once its thread has it, unless something else was said since.
/// True when the screen must be drawn again.
pub fn poll_overdue(app: &mut App) -> bool {
    let Some(rx) = &app.overdue else {
        return false;
    };
    let Ok(counts) = rx.try_recv() else {
        return false;
    };
    app.overdue = None;
    match counts {
        Ok(counts) if app.status.is_none() => show_overdue(app, counts),
        Ok(_) => return false,
        Err(e) => app.error(crate::i18n::cli::store_error(&e, app.lang)),
    }
    true
}

/// On start, the status line says how many actions are overdue, and on which side.
fn show_overdue(app: &mut App, overdue: [usize; 2]) {
    if overdue.iter().sum::<usize>() > 0 {
        app.info(crate::i18n::tui::overdue_line(
            overdue[0], overdue[1], app.lang,
        ));
    }
}

/// Quit or crashed mid-meeting: nothing was lost, and the way back is one key.
fn offer_resume(app: &mut App) {
    if app.meetings.iter().any(|m| m.is_running()) {
        app.info(crate::i18n::meeting::RESUME.get(app.lang));
    }
}
