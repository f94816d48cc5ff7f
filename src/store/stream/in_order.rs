//! Work on a range split over threads, its results handed on in the range's order: one thread
//! reads units of work (a day's packs) from sled, [`workers`] threads turn them into results
//! (decode and format), and the caller's thread takes the results in order. At 50,000 cases
//! `tandem actions --due week` spends more time decoding and formatting its 92,800 rows than
//! reading them, so one thread for both leaves the second core idle.

use super::e_stopped;
use crate::store::{guard, Result, StoreError};
use std::collections::BTreeMap;
use std::sync::mpsc::{sync_channel, Receiver, SyncSender};
use std::sync::{Arc, Mutex};

/// Units that may be on their way at once (read, being worked on, or waiting for their turn):
/// bounds the memory in flight.
const IN_FLIGHT: usize = 8;

/// A unit of work as the reader hands it on, numbered in the range's order.
enum Job<U> {
    Unit(Result<U>),
    /// The range is read whole.
    End,
}

/// A worker's answer to a [`Job`].
enum Done<R> {
    Result(Result<R>),
    End,
}

/// Threads that work on units: one per core, at least one, at most four.
pub fn workers() -> usize {
    std::thread::available_parallelism().map_or(1, |n| n.get().clamp(1, 4))
}

/// Hands `sink` the result of `work` on each unit `units` gives, in the order of `units`; the
/// units are read on one thread and worked on by [`workers`] others at once. An error of
/// `units` or `work` reaches the caller in its place in the order; an error of `sink` stops
/// everything and is returned as it is. `seen` passes each error of the store on (to note
/// damage).
pub fn in_order<U: Send, R: Send, E: From<StoreError>>(
    units: impl Iterator<Item = Result<U>> + Send,
    work: impl Fn(U) -> Result<R> + Sync,
    mut sink: impl FnMut(R) -> std::result::Result<(), E>,
    seen: impl Fn(StoreError) -> StoreError,
) -> std::result::Result<(), E> {
    std::thread::scope(|s| {
        let (jobs_tx, jobs_rx) = sync_channel::<(usize, Job<U>)>(IN_FLIGHT);
        let jobs_rx = Arc::new(Mutex::new(jobs_rx));
        let (done_tx, done_rx) = sync_channel::<(usize, Done<R>)>(IN_FLIGHT);
        // A unit is read only with a turn in hand, and the turn comes back once its result
        // is handed on: a slow unit holds back at most IN_FLIGHT others.
        let (turn_tx, turn_rx) = sync_channel::<()>(IN_FLIGHT);
        for _ in 0..IN_FLIGHT {
            let _ = turn_tx.send(());
        }
        s.spawn(move || read(units, &turn_rx, &jobs_tx));
        for _ in 0..workers() {
            let (jobs, done, work) = (Arc::clone(&jobs_rx), done_tx.clone(), &work);
            s.spawn(move || work_on(&jobs, &done, work));
        }
        // Only the workers hold these now: when they stop, the reader's sends fail.
        drop((jobs_rx, done_tx));
        let mut waiting = BTreeMap::new();
        let mut next = 0;
        for (seq, done) in &done_rx {
            waiting.insert(seq, done);
            while let Some(done) = waiting.remove(&next) {
                next += 1;
                match done {
                    Done::Result(Ok(r)) => sink(r)?,
                    Done::Result(Err(e)) => return Err(E::from(seen(e))),
                    Done::End => return Ok(()),
                }
                let _ = turn_tx.send(());
            }
        }
        // Every worker stopped before the end of the range (a panic outside its guard).
        Err(E::from(seen(e_stopped())))
    })
}

/// The reading thread: numbers the units and hands them on, each with a turn, then the end;
/// stops at the first error (handed on in its place) or when no one takes units any more.
fn read<U>(
    units: impl Iterator<Item = Result<U>>,
    turns: &Receiver<()>,
    jobs: &SyncSender<(usize, Job<U>)>,
) {
    let mut seq = 0;
    let read = guard(|| {
        for unit in units {
            let failed = unit.is_err();
            if turns.recv().is_err() || jobs.send((seq, Job::Unit(unit))).is_err() {
                return;
            }
            seq += 1;
            if failed {
                return;
            }
        }
        let _ = jobs.send((seq, Job::End));
    });
    if let Err(e) = read {
        let _ = jobs.send((seq, Job::Unit(Err(e))));
    }
}

/// A working thread: takes the next unit, works on it, hands the result on with its number.
fn work_on<U, R>(
    jobs: &Mutex<Receiver<(usize, Job<U>)>>,
    done: &SyncSender<(usize, Done<R>)>,
    work: &impl Fn(U) -> Result<R>,
) {
    loop {
        let job = match jobs.lock() {
            Ok(rx) => rx.recv(),
            Err(_) => return,
        };
        let Ok((seq, job)) = job else { return };
        let out = match job {
            Job::Unit(Ok(unit)) => Done::Result(guard(|| work(unit)).and_then(|r| r)),
            Job::Unit(Err(e)) => Done::Result(Err(e)),
            Job::End => Done::End,
        };
        if done.send((seq, out)).is_err() {
            return;
        }
    }
}
