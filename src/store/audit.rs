//! The log of what left tandem (issue 12 part 4): exports, the overview for parents, minutes,
//! action lists, backups, restores and erasures, each with when, by whom and for whom. One JSON
//! line per event in `uitgifte.jsonl` in the data dir, appended and synced; it holds ids and the
//! names of professionals, never a family's name, so an erasure leaves it as it is.
//!
//! The changes themselves are on the timeline (`Event`: when, who, what), which `tandem audit`
//! prints beside this log.

use super::{files, IoFailure, Result, StoreError};
use chrono::NaiveDateTime;
use serde::{Deserialize, Serialize};
use std::io::{BufRead, Write};
use std::path::Path;

/// The file in the data dir.
pub const FILE: &str = "uitgifte.jsonl";

/// What left tandem.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Outgoing {
    /// The whole store as JSON.
    Export,
    /// One family's export (JSON).
    FamilyExport,
    /// The overview for parents (`--format md`).
    Inzage,
    /// A meeting's minutes.
    Minutes,
    /// The agenda.
    Agenda,
    /// An action list.
    Actions,
    Backup,
    Restore,
    /// A family erased.
    Forget,
}

/// One line of the log.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Entry {
    pub at: NaiveDateTime,
    pub what: Outgoing,
    /// The "me" of this laptop (a person id), if chosen.
    pub me: Option<u64>,
    /// Empty since issue 12's "me": lines written before it hold the login name.
    pub user: String,
    /// The family it is about, if one.
    pub family: Option<u64>,
    /// For whom (a professional's name or id as given), if said.
    pub to: Option<String>,
    /// The format, file or meeting, in a word or two.
    pub detail: String,
}

/// Appends `entry` and syncs it.
///
/// Errors: what writing reports.
pub fn record(dir: &Path, entry: &Entry) -> Result<()> {
    let mut line = serde_json::to_vec(entry).map_err(IoFailure::Json)?;
    line.push(b'\n');
    let mut file = std::fs::OpenOptions::new()
        .create(true)
        .append(true)
        .open(dir.join(FILE))
        .map_err(StoreError::io)?;
    files::private_file(&file);
    file.write_all(&line)
        .and_then(|_| file.sync_data())
        .map_err(StoreError::io)
}

/// Every entry, oldest first; a line that does not read (cut off by a crash) is skipped.
///
/// Errors: the file can't be read (a missing one is an empty log).
pub fn read(dir: &Path) -> Result<Vec<Entry>> {
    let file = match std::fs::File::open(dir.join(FILE)) {
        Ok(f) => f,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Vec::new()),
        Err(e) => return Err(StoreError::io(e)),
    };
    let mut out = Vec::new();
    for line in std::io::BufReader::new(file).lines() {
        let line = line.map_err(StoreError::io)?;
        if let Ok(e) = serde_json::from_str(&line) {
            out.push(e);
        }
    }
    Ok(out)
}
