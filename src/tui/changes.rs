//! The one path every change takes after its commit: onto this session's undo list, the screens
//! read again, what was done said on the status line. Also the one-key changes (done, flag,
//! reopen, undo), each one store commit.

use super::app::App;
use super::meeting::record;
use super::patch::Touched;
use super::privacy::{say, Said};
use super::update::Problem;
use crate::clock::Clock;
use crate::domain::text::{clean_line, short};
use crate::domain::{ActionId, CaseId, Meeting};
use crate::i18n::tui as t;
use crate::store::{Store, Undo};

/// A committed change: kept for undo, shown, and said (by the privacy rule: a quoted text of a
/// family not in focus is hidden).
pub fn saved(app: &mut App, store: &Store, undo: Undo, what: Said) -> Result<(), Problem> {
    let touched = Touched::of(&undo);
    app.undo.push((undo, what.clone()));
    super::load::after_change(store, app, &touched)?;
    say(app, &what);
    Ok(())
}

/// What the status line says about an action of `case`: "`msg`: " and its text, short and on one
/// line.
fn about(msg: &str, text: &str, case: CaseId) -> Said {
    Said::plain(format!("{msg}: ")).text(&clean_line(&short(text, 50)), case)
}

/// `d`: an action done, or open again.
pub fn set_done(
    app: &mut App,
    store: &mut Store,
    clock: &Clock,
    target: (ActionId, CaseId),
    done: bool,
    text: &str,
) -> Result<(), Problem> {
    let (id, case) = target;
    let me = app.config.me.map(crate::domain::PersonId);
    let (_, undo) = store.set_action_done(clock.now(), id, done, me)?;
    let msg = if done { t::ACTION_DONE } else { t::ACTION_OPEN };
    let what = about(msg.get(app.lang), text, case);
    saved(app, store, undo, what)
}

/// `d` in the walk-through: an open action of the case being discussed is done, in the minutes.
pub fn meeting_done(
    app: &mut App,
    store: &mut Store,
    clock: &Clock,
    case: CaseId,
    id: ActionId,
    text: &str,
) -> Result<(), Problem> {
    let undo = record::done(app, store, clock.now(), case, id)?;
    let what = about(t::ACTION_DONE.get(app.lang), text, case);
    saved(app, store, undo, what)
}

/// `f`: the case flagged "bespreken" for the next meeting, or not any more.
pub fn flag(app: &mut App, store: &mut Store, clock: &Clock, id: CaseId) -> Result<(), Problem> {
    let mut case = store.case(id)?.ok_or(Problem::NotFound)?;
    case.flagged = !case.flagged;
    let on = case.flagged;
    let undo = store.save_case(clock.now(), case)?;
    let what = if on { t::FLAG_ON } else { t::FLAG_OFF };
    saved(app, store, undo, Said::plain(what.get(app.lang)))
}

/// `c` on a closed case: it is reopened (its closing is kept).
pub fn reopen(app: &mut App, store: &mut Store, clock: &Clock, id: CaseId) -> Result<(), Problem> {
    let mut case = store.case(id)?.ok_or(Problem::NotFound)?;
    case.reopen(clock.today());
    let undo = store.save_case(clock.now(), case)?;
    saved(app, store, undo, Said::plain(t::REOPENED.get(app.lang)))
}

/// `u`: takes back this session's last change.
pub fn undo(app: &mut App, store: &mut Store, clock: &Clock) -> Result<(), Problem> {
    let Some((mut undo, what)) = app.undo.pop() else {
        app.info(t::NOTHING_TO_UNDO.get(app.lang));
        return Ok(());
    };
    if let Some(live) = app.meeting.as_ref().filter(|m| m.running()) {
        if let Some(Some(old)) = undo.meetings.get_mut(&live.meeting.id) {
            keep_progress(old, &live.meeting);
        }
    }
    let touched = Touched::of(&undo);
    if let Err(e) = store.undo(undo.clone(), clock.now()) {
        // Not undone: it stays on the list, to try again.
        app.undo.push((undo, what));
        return Err(e.into());
    }
    super::load::after_change(store, app, &touched)?;
    say(app, &Said::after(t::UNDONE.get(app.lang), &what));
    Ok(())
}

/// Undoing a change made in the meeting takes back what it recorded (an action, an agreement, a
/// done action, a closing), not the meeting's progress since: the item it is on, the order, the
/// timeboxes and the time spent stay as they are now.
fn keep_progress(old: &mut Meeting, live: &Meeting) {
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
