//! `tandem encrypt`: the store written afresh with every value sealed, and swapped in with its
//! `crypt` file in one two-phase swap ([`Store::compacted_with`]), so a crash leaves the plain
//! store or the encrypted one. Then what lies beside it is sealed too ([`seal_leftovers`]),
//! under a marker that makes the next open with the key finish that part if it was cut off.

use super::{seal_leftovers, CryptError};
use crate::store::compact::Rewrite;
use crate::store::{codec, files, Result, Store, StoreError, T};
use chrono::NaiveDate;
use std::path::Path;

/// Present from the start of `tandem encrypt` until everything beside the store is sealed.
pub const PENDING: &str = "crypt.running";

impl Store {
    /// This store encrypted with `pass`: every value sealed under a new random data key, the
    /// backups and quarantine copies sealed, the journal started over on a sealed backup made
    /// for `today`.
    ///
    /// Errors: [`CryptError::AlreadyEncrypted`]; why the store can't be written
    /// ([`Store::why_read_only`]); [`StoreError::DiskFull`] when the copy found no room (the
    /// store is then as it was); I/O.
    pub fn encrypt(self, pass: &str, today: NaiveDate) -> Result<Store> {
        if self.key.is_some() {
            return Err(CryptError::AlreadyEncrypted.into());
        }
        if let Some(why) = self.why_read_only() {
            return Err(why);
        }
        let (key, header) = super::new_key(pass)?;
        files::write_synced(&self.dir.join(PENDING), b"tandem encrypt\n")?;
        files::sync_dir(&self.dir)?;
        let sealed = |t: T, v: &[u8]| match t {
            // Numbers only: the schema, the id counters, the journal's seq.
            T::Meta => Ok(None),
            _ => codec::seal_stored(v, &key),
        };
        let mut store = self.compacted_with(&Rewrite {
            value: &sealed,
            crypt: Some((&header, key.clone())),
        })?;
        if !store.is_encrypted() {
            // The copy was given up (a full disk) and the store is the plain one, still open.
            let _ = std::fs::remove_file(store.dir.join(PENDING));
            return Err(StoreError::DiskFull);
        }
        store.finish_encryption(today)?;
        Ok(store)
    }

    /// Seals what lies beside the store, once its values are sealed: a fresh backup (which
    /// starts the journal over, so no plain value stays in it), then every older backup and
    /// quarantine copy, and the first page removed.
    ///
    /// Errors: I/O; what a backup reports.
    pub(in crate::store) fn finish_encryption(&mut self, today: NaiveDate) -> Result<()> {
        let Some(key) = self.key.clone() else {
            return Ok(());
        };
        self.backup_now(today)?;
        let skip = self.pending.as_ref().map(|q| q.dir.clone());
        seal_leftovers(&self.dir, &key, skip.as_deref())?;
        std::fs::remove_file(self.dir.join(PENDING)).map_err(StoreError::io)?;
        files::sync_dir(&self.dir)
    }
}

/// True when an `encrypt` in `dir` was cut off after its swap (or before it: then the store
/// is still plain and the marker is simply removed at open).
pub fn pending(dir: &Path) -> bool {
    dir.join(PENDING).exists()
}
