//! A meeting in the real binary, in a pseudo-terminal, with a crash in the middle: tandem is
//! killed (SIGKILL, no chance to clean up) after an action and an agreement were recorded; the
//! next start offers to resume, `m` goes on where it was, and the minutes hold everything.
#![cfg(unix)]

use crate::meeting_common;

use crate::meeting_common::{tandem, TODAY};
use crate::pty::Tui;

#[test]
fn a_meeting_killed_halfway_resumes_where_it_was_and_its_minutes_keep_everything() {
    let data = tempfile::tempdir().expect("data dir");
    let config = tempfile::tempdir().expect("config dir");
    tandem(data.path(), &["demo"]);

    let mut t = Tui::start(data.path(), config.path(), &[]);
    t.wait_for("Julia Bakker");
    t.skip_me();
    t.step("1", "Voorstel agenda");
    t.step("m", "Overleg gestart");
    t.wait_for("casus 1 van 12");
    // Item 1 of the proposal: a new question (issue 13: new questions are urgent).
    t.wait_for("Defne Demir");
    t.keys("aMoeder bellen over de ochtenden\tyv\tvr\r");
    t.wait_for("Moeder bellen over de ochtenden");
    t.wait_for("Opgeslagen.");
    t.keys("rZusjes gaan vanaf januari naar de opvang.\r");
    t.wait_for("● Zusjes gaan vanaf januari naar de opvang.");
    t.step("]", "casus 2 van 12");
    t.wait_for("Linh Trần");
    // Halfway through: the laptop's battery dies.
    t.kill_hard();

    let mut t = Tui::start(data.path(), config.path(), &[]);
    t.wait_for("Er loopt nog een overleg. Druk m om verder te gaan waar het was.");
    t.skip_me();
    t.step("m", "casus 2 van 12");
    t.wait_for("Linh Trần");
    assert!(t.screen().contains("PRIVACY"), "privacy again on resume");
    // Item 1 holds what was recorded before the kill.
    t.step("[", "casus 1 van 12");
    t.wait_for("Moeder bellen over de ochtenden");
    t.wait_for("● Zusjes gaan vanaf januari naar de opvang.");
    t.step("]", "casus 2 van 12");
    // In privacy mode the minutes hide what item 1 recorded (it is not under discussion now):
    // p shows everything again.
    t.step("E", "Wat is er besloten");
    t.wait_for("Afspraak: (verborgen)");
    t.step("\x1b", "casus 2 van 12");
    t.step("p", "Privacymodus uit");
    t.step("E", "Wat is er besloten");
    t.wait_for("Afspraak: Zusjes gaan vanaf januari naar de opvang.");
    t.step("\r", "Overleg afgerond");
    t.wait_for("Voorstel agenda");
    // q on screen 1 never quits (issue 13); Ctrl-C does.
    t.keys("q");
    t.wait_for("Ctrl-C stopt tandem");
    t.keys("\x03");
    assert!(t.exit().success());

    let md = tandem(data.path(), &["minutes", "latest"]);
    assert!(
        md.contains("- Afspraak: Zusjes gaan vanaf januari naar de opvang."),
        "{md}"
    );
    assert!(
        md.contains(
            "- Nieuwe actie: Z zorg · Yvonne Postma · 27-11-2026 · Moeder bellen over de ochtenden"
        ),
        "{md}"
    );
    assert_eq!(md.matches("niet besproken").count(), 11, "{md}");
    // One meeting, ended; none left running.
    let json = meeting_common::tandem_json(data.path(), &["minutes", "latest", "--format", "json"]);
    assert!(json["ended"].is_string(), "{json}");
    assert_eq!(json["items"][0]["discussed"], true);
    let check = std::process::Command::new(env!("CARGO_BIN_EXE_tandem"))
        .arg("--data-dir")
        .arg(data.path())
        .arg("check")
        .env("TANDEM_TODAY", TODAY)
        .output()
        .expect("run tandem check");
    assert!(
        check.status.success(),
        "the store is consistent after the kill: {}",
        String::from_utf8_lossy(&check.stderr)
    );
}
