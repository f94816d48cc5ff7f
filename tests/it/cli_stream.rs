//! The command line writes and reads long lists one record at a time (issue 10 item 4), and
//! that changes no byte: `actions` prints what the whole-list code prints (every filter, order
//! included), `export` and the backup hold what serde_json makes of the whole document. An import
//! is read twice, one record at a time: checked whole first, then written; a file in another
//! field order imports the same, and one that changes in between is not taken for complete.

use crate::common::*;
use chrono::NaiveDate;
use serde_json::Value;
use std::io::Read;
use std::path::Path;
use tandem::domain::ActionSummary;
use tandem::report::actions::{table, write_json, Names};
use tandem::report::safe;
use tandem::store::export::{check_file, validate, ExportDoc, FileError};
use tandem::store::Store;
use tempfile::TempDir;

/// A data dir with `tandem demo --cases 120`: about a thousand actions over many weeks.
fn synthetic_dir() -> TempDir {
    let dir = tempfile::tempdir().expect("temp dir");
    let (ok, _, stderr) = run(dir.path(), &["demo", "--cases", "120", "--seed", "5"]);
    assert!(ok, "{stderr}");
    dir
}

/// What `actions` listed before it streamed: the rows read whole, filtered, then written.
struct Whole {
    until: Option<NaiveDate>,
    all: bool,
    keep: fn(&ActionSummary) -> bool,
}

impl Whole {
    fn rows(&self, store: &Store) -> Vec<ActionSummary> {
        let mut rows = store.action_rows(false, None, self.until).expect("rows");
        if self.all {
            rows.extend(store.action_rows(true, None, self.until).expect("rows"));
        }
        rows.retain(|r| (self.keep)(r));
        rows
    }
}

fn any(_: &ActionSummary) -> bool {
    true
}

/// The JSON `actions` printed for these rows, from the whole list.
fn json_of(store: &Store, rows: &[ActionSummary], privacy: bool) -> Vec<u8> {
    let persons = store.persons().expect("persons");
    let names = Names::new(&persons, privacy);
    let mut out = Vec::new();
    write_json(&mut out, rows, &names, today()).expect("json");
    out.push(b'\n');
    out
}

fn stdout_of(dir: &Path, args: &[&str]) -> Vec<u8> {
    let out = tandem(dir).args(args).output().expect("run tandem");
    assert!(
        out.status.success(),
        "{args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    out.stdout
}

/// Arguments of `actions --format json`, and what the whole-list code printed for them.
fn whole_list_answers(store: &Store) -> Vec<(Vec<String>, Vec<u8>)> {
    let week = Some(day(2026, 11, 29));
    let zorg: fn(&ActionSummary) -> bool = |r| r.side == tandem::domain::Side::Zorg;
    let w = |until, all, keep| Whole { until, all, keep };
    let cases: Vec<(&[&str], Whole, bool)> = vec![
        (&[], w(None, false, any), false),
        (&["--due", "week"], w(week, false, any), false),
        (
            &["--due", "overdue"],
            w(Some(day(2026, 11, 22)), false, any),
            false,
        ),
        (&["--all"], w(None, true, any), false),
        (
            &["--all", "--due", "week", "--privacy"],
            w(week, true, any),
            true,
        ),
        (&["--side", "zorg"], w(None, false, zorg), false),
    ];
    let mut answers = Vec::new();
    for (args, whole, privacy) in &cases {
        let args = args.iter().map(|a| a.to_string()).collect();
        answers.push((args, json_of(store, &whole.rows(store), *privacy)));
    }
    // One owner, and one case with its done actions: the whole list filtered by hand.
    let open = store.action_rows(false, None, None).expect("rows");
    let owner = open[7].owner.expect("an owner");
    let case = open[3].case;
    let mine: Vec<ActionSummary> = open
        .iter()
        .filter(|r| r.owner == Some(owner))
        .cloned()
        .collect();
    answers.push((
        vec!["--owner".into(), owner.0.to_string()],
        json_of(store, &mine, false),
    ));
    let mut all = open;
    all.extend(store.action_rows(true, None, None).expect("rows"));
    all.retain(|r| r.case == case);
    let args = vec!["--all".into(), "--case".into(), case.0.to_string()];
    answers.push((args, json_of(store, &all, false)));
    answers
}

#[test]
fn actions_json_is_byte_for_byte_the_whole_list() {
    let dir = synthetic_dir();
    let d = dir.path();
    let store = reopen(d);
    let answers = whole_list_answers(&store);
    drop(store);
    wait_unlocked(d);
    for (args, want) in answers {
        let mut full = vec!["actions", "--format", "json"];
        full.extend(args.iter().map(String::as_str));
        let got = stdout_of(d, &full);
        assert!(want.len() > 3, "{args:?}: the list should not be empty");
        assert_eq!(
            String::from_utf8_lossy(&got),
            String::from_utf8_lossy(&want),
            "{args:?}"
        );
    }
}

#[test]
fn the_table_lists_the_same_rows_in_the_same_order() {
    let dir = synthetic_dir();
    let d = dir.path();
    let store = reopen(d);
    let persons = store.persons().expect("persons");
    let names = Names::new(&persons, false);
    let whole = Whole {
        until: Some(day(2026, 11, 29)),
        all: true,
        keep: any,
    };
    let rows = whole.rows(&store);
    let want = safe::text(&table(
        &rows,
        &names,
        today(),
        tandem::domain::dates::Lang::Nl,
    ))
    .into_owned();
    drop(store);
    wait_unlocked(d);
    let got = stdout_of(d, &["actions", "--all", "--due", "week"]);
    assert_eq!(String::from_utf8_lossy(&got), want);
}

#[test]
fn export_and_backup_are_the_whole_document_as_serde_writes_it() {
    for dir in [synthetic_dir(), fixture_dir().0] {
        let d = dir.path();
        let store = reopen(d);
        let doc = store.export().expect("export");
        drop(store);
        wait_unlocked(d);
        let pretty = serde_json::to_string_pretty(&doc).expect("json") + "\n";
        let got = stdout_of(d, &["export"]);
        assert_eq!(String::from_utf8_lossy(&got), pretty);

        let (ok, _, stderr) = run(d, &["backup"]);
        assert!(ok, "{stderr}");
        let newest = tandem::store::backup::list(d)
            .expect("list")
            .pop()
            .expect("a backup");
        let mut json = String::new();
        flate2::read::GzDecoder::new(std::fs::File::open(&newest.path).expect("open"))
            .read_to_string(&mut json)
            .expect("gunzip");
        assert_eq!(json, serde_json::to_string(&doc).expect("json") + "\n");
    }
}

/// The fixture's document, and a data dir to import into.
fn fixture_doc() -> ExportDoc {
    let (_dir, store, _fx) = store_with_fixture();
    store.export().expect("export")
}

#[test]
fn a_file_in_another_field_order_imports_the_same() {
    let doc = fixture_doc();
    // serde_json's own map sorts the fields: actions, cases, events, families, format, …; so
    // actions come before their cases and cases before their families. And a field tandem
    // does not know is left alone.
    let mut value = serde_json::to_value(&doc).expect("value");
    value["opmerking"] = Value::from("met de hand gemaakt");
    let files = tempfile::tempdir().expect("temp dir");
    let file = files.path().join("sorted.json");
    std::fs::write(&file, serde_json::to_string(&value).expect("json")).expect("write");
    let text = std::fs::read_to_string(&file).expect("read");
    assert!(text.find("\"actions\"") < text.find("\"cases\""));
    let to = tempfile::tempdir().expect("temp dir");
    let (ok, _, stderr) = run(to.path(), &["import", file.to_str().expect("utf-8")]);
    assert!(ok, "{stderr}");
    assert!(
        stderr.contains("3 gezinnen, 6 casussen, 12 acties"),
        "{stderr}"
    );
    let store = reopen(to.path());
    let text = serde_json::to_string(&store.export().expect("export")).expect("json");
    assert_eq!(crate::common::as_imported(&text), doc);
    assert!(store.check().expect("check").is_ok());
}

#[test]
fn a_file_that_changes_between_check_and_import_is_not_taken_for_complete() {
    let doc = fixture_doc();
    let files = tempfile::tempdir().expect("temp dir");
    let file = files.path().join("export.json");
    std::fs::write(&file, serde_json::to_string(&doc).expect("json")).expect("write");
    let checked = match check_file(&file) {
        Ok(c) => c,
        Err(e) => panic!("a good file is refused: {e:?}"),
    };
    let mut other = doc.clone();
    other.events.pop();
    std::fs::write(&file, serde_json::to_string(&other).expect("json")).expect("write");
    let to = tempfile::tempdir().expect("temp dir");
    let mut store = Store::open(to.path()).expect("open");
    assert!(store.import_file(&checked, false).is_err());
    assert!(store.import_interrupted().expect("read"));
}

/// The error `check_file` gives for a document, as one line.
fn file_refusal(doc: &ExportDoc, sorted: bool) -> String {
    let files = tempfile::tempdir().expect("temp dir");
    let file = files.path().join("bad.json");
    let text = if sorted {
        serde_json::to_string(&serde_json::to_value(doc).expect("value"))
    } else {
        serde_json::to_string_pretty(doc)
    };
    std::fs::write(&file, text.expect("json")).expect("write");
    match check_file(&file) {
        Err(FileError::Refused(e)) => e.to_string(),
        Err(other) => panic!("not refused by a rule: {other:?}"),
        Ok(_) => panic!("a broken file passed its check"),
    }
}

/// Of several rules broken at once, the one checked first is named, wherever in the file it
/// sits; in memory, read from a file, and from a file in another field order alike.
fn first_named(doc: &ExportDoc, says: &[&str]) {
    let api = validate(doc).expect_err("refused").to_string();
    for part in says {
        assert!(api.contains(part), "{part:?} not in {api:?}");
    }
    assert_eq!(file_refusal(doc, false), api);
    assert_eq!(file_refusal(doc, true), api);
}

#[test]
fn of_several_problems_the_first_in_the_order_of_the_checks_is_named() {
    let base = fixture_doc();
    let missing = tandem::domain::MeetingId(4242);

    // A NUL (checked second) in the last event beats a person id twice (checked third).
    let mut doc = base.clone();
    let last = doc.events.len() - 1;
    doc.events[last].who = "a\u{0}b".into();
    let twice = doc.persons[0].clone();
    doc.persons.push(twice);
    first_named(&doc, &["NUL", "event"]);

    // An action's meeting, checked at the end of the file, beats a later action's case,
    // checked when it is read: actions are checked in the order of the file.
    let mut doc = base.clone();
    doc.actions[0].meeting = Some(missing);
    let n = doc.actions.len() - 1;
    doc.actions[n].case = tandem::domain::CaseId(4243);
    let first_action = doc.actions[0].id.0.to_string();
    first_named(&doc, &["meeting 4242", &first_action]);

    // A reference (checked before the required texts) beats an empty name.
    let mut doc = base.clone();
    doc.actions[2].meeting = Some(missing);
    doc.persons[0].name = " ".into();
    first_named(&doc, &["meeting 4242"]);

    // A case's family comes before its lead.
    let mut doc = base;
    doc.cases[1].family = tandem::domain::FamilyId(4244);
    doc.cases[1].lead.person = Some(tandem::domain::PersonId(4245));
    first_named(&doc, &["family 4244"]);
}
