//! Importing a document: the file is checked whole first ([`check_file`], nothing written),
//! then read again and written record by record ([`Store::import_file`]). Neither reading holds
//! the document; the second one must see the very bytes the first one checked.
//!
//! `tandem import` ([`Store::import_file_by`]) keeps the file's timeline as it is, leaves out
//! the families erased from this data dir, and adds its own event.
//!
//! While it writes, the store carries a mark, so an import cut off half way is reported at the
//! next open ([`Store::import_interrupted`]), never taken for complete.

use super::read::{read_doc_piped, ReadFailed, Wanted};
use super::validate::{validate, Checker, Counts};
use super::{ExportDoc, Header, Kind, NextIds, Records};
use crate::domain::{Action, Case, Event, EventKind, Family, Meeting, Person};
use crate::store::change::Change;
use crate::store::crypt::{stream, DataKey};
use crate::store::erase::scrub::Scrub;
use crate::store::erase::ErasedList;
use crate::store::{Counters, Invalid, Result, Store, StoreError, T};
use chrono::NaiveDateTime;
use erased::erased_in;
use std::io::{BufReader, Read};
use std::path::{Path, PathBuf};

/// Records per transaction when importing. sled's transactions got slower per record as they
/// grew: importing 10,000 cases took 10.6–10.8 s in chunks of 100 or 300 records, 11.4 s in
/// chunks of 1,000 and 14.1 s in chunks of 3,000 (probe, busy machine).
const IMPORT_CHUNK: usize = 300;

mod erased;

/// A file [`check_file`] found good: what it holds, and the fingerprint of its bytes.
#[derive(Debug, Clone)]
pub struct Checked {
    pub path: PathBuf,
    pub header: Header,
    pub counts: Counts,
    print: Print,
    /// The key a sealed backup was read with (issue 12), to read it again for the import.
    key: Option<DataKey>,
}

/// Why a file can't be imported.
#[derive(Debug)]
pub enum FileError {
    /// It can't be opened.
    Open(std::io::Error),
    /// It is not an export document, or reading it failed half way
    /// ([`serde_json::Error::is_io`]; a broken gzip stream is one).
    NotAnExport(serde_json::Error),
    /// It breaks a rule of [`validate`](super::validate).
    Refused(StoreError),
}

/// Reads the file at `path` (gzip-compressed when its name ends in `.gz`) and checks every rule
/// of [`validate`](super::validate); writes nothing and holds no more than the ids of its
/// records.
///
/// Errors: see [`FileError`].
pub fn check_file(path: &Path) -> std::result::Result<Checked, FileError> {
    check_file_keyed(path, None)
}

/// As [`check_file`], for a file that may be sealed (a backup of an encrypted store) with `key`.
/// A sealed file without its key fails as [`FileError::NotAnExport`].
pub fn check_file_keyed(
    path: &Path,
    key: Option<&DataKey>,
) -> std::result::Result<Checked, FileError> {
    let mut checker = Checker::default();
    let (read, print) = read_file(path, Wanted::ALL, &mut checker, key).map_err(FileError::Open)?;
    let header = match read {
        Ok(header) => header,
        Err(ReadFailed::Json(e)) => return Err(FileError::NotAnExport(e)),
        Err(ReadFailed::Refused(e)) => return Err(FileError::Refused(e)),
    };
    let counts = checker.finish(&header).map_err(FileError::Refused)?;
    Ok(Checked {
        path: path.to_path_buf(),
        header,
        counts,
        print,
        key: key.cloned(),
    })
}

/// Length and CRC-32 of the bytes read.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
struct Print {
    len: u64,
    crc: u32,
}

/// Shared between the reader (on the parsing thread) and whoever asks for the print after.
#[derive(Clone, Default)]
struct Printed(std::sync::Arc<std::sync::Mutex<(u64, crc32fast::Hasher)>>);

impl Printed {
    fn take(&self) -> Print {
        let inner = self
            .0
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        Print {
            len: inner.0,
            crc: inner.1.clone().finalize(),
        }
    }
}

/// A reader that fingerprints what passes through it.
struct Fingerprint<R> {
    inner: R,
    printed: Printed,
}

impl<R: Read> Read for Fingerprint<R> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        let n = self.inner.read(buf)?;
        let mut p = self
            .printed
            .0
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        p.0 += n as u64;
        p.1.update(&buf[..n]);
        Ok(n)
    }
}

/// Reads the document in the file at `path` (through gzip for `.gz`) and hands the `wanted`
/// lists to `sink`; returns what the reading gave and the fingerprint of the bytes read.
/// Each kind of file gets a reader of its own type: the JSON parser reads byte by byte, and
/// that is only quick from a buffer it can see into (not through `dyn Read`).
///
/// Errors: the file can't be opened.
fn read_file(
    path: &Path,
    wanted: Wanted,
    sink: &mut dyn Records,
    key: Option<&DataKey>,
) -> std::io::Result<(std::result::Result<Header, ReadFailed>, Print)> {
    const BUF: usize = 1 << 16;
    let file = std::fs::File::open(path)?;
    let printed = Printed::default();
    let raw = Fingerprint {
        inner: file,
        printed: printed.clone(),
    };
    let sealed = stream::is_sealed(path);
    let read = if sealed {
        let Some(key) = key else {
            let locked = std::io::Error::other("sealed: the store's passphrase is needed");
            return Ok((
                Err(ReadFailed::Json(serde_json::Error::io(locked))),
                printed.take(),
            ));
        };
        let unsealed = stream::SealedReader::new(BufReader::with_capacity(BUF, raw), key)?;
        let inflated = flate2::read::GzDecoder::new(BufReader::with_capacity(BUF, unsealed));
        read_doc_piped(BufReader::with_capacity(BUF, inflated), wanted, sink)
    } else if path.extension().is_some_and(|e| e == "gz") {
        let inflated = flate2::read::GzDecoder::new(BufReader::with_capacity(BUF, raw));
        read_doc_piped(BufReader::with_capacity(BUF, inflated), wanted, sink)
    } else {
        read_doc_piped(BufReader::with_capacity(BUF, raw), wanted, sink)
    };
    Ok((read, printed.take()))
}

/// Reads a checked file again into `sink`; the bytes must be those that were checked.
///
/// Errors: [`Invalid::NotABackup`] for a file that reads differently now; what `sink` refuses.
fn read_again(checked: &Checked, wanted: Wanted, sink: &mut dyn Records) -> Result<()> {
    let path = &checked.path;
    let (read, print) =
        read_file(path, wanted, sink, checked.key.as_ref()).map_err(|e| changed(path, e))?;
    match read {
        Ok(_) => {}
        Err(ReadFailed::Refused(e)) => return Err(e),
        Err(ReadFailed::Json(e)) => return Err(changed(path, e.into())),
    }
    if print != checked.print {
        let why = std::io::Error::other("the file changed while it was imported");
        return Err(changed(path, why));
    }
    Ok(())
}

/// The error for a file that changed between its check and its import.
fn changed(path: &Path, why: std::io::Error) -> StoreError {
    Invalid::NotABackup {
        path: path.to_path_buf(),
        source: serde_json::Error::io(why),
    }
    .into()
}

/// Who imports and from what, for the event the import adds to the timeline.
#[derive(Debug, Clone)]
pub struct ImportBy {
    /// When (the caller's clock).
    pub now: NaiveDateTime,
    /// The file as the user named it.
    pub file: String,
}

impl Store {
    /// Writes a file [`check_file`] checked into the store. Refuses a store that holds records
    /// unless `replace`. The file's records and timeline go in as they are (a restore).
    ///
    /// Errors: [`StoreError::NotEmpty`]; the file read differently than when it was checked
    /// ([`Invalid::NotABackup`]; the store is then marked as cut off); what writing reports.
    pub fn import_file(&mut self, checked: &Checked, replace: bool) -> Result<()> {
        self.begin_import(replace)?;
        let next = self.write_checked(checked, None)?;
        self.end_import(next)
    }

    /// `tandem import`: as [`Store::import_file`], keeping the file's timeline as it is (who,
    /// when, what, also with `replace`), leaving out every family on the list of erased
    /// families (`vergeten.json`) with its cases, actions, timeline and meeting items, and
    /// adding one event of its own: who imported, when, from what file. Returns how many
    /// families were left out.
    ///
    /// Errors: as [`Store::import_file`]; a list of erased families that can't be read.
    pub fn import_file_by(
        &mut self,
        checked: &Checked,
        replace: bool,
        by: &ImportBy,
    ) -> Result<usize> {
        let list = ErasedList::load(&self.dir)?;
        let scrub = match list.families.is_empty() {
            true => None,
            false => Some(erased_in(checked, &list)?),
        };
        let left_out = scrub.as_ref().map_or(0, |s| s.families.len());
        self.begin_import(replace)?;
        let next = self.write_checked(checked, scrub)?;
        self.set_next_ids(next)?;
        let mut change = self.begin();
        let kind = EventKind::ImportedFrom {
            file: by.file.clone(),
            replaced: replace,
            left_out: left_out as u64,
        };
        change.event(by.now, None, None, kind);
        self.commit_unflushed(change)?;
        let next = self.next_ids();
        self.end_import(next)?;
        Ok(left_out)
    }

    /// Reads a checked file into the store (without erased families when `scrub` names
    /// some); returns the id counters it needs.
    fn write_checked(&mut self, checked: &Checked, scrub: Option<Scrub>) -> Result<Counters> {
        let order = &checked.header.order;
        let at = |k: Kind| order.iter().position(|o| *o == k);
        // A row is derived from the records it names: families before their cases, cases
        // before their actions. A file in another order is read once per step.
        let passes = if at(Kind::Family) < at(Kind::Case) && at(Kind::Case) < at(Kind::Action) {
            vec![Wanted::ALL]
        } else {
            vec![
                Wanted::only(&[Kind::Person, Kind::Family, Kind::Meeting, Kind::Event]),
                Wanted::only(&[Kind::Case]),
                Wanted::only(&[Kind::Action]),
            ]
        };
        let mut writer = Writer::new(self);
        writer.scrub = scrub;
        for wanted in passes {
            read_again(checked, wanted, &mut writer)?;
        }
        writer.finish(&checked.header.next_ids)
    }

    /// Writes a validated document held in memory into the store. Refuses a store that holds
    /// records unless `replace`; validation happens before the first byte is written.
    ///
    /// Errors: what [`validate`] refuses; [`StoreError::NotEmpty`]; what writing reports.
    pub fn import(&mut self, doc: &ExportDoc, replace: bool) -> Result<()> {
        validate(doc)?;
        self.begin_import(replace)?;
        let mut writer = Writer::new(self);
        doc.feed(&mut writer)?;
        let next = writer.finish(&doc.next_ids)?;
        self.end_import(next)
    }

    /// Marks the import as running and, for `replace`, empties the store.
    fn begin_import(&mut self, replace: bool) -> Result<()> {
        if !self.is_empty() {
            if !replace {
                return Err(StoreError::NotEmpty);
            }
            self.mark_import(true)?;
            for tree in self.trees.iter().skip(1) {
                tree.clear()?;
            }
        } else {
            self.mark_import(true)?;
        }
        Ok(())
    }

    fn end_import(&mut self, next: Counters) -> Result<()> {
        self.set_next_ids(next)?;
        self.mark_import(false)?;
        self.flush()
    }

    fn mark_import(&self, running: bool) -> Result<()> {
        let meta = self.tree(T::Meta);
        if running {
            meta.insert("import_running", &[1u8])?;
        } else {
            meta.remove("import_running")?;
        }
        self.flush()
    }

    /// True when an import was cut off half way; the store then holds part of a file.
    pub fn import_interrupted(&self) -> Result<bool> {
        Ok(self.tree(T::Meta).contains_key("import_running")?)
    }
}

/// Takes the records of a checked document and commits them in chunks, without the journal
/// (the backup after the import holds them). The timeline goes in as the file has it.
struct Writer<'s> {
    store: &'s mut Store,
    change: Change,
    pending: usize,
    /// The highest id of each kind written.
    max: Counters,
    /// Erased families to leave out (`tandem import`), and their names in the texts that stay.
    scrub: Option<Scrub>,
}

impl<'s> Writer<'s> {
    fn new(store: &'s mut Store) -> Writer<'s> {
        let change = Writer::fresh(store);
        Writer {
            store,
            change,
            pending: 0,
            max: Counters::default(),
            scrub: None,
        }
    }

    fn fresh(store: &Store) -> Change {
        let mut change = store.begin();
        change.keep_trail = true;
        change
    }

    /// True when `f` picks a record of an erased family.
    fn erased(&self, f: impl Fn(&Scrub) -> bool) -> bool {
        self.scrub.as_ref().is_some_and(f)
    }

    fn added(&mut self) -> Result<()> {
        self.pending += 1;
        if self.pending >= IMPORT_CHUNK {
            self.commit()?;
        }
        Ok(())
    }

    fn commit(&mut self) -> Result<()> {
        if self.pending > 0 {
            let change = std::mem::replace(&mut self.change, Writer::fresh(self.store));
            self.store.commit_unflushed(change)?;
            self.pending = 0;
        }
        Ok(())
    }

    /// Commits what is left; returns the id counters: the file's, raised above every id in it.
    fn finish(mut self, file: &NextIds) -> Result<Counters> {
        self.commit()?;
        let raise = |slot: u64, max: u64| slot.max(max.saturating_add(1)).max(1);
        let m = self.max;
        Ok(Counters {
            family: raise(file.family, m.family),
            child: raise(file.child, m.child),
            case: raise(file.case, m.case),
            person: raise(file.person, m.person),
            action: raise(file.action, m.action),
            meeting: raise(file.meeting, m.meeting),
            event: raise(file.event, m.event),
        })
    }
}

impl Records for Writer<'_> {
    fn person(&mut self, p: Person) -> Result<()> {
        self.max.person = self.max.person.max(p.id.0);
        self.change.put_person(p);
        self.added()
    }

    fn family(&mut self, f: Family) -> Result<()> {
        if self.erased(|s| s.families.contains(&f.id)) {
            return Ok(());
        }
        self.max.family = self.max.family.max(f.id.0);
        for c in &f.children {
            self.max.child = self.max.child.max(c.id.0);
        }
        self.change.put_family(f);
        self.added()
    }

    fn case(&mut self, c: Case) -> Result<()> {
        if self.erased(|s| s.cases.contains(&c.id)) {
            return Ok(());
        }
        self.max.case = self.max.case.max(c.id.0);
        self.change.put_case(c);
        self.added()
    }

    fn action(&mut self, a: Action) -> Result<()> {
        if self.erased(|s| s.actions.contains(&a.id)) {
            return Ok(());
        }
        self.max.action = self.max.action.max(a.id.0);
        self.change.put_action(a);
        self.added()
    }

    fn meeting(&mut self, mut m: Meeting) -> Result<()> {
        if let Some(s) = &self.scrub {
            s.meeting(&mut m);
        }
        self.max.meeting = self.max.meeting.max(m.id.0);
        self.change.put_meeting(m);
        self.added()
    }

    fn event(&mut self, e: Event) -> Result<()> {
        if self.erased(|s| s.drops_event(&e)) {
            return Ok(());
        }
        let e = match &self.scrub {
            Some(s) => s.event(&e).unwrap_or(e),
            None => e,
        };
        self.max.event = self.max.event.max(e.id.0);
        self.change.events.push(e);
        self.added()
    }
}
