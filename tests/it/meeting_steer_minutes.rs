//! Issue 13, item 4 (part): minutes a parent could read. `minutes ID --family F` gives one
//! family only its own part; every open action per owner names its case; the times are there.

use crate::meeting_common::*;

#[test]
fn minutes_for_one_family_hold_only_its_own_part() {
    let mut s = demo();
    // Who is there, chosen on the agenda before the start (`A`): parts of names will do.
    s.press("1Ayvonne, marl<Enter>");
    assert!(s.app.popup.is_none(), "{:?}", s.app.popup);
    s.press("m");
    let ids = s.agenda_ids();
    let (first, second) = (s.row(ids[0]), s.row(ids[1]));
    assert_ne!(first.family, second.family, "two families");
    s.press("rMoeder komt dinsdag langs met de map.<Enter>");
    s.press("aMap met oefeningen meegeven<Tab>marl<Tab>vr<Enter>");
    s.press("]rVader belt de juf over het huiswerk.<Enter>");
    s.press("E<Enter>");
    let family_cases: Vec<u64> = s
        .store
        .cases_of_family(first.family)
        .expect("cases")
        .iter()
        .map(|c| c.id.0)
        .collect();
    let dir = s.close();
    let family = first.family.0.to_string();
    let md = tandem(dir.path(), &["minutes", "latest", "--family", &family]);
    assert!(md.contains("Verslag voor gezin"), "{md}");
    assert!(md.contains("Moeder komt dinsdag langs met de map."), "{md}");
    assert!(
        !md.contains("Vader belt de juf"),
        "another family's part: {md}"
    );
    assert!(md.contains("Begin ") && md.contains(" · einde "), "{md}");
    assert!(
        md.contains("Aanwezig: Yvonne Postma, Marloes Kuipers"),
        "{md}"
    );
    let open: Vec<&str> = md.lines().filter(|l| l.starts_with("- [ ] ")).collect();
    assert!(!open.is_empty(), "{md}");
    for line in open {
        assert!(
            family_cases
                .iter()
                .any(|c| line.contains(&format!("· casus {c} ("))),
            "an open action of another case, or without one: {line}"
        );
    }
    let json = tandem_json(
        dir.path(),
        &["minutes", "latest", "--family", &family, "--format", "json"],
    );
    assert_eq!(json["family"][0], first.family.0);
    assert!(json["items"]
        .as_array()
        .expect("items")
        .iter()
        .all(|i| family_cases.contains(&i["case"].as_u64().expect("id"))));
    // The whole minutes still hold both.
    let all = tandem(dir.path(), &["minutes", "latest"]);
    assert!(
        all.contains("Vader belt de juf over het huiswerk."),
        "{all}"
    );
}

#[test]
fn an_attendee_not_on_the_sociale_kaart_is_said_and_nothing_changes() {
    let mut s = demo();
    s.press("1mAyvonne, Onbekende Naam<Enter>");
    assert!(s
        .screen(120, 40)
        .contains("Niet op de sociale kaart: Onbekende Naam"));
    assert!(s.stored().attendees.is_empty());
    s.press("<C-u>");
    s.press(&"<BS>".repeat(40));
    s.press("yvonne<Enter>");
    assert!(s.app.popup.is_none(), "{:?}", s.app.popup);
    let yvonne = tandem::domain::PersonId(person_id(&s, "Yvonne Postma"));
    assert_eq!(
        s.stored().attendees,
        vec![yvonne],
        "saved at once in a running meeting"
    );
}
