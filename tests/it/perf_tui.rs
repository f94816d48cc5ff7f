//! What a person at the keyboard meets, timed from outside: the real release binary in a
//! pseudo-terminal, a key written to it, and the time until the frame that shows the answer is
//! read back (issue 10). On a copy of `tandem demo --cases N` (50,000 unless
//! `TANDEM_BENCH_CASES` says otherwise). Reports only; `#[ignore]`, run with the README's command.
#![cfg(unix)]

use portable_pty::{native_pty_system, CommandBuilder, PtySize};
use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::mpsc::{channel, Receiver};
use std::time::{Duration, Instant};

pub(crate) const TODAY: &str = "2026-11-23";

pub(crate) fn cases() -> usize {
    std::env::var("TANDEM_BENCH_CASES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(50_000)
}

/// How many cases the timed store holds, in words: a store given with `TANDEM_BENCH_STORE` holds
/// what it holds (the runs of session 9 printed "50000 cases" for a store of 200,000).
pub(crate) fn cases_label() -> String {
    match std::env::var_os("TANDEM_BENCH_STORE") {
        Some(_) => "a given store".to_string(),
        None => format!("{} cases", cases()),
    }
}

/// The demo store of `cases()` cases, made once and kept in the temp dir (or `TANDEM_BENCH_STORE`).
pub(crate) fn bench_store() -> PathBuf {
    // An older tandem can't read a store of a newer schema: give it one of its own.
    if let Some(dir) = std::env::var_os("TANDEM_BENCH_STORE") {
        return PathBuf::from(dir);
    }
    let n = cases();
    let dir = std::env::temp_dir().join(format!("tandem-bench-{}k", n / 1000));
    if !dir.join("db").exists() {
        let out = Command::new(env!("CARGO_BIN_EXE_tandem"))
            .env("TANDEM_TODAY", TODAY)
            .arg("--data-dir")
            .arg(&dir)
            .args(["demo", "--cases", &n.to_string(), "--seed", "1"])
            .output()
            .expect("run tandem demo");
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
    }
    dir
}

/// A fresh copy of the bench store, so saves don't pile up in it from run to run.
pub(crate) fn copy_of(store: &Path, to: &Path) {
    let status = Command::new("cp")
        .arg("-r")
        .arg(store)
        .arg(to)
        .status()
        .expect("cp");
    assert!(status.success());
    settle_disk(to);
}

/// Waits until what was just written under `path` is on the disk. A copy of the store left in
/// the page cache is written out by the kernel some 30 s later, in the middle of the timed keys,
/// and a save's sync then waits behind hundreds of MB (a save of 170 ms, where the journal's
/// `fdatasync` alone took 170 ms). A person's store was not copied a minute before.
pub(crate) fn settle_disk(path: &Path) {
    let started = Instant::now();
    let status = Command::new("sync")
        .arg("-f")
        .arg(path)
        .status()
        .expect("sync");
    assert!(status.success());
    println!(
        "disk settled after the copy: {:.0} ms",
        ms(started.elapsed())
    );
}

/// The binary to time: this build's, or another one (`TANDEM_BENCH_BIN`) for a side-by-side
/// with an older tandem on the same store.
pub(crate) fn binary() -> PathBuf {
    std::env::var_os("TANDEM_BENCH_BIN")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_BIN_EXE_tandem")))
}

/// tandem in a 120x40 pty, with everything it prints timestamped as it arrives.
pub(crate) struct Pty {
    pub(crate) child: Box<dyn portable_pty::Child + Send + Sync>,
    writer: Box<dyn Write + Send>,
    chunks: Receiver<(Instant, Vec<u8>)>,
    screen: vt100::Parser,
    _master: Box<dyn portable_pty::MasterPty + Send>,
}

impl Pty {
    pub(crate) fn start(data: &Path, config: &Path) -> (Pty, Instant) {
        let pair = native_pty_system()
            .openpty(PtySize {
                rows: 40,
                cols: 120,
                pixel_width: 0,
                pixel_height: 0,
            })
            .expect("a pty");
        let mut cmd = CommandBuilder::new(binary());
        cmd.arg("--data-dir");
        cmd.arg(data);
        cmd.env("TANDEM_TODAY", TODAY);
        cmd.env("TERM", "xterm-256color");
        cmd.env("XDG_CONFIG_HOME", config);
        cmd.env("HOME", config);
        let started = Instant::now();
        let child = pair.slave.spawn_command(cmd).expect("spawn tandem");
        let mut reader = pair.master.try_clone_reader().expect("reader");
        let (tx, rx) = channel();
        std::thread::spawn(move || {
            let mut buf = [0u8; 65536];
            while let Ok(n) = reader.read(&mut buf) {
                if n == 0 || tx.send((Instant::now(), buf[..n].to_vec())).is_err() {
                    return;
                }
            }
        });
        let writer = pair.master.take_writer().expect("writer");
        let pty = Pty {
            child,
            writer,
            chunks: rx,
            screen: vt100::Parser::new(40, 120, 0),
            _master: pair.master,
        };
        (pty, started)
    }

    /// Reads output until `done` holds for the screen; the time of the chunk that made it so.
    pub(crate) fn until(&mut self, what: &str, done: impl Fn(&str) -> bool) -> Instant {
        self.within(Duration::from_secs(60), done)
            .unwrap_or_else(|| panic!("waited 60 s for {what}:\n{}", self.text()))
    }

    /// The time of the first frame for which `done` holds, if one comes within `wait`.
    pub(crate) fn within(
        &mut self,
        wait: Duration,
        done: impl Fn(&str) -> bool,
    ) -> Option<Instant> {
        let deadline = Instant::now() + wait;
        loop {
            let left = deadline.saturating_duration_since(Instant::now());
            let (at, bytes) = self.chunks.recv_timeout(left).ok()?;
            self.screen.process(&bytes);
            if done(&self.text()) {
                return Some(at);
            }
        }
    }

    pub(crate) fn text(&self) -> String {
        self.screen.screen().contents()
    }

    /// The time the next output arrives (a redraw), whatever it shows.
    pub(crate) fn next_output(&mut self) -> Instant {
        let (at, bytes) = self
            .chunks
            .recv_timeout(Duration::from_secs(60))
            .expect("a redraw within 60 s");
        self.screen.process(&bytes);
        at
    }

    /// Drops what arrived so far (so the next wait sees only the answer to the next key).
    pub(crate) fn drain(&mut self) {
        while let Ok((_, bytes)) = self.chunks.recv_timeout(Duration::from_millis(150)) {
            self.screen.process(&bytes);
        }
    }

    pub(crate) fn keys(&mut self, keys: &str) -> Instant {
        let at = Instant::now();
        self.writer.write_all(keys.as_bytes()).expect("write keys");
        self.writer.flush().expect("flush keys");
        at
    }

    /// Peak memory of the tandem process so far, from the OS.
    pub(crate) fn peak_mb(&self) -> f64 {
        let pid = self.child.process_id().unwrap_or(0);
        let status = std::fs::read_to_string(format!("/proc/{pid}/status")).unwrap_or_default();
        status
            .lines()
            .find_map(|l| l.strip_prefix("VmHWM:"))
            .and_then(|v| v.trim().trim_end_matches("kB").trim().parse::<f64>().ok())
            .map_or(f64::NAN, |kb| kb / 1024.0)
    }
}

/// A copy of the bench store in `work`, opened once by the command line, and that command's
/// output (today's actions as JSON). A copy's files don't match the seal of their last close
/// (another inode), so the first open keeps a copy of them first: done here, not in what is
/// timed.
pub(crate) fn opened_copy(work: &Path) -> (PathBuf, std::process::Output) {
    let data = work.join("data");
    copy_of(&bench_store(), &data);
    let sealed = Command::new(binary())
        .env("TANDEM_TODAY", TODAY)
        .arg("--data-dir")
        .arg(&data)
        .args(["actions", "--due", "today", "--format", "json"])
        .output()
        .expect("run tandem actions");
    assert!(
        sealed.status.success(),
        "{}",
        String::from_utf8_lossy(&sealed.stderr)
    );
    // The first open writes too (the seal, sled's own files).
    settle_disk(&data);
    (data, sealed)
}

/// Saves per list: 20, or `TANDEM_BENCH_SAVES` (a rare slow save needs more to show).
fn save_rounds() -> usize {
    std::env::var("TANDEM_BENCH_SAVES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(20)
}

pub(crate) fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}

pub(crate) fn summary(name: &str, mut samples: Vec<f64>) {
    samples.sort_by(f64::total_cmp);
    let at = |q: f64| samples[((samples.len() - 1) as f64 * q).round() as usize];
    println!(
        "{name}: n={} p50 {:.1} ms, p99 {:.1} ms, max {:.1} ms",
        samples.len(),
        at(0.5),
        at(0.99),
        at(1.0)
    );
}

/// `a`, a text, Enter, `rounds` times on the open case: Enter to the frame that says "Opgeslagen."
/// with the form gone.
fn saves(t: &mut Pty, rounds: usize, label: &str) {
    let mut took = Vec::new();
    for k in 0..rounds {
        t.keys("a");
        t.until("the action form", |s| s.contains("Nieuwe actie"));
        let text = format!("Meting {label} {k}");
        t.keys(&text);
        t.until("the typed text", |s| s.contains(&text));
        t.drain();
        let sent = t.keys("\r");
        let shown = t.until("the save", |s| {
            s.contains("Opgeslagen.") && !s.contains("Nieuwe actie")
        });
        took.push(ms(shown - sent));
    }
    // The session's first save also opens the journal (and may make the day's backup).
    println!("  first save ({label}): {:.1} ms", took[0]);
    // A rare slow save hides in a p99 of 20: each one over a frame is named with its place.
    for (k, t) in took.iter().enumerate().filter(|(_, t)| **t > 16.0) {
        println!("  save {k} ({label}) over a frame: {t:.1} ms");
    }
    summary(&format!("save in the TUI ({label})"), took);
}

#[test]
#[ignore]
fn keys_in_a_pty() {
    let store = bench_store();
    let work = tempfile::tempdir().expect("temp dir");
    let (data, sealed) = opened_copy(work.path());
    // The first change of a day makes that day's backup (seconds at 50,000 cases): made here, so
    // the timed saves are the ones of the rest of the day.
    let rows: serde_json::Value = serde_json::from_slice(&sealed.stdout).expect("json");
    if let Some(id) = rows.get(0).and_then(|r| r["id"].as_u64()) {
        for args in [vec!["done"], vec!["done", "--undo"]] {
            let out = Command::new(binary())
                .env("TANDEM_TODAY", TODAY)
                .arg("--data-dir")
                .arg(&data)
                .args(args)
                .arg(id.to_string())
                .output()
                .expect("run tandem done");
            assert!(
                out.status.success(),
                "{}",
                String::from_utf8_lossy(&out.stderr)
            );
        }
    }
    let config = tempfile::tempdir().expect("config dir");
    println!(
        "{}, a copy of {}, binary {}",
        cases_label(),
        store.display(),
        binary().display()
    );
    // The first start finds no page kept by a session before it; the second draws that page
    // while the store opens.
    for start in ["first start", "keys at once", "start with the kept page"] {
        let (mut t, started) = Pty::start(&data, config.path());
        let first = t.until("the first frame", |s| {
            s.contains("Casussen") && s.contains("Regie")
        });
        // The kept page says the store is opening; the store's own screen has the key hints.
        // (or the question of who you are, over them, with the form's hints instead)
        let open = t.until("the store's own rows", |s| {
            s.contains("Regie") && (s.contains("Enter openen") || s.contains("Wie ben jij?"))
        });
        println!(
            "{start}: first frame {:.0} ms, the store's rows {:.0} ms",
            ms(first - started),
            ms(open - started)
        );
        if start == "keys at once" {
            keys_at_once(t, started);
            continue;
        }
        // The overdue count ends the start on the status line (unless something else has it,
        // such as the retention reminder).
        match t.within(Duration::from_secs(20), |s| s.contains("acties te laat")) {
            Some(at) => println!("{start}: the overdue line {:.0} ms", ms(at - started)),
            None => println!("{start}: no overdue line within 20 s"),
        }
        leave_me_question(&mut t);
        if start == "first start" {
            t.keys("q");
            let _ = t.child.wait();
        } else {
            rest_of_bench(t);
            return;
        }
    }
}

/// Keys pressed as soon as the store's first frame is there (issue 10, item 2: nothing waits
/// after it): the first key (Esc on the question of who you are, or `j`) and a `?` after it,
/// each to its frame; then `3` one second after the start, to the frame with screen 3's rows.
fn keys_at_once(mut t: Pty, started: Instant) {
    let asked = t.text().contains("Wie ben jij?");
    let sent = if asked { t.keys("\x1b") } else { t.keys("j") };
    let shown = match asked {
        true => t.until("the question gone", |s| !s.contains("Wie ben jij?")),
        false => t.next_output(),
    };
    println!(
        "the first key right after the first frame: {:.1} ms",
        ms(shown - sent)
    );
    let sent = t.keys("?");
    let shown = t.until("the help", |s| s.contains("Tekens op het scherm"));
    println!("? right after that: {:.1} ms", ms(shown - sent));
    t.keys("\x1b");
    t.until("the help gone", |s| !s.contains("Tekens op het scherm"));
    std::thread::sleep(Duration::from_secs(1).saturating_sub(started.elapsed()));
    t.drain();
    let sent = t.keys("3");
    let shown = t.until("screen 3's rows", |s| s.contains("Eigenaar"));
    println!(
        "the first 3, {:.1} s after the start: {:.1} ms",
        (sent - started).as_secs_f64(),
        ms(shown - sent)
    );
    t.drain();
    println!("peak memory then: {:.0} MB", t.peak_mb());
    t.keys("q");
    let _ = t.child.wait();
}

/// The question "Wie ben jij?" comes with the store's first frame until "me" is chosen (a binary
/// from before issue 12's "me" never asks): Esc leaves it, so that screen 3 holds every open
/// action as before rather than one person's.
pub(crate) fn leave_me_question(t: &mut Pty) {
    t.drain();
    if t.text().contains("Wie ben jij?") {
        t.keys("\x1b");
        t.until("the question gone", |s| !s.contains("Wie ben jij?"));
    }
}

/// The rest of the bench, on the running second start.
fn rest_of_bench(mut t: Pty) {
    t.drain();
    println!("peak memory after start: {:.0} MB", t.peak_mb());
    t.keys("\r");
    t.until("the case page", |s| s.contains("Netwerk"));
    saves(&mut t, save_rounds(), "case page");
    println!("peak memory after the saves: {:.0} MB", t.peak_mb());
    // Screen 3 holds every open action; a save must not read them all again.
    let sent = t.keys("3");
    let shown = t.until("screen 3", |s| {
        s.contains("te laat") || s.contains("Te laat")
    });
    println!(
        "screen 3 the first time (its rows read): {:.0} ms",
        ms(shown - sent)
    );
    t.drain();
    println!("peak memory on screen 3: {:.0} MB", t.peak_mb());
    let mut js = Vec::new();
    for _ in 0..30 {
        // The selection is a style, not text: the first output after the key is its frame.
        let sent = t.keys("j");
        let shown = t.next_output();
        js.push(ms(shown - sent));
        t.drain();
    }
    summary("j on screen 3", js);
    t.keys("2\r");
    t.until("the case page", |s| s.contains("Netwerk"));
    saves(&mut t, save_rounds(), "after screen 3");
    // Back and forth: screen 3 keeps its rows, patched by the saves, and shows them at once.
    let mut again = Vec::new();
    for _ in 0..10 {
        t.keys("2");
        t.until("the case list", |s| s.contains("Hulpvraag"));
        t.drain();
        let sent = t.keys("3");
        let shown = t.until("screen 3 again", |s| s.contains("Eigenaar"));
        again.push(ms(shown - sent));
        t.drain();
    }
    summary("screen 3 again (2, then 3)", again);
    println!("peak memory at the end: {:.0} MB", t.peak_mb());
    t.keys("\x1b\x1bq");
    let _ = t.child.wait();
}

/// Each key of `keys` pressed `rounds` times; the time from the key to the first output after it
/// (the frame that answers it: a selection is a style, so no text to wait for).
fn key_frames(t: &mut Pty, key: &str, rounds: usize, label: &str) {
    let mut took = Vec::new();
    for _ in 0..rounds {
        let sent = t.keys(key);
        let shown = t.next_output();
        took.push(ms(shown - sent));
        t.drain();
    }
    summary(label, took);
}

/// Privacy mode (issue 11): `p` to the frame that shows (or drops) the PRIVACY mark, and moving
/// in privacy mode on the case list, screen 3, the agenda and the lookup, per keystroke.
#[test]
#[ignore]
fn privacy_keys_in_a_pty() {
    let work = tempfile::tempdir().expect("temp dir");
    let (data, _) = opened_copy(work.path());
    let config = tempfile::tempdir().expect("config dir");
    println!("{}, binary {}", cases_label(), binary().display());
    let (mut t, _) = Pty::start(&data, config.path());
    t.until("the first frame", |s| {
        s.contains("Casussen") && s.contains("Regie")
    });
    // The rest of the start (the lookup's entries, the overdue count) ends with the status line.
    t.until("the overdue count", |s| s.contains("te laat"));
    leave_me_question(&mut t);
    t.drain();
    key_frames(&mut t, "j", 100, "j on the case list, privacy off");
    let mut toggles = Vec::new();
    for _ in 0..20 {
        for on in [true, false] {
            let sent = t.keys("p");
            let shown = t.until("the privacy mark", |s| {
                s.lines().next().unwrap_or("").contains("PRIVACY") == on
            });
            toggles.push(ms(shown - sent));
            t.drain();
        }
    }
    summary("p (privacy on or off) to its frame", toggles);
    t.keys("p");
    t.until("privacy on", |s| {
        s.lines().next().unwrap_or("").contains("PRIVACY")
    });
    t.drain();
    key_frames(&mut t, "j", 100, "j on the case list, privacy on");
    key_frames(&mut t, "k", 100, "k on the case list, privacy on");
    t.keys("3");
    t.until("screen 3", |s| {
        s.contains("te laat") || s.contains("Te laat")
    });
    t.drain();
    key_frames(&mut t, "j", 100, "j on screen 3, privacy on");
    t.keys("1");
    t.until("the agenda", |s| s.contains("Voorstel agenda"));
    t.drain();
    key_frames(&mut t, "j", 30, "j on the agenda, privacy on");
    t.keys("2\r");
    t.until("a case page", |s| s.contains("Netwerk"));
    t.drain();
    key_frames(&mut t, "\t", 30, "Tab on a case page, privacy on");
    t.keys("q/");
    t.until("the lookup", |s| s.contains("Zoeken"));
    t.drain();
    let mut typed = Vec::new();
    for c in "vanderberg".chars() {
        let sent = t.keys(&c.to_string());
        let shown = t.next_output();
        typed.push(ms(shown - sent));
        t.drain();
    }
    summary(
        "a letter in the lookup, privacy on (letter on screen)",
        typed,
    );
    println!("peak memory: {:.0} MB", t.peak_mb());
    // Esc and q apart: together they read as Alt-q.
    t.keys("\x1b");
    t.drain();
    t.keys("q");
    let _ = t.child.wait();
}
