//! The store's refusals, for real: a second tandem on the same data dir, damaged files, and data
//! from a newer tandem. Each must be a typed error in the API and one calm line from the binary.

use crate::common::*;
use std::collections::BTreeMap;
use std::fs;
use std::hash::{DefaultHasher, Hash, Hasher};
use std::path::{Path, PathBuf};
use tandem::store::{Store, StoreError};

/// A store as people have it after a few sessions: the fixture, closed and opened again, so
/// sled has written a snapshot beside its log.
fn used_dir() -> (tempfile::TempDir, Fixture) {
    let (dir, fx) = fixture_dir();
    for _ in 0..2 {
        let store = reopen(dir.path());
        assert!(store.check().expect("check").is_ok());
    }
    wait_unlocked(dir.path());
    (dir, fx)
}

/// Each file of the dir with its length and a hash of its bytes.
fn files_of(dir: &Path) -> BTreeMap<PathBuf, (usize, u64)> {
    let mut out = BTreeMap::new();
    for entry in fs::read_dir(dir).expect("read dir") {
        let path = entry.expect("entry").path();
        if path.is_file() {
            let bytes = fs::read(&path).expect("read file");
            let mut h = DefaultHasher::new();
            bytes.hash(&mut h);
            out.insert(path, (bytes.len(), h.finish()));
        }
    }
    out
}

fn snapshots(dir: &Path) -> Vec<PathBuf> {
    let mut out: Vec<PathBuf> = fs::read_dir(dir)
        .expect("read dir")
        .map(|e| e.expect("entry").path())
        .filter(|p| {
            p.file_name()
                .is_some_and(|n| n.to_string_lossy().starts_with("snap."))
        })
        .collect();
    out.sort();
    out
}

#[test]
fn a_second_open_of_one_data_dir_is_refused() {
    let (dir, _fx) = fixture_dir();
    let first = Store::open(dir.path()).expect("first open");
    match Store::open(dir.path()) {
        Err(StoreError::Locked(p)) => assert_eq!(p, dir.path()),
        Err(e) => panic!("expected Locked, got {e:?}"),
        Ok(_) => panic!("a second open of the same dir succeeded"),
    }

    let held = |args: &[&str]| check_one_line_failure(args, run_once(dir.path(), args));
    let nl = held(&["check"]);
    assert!(nl.contains("al geopend"), "{nl}");
    let en = held(&["--lang", "en", "actions"]);
    assert!(en.contains("already open"), "{en}");
    let en = held(&["--lang", "en", "done", "1"]);
    assert!(en.contains("already open"), "{en}");

    // Once the first one closes, the dir opens again and nothing was lost.
    assert!(first.check().expect("check").is_ok());
    drop(first);
    let again = reopen(dir.path());
    assert_eq!(again.cases().expect("cases").len(), 6);
}

type Damage = fn(&Path);

fn db_cut(d: &Path) {
    let f = fs::OpenOptions::new()
        .write(true)
        .open(d.join("db"))
        .expect("open db");
    f.set_len(100).expect("truncate");
}

fn db_garbage_in_the_middle(d: &Path) {
    let mut bytes = fs::read(d.join("db")).expect("read db");
    // The records of the fixture live in the first 32 KiB of the log.
    let mid = bytes.len().min(32 * 1024) / 2;
    for (i, b) in bytes[mid..mid + 64].iter_mut().enumerate() {
        *b = [0xde, 0xad, 0xbe, 0xef][i % 4];
    }
    fs::write(d.join("db"), bytes).expect("write db");
}

/// Damage that sled notices on a store in use: every one must be a clean refusal.
#[test]
fn damaged_files_give_a_clean_error() {
    let kinds: [(&str, Damage); 5] = [
        ("db emptied", |d| {
            fs::write(d.join("db"), b"").expect("write")
        }),
        ("db cut to 100 bytes", db_cut),
        ("garbage in the middle of db", db_garbage_in_the_middle),
        ("garbage snapshot", |d| {
            let snaps = snapshots(d);
            assert!(!snaps.is_empty(), "a used store has a snapshot");
            for s in snaps {
                fs::write(s, "☠ not a snapshot ☠".repeat(20)).expect("write snapshot");
            }
        }),
        ("garbage conf", |d| {
            fs::write(d.join("conf"), "segment_size: ☠\n").expect("write")
        }),
    ];
    for (what, damage) in kinds {
        let (dir, fx) = used_dir();
        damage(dir.path());

        let read = Store::open(dir.path()).and_then(|s| s.check());
        match read {
            Err(StoreError::Damaged(_) | StoreError::DamagedKept { .. } | StoreError::Io(_)) => {}
            other => panic!("{what}: expected Damaged or Io, got {other:?}"),
        }
        for args in [
            &["check"][..],
            &["actions", "--format", "json"],
            &["export"],
        ] {
            let line = assert_one_line_failure(dir.path(), args);
            assert!(line.contains("beschadigd"), "{what}, {args:?}: {line}");
        }
        let en = assert_one_line_failure(
            dir.path(),
            &["--lang", "en", "done", &fx.a_today.to_string()],
        );
        assert!(en.contains("damaged"), "{what}: {en}");
    }
}

/// The message for a damaged store says "tandem overwrote nothing". sled 0.34 recovers its log
/// before it reports the damage, and writes over the damaged file while doing so; tandem copies
/// files that don't match their seal before sled opens them and puts the bytes back (issue 8).
/// Only tandem's own seal goes: it is removed before sled may write.
#[test]
fn opening_a_damaged_store_leaves_its_files_alone() {
    let kinds: [(&str, Damage); 2] = [("db cut", db_cut), ("db garbage", db_garbage_in_the_middle)];
    for (what, damage) in kinds {
        let (dir, _fx) = used_dir();
        damage(dir.path());
        let mut before = files_of(dir.path());
        before.remove(&dir.path().join("seal"));
        assert!(Store::open(dir.path()).and_then(|s| s.check()).is_err());
        assert_eq!(files_of(dir.path()), before, "{what}: files changed");
        // And again: a second look finds the same damage without touching anything.
        let line = assert_one_line_failure(dir.path(), &["check"]);
        assert!(
            line.contains("beschadigd") && line.contains("tandem restore"),
            "{line}"
        );
        assert_eq!(
            files_of(dir.path()),
            before,
            "{what}: files changed by check"
        );
    }
}

/// Damage sled shrugs off: nothing may be lost, and the binary still works.
#[test]
fn harmless_damage_loses_nothing() {
    let kinds: [(&str, Damage); 2] = [
        ("snapshots deleted", |d| {
            for s in snapshots(d) {
                fs::remove_file(s).expect("remove snapshot");
            }
        }),
        ("conf deleted", |d| {
            fs::remove_file(d.join("conf")).expect("remove")
        }),
    ];
    for (what, damage) in kinds {
        let (dir, _fx) = used_dir();
        let want = reopen(dir.path()).export().expect("export");
        wait_unlocked(dir.path());
        damage(dir.path());
        let (ok, stdout, stderr) = run(dir.path(), &["check"]);
        assert_no_panic(&stderr);
        assert!(ok, "{what}: {stdout}{stderr}");
        let store = reopen(dir.path());
        assert_eq!(store.export().expect("export"), want, "{what}");
    }
}

/// Damage of every kind, on a fresh and on a used store: the binary never panics, and any
/// failure is one clean line.
#[test]
fn no_damage_panics_the_binary() {
    for used in [false, true] {
        for cut in [0usize, 1, 16, 100, 1000, 4096, 10_000, 20_000] {
            let (dir, _fx) = if used { used_dir() } else { fixture_dir() };
            let db = dir.path().join("db");
            let mut bytes = fs::read(&db).expect("read db");
            if cut < bytes.len() {
                let end = (cut + 37).min(bytes.len());
                bytes[cut..end].fill(0xA5);
            }
            fs::write(&db, &bytes).expect("write db");
            for args in [&["check"][..], &["actions", "--all", "--format", "json"]] {
                let (ok, stdout, stderr) = run(dir.path(), args);
                assert_no_panic(&stderr);
                if !ok {
                    assert_eq!(
                        stderr.lines().count(),
                        1,
                        "used {used}, cut {cut}: {stderr}"
                    );
                    assert!(!args.contains(&"json") || stdout.is_empty());
                }
            }
        }
    }
}

/// sled reads a checksum failure in its log as the torn end of the last write and drops the rest
/// of the log without a word. On a store that has no snapshot yet (created, never reopened)
/// that loses every change after the damaged spot; the journal outside sled notices, and a
/// restore brings every change back.
#[test]
fn damage_to_a_fresh_store_is_noticed() {
    let (dir, _fx) = fixture_dir();
    let db = dir.path().join("db");
    let mut bytes = fs::read(&db).expect("read db");
    let mid = bytes.len() / 2;
    bytes[mid..mid + 64].fill(0xA5);
    fs::write(&db, &bytes).expect("write db");
    let result = Store::open(dir.path()).and_then(|s| s.check());
    let lost = matches!(&result, Ok(r) if r.is_ok() && r.actions < 12);
    assert!(
        !lost,
        "half the case book vanished and check says: {result:?}"
    );
    assert!(
        matches!(result, Err(StoreError::DamagedKept { .. })) || result.is_ok(),
        "{result:?}"
    );
    let (ok, _, stderr) = run(dir.path(), &["restore", "--yes"]);
    assert!(ok, "{stderr}");
    let r = reopen(dir.path()).check().expect("check");
    assert!(r.is_ok() && r.actions == 12, "{r:?}");
}

/// Sets the first byte (the format byte) of the value under `key`, inside the pack of sled tree
/// `tree` named `pack` (schema 3, `store/packed.rs`: entries of `u16 key length ++ key ++ u32
/// value length ++ value`), as a newer tandem or a damaged disk would leave it.
fn rewrite_first_byte(dir: &Path, (tree, pack): (&str, &[u8]), key: &[u8], byte: u8) {
    wait_unlocked(dir);
    let db = sled::open(dir).expect("sled open");
    let t = db.open_tree(tree).expect("tree");
    let mut bytes = t.get(pack).expect("get").expect("pack present").to_vec();
    let mut at = 0;
    loop {
        let klen = usize::from(u16::from_be_bytes([bytes[at], bytes[at + 1]]));
        let k = &bytes[at + 2..at + 2 + klen];
        let vat = at + 2 + klen;
        let vlen = u32::from_be_bytes(bytes[vat..vat + 4].try_into().expect("4 bytes"));
        if k == key {
            bytes[vat + 4] = byte;
            break;
        }
        at = vat + 4 + vlen as usize;
        assert!(at < bytes.len(), "record present");
    }
    t.insert(pack, bytes).expect("insert");
    db.flush().expect("flush");
    drop((t, db));
    wait_unlocked(dir);
}

#[test]
fn a_record_from_a_newer_tandem_is_refused_not_misread() {
    let (dir, fx) = fixture_dir();
    let newer = tandem::store::codec::FORMAT + 1;
    let pack = (fx.case_minh.0 >> 4).to_be_bytes();
    let key = fx.case_minh.0.to_be_bytes();
    rewrite_first_byte(dir.path(), ("case_packs", &pack), &key, newer);

    let store = reopen(dir.path());
    match store.case(fx.case_minh) {
        Err(StoreError::NewerVersion { found, supported })
            if found == u32::from(newer) && supported == u32::from(newer - 1) => {}
        other => panic!("expected NewerVersion, got {other:?}"),
    }
    assert!(store
        .case(fx.case_emre)
        .expect("other cases still read")
        .is_some());
    assert!(matches!(
        store.check(),
        Err(StoreError::NewerVersion { .. })
    ));
    assert!(matches!(
        store.export(),
        Err(StoreError::NewerVersion { .. })
    ));
    drop(store);

    let nl = assert_one_line_failure(dir.path(), &["check"]);
    assert!(
        nl.contains("nieuwere") && nl.contains("Werk tandem bij"),
        "{nl}"
    );
    let en = assert_one_line_failure(dir.path(), &["--lang", "en", "export"]);
    assert!(en.contains("newer") && en.contains("upgrade"), "{en}");
    // Marking an action of that case done would rewrite the newer record: refused too.
    let en = assert_one_line_failure(
        dir.path(),
        &["--lang", "en", "done", &fx.a_today.to_string()],
    );
    assert!(en.contains("newer"), "{en}");

    // A newer action row is refused by the list as well.
    let key = {
        let mut k = vec![0u8];
        k.extend_from_slice(&tandem::store::keys::day(Some(today())).to_be_bytes());
        k.extend_from_slice(&fx.a_today.0.to_be_bytes());
        k
    };
    let mut pack = key[..5].to_vec();
    pack.push(key[12] % 16);
    rewrite_first_byte(dir.path(), ("action_days", &pack), &key, 9);
    let line = assert_one_line_failure(dir.path(), &["actions", "--format", "json"]);
    assert!(line.contains("nieuwere"), "{line}");
}

fn set_schema(dir: &Path, value: &[u8]) {
    wait_unlocked(dir);
    let db = sled::open(dir).expect("sled open");
    let meta = db.open_tree("meta").expect("meta");
    meta.insert("schema_version", value).expect("insert");
    db.flush().expect("flush");
    drop((meta, db));
    wait_unlocked(dir);
}

#[test]
fn a_store_from_a_newer_tandem_is_refused_at_open() {
    let (dir, _fx) = fixture_dir();
    let before = reopen(dir.path()).export().expect("export");
    let newer = tandem::store::SCHEMA_VERSION + 1;
    set_schema(dir.path(), &newer.to_be_bytes());
    match Store::open(dir.path()) {
        Err(StoreError::NewerVersion { found, supported })
            if found == newer && supported == tandem::store::SCHEMA_VERSION => {}
        Err(e) => panic!("expected NewerVersion, got {e:?}"),
        Ok(_) => panic!("a newer schema was opened"),
    }
    let nl = assert_one_line_failure(dir.path(), &["actions"]);
    assert!(nl.contains("nieuwere"), "{nl}");
    let en = assert_one_line_failure(dir.path(), &["--lang", "en", "check"]);
    assert!(en.contains("newer") && en.contains("upgrade"), "{en}");
    let tmp = tempfile::tempdir().expect("temp");
    let file = tmp.path().join("x.json");
    let line = assert_one_line_failure(
        dir.path(),
        &["export", "--out", file.to_str().expect("utf-8")],
    );
    assert!(line.contains("nieuwere"), "{line}");
    assert!(!file.exists());
    // Nothing was written: with the version put back, the records are as they were.
    set_schema(dir.path(), &1u32.to_be_bytes());
    assert_eq!(reopen(dir.path()).export().expect("export"), before);
    wait_unlocked(dir.path());

    // A schema version that is not a version at all is damage.
    for bad in [&0u32.to_be_bytes()[..], b"1"] {
        set_schema(dir.path(), bad);
        assert!(
            matches!(
                Store::open(dir.path()),
                Err(StoreError::Damaged(_) | StoreError::DamagedKept { .. })
            ),
            "{bad:?}"
        );
        let line = assert_one_line_failure(dir.path(), &["check"]);
        assert!(line.contains("beschadigd"), "{line}");
    }
}

/// The store silences sled's panics while it catches them; panics anywhere else must still
/// reach the hook that was installed (the TUI's restores the terminal, the tests' report).
/// Run in a process of its own: the panic hook is global to the process.
#[test]
fn panics_elsewhere_are_not_swallowed_by_the_store() {
    // The test's name as libtest knows it: its module path without the crate's name.
    let module = module_path!().split_once("::").map_or("", |(_, m)| m);
    let name = format!("{module}::hook_check_in_own_process");
    let out = std::process::Command::new(std::env::current_exe().expect("test binary"))
        .args(["--exact", &name, "--nocapture"])
        .env("TANDEM_HOOK_CHECK", "1")
        .output()
        .expect("run the test binary");
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success(),
        "{stdout}{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(stdout.contains("1 passed"), "{stdout}");
}

#[test]
fn hook_check_in_own_process() {
    use std::sync::atomic::{AtomicUsize, Ordering};
    if std::env::var_os("TANDEM_HOOK_CHECK").is_none() {
        return; // see panics_elsewhere_are_not_swallowed_by_the_store
    }
    static SEEN: AtomicUsize = AtomicUsize::new(0);
    const MARK: &str = "tandem-test-marker";
    let previous = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        match info.payload().downcast_ref::<&str>() {
            Some(&p) if p == MARK => drop(SEEN.fetch_add(1, Ordering::SeqCst)),
            _ => previous(info),
        }
    }));
    let marker = || std::panic::catch_unwind(|| std::panic::panic_any(MARK)).is_err();
    let (_dir, store, _fx) = store_with_fixture();
    std::thread::scope(|s| {
        for _ in 0..8 {
            s.spawn(|| (0..500).for_each(|_| drop(store.case_rows().expect("rows"))));
        }
        (0..200).for_each(|_| assert!(marker()));
    });
    let during = SEEN.swap(0, Ordering::SeqCst);
    // Once no thread is inside the store, the installed hook is back, untouched.
    (0..10).for_each(|_| assert!(marker()));
    let after = SEEN.load(Ordering::SeqCst);
    assert_eq!(
        after, 10,
        "the hook was lost ({during}/200 seen while busy)"
    );
}
