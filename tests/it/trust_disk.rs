//! Full and read-only disks, a mistyped data dir, sled's unfinished snapshot, private files
//! (issue 8).
//!
//! The full disk is a small tmpfs and the read-only dir a read-only bind mount; both need
//! `mount` (root, as here and in CI). Where the test can't mount, it prints a SKIPPED line and
//! returns. Mounts are undone in a Drop guard, also when an assertion fails.
#![cfg(unix)]

use crate::pty;
use crate::trust_common;

use crate::trust_common::{
    actions_json, all_bytes, cmd_on, done_states, ok, open_ids, out, output_of, quarantine_folders,
    snapshots, Mount,
};
use std::io::Write;
use std::os::unix::fs::PermissionsExt;
use std::path::Path;

/// Fills the file system holding `dir` until a write fails: a file `filler` in `dir`.
fn fill(dir: &Path) -> u64 {
    let mut f = std::fs::File::create(dir.join("filler")).expect("filler");
    let block = vec![0u8; 4096];
    let mut written = 0;
    while f.write_all(&block).is_ok() {
        written += 4096;
    }
    // The last partial block, byte by byte.
    while f.write_all(&block[..1]).is_ok() {
        written += 1;
    }
    let _ = f.flush();
    written
}

fn assert_plain_full_disk_message(stderr: &str, problems: &mut Vec<String>, what: &str) {
    if !stderr.contains("schijf is vol") {
        problems.push(format!("{what}: no \"schijf is vol\" in {stderr:?}"));
    }
    for raw in ["Os {", "code:", "os error", "panicked"] {
        if stderr.contains(raw) {
            problems.push(format!("{what}: {raw:?} in {stderr:?}"));
        }
    }
    if stderr.lines().count() != 1 {
        problems.push(format!("{what}: not one line: {stderr:?}"));
    }
}

/// Mounts a tmpfs of `bytes` in a temp dir; `None` (after a SKIPPED line) where this machine
/// does not allow it.
fn small_disk(root: &Path, bytes: u64, test: &str) -> Option<Mount> {
    match Mount::tmpfs(&root.join("disk"), bytes) {
        Ok(m) => Some(m),
        Err(e) => {
            eprintln!("SKIPPED {test}: can't mount a tmpfs here ({e})");
            None
        }
    }
}

/// A save on a full disk says so in plain Dutch and is not saved; once there is room, the next
/// save works in a new run. Reading still works while the disk is full.
#[test]
fn a_full_disk_refuses_the_save_in_plain_dutch_and_the_next_save_works_once_there_is_room() {
    let root = tempfile::tempdir().expect("temp dir");
    let Some(disk) = small_disk(root.path(), 4 * 1024 * 1024, "full disk") else {
        return;
    };
    let data = disk.path.join("data");
    ok(&data, &["demo"]);
    ok(&data, &["check"]);
    let open = open_ids(&data);
    fill(&disk.path);
    let mut problems = Vec::new();
    // Saves may still fit in pages the files already have; keep going until one can't.
    let mut saved = Vec::new();
    let mut refused = None;
    for id in open.iter().take(20) {
        let (done_ok, _, stderr) = out(&data, &["done", &id.to_string()]);
        if done_ok {
            saved.push(*id);
            continue;
        }
        assert_plain_full_disk_message(&stderr, &mut problems, &format!("done {id}"));
        if stderr.contains("afgevinkt") {
            problems.push(format!("done {id} failed but said it saved: {stderr:?}"));
        }
        refused = Some(*id);
        break;
    }
    let Some(refused) = refused else {
        panic!("20 saves on a full disk all succeeded: the disk never filled");
    };
    // Reading while the disk is full.
    let (r_ok, stdout, r_err) = out(&data, &["actions", "--all", "--format", "json"]);
    if !r_ok {
        problems.push(format!(
            "actions while the disk is full failed (reading needs no room): {r_err:?}"
        ));
    } else {
        let states = done_states(&serde_json::from_slice::<Vec<_>>(&stdout).expect("JSON"));
        if states.get(&refused) != Some(&false) {
            problems.push(format!(
                "action {refused} was refused but shows as done while the disk is full"
            ));
        }
    }
    std::fs::remove_file(disk.path.join("filler")).expect("remove filler");
    let states = done_states(&actions_json(&data));
    assert_eq!(
        states.get(&refused),
        Some(&false),
        "the refused change is not in the store"
    );
    for id in &saved {
        assert_eq!(states.get(id), Some(&true), "saved change {id} is there");
    }
    let (again_ok, _, again_err) = out(&data, &["done", &refused.to_string()]);
    assert!(again_ok, "the next save once there is room: {again_err}");
    assert_eq!(done_states(&actions_json(&data)).get(&refused), Some(&true));
    let check = String::from_utf8_lossy(&ok(&data, &["check"])).into_owned();
    assert!(check.contains("In orde"), "{check}");
    // "Removed when healthy": the copies taken while the disk was full are gone.
    let left = quarantine_folders(&data);
    if !left.is_empty() {
        problems.push(format!(
            "quarantine folders left after the store turned out healthy: {left:?}"
        ));
    }
    eprintln!(
        "trust_disk full disk: {} saves fitted before one was refused; problems: {}",
        saved.len(),
        problems.len()
    );
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

/// The first change of a new day needs a backup first: on a full disk that fails too, in plain
/// Dutch, with nothing saved and no half backup left; once there is room it works.
#[test]
fn a_full_disk_refuses_the_days_first_change_when_its_backup_does_not_fit() {
    let root = tempfile::tempdir().expect("temp dir");
    let Some(disk) = small_disk(root.path(), 4 * 1024 * 1024, "full disk backup") else {
        return;
    };
    let data = disk.path.join("data");
    ok(&data, &["demo"]);
    ok(&data, &["check"]);
    let id = open_ids(&data)[0];
    let backups_before = std::fs::read_dir(data.join("backups"))
        .expect("backups")
        .count();
    fill(&disk.path);
    let tomorrow = "2026-11-24";
    let (done_ok, _, stderr) = output_of(
        cmd_on(&data, tomorrow)
            .args(["done", &id.to_string()])
            .output()
            .expect("run"),
    );
    let mut problems = Vec::new();
    if done_ok {
        problems.push("done on a full disk, with a backup due, succeeded".into());
    } else {
        assert_plain_full_disk_message(&stderr, &mut problems, "done");
    }
    let names: Vec<String> = std::fs::read_dir(data.join("backups"))
        .expect("backups")
        .filter_map(|e| e.ok())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    if names.iter().any(|n| n.ends_with(".part")) {
        problems.push(format!("half a backup left behind: {names:?}"));
    }
    std::fs::remove_file(disk.path.join("filler")).expect("remove filler");
    if !done_ok {
        assert_eq!(
            done_states(&actions_json(&data)).get(&id),
            Some(&false),
            "the refused change is not in the store"
        );
    }
    let (again_ok, _, again_err) = output_of(
        cmd_on(&data, tomorrow)
            .args(["done", &id.to_string()])
            .output()
            .expect("run"),
    );
    assert!(again_ok, "once there is room: {again_err}");
    assert_eq!(done_states(&actions_json(&data)).get(&id), Some(&true));
    let backups_after = std::fs::read_dir(data.join("backups"))
        .expect("backups")
        .count();
    assert_eq!(
        backups_after,
        backups_before + 1,
        "the day's backup was made"
    );
    assert!(String::from_utf8_lossy(&ok(&data, &["check"])).contains("In orde"));
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

/// A read-only data dir: export and actions work, done says the dir is read-only, and not one
/// byte of the dir changes.
#[test]
fn a_read_only_data_dir_can_be_read_and_says_why_it_cant_save() {
    let root = tempfile::tempdir().expect("temp dir");
    let src = root.path().join("data");
    ok(&src, &["demo"]);
    ok(&src, &["done", &open_ids(&src)[0].to_string()]);
    let export = ok(&src, &["export"]);
    let actions = ok(&src, &["actions", "--format", "json"]);
    let before = all_bytes(&src);
    let dst = root.path().join("ro");
    let _mount = match Mount::bind_read_only(&src, &dst) {
        Ok(m) => m,
        Err(e) => {
            eprintln!("SKIPPED read-only data dir: can't bind-mount read-only here ({e})");
            return;
        }
    };
    assert!(
        std::fs::write(dst.join("probe"), b"x").is_err(),
        "the bind mount is read-only"
    );
    assert_eq!(ok(&dst, &["export"]), export, "export from a read-only dir");
    assert_eq!(
        ok(&dst, &["actions", "--format", "json"]),
        actions,
        "actions from a read-only dir"
    );
    let id = open_ids(&dst)[0];
    let (done_ok, stdout, stderr) = out(&dst, &["done", &id.to_string()]);
    assert!(!done_ok, "done on a read-only dir must fail");
    assert!(stdout.is_empty());
    assert!(stderr.to_lowercase().contains("alleen-lezen"), "{stderr}");
    assert_eq!(stderr.lines().count(), 1, "{stderr}");
    assert!(
        !stderr.contains("Os {") && !stderr.contains("os error"),
        "{stderr}"
    );
    let check = String::from_utf8_lossy(&ok(&dst, &["check"])).into_owned();
    assert!(check.contains("In orde"), "{check}");
    assert_eq!(all_bytes(&src), before, "a read-only dir is not changed");
}

/// A mistyped data dir is not an empty store: every read command and `done` says so, and
/// nothing is created, neither in a missing dir nor in an empty one.
#[test]
fn a_data_dir_without_a_store_is_not_an_empty_store() {
    let root = tempfile::tempdir().expect("temp dir");
    let missing = root.path().join("typo");
    let empty = root.path().join("empty");
    std::fs::create_dir(&empty).expect("empty dir");
    let commands: [&[&str]; 7] = [
        &["export"],
        &["check"],
        &["actions"],
        &["actions", "--format", "json"],
        &["agenda"],
        &["minutes", "latest"],
        &["done", "3"],
    ];
    for args in commands {
        for dir in [&missing, &empty] {
            let (ran_ok, stdout, stderr) = out(dir, args);
            assert!(!ran_ok, "{args:?} on {} must fail", dir.display());
            assert!(stdout.is_empty(), "{args:?}: nothing on stdout");
            assert!(stderr.contains("geen tandem-opslag"), "{args:?}: {stderr}");
            assert_eq!(stderr.lines().count(), 1, "{args:?}: {stderr}");
        }
        assert!(!missing.exists(), "{args:?} created the missing data dir");
        let inside: Vec<_> = std::fs::read_dir(&empty).expect("read").collect();
        assert!(
            inside.is_empty(),
            "{args:?} wrote into an empty dir: {inside:?}"
        );
    }
    // --lang en says the same in English.
    let (_, _, stderr) = out(&missing, &["--lang", "en", "export"]);
    assert!(stderr.contains("no tandem store"), "{stderr}");
}

/// sled's unfinished snapshot (`snap.<lsn>.generating`, left by a full disk or a crash) is
/// cleared at open and does not make a healthy store count as damaged.
#[test]
fn an_unfinished_snapshot_is_cleared_and_the_store_stays_healthy() {
    let root = tempfile::tempdir().expect("temp dir");
    let data = root.path().join("data");
    ok(&data, &["demo"]);
    ok(&data, &["check"]);
    ok(&data, &["done", &open_ids(&data)[0].to_string()]);
    let export = ok(&data, &["export"]);
    let snaps = snapshots(&data);
    let snap = snaps.first().expect("a snapshot after a reopen");
    let lsn = u64::from_str_radix(snap.trim_start_matches("snap."), 16).expect("hex lsn");
    let leftover = format!("snap.{:016X}.generating", lsn + 0x1000);
    std::fs::copy(data.join(snap), data.join(&leftover)).expect("copy snapshot");
    // Half written, as a full disk leaves it.
    let half = std::fs::metadata(data.join(&leftover)).expect("meta").len() / 2;
    std::fs::OpenOptions::new()
        .write(true)
        .open(data.join(&leftover))
        .and_then(|f| f.set_len(half))
        .expect("cut the leftover");
    let (c_ok, c_out, c_err) = out(&data, &["check"]);
    let report = String::from_utf8_lossy(&c_out);
    assert!(
        c_ok && report.contains("In orde"),
        "check with a leftover {leftover}: {report}{c_err}"
    );
    assert!(!data.join(&leftover).exists(), "{leftover} was removed");
    assert_eq!(ok(&data, &["export"]), export);
    let damaged_marks: Vec<_> = quarantine_folders(&data)
        .into_iter()
        .filter(|(_, d)| *d)
        .collect();
    assert!(damaged_marks.is_empty(), "{damaged_marks:?}");

    // The same as the first command of a read-only kind other than check.
    std::fs::copy(data.join(&snapshots(&data)[0]), data.join(&leftover)).expect("copy");
    let (a_ok, _, a_err) = out(&data, &["actions"]);
    assert!(a_ok, "actions with a leftover: {a_err}");
    assert!(!data.join(&leftover).exists());
}

/// The data dir is the user's alone: 0700 for folders, 0600 for files, after every kind of
/// command that writes (demo, a reopen that writes a snapshot, done, backup, restore).
#[test]
fn the_data_dir_and_its_files_are_private() {
    let root = tempfile::tempdir().expect("temp dir");
    let data = root.path().join("data");
    let check_modes = |after: &str| {
        let mode = |p: &Path| std::fs::metadata(p).expect("metadata").permissions().mode() & 0o777;
        assert_eq!(mode(&data), 0o700, "data dir after {after}");
        let mut wrong = Vec::new();
        for (rel, _) in all_bytes(&data) {
            let path = data.join(&rel);
            let want = if path.is_dir() { 0o700 } else { 0o600 };
            let got = mode(&path);
            if got != want {
                wrong.push(format!("{} {got:o}", rel.display()));
            }
        }
        assert!(wrong.is_empty(), "not private after {after}: {wrong:?}");
    };
    ok(&data, &["demo"]);
    check_modes("demo");
    ok(&data, &["check"]);
    assert!(!snapshots(&data).is_empty());
    check_modes("check (sled's snapshot)");
    ok(&data, &["done", &open_ids(&data)[0].to_string()]);
    check_modes("done");
    ok(&data, &["backup"]);
    check_modes("backup");
    ok(&data, &["restore", "--yes", "--replace"]);
    check_modes("restore");
    // A damaged store's kept copy is private too.
    trust_common::flip_bit(&data.join("db"), 1000, 0);
    let _ = out(&data, &["check"]);
    check_modes("damage found");
}

/// The TUI on a disk that fills up while it runs: a new case that can't be saved says the disk
/// is full, the form keeps what was typed, and once there is room the same Enter saves it, in
/// the same session.
#[test]
fn the_tui_keeps_the_form_on_a_full_disk_and_saves_it_once_there_is_room() {
    let root = tempfile::tempdir().expect("temp dir");
    let Some(disk) = small_disk(root.path(), 4 * 1024 * 1024, "full disk in the TUI") else {
        return;
    };
    let config = tempfile::tempdir().expect("config dir");
    let data = disk.path.join("data");
    ok(&data, &["demo"]);
    ok(&data, &["check"]);
    let mut t = pty::Tui::start(&data, config.path(), &[]);
    t.wait_for("Julia Bakker");
    t.skip_me();
    fill(&disk.path);
    let mut refused = None;
    let mut saved = Vec::new();
    for k in 0..12 {
        let question = format!("Vraag {k} over de ochtenden");
        t.step("n", "Nieuwe casus (intake)");
        t.keys(&format!("Kind{k}\tDemo\t\t\t{question}"));
        t.wait_for(&question);
        t.keys("\r");
        let start = std::time::Instant::now();
        let outcome = loop {
            let screen = t.screen();
            if screen.contains("Opgeslagen.") && !screen.contains("Nieuwe casus (intake)") {
                break Ok(());
            }
            if screen.contains("schijf is vol") || screen.contains("niet opgeslagen") {
                break Err(screen);
            }
            assert!(
                start.elapsed() < std::time::Duration::from_secs(10),
                "neither saved nor refused:\n{screen}"
            );
            std::thread::sleep(std::time::Duration::from_millis(20));
        };
        if let Err(screen) = outcome {
            refused = Some((question, screen));
            break;
        }
        // Saved: clear the status line for the next round.
        saved.push(question);
        t.keys("\x1b");
    }
    let Some((question, screen)) = refused else {
        panic!("12 new cases on a full disk were all saved: the disk never filled");
    };
    eprintln!(
        "trust_disk tui: {} new cases fitted on the full disk, then {question:?} was refused",
        saved.len()
    );
    assert!(
        screen.contains("schijf is vol"),
        "the refusal says the disk is full:\n{screen}"
    );
    assert!(!screen.contains("Os {"), "{screen}");
    assert!(
        screen.contains(&question) && screen.contains("Nieuwe casus (intake)"),
        "the form keeps what was typed:\n{screen}"
    );
    std::fs::remove_file(disk.path.join("filler")).expect("remove filler");
    t.keys("\r");
    t.wait_for("Opgeslagen.");
    let after = t.screen();
    assert!(
        !after.contains("Nieuwe casus (intake)"),
        "the form closed once saved:\n{after}"
    );
    t.keys("q");
    let status = t.exit();
    assert!(status.success(), "{status:?}");
    let export = String::from_utf8_lossy(&ok(&data, &["export"])).into_owned();
    assert!(
        export.contains(&question),
        "the case saved after the room came back"
    );
    assert!(String::from_utf8_lossy(&ok(&data, &["check"])).contains("In orde"));
}

/// The TUI on a read-only data dir: it opens and shows the case book, a save says the dir is
/// read-only, and not one byte changes.
#[test]
fn the_tui_reads_a_read_only_data_dir_and_says_why_it_cant_save() {
    let root = tempfile::tempdir().expect("temp dir");
    let config = tempfile::tempdir().expect("config dir");
    let src = root.path().join("data");
    ok(&src, &["demo"]);
    ok(&src, &["check"]);
    let before = all_bytes(&src);
    let dst = root.path().join("ro");
    let _mount = match Mount::bind_read_only(&src, &dst) {
        Ok(m) => m,
        Err(e) => {
            eprintln!("SKIPPED read-only data dir in the TUI: can't bind-mount read-only ({e})");
            return;
        }
    };
    let mut t = pty::Tui::start(&dst, config.path(), &[]);
    t.wait_for("Julia Bakker");
    t.step("3", "Acties");
    t.keys("d");
    t.wait_for("Alleen-lezen");
    let screen = t.screen();
    assert!(!screen.contains("Actie afgevinkt"), "{screen}");
    t.keys("q");
    let status = t.exit();
    assert!(status.success(), "{status:?}");
    assert_eq!(all_bytes(&src), before, "a read-only dir is not changed");
}
