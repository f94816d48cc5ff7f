//! Issue 13, item 2: everything can be corrected afterwards, through the keys: the child and the
//! carers in the family form (any number of carers), someone's involvement ended (kept in the
//! timeline) or taken out as a mistake, a person on the sociale kaart edited.

use crate::tui_common::*;
use tandem::domain::dates::Lang;
use tandem::domain::{EventKind, Family, FamilyId};
use tandem::tui::app::Page;

/// Opens the family of the selected case on screen 2 (Enter, then `w`); its id.
fn open_family(s: &mut Session) -> FamilyId {
    s.press("2<Enter>w");
    match s.app.pages.last() {
        Some(Page::Family(p)) => p.family.id,
        other => panic!("not on a family page: {other:?}"),
    }
}

fn family(s: &Session, id: FamilyId) -> Family {
    s.store.family(id).expect("read").expect("the family")
}

#[test]
fn the_child_and_the_carers_are_corrected_in_the_family_form() {
    let mut s = demo(Lang::Nl);
    let id = open_family(&mut s);
    let before = family(&s, id);
    let carers = before.carers.len();
    // The first child's first name and groep: PgDn to the child, Tab to the groep.
    s.press("e<PageDown><End>");
    s.press(&"<BS>".repeat(30));
    s.press("Nina<Tab><Tab><Tab>");
    s.press(&"<BS>".repeat(10));
    s.press("7");
    // Past the children and the carers to the empty row: a new carer, living elsewhere,
    // without parental authority.
    s.press(&"<PageDown>".repeat(before.children.len() + carers));
    s.press("Henk Mulder<Tab>opa<Tab>06-10203040<Tab> <Tab> <Enter>");
    assert!(s.app.popup.is_none(), "{:?}", s.app.popup);
    let after = family(&s, id);
    assert_eq!(after.children[0].first_name, "Nina");
    assert_eq!(after.children[0].groep, "7");
    assert_eq!(after.children[0].id, before.children[0].id);
    assert_eq!(after.carers.len(), carers + 1);
    assert_eq!(after.carers[..carers], before.carers[..]);
    let henk = &after.carers[carers];
    assert_eq!(
        (henk.name.as_str(), henk.relation.as_str()),
        ("Henk Mulder", "opa")
    );
    assert!(!henk.lives_with_child && !henk.authority);
    // The case list shows the corrected name.
    let row = s.store.case_rows().expect("rows");
    assert!(row
        .iter()
        .any(|r| r.family == id && r.child_name.starts_with("Nina")));
}

#[test]
fn an_involvement_ends_on_a_day_and_a_mistake_is_taken_out() {
    let mut s = demo(Lang::Nl);
    let id = open_family(&mut s);
    let before = family(&s, id);
    assert!(before.network.len() >= 2, "the demo family has a network");
    let cases = match s.app.pages.last() {
        Some(Page::Family(p)) => p.cases.len(),
        _ => unreachable!(),
    };
    // The first network person still involved: end today (the form starts on "end", today).
    let at = before
        .network
        .iter()
        .position(|i| i.until.is_none())
        .expect("someone involved now");
    s.press(&"j".repeat(cases + at));
    s.press("x<Enter>");
    assert!(s.app.popup.is_none(), "{:?}", s.app.popup);
    let ended = family(&s, id);
    let first = before.network[at].person;
    let inv = ended
        .network
        .iter()
        .find(|i| i.person == first)
        .expect("kept as history");
    assert_eq!(inv.until, Some(today()));
    // Another was a mistake: taken out, history and all.
    let other = if at == 0 { 1 } else { 0 };
    let second = before.network[other].person;
    s.press("g");
    s.press(&"j".repeat(cases + other));
    s.press("x <Enter>");
    assert!(s.app.popup.is_none(), "{:?}", s.app.popup);
    let after = family(&s, id);
    assert!(after.network.iter().all(|i| i.person != second));
    assert_eq!(after.network.len(), before.network.len() - 1);
    let events = s.store.events().expect("events");
    let of_family = |k: &EventKind| events.iter().any(|e| e.family == Some(id) && e.kind == *k);
    assert!(of_family(&EventKind::NetworkEnded { person: first }));
    assert!(of_family(&EventKind::NetworkRemoved { person: second }));
    // Undo puts the mistaken person back.
    s.press("u");
    assert!(family(&s, id).network.iter().any(|i| i.person == second));
}

#[test]
fn a_person_on_the_sociale_kaart_is_edited() {
    let mut s = demo(Lang::Nl);
    s.press("4");
    let first = s.app.persons[s.app.kaart_selected].clone();
    // Name, role, organisation, side: the phone is the fifth field.
    s.press("e<Tab><Tab><Tab><Tab>");
    s.press(&"<BS>".repeat(30));
    s.press("030-1234567<Enter>");
    assert!(s.app.popup.is_none(), "{:?}", s.app.popup);
    let p = s.store.person(first.id).expect("read").expect("person");
    assert_eq!(p.phone, "030-1234567");
    assert_eq!((p.name, p.role), (first.name, first.role));
}
