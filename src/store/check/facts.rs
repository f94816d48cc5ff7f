//! The facts of the actions (schema 4) compared with the actions as they pass: both come in id
//! order, so one walk over each, holding nothing but the entry at hand.

use super::expected::hex;
use crate::domain::{Action, ActionFact};
use crate::store::{facts, keys, packed, Result, Store, T};
use sled::IVec;
use std::iter::Peekable;

type Entries<'a> = Box<dyn Iterator<Item = Result<(IVec, IVec)>> + Send + 'a>;

/// The walk over the facts tree, one action at a time.
pub(super) struct FactWalk<'a> {
    entries: Peekable<Entries<'a>>,
    seal: crate::store::codec::Seal<'a>,
    /// Entries of the tree walked so far.
    pub(super) seen: usize,
}

impl<'a> FactWalk<'a> {
    pub(super) fn new(store: &'a Store) -> FactWalk<'a> {
        FactWalk {
            entries: packed::range(store.tree(T::ActionFacts), T::ActionFacts, &[], None)
                .peekable(),
            seal: store.seal(),
            seen: 0,
        }
    }

    /// Compares action `a`'s fact with the record; entries before it point at no action.
    /// Actions must come in id order.
    ///
    /// Errors: a pack of facts that does not parse, or what sled reports.
    pub(super) fn action(&mut self, a: &Action, problems: &mut Vec<String>) -> Result<()> {
        let name = T::ActionFacts.name();
        let key = keys::id(a.id.0);
        loop {
            let Some(next) = self.entries.peek() else {
                problems.push(format!("{name}: record has no entry {}", hex(&key)));
                return Ok(());
            };
            let Ok((k, _)) = next else {
                return self.entries.next().map_or(Ok(()), |r| r.map(|_| ()));
            };
            if k.as_ref() > key.as_slice() {
                problems.push(format!("{name}: record has no entry {}", hex(&key)));
                return Ok(());
            }
            let Some(Ok((k, v))) = self.entries.next() else {
                return Ok(());
            };
            self.seen += 1;
            if k.as_ref() < key.as_slice() {
                problems.push(format!("{name}: entry {} points at no record", hex(&k)));
                continue;
            }
            if facts::decode(&k, &v, self.seal).ok() != Some(ActionFact::of(a)) {
                problems.push(format!(
                    "{name}: entry {} disagrees with its record",
                    hex(&k)
                ));
            }
            return Ok(());
        }
    }

    /// Names the entries past the last action; returns how many entries the tree holds.
    ///
    /// Errors: as [`FactWalk::action`].
    pub(super) fn finish(mut self, problems: &mut Vec<String>) -> Result<usize> {
        let name = T::ActionFacts.name();
        for kv in self.entries.by_ref() {
            let (k, _) = kv?;
            self.seen += 1;
            problems.push(format!("{name}: entry {} points at no record", hex(&k)));
        }
        Ok(self.seen)
    }
}
