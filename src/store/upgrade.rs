//! Upgrading a store written by an older schema, at open. Each step is idempotent and written
//! in transactions of whole cases, so a crash halfway leaves a store that the next open
//! upgrades again from where it stopped. The version is raised only once every step is on disk.

use super::change::Op;
use super::{codec, groups, guard, keys, Result, Store, Unreadable, SCHEMA_VERSION, T};
use crate::domain::{ActionId, CaseId, Event};

/// Meta key set by an upgrade until a backup in the new layout is made: the journal beside it
/// still holds writes of the old layout, so the next commit, in whatever session, backs up first.
pub(super) const BACKUP_DUE: &str = "backup_due";

/// Cases per transaction: small enough for sled's transaction, large enough to be quick.
const CASES_PER_WRITE: usize = 2000;

impl Store {
    /// Brings a store of schema `from` to [`SCHEMA_VERSION`]. Also folds in what the schema-1
    /// trees hold in a store of today's schema: a restore may have replayed a journal written
    /// before the upgrade.
    ///
    /// Errors: what reading or writing the store reports; the store is then left at `from`,
    /// and the next open tries again.
    pub(super) fn upgrade(&mut self, from: u32) -> Result<()> {
        self.fold_retired()?;
        if from < 4 {
            self.derive_facts()?;
        }
        if from < 5 {
            self.derive_due_counts()?;
        }
        if from < SCHEMA_VERSION {
            guard(|| -> std::result::Result<(), sled::Error> {
                let meta = self.tree(T::Meta);
                meta.insert(BACKUP_DUE, &[1u8])?;
                meta.insert("schema_version", &SCHEMA_VERSION.to_be_bytes())?;
                Ok(())
            })??;
            if !self.read_only {
                self.flush_synced()?;
                // Schema 5 only adds a few thousand small counters: writing the whole store
                // afresh for them (seconds at 50,000 cases) would give back no room.
                self.upgraded = from < 4;
            }
        }
        Ok(())
    }

    /// Moves the entries of schema 1's `action_case` and `event_case` (and the events they
    /// point at) into each case's `case_actions` and `case_events` value.
    ///
    /// Errors: what reading or writing reports; a damaged index key ([`Unreadable::IndexKey`]).
    pub(super) fn fold_retired(&self) -> Result<()> {
        self.fold_tree(T::ActionCase, |store, case, ids, ops| {
            let mut all = store.case_action_ids(case)?;
            all.extend(ids.iter().map(|id| ActionId(*id)));
            ops.push(groups::action_ids_op(case, all, self.seal())?);
            Ok(())
        })?;
        self.fold_tree(T::EventCase, |store, case, ids, ops| {
            let mut all = store.case_event_group(case)?;
            for id in ids {
                let bytes = guard(|| store.tree(T::Events).get(keys::id(*id)))??;
                if let Some(bytes) = bytes {
                    let event: Event = codec::decode(&bytes, "event", self.seal())?;
                    all.push(event);
                }
                ops.push(Op {
                    tree: T::Events,
                    key: keys::id(*id).to_vec(),
                    value: None,
                });
            }
            ops.push(groups::events_op(case, all, self.seal())?);
            Ok(())
        })
    }

    /// What removals of schema 1's `action_case` and `event_case` entries meant: the action or
    /// event left its case. Applied to the case's value of schema 2, which the entry never saw.
    ///
    /// Errors: what reading or writing reports.
    pub(super) fn drop_from_groups(&self, writes: &[Op]) -> Result<()> {
        // One write at a time: two removals from one case must each see the other's result.
        for w in writes.iter().filter(|w| w.value.is_none()) {
            let (Some(case), Some(id)) = (keys::read_id(&w.key), keys::pair_second(&w.key)) else {
                continue;
            };
            let case = CaseId(case);
            match w.tree {
                T::ActionCase => {
                    let mut ids = self.case_action_ids(case)?;
                    ids.retain(|a| a.0 != id);
                    self.write_ops(&[groups::action_ids_op(case, ids, self.seal())?])?;
                }
                T::EventCase => {
                    let mut events = self.case_event_group(case)?;
                    events.retain(|e| e.id.0 != id);
                    self.write_ops(&[groups::events_op(case, events, self.seal())?])?;
                }
                _ => {}
            }
        }
        Ok(())
    }

    /// Walks a `case ++ id` tree in key order, one case at a time: `fold` adds the writes that
    /// take the case's ids in, and every entry walked is removed in the same transaction.
    fn fold_tree(
        &self,
        t: T,
        fold: impl Fn(&Store, CaseId, &[u64], &mut Vec<Op>) -> Result<()>,
    ) -> Result<()> {
        loop {
            let keys: Vec<sled::IVec> = guard(|| {
                self.tree(t)
                    .iter()
                    .keys()
                    .take(CASES_PER_WRITE * 8)
                    .collect::<std::result::Result<_, _>>()
            })??;
            if keys.is_empty() {
                return Ok(());
            }
            let mut ops = Vec::new();
            let mut current: Option<(CaseId, Vec<u64>)> = None;
            for k in &keys {
                let (Some(case), Some(id)) = (keys::read_id(k), keys::pair_second(k)) else {
                    return Err(Unreadable::IndexKey { tree: t.name() }.into());
                };
                let case = CaseId(case);
                match &mut current {
                    Some((c, ids)) if *c == case => ids.push(id),
                    _ => {
                        if let Some((c, ids)) = current.take() {
                            fold(self, c, &ids, &mut ops)?;
                        }
                        current = Some((case, vec![id]));
                    }
                }
                ops.push(Op {
                    tree: t,
                    key: k.to_vec(),
                    value: None,
                });
            }
            if let Some((c, ids)) = current.take() {
                fold(self, c, &ids, &mut ops)?;
            }
            self.write_ops(&ops)?;
        }
    }
}
