//! Lossless JSON: export → import → export is the same, a family's file holds that family only,
//! and an import never leaves a store half-written or overwrites one by accident.

use crate::common::*;
use serde_json::Value;
use std::collections::BTreeSet;
use std::path::Path;
use tandem::domain::{CaseId, PersonId};
use tandem::store::export::{validate, ExportDoc};
use tandem::store::{ImportRule, Invalid, Store, StoreError};

fn pretty(doc: &ExportDoc) -> String {
    serde_json::to_string_pretty(doc).expect("serialise")
}

fn export_file(dir: &Path, file: &Path, extra: &[&str]) {
    let mut args = vec!["export", "--out", file.to_str().expect("utf-8 path")];
    args.extend_from_slice(extra);
    let (ok, stdout, stderr) = run(dir, &args);
    assert!(ok, "export failed: {stderr}");
    assert_eq!(stdout, "", "export --out writes nothing to stdout");
}

fn store_json(dir: &Path) -> String {
    let (ok, stdout, stderr) = run(dir, &["export"]);
    assert!(ok, "export failed: {stderr}");
    stdout
}

#[test]
fn export_import_export_gives_the_same_document() {
    let (_a, mut store, fx) = store_with_fixture();
    // Events keep who made them, also when someone else imports the file.
    store.who = "sanne.devries".into();
    store
        .set_action_done(at(today(), 9, 0), fx.a_today, true, Some(fx.fatima))
        .unwrap();
    let doc = store.export().unwrap();
    assert_eq!(doc.scope, "store");
    assert!(doc.events.iter().any(|e| e.who == "sanne.devries"));

    let b = tempfile::tempdir().unwrap();
    let mut fresh = Store::open(b.path()).unwrap();
    fresh.who = "beheerder".into();
    fresh.import(&doc, false).unwrap();
    let again = fresh.export().unwrap();
    assert_eq!(pretty(&again), pretty(&doc));
    assert!(fresh.check().unwrap().is_ok());
    // The derived rows are rebuilt, not copied: they equal the source's.
    assert_eq!(fresh.case_rows().unwrap(), store.case_rows().unwrap());
    for done in [false, true] {
        assert_eq!(
            fresh.action_rows(done, None, None).unwrap(),
            store.action_rows(done, None, None).unwrap()
        );
    }
    // New ids continue after the imported ones.
    let id = add_case(
        &mut fresh,
        at(today(), 10, 0),
        fx.wang,
        fx.zoe,
        "Na de import",
    );
    assert!(doc.cases.iter().all(|c| c.id < id));
    assert!(fresh.check().unwrap().is_ok());
}

#[test]
fn the_binary_round_trips_byte_for_byte() {
    let (a, _fx) = fixture_dir();
    let b = tempfile::tempdir().unwrap();
    let files = tempfile::tempdir().unwrap();
    let (fa, fb) = (files.path().join("a.json"), files.path().join("b.json"));
    export_file(a.path(), &fa, &[]);
    let (ok, stdout, stderr) = run(b.path(), &["import", fa.to_str().unwrap()]);
    assert!(ok, "{stderr}");
    assert_eq!(stdout, "");
    assert!(
        stderr.contains("3 gezinnen, 6 casussen, 12 acties"),
        "{stderr}"
    );
    export_file(b.path(), &fb, &[]);
    // The same document, plus the import's own line on the timeline (issue 12).
    let text_b = std::fs::read_to_string(&fb).unwrap();
    assert_eq!(
        crate::common::as_imported(&text_b),
        crate::common::doc_in(&fa)
    );
    let bytes_a = std::fs::read(&fa).unwrap();
    // To stdout it is the same document, and nothing but the document.
    assert_eq!(store_json(a.path()).as_bytes(), &bytes_a[..]);
    let doc: ExportDoc = serde_json::from_slice(&bytes_a).unwrap();
    assert_eq!(doc.families.len(), 3);
    assert!(!files.path().join("a.json.part").exists());
    let (ok, stdout, _) = run(b.path(), &["check"]);
    assert!(ok && stdout.contains("In orde"), "{stdout}");
}

#[test]
fn a_family_export_holds_that_family_only() {
    let (dir, store, fx) = store_with_fixture();
    let doc = store.export_family(fx.nguyen).unwrap();
    assert_eq!(doc.scope, "family");
    assert_eq!(doc.families.len(), 1);
    assert_eq!(doc.families[0].id, fx.nguyen);
    let cases: BTreeSet<CaseId> = doc.cases.iter().map(|c| c.id).collect();
    assert_eq!(cases, BTreeSet::from([fx.case_minh, fx.case_yasmina]));
    let actions: BTreeSet<_> = doc.actions.iter().map(|a| a.id).collect();
    assert_eq!(
        actions,
        BTreeSet::from([fx.a_today, fx.a_dec12, fx.a_dec1, fx.a_done_yasmina])
    );
    assert!(!doc.events.is_empty());
    for e in &doc.events {
        let ours = e.family == Some(fx.nguyen) || e.case.is_some_and(|c| cases.contains(&c));
        assert!(ours, "event of another family: {e:?}");
    }
    let all_ours = store
        .events()
        .unwrap()
        .into_iter()
        .filter(|e| e.family == Some(fx.nguyen))
        .count();
    assert_eq!(doc.events.len(), all_ours);
    // Named: network (Fatima), owners (Fatima, Sanne, Lotte), done by (Sanne), the meeting's
    // attendees (Sanne, Jeroen). Pieter has nothing to do with this family.
    let persons: BTreeSet<PersonId> = doc.persons.iter().map(|p| p.id).collect();
    assert_eq!(
        persons,
        BTreeSet::from([fx.sanne, fx.jeroen, fx.fatima, fx.lotte])
    );
    assert_eq!(doc.meetings.len(), 1);
    let items: Vec<CaseId> = doc.meetings[0].items.iter().map(|i| i.case).collect();
    assert_eq!(items, vec![fx.case_minh]);
    validate(&doc).expect("a family file is a valid import");
    let text = pretty(&doc);
    assert!(
        !text.contains("Çelik") && !text.contains("王小明"),
        "other families leak"
    );

    // The binary gives the same document, and a file of it imports cleanly.
    drop(store);
    wait_unlocked(dir.path());
    let id = fx.nguyen.to_string();
    let (ok, stdout, stderr) = run(dir.path(), &["export", "--family", &id]);
    assert!(ok, "{stderr}");
    let from_binary: Value = serde_json::from_str(&stdout).unwrap();
    assert_eq!(from_binary, serde_json::to_value(&doc).unwrap());
    let b = tempfile::tempdir().unwrap();
    let mut other = Store::open(b.path()).unwrap();
    other.import(&doc, false).unwrap();
    assert!(other.check().unwrap().is_ok());
    assert_eq!(other.cases().unwrap().len(), 2);

    let line = assert_one_line_failure(dir.path(), &["export", "--family", "999"]);
    assert!(
        line.contains("999") && line.contains("bestaat niet"),
        "{line}"
    );
}

#[test]
fn import_refuses_a_store_with_data_unless_replace() {
    let (a, _fx) = fixture_dir();
    let files = tempfile::tempdir().unwrap();
    let file = files.path().join("a.json");
    export_file(a.path(), &file, &[]);

    // Another store, with other data.
    let (b, mut store, fx) = store_with_fixture();
    add_case(
        &mut store,
        at(today(), 9, 0),
        fx.celik,
        fx.elif,
        "Alleen in B",
    );
    drop(store);
    wait_unlocked(b.path());
    let before = store_json(b.path());

    let f = file.to_str().unwrap();
    let line = assert_one_line_failure(b.path(), &["import", f]);
    assert!(line.contains("--replace"), "{line}");
    let en = assert_one_line_failure(b.path(), &["--lang", "en", "import", f]);
    assert!(
        en.contains("--replace") && en.contains("already holds data"),
        "{en}"
    );
    assert_eq!(
        store_json(b.path()),
        before,
        "a refused import changes nothing"
    );

    let (ok, _, stderr) = run(b.path(), &["import", f, "--replace"]);
    assert!(ok, "{stderr}");
    assert_eq!(
        crate::common::as_imported(&store_json(b.path())),
        crate::common::doc_in(&file)
    );
    let (ok, stdout, _) = run(b.path(), &["check"]);
    assert!(ok, "{stdout}");
}

/// Bad files, each into an empty store and with --replace into a full one: one clear line, the
/// store as it was.
#[test]
fn a_bad_file_leaves_the_store_untouched() {
    let (dir, store, fx) = store_with_fixture();
    let good: Value = serde_json::to_value(store.export().unwrap()).unwrap();
    drop(store);
    wait_unlocked(dir.path());
    let before = store_json(dir.path());

    let bad = bad_files(&good, fx.a_today.0);
    let files = tempfile::tempdir().unwrap();
    for (what, text, says) in bad {
        let file = files.path().join("bad.json");
        std::fs::write(&file, &text).unwrap();
        let f = file.to_str().unwrap();
        let line = assert_one_line_failure(dir.path(), &["import", f, "--replace"]);
        assert!(line.contains(says), "{what}: {line}");
        assert_eq!(store_json(dir.path()), before, "{what}: store changed");

        let empty = tempfile::tempdir().unwrap();
        let line = assert_one_line_failure(empty.path(), &["import", f]);
        assert!(line.contains(says), "{what}: {line}");
        let store = Store::open(empty.path()).unwrap();
        assert!(store.is_empty(), "{what}: the empty store got records");
    }
    let missing = files.path().join("bestaat-niet.json");
    let line = assert_one_line_failure(dir.path(), &["import", missing.to_str().unwrap()]);
    assert!(line.contains("bestaat-niet.json"), "{line}");
    assert_eq!(store_json(dir.path()), before);
}

/// Export files an import must refuse, each from the good export `good`: what is wrong, the
/// file's text, and what the refusal must say. `a_today` is an action in it.
fn bad_files(good: &Value, a_today: u64) -> Vec<(&'static str, String, &'static str)> {
    let edit = |f: &dyn Fn(&mut Value)| {
        let mut v = good.clone();
        f(&mut v);
        serde_json::to_string_pretty(&v).unwrap()
    };
    vec![
        (
            "invalid JSON",
            "{\"format\": \"tandem-export\", ".into(),
            "geen geldig",
        ),
        ("not JSON at all", "Çelik;Emre;5\n".into(), "geen geldig"),
        (
            "wrong format",
            edit(&|v| v["format"] = "excel-export".into()),
            "excel-export",
        ),
        (
            "newer version",
            edit(&|v| v["version"] = 99.into()),
            "nieuwere",
        ),
        (
            "action naming a missing case",
            edit(&|v| {
                let actions = v["actions"].as_array_mut().unwrap();
                let a = actions.iter_mut().find(|a| a["id"] == a_today).unwrap();
                a["case"] = 4242.into();
            }),
            "4242",
        ),
        (
            "case naming a missing child",
            edit(&|v| v["cases"][0]["child"] = 777.into()),
            "777",
        ),
        (
            "duplicate action id",
            edit(&|v| {
                let actions = v["actions"].as_array_mut().unwrap();
                let copy = actions[0].clone();
                actions.push(copy);
            }),
            "twice",
        ),
        (
            "an owner who is not in the file",
            edit(&|v| {
                let persons = v["persons"].as_array_mut().unwrap();
                persons.retain(|p| p["name"] != "Pieter Jansen");
            }),
            "person",
        ),
        (
            "a missing field",
            edit(&|v| {
                v["cases"][1].as_object_mut().unwrap().remove("status");
            }),
            "geen geldig",
        ),
    ]
}

#[test]
fn the_api_refuses_before_it_writes() {
    let (_dir, mut store, _fx) = store_with_fixture();
    let doc = store.export().unwrap();
    let before = pretty(&doc);
    assert!(matches!(
        store.import(&doc, false),
        Err(StoreError::NotEmpty)
    ));
    let mut dup = doc.clone();
    dup.persons.push(dup.persons[0].clone());
    let twice = dup.persons[0].id.0;
    assert!(matches!(
        store.import(&dup, true),
        Err(StoreError::Invalid(Invalid::Import(ImportRule::IdTwice { kind: "person", id })))
            if id == twice
    ));
    assert_eq!(pretty(&store.export().unwrap()), before);
    assert!(!store.import_interrupted().unwrap());
    // With replace, the same document gives the same store.
    store.import(&doc, true).unwrap();
    assert_eq!(pretty(&store.export().unwrap()), before);
    assert!(store.check().unwrap().is_ok());
}

#[test]
fn an_interrupted_import_is_reported_until_imported_again() {
    let (dir, _fx) = fixture_dir();
    let files = tempfile::tempdir().unwrap();
    let file = files.path().join("a.json");
    export_file(dir.path(), &file, &[]);
    {
        // What an import cut off half way leaves behind.
        let db = sled::open(dir.path()).unwrap();
        db.open_tree("meta")
            .unwrap()
            .insert("import_running", &[1u8])
            .unwrap();
        db.flush().unwrap();
    }
    wait_unlocked(dir.path());
    let line = assert_one_line_failure(dir.path(), &["actions"]);
    assert!(line.contains("--replace"), "{line}");
    let line = assert_one_line_failure(dir.path(), &["import", file.to_str().unwrap()]);
    assert!(line.contains("--replace"), "{line}");
    let (ok, _, stderr) = run(dir.path(), &["import", file.to_str().unwrap(), "--replace"]);
    assert!(ok, "{stderr}");
    let (ok, stdout, _) = run(dir.path(), &["check"]);
    assert!(ok && stdout.contains("In orde"), "{stdout}");
    assert_eq!(
        crate::common::as_imported(&store_json(dir.path())),
        crate::common::doc_in(&file)
    );
}
