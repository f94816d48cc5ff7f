//! Every measure computed by hand on a small fixed case book, boundaries included: a case
//! without intake, a case reopened (and closed twice), an action done late, one cancelled, one
//! agreed before the intake, and a family whose network changed during the period.
//!
//! Period 1 September – 30 November 2026, today 23 November 2026. Schools: De Linde (families
//! 1, 2, 3 and 5), Het Anker (family 4).

mod book;

use super::fold::{measure, open_during};
use super::*;
use book::*;

#[test]
fn signal_to_intake_counts_each_intake_in_the_period() {
    let t = all();
    // Cases 1 (3 days), 2 (10), 4 (12: signalled before the period), 6 (0), 7 (7).
    assert_eq!(
        pairs(&t.signal_to_intake),
        [(0, 1), (3, 1), (7, 1), (10, 1), (12, 1)]
    );
    assert_eq!(t.signal_to_intake.median(), Some(7.0));
    assert_eq!(t.signal_to_intake.share_at_most(WITHIN_DAYS), Some(0.6));
    // Case 3 was signalled in the period and has no intake.
    assert_eq!(t.without_intake, 1);
}

#[test]
fn intake_to_first_action_takes_the_earliest_created_action() {
    let t = all();
    // Case 1: actions on 6 and 5 September → 1 day; case 2: the cancelled one of 25 September
    // is its first → 5; case 4: agreed before the intake → 0; case 6: 46.
    assert_eq!(
        pairs(&t.intake_to_action),
        [(0, 1), (1, 1), (5, 1), (46, 1)]
    );
    assert_eq!(t.intake_to_action.median(), Some(3.0));
    assert_eq!(t.intake_to_action.share_at_most(WITHIN_DAYS), Some(0.75));
    // Case 7.
    assert_eq!(t.intake_without_action, 1);
}

#[test]
fn closings_count_once_per_closing_in_the_period() {
    let t = all();
    assert_eq!(t.closings.kortdurende_interventie, 1);
    assert_eq!(t.closings.zelfstandig_verder, 1);
    assert_eq!(t.closings.verwezen_jeugdhulp, 1);
    assert_eq!(t.closings.anders, 0, "case 5 closed before the period");
    assert_eq!(t.closings.total(), 3);
    assert_eq!(t.closings.without_referral(), 2);
}

#[test]
fn faces_count_everyone_involved_on_any_day_of_the_period() {
    let t = all();
    // Family 1: 1, 2 (left in October), 3 (came in November) → 3; family 2 (two cases) → 1;
    // family 3 → 0; family 4 → 2; family 5 had no case open in the period.
    assert_eq!(pairs(&t.faces), [(0, 1), (1, 1), (2, 1), (3, 1)]);
    assert_eq!(t.faces.median(), Some(1.5));
}

#[test]
fn open_and_overdue_on_the_reference_day_and_done_by_the_deadline() {
    let t = all();
    assert_eq!(
        t.open,
        PerSide {
            onderwijs: 2,
            zorg: 1
        }
    );
    assert_eq!(
        t.overdue,
        PerSide {
            onderwijs: 0,
            zorg: 1
        }
    );
    // Onderwijs: 1 on time, 9 late; zorg: 2 late, 3 open past it, 6 on its deadline day.
    // Not counted: 5 (cancelled), 7 (deadline still to come), 4 and 8 (outside the period).
    assert_eq!(
        t.due,
        PerSide {
            onderwijs: 2,
            zorg: 3
        }
    );
    assert_eq!(
        t.on_time,
        PerSide {
            onderwijs: 1,
            zorg: 1
        }
    );
}

#[test]
fn an_earlier_period_counts_open_actions_on_its_last_day() {
    let mut s = scope(None);
    s.period = Period::new(d(2026, 9, 1), d(2026, 9, 20));
    let t = measure(s, &families(), &cases(), &actions());
    // On 20 September: 1 was done (14th) and 6 too (10th); 2 open (done the 25th, deadline the
    // 20th: not yet overdue on its own day); 3, 4 and 5 not yet made.
    assert_eq!(
        t.open,
        PerSide {
            onderwijs: 0,
            zorg: 1
        }
    );
    assert_eq!(t.overdue, PerSide::default());
}

#[test]
fn new_cases_by_month_and_source() {
    let t = all();
    let month = |m: &str| t.new_cases.get(m).copied().unwrap_or_default();
    assert_eq!(
        month("2026-09"),
        BySource {
            ouder: 1,
            school: 1,
            anders: 0
        }
    );
    assert_eq!(
        month("2026-10"),
        BySource {
            ouder: 1,
            school: 0,
            anders: 0
        }
    );
    assert_eq!(
        month("2026-11"),
        BySource {
            ouder: 0,
            school: 1,
            anders: 1
        }
    );
    assert!(
        !t.new_cases.contains_key("2026-08"),
        "case 4 was signalled before the period"
    );
    assert_eq!(t.new_cases_total().total(), 5);
}

#[test]
fn one_school_leaves_the_others_out_whatever_its_spelling() {
    let t = measure(scope(Some(" DE LINDE ")), &families(), &cases(), &actions());
    assert_eq!(
        pairs(&t.signal_to_intake),
        [(0, 1), (3, 1), (7, 1), (10, 1)]
    );
    assert_eq!(t.closings.verwezen_jeugdhulp, 0);
    assert_eq!(t.closings.total(), 2);
    assert_eq!(pairs(&t.faces), [(0, 1), (1, 1), (3, 1)]);
    assert_eq!(
        t.due,
        PerSide {
            onderwijs: 2,
            zorg: 2
        }
    );
    assert_eq!(
        t.on_time,
        PerSide {
            onderwijs: 1,
            zorg: 0
        }
    );
    let anker = measure(scope(Some("Het Anker")), &families(), &cases(), &actions());
    assert_eq!(pairs(&anker.signal_to_intake), [(12, 1)]);
}

#[test]
fn merging_two_schools_gives_what_both_together_give() {
    let mut merged = measure(scope(Some("De Linde")), &families(), &cases(), &actions());
    merged.merge(&measure(
        scope(Some("Het Anker")),
        &families(),
        &cases(),
        &actions(),
    ));
    assert_eq!(merged, all());
}

#[test]
fn the_schools_are_listed_once_each() {
    let mut fold = Fold::new(scope(None));
    families().iter().for_each(|f| fold.family(f));
    assert_eq!(fold.schools(), ["De Linde", "Het Anker"]);
}

#[test]
fn a_reopened_case_is_open_between_its_closings_only_where_reopened() {
    let reopened = &cases()[0];
    let gap = Period::new(d(2026, 10, 2), d(2026, 10, 14));
    assert!(!open_during(reopened, &gap), "closed from 1 to 15 October");
    assert!(open_during(
        reopened,
        &Period::new(d(2026, 10, 14), d(2026, 10, 15))
    ));
    assert!(!open_during(
        reopened,
        &Period::new(d(2026, 11, 11), d(2026, 12, 31))
    ));
}

#[test]
fn periods_by_name() {
    assert_eq!(
        Period::school_year(d(2026, 11, 23)),
        Period::new(d(2026, 8, 1), d(2026, 11, 23))
    );
    assert_eq!(
        Period::school_year(d(2027, 3, 1)),
        Period::new(d(2026, 8, 1), d(2027, 3, 1))
    );
    assert_eq!(
        Period::last_12_months(d(2026, 11, 23)),
        Period::new(d(2025, 11, 24), d(2026, 11, 23))
    );
    assert_eq!(
        Period::new(d(2026, 2, 1), d(2026, 1, 1)).from,
        d(2026, 1, 1)
    );
}

#[test]
fn a_histogram_gives_medians_shares_and_bins() {
    let mut h = Histogram::default();
    assert_eq!(h.median(), None);
    assert_eq!(h.share_at_most(7), None);
    for v in [1, 2, 2, 9, 15] {
        h.add(v);
    }
    assert_eq!(h.median(), Some(2.0));
    assert_eq!(h.at_most(7), 3);
    assert_eq!(h.bins(7), [3, 1, 1]);
    h.add(20);
    assert_eq!(h.median(), Some(5.5));
    let json = serde_json::to_string(&h).unwrap();
    assert_eq!(json, "[[1,1],[2,2],[9,1],[15,1],[20,1]]");
    assert_eq!(serde_json::from_str::<Histogram>(&json).unwrap(), h);
}

#[test]
fn actions_counted_in_parts_add_up_to_the_same() {
    let mut fold = Fold::new(scope(None));
    families().iter().for_each(|f| fold.family(f));
    cases().iter().for_each(|c| fold.case(c));
    let every = actions();
    let (low, high) = every.split_at(4);
    let mut parts = [ActionPart::default(), ActionPart::default()];
    low.iter().for_each(|a| fold.action_in(&mut parts[0], a));
    high.iter().for_each(|a| fold.action_in(&mut parts[1], a));
    let [p0, p1] = parts;
    fold.absorb(p1);
    fold.absorb(p0);
    assert_eq!(fold.finish(), all());
}
