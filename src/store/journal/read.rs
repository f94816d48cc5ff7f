//! Reading the journal back: the header, then every whole, checked entry in order. A torn last
//! entry is left out; bytes that no torn append explains are damage, and the entries found
//! beyond it still say how far the confirmed changes went.

use super::{
    codec, path, Contents, Entry, Write1, ENTRY_HEAD, HEADER_LEN, MAGIC, MAX_ENTRY, VERSION,
};
use crate::store::{Result, StoreError, Unreadable};
use std::fs::File;
use std::io::Read;
use std::path::Path;

/// Reads and checks the whole journal; `None` when there is none.
pub fn read(dir: &Path) -> Result<Option<Contents>> {
    read_file(&path(dir))
}

/// Reads and checks a journal file; `None` when it does not exist.
pub fn read_file(file: &Path) -> Result<Option<Contents>> {
    let mut bytes = Vec::new();
    match File::open(file) {
        Ok(mut f) => {
            f.read_to_end(&mut bytes).map_err(StoreError::io)?;
        }
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(None),
        Err(e) => return Err(StoreError::io(e)),
    }
    parse(&bytes).map(Some)
}

pub(super) fn parse(bytes: &[u8]) -> Result<Contents> {
    let header = bytes
        .get(..HEADER_LEN as usize)
        .ok_or(Unreadable::JournalHeaderCut)?;
    if &header[..4] != MAGIC || crc32fast::hash(&header[..13]) != u32_at(header, 13) {
        return Err(Unreadable::JournalHeader.into());
    }
    if header[4] > VERSION {
        return Err(StoreError::NewerVersion {
            found: u32::from(header[4]),
            supported: u32::from(VERSION),
        });
    }
    let base = u64_at(header, 5);
    let mut out = Contents {
        base,
        valid_len: HEADER_LEN,
        ..Contents::default()
    };
    let mut at = HEADER_LEN as usize;
    let mut expect = base + 1;
    while at < bytes.len() {
        let Some(entry) = entry_at(bytes, at) else {
            break;
        };
        let (seq, payload, end) = entry;
        if seq != expect {
            break;
        }
        let writes: Vec<Write1> = codec::decode(payload, "journal entry", None)?;
        out.entries.push(Entry { seq, writes });
        expect += 1;
        at = end;
        out.valid_len = at as u64;
    }
    out.trailing = (bytes.len() - at) as u64;
    // A torn append leaves at most one partial entry: its length field, if readable, covers
    // the rest of the file. Anything else is damage in the middle.
    if out.trailing > 0 {
        let declared = bytes
            .get(at..at + 4)
            .map(|b| u32_at(b, 0) as usize + ENTRY_HEAD);
        out.damaged = match declared {
            Some(n) => n > MAX_ENTRY + ENTRY_HEAD || out.trailing as usize >= n,
            None => false,
        };
        if out.damaged {
            out.confirmed_beyond = highest_beyond(bytes, at + 1, expect);
        }
    }
    Ok(out)
}

/// Looks past a damaged spot for whole, checked entries (every entry carries its seq and a
/// checksum, so one found is real): the highest seq among them, or 0. Only positions whose seq
/// field is in a plausible range are checked, which keeps the scan linear in practice.
fn highest_beyond(bytes: &[u8], from: usize, expect: u64) -> u64 {
    let mut best = 0;
    let mut at = from;
    while at + ENTRY_HEAD <= bytes.len() {
        let seq = u64_at(bytes, at + 8);
        if seq >= expect && seq < expect + (1 << 32) {
            if let Some((seq, _, end)) = entry_at(bytes, at) {
                best = best.max(seq);
                at = end;
                continue;
            }
        }
        at += 1;
    }
    best
}

/// `(seq, payload, end)` of a whole, checked entry at `at`; `None` if it is cut off or bad.
fn entry_at(bytes: &[u8], at: usize) -> Option<(u64, &[u8], usize)> {
    let head = bytes.get(at..at + ENTRY_HEAD)?;
    let len = u32_at(head, 0) as usize;
    if len > MAX_ENTRY {
        return None;
    }
    let crc = u32_at(head, 4);
    let end = at + ENTRY_HEAD + len;
    let checked = bytes.get(at + 8..end)?;
    if crc32fast::hash(checked) != crc {
        return None;
    }
    Some((u64_at(head, 8), &bytes[at + ENTRY_HEAD..end], end))
}

fn u32_at(b: &[u8], i: usize) -> u32 {
    let mut a = [0u8; 4];
    a.copy_from_slice(&b[i..i + 4]);
    u32::from_le_bytes(a)
}

fn u64_at(b: &[u8], i: usize) -> u64 {
    let mut a = [0u8; 8];
    a.copy_from_slice(&b[i..i + 8]);
    u64::from_le_bytes(a)
}
