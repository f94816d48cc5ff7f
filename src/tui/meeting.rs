//! Overleg (screen 1): the agenda before the meeting, the walk-through during it, the summary
//! at its end. The meeting record is saved on every change, so quitting or a crash loses nothing
//! and `m` resumes where it was.

pub mod view;

use super::app::{App, CasePage, Popup, Screen};
use super::intent::Intent;
use super::{load, lookup::LookupState};
use crate::clock::Clock;
use crate::domain::agenda::{item as agenda_item, propose};
use crate::domain::{Meeting, MeetingId, Reason};
use crate::i18n::{cli::store_error, meeting as t};
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

/// Screen 1: the running meeting if there is one, else the agenda draft (made once).
pub fn show(app: &mut App, store: &Store) {
    app.screen = Screen::Overleg;
    app.pages.clear();
    if app.meeting.is_none() {
        match store.running_meeting() {
            Ok(Some(m)) => resume(app, store, m),
            Ok(None) => {
                app.meeting = Some(MeetingState {
                    meeting: draft(app),
                    selected: 0,
                    since: None,
                    page: None,
                    action: 0,
                })
            }
            Err(e) => app.error(store_error(&e, app.lang)),
        }
    }
}

fn resume(app: &mut App, store: &Store, m: Meeting) {
    if app.config.meeting_privacy {
        app.privacy = true;
    }
    let mut state = MeetingState {
        selected: m.current,
        meeting: m,
        since: Some(app.now),
        page: None,
        action: 0,
    };
    load_page(app, store, &mut state);
    app.meeting = Some(state);
}

fn load_page(app: &App, store: &Store, state: &mut MeetingState) {
    state.page = state
        .meeting
        .items
        .get(state.meeting.current)
        .and_then(|item| load::case_page(store, app, item.case).ok().flatten())
        .map(Box::new);
    state.action = 0;
}

/// `m`: start the drafted meeting, or go back to the running one.
pub fn start_or_resume(app: &mut App, store: &mut Store, clock: &Clock) {
    show(app, store);
    let Some(state) = app.meeting.as_mut() else {
        return;
    };
    if state.running() {
        return;
    }
    if state.meeting.items.is_empty() {
        return app.info(t::EMPTY_AGENDA.get(app.lang));
    }
    let meeting = state.meeting.clone();
    match store.start_meeting(clock.now(), meeting) {
        Ok(m) => {
            if app.config.meeting_privacy {
                app.privacy = true;
            }
            let mut state = MeetingState {
                selected: 0,
                meeting: m,
                since: Some(clock.now()),
                page: None,
                action: 0,
            };
            load_page(app, store, &mut state);
            app.meeting = Some(state);
            app.info(t::STARTED.get(app.lang));
        }
        Err(e) => app.error(store_error(&e, app.lang)),
    }
}

/// Keys of screen 1.
pub fn key(app: &mut App, store: &mut Store, clock: &Clock, action: Intent) -> bool {
    let lang = app.lang;
    let now = clock.now();
    let Some(state) = app.meeting.as_mut() else {
        return false;
    };
    let running = state.running();
    let len = state.meeting.items.len();
    match action {
        Intent::MoveDown | Intent::MoveUp if !running => {
            let i = state.selected;
            let j = if action == Intent::MoveDown {
                i + 1
            } else {
                i.wrapping_sub(1)
            };
            if i < len && j < len {
                state.meeting.items.swap(i, j);
                state.selected = j;
            }
        }
        Intent::Remove if !running => {
            if state.selected < len {
                state.meeting.items.remove(state.selected);
                state.selected = state
                    .selected
                    .min(state.meeting.items.len().saturating_sub(1));
            }
        }
        Intent::TimeboxUp | Intent::TimeboxDown => {
            let i = if running {
                state.meeting.current
            } else {
                state.selected
            };
            if let Some(item) = state.meeting.items.get_mut(i) {
                item.timebox_minutes = if action == Intent::TimeboxUp {
                    (item.timebox_minutes + 1).min(120)
                } else {
                    item.timebox_minutes.saturating_sub(1).max(1)
                };
            }
            if running {
                save(app, store);
            }
        }
        Intent::New => {
            app.popup = Some(Popup::Lookup(LookupState {
                add_to_agenda: true,
                ..LookupState::default()
            }));
        }
        Intent::NextItem | Intent::PrevItem if running => {
            state.book(now);
            let cur = state.meeting.current;
            state.meeting.current = if action == Intent::NextItem {
                (cur + 1).min(len.saturating_sub(1))
            } else {
                cur.saturating_sub(1)
            };
            state.selected = state.meeting.current;
            let mut s = state.clone();
            load_page(app, store, &mut s);
            app.meeting = Some(s);
            save(app, store);
        }
        Intent::Up | Intent::Down if running => {
            let n = state.open_actions().len();
            state.action = if action == Intent::Down {
                (state.action + 1).min(n.saturating_sub(1))
            } else {
                state.action.saturating_sub(1)
            };
        }
        Intent::Up | Intent::Down | Intent::Top | Intent::Bottom if !running => {
            let last = len.saturating_sub(1);
            state.selected = match action {
                Intent::Up => state.selected.saturating_sub(1),
                Intent::Down => (state.selected + 1).min(last),
                Intent::Top => 0,
                _ => last,
            };
        }
        Intent::EndMeeting if running => {
            state.book(now);
            let snapshot = state.meeting.clone();
            save(app, store);
            // The summary is the minutes as they will be kept, so what is shown is what is saved.
            let lines = match crate::report::minutes::build(store, &snapshot) {
                Ok(m) => crate::report::minutes::markdown(&m, lang)
                    .lines()
                    .map(str::to_string)
                    .collect(),
                Err(e) => vec![store_error(&e, lang)],
            };
            app.popup = Some(Popup::MeetingSummary { lines, scroll: 0 });
        }
        Intent::Open if !running => {
            if let Some(case) = state.meeting.items.get(state.selected).map(|i| i.case) {
                super::update::open_case(app, store, case);
            }
        }
        Intent::History => history(app, store),
        _ => return false,
    }
    let _ = lang;
    true
}

/// Saves the running meeting's own state (order, timers, current item).
pub fn save(app: &mut App, store: &mut Store) {
    let Some(state) = app.meeting.as_mut() else {
        return;
    };
    if !state.running() {
        return;
    }
    if let Err(e) = store.save_meeting(&state.meeting) {
        app.error(store_error(&e, app.lang));
    }
}

/// Books the timer and saves: called before quitting so the minutes know the time spent.
pub fn book_and_save(app: &mut App, store: &mut Store, now: NaiveDateTime) {
    if let Some(state) = app.meeting.as_mut().filter(|s| s.running()) {
        state.book(now);
    }
    save(app, store);
}

/// Adds a case picked in the lookup to the draft (or running) agenda.
pub fn add_case(app: &mut App, case: crate::domain::CaseId) {
    let timebox = app.config.timebox_minutes;
    let Some(state) = app.meeting.as_mut() else {
        return;
    };
    if state.meeting.items.iter().any(|i| i.case == case) {
        return app.info(t::ALREADY_ON.get(app.lang));
    }
    state
        .meeting
        .items
        .push(agenda_item(case, vec![Reason::Added], timebox));
    state.selected = state.meeting.items.len() - 1;
    app.info(t::ADDED.get(app.lang));
}

/// Ends the meeting: the minutes are the record itself; undiscussed items carry over.
pub fn end(app: &mut App, store: &mut Store, clock: &Clock) {
    let now = clock.now();
    let Some(mut state) = app.meeting.take() else {
        return;
    };
    state.book(now);
    match store.end_meeting(now, &mut state.meeting) {
        Ok(()) => {
            let id = state.meeting.id;
            app.popup = None;
            app.privacy = false;
            if let Err(e) = load::refresh(store, app) {
                app.error(store_error(&e, app.lang));
            }
            app.info(format!("{} tandem minutes {id}", t::ENDED.get(app.lang)));
            show(app, store);
        }
        Err(e) => {
            app.meeting = Some(state);
            app.error(store_error(&e, app.lang));
        }
    }
}

/// How many past meetings the history shows with their minutes.
const HISTORY_MEETINGS: usize = 12;

/// Past meetings and their minutes, newest first, as a text popup.
fn history(app: &mut App, store: &Store) {
    let mut lines: Vec<String> = Vec::new();
    let mut past: Vec<&Meeting> = app.meetings.iter().filter(|m| m.ended.is_some()).collect();
    past.sort_by_key(|m| std::cmp::Reverse((m.date, m.id)));
    for m in past.into_iter().take(HISTORY_MEETINGS) {
        let discussed = m.items.iter().filter(|i| i.discussed).count();
        let agreements: usize = m.items.iter().map(|i| i.agreements.len()).sum();
        let actions: usize = m.items.iter().map(|i| i.actions_added.len()).sum();
        lines.push(format!(
            "# {}",
            t::history_line(m.id.0, m.date, discussed, agreements, actions, app.lang,)
        ));
        match crate::report::minutes::build(store, m) {
            Ok(minutes) => lines.extend(
                crate::report::minutes::markdown(&minutes, app.lang)
                    .lines()
                    .skip(1)
                    .map(str::to_string),
            ),
            Err(e) => lines.push(store_error(&e, app.lang)),
        }
        lines.push(String::new());
    }
    if lines.is_empty() {
        lines.push(t::NO_MINUTES.get(app.lang).to_string());
    }
    app.popup = Some(Popup::Text {
        title: t::HISTORY.get(app.lang).to_string(),
        lines,
        scroll: 0,
    });
}
