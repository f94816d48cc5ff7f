//! `tandem stats`: the monitor's measures leave tandem anonymously (issue 14): counts and
//! durations only, never a name, an id or a free text, with the small-count rule
//! ([`crate::domain::monitor::rule`]) applied to everything shown.
//!
//! The JSON carries, beside what is shown, the exact counts ([`Tally`]: histograms in one-day
//! buckets, counts per month) that `--merge` adds up before the rule is applied again, because
//! medians can't be merged from medians. Its `format` and `version` say what it is; a reader
//! refuses a newer version instead of guessing.

mod out;
mod rows;

pub use out::{csv, json, table};
pub use rows::{in_bin, rows, Row, Value, DAY_BINS, FACES_OR_MORE};

use crate::domain::monitor::{Period, Tally};
use crate::i18n::{monitor as m, Lang};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// What the JSON says it is.
pub const FORMAT: &str = "tandem-stats";
/// The version of the JSON this build writes and the newest it reads. 1: issue 14.
pub const VERSION: u32 = 1;

/// The stats of one school, all schools, or several files merged: what every format is made
/// from, and the JSON as it is written and read.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Stats {
    pub format: String,
    pub version: u32,
    pub from: NaiveDate,
    pub to: NaiveDate,
    /// The day open and overdue actions were judged on (the latest of the files merged).
    pub today: NaiveDate,
    /// Whether one school was chosen (`--school`) rather than all.
    pub one_school: bool,
    /// How many files were merged into this (1: none).
    pub merged: usize,
    /// What is shown, the small-count rule applied; written for the reader, ignored on read.
    #[serde(default)]
    pub measures: serde_json::Value,
    /// The exact counts, for `--merge` only.
    pub counts: Tally,
}

impl Stats {
    /// The stats of one scope's counts.
    pub fn new(period: Period, today: NaiveDate, one_school: bool, counts: Tally) -> Stats {
        Stats {
            format: FORMAT.into(),
            version: VERSION,
            from: period.from,
            to: period.to,
            today,
            one_school,
            merged: 1,
            measures: serde_json::Value::Null,
            counts,
        }
    }
}

/// Why files could not be merged, already in words for the user.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MergeError(pub String);

/// Reads one file's stats. Errors: not stats JSON, or a newer version.
pub fn parse(name: &str, text: &str, lang: Lang) -> Result<Stats, MergeError> {
    let head: serde_json::Value =
        serde_json::from_str(text).map_err(|_| MergeError(m::not_stats(name, lang)))?;
    if head.get("format").and_then(|f| f.as_str()) != Some(FORMAT) {
        return Err(MergeError(m::not_stats(name, lang)));
    }
    match head.get("version").and_then(|v| v.as_u64()) {
        Some(v) if v > u64::from(VERSION) => return Err(MergeError(m::newer_format(name, lang))),
        Some(_) => {}
        None => return Err(MergeError(m::not_stats(name, lang))),
    }
    serde_json::from_value(head).map_err(|_| MergeError(m::not_stats(name, lang)))
}

/// Adds up several files' stats of the same period (named, for the messages). Errors: no
/// files, or one of another period.
pub fn merge(files: Vec<(String, Stats)>, lang: Lang) -> Result<Stats, MergeError> {
    let mut files = files.into_iter();
    let Some((_, mut total)) = files.next() else {
        return Err(MergeError(m::not_stats("--merge", lang)));
    };
    for (name, stats) in files {
        if (stats.from, stats.to) != (total.from, total.to) {
            return Err(MergeError(m::other_period(&name, lang)));
        }
        total.counts.merge(&stats.counts);
        total.today = total.today.max(stats.today);
        total.merged += stats.merged;
        total.one_school = false;
    }
    total.measures = serde_json::Value::Null;
    Ok(total)
}
