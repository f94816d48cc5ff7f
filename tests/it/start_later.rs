//! After the first frame the terminal reads every case row and screen 3's entries on a thread
//! (`tui::later`, issue 10 item 2). Here the thread is played by the test, which holds the
//! senders back: keys pressed meanwhile are answered at once on the first page, changes saved
//! meanwhile are on the lists once they come (whether they were read before or after the
//! change), screen 3 shown before its entries fills as a fresh read would, and damage found by
//! the read is named as a read on the UI thread names it.

use crate::tui_common::*;
use crate::tui_patch::{assert_as_reloaded, STEPS};
use std::sync::atomic::AtomicBool;
use std::sync::mpsc::{channel, Sender};
use tandem::domain::dates::Lang;
use tandem::domain::PersonId;
use tandem::store::{Result as StoreResult, Store};
use tandem::tui::acties::ActionList;
use tandem::tui::cases::CaseList;
use tandem::tui::later::{self, Later};
use tandem::tui::theme::Theme;

type RowsTx = Sender<StoreResult<CaseList>>;
type EntriesTx = Sender<StoreResult<ActionList>>;

/// The demo school as the terminal shows it after its first frame, the reads under way (their
/// senders handed to the test).
fn started() -> (Session, RowsTx, EntriesTx) {
    started_in(Lang::Nl)
}

fn started_in(lang: Lang) -> (Session, RowsTx, EntriesTx) {
    let mut s = demo(lang);
    let mut app = tandem::tui::first_frame(&s.store, lang, Theme::standaard(false), &s.clock)
        .expect("first frame");
    app.lookup.read_families(s.store.family_reader());
    let (rows_tx, rows_rx) = channel();
    let (entries_tx, entries_rx) = channel();
    app.later = Later::waiting_for(rows_rx, entries_rx);
    s.app = app;
    (s, rows_tx, entries_tx)
}

fn entries(s: &Session) -> StoreResult<ActionList> {
    let me = s.app.config.me.map(PersonId);
    let filter = s.app.actions.filter.clone();
    let never = AtomicBool::new(false);
    later::read_entries(&s.store.start_reader(), &never, filter, s.app.today, me)
}

/// Every case row, as the reader's thread hands them over.
fn rows(store: &Store) -> StoreResult<CaseList> {
    Ok(later::case_list(store.case_rows_shared()?, today()))
}

#[test]
fn keys_before_the_rows_come_are_answered_on_the_first_page() {
    let (mut s, rows_tx, _entries_tx) = started();
    let page = s.app.cases.rows.len();
    let second = s.app.cases.visible[1];
    let second = s.app.cases.rows[second].id;
    // Each press returns while the rows are held back: nothing waited for them.
    s.press("j");
    assert_eq!(s.app.cases.selected_row().map(|r| r.id), Some(second));
    s.press("<Enter>");
    assert!(
        matches!(s.app.pages.last(), Some(tandem::tui::app::Page::Case(p)) if p.case.id == second),
        "the case opened"
    );
    s.press("?");
    assert!(matches!(
        s.app.popup,
        Some(tandem::tui::app::Popup::Help { .. })
    ));
    s.press("<Esc><Esc>");
    assert!(s.app.pages.is_empty() && s.app.popup.is_none());
    assert!(s.app.later.rows_pending(), "the rows are still held back");
    assert_eq!(s.app.cases.rows.len(), page);

    // A filter waits for every row (on the page its counts would be the page's: "0 / 150
    // aangemeld"): the key returns once the rows have come, and filters the whole list.
    let whole = rows(&s.store);
    let sender = std::thread::spawn(move || {
        std::thread::sleep(std::time::Duration::from_millis(50));
        rows_tx.send(whole).expect("send");
    });
    s.press("s");
    sender.join().expect("the sender");
    assert!(!s.app.later.rows_pending());
    assert_eq!(s.app.cases.counts, None, "the whole list's own counts");
    assert_as_reloaded(&s, "a filter typed before the rows came");
    assert!(
        !s.status().contains("Nog niet alle casussen"),
        "{}",
        s.status()
    );

    s.press("q");
    assert!(s.app.quit, "q quits");
}

#[test]
fn q_before_the_rows_come_quits_at_once_and_keeps_the_kept_page() {
    let (mut s, _rows_tx, _entries_tx) = started();
    let kept = s.dir.path().join(tandem::tui::first_page::FILE);
    assert!(!kept.exists());
    s.press("q");
    assert!(s.app.quit);
    // The rows at hand are a page, not the list: its counts would be wrong next time.
    tandem::tui::first_page::save(s.dir.path(), &s.app);
    assert!(!kept.exists(), "no page kept from a page");
}

/// Changes a person may make while the reads are under way, on the first page: none of them
/// needs every row (a new case does: its form offers every family, so it waits for them).
const HELD: &[&str] = &[
    // The newest case's question edited, flagged, an action, done, open again.
    "<Enter>e<End> en is vaak moe<Enter>",
    "f",
    "aBellen met de huisarts<Enter>",
    "d",
    "d",
    "<Esc>",
    // Another case closed from the list, one flagged; screen 3 meanwhile.
    "jj<Enter>c<Enter><Esc>",
    "3",
    "2jjjf",
    // The family of the first case renamed (every row of its children changes).
    "gg<Enter><Tab><Tab><Enter>we<End>-Smit<Enter><Esc><Esc>",
    // Undone, two steps.
    "u",
    "u",
];

/// The changes of [`HELD`] made while the reads are held back, the reads handed over after
/// `held` of them: read at the start (before the changes) or right before they are handed over
/// (after them). Then the rest of `HELD` and every step of `tui_patch`, patched as usual.
fn changes_while_reading(held: usize, read_first: bool) {
    let (mut s, rows_tx, entries_tx) = started();
    let early = read_first.then(|| (rows(&s.store), entries(&s)));
    for step in &HELD[..held] {
        s.press(step);
        assert!(
            !matches!(s.app.status, Some((_, tandem::tui::app::Level::Error))),
            "{step:?}: {}",
            s.status()
        );
    }
    assert!(s.app.later.rows_pending() && s.app.later.entries_pending());
    let (r, e) = early.unwrap_or_else(|| (rows(&s.store), entries(&s)));
    rows_tx.send(r).expect("send rows");
    entries_tx.send(e).expect("send entries");
    later::poll(&mut s.app, &s.store);
    assert!(!s.app.later.rows_pending() && !s.app.later.entries_pending());
    let what = format!(
        "{held} steps, read {}",
        if read_first { "before" } else { "after" }
    );
    assert_as_reloaded(&s, &what);
    assert!(s.app.actions.loaded, "{what}");
    for step in HELD[held..].iter().chain(STEPS) {
        s.press(step);
        assert_as_reloaded(&s, &format!("{what}, then {step:?}"));
    }
}

#[test]
fn changes_saved_before_the_reads_come_are_on_the_lists_after() {
    for held in 1..=HELD.len() {
        for read_first in [true, false] {
            changes_while_reading(held, read_first);
        }
    }
}

#[test]
fn a_new_case_waits_for_every_row_its_families_come_from() {
    let (mut s, rows_tx, _entries_tx) = started();
    let all = rows(&s.store);
    let sender = std::thread::spawn(move || {
        std::thread::sleep(std::time::Duration::from_millis(50));
        rows_tx.send(all).expect("send rows");
    });
    s.press("n");
    assert!(!s.app.later.rows_pending(), "the form waited for the rows");
    assert_eq!(s.app.cases.counts, None);
    assert!(matches!(
        s.app.popup,
        Some(tandem::tui::app::Popup::Form(_))
    ));
    sender.join().expect("sender");
    s.press("Ilse<Tab>Verbeek<Tab>6<Tab><Tab>Slaapt slecht<Enter>");
    assert_as_reloaded(&s, "a new case");
}

#[test]
fn screen_3_shown_before_its_entries_says_so_and_fills_when_they_come() {
    let (mut s, rows_tx, entries_tx) = started();
    let early = entries(&s);
    rows_tx.send(rows(&s.store)).expect("send rows");
    later::poll(&mut s.app, &s.store);
    s.press("3");
    assert!(!s.app.actions.loaded);
    let screen = s.screen(160, 40);
    assert!(screen.contains("De acties worden gelezen"), "{screen}");
    // A change on a case page meanwhile: a new action (read before it, handed over after it).
    s.press("2<Enter>aBellen met de logopedist<Enter><Esc>3");
    let reading = s.screen(160, 40);
    assert!(reading.contains("De acties worden gelezen"), "{reading}");
    assert!(
        !reading.contains("0 open"),
        "no counts before the entries:\n{reading}"
    );
    entries_tx.send(early).expect("send entries");
    assert!(later::poll(&mut s.app, &s.store));
    assert!(s.app.actions.loaded);
    assert_as_reloaded(&s, "screen 3 filled after a new action");
    let screen = s.screen(160, 50);
    assert!(!screen.contains("De acties worden gelezen"), "{screen}");
    assert!(screen.contains("Bellen met de logopedist"), "{screen}");
}

#[test]
fn what_the_screen_says_meanwhile_is_english_with_lang_en() {
    let (mut s, _rows_tx, _entries_tx) = started_in(Lang::En);
    // The lookup has nothing to search until every row is read: it says it is searching, not
    // that nothing was found.
    s.press("/");
    s.press("a");
    let screen = s.screen(160, 40);
    assert!(screen.contains("searching…"), "{screen}");
    assert!(!screen.contains("No results"), "{screen}");
    s.press("<Esc>");
    s.press("3");
    assert!(s.screen(160, 40).contains("Reading the actions"));
}

#[test]
fn the_reads_on_their_own_thread_give_what_a_whole_start_gives() {
    let (mut s, _rows_tx, _entries_tx) = started();
    later::start(&mut s.app, &s.store);
    let until = std::time::Instant::now() + std::time::Duration::from_secs(30);
    while s.app.later.rows_pending() || s.app.later.entries_pending() {
        later::poll(&mut s.app, &s.store);
        assert!(std::time::Instant::now() < until, "the reads never came");
        std::thread::sleep(std::time::Duration::from_millis(2));
    }
    assert!(s.app.actions.loaded);
    assert_eq!(s.app.status, None);
    assert_as_reloaded(&s, "the reads of the thread");
}

#[test]
fn damage_found_by_the_read_after_the_first_frame_is_named() {
    let (dir, mut store) = open_store();
    tandem::demo::school(&mut store, today()).expect("demo");
    let id = store.case_rows().expect("rows")[3].id.0;
    drop(store);
    crate::common::wait_unlocked(dir.path());
    {
        // The row's format byte made one no tandem writes (packs of 32 rows by id).
        let db = sled::open(dir.path()).expect("sled");
        let t = db.open_tree("case_row_packs").expect("tree");
        let pack = (id >> 5).to_be_bytes();
        let mut bytes = t.get(pack).expect("get").expect("pack").to_vec();
        let key = id.to_be_bytes();
        let mut at = 0;
        loop {
            let klen = usize::from(u16::from_be_bytes([bytes[at], bytes[at + 1]]));
            let vat = at + 2 + klen;
            let vlen = u32::from_be_bytes(bytes[vat..vat + 4].try_into().expect("4"));
            if bytes[at + 2..vat] == key {
                bytes[vat + 4] = 0;
                break;
            }
            at = vat + 4 + vlen as usize;
        }
        t.insert(pack, bytes).expect("insert");
        db.flush().expect("flush");
    }
    crate::common::wait_unlocked(dir.path());
    let store = crate::common::reopen(dir.path());
    let today_read = store.case_rows_shared().expect_err("the damaged row");
    let said = tandem::i18n::cli::store_error(&today_read, Lang::Nl);
    let clock = clock();
    let mut app = tandem::tui::blank(Lang::Nl, Theme::standaard(false), &clock);
    later::start(&mut app, &store);
    let until = std::time::Instant::now() + std::time::Duration::from_secs(30);
    while app.later.rows_pending() {
        later::poll(&mut app, &store);
        assert!(std::time::Instant::now() < until, "the read never came");
    }
    assert_eq!(
        app.status,
        Some((said, tandem::tui::app::Level::Error)),
        "named as today"
    );
    assert!(!app.later.entries_pending(), "nothing more is read");
}

/// How long the UI thread is busy taking in what the start read on its thread (the case rows,
/// then screen 3's entries): a key pressed right then waits that long. On a copy of
/// `TANDEM_BENCH_STORE` (or the bench's demo store); reports only.
#[test]
#[ignore]
fn taking_in_the_reads_after_the_first_frame() {
    let work = tempfile::tempdir().expect("temp dir");
    let data = work.path().join("data");
    crate::perf_tui::copy_of(&crate::perf_tui::bench_store(), &data);
    let store = Store::open(&data).expect("open");
    let clock = tandem::clock::Clock::Fixed(crate::perf_tui::TODAY.parse().expect("today"));
    for round in 0..5 {
        let mut app = tandem::tui::first_frame(&store, Lang::Nl, Theme::standaard(false), &clock)
            .expect("first frame");
        later::start(&mut app, &store);
        let mut took = [0.0f64; 2];
        while app.later.rows_pending() || app.later.entries_pending() {
            let which = usize::from(!app.later.rows_pending());
            let at = std::time::Instant::now();
            if later::poll(&mut app, &store) {
                took[which] = at.elapsed().as_secs_f64() * 1000.0;
            }
            std::thread::sleep(std::time::Duration::from_millis(1));
        }
        println!(
            "round {round}: the rows taken in {:.1} ms, screen 3's entries {:.1} ms ({} rows, {} entries)",
            took[0],
            took[1],
            app.cases.rows.len(),
            app.actions.rows.len()
        );
    }
}
