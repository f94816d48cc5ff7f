//! Actions to a calendar: iCalendar (RFC 5545), one VTODO per action. The `icalendar` crate
//! writes the file: it escapes TEXT values (`\`, `;`, `,` and a line break as `\n`) and folds
//! every content line at 75 octets, never inside a UTF-8 character, so no text is ever cut: the
//! SUMMARY holds the whole text on one line, the DESCRIPTION the text as typed.
//!
//! Calendars are often synced to a cloud: the child is named by initials and the case number
//! unless `--names` ([`Names::child`]).

use crate::domain::dates::Lang;
use crate::domain::ActionSummary;
use crate::i18n::{exports, words};
use crate::report::actions::Names;
use chrono::{DateTime, Local, NaiveDateTime, TimeZone, Utc};
use icalendar::{Calendar, Component, EventLike, Property, Todo, TodoStatus};

/// The product that wrote the file (RFC 5545, 3.7.3).
const PRODID: &str = "-//tandem//acties//NL";

/// One VTODO per action, with DUE (a date), STATUS, COMPLETED for a done one and DTSTAMP
/// `now` (local time, written in UTC as RFC 5545 wants). The UID is the action's id, so a
/// calendar that imports the file again updates the tasks instead of doubling them.
pub fn ics(rows: &[ActionSummary], names: &Names, now: NaiveDateTime, lang: Lang) -> String {
    let mut out = Vec::new();
    // Writing into a Vec fails only on a text the crate can't format, which it never gives.
    let _ = write_ics(&mut out, rows, names, now, lang);
    String::from_utf8(out).unwrap_or_default()
}

/// As [`ics`], written as it is made: one VTODO at a time, so a list of 100,000 actions is never
/// held as one calendar in memory. The bytes are the same as the crate's whole calendar: its
/// properties, each component, then `END:VCALENDAR`.
pub fn write_ics<W: std::io::Write>(
    mut w: W,
    rows: &[ActionSummary],
    names: &Names,
    now: NaiveDateTime,
    lang: Lang,
) -> std::io::Result<()> {
    let mut calendar = Calendar::empty();
    for (key, value) in [
        ("VERSION", "2.0"),
        ("PRODID", PRODID),
        ("CALSCALE", "GREGORIAN"),
    ] {
        calendar.append_property(Property::new(key, value));
    }
    let whole = calendar.to_string();
    let head = whole.strip_suffix(END).unwrap_or(&whole);
    w.write_all(head.as_bytes())?;
    let stamp = utc(now);
    for r in rows {
        let todo = todo(r, names, stamp, lang)
            .try_into_string()
            .map_err(std::io::Error::other)?;
        w.write_all(todo.as_bytes())?;
    }
    w.write_all(END.as_bytes())
}

/// The last line of the file.
const END: &str = "END:VCALENDAR\r\n";

fn todo(r: &ActionSummary, names: &Names, stamp: DateTime<Utc>, lang: Lang) -> Todo {
    let side = words::side(r.side).get(lang);
    let owner = names.owner(r.owner).unwrap_or_default();
    let child = names.child(&r.child_name);
    let case = format!("{} {}", exports::CASE.get(lang), r.case);
    let mut todo = Todo::new();
    todo.uid(&format!("tandem-actie-{}@tandem", r.id))
        .timestamp(stamp)
        .summary(&text(&format!("{} ({child}, {case})", one_line(&r.text))))
        .description(&text(&format!(
            "{}\n\n{side} · {owner} · {case}",
            r.text.trim()
        )))
        .categories([text(&side.to_uppercase())]);
    if let Some(day) = r.deadline {
        todo.due(day);
    }
    // A cancelled action is finished but not done: RFC 5545 has CANCELLED for it.
    match (r.done, names.cancelled(r.id)) {
        (Some(_), Some(why)) => todo
            .status(TodoStatus::Cancelled)
            .description(&text(&format!(
                "{}\n\n{side} · {owner} · {case}\n{}: {why}",
                r.text.trim(),
                exports::CANCELLED.get(lang)
            ))),
        (Some(done), None) => todo.status(TodoStatus::Completed).completed(utc(done)),
        (None, _) => todo.status(TodoStatus::NeedsAction),
    };
    todo.done()
}

/// A TEXT value as it may go into the file: RFC 5545 has no room for control characters, so
/// they are dropped, all but the line break, which the crate escapes. Bidi characters stay as
/// they are; a calendar shows them as text (README, "Output safety").
fn text(s: &str) -> String {
    s.chars()
        .filter(|&c| c == '\n' || !c.is_control())
        .collect()
}

/// The whole text on one line: line breaks and runs of white space become one space. Nothing
/// is cut: folding keeps every line of the file short.
fn one_line(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// tandem keeps local times; DTSTAMP and COMPLETED are in UTC. A local time that does not
/// exist (the hour skipped in spring) is taken as UTC.
fn utc(local: NaiveDateTime) -> DateTime<Utc> {
    Local
        .from_local_datetime(&local)
        .earliest()
        .map_or_else(|| local.and_utc(), |t| t.with_timezone(&Utc))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::{ActionId, CaseId, Side};
    use chrono::NaiveDate;

    fn row(text: &str, child: &str) -> ActionSummary {
        ActionSummary {
            id: ActionId(12),
            case: CaseId(3),
            child_name: child.into(),
            groep: "5".into(),
            text: text.into(),
            owner: None,
            side: Side::Zorg,
            deadline: NaiveDate::from_ymd_opt(2026, 11, 30),
            done: None,
        }
    }

    fn file_with(r: ActionSummary, names: &Names) -> String {
        let now = NaiveDate::from_ymd_opt(2026, 11, 23)
            .and_then(|d| d.and_hms_opt(9, 30, 0))
            .expect("a time");
        ics(&[r], names, now, Lang::Nl)
    }

    /// As `--names` asks: the child's full name.
    fn file(r: ActionSummary) -> String {
        file_with(r, &Names::new(&[], false).with_child_names(true))
    }

    fn the_todo(out: &str) -> Todo {
        let calendar: Calendar = out.parse().expect("valid iCalendar");
        let todo = calendar.todos().next().expect("a VTODO").clone();
        todo
    }

    /// The logical lines: folds taken out (CRLF and the one space after it).
    fn unfolded(out: &str) -> Vec<String> {
        out.replace("\r\n ", "")
            .split("\r\n")
            .map(str::to_string)
            .collect()
    }

    #[test]
    fn text_escapes_comma_semicolon_backslash_and_a_line_break() {
        // The summary holds the text on one line; a name pasted with a line break keeps it.
        let out = file(row(
            "Bel juf, daarna; mail \\ sms\u{1b}[31m",
            "Zoë\nde Vries",
        ));
        let summary = unfolded(&out)
            .into_iter()
            .find(|l| l.starts_with("SUMMARY:"))
            .expect("a SUMMARY");
        assert_eq!(
            summary,
            "SUMMARY:Bel juf\\, daarna\\; mail \\\\ sms[31m (Zoë\\nde Vries\\, casus 3)"
        );
        let calendar: Calendar = out.parse().expect("valid iCalendar");
        let todo = calendar.todos().next().expect("a VTODO");
        assert_eq!(
            todo.get_summary(),
            Some("Bel juf, daarna; mail \\ sms[31m (Zoë\nde Vries, casus 3)")
        );
        assert_eq!(todo.get_uid(), Some("tandem-actie-12@tandem"));
        assert_eq!(todo.get_status(), Some(TodoStatus::NeedsAction));
    }

    #[test]
    fn a_long_line_folds_at_75_octets_on_a_character_boundary() {
        // "SUMMARY:" is 8 octets and 王 3: a cut at octet 75 would fall inside the 23rd 王.
        let long = "王".repeat(40) + &"🦄".repeat(30);
        let out = file(row(&long, "Xiaoming"));
        assert!(out.ends_with("\r\n"));
        let physical: Vec<&str> = out.split("\r\n").collect();
        assert!(physical.iter().all(|l| l.len() <= 75), "{physical:?}");
        let first = physical
            .iter()
            .find(|l| l.starts_with("SUMMARY:"))
            .expect("a SUMMARY");
        assert_eq!(first.len(), 8 + 22 * 3);
        let summary = format!("SUMMARY:{long} (Xiaoming\\, casus 3)");
        assert!(unfolded(&out).contains(&summary));
        let todo = the_todo(&out);
        let want = format!("{long} (Xiaoming, casus 3)");
        assert_eq!(todo.get_summary(), Some(want.as_str()));
    }

    #[test]
    fn written_one_by_one_is_the_crates_whole_calendar() {
        let rows = [
            row("Eerste", "Emre Çelik"),
            row("Tweede; met\nregel", "Zoë"),
        ];
        let names = Names::new(&[], false);
        let now = NaiveDate::from_ymd_opt(2026, 11, 23)
            .and_then(|d| d.and_hms_opt(9, 30, 0))
            .expect("a time");
        let mut calendar = Calendar::empty();
        for (key, value) in [
            ("VERSION", "2.0"),
            ("PRODID", PRODID),
            ("CALSCALE", "GREGORIAN"),
        ] {
            calendar.append_property(Property::new(key, value));
        }
        calendar.extend(rows.iter().map(|r| todo(r, &names, utc(now), Lang::Nl)));
        assert_eq!(ics(&rows, &names, now, Lang::Nl), calendar.to_string());
        let empty = ics(&[], &names, now, Lang::Nl);
        assert!(empty.starts_with("BEGIN:VCALENDAR\r\n") && empty.ends_with(END));
        assert!(the_calendar_parses(&empty));
    }

    fn the_calendar_parses(out: &str) -> bool {
        out.parse::<Calendar>().is_ok()
    }

    #[test]
    fn a_long_text_is_whole_in_summary_and_description() {
        // 300 characters, the 200th of them a two-byte one: nothing is cut, in neither field.
        let text = format!("{}ş{} laatste woord", "a".repeat(199), "王".repeat(85));
        let typed = format!("{text}\ntweede regel");
        let todo = the_todo(&file_with(
            row(&typed, "Emre Çelik"),
            &Names::new(&[], false),
        ));
        let summary = todo.get_summary().expect("SUMMARY");
        assert_eq!(summary, format!("{text} tweede regel (E.Ç., casus 3)"));
        let description = todo.get_description().expect("DESCRIPTION");
        assert!(
            description.starts_with(&format!("{typed}\n\nzorg · ")),
            "{description}"
        );
        assert!(description.ends_with("casus 3"), "{description}");
    }

    #[test]
    fn the_child_is_initials_unless_names_are_asked_for() {
        let r = row("Gesprek", "Emre Çelik");
        let initials = the_todo(&file_with(r.clone(), &Names::new(&[], false)));
        assert_eq!(initials.get_summary(), Some("Gesprek (E.Ç., casus 3)"));
        let full = the_todo(&file(r.clone()));
        assert_eq!(full.get_summary(), Some("Gesprek (Emre Çelik, casus 3)"));
        let private = Names::new(&[], true).with_child_names(true);
        let private = the_todo(&file_with(r, &private));
        assert_eq!(
            private.get_summary(),
            Some("Gesprek (E.Ç., casus 3)"),
            "--privacy wins"
        );
    }
}
