//! What the start reads after the first frame, on a thread while keys are answered (issue 10,
//! item 2: "the rest loads after the frame without blocking keys"): every case row, then
//! screen 3's entries of the open actions, sorted. Read on the UI thread, the rows held up the
//! keys typed right after the first frame (45–110 ms at 50,000 cases, ~330 ms at 200,000), and
//! the entries made the first `3` of a session take 85–120 ms (0.4–0.6 s at 200,000).
//!
//! Until they arrive the app works on what it has: screen 2 on its first page (moving, opening
//! a case, a save, all as usual), screen 3 empty with a line saying it is being read, the
//! lookup saying it is searching. What needs every row waits for it ([`needs_every_row`]). A change saved meanwhile is patched into what is on screen and remembered;
//! when the rows come, whether read before or after it, the remembered changes are patched in
//! again from the store (a few point reads), so nothing saved is lost or overwritten.

use super::acties::{self, ActionList};
use super::app::{App, Screen};
use super::cases::CaseList;
use super::patch::Touched;
use crate::domain::{ActionEntry, CaseSummary, PersonId};
use crate::i18n::tui::LOADING_ACTIES;
use crate::store::{Result, StartReader, Store};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{channel, Receiver, TryRecvError};
use std::sync::Arc;

/// The reads under way, and the changes made while they are.
#[derive(Default)]
pub struct Later {
    rows: Option<Receiver<Result<CaseList>>>,
    entries: Option<Receiver<Result<ActionList>>>,
    /// What the changes saved while the case rows are read wrote.
    touched_rows: Touched,
    /// What the changes saved while screen 3's entries are read wrote.
    touched_entries: Touched,
    /// Set when the session ends: the entries' read stops.
    stop: Arc<AtomicBool>,
}

impl Later {
    /// True while every case row is still being read: the case list holds its first page.
    pub fn rows_pending(&self) -> bool {
        self.rows.is_some()
    }

    /// True while screen 3's entries are still being read (the rows come first).
    pub fn entries_pending(&self) -> bool {
        self.entries.is_some()
    }

    /// Hands the reads to be waited on: for tests, which hold the senders back.
    pub fn waiting_for(
        rows: Receiver<Result<CaseList>>,
        entries: Receiver<Result<ActionList>>,
    ) -> Later {
        Later {
            rows: Some(rows),
            entries: Some(entries),
            touched_rows: Touched::default(),
            touched_entries: Touched::default(),
            stop: Arc::default(),
        }
    }

    /// The reads are no longer wanted (the session ends, or everything was read again).
    pub fn cancel(&mut self) {
        // The old one stops its read as it drops.
        *self = Later::default();
    }
}

impl Drop for Later {
    fn drop(&mut self) {
        self.stop.store(true, Ordering::Relaxed);
    }
}

/// Starts reading every case row, then screen 3's entries (sorted under its filter as it is
/// now), on a thread of their own; [`poll`] takes them in.
pub fn start(app: &mut App, store: &Store) {
    let reader = store.start_reader();
    let (rows_tx, rows_rx) = channel();
    let (entries_tx, entries_rx) = channel();
    let later = Later::waiting_for(rows_rx, entries_rx);
    let stop = Arc::clone(&later.stop);
    let filter = app.actions.filter.clone();
    let (today, me) = (app.today, app.config.me.map(PersonId));
    std::thread::spawn(move || {
        let rows = reader.case_rows().map(|rows| case_list(rows, today));
        let read = rows.is_ok();
        if rows_tx.send(rows).is_err() || !read {
            return;
        }
        let entries = read_entries(&reader, &stop, filter, today, me);
        if !stop.load(Ordering::Relaxed) {
            let _ = entries_tx.send(entries);
        }
    });
    app.later = later;
}

/// Screen 3's list of the open actions as [`acties::load`] makes it, sorted under `filter` for
/// `today` and `me` (on the reader's thread; tests make it to hand over themselves).
///
/// Errors: a fact that can't be read.
pub fn read_entries(
    reader: &StartReader,
    stop: &AtomicBool,
    filter: acties::ActionFilter,
    today: chrono::NaiveDate,
    me: Option<PersonId>,
) -> Result<ActionList> {
    let rows: Vec<ActionEntry> = reader.open_entries(stop)?;
    let mut list = ActionList {
        rows,
        filter,
        loaded: true,
        ..ActionList::default()
    };
    acties::apply(&mut list, today, me);
    Ok(list)
}

/// A change was saved (it wrote `touched`): remembered for the lists still being read.
pub fn saved(app: &mut App, touched: &Touched) {
    let later = &mut app.later;
    if later.rows.is_some() {
        later.touched_rows.add_records(touched);
    }
    if later.entries.is_some() {
        later.touched_entries.add_records(touched);
    }
}

/// Takes in what has arrived; true when the screen must be drawn again.
pub fn poll(app: &mut App, store: &Store) -> bool {
    let mut dirty = false;
    if let Some(rows) = take(&mut app.later.rows) {
        dirty = true;
        rows_read(app, store, rows);
    }
    if app.later.rows.is_none() {
        if let Some(list) = take(&mut app.later.entries) {
            dirty = true;
            match list {
                Ok(list) => entries_arrived(app, store, list),
                Err(e) => app.error(crate::i18n::cli::store_error(&store.seen_err(e), app.lang)),
            }
        }
    }
    dirty
}

/// True for what needs every case row and has no use for a first page: the end of the list and
/// a filter or sort of it (on the page they showed its last row and its counts as the store's:
/// "0 / 150 aangemeld"), the agenda proposed from them (screen 1, the meeting), the families of
/// a person of the sociale kaart (also reached by a hit of the lookup), the families a new case
/// may join.
pub fn needs_every_row(msg: &super::msg::Msg) -> bool {
    use super::form::FormKind;
    use super::msg::{Msg, PopupMsg};
    matches!(
        msg,
        Msg::Select(super::msg::List::Cases, super::msg::Step::Bottom)
            | Msg::CaseFilter(_)
            | Msg::Show(Screen::Overleg)
            | Msg::Meeting(_)
            | Msg::OpenPerson(_)
            | Msg::OpenForm(FormKind::NewCase)
            | Msg::FirstCase
            | Msg::Popup(PopupMsg::LookupChoose)
    )
}

/// Waits for every case row, if they are still being read (at most the rest of their read:
/// ~0.2 s at 50,000 cases, and only for a key pressed that soon after the first frame).
pub fn wait_for_rows(app: &mut App, store: &Store) {
    let Some(rx) = app.later.rows.take() else {
        return;
    };
    if let Ok(rows) = rx.recv() {
        rows_read(app, store, rows);
    }
}

fn rows_read(app: &mut App, store: &Store, rows: Result<CaseList>) {
    match rows {
        Ok(rows) => rows_arrived(app, store, rows),
        Err(e) => {
            // Named as a read on the UI thread names it, and noted for the close.
            app.error(crate::i18n::cli::store_error(&store.seen_err(e), app.lang));
            app.later.entries = None;
        }
    }
}

/// What `rx` sent, once; a sender gone without sending leaves nothing to wait for.
fn take<V>(rx: &mut Option<Receiver<V>>) -> Option<V> {
    match rx.as_ref()?.try_recv() {
        Ok(v) => {
            *rx = None;
            Some(v)
        }
        Err(TryRecvError::Empty) => None,
        Err(TryRecvError::Disconnected) => {
            *rx = None;
            None
        }
    }
}

/// The case list of every row under the start filter and sort, as [`super::first_screen`]
/// makes it: made on the reader's thread, so that taking it in costs the UI thread nothing
/// (indexing and sorting 50,000 rows there held a key up 19–47 ms; tests make it to hand over).
pub fn case_list(rows: Vec<Arc<CaseSummary>>, today: chrono::NaiveDate) -> CaseList {
    let mut list = CaseList::default();
    list.set_rows(rows);
    list.filter.open_only = true;
    super::cases::apply_filter(&mut list, today);
    list
}

/// Every case row in place of the first page, under the filter and sort the list has now, the
/// cursor on the same case; the changes saved meanwhile patched in again; the lookup built.
fn rows_arrived(app: &mut App, store: &Store, mut list: CaseList) {
    let selected = app.cases.selected_row().map(|r| r.id);
    if (&list.filter, list.sort) != (&app.cases.filter, app.cases.sort) {
        // Filtered or sorted on the first page meanwhile: the same for every row.
        list.filter = app.cases.filter.clone();
        list.sort = app.cases.sort;
        super::cases::apply_filter(&mut list, app.today);
    }
    app.cases = list;
    if let Some(id) = selected {
        app.cases.select(id);
    }
    let touched = std::mem::take(&mut app.later.touched_rows);
    if touched != Touched::default() {
        if let Err(e) = super::patch::apply(store, app, &touched) {
            app.error(crate::i18n::cli::store_error(&e, app.lang));
        }
    }
    app.lookup
        .rebuild(app.cases.rows.clone(), app.persons.clone());
    // A query typed before the rows came was answered without them: asked again.
    if let Some(super::app::Popup::Lookup(state)) = &mut app.popup {
        state.generation += 1;
        app.lookup.ask(state.generation, &state.query);
    }
}

/// Screen 3's list, unless it was read whole meanwhile (done ones shown, or a reload): under
/// the filter and cursor it has now, the changes saved meanwhile patched in again.
fn entries_arrived(app: &mut App, store: &Store, mut list: ActionList) {
    if app.actions.loaded || app.actions.filter.show_done {
        return;
    }
    let me = app.config.me.map(PersonId);
    list.selected = app.actions.selected;
    if list.filter != app.actions.filter || list.applied_for != Some((app.today, me)) {
        list.filter = app.actions.filter.clone();
        acties::apply(&mut list, app.today, me);
    }
    list.selected = list.selected.min(list.visible.len().saturating_sub(1));
    app.actions = list;
    let touched = std::mem::take(&mut app.later.touched_entries);
    if touched != Touched::default() {
        if let Err(e) = super::patch::apply(store, app, &touched) {
            app.error(crate::i18n::cli::store_error(&e, app.lang));
        }
    }
    // Read now, between keys, rather than at the next key.
    if let Err(p) = acties::fill_page(&mut app.actions, store, usize::from(app.height)) {
        app.error(p.message(app.lang));
    }
    if app.screen == Screen::Acties
        && app
            .status
            .as_ref()
            .is_some_and(|(s, _)| s == LOADING_ACTIES.get(app.lang))
    {
        app.status = None;
    }
}
