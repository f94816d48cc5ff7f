//! `check` must find what is wrong, not only pass a healthy store: each kind of fault is put
//! into the trees behind the records' back, and the report must name it.

use super::super::{codec, keys, packed, Store, T};
use crate::domain::{ActionSummary, CaseSummary};
use chrono::NaiveDate;

/// A small book built here (the demo lives above the store): three families, four cases,
/// open and done actions, a person in a network, a meeting, timeline events.
fn demo() -> (tempfile::TempDir, Store) {
    use crate::domain::{
        Action, Carer, Case, Child, Done, Family, Involvement, Person, Side, SignalSource,
    };
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::open(dir.path()).unwrap();
    let day = NaiveDate::from_ymd_opt(2026, 11, 23).unwrap();
    let now = day.and_hms_opt(9, 0, 0).unwrap();
    let mut c = store.begin();
    let person = c.person_id();
    c.put_person(Person::new(
        person,
        "Wim Stam".into(),
        "jeugdverpleegkundige".into(),
        "GGD".into(),
        Side::Zorg,
    ));
    for (n, name) in ["Bos", "Çelik", "Nguyễn"].iter().enumerate() {
        let family = c.family_id();
        let mut children = Vec::new();
        for first in ["Sem", "Noor"].iter().take(1 + n % 2) {
            let child = c.child_id();
            children.push(Child::new(
                child,
                (*first).into(),
                (*name).into(),
                "De Esch".into(),
                "5".into(),
            ));
        }
        let mut f = Family::for_child(family, children[0].clone());
        f.children = children.clone();
        f.carers
            .push(Carer::new(format!("Ouder {name}"), "moeder".into()));
        f.network.push(Involvement {
            person,
            role: "jeugdverpleegkundige".into(),
            from: Some(day),
            until: None,
        });
        for child in &children {
            let case = c.case_id();
            c.put_case(Case::new(
                case,
                family,
                child.id,
                "Slaapt slecht".into(),
                SignalSource::Ouder,
                day,
                now,
            ));
            for (k, done) in [false, true, false].iter().enumerate() {
                let mut a = Action::new(
                    c.action_id(),
                    case,
                    format!("Actie {k}"),
                    Some(person),
                    if k % 2 == 0 {
                        Side::Zorg
                    } else {
                        Side::Onderwijs
                    },
                    day.checked_add_days(chrono::Days::new(k as u64)),
                    now,
                );
                if *done {
                    a.done = Some(Done::new(now, Some(person)));
                }
                c.put_action(a);
            }
            c.event(
                now,
                Some(case),
                Some(family),
                crate::domain::EventKind::CaseCreated,
            );
        }
        c.put_family(f);
    }
    store.commit(c).unwrap();
    (dir, store)
}

fn problems(store: &Store) -> Vec<String> {
    store.check().unwrap().problems
}

fn first_entry(store: &Store, t: T) -> (sled::IVec, sled::IVec) {
    packed::range(store.tree(t), t, &[], None)
        .next()
        .unwrap()
        .unwrap()
}

/// Writes one value under the store's nose, as damage or a stray write would: no plan, no
/// journal.
fn put(store: &Store, t: T, key: &[u8], value: Vec<u8>) {
    set(store, t, key, Some(value));
}

fn set(store: &Store, t: T, key: &[u8], value: Option<Vec<u8>>) {
    let op = crate::store::change::Op {
        tree: t,
        key: key.to_vec(),
        value,
    };
    store.write_ops(&[op]).unwrap();
}

#[test]
fn a_healthy_store_has_no_problems_and_every_entry_is_counted() {
    let (_dir, store) = demo();
    let r = store.check().unwrap();
    assert!(r.is_ok(), "{:?}", r.problems);
    // The facts and the counters are compared beside the actions, not as an index of keys.
    let held: usize = super::INDEXES
        .iter()
        .chain(&[T::ActionFacts, T::OpenDue])
        .map(|t| packed::range(store.tree(*t), *t, &[], None).count())
        .sum();
    assert_eq!(r.index_entries, held);
    assert_eq!(r.cases, store.cases().unwrap().len());
    assert_eq!(r.actions, store.actions().unwrap().len());
    assert_eq!(r.events, store.events().unwrap().len());
}

#[test]
fn a_missing_entry_a_stray_entry_and_a_wrong_row_are_named() {
    let (_dir, store) = demo();
    let (k, _) = first_entry(&store, T::CaseStatus);
    set(&store, T::CaseStatus, &k, None);
    let stray = keys::pair(999_999, 999_999);
    put(&store, T::FamilyCase, &stray, vec![]);
    let (k, v) = first_entry(&store, T::CaseRows);
    let mut row: CaseSummary = codec::decode(&v, "case row", None).unwrap();
    row.child_name.push('x');
    put(&store, T::CaseRows, &k, codec::encode(&row, None).unwrap());
    let (k, v) = first_entry(&store, T::ActionDue);
    let mut row: ActionSummary = codec::decode(&v, "action row", None).unwrap();
    row.text = "anders".into();
    put(&store, T::ActionDue, &k, codec::encode(&row, None).unwrap());
    let p = problems(&store);
    let has = |what: &str| p.iter().any(|l| l.contains(what));
    assert!(has("case_status: record has no entry"), "{p:?}");
    assert!(has("family_case: entry 00000000000f423f"), "{p:?}");
    assert!(has("case_rows: entry") && has("disagrees"), "{p:?}");
    assert!(has("action_due: entry"), "{p:?}");
    assert_eq!(p.len(), 4, "{p:?}");
}

#[test]
fn an_unreadable_row_and_a_wrong_group_are_named() {
    let (_dir, store) = demo();
    let (k, _) = first_entry(&store, T::CaseRows);
    put(&store, T::CaseRows, &k, vec![1, 2, 3]);
    let (k, v) = first_entry(&store, T::CaseActions);
    let mut ids: Vec<u64> = codec::decode(&v, "ids", None).unwrap();
    ids.push(999_999);
    put(
        &store,
        T::CaseActions,
        &k,
        codec::encode(&ids, None).unwrap(),
    );
    let p = problems(&store);
    assert!(
        p.iter()
            .any(|l| l.starts_with("case_rows: entry") && l.contains("disagrees")),
        "{p:?}"
    );
    assert!(
        p.iter()
            .any(|l| l.starts_with("case_actions: entry") && l.contains("disagrees")),
        "{p:?}"
    );
}

#[test]
fn an_entry_left_in_a_retired_tree_and_a_low_counter_are_named() {
    let (_dir, mut store) = demo();
    store
        .tree(T::ActionCase)
        .insert(keys::pair(1, 1), &[])
        .unwrap();
    let mut next = store.next_ids();
    next.case = 1;
    store.set_next_ids(next).unwrap();
    let p = problems(&store);
    assert!(
        p.iter().any(|l| l.starts_with("action_case: entry")),
        "{p:?}"
    );
    assert!(
        p.iter().any(|l| l.starts_with("counter case is 1, but id")),
        "{p:?}"
    );
}

#[test]
fn many_problems_are_counted_past_the_listed_ones() {
    let (_dir, store) = demo();
    for i in 0..60u64 {
        put(&store, T::FamilyCase, &keys::pair(900_000 + i, 1), vec![]);
    }
    let p = problems(&store);
    assert_eq!(p.len(), super::MAX_LISTED + 1);
    assert_eq!(p.last().map(String::as_str), Some("… and 10 more"));
}

#[test]
fn references_to_records_that_do_not_exist_are_named() {
    let (_dir, store) = demo();
    let (k, v) = first_entry(&store, T::Cases);
    let mut case: crate::domain::Case = codec::decode(&v, "case", None).unwrap();
    case.family = crate::domain::FamilyId(999_999);
    put(&store, T::Cases, &k, codec::encode(&case, None).unwrap());
    let (k, v) = first_entry(&store, T::Actions);
    let mut action: crate::domain::Action = codec::decode(&v, "action", None).unwrap();
    action.case = crate::domain::CaseId(888_888);
    put(
        &store,
        T::Actions,
        &k,
        codec::encode(&action, None).unwrap(),
    );
    let p = problems(&store);
    let named = |what: &str| p.iter().any(|l| l.contains(what));
    assert!(
        named(&format!(
            "case {} names family 999999, which does not exist",
            case.id
        )),
        "{p:?}"
    );
    assert!(
        named(&format!(
            "action {} names case 888888, which does not exist",
            action.id
        )),
        "{p:?}"
    );
}

#[test]
fn a_row_written_in_format_1_with_the_same_body_checks_clean() {
    let (_dir, store) = demo();
    let (k, v) = first_entry(&store, T::CaseRows);
    let mut old = v.to_vec();
    old[0] = 1;
    put(&store, T::CaseRows, &k, old);
    assert!(problems(&store).is_empty());
}

#[test]
fn a_timeline_of_a_case_that_does_not_exist_is_named_once_the_rows_are_let_go() {
    let (_dir, store) = demo();
    let (_, v) = first_entry(&store, T::CaseEvents);
    let mut events: Vec<crate::domain::Event> =
        codec::decode(&v, "timeline of a case", None).unwrap();
    let gone = crate::domain::CaseId(777_777);
    for e in &mut events {
        e.case = Some(gone);
    }
    let key = keys::id(gone.0);
    put(
        &store,
        T::CaseEvents,
        &key,
        codec::encode(&events, None).unwrap(),
    );
    let p = problems(&store);
    let named = format!(
        "event {} names case 777777, which does not exist",
        events[0].id
    );
    assert!(p.contains(&named), "{p:?}");
    // The cases that do exist are still known when the timelines pass.
    assert!(
        p.iter()
            .filter(|l| l.starts_with("event "))
            .all(|l| l.contains("777777")),
        "{p:?}"
    );
}

#[test]
fn a_wrong_missing_stray_or_unreadable_fact_is_named() {
    use crate::store::facts;
    let (_dir, store) = demo();
    let held: Vec<(sled::IVec, sled::IVec)> =
        packed::range(store.tree(T::ActionFacts), T::ActionFacts, &[], None)
            .map(Result::unwrap)
            .collect();
    assert_eq!(held.len(), store.actions().unwrap().len());
    let (k0, v0) = &held[0];
    let mut wrong = facts::decode(k0, v0, None).unwrap();
    wrong.cancelled = !wrong.cancelled;
    put(
        &store,
        T::ActionFacts,
        k0,
        facts::encode(&wrong, None).unwrap(),
    );
    set(&store, T::ActionFacts, &held[1].0, None);
    put(&store, T::ActionFacts, &held[3].0, vec![facts::FACT, 1, 2]);
    put(&store, T::ActionFacts, &keys::id(0), held[2].1.to_vec());
    put(
        &store,
        T::ActionFacts,
        &keys::id(999_999),
        held[2].1.to_vec(),
    );
    let p = problems(&store);
    let has = |line: String| p.contains(&line);
    let hex = super::expected::hex;
    assert!(
        has(format!(
            "action_facts: entry {} disagrees with its record",
            hex(k0)
        )),
        "{p:?}"
    );
    assert!(
        has(format!(
            "action_facts: record has no entry {}",
            hex(&held[1].0)
        )),
        "{p:?}"
    );
    assert!(
        has(format!(
            "action_facts: entry {} disagrees with its record",
            hex(&held[3].0)
        )),
        "{p:?}"
    );
    assert!(
        has("action_facts: entry 0000000000000000 points at no record".into()),
        "{p:?}"
    );
    assert!(
        has("action_facts: entry 00000000000f423f points at no record".into()),
        "{p:?}"
    );
    assert_eq!(p.len(), 5, "{p:?}");
}

#[test]
fn a_wrong_missing_stray_or_unreadable_open_due_counter_is_named() {
    use crate::domain::Side;
    use crate::store::due_counts::{self, COUNT};
    let (_dir, store) = demo();
    let held: Vec<(sled::IVec, sled::IVec)> =
        store.tree(T::OpenDue).iter().map(Result::unwrap).collect();
    // The demo's open actions with a deadline are due on two days, all on the zorg side.
    assert_eq!(held.len(), 2, "{held:?}");
    let n0 = due_counts::decode(&held[0].0, &held[0].1, None).unwrap();
    put(
        &store,
        T::OpenDue,
        &held[0].0,
        due_counts::encode(n0 + 2, None).unwrap(),
    );
    let n1 = due_counts::decode(&held[1].0, &held[1].1, None).unwrap();
    set(&store, T::OpenDue, &held[1].0, None);
    let day = NaiveDate::from_ymd_opt(2026, 11, 23).unwrap();
    let garbled = due_counts::key(day, Side::Onderwijs);
    put(&store, T::OpenDue, &garbled, vec![COUNT, 1]);
    let far = due_counts::key(NaiveDate::from_ymd_opt(2030, 1, 1).unwrap(), Side::Zorg);
    put(
        &store,
        T::OpenDue,
        &far,
        due_counts::encode(4, None).unwrap(),
    );
    let p = problems(&store);
    let hex = super::expected::hex;
    let want = [
        format!(
            "open_due_counts: entry {} counts {}, the actions {n0}",
            hex(&held[0].0),
            n0 + 2
        ),
        format!(
            "open_due_counts: no entry {} for {n1} open actions",
            hex(&held[1].0)
        ),
        format!("open_due_counts: entry {} is unreadable", hex(&garbled)),
        format!(
            "open_due_counts: entry {} counts 4, no open action is due then",
            hex(&far)
        ),
    ];
    for line in &want {
        assert!(p.contains(line), "{line} not in {p:?}");
    }
    assert_eq!(p.len(), want.len(), "{p:?}");
}
