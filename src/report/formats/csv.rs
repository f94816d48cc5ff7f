//! Actions to a spreadsheet: CSV (RFC 4180) that a Dutch Excel opens as it was meant.
//!
//! - A UTF-8 byte order mark when the delimiter is `;` (what a Dutch Excel expects) or when asked:
//!   without it Excel reads the file in the old Windows code page and `Zoë` comes out as `ZoÃ«`.
//! - The header row, and the yes/no of "te laat", in the language of `--lang` (Dutch by default).
//! - A text that a spreadsheet would take for a number, a date or a truth value (`1/2`, a phone
//!   number `0612345678`, `3 mei`, `waar`) is written as `="1/2"`: the usual way to make Excel
//!   keep a CSV value as the text it is (a formula whose result is that text). Only such values
//!   are wrapped, and only they can start with `=` (see [`as_text_formula`]).
//! - A text that a spreadsheet would run as a formula (starting with `=`, `+`, `-`, `@`, or a TAB
//!   or CR before one) gets a leading `'` (OWASP, "CSV Injection").
//! - Control and bidi characters become visible placeholders ([`safe::text`]); a line break in a
//!   text stays, quoted.

use crate::domain::dates::Lang;
use crate::domain::ActionSummary;
use crate::i18n::exports;
use crate::report::actions::Names;
use crate::report::safe;
use chrono::NaiveDate;
use std::borrow::Cow;

/// How the CSV is written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CsvOptions {
    /// One ASCII character (the command line checks it; anything else gives `,`).
    pub delimiter: char,
    /// A UTF-8 byte order mark even when the delimiter is not `;` (`--bom`).
    pub bom: bool,
    /// The language of the header row.
    pub lang: Lang,
}

/// The byte order mark that tells Excel the file is UTF-8.
pub const BOM: &str = "\u{FEFF}";

/// The rows with a header, CRLF line ends, fields quoted when they hold the delimiter, a quote
/// or a line break. Children as [`Names::child`] shows them (initials unless `--names`).
pub fn csv(rows: &[ActionSummary], names: &Names, today: NaiveDate, opts: CsvOptions) -> String {
    let mut out = Vec::new();
    // Writing into a Vec can't fail.
    let _ = write_csv(&mut out, rows, names, today, opts);
    String::from_utf8(out).unwrap_or_default()
}

/// As [`csv`], written as it is made, a record at a time.
pub fn write_csv<W: std::io::Write>(
    mut w: W,
    rows: &[ActionSummary],
    names: &Names,
    today: NaiveDate,
    opts: CsvOptions,
) -> std::io::Result<()> {
    if opts.bom || opts.delimiter == ';' {
        w.write_all(BOM.as_bytes())?;
    }
    let mut w = ::csv::WriterBuilder::new()
        .delimiter(u8::try_from(opts.delimiter).unwrap_or(b','))
        .terminator(::csv::Terminator::CRLF)
        .from_writer(w);
    w.write_record(exports::csv_header(opts.lang))?;
    for r in rows {
        let ours = |s: String| safe::text(&s).into_owned();
        w.write_record([
            ours(r.id.to_string()),
            ours(r.case.to_string()),
            text_field(&names.child(&r.child_name)),
            text_field(&r.groep),
            text_field(&r.text),
            text_field(&names.owner(r.owner).unwrap_or_default()),
            ours(r.side.key().to_string()),
            ours(r.deadline.map(|d| d.to_string()).unwrap_or_default()),
            ours(exports::yes_no(r.is_overdue(today), opts.lang).to_string()),
            ours(
                r.done
                    .map(|d| d.format("%Y-%m-%dT%H:%M:%S").to_string())
                    .unwrap_or_default(),
            ),
            text_field(names.cancelled(r.id).unwrap_or_default()),
        ])?;
    }
    w.flush()
}

/// A field of text typed by people, as it may leave tandem.
pub fn text_field(f: &str) -> String {
    // Checked on the data as it is, before the placeholders: some spreadsheets skip a leading
    // TAB or CR before they look for a formula.
    if f.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        return safe::text(&format!("'{f}")).into_owned();
    }
    match as_text_formula(f) {
        Some(wrapped) => wrapped,
        None => safe::text(f).into_owned(),
    }
}

/// `="…"` around a text that a spreadsheet would turn into a number, date, time, percentage or
/// truth value and so show otherwise than typed; `None` for any other text (a whole number
/// without a leading zero shows as typed, so it stays a number). What may stand between the quotes is limited to
/// digits, month names, `e`/`E` between digits, truth words and the separators below, so no
/// quote, and nothing a formula could run, ever gets inside; Excel takes at most 255 characters
/// in a formula's text. Spaces around the value are dropped.
pub fn as_text_formula(f: &str) -> Option<String> {
    const SEPARATORS: &[char] = &[' ', '/', '-', '.', ',', ':', '%', '€', '$', '(', ')', '+'];
    let t = f.trim();
    if t.is_empty() || t.chars().count() > 255 {
        return None;
    }
    // A whole number without a leading zero stays a number: the spreadsheet shows it as typed.
    let plain_number = t.chars().all(|c| c.is_ascii_digit())
        && (t.len() == 1 || !t.starts_with('0'))
        && t.len() <= 15;
    if plain_number {
        return None;
    }
    let truth = matches!(
        t.to_lowercase().as_str(),
        "waar" | "onwaar" | "true" | "false"
    );
    let tokens: Vec<&str> = t.split(SEPARATORS).filter(|w| !w.is_empty()).collect();
    let numeric = t
        .chars()
        .all(|c| c.is_alphanumeric() || SEPARATORS.contains(&c))
        && t.chars().any(|c| c.is_ascii_digit())
        && tokens.iter().all(|w| is_value_word(w));
    (truth || numeric).then(|| format!("=\"{t}\""))
}

/// A word a spreadsheet reads as part of a number or date: digits, digits with an exponent
/// (`1e5`), a month's name or its abbreviation in Dutch or English, or am/pm.
fn is_value_word(w: &str) -> bool {
    const DATE_WORDS: &[&str] = &[
        "jan",
        "januari",
        "january",
        "feb",
        "februari",
        "february",
        "mrt",
        "maart",
        "mar",
        "march",
        "apr",
        "april",
        "mei",
        "may",
        "jun",
        "juni",
        "june",
        "jul",
        "juli",
        "july",
        "aug",
        "augustus",
        "august",
        "sep",
        "sept",
        "september",
        "okt",
        "oktober",
        "oct",
        "october",
        "nov",
        "november",
        "dec",
        "december",
        "am",
        "pm",
    ];
    if w.chars().all(|c| c.is_ascii_digit()) {
        return true;
    }
    let lower = w.to_lowercase();
    if DATE_WORDS.contains(&lower.as_str()) {
        return true;
    }
    match lower.split_once('e') {
        Some((a, b)) => {
            let digits = |s: &str| !s.is_empty() && s.chars().all(|c| c.is_ascii_digit());
            digits(a) && digits(b)
        }
        None => false,
    }
}

/// The field as it was typed, from a field [`text_field`] wrote: the `="…"` taken off. A `'`
/// in front of a formula stays: it is part of what the spreadsheet shows.
pub fn read_back(field: &str) -> Cow<'_, str> {
    match field.strip_prefix("=\"").and_then(|s| s.strip_suffix('"')) {
        Some(inner) => Cow::Borrowed(inner),
        None => Cow::Borrowed(field),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn values_a_spreadsheet_would_convert_are_kept_as_text() {
        for (typed, written) in [
            ("1/2", "=\"1/2\""),
            ("0612345678", "=\"0612345678\""),
            ("06-12345678", "=\"06-12345678\""),
            ("0591 123456", "=\"0591 123456\""),
            ("3 mei", "=\"3 mei\""),
            ("jan-3", "=\"jan-3\""),
            ("12:30", "=\"12:30\""),
            ("50%", "=\"50%\""),
            ("1,5", "=\"1,5\""),
            ("1e5", "=\"1e5\""),
            ("€ 12,50", "=\"€ 12,50\""),
            ("1234567890123456789", "=\"1234567890123456789\""),
            ("007", "=\"007\""),
            ("WAAR", "=\"WAAR\""),
            ("false", "=\"false\""),
        ] {
            assert_eq!(text_field(typed), written, "{typed}");
            assert_eq!(read_back(&text_field(typed)), typed);
        }
    }

    #[test]
    fn ordinary_text_stays_as_it_is() {
        for s in [
            "Bel juf",
            "groep 1/2",
            "A.B.",
            "5",
            "ja",
            "nee",
            "Mee naar de kledingbank op 3 mei",
            "mei",
            "e5",
            "",
        ] {
            assert_eq!(text_field(s), s, "{s}");
        }
    }

    #[test]
    fn formulas_get_a_quote_and_never_the_wrapper() {
        for s in [
            "=SUM(A1)",
            "+31 6 12345678",
            "-5",
            "@cmd",
            "\t=1+1",
            "\r=2+2",
        ] {
            let f = text_field(s);
            assert!(f.starts_with('\''), "{s}: {f}");
        }
        // Nothing but the wrapper starts with '=', and nothing inside it can end the string.
        for s in ["1\"+HYPERLINK(\"x\")", "1/2\"", "=\"1\"", "1/2 (x\")"] {
            let f = text_field(s);
            assert!(!f.starts_with("=\""), "{s}: {f}");
        }
    }

    #[test]
    fn a_semicolon_file_gets_a_bom_and_dutch_headers() {
        let names = Names::new(&[], false);
        let today = NaiveDate::from_ymd_opt(2026, 11, 23).unwrap_or_default();
        let opts = |delimiter, bom, lang| CsvOptions {
            delimiter,
            bom,
            lang,
        };
        let nl = csv(&[], &names, today, opts(';', false, Lang::Nl));
        assert_eq!(
            nl,
            format!("{BOM}id;casus;kind;groep;actie;eigenaar;kant;deadline;te laat;afgerond;vervallen\r\n")
        );
        let en = csv(&[], &names, today, opts(',', false, Lang::En));
        assert_eq!(
            en,
            "id,case,child,groep,text,owner,side,deadline,overdue,done,cancelled\r\n"
        );
        let bom = csv(&[], &names, today, opts(',', true, Lang::En));
        assert!(bom.starts_with(BOM));
    }

    #[test]
    fn tab_and_cr_are_guarded_and_controls_shown() {
        let fields = ["\t=1+1", "\r=2+2", "a\u{1b}[31mb\u{202E}", "x\ny"];
        let shown: Vec<String> = fields.iter().map(|f| text_field(f)).collect();
        assert_eq!(shown, ["'␉=1+1", "'␍=2+2", "a␛[31mb⟨U+202E⟩", "x\ny"]);
    }
}
