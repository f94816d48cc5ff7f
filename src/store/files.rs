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

use super::{IoFailure, Result, StoreError};
use serde::{Deserialize, Serialize};
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

/// One file's fingerprint: what changes when anyone writes to it through the file system.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
struct Print {
    name: String,
    len: u64,
    modified_ns: i128,
    /// Unix: the inode change time and inode; elsewhere the creation time. Neither can be set
    /// back by a program that writes to the file.
    changed_ns: i128,
    inode: u64,
    /// CRC-32 of the whole file: a bit that flips on the disk itself, below the file system,
    /// changes no time or length, only the bytes.
    crc: u32,
}

fn print_of(dir: &Path, path: &Path) -> Result<Print> {
    let meta = std::fs::metadata(path).map_err(StoreError::io)?;
    let ns = |t: std::io::Result<std::time::SystemTime>| -> i128 {
        t.ok()
            .and_then(|t| t.duration_since(std::time::UNIX_EPOCH).ok())
            .map_or(0, |d| d.as_nanos() as i128)
    };
    #[cfg(unix)]
    let (changed_ns, inode) = {
        use std::os::unix::fs::MetadataExt;
        (
            i128::from(meta.ctime()) * 1_000_000_000 + i128::from(meta.ctime_nsec()),
            meta.ino(),
        )
    };
    #[cfg(not(unix))]
    let (changed_ns, inode) = (ns(meta.created()), 0);
    Ok(Print {
        name: path
            .strip_prefix(dir)
            .unwrap_or(path)
            .to_string_lossy()
            .into_owned(),
        len: meta.len(),
        modified_ns: ns(meta.modified()),
        changed_ns,
        inode,
        crc: if meta.len() <= CRC_LIMIT {
            crc_of(path)?
        } else {
            0
        },
    })
}

/// Files up to this size get a content checksum in the seal (bytes). A school's store is a few
/// MB, read in a millisecond or two; at 50,000 cases `db` is 420 MB, and reading it at every
/// open and close would cost 100–200 ms, so there the seal relies on length, times and inode.
const CRC_LIMIT: u64 = 64 << 20;

/// CRC-32 of a file, read in 1 MiB pieces; a large file is read in two halves at once, one per
/// core (crc32fast combines them).
fn crc_of(path: &Path) -> Result<u32> {
    use std::io::{Read, Seek, SeekFrom};
    let len = std::fs::metadata(path).map_err(StoreError::io)?.len();
    let part = |from: u64, to: u64| -> Result<(crc32fast::Hasher, u64)> {
        let mut f = File::open(path).map_err(StoreError::io)?;
        f.seek(SeekFrom::Start(from)).map_err(StoreError::io)?;
        let mut h = crc32fast::Hasher::new();
        let mut buf = vec![0u8; 1 << 20];
        let mut left = to - from;
        while left > 0 {
            let want = buf.len().min(left as usize);
            let n = f.read(&mut buf[..want]).map_err(StoreError::io)?;
            if n == 0 {
                break;
            }
            h.update(&buf[..n]);
            left -= n as u64;
        }
        Ok((h, to - from))
    };
    if len < 8 << 20 {
        return Ok(part(0, len)?.0.finalize());
    }
    let mid = len / 2;
    let (low, high) = std::thread::scope(|s| {
        let high = s.spawn(|| part(mid, len));
        (part(0, mid), high.join())
    });
    let (mut h, _) = low?;
    let (high, _) = high.map_err(|_| IoFailure::ThreadStopped)??;
    h.combine(&high);
    Ok(h.finalize())
}

fn prints(dir: &Path) -> Result<Vec<Print>> {
    sled_files(dir)?.iter().map(|p| print_of(dir, p)).collect()
}

/// Writes the seal of a clean close: the sled files exactly as they are now.
pub fn write_seal(dir: &Path) -> Result<()> {
    let text = serde_json::to_vec(&prints(dir)?).map_err(IoFailure::Json)?;
    let tmp = dir.join("seal.part");
    write_synced(&tmp, &text)?;
    std::fs::rename(&tmp, dir.join(SEAL)).map_err(StoreError::io)?;
    sync_dir(dir)
}

/// True when a seal exists and every sled file matches it.
pub fn seal_matches(dir: &Path) -> bool {
    let Ok(bytes) = std::fs::read(dir.join(SEAL)) else {
        return false;
    };
    let Ok(sealed) = serde_json::from_slice::<Vec<Print>>(&bytes) else {
        return false;
    };
    prints(dir).is_ok_and(|now| now == sealed)
}

/// Removes the seal, durably, before sled may write: from here on the files are in use.
pub fn break_seal(dir: &Path) -> Result<()> {
    match std::fs::remove_file(dir.join(SEAL)) {
        Ok(()) => sync_dir(dir),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(()),
        Err(e) => Err(StoreError::io(e)),
    }
}

/// A copy of the sled files taken before sled opened them.
#[derive(Debug, Clone)]
pub struct Quarantine {
    pub dir: PathBuf,
}

/// A folder name for now, in local time, that sorts by time: `2026-11-29T17-05-03`.
pub fn stamp() -> String {
    chrono::Local::now().format("%Y-%m-%dT%H-%M-%S").to_string()
}

/// A new folder under `quarantine/` named for now (with a counter if the second is taken).
pub fn new_quarantine_dir(dir: &Path, suffix: &str) -> Result<PathBuf> {
    let root = dir.join(QUARANTINE);
    create_private_dir(&root)?;
    let base = format!("{}{suffix}", stamp());
    for n in 0..1000 {
        let name = if n == 0 {
            base.clone()
        } else {
            format!("{base}-{n}")
        };
        let path = root.join(name);
        match std::fs::create_dir(&path) {
            Ok(()) => {
                private_dir(&path);
                return Ok(path);
            }
            Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => continue,
            Err(e) => return Err(StoreError::io(e)),
        }
    }
    Err(IoFailure::NoQuarantineName.into())
}

impl Quarantine {
    /// Copies every sled file of `dir` into a new quarantine folder, synced. A copy that can't
    /// be finished (a full disk) is removed again.
    pub fn take(dir: &Path) -> Result<Quarantine> {
        let to = new_quarantine_dir(dir, "")?;
        let copied = copy_sled_files(dir, &to, true);
        if copied.is_err() {
            let _ = std::fs::remove_dir_all(&to);
        }
        copied.map(|()| Quarantine { dir: to })
    }

    /// Puts the original bytes back over the sled files (sled's recovery may have rewritten
    /// them) and marks the copy as that of a damaged store. The copy stays.
    pub fn put_back(&self, store_dir: &Path, reason: &str) -> Result<()> {
        for file in sled_files(store_dir)? {
            std::fs::remove_file(&file).map_err(StoreError::io)?;
        }
        copy_sled_files(&self.dir, store_dir, true)?;
        self.mark_damaged(reason)
    }

    /// Notes in the copy why it is kept.
    pub fn mark_damaged(&self, reason: &str) -> Result<()> {
        write_synced(
            &self.dir.join(DAMAGED_NOTE),
            format!("tandem vond de gegevens beschadigd: {reason}\n").as_bytes(),
        )
    }

    /// Removes the copy: the store it was taken of turned out healthy.
    pub fn discard(&self) -> Result<()> {
        std::fs::remove_dir_all(&self.dir).map_err(StoreError::io)
    }
}

/// Removes quarantine folders of plain copies (no suffix, no note): those of sessions that ended
/// before they could keep or discard their copy (killed while copying, or between sealing and
/// discarding). The files they were taken of have been opened since. Called at every open, with
/// the lock held; best effort.
pub fn remove_stale_copies(dir: &Path) {
    let Ok(entries) = std::fs::read_dir(dir.join(QUARANTINE)) else {
        return;
    };
    for entry in entries.filter_map(|e| e.ok()) {
        let path = entry.path();
        let name = entry.file_name().to_string_lossy().into_owned();
        let plain = name
            .chars()
            .all(|c| c.is_ascii_digit() || c == '-' || c == 'T');
        if plain && !path.join(DAMAGED_NOTE).exists() && !path.join(RESOLVED).exists() {
            let _ = std::fs::remove_dir_all(&path);
        }
    }
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

/// The newest quarantine folder that holds a copy of a store found damaged and not yet restored.
pub fn open_damage(dir: &Path) -> Option<PathBuf> {
    let root = dir.join(QUARANTINE);
    let mut found: Vec<PathBuf> = std::fs::read_dir(&root)
        .ok()?
        .filter_map(|e| e.ok())
        .map(|e| e.path())
        .filter(|p| p.join(DAMAGED_NOTE).is_file() && !p.join(RESOLVED).is_file())
        .collect();
    found.sort();
    found.pop()
}

/// Written into a quarantine folder once a restore has replaced the damaged store.
pub const RESOLVED: &str = "HERSTELD.txt";

/// Marks every open damage as dealt with (after a restore).
pub fn resolve_damage(dir: &Path, note: &str) -> Result<()> {
    while let Some(q) = open_damage(dir) {
        write_synced(&q.join(RESOLVED), note.as_bytes())?;
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
