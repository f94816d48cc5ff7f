//! Encryption at rest (issue 12, part 1), through the real binary: after `tandem encrypt` no
//! name or free text of the demo data is in any byte of any file of the data dir (the store,
//! the journal, the backups — also unpacked —, the quarantine copies, the kept first page);
//! everything reads back the same with the passphrase; a wrong passphrase three times changes
//! no byte; `tandem passphrase` changes it. The TUI's prompt and lock are in `crypt_tui`, a kill
//! during `encrypt` in `crypt_crash`.

use crate::trust_common::{all_bytes, cmd, ok, out, output_of};
use std::collections::BTreeSet;
use std::io::Read;
use std::path::{Path, PathBuf};

pub const PASS: &str = "paarse olifant 42";

/// A file holding `pass` (with a newline, as an editor saves it), in its own temp dir.
pub fn pass_file(pass: &str) -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("wachtwoord");
    std::fs::write(&path, format!("{pass}\n")).expect("write passphrase file");
    (dir, path)
}

/// `tandem ARGS` with the passphrase read from `file`: (ok, stdout, stderr).
pub fn with_pass(dir: &Path, file: &Path, args: &[&str]) -> (bool, Vec<u8>, String) {
    output_of(
        cmd(dir)
            .env("TANDEM_PASSPHRASE_FILE", file)
            .args(args)
            .output()
            .expect("run tandem"),
    )
}

/// Every name, contact and free text of at least 8 bytes in an export (shorter ones could
/// turn up by chance in megabytes of sealed bytes).
pub fn secrets(export: &[u8]) -> BTreeSet<String> {
    let doc: serde_json::Value = serde_json::from_slice(export).expect("export JSON");
    let mut out = BTreeSet::new();
    let mut take = |v: &serde_json::Value| {
        if let Some(s) = v.as_str().filter(|s| s.len() >= 8) {
            out.insert(s.to_string());
        }
    };
    let list = |k: &str| doc[k].as_array().cloned().unwrap_or_default();
    for p in list("persons") {
        for k in ["name", "phone", "email", "offer"] {
            take(&p[k]);
        }
    }
    for f in list("families") {
        take(&f["name"]);
        for c in f["carers"].as_array().cloned().unwrap_or_default() {
            for k in ["name", "phone", "email"] {
                take(&c[k]);
            }
        }
        for c in f["children"].as_array().cloned().unwrap_or_default() {
            let full = format!(
                "{} {}",
                c["first_name"].as_str().unwrap_or(""),
                c["last_name"].as_str().unwrap_or("")
            );
            take(&serde_json::Value::String(full));
        }
        for n in f["network"].as_array().cloned().unwrap_or_default() {
            take(&n["role"]);
        }
    }
    for c in list("cases") {
        take(&c["question"]);
        take(&c["notes"]);
    }
    for a in list("actions") {
        take(&a["text"]);
    }
    for m in list("meetings") {
        for item in m["items"].as_array().cloned().unwrap_or_default() {
            take(&item["notes"]);
            for a in item["agreements"].as_array().cloned().unwrap_or_default() {
                take(&a["text"]);
            }
        }
    }
    out
}

/// The bytes of a file, and of what it unpacks to when it is gzip.
fn readable(bytes: &[u8]) -> Vec<Vec<u8>> {
    let mut out = vec![bytes.to_vec()];
    if bytes.starts_with(&[0x1f, 0x8b]) {
        let mut plain = Vec::new();
        if flate2::read::GzDecoder::new(bytes)
            .read_to_end(&mut plain)
            .is_ok()
        {
            out.push(plain);
        }
    }
    out
}

/// Where each secret turns up in the data dir: (file, secret). One pass over each file: its
/// 8-byte windows are looked up among the secrets' first 8 bytes.
pub fn found(dir: &Path, secrets: &BTreeSet<String>) -> Vec<(PathBuf, String)> {
    let mut by_head: std::collections::HashMap<&[u8], Vec<&str>> = Default::default();
    for s in secrets {
        by_head.entry(&s.as_bytes()[..8]).or_default().push(s);
    }
    let mut hits = BTreeSet::new();
    for (path, bytes) in all_bytes(dir) {
        for view in readable(&bytes) {
            for (at, w) in view.windows(8).enumerate() {
                for s in by_head.get(w).into_iter().flatten() {
                    if view[at..].starts_with(s.as_bytes()) {
                        hits.insert((path.clone(), s.to_string()));
                    }
                }
            }
        }
    }
    hits.into_iter().collect()
}

/// A demo store with everything a data dir can hold beside sled's files: backups, a journal
/// with an entry, a quarantine copy kept by a restore. Returns its export.
pub fn demo_with_everything(dir: &Path) -> Vec<u8> {
    ok(dir, &["demo"]);
    let actions: Vec<serde_json::Value> =
        serde_json::from_slice(&ok(dir, &["actions", "--format", "json"])).expect("JSON");
    let id = actions[0]["id"].as_u64().expect("an action id").to_string();
    ok(dir, &["done", &id]);
    // Keeps the files it replaces in quarantine/.
    ok(dir, &["restore", "--replace", "--yes"]);
    ok(dir, &["done", "--undo", &id]);
    ok(dir, &["export"])
}

#[test]
fn after_encrypt_no_file_holds_a_name_and_everything_reads_back() {
    let data = tempfile::tempdir().expect("temp dir");
    let dir = data.path();
    let before = demo_with_everything(dir);
    // The kept first page, as the TUI leaves it (its format is the TUI's own).
    std::fs::write(dir.join("eerste-pagina"), &before).expect("first page");
    let secrets = secrets(&before);
    assert!(
        secrets.len() > 30,
        "the demo has names and texts: {secrets:?}"
    );
    let plain_hits = found(dir, &secrets);
    for place in ["db", "journal", "backups", "quarantine", "eerste-pagina"] {
        assert!(
            plain_hits.iter().any(|(p, _)| p.starts_with(place)),
            "the check would see {place}: {plain_hits:?}"
        );
    }

    let (_keep, pass) = pass_file(PASS);
    let (enc_ok, _, err) = with_pass(dir, &pass, &["encrypt"]);
    assert!(enc_ok, "encrypt: {err}");
    assert!(err.contains("Versleuteld"), "{err}");
    assert!(dir.join("crypt").exists());
    assert!(!dir.join("eerste-pagina").exists());
    assert_eq!(found(dir, &secrets), vec![], "plain text after encrypt");

    let (e_ok, after, err) = with_pass(dir, &pass, &["export"]);
    assert!(e_ok, "{err}");
    assert!(after == before, "other records read with the passphrase");
    let (c_ok, report, err) = with_pass(dir, &pass, &["check"]);
    assert!(c_ok, "check: {err}");
    assert!(String::from_utf8_lossy(&report).contains("In orde"));

    // A change after it: its journal entry and the store hold sealed values only.
    let actions: Vec<serde_json::Value> =
        serde_json::from_slice(&with_pass(dir, &pass, &["actions", "--format", "json"]).1)
            .expect("JSON");
    let id = actions[0]["id"].as_u64().expect("id").to_string();
    assert!(with_pass(dir, &pass, &["done", &id]).0);
    let changed = with_pass(dir, &pass, &["export"]).1;
    // The sealed backup and the journal bring everything back.
    let (r_ok, _, err) = with_pass(dir, &pass, &["restore", "--replace", "--yes"]);
    assert!(r_ok, "restore of a sealed backup: {err}");
    assert!(
        with_pass(dir, &pass, &["export"]).1 == changed,
        "the restore differs"
    );
    assert!(with_pass(dir, &pass, &["done", "--undo", &id]).0);
    assert_eq!(
        found(dir, &secrets),
        vec![],
        "plain text after changes and a restore"
    );

    // Without the passphrase: one calm line, nothing read.
    let (no_ok, stdout, err) = out(dir, &["export"]);
    assert!(!no_ok && stdout.is_empty());
    assert!(
        err.contains("versleuteld") && err.contains("TANDEM_PASSPHRASE_FILE"),
        "{err}"
    );
    assert_eq!(err.lines().count(), 1, "{err}");
    let (_, _, err) = with_pass(dir, &pass, &["encrypt"]);
    assert!(err.contains("al versleuteld"), "{err}");
}

#[test]
fn three_wrong_passphrases_change_no_byte() {
    let data = tempfile::tempdir().expect("temp dir");
    let dir = data.path();
    ok(dir, &["demo"]);
    let (_keep, pass) = pass_file(PASS);
    assert!(with_pass(dir, &pass, &["encrypt"]).0);
    let before = all_bytes(dir);
    let (_keep2, wrong) = pass_file("paarse olifant 43");
    for args in [
        &["export"][..],
        &["done", "1"],
        &["backup"],
        &["restore", "--yes", "--replace"],
    ] {
        let (w_ok, stdout, err) = with_pass(dir, &wrong, args);
        assert!(!w_ok && stdout.is_empty(), "{args:?}");
        assert_eq!(
            err.trim(),
            "tandem: Dat wachtwoord klopt niet. Er is niets gewijzigd."
        );
    }
    let (_, _, err) = with_pass(dir, &wrong, &["--lang", "en", "export"]);
    assert_eq!(
        err.trim(),
        "tandem: That passphrase is not right. Nothing was changed."
    );
    let after = all_bytes(dir);
    assert_eq!(
        before.keys().collect::<Vec<_>>(),
        after.keys().collect::<Vec<_>>(),
        "the same files"
    );
    for (path, bytes) in &before {
        assert!(after[path] == *bytes, "{} changed", path.display());
    }
    assert!(
        with_pass(dir, &pass, &["export"]).0,
        "the right one still opens it"
    );
}

#[test]
fn a_new_passphrase_opens_it_and_the_old_one_no_longer_does() {
    let data = tempfile::tempdir().expect("temp dir");
    let dir = data.path();
    ok(dir, &["demo"]);
    let (_k1, old) = pass_file(PASS);
    assert!(with_pass(dir, &old, &["encrypt"]).0);
    let before = with_pass(dir, &old, &["export"]).1;
    let sled_before = crate::trust_common::sled_bytes(dir);
    let (_k2, new) = pass_file("een heel ander wachtwoord");
    let (_k3, short) = pass_file("kort");
    let changed = cmd(dir)
        .env("TANDEM_PASSPHRASE_FILE", &old)
        .env("TANDEM_NEW_PASSPHRASE_FILE", &short)
        .arg("passphrase")
        .output()
        .expect("run");
    assert!(
        !changed.status.success(),
        "a passphrase of 4 characters is refused"
    );
    let changed = cmd(dir)
        .env("TANDEM_PASSPHRASE_FILE", &old)
        .env("TANDEM_NEW_PASSPHRASE_FILE", &new)
        .arg("passphrase")
        .output()
        .expect("run");
    assert!(
        changed.status.success(),
        "{}",
        String::from_utf8_lossy(&changed.stderr)
    );
    assert_eq!(with_pass(dir, &new, &["export"]).1, before);
    let (old_ok, _, err) = with_pass(dir, &old, &["export"]);
    assert!(!old_ok && err.contains("klopt niet"), "{err}");
    // Only the sealed data key changed: the store itself was not rewritten.
    assert_eq!(
        crate::trust_common::sled_bytes(dir).get("db"),
        sled_before.get("db")
    );
}

#[test]
fn no_key_of_the_store_holds_text() {
    // Every key of every tree is an id or a pack of ids (8 bytes), a status and a spread byte
    // (2), a done flag, a day number and a spread byte (6), a pair of ids (16, the retired trees)
    // — or, in `meta`, one of tandem's own words. The keys inside packs are the same ids.
    // Checked on the fixture, which has names in any script; encryption leaves keys as they are.
    let (dir, fixture) = crate::common::fixture_dir();
    let _ = fixture;
    let words: BTreeSet<&[u8]> = [
        &b"schema_version"[..],
        b"journal_seq",
        b"import_running",
        b"backup_due",
    ]
    .into_iter()
    .collect();
    let db = sled::open(dir.path()).expect("open sled");
    for name in db.tree_names() {
        let tree = db.open_tree(&name).expect("tree");
        for kv in tree.iter() {
            let (k, _) = kv.expect("entry");
            if &*name == b"meta" {
                let word = std::str::from_utf8(&k).expect("a word");
                assert!(
                    words.contains(&*k) || word.starts_with("next/"),
                    "meta key {word:?}"
                );
            } else if &*name != b"__sled__default" {
                // 5: a day and a side (`open_due_counts`, schema 5).
                assert!(
                    [2, 5, 6, 8, 16].contains(&k.len()),
                    "{}: key of {} bytes {k:?}",
                    String::from_utf8_lossy(&name),
                    k.len()
                );
            }
        }
    }
}

/// `forget` in an encrypted store: the family is gone from the records and from every sealed
/// backup (a restore does not bring it back), and the backups stay sealed and readable.
#[test]
fn forget_in_an_encrypted_store_takes_the_family_out_of_the_sealed_backups_too() {
    let data = tempfile::tempdir().expect("temp dir");
    let dir = data.path();
    ok(dir, &["demo"]);
    let (_keep, pass) = pass_file(PASS);
    assert!(with_pass(dir, &pass, &["encrypt"]).0);
    let family_ids = |dir: &Path| -> Vec<u64> {
        let (e_ok, export, err) = with_pass(dir, &pass, &["export"]);
        assert!(e_ok, "{err}");
        let doc: serde_json::Value = serde_json::from_slice(&export).expect("JSON");
        doc["families"]
            .as_array()
            .expect("families")
            .iter()
            .filter_map(|f| f["id"].as_u64())
            .collect()
    };
    assert!(family_ids(dir).contains(&1));
    let (f_ok, _, err) = with_pass(dir, &pass, &["forget", "1", "--yes"]);
    assert!(f_ok, "forget: {err}");
    assert!(!family_ids(dir).contains(&1));
    let backups: Vec<PathBuf> = std::fs::read_dir(dir.join("backups"))
        .expect("backups")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .collect();
    assert!(!backups.is_empty());
    for b in &backups {
        let mut head = [0u8; 2];
        std::fs::File::open(b)
            .and_then(|mut f| f.read_exact(&mut head))
            .expect("read backup");
        assert_ne!(head, [0x1f, 0x8b], "{} is plain gzip", b.display());
    }
    let (r_ok, _, err) = with_pass(dir, &pass, &["restore", "--replace", "--yes"]);
    assert!(r_ok, "restore: {err}");
    assert!(!family_ids(dir).contains(&1), "the backup brought it back");
}
