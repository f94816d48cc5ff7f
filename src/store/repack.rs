//! The move to schema 3: the values of the trees of many small values (`actions`, `action_due`,
//! `cases`, …), one sled value per key, go into the packs of the trees schema 3 names
//! ([`super::packed`]).
//!
//! It runs at open before the journal's replay, so a replayed commit lands in the packs. Each
//! old tree is dropped only once its packs are on disk; a crash before that leaves the old tree
//! whole, and the next open empties the packed tree and packs it again.

use super::{guard, packed, Result, Store, T};

/// The trees schema 3 packs, by the names schemas 1 and 2 gave them.
const OLD: [(T, &str); 10] = [
    (T::Families, "families"),
    (T::Persons, "persons"),
    (T::Cases, "cases"),
    (T::Actions, "actions"),
    (T::CaseRows, "case_rows"),
    (T::ActionDue, "action_due"),
    (T::CaseStatus, "case_status"),
    (T::FamilyCase, "family_case"),
    (T::CaseActions, "case_actions"),
    (T::CaseEvents, "case_events"),
];

/// Entries held before a write: at most a few MB.
const PER_WRITE: usize = 20_000;

impl Store {
    /// Packs what a store of an older `schema` holds in its unpacked trees.
    ///
    /// Errors: what sled reports; a key of the wrong length in an old tree
    /// ([`super::Unreadable::Pack`]). The old tree is then left as it was.
    pub(super) fn repack(&self, schema: u32) -> Result<()> {
        if schema >= 3 {
            return Ok(());
        }
        let names = guard(|| self.db().tree_names())?;
        for (t, name) in OLD {
            if names.iter().any(|n| n.as_ref() == name.as_bytes()) {
                self.repack_tree(t, name)?;
            }
        }
        Ok(())
    }

    fn repack_tree(&self, t: T, name: &str) -> Result<()> {
        let old = guard(|| self.db().open_tree(name))??;
        let new = self.tree(t);
        guard(|| new.clear())??;
        guard(|| -> Result<()> {
            let mut packer = packed::Packer::new(t);
            let mut run: Option<Vec<u8>> = None;
            for kv in old.iter() {
                let (k, v) = kv?;
                let this = packed::run_key(t, &k)?;
                // Keys come in order: once the run changes, the packs held are complete.
                if run.as_ref() != Some(&this) && packer.len() >= PER_WRITE {
                    write_packs(new, &mut packer)?;
                }
                run = Some(this);
                packer.add(&k, &v)?;
            }
            write_packs(new, &mut packer)
        })??;
        self.flush_synced()?;
        guard(|| self.db().drop_tree(name))??;
        self.flush_synced()
    }
}

/// Writes the packs the packer holds, and empties it.
pub(super) fn write_packs(tree: &sled::Tree, packer: &mut packed::Packer) -> Result<()> {
    let mut batch = sled::Batch::default();
    for (k, v) in packer.take()? {
        batch.insert(k, v);
    }
    Ok(tree.apply_batch(batch)?)
}
