//! The one read the monitor needs (issue 14): every family, then every case, then every action,
//! each handed to a [`Fold`] and dropped at once, so a 50,000-case store is measured holding
//! only counts and day numbers. The handle is its own, so screen 5 can count on a thread while
//! the store goes on being used.

use super::{codec, guard, Result, Store, T};
use crate::domain::monitor::Fold;
use crate::domain::{Action, Case, Family};
use serde::de::DeserializeOwned;

/// A handle of the three trees the monitor reads, usable from any thread.
#[derive(Clone)]
pub struct MonitorReader {
    families: sled::Tree,
    cases: sled::Tree,
    actions: sled::Tree,
    key: Option<super::crypt::DataKey>,
}

impl Store {
    /// The trees the monitor reads, to read on another thread while the store is used.
    pub fn monitor_reader(&self) -> MonitorReader {
        MonitorReader {
            families: self.tree(T::Families).clone(),
            cases: self.tree(T::Cases).clone(),
            actions: self.tree(T::Actions).clone(),
            key: self.key.clone(),
        }
    }
}

impl MonitorReader {
    /// Feeds `fold` every family, then every case, then every action, in id order.
    ///
    /// Errors: the first record that can't be read ([`StoreError::Damaged`](super::StoreError)),
    /// reported here and not noted for the close.
    pub fn feed(&self, fold: &mut Fold) -> Result<()> {
        self.each(&self.families, "family", |f: Family| fold.family(&f))?;
        self.each(&self.cases, "case", |c: Case| fold.case(&c))?;
        self.each(&self.actions, "action", |a: Action| fold.action(&a))
    }

    fn each<V: DeserializeOwned + 'static>(
        &self,
        tree: &sled::Tree,
        what: &'static str,
        mut f: impl FnMut(V),
    ) -> Result<()> {
        guard(|| -> Result<()> {
            for value in tree.iter().values() {
                f(codec::decode(&value?, what, self.key.as_ref())?);
            }
            Ok(())
        })?
    }
}
