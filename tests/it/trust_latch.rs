//! sled 0.34.7 latches an I/O error: once a flush of a `Db` failed (a full disk), every later
//! flush of that `Db` fails too, however much room there is again. The session then can't save
//! until tandem restarts; it must say so (not "make room and try again", which never works), and
//! the restart must bring back every confirmed change (found in issue 9's refused-commit test).
//!
//! A small tmpfs (root, as here and in CI; where the test can't mount, it prints SKIPPED).
#![cfg(unix)]

use crate::trust_common::Mount;
use chrono::NaiveDate;
use std::io::Write;
use std::path::Path;
use tandem::domain::{Action, ActionId, CaseId, Side};
use tandem::store::{Store, StoreError};

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 23).expect("valid date")
}

/// Fills the file system of `dir` to the last byte, then frees `slack` bytes: sometimes room
/// for the journal's small entry but not for sled's log buffer.
fn fill_leaving(dir: &Path, slack: u64) {
    let path = dir.join("filler");
    let mut f = std::fs::File::create(&path).expect("filler");
    let block = vec![0u8; 4096];
    while f.write_all(&block).is_ok() {}
    while f.write_all(&block[..1]).is_ok() {}
    let _ = f.flush();
    let len = std::fs::metadata(&path).expect("filler").len();
    f.set_len(len.saturating_sub(slack))
        .expect("free the slack");
}

fn save(store: &mut Store, case: CaseId, text: &str) -> Result<(), StoreError> {
    let id: ActionId = store.begin().action_id();
    let now = today().and_hms_opt(10, 0, 0).expect("time");
    let action = Action::new(id, case, text.into(), None, Side::Zorg, None, now);
    store.save_action(now, action).map(|_| ())
}

fn texts(store: &Store, case: CaseId) -> Vec<String> {
    let actions = store.actions_of_case(case).expect("actions");
    actions.into_iter().map(|a| a.text).collect()
}

/// Saves until the full disk refuses; returns what was confirmed and the refusal.
fn until_refused(store: &mut Store, case: CaseId, slack: u64) -> (Vec<String>, StoreError) {
    let mut kept = Vec::new();
    for k in 0..20 {
        let text = format!("Op de volle schijf {k}");
        match save(store, case, &text) {
            Ok(()) => kept.push(text),
            Err(e) => return (kept, e),
        }
    }
    panic!("slack {slack}: 20 saves on a full disk were all confirmed");
}

#[test]
fn after_a_full_disk_the_session_saves_again_or_says_to_restart_and_nothing_is_lost() {
    for slack in [0, 4096, 8192, 16384] {
        let root = tempfile::tempdir().expect("temp dir");
        let disk = match Mount::tmpfs(&root.path().join("disk"), 8 * 1024 * 1024) {
            Ok(m) => m,
            Err(e) => return eprintln!("SKIPPED sled's latched error: no tmpfs here ({e})"),
        };
        let data = disk.path.join("data");
        let mut store = Store::open(&data).expect("open store");
        store.today = Some(today());
        tandem::demo::school(&mut store, today()).expect("demo data");
        let case = store.case_rows().expect("rows")[0].id;
        // The day's backup is made by the first save, before the disk fills.
        save(&mut store, case, "Voor de volle schijf").expect("room for the first save");
        fill_leaving(&disk.path, slack);
        let (mut kept, refused) = until_refused(&mut store, case, slack);
        assert!(
            matches!(
                refused,
                StoreError::DiskFull | StoreError::RestartAfterFullDisk
            ),
            "slack {slack}: refused as {refused:?}"
        );
        std::fs::remove_file(disk.path.join("filler")).expect("remove filler");
        match save(&mut store, case, "Met weer ruimte") {
            Ok(()) => kept.push("Met weer ruimte".into()),
            // sled latched the error: this session can't save any more, and says so.
            Err(StoreError::RestartAfterFullDisk) => {}
            Err(e) => panic!("slack {slack}: with room again: {e}"),
        }
        drop(store);
        // sled's flusher thread lets go of the files a moment after the drop.
        crate::common::wait_unlocked(&data);
        let mut store = Store::open(&data).expect("reopen after the full disk");
        store.today = Some(today());
        let found = texts(&store, case);
        for text in &kept {
            assert!(found.contains(text), "slack {slack}: {text:?} lost");
        }
        save(&mut store, case, "Na de herstart").expect("a restarted session saves");
        assert!(texts(&store, case).contains(&"Na de herstart".to_string()));
    }
}
