//! `tandem import` keeps the imported trail and adds its own event (issue 12 part 4), also with
//! `--replace`; and it honours the list of erased families: a family erased here stays out.

use crate::common::{fixture_dir, run};
use serde_json::Value;
use std::path::Path;

fn export(dir: &Path) -> Value {
    let (ok, out, err) = run(dir, &["export"]);
    assert!(ok, "{err}");
    serde_json::from_str(&out).expect("json")
}

fn events(doc: &Value) -> Vec<Value> {
    doc["events"].as_array().expect("events").clone()
}

/// The events of `after` that `before` does not have.
fn added(before: &Value, after: &Value) -> Vec<Value> {
    let was = events(before);
    events(after)
        .into_iter()
        .filter(|e| !was.contains(e))
        .collect()
}

#[test]
fn import_keeps_every_event_as_it_was_and_adds_its_own() {
    let (dir, fx) = fixture_dir();
    let before = export(dir.path());
    let file = dir.path().join("../boek-trail.json");
    std::fs::write(&file, before.to_string()).expect("write");
    let file_arg = file.display().to_string();

    let new = tempfile::tempdir().expect("dir");
    let (ok, _, err) = run(new.path(), &["import", &file_arg]);
    assert!(ok, "{err}");
    let after = export(new.path());
    // Every imported event with its own id, time, who and fields: nothing rewritten.
    for e in events(&before) {
        assert!(events(&after).contains(&e), "{e} rewritten or lost");
    }
    let mine = added(&before, &after);
    assert_eq!(mine.len(), 1, "{mine:?}");
    let said = &mine[0]["kind"]["imported_from"];
    assert_eq!(said["file"], file_arg.as_str(), "{mine:?}");
    assert_eq!(said["replaced"], false);
    // No "me" is chosen here: never the login name, but empty ("onbekend" when shown).
    assert_eq!(mine[0]["who"], "", "{mine:?}");

    // `--replace` over a store with its own trail: the file's trail again, as it was.
    // This time with Jeroen chosen as "me" on this laptop: the import is in his name.
    let config = tempfile::tempdir().expect("config dir");
    std::fs::create_dir_all(config.path().join("tandem")).expect("mkdir");
    let me = format!("me = {}\n", fx.jeroen.0);
    std::fs::write(config.path().join("tandem/config.toml"), me).expect("config");
    let out = crate::common::tandem(new.path())
        .env("XDG_CONFIG_HOME", config.path())
        .args(["import", &file_arg, "--replace"])
        .output()
        .expect("import");
    assert!(out.status.success(), "{out:?}");
    let again = export(new.path());
    for e in events(&before) {
        assert!(events(&again).contains(&e), "{e} rewritten by --replace");
    }
    let mine = added(&before, &again);
    assert_eq!(mine.len(), 1, "{mine:?}");
    assert_eq!(mine[0]["kind"]["imported_from"]["replaced"], true);
    assert_eq!(mine[0]["who"], "Jeroen Bakker", "{mine:?}");
    let (ok, out, _) = run(new.path(), &["audit"]);
    assert!(ok);
    assert!(out.contains("geïmporteerd uit"), "{out}");
    let _ = std::fs::remove_file(&file);
}

#[test]
fn an_erased_family_in_the_file_stays_out_with_a_calm_message() {
    let (dir, fx) = fixture_dir();
    let d = dir.path();
    let before = export(d);
    let file = d.join("../boek-oud.json");
    std::fs::write(&file, before.to_string()).expect("write");
    let (ok, _, err) = run(d, &["forget", &fx.celik.0.to_string(), "--yes"]);
    assert!(ok, "{err}");

    let (ok, _, err) = run(d, &["import", &file.display().to_string(), "--replace"]);
    assert!(ok, "{err}");
    assert!(
        err.contains("1 gezin uit het bestand is niet ingelezen"),
        "{err}"
    );
    assert!(!err.contains("panicked"), "{err}");
    let after = export(d);
    let text = after.to_string();
    assert!(!text.contains("Çelik"), "the erased family came back");
    assert!(
        !text.contains("Emre slaapt slecht"),
        "its question came back"
    );
    assert!(after["families"]
        .as_array()
        .expect("families")
        .iter()
        .any(|f| f["id"] == fx.nguyen.0));
    let mine = added(&before, &after);
    assert!(
        mine.iter()
            .any(|e| e["kind"]["imported_from"]["left_out"] == 1),
        "{mine:?}"
    );
    let (ok, out, err) = run(d, &["check"]);
    assert!(ok, "{out}{err}");
    let _ = std::fs::remove_file(&file);
}
