//! What leaves the laptop (issue 11, part 3): the action lists in CSV, ICS and Markdown, and the
//! minutes, read back by real parsers (the `csv` crate, `icalendar`, `pulldown-cmark`), without
//! and with `--names`. On the shared fixture (tests/it/common) plus a few actions made to trip
//! the formats up.

use crate::common::*;
use icalendar::{CalendarComponent, Component};
use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};
use std::collections::BTreeMap;
use std::path::Path;
use tandem::domain::{ActionId, Side};
use tandem::report::formats::csv::read_back;
use tempfile::TempDir;

/// Markdown a viewer would turn into italics, bold, HTML, a link and code.
const MARKUP: &str = "*alleen* __vet__ <b>html</b> [klik](http://x.example) `code` & 1. | #";
const PHONE: &str = "0612345678";
const BOM: char = '\u{FEFF}';

struct Set {
    dir: TempDir,
    fx: Fixture,
    markup: ActionId,
    phone: ActionId,
    long: ActionId,
    long_text: String,
}

/// Every child and carer of the fixture by full name: what must not leave without `--names`.
const CHILDREN: [&str; 6] = [
    "Emre Çelik",
    "Elif Çelik",
    "Minh Nguyễn",
    "Yasmina El Idrissi",
    "王小明",
    "Zoë 🦄 de Boer",
];
const CARERS: [&str; 6] = [
    "Ayşe Çelik",
    "Mehmet Çelik",
    "Thị Lan Nguyễn",
    "Karim El Idrissi",
    "王丽",
    "Sjoerd de Boer",
];

fn data_set() -> Set {
    let (dir, mut store, fx) = store_with_fixture();
    let t = at(day(2026, 11, 20), 10, 0);
    let due = Some(day(2026, 11, 27));
    let markup = add_action(
        &mut store,
        t,
        fx.case_minh,
        MARKUP,
        (Some(fx.fatima), Side::Zorg),
        due,
    );
    let phone = add_action(
        &mut store,
        t,
        fx.case_elif,
        PHONE,
        (None, Side::Onderwijs),
        due,
    );
    // 300 characters; the 200th is two bytes long: a cut there would split it.
    let long_text = format!("{}ş{} einde", "a".repeat(199), "王".repeat(94));
    let long = add_action(
        &mut store,
        t,
        fx.case_zoe,
        &long_text,
        (Some(fx.pieter), Side::Onderwijs),
        due,
    );
    drop(store);
    wait_unlocked(dir.path());
    Set {
        dir,
        fx,
        markup,
        phone,
        long,
        long_text,
    }
}

fn ok(dir: &Path, args: &[&str]) -> String {
    let (ok, stdout, stderr) = run(dir, args);
    assert!(ok, "{args:?}: {stderr}");
    assert_eq!(stderr, "", "{args:?}: nothing on stderr");
    stdout
}

fn actions(set: &Set, format: &str, extra: &[&str]) -> String {
    let mut args = vec!["actions", "--all", "--format", format];
    args.extend_from_slice(extra);
    ok(set.dir.path(), &args)
}

/// The CSV as a spreadsheet would read it: header → value per row id, BOM handled by the crate.
fn csv_rows(out: &str, delimiter: u8) -> (Vec<String>, BTreeMap<u64, BTreeMap<String, String>>) {
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(delimiter)
        .from_reader(out.as_bytes());
    let header: Vec<String> = reader
        .headers()
        .expect("a header row")
        .iter()
        .map(String::from)
        .collect();
    let rows = reader
        .records()
        .map(|r| {
            let r = r.expect("a well-formed record");
            let row: BTreeMap<String, String> = header
                .iter()
                .cloned()
                .zip(r.iter().map(String::from))
                .collect();
            (r[0].parse().expect("an id"), row)
        })
        .collect();
    (header, rows)
}

#[test]
fn no_child_or_carer_name_leaves_without_names() {
    let set = data_set();
    for format in ["csv", "ics", "md", "table"] {
        let out = actions(&set, format, &[]);
        for name in CHILDREN.iter().chain(&CARERS) {
            assert!(!out.contains(name), "{format}: {name} without --names");
        }
        assert!(out.contains("E.Ç."), "{format}: initials");
        let named = actions(&set, format, &["--names"]);
        for name in CHILDREN {
            assert!(named.contains(name), "{format}: {name} with --names");
        }
        for name in CARERS {
            assert!(
                !named.contains(name),
                "{format}: a carer is in no action list"
            );
        }
    }
    let md = ok(set.dir.path(), &["minutes", "latest"]);
    for name in CHILDREN.iter().chain(&CARERS) {
        assert!(!md.contains(name), "minutes: {name}");
    }
    // --privacy wins over --names: the safe one of two contradicting wishes.
    let private = actions(&set, "csv", &["--names", "--privacy"]);
    for name in CHILDREN {
        assert!(!private.contains(name), "{name} under --privacy");
    }
    assert!(!private.contains("Sanne de Vries") && private.contains("S.d.V."));
}

#[test]
fn csv_reads_back_in_a_dutch_spreadsheet() {
    let set = data_set();
    let fx = &set.fx;
    let out = actions(&set, "csv", &["--delimiter", ";"]);
    assert!(out.starts_with(BOM), "a BOM with ';'");
    let (header, rows) = csv_rows(&out, b';');
    assert_eq!(
        header.join(","),
        "id,casus,kind,groep,actie,eigenaar,kant,deadline,te laat,afgerond,vervallen",
        "Dutch headers, the BOM not in the first one"
    );
    let elif = &rows[&fx.a_done_elif.0];
    assert_eq!(elif["groep"], "=\"1/2\"", "groep 1/2 stays text");
    assert_eq!(read_back(&elif["groep"]), "1/2");
    assert_eq!(elif["kind"], "E.Ç.");
    assert_eq!(elif["casus"], fx.case_elif.0.to_string());
    assert_eq!(rows[&fx.a_overdue_o.0]["te laat"], "ja");
    assert_eq!(rows[&set.phone.0]["te laat"], "nee");
    assert_eq!(rows[&set.phone.0]["actie"], format!("=\"{PHONE}\""));
    assert_eq!(
        rows[&set.markup.0]["actie"], MARKUP,
        "CSV keeps text as typed"
    );
    assert_eq!(rows[&set.long.0]["actie"], set.long_text, "nothing cut");
    // Only our own `="…"` starts with '=': no formula of anyone's making.
    for row in rows.values() {
        for v in row.values() {
            if v.starts_with('=') {
                assert!(v.starts_with("=\"") && v.ends_with('"'), "{v}");
                let inner = &v[2..v.len() - 1];
                assert!(!inner.contains('"') && !inner.contains('('), "{v}");
            }
            assert!(!v.starts_with(['+', '-', '@']), "{v}");
        }
    }

    let named = actions(&set, "csv", &["--delimiter", ";", "--names"]);
    let (_, rows) = csv_rows(&named, b';');
    assert_eq!(rows[&fx.a_done_elif.0]["kind"], "Elif Çelik");

    let en = ok(
        set.dir.path(),
        &["--lang", "en", "actions", "--format", "csv"],
    );
    assert!(!en.starts_with(BOM), "no BOM with ',' unless asked");
    let (header, _) = csv_rows(&en, b',');
    assert_eq!(
        header.join(","),
        "id,case,child,groep,text,owner,side,deadline,overdue,done,cancelled"
    );
    let bom = actions(&set, "csv", &["--bom"]);
    assert!(bom.starts_with(BOM), "--bom");
    let (header, _) = csv_rows(&bom, b',');
    assert_eq!(header[0], "id");
}

fn todo_summaries(out: &str) -> BTreeMap<u64, (String, String)> {
    let cal: icalendar::Calendar = out.parse().expect("valid iCalendar");
    cal.components
        .iter()
        .filter_map(|c| match c {
            CalendarComponent::Todo(t) => Some(t),
            _ => None,
        })
        .map(|t| {
            let uid = t.get_uid().expect("UID");
            let id = uid
                .strip_prefix("tandem-actie-")
                .and_then(|s| s.strip_suffix("@tandem"))
                .and_then(|s| s.parse().ok())
                .expect("a tandem UID");
            let summary = t.get_summary().expect("SUMMARY").to_string();
            let description = t.get_description().expect("DESCRIPTION").to_string();
            (id, (summary, description))
        })
        .collect()
}

#[test]
fn ics_keeps_the_whole_text_and_names_only_with_names() {
    let set = data_set();
    let fx = &set.fx;
    let out = actions(&set, "ics", &[]);
    for line in out.split("\r\n") {
        assert!(line.len() <= 75, "folded: {line}");
    }
    let todos = todo_summaries(&out);
    let (summary, description) = &todos[&set.long.0];
    let case = fx.case_zoe.0;
    let zoe = tandem::domain::text::initials("Zoë 🦄 de Boer");
    assert_eq!(summary, &format!("{} ({zoe}, casus {case})", set.long_text));
    assert!(description.starts_with(&set.long_text), "{description}");
    let (summary, _) = &todos[&fx.a_overdue_o.0];
    assert_eq!(
        summary,
        &format!(
            "Handvatten voor de leerkracht (E.Ç., casus {})",
            fx.case_emre.0
        )
    );
    let named = todo_summaries(&actions(&set, "ics", &["--names"]));
    let (summary, _) = &named[&fx.a_overdue_o.0];
    assert_eq!(
        summary,
        &format!(
            "Handvatten voor de leerkracht (Emre Çelik, casus {})",
            fx.case_emre.0
        )
    );
}

/// The text of every list item of `md`, with the kinds of inline events seen anywhere.
fn read_markdown(md: &str) -> (Vec<String>, Vec<String>) {
    let mut items = Vec::new();
    let mut kinds = Vec::new();
    let mut current: Option<String> = None;
    let options = Options::all() - Options::ENABLE_SMART_PUNCTUATION;
    for e in Parser::new_ext(md, options) {
        match e {
            Event::Start(Tag::Item) => current = Some(String::new()),
            Event::End(TagEnd::Item) => items.extend(current.take()),
            Event::Text(t) => {
                if let Some(c) = current.as_mut() {
                    c.push_str(&t);
                }
            }
            Event::Start(Tag::Emphasis) => kinds.push("emphasis".into()),
            Event::Start(Tag::Strong) => kinds.push("strong".into()),
            Event::Start(Tag::Link { .. }) => kinds.push("link".into()),
            Event::Html(_) | Event::InlineHtml(_) => kinds.push("html".into()),
            Event::Code(_) => kinds.push("code".into()),
            _ => {}
        }
    }
    (items, kinds)
}

#[test]
fn markdown_shows_user_text_as_typed_and_never_as_markup() {
    let set = data_set();
    for extra in [&[][..], &["--names"][..]] {
        let md = actions(&set, "md", extra);
        let (items, kinds) = read_markdown(&md);
        let mine = items
            .iter()
            .find(|i| i.ends_with(MARKUP))
            .unwrap_or_else(|| panic!("the item with the markup, as typed:\n{md}"));
        assert!(
            mine.contains(&format!("casus {}", set.fx.case_minh.0)),
            "{mine}"
        );
        // Our own bold marks the two overdue actions; nothing else is markup.
        let overdue = 2;
        assert_eq!(
            kinds,
            vec!["strong".to_string(); overdue],
            "{extra:?}: only our own **te laat**\n{md}"
        );
    }
}

#[test]
fn minutes_in_markdown_escape_user_text() {
    let (dir, mut store, fx) = store_with_fixture();
    // An agreement in last week's meeting, typed with markup.
    let mut meeting = store.meeting(fx.meeting).expect("read").expect("meeting");
    meeting.items[0].agreements[0].text = MARKUP.into();
    let mut ch = store.begin();
    ch.put_meeting(meeting);
    store.commit(ch).expect("commit");
    drop(store);
    wait_unlocked(dir.path());
    let md = ok(dir.path(), &["minutes", "latest"]);
    let (items, kinds) = read_markdown(&md);
    assert!(
        items.iter().any(|i| i == &format!("Afspraak: {MARKUP}")),
        "{items:?}\n{md}"
    );
    assert!(kinds.is_empty(), "no markup at all: {kinds:?}\n{md}");
}
