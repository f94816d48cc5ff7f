//! The journal against sled (issue 8): one confirmed change missing from sled's files is the
//! crash window and comes back at open; two or more missing is damage; a damaged journal is
//! set aside without calling a healthy store damaged; a lost `db` beside backups is damage.

use crate::common;

use crate::common::{at, fixture_dir, reopen, run, today, wait_unlocked};
use std::fs;
use std::path::{Path, PathBuf};
use tandem::store::{Store, StoreError};

/// The sled files (db, conf, snap.*) of a data dir, with their bytes.
fn sled_files(dir: &Path) -> Vec<(PathBuf, Vec<u8>)> {
    let mut out: Vec<(PathBuf, Vec<u8>)> = fs::read_dir(dir)
        .expect("read dir")
        .filter_map(|e| e.ok())
        .map(|e| e.path())
        .filter(|p| {
            let n = p.file_name().map(|n| n.to_string_lossy().into_owned());
            n.is_some_and(|n| n == "db" || n == "conf" || n.starts_with("snap."))
        })
        .map(|p| {
            let bytes = fs::read(&p).expect("read");
            (p, bytes)
        })
        .collect();
    out.sort();
    out
}

/// Puts earlier sled files back: sled now holds what it held then, the journal more.
fn put_back(dir: &Path, files: &[(PathBuf, Vec<u8>)]) {
    for (p, _) in sled_files(dir) {
        fs::remove_file(p).expect("remove");
    }
    for (p, bytes) in files {
        fs::write(p, bytes).expect("write");
    }
}

fn mark_done(dir: &Path, n: usize) {
    let mut store = reopen(dir);
    let open = store.action_rows(false, None, None).expect("rows");
    for row in open.iter().take(n) {
        store
            .set_action_done(at(today(), 12, 0), row.id, true, None)
            .expect("save");
    }
    drop(store);
    wait_unlocked(dir);
}

#[test]
fn one_change_missing_from_sled_is_replayed_at_open() {
    let (dir, _fx) = fixture_dir();
    mark_done(dir.path(), 1);
    let before = sled_files(dir.path());
    mark_done(dir.path(), 1);
    let want = reopen(dir.path()).export().expect("export");
    wait_unlocked(dir.path());
    put_back(dir.path(), &before);
    let store = Store::open(dir.path()).expect("the crash window is no damage");
    assert_eq!(store.export().expect("export"), want);
    assert!(store.check().expect("check").is_ok());
}

/// The TUI syncs sled's files after the frame that shows a save (issue 10: a save within a
/// frame); the journal holds the change before that frame. Each commit settles the one before
/// it first, so a crash at any moment leaves at most the last change out of sled's files.
#[test]
fn a_save_settled_after_its_frame_is_kept_and_the_next_save_settles_it_first() {
    let (dir, _fx) = fixture_dir();
    let mut store = reopen(dir.path());
    store.settle_later(true);
    let open = store.action_rows(false, None, None).expect("rows");
    assert!(open.len() >= 2);
    store
        .set_action_done(at(today(), 12, 0), open[0].id, true, None)
        .expect("save");
    assert!(store.awaits_settle(), "the flush waits for the frame");
    store
        .set_action_done(at(today(), 12, 1), open[1].id, true, None)
        .expect("save");
    assert!(store.awaits_settle());
    // A crash now: the files as they are, the journal holding both changes.
    let crashed = tempfile::tempdir().expect("dir");
    crate::trust_common::copy_dir(dir.path(), crashed.path());
    let _ = std::fs::remove_file(crashed.path().join("tandem.lock"));
    store.settle();
    assert!(!store.awaits_settle());
    let want = store.export().expect("export");
    drop(store);
    wait_unlocked(dir.path());
    let reopened = Store::open(crashed.path()).expect("no damage after a crash");
    assert_eq!(reopened.export().expect("export"), want);
    assert!(reopened.check().expect("check").is_ok());
}

#[test]
fn two_changes_missing_from_sled_are_damage_and_restore_brings_them_back() {
    let (dir, _fx) = fixture_dir();
    mark_done(dir.path(), 1);
    let before = sled_files(dir.path());
    mark_done(dir.path(), 2);
    let want = reopen(dir.path()).export().expect("export");
    wait_unlocked(dir.path());
    put_back(dir.path(), &before);
    match Store::open(dir.path()) {
        Err(StoreError::DamagedKept {
            journal_changes, ..
        }) => assert!(journal_changes >= 3, "{journal_changes}"),
        Err(e) => panic!("expected DamagedKept, got {e:?}"),
        Ok(_) => panic!("a store missing two confirmed changes opened as healthy"),
    }
    // The files are as they were put back, and a second look says the same.
    assert_eq!(sled_files(dir.path()), before);
    let (ok, _, stderr) = run(dir.path(), &["export"]);
    assert!(!ok && stderr.contains("beschadigd") && stderr.contains("tandem restore"));
    assert_eq!(sled_files(dir.path()), before);
    let (ok, _, stderr) = run(dir.path(), &["restore", "--yes"]);
    assert!(ok, "{stderr}");
    assert_eq!(reopen(dir.path()).export().expect("export"), want);
}

#[test]
fn a_damaged_journal_does_not_make_a_healthy_store_damaged() {
    let (dir, _fx) = fixture_dir();
    mark_done(dir.path(), 2);
    let want = reopen(dir.path()).export().expect("export");
    wait_unlocked(dir.path());
    let journal = dir.path().join("journal");
    let mut bytes = fs::read(&journal).expect("journal");
    let mid = bytes.len() / 2;
    bytes[mid] ^= 0x10;
    fs::write(&journal, &bytes).expect("write");
    let journal_bytes = fs::read(&journal).expect("journal");
    let mut store = Store::open(dir.path()).expect("a healthy store opens");
    assert_eq!(store.export().expect("export"), want);
    // Reading writes nothing: the journal is set aside at the first save, not at open.
    assert_eq!(fs::read(&journal).expect("journal"), journal_bytes);
    let backups_before = tandem::store::backup::list(dir.path()).expect("list").len();
    let open = store.action_rows(false, None, None).expect("rows");
    store
        .set_action_done(at(today(), 13, 0), open[0].id, true, None)
        .expect("save");
    let kept: Vec<_> = fs::read_dir(dir.path().join("quarantine"))
        .expect("quarantine")
        .filter_map(|e| e.ok())
        .filter(|e| e.file_name().to_string_lossy().ends_with("-journaal"))
        .collect();
    assert_eq!(kept.len(), 1, "the damaged journal is kept as evidence");
    let backups = tandem::store::backup::list(dir.path()).expect("list");
    assert_eq!(backups.len(), backups_before + 1, "a backup came first");
    let want = store.export().expect("export");
    drop(store);
    wait_unlocked(dir.path());
    // Lose sled entirely: the new backup and the new journal bring everything back.
    for (p, _) in sled_files(dir.path()) {
        fs::remove_file(p).expect("remove");
    }
    let (ok, _, stderr) = run(dir.path(), &["restore", "--yes"]);
    assert!(ok, "{stderr}");
    assert_eq!(reopen(dir.path()).export().expect("export"), want);
}

#[test]
fn a_lost_db_beside_backups_is_damage_not_a_new_store() {
    let (dir, _fx) = fixture_dir();
    mark_done(dir.path(), 1);
    let want = reopen(dir.path()).export().expect("export");
    wait_unlocked(dir.path());
    fs::remove_file(dir.path().join("db")).expect("remove db");
    for args in [&["check"][..], &["actions"], &["export"]] {
        let (ok, _, stderr) = run(dir.path(), args);
        assert!(!ok && stderr.contains("beschadigd"), "{args:?}: {stderr}");
    }
    assert!(
        !dir.path().join("db").exists(),
        "no new empty store was made"
    );
    assert!(matches!(
        Store::open(dir.path()),
        Err(StoreError::DamagedKept {
            damage: tandem::store::Damage::DbMissing,
            kept: None,
            ..
        })
    ));
    let (ok, _, stderr) = run(dir.path(), &["restore", "--yes"]);
    assert!(ok, "{stderr}");
    assert_eq!(reopen(dir.path()).export().expect("export"), want);
}

#[test]
fn restore_refuses_a_healthy_store_without_replace() {
    let (dir, _fx) = fixture_dir();
    mark_done(dir.path(), 1);
    let want = reopen(dir.path()).export().expect("export");
    wait_unlocked(dir.path());
    let (ok, _, stderr) = run(dir.path(), &["restore", "--yes"]);
    assert!(!ok && stderr.contains("--replace"), "{stderr}");
    let (ok, _, stderr) = run(dir.path(), &["restore", "--yes", "--replace"]);
    assert!(ok, "{stderr}");
    assert_eq!(reopen(dir.path()).export().expect("export"), want);
    // What was replaced is kept, not deleted.
    let kept = fs::read_dir(dir.path().join("quarantine"))
        .expect("quarantine")
        .filter_map(|e| e.ok())
        .any(|e| e.file_name().to_string_lossy().ends_with("-voor-herstel"));
    assert!(kept);
}

/// Undo a new action, then undo its new case: no timeline line may be left naming the case, or
/// `check` fails and no backup of the store could be restored (found by the import rules).
#[test]
fn undoing_a_new_case_after_its_new_action_leaves_a_store_that_backs_up_and_restores() {
    use tandem::domain::Side;
    let (dir, fx) = fixture_dir();
    let mut store = reopen(dir.path());
    let t = at(today(), 14, 0);
    let case = store.begin().case_id();
    let case_undo = store
        .save_case(
            t,
            common::new_case(case, fx.celik, fx.emre, "Een tweede vraag", t),
        )
        .expect("save case");
    let action = store.begin().action_id();
    let action_undo = store
        .save_action(
            t,
            common::new_action(action, case, "Bellen", (None, Side::Zorg), None, t),
        )
        .expect("save action");
    store.undo(action_undo, t).expect("undo action");
    store.undo(case_undo, t).expect("undo case");
    let report = store.check().expect("check");
    assert!(report.is_ok(), "{:?}", report.problems);
    let want = store.export().expect("export");
    let b = store.backup_now(today()).expect("backup");
    // The backup names the change it covers, the one before its own marker change.
    assert_eq!(b.seq, tandem::store::backup::seq_of(&b.path));
    drop(store);
    wait_unlocked(dir.path());
    fs::remove_file(dir.path().join("db")).expect("lose db");
    let (ok, _, stderr) = run(dir.path(), &["restore", "--yes"]);
    assert!(ok, "{stderr}");
    assert_eq!(reopen(dir.path()).export().expect("export"), want);
}

/// The journal lost (deleted, cut short, a bit flipped), then a save, then the store damaged:
/// the save must first have made a backup that the new journal sits on, so the restore brings
/// back every change, also those from before the journal was lost. `check` says the journal
/// can't vouch meanwhile. Found by trying it as a user would.
#[test]
fn a_lost_journal_then_a_save_then_damage_loses_nothing() {
    type Harm = fn(&Path);
    let harms: [(&str, Harm); 3] = [
        ("deleted", |d| {
            fs::remove_file(d.join("journal")).expect("rm")
        }),
        ("cut short", |d| {
            let j = d.join("journal");
            let len = fs::metadata(&j).expect("journal").len();
            fs::OpenOptions::new()
                .write(true)
                .open(&j)
                .and_then(|f| f.set_len(len / 2))
                .expect("truncate");
        }),
        ("a bit flipped", |d| {
            let j = d.join("journal");
            let mut bytes = fs::read(&j).expect("journal");
            let at = bytes.len() / 3;
            bytes[at] ^= 0x04;
            fs::write(&j, bytes).expect("write");
        }),
    ];
    for (what, harm) in harms {
        let dir = tempfile::tempdir().expect("temp");
        let d = dir.path();
        let (ok, _, e) = run(d, &["demo"]);
        assert!(ok, "{e}");
        let open = |d: &Path| -> Vec<u64> {
            let (_, out, _) = run(d, &["actions", "--format", "json"]);
            let v: serde_json::Value = serde_json::from_str(&out).expect("json");
            v.as_array()
                .expect("array")
                .iter()
                .filter_map(|a| a["id"].as_u64())
                .collect()
        };
        let ids = open(d);
        for id in &ids[..3] {
            assert!(run(d, &["done", &id.to_string()]).0);
        }
        harm(d);
        let (ok, out, _) = run(d, &["check"]);
        assert!(ok && out.contains("journaal"), "{what}: {out}");
        let (ok, _, e) = run(d, &["done", &ids[3].to_string()]);
        assert!(ok, "{what}: {e}");
        let (_, want, _) = run(d, &["export"]);
        let db = d.join("db");
        let mut bytes = fs::read(&db).expect("db");
        let at = 70_000.min(bytes.len() / 2);
        bytes[at] ^= 0x01;
        fs::write(&db, bytes).expect("write");
        let (ok, _, e) = run(d, &["restore", "--yes"]);
        assert!(ok, "{what}: {e}");
        let (_, got, _) = run(d, &["export"]);
        assert!(got == want, "{what}: the restore lost changes");
    }
}

/// A restore names the backup it makes after the caller's "today" (`TANDEM_TODAY`), as every
/// other backup is, not after the system's date.
#[test]
fn a_restore_names_its_backup_after_the_callers_today() {
    let (dir, _fx) = fixture_dir();
    let names = |dir: &Path| -> Vec<String> {
        fs::read_dir(dir.join("backups"))
            .expect("backups")
            .filter_map(|e| e.ok())
            .map(|e| e.file_name().to_string_lossy().into_owned())
            .collect()
    };
    let (ok, _, err) = run(dir.path(), &["backup"]);
    assert!(ok, "{err}");
    let before = names(dir.path());
    // A backup's name holds the second it was made: the restore's must not take this one's.
    std::thread::sleep(std::time::Duration::from_millis(1100));
    // Without the journal nothing can be replayed onto the backup: the restore makes a fresh
    // backup to start a new journal on.
    std::fs::remove_file(dir.path().join("journal")).expect("remove the journal");
    let (ok, _, err) = run(dir.path(), &["restore", "--yes", "--replace"]);
    assert!(ok, "{err}");
    let system_day = chrono::Local::now().date_naive().to_string();
    let made: Vec<String> = names(dir.path())
        .into_iter()
        .filter(|n| !before.contains(n))
        .collect();
    assert_eq!(made.len(), 1, "{made:?}");
    assert!(made[0].contains(common::TODAY), "{made:?}");
    if system_day != common::TODAY {
        assert!(!made[0].contains(&system_day), "{made:?}");
    }
}
