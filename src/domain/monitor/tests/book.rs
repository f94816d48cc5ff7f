//! The small fixed case book the monitor's tests compute by hand: five families, their cases
//! (one without intake, one reopened and closed twice) and actions (one done late, one
//! cancelled, one agreed before the intake), and a network that changed during the period.

use super::super::fold::measure;
use super::super::*;
use crate::domain::{
    Action, ActionId, Case, CaseId, CaseStatus, Child, ChildId, Closing, Done, Family, FamilyId,
    Involvement, Outcome, PersonId, Side, SignalSource,
};

pub(super) fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

pub(super) fn involved(
    person: u64,
    from: Option<NaiveDate>,
    until: Option<NaiveDate>,
) -> Involvement {
    Involvement {
        person: PersonId(person),
        role: "rol".into(),
        from,
        until,
    }
}

pub(super) fn family(id: u64, children: &[u64], school: &str, network: Vec<Involvement>) -> Family {
    let kids = children
        .iter()
        .map(|c| {
            Child::new(
                ChildId(*c),
                format!("Kind{c}"),
                "Test".into(),
                school.into(),
                "5".into(),
            )
        })
        .collect();
    Family {
        id: FamilyId(id),
        name: format!("Gezin{id}"),
        carers: vec![],
        children: kids,
        network,
    }
}

pub(super) fn families() -> Vec<Family> {
    vec![
        // Network changed in the period: 2 left on 20 October, 3 came on 1 November; 4 had
        // left before it began; 1 was there all along (and twice in the list).
        family(
            1,
            &[1],
            "De Linde",
            vec![
                involved(1, None, None),
                involved(1, Some(d(2025, 1, 1)), Some(d(2025, 6, 1))),
                involved(2, Some(d(2026, 10, 1)), Some(d(2026, 10, 20))),
                involved(3, Some(d(2026, 11, 1)), None),
                involved(4, None, Some(d(2026, 8, 15))),
            ],
        ),
        family(2, &[2], "De Linde", vec![involved(1, None, None)]),
        family(3, &[3], "de linde", vec![]),
        family(
            4,
            &[4],
            "Het Anker",
            vec![involved(5, None, None), involved(6, None, None)],
        ),
        family(5, &[5], "De Linde", vec![involved(7, None, None)]),
    ]
}

pub(super) struct C {
    id: u64,
    family: u64,
    child: u64,
    signal: (NaiveDate, SignalSource),
    intake: Option<NaiveDate>,
    closings: Vec<Closing>,
}

pub(super) fn case(c: C) -> Case {
    let now = c.signal.0.and_hms_opt(9, 0, 0).unwrap();
    let mut k = Case::new(
        CaseId(c.id),
        FamilyId(c.family),
        ChildId(c.child),
        format!("vraag {}", c.id),
        c.signal.1,
        c.signal.0,
        now,
    );
    k.intake_date = c.intake;
    k.status = match c.closings.last() {
        Some(last) if last.reopened.is_none() => CaseStatus::Afgesloten,
        _ => CaseStatus::Lopend,
    };
    k.closings = c.closings;
    k
}

pub(super) fn closing(closed: NaiveDate, outcome: Outcome, reopened: Option<NaiveDate>) -> Closing {
    Closing {
        closed,
        outcome,
        reopened,
    }
}

pub(super) fn cases() -> Vec<Case> {
    use Outcome::{KortdurendeInterventie, VerwezenJeugdhulp, ZelfstandigVerder};
    use SignalSource::{Ouder, School};
    vec![
        // Reopened: closed twice in the period.
        case(C {
            id: 1,
            family: 1,
            child: 1,
            signal: (d(2026, 9, 1), Ouder),
            intake: Some(d(2026, 9, 4)),
            closings: vec![
                closing(
                    d(2026, 10, 1),
                    KortdurendeInterventie,
                    Some(d(2026, 10, 15)),
                ),
                closing(d(2026, 11, 10), ZelfstandigVerder, None),
            ],
        }),
        case(C {
            id: 2,
            family: 2,
            child: 2,
            signal: (d(2026, 9, 10), School),
            intake: Some(d(2026, 9, 20)),
            closings: vec![],
        }),
        // No intake.
        case(C {
            id: 3,
            family: 3,
            child: 3,
            signal: (d(2026, 11, 2), School),
            intake: None,
            closings: vec![],
        }),
        // Signalled before the period, intake in it; another school.
        case(C {
            id: 4,
            family: 4,
            child: 4,
            signal: (d(2026, 8, 20), SignalSource::Anders),
            intake: Some(d(2026, 9, 1)),
            closings: vec![closing(d(2026, 9, 30), VerwezenJeugdhulp, None)],
        }),
        // Wholly before the period.
        case(C {
            id: 5,
            family: 5,
            child: 5,
            signal: (d(2026, 3, 1), SignalSource::Anders),
            intake: Some(d(2026, 3, 5)),
            closings: vec![closing(d(2026, 6, 1), Outcome::Anders, None)],
        }),
        // The intake on the day of the signal; a second case of family 2.
        case(C {
            id: 6,
            family: 2,
            child: 2,
            signal: (d(2026, 10, 5), Ouder),
            intake: Some(d(2026, 10, 5)),
            closings: vec![],
        }),
        // An intake without any action.
        case(C {
            id: 7,
            family: 3,
            child: 3,
            signal: (d(2026, 11, 9), SignalSource::Anders),
            intake: Some(d(2026, 11, 16)),
            closings: vec![],
        }),
    ]
}

pub(super) fn action(
    id: u64,
    case: u64,
    side: Side,
    created: NaiveDate,
    deadline: Option<NaiveDate>,
    done: Option<NaiveDate>,
) -> Action {
    let mut a = Action::new(
        ActionId(id),
        CaseId(case),
        format!("actie {id}"),
        None,
        side,
        deadline,
        created.and_hms_opt(10, 0, 0).unwrap(),
    );
    a.done = done.map(|day| Done::new(day.and_hms_opt(16, 0, 0).unwrap(), None));
    a
}

pub(super) fn actions() -> Vec<Action> {
    use Side::*;
    let mut cancelled = action(
        5,
        2,
        Onderwijs,
        d(2026, 9, 25),
        Some(d(2026, 10, 10)),
        Some(d(2026, 10, 5)),
    );
    if let Some(done) = cancelled.done.as_mut() {
        done.cancelled = Some("niet meer nodig".into());
    }
    vec![
        action(
            1,
            1,
            Onderwijs,
            d(2026, 9, 6),
            Some(d(2026, 9, 15)),
            Some(d(2026, 9, 14)),
        ),
        // Done late.
        action(
            2,
            1,
            Zorg,
            d(2026, 9, 5),
            Some(d(2026, 9, 20)),
            Some(d(2026, 9, 25)),
        ),
        // Open and overdue.
        action(3, 2, Zorg, d(2026, 9, 30), Some(d(2026, 11, 1)), None),
        // Open, due after the period.
        action(4, 2, Onderwijs, d(2026, 10, 1), Some(d(2026, 12, 1)), None),
        cancelled,
        // Agreed before the intake; done on its deadline day.
        action(
            6,
            4,
            Zorg,
            d(2026, 8, 25),
            Some(d(2026, 9, 10)),
            Some(d(2026, 9, 10)),
        ),
        // Open, due after today.
        action(
            7,
            6,
            Onderwijs,
            d(2026, 11, 20),
            Some(d(2026, 11, 25)),
            None,
        ),
        // Of a case wholly before the period.
        action(
            8,
            5,
            Onderwijs,
            d(2026, 3, 6),
            Some(d(2026, 4, 1)),
            Some(d(2026, 3, 20)),
        ),
        // Done two days late, after the case's second closing.
        action(
            9,
            1,
            Onderwijs,
            d(2026, 11, 1),
            Some(d(2026, 11, 20)),
            Some(d(2026, 11, 22)),
        ),
    ]
}

pub(super) fn scope(school: Option<&str>) -> Scope {
    Scope {
        period: Period::new(d(2026, 9, 1), d(2026, 11, 30)),
        school: school.map(str::to_string),
        today: d(2026, 11, 23),
    }
}

pub(super) fn all() -> Tally {
    measure(scope(None), &families(), &cases(), &actions())
}

pub(super) fn pairs(h: &Histogram) -> Vec<(u32, u64)> {
    h.iter().collect()
}
