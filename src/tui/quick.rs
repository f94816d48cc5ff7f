//! The one-key changes: done, flag, reopen, undo. Each is one store commit (flushed) and one
//! entry on this session's undo list.

use super::app::{App, Page};
use super::load;
use crate::clock::Clock;
use crate::domain::text::{clean_line, short};
use crate::domain::CaseId;
use crate::i18n::{cli::store_error, tui as t};
use crate::store::Store;

pub(super) fn after_change(app: &mut App, store: &Store) {
    if let Err(e) = load::refresh(store, app) {
        app.error(store_error(&e, app.lang));
    }
    if app.actions.loaded {
        super::update::load_actions(app, store);
    }
}

pub(super) fn current_case(app: &App) -> Option<CaseId> {
    match app.pages.last() {
        Some(Page::Case(p)) => Some(p.case.id),
        None if app.screen == super::app::Screen::Overleg => {
            let m = app.meeting.as_ref().filter(|m| m.running())?;
            m.meeting.items.get(m.meeting.current).map(|i| i.case)
        }
        None => app
            .cases
            .visible
            .get(app.cases.selected)
            .map(|i| app.cases.rows[*i].id),
        _ => None,
    }
}

pub fn toggle_done(app: &mut App, store: &mut Store, clock: &Clock) {
    if app.pages.is_empty() && app.screen == super::app::Screen::Overleg {
        return meeting_done(app, store, clock);
    }
    let target = match app.pages.last() {
        Some(Page::Case(p)) if p.pane == super::app::CasePane::Actions => p
            .actions
            .get(p.selected)
            .map(|a| (a.id, a.done.is_none(), a.text.clone())),
        None if app.screen == super::app::Screen::Acties => {
            super::update::selected_action(app).map(|a| (a.id, a.done.is_none(), a.text.clone()))
        }
        _ => None,
    };
    let Some((id, done, text)) = target else {
        return app.info(t::CHOOSE_ACTION.get(app.lang));
    };
    let text = clean_line(&short(&text, 50));
    match store.set_action_done(clock.now(), id, done, None) {
        Ok((_, undo)) => {
            let msg = if done { t::ACTION_DONE } else { t::ACTION_OPEN };
            let what = format!("{}: {text}", msg.get(app.lang));
            app.undo.push((undo, what.clone()));
            after_change(app, store);
            app.info(what);
        }
        Err(e) => app.error(store_error(&e, app.lang)),
    }
}

pub fn flag(app: &mut App, store: &mut Store, clock: &Clock) {
    let Some(id) = current_case(app) else { return };
    let result = store.case(id).and_then(|c| match c {
        Some(mut case) => {
            case.flagged = !case.flagged;
            let on = case.flagged;
            store.save_case(clock.now(), case).map(|u| Some((u, on)))
        }
        None => Ok(None),
    });
    match result {
        Ok(Some((undo, on))) => {
            let what = if on { t::FLAG_ON } else { t::FLAG_OFF }
                .get(app.lang)
                .to_string();
            app.undo.push((undo, what.clone()));
            after_change(app, store);
            app.info(what);
        }
        Ok(None) => {}
        Err(e) => app.error(store_error(&e, app.lang)),
    }
}

pub fn reopen(app: &mut App, store: &mut Store, clock: &Clock) {
    let Some(id) = current_case(app) else { return };
    let result = store.case(id).and_then(|c| match c {
        Some(mut case) => {
            case.reopen(clock.today());
            store.save_case(clock.now(), case).map(Some)
        }
        None => Ok(None),
    });
    match result {
        Ok(Some(undo)) => {
            app.undo.push((undo, t::REOPENED.get(app.lang).to_string()));
            after_change(app, store);
            app.info(t::REOPENED.get(app.lang));
        }
        Ok(None) => {}
        Err(e) => app.error(store_error(&e, app.lang)),
    }
}

pub fn undo(app: &mut App, store: &mut Store, clock: &Clock) {
    let Some((mut undo, what)) = app.undo.pop() else {
        return app.info(t::NOTHING_TO_UNDO.get(app.lang));
    };
    if let Some(live) = app.meeting.as_ref().filter(|m| m.running()) {
        if let Some(Some(old)) = undo.meetings.get_mut(&live.meeting.id) {
            keep_progress(old, &live.meeting);
        }
    }
    match store.undo(undo, clock.now()) {
        Ok(()) => {
            after_change(app, store);
            app.info(format!("{}: {what}", t::UNDONE.get(app.lang)));
        }
        Err(e) => app.error(store_error(&e, app.lang)),
    }
}

/// Undoing a change made in the meeting takes back what it recorded (an action, an agreement, a
/// done action, a closing), not the meeting's progress since: the item it is on, the order, the
/// timeboxes and the time spent stay as they are now.
fn keep_progress(old: &mut crate::domain::Meeting, live: &crate::domain::Meeting) {
    let mut recorded: std::collections::HashMap<CaseId, crate::domain::AgendaItem> =
        old.items.drain(..).map(|i| (i.case, i)).collect();
    old.items = live
        .items
        .iter()
        .map(|l| match recorded.remove(&l.case) {
            Some(r) => crate::domain::AgendaItem {
                agreements: r.agreements,
                actions_added: r.actions_added,
                actions_done: r.actions_done,
                discussed: r.discussed,
                ..l.clone()
            },
            None => l.clone(),
        })
        .collect();
    old.current = live.current;
    old.attendees = live.attendees.clone();
}

/// `d` in the walk-through: the selected open action of the case being discussed is done.
fn meeting_done(app: &mut App, store: &mut Store, clock: &Clock) {
    let Some(mut state) = app.meeting.take() else {
        return;
    };
    let picked = state
        .open_actions()
        .get(state.action)
        .map(|a| (a.id, a.text.clone()));
    let Some((id, text)) = picked else {
        app.meeting = Some(state);
        return app.info(t::CHOOSE_ACTION.get(app.lang));
    };
    let item = state.meeting.current;
    let result = store.meeting_done(clock.now(), &mut state.meeting, item, id, true, None);
    app.meeting = Some(state);
    match result {
        Ok(undo) => {
            let what = format!(
                "{}: {}",
                t::ACTION_DONE.get(app.lang),
                clean_line(&short(&text, 50))
            );
            app.undo.push((undo, what.clone()));
            after_change(app, store);
            app.info(what);
        }
        Err(e) => app.error(store_error(&e, app.lang)),
    }
}
