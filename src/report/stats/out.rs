//! The three shapes of `tandem stats`: a table to read, CSV for a spreadsheet, JSON for a
//! program and for `--merge`. Every one is made from the same rows ([`super::rows`]), so they
//! show the same figures.

use super::rows::{rows, Value};
use super::Stats;
use crate::domain::dates::format_numeric;
use crate::domain::monitor::rule::Shown;
use crate::i18n::{monitor as m, Lang};
use serde_json::json;
use std::io::{self, Write};

/// The column the values start in, in the table.
const LABEL_WIDTH: usize = 40;

/// A value for a person to read: `<5`, `–` for what is left out, a decimal comma in Dutch.
pub fn shown(value: Value, lang: Lang) -> String {
    match value {
        Value::Count(Shown::Exact(n)) => n.to_string(),
        Value::Count(Shown::Few) => "<5".into(),
        Value::Median(Some(x)) => decimal(x, lang),
        Value::Share(Some(f)) => format!("{}%", (f * 100.0).round()),
        Value::Median(None) | Value::Share(None) => "–".into(),
    }
}

fn decimal(x: f64, lang: Lang) -> String {
    let s = if x.fract() == 0.0 {
        format!("{x:.0}")
    } else {
        format!("{x:.1}")
    };
    match lang {
        Lang::Nl => s.replace('.', ","),
        Lang::En => s,
    }
}

/// A value for a program: a number, `"<5"`, or null for what is left out. Shares from 0 to 1.
fn machine(value: Value) -> serde_json::Value {
    match value {
        Value::Count(Shown::Exact(n)) => json!(n),
        Value::Count(Shown::Few) => json!("<5"),
        Value::Median(Some(x)) => json!(x),
        Value::Share(Some(f)) => json!((f * 1000.0).round() / 1000.0),
        Value::Median(None) | Value::Share(None) => serde_json::Value::Null,
    }
}

fn machine_text(value: Value) -> String {
    match machine(value) {
        serde_json::Value::String(s) => s,
        serde_json::Value::Null => String::new(),
        other => other.to_string(),
    }
}

/// The line under the title: the period, and which schools.
pub fn scope_line(stats: &Stats, lang: Lang) -> String {
    let schools = if stats.merged > 1 {
        m::merged(stats.merged, lang)
    } else if stats.one_school {
        format!("1 {}", m::SCHOOL.get(lang).to_lowercase())
    } else {
        m::ALL_SCHOOLS.get(lang).to_string()
    };
    let upto = match lang {
        Lang::Nl => "t/m",
        Lang::En => "to",
    };
    format!(
        "{}: {} {upto} {} · {schools}",
        m::PERIOD.get(lang),
        format_numeric(stats.from),
        format_numeric(stats.to)
    )
}

/// The table for a person: a section per measure, a label and a value per line.
pub fn table(stats: &Stats, lang: Lang, w: &mut impl Write) -> io::Result<()> {
    writeln!(w, "{}", m::TITLE.get(lang))?;
    writeln!(w, "{}", scope_line(stats, lang))?;
    let mut section = None;
    for row in rows(stats, lang) {
        if section != Some(row.section) {
            writeln!(w)?;
            writeln!(w, "{}", row.section.get(lang))?;
            section = Some(row.section);
        }
        let pad = LABEL_WIDTH.saturating_sub(row.label.chars().count());
        writeln!(
            w,
            "  {}{} {}",
            row.label,
            " ".repeat(pad),
            shown(row.value, lang)
        )?;
    }
    writeln!(w)?;
    writeln!(w, "{}", m::FOOTNOTE.get(lang))
}

/// CSV (RFC 4180): the measure's key, its label and its value (`<5`, or empty when left out).
pub fn csv(stats: &Stats, lang: Lang, delimiter: u8, w: impl Write) -> io::Result<()> {
    let mut out = ::csv::WriterBuilder::new()
        .delimiter(delimiter)
        .from_writer(w);
    let header = [m::MEASURE.get(lang), m::LABEL.get(lang), m::VALUE.get(lang)];
    out.write_record(header).map_err(io::Error::other)?;
    for row in rows(stats, lang) {
        out.write_record([
            row.key.as_str(),
            row.label.as_str(),
            &machine_text(row.value),
        ])
        .map_err(io::Error::other)?;
    }
    out.flush()
}

/// The JSON: the file's format and version, the scope, what is shown (`measures`, the rule
/// applied) and the exact counts for `--merge` (`counts`).
pub fn json(stats: &Stats, w: &mut impl Write) -> io::Result<()> {
    let mut doc = stats.clone();
    doc.measures = rows(stats, Lang::En)
        .into_iter()
        .map(|r| json!({ "measure": r.key, "value": machine(r.value) }))
        .collect();
    serde_json::to_writer_pretty(&mut *w, &doc).map_err(io::Error::other)?;
    writeln!(w)
}
