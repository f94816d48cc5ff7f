//! Screen 1 found by what was typed: an agenda item by its number or a name (`#`), and the
//! people present by their names (`A`).

use super::save;
use crate::i18n::meeting as t;
use crate::store::Store;
use crate::tui::app::App;
use crate::tui::update::Problem;

/// The names of who is at the meeting on screen 1, as the sociale kaart has them.
pub fn attendee_names(app: &App) -> Vec<String> {
    app.meeting
        .iter()
        .flat_map(|s| &s.meeting.attendees)
        .map(|p| app.person_name(Some(*p)))
        .collect()
}

/// The people named in `typed` (names, or parts of names, with commas between): each the first
/// on the sociale kaart whose folded name holds it. Errors: the parts that match no one.
pub fn find_attendees(app: &App, typed: &str) -> Result<Vec<crate::domain::PersonId>, String> {
    use crate::domain::text::fold;
    let mut found = Vec::new();
    let mut unknown = Vec::new();
    for part in typed.split(',').map(str::trim).filter(|p| !p.is_empty()) {
        let want = fold(part);
        match app.persons.iter().find(|p| fold(&p.name).contains(&want)) {
            Some(p) if !found.contains(&p.id) => found.push(p.id),
            Some(_) => {}
            None => unknown.push(part.to_string()),
        }
    }
    match unknown.is_empty() {
        true => Ok(found),
        false => Err(unknown.join(", ")),
    }
}

/// `A`: who is at the meeting, kept in its record (the minutes name them); saved at once when
/// the meeting runs, with the draft when it starts.
pub fn set_attendees(
    app: &mut App,
    store: &mut Store,
    people: Vec<crate::domain::PersonId>,
) -> Result<(), Problem> {
    let Some(state) = app.meeting.as_mut() else {
        return Ok(());
    };
    state.meeting.attendees = people;
    app.info(t::ATTENDEES_SAVED.get(app.lang));
    save(app, store)
}

/// `#`: the item whose number was typed, or the first whose child or family name holds what was
/// typed (folded: `celik` finds Çelik). `None`: no item matches.
pub fn find_item(app: &App, typed: &str) -> Option<usize> {
    let state = app.meeting.as_ref()?;
    let items = &state.meeting.items;
    let typed = typed.trim();
    if let Ok(n) = typed.parse::<usize>() {
        return (1..=items.len()).contains(&n).then(|| n - 1);
    }
    let want = crate::domain::text::fold(typed);
    if want.is_empty() {
        return None;
    }
    items.iter().position(|it| {
        app.cases
            .rows
            .iter()
            .find(|r| r.id == it.case)
            .is_some_and(|r| {
                crate::domain::text::fold(&r.child_name).contains(&want)
                    || crate::domain::text::fold(&r.family_name).contains(&want)
            })
    })
}
