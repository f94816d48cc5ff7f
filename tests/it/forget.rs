//! `tandem forget` (issue 12 part 2), end to end through the binary, with byte checks of every
//! file in the data dir: the store (old values in sled's log included), the journal, the
//! backups (decompressed), the kept first page and the quarantine copies.

use crate::common::{fixture_dir, reopen, run, tandem, wait_unlocked, Fixture};
use std::io::Read;
use std::path::{Path, PathBuf};
use tandem::domain::FamilyId;
use tandem::store::erase::ErasedList;
use tandem::store::Store;

/// Every text of the family, as bytes to look for: names, questions, notes, action texts, the
/// notes and agreements of its meeting items. Texts that another family's export holds as well
/// are left out (they are not the family's alone).
fn texts_of(dir: &Path, family: FamilyId) -> Vec<String> {
    let store = reopen(dir);
    let doc = store.export_family(family).expect("export family");
    let mut texts = Vec::new();
    for f in &doc.families {
        texts.push(f.name.clone());
        texts.extend(f.carers.iter().map(|c| c.name.clone()));
        for c in &f.children {
            texts.push(format!("{} {}", c.first_name, c.last_name));
        }
    }
    for c in &doc.cases {
        texts.push(c.question.clone());
        texts.push(c.notes.clone());
        texts.extend(c.consents.iter().map(|c| c.note.clone()));
    }
    texts.extend(doc.actions.iter().map(|a| a.text.clone()));
    for m in &doc.meetings {
        for i in &m.items {
            texts.push(i.notes.clone());
            texts.extend(i.agreements.iter().map(|a| a.text.clone()));
        }
    }
    let mut others = String::new();
    for f in store.families().expect("families") {
        if f.id != family {
            let doc = store.export_family(f.id).expect("export other");
            others.push_str(&serde_json::to_string(&doc).expect("json"));
        }
    }
    drop(store);
    wait_unlocked(dir);
    texts.retain(|t| t.chars().count() >= 4 && !others.contains(t.as_str()));
    texts.sort();
    texts.dedup();
    texts
}

/// Every file under `dir`, with a `.gz` file's decompressed bytes as well.
fn every_file(dir: &Path) -> Vec<(PathBuf, Vec<u8>)> {
    let mut out = Vec::new();
    let mut todo = vec![dir.to_path_buf()];
    while let Some(d) = todo.pop() {
        for entry in std::fs::read_dir(&d).expect("read dir") {
            let path = entry.expect("entry").path();
            if path.is_dir() {
                todo.push(path);
                continue;
            }
            let bytes = std::fs::read(&path).expect("read file");
            if path.extension().is_some_and(|e| e == "gz") {
                let mut plain = Vec::new();
                flate2::read::GzDecoder::new(bytes.as_slice())
                    .read_to_end(&mut plain)
                    .expect("gunzip");
                out.push((path.with_extension("gz (uitgepakt)"), plain));
            }
            out.push((path, bytes));
        }
    }
    out
}

fn assert_no_byte_of(dir: &Path, texts: &[String]) {
    for (path, bytes) in every_file(dir) {
        for t in texts {
            let found = bytes.windows(t.len()).any(|w| w == t.as_bytes());
            assert!(!found, "{t:?} still in {}", path.display());
        }
    }
}

/// The fixture, with history that puts the Çelik family's texts in many places: a done-mark and
/// its undo in the journal, two backups, the kept first page, a quarantine copy.
fn store_with_history() -> (tempfile::TempDir, Fixture, Vec<String>) {
    let (dir, fx) = fixture_dir();
    let d = dir.path();
    let id = fx.a_overdue_o.0.to_string();
    assert!(run(d, &["backup"]).0);
    assert!(run(d, &["done", &id]).0);
    assert!(run(d, &["done", &id, "--undo"]).0);
    assert!(run(d, &["backup"]).0);
    assert!(run(d, &["done", &fx.a_friday.0.to_string()]).0);
    std::fs::write(d.join("eerste-pagina"), "Emre Çelik · Emre slaapt slecht").expect("page");
    let q = d.join("quarantine/20261120-101010");
    std::fs::create_dir_all(&q).expect("quarantine");
    std::fs::copy(d.join("db"), q.join("db")).expect("copy db");
    let texts = texts_of(d, fx.celik);
    assert!(texts.contains(&"Çelik".to_string()), "{texts:?}");
    assert!(texts.iter().any(|t| t == "Emre slaapt slecht, is moe"));
    // The texts are there before: the check below would find them.
    let before = every_file(d);
    let in_db = |t: &str| {
        before
            .iter()
            .any(|(_, b)| b.windows(t.len()).any(|w| w == t.as_bytes()))
    };
    assert!(
        texts.iter().all(|t| in_db(t)),
        "every text is on disk first"
    );
    (dir, fx, texts)
}

fn forget(dir: &Path, family: FamilyId) -> (bool, String) {
    let (ok, _, stderr) = run(dir, &["forget", &family.0.to_string(), "--yes"]);
    (ok, stderr)
}

#[test]
fn forget_leaves_no_byte_of_the_family_in_any_file_and_the_rest_whole() {
    let (dir, fx, texts) = store_with_history();
    let d = dir.path();
    let other = |d: &Path| {
        let s = reopen(d);
        let doc = s.export_family(fx.nguyen).expect("export");
        drop(s);
        wait_unlocked(d);
        (doc.families, doc.cases, doc.actions)
    };
    let nguyen_before = other(d);
    let (ok, stderr) = forget(d, fx.celik);
    assert!(ok, "{stderr}");
    assert!(stderr.contains("is gewist"), "{stderr}");
    assert_no_byte_of(d, &texts);
    assert!(!d.join("eerste-pagina").exists());
    let (ok, out, err) = run(d, &["check"]);
    assert!(ok, "{out}{err}");
    assert_eq!(other(d), nguyen_before, "another family is untouched");
    let store = reopen(d);
    assert!(store.family(fx.celik).expect("read").is_none());
    assert!(store.case(fx.case_emre).expect("read").is_none());
    assert!(store.action(fx.a_overdue_o).expect("read").is_none());
    let meeting = store
        .meeting(fx.meeting)
        .expect("read")
        .expect("meeting stays");
    assert!(meeting.items.iter().all(|i| i.case != fx.case_emre));
    assert!(!meeting.items.is_empty(), "Minh's item stays");
    drop(store);
    // Every backup still restores, without the family.
    wait_unlocked(d);
    let (ok, _, err) = run(d, &["restore", "--yes", "--replace"]);
    assert!(ok, "{err}");
    let (ok, out, err) = run(d, &["check"]);
    assert!(ok, "{out}{err}");
}

#[test]
fn the_list_of_erased_families_holds_no_names() {
    let (dir, fx, texts) = store_with_history();
    let (ok, stderr) = forget(dir.path(), fx.celik);
    assert!(ok, "{stderr}");
    let list = ErasedList::load(dir.path()).expect("list");
    assert_eq!(list.ids(), vec![fx.celik]);
    assert!(!list.unfinished());
    let raw = std::fs::read_to_string(dir.path().join("vergeten.json")).expect("list file");
    for t in &texts {
        assert!(!raw.contains(t.as_str()), "{t}");
    }
}

#[test]
fn an_old_backup_restored_later_does_not_bring_the_family_back() {
    let (dir, fx, texts) = store_with_history();
    let d = dir.path();
    // A backup copied elsewhere before the erasure: out of tandem's reach.
    let away = tempfile::tempdir().expect("elsewhere");
    let newest = tandem::store::backup::list(d)
        .expect("backups")
        .pop()
        .expect("a backup")
        .path;
    let copy = away.path().join(newest.file_name().expect("name"));
    std::fs::copy(&newest, &copy).expect("copy backup");
    let (ok, stderr) = forget(d, fx.celik);
    assert!(ok, "{stderr}");
    let (ok, _, err) = run(
        d,
        &[
            "restore",
            copy.to_str().expect("utf-8"),
            "--yes",
            "--replace",
        ],
    );
    assert!(ok, "{err}");
    let store = reopen(d);
    assert!(store.family(fx.celik).expect("read").is_none());
    assert!(store.family(fx.nguyen).expect("read").is_some());
    assert!(store.case(fx.case_emre).expect("read").is_none());
    drop(store);
    wait_unlocked(d);
    assert_no_byte_of(d, &texts);
    let (ok, out, err) = run(d, &["check"]);
    assert!(ok, "{out}{err}");
}

#[test]
fn a_wrong_name_typed_erases_nothing() {
    let (dir, fx) = fixture_dir();
    let out = tandem(dir.path())
        .args(["forget", &fx.celik.0.to_string()])
        .write_stdin("Nguyễn\n")
        .output()
        .expect("run");
    assert!(!out.status.success());
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("niets gewist"), "{stderr}");
    let store = reopen(dir.path());
    assert!(store.family(fx.celik).expect("read").is_some());
    drop(store);
    // The name typed in another case and accents left off still confirm.
    wait_unlocked(dir.path());
    let out = tandem(dir.path())
        .args(["forget", "celik"])
        .write_stdin("CELIK\n")
        .output()
        .expect("run");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

/// A crash right after the list said "under way", before the store changed: the next open
/// finishes the erasure.
#[test]
fn an_erasure_cut_off_before_its_change_is_finished_at_the_next_open() {
    let (dir, fx, texts) = store_with_history();
    let d = dir.path();
    let store = reopen(d);
    let family = store.family(fx.celik).expect("read").expect("there");
    drop(store);
    wait_unlocked(d);
    let mut list = ErasedList::load(d).expect("list");
    list.add(&family, crate::common::today());
    list.save(d).expect("save");
    let (ok, out, err) = run(d, &["check"]);
    assert!(ok, "{out}{err}");
    assert_no_byte_of(d, &texts);
    assert!(!ErasedList::load(d).expect("list").unfinished());
}

/// A real kill at several moments of a `forget`: the next open finds the old store (killed
/// before anything was written) or the new one, whole, never half of each; and once open, no
/// byte of the family is left.
#[test]
fn a_kill_during_forget_leaves_the_old_or_the_new_store() {
    let (dir, fx, texts) = store_with_history();
    let mut seen = (0, 0);
    for delay_ms in [0u64, 15, 40, 80, 140, 220, 400] {
        let copy = tempfile::tempdir().expect("copy");
        copy_dir(dir.path(), copy.path());
        let d = copy.path();
        let mut child = crate::common::tandem_on(d, crate::common::TODAY)
            .args(["forget", &fx.celik.0.to_string(), "--yes"])
            .stderr(std::process::Stdio::null())
            .spawn()
            .expect("spawn");
        std::thread::sleep(std::time::Duration::from_millis(delay_ms));
        let _ = child.kill();
        let _ = child.wait();
        let store: Store = reopen(d);
        let report = store.check().expect("check");
        assert!(report.is_ok(), "after {delay_ms} ms: {:?}", report.problems);
        let family = store.family(fx.celik).expect("read");
        let cases = store.cases_of_family(fx.celik).expect("read");
        match family {
            // The old store: the family whole.
            Some(_) => {
                assert_eq!(cases.len(), 2, "after {delay_ms} ms");
                assert!(!ErasedList::load(d).expect("list").unfinished());
                seen.0 += 1;
            }
            None => {
                assert!(cases.is_empty(), "after {delay_ms} ms");
                drop(store);
                wait_unlocked(d);
                assert_no_byte_of(d, &texts);
                seen.1 += 1;
            }
        }
    }
    assert!(seen.1 > 0, "no run got as far as the erasure: {seen:?}");
}

fn copy_dir(from: &Path, to: &Path) {
    for entry in std::fs::read_dir(from).expect("read dir") {
        let entry = entry.expect("entry");
        let target = to.join(entry.file_name());
        if entry.path().is_dir() {
            std::fs::create_dir_all(&target).expect("mkdir");
            copy_dir(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), &target).expect("copy");
        }
    }
}
