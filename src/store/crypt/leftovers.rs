//! What `tandem encrypt` seals or removes beside the store itself: the backups, the copies kept
//! in `quarantine/` (sled files and journals of the plain store), and the kept first page of the
//! TUI (`eerste-pagina`, names of the last session; an encrypted store keeps none, see
//! `tui::first_page`). Each file is sealed in place in one rename, so this can be cut off
//! anywhere and simply run again: a file sealed already is left alone.

use super::{stream, DataKey};
use crate::store::{backup, files, Result, StoreError};
use std::path::{Path, PathBuf};

/// The file name of the TUI's kept first page (`tui::first_page::FILE`: the store can't name
/// the TUI's module, so the name is repeated here).
const FIRST_PAGE: &str = "eerste-pagina";

/// Seals every plain backup and quarantine file of `dir` under `key`, and removes the first
/// page. `skip`: a quarantine copy taken in this session of the sealed store's own files (it may
/// still be put back as it was).
///
/// Errors: I/O.
pub fn seal_leftovers(dir: &Path, key: &DataKey, skip: Option<&Path>) -> Result<()> {
    for b in backup::list(dir)? {
        if !stream::is_sealed(&b.path) {
            stream::seal_file(&b.path, key)?;
        }
    }
    let mut pending = vec![dir.join(files::QUARANTINE)];
    while let Some(folder) = pending.pop() {
        if Some(folder.as_path()) == skip {
            continue;
        }
        for path in entries(&folder)? {
            if path.is_dir() {
                pending.push(path);
            } else if !is_note(&path) && !stream::is_sealed(&path) {
                stream::seal_file(&path, key)?;
            }
        }
    }
    for name in [FIRST_PAGE.to_string(), format!("{FIRST_PAGE}.part")] {
        match std::fs::remove_file(dir.join(name)) {
            Err(e) if e.kind() != std::io::ErrorKind::NotFound => return Err(StoreError::io(e)),
            _ => {}
        }
    }
    Ok(())
}

/// The notes tandem writes into a quarantine folder say why it is kept, never what it holds.
fn is_note(path: &Path) -> bool {
    path.extension().is_some_and(|e| e == "txt")
}

fn entries(folder: &Path) -> Result<Vec<PathBuf>> {
    match std::fs::read_dir(folder) {
        Ok(list) => list
            .map(|e| e.map(|e| e.path()).map_err(StoreError::io))
            .collect(),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(Vec::new()),
        Err(e) => Err(StoreError::io(e)),
    }
}
