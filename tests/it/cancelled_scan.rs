//! Which finished actions were cancelled, and why: read record by record for a short list, in
//! one pass over every action for a long one (`report::actions::cancelled_of_with`). Both ways
//! must give the same answer; the demo school's lists are short, so only this test takes the
//! second way on purpose.

use chrono::NaiveDate;
use std::collections::HashMap;
use tandem::domain::{ActionId, Done};
use tandem::report::actions::cancelled_of_with;
use tandem::store::Store;

#[test]
fn a_pass_over_every_action_finds_the_same_cancellations_as_reading_each() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut store = Store::open(dir.path()).expect("open store");
    let today = NaiveDate::from_ymd_opt(2026, 11, 23).expect("a day");
    tandem::demo::school(&mut store, today).expect("demo school");
    let now = today.and_hms_opt(10, 0, 0).expect("a time");
    let open: Vec<_> = store
        .actions()
        .expect("actions")
        .into_iter()
        .filter(|a| a.done.is_none())
        .collect();
    let (mut cancelled, mut done) = (open[0].clone(), open[1].clone());
    cancelled.done = Some(Done {
        cancelled: Some("Gezin verhuisd".into()),
        ..Done::new(now, None)
    });
    done.done = Some(Done::new(now, None));
    store.save_action(now, cancelled.clone()).expect("cancel");
    store.save_action(now, done.clone()).expect("done");

    let want: HashMap<ActionId, String> = store
        .actions()
        .expect("actions")
        .into_iter()
        .filter_map(|a| Some((a.id, a.done?.cancelled?)))
        .collect();
    assert_eq!(
        want.get(&cancelled.id).map(String::as_str),
        Some("Gezin verhuisd")
    );
    assert!(!want.contains_key(&done.id));
    let mut rows = store.action_rows(false, None, None).expect("open rows");
    rows.extend(store.action_rows(true, None, None).expect("finished rows"));
    for point_reads_up_to in [0, 1, usize::MAX] {
        let got = cancelled_of_with(&store, &rows, point_reads_up_to).expect("reasons");
        assert_eq!(got, want, "reading each up to {point_reads_up_to}");
    }
    // Only the rows asked about: without the cancelled one's row, neither way names it.
    rows.retain(|r| r.id != cancelled.id);
    for point_reads_up_to in [0, usize::MAX] {
        let got = cancelled_of_with(&store, &rows, point_reads_up_to).expect("reasons");
        assert!(!got.contains_key(&cancelled.id));
    }
}
