//! Opening and closing a store so that damage is found, never made worse, and never hidden.
//!
//! Open: take tandem's lock; refuse at once if an earlier run found this store damaged and it
//! was not restored since; clear sled's unfinished snapshot files; copy the files into
//! quarantine if they don't match the seal of a clean close; open sled; then compare what sled
//! holds with what the journal confirmed. One missing entry is the crash window of a single
//! commit and is replayed; more is damage. Close: flush, drop sled, seal the files.

use super::crypt::{self, CryptError, DataKey};
use super::error::Damage;
use super::files::{self, DirLock, Quarantine};
use super::journal::{self, Contents};
use super::{backup, guard, Counters, Result, Store, StoreError, Unreadable, T, TREE_NAMES};
use std::path::Path;

mod cache;
mod close;
pub use cache::{set_cache_capacity, COMMAND_CACHE_BYTES};

/// The meta key of the journal seq of the last commit written to sled.
pub(super) const SEQ_KEY: &str = "journal_seq";

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Mode {
    /// Create the store if the dir holds none (the TUI, `demo`, `import`, `restore`).
    Create,
    /// The dir must hold a store already.
    Existing,
}

impl Store {
    /// Opens the store in `dir`, creating it (and the dir) when there is none.
    ///
    /// Errors: [`StoreError::Locked`] (another tandem has it), [`StoreError::DamagedKept`] (the
    /// store holds less than the journal confirmed, or sled can't read it; the original bytes
    /// are kept in quarantine and left as they were), [`StoreError::NewerVersion`],
    /// [`StoreError::ReadOnly`] only when a new store would have to be created on a read-only
    /// disk (an existing one opens read-only).
    pub fn open(dir: &Path) -> Result<Store> {
        Store::open_mode(dir, Mode::Create, None)
    }

    /// As [`Store::open`], with the data key of an encrypted store (from
    /// [`crypt::unlock`](super::crypt::unlock)); `None` for a store without encryption.
    ///
    /// Errors: as [`Store::open`]; [`CryptError::NeedsPassphrase`] for an encrypted store
    /// without a key, [`CryptError::NotEncrypted`] for a key and a store without encryption
    /// (values sealed there could never be read back).
    pub fn open_keyed(dir: &Path, key: Option<DataKey>) -> Result<Store> {
        Store::open_mode(dir, Mode::Create, key)
    }

    /// As [`Store::open_existing`], with the data key of an encrypted store.
    /// Errors as [`Store::open_keyed`], plus [`StoreError::NoStore`].
    pub fn open_existing_keyed(dir: &Path, key: Option<DataKey>) -> Result<Store> {
        Store::open_mode(dir, Mode::Existing, key)
    }

    /// Opens the store in `dir`, which must exist: a mistyped data dir is not an empty store.
    /// Errors as [`Store::open`], plus [`StoreError::NoStore`].
    pub fn open_existing(dir: &Path) -> Result<Store> {
        Store::open_mode(dir, Mode::Existing, None)
    }

    fn open_mode(dir: &Path, mode: Mode, key: Option<DataKey>) -> Result<Store> {
        if dir.join(super::restore::RESTORING).exists() {
            return Err(named(dir, Damage::RestoreCut));
        }
        super::compact::finish_locked(dir).map_err(|e| read_only_as(e, dir))?;
        let exists = files::has_store(dir);
        if !exists && (journal::path(dir).exists() || !backup::list(dir)?.is_empty()) {
            // The store's file is gone but its journal or backups are here: lost, not new.
            return Err(named(dir, Damage::DbMissing));
        }
        if mode == Mode::Existing && !exists {
            return Err(StoreError::NoStore(dir.to_path_buf()));
        }
        if !exists {
            files::create_private_dir(dir).map_err(|e| read_only_as(e, dir))?;
        }
        key_fits(dir, key.as_ref())?;
        let lock = match DirLock::take(dir) {
            Ok(lock) => lock,
            Err(StoreError::ReadOnly(_)) if exists => return Store::open_read_only(dir, key),
            Err(e) => return Err(read_only_as(e, dir)),
        };
        files::private_dir(dir);
        let opened = match Store::open_locked(dir, lock, false, key.clone()) {
            // An upgraded store is written afresh: in place it keeps the pages of the old layout.
            Ok(store) if store.upgraded => store.compacted()?.erasure_finished(),
            // An erasure a crash cut off is finished before anything reads the store.
            Ok(store) => store.erasure_finished(),
            // sled writes while it opens (a snapshot, the log's tail); on a full disk the
            // store is still read, from a copy, and every save says why it can't.
            Err(StoreError::DiskFull | StoreError::RestartAfterFullDisk) if exists => {
                let mut store = Store::open_read_only(dir, key)?;
                store.disk_full = true;
                Ok(store)
            }
            other => other,
        };
        opened.and_then(finish_encrypt)
    }

    /// Opens with tandem's lock already held. `rebuilding`: a restore is about to fill an empty
    /// store, so backups beside an empty store are expected, not a sign of loss.
    pub(super) fn open_locked(
        dir: &Path,
        lock: DirLock,
        rebuilding: bool,
        key: Option<DataKey>,
    ) -> Result<Store> {
        key_fits(dir, key.as_ref())?;
        if let Some(kept) = files::open_damage(dir) {
            return Err(damaged_kept(dir, Damage::FoundBefore, Some(kept)));
        }
        files::clear_unfinished_snapshots(dir)?;
        files::remove_stale_copies(dir);
        let pending = if files::has_store(dir) && !files::seal_matches(dir) {
            match Quarantine::take(dir) {
                Ok(q) => Some(q),
                // No room for the copy: the store can still be read; only damage found now
                // could not be kept as it was (the message then names no copy).
                Err(StoreError::DiskFull) => None,
                Err(e) => return Err(e),
            }
        } else {
            None
        };
        files::break_seal(dir)?;
        let found = match journal::read(dir) {
            Ok(found) => found,
            // A damaged journal is not a damaged store: sled is compared with what is left of it
            // below, and the next commit starts a fresh journal on a new backup.
            Err(e) if e.is_damage() => Some(Contents {
                damaged: true,
                ..Contents::default()
            }),
            Err(e) => return Err(e),
        };
        let mut store = match Store::open_sled(dir, Some(lock), pending, key) {
            Ok(store) => store,
            Err((e, pending)) => match Damage::of(&e) {
                Some(damage) => return Err(found_damaged(dir, damage, pending)),
                // Not damage (a full disk, a lock, a newer format): nothing to keep.
                None => {
                    if let Some(q) = pending {
                        let _ = q.discard();
                    }
                    return Err(e);
                }
            },
        };
        if let Err(e) = store.verify(found.as_ref(), rebuilding) {
            let Some(damage) = Damage::of(&e) else {
                return Err(e);
            };
            let pending = store.pending.take();
            store.shut(false);
            return Err(found_damaged(dir, damage, pending));
        }
        let backups = backup::list(dir)?;
        store.journal_found = match &found {
            None => journal::Found::Missing,
            Some(c) if c.damaged => journal::Found::Damaged,
            // Its backup is gone, or it lost entries that sled holds (cut short): it can't bring
            // back what sled holds, so it starts over on a fresh backup.
            Some(c)
                if (c.base > 0 && !backups.iter().any(|b| b.seq == c.base))
                    || c.last_seq() < store.seq =>
            {
                journal::Found::Unbacked
            }
            Some(c) => journal::Found::Usable {
                base: c.base,
                last: c.last_seq(),
                valid_len: c.valid_len,
            },
        };
        let usable =
            matches!(store.journal_found, journal::Found::Usable { base, .. } if base <= store.seq);
        if !usable && !store.is_empty() {
            store.unjournaled = true;
        }
        // After an upgrade the journal holds writes of the old layout: the first commit makes a
        // backup in the new one and starts the journal over on it. Until then a replay folds old
        // entries in (`Store::replay`), so nothing depends on when that commit comes.
        if guard(|| store.tree(T::Meta).contains_key(super::upgrade::BACKUP_DUE))?? {
            store.unjournaled = true;
        }
        files::private_sled_files(dir);
        Ok(store)
    }

    /// A data dir that can't be written: sled can't open it in place (it has no read-only
    /// open), so its files are copied to a temporary dir and read there. Commits are refused.
    fn open_read_only(dir: &Path, key: Option<DataKey>) -> Result<Store> {
        if let Some(kept) = files::open_damage(dir) {
            return Err(damaged_kept(dir, Damage::FoundBefore, Some(kept)));
        }
        let scratch = tempfile::tempdir().map_err(StoreError::io)?;
        files::copy_sled_files(dir, scratch.path(), false)?;
        let found = journal::read(dir).ok().flatten();
        let mut store = Store::open_sled(scratch.path(), None, None, key).map_err(|(e, _)| e)?;
        store.read_only = true;
        store.verify(found.as_ref(), false)?;
        store.dir = dir.to_path_buf();
        store.read_only = true;
        store._scratch = Some(scratch);
        Ok(store)
    }

    /// Opens sled on `dir` with all of tandem's trees, and the `db` file to sync it for real.
    fn open_db(dir: &Path) -> Result<(sled::Db, Vec<sled::Tree>, Option<std::fs::File>)> {
        let config = sled::Config::new()
            .path(dir)
            .cache_capacity(cache::bytes())
            .flush_every_ms(Some(500));
        let db = match guard(|| config.open())? {
            Ok(db) => db,
            Err(sled::Error::Io(io)) if io.to_string().contains("could not acquire lock") => {
                return Err(StoreError::Locked(dir.to_path_buf()))
            }
            Err(e) => return Err(e.into()),
        };
        let mut trees = Vec::with_capacity(TREE_NAMES.len());
        for name in TREE_NAMES {
            trees.push(guard(|| db.open_tree(name))??);
        }
        let db_file = std::fs::OpenOptions::new()
            .read(true)
            .open(dir.join("db"))
            .ok();
        Ok((db, trees, db_file))
    }

    fn open_sled(
        dir: &Path,
        lock: Option<DirLock>,
        pending: Option<Quarantine>,
        key: Option<DataKey>,
    ) -> std::result::Result<Store, (StoreError, Option<Quarantine>)> {
        let (db, trees, db_file) = match Store::open_db(dir) {
            Ok(opened) => opened,
            Err(e) => return Err((e, pending)),
        };
        Ok(Store {
            db: Some(db),
            trees,
            next: Counters::default(),
            dir: dir.to_path_buf(),
            who: String::new(),
            db_file,
            journal: None,
            seq: 0,
            unjournaled: false,
            journal_found: journal::Found::Missing,
            unflushed: false,
            settle_later: false,
            wrote: false,
            damage: std::sync::Mutex::new(None),
            pending,
            backups_keep: backup::DEFAULT_KEEP,
            today: None,
            read_only: false,
            disk_full: false,
            upgraded: false,
            key,
            _lock: lock,
            _scratch: None,
        })
    }

    /// Compares what sled holds with what was confirmed, and replays the one commit a crash can
    /// leave out. A store that holds less is damaged.
    fn verify(&mut self, found: Option<&Contents>, rebuilding: bool) -> Result<()> {
        let has_schema = guard(|| self.tree(T::Meta).contains_key("schema_version"))??;
        let confirmed = found.map_or(0, |c| c.confirmed());
        let backups = backup::list(&self.dir).unwrap_or_default();
        if !has_schema && self.is_empty() {
            if !rebuilding && (confirmed > 0 || !backups.is_empty()) {
                return Err(Damage::Emptied {
                    confirmed,
                    backups: backups.len(),
                }
                .error());
            }
            if self.read_only {
                return Ok(());
            }
        }
        let schema = self.check_schema()?;
        self.repack(schema)?;
        self.seq = match guard(|| self.tree(T::Meta).get(SEQ_KEY))?? {
            Some(v) => super::keys::read_id(&v).ok_or(Unreadable::JournalSeq)?,
            None => 0,
        };
        // A damaged journal still vouches for the entries before the damage.
        if let Some(c) = found {
            let held = self.seq;
            if held + 1 == confirmed && held >= c.base && !c.damaged {
                // The crash window: the entry was synced, sled's copy was not.
                let last = c
                    .entries
                    .last()
                    .map(|e| e.writes.clone())
                    .unwrap_or_default();
                if !self.read_only {
                    self.replay(confirmed, &last)?;
                    self.flush_synced()?;
                }
            } else if held < confirmed {
                return Err(Damage::Behind { held, confirmed }.error());
            }
        }
        self.upgrade(schema)?;
        self.load_counters()
    }

    /// Writes one journal entry's writes into sled, as one transaction.
    pub(super) fn replay(&mut self, seq: u64, writes: &[journal::Write1]) -> Result<()> {
        let mut ops = Vec::with_capacity(writes.len());
        for w in writes {
            let tree =
                journal::tree_of(w.tree).ok_or(Unreadable::JournalTree { seq, tree: w.tree })?;
            ops.push(super::change::Op {
                tree,
                key: w.key.clone(),
                value: w.value.clone(),
            });
        }
        self.recount_replayed(&mut ops)?;
        self.write_ops(&ops)?;
        // An entry written before the upgrade to schema 2 (a restore replays those too).
        self.drop_from_groups(&ops)?;
        self.fold_retired()?;
        // An entry written before schema 4 holds no facts.
        self.refresh_facts(&ops)?;
        self.seq = self.seq.max(seq);
        Ok(())
    }

    /// Flushes sled and syncs its file for real: sled 0.34.7's flush only syncs a byte range
    /// (`sync_file_range` on Linux), which leaves the disk's cache and the file's size unsynced.
    pub(super) fn flush_synced(&self) -> Result<()> {
        guard(|| self.db().flush())??;
        if let Some(f) = &self.db_file {
            f.sync_data().map_err(StoreError::io)?;
        }
        Ok(())
    }

    /// False when the journal is missing, damaged, cut short or without its backup: the store
    /// itself may be fine, but until the next save (which starts over on a fresh backup) not
    /// every change since the last backup could be brought back.
    pub fn journal_vouches(&self) -> bool {
        self.journal.is_some() || matches!(self.journal_found, journal::Found::Usable { .. })
    }

    /// True when saves are refused because the data dir can't be written.
    pub fn is_read_only(&self) -> bool {
        self.read_only
    }

    /// Why saves are refused in this session, if they are: a read-only data dir, or a disk
    /// that was full when the store opened.
    pub fn why_read_only(&self) -> Option<StoreError> {
        match (self.read_only, self.disk_full) {
            (false, _) => None,
            (true, true) => Some(StoreError::DiskFull),
            (true, false) => Some(StoreError::ReadOnly(self.dir.clone())),
        }
    }
}

/// Finishes an `encrypt` that was cut off after its swap (the sealing of backups and copies
/// beside the store); a marker of one cut off before it is only removed (the store is plain).
fn finish_encrypt(mut store: Store) -> Result<Store> {
    if !crypt::encrypt::pending(&store.dir) || store.read_only {
        return Ok(store);
    }
    if store.key.is_none() {
        std::fs::remove_file(store.dir.join(crypt::PENDING)).map_err(StoreError::io)?;
        return Ok(store);
    }
    let today = store
        .today
        .unwrap_or_else(|| chrono::Local::now().date_naive());
    store.finish_encryption(today)?;
    Ok(store)
}

/// Refuses an encrypted store without its key, and a key for a store without encryption.
fn key_fits(dir: &Path, key: Option<&DataKey>) -> Result<()> {
    match (crypt::is_encrypted(dir), key) {
        (true, None) => Err(CryptError::NeedsPassphrase.into()),
        (false, Some(_)) => Err(CryptError::NotEncrypted.into()),
        _ => Ok(()),
    }
}

/// The error for a store found damaged: the original bytes go back over sled's (its recovery
/// may have rewritten them), a copy stays in quarantine, and the error names the backup.
fn found_damaged(dir: &Path, damage: Damage, pending: Option<Quarantine>) -> StoreError {
    let note = format!("{damage:?}");
    let kept = match pending {
        Some(q) => q.put_back(dir, &note).map(|_| q.dir),
        None => Quarantine::take(dir).and_then(|q| q.mark_damaged(&note).map(|_| q.dir)),
    };
    damaged_kept(dir, damage, kept.ok())
}

/// The damage with what a restore would use named: the newest backup and the journal's
/// confirmed changes after it.
fn damaged_kept(dir: &Path, damage: Damage, kept: Option<std::path::PathBuf>) -> StoreError {
    let newest = backup::list(dir).ok().and_then(|mut l| l.pop());
    let journal_changes = match (&newest, journal::read(dir)) {
        (Some(b), Ok(Some(c))) if c.base <= b.seq => c.confirmed().saturating_sub(b.seq),
        _ => 0,
    };
    StoreError::DamagedKept {
        damage,
        kept,
        backup: newest.map(|b| b.path),
        journal_changes,
    }
}

/// Damage found before anything could be copied: nothing is kept.
fn named(dir: &Path, damage: Damage) -> StoreError {
    damaged_kept(dir, damage, None)
}

fn read_only_as(e: StoreError, dir: &Path) -> StoreError {
    match e {
        StoreError::ReadOnly(_) => StoreError::ReadOnly(dir.to_path_buf()),
        e => e,
    }
}
