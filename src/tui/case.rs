//! A case opened on purpose: its card, actions, network and timeline, in panes.

pub mod view;

use super::app::{App, Page};
use super::update::Problem;
use crate::domain::{Action, Case, CaseId, Event, Family};
use crate::store::{Result, Store};
use chrono::NaiveDate;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum CasePane {
    #[default]
    Actions,
    Network,
    Timeline,
}

/// One case opened on purpose, with everything shown about it.
#[derive(Debug, Clone)]
pub struct CasePage {
    pub case: Case,
    pub family: Option<Family>,
    pub actions: Vec<Action>,
    pub events: Vec<Event>,
    /// Agreements from meetings about this case: (meeting date, text).
    pub agreements: Vec<(NaiveDate, String)>,
    /// The meetings this case was discussed in (their dates).
    pub discussed_in: Vec<NaiveDate>,
    pub pane: CasePane,
    pub selected: usize,
}

/// Reads case `id` and everything its page shows: family, actions, timeline, and what the
/// meetings agreed about it. `Ok(None)`: there is no such case.
pub fn case_page(store: &Store, app: &App, id: CaseId) -> Result<Option<CasePage>> {
    let Some(case) = store.case(id)? else {
        return Ok(None);
    };
    let family = store.family(case.family)?;
    let mut actions = store.actions_of_case(id)?;
    // Grouped by side (the view shows onderwijs | zorg), open first, soonest first.
    actions.sort_by_key(|a| {
        (
            a.side,
            a.done.is_some(),
            a.deadline.is_none(),
            a.deadline,
            a.id,
        )
    });
    let events = store.events_of_case(id)?;
    let mut agreements = Vec::new();
    let mut discussed_in = Vec::new();
    for m in &app.meetings {
        for item in m.items.iter().filter(|i| i.case == id) {
            agreements.extend(item.agreements.iter().map(|a| (m.date, a.text.clone())));
            if item.discussed {
                discussed_in.push(m.date);
            }
        }
    }
    agreements.sort();
    discussed_in.sort();
    Ok(Some(CasePage {
        case,
        family,
        actions,
        events,
        agreements,
        discussed_in,
        pane: Default::default(),
        selected: 0,
    }))
}

pub fn pane_len(p: &CasePage) -> usize {
    match p.pane {
        CasePane::Actions => p.actions.len(),
        CasePane::Network => p.family.as_ref().map_or(0, |f| f.network.len()),
        CasePane::Timeline => p.events.len(),
    }
}

/// Opens case `id` as a page over the screen. Errors: it is gone, or the store could not read it.
pub fn open(app: &mut App, store: &Store, id: CaseId) -> std::result::Result<(), Problem> {
    let page = case_page(store, app, id)?.ok_or(Problem::NotFound)?;
    app.pages.push(Page::Case(Box::new(page)));
    Ok(())
}

/// Tab / Shift-Tab on a case page: the next or previous pane, its selection at the top.
pub fn next_pane(app: &mut App, forward: bool) {
    if let Some(Page::Case(p)) = app.pages.last_mut() {
        let panes = [CasePane::Actions, CasePane::Network, CasePane::Timeline];
        let i = panes.iter().position(|x| *x == p.pane).unwrap_or(0);
        let step = if forward { 1 } else { panes.len() - 1 };
        p.pane = panes[(i + step) % panes.len()];
        p.selected = 0;
    }
}
