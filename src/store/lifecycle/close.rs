//! Closing: flush, drop sled, seal the files for the next open; or, when damage was noted in
//! the session, keep the files' copy and mark it, so the next open says the store is damaged.

use crate::store::files::{self, Quarantine};
use crate::store::{guard, Result, Store};

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
        if let Err(e) = &r {
            if e.is_damage() {
                self.note_damage(&e.to_string());
            }
        }
        r
    }

    /// Closes sled. `seal`: the session ended well and the files may be sealed as healthy.
    pub(in crate::store) fn shut(&mut self, seal: bool) {
        let flushed = !self.read_only && self.flush_synced().is_ok();
        self.trees.clear();
        let db = self.db.take();
        self.db_file = None;
        self.journal = None;
        // sled's log syncs on drop with an `unwrap`: a failing disk must not turn a close into
        // a panic.
        let dropped = guard(move || drop(db)).is_ok();
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

impl Drop for Store {
    fn drop(&mut self) {
        if self.db.is_some() {
            self.shut(true);
        }
    }
}
