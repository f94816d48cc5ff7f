//! The bytes of a pack: a run of entries, each `key length (u16 BE) ++ key ++ value length
//! (u32 BE) ++ value`, in key order with no key twice.

use super::{bad, pack_key};
use crate::store::{Result, T};

/// The entries of a pack, in order. Errors: bytes that don't make whole entries in key order.
pub fn entries(t: T, pack: &[u8]) -> Result<Vec<(&[u8], &[u8])>> {
    let mut out: Vec<(&[u8], &[u8])> = Vec::new();
    let mut rest = pack;
    while !rest.is_empty() {
        let (key, after) = take(rest, 2).ok_or_else(|| bad(t))?;
        let (value, after) = take(after, 4).ok_or_else(|| bad(t))?;
        if out.last().is_some_and(|(k, _)| *k >= key) {
            return Err(bad(t));
        }
        out.push((key, value));
        rest = after;
    }
    Ok(out)
}

/// Splits a length-prefixed part (`width`-byte big-endian length) off the front of `bytes`.
fn take(bytes: &[u8], width: usize) -> Option<(&[u8], &[u8])> {
    let len = bytes.get(..width)?;
    let len = len.iter().fold(0usize, |n, b| (n << 8) | usize::from(*b));
    let body = bytes.get(width..width + len)?;
    Some((body, &bytes[width + len..]))
}

/// Builds a pack from entries in key order (`None` when there are none).
fn build(t: T, entries: &[(&[u8], &[u8])]) -> Result<Option<Vec<u8>>> {
    if entries.is_empty() {
        return Ok(None);
    }
    let size: usize = entries.iter().map(|(k, v)| 6 + k.len() + v.len()).sum();
    let mut out = Vec::with_capacity(size);
    for (k, v) in entries {
        let klen = u16::try_from(k.len()).map_err(|_| bad(t))?;
        let vlen = u32::try_from(v.len()).map_err(|_| bad(t))?;
        out.extend_from_slice(&klen.to_be_bytes());
        out.extend_from_slice(k);
        out.extend_from_slice(&vlen.to_be_bytes());
        out.extend_from_slice(v);
    }
    Ok(Some(out))
}

/// The pack `old` with `key` set to `value` (`None`: removed); `None` when nothing is left.
pub(super) fn edited(
    t: T,
    old: Option<&[u8]>,
    key: &[u8],
    value: Option<&[u8]>,
) -> Result<Option<Vec<u8>>> {
    let mut list = match old {
        Some(bytes) => entries(t, bytes)?,
        None => Vec::new(),
    };
    match (list.binary_search_by(|(k, _)| (*k).cmp(key)), value) {
        (Ok(i), Some(v)) => list[i] = (key, v),
        (Ok(i), None) => {
            list.remove(i);
        }
        (Err(i), Some(v)) => list.insert(i, (key, v)),
        (Err(_), None) => {}
    }
    build(t, &list)
}

/// The pack with every value passed through `f` (`None` from `f` keeps the value).
///
/// Errors: a pack that does not parse; what `f` returns.
pub fn map_values(
    t: T,
    pack: &[u8],
    mut f: impl FnMut(&[u8]) -> Result<Option<Vec<u8>>>,
) -> Result<Vec<u8>> {
    let list = entries(t, pack)?;
    let mapped: Vec<Option<Vec<u8>>> = list.iter().map(|(_, v)| f(v)).collect::<Result<_>>()?;
    let pairs: Vec<(&[u8], &[u8])> = list
        .iter()
        .zip(&mapped)
        .map(|((k, v), m)| (*k, m.as_deref().unwrap_or(v)))
        .collect();
    Ok(build(t, &pairs)?.unwrap_or_default())
}

/// A key and its value, owned.
type Entry = (Vec<u8>, Vec<u8>);

/// Packs of one tree, built from entries given in key order: for the upgrade to schema 3.
pub struct Packer {
    t: T,
    packs: std::collections::BTreeMap<Vec<u8>, Vec<Entry>>,
}

impl Packer {
    pub fn new(t: T) -> Packer {
        Packer {
            t,
            packs: std::collections::BTreeMap::new(),
        }
    }

    /// Adds an entry. Errors: a key of a length the tree never holds.
    pub fn add(&mut self, key: &[u8], value: &[u8]) -> Result<()> {
        let pack = pack_key(self.t, key)?;
        self.packs
            .entry(pack)
            .or_default()
            .push((key.to_vec(), value.to_vec()));
        Ok(())
    }

    /// Entries held.
    pub fn len(&self) -> usize {
        self.packs.values().map(Vec::len).sum()
    }

    /// The packs built so far, as (pack key, pack), emptied. Keys added in order keep each
    /// pack's entries in order; they are sorted anyway, so any order is safe.
    pub fn take(&mut self) -> Result<Vec<Entry>> {
        let t = self.t;
        let mut out = Vec::with_capacity(self.packs.len());
        for (pack, mut list) in std::mem::take(&mut self.packs) {
            list.sort_by(|a, b| a.0.cmp(&b.0));
            let pairs: Vec<(&[u8], &[u8])> = list
                .iter()
                .map(|(k, v)| (k.as_slice(), v.as_slice()))
                .collect();
            out.extend(build(t, &pairs)?.map(|b| (pack, b)));
        }
        Ok(out)
    }
}
