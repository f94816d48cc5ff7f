//! The journal: a second durable record of every confirmed change, outside sled.
//!
//! sled 0.34.7 cuts its log off at the first bad checksum when it opens a store, and with no
//! snapshot that leaves an empty store without a word. So every journaled commit is first
//! appended here and synced (write-ahead), then applied to sled. The journal sits on top of the
//! newest backup: replaying its entries onto that backup gives back every confirmed change.
//!
//! File `journal` in the data dir:
//!
//! | part   | bytes                                                                  |
//! |--------|------------------------------------------------------------------------|
//! | header | `TJNL` · version (u8 = 1) · base seq (u64 LE) · crc32 of the 13 before |
//! | entry  | payload length (u32 LE) · crc32 of seq and payload · seq (u64 LE) · payload |
//!
//! The payload is the commit's writes as they went to sled (tree, key, value or removal), in an
//! envelope of [`codec`]. Writes are whole values, so replaying an entry twice, or
//! onto a state that already holds it, gives the same result.
//!
//! A torn last entry (a crash in the middle of an append) was never confirmed: it is ignored
//! when read and cut off before the next append.

use super::{codec, files, Result, StoreError, T};
use serde::{Deserialize, Serialize};
use std::fs::{File, OpenOptions};
use std::io::{Seek, SeekFrom, Write};
use std::path::{Path, PathBuf};

mod read;
pub use read::{read, read_file};

const MAGIC: &[u8; 4] = b"TJNL";
const VERSION: u8 = 1;
const HEADER_LEN: u64 = 4 + 1 + 8 + 4;
const ENTRY_HEAD: usize = 4 + 4 + 8;
/// No single commit comes near this; a larger length is a damaged length field.
const MAX_ENTRY: usize = 256 * 1024 * 1024;

/// The file name of the journal in the data dir.
pub const FILE: &str = "journal";

/// One write of a commit, as the journal keeps it: the tree's number, the key, and the new
/// value (`None`: removed).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Write1 {
    pub tree: u8,
    pub key: Vec<u8>,
    pub value: Option<Vec<u8>>,
}

/// One confirmed commit.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry {
    pub seq: u64,
    pub writes: Vec<Write1>,
}

/// What reading the journal found.
#[derive(Debug, Clone, Default)]
pub struct Contents {
    /// The seq of the backup this journal sits on (0: the empty store).
    pub base: u64,
    pub entries: Vec<Entry>,
    /// Byte length of the valid part (header and whole entries).
    pub valid_len: u64,
    /// Bytes after the valid part that are not a whole, checked entry.
    pub trailing: u64,
    /// True when a bad entry was followed by more bytes than one entry could explain: damage in
    /// the middle of the journal, not a torn append.
    pub damaged: bool,
    /// The highest seq of a whole, checked entry found *after* the damage: those changes were
    /// confirmed too, even though they can't be replayed. 0 when there is no damage.
    pub confirmed_beyond: u64,
}

impl Contents {
    /// The seq of the last entry that can be replayed (the base when there are none).
    pub fn last_seq(&self) -> u64 {
        self.entries.last().map_or(self.base, |e| e.seq)
    }

    /// The seq of the last change known to be confirmed: past a damaged spot too.
    pub fn confirmed(&self) -> u64 {
        self.last_seq().max(self.confirmed_beyond)
    }
}

/// What open found of the journal; the journal is opened for appending only at the first save,
/// so a command that only reads never writes to it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Found {
    /// Whole, and on a backup that exists (or on the empty store, base 0).
    Usable {
        base: u64,
        last: u64,
        valid_len: u64,
    },
    /// No journal file.
    Missing,
    /// A journal that can't bring back what sled holds: its base backup is gone, or it ends
    /// before sled's last change (cut short).
    Unbacked,
    /// Damaged in the middle (kept as evidence at the first save).
    Damaged,
}

/// The open journal of a writable store.
pub struct Journal {
    file: File,
    path: PathBuf,
    len: u64,
    pub base: u64,
    pub last: u64,
}

pub fn path(dir: &Path) -> PathBuf {
    dir.join(FILE)
}

fn header(base: u64) -> Vec<u8> {
    let mut h = Vec::with_capacity(HEADER_LEN as usize);
    h.extend_from_slice(MAGIC);
    h.push(VERSION);
    h.extend_from_slice(&base.to_le_bytes());
    let crc = crc32fast::hash(&h);
    h.extend_from_slice(&crc.to_le_bytes());
    h
}

/// Writes a new, empty journal on `base` beside the old one and renames it over, so a crash
/// leaves either the old journal or the new one. Used once a backup covers every entry.
pub fn reset(dir: &Path, base: u64) -> Result<()> {
    let tmp = dir.join("journal.part");
    files::write_synced(&tmp, &header(base))?;
    std::fs::rename(&tmp, path(dir)).map_err(StoreError::io)?;
    files::sync_dir(dir)
}

impl Journal {
    /// Opens the journal for appending, cutting off a torn last entry. A missing journal is
    /// created on `base_if_new`.
    pub fn open(dir: &Path, found: Option<&Contents>, base_if_new: u64) -> Result<Journal> {
        match found {
            Some(c) => Journal::open_at(dir, c.base, c.last_seq(), c.valid_len),
            None => {
                reset(dir, base_if_new)?;
                Journal::open_at(dir, base_if_new, base_if_new, HEADER_LEN)
            }
        }
    }

    /// Opens the journal for appending at `len` bytes (a torn tail beyond is cut off).
    pub fn open_at(dir: &Path, base: u64, last: u64, len: u64) -> Result<Journal> {
        let file = OpenOptions::new()
            .read(true)
            .write(true)
            .open(path(dir))
            .map_err(StoreError::io)?;
        files::private_file(&file);
        let actual = file.metadata().map_err(StoreError::io)?.len();
        if actual > len {
            file.set_len(len).map_err(StoreError::io)?;
            file.sync_all().map_err(StoreError::io)?;
        }
        Ok(Journal {
            file,
            path: path(dir),
            len,
            base,
            last,
        })
    }

    /// Appends the writes of commit `seq` and syncs them to disk. On failure the journal is cut
    /// back to where it was, so a change that was not confirmed is never replayed.
    pub fn append(&mut self, seq: u64, writes: &[Write1]) -> Result<()> {
        // The frame only: the values inside were sealed (or not) when they were planned.
        let payload = codec::encode(&writes, None)?;
        let mut entry = Vec::with_capacity(ENTRY_HEAD + payload.len());
        entry.extend_from_slice(&(payload.len() as u32).to_le_bytes());
        let mut hasher = crc32fast::Hasher::new();
        hasher.update(&seq.to_le_bytes());
        hasher.update(&payload);
        entry.extend_from_slice(&hasher.finalize().to_le_bytes());
        entry.extend_from_slice(&seq.to_le_bytes());
        entry.extend_from_slice(&payload);
        let written = self
            .file
            .seek(SeekFrom::Start(self.len))
            .and_then(|_| self.file.write_all(&entry))
            .and_then(|_| self.file.sync_data());
        if let Err(e) = written {
            self.undo_append();
            return Err(StoreError::io(e));
        }
        self.len += entry.len() as u64;
        self.last = seq;
        Ok(())
    }

    /// Takes back the last append (its commit did not reach sled).
    pub fn take_back(&mut self, seq: u64, previous_len: u64) {
        if self.last == seq {
            self.len = previous_len;
            self.last = seq - 1;
            self.undo_append();
        }
    }

    pub fn len(&self) -> u64 {
        self.len
    }

    pub fn is_empty(&self) -> bool {
        self.last == self.base
    }

    fn undo_append(&mut self) {
        // Best effort: if even this fails, the entry is replayed at the next open, which only
        // repeats a change the person made.
        let _ = self.file.set_len(self.len);
        let _ = self.file.sync_data();
    }

    /// Starts over on a new base after a backup that covers every entry.
    pub fn restart(&mut self, dir: &Path, base: u64) -> Result<()> {
        reset(dir, base)?;
        let fresh = Journal::open(
            dir,
            Some(&Contents {
                base,
                valid_len: HEADER_LEN,
                ..Contents::default()
            }),
            base,
        )?;
        *self = fresh;
        Ok(())
    }

    pub fn path(&self) -> &Path {
        &self.path
    }
}

/// The tree a journaled write goes to.
pub fn tree_of(n: u8) -> Option<T> {
    T::ALL.get(usize::from(n)).copied()
}

#[cfg(test)]
mod tests {
    use super::read::parse;
    use super::*;
    use crate::store::Unreadable;

    fn read_back(dir: &Path) -> Contents {
        read(dir).expect("readable").expect("a journal")
    }

    fn w(k: u8) -> Write1 {
        Write1 {
            tree: 1,
            key: vec![k; 8],
            value: Some(vec![k; 20]),
        }
    }

    #[test]
    fn appends_read_back_and_a_torn_tail_is_ignored_then_cut() -> Result<()> {
        let dir = tempfile::tempdir().map_err(StoreError::io)?;
        let mut j = Journal::open(dir.path(), None, 7)?;
        j.append(8, &[w(1)])?;
        j.append(9, &[w(2), w(3)])?;
        let c = read_back(dir.path());
        assert_eq!((c.base, c.last_seq(), c.entries.len()), (7, 9, 2));
        assert_eq!(c.entries[1].writes, vec![w(2), w(3)]);
        drop(j);
        // A crash half way through an append.
        let full = std::fs::read(path(dir.path())).map_err(StoreError::io)?;
        std::fs::write(path(dir.path()), &full[..full.len() - 5]).map_err(StoreError::io)?;
        let c = read_back(dir.path());
        assert_eq!((c.last_seq(), c.damaged), (8, false));
        let mut j = Journal::open(dir.path(), Some(&c), 0)?;
        j.append(9, &[w(4)])?;
        let c = read_back(dir.path());
        assert_eq!(c.last_seq(), 9);
        assert_eq!(c.entries[1].writes, vec![w(4)]);
        Ok(())
    }

    #[test]
    fn a_flipped_bit_in_the_middle_is_damage_not_a_torn_tail() -> Result<()> {
        let dir = tempfile::tempdir().map_err(StoreError::io)?;
        let mut j = Journal::open(dir.path(), None, 0)?;
        for seq in 1..=5 {
            j.append(seq, &[w(seq as u8)])?;
        }
        drop(j);
        let mut bytes = std::fs::read(path(dir.path())).map_err(StoreError::io)?;
        let at = HEADER_LEN as usize + 30;
        bytes[at] ^= 1;
        std::fs::write(path(dir.path()), &bytes).map_err(StoreError::io)?;
        let c = read_back(dir.path());
        assert!(c.damaged);
        assert_eq!(c.last_seq(), 0);
        // The entries after the damaged one were confirmed too.
        assert_eq!(c.confirmed(), 5);
        Ok(())
    }

    #[test]
    fn a_bad_header_is_damage() {
        assert!(matches!(
            parse(b"TJNL\x01"),
            Err(StoreError::Damaged(Unreadable::JournalHeaderCut))
        ));
        let mut h = header(3);
        h[6] ^= 1;
        assert!(matches!(
            parse(&h),
            Err(StoreError::Damaged(Unreadable::JournalHeader))
        ));
    }
}
