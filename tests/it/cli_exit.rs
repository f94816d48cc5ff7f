//! A command of the command line ends without taking sled's memory apart
//! (`Store::close_at_exit`, issue 10 item 4): what it changed is on disk once the process has
//! ended, `check` finds the store whole, and the seal its close wrote matches the files, so the
//! next open goes straight to sled instead of copying them into quarantine first.

use crate::common::*;
use serde_json::Value;
use std::path::Path;
use tandem::store::files::seal_matches;

/// Runs a command that must succeed, then checks the files are sealed as they are.
fn ok_and_sealed(dir: &Path, args: &[&str]) -> String {
    let (ok, stdout, stderr) = run(dir, args);
    assert!(ok, "{args:?}: {stderr}");
    assert_no_panic(&stderr);
    assert!(
        seal_matches(dir),
        "{args:?}: the files changed after the close sealed them"
    );
    stdout
}

/// The `done` field of one action, as `tandem actions --all --format json` gives it.
fn done_of(dir: &Path, id: u64) -> Value {
    let out = ok_and_sealed(dir, &["actions", "--all", "--format", "json"]);
    let list: Vec<Value> = serde_json::from_str(&out).expect("json");
    list.into_iter()
        .find(|a| a["id"] == id)
        .map(|a| a["done"].clone())
        .unwrap_or_else(|| panic!("action {id} not listed"))
}

fn check_is_clean(dir: &Path) {
    let out = ok_and_sealed(dir, &["check"]);
    assert!(out.contains("In orde"), "{out}");
    let store = reopen(dir);
    assert!(store.check().expect("check").is_ok());
}

#[test]
fn a_change_made_by_the_cli_is_there_after_the_process_ended() {
    let (dir, fx) = fixture_dir();
    let id = fx.a_today.0;
    assert_eq!(done_of(dir.path(), id), Value::Null);
    ok_and_sealed(dir.path(), &["done", &id.to_string()]);
    // Another process, then this one, read it from the files.
    assert_ne!(done_of(dir.path(), id), Value::Null);
    {
        let store = reopen(dir.path());
        let action = store.action(fx.a_today).expect("read").expect("action");
        assert!(action.done.is_some());
    }
    wait_unlocked(dir.path());
    ok_and_sealed(dir.path(), &["done", &id.to_string(), "--undo"]);
    assert_eq!(done_of(dir.path(), id), Value::Null);
    check_is_clean(dir.path());
    assert!(
        !dir.path().join("quarantine").exists(),
        "no open had to copy the files aside"
    );
}

#[test]
fn every_command_seals_the_files_it_leaves() {
    let (dir, fx) = fixture_dir();
    let d = dir.path();
    let meeting = fx.meeting.0.to_string();
    for args in [
        &["actions", "--due", "week", "--format", "json"][..],
        &["actions", "--format", "csv"],
        &["agenda", "--format", "json"],
        &["minutes", &meeting],
        &["export"],
        &["backup"],
        &["check"],
    ] {
        ok_and_sealed(d, args);
    }
    check_is_clean(d);
}

#[test]
fn bulk_writes_by_the_cli_are_there_after_the_process_ended() {
    let files = tempfile::tempdir().expect("temp dir");
    let demo = tempfile::tempdir().expect("temp dir");
    ok_and_sealed(demo.path(), &["demo"]);
    check_is_clean(demo.path());
    let file = files.path().join("demo.json");
    let f = file.to_str().expect("utf-8 path");
    ok_and_sealed(demo.path(), &["export", "--out", f]);

    let to = tempfile::tempdir().expect("temp dir");
    ok_and_sealed(to.path(), &["import", f]);
    check_is_clean(to.path());
    let again = ok_and_sealed(to.path(), &["export"]);
    // The file's document, and the import's own line on the timeline (issue 12).
    assert_eq!(
        crate::common::as_imported(&again),
        crate::common::doc_in(&file)
    );
    // Over itself, replacing what is there.
    ok_and_sealed(to.path(), &["import", f, "--replace"]);
    check_is_clean(to.path());
}
