//! A store written by schema 3 gains every action's facts (schema 4, `store/facts.rs`) at its
//! first open, without losing a thing, also when an earlier derivation was cut off, and a restore
//! that replays a schema-3 journal keeps the facts right. The fixture in `fixtures/store-v3/` was
//! made by tandem at commit be33f27 with `TANDEM_TODAY=2026-11-23`: the demo's export with action
//! 10 cancelled ("Niet meer nodig: gezin verhuisd") imported into an empty store, then `done 4`
//! and `done 8` (so its journal holds entries after its backup);
//! `fixtures/store-v3.export.json.gz` is that tandem's `export` of it.

use crate::common::*;
use crate::upgrade::{copy_dir, export_of, fixture, fixture_export, schema_and_tree};

/// The tree the upgrade tested here writes.
const TREE: &str = "action_fact_packs";
use serde_json::Value;
use tandem::domain::{ActionFact, ActionId};
use tandem::store::{codec, Store};

fn v3_store() -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("temp dir");
    copy_dir(&fixture().join("store-v3"), dir.path());
    dir
}

fn v3_export() -> Value {
    fixture_export("store-v3.export.json.gz")
}

/// Every action's facts as the store holds them, each compared with its record's.
fn facts_match_records(store: &Store) -> Vec<ActionFact> {
    let mut held = Vec::new();
    store
        .each_fact(|f| {
            held.push(f);
            Ok(())
        })
        .expect("facts");
    let actions = store.actions().expect("actions");
    let derived: Vec<ActionFact> = actions.iter().map(ActionFact::of).collect();
    assert_eq!(held, derived);
    held
}

/// The values of a pack: entries of `key length (u16) ++ key ++ value length (u32) ++ value`.
fn pack_values(mut pack: &[u8]) -> Vec<&[u8]> {
    let mut out = Vec::new();
    while pack.len() >= 2 {
        let klen = usize::from(u16::from_be_bytes([pack[0], pack[1]]));
        let at = 2 + klen;
        let vlen = u32::from_be_bytes(pack[at..at + 4].try_into().expect("4 bytes"));
        let start = at + 4;
        let end = start + usize::try_from(vlen).expect("length");
        out.push(&pack[start..end]);
        pack = &pack[end..];
    }
    out
}

#[test]
fn the_fixture_is_of_schema_3() {
    // Guards the other tests: they prove nothing on a fixture that has its facts already.
    let dir = v3_store();
    assert_eq!(schema_and_tree(dir.path(), TREE), (3, None));
}

#[test]
fn a_schema_3_store_gains_its_facts_at_open_and_loses_nothing() {
    let dir = v3_store();
    {
        let store = Store::open(dir.path()).expect("open");
        let report = store.check().expect("check");
        assert!(report.is_ok(), "{:?}", report.problems);
        assert_eq!(report.actions, 59);
        assert_eq!(export_of(&store), v3_export());
        let facts = facts_match_records(&store);
        assert_eq!(facts.len(), 59);
        let of = |id: u64| facts.iter().find(|f| f.id == ActionId(id)).expect("fact");
        assert!(of(10).cancelled && of(10).done.is_some());
        assert!(of(4).done.is_some() && !of(4).cancelled);
        assert!(of(13).is_open());
    }
    let (schema, packs) = schema_and_tree(dir.path(), TREE);
    assert_eq!(schema, tandem::store::SCHEMA_VERSION);
    assert_eq!(schema, 5);
    // 59 actions with ids below 64: one pack.
    assert_eq!(packs.map(|p| p.len()), Some(1));
    // A change after it writes its action's facts, and the CLI reads it back.
    let (ok, out, err) = run(dir.path(), &["done", "13"]);
    assert!(ok, "{out}{err}");
    let (ok, out, err) = run(dir.path(), &["check"]);
    assert!(ok, "{out}{err}");
    let store = reopen(dir.path());
    assert!(facts_match_records(&store)[12].done.is_some());
}

#[test]
fn a_derivation_cut_off_is_done_again_at_the_next_open() {
    let dir = v3_store();
    // What a derivation leaves when it stops before the version is raised: a pack of facts
    // partly written (here one stale fact of action 1), the version still 3.
    {
        let db = sled::open(dir.path()).expect("sled open");
        let packs = db.open_tree("action_fact_packs").expect("packs");
        let mut stale = vec![0u8, 8, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 31, 0x40];
        stale.extend([0u8; 30]);
        packs.insert(0u64.to_be_bytes(), stale).expect("insert");
        db.flush().expect("flush");
    }
    wait_unlocked(dir.path());
    let store = Store::open(dir.path()).expect("open");
    let report = store.check().expect("check");
    assert!(report.is_ok(), "{:?}", report.problems);
    assert_eq!(facts_match_records(&store).len(), 59);
}

#[test]
fn a_restore_replays_a_schema_3_journal_and_the_facts_follow() {
    let dir = v3_store();
    // The backup is from before `done 4` and `done 8`; the journal holds both, without facts.
    let (ok, out, err) = run(dir.path(), &["restore", "--yes", "--replace"]);
    assert!(ok, "{out}{err}");
    let store = reopen(dir.path());
    let report = store.check().expect("check");
    assert!(report.is_ok(), "{:?}", report.problems);
    assert_eq!(export_of(&store), v3_export());
    let facts = facts_match_records(&store);
    assert!(facts[3].done.is_some() && facts[7].done.is_some());
}

#[test]
fn an_encrypted_store_seals_its_facts_and_keeps_them_right() {
    let dir = v3_store();
    let (_pdir, pass) = crate::crypt::pass_file(crate::crypt::PASS);
    let (ok, _, err) = crate::crypt::with_pass(dir.path(), &pass, &["encrypt"]);
    assert!(ok, "{err}");
    let (ok, _, err) = crate::crypt::with_pass(dir.path(), &pass, &["done", "13"]);
    assert!(ok, "{err}");
    let (ok, out, err) = crate::crypt::with_pass(dir.path(), &pass, &["check"]);
    assert!(ok, "{}{err}", String::from_utf8_lossy(&out));
    let (_, packs) = schema_and_tree(dir.path(), TREE);
    let packs = packs.expect("facts");
    assert!(!packs.is_empty());
    for pack in packs {
        let values = pack_values(&pack);
        assert_eq!(values.len(), 59);
        assert!(values.iter().all(|v| v.first() == Some(&codec::SEALED)));
    }
}
