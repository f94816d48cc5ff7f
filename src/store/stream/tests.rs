//! [`Store::map_action_rows`] hands over the rows [`Store::each_action_row`] hands over, in the
//! same order, whatever the size of its units and however its threads take turns.

use super::*;
use crate::domain::{Action, ActionId, Case, Child, Done, Family, Side, SignalSource};
use chrono::{Days, NaiveDateTime};

fn day0() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 23).unwrap()
}

fn now() -> NaiveDateTime {
    day0().and_hms_opt(9, 0, 0).unwrap()
}

/// Three cases with 400 actions between them over 90 days, some without a deadline, some done,
/// some with texts JSON escapes.
fn many_days(store: &mut Store) {
    let mut c = store.begin();
    let mut cases = Vec::new();
    for (first, last) in [("Sem", "Bos"), ("Lieke", "\"de\" Wit"), ("Ömer", "Yıldız")] {
        let family = c.family_id();
        let child = Child::new(
            c.child_id(),
            first.into(),
            last.into(),
            "Esch".into(),
            "5".into(),
        );
        c.put_family(Family::for_child(family, child.clone()));
        let case = c.case_id();
        let question = "Slaapt slecht".into();
        c.put_case(Case::new(
            case,
            family,
            child.id,
            question,
            SignalSource::Ouder,
            day0(),
            now(),
        ));
        cases.push(case);
    }
    for k in 0..400u64 {
        let start = day0().checked_sub_days(Days::new(60)).unwrap();
        let deadline =
            (k % 11 != 4).then(|| start.checked_add_days(Days::new(k * 7 % 90)).unwrap());
        let side = [Side::Zorg, Side::Onderwijs][(k % 2) as usize];
        let text = format!(
            "Actie {k}{}",
            ["", "\n\"bellen\"", "\\ 王"][(k % 3) as usize]
        );
        let case = cases[(k % 3) as usize];
        let mut a = Action::new(c.action_id(), case, text, None, side, deadline, now());
        if k % 5 == 1 {
            a.done = Some(Done::new(now(), None));
        }
        c.put_action(a);
    }
    store.commit(c).unwrap();
}

fn one_by_one(
    store: &Store,
    done: bool,
    from: Option<NaiveDate>,
    until: Option<NaiveDate>,
) -> Vec<ActionSummary> {
    let mut rows = Vec::new();
    store
        .each_action_row(done, from, until, |r| {
            rows.push(r);
            Ok::<(), StoreError>(())
        })
        .unwrap();
    rows
}

fn mapped(
    store: &Store,
    part: (bool, Option<NaiveDate>, Option<NaiveDate>),
    unit_bytes: usize,
) -> Vec<ActionSummary> {
    let mut rows = Vec::new();
    let own = |views: &[ActionRowView]| -> Vec<(ActionId, String)> {
        views.iter().map(|v| (v.id, v.text.to_string())).collect()
    };
    store
        .map_action_rows_in(part, unit_bytes, own, |unit| {
            rows.extend(unit);
            Ok::<(), StoreError>(())
        })
        .unwrap();
    let by_id: std::collections::HashMap<_, _> = one_by_one(store, part.0, None, None)
        .into_iter()
        .map(|r| (r.id, r))
        .collect();
    rows.into_iter()
        .map(|(id, text)| {
            let r = by_id[&id].clone();
            assert_eq!(r.text, text);
            r
        })
        .collect()
}

#[test]
fn the_rows_come_in_the_order_of_the_one_by_one_read() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::open(dir.path()).unwrap();
    many_days(&mut store);
    let at = |n: u64| {
        Some(
            day0()
                .checked_sub_days(Days::new(60))
                .unwrap()
                .checked_add_days(Days::new(n))
                .unwrap(),
        )
    };
    for done in [false, true] {
        for (from, until) in [
            (None, None),
            (None, at(40)),
            (at(10), at(11)),
            (at(89), None),
            (at(200), None),
        ] {
            let want = one_by_one(&store, done, from, until);
            for unit_bytes in [1, 300, UNIT_BYTES] {
                let got = mapped(&store, (done, from, until), unit_bytes);
                assert_eq!(
                    got, want,
                    "done {done}, {from:?}..={until:?}, units of {unit_bytes}"
                );
            }
        }
    }
    assert!(one_by_one(&store, false, None, None).len() > 250);
}

#[test]
fn an_error_of_the_sink_stops_the_list_there() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::open(dir.path()).unwrap();
    many_days(&mut store);
    let mut units = 0;
    let r = store.map_action_rows_in(
        (false, None, None),
        1,
        |rows| rows.len(),
        |_| {
            units += 1;
            match units {
                3 => Err(StoreError::NotFound {
                    kind: "case",
                    id: 1,
                }),
                _ => Ok(()),
            }
        },
    );
    assert!(matches!(r, Err(StoreError::NotFound { .. })));
    assert_eq!(units, 3);
}
