//! The data dir's files around sled: the lock, the seal, quarantine copies, private permissions
//! and synced writes.
//!
//! sled 0.34.7 has no read-only open, and its recovery rewrites a damaged log while opening it.
//! So tandem decides *before* sled opens whether the files are exactly as a healthy tandem left
//! them: at a clean close it writes a seal (each sled file's length, times and inode); at open,
//! files that match their seal go straight to sled. Files that don't (a crash, a copy, or damage)
//! are first copied into `quarantine/<time>/`. If the store then turns out healthy the copy is
//! removed at the next clean close; if it is damaged, the original bytes are put back and the
//! copy is kept, so a damaged store is never made worse.

use super::{Result, StoreError};
use std::fs::{File, OpenOptions};
use std::io::Write;
use std::path::{Path, PathBuf};

/// The lock file; held for as long as a tandem has the store open.
pub const LOCK: &str = "tandem.lock";
/// The seal of a clean close.
pub const SEAL: &str = "seal";
/// Where original bytes of a damaged (or not cleanly closed) store are kept.
pub const QUARANTINE: &str = "quarantine";
/// Written into a quarantine folder whose copy is of a store found damaged.
pub const DAMAGED_NOTE: &str = "BESCHADIGD.txt";
/// Written into a quarantine folder once a restore has replaced the damaged store.
pub const RESOLVED: &str = "HERSTELD.txt";

mod quarantine;
mod seal;
pub use quarantine::{
    new_quarantine_dir, open_damage, remove_stale_copies, resolve_damage, stamp, Quarantine,
};
pub use seal::{break_seal, seal_matches, write_seal};

/// True for the files sled owns in the data dir: `db`, `conf`, `snap.*` and `blobs/`.
pub fn is_sled_file(name: &str) -> bool {
    name == "db" || name == "conf" || name == "blobs" || name.starts_with("snap.")
}

/// The sled files present, sorted by name (the `blobs` folder's files as `blobs/NAME`).
pub fn sled_files(dir: &Path) -> Result<Vec<PathBuf>> {
    let mut out = Vec::new();
    for entry in std::fs::read_dir(dir).map_err(StoreError::io)? {
        let entry = entry.map_err(StoreError::io)?;
        let name = entry.file_name().to_string_lossy().into_owned();
        if !is_sled_file(&name) {
            continue;
        }
        if entry.file_type().map_err(StoreError::io)?.is_dir() {
            for inner in std::fs::read_dir(entry.path()).map_err(StoreError::io)? {
                out.push(inner.map_err(StoreError::io)?.path());
            }
        } else {
            out.push(entry.path());
        }
    }
    out.sort();
    Ok(out)
}

/// True when the data dir holds a sled store (its `db` file).
pub fn has_store(dir: &Path) -> bool {
    dir.join("db").is_file()
}

/// sled writes a snapshot as `snap.<lsn>.generating` and renames it when whole. A full disk or a
/// crash can leave the temp file, and sled 0.34.7 would then read it as the newest snapshot and
/// call the store corrupt. It is never part of the store, so it is removed before sled opens.
pub fn clear_unfinished_snapshots(dir: &Path) -> Result<usize> {
    let mut cleared = 0;
    for entry in std::fs::read_dir(dir).map_err(StoreError::io)? {
        let entry = entry.map_err(StoreError::io)?;
        let name = entry.file_name().to_string_lossy().into_owned();
        if name.starts_with("snap.") && name.ends_with(".generating") {
            std::fs::remove_file(entry.path()).map_err(StoreError::io)?;
            cleared += 1;
        }
    }
    Ok(cleared)
}

/// Copies every sled file of `from` into `to` (same names), sled's unfinished snapshots left
/// out. `synced`: each file and the folder are synced (a copy that must survive a power cut; a
/// scratch copy to read from need not be).
pub(super) fn copy_sled_files(from: &Path, to: &Path, synced: bool) -> Result<()> {
    for file in sled_files(from)? {
        let rel = file.strip_prefix(from).unwrap_or(&file);
        if rel.to_string_lossy().ends_with(".generating") {
            continue;
        }
        let target = to.join(rel);
        if let Some(parent) = target.parent() {
            create_private_dir(parent)?;
        }
        std::fs::copy(&file, &target).map_err(StoreError::io)?;
        if synced {
            File::open(&target)
                .and_then(|f| f.sync_all())
                .map_err(StoreError::io)?;
        }
    }
    if synced {
        sync_dir(to)?;
    }
    Ok(())
}

/// Writes a whole file and syncs it before returning.
pub fn write_synced(path: &Path, bytes: &[u8]) -> Result<()> {
    let mut f = OpenOptions::new()
        .write(true)
        .create(true)
        .truncate(true)
        .open(path)
        .map_err(StoreError::io)?;
    private_file(&f);
    f.write_all(bytes)
        .and_then(|_| f.sync_all())
        .map_err(StoreError::io)
}

/// Puts the file written at `tmp` in the place of `path`, once `written` says it is whole:
/// renamed over it and the dir synced, so a crash leaves the old file or the new one. A failed
/// write is removed and its error returned.
///
/// Errors: `written`'s, or what the rename or the sync report.
pub fn put_in_place(tmp: &Path, path: &Path, written: Result<()>) -> Result<()> {
    if let Err(e) = written {
        let _ = std::fs::remove_file(tmp);
        return Err(e);
    }
    std::fs::rename(tmp, path).map_err(StoreError::io)?;
    if let Some(parent) = path.parent() {
        sync_dir(parent)?;
    }
    Ok(())
}

/// Makes a rename or removal in `dir` durable (a no-op where directories can't be synced).
pub fn sync_dir(dir: &Path) -> Result<()> {
    #[cfg(unix)]
    {
        File::open(dir)
            .and_then(|d| d.sync_all())
            .map_err(StoreError::io)?;
    }
    #[cfg(not(unix))]
    let _ = dir;
    Ok(())
}

/// Creates a folder (and its parents) readable by the user alone.
pub fn create_private_dir(dir: &Path) -> Result<()> {
    std::fs::create_dir_all(dir).map_err(StoreError::io)?;
    private_dir(dir);
    Ok(())
}

/// 0700 on Unix. Best effort: a dir on a file system without modes stays as it is.
pub fn private_dir(dir: &Path) {
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let _ = std::fs::set_permissions(dir, std::fs::Permissions::from_mode(0o700));
    }
    #[cfg(not(unix))]
    let _ = dir;
}

/// 0600 on Unix, for an open file. Best effort, like [`private_dir`].
pub fn private_file(file: &File) {
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let _ = file.set_permissions(std::fs::Permissions::from_mode(0o600));
    }
    #[cfg(not(unix))]
    let _ = file;
}

/// Makes every file sled made in the data dir private (sled creates them 0644).
pub fn private_sled_files(dir: &Path) {
    for path in sled_files(dir).unwrap_or_default() {
        if let Ok(f) = File::open(&path) {
            private_file(&f);
        }
    }
    private_dir(&dir.join("blobs"));
}

/// The lock that keeps a second tandem out of this data dir, taken before anything is read.
pub struct DirLock {
    _file: File,
}

impl DirLock {
    /// Takes the lock, or says another tandem holds it.
    pub fn take(dir: &Path) -> Result<DirLock> {
        let file = OpenOptions::new()
            .read(true)
            .write(true)
            .create(true)
            .truncate(false)
            .open(dir.join(LOCK))
            .map_err(StoreError::io)?;
        private_file(&file);
        match file.try_lock() {
            Ok(()) => Ok(DirLock { _file: file }),
            Err(std::fs::TryLockError::WouldBlock) => Err(StoreError::Locked(dir.to_path_buf())),
            Err(std::fs::TryLockError::Error(e)) => Err(StoreError::io(e)),
        }
    }
}
