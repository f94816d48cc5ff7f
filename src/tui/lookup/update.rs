//! The lookup popup's keys: typing asks the worker, Enter opens the hit (or puts its case on the
//! agenda when the lookup was opened from screen 1).

use super::{LookupState, Target};
use crate::store::Store;
use crate::tui::app::{App, Popup};
use crate::tui::msg::Step;
use crate::tui::update::Problem;

/// A fresh lookup popup.
pub fn open(add_to_agenda: bool) -> Popup {
    Popup::Lookup(LookupState {
        add_to_agenda,
        ..LookupState::default()
    })
}

/// Sends the query as it is now to the worker; older answers are dropped when they arrive.
fn ask(app: &mut App) {
    if let Some(Popup::Lookup(state)) = &mut app.popup {
        state.generation += 1;
        state.selected = 0;
        app.lookup.ask(state.generation, &state.query);
    }
}

/// A letter typed into the query; control characters never enter it.
pub fn type_char(app: &mut App, c: char) {
    if let Some(Popup::Lookup(state)) = &mut app.popup {
        if c.is_control() {
            return;
        }
        state.query.push(c);
        ask(app);
    }
}

pub fn backspace(app: &mut App) {
    if let Some(Popup::Lookup(state)) = &mut app.popup {
        state.query.pop();
        ask(app);
    }
}

/// Moves the cursor through the hits (up and down only).
pub fn select(app: &mut App, step: Step) {
    if let Some(Popup::Lookup(state)) = &mut app.popup {
        let last = state.results.hits.len().saturating_sub(1);
        state.selected = match step {
            Step::Up => state.selected.saturating_sub(1),
            Step::Down => (state.selected + 1).min(last),
            _ => state.selected,
        };
    }
}

/// Enter: opens the family or person of the hit; from screen 1, puts the hit's case on the
/// agenda instead.
pub fn choose(app: &mut App, store: &mut Store) -> Result<(), Problem> {
    let Some(Popup::Lookup(state)) = &app.popup else {
        return Ok(());
    };
    let target = state.results.hits.get(state.selected).map(|h| h.target);
    match (state.add_to_agenda, target) {
        (true, Some(Target::Family(_, Some(case)))) => {
            app.popup = None;
            crate::tui::meeting::add_case(app, store, case)
        }
        (false, Some(target)) => {
            app.popup = None;
            match target {
                Target::Family(id, _) => crate::tui::family::open(app, store, id),
                Target::Person(id) => crate::tui::kaart::open(app, store, id),
            }
        }
        _ => Ok(()),
    }
}

/// Takes in results of the worker, if any arrived; true when the screen should redraw.
pub fn poll(app: &mut App) -> bool {
    let Some(results) = app.lookup.poll() else {
        return false;
    };
    if let Some(Popup::Lookup(state)) = &mut app.popup {
        if results.generation <= state.generation && results.generation >= state.results.generation
        {
            state.results = results;
            state.selected = state
                .selected
                .min(state.results.hits.len().saturating_sub(1));
            return true;
        }
    }
    false
}
