//! What the index trees must hold, as the records imply it: per tree a sorted list of keys with
//! the fingerprint of their value, compared with the tree in one pass in key order. At 50,000
//! cases that is about 640,000 entries of 32 bytes, where the values themselves would be
//! ten times as much.

use super::super::{codec, Result, Store, T};
use crate::domain::{ActionSummary, CaseSummary};
use std::collections::BTreeMap;

/// A key of an index tree: every one is at most 16 bytes (`store/keys.rs`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Key {
    len: u8,
    bytes: [u8; 16],
}

impl Key {
    fn as_slice(&self) -> &[u8] {
        &self.bytes[..usize::from(self.len)]
    }
}

/// Keys sort as sled sorts them: byte by byte, a shorter prefix first.
impl Ord for Key {
    fn cmp(&self, other: &Key) -> std::cmp::Ordering {
        self.as_slice().cmp(other.as_slice())
    }
}

impl PartialOrd for Key {
    fn partial_cmp(&self, other: &Key) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

/// The entries the records imply, tree by tree.
#[derive(Default)]
pub(super) struct Expected {
    trees: BTreeMap<T, Vec<(Key, u64)>>,
}

impl Expected {
    /// Expects `key` in tree `t` with a value of this fingerprint ([`codec::fingerprint`]).
    pub(super) fn add<const N: usize>(&mut self, t: T, key: [u8; N], fingerprint: u64) {
        const { assert!(N <= 16, "index keys are at most 16 bytes") };
        let mut bytes = [0u8; 16];
        bytes[..N].copy_from_slice(&key);
        let key = Key {
            len: N as u8,
            bytes,
        };
        self.trees.entry(t).or_default().push((key, fingerprint));
    }

    /// Compares tree `t` with what is expected of it, in one pass in key order; each difference
    /// is a line in `problems`. Returns how many entries the tree holds.
    pub(super) fn compare(
        &mut self,
        store: &Store,
        t: T,
        problems: &mut Vec<String>,
    ) -> Result<usize> {
        let mut want = self.trees.remove(&t).unwrap_or_default();
        want.sort_unstable_by_key(|(k, _)| *k);
        let name = t.name();
        let mut next = want.iter().peekable();
        let mut seen = 0usize;
        store.each_entry(t, |k: &[u8], v: &[u8]| -> Result<()> {
            seen += 1;
            while let Some((w, _)) = next.next_if(|(w, _)| w.as_slice() < k) {
                problems.push(format!("{name}: record has no entry {}", hex(w.as_slice())));
            }
            match next.next_if(|(w, _)| w.as_slice() == k) {
                None => problems.push(format!("{name}: entry {} points at no record", hex(k))),
                Some((_, print)) if fingerprint_of(t, v, store.seal()) != Some(*print) => problems
                    .push(format!(
                        "{name}: entry {} disagrees with its record",
                        hex(k)
                    )),
                Some(_) => {}
            }
            Ok(())
        })?;
        for (w, _) in next {
            problems.push(format!("{name}: record has no entry {}", hex(w.as_slice())));
        }
        Ok(seen)
    }
}

/// The fingerprint of a value as stored in tree `t`: of its bytes when they are what this build
/// writes, else of the value read back as its kind (an older format compares by what it
/// holds, a sealed one by what its seal holds); `None` when it can't be read as one.
fn fingerprint_of(t: T, v: &[u8], seal: codec::Seal) -> Option<u64> {
    if let Some(print) = codec::stored_fingerprint(v) {
        return Some(print);
    }
    match t {
        T::CaseRows => {
            codec::fingerprint(&codec::decode::<CaseSummary>(v, "case row", seal).ok()?).ok()
        }
        T::ActionDue => {
            codec::fingerprint(&codec::decode::<ActionSummary>(v, "action row", seal).ok()?).ok()
        }
        T::CaseActions => {
            codec::fingerprint(&codec::decode::<Vec<u64>>(v, "action ids of a case", seal).ok()?)
                .ok()
        }
        _ => Some(codec::fingerprint_bytes(v)),
    }
}

pub(super) fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}
