//! Erasing a family so that no byte of it is left in the data dir (AVG art. 17, issue 12).
//!
//! 1. The family goes on the list of erased families (`vergeten.json`, [`list`]) as under way.
//! 2. One journaled change takes it out of the live store ([`Store::erasure_change`]).
//! 3. [`Store::finish_erasure`]: a backup without it starts the journal over (the old journal
//!    held its writes), every older backup is rewritten without it ([`backups`]), sled's files
//!    are written afresh and swapped in (sled keeps old values in its log;
//!    [`Store::compacted`]'s two-phase swap), the kept first page and the quarantine copies
//!    (both hold names) are removed, and the list marks it done.
//!
//! A crash anywhere leaves the list saying "under way"; the next open that can write finishes
//! it from step 2 (a family the list names and the store still holds is taken out first), so a
//! cut-off erasure ends as the old store erased, never as half of each.

use super::{files, Result, Store, StoreError};
use crate::domain::FamilyId;
use chrono::NaiveDate;
use std::path::Path;

mod backups;
mod change;
pub mod list;
pub mod scrub;

pub use list::ErasedList;

/// Files in the data dir that hold names outside sled and are only caches: removed by an
/// erasure. `eerste-pagina` is the TUI's kept first page (`tui/first_page.rs`).
pub const CACHES: [&str; 1] = ["eerste-pagina"];

/// What an erasure took out.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Erased {
    pub family: FamilyId,
    pub cases: usize,
    pub actions: usize,
    /// Timeline lines.
    pub events: usize,
    /// Items in meetings' agendas and minutes.
    pub items: usize,
    /// Backups rewritten without it.
    pub backups: usize,
}

impl Store {
    /// What [`Store::forget`] would take out of the live store, for the question before it.
    ///
    /// Errors: [`StoreError::NotFound`] for an unknown family; what reading reports.
    pub fn erasure_preview(&self, id: FamilyId) -> Result<Erased> {
        let family = self.family(id)?.ok_or(StoreError::NotFound {
            kind: "family",
            id: id.0,
        })?;
        Ok(self.erasure_change(&family)?.1)
    }

    /// Erases family `id` from the store, its journal, its backups and its caches; returns the
    /// store on its new files and what was taken out.
    ///
    /// Errors: [`StoreError::NotFound`]; a read-only store; what writing reports. Once the list
    /// says "under way", an error leaves the rest to the next open.
    pub fn forget(self, id: FamilyId, today: NaiveDate) -> Result<(Store, Erased)> {
        let (store, mut all) = self.forget_all(&[id], today)?;
        let erased = all.pop().ok_or(StoreError::NotFound {
            kind: "family",
            id: id.0,
        })?;
        Ok((store, erased))
    }

    /// As [`Store::forget`] for several families at once: one change each, then one rewrite
    /// of the backups and of sled's files for all of them (retention erases many).
    ///
    /// Errors: as [`Store::forget`]; an unknown id stops it before anything is written.
    pub fn forget_all(
        mut self,
        ids: &[FamilyId],
        today: NaiveDate,
    ) -> Result<(Store, Vec<Erased>)> {
        if let Some(why) = self.why_read_only() {
            return Err(why);
        }
        let mut families = Vec::with_capacity(ids.len());
        for id in ids {
            families.push(self.family(*id)?.ok_or(StoreError::NotFound {
                kind: "family",
                id: id.0,
            })?);
        }
        let mut list = ErasedList::load(&self.dir)?;
        for f in &families {
            list.add(f, today);
        }
        list.save(&self.dir)?;
        let mut erased = Vec::with_capacity(families.len());
        for f in &families {
            let (change, e) = self.erasure_change(f)?;
            self.commit_then_backup(change)?;
            erased.push(e);
        }
        let (store, backups) = self.finish_erasure(today, true)?;
        for e in &mut erased {
            e.backups = backups;
        }
        Ok((store, erased))
    }

    /// Takes out every family the list names that the store holds (a restore of a backup made
    /// before the erasure; an erasure cut off before its change), then does step 3 of the
    /// module's list. Returns the store on its new files and the number of backups rewritten.
    /// `quarantine`: the copies in `quarantine/` may hold the family and go too.
    ///
    /// Errors: what reading, writing or the swap report; the list then still says "under way".
    pub fn finish_erasure(mut self, today: NaiveDate, quarantine: bool) -> Result<(Store, usize)> {
        let mut list = ErasedList::load(&self.dir)?;
        for family in self.families()? {
            if list.names(&family) {
                let (change, _) = self.erasure_change(&family)?;
                self.commit_then_backup(change)?;
            }
        }
        // The journal held the family's writes: it starts over on a backup without them.
        let fresh = self.backup_now(today)?;
        let rewritten = backups::rewrite_all(&self.dir, &list, self.key.as_ref(), &fresh.path)?;
        let (keep, who, backups_keep) = (self.today, self.who.clone(), self.backups_keep);
        let dir = self.dir.clone();
        let mut store = self.compacted_or_fail()?;
        store.today = keep;
        store.who = who;
        store.backups_keep = backups_keep;
        drop_copies(&dir, quarantine)?;
        list.finish_all();
        list.save(&dir)?;
        Ok((store, rewritten))
    }

    /// The store, finishing an erasure that a crash cut off (see the module's text). A store
    /// that can't be written is given back as it is.
    ///
    /// Errors: as [`Store::finish_erasure`].
    pub(super) fn erasure_finished(self) -> Result<Store> {
        if self.why_read_only().is_some() || !under_way(&self.dir) {
            return Ok(self);
        }
        let today = self
            .today
            .unwrap_or_else(|| chrono::Local::now().date_naive());
        Ok(self.finish_erasure(today, true)?.0)
    }
}

impl Store {
    /// As [`Store::forget`] on a store the caller keeps (the TUI's): on success `self` is the
    /// store on its new files. When the erasure fails, the store is opened again (which
    /// finishes the erasure if it got under way); if even that fails, `self` is closed
    /// ([`Store::is_closed`]) and must not be used.
    ///
    /// Errors: as [`Store::forget`].
    pub fn forget_here(&mut self, id: FamilyId, today: NaiveDate) -> Result<Erased> {
        let dir = self.dir.clone();
        let (who, keep, day) = (self.who.clone(), self.backups_keep, self.today);
        let owned = std::mem::replace(self, Store::closed(&dir));
        let outcome = match owned.forget(id, today) {
            Ok((store, erased)) => {
                *self = store;
                Ok(erased)
            }
            Err(e) => {
                if let Ok(store) = Store::open_existing(&dir) {
                    *self = store;
                }
                Err(e)
            }
        };
        if !self.is_closed() {
            self.who = who;
            self.backups_keep = keep;
            self.today = day;
        }
        outcome
    }

    /// True for a store that was closed under its owner's hands ([`Store::forget_here`]).
    pub fn is_closed(&self) -> bool {
        self.db.is_none()
    }

    /// A store with nothing open: stands in while the real one is rewritten. Read-only, so
    /// that dropping it writes nothing.
    fn closed(dir: &Path) -> Store {
        Store {
            db: None,
            trees: Vec::new(),
            next: super::Counters::default(),
            dir: dir.to_path_buf(),
            who: String::new(),
            db_file: None,
            journal: None,
            seq: 0,
            unjournaled: false,
            journal_found: super::journal::Found::Missing,
            unflushed: false,
            settle_later: false,
            wrote: false,
            damage: std::sync::Mutex::new(None),
            pending: None,
            backups_keep: super::backup::DEFAULT_KEEP,
            today: None,
            read_only: true,
            disk_full: false,
            upgraded: false,
            _lock: None,
            _scratch: None,
            key: None,
        }
    }
}

/// After a restore: takes out again every family on the list that the backup or the journal
/// brought back (a backup made before the erasure, or copied elsewhere and back). `key` is the
/// store's data key when it is encrypted. Returns how many came back.
///
/// Errors: what opening, reading or the erasure report.
pub fn honour(
    dir: &Path,
    key: Option<super::crypt::DataKey>,
    today: Option<chrono::NaiveDate>,
) -> Result<usize> {
    let mut list = ErasedList::load(dir)?;
    if list.families.is_empty() {
        return Ok(0);
    }
    let store = Store::open_existing_keyed(dir, key)?;
    let back = store.families()?.iter().filter(|f| list.names(f)).count();
    if back > 0 {
        list.reopen_all();
        list.save(dir)?;
        let today = today.unwrap_or_else(|| chrono::Local::now().date_naive());
        // The copies in quarantine are of stores without the family (it was erased before).
        drop(store.finish_erasure(today, false)?);
    }
    Ok(back)
}

/// True when the data dir's list has an erasure under way.
pub fn under_way(dir: &Path) -> bool {
    ErasedList::load(dir).is_ok_and(|l| l.unfinished())
}

/// Removes the caches and the quarantine copies: both may hold the family. A copy kept of a
/// damaged store was of a store since restored (an erasure runs on a healthy store only).
fn drop_copies(dir: &Path, quarantine: bool) -> Result<()> {
    for name in CACHES {
        match std::fs::remove_file(dir.join(name)) {
            Ok(()) => {}
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
            Err(e) => return Err(StoreError::io(e)),
        }
    }
    let copies = dir.join(files::QUARANTINE);
    if quarantine && copies.exists() {
        std::fs::remove_dir_all(&copies).map_err(StoreError::io)?;
    }
    for stray in ["journal.voor-herstel", "journal.part"] {
        let _ = std::fs::remove_file(dir.join(stray));
    }
    files::sync_dir(dir)
}
