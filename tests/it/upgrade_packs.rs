//! A store written by schema 2 (one sled value per record, row and index entry, in trees such as
//! `actions` and `action_due`) moves them into the packs of schema 3 at open, without
//! losing a thing, also when an earlier move was cut off. The fixture in `fixtures/store-v2/`
//! was made by tandem at commit a87cdf8 with `TANDEM_TODAY=2026-11-23`: `demo`, then `done 3`
//! and `done 52` (so its journal holds entries after its backup), and
//! `fixtures/store-v2.export.json.gz` is that tandem's `export` of it.

use crate::common::*;
use crate::upgrade::{copy_dir, export_of, fixture, fixture_export, with_format_3};
use serde_json::Value;
use std::path::Path;
use tandem::store::Store;

fn v2_store() -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("temp dir");
    copy_dir(&fixture().join("store-v2"), dir.path());
    dir
}

fn v2_export() -> Value {
    with_format_3(fixture_export("store-v2.export.json.gz"))
}

/// The trees sled holds and their entries, read with sled itself while tandem is closed.
fn trees(dir: &Path) -> Vec<(String, usize)> {
    wait_unlocked(dir);
    let db = sled::open(dir).expect("sled open");
    let out = db
        .tree_names()
        .into_iter()
        .map(|n| {
            let len = db.open_tree(&n).expect("tree").len();
            (String::from_utf8_lossy(&n).into_owned(), len)
        })
        .collect();
    drop(db);
    wait_unlocked(dir);
    out
}

fn len_of(trees: &[(String, usize)], name: &str) -> Option<usize> {
    trees.iter().find(|(n, _)| n == name).map(|(_, l)| *l)
}

#[test]
fn the_fixture_is_of_schema_2() {
    // Guards the other tests: they prove nothing on a fixture already packed.
    let dir = v2_store();
    let t = trees(dir.path());
    assert_eq!(len_of(&t, "actions"), Some(59));
    assert_eq!(len_of(&t, "action_due"), Some(59));
    assert_eq!(len_of(&t, "action_packs"), None);
}

#[test]
fn a_schema_2_store_packs_its_actions_at_open_and_loses_nothing() {
    let dir = v2_store();
    {
        let store = Store::open(dir.path()).expect("open");
        let report = store.check().expect("check");
        assert!(report.is_ok(), "{:?}", report.problems);
        assert_eq!(report.actions, 59);
        assert_eq!(export_of(&store), v2_export());
    }
    let t = trees(dir.path());
    for old in [
        "families",
        "persons",
        "cases",
        "actions",
        "case_rows",
        "action_due",
        "case_status",
        "family_case",
        "case_actions",
        "case_events",
    ] {
        assert_eq!(len_of(&t, old), None, "{old} is moved: {t:?}");
    }
    // 183 records, rows and index entries before (18 cases, 16 families, 22 persons); now a
    // handful of packs.
    let packs: usize = t
        .iter()
        .filter(|(n, _)| n.ends_with("_packs"))
        .map(|(_, n)| n)
        .sum();
    assert!(packs < 40, "{t:?}");
    // 59 actions with ids 1..=59 in packs of 32; their rows in a few packs per day.
    assert_eq!(len_of(&t, "action_packs"), Some(2), "{t:?}");
    let days = len_of(&t, "action_days").expect("action_days");
    assert!(days > 0 && days < 59, "{t:?}");
    // A change after the move lands in the packs, and the CLI reads it back.
    let (ok, out, err) = run(dir.path(), &["done", "7"]);
    assert!(ok, "{out}{err}");
    let (ok, out, err) = run(dir.path(), &["actions", "--all", "--format", "json"]);
    assert!(ok, "{err}");
    let list: Value = serde_json::from_str(&out).expect("json");
    let seven = list
        .as_array()
        .expect("list")
        .iter()
        .find(|a| a["id"] == 7)
        .expect("action 7");
    assert!(!seven["done"].is_null(), "{seven}");
    let (ok, out, err) = run(dir.path(), &["check"]);
    assert!(ok, "{out}{err}");
}

#[test]
fn a_move_cut_off_halfway_is_done_again_at_the_next_open() {
    let dir = v2_store();
    // What a move leaves when it stops before the old trees are dropped: packs partly written
    // (here: one pack holding a single, stale value), the old trees whole, the version still 2.
    {
        let db = sled::open(dir.path()).expect("sled open");
        let packs = db.open_tree("action_packs").expect("packs");
        let stale = [0u8, 8, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 1, 9];
        packs
            .insert(0u64.to_be_bytes(), &stale[..])
            .expect("insert");
        db.flush().expect("flush");
    }
    wait_unlocked(dir.path());
    let store = Store::open(dir.path()).expect("open");
    let report = store.check().expect("check");
    assert!(report.is_ok(), "{:?}", report.problems);
    assert_eq!(export_of(&store), v2_export());
}

#[test]
fn a_restore_replays_a_schema_2_journal_into_the_packs() {
    let dir = v2_store();
    // The backup is from before `done 3` and `done 52`; the journal holds both.
    let (ok, out, err) = run(dir.path(), &["restore", "--yes", "--replace"]);
    assert!(ok, "{out}{err}");
    let store = reopen(dir.path());
    let report = store.check().expect("check");
    assert!(report.is_ok(), "{:?}", report.problems);
    assert_eq!(export_of(&store), v2_export());
}
