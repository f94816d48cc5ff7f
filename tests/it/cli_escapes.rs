//! Escape sequences and bidi overrides in the data never reach a terminal raw (issue 8, part 8).
//! A store is written through the library with names and texts that carry ESC/OSC sequences, a
//! bell, a lone CR, a leading TAB and the bidi controls; the real binary then prints them in every
//! format. Human formats (table, md, csv, agenda, minutes, messages on stderr) show placeholders;
//! the machine formats (json, ics) keep the data as it is (ics with its own escaping).

use crate::common;

use crate::common::{add_action, add_case, add_person, at, day, run, today};
use serde_json::Value;
use std::collections::HashMap;
use tandem::domain::text::{clean_line, initials};
use tandem::domain::{ActionId, AgendaItem, Agreement, Family, Meeting, PersonId, Reason, Side};
use tempfile::TempDir;

const OWNER: &str = "Owen \u{1b}]0;pwned\u{7} Eig\u{2066}enaar";
const OTHER: &str = "Owen \u{202E}Twee";
const FIRST: &str = "\u{1b}[31mEvi";
const LAST: &str = "Bidi\u{202E}gnirts";
const GROEP: &str = "6\u{2066}b\u{2069}";
const TEXT: &str = "Bel \u{1b}[31mnu\u{1b}[0m\rterug \u{202E}txet\u{200F}";
const TAB: &str = "\t=1+1";
const CR: &str = "\r=2+2";
const AGREEMENT: &str = "Afspraak \u{1b}]0;pwned\u{7} \u{202E}x";

/// What may never appear in a human-readable output.
const RAW: [char; 13] = [
    '\u{1b}', '\u{7}', '\u{9b}', '\u{202A}', '\u{202B}', '\u{202C}', '\u{202D}', '\u{202E}',
    '\u{2066}', '\u{2067}', '\u{2068}', '\u{2069}', '\u{200F}',
];

struct Fx {
    dir: TempDir,
    owner: PersonId,
    text: ActionId,
    tab: ActionId,
    cr: ActionId,
}

fn fixture() -> Fx {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut s = tandem::store::Store::open(dir.path()).expect("open store");
    let t = at(day(2026, 11, 2), 9, 0);
    let owner = add_person(&mut s, t, OWNER, "gezinscoach", Side::Zorg);
    add_person(&mut s, t, OTHER, "leerkracht", Side::Onderwijs);
    let mut ids = s.begin();
    let (family, kid) = (ids.family_id(), ids.child_id());
    s.save_family(
        t,
        Family {
            id: family,
            name: LAST.into(),
            carers: vec![common::carer("Moeder \u{1b}[2J", "moeder")],
            children: vec![common::child(kid, FIRST, LAST, GROEP)],
            network: vec![common::involvement(owner, "gezinscoach")],
        },
    )
    .expect("save family");
    let case = add_case(&mut s, t, family, kid, "Vraag \u{1b}[31m");
    common::edit_case(&mut s, t, case, |c| c.flagged = true);
    let who = (Some(owner), Side::Zorg);
    let text = add_action(&mut s, t, case, TEXT, who, Some(day(2026, 11, 20)));
    let tab = add_action(&mut s, t, case, TAB, who, Some(today()));
    let cr = add_action(&mut s, t, case, CR, (None, Side::Onderwijs), None);

    // Last Friday's meeting, ended, with an agreement and a new action on this case.
    let start = at(day(2026, 11, 20), 8, 30);
    let mut ch = s.begin();
    let meeting = ch.meeting_id();
    ch.put_meeting(Meeting {
        id: meeting,
        date: start.date(),
        attendees: vec![owner],
        items: vec![AgendaItem {
            case,
            reasons: vec![Reason::Flagged],
            notes: String::new(),
            agreements: vec![Agreement {
                text: AGREEMENT.into(),
                at: at(start.date(), 8, 40),
            }],
            actions_added: vec![text],
            actions_done: vec![],
            timebox_minutes: 10,
            seconds_spent: 300,
            discussed: true,
        }],
        started: Some(start),
        ended: Some(at(start.date(), 9, 0)),
        current: 0,
    });
    s.commit(ch).expect("commit meeting");
    drop(s);
    common::wait_unlocked(dir.path());
    Fx {
        dir,
        owner,
        text,
        tab,
        cr,
    }
}

fn ok(fx: &Fx, args: &[&str]) -> String {
    let (ok, stdout, stderr) = run(fx.dir.path(), args);
    assert!(ok, "{args:?} failed: {stderr}");
    common::assert_no_panic(&stderr);
    stdout
}

/// No raw control or bidi character; a CR only as part of a CRLF line end when `crlf`.
fn assert_safe(out: &str, what: &str, crlf: bool) {
    for c in RAW {
        assert!(!out.contains(c), "{what}: raw {c:?} in {out:?}");
    }
    let mut chars = out.chars().peekable();
    while let Some(c) = chars.next() {
        let line_end = c == '\n' || (crlf && c == '\r' && chars.peek() == Some(&'\n'));
        assert!(!c.is_control() || line_end, "{what}: raw {c:?} in {out:?}");
    }
}

/// The placeholders are there: the characters were shown, not dropped.
fn assert_shown(out: &str, what: &str, wanted: &[&str]) {
    for w in wanted {
        assert!(out.contains(w), "{what}: no {w:?} in {out:?}");
    }
}

#[test]
fn table_shows_placeholders_and_keeps_one_line_per_action() {
    let fx = fixture();
    let out = ok(&fx, &["actions", "--format", "table", "--all", "--names"]);
    assert_safe(&out, "table", false);
    assert_shown(
        &out,
        "table",
        &[
            "Owen ␛]0;pwned␇ Eig⟨U+2066⟩enaar",
            "␛[31mEvi Bidi⟨U+202E⟩gnirts (6⟨U+2066⟩b⟨U+2069⟩)",
            "Bel ␛[31mnu␛[0m␍terug ⟨U+202E⟩txet⟨U+200F⟩",
            "␉=1+1",
            "␍=2+2",
        ],
    );
    assert_eq!(
        out.lines().count(),
        1 + 3,
        "a header and one line per action"
    );

    let out = ok(&fx, &["actions", "--format", "table", "--privacy"]);
    assert_safe(&out, "table --privacy", false);
    assert_shown(&out, "table --privacy", &["␛B."]);
}

#[test]
fn markdown_shows_placeholders() {
    let fx = fixture();
    let out = ok(&fx, &["actions", "--format", "md", "--all", "--names"]);
    assert_safe(&out, "md", false);
    assert_shown(
        &out,
        "md",
        &[
            "## Owen ␛\\]0;pwned␇ Eig⟨U+2066⟩enaar",
            "␛\\[31mEvi Bidi⟨U+202E⟩gnirts",
            "Bel ␛\\[31mnu␛\\[0m␍terug ⟨U+202E⟩txet⟨U+200F⟩",
            "␉=1+1",
            "␍=2+2",
        ],
    );
    let items = out.lines().filter(|l| l.starts_with("- [")).count();
    assert_eq!(items, 3, "one Markdown line per action: {out}");
}

#[test]
fn csv_shows_placeholders_and_guards_tab_and_cr() {
    let fx = fixture();
    for delim in [",", ";"] {
        let args = ["--lang", "en", "actions", "--format", "csv", "--names"];
        let out = ok(&fx, &[&args[..], &["--delimiter", delim]].concat());
        assert_safe(&out, "csv", true);
        let mut reader = csv::ReaderBuilder::new()
            .delimiter(delim.as_bytes()[0])
            .from_reader(out.as_bytes());
        let header = reader.headers().expect("header").clone();
        let rows: HashMap<String, csv::StringRecord> = reader
            .records()
            .map(|r| {
                let r = r.expect("a record");
                (r[0].to_string(), r)
            })
            .collect();
        let field = |id: ActionId, name: &str| {
            let i = header.iter().position(|h| h == name).expect(name);
            rows[&id.0.to_string()][i].to_string()
        };
        assert_eq!(
            field(fx.text, "text"),
            "Bel ␛[31mnu␛[0m␍terug ⟨U+202E⟩txet⟨U+200F⟩"
        );
        assert_eq!(field(fx.text, "owner"), "Owen ␛]0;pwned␇ Eig⟨U+2066⟩enaar");
        assert_eq!(field(fx.text, "child"), "␛[31mEvi Bidi⟨U+202E⟩gnirts");
        assert_eq!(field(fx.text, "groep"), "6⟨U+2066⟩b⟨U+2069⟩");
        // A leading TAB or CR would let a spreadsheet find the formula behind it.
        assert_eq!(field(fx.tab, "text"), "'␉=1+1");
        assert_eq!(field(fx.cr, "text"), "'␍=2+2");
    }
}

#[test]
fn json_keeps_the_data_exactly() {
    let fx = fixture();
    let out = ok(&fx, &["actions", "--format", "json", "--all"]);
    let rows: Vec<Value> = serde_json::from_str(&out).expect("JSON");
    let row = |id: ActionId| {
        rows.iter()
            .find(|r| r["id"] == id.0)
            .unwrap_or_else(|| panic!("action {id:?}"))
    };
    assert_eq!(row(fx.text)["text"], TEXT);
    assert_eq!(row(fx.text)["owner"], OWNER);
    assert_eq!(row(fx.text)["owner_id"], fx.owner.0);
    assert_eq!(row(fx.text)["child"], initials(&format!("{FIRST} {LAST}")));
    assert_eq!(row(fx.text)["groep"], GROEP);
    assert_eq!(row(fx.tab)["text"], TAB);
    assert_eq!(row(fx.cr)["text"], CR);
    assert!(!out.contains('⟨') && !out.contains('␛'), "no placeholders");
}

#[test]
fn ics_keeps_the_text_with_its_own_escaping() {
    use icalendar::{CalendarComponent, Component};
    let fx = fixture();
    let out = ok(&fx, &["actions", "--format", "ics", "--all", "--names"]);
    let cal: icalendar::Calendar = out.parse().expect("valid iCalendar");
    let todo = cal
        .components
        .iter()
        .find_map(|c| match c {
            CalendarComponent::Todo(t)
                if t.get_uid() == Some(&format!("tandem-actie-{}@tandem", fx.text.0)) =>
            {
                Some(t.clone())
            }
            _ => None,
        })
        .expect("the VTODO");
    // RFC 5545 has no room for control characters in TEXT: ics drops them (as it always did);
    // everything else, the bidi characters included, is there as it was, without placeholders.
    let summary = todo.get_summary().expect("SUMMARY");
    let want = format!("{} ({FIRST} {LAST}, casus 1)", clean_line(TEXT));
    let want: String = want.chars().filter(|c| !c.is_control()).collect();
    assert_eq!(summary, want);
    assert!(summary.contains("\u{202E}txet\u{200F}"));
    let description = todo.get_description().expect("DESCRIPTION");
    assert!(
        description.contains("Owen ]0;pwned Eig\u{2066}enaar"),
        "{description:?}"
    );
    assert!(!out.contains('⟨') && !out.contains('␛'), "no placeholders");
    assert!(!out.contains('\u{1b}'), "and no ESC");
}

#[test]
fn agenda_and_minutes_show_placeholders() {
    let fx = fixture();
    let agenda = ok(&fx, &["agenda"]);
    assert_safe(&agenda, "agenda", false);
    assert_shown(&agenda, "agenda", &["␛B. (groep 6⟨U+2066⟩b⟨U+2069⟩)"]);
    let json: Vec<Value> =
        serde_json::from_str(&ok(&fx, &["agenda", "--format", "json"])).expect("agenda JSON");
    let line = json.iter().find(|l| l["groep"] == GROEP).expect("our case");
    assert_eq!(line["child"], initials(&format!("{FIRST} {LAST}")));

    let minutes = ok(&fx, &["minutes", "latest"]);
    assert_safe(&minutes, "minutes", false);
    assert_shown(
        &minutes,
        "minutes",
        &[
            // Markdown: `]` escaped, as every Markdown special in user text.
            "Aanwezig: Owen ␛\\]0;pwned␇ Eig⟨U+2066⟩enaar",
            "## ␛B. (groep 6⟨U+2066⟩b⟨U+2069⟩)",
            "⟨U+202E⟩x",
            "### Owen ␛\\]0;pwned␇ Eig⟨U+2066⟩enaar",
            "⟨U+202E⟩txet⟨U+200F⟩",
        ],
    );
    let json: Value =
        serde_json::from_str(&ok(&fx, &["minutes", "latest", "--format", "json"])).expect("JSON");
    assert_eq!(json["attendees"][0], OWNER, "JSON keeps the name exactly");
}

#[test]
fn messages_quoting_a_file_or_a_name_show_placeholders() {
    let fx = fixture();
    let dir = fx.dir.path();
    let check = |args: &[&str], wanted: &[&str]| {
        let stderr = common::assert_one_line_failure(dir, args);
        assert_safe(&stderr, &format!("{args:?}"), false);
        assert_shown(&stderr, &format!("{args:?}"), wanted);
    };
    let other = tempfile::tempdir().expect("temp dir");
    let missing = other.path().join("bad\u{1b}[31m\u{202E}.json");
    let missing_s = missing.to_str().expect("UTF-8 path");
    check(&["import", missing_s], &["bad␛[31m⟨U+202E⟩.json"]);

    // A file that is there but no export, whose content serde quotes.
    let bad = other.path().join("bad\u{1b}]0;x\u{7}.json");
    std::fs::write(&bad, "{\"version\": \"\u{1b}[31m\u{202E}\"}").expect("write");
    check(
        &["import", bad.to_str().expect("UTF-8 path")],
        &["bad␛]0;x␇.json"],
    );

    // Names from the store in a message: two owners match "Owen".
    check(
        &["actions", "--owner", "Owen"],
        &["Eig⟨U+2066⟩enaar", "⟨U+202E⟩Twee"],
    );
    check(&["actions", "--owner", "\u{1b}[31mX"], &["␛[31mX"]);
    check(&["minutes", "\u{1b}[31m"], &["␛[31m"]);
    // clap's own message quotes the argument.
    // (Its ESC sequences are already stripped by clap's output stream; bidi is not.)
    let (ok, _, stderr) = run(dir, &["actions", "--format", "\u{202E}x\u{1b}[31m"]);
    assert!(!ok);
    assert_safe(&stderr, "clap", false);
    assert_shown(&stderr, "clap", &["⟨U+202E⟩x"]);
}

#[test]
fn done_confirms_with_placeholders() {
    let fx = fixture();
    let id = fx.text.0.to_string();
    let (ok, _, stderr) = run(fx.dir.path(), &["done", &id]);
    assert!(ok, "{stderr}");
    assert_safe(&stderr, "done", false);
    assert_shown(&stderr, "done", &["␛[31mnu␛[0m␍terug ⟨U+202E⟩txet"]);
}
