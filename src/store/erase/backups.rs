//! Rewriting the backups in `backups/` without the families on the list. Each is read twice
//! through the backup reader: once to see whether it holds one (most don't: the newest was made
//! without it), then record by record into a new file through the backup writer, which is
//! checked whole like any backup before it is renamed over the old one.

use super::list::ErasedList;
use super::scrub::Scrub;
use crate::domain::{Action, Case, Event, Family, Meeting, Person};
use crate::store::backup::{self, BackupWriter};
use crate::store::export::{read_doc, Header, Kind, ReadFailed, Records, Wanted};
use crate::store::{files, Invalid, IoFailure, Result, StoreError};
use serde::Serialize;
use std::io::Write;
use std::path::Path;

/// The data key of an encrypted store: its backups are sealed with it.
type Key<'a> = Option<&'a crate::store::crypt::DataKey>;

/// The prefix of a backup being rewritten.
const PART: &str = "herschrijven-";

/// Rewrites every backup that holds a family on `list`; returns how many.
///
/// Errors: a backup that can't be read or rewritten (those before it are rewritten already;
/// the erasure stays under way and the next open tries again).
pub(super) fn rewrite_all(dir: &Path, list: &ErasedList, key: Key) -> Result<usize> {
    let mut rewritten = 0;
    for b in backup::list(dir)? {
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
    let mut finder = Finder { list, found: false };
    let header = read(path, Wanted::only(&[Kind::Family]), &mut finder, key)?;
    if !finder.found {
        return Ok(false);
    }
    // Still `.gz` (the reader goes by the extension), and not named as a backup.
    let mut name = std::ffi::OsString::from(PART);
    name.push(path.file_name().unwrap_or_default());
    let tmp = path.with_file_name(name);
    let written = write_without(path, &tmp, (&header, list), key)
        .and_then(|_| backup::check_keyed(&tmp, key));
    files::put_in_place(&tmp, path, written.map(|_| ()))?;
    Ok(true)
}

/// Writes the document of `from` into `to`, without the families on `list`.
fn write_without(
    from: &Path,
    to: &Path,
    (header, list): (&Header, &ErasedList),
    key: Key,
) -> Result<()> {
    let mut out = backup::create_writer(to, key)?;
    write_head(&mut out, header)?;
    let mut rewriter = Rewriter {
        list,
        scrub: Scrub::default(),
        out: &mut out,
        open: None,
        records: 0,
    };
    read(from, Wanted::ALL, &mut rewriter, key)?;
    out.write_all(b"}\n").map_err(StoreError::io)?;
    backup::finish_writer(out)
}

fn write_head(out: &mut BackupWriter, h: &Header) -> Result<()> {
    write!(out, "{{\"format\":").map_err(StoreError::io)?;
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

/// Looks for a family on the list.
struct Finder<'l> {
    list: &'l ErasedList,
    found: bool,
}

impl Records for Finder<'_> {
    fn person(&mut self, _: Person) -> Result<()> {
        Ok(())
    }
    fn family(&mut self, f: Family) -> Result<()> {
        self.found |= self.list.names(&f);
        Ok(())
    }
    fn case(&mut self, _: Case) -> Result<()> {
        Ok(())
    }
    fn action(&mut self, _: Action) -> Result<()> {
        Ok(())
    }
    fn meeting(&mut self, _: Meeting) -> Result<()> {
        Ok(())
    }
    fn event(&mut self, _: Event) -> Result<()> {
        Ok(())
    }
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
}

impl Rewriter<'_> {
    fn begin(&mut self, kind: Kind) -> Result<()> {
        if self.open == Some(kind) {
            return Ok(());
        }
        write!(self.out, ",\"{}\":[", kind.field()).map_err(StoreError::io)?;
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
        self.put(Kind::Person, &p)
    }
    fn family(&mut self, f: Family) -> Result<()> {
        if self.list.names(&f) {
            self.scrub.family(&f);
            return self.begin(Kind::Family);
        }
        self.put(Kind::Family, &f)
    }
    fn case(&mut self, c: Case) -> Result<()> {
        if self.scrub.families.contains(&c.family) {
            self.scrub.cases.insert(c.id);
            return self.begin(Kind::Case);
        }
        self.put(Kind::Case, &c)
    }
    fn action(&mut self, a: Action) -> Result<()> {
        if self.scrub.cases.contains(&a.case) {
            self.scrub.actions.insert(a.id);
            return self.begin(Kind::Action);
        }
        self.put(Kind::Action, &a)
    }
    fn meeting(&mut self, mut m: Meeting) -> Result<()> {
        self.scrub.meeting(&mut m);
        self.put(Kind::Meeting, &m)
    }
    fn event(&mut self, e: Event) -> Result<()> {
        if self.scrub.drops_event(&e) {
            return self.begin(Kind::Event);
        }
        match self.scrub.event(&e) {
            Some(scrubbed) => self.put(Kind::Event, &scrubbed),
            None => self.put(Kind::Event, &e),
        }
    }
    fn list_done(&mut self, kind: Kind) {
        // An empty list is begun here; a write error shows again at the next write or finish.
        if self.begin(kind).is_ok() {
            let _ = self.out.write_all(b"]");
        }
        self.open = None;
    }
}
