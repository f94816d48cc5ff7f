//! The rules one record keeps on its own: the texts every form requires, a meeting's state,
//! a case's closings. Each returns the first rule the record breaks.

use crate::domain::{Action, Case, CaseStatus, Family, Meeting, Person};
use crate::store::error::{Blank, ImportRule};

fn blank(s: &str) -> bool {
    s.trim().is_empty()
}

/// A person has a name.
pub(super) fn person(p: &Person) -> Option<ImportRule> {
    blank(&p.name).then(|| Blank::PersonName(p.id).into())
}

/// A family has a name, and so does each carer; each child has a first name.
pub(super) fn family(f: &Family) -> Option<ImportRule> {
    if blank(&f.name) {
        return Some(Blank::FamilyName(f.id).into());
    }
    if let Some(n) = f.carers.iter().position(|c| blank(&c.name)) {
        return Some(
            Blank::CarerName {
                family: f.id,
                carer: n + 1,
            }
            .into(),
        );
    }
    let child = f.children.iter().find(|c| blank(&c.first_name))?;
    Some(
        Blank::ChildFirstName {
            family: f.id,
            child: child.id,
        }
        .into(),
    )
}

/// A case has its question.
pub(super) fn case_question(c: &Case) -> Option<ImportRule> {
    blank(&c.question).then(|| Blank::Question(c.id).into())
}

/// An action has its text.
pub(super) fn action(a: &Action) -> Option<ImportRule> {
    blank(&a.text).then(|| Blank::ActionText(a.id).into())
}

/// Every agreement of a meeting has its text.
pub(super) fn agreements(m: &Meeting) -> Option<ImportRule> {
    m.items.iter().find_map(|i| {
        let n = i.agreements.iter().position(|a| blank(&a.text))?;
        Some(
            Blank::AgreementText {
                meeting: m.id,
                case: i.case,
                agreement: n + 1,
            }
            .into(),
        )
    })
}

/// A meeting resumes at its current item, so that item must exist; only a started meeting can
/// have ended. (That tandem runs one meeting at a time is checked over all of them.)
pub(super) fn meeting_state(m: &Meeting) -> Option<ImportRule> {
    let n = m.items.len();
    // An empty agenda has no item to point at; 0 is what tandem writes then.
    if m.current >= n && m.current > 0 {
        return Some(ImportRule::CurrentBeyond {
            meeting: m.id,
            current: m.current + 1,
            items: n,
        });
    }
    (m.ended.is_some() && m.started.is_none()).then_some(ImportRule::EndedNotStarted(m.id))
}

/// Closing and reopening keep a case's history: every closing but the one that closes the case
/// now was reopened, and a closed case has its closing.
pub(super) fn closings(c: &Case) -> Option<ImportRule> {
    let closed = c.status == CaseStatus::Afgesloten;
    if closed && c.closings.is_empty() {
        return Some(ImportRule::ClosedWithoutClosing(c.id));
    }
    let now = closed.then(|| c.closings.len() - 1);
    for (n, cl) in c.closings.iter().enumerate() {
        let rule = match (Some(n) == now, cl.reopened) {
            (true, Some(reopened)) => ImportRule::LastClosingReopened {
                case: c.id,
                closed: cl.closed,
                reopened,
            },
            (false, None) if n + 1 == c.closings.len() => ImportRule::LastClosingOpen {
                case: c.id,
                status: c.status,
                closed: cl.closed,
            },
            (false, None) => ImportRule::EarlierClosingOpen {
                case: c.id,
                closing: n + 1,
                closed: cl.closed,
            },
            _ => continue,
        };
        return Some(rule);
    }
    None
}
