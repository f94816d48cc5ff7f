//! Committing a unit of work: into the journal (synced), then into sled in one multi-tree
//! transaction, then sled's files synced; and undoing one as a change of its own.

use super::{Change, Op, Undo};
use crate::domain::{CaseId, EventId, EventKind, FamilyId};
use crate::store::{guard, journal, keys, packed, Counters, Result, Store, StoreError, T};
use chrono::NaiveDateTime;
use sled::transaction::{ConflictableTransactionError, TransactionError, Transactional};
use std::collections::BTreeSet;

impl Store {
    /// Commits: the change goes into the journal (synced), then into sled in one transaction,
    /// then sled is flushed and its file synced. When this returns Ok, the change is on disk.
    /// The first commit of a day (and the first after a bulk load) makes a backup first.
    ///
    /// Errors: [`StoreError::ReadOnly`], [`StoreError::DiskFull`] (nothing was saved; the next
    /// commit works once there is room), or whatever sled reports.
    pub fn commit(&mut self, change: Change) -> Result<Undo> {
        self.before_commit()?;
        self.apply_with(change, true)
    }

    /// As [`Store::commit`], without the day's backup before it: for a change that a backup
    /// follows at once (an erasure: a backup made before it would hold what it takes out, only
    /// to be rewritten right after). Bulk writes not yet in a backup still get theirs first.
    ///
    /// Errors: as [`Store::commit`].
    pub(in crate::store) fn commit_then_backup(&mut self, change: Change) -> Result<Undo> {
        if self.unjournaled {
            return self.commit(change);
        }
        self.ready_to_commit()?;
        self.apply_with(change, true)
    }

    /// Commits without the journal and without waiting for the disk; for bulk loads (demo,
    /// import) that flush once at the end. The next journaled commit makes a backup first.
    pub fn commit_unflushed(&mut self, change: Change) -> Result<Undo> {
        self.writable()?;
        self.unjournaled = true;
        self.apply_with(change, false)
    }

    /// Reverses a committed change as a new change of its own (it is on the timeline too).
    pub fn undo(&mut self, undo: Undo, now: NaiveDateTime) -> Result<()> {
        self.before_commit()?;
        let deleted_families: BTreeSet<FamilyId> = undo
            .families
            .iter()
            .filter(|(_, old)| old.is_none())
            .map(|(id, _)| *id)
            .collect();
        let mut change = self.begin();
        change.families = undo.families;
        change.persons = undo.persons;
        change.cases = undo.cases.clone();
        change.actions = undo.actions;
        change.meetings = undo.meetings;
        change.events = undo.removed_events;
        let deleted: BTreeSet<CaseId> = undo
            .cases
            .iter()
            .filter(|(_, old)| old.is_none())
            .map(|(id, _)| *id)
            .collect();
        // Every timeline line of a case the undo removes goes with it, also the lines of later
        // changes to that case (an action added, then undone first): a line naming a case that
        // no longer exists fails `check`, and with it every backup's import.
        let mut gone: BTreeSet<EventId> = BTreeSet::new();
        for case in &deleted {
            for e in self.case_event_group(*case)? {
                if gone.insert(e.id) {
                    change.removed_events.push(e);
                }
            }
        }
        for e in &undo.events {
            let of_deleted = match e.case {
                Some(c) => deleted.contains(&c),
                None => e.family.is_some_and(|f| deleted_families.contains(&f)),
            };
            if of_deleted && gone.insert(e.id) {
                change.removed_events.push(e.clone());
            }
        }
        for (id, old) in &undo.cases {
            if old.is_some() {
                change.event(
                    now,
                    Some(*id),
                    old.as_ref().map(|c| c.family),
                    EventKind::CaseEdited,
                );
            }
        }
        self.apply_with(change, true).map(|_| ())
    }

    fn apply_with(&mut self, mut change: Change, journaled: bool) -> Result<Undo> {
        if !change.keep_trail {
            for e in change.events.iter_mut().filter(|e| e.who.is_empty()) {
                e.who.clone_from(&self.who);
            }
        }
        let undo = self.previous_of(&change)?;
        if !change.keep_trail {
            super::fields::attach(&mut change, &undo);
        }
        let mut ops = Vec::new();
        self.plan(&change, &undo, &mut ops)?;
        // Counters only ever grow: a change made without `begin()` (all zeros) cannot wind them
        // back over ids in use.
        let mut next = change.next.max_with(self.next_ids());
        reserve_ids(&mut next, &change);
        let mut named = Counters::NAMES.iter().zip(next.clone_slots());
        for (name, value) in &mut named {
            ops.push(Op {
                tree: T::Meta,
                key: format!("next/{name}").into_bytes(),
                value: Some(keys::id(value).to_vec()),
            });
        }
        if journaled {
            self.write_journaled(ops)?;
        } else {
            self.write_ops(&ops)?;
            self.wrote = true;
        }
        self.next = next;
        Ok(Undo {
            events: change.events,
            removed_events: change.removed_events,
            ..undo
        })
    }

    /// Writes ops as the next confirmed change: into the journal (synced), then into sled with
    /// the change's number, then sled's files synced. The journal entry is taken back if sled
    /// refuses the transaction.
    pub(in crate::store) fn write_journaled(&mut self, mut ops: Vec<Op>) -> Result<()> {
        let seq = self.seq + 1;
        ops.push(Op {
            tree: T::Meta,
            key: crate::store::lifecycle::SEQ_KEY.as_bytes().to_vec(),
            value: Some(keys::id(seq).to_vec()),
        });
        let writes: Vec<journal::Write1> = ops
            .iter()
            .map(|o| journal::Write1 {
                tree: o.tree as u8,
                key: o.key.clone(),
                value: o.value.clone(),
            })
            .collect();
        let dir = self.dir.clone();
        let journal = self.journal.as_mut().ok_or(StoreError::ReadOnly(dir))?;
        let before = journal.len();
        journal.append(seq, &writes)?;
        self.wrote = true;
        if let Err(e) = self.write_ops(&ops) {
            if let Some(j) = self.journal.as_mut() {
                j.take_back(seq, before);
            }
            return self.seen(Err(sled_latched(e)));
        }
        self.seq = seq;
        // The journal already holds the change on disk; if sled's flush fails (or waits for
        // `settle`), the next commit does it first, so sled's files never miss more than this
        // one, and the open after a crash replays that one from the journal.
        self.unflushed = self.settle_later || self.flush_synced().is_err();
        Ok(())
    }

    /// Commits from now on leave sled's flush and sync to [`Store::settle`] (`later`), or do it
    /// before they return (the default). The change is on disk either way: in the journal.
    pub fn settle_later(&mut self, later: bool) {
        self.settle_later = later;
    }

    /// True while a commit's sled flush waits for [`Store::settle`] (or failed and waits for
    /// the next commit).
    pub fn awaits_settle(&self) -> bool {
        self.unflushed
    }

    /// Flushes and syncs sled's files if a commit left that for later. A failure is kept for
    /// the next commit, which tries again first and reports it.
    pub fn settle(&mut self) {
        if self.unflushed && !self.read_only && self.flush_synced().is_ok() {
            self.unflushed = false;
        }
    }

    /// Writes ops into sled as one multi-tree transaction.
    pub(in crate::store) fn write_ops(&self, ops: &[Op]) -> Result<()> {
        let trees: Vec<&sled::Tree> = self.trees.iter().collect();
        let result = guard(|| {
            trees.as_slice().transaction(|tx| {
                for op in ops {
                    let tree = &tx[op.tree as usize];
                    packed::write(tree, op.tree, &op.key, op.value.as_deref())?;
                }
                Ok::<(), ConflictableTransactionError<StoreError>>(())
            })
        })?;
        match result {
            Ok(()) => Ok(()),
            Err(TransactionError::Abort(e)) => Err(e),
            Err(TransactionError::Storage(e)) => Err(e.into()),
        }
    }

    fn writable(&self) -> Result<()> {
        match self.why_read_only() {
            Some(e) => Err(e),
            None => Ok(()),
        }
    }

    /// What every journaled commit needs first: a writable store, sled's files caught up with
    /// the journal, and today's backup.
    fn before_commit(&mut self) -> Result<()> {
        self.ready_to_commit()?;
        // The caller's clock, not the change's own time: a back-dated change is still made
        // today.
        let today = self
            .today
            .unwrap_or_else(|| chrono::Local::now().date_naive());
        self.backup_if_due(today)
    }

    /// A writable store, sled's files caught up with the journal, the journal open.
    fn ready_to_commit(&mut self) -> Result<()> {
        self.writable()?;
        if self.unflushed {
            // Reopening sled within the session can panic in sled's recovery (seen with a
            // full disk), so a latched error asks for a restart instead.
            self.flush_synced().map_err(sled_latched)?;
            self.unflushed = false;
        }
        self.ensure_journal()
    }

    /// Opens the journal for the first save of a session. A damaged one goes into quarantine
    /// (as evidence); a missing, damaged or unbacked one is started anew on this change number,
    /// and the first commit then makes a backup, so backup + journal cover everything again.
    pub(in crate::store) fn ensure_journal(&mut self) -> Result<()> {
        if self.journal.is_some() {
            return Ok(());
        }
        if let journal::Found::Usable {
            base,
            last,
            valid_len,
        } = self.journal_found
        {
            self.journal = Some(journal::Journal::open_at(&self.dir, base, last, valid_len)?);
            return Ok(());
        }
        if self.journal_found == journal::Found::Damaged {
            let keep = crate::store::files::new_quarantine_dir(&self.dir, "-journaal")?;
            std::fs::rename(journal::path(&self.dir), keep.join(journal::FILE))
                .map_err(StoreError::io)?;
        }
        self.journal = Some(journal::Journal::open(&self.dir, None, self.seq)?);
        self.journal_found = journal::Found::Usable {
            base: self.seq,
            last: self.seq,
            valid_len: 0,
        };
        if !self.is_empty() {
            self.unjournaled = true;
        }
        Ok(())
    }

    /// The stored versions of everything the change touches.
    fn previous_of(&self, change: &Change) -> Result<Undo> {
        let mut undo = Undo::default();
        for id in change.families.keys() {
            undo.families.insert(*id, self.family(*id)?);
        }
        for id in change.persons.keys() {
            undo.persons.insert(*id, self.person(*id)?);
        }
        for id in change.cases.keys() {
            undo.cases.insert(*id, self.case(*id)?);
        }
        for id in change.actions.keys() {
            undo.actions.insert(*id, self.action(*id)?);
        }
        for id in change.meetings.keys() {
            undo.meetings.insert(*id, self.meeting(*id)?);
        }
        Ok(undo)
    }
}

/// Keeps every counter above the ids the change writes: a record saved with an id taken from
/// another unit of work (`store.begin().case_id()` then `save_case`) must still reserve it, or
/// the next new record would get the same id and overwrite it.
fn reserve_ids(next: &mut Counters, ch: &Change) {
    fn above(slot: &mut u64, id: u64) {
        *slot = (*slot).max(id.saturating_add(1));
    }
    for (id, f) in &ch.families {
        above(&mut next.family, id.0);
        for c in f.iter().flat_map(|f| &f.children) {
            above(&mut next.child, c.id.0);
        }
    }
    for id in ch.persons.keys() {
        above(&mut next.person, id.0);
    }
    for id in ch.cases.keys() {
        above(&mut next.case, id.0);
    }
    for id in ch.actions.keys() {
        above(&mut next.action, id.0);
    }
    for id in ch.meetings.keys() {
        above(&mut next.meeting, id.0);
    }
    for e in &ch.events {
        above(&mut next.event, e.id.0);
    }
}

impl Counters {
    fn clone_slots(mut self) -> [u64; 7] {
        self.slots().map(|s| *s)
    }
}

impl Counters {
    /// Each counter at the larger of the two.
    fn max_with(mut self, other: Counters) -> Counters {
        let theirs = other.clone_slots();
        for (slot, theirs) in self.slots().into_iter().zip(theirs) {
            *slot = (*slot).max(theirs);
        }
        self
    }
}

/// sled 0.34.7 latches an I/O error: once one of its writes hit a full disk (a flush of its own,
/// or its background flusher), every later write of that `Db` fails too, however much room there
/// is again. "Make room and try again" would never work; a restart does (it opens the files
/// afresh and writes back from the journal what they miss).
fn sled_latched(e: StoreError) -> StoreError {
    match e {
        StoreError::DiskFull => StoreError::RestartAfterFullDisk,
        other => other,
    }
}
