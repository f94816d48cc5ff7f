//! Packed trees: many small values kept together as one sled value (a *pack*), while the rest
//! of the store still reads and writes them one key at a time.
//!
//! sled 0.34.7's open time and its page table grow with the number of keys, not with their
//! size: a probe with sled alone (120-byte values, 16 MiB cache) opened 1.2 million keys in
//! 126 ms with 50 MB resident, and the same bytes in 300,000 keys in 37 ms with 15 MB. At 50,000
//! cases the store held 1.2 million keys, 876,000 of them actions and their deadline rows
//! (issue 10). Schema 3 packs every tree that has many small values: a record lives in the pack
//! of its id's block of 16 or 32, a deadline row in one of [`SPREAD`] packs of its day, a case's
//! status entry in one of 64 packs of its status.
//!
//! A pack is a run of entries, each `key length (u16 BE) ++ key ++ value length (u32 BE) ++
//! value`, sorted by key. The values are the envelopes the codec makes, sealed or not, exactly
//! as an unpacked tree holds them, so sealing, fingerprints and erasure see the same values.

use super::{Result, StoreError, Unreadable, T};
use sled::transaction::{ConflictableTransactionError, TransactionalTree};
use sled::IVec;

mod format;
mod runs;
use format::edited;
pub use format::{entries, map_values, Packer};
pub use runs::{entries_in, runs};

/// Packs a day's deadline rows are spread over, by action id: a busy day at 50,000 cases has
/// about 1,500 rows, and a pack of them all (180 kB) would be written again on every save.
pub const SPREAD: u8 = 16;

/// Packs the cases of one status are spread over: 25,000 open cases make packs of ~6 kB.
const STATUS_SPREAD: u8 = 64;

/// How a tree's keys are packed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Packing {
    /// One sled value per key.
    None,
    /// A key that starts with an 8-byte id goes into the pack of `id >> shift`.
    ById { shift: u32 },
    /// A key goes into the pack named by its first `prefix` bytes and a byte of `ways` spread
    /// by the key's last byte: packs of one prefix are read together and merged.
    ByPrefix { prefix: usize, ways: u8 },
}

fn packing(t: T) -> Packing {
    // Shifts chosen so that a pack stays near 10-20 kB at 50,000 cases: a save writes its
    // packs again whole.
    let by_id = |shift| Packing::ById { shift };
    match t {
        T::Actions | T::CaseRows | T::CaseActions | T::Persons | T::FamilyCase => by_id(5),
        T::Cases | T::CaseEvents | T::Families => by_id(4),
        // 64 facts of 45 bytes with their key: ~3 kB, as every save that touches an action
        // writes its pack again.
        T::ActionFacts => by_id(6),
        T::ActionDue => Packing::ByPrefix {
            prefix: 5,
            ways: SPREAD,
        },
        T::CaseStatus => Packing::ByPrefix {
            prefix: 1,
            ways: STATUS_SPREAD,
        },
        // A few thousand small counters at most (days × sides): packing would only make a
        // save write more.
        T::Meta | T::Meetings | T::Events | T::ActionCase | T::EventCase | T::OpenDue => {
            Packing::None
        }
    }
}

/// True when tree `t` keeps its values in packs.
pub fn is_packed(t: T) -> bool {
    packing(t) != Packing::None
}

fn bad(t: T) -> StoreError {
    Unreadable::Pack { tree: t.name() }.into()
}

/// The key of the pack `key` belongs in. Errors: a key of a length the tree never holds.
fn pack_key(t: T, key: &[u8]) -> Result<Vec<u8>> {
    match packing(t) {
        Packing::None => Ok(key.to_vec()),
        Packing::ById { shift } => {
            let id = super::keys::read_id(key).ok_or_else(|| bad(t))?;
            Ok((id >> shift).to_be_bytes().to_vec())
        }
        Packing::ByPrefix { prefix, ways } => {
            if key.len() <= prefix {
                return Err(bad(t));
            }
            let mut k = key[..prefix].to_vec();
            k.push(key[key.len() - 1] % ways);
            Ok(k)
        }
    }
}

/// The packs `key` is read together with, named: its pack, or for a spread tree its prefix.
/// Keys in order come in runs of these. Errors: as [`pack_key`].
pub fn run_key(t: T, key: &[u8]) -> Result<Vec<u8>> {
    let pack = pack_key(t, key)?;
    Ok(run_of(t, &pack).map_or(pack.clone(), <[u8]>::to_vec))
}

/// The part of a pack key that packs read together share (`None`: each pack stands alone).
fn run_of(t: T, pack: &[u8]) -> Option<&[u8]> {
    match packing(t) {
        Packing::ByPrefix { prefix, .. } => pack.get(..prefix),
        _ => None,
    }
}

/// The value under `key` in tree `t`.
///
/// Errors: what sled reports; a pack that does not parse ([`Unreadable::Pack`]).
pub fn get(tree: &sled::Tree, t: T, key: &[u8]) -> Result<Option<IVec>> {
    if !is_packed(t) {
        return Ok(tree.get(key)?);
    }
    let Some(pack) = tree.get(pack_key(t, key)?)? else {
        return Ok(None);
    };
    let list = entries(t, &pack)?;
    Ok(list
        .binary_search_by(|(k, _)| (*k).cmp(key))
        .ok()
        .map(|i| IVec::from(list[i].1)))
}

/// Sets `key` to `value` (`None`: removes it) inside a transaction.
///
/// Errors: what sled reports; a pack that does not parse, as the transaction's abort.
pub fn write(
    tx: &TransactionalTree,
    t: T,
    key: &[u8],
    value: Option<&[u8]>,
) -> std::result::Result<(), ConflictableTransactionError<StoreError>> {
    if !is_packed(t) {
        match value {
            Some(v) => tx.insert(key, v)?,
            None => tx.remove(key)?,
        };
        return Ok(());
    }
    let pack = pack_key(t, key).map_err(ConflictableTransactionError::Abort)?;
    let old = tx.get(&pack)?;
    let new = edited(t, old.as_deref(), key, value).map_err(ConflictableTransactionError::Abort)?;
    match new {
        Some(bytes) => tx.insert(pack, bytes)?,
        None => tx.remove(pack)?,
    };
    Ok(())
}

/// The entries of `start..end` (to the tree's end when `end` is `None`) in key order, one at a
/// time; for a packed tree, unpacked.
pub fn range<'a>(
    tree: &'a sled::Tree,
    t: T,
    start: &[u8],
    end: Option<&[u8]>,
) -> Box<dyn Iterator<Item = Result<(IVec, IVec)>> + Send + 'a> {
    let plain = |iter: sled::Iter| iter.map(|kv| kv.map_err(StoreError::from));
    if !is_packed(t) {
        return match end {
            Some(end) => Box::new(plain(tree.range(start.to_vec()..end.to_vec()))),
            None => Box::new(plain(tree.range(start.to_vec()..))),
        };
    }
    // The pack a key is in sorts no later than the key's own prefix, so the packs from the
    // start key's prefix on hold everything in range.
    let from = match packing(t) {
        Packing::ById { .. } if start.len() >= 8 => pack_key(t, start).unwrap_or_default(),
        Packing::ByPrefix { prefix, .. } => start[..start.len().min(prefix)].to_vec(),
        _ => Vec::new(),
    };
    Box::new(Unpacked {
        t,
        packs: tree.range(from..),
        start: start.to_vec(),
        end: end.map(<[u8]>::to_vec),
        ready: std::collections::VecDeque::new(),
        run: None,
        held: Vec::new(),
        finished: false,
    })
}

/// The iterator of [`range`] over a packed tree.
struct Unpacked {
    t: T,
    packs: sled::Iter,
    start: Vec<u8>,
    end: Option<Vec<u8>>,
    ready: std::collections::VecDeque<(IVec, IVec)>,
    /// The run the held entries belong to ([`run_of`]).
    run: Option<Vec<u8>>,
    held: Vec<(IVec, IVec)>,
    finished: bool,
}

impl Unpacked {
    /// Moves the held run, sorted and cut to the range, to the ready entries.
    fn release(&mut self) {
        let mut held = std::mem::take(&mut self.held);
        held.sort_by(|a, b| a.0.cmp(&b.0));
        let end = self.end.as_deref();
        self.ready.extend(
            held.into_iter()
                .filter(|(k, _)| k.as_ref() >= self.start.as_slice())
                .filter(|(k, _)| end.is_none_or(|e| k.as_ref() < e)),
        );
    }

    /// True when every key of a pack with this key lies at or past the range's end.
    fn past_end(&self, pack: &[u8]) -> bool {
        past_end(self.t, pack, self.end.as_deref())
    }

    /// Reads the next pack; false at the end of the range.
    fn pull(&mut self) -> Result<bool> {
        let Some(kv) = self.packs.next() else {
            return Ok(false);
        };
        let (pack_key, pack) = kv?;
        if self.past_end(&pack_key) {
            return Ok(false);
        }
        let run = run_of(self.t, &pack_key).map(<[u8]>::to_vec);
        if run.is_none() || run != self.run {
            self.release();
            self.run = run;
        }
        for (k, v) in entries(self.t, &pack)? {
            self.held.push((IVec::from(k), IVec::from(v)));
        }
        Ok(true)
    }
}

/// True when every key of the pack named `pack` lies at or past `end` (`None`: the tree's end).
fn past_end(t: T, pack: &[u8], end: Option<&[u8]>) -> bool {
    let Some(end) = end else {
        return false;
    };
    let lowest: &[u8] = match packing(t) {
        Packing::ByPrefix { prefix, .. } => &pack[..pack.len().min(prefix)],
        // An id pack's lowest key is its number shifted back.
        _ => return pack_floor(t, pack).is_some_and(|f| f.as_slice() >= end),
    };
    let e = &end[..end.len().min(lowest.len())];
    lowest > e || (lowest == e && end.len() <= lowest.len())
}

/// The lowest key an id pack can hold.
fn pack_floor(t: T, pack: &[u8]) -> Option<Vec<u8>> {
    match packing(t) {
        Packing::ById { shift } => {
            let n = super::keys::read_id(pack)?;
            Some(
                n.checked_shl(shift)
                    .unwrap_or(u64::MAX)
                    .to_be_bytes()
                    .to_vec(),
            )
        }
        _ => None,
    }
}

impl Iterator for Unpacked {
    type Item = Result<(IVec, IVec)>;

    fn next(&mut self) -> Option<Self::Item> {
        loop {
            if let Some(kv) = self.ready.pop_front() {
                return Some(Ok(kv));
            }
            if self.finished {
                return None;
            }
            match self.pull() {
                Ok(true) if self.run.is_none() => self.release(),
                Ok(true) => {}
                Ok(false) => {
                    self.finished = true;
                    self.release();
                }
                Err(e) => {
                    self.finished = true;
                    return Some(Err(e));
                }
            }
        }
    }
}

#[cfg(test)]
mod tests;
