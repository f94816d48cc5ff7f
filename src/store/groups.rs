//! Values that hold one case's many: the ids of its actions (`case_actions`) and its timeline
//! (`case_events`). One value per case instead of one per action or event keeps sled's page
//! table small (issue 10: at 50,000 cases, 2.06 million values took 200 ms and 93 MB to open).

use super::change::Op;
use super::{codec, guard, keys, Result, Store, T};
use crate::domain::{ActionId, CaseId, Event};

impl Store {
    /// The ids of the case's actions, ascending (none for a case without actions).
    ///
    /// Errors: a damaged value ([`StoreError::Damaged`](super::StoreError::Damaged)).
    pub(super) fn case_action_ids(&self, case: CaseId) -> Result<Vec<ActionId>> {
        let ids: Vec<u64> = self.group(T::CaseActions, case, "action ids of a case")?;
        Ok(ids.into_iter().map(ActionId).collect())
    }

    /// The case's timeline as stored: ascending by event id.
    ///
    /// Errors: a damaged value, or an event in it that names another case
    /// ([`Unreadable::GroupMismatch`](super::Unreadable::GroupMismatch)).
    pub(super) fn case_event_group(&self, case: CaseId) -> Result<Vec<Event>> {
        let events: Vec<Event> = self.group(T::CaseEvents, case, "timeline of a case")?;
        if events.iter().any(|e| e.case != Some(case)) {
            return self.seen(Err(super::Unreadable::GroupMismatch { case: case.0 }.into()));
        }
        Ok(events)
    }

    /// Every case's timeline, in case order, each checked like [`Store::case_event_group`].
    pub(super) fn all_case_events(&self) -> Result<Vec<Event>> {
        let read = guard(|| -> Result<Vec<Event>> {
            let mut out = Vec::new();
            for kv in super::packed::range(self.tree(T::CaseEvents), T::CaseEvents, &[], None) {
                let (k, v) = kv?;
                let case = keys::read_id(&k).map(CaseId);
                let events: Vec<Event> = codec::decode(&v, "timeline of a case", self.seal())?;
                if let Some(e) = events.iter().find(|e| e.case.is_none() || e.case != case) {
                    return Err(super::Unreadable::GroupMismatch {
                        case: e.case.map_or(0, |c| c.0),
                    }
                    .into());
                }
                out.extend(events);
            }
            Ok(out)
        });
        self.seen(read.and_then(|r| r))
    }

    fn group<V: serde::de::DeserializeOwned + 'static>(
        &self,
        t: T,
        case: CaseId,
        what: &'static str,
    ) -> Result<Vec<V>> {
        Ok(self.get_at(t, &keys::id(case.0), what)?.unwrap_or_default())
    }
}

/// The write of a case's action ids: sorted, without doubles; no value at all for none.
///
/// Errors: what encoding reports.
pub(super) fn action_ids_op(case: CaseId, mut ids: Vec<ActionId>, seal: codec::Seal) -> Result<Op> {
    ids.sort_unstable();
    ids.dedup();
    let raw: Vec<u64> = ids.into_iter().map(|a| a.0).collect();
    group_op(T::CaseActions, case, &raw, seal)
}

/// The write of a case's timeline: by event id, without doubles; no value at all for none.
///
/// Errors: what encoding reports.
pub(super) fn events_op(case: CaseId, mut events: Vec<Event>, seal: codec::Seal) -> Result<Op> {
    events.sort_by_key(|e| e.id);
    events.dedup_by_key(|e| e.id);
    group_op(T::CaseEvents, case, &events, seal)
}

fn group_op<V: serde::Serialize>(
    tree: T,
    case: CaseId,
    values: &[V],
    seal: codec::Seal,
) -> Result<Op> {
    Ok(Op {
        tree,
        key: keys::id(case.0).to_vec(),
        value: match values.is_empty() {
            true => None,
            false => Some(codec::encode(&values, seal)?),
        },
    })
}
