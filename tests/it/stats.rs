//! `tandem stats` (issue 14) from outside: every format holds no name, id or free text of the
//! case book; small counts show as `<5`, before and after `--merge`; merging refuses what can't
//! be added up. The measures themselves are computed by hand in `src/domain/monitor/tests.rs`.

use crate::common::*;
use serde_json::Value;
use std::path::Path;

/// The keys of the export whose values are names, contact details or free text.
const PRIVATE_KEYS: [&str; 16] = [
    "name",
    "first_name",
    "last_name",
    "school",
    "question",
    "notes",
    "text",
    "phone",
    "email",
    "organisation",
    "offer",
    "signal_by",
    "note",
    "given_by",
    "role",
    "relation",
];

/// Every name, contact detail and free text of the store in `dir` (4 characters or more).
fn private_strings(dir: &Path) -> Vec<String> {
    let (ok, out, err) = run(dir, &["export"]);
    assert!(ok, "{err}");
    let doc: Value = serde_json::from_str(&out).unwrap();
    let mut found = Vec::new();
    collect(&doc, &mut found);
    found.sort();
    found.dedup();
    assert!(
        found.len() > 30,
        "the fixture's texts were found: {found:?}"
    );
    found
}

fn collect(v: &Value, out: &mut Vec<String>) {
    match v {
        Value::Object(map) => {
            for (k, v) in map {
                match v {
                    Value::String(s) if PRIVATE_KEYS.contains(&k.as_str()) => {
                        if s.chars().count() >= 4 {
                            out.push(s.clone());
                        }
                    }
                    other => collect(other, out),
                }
            }
        }
        Value::Array(items) => items.iter().for_each(|i| collect(i, out)),
        _ => {}
    }
}

fn stats(dir: &Path, args: &[&str]) -> String {
    // The period of the store's figures; merged files carry their own.
    let mut all = vec!["stats"];
    if !args.contains(&"--merge") {
        all.extend(["--from", "2026-08-01"]);
    }
    all.extend_from_slice(args);
    let (ok, out, err) = run(dir, &all);
    assert!(ok, "{all:?}: {err}");
    assert_eq!(err, "", "{all:?}: nothing on stderr");
    out
}

/// The value shown for `measure` in a JSON of `tandem stats`.
fn measure(doc: &Value, measure: &str) -> Value {
    doc["measures"]
        .as_array()
        .unwrap()
        .iter()
        .find(|m| m["measure"] == measure)
        .unwrap_or_else(|| panic!("no measure {measure}"))["value"]
        .clone()
}

/// Every key anywhere in a JSON document.
fn keys(v: &Value, out: &mut Vec<String>) {
    match v {
        Value::Object(map) => {
            for (k, v) in map {
                out.push(k.clone());
                keys(v, out);
            }
        }
        Value::Array(items) => items.iter().for_each(|i| keys(i, out)),
        _ => {}
    }
}

#[test]
fn no_name_id_or_free_text_in_any_format_merged_too() {
    let (dir, _fx) = fixture_dir();
    let private = private_strings(dir.path());
    let json = stats(dir.path(), &["--format", "json"]);
    let file = dir.path().join("school.json");
    std::fs::write(&file, &json).unwrap();
    let f = file.to_str().unwrap();
    let mut outputs = vec![json.clone()];
    for lang in ["nl", "en"] {
        for format in ["table", "json", "csv"] {
            outputs.push(stats(dir.path(), &["--lang", lang, "--format", format]));
            outputs.push(stats(
                dir.path(),
                &["--lang", lang, "--format", format, "--merge", f, f],
            ));
        }
        outputs.push(stats(
            dir.path(),
            &["--lang", lang, "--school", "de regenboog"],
        ));
    }
    for out in &outputs {
        for s in &private {
            assert!(!out.contains(s.as_str()), "{s:?} left tandem in:\n{out}");
        }
    }
    // No key of the JSON names a record, a person or a text.
    let doc: Value = serde_json::from_str(&json).unwrap();
    let mut all = Vec::new();
    keys(&doc, &mut all);
    for k in &all {
        assert!(
            !["id", "name", "family", "child", "case", "person", "text", "owner"]
                .contains(&k.as_str()),
            "key {k} in the JSON"
        );
    }
    for m in doc["measures"].as_array().unwrap() {
        let key = m["measure"].as_str().unwrap();
        assert!(
            key.chars()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || "._-".contains(c)),
            "measure key {key}"
        );
    }
    assert_eq!(doc["format"], "tandem-stats");
    assert_eq!(doc["version"], 1);
}

#[test]
fn small_counts_are_fewer_than_five_before_merging_and_exact_after() {
    let (dir, _fx) = fixture_dir();
    let json = stats(dir.path(), &["--format", "json"]);
    let doc: Value = serde_json::from_str(&json).unwrap();
    let intakes = doc["counts"]["signal_to_intake"].as_array().unwrap();
    let n: u64 = intakes.iter().map(|pair| pair[1].as_u64().unwrap()).sum();
    assert!((1..=4).contains(&n), "the fixture has a few intakes: {n}");
    assert_eq!(measure(&doc, "signal_to_intake.cases"), "<5");
    assert_eq!(measure(&doc, "signal_to_intake.median_days"), Value::Null);
    assert_eq!(measure(&doc, "signal_to_intake.within_7_days"), Value::Null);
    let table = stats(dir.path(), &[]);
    assert!(table.contains("<5"), "{table}");
    assert!(table.contains('–'), "a median left out: {table}");

    // Enough copies of the same school to reach 5: exact after merging, median shown.
    let file = dir.path().join("school.json");
    std::fs::write(&file, &json).unwrap();
    let f = file.to_str().unwrap().to_string();
    let copies = 5u64.div_ceil(n);
    let mut args = vec!["--format", "json", "--merge"];
    let files = vec![f.as_str(); copies as usize];
    args.extend(files.iter());
    let merged: Value = serde_json::from_str(&stats(dir.path(), &args)).unwrap();
    assert_eq!(measure(&merged, "signal_to_intake.cases"), n * copies);
    assert!(measure(&merged, "signal_to_intake.median_days").is_number());
    assert_eq!(merged["merged"], copies);
    // A count that stays under 5 after merging is still hidden.
    let one_more = stats(dir.path(), &["--format", "json", "--merge", &f]);
    let one: Value = serde_json::from_str(&one_more).unwrap();
    assert_eq!(measure(&one, "signal_to_intake.cases"), "<5");
}

#[test]
fn merging_refuses_other_periods_newer_versions_and_other_files() {
    let (dir, _fx) = fixture_dir();
    let autumn = dir.path().join("autumn.json");
    let year = dir.path().join("year.json");
    std::fs::write(&autumn, stats(dir.path(), &["--format", "json"])).unwrap();
    let (ok, out, err) = run(
        dir.path(),
        &["stats", "--from", "2025-12-01", "--format", "json"],
    );
    assert!(ok, "{err}");
    std::fs::write(&year, out).unwrap();
    let (a, y) = (autumn.to_str().unwrap(), year.to_str().unwrap());
    let err = assert_one_line_failure(dir.path(), &["stats", "--merge", a, y]);
    assert!(err.contains("andere periode"), "{err}");

    let newer = dir.path().join("newer.json");
    let text = std::fs::read_to_string(&autumn)
        .unwrap()
        .replace("\"version\": 1", "\"version\": 9");
    std::fs::write(&newer, text).unwrap();
    let err = assert_one_line_failure(dir.path(), &["stats", "--merge", newer.to_str().unwrap()]);
    assert!(err.contains("nieuwere tandem"), "{err}");

    let other = dir.path().join("export.json");
    std::fs::write(&other, run(dir.path(), &["export"]).1).unwrap();
    let err = assert_one_line_failure(dir.path(), &["stats", "--merge", other.to_str().unwrap()]);
    assert!(err.contains("geen JSON van tandem stats"), "{err}");
    // The files carry their own period: a period or a school beside --merge is refused.
    assert_one_line_failure(dir.path(), &["stats", "--school", "x", "--merge", a]);
    let missing = dir.path().join("missing.json");
    assert_one_line_failure(dir.path(), &["stats", "--merge", missing.to_str().unwrap()]);
}

#[test]
fn a_school_that_is_not_there_and_a_bad_date_are_refused() {
    let (dir, _fx) = fixture_dir();
    let err = assert_one_line_failure(dir.path(), &["stats", "--school", "Nergens"]);
    assert!(
        err.contains("De Regenboog"),
        "names the schools there are: {err}"
    );
    let err = assert_one_line_failure(dir.path(), &["stats", "--from", "31-02-2026"]);
    assert_no_panic(&err);
}

#[test]
fn the_table_reads_in_dutch_and_english_and_csv_has_a_row_per_measure() {
    let (dir, _fx) = fixture_dir();
    let nl = stats(dir.path(), &[]);
    assert!(nl.contains("Van signaal tot intake"), "{nl}");
    assert!(
        nl.contains("Periode: 01-08-2026 t/m 23-11-2026 · alle scholen"),
        "{nl}"
    );
    let en = stats(dir.path(), &["--lang", "en"]);
    assert!(en.contains("From signal to intake"), "{en}");
    assert!(!en.contains("Afgesloten"), "{en}");
    let csv = stats(dir.path(), &["--format", "csv", "--delimiter", ";"]);
    let mut lines = csv.lines();
    assert_eq!(lines.next(), Some("maat;omschrijving;waarde"));
    let json: Value = serde_json::from_str(&stats(dir.path(), &["--format", "json"])).unwrap();
    assert_eq!(lines.count(), json["measures"].as_array().unwrap().len());
}

#[test]
fn the_streamed_count_in_two_halves_equals_the_count_over_every_record() {
    use tandem::domain::monitor::{fold::measure, Fold, Period, Scope};
    let (_dir, mut store) = crate::tui_common::open_store();
    tandem::demo::school(&mut store, today()).unwrap();
    for school in [None, Some("De Regenboog".to_string())] {
        let scope = Scope {
            period: Period::new(day(2026, 1, 1), today()),
            school,
            today: today(),
        };
        let mut fold = Fold::new(scope.clone());
        store.monitor_reader().feed(&mut fold).unwrap();
        let streamed = fold.finish();
        let (families, cases, actions) = (
            store.families().unwrap(),
            store.cases().unwrap(),
            store.actions().unwrap(),
        );
        assert!(
            actions.len() > 20,
            "the demo school has actions on both sides of the middle"
        );
        assert_eq!(streamed, measure(scope, &families, &cases, &actions));
    }
}

#[test]
fn a_stopped_count_reads_no_further() {
    use tandem::domain::monitor::{Fold, Period, Scope, Tally};
    let (_dir, mut store) = crate::tui_common::open_store();
    tandem::demo::school(&mut store, today()).unwrap();
    let reader = store.monitor_reader();
    reader
        .stop_flag()
        .store(true, std::sync::atomic::Ordering::Relaxed);
    let scope = Scope {
        period: Period::new(day(2026, 1, 1), today()),
        school: None,
        today: today(),
    };
    let mut fold = Fold::new(scope);
    reader.feed(&mut fold).unwrap();
    assert_eq!(fold.finish(), Tally::default());
}
