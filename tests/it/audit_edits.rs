//! Edits record the fields before and after (issue 12 part 4): every kind of record edited
//! through the store keeps, in the timeline event the change writes, each changed field with its
//! old and new value; `tandem audit` prints them, and an erasure takes the names out of them.

use crate::common::{fixture_dir, reopen, run, today, wait_unlocked};
use tandem::domain::{ConsentStatus, Event, EventKind, FieldChange};
use tandem::store::corrections::NetworkChange;
use tandem::store::Store;

fn now() -> chrono::NaiveDateTime {
    today().and_hms_opt(14, 0, 0).expect("time")
}

/// The newest event `pick` finds, among every event of the store.
fn newest(store: &Store, pick: impl Fn(&Event) -> bool) -> Event {
    let mut found = None;
    store
        .each_event(|e: Event| -> tandem::store::Result<()> {
            if pick(&e) && found.as_ref().is_none_or(|f: &Event| f.id < e.id) {
                found = Some(e);
            }
            Ok(())
        })
        .expect("events");
    found.expect("an event")
}

fn has(changes: &[FieldChange], field: &str, before: &str, after: &str) -> bool {
    changes
        .iter()
        .any(|c| c.field == field && c.before == before && c.after == after)
}

#[test]
fn every_kind_of_edit_keeps_its_fields_before_and_after() {
    let (dir, fx) = fixture_dir();
    let mut store = reopen(dir.path());

    let mut case = store.case(fx.case_emre).expect("read").expect("case");
    let question = case.question.clone();
    case.question = "Emre slaapt beter".into();
    case.consents[0].status = ConsentStatus::Geweigerd;
    store.save_case(now(), case.clone()).expect("save case");
    let e = newest(&store, |e| {
        e.case == Some(fx.case_emre) && !e.changes.is_empty()
    });
    assert!(
        has(&e.changes, "question", &question, "Emre slaapt beter"),
        "{e:?}"
    );
    assert!(
        e.changes.iter().any(|c| c.field == "consents.0.status"),
        "{e:?}"
    );
    assert!(
        !e.changes.iter().any(|c| c.field == "last_activity"),
        "{e:?}"
    );

    let mut action = store.action(fx.a_friday).expect("read").expect("action");
    let text = action.text.clone();
    action.text = "Bellen met de juf".into();
    action.deadline = None;
    store.save_action(now(), action).expect("save action");
    let e = newest(&store, |e| {
        e.kind
            == EventKind::ActionEdited {
                action: fx.a_friday,
            }
    });
    assert!(has(&e.changes, "text", &text, "Bellen met de juf"), "{e:?}");
    assert!(e
        .changes
        .iter()
        .any(|c| c.field == "deadline" && c.after.is_empty()));

    edit_family_and_person(&mut store, &fx);

    // A new record has nothing before: its event has no fields.
    let e = newest(&store, |e| e.kind == EventKind::CaseCreated);
    assert!(e.changes.is_empty(), "{e:?}");
    drop(store);
    wait_unlocked(dir.path());

    // `tandem audit` prints them, each on a line of its own, whole.
    let (ok, out, err) = run(dir.path(), &["audit", "--family", &fx.celik.0.to_string()]);
    assert!(ok, "{err}");
    assert!(
        out.contains(&format!(
            "hulpvraag: \"{question}\" → \"Emre slaapt beter\""
        )),
        "{out}"
    );
    assert!(out.contains("ouder 1 telefoon:"), "{out}");
    assert!(out.contains("→ \"Bellen met de juf\""), "{out}");
}

/// A carer, a child, an involvement and a person on the sociale kaart, edited.
fn edit_family_and_person(store: &mut Store, fx: &crate::common::Fixture) {
    let mut family = store.family(fx.celik).expect("read").expect("family");
    let phone = family.carers[0].phone.clone();
    family.carers[0].phone = "06-99999999".into();
    family.children[0].groep = "6".into();
    store
        .save_family(now(), family.clone())
        .expect("save family");
    let e = newest(store, |e| {
        e.family == Some(fx.celik) && e.kind == EventKind::FamilyEdited
    });
    assert!(
        has(&e.changes, "carers.0.phone", &phone, "06-99999999"),
        "{e:?}"
    );
    assert!(has(&e.changes, "children.0.groep", "5", "6"), "{e:?}");

    let person = family.network[0].person;
    store
        .change_network(now(), fx.celik, person, NetworkChange::End(today()))
        .expect("end");
    let e = newest(store, |e| e.kind == EventKind::NetworkEnded { person });
    assert!(
        has(&e.changes, "network.0.until", "", "2026-11-23"),
        "{e:?}"
    );

    let mut p = store.person(fx.pieter).expect("read").expect("person");
    let role = p.role.clone();
    p.role = "orthopedagoog".into();
    store.save_person(now(), p).expect("save person");
    let e = newest(store, |e| {
        e.kind == EventKind::PersonEdited { person: fx.pieter }
    });
    assert!(has(&e.changes, "role", &role, "orthopedagoog"), "{e:?}");
}

#[test]
fn the_fields_survive_export_and_import_and_an_erasure_takes_the_names_out() {
    let (dir, fx) = fixture_dir();
    let mut store = reopen(dir.path());
    // Another family's notes name the Çelik mother in full, then no longer.
    let mut case = store.case(fx.case_minh).expect("read").expect("case");
    case.notes = "Overleg samen met Ayşe Çelik".into();
    store.save_case(now(), case.clone()).expect("save");
    case.notes = "Apart overleg".into();
    store.save_case(now(), case).expect("save");
    let e = newest(&store, |e| {
        e.case == Some(fx.case_minh) && !e.changes.is_empty()
    });
    assert!(has(
        &e.changes,
        "notes",
        "Overleg samen met Ayşe Çelik",
        "Apart overleg"
    ));
    let doc = store.export().expect("export");
    drop(store);
    wait_unlocked(dir.path());

    let copy = tempfile::tempdir().expect("dir");
    let mut other = Store::open(copy.path()).expect("open");
    other.import(&doc, false).expect("import");
    let e = newest(&other, |e| {
        e.case == Some(fx.case_minh) && !e.changes.is_empty()
    });
    assert!(has(
        &e.changes,
        "notes",
        "Overleg samen met Ayşe Çelik",
        "Apart overleg"
    ));
    drop(other);

    let (ok, _, err) = run(dir.path(), &["forget", &fx.celik.0.to_string(), "--yes"]);
    assert!(ok, "{err}");
    let store = reopen(dir.path());
    let e = newest(&store, |e| {
        e.case == Some(fx.case_minh) && !e.changes.is_empty()
    });
    assert!(
        has(
            &e.changes,
            "notes",
            "Overleg samen met verwijderd",
            "Apart overleg"
        ),
        "{e:?}"
    );
}

#[test]
fn the_case_card_shows_who_when_what_with_the_fields_under_the_line() {
    let mut s = crate::tui_common::demo(tandem::domain::dates::Lang::Nl);
    // The first case of the list, its first action edited through the form.
    s.press("<Enter>e<End> elke week<Enter>");
    let screen = s.screen(120, 40);
    let lines: Vec<&str> = screen.lines().collect();
    let at = lines
        .iter()
        .position(|l| l.contains("actie bewerkt:"))
        .unwrap_or_else(|| panic!("the edit is on the timeline:\n{screen}"));
    // When: the day of the change (who follows it, beyond this narrow pane's edge).
    assert!(lines[at].contains("23-11-2026"), "when: {}", lines[at]);
    assert!(
        lines[at + 1].contains("tekst: \""),
        "the field under it:\n{screen}"
    );
    assert!(lines[at + 1].contains("→"), "{screen}");
}
