//! SIGKILL at random moments while tandem writes never loses a change it reported as saved, and
//! never leaves a store that the next open calls damaged (issue 8).
//!
//! The CLI: rounds of `tandem done ID` / `done --undo ID`, each killed after a random delay
//! (a deterministic PRNG per round): 0–40 ms, widened to 1.5 times one uninterrupted `done` on
//! this machine, so kills land in every phase (open, journal, sled, close, seal). A command
//! reported its change saved when it exited 0, or printed its "afgevinkt" / "staat weer open"
//! line before the kill. After each round the next open must not be damaged, every reported change must be
//! there, and `check` must be clean.
//!
//! The TUI: in a pty, screen 3, `d` on the selected action; killed once the screen says
//! "Actie afgevinkt" (or at a random moment): what the screen called saved is in the store.
//!
//! `TANDEM_TRUST_ROUNDS=N` sets the rounds (default 10 for the CLI, 3 for the TUI; use ≥ 50).
#![cfg(unix)]

use crate::pty;
use crate::trust_common;

use crate::trust_common::{
    actions_json, cmd, done_states, env_count, ok, out, output_of, quarantine_folders, Rng,
};
use std::collections::BTreeMap;
use std::path::Path;
use std::process::Stdio;
use std::time::{Duration, Instant};

/// What the next open and `check` say after a round; a description of what is wrong.
fn after_round(data: &Path) -> Result<BTreeMap<u64, bool>, String> {
    let (a_ok, stdout, stderr) = out(data, &["actions", "--all", "--format", "json"]);
    if !a_ok || stderr.contains("beschadigd") {
        return Err(format!("the open after the kill failed: {stderr}"));
    }
    let list: Vec<serde_json::Value> =
        serde_json::from_slice(&stdout).map_err(|e| format!("actions JSON: {e}"))?;
    let (c_ok, c_out, c_err) = out(data, &["check"]);
    let report = String::from_utf8_lossy(&c_out);
    if !c_ok || !report.contains("In orde") {
        return Err(format!(
            "check after the kill is not clean: {report}{c_err}"
        ));
    }
    Ok(done_states(&list))
}

#[test]
fn cli_writes_killed_at_random_moments_keep_every_reported_change() {
    let started = Instant::now();
    let rounds = env_count("TANDEM_TRUST_ROUNDS", 10);
    let root = tempfile::tempdir().expect("temp dir");
    let data = root.path().join("data");
    ok(&data, &["demo"]);
    let pool: Vec<u64> = actions_json(&data)
        .iter()
        .map(|a| a["id"].as_u64().expect("id"))
        .take(8)
        .collect();
    // What the store must hold: `Some` once a change to it was reported saved (or seen).
    let mut known: BTreeMap<u64, Option<bool>> = done_states(&actions_json(&data))
        .into_iter()
        .filter(|(id, _)| pool.contains(id))
        .map(|(id, d)| (id, Some(d)))
        .collect();
    // How long one `done` takes here, start to exit: the kill moments cover 0–40 ms and, on a
    // slower machine, the whole run (open, journal, sled, close and seal) and a little after.
    let one_run = one_done_ms(&data, pool[0]);
    let window = 40.max(one_run * 3 / 2);
    known.insert(
        pool[0],
        done_states(&actions_json(&data)).get(&pool[0]).copied(),
    );
    let (mut reported, mut killed, mut losses) = (0usize, 0usize, Vec::new());
    let mut damaged = Vec::new();
    for round in 0..rounds {
        let mut rng = Rng::new(round as u64);
        let (r, k) = kill_four_commands(&data, &mut rng, &pool, &mut known, window);
        (reported, killed) = (reported + r, killed + k);
        match after_round(&data) {
            Ok(states) => losses.extend(losses_of(round, &mut known, &states)),
            Err(e) => damaged.push(format!("round {round}: {e}")),
        }
        if !damaged.is_empty() {
            break;
        }
    }
    let leftovers = quarantine_folders(&data);
    eprintln!(
        "trust_crash cli: {rounds} rounds, kills at 0–{window} ms (one done takes {one_run} ms), {reported} commands reported saved, {killed} killed before reporting, {} losses, {} damaged opens, quarantine folders left: {leftovers:?}, {:.1} s",
        losses.len(),
        damaged.len(),
        started.elapsed().as_secs_f64()
    );
    assert!(
        damaged.is_empty() && losses.is_empty(),
        "kept in {}:\n{}\n{}",
        root.keep().display(),
        damaged.join("\n"),
        losses.join("\n")
    );
}

/// One round: four `done` or `done --undo` commands on actions of `pool`, each killed after a
/// random delay of up to `window` ms. `known` takes what each reported saved, and forgets what
/// a command killed before it reported. (reported, killed).
fn kill_four_commands(
    data: &Path,
    rng: &mut Rng,
    pool: &[u64],
    known: &mut BTreeMap<u64, Option<bool>>,
    window: u64,
) -> (usize, usize) {
    let (mut reported, mut killed) = (0, 0);
    for _ in 0..4 {
        let id = pool[rng.below(pool.len() as u64) as usize];
        // Mostly the opposite of what it is now, so most commands write.
        let target = match known[&id] {
            Some(done) if rng.below(5) > 0 => !done,
            _ => rng.below(2) == 0,
        };
        let id_s = id.to_string();
        let mut args = vec!["done", id_s.as_str()];
        if !target {
            args.push("--undo");
        }
        let delay = Duration::from_millis(rng.below(window + 1));
        let mut child = cmd(data)
            .args(&args)
            .stdout(Stdio::null())
            .stderr(Stdio::piped())
            .spawn()
            .expect("spawn tandem done");
        std::thread::sleep(delay);
        let _ = child.kill();
        let (exit_ok, _, stderr) = output_of(child.wait_with_output().expect("wait"));
        let said_saved = stderr.contains("afgevinkt") || stderr.contains("staat weer open");
        if exit_ok || said_saved {
            reported += 1;
            known.insert(id, Some(target));
        } else {
            killed += 1;
            known.insert(id, None);
        }
    }
    (reported, killed)
}

/// The changes reported saved that the store no longer holds after round `round`, one line
/// each; `known` then holds the store's states.
fn losses_of(
    round: usize,
    known: &mut BTreeMap<u64, Option<bool>>,
    states: &BTreeMap<u64, bool>,
) -> Vec<String> {
    let mut losses = Vec::new();
    for (id, want) in known.iter_mut() {
        let Some(&now) = states.get(id) else {
            losses.push(format!("round {round}: action {id} is gone"));
            continue;
        };
        if let Some(w) = *want {
            if w != now {
                losses.push(format!(
                    "round {round}: action {id} was reported {} but is {}",
                    if w { "done" } else { "open" },
                    if now { "done" } else { "open" }
                ));
            }
        }
        *want = Some(now);
    }
    losses
}

/// How long one uninterrupted `done` and `done --undo` take here, in ms (the mean of the two).
fn one_done_ms(data: &Path, id: u64) -> u64 {
    let timed = Instant::now();
    let id = id.to_string();
    ok(data, &["done", &id]);
    ok(data, &["done", &id, "--undo"]);
    (timed.elapsed().as_millis() / 2) as u64
}

/// "Removed when healthy": after killed sessions, once later commands have closed the store
/// cleanly, no copy of the store stays behind in `quarantine/` (each is a whole copy of the
/// store, and nothing else would ever remove it). The kills are spread over one run of `done`:
/// once a kill has broken the seal, every later open first copies the files into quarantine.
#[test]
fn killed_sessions_leave_no_quarantine_copies_of_a_healthy_store() {
    let root = tempfile::tempdir().expect("temp dir");
    let data = root.path().join("data");
    ok(&data, &["demo"]);
    let ids: Vec<u64> = trust_common::open_ids(&data).into_iter().take(12).collect();
    let window = one_done_ms(&data, ids[0]).max(40);
    for (n, id) in ids.iter().enumerate() {
        let mut child = cmd(&data)
            .args(["done", &id.to_string()])
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("spawn");
        std::thread::sleep(Duration::from_millis(window * n as u64 / ids.len() as u64));
        let _ = child.kill();
        let _ = child.wait();
    }
    after_round(&data).expect("healthy after the kills");
    // Two clean sessions more.
    ok(&data, &["check"]);
    ok(&data, &["export"]);
    let left = quarantine_folders(&data);
    assert!(
        left.is_empty(),
        "copies of a healthy store left in quarantine/ after clean sessions (kills spread over 0–{window} ms): {left:?}"
    );
}

/// The action the status line names, from "Actie afgevinkt: TEXT".
fn saved_text(screen: &str) -> Option<String> {
    let line = screen.lines().find(|l| l.contains("Actie afgevinkt: "))?;
    let text = line.split("Actie afgevinkt: ").nth(1)?;
    Some(text.trim().trim_end_matches('…').trim().to_string())
}

#[test]
fn tui_killed_after_it_said_saved_keeps_the_change() {
    let started = Instant::now();
    let rounds = env_count("TANDEM_TRUST_ROUNDS", 3);
    let root = tempfile::tempdir().expect("temp dir");
    let config = tempfile::tempdir().expect("config dir");
    let data = root.path().join("data");
    ok(&data, &["demo"]);
    let (mut shown, mut not_shown) = (0usize, 0usize);
    let mut problems = Vec::new();
    for round in 0..rounds {
        let mut rng = Rng::new(1000 + round as u64);
        let mut before = actions_json(&data);
        if before.iter().all(|a| !a["done"].is_null()) {
            // Every action is done after many rounds: open ten again for the next ones.
            for a in before.iter().take(10) {
                let id = a["id"].as_u64().expect("id").to_string();
                ok(&data, &["done", &id, "--undo"]);
            }
            before = actions_json(&data);
        }
        let before_done = done_states(&before);
        let mut t = pty::Tui::start(&data, config.path(), &[]);
        t.wait_for("Julia Bakker");
        t.skip_me();
        t.step("3", "Acties");
        t.keys("d");
        // Every other round waits for the screen to say it saved; the others die at a random
        // moment 0–40 ms after the key.
        let screen = if round % 2 == 0 {
            t.wait_for("Actie afgevinkt");
            t.screen()
        } else {
            std::thread::sleep(Duration::from_millis(rng.below(41)));
            t.screen()
        };
        t.kill_hard();
        let after = match after_round(&data) {
            Ok(states) => states,
            Err(e) => {
                problems.push(format!("round {round}: {e}"));
                break;
            }
        };
        let newly: Vec<u64> = after
            .iter()
            .filter(|(id, d)| **d && !before_done.get(id).copied().unwrap_or(false))
            .map(|(id, _)| *id)
            .collect();
        match saved_text(&screen) {
            Some(text) => {
                shown += 1;
                let named: Vec<u64> = before
                    .iter()
                    .filter(|a| a["text"].as_str().is_some_and(|s| s.starts_with(&text)))
                    .map(|a| a["id"].as_u64().expect("id"))
                    .collect();
                if !newly.iter().any(|id| named.contains(id)) {
                    problems.push(format!(
                        "round {round}: the screen said \"Actie afgevinkt: {text}\" but after the kill no such action is done (newly done: {newly:?}, matching: {named:?})"
                    ));
                }
            }
            None => not_shown += 1,
        }
        if newly.len() > 1 {
            problems.push(format!(
                "round {round}: one key press, {} actions done: {newly:?}",
                newly.len()
            ));
        }
    }
    eprintln!(
        "trust_crash tui: {rounds} rounds, {shown} killed after the screen said saved, {not_shown} killed before, {} problems, {:.1} s",
        problems.len(),
        started.elapsed().as_secs_f64()
    );
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

/// `tandem restore --yes` killed at random moments: the next command either shows everything
/// (the restore had finished) or says to run `tandem restore` (again), never a partial store as
/// healthy; and running it again brings back the export from before the damage.
#[test]
fn a_restore_killed_at_random_moments_can_simply_be_run_again() {
    let started = Instant::now();
    let rounds = env_count("TANDEM_TRUST_ROUNDS", 10);
    let root = tempfile::tempdir().expect("temp dir");
    let clean = root.path().join("clean");
    ok(&clean, &["demo"]);
    ok(&clean, &["check"]);
    for id in trust_common::open_ids(&clean).into_iter().take(2) {
        ok(&clean, &["done", &id.to_string()]);
    }
    let reference_copy = root.path().join("reference");
    trust_common::copy_dir(&clean, &reference_copy);
    let reference = ok(&reference_copy, &["export"]);
    let damaged = root.path().join("damaged");
    damaged_copy(&clean, &damaged);
    let timing = root.path().join("timing");
    trust_common::copy_dir(&damaged, &timing);
    let timed = Instant::now();
    ok(&timing, &["restore", "--yes"]);
    let window = 40.max(timed.elapsed().as_millis() as u64 * 3 / 2);
    let (mut finished, mut cut) = (0, 0);
    let mut problems = Vec::new();
    for round in 0..rounds {
        let case = root.path().join(format!("case{round}"));
        trust_common::copy_dir(&damaged, &case);
        if restore_killed_once(&case, round, window, &reference, &mut problems) {
            finished += 1;
        } else {
            cut += 1;
        }
    }
    eprintln!(
        "trust_crash restore: {rounds} rounds, kills at 0–{window} ms, {finished} had finished, {cut} were cut off and run again, {} problems, {:.1} s",
        problems.len(),
        started.elapsed().as_secs_f64()
    );
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

/// A copy of `clean` in `damaged`, one bit flipped at the first offset (in steps of 4 KiB)
/// whose flip `check` reports.
fn damaged_copy(clean: &Path, damaged: &Path) {
    let mut found = false;
    for offset in (4096..160_000).step_by(4096) {
        let _ = std::fs::remove_dir_all(damaged);
        trust_common::copy_dir(clean, damaged);
        trust_common::flip_bit(&damaged.join("db"), offset, 0);
        let (c_ok, _, c_err) = out(damaged, &["check"]);
        if !c_ok && c_err.contains("beschadigd") {
            found = true;
            break;
        }
    }
    assert!(found, "no offset gave a damaged store");
}

/// Round `round`: `restore --yes` on the damaged copy `case`, killed after a random delay of up
/// to `window` ms; then the store must be whole (`reference` is its export from before the
/// damage) or say to restore, and a second restore must bring it back. What is wrong goes to
/// `problems`. True if the killed restore had finished.
fn restore_killed_once(
    case: &Path,
    round: usize,
    window: u64,
    reference: &[u8],
    problems: &mut Vec<String>,
) -> bool {
    let mut rng = Rng::new(5000 + round as u64);
    let mut child = cmd(case)
        .args(["restore", "--yes"])
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("spawn restore");
    std::thread::sleep(Duration::from_millis(rng.below(window + 1)));
    let _ = child.kill();
    let status = child.wait().expect("wait");
    let (e_ok, export, e_err) = out(case, &["export"]);
    if e_ok {
        if export != reference {
            problems.push(format!(
                "round {round}: after a killed restore, export exits 0 but differs from before the damage"
            ));
        }
    } else {
        if !e_err.contains("tandem restore") {
            problems.push(format!(
                "round {round}: after a killed restore the store says neither healthy nor \"tandem restore\": {e_err}"
            ));
        }
        let (r_ok, _, r_err) = out(case, &["restore", "--yes"]);
        if !r_ok {
            problems.push(format!(
                "round {round} (restore {status}): the restore run again failed: {r_err}"
            ));
            return false;
        }
        if ok(case, &["export"]) != reference {
            problems.push(format!(
                "round {round}: export after the second restore differs from before the damage"
            ));
        }
    }
    let (c_ok, c_out, c_err) = out(case, &["check"]);
    if !c_ok || !String::from_utf8_lossy(&c_out).contains("In orde") {
        problems.push(format!(
            "round {round}: check after the restore: {}{c_err}",
            String::from_utf8_lossy(&c_out)
        ));
    }
    let _ = std::fs::remove_dir_all(case);
    e_ok
}
