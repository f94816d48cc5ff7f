//! Import refuses what the store could not hold (issue 8, part 9). Each rule is broken once in an
//! export of the fixture; the real binary imports the file into an empty data dir and, with
//! `--replace`, over the fixture itself. Both refuse with one line that names the place, and
//! neither store changes: the empty one stays empty, the full one exports the same bytes.
//! Good files (the fixture, the demo school, synthetic cases, every family's file, a store with
//! undone changes) still import.

use crate::common::*;
use std::path::Path;
use tandem::domain::{
    Action, ActionId, CaseId, CaseStatus, ChildId, Closing, Consent, ConsentStatus, EventKind,
    Family, FamilyId, Meeting, MeetingId, Outcome, PersonId, Side,
};
use tandem::store::error::Blank;
use tandem::store::export::{validate, ExportDoc};
use tandem::store::{ImportRule, Invalid, Store, StoreError};

/// An id nothing in the fixture has.
const MISSING: u64 = 4242;

fn store_json(dir: &Path) -> String {
    let (ok, stdout, stderr) = run(dir, &["export"]);
    assert!(ok, "export failed: {stderr}");
    stdout
}

fn write(doc: &ExportDoc, file: &Path) {
    std::fs::write(file, serde_json::to_string_pretty(doc).expect("serialise")).expect("write");
}

fn action(doc: &mut ExportDoc, id: ActionId) -> &mut Action {
    doc.actions.iter_mut().find(|a| a.id == id).expect("action")
}

fn case(doc: &mut ExportDoc, id: CaseId) -> &mut tandem::domain::Case {
    doc.cases.iter_mut().find(|c| c.id == id).expect("case")
}

fn family(doc: &mut ExportDoc, id: FamilyId) -> &mut Family {
    doc.families
        .iter_mut()
        .find(|f| f.id == id)
        .expect("family")
}

fn meeting(doc: &mut ExportDoc, id: MeetingId) -> &mut Meeting {
    doc.meetings
        .iter_mut()
        .find(|m| m.id == id)
        .expect("meeting")
}

/// Breaks one rule in the fixture's export and imports it both ways. `edit` returns what the one
/// line on stderr must say (the place: record and id, and what is wrong); both stores must be as
/// they were. Returns the line.
fn refused(edit: impl FnOnce(&mut ExportDoc, &Fixture) -> Vec<String>) -> String {
    let (dir, store, fx) = store_with_fixture();
    let mut doc = store.export().expect("export");
    drop(store);
    wait_unlocked(dir.path());
    let before = store_json(dir.path());
    let says = edit(&mut doc, &fx);
    let api = validate(&doc).expect_err("validate refuses the file");
    assert!(
        matches!(api, StoreError::Invalid(Invalid::Import(_))),
        "{api:?}"
    );

    let files = tempfile::tempdir().expect("temp dir");
    let file = files.path().join("bad.json");
    write(&doc, &file);
    let f = file.to_str().expect("utf-8 path");

    let line = assert_one_line_failure(dir.path(), &["import", f, "--replace"]);
    for part in &says {
        assert!(line.contains(part), "replace: {part:?} not in {line:?}");
    }
    assert_eq!(
        store_json(dir.path()),
        before,
        "a refused import --replace changed the store"
    );
    let (ok, stdout, stderr) = run(dir.path(), &["check"]);
    assert!(ok, "check after a refused import: {stdout}{stderr}");

    let empty = tempfile::tempdir().expect("temp dir");
    let again = assert_one_line_failure(empty.path(), &["import", f]);
    assert_eq!(again, line, "the same file is refused the same way");
    let store = Store::open(empty.path()).expect("open");
    assert!(store.is_empty(), "the empty store got records");
    assert!(!store.import_interrupted().expect("read"), "half an import");
    line
}

// ---- Good data is not refused ----------------------------------------------------------------

/// Exports `from`, imports the file into a new dir, and checks the new dir exports the same bytes.
fn round_trip(from: &Path) {
    let files = tempfile::tempdir().unwrap();
    let file = files.path().join("export.json");
    let (ok, _, stderr) = run(from, &["export", "--out", file.to_str().unwrap()]);
    assert!(ok, "export: {stderr}");
    let to = tempfile::tempdir().unwrap();
    let (ok, _, stderr) = run(to.path(), &["import", file.to_str().unwrap()]);
    assert!(ok, "a good file is refused: {stderr}");
    assert_eq!(
        crate::common::as_imported(&store_json(to.path())),
        crate::common::doc_in(&file)
    );
    let (ok, stdout, _) = run(to.path(), &["check"]);
    assert!(ok, "{stdout}");
}

/// Every family's own file passes too (it leaves out meetings, persons and events).
fn every_family_file_validates(dir: &Path) {
    let store = reopen(dir);
    let families = store.families().unwrap();
    assert!(!families.is_empty());
    for f in &families {
        let doc = store.export_family(f.id).unwrap();
        if let Err(e) = validate(&doc) {
            panic!("family {}'s file is refused: {e}", f.id);
        }
    }
    // One of them, imported for real.
    let doc = store.export_family(families[0].id).unwrap();
    drop(store);
    let to = tempfile::tempdir().unwrap();
    let mut other = Store::open(to.path()).unwrap();
    other.import(&doc, false).unwrap();
    assert!(other.check().unwrap().is_ok());
}

#[test]
fn the_fixture_imports_into_an_empty_dir_and_over_itself() {
    let (dir, _fx) = fixture_dir();
    round_trip(dir.path());
    let files = tempfile::tempdir().unwrap();
    let file = files.path().join("a.json");
    let before = store_json(dir.path());
    std::fs::write(&file, &before).unwrap();
    let (ok, _, stderr) = run(dir.path(), &["import", file.to_str().unwrap(), "--replace"]);
    assert!(ok, "{stderr}");
    assert_eq!(
        crate::common::as_imported(&store_json(dir.path())),
        crate::common::doc_in(&file)
    );
    every_family_file_validates(dir.path());
}

#[test]
fn the_demo_school_imports() {
    let dir = tempfile::tempdir().unwrap();
    let (ok, _, stderr) = run(dir.path(), &["demo"]);
    assert!(ok, "demo: {stderr}");
    round_trip(dir.path());
    every_family_file_validates(dir.path());
}

#[test]
fn synthetic_cases_import() {
    let dir = tempfile::tempdir().unwrap();
    let (ok, _, stderr) = run(dir.path(), &["demo", "--cases", "300", "--seed", "7"]);
    assert!(ok, "demo: {stderr}");
    round_trip(dir.path());
    every_family_file_validates(dir.path());
}

/// Undo takes back a new action or person, but the timeline keeps the line that named it: a
/// store can hold that, so an import must take it.
#[test]
fn history_that_names_undone_records_imports() {
    let (dir, mut store, fx) = store_with_fixture();
    let t = at(today(), 10, 0);
    let id = store.begin().action_id();
    let undo = store
        .save_action(
            t,
            new_action(id, fx.case_zoe, "Per ongeluk", (None, Side::Zorg), None, t),
        )
        .unwrap();
    store.undo(undo, t).unwrap();
    let person = store.begin().person_id();
    let undo = store
        .save_person(t, person_record(person, "Per Ongeluk"))
        .unwrap();
    store.undo(undo, t).unwrap();
    let doc = store.export().unwrap();
    assert!(doc.actions.iter().all(|a| a.id != id));
    assert!(doc
        .events
        .iter()
        .any(|e| e.kind == EventKind::ActionAdded { action: id }));
    assert!(doc
        .events
        .iter()
        .any(|e| e.kind == EventKind::PersonCreated { person }));
    validate(&doc).expect("history naming undone records is valid");
    drop(store);
    wait_unlocked(dir.path());
    round_trip(dir.path());
}

fn person_record(id: PersonId, name: &str) -> tandem::domain::Person {
    person(id, name, "stagiair", "Welzijn Emmen", Side::Zorg)
}

// ---- References resolve ------------------------------------------------------------------------

/// The parts of a message, as owned strings.
macro_rules! says {
    ($($part:expr),* $(,)?) => { vec![$($part.to_string()),*] };
}

#[test]
fn a_network_naming_a_missing_person() {
    refused(|d, fx| {
        family(d, fx.celik).network[1].person = PersonId(MISSING);
        says![format!("family {}", fx.celik), "person 4242", "Ongeldig"]
    });
}

#[test]
fn a_case_naming_a_missing_family() {
    refused(|d, fx| {
        case(d, fx.case_elif).family = FamilyId(MISSING);
        says![format!("case {}", fx.case_elif), "family 4242"]
    });
}

#[test]
fn a_case_naming_a_missing_child() {
    refused(|d, fx| {
        case(d, fx.case_minh).child = ChildId(MISSING);
        says![format!("case {}", fx.case_minh), "child 4242"]
    });
}

#[test]
fn a_case_naming_a_child_of_another_family() {
    refused(|d, fx| {
        case(d, fx.case_minh).child = fx.emre;
        says![
            format!("case {}", fx.case_minh),
            format!("child {}", fx.emre)
        ]
    });
}

#[test]
fn a_lead_who_is_missing() {
    refused(|d, fx| {
        case(d, fx.case_zoe).lead.person = Some(PersonId(MISSING));
        says![format!("case {}", fx.case_zoe), "person 4242"]
    });
}

#[test]
fn a_consent_for_a_missing_person() {
    refused(|d, fx| {
        case(d, fx.case_emre).consents[1].person = PersonId(MISSING);
        says![format!("case {}", fx.case_emre), "person 4242"]
    });
}

#[test]
fn an_action_of_a_missing_case() {
    refused(|d, fx| {
        action(d, fx.a_jan15).case = CaseId(MISSING);
        says![format!("action {}", fx.a_jan15), "case 4242"]
    });
}

#[test]
fn an_action_owned_by_a_missing_person() {
    refused(|d, fx| {
        action(d, fx.a_jan15).owner = Some(PersonId(MISSING));
        says![format!("action {}", fx.a_jan15), "owner 4242"]
    });
}

#[test]
fn an_action_done_by_a_missing_person() {
    refused(|d, fx| {
        let a = action(d, fx.a_done_yasmina);
        a.done.as_mut().expect("done").by = Some(PersonId(MISSING));
        says![
            format!("action {}", fx.a_done_yasmina),
            "done by person 4242"
        ]
    });
}

#[test]
fn an_action_agreed_in_a_missing_meeting() {
    refused(|d, fx| {
        action(d, fx.a_today).meeting = Some(MeetingId(MISSING));
        says![format!("action {}", fx.a_today), "meeting 4242"]
    });
}

#[test]
fn a_meeting_item_about_a_missing_case() {
    refused(|d, fx| {
        meeting(d, fx.meeting).items[1].case = CaseId(MISSING);
        says![format!("meeting {}", fx.meeting), "case 4242"]
    });
}

#[test]
fn a_missing_attendee() {
    refused(|d, fx| {
        meeting(d, fx.meeting).attendees.push(PersonId(MISSING));
        says![format!("meeting {}", fx.meeting), "person 4242"]
    });
}

#[test]
fn a_meeting_item_listing_a_missing_new_action() {
    refused(|d, fx| {
        let item = &mut meeting(d, fx.meeting).items[0];
        item.actions_added.push(ActionId(MISSING));
        says![
            format!("meeting {}, item of case {}", fx.meeting, fx.case_emre),
            "action 4242 as added"
        ]
    });
}

#[test]
fn a_meeting_item_listing_a_missing_done_action() {
    refused(|d, fx| {
        let item = &mut meeting(d, fx.meeting).items[1];
        item.actions_done.push(ActionId(MISSING));
        says![
            format!("meeting {}, item of case {}", fx.meeting, fx.case_minh),
            "action 4242 as done"
        ]
    });
}

#[test]
fn an_event_of_a_missing_case() {
    refused(|d, _| {
        let e = d.events.iter_mut().find(|e| e.case.is_some()).unwrap();
        e.case = Some(CaseId(MISSING));
        says![format!("event {}", e.id), "case 4242"]
    });
}

#[test]
fn an_event_of_a_missing_family() {
    refused(|d, _| {
        let e = d.events.iter_mut().find(|e| e.family.is_some()).unwrap();
        e.family = Some(FamilyId(MISSING));
        says![format!("event {}", e.id), "family 4242"]
    });
}

#[test]
fn an_event_about_a_missing_meeting() {
    refused(|d, _| {
        let e = d
            .events
            .iter_mut()
            .find(|e| matches!(e.kind, EventKind::Discussed { .. }))
            .unwrap();
        e.kind = EventKind::Discussed {
            meeting: MeetingId(MISSING),
        };
        says![format!("event {}", e.id), "meeting 4242"]
    });
}

// ---- Ids are unique ----------------------------------------------------------------------------

#[test]
fn a_person_id_twice() {
    refused(|d, _| {
        let mut p = d.persons[0].clone();
        p.name = "Dubbel".into();
        let id = p.id;
        d.persons.push(p);
        says![format!("person id {id}"), "twice"]
    });
}

#[test]
fn a_family_id_twice() {
    refused(|d, fx| {
        let mut f = family(d, fx.wang).clone();
        f.id = fx.celik;
        f.children.clear();
        d.families.push(f);
        says![format!("family id {}", fx.celik), "twice"]
    });
}

#[test]
fn a_child_id_twice() {
    refused(|d, fx| {
        family(d, fx.wang).children[0].id = fx.minh;
        says![format!("child id {}", fx.minh), "twice"]
    });
}

#[test]
fn a_case_id_twice() {
    refused(|d, fx| {
        let c = case(d, fx.case_zoe).clone();
        d.cases.push(c);
        says![format!("case id {}", fx.case_zoe), "twice"]
    });
}

#[test]
fn an_action_id_twice() {
    refused(|d, fx| {
        action(d, fx.a_jan15).id = fx.a_today;
        says![format!("action id {}", fx.a_today), "twice"]
    });
}

#[test]
fn a_meeting_id_twice() {
    refused(|d, fx| {
        let mut m = meeting(d, fx.meeting).clone();
        m.items.clear();
        m.current = 0;
        d.meetings.push(m);
        says![format!("meeting id {}", fx.meeting), "twice"]
    });
}

#[test]
fn an_event_id_twice() {
    refused(|d, _| {
        let e = d.events[3].clone();
        let id = e.id;
        d.events.push(e);
        says![format!("event id {id}"), "twice"]
    });
}

#[test]
fn an_id_of_zero() {
    refused(|d, fx| {
        action(d, fx.a_jan15).id = ActionId(0);
        says!["action id 0", "zero"]
    });
}

#[test]
fn two_consents_for_one_person() {
    refused(|d, fx| {
        case(d, fx.case_emre).consents.push(Consent {
            person: fx.jeroen,
            status: ConsentStatus::Geweigerd,
            date: None,
            note: String::new(),
            given_by: String::new(),
        });
        says![
            format!("case {}", fx.case_emre),
            format!("two consents for person {}", fx.jeroen)
        ]
    });
}

#[test]
fn a_case_twice_on_one_agenda() {
    refused(|d, fx| {
        let m = meeting(d, fx.meeting);
        let mut again = m.items[1].clone();
        again.agreements.clear();
        m.items.push(again);
        says![
            format!("meeting {}", fx.meeting),
            format!("case {} is on its agenda twice", fx.case_minh)
        ]
    });
}

// ---- Meetings ----------------------------------------------------------------------------------

#[test]
fn a_current_item_beyond_the_agenda() {
    refused(|d, fx| {
        meeting(d, fx.meeting).current = 6;
        says![
            format!("meeting {}", fx.meeting),
            "current item 7 is beyond its 2 agenda items"
        ]
    });
}

#[test]
fn a_current_item_just_past_the_end() {
    refused(|d, fx| {
        meeting(d, fx.meeting).current = 2;
        says![format!("meeting {}: current item 3 is beyond", fx.meeting)]
    });
}

#[test]
fn a_meeting_that_ended_without_starting() {
    refused(|d, fx| {
        meeting(d, fx.meeting).started = None;
        says![format!("meeting {}: ended but never started", fx.meeting)]
    });
}

#[test]
fn two_running_meetings() {
    refused(|d, fx| {
        let m = meeting(d, fx.meeting);
        m.ended = None;
        let mut second = m.clone();
        second.id = MeetingId(MISSING);
        second.date = today();
        d.meetings.push(second);
        says![
            format!("meetings {} and 4242 are both running", fx.meeting),
            "only one"
        ]
    });
}

#[test]
fn one_running_meeting_and_an_empty_agenda_are_fine() {
    let (_, store, fx) = store_with_fixture();
    let mut doc = store.export().unwrap();
    meeting(&mut doc, fx.meeting).ended = None;
    validate(&doc).expect("one running meeting is what an interrupted meeting leaves");
    let mut empty = meeting(&mut doc, fx.meeting).clone();
    empty.id = MeetingId(MISSING);
    empty.items.clear();
    empty.current = 0;
    empty.ended = empty.started;
    doc.meetings.push(empty);
    validate(&doc).expect("an empty agenda has current item 0");
}

// ---- Text --------------------------------------------------------------------------------------

#[test]
fn nul_in_an_action_text() {
    refused(|d, fx| {
        action(d, fx.a_today).text = "Huisbezoek\0".into();
        says![format!("action {}, field text", fx.a_today), "NUL"]
    });
}

#[test]
fn nul_deep_in_a_meeting() {
    refused(|d, fx| {
        meeting(d, fx.meeting).items[1].agreements[0].text = "a\0b".into();
        says![
            format!("meeting {}, field items[1].agreements[0].text", fx.meeting),
            "NUL"
        ]
    });
}

#[test]
fn nul_in_a_child_name() {
    refused(|d, fx| {
        family(d, fx.wang).children[1].last_name = "de\0Boer".into();
        says![
            format!("family {}, field children[1].last_name", fx.wang),
            "NUL"
        ]
    });
}

#[test]
fn nul_in_an_event() {
    refused(|d, _| {
        let e = d
            .events
            .iter_mut()
            .find(|e| matches!(e.kind, EventKind::AgreementRecorded { .. }))
            .unwrap();
        e.kind = EventKind::AgreementRecorded {
            meeting: MeetingId(1),
            text: "\0".into(),
        };
        says![
            format!("event {}, field kind.agreement_recorded.text", e.id),
            "NUL"
        ]
    });
}

#[test]
fn nul_in_who_made_a_change() {
    refused(|d, _| {
        let e = d.events.last_mut().unwrap();
        e.who = "sanne\0".into();
        says![format!("event {}, field who", e.id), "NUL"]
    });
}

#[test]
fn nul_in_the_documents_own_field() {
    refused(|d, _| {
        d.scope = "store\0".into();
        says!["field scope", "NUL"]
    });
}

#[test]
fn a_literal_backslash_u0000_is_just_text() {
    let (_, store, fx) = store_with_fixture();
    let mut doc = store.export().unwrap();
    case(&mut doc, fx.case_zoe).notes = "C:\\u0000 en \\\\u0000 en \\\\\\u0000".into();
    validate(&doc).expect("a backslash and four zeros are text, not NUL");
}

#[test]
fn an_empty_question() {
    refused(|d, fx| {
        case(d, fx.case_zoe).question = String::new();
        says![format!("case {}: question is empty", fx.case_zoe)]
    });
}

#[test]
fn a_question_of_only_white_space() {
    refused(|d, fx| {
        case(d, fx.case_minh).question = " \n\t ".into();
        says![format!("case {}: question is empty", fx.case_minh)]
    });
}

#[test]
fn a_person_without_a_name() {
    refused(|d, fx| {
        let p = d.persons.iter_mut().find(|p| p.id == fx.lotte).unwrap();
        p.name = "  ".into();
        says![format!("person {}: name is empty", fx.lotte)]
    });
}

#[test]
fn a_family_without_a_name() {
    refused(|d, fx| {
        family(d, fx.nguyen).name = String::new();
        says![format!("family {}: name is empty", fx.nguyen)]
    });
}

#[test]
fn a_carer_without_a_name() {
    refused(|d, fx| {
        family(d, fx.celik).carers[1].name = String::new();
        says![format!("family {}, carer 2: name is empty", fx.celik)]
    });
}

#[test]
fn a_child_without_a_first_name() {
    refused(|d, fx| {
        family(d, fx.wang).children[0].first_name = String::new();
        says![format!(
            "family {}, child {}: first name is empty",
            fx.wang, fx.xiaoming
        )]
    });
}

#[test]
fn an_action_without_text() {
    refused(|d, fx| {
        action(d, fx.a_dec1).text = String::new();
        says![format!("action {}: text is empty", fx.a_dec1)]
    });
}

#[test]
fn an_agreement_without_text() {
    refused(|d, fx| {
        meeting(d, fx.meeting).items[0].agreements[0].text = " ".into();
        says![format!(
            "meeting {}, item of case {}, agreement 1: text is empty",
            fx.meeting, fx.case_emre
        )]
    });
}

// ---- A case's closings -------------------------------------------------------------------------

#[test]
fn a_closed_case_without_its_closing() {
    refused(|d, fx| {
        case(d, fx.case_xiaoming).closings.clear();
        says![format!(
            "case {}: status afgesloten, but it has no closing",
            fx.case_xiaoming
        )]
    });
}

#[test]
fn a_closed_case_whose_closing_was_reopened() {
    refused(|d, fx| {
        case(d, fx.case_xiaoming).closings[0].reopened = Some(today());
        says![
            format!("case {}", fx.case_xiaoming),
            "was reopened on 2026-11-23"
        ]
    });
}

#[test]
fn an_open_case_whose_closing_was_never_reopened() {
    refused(|d, fx| {
        let c = case(d, fx.case_yasmina);
        assert_eq!(c.status, CaseStatus::Lopend);
        c.closings[0].reopened = None;
        says![format!(
            "case {}: status lopend, but its last closing (2026-10-12) was never reopened",
            fx.case_yasmina
        )]
    });
}

#[test]
fn an_earlier_closing_never_reopened() {
    refused(|d, fx| {
        let earlier = Closing {
            closed: day(2026, 9, 30),
            outcome: Outcome::Anders,
            reopened: None,
        };
        case(d, fx.case_xiaoming).closings.insert(0, earlier);
        says![format!(
            "case {}: closing 1 (2026-09-30) was never reopened",
            fx.case_xiaoming
        )]
    });
}

// ---- The message -------------------------------------------------------------------------------

#[test]
fn the_refusal_names_the_rule_as_data() {
    let (_, store, fx) = store_with_fixture();
    let mut doc = store.export().unwrap();
    case(&mut doc, fx.case_zoe).question = String::new();
    match validate(&doc) {
        Err(StoreError::Invalid(Invalid::Import(ImportRule::Blank(Blank::Question(id))))) => {
            assert_eq!(id, fx.case_zoe)
        }
        other => panic!("expected an empty question, got {other:?}"),
    }
}

#[test]
fn the_message_reads_in_english_too() {
    let (dir, store, fx) = store_with_fixture();
    let mut doc = store.export().unwrap();
    drop(store);
    wait_unlocked(dir.path());
    case(&mut doc, fx.case_zoe).question = String::new();
    let files = tempfile::tempdir().unwrap();
    let file = files.path().join("bad.json");
    write(&doc, &file);
    let f = file.to_str().unwrap();
    let line = assert_one_line_failure(dir.path(), &["--lang", "en", "import", f, "--replace"]);
    let want = format!("Invalid: case {}: question is empty.", fx.case_zoe);
    assert!(line.trim_end().ends_with(&want), "{line}");
}
