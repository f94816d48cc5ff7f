//! What a change implies: every record write, index entry and derived list row, computed from
//! the records as they will be after the change. `tandem check` derives the same rows with the
//! same functions ([`CaseSummary::derive`], [`ActionSummary::derive`]).

use super::change::{Change, Op, Undo};
use super::{codec, facts, groups, keys, Invalid, Result, Store, T};
use crate::domain::{
    Action, ActionId, ActionSummary, Case, CaseId, CaseSummary, Event, EventId, Family, FamilyId,
};
use std::collections::{BTreeMap, BTreeSet};

impl Store {
    /// Every write the change implies: records, index entries and derived rows.
    ///
    /// Errors: [`Invalid::FamilyHasCases`], [`Invalid::CaseHasActions`] and
    /// [`Invalid::ActionWithoutCase`] for a change that would leave a reference dangling; what
    /// reading or encoding a record reports.
    pub(super) fn plan(&self, ch: &Change, old: &Undo, ops: &mut Vec<Op>) -> Result<()> {
        plan_plain_records(ch, ops, self.seal())?;
        self.plan_events(ch, ops)?;
        self.plan_case_actions(ch, old, ops)?;
        let (cases, actions) = self.rows_to_derive(ch, old)?;
        for id in &cases {
            self.plan_case(ch, old, *id, ops)?;
        }
        for id in &actions {
            self.plan_action(ch, old, *id, ops)?;
        }
        self.plan_due_counts(ch, old, ops)
    }

    /// The cases whose row must be derived again, and the actions whose row must: those the
    /// change writes, those of a family it writes, and those whose case's row names them.
    fn rows_to_derive(
        &self,
        ch: &Change,
        old: &Undo,
    ) -> Result<(BTreeSet<CaseId>, BTreeSet<ActionId>)> {
        let mut cases: BTreeSet<CaseId> = ch.cases.keys().copied().collect();
        let mut actions: BTreeSet<ActionId> = ch.actions.keys().copied().collect();
        for (id, f) in &ch.families {
            for c in self.cases_of_changed_family(ch, *id, f.is_none())? {
                cases.insert(c);
                actions.extend(self.case_action_ids(c)?);
            }
        }
        // A case that moves to another child: its action rows name the child, derive them again.
        for (id, new) in &ch.cases {
            let prev = old.cases.get(id).and_then(Option::as_ref);
            if let (Some(n), Some(p)) = (new, prev) {
                if (n.family, n.child) != (p.family, p.child) {
                    actions.extend(self.case_action_ids(*id)?);
                }
            }
        }
        for a in ch.actions.values().flatten() {
            cases.insert(a.case);
        }
        for a in old.actions.values().flatten() {
            cases.insert(a.case);
        }
        Ok((cases, actions))
    }

    /// The cases of a family the change writes, stored and new. A family is only deleted
    /// (`deleted`) together with all of them.
    fn cases_of_changed_family(
        &self,
        ch: &Change,
        id: FamilyId,
        deleted: bool,
    ) -> Result<BTreeSet<CaseId>> {
        let mut of_family: BTreeSet<CaseId> =
            self.cases_of_family(id)?.iter().map(|c| c.id).collect();
        of_family.extend(
            ch.cases
                .values()
                .flatten()
                .filter(|c| c.family == id)
                .map(|c| c.id),
        );
        if deleted
            && !of_family
                .iter()
                .all(|c| ch.cases.get(c).is_some_and(Option::is_none))
        {
            return Err(Invalid::FamilyHasCases(id).into());
        }
        Ok(of_family)
    }

    /// A case's record (if the change writes it), its index entries and its list row; or their
    /// removal with the case.
    fn plan_case(&self, ch: &Change, old: &Undo, id: CaseId, ops: &mut Vec<Op>) -> Result<()> {
        let new = self.pending_case(ch, id)?;
        let prev = old.cases.get(&id).cloned().flatten();
        if let Some(p) = &prev {
            ops.push(Op {
                tree: T::CaseStatus,
                key: keys::status(p.status.to_byte(), id.0).to_vec(),
                value: None,
            });
            ops.push(Op {
                tree: T::FamilyCase,
                key: keys::pair(p.family.0, id.0).to_vec(),
                value: None,
            });
        }
        match &new {
            Some(c) => {
                if ch.cases.contains_key(&id) {
                    ops.push(record(T::Cases, id.0, Some(codec::encode(c, self.seal())?)));
                }
                ops.push(Op {
                    tree: T::CaseStatus,
                    key: keys::status(c.status.to_byte(), id.0).to_vec(),
                    value: Some(vec![]),
                });
                ops.push(Op {
                    tree: T::FamilyCase,
                    key: keys::pair(c.family.0, id.0).to_vec(),
                    value: Some(vec![]),
                });
                let family = self.pending_family(ch, c.family)?;
                let acts = self.pending_actions_of(ch, id)?;
                let refs: Vec<&Action> = acts.iter().collect();
                let row = CaseSummary::derive(c, family.as_ref(), &refs);
                ops.push(record(
                    T::CaseRows,
                    id.0,
                    Some(codec::encode(&row, self.seal())?),
                ));
            }
            None => {
                if !self.pending_actions_of(ch, id)?.is_empty() {
                    return Err(Invalid::CaseHasActions(id).into());
                }
                ops.push(record(T::Cases, id.0, None));
                ops.push(record(T::CaseRows, id.0, None));
            }
        }
        Ok(())
    }

    /// An action's record (if the change writes it) and its list row (the value of its deadline
    /// index entry); or their removal.
    fn plan_action(&self, ch: &Change, old: &Undo, id: ActionId, ops: &mut Vec<Op>) -> Result<()> {
        let new = match ch.actions.get(&id) {
            Some(a) => a.clone(),
            None => self.action(id)?,
        };
        let prev = match old.actions.get(&id) {
            Some(a) => a.clone(),
            None => self.action(id)?,
        };
        if let Some(p) = &prev {
            ops.push(Op {
                tree: T::ActionDue,
                key: keys::action_due(p.done.is_some(), p.deadline, id.0).to_vec(),
                value: None,
            });
        }
        if ch.actions.contains_key(&id) {
            ops.push(facts::op(id, new.as_ref(), self.seal())?);
        }
        let Some(a) = &new else {
            ops.push(record(T::Actions, id.0, None));
            return Ok(());
        };
        if ch.actions.contains_key(&id) {
            ops.push(record(
                T::Actions,
                id.0,
                Some(codec::encode(a, self.seal())?),
            ));
        }
        let case = self.pending_case(ch, a.case)?;
        let Some(case) = case else {
            return Err(Invalid::ActionWithoutCase {
                action: id,
                case: a.case,
            }
            .into());
        };
        let family = self.pending_family(ch, case.family)?;
        let row = ActionSummary::derive(a, Some(&case), family.as_ref());
        ops.push(Op {
            tree: T::ActionDue,
            key: keys::action_due(a.done.is_some(), a.deadline, id.0).to_vec(),
            value: Some(codec::encode(&row, self.seal())?),
        });
        Ok(())
    }

    fn pending_case(&self, ch: &Change, id: CaseId) -> Result<Option<Case>> {
        match ch.cases.get(&id) {
            Some(c) => Ok(c.clone()),
            None => self.case(id),
        }
    }

    fn pending_family(&self, ch: &Change, id: FamilyId) -> Result<Option<Family>> {
        match ch.families.get(&id) {
            Some(f) => Ok(f.clone()),
            None => self.family(id),
        }
    }

    /// The case's actions as they will be after the change.
    fn pending_actions_of(&self, ch: &Change, case: CaseId) -> Result<Vec<Action>> {
        let mut by_id: BTreeMap<ActionId, Action> = BTreeMap::new();
        for id in self.case_action_ids(case)? {
            if !ch.actions.contains_key(&id) {
                by_id.extend(self.action(id)?.map(|a| (id, a)));
            }
        }
        for (id, a) in &ch.actions {
            if let Some(a) = a.as_ref().filter(|a| a.case == case) {
                by_id.insert(*id, a.clone());
            }
        }
        Ok(by_id.into_values().collect())
    }
}

/// The write of a record under its id (`None`: removed).
fn record(tree: T, id: u64, value: Option<Vec<u8>>) -> Op {
    Op {
        tree,
        key: keys::id(id).to_vec(),
        value,
    }
}

/// Families, persons and meetings: records without index entries or rows of their own.
fn plan_plain_records(ch: &Change, ops: &mut Vec<Op>, seal: codec::Seal) -> Result<()> {
    for (id, f) in &ch.families {
        ops.push(record(
            T::Families,
            id.0,
            f.as_ref().map(|v| codec::encode(v, seal)).transpose()?,
        ));
    }
    for (id, p) in &ch.persons {
        ops.push(record(
            T::Persons,
            id.0,
            p.as_ref().map(|v| codec::encode(v, seal)).transpose()?,
        ));
    }
    for (id, m) in &ch.meetings {
        ops.push(record(
            T::Meetings,
            id.0,
            m.as_ref().map(|v| codec::encode(v, seal)).transpose()?,
        ));
    }
    Ok(())
}

/// The case a timeline event belongs in, if any: events without one are records of their own.
fn by_case(events: &[Event]) -> (BTreeMap<CaseId, Vec<&Event>>, Vec<&Event>) {
    let mut grouped: BTreeMap<CaseId, Vec<&Event>> = BTreeMap::new();
    let mut alone = Vec::new();
    for e in events {
        match e.case {
            Some(c) => grouped.entry(c).or_default().push(e),
            None => alone.push(e),
        }
    }
    (grouped, alone)
}

impl Store {
    /// Timeline events the change takes out and writes: each touched case's timeline written
    /// again as one value, an event without a case as a record of its own.
    fn plan_events(&self, ch: &Change, ops: &mut Vec<Op>) -> Result<()> {
        let (added, added_alone) = by_case(&ch.events);
        let (removed, removed_alone) = by_case(&ch.removed_events);
        for e in removed_alone {
            ops.push(record(T::Events, e.id.0, None));
        }
        for e in added_alone {
            ops.push(record(
                T::Events,
                e.id.0,
                Some(codec::encode(e, self.seal())?),
            ));
        }
        let cases: BTreeSet<CaseId> = added.keys().chain(removed.keys()).copied().collect();
        for case in cases {
            let gone: BTreeSet<EventId> = removed
                .get(&case)
                .into_iter()
                .flatten()
                .map(|e| e.id)
                .collect();
            let mut events = self.case_event_group(case)?;
            events.retain(|e| !gone.contains(&e.id));
            events.extend(added.get(&case).into_iter().flatten().map(|e| (*e).clone()));
            ops.push(groups::events_op(case, events, self.seal())?);
        }
        Ok(())
    }

    /// The action ids of every case that gains or loses an action in the change, written again
    /// as one value per case.
    fn plan_case_actions(&self, ch: &Change, old: &Undo, ops: &mut Vec<Op>) -> Result<()> {
        let mut cases: BTreeSet<CaseId> = BTreeSet::new();
        for (id, new) in &ch.actions {
            let prev = old.actions.get(id).and_then(Option::as_ref).map(|a| a.case);
            let next = new.as_ref().map(|a| a.case);
            if prev != next {
                cases.extend(prev);
                cases.extend(next);
            }
        }
        for case in cases {
            let mut ids = self.case_action_ids(case)?;
            ids.retain(|id| !ch.actions.contains_key(id));
            ids.extend(
                ch.actions
                    .iter()
                    .filter(|(_, a)| a.as_ref().is_some_and(|a| a.case == case))
                    .map(|(id, _)| *id),
            );
            ops.push(groups::action_ids_op(case, ids, self.seal())?);
        }
        Ok(())
    }
}
