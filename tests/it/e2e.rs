//! The real binary in a pseudo-terminal, driven as a person would: keys typed, the screen read
//! back through a terminal emulator (vt100), the store read afterwards through `tandem export`.
#![cfg(unix)]

use crate::common::TODAY;
use crate::pty::Tui;

use serde_json::Value;
use std::path::Path;
use tempfile::TempDir;

fn dirs() -> (TempDir, TempDir) {
    (
        tempfile::tempdir().expect("data dir"),
        tempfile::tempdir().expect("config dir"),
    )
}

fn export(data: &Path) -> Value {
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_tandem"))
        .arg("--data-dir")
        .arg(data)
        .arg("export")
        .env("TANDEM_TODAY", TODAY)
        .output()
        .expect("run tandem export");
    assert!(
        out.status.success(),
        "export failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).expect("export is JSON")
}

fn items<'a>(doc: &'a Value, key: &str) -> &'a Vec<Value> {
    doc[key]
        .as_array()
        .unwrap_or_else(|| panic!("no {key} in the export"))
}

#[test]
fn a_whole_session_from_welcome_to_quit_is_on_disk() {
    let (data, config) = dirs();
    let mut t = Tui::start(data.path(), config.path(), &[]);
    t.wait_for("Welkom bij tandem");
    t.step("d", "Demo-gegevens geladen");
    t.wait_for("Julia Bakker");

    // A new case: the child's name in Vietnamese, a question with an emoji.
    t.step("n", "Nieuwe casus (intake)");
    t.keys("Thị Lan\tNguyễn\t\t\t");
    t.keys("Slaapt slecht 😴 sinds de zomer");
    t.step("\r", "Opgeslagen.");
    t.wait_for("Thị Lan Nguyễn");
    // It is selected: Enter opens it.
    t.step("\r", "Casus · Gezin Nguyễn");
    t.wait_for("Slaapt slecht 😴 sinds de zomer");

    // Bram Kok from the sociale kaart joins the family's network.
    t.step("n", "Toevoegen aan netwerk");
    t.step("bram", "→ Bram Kok");
    t.step("\r", "Opgeslagen.");
    t.wait_for("Bram Kok · logopedist");
    // Netwerk pane, consent for the selected (only) person: the dialog starts on "niet
    // gevraagd" (what is recorded now); space moves on to "toestemming".
    t.keys("\t");
    t.step("t", "Toestemming voor Bram Kok");
    t.keys(" ");
    t.step("\r", "Opgeslagen.");
    t.wait_for("✓ Z Bram Kok");

    // The lookup finds the family without the diacritics.
    t.step("/", "Zoeken");
    t.step("nguyen", "gezin        Nguyễn");
    t.step("\r", "Gezin Nguyễn · Ouders / verzorgers");
    t.wait_for("Bram Kok · logopedist · Logopediepraktijk Spraakwater");

    // Undo the consent: the status line says what was undone.
    t.step("u", "Ongedaan gemaakt: Toestemming");
    t.wait_for("niet gevraagd");

    t.keys("q");
    t.wait_for("Casus · Gezin Nguyễn");
    t.keys("q");
    t.wait_for("open casussen");
    t.keys("q");
    let status = t.exit();
    assert!(status.success(), "exit status {status:?}");
    t.assert_restored();

    let doc = export(data.path());
    let case = items(&doc, "cases")
        .iter()
        .find(|c| c["question"] == "Slaapt slecht 😴 sinds de zomer")
        .expect("the new case is in the store");
    let family = items(&doc, "families")
        .iter()
        .find(|f| f["id"] == case["family"])
        .expect("its family");
    assert_eq!(family["name"], "Nguyễn");
    let child = family["children"]
        .as_array()
        .and_then(|c| c.first())
        .expect("a child");
    assert_eq!(
        (child["first_name"].as_str(), child["last_name"].as_str()),
        (Some("Thị Lan"), Some("Nguyễn"))
    );
    let bram = items(&doc, "persons")
        .iter()
        .find(|p| p["name"] == "Bram Kok")
        .expect("Bram Kok")["id"]
        .clone();
    let network = family["network"].as_array().expect("network");
    assert!(
        network
            .iter()
            .any(|i| i["person"] == bram && i["role"] == "logopedist"),
        "{network:?}"
    );
    // The consent was undone: the case holds none for Bram.
    let consents = case["consents"].as_array().expect("consents");
    assert!(
        !consents.iter().any(|c| c["person"] == bram),
        "the undone consent is still there: {consents:?}"
    );
}

#[test]
fn sigterm_restores_the_terminal_and_ends_tandem() {
    let (data, config) = dirs();
    let mut t = Tui::start(data.path(), config.path(), &[]);
    t.wait_for("Welkom bij tandem");
    t.step("d", "Julia Bakker");
    t.signal("TERM");
    let status = t.exit();
    assert!(status.success(), "exit status after SIGTERM: {status:?}");
    t.assert_restored();
    // What was saved before stays saved.
    assert_eq!(items(&export(data.path()), "cases").len(), 18);
}

#[test]
fn a_theme_that_does_not_parse_gives_a_message_and_tandem_runs_on() {
    let (data, config) = dirs();
    let themes = config.path().join("tandem").join("themes");
    std::fs::create_dir_all(&themes).expect("themes dir");
    std::fs::write(themes.join("kapot.toml"), "name = 'kapot'\n[roles\ntext = ")
        .expect("write theme");
    let mut t = Tui::start(data.path(), config.path(), &["--theme", "kapot"]);
    t.wait_for("Thema 'kapot' kon niet worden geladen");
    t.wait_for("Welkom bij tandem");
    t.step("d", "Julia Bakker");
    t.keys("q");
    assert!(t.exit().success());
    t.assert_restored();
}

#[test]
fn a_second_tandem_on_the_same_data_dir_says_so_and_exits() {
    let (data, config) = dirs();
    let mut t = Tui::start(data.path(), config.path(), &[]);
    t.wait_for("Welkom bij tandem");
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_tandem"))
        .arg("--data-dir")
        .arg(data.path())
        .env("TANDEM_TODAY", TODAY)
        .env("XDG_CONFIG_HOME", config.path())
        .output()
        .expect("run a second tandem");
    assert!(!out.status.success());
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(stderr.trim().lines().count(), 1, "one line: {stderr}");
    assert!(stderr.contains("al geopend"), "{stderr}");
    assert!(
        !stderr.contains("panicked") && out.stdout.is_empty(),
        "{stderr}"
    );
    // The first one is undisturbed.
    t.step("d", "Julia Bakker");
    t.keys("q");
    assert!(t.exit().success());
    t.assert_restored();
}
