//! Actions out to spreadsheets (CSV, RFC 4180), calendars (iCalendar VTODO, RFC 5545, in
//! [`ics`]) and e-mail (Markdown, a list per owner).

use super::actions::{ActionOut, Names};
use crate::domain::dates::{format_short, Lang};
use crate::domain::{ActionSummary, PersonId};
use crate::i18n::words;
use crate::report::safe;
use chrono::NaiveDate;
use std::collections::BTreeMap;

mod ics;
pub use ics::ics;

/// RFC 4180 through the `csv` crate: CRLF line ends, a header row, fields quoted when they hold
/// the delimiter, a quote or a line break. Field text passes through [`safe::text`]: a line
/// break in a field is kept, every other control or bidi character becomes a placeholder.
/// `delimiter` must be one ASCII character (the command line checks it; anything else gives ',').
pub fn csv(rows: &[ActionOut], delimiter: char) -> String {
    let delimiter = u8::try_from(delimiter).unwrap_or(b',');
    let mut w = ::csv::WriterBuilder::new()
        .delimiter(delimiter)
        .terminator(::csv::Terminator::CRLF)
        .from_writer(Vec::new());
    let header = [
        "id", "case", "child", "groep", "text", "owner", "side", "deadline", "overdue", "done",
    ];
    let mut records = vec![header.iter().map(|s| s.to_string()).collect::<Vec<_>>()];
    for r in rows {
        records.push(vec![
            r.id.to_string(),
            r.case.to_string(),
            r.child.clone(),
            r.groep.clone(),
            r.text.clone(),
            r.owner.clone().unwrap_or_default(),
            r.side.to_string(),
            r.deadline.map(|d| d.to_string()).unwrap_or_default(),
            r.overdue.to_string(),
            r.done
                .map(|d| d.format("%Y-%m-%dT%H:%M:%S").to_string())
                .unwrap_or_default(),
        ]);
    }
    for record in records {
        // Writing into a Vec can't fail; a record that did would only be left out.
        let _ = w.write_record(record.iter().map(|f| field(f).into_owned()));
    }
    let bytes = w.into_inner().unwrap_or_default();
    String::from_utf8(bytes).unwrap_or_default()
}

/// One CSV field as it may leave tandem.
fn field(f: &str) -> std::borrow::Cow<'_, str> {
    // A spreadsheet would run a field that starts with = + - @ as a formula, and some skip a
    // leading TAB or CR before they look. Checked on the data as it is, before the
    // placeholders below.
    if f.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        return std::borrow::Cow::Owned(safe::text(&format!("'{f}")).into_owned());
    }
    // The file is opened in terminals and spreadsheets too: control and bidi characters become
    // visible placeholders; a line break stays (quoted, as RFC 4180 allows).
    safe::text(f)
}

/// A list per owner, to paste into an e-mail.
pub fn markdown(rows: &[ActionSummary], names: &Names, today: NaiveDate, lang: Lang) -> String {
    // Keyed by the id too: two owners whose names (or initials, under --privacy) are the same keep
    // a list each.
    let mut by_owner: BTreeMap<(String, Option<PersonId>), Vec<&ActionSummary>> = BTreeMap::new();
    let nobody = match lang {
        Lang::Nl => "Zonder eigenaar",
        Lang::En => "No owner",
    };
    for r in rows {
        let (name, id) = match names.owner(r.owner) {
            Some(name) => (name, r.owner),
            None => (nobody.to_string(), None),
        };
        by_owner.entry((name, id)).or_default().push(r);
    }
    let mut out = String::new();
    out.push_str(match lang {
        Lang::Nl => "# Acties\n",
        Lang::En => "# Actions\n",
    });
    for ((owner, _), list) in by_owner {
        out.push_str(&format!("\n## {}\n\n", md_escape(&owner)));
        for r in list {
            let check = if r.done.is_some() { "x" } else { " " };
            let due = r
                .deadline
                .map(|d| format_short(d, lang))
                .unwrap_or_else(|| "–".into());
            let late = match (r.is_overdue(today), lang) {
                (true, Lang::Nl) => " **te laat**",
                (true, Lang::En) => " **overdue**",
                _ => "",
            };
            out.push_str(&format!(
                "- [{check}] {due}{late} · {} {} · {} ({}) · {}\n",
                r.side.mark(),
                words::side(r.side).get(lang),
                md_escape(&names.child(&r.child_name)),
                md_escape(&r.groep),
                md_escape(&r.text),
            ));
        }
    }
    out
}

/// Characters that would change a Markdown line's meaning are escaped; control and bidi
/// characters become placeholders ([`safe::line`]), a line break a space.
fn md_escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in safe::line(s).trim().chars() {
        if matches!(
            c,
            '\\' | '*' | '_' | '`' | '[' | ']' | '#' | '<' | '>' | '|'
        ) {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn csv_quotes_what_needs_it_and_defuses_formulas() {
        let row = ActionOut {
            id: 1,
            case: 2,
            child: "A.Ç.".into(),
            groep: "5".into(),
            text: "Bel \"juf\"; daarna\nmail".into(),
            owner: Some("=SUM(A1)".into()),
            owner_id: Some(3),
            side: "zorg",
            deadline: None,
            overdue: false,
            done: None,
        };
        let out = csv(&[row], ';');
        assert!(out.starts_with("id;case;child;groep;text;owner;side;deadline;overdue;done\r\n"));
        assert!(out.contains("\"Bel \"\"juf\"\"; daarna\nmail\";'=SUM(A1);zorg;;false;\r\n"));
    }

    #[test]
    fn csv_guards_a_leading_tab_or_cr_and_shows_controls() {
        let fields = ["\t=1+1", "\r=2+2", "a\u{1b}[31mb\u{202E}", "x\ny"];
        let shown: Vec<String> = fields.iter().map(|f| field(f).into_owned()).collect();
        assert_eq!(shown, ["'␉=1+1", "'␍=2+2", "a␛[31mb⟨U+202E⟩", "x\ny"]);
    }

    #[test]
    fn markdown_fields_show_controls_on_one_line() {
        assert_eq!(md_escape(" a\u{1b}[1m\nb\u{2066} "), "a␛\\[1m b⟨U+2066⟩");
    }
}
