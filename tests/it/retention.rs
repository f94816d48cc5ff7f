//! `tandem retention` (issue 12 part 3): families whose every case was closed longer ago than
//! the retention period (24 months unless config.toml says otherwise) are listed, and erased
//! with `--apply`; a family with an old and a newer case is kept whole.

use crate::common::tandem_on;
use std::path::Path;

fn run_on(dir: &Path, today: &str, args: &[&str]) -> (bool, String, String) {
    let out = tandem_on(dir, today).args(args).output().expect("run");
    (
        out.status.success(),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

fn family_ids(dir: &Path, today: &str) -> Vec<u64> {
    let (ok, json, err) = run_on(dir, today, &["export"]);
    assert!(ok, "{err}");
    let doc: serde_json::Value = serde_json::from_str(&json).expect("json");
    doc["families"]
        .as_array()
        .expect("families")
        .iter()
        .map(|f| f["id"].as_u64().expect("id"))
        .collect()
}

/// The ids on the lines of one section of the listing.
fn ids_under(listing: &str, heading: &str) -> Vec<u64> {
    listing
        .lines()
        .skip_while(|l| !l.starts_with(heading))
        .skip(1)
        .take_while(|l| l.starts_with("  "))
        .filter_map(|l| l.split_whitespace().nth(1)?.parse().ok())
        .collect()
}

#[test]
fn families_past_the_period_are_listed_and_erased_and_mixed_ones_kept() {
    let dir = tempfile::tempdir().expect("dir");
    let d = dir.path();
    assert!(run_on(d, "2026-11-23", &["demo"]).0);
    // Today nothing of the demo school is two years closed.
    let (ok, out, err) = run_on(d, "2026-11-23", &["retention"]);
    assert!(ok, "{err}");
    assert!(out.contains("Niets is langer bewaard"), "{out}");
    // Two years on, the demo's closed cases are past.
    let later = "2029-01-01";
    let (ok, out, err) = run_on(d, later, &["retention"]);
    assert!(ok, "{err}");
    let due = ids_under(&out, "Te wissen");
    let waiting = ids_under(&out, "Blijven bewaard");
    assert!(!due.is_empty() && !waiting.is_empty(), "{out}");
    // Listing erases nothing.
    let before = family_ids(d, later);
    assert!(due.iter().all(|id| before.contains(id)));
    let (ok, _, err) = run_on(d, later, &["retention", "--apply", "--yes"]);
    assert!(ok, "{err}");
    let erased = match due.len() {
        1 => "1 gezin gewist".to_string(),
        n => format!("{n} gezinnen gewist"),
    };
    assert!(err.contains(&erased), "{err}");
    let after = family_ids(d, later);
    assert!(due.iter().all(|id| !after.contains(id)), "{after:?}");
    assert!(waiting.iter().all(|id| after.contains(id)), "{after:?}");
    assert_eq!(after.len(), before.len() - due.len());
    let (ok, out, _) = run_on(d, later, &["retention"]);
    assert!(ok);
    assert!(ids_under(&out, "Te wissen").is_empty(), "{out}");
    let (ok, out, err) = run_on(d, later, &["check"]);
    assert!(ok, "{out}{err}");
}

#[test]
fn apply_asks_first_and_no_erases_nothing() {
    let dir = tempfile::tempdir().expect("dir");
    let d = dir.path();
    assert!(run_on(d, "2026-11-23", &["demo"]).0);
    let later = "2029-01-01";
    let before = family_ids(d, later);
    let out = tandem_on(d, later)
        .args(["retention", "--apply"])
        .stdin(std::process::Stdio::null())
        .output()
        .expect("run");
    assert!(!out.status.success());
    assert_eq!(family_ids(d, later), before);
}

/// The day of the last look is written into the data dir, the user's alone (0600) like every
/// file there.
#[cfg(unix)]
#[test]
fn the_reminder_notes_its_day_in_a_file_of_the_user_alone() {
    use std::os::unix::fs::PermissionsExt;
    let mut s = crate::tui_common::demo(tandem::i18n::Lang::Nl);
    tandem::tui::finish_start(&s.store, &mut s.app).expect("finish start");
    let file = s.dir.path().join(tandem::tui::retention::FILE);
    let mode = std::fs::metadata(&file)
        .expect("written")
        .permissions()
        .mode();
    assert_eq!(mode & 0o777, 0o600, "{file:?}");
}
