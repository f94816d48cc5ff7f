//! The facts of every action (schema 4): a fixed-size value per action with what screen 3's
//! list and the monitor count by ([`ActionFact`]), packed by id in `action_fact_packs`.
//!
//! sled 0.34.7 keeps every page it has read, decoded, for the rest of the session (issue 10,
//! session 7: the cache limit is counted per shard and checked late), so a screen that reads
//! every action record keeps all of them: at 50,000 cases screen 5 peaked at 150 MB. A fact is
//! 31 bytes and holds no text.
//!
//! A fact is written by every commit beside its record ([`Store::plan`](super::plan)),
//! derived from the actions at the upgrade from schema 3, brought along when a replayed
//! journal entry (possibly of an older schema) writes an action, and compared entry by entry
//! by `tandem check`.
//!
//! Value: the byte [`FACT`], flags (1 owner, 2 zorg, 4 deadline, 8 finished, 16 cancelled), the
//! case id and the owner id (u64 BE, 0 without one), and the days since 1 January of year 1 it
//! was created, is due and was finished (i32 BE, 0 when there is none). In an encrypted store
//! the whole value is sealed, as every record is.

use super::change::Op;
use super::crypt::value;
use super::{codec, guard, keys, packed, Result, Store, Unreadable, T};
use crate::domain::{Action, ActionFact, ActionId, CaseId, PersonId, Side};
use chrono::{Datelike, NaiveDate};
use std::sync::atomic::{AtomicBool, Ordering};

/// The envelope byte of a plain fact: not a record format (those count up from 1, bincode
/// inside) and not [`codec::SEALED`].
pub const FACT: u8 = 0x40;

/// Bytes of a plain fact.
pub const LEN: usize = 31;

const OWNER: u8 = 1;
const ZORG: u8 = 2;
const DEADLINE: u8 = 4;
const DONE: u8 = 8;
const CANCELLED: u8 = 16;

/// Facts held before a write at the upgrade: ~1 MB.
const PER_WRITE: usize = 20_000;

/// The plain bytes of a fact.
pub fn plain(f: &ActionFact) -> [u8; LEN] {
    let mut flags = 0;
    for (set, bit) in [
        (f.owner.is_some(), OWNER),
        (f.side == Side::Zorg, ZORG),
        (f.deadline.is_some(), DEADLINE),
        (f.done.is_some(), DONE),
        (f.cancelled, CANCELLED),
    ] {
        if set {
            flags |= bit;
        }
    }
    let day = |d: Option<NaiveDate>| d.map_or(0, |d| d.num_days_from_ce()).to_be_bytes();
    let mut out = [0u8; LEN];
    out[0] = FACT;
    out[1] = flags;
    out[2..10].copy_from_slice(&f.case.0.to_be_bytes());
    out[10..18].copy_from_slice(&f.owner.map_or(0, |p| p.0).to_be_bytes());
    out[18..22].copy_from_slice(&day(Some(f.created)));
    out[22..26].copy_from_slice(&day(f.deadline));
    out[26..30].copy_from_slice(&day(f.done));
    // Room for one more flag byte without a new layout.
    out[30] = 0;
    out
}

/// A fact as stored: plain, or sealed under the store's key.
///
/// Errors: [`super::crypt::CryptError::NoRandom`] when sealing finds no nonce.
pub fn encode(f: &ActionFact, seal: codec::Seal) -> Result<Vec<u8>> {
    let bytes = plain(f);
    match seal {
        None => Ok(bytes.to_vec()),
        Some(key) => value::seal(key, &bytes),
    }
}

/// The fact stored under `key` (an action id) as `bytes`.
///
/// Errors: [`Unreadable::Fact`] for bytes that are no fact; what opening a sealed one reports.
pub fn decode(key: &[u8], bytes: &[u8], seal: codec::Seal) -> Result<ActionFact> {
    let id = keys::read_id(key).unwrap_or(0);
    let plain = codec::plain(bytes, "action fact", seal)?;
    parse(ActionId(id), &plain).ok_or_else(|| Unreadable::Fact { action: id }.into())
}

fn parse(id: ActionId, b: &[u8]) -> Option<ActionFact> {
    if b.len() != LEN || b[0] != FACT {
        return None;
    }
    let flags = b[1];
    let u64_at = |at: usize| Some(u64::from_be_bytes(b.get(at..at + 8)?.try_into().ok()?));
    let day_at = |at: usize| -> Option<NaiveDate> {
        let n = i32::from_be_bytes(b.get(at..at + 4)?.try_into().ok()?);
        NaiveDate::from_num_days_from_ce_opt(n)
    };
    // A day the flags say is there must read as a date; one they say is not is left unread.
    let opt_day = |bit: u8, at: usize| -> Option<Option<NaiveDate>> {
        if flags & bit == 0 {
            Some(None)
        } else {
            day_at(at).map(Some)
        }
    };
    Some(ActionFact {
        id,
        case: CaseId(u64_at(2)?),
        owner: (flags & OWNER != 0).then_some(PersonId(u64_at(10)?)),
        side: if flags & ZORG != 0 {
            Side::Zorg
        } else {
            Side::Onderwijs
        },
        created: day_at(18)?,
        deadline: opt_day(DEADLINE, 22)?,
        done: opt_day(DONE, 26)?,
        cancelled: flags & CANCELLED != 0,
    })
}

/// The write of action `id`'s fact as `action` implies it (`None`: the action is gone).
///
/// Errors: as [`encode`].
pub(super) fn op(id: ActionId, action: Option<&Action>, seal: codec::Seal) -> Result<Op> {
    Ok(Op {
        tree: T::ActionFacts,
        key: keys::id(id.0).to_vec(),
        value: action
            .map(|a| encode(&ActionFact::of(a), seal))
            .transpose()?,
    })
}

/// A handle of the facts, to read on any thread while the store goes on being used.
#[derive(Clone)]
pub struct FactReader {
    tree: sled::Tree,
    key: Option<super::crypt::DataKey>,
}

impl Store {
    /// The facts, to read on another thread ([`FactReader::each`]).
    pub fn fact_reader(&self) -> FactReader {
        FactReader {
            tree: self.tree(T::ActionFacts).clone(),
            key: self.key.clone(),
        }
    }

    /// Calls `f` with the facts of every action, in id order.
    ///
    /// Errors: the first fact that can't be read ([`Unreadable::Fact`], a failed seal), noted
    /// for the close; what `f` returns.
    pub fn each_fact(&self, f: impl FnMut(ActionFact) -> Result<()>) -> Result<()> {
        let never = AtomicBool::new(false);
        self.seen(self.fact_reader().each(0, None, &never, f))
    }

    /// Derives every action's fact afresh from the action records (the upgrade to schema 4);
    /// facts already there are cleared first, so a cut-off derivation is simply done again.
    ///
    /// Errors: what reading the actions or writing the facts reports.
    pub(super) fn derive_facts(&self) -> Result<()> {
        let tree = self.tree(T::ActionFacts);
        guard(|| tree.clear())??;
        let mut packer = packed::Packer::new(T::ActionFacts);
        let mut run: Option<Vec<u8>> = None;
        self.each_action(|a: Action| -> Result<()> {
            let key = keys::id(a.id.0);
            let this = packed::run_key(T::ActionFacts, &key)?;
            // Ids come in order: once the pack changes, the packs held are whole.
            if run.as_ref() != Some(&this) && packer.len() >= PER_WRITE {
                super::repack::write_packs(tree, &mut packer)?;
            }
            run = Some(this);
            packer.add(&key, &encode(&ActionFact::of(&a), self.seal())?)
        })?;
        super::repack::write_packs(tree, &mut packer)
    }

    /// Writes again the facts of the actions that `ops` write: a journal entry replayed
    /// (by the open after a crash, or a restore) may be of a schema without facts.
    ///
    /// Errors: what reading an action or writing its fact reports.
    pub(super) fn refresh_facts(&self, ops: &[Op]) -> Result<()> {
        let mut writes = Vec::new();
        for o in ops.iter().filter(|o| o.tree == T::Actions) {
            let Some(id) = keys::read_id(&o.key) else {
                continue;
            };
            let id = ActionId(id);
            writes.push(op(id, self.action(id)?.as_ref(), self.seal())?);
        }
        if writes.is_empty() {
            return Ok(());
        }
        self.write_ops(&writes)
    }
}

impl FactReader {
    /// Calls `f` with the facts of the actions with ids from `from` up to (not including)
    /// `until` (to the last when `None`), in id order; stops early, without an error, once
    /// `stop` is set.
    ///
    /// Errors: a fact that can't be read; a pack that does not parse; what `f` returns.
    pub fn each(
        &self,
        from: u64,
        until: Option<u64>,
        stop: &AtomicBool,
        mut f: impl FnMut(ActionFact) -> Result<()>,
    ) -> Result<()> {
        let seal = self.key.as_ref();
        let start = keys::id(from);
        let end = until.map(keys::id);
        guard(|| -> Result<()> {
            for kv in packed::range(
                &self.tree,
                T::ActionFacts,
                &start,
                end.as_ref().map(|e| &e[..]),
            ) {
                if stop.load(Ordering::Relaxed) {
                    return Ok(());
                }
                let (k, v) = kv?;
                f(decode(&k, &v, seal)?)?;
            }
            Ok(())
        })?
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fact() -> ActionFact {
        let day = NaiveDate::from_ymd_opt(2026, 11, 23).unwrap();
        ActionFact {
            id: ActionId(9),
            case: CaseId(u64::MAX - 1),
            owner: Some(PersonId(0)),
            side: Side::Zorg,
            created: day,
            deadline: day.succ_opt(),
            done: NaiveDate::from_ymd_opt(1, 1, 1),
            cancelled: true,
        }
    }

    #[test]
    fn a_fact_reads_back_as_written_in_every_shape() {
        let key = keys::id(9);
        let mut f = fact();
        for bits in 0..32u8 {
            f.owner = (bits & 1 != 0).then_some(PersonId(u64::from(bits) * 1000));
            f.side = if bits & 2 != 0 {
                Side::Zorg
            } else {
                Side::Onderwijs
            };
            f.deadline = (bits & 4 != 0).then(|| fact().created.pred_opt().unwrap());
            f.done = (bits & 8 != 0).then(|| NaiveDate::from_ymd_opt(9999, 12, 31).unwrap());
            f.cancelled = bits & 16 != 0;
            let bytes = encode(&f, None).unwrap();
            assert_eq!(bytes.len(), LEN);
            assert_eq!(decode(&key, &bytes, None).unwrap(), f);
        }
    }

    #[test]
    fn bytes_that_are_no_fact_are_named() {
        let key = keys::id(9);
        let good = encode(&fact(), None).unwrap();
        let named = |b: &[u8]| {
            matches!(
                decode(&key, b, None),
                Err(crate::store::StoreError::Damaged(Unreadable::Fact {
                    action: 9
                }))
            )
        };
        assert!(named(&good[..LEN - 1]));
        let mut other = good.clone();
        other[0] = codec::FORMAT;
        assert!(named(&other));
        let mut bad_day = good.clone();
        bad_day[18..22].copy_from_slice(&i32::MAX.to_be_bytes());
        assert!(named(&bad_day));
    }

    #[test]
    fn a_sealed_fact_reads_with_its_key_only() {
        let (key, _) = crate::store::crypt::new_key("pw").unwrap();
        let sealed = encode(&fact(), Some(&key)).unwrap();
        assert_eq!(sealed[0], codec::SEALED);
        assert_eq!(decode(&keys::id(9), &sealed, Some(&key)).unwrap(), fact());
        assert!(decode(&keys::id(9), &sealed, None).is_err());
    }
}
