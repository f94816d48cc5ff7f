//! SIGKILL during `tandem encrypt` leaves the plain store or the encrypted one, never a mix:
//! the next open (with the passphrase when the `crypt` file is in) reads every record as before,
//! `check` is clean, and once encrypted no name is left in any file (the open finishes the
//! sealing of backups and copies that the kill cut off).
//!
//! One uninterrupted `encrypt` is timed first; the kills then land spread over that time, on
//! fresh copies of the same store. `TANDEM_TRUST_ROUNDS=N` sets the rounds (default 6).
#![cfg(unix)]

use crate::crypt::{found, pass_file, secrets, with_pass, PASS};
use crate::trust_common::{cmd, copy_dir, env_count, ok, out};
use std::path::Path;
use std::time::{Duration, Instant};

/// What the store reads as after a kill; the export, or what is wrong.
fn after_kill(dir: &Path, pass: &Path) -> Result<(bool, Vec<u8>), String> {
    let encrypted = dir.join("crypt").exists()
        || (dir.join("compact.swap").exists() && dir.join("compact.new/crypt").exists());
    let (e_ok, export, err) = match encrypted {
        true => with_pass(dir, pass, &["export"]),
        false => out(dir, &["export"]),
    };
    if !e_ok {
        return Err(format!(
            "export after the kill (encrypted: {encrypted}): {err}"
        ));
    }
    let (c_ok, report, err) = match encrypted {
        true => with_pass(dir, pass, &["check"]),
        false => out(dir, &["check"]),
    };
    if !c_ok || !String::from_utf8_lossy(&report).contains("In orde") {
        return Err(format!(
            "check after the kill: {}{err}",
            String::from_utf8_lossy(&report)
        ));
    }
    Ok((encrypted, export))
}

#[test]
fn a_kill_during_encrypt_leaves_the_old_or_the_new_store() {
    let base = tempfile::tempdir().expect("temp dir");
    ok(base.path(), &["demo", "--cases", "400"]);
    // Backups and a journal entry beside the store, as a real one has.
    ok(base.path(), &["backup"]);
    let before = ok(base.path(), &["export"]);
    let secrets = secrets(&before);
    let (_keep, pass) = pass_file(PASS);

    let timing = tempfile::tempdir().expect("temp dir");
    copy_dir(base.path(), timing.path());
    let start = Instant::now();
    assert!(with_pass(timing.path(), &pass, &["encrypt"]).0);
    let whole = start.elapsed();

    let rounds = env_count("TANDEM_TRUST_ROUNDS", 6);
    let (mut plain, mut sealed) = (0, 0);
    for round in 0..rounds {
        let copy = tempfile::tempdir().expect("temp dir");
        copy_dir(base.path(), copy.path());
        let delay = whole.mul_f64((round as f64 + 0.5) / rounds as f64);
        let mut child = cmd(copy.path())
            .env("TANDEM_PASSPHRASE_FILE", &pass)
            .arg("encrypt")
            .spawn()
            .expect("spawn encrypt");
        std::thread::sleep(delay);
        let _ = child.kill();
        let _ = child.wait();
        std::thread::sleep(Duration::from_millis(20));
        match after_kill(copy.path(), &pass) {
            Ok((encrypted, export)) => {
                assert_eq!(
                    export, before,
                    "round {round} after {delay:?}: other records"
                );
                if encrypted {
                    sealed += 1;
                    let hits = found(copy.path(), &secrets);
                    assert_eq!(
                        hits,
                        vec![],
                        "round {round} after {delay:?}: plain text left"
                    );
                } else {
                    plain += 1;
                }
            }
            Err(why) => panic!("round {round}, killed after {delay:?} of {whole:?}: {why}"),
        }
    }
    eprintln!("encrypt took {whole:?}; after the kills: {plain} plain, {sealed} encrypted");
}
