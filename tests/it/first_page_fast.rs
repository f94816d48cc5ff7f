//! The first frame without a kept page (issue 10): the terminal's start reads only the first page
//! of the case list and its counts (`Store::newest_open_case_rows`, `tui::first_frame`), then
//! every row after that frame. That page must be exactly what a full read shows first: the same
//! rows in the same order, and the same counts, after every kind of change.

use crate::tui_common::*;
use tandem::domain::dates::Lang;
use tandem::domain::{CaseSummary, FamilyId};
use tandem::store::Store;
use tandem::tui::cases::{apply_filter, CaseList};
use tandem::tui::theme::Theme;

/// Page sizes around the edges: none, one, a few (ties at the cut), the terminal's, everything.
const SIZES: [usize; 6] = [0, 1, 3, 10, tandem::tui::first_page::ROWS, usize::MAX];

/// The fast page of every size equals the first rows of the full read under the start filter.
fn assert_fast_equals_full(store: &Store, after: &str) {
    let mut full = CaseList::default();
    full.set_rows(store.case_rows().expect("rows"));
    full.filter.open_only = true;
    apply_filter(&mut full, today());
    for n in SIZES {
        let fast = store.newest_open_case_rows(n).expect("fast page");
        let first: Vec<_> = full
            .visible
            .iter()
            .take(n)
            .map(|i| CaseSummary::clone(&full.rows[*i]))
            .collect();
        assert_eq!(fast.rows, first, "the first {n} rows after {after}");
        assert_eq!(
            (fast.open, fast.total),
            (full.visible.len(), full.rows.len()),
            "the counts after {after}"
        );
    }
}

#[test]
fn the_fast_page_equals_a_full_read_after_every_kind_of_change() {
    let mut s = demo(Lang::Nl);
    assert_fast_equals_full(&s.store, "start");
    let steps = [
        // A new case in a new family: the newest activity of all.
        (
            "a new case",
            "2nIlse<Tab>Verbeek<Tab>6<Tab><Tab>Slaapt slecht<Enter>",
        ),
        ("its question edited", "<Enter>e<End> en is moe<Enter>"),
        ("closed", "c<Enter>"),
        ("reopened", "c"),
        ("an action", "aBellen met de huisarts<Enter>"),
        ("the action done", "d"),
        ("flagged", "f"),
        ("back to the list", "<Esc><Esc>"),
        // Activity on a case further down the list moves it to the top.
        (
            "activity lower in the list",
            "jjjjj<Enter>aMail aan de juf<Enter><Esc>",
        ),
        ("a case closed from the list", "jj<Enter>c<Enter><Esc>"),
    ];
    for (what, keys) in steps {
        s.press(keys);
        assert_fast_equals_full(&s.store, what);
    }
    // Undone step by step: the new case goes again.
    for k in 0..12 {
        s.press("u");
        assert_fast_equals_full(&s.store, &format!("undo {k}"));
    }
    // A family forgotten: its cases are gone from the rows and the counts.
    let before = s.store.case_rows().expect("rows").len();
    tandem::tui::family::open(&mut s.app, &s.store, FamilyId(4)).expect("open family");
    s.press("Xkowalski<Enter>");
    assert!(s.store.family(FamilyId(4)).expect("read").is_none());
    assert!(s.store.case_rows().expect("rows").len() < before);
    assert_fast_equals_full(&s.store, "a family forgotten");
}

#[test]
fn the_fast_page_equals_a_full_read_on_a_store_of_thousands_with_equal_times() {
    // Thousands of cases: the packs are read in two halves at once, and the synthetic school
    // gives many cases the same last activity, so the cut falls among equal times.
    let (_dir, mut store) = open_store();
    tandem::demo::synthetic(&mut store, today(), 3000, 1).expect("synthetic");
    let rows = store.case_rows().expect("rows");
    let mut times: Vec<_> = rows.iter().map(|r| r.last_activity).collect();
    times.sort();
    times.dedup();
    assert!(times.len() < rows.len(), "no equal times to cut among");
    assert_fast_equals_full(&store, "the synthetic school");
}

#[test]
fn the_terminals_first_frame_shows_what_the_whole_start_shows() {
    let s = demo(Lang::Nl);
    let theme = || Theme::standaard(false);
    let whole = tandem::tui::first_screen(&s.store, Lang::Nl, theme(), &s.clock).expect("whole");
    let mut fast = tandem::tui::first_frame(&s.store, Lang::Nl, theme(), &s.clock).expect("fast");
    // The frame: the same screen, the counts of the whole list, before every row is read.
    assert_eq!(screen_text(&fast, 120, 40), screen_text(&whole, 120, 40));
    assert!(
        render(&fast, 120, 40) == render(&whole, 120, 40),
        "the same styles too (the selection)"
    );
    assert!(fast.cases.rows.len() < whole.cases.rows.len());
    tandem::tui::read_all_rows(&s.store, &mut fast).expect("all rows");
    assert_eq!(fast.cases.rows, whole.cases.rows);
    assert_eq!(fast.cases.visible, whole.cases.visible);
    assert_eq!(fast.cases.counts, None);
    assert_eq!(fast.persons, whole.persons);
    assert_eq!(fast.meetings, whole.meetings);
}
