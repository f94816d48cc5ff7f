//! Bringing a store back: a backup, then every journal entry after it.
//!
//! The store's current files (damaged, or healthy and replaced on purpose) are first moved into
//! `quarantine/<time>-voor-herstel/`, so a restore never destroys anything. The new store is
//! built in the data dir with the import marker set, so a restore cut off half way is reported
//! and can simply be run again: the backup and the journal are only read.

use super::backup::{self, BackupInfo};
use super::crypt::DataKey;
use super::files::{self, DirLock};
use super::journal;
use super::{Damage, Invalid, Result, Store, StoreError};
use std::path::{Path, PathBuf};

/// Present while a restore runs: a store opened then is half built.
pub const RESTORING: &str = "restore.running";
const SAVED_JOURNAL: &str = "journal.voor-herstel";

/// What a restore will do, for the confirmation question.
#[derive(Debug, Clone)]
pub struct RestorePlan {
    pub backup: BackupInfo,
    /// Journal entries after the backup that will be replayed.
    pub journal_changes: u64,
    /// Journal entries that can't be replayed onto this backup (an older backup was chosen,
    /// or the journal is damaged); 0 when every confirmed change comes back.
    pub not_covered: u64,
    /// The state of the store now.
    pub current: Current,
    /// The data key of an encrypted store (issue 12): the backup is read and the store rebuilt
    /// with it.
    pub key: Option<DataKey>,
    /// The caller's "today" (`TANDEM_TODAY`), for the backup and the erasures a restore makes;
    /// `None`: the system's date.
    pub today: Option<chrono::NaiveDate>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Current {
    /// No store in the data dir.
    Missing,
    /// Opens, holds no records.
    Empty,
    /// Opens and holds records: only replaced with `--replace`.
    Healthy,
    /// Damaged (how).
    Damaged(Damage),
}

/// What a restore did.
#[derive(Debug, Clone)]
pub struct Restored {
    pub backup: BackupInfo,
    pub journal_changes: u64,
    /// Where the files that were there before went.
    pub moved_to: Option<PathBuf>,
}

/// Works out what `tandem restore [FILE]` would do: the backup named, or the newest one.
///
/// Errors: [`StoreError::Locked`]; [`Invalid::NoBackup`] when there is none at all, and
/// [`Invalid::FileUnreadable`] for a named file that can't be looked at.
pub fn plan(dir: &Path, file: Option<&Path>) -> Result<RestorePlan> {
    plan_keyed(dir, file, None)
}

/// As [`plan`], for an encrypted store with its data `key`.
///
/// Errors: as [`plan`]; [`CryptError::NeedsPassphrase`](super::crypt::CryptError) without it.
pub fn plan_keyed(dir: &Path, file: Option<&Path>, key: Option<DataKey>) -> Result<RestorePlan> {
    let current = match Store::open_existing_keyed(dir, key.clone()) {
        Ok(s) if s.is_empty() => Current::Empty,
        Ok(_) => Current::Healthy,
        Err(StoreError::NoStore(_)) => Current::Missing,
        Err(e @ StoreError::Locked(_)) => return Err(e),
        Err(e) => match Damage::of(&e) {
            Some(damage) => Current::Damaged(damage),
            None => return Err(e),
        },
    };
    let backup = match file {
        Some(f) => {
            let size = std::fs::metadata(f)
                .map_err(|source| Invalid::FileUnreadable {
                    path: f.to_path_buf(),
                    source,
                })?
                .len();
            BackupInfo {
                path: f.to_path_buf(),
                day: chrono::Local::now().date_naive(),
                seq: backup::seq_of(f),
                size,
            }
        }
        None => backup::list(dir)?.pop().ok_or(Invalid::NoBackup)?,
    };
    let saved = dir.join(SAVED_JOURNAL);
    let found = if saved.exists() {
        journal::read_file(&saved).ok().flatten()
    } else {
        journal::read(dir).ok().flatten()
    };
    let (journal_changes, not_covered) = match &found {
        Some(c) if c.base <= backup.seq => (
            c.last_seq().saturating_sub(backup.seq),
            c.confirmed().saturating_sub(c.last_seq()),
        ),
        Some(c) => (0, c.confirmed().saturating_sub(c.base)),
        None => (0, 0),
    };
    Ok(RestorePlan {
        backup,
        journal_changes,
        not_covered,
        current,
        key,
        today: None,
    })
}

/// Carries out a plan. A healthy store with records is only replaced with `replace`.
///
/// Errors: [`StoreError::NotEmpty`] for a healthy store without `replace`; a backup that does
/// not read or validate (nothing is moved then); [`StoreError::Locked`].
pub fn restore(dir: &Path, plan: &RestorePlan, replace: bool) -> Result<Restored> {
    if plan.current == Current::Healthy && !replace {
        return Err(StoreError::NotEmpty);
    }
    // Read and check the whole backup before anything is moved.
    let checked = backup::check_keyed(&plan.backup.path, plan.key.as_ref())?;
    files::create_private_dir(dir)?;
    let lock = DirLock::take(dir)?;
    let saved_journal = dir.join(SAVED_JOURNAL);
    let journal_path = journal::path(dir);
    if saved_journal.exists() {
        // An earlier restore was cut off: its saved journal is the real one.
        std::fs::rename(&saved_journal, &journal_path).map_err(StoreError::io)?;
    }
    let found = journal::read(dir).ok().flatten();
    files::write_synced(&dir.join(RESTORING), b"tandem restore\n")?;
    files::sync_dir(dir)?;
    let moved_to = if files::sled_files(dir)?.is_empty() {
        None
    } else {
        let to = files::new_quarantine_dir(dir, "-voor-herstel")?;
        for file in files::sled_files(dir)? {
            let rel = file.strip_prefix(dir).unwrap_or(&file).to_path_buf();
            let target = to.join(&rel);
            if let Some(parent) = target.parent() {
                files::create_private_dir(parent)?;
            }
            std::fs::rename(&file, &target).map_err(StoreError::io)?;
        }
        let _ = std::fs::remove_dir(dir.join("blobs"));
        files::sync_dir(&to)?;
        files::sync_dir(dir)?;
        Some(to)
    };
    let _ = std::fs::remove_file(dir.join(files::SEAL));
    // The journal is set aside while the store is rebuilt (a store opened beside it would
    // compare itself with it) and put back once the store holds what it confirmed.
    if journal_path.exists() {
        std::fs::rename(&journal_path, &saved_journal).map_err(StoreError::io)?;
    }
    let result = rebuild(dir, lock, &checked, plan, found.as_ref(), &saved_journal);
    if result.is_err() && saved_journal.exists() && !journal_path.exists() {
        let _ = std::fs::rename(&saved_journal, &journal_path);
    }
    let journal_changes = result?;
    let _ = std::fs::remove_file(&saved_journal);
    std::fs::remove_file(dir.join(RESTORING)).map_err(StoreError::io)?;
    files::sync_dir(dir)?;
    files::resolve_damage(
        dir,
        &format!(
            "Hersteld uit {} met {journal_changes} wijzigingen uit het journaal.\n",
            plan.backup.path.display()
        ),
    )?;
    // A family erased since the backup was made stays erased (issue 12).
    super::erase::honour(dir, plan.key.clone(), plan.today)?;
    Ok(Restored {
        backup: plan.backup.clone(),
        journal_changes,
        moved_to,
    })
}

fn rebuild(
    dir: &Path,
    lock: DirLock,
    checked: &super::export::Checked,
    plan: &RestorePlan,
    found: Option<&journal::Contents>,
    saved_journal: &Path,
) -> Result<u64> {
    // Marks older than this restore are history now; the store is about to be rebuilt.
    files::resolve_damage(dir, "Vervangen door een herstel.\n")?;
    let mut store = Store::open_locked(dir, lock, true, plan.key.clone())?;
    store.today = plan.today;
    store.import_file(checked, false)?;
    store.set_seq(plan.backup.seq)?;
    let mut replayed = 0;
    let fits = found.filter(|c| c.base <= plan.backup.seq);
    if let Some(c) = fits {
        for e in c.entries.iter().filter(|e| e.seq > plan.backup.seq) {
            store.replay(e.seq, &e.writes)?;
            replayed += 1;
        }
        store.load_counters()?;
    }
    if let Some(c) = fits.filter(|c| !c.damaged) {
        store.flush_synced()?;
        // The old journal holds exactly what the store now holds: it goes back in place.
        std::fs::rename(saved_journal, journal::path(dir)).map_err(StoreError::io)?;
        files::sync_dir(dir)?;
        store.reopen_journal(c)?;
    } else {
        // The journal can't be replayed onto this backup: keep it beside the quarantine copy,
        // and start a new one on a fresh backup.
        if saved_journal.exists() {
            let keep = files::new_quarantine_dir(dir, "-journaal")?;
            std::fs::rename(saved_journal, keep.join(journal::FILE)).map_err(StoreError::io)?;
        }
        let day = store
            .today
            .unwrap_or_else(|| chrono::Local::now().date_naive());
        store.backup_now(day)?;
    }
    Ok(replayed)
}

impl Store {
    /// Sets the journal seq sled holds (after loading a backup that covers it).
    fn set_seq(&mut self, seq: u64) -> Result<()> {
        let key = super::lifecycle::SEQ_KEY.as_bytes().to_vec();
        self.write_ops(&[super::change::Op {
            tree: super::T::Meta,
            key,
            value: Some(super::keys::id(seq).to_vec()),
        }])?;
        self.seq = seq;
        self.unjournaled = false;
        Ok(())
    }

    fn reopen_journal(&mut self, c: &journal::Contents) -> Result<()> {
        self.journal = Some(journal::Journal::open(&self.dir, Some(c), self.seq)?);
        Ok(())
    }
}
