//! How many actions are open per deadline day and side (schema 5), in `open_due_counts`: the
//! overdue line of the TUI sums the counters of the days before today instead of decoding
//! every deadline row up to yesterday (issue 10: ~80,000 rows and 300 ms at 50,000 cases, and
//! sled keeps the pages it read for the whole session).
//!
//! A counter is kept by every commit in the same transaction as the actions it counts
//! ([`Store::plan`](super::plan)): the change's actions as they were are taken off, as they
//! will be are added. A replayed journal entry (the open after a crash, a restore) gets its
//! counters computed the same way from what its action writes replace, in the same
//! transaction; counters an entry carries are left out, as they were computed against the
//! store at the time. The upgrade from schema 4 derives them from the facts; `tandem check`
//! compares them with the actions.
//!
//! Key: the deadline day as [`keys::day`] (u32 BE, so days sort in order) ++ the side's byte
//! ([`Side::to_byte`]). Value: the byte [`COUNT`] and the count (u32 BE); a day and side with
//! no open action has no entry. In an encrypted store the value is sealed, as every record is.

use super::change::{Op, Undo};
use super::{codec, guard, keys, Result, Store, StoreError, Unreadable, T};
use crate::domain::{Action, ActionFact, Side};
use chrono::NaiveDate;
use std::collections::BTreeMap;

/// The envelope byte of a plain counter: not a record format, not [`codec::SEALED`], not
/// [`super::facts::FACT`].
pub const COUNT: u8 = 0x41;

/// Bytes of a key: day (4) and side (1).
pub const KEY_LEN: usize = 5;

/// The key of the counter of actions due on `day` on `side`.
pub fn key(day: NaiveDate, side: Side) -> [u8; KEY_LEN] {
    let mut k = [0u8; KEY_LEN];
    k[..4].copy_from_slice(&keys::day(Some(day)).to_be_bytes());
    k[4] = side.to_byte();
    k
}

/// A counter as stored: plain, or sealed under the store's key.
///
/// Errors: [`super::crypt::CryptError::NoRandom`] when sealing finds no nonce.
pub fn encode(count: u32, seal: codec::Seal) -> Result<Vec<u8>> {
    let mut bytes = [0u8; 5];
    bytes[0] = COUNT;
    bytes[1..].copy_from_slice(&count.to_be_bytes());
    match seal {
        None => Ok(bytes.to_vec()),
        Some(key) => super::crypt::value::seal(key, &bytes),
    }
}

/// The count stored under `key` as `bytes`.
///
/// Errors: [`Unreadable::DueCount`] for bytes or a key that are no counter's; what opening a
/// sealed one reports.
pub fn decode(key: &[u8], bytes: &[u8], seal: codec::Seal) -> Result<u32> {
    let plain = codec::plain(bytes, "open-due counter", seal)?;
    let count = match (key.len(), plain.split_first()) {
        (KEY_LEN, Some((&COUNT, n))) => n.try_into().ok().map(u32::from_be_bytes),
        _ => None,
    };
    count.ok_or_else(|| {
        Unreadable::DueCount {
            key: key.iter().map(|b| format!("{b:02x}")).collect(),
        }
        .into()
    })
}

/// Counters to change, by key: what a change (or a walk over the facts) adds and takes off.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Tally(BTreeMap<[u8; KEY_LEN], i64>);

impl Tally {
    /// Counts `fact` `by` (1: it is there, -1: it is gone), if it is open and has a deadline.
    pub fn fact(&mut self, fact: &ActionFact, by: i64) {
        if let Some((day, side)) = fact.open_due() {
            *self.0.entry(key(day, side)).or_default() += by;
        }
    }

    /// As [`Tally::fact`] for an action as it is or was (`None`: there is none).
    pub fn action(&mut self, action: Option<&Action>, by: i64) {
        if let Some(a) = action {
            self.fact(&ActionFact::of(a), by);
        }
    }

    /// Every key with what it adds up to, zeros left out, in key order.
    pub fn entries(&self) -> impl Iterator<Item = ([u8; KEY_LEN], i64)> + '_ {
        self.0
            .iter()
            .filter(|(_, n)| **n != 0)
            .map(|(k, n)| (*k, *n))
    }
}

impl Store {
    /// The counter writes of a change: its actions as they were (`old`) taken off, as they
    /// will be added.
    ///
    /// Errors: a stored counter that can't be read; what sealing reports.
    pub(super) fn plan_due_counts(
        &self,
        ch: &super::Change,
        old: &Undo,
        ops: &mut Vec<Op>,
    ) -> Result<()> {
        let mut tally = Tally::default();
        for (id, new) in &ch.actions {
            tally.action(old.actions.get(id).and_then(Option::as_ref), -1);
            tally.action(new.as_ref(), 1);
        }
        self.count_ops(&tally, ops)
    }

    /// The writes that bring each counter `tally` names from what is stored by its amount.
    fn count_ops(&self, tally: &Tally, ops: &mut Vec<Op>) -> Result<()> {
        for (key, by) in tally.entries() {
            let now = i64::from(self.due_count_at(&key)?);
            // Below zero only in a store that was wrong already; `check` names that.
            let next = u32::try_from((now + by).max(0)).unwrap_or(u32::MAX);
            ops.push(Op {
                tree: T::OpenDue,
                key: key.to_vec(),
                value: (next > 0).then(|| encode(next, self.seal())).transpose()?,
            });
        }
        Ok(())
    }

    /// The stored count under `key` (0 without an entry).
    fn due_count_at(&self, key: &[u8]) -> Result<u32> {
        let got = guard(|| self.tree(T::OpenDue).get(key))?;
        self.seen(match got {
            Ok(Some(v)) => decode(key, &v, self.seal()),
            Ok(None) => Ok(0),
            Err(e) => Err(e.into()),
        })
    }

    /// Replaces the counter writes of a journal entry about to be replayed with ones computed
    /// against the store as it is now: the actions the entry writes, as stored, are taken off,
    /// and as the entry writes them added. An entry of schema 4 or older carries none.
    ///
    /// Errors: an action or counter that can't be read; what sealing reports.
    pub(super) fn recount_replayed(&self, ops: &mut Vec<Op>) -> Result<()> {
        ops.retain(|o| o.tree != T::OpenDue);
        // The last write of an action in the entry is what it leaves.
        let mut last: BTreeMap<u64, Option<&[u8]>> = BTreeMap::new();
        for o in ops.iter().filter(|o| o.tree == T::Actions) {
            if let Some(id) = keys::read_id(&o.key) {
                last.insert(id, o.value.as_deref());
            }
        }
        let mut tally = Tally::default();
        for (id, value) in last {
            tally.action(self.action(crate::domain::ActionId(id))?.as_ref(), -1);
            let new: Option<Action> = value
                .map(|v| codec::decode(v, "action", self.seal()))
                .transpose()?;
            tally.action(new.as_ref(), 1);
        }
        let mut counts = Vec::new();
        self.count_ops(&tally, &mut counts)?;
        ops.extend(counts);
        Ok(())
    }

    /// Derives every counter afresh from the facts (the upgrade to schema 5); counters
    /// already there are cleared first, so a cut-off derivation is simply done again.
    ///
    /// Errors: what reading the facts or writing the counters reports.
    pub(super) fn derive_due_counts(&self) -> Result<()> {
        let tree = self.tree(T::OpenDue);
        guard(|| tree.clear())??;
        let mut tally = Tally::default();
        self.each_fact(|f| {
            tally.fact(&f, 1);
            Ok(())
        })?;
        let mut ops = Vec::new();
        self.count_ops(&tally, &mut ops)?;
        // A few thousand small values at most: one transaction.
        self.write_ops(&ops)
    }

    /// The counters, to read on another thread while the store goes on being used (the
    /// overdue line after the first frame).
    pub fn overdue_reader(&self) -> OverdueReader {
        OverdueReader {
            tree: self.tree(T::OpenDue).clone(),
            key: self.key.clone(),
        }
    }
}

/// A handle of the open-due counters of its own ([`OverdueReader::open_count_until`]).
pub struct OverdueReader {
    tree: sled::Tree,
    key: Option<super::crypt::DataKey>,
}

impl OverdueReader {
    /// How many open actions are due up to `until` (inclusive), per side (by
    /// [`Side::to_byte`]): the sum of the counters of those days. Damage found here is
    /// reported, not noted for the close.
    ///
    /// Errors: a counter that can't be read; what sled reports.
    pub fn open_count_until(&self, until: NaiveDate) -> Result<[usize; 2]> {
        let end = keys::day(Some(until)).saturating_add(1).to_be_bytes();
        guard(|| -> Result<[usize; 2]> {
            let mut counts = [0usize; 2];
            for kv in self.tree.range(..&end[..]) {
                let (k, v) = kv.map_err(StoreError::from)?;
                let n = decode(&k, &v, self.key.as_ref())?;
                let side = usize::from(k[KEY_LEN - 1]).min(1);
                counts[side] += usize::try_from(n).unwrap_or(usize::MAX);
            }
            Ok(counts)
        })?
    }
}

#[cfg(test)]
mod tests;
