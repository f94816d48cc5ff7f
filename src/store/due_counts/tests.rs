//! The counters must give the same answer as counting the deadline rows did (the overdue
//! line before schema 5), after every kind of change that moves an action in or out of them.

use super::*;
use crate::domain::{
    Action, ActionId, ActionSummary, Case, CaseId, Child, Done, Family, FamilyId, SignalSource,
};
use crate::store::{packed, read::due_bounds};
use chrono::{Days, NaiveDateTime};

fn day0() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 23).unwrap()
}

fn now() -> NaiveDateTime {
    day0().and_hms_opt(9, 0, 0).unwrap()
}

/// How the overdue line counted before schema 5: every open deadline row up to `until`.
fn rows_count_until(store: &Store, until: NaiveDate) -> [usize; 2] {
    let (start, end) = due_bounds(false, None, Some(until));
    let mut counts = [0; 2];
    for kv in packed::range(store.tree(T::ActionDue), T::ActionDue, &start, Some(&end)) {
        let row: ActionSummary = codec::decode(&kv.unwrap().1, "action row", store.seal()).unwrap();
        if row.done.is_none() {
            counts[usize::from(row.side.to_byte())] += 1;
        }
    }
    counts
}

/// What the counters hold, by key.
fn stored(store: &Store) -> Vec<([u8; KEY_LEN], i64)> {
    store
        .tree(T::OpenDue)
        .iter()
        .map(|kv| {
            let (k, v) = kv.unwrap();
            let n = decode(&k, &v, store.seal()).unwrap();
            (k.as_ref().try_into().unwrap(), i64::from(n))
        })
        .collect()
}

/// The counters derived afresh from every action.
fn derived(store: &Store) -> Vec<([u8; KEY_LEN], i64)> {
    let mut tally = Tally::default();
    for a in store.actions().unwrap() {
        tally.action(Some(&a), 1);
    }
    tally.entries().collect()
}

/// The counters agree with a fresh derivation and with the rows, for every day from before
/// the first deadline to after the last.
fn assert_agree(store: &Store, what: &str) {
    assert_eq!(stored(store), derived(store), "{what}");
    let reader = store.overdue_reader();
    let first = day0().checked_sub_days(Days::new(40)).unwrap();
    for n in 0..120 {
        let until = first.checked_add_days(Days::new(n)).unwrap();
        assert_eq!(
            reader.open_count_until(until).unwrap(),
            rows_count_until(store, until),
            "{what}: up to {until}"
        );
    }
}

/// A family with one case and `n` actions spread over days, sides, open and done.
fn book(store: &mut Store, n: u64) -> (FamilyId, CaseId, Vec<ActionId>) {
    let mut c = store.begin();
    let family = c.family_id();
    let child = Child::new(
        c.child_id(),
        "Sem".into(),
        "Bos".into(),
        "De Esch".into(),
        "5".into(),
    );
    c.put_family(Family::for_child(family, child.clone()));
    let case = c.case_id();
    c.put_case(Case::new(
        case,
        family,
        child.id,
        "Slaapt slecht".into(),
        SignalSource::Ouder,
        day0(),
        now(),
    ));
    let mut ids = Vec::new();
    for k in 0..n {
        let deadline = (k % 7 != 3).then(|| {
            let d = day0().checked_sub_days(Days::new(30)).unwrap();
            d.checked_add_days(Days::new(k * 13 % 60)).unwrap()
        });
        let side = if k % 3 == 0 {
            Side::Zorg
        } else {
            Side::Onderwijs
        };
        let mut a = Action::new(
            c.action_id(),
            case,
            format!("Actie {k}"),
            None,
            side,
            deadline,
            now(),
        );
        if k % 5 == 1 {
            a.done = Some(Done::new(now(), None));
        }
        ids.push(a.id);
        c.put_action(a);
    }
    store.commit(c).unwrap();
    (family, case, ids)
}

#[test]
fn every_change_to_an_action_keeps_the_counters_equal_to_the_rows() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::open(dir.path()).unwrap();
    let (_, case, ids) = book(&mut store, 40);
    let (other_family, other_case, _) = book(&mut store, 12);
    assert_agree(&store, "new");
    assert!(!stored(&store).is_empty());

    let mut a = store.action(ids[0]).unwrap().unwrap();
    a.deadline = a.deadline.and_then(|d| d.checked_add_days(Days::new(3)));
    store.save_action(now(), a.clone()).unwrap();
    assert_agree(&store, "deadline moved");
    a.side = Side::Onderwijs;
    a.deadline = None;
    store.save_action(now(), a.clone()).unwrap();
    assert_agree(&store, "side changed, deadline taken off");
    a.deadline = Some(day0());
    let undo = store.save_action(now(), a).unwrap();
    store.undo(undo, now()).unwrap();
    assert_agree(&store, "an edit undone");

    store.set_action_done(now(), ids[2], true, None).unwrap();
    assert_agree(&store, "done");
    store.set_action_done(now(), ids[1], false, None).unwrap();
    assert_agree(&store, "open again");
    let mut cancelled = store.action(ids[4]).unwrap().unwrap();
    cancelled.done = Some(Done {
        at: now(),
        by: None,
        cancelled: Some("Verhuisd".into()),
    });
    store.save_action(now(), cancelled).unwrap();
    assert_agree(&store, "cancelled");

    let mut moved = store.action(ids[5]).unwrap().unwrap();
    moved.case = other_case;
    store.save_action(now(), moved).unwrap();
    assert_agree(&store, "moved to another case");

    let mut ch = store.begin();
    ch.delete_action(ids[6]);
    store.commit(ch).unwrap();
    assert_agree(&store, "removed");

    let undo = store.delete_case(case).unwrap();
    assert_agree(&store, "removed with its case");
    store.undo(undo, now()).unwrap();
    assert_agree(&store, "the case's removal undone");

    store.today = Some(day0());
    store.forget_here(other_family, day0()).unwrap();
    assert_agree(&store, "family forgotten");
    assert!(stored(&store).iter().map(|(_, n)| n).sum::<i64>() > 0);
}

#[test]
fn a_replayed_entry_is_counted_against_the_store_it_lands_in() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::open(dir.path()).unwrap();
    let (_, _, ids) = book(&mut store, 20);
    let before = stored(&store);
    let mut a = store.action(ids[0]).unwrap().unwrap();
    assert!(a.deadline.is_some() && a.done.is_none());
    a.done = Some(Done::new(now(), None));
    // An entry as schema 4 wrote it: the action, no counter; and one carrying a counter
    // computed against another store, which must not be written as it is.
    let stale = Op {
        tree: T::OpenDue,
        key: key(day0(), Side::Zorg).to_vec(),
        value: Some(encode(999, None).unwrap()),
    };
    let mut ops = vec![
        Op {
            tree: T::Actions,
            key: keys::id(ids[0].0).to_vec(),
            value: Some(codec::encode(&a, None).unwrap()),
        },
        stale,
    ];
    store.recount_replayed(&mut ops).unwrap();
    assert!(!ops
        .iter()
        .any(|o| o.value.as_deref() == Some(&encode(999, None).unwrap()[..])));
    store.write_ops(&ops).unwrap();
    assert_ne!(stored(&store), before);
    assert_eq!(stored(&store), derived(&store));
    // A removal of an action is counted too.
    let mut ops = vec![Op {
        tree: T::Actions,
        key: keys::id(ids[8].0).to_vec(),
        value: None,
    }];
    let before = stored(&store);
    store.recount_replayed(&mut ops).unwrap();
    store.write_ops(&ops).unwrap();
    assert_ne!(stored(&store), before);
    assert_eq!(stored(&store), derived(&store));
}

#[test]
fn the_derivation_from_the_facts_clears_what_was_there() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::open(dir.path()).unwrap();
    book(&mut store, 30);
    let good = stored(&store);
    store
        .write_ops(&[Op {
            tree: T::OpenDue,
            key: key(day0().checked_add_days(Days::new(500)).unwrap(), Side::Zorg).to_vec(),
            value: Some(encode(7, None).unwrap()),
        }])
        .unwrap();
    store.tree(T::OpenDue).remove(good[0].0).unwrap();
    store.derive_due_counts().unwrap();
    assert_eq!(stored(&store), good);
}

#[test]
fn a_counter_reads_back_and_bytes_that_are_none_are_named() {
    let k = key(day0(), Side::Zorg);
    assert_eq!(
        decode(&k, &encode(123_456, None).unwrap(), None).unwrap(),
        123_456
    );
    let named = |k: &[u8], b: &[u8]| {
        matches!(
            decode(k, b, None),
            Err(StoreError::Damaged(Unreadable::DueCount { .. }))
        )
    };
    assert!(named(&k, &[COUNT, 0, 1]));
    assert!(named(&k, &[super::super::facts::FACT, 0, 0, 0, 1]));
    assert!(named(&k[..4], &encode(1, None).unwrap()));
    let (dk, _) = crate::store::crypt::new_key("pw").unwrap();
    let sealed = encode(5, Some(&dk)).unwrap();
    assert_eq!(sealed[0], codec::SEALED);
    assert_eq!(decode(&k, &sealed, Some(&dk)).unwrap(), 5);
    assert!(decode(&k, &sealed, None).is_err());
    // Days sort in key order, so a range up to a day takes exactly the days before it.
    let earlier = key(day0().pred_opt().unwrap(), Side::Zorg);
    assert!(earlier < key(day0(), Side::Onderwijs));
}
