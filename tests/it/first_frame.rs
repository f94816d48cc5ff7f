//! The first frame before the store is open (issue 10): the page the last session left is kept
//! in `eerste-pagina` and drawn at once on the next start, with a line saying the store opens;
//! keys typed meanwhile wait and are answered. A damaged page is ignored, never trusted.
#![cfg(unix)]

use crate::common::*;
use crate::pty::Tui;
use std::os::unix::fs::PermissionsExt;
use std::path::Path;

const OPENING: &str = "De casusmap wordt geopend";
const PAGE: &str = "eerste-pagina";

fn demo_store() -> (tempfile::TempDir, tempfile::TempDir) {
    let data = tempfile::tempdir().expect("data dir");
    let (ok, out, err) = run(data.path(), &["demo"]);
    assert!(ok, "{out}{err}");
    let config = tempfile::tempdir().expect("config dir");
    // Chosen once: no start asks "Wie ben jij?" over the keys typed early.
    crate::pty::choose_me(data.path(), config.path(), "Bram Kok");
    (data, config)
}

/// One session: wait for the case list, quit.
fn session(data: &Path, config: &Path) -> String {
    let mut t = Tui::start(data, config, &[]);
    t.wait_for("Julia Bakker");
    t.keys("q");
    assert!(t.exit().success());
    t.assert_restored();
    t.printed()
}

#[test]
fn the_page_a_session_leaves_is_drawn_first_at_the_next_start() {
    let (data, config) = demo_store();
    let first = session(data.path(), config.path());
    assert!(
        !first.contains(OPENING),
        "nothing kept yet, nothing to draw early"
    );
    let page = data.path().join(PAGE);
    let mode = std::fs::metadata(&page)
        .expect("page kept")
        .permissions()
        .mode();
    assert_eq!(mode & 0o077, 0, "the page holds names: the user's alone");

    // Keys typed before the store is open are answered once it is: `3` goes to Acties.
    let mut t = Tui::start(data.path(), config.path(), &[]);
    t.keys("3");
    // The kept page's tab bar says "Acties" too; the actions screen's own header doesn't show
    // before the store is open.
    t.wait_for("Deadline");
    t.keys("q");
    assert!(t.exit().success());
    // Only after the exit is all of the first frame surely read: a frame can arrive in parts.
    t.assert_restored();
    assert!(
        t.printed().contains(OPENING),
        "the kept page was not drawn first"
    );
}

#[test]
fn a_damaged_page_is_ignored_and_written_anew() {
    let (data, config) = demo_store();
    session(data.path(), config.path());
    let page = data.path().join(PAGE);
    std::fs::write(&page, b"\x01garbage that is no page").expect("damage");
    let printed = session(data.path(), config.path());
    assert!(!printed.contains(OPENING));
    assert!(!printed.contains("garbage"));
    // Written again at the end of the session, whole.
    let again = session(data.path(), config.path());
    assert!(again.contains(OPENING));
}
