//! Reading what a page shows from the store. Called by `update` only, never by a view.

use super::app::{App, CaseList, CasePage, FamilyPage, Page, PersonPage, SortBy};
use crate::domain::{CaseId, FamilyId, PersonId};
use crate::store::{Result, Store};

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

pub fn family_page(store: &Store, id: FamilyId) -> Result<Option<FamilyPage>> {
    let Some(family) = store.family(id)? else {
        return Ok(None);
    };
    let cases = store.cases_of_family(id)?;
    Ok(Some(FamilyPage {
        family,
        cases,
        selected: 0,
    }))
}

pub fn person_page(store: &Store, app: &App, id: PersonId) -> Result<Option<PersonPage>> {
    let Some(person) = app.person(id).cloned() else {
        return Ok(None);
    };
    // The families a person is involved with: found through the case rows' families, so this
    // reads only the families that have cases, never the whole store's records twice.
    let mut seen = std::collections::HashSet::new();
    let mut families = Vec::new();
    for row in &app.cases.rows {
        if !seen.insert(row.family) {
            continue;
        }
        if let Some(f) = store.family(row.family)? {
            if let Some(inv) = f.network.iter().find(|i| i.person == id) {
                let role = inv.role.clone();
                families.push((f, role));
            }
        }
    }
    families.sort_by_key(|a| a.0.name.to_lowercase());
    Ok(Some(PersonPage {
        person,
        families,
        selected: 0,
    }))
}

/// Reads the rows and the sociale kaart again after a change, keeping the selection on the same
/// case, and reloads the open pages.
pub fn refresh(store: &Store, app: &mut App) -> Result<()> {
    let selected = app
        .cases
        .visible
        .get(app.cases.selected)
        .and_then(|i| app.cases.rows.get(*i))
        .map(|r| r.id);
    app.cases.set_rows(store.case_rows()?);
    app.set_persons(store.persons()?);
    app.meetings = store.meetings()?;
    apply_filter(&mut app.cases, app.today);
    if let Some(id) = selected {
        if let Some(pos) = app
            .cases
            .visible
            .iter()
            .position(|i| app.cases.rows[*i].id == id)
        {
            app.cases.selected = pos;
        }
    }
    let mut pages = std::mem::take(&mut app.pages);
    for page in &mut pages {
        match page {
            Page::Case(p) => {
                if let Some(mut fresh) = case_page(store, app, p.case.id)? {
                    fresh.pane = p.pane;
                    fresh.selected = p.selected.min(pane_len(&fresh).saturating_sub(1));
                    **p = fresh;
                }
            }
            Page::Family(p) => {
                if let Some(mut fresh) = family_page(store, p.family.id)? {
                    fresh.selected = p.selected;
                    **p = fresh;
                }
            }
            Page::Person(p) => {
                if let Some(mut fresh) = person_page(store, app, p.person.id)? {
                    fresh.selected = p.selected;
                    **p = fresh;
                }
            }
        }
    }
    // Pages whose record is gone (an undone new case) close.
    pages.retain(|p| match p {
        Page::Case(c) => app.cases.rows.iter().any(|r| r.id == c.case.id),
        _ => true,
    });
    app.pages = pages;
    app.lookup
        .rebuild(app.cases.rows.clone(), app.persons.clone());
    // The running meeting as the store has it now (an undo may have taken a step back).
    if let Some(mut state) = app.meeting.take() {
        if state.running() {
            if let Some(m) = store.meeting(state.meeting.id)? {
                state.meeting = m;
            }
            let case = state
                .meeting
                .items
                .get(state.meeting.current)
                .map(|i| i.case);
            state.page = match case {
                Some(id) => case_page(store, app, id)?.map(Box::new),
                None => None,
            };
            state.action = state
                .action
                .min(state.open_actions().len().saturating_sub(1));
        }
        app.meeting = Some(state);
    }
    Ok(())
}

pub fn pane_len(p: &CasePage) -> usize {
    match p.pane {
        super::app::CasePane::Actions => p.actions.len(),
        super::app::CasePane::Network => p.family.as_ref().map_or(0, |f| f.network.len()),
        super::app::CasePane::Timeline => p.events.len(),
    }
}

/// Filters and sorts the case list (pure; the rows are already in memory).
pub fn apply_filter(list: &mut CaseList, today: chrono::NaiveDate) {
    let f = &list.filter;
    let mut visible: Vec<usize> = list
        .rows
        .iter()
        .enumerate()
        .filter(|(_, r)| match f.status {
            Some(s) => r.status == s,
            None => !f.open_only || r.status.is_open(),
        })
        .filter(|(_, r)| f.side.is_none_or(|s| r.lead_side == Some(s)))
        .filter(|(_, r)| !f.flagged_only || r.flagged)
        .filter(|(_, r)| f.school.as_ref().is_none_or(|s| &r.school == s))
        .map(|(i, _)| i)
        .collect();
    let rows = &list.rows;
    match list.sort {
        SortBy::LastActivity => {
            visible.sort_by(|a, b| rows[*b].last_activity.cmp(&rows[*a].last_activity))
        }
        SortBy::NextDeadline => visible.sort_by_key(|i| {
            let r = &rows[*i];
            (
                r.next_deadline.is_none(),
                r.next_deadline,
                !r.is_overdue(today),
            )
        }),
        SortBy::Name => {
            let rank = list.name_rank.get_or_init(|| name_rank(rows));
            visible.sort_by_key(|i| rank.get(*i).copied().unwrap_or(u32::MAX));
        }
    }
    list.visible = visible;
    list.selected = list.selected.min(list.visible.len().saturating_sub(1));
}

/// Each row's place in name order, computed once per set of rows: sorting 50,000 names again on
/// every key would take longer than a frame.
fn name_rank(rows: &[crate::domain::CaseSummary]) -> Vec<u32> {
    let mut order: Vec<usize> = (0..rows.len()).collect();
    order.sort_by_cached_key(|i| rows[*i].child_name.to_lowercase());
    let mut rank = vec![0u32; rows.len()];
    for (pos, i) in order.into_iter().enumerate() {
        rank[i] = pos as u32;
    }
    rank
}
