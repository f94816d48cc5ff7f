//! Overleg (screen 1): the agenda before the meeting, the walk-through during it, the summary
//! at its end. The meeting record is saved on every change, so quitting or a crash loses nothing
//! and `m` resumes where it was.

pub mod find;
pub mod history;
pub mod minutes;
pub mod record;
pub mod view;

pub use find::{attendee_names, find_attendees, find_item, set_attendees};
pub use history::history;

use super::app::{App, Popup, Screen};
use super::case::CasePage;
use super::msg::{List, Step};
use super::update::Problem;
use crate::clock::Clock;
use crate::domain::agenda::{item as agenda_item, propose};
use crate::domain::{CaseId, Meeting, MeetingId, Reason};
use crate::i18n::meeting as t;
use crate::store::Store;
use chrono::NaiveDateTime;

#[derive(Debug, Clone)]
pub struct MeetingState {
    /// A draft (not started) or the running meeting.
    pub meeting: Meeting,
    /// The agenda cursor (draft) — during the meeting, `meeting.current` is the item.
    pub selected: usize,
    /// When the current item became current; its timer is `seconds_spent` plus the time since.
    pub since: Option<NaiveDateTime>,
    /// The case of the current item, read from the store when the item changes.
    pub page: Option<Box<CasePage>>,
    /// The selected open action in the walk-through (index into the page's open actions).
    pub action: usize,
}

impl MeetingState {
    pub fn running(&self) -> bool {
        self.meeting.is_running()
    }

    /// Seconds spent on item `i`, the running clock included.
    pub fn spent(&self, i: usize, now: NaiveDateTime) -> u32 {
        let base = self.meeting.items.get(i).map_or(0, |it| it.seconds_spent);
        let running = match (i == self.meeting.current, self.since) {
            (true, Some(since)) => (now - since).num_seconds().max(0) as u32,
            _ => 0,
        };
        base + running
    }

    /// The meeting's total time so far.
    pub fn total(&self, now: NaiveDateTime) -> u32 {
        self.meeting
            .started
            .map_or(0, |s| (now - s).num_seconds().max(0) as u32)
    }

    /// Books the running item's time into the record (before moving on or saving).
    fn book(&mut self, now: NaiveDateTime) {
        if let (Some(since), Some(item)) =
            (self.since, self.meeting.items.get_mut(self.meeting.current))
        {
            item.seconds_spent += (now - since).num_seconds().max(0) as u32;
        }
        self.since = self.running().then_some(now);
    }

    pub fn open_actions(&self) -> Vec<&crate::domain::Action> {
        self.page
            .as_ref()
            .map(|p| p.actions.iter().filter(|a| a.is_open()).collect())
            .unwrap_or_default()
    }
}

/// A fresh draft from the proposal rules.
fn draft(app: &App) -> Meeting {
    let rules = app.config.agenda_rules(app.today);
    Meeting {
        id: MeetingId(0),
        date: app.today,
        attendees: app
            .config
            .me
            .map(crate::domain::PersonId)
            .into_iter()
            .collect(),
        items: propose(&app.cases.rows, &app.meetings, &rules),
        started: None,
        ended: None,
        current: 0,
    }
}

/// The walk-through's state for a running meeting, on its current item.
fn walk_through(
    app: &App,
    store: &Store,
    meeting: Meeting,
    since: NaiveDateTime,
) -> Result<MeetingState, Problem> {
    let mut state = MeetingState {
        selected: meeting.current,
        meeting,
        since: Some(since),
        page: None,
        action: 0,
    };
    load_page(app, store, &mut state)?;
    Ok(state)
}

/// Screen 1: the running meeting if there is one, else the agenda draft (made once).
pub fn show(app: &mut App, store: &Store) -> Result<(), Problem> {
    app.screen = Screen::Overleg;
    app.pages.clear();
    if app.meeting.is_some() {
        return Ok(());
    }
    app.meeting = Some(match store.running_meeting()? {
        Some(m) => {
            if app.config.meeting_privacy {
                app.privacy = true;
            }
            walk_through(app, store, m, app.now)?
        }
        None => MeetingState {
            meeting: draft(app),
            selected: 0,
            since: None,
            page: None,
            action: 0,
        },
    });
    Ok(())
}

/// Reads the case of the current item.
fn load_page(app: &App, store: &Store, state: &mut MeetingState) -> Result<(), Problem> {
    state.page = match state.meeting.current_case() {
        Some(case) => super::case::case_page(store, app, case)?.map(Box::new),
        None => None,
    };
    state.action = 0;
    Ok(())
}

/// `m`: starts the drafted meeting, or goes back to the running one.
pub fn start_or_resume(app: &mut App, store: &mut Store, clock: &Clock) -> Result<(), Problem> {
    show(app, store)?;
    let Some(state) = app.meeting.as_ref().filter(|s| !s.running()) else {
        return Ok(());
    };
    if state.meeting.items.is_empty() {
        app.info(t::EMPTY_AGENDA.get(app.lang));
        return Ok(());
    }
    let started = store.start_meeting(clock.now(), state.meeting.clone())?;
    app.keep_meeting(&started);
    if app.config.meeting_privacy {
        app.privacy = true;
    }
    app.meeting = Some(walk_through(app, store, started, clock.now())?);
    app.info(t::STARTED.get(app.lang));
    Ok(())
}

/// `J`/`K` on the draft: an item one place down or up.
pub fn move_item(app: &mut App, from: usize, to: usize) {
    if let Some(state) = app.meeting.as_mut().filter(|s| !s.running()) {
        let len = state.meeting.items.len();
        if from < len && to < len {
            state.meeting.items.swap(from, to);
            state.selected = to;
        }
    }
}

/// `x` on the draft: the item leaves the agenda.
pub fn remove_item(app: &mut App, at: usize) {
    if let Some(state) = app.meeting.as_mut().filter(|s| !s.running()) {
        if at < state.meeting.items.len() {
            state.meeting.items.remove(at);
            state.selected = at.min(state.meeting.items.len().saturating_sub(1));
        }
    }
}

/// `+`/`-`: an item's timebox, between 1 and 120 minutes; saved at once in a running meeting.
pub fn timebox(app: &mut App, store: &mut Store, item: usize, minutes: i32) -> Result<(), Problem> {
    let Some(state) = app.meeting.as_mut() else {
        return Ok(());
    };
    if let Some(it) = state.meeting.items.get_mut(item) {
        let now = i64::from(it.timebox_minutes) + i64::from(minutes);
        it.timebox_minutes = now.clamp(1, 120) as u32;
    }
    save(app, store)
}

/// `]`/`[`: the walk-through moves on (or back), booking the time spent on the item it leaves.
pub fn go_item(
    app: &mut App,
    store: &mut Store,
    clock: &Clock,
    forward: bool,
) -> Result<(), Problem> {
    let Some(state) = app.meeting.as_ref().filter(|s| s.running()) else {
        return Ok(());
    };
    let (cur, len) = (state.meeting.current, state.meeting.items.len());
    let to = if forward {
        (cur + 1).min(len.saturating_sub(1))
    } else {
        cur.saturating_sub(1)
    };
    go_to(app, store, clock.now(), to)
}

/// The item `to` (from 0) becomes the one discussed, the time spent on the one it leaves booked;
/// on the draft it is selected. Past the end: the last item.
pub fn go_to(
    app: &mut App,
    store: &mut Store,
    now: NaiveDateTime,
    to: usize,
) -> Result<(), Problem> {
    let Some(mut state) = app.meeting.take() else {
        return Ok(());
    };
    let to = to.min(state.meeting.items.len().saturating_sub(1));
    if !state.running() {
        state.selected = to;
        app.meeting = Some(state);
        return Ok(());
    }
    state.book(now);
    state.meeting.current = to;
    state.selected = state.meeting.current;
    let loaded = load_page(app, store, &mut state);
    app.meeting = Some(state);
    loaded?;
    save(app, store)
}

/// Moves the agenda cursor (draft) or the walk-through's action cursor (running).
pub fn select(app: &mut App, list: List, step: Step) {
    let Some(state) = app.meeting.as_mut() else {
        return;
    };
    match list {
        List::WalkThrough => {
            let n = state.open_actions().len();
            state.action = step.apply(state.action, n);
        }
        _ => state.selected = step.apply(state.selected, state.meeting.items.len()),
    }
}

/// `E`: the minutes so far, as they will be kept (what is shown is what is saved); Enter ends.
pub fn summary(app: &mut App, store: &mut Store, clock: &Clock) -> Result<(), Problem> {
    let Some(state) = app.meeting.as_mut().filter(|s| s.running()) else {
        return Ok(());
    };
    state.book(clock.now());
    let snapshot = state.meeting.clone();
    save(app, store)?;
    let lines = minutes::lines(app, store, &snapshot)?;
    app.popup = Some(Popup::MeetingSummary { lines, scroll: 0 });
    Ok(())
}

/// Saves the running meeting's own state (order, timers, current item).
pub fn save(app: &mut App, store: &mut Store) -> Result<(), Problem> {
    let Some(meeting) = app
        .meeting
        .as_ref()
        .filter(|s| s.running())
        .map(|s| s.meeting.clone())
    else {
        return Ok(());
    };
    store.save_meeting(&meeting)?;
    app.keep_meeting(&meeting);
    Ok(())
}

/// Books the timer and saves: called before quitting so the minutes know the time spent.
pub fn book_and_save(app: &mut App, store: &mut Store, now: NaiveDateTime) -> Result<(), Problem> {
    if let Some(state) = app.meeting.as_mut().filter(|s| s.running()) {
        state.book(now);
    }
    save(app, store)
}

/// Adds a case picked in the lookup to the agenda; in a running meeting the record keeps it at
/// once (a crash, or a reload after another change, would lose it otherwise).
pub fn add_case(app: &mut App, store: &mut Store, case: CaseId) -> Result<(), Problem> {
    let timebox = app.config.timebox_minutes;
    let Some(state) = app.meeting.as_mut() else {
        return Ok(());
    };
    if let Some(at) = state.meeting.items.iter().position(|i| i.case == case) {
        // On the agenda already: go there (the lookup is how to find an item by name).
        let now = app.now;
        go_to(app, store, now, at)?;
        app.info(format!("{} {}.", t::ON_AGENDA_AT.get(app.lang), at + 1));
        return Ok(());
    }
    state
        .meeting
        .items
        .push(agenda_item(case, vec![Reason::Added], timebox));
    state.selected = state.meeting.items.len() - 1;
    app.info(t::ADDED.get(app.lang));
    save(app, store)
}

/// Enter on the minutes: the meeting ends; the minutes are the record itself, and items not
/// discussed carry over. The record in memory changes only once the store has ended it.
pub fn end(app: &mut App, store: &mut Store, clock: &Clock) -> Result<(), Problem> {
    let now = clock.now();
    let Some(state) = app.meeting.as_mut() else {
        return Ok(());
    };
    let mut booked = state.clone();
    booked.book(now);
    let mut ended = booked.meeting;
    ended.end(now);
    store.end_meeting(now, &ended)?;
    let id = ended.id;
    // The minutes are final: an undo of something recorded in the meeting would put the running
    // meeting back (its record as it was then), so those entries leave the undo list.
    app.undo
        .retain(|(undo, _)| !undo.meetings.contains_key(&id));
    app.meeting = None;
    app.popup = None;
    // Privacy mode stays as it is: only `p` turns it off (the next agenda may be on the
    // projector too).
    super::load::refresh(store, app)?;
    app.info(format!("{} tandem minutes {id}", t::ENDED.get(app.lang)));
    show(app, store)
}
