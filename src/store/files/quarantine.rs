//! Quarantine: copies of the sled files under `quarantine/<time>/`, taken before sled opens
//! files that don't match their seal, kept (and marked) when the store turns out damaged.

use super::{
    copy_sled_files, create_private_dir, private_dir, sled_files, write_synced, DAMAGED_NOTE,
    QUARANTINE, RESOLVED,
};
use crate::store::{IoFailure, Result, StoreError};
use std::path::{Path, PathBuf};

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

/// Marks every open damage as dealt with (after a restore).
pub fn resolve_damage(dir: &Path, note: &str) -> Result<()> {
    while let Some(q) = open_damage(dir) {
        write_synced(&q.join(RESOLVED), note.as_bytes())?;
    }
    Ok(())
}
