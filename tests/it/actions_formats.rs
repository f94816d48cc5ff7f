//! `tandem actions` and `tandem done` on the demo school (today fixed at Monday 23-11-2026), with
//! every machine format read back by a real parser: csv (the `csv` crate), ics (`icalendar`),
//! json (serde_json). The store is written through the library, then closed; the real binary reads it.

use chrono::{NaiveDate, NaiveDateTime};
use icalendar::{CalendarComponent, Component, DatePerhapsTime};
use serde_json::Value;
use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;
use std::time::{Duration, Instant};
use tandem::domain::text::initials;
use tandem::domain::{Action, ActionId, Person, PersonId, Side};
use tandem::store::Store;
use tempfile::TempDir;

use crate::common::TODAY;
const TRICKY: &str = "Bel \"juf\", daarna; mail\nen sms";
const FORMULA: &str = "=HYPERLINK(\"http://x.example\";\"klik\")";
const PLUS: &str = "+31 6 bellen";

fn day(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").expect("a test date")
}

fn now() -> NaiveDateTime {
    day(TODAY).and_hms_opt(10, 0, 0).expect("a time")
}

/// A closed data dir with the demo school plus a few actions made to trip the formats up.
struct Fx {
    dir: TempDir,
    actions: Vec<Action>,
    persons: Vec<Person>,
    children: Vec<String>,
    tricky: ActionId,
    formula: ActionId,
    long: ActionId,
    plus: ActionId,
    mila: PersonId,
}

impl Fx {
    fn person(&self, name: &str) -> &Person {
        self.persons.iter().find(|p| p.name == name).expect(name)
    }

    fn action(&self, id: ActionId) -> &Action {
        self.actions.iter().find(|a| a.id == id).expect("action")
    }

    /// Open actions in deadline order, without a deadline last, ties by id: the documented order.
    fn open_where(&self, keep: impl Fn(&Action) -> bool) -> Vec<u64> {
        let mut open: Vec<&Action> = self
            .actions
            .iter()
            .filter(|a| a.done.is_none() && keep(a))
            .collect();
        open.sort_by_key(|a| (a.deadline.is_none(), a.deadline, a.id));
        open.iter().map(|a| a.id.0).collect()
    }
}

/// Saves a new action through the store API, shaped after `like`, and returns its id.
fn add(
    store: &mut Store,
    like: &Action,
    text: &str,
    owner: Option<PersonId>,
    due: &str,
) -> ActionId {
    let mut a = like.clone();
    (a.id, a.text, a.owner) = (store.begin().action_id(), text.into(), owner);
    a.side = if owner.is_none() {
        Side::Onderwijs
    } else {
        Side::Zorg
    };
    (a.deadline, a.done, a.meeting) = ((!due.is_empty()).then(|| day(due)), None, None);
    let id = a.id;
    store.save_action(now(), a).expect("save action");
    id
}

fn fixture() -> Fx {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut store = Store::open(dir.path()).expect("open store");
    tandem::demo::school(&mut store, day(TODAY)).expect("demo school");
    let like = store.actions().expect("actions")[0].clone();
    let mut p = store.persons().expect("persons")[1].clone();
    assert_eq!(p.name, "Yvonne Postma");
    let yvonne = p.id;
    // Same initials as Marloes Kuipers: under --privacy both are "M.K.".
    (p.id, p.name) = (store.begin().person_id(), "Mila Kramer".into());
    let mila = p.id;
    store.save_person(now(), p).expect("save person");

    let tricky = add(&mut store, &like, TRICKY, Some(yvonne), TODAY);
    let formula = add(&mut store, &like, FORMULA, None, "");
    let long_text = format!("Gesprek met de familie Çelik-王 over {}", "ş".repeat(70));
    let long = add(&mut store, &like, &long_text, Some(mila), "2026-11-27");
    let plus = add(&mut store, &like, PLUS, Some(mila), "2027-01-15");

    let actions = store.actions().expect("actions");
    let persons = store.persons().expect("persons");
    let children = store
        .families()
        .expect("families")
        .iter()
        .flat_map(|f| f.children.iter().map(|c| c.full_name()))
        .collect();
    drop(store);
    let fx = Fx {
        dir,
        actions,
        persons,
        children,
        tricky,
        formula,
        long,
        plus,
        mila,
    };
    let ids: BTreeSet<ActionId> = [tricky, formula, long, plus].into();
    assert_eq!(ids.len(), 4, "every new action got an id of its own");
    for id in ids {
        fx.action(id);
    }
    fx
}

/// Runs the binary; a refusal because a just-closed store is still locked by a neighbouring
/// test's child process (between its fork and exec) is retried.
fn run(dir: &Path, args: &[&str]) -> (bool, String, String) {
    let deadline = Instant::now() + Duration::from_secs(5);
    loop {
        let out = assert_cmd::Command::cargo_bin("tandem")
            .expect("binary")
            .env("TANDEM_TODAY", TODAY)
            .env_remove("TANDEM_LANG")
            .env_remove("TANDEM_DATA_DIR")
            .arg("--data-dir")
            .arg(dir)
            .args(args)
            .output()
            .expect("run tandem");
        let stdout = String::from_utf8(out.stdout).expect("stdout is UTF-8");
        let stderr = String::from_utf8_lossy(&out.stderr).into_owned();
        if out.status.success() || !stderr.contains("al geopend") || Instant::now() > deadline {
            return (out.status.success(), stdout, stderr);
        }
        std::thread::sleep(Duration::from_millis(20));
    }
}

fn ok(fx: &Fx, args: &[&str]) -> String {
    let (ok, stdout, stderr) = run(fx.dir.path(), args);
    assert!(ok, "{args:?} failed: {stderr}");
    assert_eq!(stderr, "", "{args:?}: nothing on stderr");
    stdout
}

fn json(fx: &Fx, args: &[&str]) -> Vec<Value> {
    let mut all = vec!["actions", "--format", "json"];
    all.extend_from_slice(args);
    let v: Value = serde_json::from_str(&ok(fx, &all)).expect("stdout is one JSON document");
    v.as_array().expect("an array").clone()
}

fn ids(rows: &[Value]) -> Vec<u64> {
    rows.iter().map(|r| r["id"].as_u64().expect("id")).collect()
}

fn csv_rows(out: &str, delimiter: u8) -> Vec<BTreeMap<String, String>> {
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(delimiter)
        .from_reader(out.as_bytes());
    let header: Vec<String> = reader
        .headers()
        .expect("a header row")
        .iter()
        .map(String::from)
        .collect();
    let want = "id case child groep text owner side deadline overdue done cancelled";
    assert_eq!(header.join(" "), want);
    reader
        .records()
        .map(|r| {
            let r = r.expect("a well-formed record");
            assert_eq!(r.len(), header.len(), "every record has every field");
            header
                .iter()
                .cloned()
                .zip(r.iter().map(String::from))
                .collect()
        })
        .collect()
}

fn assert_one_line_failure(fx: &Fx, args: &[&str]) -> String {
    let (ok, stdout, stderr) = run(fx.dir.path(), args);
    assert!(!ok, "{args:?} should fail");
    assert_eq!(stdout, "", "{args:?}: nothing on stdout");
    assert_eq!(stderr.lines().count(), 1, "{args:?}: one line: {stderr:?}");
    assert!(!stderr.contains("panicked") && !stderr.contains("RUST_BACKTRACE"));
    stderr
}

#[test]
fn json_has_the_documented_shape_and_order() {
    let fx = fixture();
    let rows = json(&fx, &[]);
    assert_eq!(ids(&rows), fx.open_where(|_| true));
    assert_eq!(ids(&rows).last(), Some(&fx.formula.0), "no deadline last");
    let keys = "case child deadline done groep id overdue owner owner_id side text";
    for r in &rows {
        let obj = r.as_object().expect("object");
        assert_eq!(obj.keys().cloned().collect::<Vec<_>>().join(" "), keys);
        let a = fx.action(ActionId(r["id"].as_u64().expect("id")));
        assert_eq!(r["case"], a.case.0);
        assert_eq!(r["text"], a.text.as_str());
        assert_eq!(r["side"], a.side.key());
        assert_eq!(r["owner_id"].as_u64(), a.owner.map(|p| p.0));
        let owner = a
            .owner
            .map(|o| fx.persons.iter().find(|p| p.id == o).expect("owner"));
        assert_eq!(r["owner"].as_str(), owner.map(|p| p.name.as_str()));
        let due = a.deadline.map(|d| d.to_string());
        assert_eq!(r["deadline"].as_str(), due.as_deref());
        assert_eq!(r["overdue"], a.is_overdue(day(TODAY)));
        assert!(r["done"].is_null());
        let child = r["child"].as_str().expect("child");
        assert!(child.ends_with('.'), "child as initials: {child}");
        assert!(!fx.children.iter().any(|c| c == child));
    }
    let tricky = rows
        .iter()
        .find(|r| r["id"] == fx.tricky.0)
        .expect("tricky");
    assert_eq!(tricky["overdue"], false, "due today is not overdue");
    assert!(rows.iter().any(|r| r["overdue"] == true));
}

#[test]
fn due_side_owner_and_case_filters() {
    let fx = fixture();
    let by = |d: &str| {
        let d = day(d);
        move |a: &Action| a.deadline.is_some_and(|x| x <= d)
    };
    let cases: [(&[&str], Vec<u64>); 6] = [
        (
            &["--due", "overdue"],
            fx.open_where(|a| a.is_overdue(day(TODAY))),
        ),
        (&["--due", "today"], fx.open_where(by(TODAY))),
        (&["--due", "week"], fx.open_where(by("2026-11-29"))),
        (&["--due", "1-12-2026"], fx.open_where(by("2026-12-01"))),
        (&["--due", "2026-12-01"], fx.open_where(by("2026-12-01"))),
        (&["--side", "zorg"], fx.open_where(|a| a.side == Side::Zorg)),
    ];
    for (args, want) in cases {
        assert!(!want.is_empty(), "{args:?} selects something");
        assert_eq!(ids(&json(&fx, args)), want, "{args:?}");
    }
    let week = fx.open_where(by("2026-11-29"));
    assert!(week.contains(&fx.tricky.0) && week.contains(&fx.long.0));
    assert!(!week.contains(&fx.plus.0) && !week.contains(&fx.formula.0));

    let yvonne = fx.person("Yvonne Postma").id;
    let mine = fx.open_where(|a| a.owner == Some(yvonne));
    assert_eq!(
        ids(&json(&fx, &["--owner", "yvonne"])),
        mine,
        "part of a name"
    );
    let id = yvonne.0.to_string();
    assert_eq!(ids(&json(&fx, &["--owner", &id])), mine, "an id");
    // Typed without the dotless ı, as on most keyboards.
    let fatma = fx.person("Fatma Aydın").id;
    let rows = json(&fx, &["--owner", "aydin", "--all"]);
    let of_fatma = fx.actions.iter().filter(|a| a.owner == Some(fatma)).count();
    assert_eq!(rows.len(), of_fatma);
    assert!(of_fatma > 0 && rows.iter().all(|r| r["owner_id"] == fatma.0));
    let zorg_week = fx.open_where(|a| a.owner == Some(yvonne) && by("2026-11-29")(a));
    let args = ["--owner", "Postma", "--due", "week", "--side", "z"];
    assert_eq!(ids(&json(&fx, &args)), zorg_week, "filters combine");

    let case = fx.action(fx.tricky).case;
    let of_case = fx.open_where(|a| a.case == case);
    assert_eq!(ids(&json(&fx, &["--case", &case.0.to_string()])), of_case);
    assert!(of_case.len() >= 4);

    let all = json(&fx, &["--all"]);
    let open = fx.open_where(|_| true);
    assert_eq!(all.len(), fx.actions.len(), "--all: done ones too");
    assert_eq!(ids(&all[..open.len()]), open, "open ones first, in order");
    assert!(all[open.len()..].iter().all(|r| r["done"].is_string()));
}

#[test]
fn csv_round_trips_with_both_delimiters() {
    let fx = fixture();
    for (delim, args) in [(b',', vec![]), (b';', vec!["--delimiter", ";"])] {
        let mut all = vec!["--lang", "en", "actions", "--format", "csv", "--names"];
        all.extend(args);
        let out = ok(&fx, &all);
        let rows = csv_rows(&out, delim);
        let got: Vec<u64> = rows.iter().map(|r| r["id"].parse().expect("id")).collect();
        assert_eq!(got, fx.open_where(|_| true));
        let row = |id: ActionId| {
            rows.iter()
                .find(|r| r["id"] == id.0.to_string())
                .expect("row")
        };
        let tricky = row(fx.tricky);
        assert_eq!(
            tricky["text"], TRICKY,
            "delimiter, quote and newline survive"
        );
        assert_eq!(tricky["owner"], "Yvonne Postma");
        assert_eq!(tricky["deadline"], TODAY);
        assert_eq!(tricky["overdue"], "false");
        assert!(
            fx.children.contains(&tricky["child"]),
            "full name with --names"
        );
        assert_eq!(
            row(fx.formula)["text"],
            format!("'{FORMULA}"),
            "formula defused"
        );
        assert_eq!(row(fx.formula)["owner"], "");
        assert_eq!(row(fx.plus)["text"], format!("'{PLUS}"));
        for r in &rows {
            for v in r.values() {
                // Only tandem's own `="1/2"` (text a spreadsheet must not read as a date).
                let kept_as_text = v.starts_with("=\"") && !v[2..v.len() - 1].contains('"');
                assert!(kept_as_text || !v.starts_with(['=', '+', '-', '@']), "{v}");
            }
        }
        // RFC 4180: CRLF between records (the newline inside the quoted field stays as typed).
        assert!(out.ends_with("\r\n"));
        assert_eq!(out.matches("\r\n").count(), rows.len() + 1);
    }
}

fn ics_lines(out: &str) -> Vec<&str> {
    assert!(out.ends_with("\r\n"), "last line ends in CRLF");
    let lines: Vec<&str> = out[..out.len() - 2].split("\r\n").collect();
    for l in &lines {
        assert!(
            !l.contains('\n') && !l.contains('\r'),
            "bare line break: {l:?}"
        );
        assert!(l.len() <= 75, "{} octets: {l}", l.len());
    }
    lines
}

fn todos(out: &str) -> Vec<icalendar::Todo> {
    let cal: icalendar::Calendar = out.parse().expect("valid iCalendar");
    let todos: Vec<icalendar::Todo> = cal
        .components
        .iter()
        .filter_map(|c| match c {
            CalendarComponent::Todo(t) => Some(t.clone()),
            _ => None,
        })
        .collect();
    assert!(cal.property_value("VERSION") == Some("2.0"));
    assert!(cal.property_value("PRODID").is_some());
    todos
}

#[test]
fn ics_has_one_vtodo_per_action_with_stable_uids() {
    let fx = fixture();
    let out = ok(&fx, &["actions", "--format", "ics", "--all"]);
    let lines = ics_lines(&out);
    assert!(
        lines.iter().any(|l| l.starts_with(' ')),
        "the long summary is folded"
    );
    assert_eq!(lines.first(), Some(&"BEGIN:VCALENDAR"));
    let todos = todos(&out);
    assert_eq!(todos.len(), fx.actions.len());
    let mut uids = BTreeSet::new();
    for t in &todos {
        let uid = t.get_uid().expect("UID");
        let id: u64 = uid
            .strip_prefix("tandem-actie-")
            .and_then(|s| s.strip_suffix("@tandem"))
            .and_then(|s| s.parse().ok())
            .unwrap_or_else(|| panic!("UID {uid}"));
        assert!(uids.insert(id), "UID {uid} twice");
        let a = fx.action(ActionId(id));
        assert!(t
            .property_value("DTSTAMP")
            .is_some_and(|s| s.ends_with('Z')));
        assert!(t.get_timestamp().is_some(), "DTSTAMP parses");
        assert!(t.get_summary().is_some_and(|s| !s.is_empty()));
        match (a.deadline, t.get_due()) {
            (Some(d), Some(DatePerhapsTime::Date(due))) => assert_eq!(due, d),
            (None, None) => {}
            (want, got) => panic!("action {id}: DUE {got:?}, deadline {want:?}"),
        }
        let status = t.property_value("STATUS").expect("STATUS");
        let want = if a.done.is_some() {
            "COMPLETED"
        } else {
            "NEEDS-ACTION"
        };
        assert_eq!(status, want, "action {id}");
        assert_eq!(t.property_value("COMPLETED").is_some(), a.done.is_some());
    }
    let due = lines
        .iter()
        .filter(|l| l.starts_with("DUE;VALUE=DATE:"))
        .count();
    assert_eq!(
        due,
        fx.actions.iter().filter(|a| a.deadline.is_some()).count()
    );
    let long = todos
        .iter()
        .find(|t| t.get_uid() == Some(&format!("tandem-actie-{}@tandem", fx.long.0)))
        .expect("the long one");
    let summary = long.get_summary().expect("summary");
    assert!(summary.starts_with(&fx.action(fx.long).text), "{summary}");
    let tricky_uid = format!("tandem-actie-{}@tandem", fx.tricky.0);
    let tricky = todos.iter().find(|t| t.get_uid() == Some(&tricky_uid));
    let summary = tricky
        .and_then(|t| t.get_summary())
        .expect("tricky summary");
    assert!(
        summary.starts_with("Bel \"juf\", daarna; mail en sms ("),
        "{summary}"
    );

    // Again: the same UIDs, the same content but for the time stamp.
    let again = ok(&fx, &["actions", "--format", "ics", "--all"]);
    let strip = |s: &str| {
        s.split("\r\n")
            .filter(|l| !l.starts_with("DTSTAMP:"))
            .collect::<Vec<_>>()
            .join("\r\n")
    };
    assert_eq!(strip(&again), strip(&out));
}

#[test]
fn markdown_is_a_list_per_owner() {
    let fx = fixture();
    for privacy in [false, true] {
        let mut args = vec!["actions", "--format", "md"];
        if privacy {
            args.push("--privacy");
        }
        let out = ok(&fx, &args);
        let open: Vec<&Action> = fx.actions.iter().filter(|a| a.done.is_none()).collect();
        let owners: BTreeSet<Option<PersonId>> = open.iter().map(|a| a.owner).collect();
        let headings: Vec<&str> = out.lines().filter(|l| l.starts_with("## ")).collect();
        assert_eq!(
            headings.len(),
            owners.len(),
            "privacy {privacy}: {headings:?}"
        );
        let items = out.lines().filter(|l| l.starts_with("- [ ] ")).count();
        assert_eq!(items, open.len());
        assert!(!out.contains("- [x]"), "done ones only with --all");
        // Marloes Kuipers and Mila Kramer keep a list each, also as "M.K." under --privacy.
        let mk = headings.iter().filter(|h| **h == "## M.K.").count();
        assert_eq!(mk, if privacy { 2 } else { 0 });
        let mila = open.iter().any(|a| a.owner == Some(fx.mila));
        assert!(mila && out.contains("## Marloes Kuipers") != privacy);
        assert!(out.contains("## Zonder eigenaar"));
    }
}

#[test]
fn privacy_gives_initials_in_every_format() {
    let fx = fixture();
    let persons = fx.persons.iter().map(|p| p.name.as_str());
    let names: Vec<&str> = persons
        .chain(fx.children.iter().map(String::as_str))
        .collect();
    for format in ["table", "json", "csv", "ics", "md"] {
        let out = ok(&fx, &["actions", "--all", "--privacy", "--format", format]);
        for name in &names {
            assert!(!out.contains(name), "{format}: {name} under --privacy");
        }
        let yvonne = initials("Yvonne Postma");
        assert!(out.contains(&yvonne), "{format}: owner as {yvonne}");
    }
    let rows = json(&fx, &["--privacy"]);
    let tricky = rows.iter().find(|r| r["id"] == fx.tricky.0).expect("row");
    assert_eq!(tricky["owner"], "Y.P.");
    let out = ok(
        &fx,
        &["--lang", "en", "actions", "--privacy", "--format", "csv"],
    );
    let rows = csv_rows(&out, b',');
    assert!(
        rows.iter().all(|r| r["child"].ends_with('.')),
        "child initials"
    );
}

#[test]
fn user_errors_are_one_line_with_nothing_on_stdout() {
    let fx = fixture();
    let msg = assert_one_line_failure(&fx, &["actions", "--owner", "van"]);
    assert!(
        msg.contains("Erik van Leeuwen") && msg.contains("Joost van der Linden"),
        "{msg}"
    );
    let bad: [&[&str]; 9] = [
        &["actions", "--owner", "Niemand Bekend"],
        &["actions", "--format", "csv", "--delimiter", "§"],
        &["actions", "--owner", "999999", "--format", "json"],
        &["actions", "--case", "999999", "--format", "csv"],
        &["actions", "--due", "31-02-2027", "--format", "ics"],
        &["actions", "--format", "csv", "--delimiter", "\""],
        &["actions", "--side", "gemeente"],
        &["done", "999999"],
        &["done", "999999", "--undo"],
    ];
    for args in bad {
        assert_one_line_failure(&fx, args);
    }
    // Nothing was written by any of them.
    let all = json(&fx, &["--all"]);
    assert_eq!(all.len(), fx.actions.len());
}

#[test]
fn done_and_undo_round_trip() {
    let fx = fixture();
    let id = fx.tricky.0.to_string();
    let row = |rows: &[Value]| rows.iter().find(|r| r["id"] == fx.tricky.0).cloned();
    let (done, stdout, stderr) = run(fx.dir.path(), &["done", &id]);
    assert!(done && stdout.is_empty(), "{stderr}");
    let all = json(&fx, &["--all"]);
    let at = row(&all).expect("still listed")["done"].clone();
    assert!(at.as_str().is_some_and(|s| s.starts_with(TODAY)), "{at}");
    assert!(row(&json(&fx, &[])).is_none(), "no longer open");
    // Done again: nothing moves.
    assert!(run(fx.dir.path(), &["done", &id]).0);
    assert_eq!(row(&json(&fx, &["--all"])).expect("row")["done"], at);
    let (undone, _, stderr) = run(fx.dir.path(), &["done", &id, "--undo"]);
    assert!(undone, "{stderr}");
    let open = json(&fx, &[]);
    assert!(row(&open).expect("open again")["done"].is_null());
    assert_eq!(ids(&open), fx.open_where(|_| true), "back in its place");
}
