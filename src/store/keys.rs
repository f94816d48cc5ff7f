//! Key layout. Every key is fixed-width big-endian, so sled's byte order is the order we want
//! and a range scan answers "due this week" or "the timeline of case 12" directly.
//!
//! | tree          | key                                   | value                      |
//! |---------------|---------------------------------------|----------------------------|
//! | `meta`        | `schema_version`                      | u32 BE                     |
//! | `meta`        | `next/<kind>`                         | u64 BE: next id of a kind  |
//! | `families`    | family id (u64)                       | envelope(Family)           |
//! | `persons`     | person id (u64)                       | envelope(Person)           |
//! | `cases`       | case id (u64)                         | envelope(Case)             |
//! | `actions`     | action id (u64)                       | envelope(Action)           |
//! | `meetings`    | meeting id (u64)                      | envelope(Meeting)          |
//! | `events`      | event id (u64)                        | envelope(Event), only events without a case |
//! | `case_rows`   | case id (u64)                         | envelope(CaseSummary)      |
//! | `action_due`  | done (u8: 0 open, 1 done) ++ day (u32) ++ action id | envelope(ActionSummary) |
//! | `case_actions`| case id (u64)                         | envelope(Vec<u64>): its action ids, ascending |
//! | `case_events` | case id (u64)                         | envelope(Vec<Event>): its timeline, by id |
//! | `case_status` | status (u8) ++ case id                | empty                      |
//! | `family_case` | family id ++ case id                  | empty                      |
//! | `open_due_counts` | day (u32) ++ side (u8)            | 0x41 ++ u32 BE: open actions due then (`due_counts.rs`) |
//!
//! Schema 1 kept every event of a case under its own id, with `action_case` and `event_case`
//! (case id ++ id, empty value) beside them: four values per action and two per event. Those
//! trees stay empty now and are read only to upgrade (`store/upgrade.rs`).
//!
//! `day` is the number of days since 1 January of year 1, with the top bit flipped so that it
//! sorts as unsigned; an action without a deadline gets `u32::MAX` and sorts last.

use chrono::{Datelike, NaiveDate};

pub const NO_DAY: u32 = u32::MAX;

pub fn id(id: u64) -> [u8; 8] {
    id.to_be_bytes()
}

pub fn read_id(bytes: &[u8]) -> Option<u64> {
    let arr: [u8; 8] = bytes.get(..8)?.try_into().ok()?;
    Some(u64::from_be_bytes(arr))
}

pub fn pair(a: u64, b: u64) -> [u8; 16] {
    let mut k = [0u8; 16];
    k[..8].copy_from_slice(&a.to_be_bytes());
    k[8..].copy_from_slice(&b.to_be_bytes());
    k
}

/// The second id of a [`pair`] key.
pub fn pair_second(bytes: &[u8]) -> Option<u64> {
    read_id(bytes.get(8..16)?)
}

pub fn day(date: Option<NaiveDate>) -> u32 {
    match date {
        Some(d) => (d.num_days_from_ce() as u32) ^ 0x8000_0000,
        None => NO_DAY,
    }
}

pub fn action_due(done: bool, deadline: Option<NaiveDate>, action: u64) -> [u8; 13] {
    let mut k = [0u8; 13];
    k[0] = u8::from(done);
    k[1..5].copy_from_slice(&day(deadline).to_be_bytes());
    k[5..].copy_from_slice(&action.to_be_bytes());
    k
}

/// The first key of open actions due on or after `from` (None: from the very first).
pub fn action_due_from(done: bool, from: Option<NaiveDate>) -> [u8; 5] {
    let mut k = [0u8; 5];
    k[0] = u8::from(done);
    let d = from.map_or(0, |f| day(Some(f)));
    k[1..5].copy_from_slice(&d.to_be_bytes());
    k
}

pub fn status(status: u8, case: u64) -> [u8; 9] {
    let mut k = [0u8; 9];
    k[0] = status;
    k[1..].copy_from_slice(&case.to_be_bytes());
    k
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn date(n: i32) -> Option<NaiveDate> {
        NaiveDate::from_num_days_from_ce_opt(n)
    }

    proptest! {
        #[test]
        fn due_keys_sort_like_their_dates(a in -700_000i32..1_500_000, b in -700_000i32..1_500_000, x: u64, y: u64) {
            let (da, db) = (date(a), date(b));
            prop_assume!(da.is_some() && db.is_some());
            let ka = action_due(false, da, x);
            let kb = action_due(false, db, y);
            prop_assert_eq!(ka.cmp(&kb), (da, x).cmp(&(db, y)));
        }

        #[test]
        fn pairs_round_trip_and_sort(a: u64, b: u64, c: u64, d: u64) {
            let (k1, k2) = (pair(a, b), pair(c, d));
            prop_assert_eq!(read_id(&k1), Some(a));
            prop_assert_eq!(pair_second(&k1), Some(b));
            prop_assert_eq!(k1.cmp(&k2), (a, b).cmp(&(c, d)));
        }
    }

    #[test]
    fn no_deadline_sorts_last_and_open_before_done() {
        let d = date(740_000);
        assert!(action_due(false, d, u64::MAX) < action_due(false, None, 0));
        assert!(action_due(false, None, u64::MAX) < action_due(true, d, 0));
    }
}
