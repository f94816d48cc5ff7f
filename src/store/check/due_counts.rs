//! The open-due counters (schema 5) compared with what the actions add up to: tallied while
//! the actions pass by for the facts, then both walked in key order. A few thousand keys at
//! most (days × sides), so the tally is held whole.

use super::expected::hex;
use crate::domain::Action;
use crate::store::due_counts::{self, Tally};
use crate::store::{guard, Result, Store, StoreError, T};

/// What the actions say each counter should hold.
#[derive(Default)]
pub(super) struct DueTally(Tally);

impl DueTally {
    pub(super) fn action(&mut self, a: &Action) {
        self.0.action(Some(a), 1);
    }

    /// Names every counter that is wrong, missing, stray or unreadable; returns how many
    /// entries the tree holds.
    ///
    /// Errors: what sled reports.
    pub(super) fn compare(self, store: &Store, problems: &mut Vec<String>) -> Result<usize> {
        let name = T::OpenDue.name();
        let mut want = self.0.entries().peekable();
        let mut seen = 0;
        let stored: Vec<(sled::IVec, sled::IVec)> = guard(|| {
            store
                .tree(T::OpenDue)
                .iter()
                .collect::<std::result::Result<_, _>>()
        })?
        .map_err(StoreError::from)?;
        for (k, v) in stored {
            seen += 1;
            while let Some((w, n)) = want.next_if(|(w, _)| w.as_slice() < k.as_ref()) {
                problems.push(format!("{name}: no entry {} for {n} open actions", hex(&w)));
            }
            let expected = want
                .next_if(|(w, _)| w.as_slice() == k.as_ref())
                .map(|e| e.1);
            let held = due_counts::decode(&k, &v, store.seal());
            match (held, expected) {
                (Err(_), _) => problems.push(format!("{name}: entry {} is unreadable", hex(&k))),
                (Ok(n), None) => problems.push(format!(
                    "{name}: entry {} counts {n}, no open action is due then",
                    hex(&k)
                )),
                (Ok(n), Some(e)) if i64::from(n) != e => problems.push(format!(
                    "{name}: entry {} counts {n}, the actions {e}",
                    hex(&k)
                )),
                _ => {}
            }
        }
        for (w, n) in want {
            problems.push(format!("{name}: no entry {} for {n} open actions", hex(&w)));
        }
        Ok(seen)
    }
}
