//! Rewriting sled's files from scratch. sled 0.34.7 never gives back the room of values it
//! replaced or removed, and its open time and page table follow the pages ever written: after
//! the upgrade to schema 2 a 50,000-case store still took 95 MB to open in place, and 58 MB
//! written afresh. Erasing a family (issue 12) needs the same: no old value may stay in the file.
//!
//! Every tree is copied into fresh files in `compact.new/`, which are then swapped in for the
//! store's own. The swap is two phases, named in the marker file `compact.swap` before each
//! begins, so an open after a crash finishes it from any point:
//! `out` moves the old sled files into `compact.old/`; `in` moves the new ones into the data dir.

use super::crypt::{self, DataKey};
use super::files::{self, DirLock};
use super::{guard, packed, Result, Store, StoreError, T, TREE_NAMES};
use std::path::{Path, PathBuf};

pub(super) const NEW: &str = "compact.new";
const OLD: &str = "compact.old";
pub(super) const MARK: &str = "compact.swap";
/// sled's page cache for the new files, in bytes. The copy writes each page once and never
/// reads it back; sled's default (1 GiB) let a 50,000-case copy hold most of it in memory.
const COPY_CACHE: u64 = 16 << 20;
/// Entries per batch of the copy: a batch is held in memory until applied.
const PER_BATCH: usize = 20_000;
/// Bytes per batch of the copy: 20,000 packs of 10–20 kB made a 50,000-case `forget` peak at
/// 612 MB (schema 3).
const BATCH_BYTES: usize = 4 << 20;

/// Given a tree and a stored value, the value to write instead (`None`: as it was).
pub(super) type ValueFn<'a> = &'a dyn Fn(T, &[u8]) -> Result<Option<Vec<u8>>>;

/// What a rewrite changes on the way: each value may be replaced (`tandem encrypt` seals them),
/// and an encrypted store's `crypt` file may come in with the new files, in the same swap.
pub(super) struct Rewrite<'a> {
    /// Each value on its way into the new files.
    pub value: ValueFn<'a>,
    /// The `crypt` header to swap in, and the key the new files are sealed with.
    pub crypt: Option<(&'a [u8], DataKey)>,
}

impl Rewrite<'_> {
    /// Every value as it is, the key as it is.
    fn same() -> Rewrite<'static> {
        Rewrite {
            value: &|_, _| Ok(None),
            crypt: None,
        }
    }
}

impl Store {
    /// This store on freshly written files: the same trees, entries and bytes, none of the room
    /// of old values. When the copy can't be made (a full disk), the store is given back as it
    /// was, still open and whole.
    ///
    /// Errors: only once the old files are closed, what the swap or the reopen reports; the
    /// next open finishes the swap.
    pub(super) fn compacted(self) -> Result<Store> {
        self.compacted_with(&Rewrite::same())
    }

    /// [`Store::compacted`] for a bulk load: `demo --cases 200000` left a 4 GB `db` of packs
    /// rewritten chunk after chunk (a 50,000-case store written afresh is 323 MB), and sled's
    /// open reads every segment.
    ///
    /// Errors: as [`Store::compacted`].
    pub fn written_afresh(self) -> Result<Store> {
        self.compacted()
    }

    /// As [`Store::compacted`], with every value passed through `rewrite` on the way.
    pub(super) fn compacted_with(self, rewrite: &Rewrite) -> Result<Store> {
        match self.copied(rewrite) {
            Ok(()) => self.swapped(rewrite),
            // An upgraded store works unshrunk; only the copy is given up.
            Err(StoreError::DiskFull) => Ok(self),
            Err(e) => Err(e),
        }
    }

    /// As [`Store::compacted`], but a copy that can't be made is an error: an erasure must not
    /// leave the old values in the files.
    ///
    /// Errors: what the copy, the swap or the reopen report.
    pub(super) fn compacted_or_fail(self) -> Result<Store> {
        let same = Rewrite::same();
        self.copied(&same)?;
        self.swapped(&same)
    }

    /// Makes the copy in `compact.new/`; a copy that fails is removed.
    fn copied(&self, rewrite: &Rewrite) -> Result<()> {
        let new = self.dir.join(NEW);
        let made = self.copy_into(&new, rewrite);
        if made.is_err() {
            let _ = std::fs::remove_dir_all(&new);
        }
        made
    }

    /// Closes the store, swaps its copy in, and opens the store on it (with the key the copy
    /// was sealed with).
    fn swapped(mut self, rewrite: &Rewrite) -> Result<Store> {
        self.shut(true);
        let dir = self.dir.clone();
        let Some(lock) = self._lock.take() else {
            return Ok(self);
        };
        let key = match &rewrite.crypt {
            Some((_, key)) => Some(key.clone()),
            None => self.key.clone(),
        };
        drop(self);
        swap(&dir)?;
        Store::open_locked(&dir, lock, false, key)
    }

    /// Copies every tree into a new sled store in `to`, flushed and closed.
    fn copy_into(&self, to: &Path, rewrite: &Rewrite) -> Result<()> {
        if to.exists() {
            std::fs::remove_dir_all(to).map_err(StoreError::io)?;
        }
        files::create_private_dir(to)?;
        let config = sled::Config::new().path(to).cache_capacity(COPY_CACHE);
        let db = guard(|| config.open())??;
        for ((t, name), kind) in self.trees.iter().zip(TREE_NAMES).zip(T::ALL) {
            let target = guard(|| db.open_tree(name))??;
            let mut batch = sled::Batch::default();
            let (mut held, mut bytes) = (0, 0);
            for kv in t.iter() {
                let (k, v) = guard(|| kv)??;
                let new = if packed::is_packed(kind) {
                    Some(packed::map_values(kind, &v, |x| (rewrite.value)(kind, x))?)
                } else {
                    (rewrite.value)(kind, &v)?
                };
                bytes += k.len() + new.as_ref().map_or(v.len(), Vec::len);
                match new {
                    Some(new) => batch.insert(k, new),
                    None => batch.insert(k, v),
                }
                held += 1;
                if held == PER_BATCH || bytes >= BATCH_BYTES {
                    guard(|| target.apply_batch(std::mem::take(&mut batch)))??;
                    (held, bytes) = (0, 0);
                }
            }
            guard(|| target.apply_batch(batch))??;
        }
        guard(|| db.flush())??;
        guard(move || drop(db))?;
        for file in files::sled_files(to)? {
            std::fs::File::open(&file)
                .and_then(|f| f.sync_all())
                .map_err(StoreError::io)?;
        }
        if let Some((header, _)) = &rewrite.crypt {
            // Moved in with the sled files: the store is sealed and says so, or neither.
            files::write_synced(&to.join(crypt::FILE), header)?;
        }
        files::sync_dir(to)
    }
}

/// Finishes a swap a crash cut off, or clears a copy that never got to one. Called with
/// tandem's lock held, before anything looks at the sled files.
///
/// Errors: what moving the files reports.
pub(super) fn finish(dir: &Path) -> Result<()> {
    if dir.join(MARK).exists() {
        return swap(dir);
    }
    for leftover in [NEW, OLD] {
        let path = dir.join(leftover);
        if path.exists() {
            std::fs::remove_dir_all(&path).map_err(StoreError::io)?;
        }
    }
    Ok(())
}

/// True when a swap is under way or a copy is left over: [`finish`] has work to do.
pub(super) fn pending(dir: &Path) -> bool {
    [MARK, NEW, OLD].iter().any(|n| dir.join(n).exists())
}

/// Moves the old sled files out and the new ones in, from whichever phase the marker names.
fn swap(dir: &Path) -> Result<()> {
    let mark = dir.join(MARK);
    let phase = std::fs::read_to_string(&mark).unwrap_or_else(|_| "out".into());
    if phase.trim() != "in" {
        files::write_synced(&mark, b"out")?;
        let old = dir.join(OLD);
        files::create_private_dir(&old)?;
        move_sled_files(dir, &old)?;
        files::write_synced(&mark, b"in")?;
    }
    let header = dir.join(NEW).join(crypt::FILE);
    if header.exists() {
        // Before the sled files: a store whose values are sealed never lacks its `crypt` file.
        std::fs::rename(&header, dir.join(crypt::FILE)).map_err(StoreError::io)?;
    }
    move_sled_files(&dir.join(NEW), dir)?;
    files::write_seal(dir)?;
    std::fs::remove_file(&mark).map_err(StoreError::io)?;
    files::sync_dir(dir)?;
    for leftover in [NEW, OLD] {
        let _ = std::fs::remove_dir_all(dir.join(leftover));
    }
    Ok(())
}

/// Renames every top-level sled entry (`db`, `conf`, `snap.*`, `blobs/`) of `from` into `to`.
fn move_sled_files(from: &Path, to: &Path) -> Result<()> {
    if !from.exists() {
        return Ok(());
    }
    let mut names: Vec<PathBuf> = Vec::new();
    for entry in std::fs::read_dir(from).map_err(StoreError::io)? {
        let entry = entry.map_err(StoreError::io)?;
        if files::is_sled_file(&entry.file_name().to_string_lossy()) {
            names.push(entry.path());
        }
    }
    for path in names {
        let target = to.join(path.file_name().unwrap_or_default());
        if target.is_dir() {
            std::fs::remove_dir_all(&target).map_err(StoreError::io)?;
        }
        std::fs::rename(&path, &target).map_err(StoreError::io)?;
    }
    files::sync_dir(from)?;
    files::sync_dir(to)
}

/// Takes the lock for [`finish`] when a swap is pending, before the open looks for a store.
pub(super) fn finish_locked(dir: &Path) -> Result<()> {
    if !pending(dir) {
        return Ok(());
    }
    let lock = DirLock::take(dir)?;
    let done = finish(dir);
    drop(lock);
    done
}
