//! Actions to a calendar: iCalendar (RFC 5545), one VTODO per action. The `icalendar` crate
//! writes the file: it escapes TEXT values (`\`, `;`, `,` and a line break as `\n`) and folds
//! every content line at 75 octets, never inside a UTF-8 character.

use crate::domain::dates::Lang;
use crate::domain::text::clean_line;
use crate::domain::ActionSummary;
use crate::i18n::words;
use crate::report::actions::Names;
use chrono::{DateTime, Local, NaiveDateTime, TimeZone, Utc};
use icalendar::{Calendar, Component, EventLike, Property, Todo, TodoStatus};

/// The product that wrote the file (RFC 5545, 3.7.3).
const PRODID: &str = "-//tandem//acties//NL";

/// One VTODO per action, with DUE (a date), STATUS, COMPLETED for a done one and DTSTAMP
/// `now` (local time, written in UTC as RFC 5545 wants). The UID is the action's id, so a
/// calendar that imports the file again updates the tasks instead of doubling them.
pub fn ics(rows: &[ActionSummary], names: &Names, now: NaiveDateTime, lang: Lang) -> String {
    let mut calendar = Calendar::empty();
    for (key, value) in [
        ("VERSION", "2.0"),
        ("PRODID", PRODID),
        ("CALSCALE", "GREGORIAN"),
    ] {
        calendar.append_property(Property::new(key, value));
    }
    let stamp = utc(now);
    calendar.extend(rows.iter().map(|r| todo(r, names, stamp, lang)));
    calendar.to_string()
}

fn todo(r: &ActionSummary, names: &Names, stamp: DateTime<Utc>, lang: Lang) -> Todo {
    let side = words::side(r.side).get(lang);
    let owner = names.owner(r.owner).unwrap_or_default();
    let child = names.child(&r.child_name);
    let mut todo = Todo::new();
    todo.uid(&format!("tandem-actie-{}@tandem", r.id))
        .timestamp(stamp)
        .summary(&text(&format!("{} ({child})", clean_line(&r.text))))
        .description(&text(&format!("{side} · {owner} · casus {}", r.case)))
        .categories([text(&side.to_uppercase())]);
    if let Some(day) = r.deadline {
        todo.due(day);
    }
    match r.done {
        Some(done) => todo.status(TodoStatus::Completed).completed(utc(done)),
        None => todo.status(TodoStatus::NeedsAction),
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

    fn file(r: ActionSummary) -> String {
        let now = NaiveDate::from_ymd_opt(2026, 11, 23)
            .and_then(|d| d.and_hms_opt(9, 30, 0))
            .expect("a time");
        ics(&[r], &Names::new(&[], false), now, Lang::Nl)
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
        // The action's text is one line (clean_line); a name pasted with a line break keeps it.
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
            "SUMMARY:Bel juf\\, daarna\\; mail \\\\ sms[31m (Zoë\\nde Vries)"
        );
        let calendar: Calendar = out.parse().expect("valid iCalendar");
        let todo = calendar.todos().next().expect("a VTODO");
        assert_eq!(
            todo.get_summary(),
            Some("Bel juf, daarna; mail \\ sms[31m (Zoë\nde Vries)")
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
        let summary = format!("SUMMARY:{long} (Xiaoming)");
        assert!(unfolded(&out).contains(&summary));
        let calendar: Calendar = out.parse().expect("valid iCalendar");
        let todo = calendar.todos().next().expect("a VTODO");
        assert_eq!(todo.get_summary(), Some(&summary["SUMMARY:".len()..]));
    }
}
