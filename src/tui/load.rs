//! Reading everything the screens show again after a change. Called by `update` only, never by
//! a view.

use super::app::{App, Page, Screen};
use super::{case, cases, family, kaart};
use crate::store::{Result, Store};

/// Reads the rows and the sociale kaart again after a change, keeping the selection on the same
/// case, and reloads the open pages and the running meeting.
pub fn refresh(store: &Store, app: &mut App) -> Result<()> {
    // Everything is read here: what the start still reads would be older.
    app.later.cancel();
    let selected = app.cases.selected_row().map(|r| r.id);
    app.cases.set_rows(store.case_rows_shared()?);
    app.set_persons(store.persons()?);
    app.meetings = store.meetings()?;
    cases::apply_filter(&mut app.cases, app.today);
    if let Some(id) = selected {
        app.cases.select(id);
    }
    refresh_pages(store, app)?;
    app.lookup
        .rebuild(app.cases.rows.clone(), app.persons.clone());
    // Screen 3's rows were not patched by this: read again now if it is on screen (under the
    // pages), else when it is shown next. An erased family's actions must not stay in them.
    if app.screen == Screen::Acties {
        super::acties::load(app, store)?;
    } else {
        app.actions.forget_rows();
    }
    refresh_meeting(store, app)
}

/// After a change that wrote `touched`: the rows, people and meetings it touched patched in,
/// the open pages and the running meeting read again (a few point reads each).
pub fn after_change(store: &Store, app: &mut App, touched: &super::patch::Touched) -> Result<()> {
    // While every row is still being read, the list is its first page: the counts stay those of
    // the whole store (a row a change added or removed is counted once the rows come).
    let counts = app.cases.counts.filter(|_| app.later.rows_pending());
    super::patch::apply(store, app, touched)?;
    super::later::saved(app, touched);
    if counts.is_some() {
        app.cases.counts = counts;
    }
    refresh_pages(store, app)?;
    refresh_meeting(store, app)
}

/// The open pages read again, each keeping its pane and selection; a page whose record is gone
/// (an undone new case) closes.
fn refresh_pages(store: &Store, app: &mut App) -> Result<()> {
    // Worked on a copy: a read that fails leaves the pages as they were.
    let mut pages = app.pages.clone();
    for page in &mut pages {
        match page {
            Page::Case(p) => {
                if let Some(mut fresh) = case::case_page(store, app, p.case.id)? {
                    fresh.pane = p.pane;
                    fresh.selected = p.selected.min(case::pane_len(&fresh).saturating_sub(1));
                    // An edited action may move in its pane: the cursor follows it.
                    if p.pane == case::CasePane::Actions {
                        let id = p.actions.get(p.selected).map(|a| a.id);
                        if let Some(at) = fresh.actions.iter().position(|a| Some(a.id) == id) {
                            fresh.selected = at;
                        }
                    }
                    **p = fresh;
                }
            }
            Page::Family(p) => {
                if let Some(mut fresh) = family::family_page(store, p.family.id)? {
                    fresh.selected = p.selected;
                    **p = fresh;
                }
            }
            Page::Person(p) => {
                if let Some(mut fresh) = kaart::person_page(store, app, p.person.id)? {
                    fresh.selected = p.selected;
                    **p = fresh;
                }
            }
        }
    }
    pages.retain(|p| match p {
        Page::Case(c) => app.cases.row(c.case.id).is_some(),
        _ => true,
    });
    app.pages = pages;
    Ok(())
}

/// The running meeting as the store has it now (an undo may have taken a step back), and the
/// case of its current item.
fn refresh_meeting(store: &Store, app: &mut App) -> Result<()> {
    // Worked on a copy: a read that fails leaves the meeting as it was.
    let Some(mut state) = app.meeting.clone() else {
        return Ok(());
    };
    if state.running() {
        if let Some(m) = store.meeting(state.meeting.id)? {
            state.meeting = m;
        }
        state.page = match state.meeting.current_case() {
            Some(id) => case::case_page(store, app, id)?.map(Box::new),
            None => None,
        };
        state.action = state
            .action
            .min(state.open_actions().len().saturating_sub(1));
    }
    app.meeting = Some(state);
    Ok(())
}
