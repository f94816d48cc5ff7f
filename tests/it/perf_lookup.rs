//! The lookup timed from outside (issue 10, item 5): the real release binary in a pseudo-terminal
//! on a copy of the bench store, every letter of a few queries typed one at a time, and the time
//! from the key to the frame that shows that query's results (its count line, or "Geen
//! resultaten."), not only the typed letter. Reports only; `#[ignore]`, run with the README's
//! command and `TANDEM_BENCH_STORE` / `TANDEM_BENCH_BIN` as `perf_tui`.
#![cfg(unix)]

use crate::perf_tui::{
    bench_store, binary, cases_label, leave_me_question, ms, opened_copy, summary, Pty,
};
use std::collections::BTreeMap;

/// What people type: one letter, two letters, a whole surname, a typo'd name, a role, a name in
/// another script (Cyrillic: the demo writes some families' names so).
const QUERIES: [&str; 8] = [
    "a",
    "e",
    "de",
    "ij",
    "jansen",
    "jnasen",
    "leerkracht",
    "коваль",
];

/// How often each query is typed.
const ROUNDS: usize = 5;

/// The query line and the count line of the open lookup, as shown: the line that starts with
/// "/ " inside the popup's border, and the one under it.
fn lookup_lines(screen: &str) -> Option<(String, String)> {
    let lines: Vec<&str> = screen.lines().collect();
    let (at, col) = lines
        .iter()
        .enumerate()
        .find_map(|(i, l)| Some((i, prefix_col(l)?)))?;
    // The popup's rows from its left border on (the case list stands beside it).
    let inside = |l: &str| -> String {
        let l: String = l.chars().skip(col + 1).collect();
        l.split('│').next().unwrap_or("").trim().to_string()
    };
    let query = inside(lines[at]).trim_start_matches('/').trim().to_string();
    let status = inside(lines.get(at + 1)?);
    Some((query, status))
}

/// The column (in chars) of the popup's left border on its query line.
fn prefix_col(line: &str) -> Option<usize> {
    let byte = line.find("│/ ")?;
    Some(line[..byte].chars().count())
}

/// True when the screen shows the results of `query`: its query line, and a count ("50 van
/// 123") or "no results" under it, not "zoeken…".
fn shows_results(screen: &str, query: &str) -> bool {
    let Some((shown, status)) = lookup_lines(screen) else {
        return false;
    };
    let counted = status.contains(" van ")
        && status
            .split_whitespace()
            .next()
            .is_some_and(|n| n.parse::<usize>().is_ok());
    shown == query && (counted || status.contains("Geen resultaten"))
}

/// A copy of the bench store that has been opened once (see [`opened_copy`]).
fn bench_copy(work: &std::path::Path) -> std::path::PathBuf {
    let (data, _) = opened_copy(work);
    println!(
        "{}, a copy of {}, binary {}",
        cases_label(),
        bench_store().display(),
        binary().display()
    );
    data
}

/// Opens the lookup and waits for its first answer: the entries are built (on the worker, after
/// the first frame) once "a" is answered. Returns the time from the start.
fn entries_ready(t: &mut Pty, started: std::time::Instant) -> f64 {
    t.keys("/");
    t.until("the lookup", |s| s.contains("Typ een naam"));
    t.keys("a");
    let ready = t.until("the lookup's entries", |s| shows_results(s, "a"));
    t.keys("\x1b");
    t.until("the lookup closed", |s| {
        !s.contains("Typ een naam") && !s.contains("│/ ")
    });
    t.drain();
    ms(ready - started)
}

/// Types `query` one letter at a time into a fresh lookup; the time of each letter, from its key
/// to the frame with that prefix's results.
fn type_query(t: &mut Pty, query: &str) -> Vec<f64> {
    t.keys("/");
    t.until("the lookup", |s| s.contains("Typ een naam"));
    t.drain();
    let mut typed = String::new();
    let mut took = Vec::new();
    for c in query.chars() {
        typed.push(c);
        let sent = t.keys(&c.to_string());
        let shown = t.until("the results", |s| shows_results(s, &typed));
        took.push(ms(shown - sent));
        t.drain();
    }
    // Esc and the next key apart: together they read as Alt-key.
    t.keys("\x1b");
    t.until("the lookup closed", |s| !s.contains("│/ "));
    t.drain();
    took
}

#[test]
#[ignore]
fn lookup_letters_in_a_pty() {
    let work = tempfile::tempdir().expect("temp dir");
    let data = bench_copy(work.path());
    let config = tempfile::tempdir().expect("config dir");
    let (mut t, started) = Pty::start(&data, config.path());
    t.until("the store's own rows", |s| {
        s.contains("Regie") && (s.contains("Enter openen") || s.contains("Wie ben jij?"))
    });
    leave_me_question(&mut t);
    println!(
        "the lookup's first answer (entries built): {:.0} ms after the start",
        entries_ready(&mut t, started)
    );
    println!("peak memory after the first answer: {:.0} MB", t.peak_mb());
    let mut by_length: BTreeMap<&str, Vec<f64>> = BTreeMap::new();
    let mut by_query: BTreeMap<&str, Vec<f64>> = BTreeMap::new();
    for _ in 0..ROUNDS {
        for query in QUERIES {
            for (i, took) in type_query(&mut t, query).into_iter().enumerate() {
                if took > 16.0 {
                    // Which letter of which query, to tell a slow letter from a slow query.
                    let prefix: String = query.chars().take(i + 1).collect();
                    println!(
                        "  \"{prefix}\" (letter {}) over a frame: {took:.1} ms",
                        i + 1
                    );
                }
                let length = match i + 1 {
                    1 => "1 letter",
                    2 => "2 letters",
                    3..=5 => "3-5 letters",
                    _ => "6+ letters",
                };
                by_length.entry(length).or_default().push(took);
                by_query.entry(query).or_default().push(took);
            }
        }
    }
    for (query, samples) in by_query {
        summary(&format!("  \"{query}\", every letter"), samples);
    }
    for (length, samples) in by_length {
        summary(&format!("results on screen, {length}"), samples);
    }
    println!("peak memory at the end: {:.0} MB", t.peak_mb());
    t.keys("q");
    let _ = t.child.wait();
}

#[test]
fn the_count_line_is_read_from_the_popup() {
    let screen = "\
┌Zoeken─────────┐\n\
│/ de           │\n\
│50 van 1234    │\n\
└───────────────┘\n";
    assert_eq!(
        lookup_lines(screen),
        Some(("de".to_string(), "50 van 1234".to_string()))
    );
    assert!(shows_results(screen, "de"));
    assert!(!shows_results(screen, "d"), "another query's results");
    let searching = screen.replace("50 van 1234", "zoeken…    ");
    assert!(!shows_results(&searching, "de"));
    let none = screen.replace("50 van 1234", "Geen resultaten.");
    assert!(shows_results(&none, "de"));
}
