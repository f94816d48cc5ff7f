//! The fields an edit changed, before and after, put into the timeline event the change
//! already writes (issue 12: "edits record the fields before and after"). Done at commit, from
//! the stored version of each record and the new one, so every caller (TUI, CLI, intake,
//! corrections, undo) records them alike and none can forget to.

use super::{Change, Undo};
use crate::domain::diff::{fields, ACTION_UNTRACKED, CASE_UNTRACKED};
use crate::domain::{Event, EventKind, FieldChange};
use serde::Serialize;
use std::collections::BTreeMap;

/// Gives each event of `change` that explains an edited record the fields that changed: a
/// case's to its first event about the case, an action's to its `ActionEdited` or
/// `ActionCancelled`, a family's (carers, children, network) to its `FamilyEdited` or network
/// event, a person's to `PersonEdited`. An event that came with changes (an import) keeps them.
pub(super) fn attach(change: &mut Change, undo: &Undo) {
    let Change {
        events,
        families,
        persons,
        cases,
        actions,
        ..
    } = change;
    each_edit(cases, &undo.cases, &CASE_UNTRACKED, |id, f| {
        give(events, f, |e| e.case == Some(id) && is_case_event(&e.kind));
    });
    each_edit(actions, &undo.actions, &ACTION_UNTRACKED, |id, f| {
        give(events, f, |e| match &e.kind {
            EventKind::ActionEdited { action } | EventKind::ActionCancelled { action, .. } => {
                *action == id
            }
            _ => false,
        });
    });
    each_edit(families, &undo.families, &[], |id, f| {
        let edited = |e: &Event| e.family == Some(id) && e.kind == EventKind::FamilyEdited;
        if events.iter().any(edited) {
            give(events, f, edited);
        } else {
            give(events, f, |e| {
                e.family == Some(id) && is_network_event(&e.kind)
            });
        }
    });
    each_edit(persons, &undo.persons, &[], |id, f| {
        give(events, f, |e| {
            e.kind == EventKind::PersonEdited { person: id }
        });
    });
}

/// Calls `found` with the id and changed fields of each record put over a stored one.
fn each_edit<K: Copy + Ord, R: Serialize>(
    new: &BTreeMap<K, Option<R>>,
    old: &BTreeMap<K, Option<R>>,
    untracked: &[&str],
    mut found: impl FnMut(K, Vec<FieldChange>),
) {
    for (id, record) in new {
        if let (Some(record), Some(Some(was))) = (record, old.get(id)) {
            let changed = fields(was, record, untracked);
            if !changed.is_empty() {
                found(*id, changed);
            }
        }
    }
}

/// Puts `changed` into the first event `about` picks, unless that one has changes already.
fn give(events: &mut [Event], changed: Vec<FieldChange>, about: impl Fn(&Event) -> bool) {
    if let Some(e) = events.iter_mut().find(|e| about(e)) {
        if e.changes.is_empty() {
            e.changes = changed;
        }
    }
}

fn is_case_event(kind: &EventKind) -> bool {
    use EventKind as E;
    matches!(
        kind,
        E::CaseEdited
            | E::StatusChanged { .. }
            | E::LeadChanged { .. }
            | E::ConsentSet { .. }
            | E::Flagged { .. }
            | E::Closed { .. }
            | E::Reopened
    )
}

fn is_network_event(kind: &EventKind) -> bool {
    use EventKind as E;
    matches!(
        kind,
        E::NetworkAdded { .. } | E::NetworkEnded { .. } | E::NetworkRemoved { .. }
    )
}
