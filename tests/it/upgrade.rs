//! A store written by tandem before schema 2 (one value per action and per event, with the
//! `action_case` and `event_case` index trees) upgrades itself at open without losing a thing,
//! also when an earlier upgrade was cut off, and a restore replays its old journal onto the new
//! layout. The fixture in `fixtures/store-v1/` was made by tandem at commit b244811: the demo, then
//! `done 3`, `done 52`, `done --undo 52` (so its journal holds entries of the old layout), and
//! `fixtures/store-v1.export.json.gz` is that tandem's `export` of it.

use crate::common::*;
use serde_json::Value;
use std::io::Read;
use std::path::{Path, PathBuf};
use tandem::store::{codec, keys, Store};

pub(crate) fn fixture() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/it/fixtures")
}

/// A copy of the old store in a fresh temporary data dir.
fn old_store() -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("temp dir");
    copy_dir(&fixture().join("store-v1"), dir.path());
    dir
}

pub(crate) fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).expect("mkdir");
    for entry in std::fs::read_dir(from).expect("read fixture") {
        let path = entry.expect("entry").path();
        let target = to.join(path.file_name().expect("name"));
        if path.is_dir() {
            copy_dir(&path, &target);
        } else {
            std::fs::copy(&path, &target).expect("copy");
        }
    }
}

/// The old tandem's export of the fixture.
fn old_export() -> Value {
    with_format_2(fixture_export("store-v1.export.json.gz"))
}

/// The schema and the values of tree `tree` (`None`: no such tree), read with sled itself while
/// tandem is closed: what an upgrade wrote, seen without tandem's own reading.
pub(crate) fn schema_and_tree(dir: &Path, tree: &str) -> (u32, Option<Vec<Vec<u8>>>) {
    wait_unlocked(dir);
    let db = sled::open(dir).expect("sled open");
    let schema = schema_of(&db);
    let values = db
        .tree_names()
        .iter()
        .any(|n| n.as_ref() == tree.as_bytes())
        .then(|| {
            let t = db.open_tree(tree).expect("tree");
            t.iter().map(|kv| kv.expect("entry").1.to_vec()).collect()
        });
    drop(db);
    wait_unlocked(dir);
    (schema, values)
}

/// A fixture's gzipped export, its events in id order.
pub(crate) fn fixture_export(name: &str) -> Value {
    let file = std::fs::File::open(fixture().join(name)).expect("open");
    let mut text = String::new();
    flate2::read::GzDecoder::new(file)
        .read_to_string(&mut text)
        .expect("gunzip");
    by_event_id(serde_json::from_str(&text).expect("json"))
}

/// The old export as today's tandem exports the same records: format 2's new fields with the
/// values a format-1 record reads as (see `store::codec::v1`).
fn with_format_2(mut doc: Value) -> Value {
    let each = |doc: &mut Value, key: &str, f: &dyn Fn(&mut serde_json::Map<String, Value>)| {
        for v in doc[key].as_array_mut().into_iter().flatten() {
            if let Some(o) = v.as_object_mut() {
                f(o);
            }
        }
    };
    each(&mut doc, "families", &|f| {
        for c in f["carers"].as_array_mut().into_iter().flatten() {
            c["lives_with_child"] = Value::Bool(true);
            c["authority"] = Value::Bool(true);
        }
    });
    each(&mut doc, "cases", &|c| {
        c.insert("signal_by".into(), Value::from(""));
        for k in c["consents"].as_array_mut().into_iter().flatten() {
            k["given_by"] = Value::from("");
        }
    });
    each(&mut doc, "actions", &|a| {
        if let Some(done) = a.get_mut("done").and_then(Value::as_object_mut) {
            done.insert("cancelled".into(), Value::Null);
        }
    });
    with_format_3(doc)
}

/// An export made before record format 3 as today's tandem exports the same records: an event
/// keeps the fields an edit changed, and an old one has none.
pub(crate) fn with_format_3(mut doc: Value) -> Value {
    for e in doc["events"].as_array_mut().into_iter().flatten() {
        if let Some(o) = e.as_object_mut() {
            o.insert("changes".into(), Value::Array(Vec::new()));
        }
    }
    doc
}

/// The store's export, its timeline by event id: schema 2 keeps a case's events together,
/// schema 1 listed all of them by id, and the order of a list carries no meaning.
pub(crate) fn export_of(store: &Store) -> Value {
    by_event_id(serde_json::to_value(store.export().expect("export")).expect("json"))
}

pub(crate) fn by_event_id(mut doc: Value) -> Value {
    if let Some(events) = doc["events"].as_array_mut() {
        events.sort_by_key(|e| e["id"].as_u64());
    }
    doc
}

/// Entries per tree, read with sled itself after tandem closed the store.
fn entries(dir: &Path, tree: &str) -> usize {
    wait_unlocked(dir);
    let db = sled::open(dir).expect("sled open");
    let n = db.open_tree(tree).expect("tree").len();
    drop(db);
    wait_unlocked(dir);
    n
}

fn schema(dir: &Path) -> u32 {
    let db = sled::open(dir).expect("sled open");
    let schema = schema_of(&db);
    drop(db);
    wait_unlocked(dir);
    schema
}

/// The schema version an open sled holds in its `meta` tree.
fn schema_of(db: &sled::Db) -> u32 {
    let v = db
        .open_tree("meta")
        .expect("meta")
        .get("schema_version")
        .expect("get")
        .expect("schema_version");
    u32::from_be_bytes(v.as_ref().try_into().expect("4 bytes"))
}

fn backups(dir: &Path) -> usize {
    std::fs::read_dir(dir.join("backups")).map_or(0, |d| d.count())
}

#[test]
fn the_old_layout_is_what_the_fixture_holds() {
    // Guards the other tests: they prove nothing on a fixture that isn't of the old layout.
    let dir = old_store();
    assert_eq!(schema(dir.path()), 1);
    assert_eq!(entries(dir.path(), "action_case"), 59);
    let of_cases = old_export()["events"]
        .as_array()
        .expect("events")
        .iter()
        .filter(|e| !e["case"].is_null())
        .count();
    assert!(of_cases > 100);
    assert_eq!(entries(dir.path(), "event_case"), of_cases);
    assert_eq!(entries(dir.path(), "case_events"), 0);
}

#[test]
fn an_old_store_upgrades_at_open_and_loses_nothing() {
    let dir = old_store();
    let before = backups(dir.path());
    {
        let store = Store::open(dir.path()).expect("open old store");
        let report = store.check().expect("check");
        assert!(report.is_ok(), "{:?}", report.problems);
        assert_eq!(export_of(&store), old_export());
    }
    assert_eq!(schema(dir.path()), tandem::store::SCHEMA_VERSION);
    assert_eq!(entries(dir.path(), "action_case"), 0);
    assert_eq!(entries(dir.path(), "event_case"), 0);
    // The case values schema 2 made are packed by schema 3 (`upgrade_packs.rs`); `check` above
    // compared every case's action ids with the actions.
    assert_eq!(entries(dir.path(), "case_actions"), 0);
    assert_eq!(
        entries(dir.path(), "case_action_packs"),
        1,
        "cases 1-18: one pack"
    );
    // Only events without a case keep a value of their own.
    let alone = old_export()["events"]
        .as_array()
        .expect("events")
        .iter()
        .filter(|e| e["case"].is_null())
        .count();
    assert_eq!(entries(dir.path(), "events"), alone);
    // The next open finds nothing to upgrade, and the CLI works on it.
    let (ok, out, err) = run(dir.path(), &["check"]);
    assert!(ok, "{out}{err}");
    // The first change makes a backup in the new layout and starts the journal over on it.
    assert_eq!(backups(dir.path()), before);
    let (ok, out, err) = run(dir.path(), &["done", "52"]);
    assert!(ok, "{out}{err}");
    assert_eq!(backups(dir.path()), before + 1);
    let store = reopen(dir.path());
    assert!(store.check().expect("check").is_ok());
}

#[test]
fn an_upgrade_cut_off_halfway_finishes_at_the_next_open() {
    let dir = old_store();
    // What an upgrade leaves when it stops between two of its transactions: the first cases
    // folded into their one value, the rest still in the old trees, the version still 1.
    {
        let db = sled::open(dir.path()).expect("sled open");
        let (events, event_case) = (
            db.open_tree("events").expect("events"),
            db.open_tree("event_case").expect("event_case"),
        );
        let case_events = db.open_tree("case_events").expect("case_events");
        for case in 1..=5u64 {
            let mut group = Vec::new();
            for k in event_case.scan_prefix(keys::id(case)).keys() {
                let k = k.expect("key");
                let id = keys::pair_second(&k).expect("pair");
                let v = events.get(keys::id(id)).expect("get").expect("event");
                let e: tandem::domain::Event = codec::decode(&v, "event", None).expect("decode");
                group.push(e);
                events.remove(keys::id(id)).expect("remove");
                event_case.remove(&k).expect("remove");
            }
            let value = codec::encode(&group, None).expect("encode");
            case_events.insert(keys::id(case), value).expect("insert");
        }
        db.flush().expect("flush");
    }
    wait_unlocked(dir.path());
    let store = Store::open(dir.path()).expect("open");
    let report = store.check().expect("check");
    assert!(report.is_ok(), "{:?}", report.problems);
    assert_eq!(export_of(&store), old_export());
}

#[test]
fn a_restore_replays_an_old_journal_onto_the_new_layout() {
    let dir = old_store();
    // The fixture's backup is from before its three `done` commands; its journal holds them.
    let (ok, out, err) = run(dir.path(), &["restore", "--yes", "--replace"]);
    assert!(ok, "{out}{err}");
    let store = reopen(dir.path());
    let report = store.check().expect("check");
    assert!(report.is_ok(), "{:?}", report.problems);
    assert_eq!(export_of(&store), old_export());
}

/// The sled files of `dir` (`db`, `conf`, `snap.*`, `blobs/`), by name.
fn sled_names(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .expect("read dir")
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .filter(|n| n == "db" || n == "conf" || n == "blobs" || n.starts_with("snap."))
        .collect();
    names.sort();
    names
}

/// An upgraded store, closed, and a fresh copy of its sled files in `compact.new/`: what a
/// compaction has made when its swap begins.
fn store_with_a_copy_ready() -> (tempfile::TempDir, Value) {
    let dir = old_store();
    let before = {
        let store = Store::open(dir.path()).expect("open");
        export_of(&store)
    };
    wait_unlocked(dir.path());
    let new = dir.path().join("compact.new");
    std::fs::create_dir(&new).expect("mkdir");
    for name in sled_names(dir.path()) {
        let from = dir.path().join(&name);
        if from.is_dir() {
            copy_dir(&from, &new.join(&name));
        } else {
            std::fs::copy(&from, new.join(&name)).expect("copy");
        }
    }
    (dir, before)
}

fn assert_whole_and_tidy(dir: &Path, before: &Value) {
    let store = Store::open(dir).expect("open after the cut");
    let report = store.check().expect("check");
    assert!(report.is_ok(), "{:?}", report.problems);
    assert_eq!(&export_of(&store), before);
    drop(store);
    for leftover in ["compact.new", "compact.old", "compact.swap"] {
        assert!(!dir.join(leftover).exists(), "{leftover} left behind");
    }
}

#[test]
fn an_upgrade_writes_the_store_afresh_and_leaves_nothing_behind() {
    use std::os::unix::fs::MetadataExt;
    let dir = old_store();
    let inode = |dir: &Path| std::fs::metadata(dir.join("db")).expect("db").ino();
    let db_before = inode(dir.path());
    drop(Store::open(dir.path()).expect("open"));
    wait_unlocked(dir.path());
    for leftover in ["compact.new", "compact.old", "compact.swap"] {
        assert!(
            !dir.path().join(leftover).exists(),
            "{leftover} left behind"
        );
    }
    // Written afresh: another file, holding the live values only.
    assert_ne!(inode(dir.path()), db_before);
    // The files were sealed as the new ones: the next open takes no quarantine copy.
    drop(Store::open(dir.path()).expect("reopen"));
    let quarantined = std::fs::read_dir(dir.path().join("quarantine")).map_or(0, |d| d.count());
    assert_eq!(quarantined, 0);
}

#[test]
fn a_swap_cut_off_before_it_moved_anything_finishes_at_the_next_open() {
    let (dir, before) = store_with_a_copy_ready();
    std::fs::write(dir.path().join("compact.swap"), "out").expect("mark");
    assert_whole_and_tidy(dir.path(), &before);
}

#[test]
fn a_swap_cut_off_halfway_in_either_phase_finishes_at_the_next_open() {
    // Phase out: `db` already moved aside, the rest not yet.
    let (dir, before) = store_with_a_copy_ready();
    std::fs::write(dir.path().join("compact.swap"), "out").expect("mark");
    std::fs::create_dir(dir.path().join("compact.old")).expect("mkdir");
    std::fs::rename(dir.path().join("db"), dir.path().join("compact.old/db")).expect("move");
    assert_whole_and_tidy(dir.path(), &before);

    // Phase in: every old file aside, `conf` of the new ones already in place, `db` not yet.
    let (dir, before) = store_with_a_copy_ready();
    std::fs::create_dir(dir.path().join("compact.old")).expect("mkdir");
    for name in sled_names(dir.path()) {
        let target = dir.path().join("compact.old").join(&name);
        std::fs::rename(dir.path().join(&name), target).expect("move out");
    }
    std::fs::rename(dir.path().join("compact.new/conf"), dir.path().join("conf")).expect("in");
    std::fs::write(dir.path().join("compact.swap"), "in").expect("mark");
    assert_whole_and_tidy(dir.path(), &before);
}

#[test]
fn a_copy_left_without_a_swap_is_cleared_and_the_store_kept() {
    let (dir, before) = store_with_a_copy_ready();
    // Make the copy differ, so that taking it by mistake would show.
    std::fs::remove_file(dir.path().join("compact.new/db")).expect("rm");
    assert_whole_and_tidy(dir.path(), &before);
}

#[test]
fn an_export_made_before_format_2_imports_with_the_new_fields_defaulted() {
    let file = std::fs::File::open(fixture().join("store-v1.export.json.gz")).expect("open");
    let mut text = String::new();
    flate2::read::GzDecoder::new(file)
        .read_to_string(&mut text)
        .expect("gunzip");
    assert!(!text.contains("lives_with_child") && !text.contains("given_by"));
    let doc: tandem::store::export::ExportDoc = serde_json::from_str(&text).expect("reads");
    let dir = tempfile::tempdir().expect("temp dir");
    let mut store = Store::open(dir.path()).expect("open");
    store.import(&doc, false).expect("imports");
    assert_eq!(export_of(&store), old_export());
}
