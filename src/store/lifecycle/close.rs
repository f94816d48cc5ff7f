//! Closing: flush, drop sled, seal the files for the next open; or, when damage was noted in
//! the session, keep the files' copy and mark it, so the next open says the store is damaged.
//!
//! A command of the command line ends with [`Store::close_at_exit`]: everything a close does
//! that makes the files safe (flush and sync, stop sled's flusher thread, seal, unlock), but
//! sled's page cache is not taken apart. Freeing it cost ~140 ms at 50,000 cases (its page
//! table and cached nodes, piece by piece), and the process is about to hand all of its memory
//! back at once anyway.

use crate::store::files::{self, Quarantine};
use crate::store::{guard, Result, Store, StoreError};

impl Store {
    /// Notes damage found after open (a record that can't be read, a failed check): at close
    /// the files' copy is kept and marked, and the next open says the store is damaged.
    pub fn note_damage(&self, detail: &str) {
        let mut d = self
            .damage
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        d.get_or_insert_with(|| detail.to_string());
    }

    /// Passes a result through, noting damage on the way.
    pub(in crate::store) fn seen<R>(&self, r: Result<R>) -> Result<R> {
        r.map_err(|e| self.seen_err(e))
    }

    /// An error passed on, noted first when it is damage (also for what a reader on another
    /// thread found, [`crate::store::StartReader`]: the files are then kept, not sealed as
    /// healthy).
    pub fn seen_err(&self, e: StoreError) -> StoreError {
        if e.is_damage() {
            self.note_damage(&e.to_string());
        }
        e
    }

    /// Closes the store as the last thing a process does with it: as a drop does (flush and
    /// sync, seal, unlock; or keep the files' copy when damage was noted), without handing
    /// sled's cached pages back one by one. Only for a process that ends right after: the
    /// memory stays taken, and sled's open file keeps this process from opening the store
    /// again.
    pub fn close_at_exit(mut self) {
        // A read-only store is read from a copy in a temporary dir, which goes when sled lets
        // go of its files (Windows won't remove a dir with a file open in it).
        let release = match self._scratch {
            Some(_) => Release::Free,
            None => Release::AtExit,
        };
        if self.db.is_some() {
            self.shut_as(true, release);
        }
    }

    /// Closes sled. `seal`: the session ended well and the files may be sealed as healthy.
    pub(in crate::store) fn shut(&mut self, seal: bool) {
        self.shut_as(seal, Release::Free);
    }

    fn shut_as(&mut self, seal: bool, release: Release) {
        let flushed = !self.read_only && self.flush_synced().is_ok();
        self.trees.clear();
        let db = self.db.take();
        // sled's log syncs on drop with an `unwrap`: a failing disk must not turn a close into
        // a panic.
        let dropped = guard(move || release.of(db)).unwrap_or(false);
        // What sled's flusher thread wrote while it stopped is synced too before the seal
        // (a drop of sled's log syncs the file itself; the cache kept at exit does not).
        let synced = match (&self.db_file, release) {
            (Some(f), Release::AtExit) if !self.read_only => f.sync_all().is_ok(),
            _ => true,
        };
        let dropped = dropped && synced;
        self.db_file = None;
        self.journal = None;
        if self.read_only || self._lock.is_none() {
            return;
        }
        let damage = self
            .damage
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
            .take();
        if let Some(detail) = damage {
            let _ = match (self.pending.take(), self.wrote) {
                (Some(q), false) => q.put_back(&self.dir, &detail),
                (Some(q), true) => q.mark_damaged(&detail),
                (None, _) => Quarantine::take(&self.dir).and_then(|q| q.mark_damaged(&detail)),
            };
            return;
        }
        if seal && flushed && dropped && files::write_seal(&self.dir).is_ok() {
            if let Some(q) = self.pending.take() {
                let _ = q.discard();
            }
        }
    }
}

/// How sled's memory is given back at close.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Release {
    /// Dropped: the flusher thread stops, the log flushes and syncs, every page is freed.
    Free,
    /// Every handle is dropped, so the flusher thread stops after its last write, but one
    /// reference to sled's page cache is kept and never dropped: its memory goes back with the
    /// process. Nothing can write through it any more (no tree is left to write with).
    AtExit,
}

impl Release {
    /// Lets go of sled; false when the last writes could not be made stable.
    fn of(self, db: Option<sled::Db>) -> bool {
        let Some(db) = db else { return true };
        match self {
            Release::Free => {
                drop(db);
                true
            }
            Release::AtExit => {
                // `context.pagecache` and its `log` are public but hidden in sled 0.34.7 (the
                // version this store is pinned to, DESIGN.md); the page cache is the one part
                // whose drop is slow.
                let cache = db.context.pagecache.clone();
                drop(db);
                // The flusher's last buffer is written on sled's pool thread; a drop of the
                // log would wait for it, so this waits for it too.
                let stable = cache.log.flush().is_ok();
                std::mem::forget(cache);
                stable
            }
        }
    }
}

impl Drop for Store {
    fn drop(&mut self) {
        if self.db.is_some() {
            self.shut(true);
        }
    }
}
