//! An erased family's items in meeting minutes are replaced by "verwijderd", not removed
//! (issue 12: "every mention in meeting minutes is replaced by 'verwijderd'"): the minutes
//! still read whole, with the time each item took.

use crate::common::{fixture_dir, run};

fn headings(minutes: &str) -> Vec<String> {
    minutes
        .lines()
        .filter(|l| l.starts_with("## "))
        .map(str::to_string)
        .collect()
}

#[test]
fn the_family_s_items_say_verwijderd_and_the_minutes_keep_their_shape() {
    let (dir, fx) = fixture_dir();
    let d = dir.path();
    let (ok, before, err) = run(d, &["minutes", "latest"]);
    assert!(ok, "{err}");
    assert!(
        before.contains(&format!("casus {}", fx.case_emre.0)),
        "{before}"
    );
    let (ok, _, err) = run(d, &["forget", &fx.celik.0.to_string(), "--yes"]);
    assert!(ok, "{err}");
    let (ok, after, err) = run(d, &["minutes", "latest"]);
    assert!(ok, "{err}");
    let (was, now) = (headings(&before), headings(&after));
    assert_eq!(was.len(), now.len(), "{before}\n---\n{after}");
    assert!(
        now.iter().any(|h| h.starts_with("## verwijderd · ")),
        "{after}"
    );
    assert!(
        !after.contains(&format!("casus {}", fx.case_emre.0)),
        "{after}"
    );
    assert!(
        !after.contains("Çelik") && !after.contains("Emre"),
        "{after}"
    );
    // The store still checks whole, and its export still imports.
    let (ok, out, err) = run(d, &["check"]);
    assert!(ok, "{out}{err}");
    let file = tempfile::tempdir().expect("dir");
    let path = file.path().join("na-wissen.json");
    let (ok, _, err) = run(d, &["export", "--out", path.to_str().expect("utf-8")]);
    assert!(ok, "{err}");
    let to = tempfile::tempdir().expect("dir");
    let (ok, _, err) = run(to.path(), &["import", path.to_str().expect("utf-8")]);
    assert!(ok, "{err}");
    let (ok, again, _) = run(to.path(), &["minutes", "latest"]);
    assert!(ok && again.contains("## verwijderd · "), "{again}");
}
