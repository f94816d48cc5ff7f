//! The seal of a clean close: each sled file's length, times, inode and (up to a size) content
//! checksum, written when a healthy tandem closes the store. Files that match it go straight to
//! sled at the next open; any others are first copied into quarantine.

use super::{sled_files, sync_dir, write_synced, SEAL};
use crate::store::{IoFailure, Result, StoreError};
use serde::{Deserialize, Serialize};
use std::fs::File;
use std::path::Path;

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
