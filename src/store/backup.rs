//! Daily backups: the lossless export, gzip-compressed (written and read one record at a time), in `backups/` in the data dir.
//!
//! A backup is made before the first change of each day, after a bulk load, and on request
//! (`tandem backup`). Its name carries the day and the journal seq it covers:
//! `tandem-2026-11-29-181003-s000000000042.json.gz`. Once it is on disk, the journal starts
//! over on that seq: the backup plus the journal hold every confirmed change. The newest
//! [`DEFAULT_KEEP`] are kept (`backups_keep` in config.toml). `gunzip` gives a file that
//! `tandem import` reads.

use super::crypt::{stream::SealedWriter, DataKey};
use super::export::{check_file_keyed, Checked, FileError};
use super::{files, journal, Invalid, Result, Store, StoreError};
use chrono::NaiveDate;
use flate2::write::GzEncoder;
use flate2::Compression;
use std::io::{BufWriter, Write};
use std::path::{Path, PathBuf};

/// The folder in the data dir.
pub const DIR: &str = "backups";
/// Daily backups kept when the config does not say.
pub const DEFAULT_KEEP: usize = 14;

/// One backup file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BackupInfo {
    pub path: PathBuf,
    /// The day it was made for (the day of the change it came before).
    pub day: NaiveDate,
    /// The journal seq it covers: every commit up to and including this one.
    pub seq: u64,
    /// Bytes on disk.
    pub size: u64,
}

fn name_of(day: NaiveDate, seq: u64) -> String {
    let time = chrono::Local::now().format("%H%M%S");
    format!(
        "tandem-{}-{time}-s{seq:012}.json.gz",
        day.format("%Y-%m-%d")
    )
}

fn parse_name(name: &str) -> Option<(NaiveDate, u64)> {
    let rest = name.strip_prefix("tandem-")?.strip_suffix(".json.gz")?;
    let day = NaiveDate::parse_from_str(rest.get(..10)?, "%Y-%m-%d").ok()?;
    let seq = rest.rsplit_once("-s")?.1.parse().ok()?;
    Some((day, seq))
}

/// Every backup in the data dir, oldest first (by seq, then name).
pub fn list(dir: &Path) -> Result<Vec<BackupInfo>> {
    let mut out = Vec::new();
    let entries = match std::fs::read_dir(dir.join(DIR)) {
        Ok(e) => e,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(out),
        Err(e) => return Err(StoreError::io(e)),
    };
    for entry in entries {
        let entry = entry.map_err(StoreError::io)?;
        let name = entry.file_name().to_string_lossy().into_owned();
        if let Some((day, seq)) = parse_name(&name) {
            let size = entry.metadata().map_err(StoreError::io)?.len();
            out.push(BackupInfo {
                path: entry.path(),
                day,
                seq,
                size,
            });
        }
    }
    out.sort_by(|a, b| (a.seq, &a.path).cmp(&(b.seq, &b.path)));
    Ok(out)
}

/// Reads a backup file (or a plain export, `.json`) and checks it whole, without holding it;
/// [`Store::import_file`] then writes what was checked.
///
/// Errors: [`Invalid::FileUnreadable`], [`Invalid::NotABackup`], and whatever
/// [`validate`](super::export::validate) refuses.
pub fn check(path: &Path) -> Result<Checked> {
    check_keyed(path, None)
}

/// As [`check`], for a backup of an encrypted store, sealed with its data `key` (issue 12).
///
/// Errors: as [`check`]; a sealed backup without its key is [`Invalid::NotABackup`].
pub fn check_keyed(path: &Path, key: Option<&DataKey>) -> Result<Checked> {
    check_file_keyed(path, key).map_err(|e| match e {
        FileError::Open(source) => Invalid::FileUnreadable {
            path: path.to_path_buf(),
            source,
        }
        .into(),
        FileError::NotAnExport(source) => Invalid::NotABackup {
            path: path.to_path_buf(),
            source,
        }
        .into(),
        FileError::Refused(e) => e,
    })
}

/// The seq a backup file covers, from its name (0 for a file not named as a backup).
pub fn seq_of(path: &Path) -> u64 {
    path.file_name()
        .and_then(|n| parse_name(&n.to_string_lossy()))
        .map_or(0, |(_, seq)| seq)
}

impl Store {
    /// Makes a backup now, then starts the journal over on it. Returns the new backup.
    ///
    /// Errors: [`StoreError::DiskFull`] and other I/O errors; a half-written backup is never
    /// left under a backup's name.
    pub fn backup_now(&mut self, day: NaiveDate) -> Result<BackupInfo> {
        if let Some(why) = self.why_read_only() {
            return Err(why);
        }
        self.ensure_journal()?;
        self.flush_synced()?;
        let folder = self.dir.join(DIR);
        files::create_private_dir(&folder)?;
        let covered = self.seq;
        let name = name_of(day, covered);
        let path = folder.join(&name);
        let tmp = folder.join(format!("{name}.part"));
        let written = self.write_gz(&tmp);
        if let Err(e) = written {
            let _ = std::fs::remove_file(&tmp);
            return Err(e);
        }
        std::fs::rename(&tmp, &path).map_err(StoreError::io)?;
        files::sync_dir(&folder)?;
        match self.journal.as_mut() {
            Some(j) => j.restart(&self.dir, covered)?,
            None => {
                journal::reset(&self.dir, covered)?;
                self.journal = Some(journal::Journal::open(&self.dir, None, covered)?);
            }
        }
        self.unjournaled = false;
        super::guard(|| self.tree(super::T::Meta).remove(super::upgrade::BACKUP_DUE))??;
        // One journaled change right after the backup puts the newest change number at the end
        // of sled's log: if sled later cuts its log off anywhere before it (bulk-loaded records
        // included), the number at open is behind the journal's, and the loss is noticed.
        self.write_journaled(Vec::new())?;
        self.prune_backups()?;
        let size = std::fs::metadata(&path).map_err(StoreError::io)?.len();
        Ok(BackupInfo {
            path,
            day,
            seq: covered,
            size,
        })
    }

    /// Makes today's backup if there is none yet, or if bulk writes are not in any backup.
    pub(super) fn backup_if_due(&mut self, today: NaiveDate) -> Result<()> {
        if self.unjournaled {
            self.backup_now(today)?;
            return Ok(());
        }
        let newest = list(&self.dir)?.pop();
        let due = match &newest {
            Some(b) => b.day != today,
            // An empty store needs none: the journal replays onto an empty store.
            None => !self.is_empty(),
        };
        if due {
            self.backup_now(today)?;
        }
        Ok(())
    }

    /// Removes the oldest backups beyond `backups_keep` (never the newest one).
    fn prune_backups(&self) -> Result<()> {
        let all = list(&self.dir)?;
        let keep = self.backups_keep.max(1);
        if all.len() > keep {
            for old in &all[..all.len() - keep] {
                std::fs::remove_file(&old.path).map_err(StoreError::io)?;
            }
        }
        Ok(())
    }
}

impl Store {
    /// Writes the export document, compact and gzip-compressed, to `path`, one record at a
    /// time, and syncs the file. An encrypted store seals the compressed stream under its key
    /// (issue 12): no byte of the backup is readable without the passphrase.
    fn write_gz(&self, path: &Path) -> Result<()> {
        let mut out = create_writer(path, self.key.as_ref())?;
        self.write_export(&mut out, false)?
            .and_then(|_| out.write_all(b"\n"))
            .map_err(StoreError::io)?;
        finish_writer(out)
    }
}

/// Where a backup's bytes go: the file, sealed with the data key in an encrypted store.
pub(super) enum Sink {
    Plain(BufWriter<std::fs::File>),
    Sealed(SealedWriter<BufWriter<std::fs::File>>),
}

impl Write for Sink {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        match self {
            Sink::Plain(w) => w.write(buf),
            Sink::Sealed(w) => w.write(buf),
        }
    }

    fn flush(&mut self) -> std::io::Result<()> {
        match self {
            Sink::Plain(w) => w.flush(),
            Sink::Sealed(w) => w.flush(),
        }
    }
}

impl Sink {
    /// Ends the seal, if any; the file, to sync.
    fn finish(self) -> std::io::Result<std::fs::File> {
        let buffered = match self {
            Sink::Plain(w) => w,
            Sink::Sealed(w) => w.finish()?,
        };
        buffered.into_inner().map_err(|e| e.into_error())
    }
}

/// What a backup is written through: JSON goes in, the file's bytes come out.
pub(super) type BackupWriter = BufWriter<GzEncoder<Sink>>;

/// Creates a backup file at `path` (readable by the user alone, sealed with `key` when there is
/// one) to write a document into; [`finish_writer`] completes it. The one place a backup's
/// bytes are made.
///
/// Errors: the file can't be created; [`super::crypt::CryptError::NoRandom`].
pub(super) fn create_writer(path: &Path, key: Option<&DataKey>) -> Result<BackupWriter> {
    let file = std::fs::File::create(path).map_err(StoreError::io)?;
    files::private_file(&file);
    let sink = match key {
        None => Sink::Plain(BufWriter::new(file)),
        Some(key) => Sink::Sealed(SealedWriter::new(BufWriter::new(file), key)?),
    };
    let gz = GzEncoder::new(sink, Compression::fast());
    // serde_json writes a few bytes at a time; the compressor wants large pieces (without
    // this buffer a 50,000-case backup took 100 s instead of a few).
    Ok(BufWriter::with_capacity(1 << 18, gz))
}

/// Ends what [`create_writer`] began and syncs the file.
///
/// Errors: what writing or syncing reports.
pub(super) fn finish_writer(out: BackupWriter) -> Result<()> {
    let gz = out
        .into_inner()
        .map_err(|e| StoreError::io(e.into_error()))?;
    let file = gz.finish().and_then(Sink::finish).map_err(StoreError::io)?;
    file.sync_all().map_err(StoreError::io)
}

/// Opens a backup file to read its document (a plain export for a name not ending in `.gz`),
/// unsealed with `key` when it is sealed. The one place a backup's bytes are read, besides the
/// import's own fingerprinting reader.
///
/// Errors: the file can't be opened; a sealed one without its key, or that fails its seal.
pub(super) fn open_reader(
    path: &Path,
    key: Option<&DataKey>,
) -> std::io::Result<Box<dyn std::io::Read + Send>> {
    let file = std::io::BufReader::with_capacity(1 << 16, std::fs::File::open(path)?);
    let raw: Box<dyn std::io::Read + Send> = if super::crypt::stream::is_sealed(path) {
        let key = key.ok_or_else(|| std::io::Error::other("sealed without its key"))?;
        Box::new(super::crypt::stream::SealedReader::new(file, key)?)
    } else {
        Box::new(file)
    };
    if path.extension().is_some_and(|e| e == "gz") {
        Ok(Box::new(flate2::read::GzDecoder::new(raw)))
    } else {
        Ok(raw)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_round_trip() {
        let day = NaiveDate::from_ymd_opt(2026, 11, 29).unwrap_or_default();
        let name = name_of(day, 42);
        assert_eq!(parse_name(&name), Some((day, 42)));
        assert_eq!(parse_name("tandem-2026-11-29.json"), None);
        assert_eq!(parse_name("notes.txt"), None);
    }
}
