//! One flipped bit in sled's `db` never loses a confirmed change without a word (issue 8).
//!
//! A store is prepared once, with changes confirmed after its newest backup (so the journal
//! holds entries), then copied once per offset and damaged there: one bit flipped at offsets
//! spread evenly over `db`. The first command on the copy (`check`, `export`, `actions`,
//! `agenda` or `minutes`) must either show everything that was confirmed, byte for byte as
//! before the damage, or say in one line that the store is damaged and how to bring it back
//! (`tandem restore`), leaving sled's files exactly as they were. Later commands keep saying so
//! without touching the files, and `tandem restore --yes` brings back an export identical to
//! the one taken before the damage.
//!
//! Two stores: one with a sled snapshot (built through the CLI: sled writes one at every open
//! after the first), and one without (sled writes none in the session that creates a store, so
//! it is built through the store API in one session and closed). A third, the fresh `demo` of
//! the report, has no snapshot and an empty journal.
//!
//! `TANDEM_TRUST_OFFSETS=N` sets the offsets per store (default 20). Outcome counts are printed
//! (`cargo test --test it trust_damage:: -- --nocapture`).

use crate::common;
use crate::trust_common;

use crate::trust_common::{
    copy_dir, damage_report_problem, diff_names, env_count, flip_bit, ok, open_ids, out,
    sled_bytes, snapshots,
};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::time::Instant;
use tandem::store::{journal, Store};
use tempfile::TempDir;

/// The read commands of the contract, by name.
const READS: [(&str, &[&str]); 5] = [
    ("check", &["check"]),
    ("export", &["export"]),
    ("actions", &["actions", "--format", "json"]),
    ("agenda", &["agenda"]),
    ("minutes", &["minutes", "latest"]),
];

fn args_of(name: &str) -> &'static [&'static str] {
    READS
        .iter()
        .find(|(n, _)| *n == name)
        .map(|(_, a)| *a)
        .expect("a read command")
}

/// A prepared store and what every read command printed on an undamaged copy of it.
struct Prepared {
    _root: TempDir,
    data: PathBuf,
    reference: BTreeMap<&'static str, Vec<u8>>,
    /// Journal entries after the newest backup.
    journaled: usize,
}

fn journal_entries(data: &Path) -> usize {
    journal::read(data)
        .expect("journal reads")
        .map_or(0, |c| c.entries.len())
}

/// The outputs of every read command on a copy of `data` (the copy takes the reopen's
/// snapshot, the prepared store stays as it was).
fn reference_of(root: &Path, data: &Path) -> BTreeMap<&'static str, Vec<u8>> {
    let copy = root.join("reference");
    copy_dir(data, &copy);
    let mut reference = BTreeMap::new();
    for (name, args) in READS {
        reference.insert(name, ok(&copy, args));
    }
    let check = String::from_utf8_lossy(&reference["check"]).into_owned();
    assert!(
        check.contains("In orde"),
        "the prepared store is healthy: {check}"
    );
    reference
}

/// demo, a `check` (sled writes its snapshot at this reopen), then three actions done through
/// the CLI: three journal entries after the backup, the last of them after the snapshot.
fn prepare_with_snapshot() -> Prepared {
    let root = tempfile::tempdir().expect("temp dir");
    let data = root.path().join("prepared");
    ok(&data, &["demo"]);
    ok(&data, &["check"]);
    assert!(
        !snapshots(&data).is_empty(),
        "sled writes a snapshot when it reopens a store"
    );
    for id in open_ids(&data).into_iter().take(3) {
        ok(&data, &["done", &id.to_string()]);
    }
    assert!(!snapshots(&data).is_empty(), "a snapshot exists");
    with_three_changes(root, data)
}

/// The demo school, a backup, and three actions done, in one session of the store API: sled
/// writes no snapshot in the session that creates a store.
fn prepare_without_snapshot() -> Prepared {
    let root = tempfile::tempdir().expect("temp dir");
    let data = root.path().join("prepared");
    let today = common::today();
    {
        let mut store = Store::open(&data).expect("create store");
        store.today = Some(today);
        tandem::demo::school(&mut store, today).expect("demo school");
        store.backup_now(today).expect("first backup");
        let open: Vec<_> = store
            .actions()
            .expect("actions")
            .into_iter()
            .filter(|a| a.done.is_none())
            .map(|a| a.id)
            .take(3)
            .collect();
        assert_eq!(open.len(), 3);
        for (n, id) in open.into_iter().enumerate() {
            let now = common::at(today, 10, n as u32);
            store
                .set_action_done(now, id, true, None)
                .expect("confirmed change");
        }
    }
    common::wait_unlocked(&data);
    assert!(
        snapshots(&data).is_empty(),
        "a store made in one session has no snapshot: {:?}",
        snapshots(&data)
    );
    with_three_changes(root, data)
}

/// The prepared store, once its journal holds the three changes.
fn with_three_changes(root: tempfile::TempDir, data: PathBuf) -> Prepared {
    let journaled = journal_entries(&data);
    // The three changes, after the one change number every backup writes (see backup_now).
    assert_eq!(journaled, 4, "the journal holds the three changes");
    let reference = reference_of(root.path(), &data);
    Prepared {
        _root: root,
        data,
        reference,
        journaled,
    }
}

/// `tandem demo` and nothing else: the store of the report.
fn prepare_fresh_demo() -> Prepared {
    let root = tempfile::tempdir().expect("temp dir");
    let data = root.path().join("prepared");
    ok(&data, &["demo"]);
    assert!(
        snapshots(&data).is_empty(),
        "a fresh demo has no snapshot: {:?}",
        snapshots(&data)
    );
    let journaled = journal_entries(&data);
    let reference = reference_of(root.path(), &data);
    Prepared {
        _root: root,
        data,
        reference,
        journaled,
    }
}

#[derive(Debug, Default)]
struct Tally {
    /// The first command succeeded and showed exactly what was confirmed.
    intact: usize,
    /// Damage reported in one line, files untouched by this and a later command, and (after
    /// `check` or `export` first) `restore --yes` brought everything back.
    reported: usize,
    /// Succeeded but showed something else: a confirmed change lost without a word.
    silent: Vec<String>,
    /// Any other breach of the contract.
    wrong: Vec<String>,
}

/// Runs `first` on a copy damaged at `offset`, and everything the outcome calls for.
fn one_case(p: &Prepared, work: &Path, offset: u64, bit: u8, first: &str, tally: &mut Tally) {
    let case = work.join(format!("{first}-{offset}"));
    copy_dir(&p.data, &case);
    flip_bit(&case.join("db"), offset, bit);
    let damaged = sled_bytes(&case);
    let label = format!("offset {offset} bit {bit}, first {first}");
    let (ran_ok, stdout, stderr) = out(&case, args_of(first));
    if ran_ok {
        if stdout != p.reference[first] {
            tally.silent.push(format!(
                "{label}: exit 0 but the output differs from before the damage:\n{}",
                String::from_utf8_lossy(&stdout)
                    .lines()
                    .take(3)
                    .collect::<Vec<_>>()
                    .join("\n")
            ));
            return;
        }
        if first == "check" {
            // "In orde" must mean every confirmed record is there.
            let (e_ok, export, e_err) = out(&case, &["export"]);
            if !e_ok {
                tally
                    .wrong
                    .push(format!("{label}: check was clean, export failed: {e_err}"));
                return;
            }
            if export != p.reference["export"] {
                tally.silent.push(format!(
                    "{label}: check exit 0, export differs from before the damage"
                ));
                return;
            }
        }
        tally.intact += 1;
        let _ = std::fs::remove_dir_all(&case);
        return;
    }
    let mut problems = Vec::new();
    if let Some(p) = damage_report_problem(ran_ok, &stderr, "beschadigd") {
        problems.push(format!("first report: {p}"));
    }
    let after = sled_bytes(&case);
    if after != damaged {
        problems.push(format!(
            "{first} changed sled's files of the damaged store: {}",
            diff_names(&damaged, &after)
        ));
    }
    // A later command, in English: still damaged, still nothing touched.
    let second: &[&str] = if first == "export" {
        &["--lang", "en", "actions"]
    } else {
        &["--lang", "en", "export"]
    };
    let (s_ok, _, s_err) = out(&case, second);
    if let Some(p) = damage_report_problem(s_ok, &s_err, "damaged") {
        problems.push(format!("second command {second:?}: {p}"));
    }
    let again = sled_bytes(&case);
    if again != damaged {
        problems.push(format!(
            "{second:?} changed sled's files: {}",
            diff_names(&damaged, &again)
        ));
    }
    // The restore itself does not depend on which command found the damage: run after `check`
    // and `export` first (every offset), not after the others, to keep the test short.
    if matches!(first, "check" | "export") {
        restore_and_compare(p, &case, &mut problems);
    }
    if problems.is_empty() {
        tally.reported += 1;
        let _ = std::fs::remove_dir_all(&case);
    } else {
        tally.wrong.push(format!(
            "{label} (first said {:?}): {}; case kept in {}",
            stderr.trim(),
            problems.join("; "),
            case.display()
        ));
    }
}

/// `restore --yes`, then `export` is as before the damage and `check` is clean.
fn restore_and_compare(p: &Prepared, case: &Path, problems: &mut Vec<String>) {
    let (r_ok, _, r_err) = out(case, &["restore", "--yes"]);
    if !r_ok {
        problems.push(format!("restore --yes failed: {r_err}"));
        return;
    }
    let (e_ok, export, e_err) = out(case, &["export"]);
    if !e_ok {
        problems.push(format!("export after restore failed: {e_err}"));
    } else if export != p.reference["export"] {
        problems.push("export after restore differs from before the damage".into());
    }
    let (c_ok, c_out, c_err) = out(case, &["check"]);
    if !c_ok || !String::from_utf8_lossy(&c_out).contains("In orde") {
        problems.push(format!(
            "check after restore is not clean: {}{c_err}",
            String::from_utf8_lossy(&c_out)
        ));
    }
}

/// Flips a bit at `n` offsets spread evenly over `db` (the middle of each of `n` equal parts),
/// with `check` first at every offset and, per offset, the other read commands first on copies
/// of their own (export and actions at every offset, agenda and minutes in turn).
fn flip_everywhere(name: &str, p: &Prepared, default_offsets: usize) {
    let started = Instant::now();
    let n = env_count("TANDEM_TRUST_OFFSETS", default_offsets).max(1) as u64;
    let len = std::fs::metadata(p.data.join("db")).expect("db").len();
    let work = tempfile::tempdir().expect("work dir");
    let mut per_first: BTreeMap<&str, Tally> = BTreeMap::new();
    for i in 0..n {
        let offset = (2 * i + 1) * len / (2 * n);
        let bit = (i % 8) as u8;
        let extra = if i % 2 == 0 { "agenda" } else { "minutes" };
        for first in ["check", "export", "actions", extra] {
            one_case(
                p,
                work.path(),
                offset,
                bit,
                first,
                per_first.entry(first).or_default(),
            );
        }
    }
    let mut silent = Vec::new();
    let mut wrong = Vec::new();
    for (first, t) in &per_first {
        eprintln!(
            "trust_damage {name}: first command {first}: {} intact, {} damage reported{}, {} silent losses, {} other failures",
            t.intact,
            t.reported,
            if matches!(*first, "check" | "export") { " and restored" } else { "" },
            t.silent.len(),
            t.wrong.len()
        );
        silent.extend(t.silent.iter().cloned());
        wrong.extend(t.wrong.iter().cloned());
    }
    eprintln!(
        "trust_damage {name}: {n} offsets over {len} bytes of db, {} journal entries after the backup, {:.1} s",
        p.journaled,
        started.elapsed().as_secs_f64()
    );
    if !silent.is_empty() || !wrong.is_empty() {
        // Keep the copies for a look.
        let kept = work.keep();
        panic!(
            "{name}: {} silent losses, {} other failures (copies in {}):\n{}\n{}",
            silent.len(),
            wrong.len(),
            kept.display(),
            silent.join("\n"),
            wrong.join("\n")
        );
    }
}

#[test]
fn a_flipped_bit_in_a_store_with_a_snapshot_is_never_a_silent_loss() {
    let p = prepare_with_snapshot();
    flip_everywhere("with snapshot", &p, 20);
}

#[test]
fn a_flipped_bit_in_a_store_without_a_snapshot_is_never_a_silent_loss() {
    let p = prepare_without_snapshot();
    flip_everywhere("without snapshot", &p, 20);
}

#[test]
fn a_flipped_bit_in_a_fresh_demo_is_never_a_silent_loss() {
    let p = prepare_fresh_demo();
    flip_everywhere("fresh demo", &p, 8);
}

/// The issue's own reproduction, offset 70000 of a fresh demo: it used to give "In orde" on an
/// empty store.
#[test]
fn the_reported_offset_is_reported_as_damage_and_restored() {
    let p = prepare_fresh_demo();
    let case = p._root.path().join("case");
    copy_dir(&p.data, &case);
    flip_bit(&case.join("db"), 70_000, 0);
    let damaged = sled_bytes(&case);
    let (ran_ok, stdout, stderr) = out(&case, &["check"]);
    assert!(
        !ran_ok,
        "check on a damaged store: {}",
        String::from_utf8_lossy(&stdout)
    );
    assert_eq!(damage_report_problem(ran_ok, &stderr, "beschadigd"), None);
    assert!(!String::from_utf8_lossy(&stdout).contains("In orde"));
    assert_eq!(
        sled_bytes(&case),
        damaged,
        "nothing written over the damage"
    );
    // The TUI must not offer demo data on it either: without a terminal it just says damaged.
    let (t_ok, _, t_err) = out(&case, &[]);
    assert!(!t_ok, "the TUI does not start on a damaged store");
    assert!(t_err.contains("beschadigd"), "{t_err}");
    assert_eq!(sled_bytes(&case), damaged, "the TUI wrote nothing either");
    // Nor does a change: it is refused with the same report.
    let (d_ok, _, d_err) = out(&case, &["done", "3"]);
    assert_eq!(damage_report_problem(d_ok, &d_err, "beschadigd"), None);
    assert_eq!(sled_bytes(&case), damaged, "done wrote nothing");
    // `restore` without --yes and without a terminal changes nothing.
    let (r_ok, _, _) = out(&case, &["restore"]);
    assert!(!r_ok, "restore without --yes and no answer does nothing");
    assert_eq!(
        sled_bytes(&case),
        damaged,
        "an unconfirmed restore wrote nothing"
    );
    ok(&case, &["restore", "--yes"]);
    assert_eq!(ok(&case, &["export"]), p.reference["export"]);
}

/// The physical block of logical block `n` of `path` inside an ext4 image (debugfs `bmap`).
fn physical_block(image: &Path, path: &str, n: u64) -> u64 {
    let o = std::process::Command::new("debugfs")
        .arg("-R")
        .arg(format!("bmap {path} {n}"))
        .arg(image)
        .output()
        .expect("run debugfs");
    String::from_utf8_lossy(&o.stdout)
        .trim()
        .parse()
        .unwrap_or_else(|_| panic!("debugfs bmap: {}", String::from_utf8_lossy(&o.stderr)))
}

/// A failing disk flips a bit behind the file system's back: `db`'s size, times and inode stay
/// as the seal of the last clean close recorded them. The damage must still be reported, with
/// sled's files left as they were (sled's recovery rewrites a log it can't read) and the kept
/// copy holding the damaged bytes; the restore brings everything back.
///
/// Needs root for a loop mount, `mkfs.ext4` and `debugfs`; prints SKIPPED without them.
#[cfg(unix)]
#[test]
fn a_bit_flipped_behind_the_file_systems_back_is_reported_and_kept_as_it_was() {
    const BLOCK: u64 = 4096;
    let root = tempfile::tempdir().expect("temp dir");
    let image = root.path().join("disk.img");
    std::fs::File::create(&image)
        .and_then(|f| f.set_len(16 * 1024 * 1024))
        .expect("image file");
    let mkfs = std::process::Command::new("mkfs.ext4")
        .args(["-q", "-F", "-b", "4096"])
        .arg(&image)
        .output();
    if !mkfs.as_ref().is_ok_and(|o| o.status.success()) {
        eprintln!("SKIPPED bit flip behind the file system: mkfs.ext4 not available here");
        return;
    }
    let mnt = root.path().join("mnt");
    let (reference, used) = match reference_on_image(root.path(), &image, &mnt) {
        Ok(r) => r,
        Err(e) => {
            eprintln!("SKIPPED bit flip behind the file system: {e}");
            return;
        }
    };
    let n = env_count("TANDEM_TRUST_OFFSETS", 8).max(1) as u64;
    let (mut intact, mut reported) = (0, 0);
    let mut wrong = Vec::new();
    for i in 0..n {
        let offset = (2 * i + 1) * used / (2 * n);
        let bit = (i % 8) as u8;
        let case_img = root.path().join("case.img");
        std::fs::copy(&image, &case_img).expect("copy image");
        let phys = physical_block(&case_img, "/data/db", offset / BLOCK) * BLOCK + offset % BLOCK;
        flip_bit(&case_img, phys, bit);
        let case_mnt = root.path().join(format!("case{i}"));
        let _m = trust_common::Mount::loop_image(&case_img, &case_mnt).expect("mount case");
        let data = case_mnt.join("data");
        // Length, times and inode are as sealed; only the seal's content checksum sees it.
        assert!(
            !tandem::store::files::seal_matches(&data),
            "the seal's checksum notices the flip"
        );
        let damaged = sled_bytes(&data);
        let label = format!("offset {offset} bit {bit}");
        let (c_ok, _, c_err) = out(&data, &["check"]);
        if c_ok {
            if ok(&data, &["export"]) == reference {
                intact += 1;
            } else {
                wrong.push(format!(
                    "{label}: SILENT LOSS: check exit 0, export differs"
                ));
            }
            continue;
        }
        let problems = reported_damage_problems(&data, &damaged, &c_err, &reference);
        if problems.is_empty() {
            reported += 1;
        } else {
            wrong.push(format!(
                "{label} ({}): {}",
                c_err.trim(),
                problems.join("; ")
            ));
        }
    }
    eprintln!(
        "trust_damage behind the file system: {n} offsets over the {used} written bytes of db: {intact} intact, {reported} reported with the bytes kept, {} failures",
        wrong.len()
    );
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

/// The demo school on the file system in `image` (mounted on `mnt` meanwhile), with two actions
/// done: its export (from a copy under `root`) and how many bytes of `db` were written. An error
/// if the image can't be mounted here.
#[cfg(unix)]
fn reference_on_image(root: &Path, image: &Path, mnt: &Path) -> Result<(Vec<u8>, u64), String> {
    let _m = trust_common::Mount::loop_image(image, mnt)?;
    let data = mnt.join("data");
    ok(&data, &["demo"]);
    ok(&data, &["check"]);
    for id in open_ids(&data).into_iter().take(2) {
        ok(&data, &["done", &id.to_string()]);
    }
    let copy = root.join("reference");
    copy_dir(&data, &copy);
    let db = std::fs::read(data.join("db")).expect("db");
    let used = db.iter().rposition(|b| *b != 0).unwrap_or(0) as u64 + 1;
    Ok((ok(&copy, &["export"]), used))
}

/// What is wrong after `check` on `data` failed with `c_err`: the report's form, sled's files
/// (they must still be the `damaged` bytes), the copy kept in quarantine, and the restore
/// (it must bring back the export `reference`).
#[cfg(unix)]
fn reported_damage_problems(
    data: &Path,
    damaged: &BTreeMap<String, Vec<u8>>,
    c_err: &str,
    reference: &[u8],
) -> Vec<String> {
    let mut problems = Vec::new();
    if let Some(p) = damage_report_problem(false, c_err, "beschadigd") {
        problems.push(p);
    }
    let after = sled_bytes(data);
    if after != *damaged {
        problems.push(format!(
            "sled's files changed: {}",
            diff_names(damaged, &after)
        ));
    }
    let kept = trust_common::quarantine_folders(data)
        .into_iter()
        .filter(|(_, marked)| *marked)
        .map(|(name, _)| data.join("quarantine").join(name))
        .next_back();
    match kept {
        Some(k) => {
            let copy = sled_bytes(&k);
            let original: BTreeMap<_, _> = damaged
                .iter()
                .filter(|(n, _)| copy.contains_key(*n) || *n == "db")
                .map(|(n, b)| (n.clone(), b.clone()))
                .collect();
            if copy.get("db") != damaged.get("db") {
                problems.push(format!(
                    "the kept copy in {} is not the damaged db: {}",
                    k.display(),
                    diff_names(&original, &copy)
                ));
            }
        }
        None => problems.push("no copy marked BESCHADIGD.txt".into()),
    }
    let (r_ok, _, r_err) = out(data, &["restore", "--yes"]);
    if !r_ok {
        problems.push(format!("restore failed: {r_err}"));
    } else if ok(data, &["export"]) != reference {
        problems.push("export after restore differs".into());
    }
    problems
}

/// Two faults at once: a bit in the journal (its first entry) and a bit in `db` near the end of
/// sled's log, where the last confirmed changes are. The journal can no longer say how many
/// changes were confirmed, but it does know that it is damaged: tandem must not call a store
/// that lost confirmed changes healthy ("In orde") on that basis.
#[test]
fn a_damaged_journal_and_a_damaged_db_are_not_a_silent_loss() {
    let p = prepare_without_snapshot();
    let used = {
        let db = std::fs::read(p.data.join("db")).expect("db");
        db.iter().rposition(|b| *b != 0).unwrap_or(0) as u64 + 1
    };
    let journal_len = std::fs::metadata(p.data.join("journal"))
        .expect("journal")
        .len();
    let work = tempfile::tempdir().expect("work dir");
    let (mut intact, mut reported) = (0, 0);
    let mut silent = Vec::new();
    for k in 1..=12u64 {
        let offset = used - k * 700;
        let case = work.path().join(format!("case{k}"));
        copy_dir(&p.data, &case);
        // The journal header is 17 bytes, an entry's head 16: this is in the first entry's
        // payload.
        flip_bit(&case.join("journal"), 17 + 16 + 40, 0);
        assert!(journal_len > 17 + 16 + 40);
        flip_bit(&case.join("db"), offset, (k % 8) as u8);
        let (c_ok, _, c_err) = out(&case, &["check"]);
        if !c_ok {
            if damage_report_problem(c_ok, &c_err, "beschadigd").is_none() {
                reported += 1;
            } else {
                silent.push(format!("offset {offset}: check failed oddly: {c_err}"));
            }
            continue;
        }
        if ok(&case, &["export"]) == p.reference["export"] {
            intact += 1;
        } else {
            let lost: Vec<u64> = trust_common::done_states(&trust_common::actions_json(&case))
                .into_iter()
                .filter(|(_, done)| !done)
                .map(|(id, _)| id)
                .collect();
            silent.push(format!(
                "offset {offset}: check says \"In orde\" (exit 0) but the export differs from before the damage; open actions now {lost:?}"
            ));
        }
    }
    eprintln!(
        "trust_damage journal and db both damaged: {intact} intact, {reported} damage reported, {} silent losses",
        silent.len()
    );
    assert!(silent.is_empty(), "{}", silent.join("\n"));
}
