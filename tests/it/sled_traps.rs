//! sled 0.34.7 traps (issue 8, part 2): reverse iteration panics inside sled in some tree layouts.
//!
//! The cause, in sled 0.34.7's `iter.rs`: when `next_back` has to step back from a leaf whose low
//! key is `lo`, it looks up `possible_predecessor(lo)`, which drops the last byte `b` of `lo` and
//! appends `b - 1` and four `0xff` bytes. For the leaf that starts exactly at `[1]` (a split that
//! fell on the boundary between open and done actions; splits are suffix-truncated to the
//! shortest separating prefix) that is `[0, ff, ff, ff, ff]`: a proper prefix of every key of an
//! open action without a deadline (`0 ++ u32::MAX ++ id`). When those keys fill more than one
//! leaf, the leaf holding `[0, ff, ff, ff, ff]` is not the one just before `[1]`; its high key is
//! below the bound, so `next_back` goes back to the leaf at `[1]`, and round again, a million
//! times (`MAX_LOOPS`), then panics with "fucked up tree traversal" and the `Debug` of the whole
//! tree as payload (hundreds of MB at 50,000 cases).
//!
//! Leaves split at 17 keys (9 left, 8 right), so the smallest layout is small: 9 open actions
//! with a deadline and 8 done ones (the first split falls on `[1]`), 8 more with a later deadline
//! (the open leaf splits, leaving 8 dated keys just before `[1]`), then 9 without a deadline
//! (that leaf splits again, now between two no-deadline keys). Value sizes do not matter.
//!
//! Every call that steps backwards over the leaf at `[1]` then panics: `range(..x).next_back()`
//! for any `x` from `[1]` up to the first done key (so `action_rows(false, _, None)`'s end bound
//! `[done + 1]`), `range(..=[1])`, `get_lt`, `.rev()`, and `sled::Iter::last()` (which sled
//! implements as `next_back`). Forward iteration never computes a predecessor and is safe: so
//! tandem reads every range forwards only.

use crate::common::*;
use std::thread::JoinHandle;
use std::time::Instant;
use tandem::domain::{
    Action, ActionId, Carer, Case, CaseId, CaseStatus, Child, Done, Family, Side,
};
use tandem::store::Store;

/// How the trap layout is built, in this order, one key per write.
const DATED_FIRST: u64 = 9;
const DONE: u64 = 8;
const DATED_LATER: u64 = 8;
const NO_DEADLINE: u64 = 9;
const OPEN: usize = (DATED_FIRST + DATED_LATER + NO_DEADLINE) as usize;

// ---------------------------------------------------------------------------------------------
// The trap itself, on a bare sled tree with the key shape of schema 2's `action_due`.

/// `done ++ day (u32 BE, top bit flipped; u32::MAX = no deadline) ++ action id (u64 BE)`.
fn due_key(done: bool, day: Option<u32>, id: u64) -> Vec<u8> {
    let mut k = vec![u8::from(done)];
    let day = day.map_or(u32::MAX, |d| d ^ 0x8000_0000);
    k.extend_from_slice(&day.to_be_bytes());
    k.extend_from_slice(&id.to_be_bytes());
    k
}

/// The trap layout in a fresh temporary sled tree; values of about a list row's size.
fn trap_tree() -> (sled::Db, sled::Tree) {
    let db = sled::Config::new()
        .temporary(true)
        .open()
        .expect("temporary sled");
    let tree = db.open_tree("action_due").expect("tree");
    let value = vec![0x42u8; 100];
    let day0 = 740_000u32; // late 2026, in days from the common era
    let (mut id, mut open_day, mut done_day) = (1u64, day0, day0);
    let mut put = |done: bool, day: Option<u32>| {
        tree.insert(due_key(done, day, id), value.clone())
            .expect("insert");
        id += 1;
    };
    for _ in 0..DATED_FIRST {
        open_day += 3;
        put(false, Some(open_day));
    }
    for _ in 0..DONE {
        done_day += 3;
        put(true, Some(done_day));
    }
    for _ in 0..DATED_LATER {
        open_day += 3;
        put(false, Some(open_day));
    }
    for _ in 0..NO_DEADLINE {
        put(false, None);
    }
    (db, tree)
}

/// Runs `f` on a thread of its own; `Some(payload)` when it panicked. The panicking calls run
/// side by side: each one spins through sled's million loops (about 0.5-1 s) before it panics.
fn spawn<T: Send + 'static>(f: impl FnOnce() -> T + Send + 'static) -> JoinHandle<T> {
    std::thread::spawn(f)
}

fn panic_payload<T>(h: JoinHandle<T>) -> Option<String> {
    h.join().err().map(|p| {
        p.downcast_ref::<String>()
            .cloned()
            .or_else(|| p.downcast_ref::<&str>().map(|s| s.to_string()))
            .unwrap_or_default()
    })
}

#[test]
fn reverse_iteration_over_the_open_done_boundary_panics_inside_sled() {
    let started = Instant::now();
    let (_db, tree) = trap_tree();
    let all = (DATED_FIRST + DONE + DATED_LATER + NO_DEADLINE) as usize;
    assert_eq!(tree.len(), all);

    // The traps: each steps backwards over the leaf that starts at [1].
    let t = tree.clone();
    let open_last = spawn(move || t.range(vec![0u8]..vec![1u8]).next_back().map(|r| r.is_ok()));
    let t = tree.clone();
    let get_lt = spawn(move || t.get_lt([1u8]).is_ok());
    let t = tree.clone();
    let inclusive = spawn(move || t.range(..=vec![1u8]).next_back().map(|r| r.is_ok()));
    let t = tree.clone();
    let rev = spawn(move || t.iter().rev().count());
    let t = tree.clone();
    let iter_last = spawn(move || t.range(vec![0u8]..vec![1u8]).last().map(|r| r.is_ok()));

    // What tandem uses instead, all forward; checked while the traps spin.
    let open: Vec<Vec<u8>> = tree
        .range(vec![0u8]..vec![1u8])
        .keys()
        .map(|k| k.expect("key").to_vec())
        .collect();
    assert_eq!(
        open.len(),
        OPEN,
        "forward range with the exclusive bound [1]"
    );
    assert!(open.windows(2).all(|w| w[0] < w[1]), "in key order");
    let newest_open = due_key(false, None, all as u64);
    assert_eq!(open.last(), Some(&newest_open));
    // `Iterator::last` of the keys (not `sled::Iter::last`) folds forwards.
    let last_key = tree.range(vec![0u8]..vec![1u8]).keys().last();
    assert_eq!(
        last_key.map(|k| k.expect("key").to_vec()),
        Some(newest_open)
    );
    assert_eq!(tree.scan_prefix([0u8]).count(), OPEN, "scan_prefix");
    let done = tree.range(vec![1u8]..vec![2u8]).count();
    assert_eq!(done, DONE as usize, "forward over the done keys");
    let first_undated = tree
        .get_gt([0u8, 0xff, 0xff, 0xff, 0xff])
        .expect("get_gt")
        .map(|(k, _)| k.to_vec());
    let undated_id = DATED_FIRST + DONE + DATED_LATER + 1;
    assert_eq!(first_undated, Some(due_key(false, None, undated_id)));
    assert_eq!(tree.iter().count(), all, "forward over everything");
    let first = tree.first().expect("first").map(|(k, _)| k.to_vec());
    assert_eq!(first, Some(due_key(false, Some(740_003), 1)));

    let traps = [
        ("range([0]..[1]).next_back()", panic_payload(open_last)),
        ("get_lt([1])", panic_payload(get_lt)),
        ("range(..=[1]).next_back()", panic_payload(inclusive)),
        ("iter().rev()", panic_payload(rev)),
        (
            "sled::Iter::last() of range([0]..[1])",
            panic_payload(iter_last),
        ),
    ];
    for (call, payload) in &traps {
        let Some(payload) = payload else {
            panic!("{call} no longer panics on this layout: sled changed; see issue 8");
        };
        assert!(
            payload.starts_with("fucked up tree traversal next_back(Excluded([1]))"),
            "{call}: {}",
            payload.chars().take(200).collect::<String>()
        );
        // The payload is the Debug of the whole tree, every key and value.
        assert!(
            payload.contains("Leaf") && payload.len() > all * 100,
            "{call}"
        );
    }
    let sizes: Vec<usize> = traps
        .iter()
        .flat_map(|(_, p)| p.as_ref().map(String::len))
        .collect();
    println!(
        "{} traps panicked; payloads {sizes:?} bytes; {:?} in all",
        traps.len(),
        started.elapsed()
    );
}

// ---------------------------------------------------------------------------------------------
// The same layout built through tandem's store: every list and save must keep working.

struct Built {
    cases: Vec<CaseId>,
    /// Deadlines of the open actions that have one, in the order they were added.
    dated: Vec<chrono::NaiveDate>,
    undated_case: CaseId,
}

/// Builds the trap layout in `action_days` (one pack per action: each has a day of its own) through the store's own API, one action per unit of
/// work (sled applies a transaction's writes in hash order, so one key per commit keeps the
/// splits where the layout needs them), unflushed, then one flush.
fn build_trap_store(store: &mut Store) -> Built {
    let t = at(day(2026, 10, 5), 10, 0);
    let mut ch = store.begin();
    let family = ch.family_id();
    let kids: Vec<_> = ["Noor", "Daan", "Sem"]
        .iter()
        .map(|name| child(ch.child_id(), name, "Veenstra", "5"))
        .collect();
    let cases: Vec<CaseId> = kids.iter().map(|_| ch.case_id()).collect();
    for (case, kid) in cases.iter().zip(&kids) {
        let mut c: Case = new_case(*case, family, kid.id, "Zorgen over thuis", t);
        c.status = CaseStatus::Lopend;
        ch.put_case(c);
    }
    ch.put_family(Family {
        id: family,
        name: "Veenstra".into(),
        carers: vec![Carer {
            name: "Ingrid Veenstra".into(),
            relation: "moeder".into(),
            phone: "06-12345678".into(),
            email: String::new(),
            lives_with_child: true,
            authority: true,
        }],
        children: kids.into_iter().collect::<Vec<Child>>(),
        network: vec![],
    });
    store.commit_unflushed(ch).expect("family and cases");

    let add = |store: &mut Store, n: u64, case: CaseId, text: &str, due: Due, done: bool| {
        let mut ch = store.begin();
        let id = ch.action_id();
        let text = format!("{text} {n}: bellen, afspraak maken en terugkoppelen in het overleg");
        let mut a: Action = new_action(id, case, &text, (None, Side::Zorg), due, t);
        if done {
            a.done = Some(Done::new(t, None));
        }
        ch.put_action(a);
        store.commit_unflushed(ch).expect("action");
        id
    };
    let mut dated = Vec::new();
    let mut deadline = day(2026, 11, 2);
    let mut next_deadline = || {
        deadline += chrono::Duration::days(3);
        deadline
    };
    for n in 0..DATED_FIRST {
        let due = next_deadline();
        dated.push(due);
        add(store, n, cases[(n % 3) as usize], "Actie", Some(due), false);
    }
    for n in 0..DONE {
        let due = day(2026, 10, 1) + chrono::Duration::days(n as i64);
        add(store, n, cases[(n % 3) as usize], "Gedaan", Some(due), true);
    }
    for n in 0..DATED_LATER {
        let due = next_deadline();
        dated.push(due);
        add(store, n, cases[(n % 3) as usize], "Later", Some(due), false);
    }
    let undated_case = cases[1];
    for n in 0..NO_DEADLINE {
        add(store, n, undated_case, "Zonder deadline", None, false);
    }
    store.flush().expect("flush");
    Built {
        cases,
        dated,
        undated_case,
    }
}

/// Proves the store really holds the trap: its `action_days` tree, opened with sled directly,
/// makes `range(..[1]).next_back()` panic. Without this, a change in how tandem writes could
/// quietly turn the test below into one that tests nothing.
fn assert_holds_the_trap(dir: &std::path::Path) {
    wait_unlocked(dir);
    let db = sled::Config::new()
        .path(dir)
        .open()
        .expect("open the store with sled");
    let tree = db.open_tree("action_days").expect("action_days");
    let t = tree.clone();
    let probe = spawn(move || t.range(vec![0u8]..vec![1u8]).next_back().is_some());
    assert!(
        panic_payload(probe).is_some(),
        "the store no longer has the layout that makes sled panic; adjust build_trap_store"
    );
    drop(tree);
    drop(db);
    wait_unlocked(dir);
}

#[test]
fn lists_and_saves_work_on_a_store_whose_layout_makes_sled_panic() {
    let started = Instant::now();
    let dir = tempfile::tempdir().expect("temp dir");
    let built = {
        let mut store = Store::open(dir.path()).expect("open store");
        build_trap_store(&mut store)
    };
    assert_holds_the_trap(dir.path());
    let mut store = reopen(dir.path());

    let open = store.action_rows(false, None, None).expect("open actions");
    assert_eq!(open.len(), OPEN, "every open action");
    assert!(open.windows(2).all(|w| due_order(&w[0]) < due_order(&w[1])));
    let undated = open.iter().filter(|r| r.deadline.is_none()).count();
    assert_eq!(undated, NO_DEADLINE as usize);

    let (from, until) = (built.dated[3], built.dated[12]);
    let window = store
        .action_rows(false, Some(from), Some(until))
        .expect("open actions in a window");
    let expected = built.dated.iter().filter(|d| (from..=until).contains(*d));
    assert_eq!(window.len(), expected.count());
    let from_on = store
        .action_rows(false, Some(from), None)
        .expect("open actions from a date on");
    assert_eq!(from_on.len(), OPEN - 3);

    let done = store.action_rows(true, None, None).expect("done actions");
    assert_eq!(done.len(), DONE as usize);
    let case_rows = store.case_rows().expect("case rows");
    assert_eq!(case_rows.len(), built.cases.len());
    let undated_row = case_rows.iter().find(|r| r.id == built.undated_case);
    assert!(undated_row.is_some_and(|r| r.open_zorg >= NO_DEADLINE as u32));

    // One more save (flushed), and the lists after it.
    let t = at(day(2026, 11, 23), 9, 0);
    let mut ch = store.begin();
    let id: ActionId = ch.action_id();
    ch.put_action(new_action(
        id,
        built.undated_case,
        "Nog een actie zonder deadline",
        (None, Side::Onderwijs),
        None,
        t,
    ));
    store.commit(ch).expect("a save after the lists");
    let open = store.action_rows(false, None, None).expect("open actions");
    assert_eq!(open.len(), OPEN + 1);
    assert_eq!(open.last().map(|r| r.id), Some(id));
    assert_eq!(
        store.case_rows().expect("case rows").len(),
        built.cases.len()
    );
    assert!(store.check().expect("check runs").problems.is_empty());
    drop(store);
    wait_unlocked(dir.path());

    // `tandem actions` lists them all too.
    let (ok, stdout, stderr) = run(dir.path(), &["actions", "--format", "json"]);
    assert!(ok, "tandem actions failed: {stderr}");
    assert_no_panic(&stderr);
    let rows: serde_json::Value = serde_json::from_str(&stdout).expect("one JSON document");
    assert_eq!(rows.as_array().map(Vec::len), Some(OPEN + 1));
    println!("store test took {:?}", started.elapsed());
}
