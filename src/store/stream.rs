//! Records and rows handed over one at a time, in key order, for what reads a whole tree or a
//! long range of it (export, backup, `tandem actions`): nothing holds all of them at once.
//!
//! sled reads the range on a second thread and hands the values over in batches through a
//! bounded channel; the caller's thread does its own work with each (write JSON, filter). Each
//! value is decoded on whichever side has less other work ([`DecodeOn`]): at 50,000 cases,
//! reading the 92,800 rows due this week took about as long as decoding them and writing their
//! JSON together (probe on the 50k store: ~280 ms read, ~170 ms decode, ~160 ms JSON), so there
//! the caller decodes; an export spends most of its time writing indented JSON, so there the
//! reader decodes. The reader runs at most [`AHEAD`] batches in front of the caller.

use super::{codec, guard, packed, Result, Store, StoreError, Unreadable, T};
use crate::domain::{Action, ActionSummary, Case, Event, Family, Meeting, Person};
use chrono::NaiveDate;
use serde::de::DeserializeOwned;

mod in_order;
mod row_view;
pub use row_view::ActionRowView;

/// Values per batch: enough that the channel costs little per value.
const BATCH: usize = 256;
/// Batches the reader may run ahead of the caller; bounds the memory in flight.
const AHEAD: usize = 16;

/// The batches the reading thread sends, or why it stopped; an empty batch ends the range.
type Batch<X> = Result<Vec<X>>;

/// Which thread decodes the values: the one that reads them from sled, or the caller's. The
/// one with less other work per value should: a list printed as compact rows spends more time
/// in sled than in its JSON, an export more in its indented JSON than in sled.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum DecodeOn {
    Reader,
    Caller,
}

/// A range of keys: from the first, up to (not including) the second, or to the end.
type Range = (Vec<u8>, Option<Vec<u8>>);

impl Store {
    /// Calls `f` with every entry of the range, in key order, after `convert` made its key and
    /// value into an `X` on the reading thread; `f` runs on this one. An error of `f` stops the reading and
    /// is returned as it is.
    fn each_batch<X: Send, E: From<StoreError>>(
        &self,
        t: T,
        range: Range,
        convert: impl Fn(sled::IVec, sled::IVec) -> Result<X> + Send,
        mut f: impl FnMut(X) -> std::result::Result<(), E>,
    ) -> std::result::Result<(), E> {
        let tree = self.tree(t);
        std::thread::scope(|s| {
            let (tx, rx) = std::sync::mpsc::sync_channel::<Batch<X>>(AHEAD);
            s.spawn(move || read_range((tree, t), range, convert, &tx));
            // The reader ends with an empty batch; one that stopped without it (a panic outside
            // its guard) must not pass for the end of the range.
            let mut ended = false;
            for batch in &rx {
                match batch {
                    Ok(values) if values.is_empty() => ended = true,
                    Ok(values) => values.into_iter().try_for_each(&mut f)?,
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

    /// Calls `f` with every value of the range decoded as `V` (`what` names it in errors).
    fn each_decoded<V: DeserializeOwned + Send + 'static, E: From<StoreError>>(
        &self,
        t: T,
        range: Range,
        (what, on): (&'static str, DecodeOn),
        mut f: impl FnMut(V) -> std::result::Result<(), E>,
    ) -> std::result::Result<(), E> {
        match on {
            DecodeOn::Reader => {
                self.each_batch(t, range, |_, v| codec::decode(&v, what, self.seal()), f)
            }
            DecodeOn::Caller => self.each_batch(
                t,
                range,
                |_, v| Ok(v),
                |v| {
                    let value = self.seen(codec::decode(&v, what, self.seal()))?;
                    f(value)
                },
            ),
        }
    }

    /// Every entry of tree `t` as it is stored, key and value, in key order: for `check`, which
    /// compares the index trees with what the records imply.
    pub fn each_entry<E: From<StoreError>>(
        &self,
        t: T,
        mut f: impl FnMut(&[u8], &[u8]) -> std::result::Result<(), E>,
    ) -> std::result::Result<(), E> {
        self.each_batch(t, whole(), |k, v| Ok((k, v)), |(k, v)| f(&k, &v))
    }

    /// Every professional on the sociale kaart, in id order.
    pub fn each_person<E: From<StoreError>>(
        &self,
        f: impl FnMut(Person) -> std::result::Result<(), E>,
    ) -> std::result::Result<(), E> {
        self.each_decoded(T::Persons, whole(), ("person", DecodeOn::Reader), f)
    }

    /// Every family, in id order.
    pub fn each_family<E: From<StoreError>>(
        &self,
        f: impl FnMut(Family) -> std::result::Result<(), E>,
    ) -> std::result::Result<(), E> {
        self.each_decoded(T::Families, whole(), ("family", DecodeOn::Reader), f)
    }

    /// Every case, in id order.
    pub fn each_case<E: From<StoreError>>(
        &self,
        f: impl FnMut(Case) -> std::result::Result<(), E>,
    ) -> std::result::Result<(), E> {
        self.each_decoded(T::Cases, whole(), ("case", DecodeOn::Reader), f)
    }

    /// Every action, open and done, in id order.
    pub fn each_action<E: From<StoreError>>(
        &self,
        f: impl FnMut(Action) -> std::result::Result<(), E>,
    ) -> std::result::Result<(), E> {
        self.each_decoded(T::Actions, whole(), ("action", DecodeOn::Reader), f)
    }

    /// Every meeting, in id order.
    pub fn each_meeting<E: From<StoreError>>(
        &self,
        f: impl FnMut(Meeting) -> std::result::Result<(), E>,
    ) -> std::result::Result<(), E> {
        self.each_decoded(T::Meetings, whole(), ("meeting", DecodeOn::Reader), f)
    }

    /// Every timeline event, in the order [`Store::events`] gives: those without a case by id,
    /// then each case's timeline, case by case. A timeline holding another case's event (or an
    /// event with a case kept on its own) is damage.
    pub fn each_event<E: From<StoreError>>(
        &self,
        mut f: impl FnMut(Event) -> std::result::Result<(), E>,
    ) -> std::result::Result<(), E> {
        let how = ("event", DecodeOn::Reader);
        self.each_decoded(T::Events, whole(), how, |e: Event| match e.case {
            None => f(e),
            Some(c) => Err(E::from(self.damaged(c.0))),
        })?;
        let how = ("timeline of a case", DecodeOn::Reader);
        self.each_decoded(T::CaseEvents, whole(), how, |group: Vec<Event>| {
            let case = group.first().and_then(|e| e.case);
            if case.is_none() || group.iter().any(|e| e.case != case) {
                return Err(E::from(self.damaged(case.map_or(0, |c| c.0))));
            }
            group.into_iter().try_for_each(&mut f)
        })
    }

    /// A timeline that holds what it must not, noted for the close.
    fn damaged(&self, case: u64) -> StoreError {
        match self.seen::<()>(Err(Unreadable::GroupMismatch { case }.into())) {
            Err(e) => e,
            Ok(()) => Unreadable::GroupMismatch { case }.into(),
        }
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
        let (start, end) = super::read::due_bounds(done, from, until);
        let how = ("action row", DecodeOn::Caller);
        self.each_decoded(T::ActionDue, (start, Some(end)), how, f)
    }
}

/// Pack bytes a unit of [`Store::map_action_rows`] gathers at least (a busy day of the 50,000
/// case store is one unit, ~1,500 rows; days long past with a few rows go together).
const UNIT_BYTES: usize = 128 << 10;

impl Store {
    /// The rows [`Store::each_action_row`] hands over, in the same order, a unit (a day or a
    /// few) at a time: `map` turns each unit's rows into an `R` on one of several threads at
    /// once ([`in_order::workers`]), and `sink` takes the `R`s on this thread, in order. The
    /// rows borrow their texts from the stored bytes ([`ActionRowView`]). An error of `sink`
    /// stops the reading and is returned as it is; a row that can't be read ends the list
    /// where it stands, as [`Store::each_action_row`] does, but the rows of its unit before
    /// it are not handed over.
    pub fn map_action_rows<R: Send, E: From<StoreError>>(
        &self,
        (done, from, until): (bool, Option<NaiveDate>, Option<NaiveDate>),
        map: impl Fn(&[ActionRowView<'_>]) -> R + Sync,
        sink: impl FnMut(R) -> std::result::Result<(), E>,
    ) -> std::result::Result<(), E> {
        self.map_action_rows_in((done, from, until), UNIT_BYTES, map, sink)
    }

    /// As [`Store::map_action_rows`], in units of at least `unit_bytes` of packs.
    fn map_action_rows_in<R: Send, E: From<StoreError>>(
        &self,
        (done, from, until): (bool, Option<NaiveDate>, Option<NaiveDate>),
        unit_bytes: usize,
        map: impl Fn(&[ActionRowView<'_>]) -> R + Sync,
        sink: impl FnMut(R) -> std::result::Result<(), E>,
    ) -> std::result::Result<(), E> {
        let (start, end) = super::read::due_bounds(done, from, until);
        let (tree, seal) = (self.tree(T::ActionDue), self.seal());
        let runs = packed::runs(tree, T::ActionDue, &start, Some(&end));
        let work = |unit: Vec<Vec<sled::IVec>>| -> Result<R> {
            let mut rows = Vec::new();
            for run in &unit {
                for (_, v) in packed::entries_in(T::ActionDue, run, &start, Some(&end))? {
                    rows.push(row_view::view(v, seal)?);
                }
            }
            Ok(map(&rows))
        };
        in_order::in_order(units(runs, unit_bytes), work, sink, |e| self.seen_err(e))
    }
}

/// Runs gathered into units of at least `unit_bytes` of packs (the last may be smaller).
fn units(
    runs: impl Iterator<Item = Result<Vec<sled::IVec>>> + Send,
    unit_bytes: usize,
) -> impl Iterator<Item = Result<Vec<Vec<sled::IVec>>>> + Send {
    let mut runs = runs.fuse();
    // An error after some runs: the unit so far first, then the error.
    let mut failed: Option<StoreError> = None;
    std::iter::from_fn(move || {
        if let Some(e) = failed.take() {
            return Some(Err(e));
        }
        let (mut unit, mut bytes) = (Vec::new(), 0);
        while bytes < unit_bytes {
            match runs.next() {
                Some(Ok(run)) => {
                    bytes += run.iter().map(|p| p.len()).sum::<usize>();
                    unit.push(run);
                }
                Some(Err(e)) if unit.is_empty() => return Some(Err(e)),
                Some(Err(e)) => {
                    failed = Some(e);
                    break;
                }
                None => break,
            }
        }
        (!unit.is_empty()).then_some(Ok(unit))
    })
}

/// The range of a whole tree.
fn whole() -> Range {
    (Vec::new(), None)
}

fn e_stopped() -> StoreError {
    Unreadable::DecodeStopped { what: "value" }.into()
}

/// The reading thread: converts the entries of the range and sends them in batches, then an
/// empty batch for the end; or the error that stopped it. Stops early when the receiver is gone.
fn read_range<X>(
    (tree, t): (&sled::Tree, T),
    (start, end): Range,
    convert: impl Fn(sled::IVec, sled::IVec) -> Result<X>,
    tx: &std::sync::mpsc::SyncSender<Batch<X>>,
) {
    let read = guard(|| -> Result<()> {
        let iter = super::packed::range(tree, t, &start, end.as_deref());
        let mut batch = Vec::with_capacity(BATCH);
        for entry in iter {
            let (key, value) = entry?;
            batch.push(convert(key, value)?);
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

#[cfg(test)]
mod tests;
