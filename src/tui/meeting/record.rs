//! Changes the running meeting records on its current item: an action, an agreement, a done
//! action, a case edited or closed. The domain records each on a copy of the meeting
//! (`Meeting::record_*`); the store commits the copy with the change; the copy replaces the
//! meeting in memory only once that commit succeeded. A refused commit leaves no trace.

use crate::domain::diff::case_events;
use crate::domain::{Action, ActionId, Case, CaseId, Meeting};
use crate::store::{Result as StoreResult, Store, Undo};
use crate::tui::app::App;
use crate::tui::update::Problem;
use chrono::NaiveDateTime;

/// Applies `record` to a copy of the running meeting and commits it with `commit`. `None` when
/// no meeting runs or its current item is about another case: then the change is not the
/// meeting's.
fn in_meeting(
    app: &mut App,
    record: impl FnOnce(&mut Meeting) -> bool,
    commit: impl FnOnce(&Meeting) -> StoreResult<Undo>,
) -> Option<StoreResult<Undo>> {
    let state = app.meeting.as_mut().filter(|m| m.running())?;
    let mut copy = state.meeting.clone();
    if !record(&mut copy) {
        return None;
    }
    let committed = commit(&copy);
    if committed.is_ok() {
        state.meeting = copy;
    }
    Some(committed)
}

/// Saves an edited or closed case; the case under discussion goes through the meeting, so its
/// item counts as discussed (a case closed in the meeting is not "not discussed").
pub fn save_case(
    app: &mut App,
    store: &mut Store,
    now: NaiveDateTime,
    old: &Case,
    case: Case,
) -> Result<Undo, Problem> {
    if case_events(old, &case).is_empty() {
        // Nothing changed: nothing to commit, and nothing was discussed by it.
        return Ok(store.save_case(now, case)?);
    }
    let id = case.id;
    let recorded = in_meeting(
        app,
        |m| m.record_case_change(id),
        |m| store.meeting_case(now, m, case.clone()),
    );
    Ok(match recorded {
        Some(result) => result?,
        None => store.save_case(now, case)?,
    })
}

/// A case closed with its open actions finished (done or cancelled); in the meeting the item
/// counts as discussed and the actions done there are in its minutes.
pub fn close_case(
    app: &mut App,
    store: &mut Store,
    now: NaiveDateTime,
    case: Case,
    finished: Vec<Action>,
) -> Result<Undo, Problem> {
    let id = case.id;
    let done: Vec<ActionId> = finished
        .iter()
        .filter(|a| a.done.as_ref().is_some_and(|d| d.cancelled.is_none()))
        .map(|a| a.id)
        .collect();
    let recorded = in_meeting(
        app,
        |m| m.record_case_change(id) && done.iter().all(|a| m.record_done(id, *a, true)),
        |m| store.close_with_actions(now, Some(m), case.clone(), finished.clone()),
    );
    Ok(match recorded {
        Some(result) => result?,
        None => store.close_with_actions(now, None, case, finished)?,
    })
}

/// A new action; one for the case under discussion belongs to the meeting and its minutes.
pub fn new_action(
    app: &mut App,
    store: &mut Store,
    now: NaiveDateTime,
    action: Action,
) -> Result<Undo, Problem> {
    let (case, id) = (action.case, action.id);
    let recorded = in_meeting(
        app,
        |m| m.record_action(case, id),
        |m| {
            let mut action = action.clone();
            action.meeting = Some(m.id);
            store.meeting_action(now, m, action)
        },
    );
    Ok(match recorded {
        Some(result) => result?,
        None => store.save_action(now, action)?,
    })
}

/// An agreement on the case under discussion. Errors: the meeting moved on or ended meanwhile.
pub fn agreement(
    app: &mut App,
    store: &mut Store,
    now: NaiveDateTime,
    case: CaseId,
    text: String,
) -> Result<Undo, Problem> {
    let recorded = in_meeting(
        app,
        |m| m.record_agreement(case, text.clone(), now),
        |m| store.meeting_agreement(now, m, case, text.clone()),
    );
    Ok(recorded.ok_or(Problem::NotInMeeting)??)
}

/// An action of the case under discussion marked done in the walk-through.
pub fn done(
    app: &mut App,
    store: &mut Store,
    now: NaiveDateTime,
    case: CaseId,
    action: ActionId,
) -> Result<Undo, Problem> {
    let me = app.config.me.map(crate::domain::PersonId);
    let recorded = in_meeting(
        app,
        |m| m.record_done(case, action, true),
        |m| store.meeting_done(now, m, action, true, me),
    );
    Ok(recorded.ok_or(Problem::NotInMeeting)??)
}
