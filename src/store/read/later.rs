//! What the TUI reads after its first frame, on a thread of its own while keys are answered
//! (issue 10, item 2): every case row, then screen 3's entry of every open action. Read on the
//! UI thread, the rows held up the keys typed right after the first frame for ~0.2 s at 50,000
//! cases, and the entries made the first `3` of a session take ~0.25 s.

use super::decode_tree_range;
use crate::domain::{ActionEntry, CaseSummary};
use crate::store::facts::FactReader;
use crate::store::{Result, Store, T};
use std::sync::atomic::AtomicBool;
use std::sync::Arc;

/// A handle of the case rows and the actions' facts, usable from any thread.
#[derive(Clone)]
pub struct StartReader {
    rows: sled::Tree,
    facts: FactReader,
    key: Option<crate::store::crypt::DataKey>,
    /// Every action id given out: room for every entry there can be, made at once.
    every: usize,
}

impl Store {
    /// The trees read after the first frame, to read on another thread while the store is used.
    pub fn start_reader(&self) -> StartReader {
        StartReader {
            rows: self.tree(T::CaseRows).clone(),
            facts: self.fact_reader(),
            key: self.key.clone(),
            every: usize::try_from(self.next_ids().action).unwrap_or(0),
        }
    }
}

impl StartReader {
    /// Every case row, each in an `Arc` of its own, as [`Store::case_rows_shared`] reads them.
    ///
    /// Errors: a row that can't be read, not noted for the close (see [`Store::seen_err`]).
    pub fn case_rows(&self) -> Result<Vec<Arc<CaseSummary>>> {
        let seal = self.key.as_ref();
        decode_tree_range(
            (&self.rows, T::CaseRows),
            Vec::new(),
            None,
            "case row",
            seal,
        )
    }

    /// Screen 3's entry of every open action, in id order, as
    /// [`Store::action_entries`]`(false)` reads them; stops early (with what it has) once `stop`
    /// is set.
    ///
    /// Errors: a fact that can't be read, not noted for the close (see [`Store::seen_err`]).
    pub fn open_entries(&self, stop: &AtomicBool) -> Result<Vec<ActionEntry>> {
        // Room for every action at once: grown by doubling, the list copied itself inside the
        // heap and left the old copies behind. Room never written to takes no memory.
        let mut out = Vec::with_capacity(self.every);
        self.facts.each(0, None, stop, |f| {
            if f.is_open() {
                out.push(ActionEntry::from(&f));
            }
            Ok(())
        })?;
        Ok(out)
    }
}
