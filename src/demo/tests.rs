use super::*;
use crate::domain::{CaseStatus, Outcome, Side};
use std::collections::BTreeSet;

/// Monday 23 November 2026.
fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 23).unwrap()
}

fn open_store() -> (tempfile::TempDir, Store) {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(dir.path()).unwrap();
    (dir, store)
}

#[test]
fn school_is_rich_and_consistent() {
    let (_dir, mut store) = open_store();
    let who = store.who.clone();
    let summary = school(&mut store, today()).unwrap();
    assert_eq!(store.who, who, "the user's name is restored");
    let report = store.check().unwrap();
    assert!(report.is_ok(), "{:?}", report.problems);

    let families = store.families().unwrap();
    let persons = store.persons().unwrap();
    let cases = store.cases().unwrap();
    let actions = store.actions().unwrap();
    let meetings = store.meetings().unwrap();
    assert_eq!(summary.families, families.len());
    assert_eq!(summary.actions, actions.len());
    assert!(families.len() >= 14);
    assert!(persons.len() >= 18);
    assert!(actions.len() >= 35);
    assert_eq!(meetings.len(), 2);
    for side in Side::ALL {
        assert!(actions.iter().any(|a| a.side == side));
    }
    assert!(actions.iter().any(|a| a.is_overdue(today())));
    assert!(actions.iter().any(|a| a.done.is_some()));
    let due_this_week = |a: &&crate::domain::Action| {
        a.is_open()
            && a.deadline
                .is_some_and(|d| d >= today() && d < shift(today(), 7))
    };
    assert!(actions.iter().any(|a| due_this_week(&a)));
    for status in CaseStatus::ALL {
        assert!(cases.iter().any(|c| c.status == status), "{status:?}");
    }
    let outcomes: BTreeSet<_> = cases
        .iter()
        .filter_map(|c| c.outcome())
        .map(|o| o as u8)
        .collect();
    for o in [
        Outcome::ZelfstandigVerder,
        Outcome::KortdurendeInterventie,
        Outcome::VerwezenJeugdhulp,
    ] {
        assert!(outcomes.contains(&(o as u8)), "{o:?}");
    }
    assert!(cases.iter().any(|c| c.status == CaseStatus::Lopend
        && c.closings.len() == 1
        && c.closings[0].reopened.is_some()));

    // Everything that happened lies in the past; done actions were done by their owner.
    let now = at(today(), 0);
    for a in &actions {
        assert!(a.created < now);
        if let Some(d) = &a.done {
            assert!(d.at < now && d.at >= a.created, "action {}", a.id);
            assert_eq!(d.by, a.owner);
        }
    }
    // Actions agreed in a meeting are listed on its agenda under their own case.
    for m in &meetings {
        assert!((4..=6).contains(&m.items.len()));
        for item in &m.items {
            for id in &item.actions_added {
                let a = actions.iter().find(|a| a.id == *id).unwrap();
                assert_eq!((a.case, a.meeting), (item.case, Some(m.id)));
            }
        }
    }
    let agreed = actions.iter().filter(|a| a.meeting.is_some()).count();
    let listed: usize = meetings
        .iter()
        .flat_map(|m| &m.items)
        .map(|i| i.actions_added.len())
        .sum();
    assert_eq!(agreed, listed);

    // Each klantreis reads in time order, starting with the signal.
    for c in &cases {
        let events = store.events_of_case(c.id).unwrap();
        assert!(matches!(events[0].kind, EventKind::CaseCreated));
        assert!(
            events.windows(2).all(|w| w[0].at <= w[1].at),
            "case {}",
            c.id
        );
        assert_eq!(Some(c.last_activity), events.iter().map(|e| e.at).max());
    }
}

#[test]
fn synthetic_is_deterministic_and_consistent() {
    let make = || {
        let (dir, mut store) = open_store();
        let summary = synthetic(&mut store, today(), 300, 7).unwrap();
        let report = store.check().unwrap();
        assert!(report.is_ok(), "{:?}", report.problems);
        (dir, store, summary)
    };
    let (_a, one, summary) = make();
    let (_b, two, _) = make();
    assert_eq!(one.export().unwrap(), two.export().unwrap());

    assert_eq!(summary.cases, 300);
    assert!((200..=280).contains(&summary.families), "{summary:?}");
    assert!(summary.actions > 2000, "{summary:?}");
    assert_eq!(summary.persons, 200);
    assert!(summary.meetings >= 90, "{summary:?}");
    let cases = one.cases().unwrap();
    for status in CaseStatus::ALL {
        let share = cases.iter().filter(|c| c.status == status).count() * 100 / cases.len();
        assert!(share >= 5, "{status:?}: {share}%");
    }
    let meetings = one.meetings().unwrap();
    assert!(meetings.iter().all(|m| (1..=12).contains(&m.items.len())));
    // A closed case was not discussed after it closed.
    for m in &meetings {
        for item in &m.items {
            let c = cases.iter().find(|c| c.id == item.case).unwrap();
            assert!(c.closed_date().is_none_or(|d| d >= m.date) && c.signal_date <= m.date);
        }
    }
    for c in cases.iter().take(40) {
        let events = one.events_of_case(c.id).unwrap();
        assert!(
            events.windows(2).all(|w| w[0].at <= w[1].at),
            "case {}",
            c.id
        );
    }

    let (_c, mut other) = open_store();
    synthetic(&mut other, today(), 300, 8).unwrap();
    assert_ne!(one.export().unwrap(), other.export().unwrap());
}

#[test]
fn synthetic_handles_tiny_counts() {
    for n in [0, 1, 2] {
        let (_dir, mut store) = open_store();
        let summary = synthetic(&mut store, today(), n, 1).unwrap();
        assert_eq!(summary.cases as u64, n);
        assert!(store.check().unwrap().is_ok());
    }
}

#[test]
fn names_fold_to_plain_addresses() {
    assert_eq!(email("Nguyễn Thị Lan", "x"), "nguyen.thi.lan@example.nl");
    assert_eq!(email("Ayşe Yılmaz", "x"), "ayse.yilmaz@example.nl");
    assert_eq!(email("Łucja Woźniak", "x"), "lucja.wozniak@example.nl");
    assert_eq!(email("王 小明", "ouder7"), "ouder7@example.nl");
    assert_eq!(names::household("van Dijk"), "Van Dijk");
    assert_eq!(groep_label(2), "1/2");
    // A child in groep 3 is six on 1 October of the school year.
    let born = birth_date(today(), 3, 0).unwrap();
    assert_eq!(born, NaiveDate::from_ymd_opt(2019, 10, 2).unwrap());
}
