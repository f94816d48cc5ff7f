//! Rewriting the backups in `backups/` without the families on the list. Each is read once,
//! record by record, into a new file through the backup writer; every record written is checked
//! on the way by the import's own rules, so the new file is a backup `restore` takes before it
//! is renamed over the old one. A backup that held none of them is left as it was (its copy is
//! dropped), and so is the one the erasure has just made without them.
//!
//! At 50,000 cases a backup is ~28 MB packed, ~265 MB of JSON: reading it costs seconds, so it
//! is read once, not three times (find, rewrite, check again) as before.

use super::list::ErasedList;
use super::scrub::Scrub;
use crate::domain::{Action, Case, Event, Family, Meeting, Person};
use crate::store::backup::{self, BackupWriter};
use crate::store::export::{read_doc, Checker, Header, Kind, ReadFailed, Records, Wanted};
use crate::store::{files, Invalid, IoFailure, Result, StoreError};
use serde::Serialize;
use std::io::Write;
use std::path::Path;

/// The data key of an encrypted store: its backups are sealed with it.
type Key<'a> = Option<&'a crate::store::crypt::DataKey>;

/// The prefix of a backup being rewritten.
const PART: &str = "herschrijven-";

/// Rewrites every backup that holds a family on `list`, but `fresh` (made without them);
/// returns how many.
///
/// Errors: a backup that can't be read or rewritten (those before it are rewritten already;
/// the erasure stays under way and the next open tries again).
pub(super) fn rewrite_all(dir: &Path, list: &ErasedList, key: Key, fresh: &Path) -> Result<usize> {
    let mut rewritten = 0;
    for b in backup::list(dir)?.iter().filter(|b| b.path != fresh) {
        if rewrite(&b.path, list, key)? {
            rewritten += 1;
        }
    }
    // A backup cut off while it was written may hold the family too.
    if let Ok(entries) = std::fs::read_dir(dir.join(backup::DIR)) {
        for entry in entries.flatten() {
            let name = entry.file_name().to_string_lossy().into_owned();
            if name.ends_with(".part") || name.starts_with(PART) {
                std::fs::remove_file(entry.path()).map_err(StoreError::io)?;
            }
        }
    }
    Ok(rewritten)
}

fn read(path: &Path, wanted: Wanted, sink: &mut dyn Records, key: Key) -> Result<Header> {
    let reader = backup::open_reader(path, key).map_err(|source| Invalid::FileUnreadable {
        path: path.to_path_buf(),
        source,
    })?;
    read_doc(
        std::io::BufReader::with_capacity(1 << 16, reader),
        wanted,
        sink,
    )
    .map_err(|e| match e {
        ReadFailed::Json(source) => Invalid::NotABackup {
            path: path.to_path_buf(),
            source,
        }
        .into(),
        ReadFailed::Refused(e) => e,
    })
}

/// Rewrites one backup when it holds a family on the list; true when it did.
fn rewrite(path: &Path, list: &ErasedList, key: Key) -> Result<bool> {
    // Still `.gz` (the reader goes by the extension), and not named as a backup.
    let mut name = std::ffi::OsString::from(PART);
    name.push(path.file_name().unwrap_or_default());
    let tmp = path.with_file_name(name);
    let written = write_without(path, &tmp, list, key);
    if let Ok(false) = written {
        std::fs::remove_file(&tmp).map_err(StoreError::io)?;
        return Ok(false);
    }
    files::put_in_place(&tmp, path, written.map(|_| ()))?;
    Ok(true)
}

/// Writes the document of `from` into `to`, without the families on `list`, each record
/// checked on its way; true when anything was left out or changed.
fn write_without(from: &Path, to: &Path, list: &ErasedList, key: Key) -> Result<bool> {
    let mut out = backup::create_writer(to, key)?;
    let mut rewriter = Rewriter {
        list,
        scrub: Scrub::default(),
        out: &mut out,
        open: None,
        records: 0,
        begun: false,
        changed: false,
        checker: Checker::default(),
    };
    let header = read(from, Wanted::ALL, &mut rewriter, key)?;
    let (changed, checker, begun) = (rewriter.changed, rewriter.checker, rewriter.begun);
    if !changed {
        return Ok(false);
    }
    checker.finish(&header)?;
    // The reader hands the head over only once the whole document is read, so the new file
    // has it after the lists (a reader takes the fields in any order).
    out.write_all(if begun { b"," } else { b"{" })
        .map_err(StoreError::io)?;
    write_head(&mut out, &header)?;
    out.write_all(b"}\n").map_err(StoreError::io)?;
    backup::finish_writer(out)?;
    Ok(true)
}

fn write_head(out: &mut BackupWriter, h: &Header) -> Result<()> {
    write!(out, "\"format\":").map_err(StoreError::io)?;
    json(out, &h.format)?;
    write!(out, ",\"version\":{},\"scope\":", h.version).map_err(StoreError::io)?;
    json(out, &h.scope)?;
    write!(out, ",\"next_ids\":").map_err(StoreError::io)?;
    json(out, &h.next_ids)
}

fn json<T: Serialize>(out: &mut BackupWriter, value: &T) -> Result<()> {
    serde_json::to_writer(out, value).map_err(|e| match e.is_io() {
        true => StoreError::io(std::io::Error::from(e)),
        false => IoFailure::Json(e).into(),
    })
}

/// Writes each record that stays, in the order read. A backup lists families before their
/// cases, cases before actions, and meetings and events after those (as tandem writes it).
struct Rewriter<'a> {
    list: &'a ErasedList,
    scrub: Scrub,
    out: &'a mut BackupWriter,
    /// The list being written.
    open: Option<Kind>,
    /// Records written in the open list.
    records: usize,
    /// A list was begun: the next one follows a comma.
    begun: bool,
    /// Something was left out or changed: the backup is worth replacing.
    changed: bool,
    /// The import's rules, applied to every record written.
    checker: Checker,
}

impl Rewriter<'_> {
    fn begin(&mut self, kind: Kind) -> Result<()> {
        if self.open == Some(kind) {
            return Ok(());
        }
        let comma = if self.begun { "," } else { "{" };
        self.begun = true;
        write!(self.out, "{comma}\"{}\":[", kind.field()).map_err(StoreError::io)?;
        self.open = Some(kind);
        self.records = 0;
        Ok(())
    }

    fn put<T: Serialize>(&mut self, kind: Kind, record: &T) -> Result<()> {
        self.begin(kind)?;
        if self.records > 0 {
            self.out.write_all(b",").map_err(StoreError::io)?;
        }
        self.records += 1;
        json(self.out, record)
    }
}

impl Records for Rewriter<'_> {
    fn person(&mut self, p: Person) -> Result<()> {
        self.put(Kind::Person, &p)?;
        self.checker.person(p)
    }
    fn family(&mut self, f: Family) -> Result<()> {
        if self.list.names(&f) {
            self.scrub.family(&f);
            self.changed = true;
            return self.begin(Kind::Family);
        }
        self.put(Kind::Family, &f)?;
        self.checker.family(f)
    }
    fn case(&mut self, c: Case) -> Result<()> {
        if self.scrub.families.contains(&c.family) {
            self.scrub.cases.insert(c.id);
            return self.begin(Kind::Case);
        }
        self.put(Kind::Case, &c)?;
        self.checker.case(c)
    }
    fn action(&mut self, a: Action) -> Result<()> {
        if self.scrub.cases.contains(&a.case) {
            self.scrub.actions.insert(a.id);
            return self.begin(Kind::Action);
        }
        self.put(Kind::Action, &a)?;
        self.checker.action(a)
    }
    fn meeting(&mut self, mut m: Meeting) -> Result<()> {
        self.changed |= self.scrub.meeting(&mut m);
        self.put(Kind::Meeting, &m)?;
        self.checker.meeting(m)
    }
    fn event(&mut self, e: Event) -> Result<()> {
        if self.scrub.drops_event(&e) {
            self.changed = true;
            return self.begin(Kind::Event);
        }
        let e = match self.scrub.event(&e) {
            Some(scrubbed) => {
                self.changed = true;
                scrubbed
            }
            None => e,
        };
        self.put(Kind::Event, &e)?;
        self.checker.event(e)
    }
    fn list_done(&mut self, kind: Kind) {
        // An empty list is begun here; a write error shows again at the next write or finish.
        if self.begin(kind).is_ok() {
            let _ = self.out.write_all(b"]");
        }
        self.open = None;
        self.checker.list_done(kind);
    }
}
