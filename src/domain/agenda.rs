//! The proposed agenda of the next meeting: which cases, why, in which order. Pure: the case rows,
//! past meetings, "today" and the settings go in; items come out.

use super::case::CaseStatus;
use super::ids::CaseId;
use super::meeting::{AgendaItem, Meeting, Reason};
use super::summary::CaseSummary;
use chrono::{Duration, NaiveDate};
use std::borrow::Borrow;
use std::collections::HashMap;

/// The most items a proposal holds: at ten minutes each, more than a long meeting can take.
pub const MAX_ITEMS: usize = 40;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct AgendaRules {
    /// The meeting's date ("today" when it starts now).
    pub date: NaiveDate,
    /// Days until the meeting after this one: actions due before then are on the agenda.
    pub days_to_next: i64,
    /// A case not discussed for this many weeks comes back.
    pub not_discussed_weeks: u32,
    pub timebox_minutes: u32,
}

impl AgendaRules {
    /// The rules for a weekly meeting on `date`: the next one is 7 days later. The two numbers
    /// are the team's settings (`config.toml`).
    pub fn weekly(date: NaiveDate, not_discussed_weeks: u32, timebox_minutes: u32) -> AgendaRules {
        AgendaRules {
            date,
            days_to_next: 7,
            not_discussed_weeks,
            timebox_minutes,
        }
    }
}

/// The reasons a case is on the agenda, strongest first (by [`Reason::rank`]).
pub fn reasons(
    row: &CaseSummary,
    last_discussed: Option<NaiveDate>,
    carried_over: bool,
    rules: &AgendaRules,
) -> Vec<Reason> {
    let mut out = Vec::new();
    if row.status == CaseStatus::Afgesloten {
        return out;
    }
    if carried_over {
        out.push(Reason::CarriedOver);
    }
    let new = last_discussed.is_none();
    if new && fresh(row, rules) {
        out.push(Reason::New);
    }
    if row.flagged {
        out.push(Reason::Flagged);
    }
    match row.next_deadline {
        Some(d) if d < rules.date => out.push(Reason::Overdue),
        Some(d) if d < rules.date + Duration::days(rules.days_to_next) => out.push(Reason::DueSoon),
        _ => {}
    }
    if new && !fresh(row, rules) {
        out.push(Reason::New);
    }
    if let Some(d) = last_discussed {
        if d + Duration::weeks(i64::from(rules.not_discussed_weeks)) <= rules.date {
            out.push(Reason::NotDiscussed);
        }
    }
    out
}

/// A question still waiting for its first answer: aangemeld or at intake, and touched within
/// the weeks after which a case counts as "not discussed for a while". A case taken up already
/// (lopend), or one left waiting for months, is not a new question.
fn fresh(row: &CaseSummary, rules: &AgendaRules) -> bool {
    let recent = row.last_activity.date() + Duration::weeks(i64::from(rules.not_discussed_weeks))
        > rules.date;
    recent && matches!(row.status, CaseStatus::Aangemeld | CaseStatus::Intake)
}

/// How urgent a case on the proposal is, by its strongest reason ([`Reason::rank`], doubled):
/// a never-discussed case that is not a fresh question ranks after an action due soon, where
/// "nieuw" always was, so a big case book's old undiscussed cases don't push everything down.
fn urgency(reasons: &[Reason], row: &CaseSummary, rules: &AgendaRules) -> u8 {
    match reasons.first() {
        Some(Reason::New) if !fresh(row, rules) => Reason::DueSoon.rank() * 2 + 1,
        Some(r) => r.rank() * 2,
        None => u8::MAX,
    }
}

/// When each case was last discussed, and which items the last ended meeting left unfinished.
pub fn history(meetings: &[Meeting]) -> (HashMap<CaseId, NaiveDate>, Vec<CaseId>) {
    let mut last: HashMap<CaseId, NaiveDate> = HashMap::new();
    for m in meetings.iter().filter(|m| m.ended.is_some()) {
        for item in m.items.iter().filter(|i| i.discussed) {
            let e = last.entry(item.case).or_insert(m.date);
            *e = (*e).max(m.date);
        }
    }
    let carried = meetings
        .iter()
        .filter(|m| m.ended.is_some())
        .max_by_key(|m| (m.date, m.id))
        .map(|m| {
            m.items
                .iter()
                .filter(|i| !i.discussed)
                .map(|i| i.case)
                .collect()
        })
        .unwrap_or_default();
    (last, carried)
}

/// The proposal: every open case with a reason, strongest reason first, then the soonest
/// deadline, then the child's name.
pub fn propose<R: Borrow<CaseSummary>>(
    rows: &[R],
    meetings: &[Meeting],
    rules: &AgendaRules,
) -> Vec<AgendaItem> {
    let (last, carried) = history(meetings);
    let mut items: Vec<(Vec<Reason>, &CaseSummary)> = rows
        .iter()
        .map(R::borrow)
        .map(|r| {
            (
                reasons(r, last.get(&r.id).copied(), carried.contains(&r.id), rules),
                r,
            )
        })
        .filter(|(reasons, _)| !reasons.is_empty())
        .collect();
    // Only the first MAX_ITEMS need a full order: find the cut by the cheap part of the key, then
    // sort what is before it (ties at the cut included) by the whole key, names and all.
    let cheap = |(reasons, r): &(Vec<Reason>, &CaseSummary)| {
        (
            urgency(reasons, r, rules),
            r.next_deadline.is_none(),
            r.next_deadline,
        )
    };
    if items.len() > MAX_ITEMS {
        items.select_nth_unstable_by_key(MAX_ITEMS - 1, cheap);
        let cut = cheap(&items[MAX_ITEMS - 1]);
        items.retain(|it| cheap(it) <= cut);
    }
    items.sort_by_cached_key(|(reasons, r)| {
        (
            urgency(reasons, r, rules),
            r.next_deadline.is_none(),
            r.next_deadline,
            r.child_name.to_lowercase(),
            r.id,
        )
    });
    items.truncate(MAX_ITEMS);
    items
        .into_iter()
        .map(|(reasons, r)| item(r.id, reasons, rules.timebox_minutes))
        .collect()
}

pub fn item(case: CaseId, reasons: Vec<Reason>, timebox_minutes: u32) -> AgendaItem {
    AgendaItem {
        case,
        reasons,
        notes: String::new(),
        agreements: Vec::new(),
        actions_added: Vec::new(),
        actions_done: Vec::new(),
        timebox_minutes,
        seconds_spent: 0,
        discussed: false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::MeetingId;

    fn day(d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, d).unwrap_or_default()
    }

    fn row(
        id: u64,
        name: &str,
        next: Option<NaiveDate>,
        flagged: bool,
        status: CaseStatus,
    ) -> CaseSummary {
        CaseSummary {
            status,
            flagged,
            last_activity: day(1).and_hms_opt(9, 0, 0).unwrap_or_default(),
            next_deadline: next,
            ..CaseSummary::sample(id, name)
        }
    }

    fn meeting(id: u64, date: NaiveDate, items: &[(u64, bool)]) -> Meeting {
        Meeting {
            id: MeetingId(id),
            date,
            attendees: vec![],
            items: items
                .iter()
                .map(|(c, discussed)| AgendaItem {
                    discussed: *discussed,
                    ..item(CaseId(*c), vec![], 10)
                })
                .collect(),
            started: Some(date.and_hms_opt(9, 0, 0).unwrap_or_default()),
            ended: Some(date.and_hms_opt(10, 0, 0).unwrap_or_default()),
            current: 0,
        }
    }

    const RULES: AgendaRules = AgendaRules {
        date: match NaiveDate::from_ymd_opt(2026, 11, 23) {
            Some(d) => d,
            None => NaiveDate::MIN,
        },
        days_to_next: 7,
        not_discussed_weeks: 4,
        timebox_minutes: 10,
    };

    #[test]
    fn every_reason_with_a_fixed_today() {
        let r = |row: &CaseSummary, last, carried| reasons(row, last, carried, &RULES);
        let lopend = CaseStatus::Lopend;
        assert_eq!(
            r(&row(1, "a", None, false, lopend), None, false),
            vec![Reason::New]
        );
        assert_eq!(
            r(
                &row(1, "a", Some(day(20)), false, lopend),
                Some(day(16)),
                false
            ),
            vec![Reason::Overdue]
        );
        assert_eq!(
            r(
                &row(1, "a", Some(day(29)), false, lopend),
                Some(day(16)),
                false
            ),
            vec![Reason::DueSoon]
        );
        assert_eq!(
            r(
                &row(1, "a", Some(day(30)), false, lopend),
                Some(day(16)),
                false
            ),
            Vec::<Reason>::new()
        );
        assert_eq!(
            r(&row(1, "a", None, true, lopend), Some(day(16)), false),
            vec![Reason::Flagged]
        );
        assert_eq!(
            r(&row(1, "a", None, false, lopend), Some(day(16)), true),
            vec![Reason::CarriedOver]
        );
        // Four weeks exactly is "not discussed for 4 weeks"; a day less is not.
        assert_eq!(
            r(
                &row(1, "a", None, false, lopend),
                NaiveDate::from_ymd_opt(2026, 10, 26),
                false
            ),
            vec![Reason::NotDiscussed]
        );
        assert_eq!(
            r(
                &row(1, "a", None, false, lopend),
                NaiveDate::from_ymd_opt(2026, 10, 27),
                false
            ),
            Vec::<Reason>::new()
        );
        assert!(r(
            &row(1, "a", Some(day(1)), true, CaseStatus::Afgesloten),
            None,
            true
        )
        .is_empty());
        assert_eq!(
            r(&row(1, "a", Some(day(2)), true, lopend), None, true),
            vec![
                Reason::CarriedOver,
                Reason::Flagged,
                Reason::Overdue,
                Reason::New
            ]
        );
    }

    #[test]
    fn a_new_question_is_urgent_while_it_is_fresh() {
        let r = |row: &CaseSummary, carried| reasons(row, None, carried, &RULES);
        // A fresh question (aangemeld, at intake) is new before anything else but carried over.
        let aangemeld = CaseStatus::Aangemeld;
        let mut waiting = row(1, "a", Some(day(2)), true, aangemeld);
        assert_eq!(
            r(&waiting, true),
            vec![
                Reason::CarriedOver,
                Reason::New,
                Reason::Flagged,
                Reason::Overdue
            ]
        );
        // Left waiting for months, it is no longer a fresh question.
        waiting.last_activity = NaiveDate::from_ymd_opt(2026, 9, 1)
            .and_then(|d| d.and_hms_opt(9, 0, 0))
            .unwrap_or_default();
        assert_eq!(r(&waiting, false).last(), Some(&Reason::New));
        assert_eq!(r(&waiting, false)[0], Reason::Flagged);
    }

    #[test]
    fn a_long_proposal_keeps_the_first_items_of_the_full_order() {
        // 100 new cases with few distinct deadlines: the cut falls inside a run of ties, so the
        // names must decide, exactly as a full sort would.
        let rows: Vec<CaseSummary> = (1..=100)
            .map(|i| {
                row(
                    i,
                    &format!("kind {:03}", (i * 37) % 101),
                    Some(day(24 + (i % 3) as u32)),
                    false,
                    CaseStatus::Lopend,
                )
            })
            .collect();
        let got: Vec<u64> = propose(&rows, &[], &RULES)
            .iter()
            .map(|i| i.case.0)
            .collect();
        let mut all: Vec<&CaseSummary> = rows.iter().collect();
        all.sort_by_key(|r| (r.next_deadline, r.child_name.clone(), r.id));
        let want: Vec<u64> = all.iter().take(MAX_ITEMS).map(|r| r.id.0).collect();
        assert_eq!(got, want);
    }

    #[test]
    fn the_proposal_orders_by_strongest_reason_then_deadline_then_name() {
        let lopend = CaseStatus::Lopend;
        let rows = vec![
            row(1, "Zoë", None, false, lopend),           // new
            row(2, "Bram", Some(day(25)), false, lopend), // due soon
            row(3, "Anna", Some(day(10)), false, lopend), // overdue
            row(4, "Cem", None, true, lopend),            // flagged
            row(5, "Daan", None, false, lopend),          // carried over
            row(6, "Eva", Some(day(12)), false, lopend), // overdue, later than Anna? no: earlier is first
            row(7, "Fleur", None, false, lopend),        // discussed last week: nothing
            row(8, "Gijs", None, false, CaseStatus::Afgesloten),
            row(9, "Hana", None, false, lopend), // not discussed for weeks
            row(10, "Ilse", None, false, CaseStatus::Aangemeld), // a new question
        ];
        let meetings = vec![
            meeting(
                1,
                NaiveDate::from_ymd_opt(2026, 10, 12).unwrap_or_default(),
                &[(9, true)],
            ),
            meeting(
                2,
                day(16),
                &[
                    (2, true),
                    (3, true),
                    (4, true),
                    (5, false),
                    (6, true),
                    (7, true),
                ],
            ),
        ];
        let ids: Vec<u64> = propose(&rows, &meetings, &RULES)
            .iter()
            .map(|i| i.case.0)
            .collect();
        // A new question (Ilse) right after what was left over: it is urgent, not last. Zoë, never
        // discussed but taken up already (lopend), is not a new question: after "due soon".
        assert_eq!(ids, vec![5, 10, 4, 3, 6, 2, 1, 9]);
    }
}
