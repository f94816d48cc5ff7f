//! Who made a change (issue 12 part 4, the first steps): the "me" chosen once on this laptop
//! (`me` in config.toml), not the login name; a done-mark records who set it.

use crate::common::{fixture_dir, tandem_on, TODAY};

#[test]
fn a_done_mark_from_the_cli_records_me_as_who_and_by() {
    let (dir, fx) = fixture_dir();
    let config = tempfile::tempdir().expect("config dir");
    std::fs::create_dir_all(config.path().join("tandem")).expect("mkdir");
    std::fs::write(
        config.path().join("tandem/config.toml"),
        format!("me = {}\n", fx.jeroen.0),
    )
    .expect("config");
    let out = tandem_on(dir.path(), TODAY)
        .env("XDG_CONFIG_HOME", config.path())
        .env("USER", "loginnaam")
        .args(["done", &fx.a_friday.0.to_string()])
        .output()
        .expect("run");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let out = tandem_on(dir.path(), TODAY)
        .args(["export"])
        .output()
        .expect("export");
    let doc: serde_json::Value = serde_json::from_slice(&out.stdout).expect("json");
    let action = doc["actions"]
        .as_array()
        .expect("actions")
        .iter()
        .find(|a| a["id"] == fx.a_friday.0)
        .expect("the action");
    assert_eq!(action["done"]["by"], fx.jeroen.0, "{action}");
    let jeroen = doc["persons"]
        .as_array()
        .expect("persons")
        .iter()
        .find(|p| p["id"] == fx.jeroen.0)
        .expect("jeroen")["name"]
        .clone();
    let done_event = doc["events"]
        .as_array()
        .expect("events")
        .iter()
        .rev()
        .find(|e| e["kind"]["action_done"]["action"] == fx.a_friday.0)
        .expect("the done event");
    assert_eq!(done_event["who"], jeroen, "{done_event}");
}

#[test]
fn what_leaves_tandem_is_logged_and_audit_prints_it_with_the_changes() {
    let (dir, fx) = fixture_dir();
    let d = dir.path();
    let family = fx.celik.0.to_string();
    for args in [
        vec!["minutes", "latest", "--for", "Jeroen"],
        vec!["actions", "--format", "csv"],
        vec!["export", "--family", family.as_str(), "--format", "md"],
        vec!["backup"],
    ] {
        let (ok, _, err) = crate::common::run(d, &args);
        assert!(ok, "{args:?}: {err}");
    }
    let (ok, out, err) = crate::common::run(d, &["audit"]);
    assert!(ok, "{err}");
    for line in [
        "uitgegeven: verslag, voor Jeroen",
        "uitgegeven: actielijst (csv)",
        &format!("uitgegeven: overzicht voor ouders (inzage), gezin {family}"),
        "back-up gemaakt",
        "casus aangemeld",
    ] {
        assert!(out.contains(line), "{line:?} missing:\n{out}");
    }
    // For one family: its changes and what was handed out about it, nothing of the others.
    let (ok, out, _) = crate::common::run(d, &["audit", "--family", &family]);
    assert!(ok);
    assert!(out.contains("overzicht voor ouders"), "{out}");
    assert!(!out.contains("actielijst"), "{out}");
    assert!(out.contains(&format!("casus {}:", fx.case_emre.0)), "{out}");
    assert!(
        !out.contains(&format!("casus {}:", fx.case_minh.0)),
        "{out}"
    );
    // Since a date after everything: only today's handing out.
    let (ok, out, _) = crate::common::run(d, &["audit", "--since", TODAY]);
    assert!(ok);
    assert!(!out.contains("casus aangemeld"), "{out}");
    assert!(out.contains("back-up gemaakt"), "{out}");
    // An erasure is logged by number, never by name.
    let (ok, _, err) = crate::common::run(d, &["forget", &family, "--yes"]);
    assert!(ok, "{err}");
    let (_, out, _) = crate::common::run(d, &["audit", "--family", &family]);
    assert!(
        out.contains(&format!("gezin gewist, gezin {family}")),
        "{out}"
    );
    assert!(!out.contains("Çelik"), "{out}");
}
