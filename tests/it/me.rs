//! "me", chosen once per installation (issue 12 part 4): every change and every handing out is
//! recorded in that person's name, never the login name; until one is chosen the trail says
//! "onbekend" and every start of the screen asks who you are.

use crate::common::{tandem_on, TODAY};
use std::path::Path;

const LOGIN: &str = "loginnaam-xyz";

/// The binary on `data` with its own config dir and a login name that must never be recorded.
fn run(data: &Path, config: &Path, args: &[&str]) -> (bool, String, String) {
    let out = tandem_on(data, TODAY)
        .env("XDG_CONFIG_HOME", config)
        .env("USER", LOGIN)
        .env("USERNAME", LOGIN)
        .args(args)
        .output()
        .expect("run tandem");
    (
        out.status.success(),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

fn demo() -> (tempfile::TempDir, tempfile::TempDir) {
    let data = tempfile::tempdir().expect("data dir");
    let config = tempfile::tempdir().expect("config dir");
    let (ok, _, err) = run(data.path(), config.path(), &["demo"]);
    assert!(ok, "{err}");
    (data, config)
}

fn first_open_action(data: &Path, config: &Path) -> String {
    let (ok, out, err) = run(data, config, &["actions", "--format", "json"]);
    assert!(ok, "{err}");
    let list: serde_json::Value = serde_json::from_str(&out).expect("json");
    list[0]["id"].as_u64().expect("an open action").to_string()
}

/// Every byte of every file under `dir`, to look for a word in.
fn holds(dir: &Path, word: &str) -> Vec<String> {
    let mut found = Vec::new();
    for entry in walkdir(dir) {
        let bytes = std::fs::read(&entry).unwrap_or_default();
        if bytes.windows(word.len()).any(|w| w == word.as_bytes()) {
            found.push(entry.display().to_string());
        }
    }
    found
}

fn walkdir(dir: &Path) -> Vec<std::path::PathBuf> {
    let mut out = Vec::new();
    for entry in std::fs::read_dir(dir).expect("read dir").flatten() {
        let path = entry.path();
        if path.is_dir() {
            out.extend(walkdir(&path));
        } else {
            out.push(path);
        }
    }
    out
}

#[test]
fn changes_carry_the_chosen_name_and_never_the_login_name() {
    let (data, config) = demo();
    let (d, c) = (data.path(), config.path());
    let (ok, out, _) = run(d, c, &["me"]);
    assert!(ok && out.contains("Nog niet gekozen"), "{out}");

    // Before a choice the trail says "onbekend"; after it, the chosen name.
    let action = first_open_action(d, c);
    let (ok, _, err) = run(d, c, &["done", &action]);
    assert!(ok, "{err}");
    // A part of a name, folded, is enough when only one person has it.
    let (ok, out, err) = run(d, c, &["me", "bram"]);
    assert!(ok, "{err}");
    assert!(out.contains("Jij bent Bram Kok"), "{out}");
    let (_, out, _) = run(d, c, &["me"]);
    assert!(out.contains("Jij bent Bram Kok"), "{out}");
    let (ok, _, err) = run(d, c, &["done", &action, "--undo"]);
    assert!(ok, "{err}");
    let (ok, _, err) = run(d, c, &["actions", "--format", "csv"]);
    assert!(ok, "{err}");
    let (_, trail, _) = run(d, c, &["audit", "--since", TODAY]);
    let marks: Vec<&str> = trail
        .lines()
        .filter(|l| l.ends_with(&format!(": #{action}")))
        .collect();
    assert_eq!(marks.len(), 2, "{trail}");
    assert!(marks[0].contains("  onbekend  "), "{trail}");
    assert!(marks[1].contains("  Bram Kok  "), "{trail}");
    assert!(
        trail
            .lines()
            .any(|l| l.contains("  Bram Kok  ") && l.contains("actielijst (csv)")),
        "what left tandem is in the chosen name too:\n{trail}"
    );
    assert!(!trail.contains(LOGIN), "{trail}");
    // Nowhere in the data dir: not in the store, the journal, the log, the backups.
    assert_eq!(holds(d, LOGIN), Vec::<String>::new());
}

#[test]
fn a_name_that_fits_no_one_or_several_changes_nothing() {
    let (data, config) = demo();
    let (d, c) = (data.path(), config.path());
    let (ok, _, err) = run(d, c, &["me", "Bram Kok"]);
    assert!(ok, "{err}");
    let file = c.join("tandem/config.toml");
    let before = std::fs::read_to_string(&file).expect("config written");

    let (ok, out, err) = run(d, c, &["me", "Niemand Bestaat"]);
    assert!(!ok && out.is_empty(), "{out}");
    assert!(
        err.contains("Niemand op de sociale kaart heet 'Niemand Bestaat'"),
        "{err}"
    );
    // The demo's 22 people are too many to list on one line: say where to look instead.
    assert!(err.contains("zoals scherm 4 ze toont"), "{err}");
    let (ok, _, err) = run(d, c, &["me", "e"]);
    assert!(!ok && err.contains("past bij meerdere mensen"), "{err}");
    let (ok, _, err) = run(d, c, &["--lang", "en", "me", "zzz"]);
    assert!(
        !ok && err.contains("No one in the directory is called 'zzz'"),
        "{err}"
    );
    assert_eq!(std::fs::read_to_string(&file).expect("config"), before);
    assert!(!err.contains("panicked"), "{err}");

    // A broken settings file is never overwritten by a choice.
    std::fs::write(&file, "me = 'geen getal'\n").expect("break it");
    let (ok, _, err) = run(d, c, &["me", "Bram Kok"]);
    assert!(!ok, "{err}");
    assert_eq!(
        std::fs::read_to_string(&file).expect("config"),
        "me = 'geen getal'\n"
    );
}

#[test]
fn an_empty_sociale_kaart_says_to_add_yourself_first() {
    let data = tempfile::tempdir().expect("data dir");
    let config = tempfile::tempdir().expect("config dir");
    drop(tandem::store::Store::open(data.path()).expect("an empty store"));
    let (ok, _, err) = run(data.path(), config.path(), &["me", "Bram"]);
    assert!(!ok && err.contains("sociale kaart is nog leeg"), "{err}");
}

#[cfg(unix)]
#[test]
fn the_screen_asks_who_you_are_until_chosen_and_records_that_name() {
    use crate::pty::Tui;
    let (data, config) = demo();
    let (d, c) = (data.path(), config.path());

    // Left with Esc: said where to choose later, and asked again at the next start.
    let mut t = Tui::start(d, c, &[]);
    t.skip_me();
    t.keys("q");
    assert!(t.exit().success());

    let mut t = Tui::start(d, c, &[]);
    t.wait_for("Wie ben jij?");
    t.step("Yvonne\r", "Onthouden");
    t.step("3", "Deadline");
    t.step("d", "Actie afgevinkt");
    t.keys("q");
    assert!(t.exit().success());
    let (_, trail, _) = run(d, c, &["audit", "--since", TODAY]);
    assert!(
        trail
            .lines()
            .any(|l| l.contains("  Yvonne Postma  ") && l.contains("actie afgerond")),
        "the mark made on screen is in the chosen name:\n{trail}"
    );

    // Chosen once: the next start goes straight to the list.
    let mut t = Tui::start(d, c, &[]);
    t.wait_for("Julia Bakker");
    std::thread::sleep(std::time::Duration::from_millis(700));
    assert!(!t.screen().contains("Wie ben jij?"), "{}", t.screen());
    t.keys("q");
    assert!(t.exit().success());
}
