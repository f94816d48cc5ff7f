//! Which timeline events a change to a case means. One rule for every caller (TUI, CLI, import),
//! so the klantreis reads the same whoever made the change.

use super::case::{Case, CaseStatus};
use super::event::{EventKind, FieldChange};
use serde::Serialize;
use serde_json::Value;

/// The events that turn `old` into `new`, in a stable order. An edit of free fields only gives
/// one `CaseEdited`.
pub fn case_events(old: &Case, new: &Case) -> Vec<EventKind> {
    let mut out = Vec::new();
    if old.status != new.status {
        match (old.status, new.status) {
            (_, CaseStatus::Afgesloten) => {
                if let Some(outcome) = new.outcome() {
                    out.push(EventKind::Closed { outcome });
                }
            }
            (CaseStatus::Afgesloten, _) => out.push(EventKind::Reopened),
            (from, to) => out.push(EventKind::StatusChanged { from, to }),
        }
    }
    if old.lead != new.lead {
        out.push(EventKind::LeadChanged {
            side: new.lead.side,
            person: new.lead.person,
        });
    }
    for c in &new.consents {
        if !old.consents.contains(c) {
            out.push(EventKind::ConsentSet {
                person: c.person,
                status: c.status,
            });
        }
    }
    if old.flagged != new.flagged && new.status == old.status {
        out.push(EventKind::Flagged { on: new.flagged });
    }
    let free_fields_changed = old.question != new.question
        || old.notes != new.notes
        || old.signal != new.signal
        || old.signal_date != new.signal_date
        || old.intake_date != new.intake_date
        || old.support_date != new.support_date
        || old.child != new.child
        || old.family != new.family
        // Also what no other event names, so no edit is dropped for want of an event: a consent
        // taken away, or the outcome of a closing corrected while the case stays closed.
        || old
            .consents
            .iter()
            .any(|c| !new.consents.iter().any(|n| n.person == c.person))
        || (old.closings != new.closings && old.status == new.status);
    if free_fields_changed {
        out.push(EventKind::CaseEdited);
    }
    out
}

/// Fields of a case that change with every save and say nothing of what was edited.
pub const CASE_UNTRACKED: [&str; 2] = ["created", "last_activity"];
/// The same for an action.
pub const ACTION_UNTRACKED: [&str; 1] = ["created"];

/// The fields in which `new` differs from `old`, each with its value before and after, in the
/// order of the record's fields; `untracked` top-level fields are left out. A list compares
/// place by place (`carers.1.phone`); a place only one side has shows empty on the other.
/// Records that can't be put into JSON give no fields (they never fail to: they are exported).
pub fn fields<T: Serialize>(old: &T, new: &T, untracked: &[&str]) -> Vec<FieldChange> {
    let (Ok(old), Ok(new)) = (serde_json::to_value(old), serde_json::to_value(new)) else {
        return Vec::new();
    };
    let (mut before, mut after) = (Vec::new(), Vec::new());
    flatten(&old, String::new(), &mut before);
    flatten(&new, String::new(), &mut after);
    let tracked = |path: &str| {
        let top = path.split('.').next().unwrap_or(path);
        !untracked.contains(&top)
    };
    let find = |list: &[(String, String)], path: &str| {
        list.iter()
            .find(|(p, _)| p == path)
            .map(|(_, v)| v.clone())
            .unwrap_or_default()
    };
    let mut out = Vec::new();
    for (path, value) in &after {
        let was = find(&before, path);
        if tracked(path) && was != *value {
            out.push(FieldChange {
                field: path.clone(),
                before: was,
                after: value.clone(),
            });
        }
    }
    for (path, value) in &before {
        let gone = !after.iter().any(|(p, _)| p == path);
        if tracked(path) && gone && !value.is_empty() {
            out.push(FieldChange {
                field: path.clone(),
                before: value.clone(),
                after: String::new(),
            });
        }
    }
    out
}

/// Every leaf of `value` with its dotted path, in the record's own order.
fn flatten(value: &Value, path: String, out: &mut Vec<(String, String)>) {
    let join = |key: &str| match path.is_empty() {
        true => key.to_string(),
        false => format!("{path}.{key}"),
    };
    match value {
        Value::Object(map) => {
            for (k, v) in map {
                flatten(v, join(k), out);
            }
        }
        Value::Array(items) => {
            for (i, v) in items.iter().enumerate() {
                flatten(v, join(&i.to_string()), out);
            }
        }
        Value::Null => out.push((path, String::new())),
        Value::String(s) => out.push((path, s.clone())),
        other => out.push((path, other.to_string())),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::{Carer, Child, ChildId, Family, FamilyId};

    fn family() -> Family {
        Family {
            id: FamilyId(1),
            name: "Zwanenburg".into(),
            carers: vec![Carer {
                name: "Wilma Zwanenburg".into(),
                relation: "moeder".into(),
                phone: "06-1".into(),
                email: String::new(),
                lives_with_child: true,
                authority: true,
            }],
            children: vec![Child::new(
                ChildId(2),
                "Quirijn".into(),
                "Zwanenburg".into(),
                "De Es".into(),
                "5".into(),
            )],
            network: Vec::new(),
        }
    }

    #[test]
    fn each_changed_field_with_its_value_before_and_after() {
        let old = family();
        let mut new = old.clone();
        new.carers[0].phone = "06-2".into();
        new.children[0].groep = "6".into();
        new.carers.push(Carer {
            name: "Ben Zwanenburg".into(),
            ..old.carers[0].clone()
        });
        let got = fields(&old, &new, &[]);
        let said: Vec<(&str, &str, &str)> = got
            .iter()
            .map(|c| (c.field.as_str(), c.before.as_str(), c.after.as_str()))
            .collect();
        assert!(said.contains(&("carers.0.phone", "06-1", "06-2")));
        assert!(said.contains(&("children.0.groep", "5", "6")));
        assert!(said.contains(&("carers.1.name", "", "Ben Zwanenburg")));
        // A carer taken off shows what went.
        let back = fields(&new, &old, &[]);
        assert!(back.iter().any(|c| c.field == "carers.1.name"
            && c.before == "Ben Zwanenburg"
            && c.after.is_empty()));
        assert!(fields(&old, &old, &[]).is_empty());
    }

    #[test]
    fn untracked_fields_are_left_out() {
        let old = family();
        let mut new = old.clone();
        new.name = "Zwanenburg-Oost".into();
        assert_eq!(fields(&old, &new, &["name"]), Vec::new());
        assert_eq!(fields(&old, &new, &[]).len(), 1);
    }
}
