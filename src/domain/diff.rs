//! Which timeline events a change to a case means. One rule for every caller (TUI, CLI, import),
//! so the klantreis reads the same whoever made the change.

use super::case::{Case, CaseStatus};
use super::event::EventKind;

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
