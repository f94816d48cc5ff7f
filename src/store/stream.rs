//! Records and rows handed over one at a time, in key order, for what reads a whole tree or a
//! long range of it (export, backup, `tandem actions`): nothing holds all of them at once.
//!
//! sled reads the range on a second thread and hands the raw values over in batches through a
//! bounded channel; the caller's thread decodes them and does its own work with each (write JSON,
//! filter). At 50,000 cases reading the 92,800 rows due this week took about as long as decoding
//! them and writing their JSON together (probe on the 50k store: ~280 ms read, ~170 ms decode,
//! ~160 ms JSON), so those two halves keep both cores busy, and the reader runs at most
//! [`AHEAD`] batches in front of the writer.

use super::{codec, guard, keys, Result, Store, StoreError, Unreadable, T};
use crate::domain::{Action, ActionSummary, Case, Event, Family, Meeting, Person};
use chrono::NaiveDate;
use serde::de::DeserializeOwned;

/// Values per batch: enough that the channel costs little per value.
const BATCH: usize = 256;
/// Batches the reader may run ahead of the caller; bounds the memory in flight.
const AHEAD: usize = 16;

/// The batches the reading thread sends: raw values, or why it stopped.
type Batch = Result<Vec<sled::IVec>>;

impl Store {
    /// Calls `f` with every value of `start..end` (to the end of the tree when `end` is
    /// `None`), in key order. The values are read on a second thread; `f` runs on this one. An
    /// error of `f` stops the reading and is returned as it is.
    fn each_raw<E: From<StoreError>>(
        &self,
        t: T,
        start: Vec<u8>,
        end: Option<Vec<u8>>,
        mut f: impl FnMut(&[u8]) -> std::result::Result<(), E>,
    ) -> std::result::Result<(), E> {
        let tree = self.tree(t);
        std::thread::scope(|s| {
            let (tx, rx) = std::sync::mpsc::sync_channel::<Batch>(AHEAD);
            s.spawn(move || read_range(tree, start, end, &tx));
            // The reader ends with an empty batch; one that stopped without it (a panic outside
            // its guard) must not pass for the end of the range.
            let mut ended = false;
            for batch in &rx {
                match batch {
                    Ok(values) if values.is_empty() => ended = true,
                    Ok(values) => {
                        for v in &values {
                            f(v)?;
                        }
                    }
                    Err(e) => return self.seen::<()>(Err(e)).map_err(E::from),
                }
            }
            if ended {
                Ok(())
            } else {
                Err(E::from(e_stopped()))
            }
        })
    }

    /// Calls `f` with every value of `start..end` decoded as `V` (`what` names it in errors).
    fn each_decoded<V: DeserializeOwned, E: From<StoreError>>(
        &self,
        t: T,
        range: (Vec<u8>, Option<Vec<u8>>),
        what: &'static str,
        mut f: impl FnMut(V) -> std::result::Result<(), E>,
    ) -> std::result::Result<(), E> {
        self.each_raw(t, range.0, range.1, |bytes| {
            let value = self.seen(codec::decode(bytes, what))?;
            f(value)
        })
    }

    /// Every professional on the sociale kaart, in id order.
    pub fn each_person<E: From<StoreError>>(
        &self,
        f: impl FnMut(Person) -> std::result::Result<(), E>,
    ) -> std::result::Result<(), E> {
        self.each_decoded(T::Persons, whole(), "person", f)
    }

    /// Every family, in id order.
    pub fn each_family<E: From<StoreError>>(
        &self,
        f: impl FnMut(Family) -> std::result::Result<(), E>,
    ) -> std::result::Result<(), E> {
        self.each_decoded(T::Families, whole(), "family", f)
    }

    /// Every case, in id order.
    pub fn each_case<E: From<StoreError>>(
        &self,
        f: impl FnMut(Case) -> std::result::Result<(), E>,
    ) -> std::result::Result<(), E> {
        self.each_decoded(T::Cases, whole(), "case", f)
    }

    /// Every action, open and done, in id order.
    pub fn each_action<E: From<StoreError>>(
        &self,
        f: impl FnMut(Action) -> std::result::Result<(), E>,
    ) -> std::result::Result<(), E> {
        self.each_decoded(T::Actions, whole(), "action", f)
    }

    /// Every meeting, in id order.
    pub fn each_meeting<E: From<StoreError>>(
        &self,
        f: impl FnMut(Meeting) -> std::result::Result<(), E>,
    ) -> std::result::Result<(), E> {
        self.each_decoded(T::Meetings, whole(), "meeting", f)
    }

    /// Every timeline event, in id order.
    pub fn each_event<E: From<StoreError>>(
        &self,
        f: impl FnMut(Event) -> std::result::Result<(), E>,
    ) -> std::result::Result<(), E> {
        self.each_decoded(T::Events, whole(), "event", f)
    }

    /// The action rows [`Store::action_rows`] returns, one at a time and in the same order
    /// (deadline, then id; without a deadline last): open ones (`done == false`) or done ones,
    /// with a deadline from `from` up to `until`, both inclusive (`None` leaves that end open).
    pub fn each_action_row<E: From<StoreError>>(
        &self,
        done: bool,
        from: Option<NaiveDate>,
        until: Option<NaiveDate>,
        f: impl FnMut(ActionSummary) -> std::result::Result<(), E>,
    ) -> std::result::Result<(), E> {
        let start = keys::action_due_from(done, from).to_vec();
        let end = match until {
            Some(u) => {
                let mut end = [0u8; 5];
                end[0] = u8::from(done);
                end[1..5].copy_from_slice(&keys::day(Some(u)).saturating_add(1).to_be_bytes());
                end.to_vec()
            }
            // Past the last key of this `done` byte: actions without a deadline included.
            None => vec![u8::from(done) + 1],
        };
        self.each_decoded(T::ActionDue, (start, Some(end)), "action row", f)
    }
}

/// The range of a whole tree.
fn whole() -> (Vec<u8>, Option<Vec<u8>>) {
    (Vec::new(), None)
}

fn e_stopped() -> StoreError {
    Unreadable::DecodeStopped { what: "value" }.into()
}

/// The reading thread: sends the values of the range in batches, then an empty batch for the
/// end; or the error that stopped it. Stops early when the receiver is gone.
fn read_range(
    tree: &sled::Tree,
    start: Vec<u8>,
    end: Option<Vec<u8>>,
    tx: &std::sync::mpsc::SyncSender<Batch>,
) {
    let read = guard(|| -> Result<()> {
        let iter = match end {
            Some(end) => tree.range(start..end),
            None => tree.range(start..),
        };
        let mut batch = Vec::with_capacity(BATCH);
        for value in iter.values() {
            batch.push(value?);
            if batch.len() == BATCH {
                let full = std::mem::replace(&mut batch, Vec::with_capacity(BATCH));
                if tx.send(Ok(full)).is_err() {
                    return Ok(());
                }
            }
        }
        if !batch.is_empty() && tx.send(Ok(batch)).is_err() {
            return Ok(());
        }
        let _ = tx.send(Ok(Vec::new()));
        Ok(())
    });
    if let Err(e) = read.and_then(|r| r) {
        let _ = tx.send(Err(e));
    }
}
