//! A store written by schema 4 gains its open-due counters (schema 5, `store/due_counts.rs`) at
//! its first open, without losing a thing, also when an earlier derivation was cut off; a
//! restore that replays a schema-4 journal keeps them right, and an encrypted store seals them.
//! The fixture in `fixtures/store-v4/` was made by main's release build of the end of
//! session 8 (schema 4, `/tmp/m8/tandem-m4`, built 13:12 on 2026-11-30) with
//! `TANDEM_TODAY=2026-11-23`: `fixtures/store-v3/` opened once (`actions --due week`, which
//! upgraded it to schema 4), then `done 13` and `done 20` (the first made a backup, so its
//! journal holds both after that backup), with only the older backup left out;
//! `fixtures/store-v4.export.json.gz` is that tandem's `export` of it.

use crate::common::*;
use crate::upgrade::{copy_dir, export_of, fixture, fixture_export, schema_and_tree};

/// The tree the upgrade tested here writes.
const TREE: &str = "open_due_counts";
use chrono::{Days, NaiveDate};
use tandem::domain::{ActionFact, Side};
use tandem::store::{codec, Store};

fn v4_store() -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("temp dir");
    copy_dir(&fixture().join("store-v4"), dir.path());
    dir
}

/// The overdue count from the counters equals counting the actions, for every day from well
/// before the fixture's first deadline to well after its last; returns the count up to
/// 2026-11-22 (the day before the fixture's today).
fn counts_agree_with_the_actions(store: &Store) -> [usize; 2] {
    let facts: Vec<ActionFact> = store
        .actions()
        .expect("actions")
        .iter()
        .map(ActionFact::of)
        .collect();
    let reader = store.overdue_reader();
    let first = NaiveDate::from_ymd_opt(2026, 6, 1).expect("day");
    for n in 0..400 {
        let until = first.checked_add_days(Days::new(n)).expect("day");
        let mut want = [0; 2];
        for (_, side) in facts
            .iter()
            .filter_map(ActionFact::open_due)
            .filter(|(d, _)| *d <= until)
        {
            want[usize::from(side == Side::Zorg)] += 1;
        }
        assert_eq!(
            reader.open_count_until(until).expect("count"),
            want,
            "{until}"
        );
    }
    let yesterday = NaiveDate::from_ymd_opt(2026, 11, 22).expect("day");
    reader.open_count_until(yesterday).expect("count")
}

/// An open action due before the fixture's today.
fn an_overdue_action(store: &Store) -> u64 {
    let today = NaiveDate::from_ymd_opt(2026, 11, 23).expect("day");
    store
        .actions()
        .expect("actions")
        .iter()
        .map(ActionFact::of)
        .find(|f| f.open_due().is_some_and(|(d, _)| d < today))
        .expect("an overdue action")
        .id
        .0
}

#[test]
fn the_fixture_is_of_schema_4() {
    // Guards the other tests: they prove nothing on a fixture that has its counters already.
    let dir = v4_store();
    assert_eq!(schema_and_tree(dir.path(), TREE), (4, None));
}

#[test]
fn a_schema_4_store_gains_its_counters_at_open_and_loses_nothing() {
    let dir = v4_store();
    let (before, id) = {
        let store = Store::open(dir.path()).expect("open");
        let report = store.check().expect("check");
        assert!(report.is_ok(), "{:?}", report.problems);
        assert_eq!(report.actions, 59);
        assert_eq!(export_of(&store), fixture_export("store-v4.export.json.gz"));
        let overdue = counts_agree_with_the_actions(&store);
        assert!(overdue.iter().sum::<usize>() > 0, "{overdue:?}");
        (overdue, an_overdue_action(&store))
    };
    let (schema, counters) = schema_and_tree(dir.path(), TREE);
    assert_eq!(schema, tandem::store::SCHEMA_VERSION);
    assert_eq!(schema, 5);
    assert!(counters.is_some_and(|c| !c.is_empty()));
    // A change after it keeps its counter, and the CLI's check agrees.
    let (ok, out, err) = run(dir.path(), &["done", &id.to_string()]);
    assert!(ok, "{out}{err}");
    let (ok, out, err) = run(dir.path(), &["check"]);
    assert!(ok, "{out}{err}");
    let store = reopen(dir.path());
    let after = counts_agree_with_the_actions(&store);
    assert_eq!(
        after.iter().sum::<usize>() + 1,
        before.iter().sum::<usize>()
    );
}

#[test]
fn a_derivation_cut_off_is_done_again_at_the_next_open() {
    let dir = v4_store();
    // What a derivation leaves when it stops before the version is raised: counters partly
    // written (here one that no action explains), the version still 4.
    {
        let db = sled::open(dir.path()).expect("sled open");
        let counters = db.open_tree("open_due_counts").expect("counters");
        let day = tandem::store::due_counts::key(
            NaiveDate::from_ymd_opt(2026, 11, 1).expect("day"),
            Side::Zorg,
        );
        counters
            .insert(day, vec![tandem::store::due_counts::COUNT, 0, 0, 0, 99])
            .expect("insert");
        db.flush().expect("flush");
    }
    wait_unlocked(dir.path());
    let store = Store::open(dir.path()).expect("open");
    let report = store.check().expect("check");
    assert!(report.is_ok(), "{:?}", report.problems);
    assert!(counts_agree_with_the_actions(&store)[1] < 99);
}

#[test]
fn a_restore_replays_a_schema_4_journal_and_the_counters_follow() {
    let dir = v4_store();
    let done = {
        let store = Store::open(dir.path()).expect("open");
        counts_agree_with_the_actions(&store)
    };
    // The backup is from before `done 13` and `done 20`; the journal holds both, without
    // counters.
    let (ok, out, err) = run(dir.path(), &["restore", "--yes", "--replace"]);
    assert!(ok, "{out}{err}");
    let store = reopen(dir.path());
    let report = store.check().expect("check");
    assert!(report.is_ok(), "{:?}", report.problems);
    assert_eq!(export_of(&store), fixture_export("store-v4.export.json.gz"));
    assert_eq!(counts_agree_with_the_actions(&store), done);
}

#[test]
fn the_journals_entries_finish_actions_that_are_counted() {
    // Guards the restore test: the journal's two entries do move the counters.
    let dir = v4_store();
    let store = Store::open(dir.path()).expect("open");
    let facts: Vec<ActionFact> = store
        .actions()
        .expect("actions")
        .iter()
        .map(ActionFact::of)
        .collect();
    for id in [13, 20] {
        let f = facts.iter().find(|f| f.id.0 == id).expect("action");
        assert!(f.done.is_some() && f.deadline.is_some(), "{f:?}");
    }
}

#[test]
fn an_encrypted_store_seals_its_counters_and_keeps_them_right() {
    let dir = v4_store();
    let (_pdir, pass) = crate::crypt::pass_file(crate::crypt::PASS);
    let (ok, _, err) = crate::crypt::with_pass(dir.path(), &pass, &["encrypt"]);
    assert!(ok, "{err}");
    let (_, counters) = schema_and_tree(dir.path(), TREE);
    let id = {
        let counters = counters.expect("counters");
        assert!(!counters.is_empty());
        assert!(counters.iter().all(|v| v.first() == Some(&codec::SEALED)));
        wait_unlocked(dir.path());
        let key = tandem::store::crypt::unlock(dir.path(), crate::crypt::PASS).expect("unlock");
        let store = Store::open_keyed(dir.path(), Some(key)).expect("open");
        counts_agree_with_the_actions(&store);
        an_overdue_action(&store)
    };
    let (ok, _, err) = crate::crypt::with_pass(dir.path(), &pass, &["done", &id.to_string()]);
    assert!(ok, "{err}");
    let (ok, out, err) = crate::crypt::with_pass(dir.path(), &pass, &["check"]);
    assert!(ok, "{}{err}", String::from_utf8_lossy(&out));
    let (_, counters) = schema_and_tree(dir.path(), TREE);
    assert!(counters
        .expect("counters")
        .iter()
        .all(|v| v.first() == Some(&codec::SEALED)));
}
