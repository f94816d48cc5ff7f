//! The one read the monitor needs (issue 14): every family, then every case, then every action's
//! facts (schema 4, [`super::facts`]), each handed to a [`Fold`] and dropped at once, so a
//! 50,000-case store is measured holding only counts and day numbers. The handle is its own, so
//! screen 5 can count on a thread while the store goes on being used.
//!
//! The actions are nine in ten of the records, so their facts are read, not the records: sled
//! keeps every page read for the session, and the records with their texts were 150 MB at the
//! peak of screen 5 at 50,000 cases. The facts are read in two halves at once, one per core (by
//! id: below and from the middle of the ids given out), each counted apart and added up after.

use super::{codec, guard, packed, Result, Store, Unreadable, T};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;

/// A range of keys: from the first, up to (not including) the second, or to the end.
type Range = (Vec<u8>, Option<Vec<u8>>);
/// Every key of a tree.
const WHOLE: Range = (Vec::new(), None);
use crate::domain::monitor::{ActionPart, Fold};
use crate::domain::{Case, Family};
use serde::de::DeserializeOwned;

/// A handle of the trees the monitor reads, usable from any thread.
#[derive(Clone)]
pub struct MonitorReader {
    families: sled::Tree,
    cases: sled::Tree,
    facts: super::facts::FactReader,
    key: Option<super::crypt::DataKey>,
    /// The action id the second half of the actions starts at.
    middle: u64,
    /// Set when the count is no longer wanted (screen 5 asked for another): reading stops.
    stop: Arc<AtomicBool>,
}

impl Store {
    /// The trees the monitor reads, to read on another thread while the store is used.
    pub fn monitor_reader(&self) -> MonitorReader {
        MonitorReader {
            families: self.tree(T::Families).clone(),
            cases: self.tree(T::Cases).clone(),
            facts: self.fact_reader(),
            key: self.key.clone(),
            middle: self.next_ids().action / 2,
            stop: Arc::new(AtomicBool::new(false)),
        }
    }
}

impl MonitorReader {
    /// The flag that stops this reader's count when set; what it counted by then is not whole.
    pub fn stop_flag(&self) -> Arc<AtomicBool> {
        Arc::clone(&self.stop)
    }

    /// Feeds `fold` every family, then every case, then every action's facts, in id order.
    ///
    /// Errors: the first record that can't be read ([`StoreError::Damaged`](super::StoreError)),
    /// reported here and not noted for the close.
    pub fn feed(&self, fold: &mut Fold) -> Result<()> {
        let families = (&self.families, T::Families);
        self.each(families, WHOLE, "family", |f: Family| fold.family(&f))?;
        let cases = (&self.cases, T::Cases);
        self.each(cases, WHOLE, "case", |c: Case| fold.case(&c))?;
        let counting: &Fold = fold;
        let count = |from: u64, until: Option<u64>| -> Result<ActionPart> {
            let mut part = ActionPart::default();
            self.facts.each(from, until, &self.stop, |a| {
                counting.fact_in(&mut part, &a);
                Ok(())
            })?;
            Ok(part)
        };
        let (low, high) = std::thread::scope(|s| {
            let high = s.spawn(|| count(self.middle, None));
            let low = count(0, Some(self.middle));
            (low, high.join())
        });
        let high = high.map_err(|_| Unreadable::DecodeStopped { what: "action" })?;
        fold.absorb(low?);
        fold.absorb(high?);
        Ok(())
    }

    /// Hands `f` every value of `range` in `tree`, decoded (`what` names it in errors).
    fn each<V: DeserializeOwned + 'static>(
        &self,
        (tree, t): (&sled::Tree, T),
        (start, end): Range,
        what: &'static str,
        mut f: impl FnMut(V),
    ) -> Result<()> {
        guard(|| -> Result<()> {
            for kv in packed::range(tree, t, &start, end.as_deref()) {
                if self.stop.load(Ordering::Relaxed) {
                    return Ok(());
                }
                f(codec::decode(&kv?.1, what, self.key.as_ref())?);
            }
            Ok(())
        })?
    }
}
