//! One synthetic case with its actions, agenda items and timeline. Each case draws from its own
//! stream (by ordinal), so a case does not change when the one before it does.

use super::super::rng::Rng;
use super::super::texts::{
    ACTIONS_ONDERWIJS, ACTIONS_ZORG, QUESTIONS, QUESTIONS_NEWCOMER, REFUSALS,
};
use super::super::{at, shift, Timeline};
use super::family::{Ctx, Fam};
use super::{is_recent, item_words, signal_offset, Plan, Slot};
use crate::domain::{
    Action, ActionId, AgendaItem, Agreement, Case, CaseId, CaseStatus, Closing, Consent,
    ConsentStatus, Done, EventKind, Lead, Outcome, PersonId, Side, SignalSource,
};
use crate::store::Change;
use chrono::{Duration, NaiveDate, NaiveDateTime};

/// Writes case `ordinal` (the `nth` of its family) with its actions and agenda items.
pub fn case(
    ch: &mut Change,
    ctx: &Ctx,
    fam: &Fam,
    ordinal: u64,
    nth: usize,
    plan: &mut Plan,
) -> usize {
    let mut rng = Rng::derive(ctx.seed, ordinal);
    let today = ctx.today;
    let yesterday = shift(today, -1);
    let id = ch.case_id();
    let (child, child_name) = fam.children[nth % fam.children.len()].clone();
    let offset = signal_offset(ordinal, ctx.n);
    let signal = shift(today, offset);
    let age = -offset;
    let slots = plan.take(ordinal);
    let last_meeting = slots
        .last()
        .and_then(|(s, _)| plan.dates.get(s.meeting).copied());

    let status = if is_recent(ordinal, ctx.n) {
        if age <= 7 || rng.chance(25) {
            CaseStatus::Aangemeld
        } else {
            CaseStatus::Intake
        }
    } else if rng.below(73_000) < age.unsigned_abs() * 70 {
        // The older the case, the likelier it is closed: about 30 per cent overall.
        CaseStatus::Afgesloten
    } else {
        CaseStatus::Lopend
    };
    let intake = (status != CaseStatus::Aangemeld).then(|| {
        let days = if rng.chance(85) {
            rng.range(0, 6)
        } else {
            rng.range(7, 14)
        };
        shift(signal, days).min(today)
    });
    let support = intake
        .filter(|_| matches!(status, CaseStatus::Lopend | CaseStatus::Afgesloten))
        .map(|i| shift(i, rng.range(0, 7)).min(today));

    let mut closings = Vec::new();
    let mut closed = None;
    if status == CaseStatus::Afgesloten {
        let mut day = shift(signal, rng.range(21, (age - 1).clamp(21, 300)));
        if let Some(m) = last_meeting {
            day = day.max(shift(m, rng.range(1, 14)));
        }
        if let Some(s) = support {
            day = day.max(shift(s, 1));
        }
        let day = day.min(yesterday);
        closed = Some(day);
        closings.push(Closing {
            closed: day,
            outcome: outcome(&mut rng),
            reopened: None,
        });
    } else if status == CaseStatus::Lopend && age > 120 && slots.is_empty() && rng.chance(8) {
        let day = shift(signal, rng.range(30, 60));
        closings.push(Closing {
            closed: day,
            outcome: outcome(&mut rng),
            reopened: Some(shift(day, rng.range(20, 50)).min(yesterday)),
        });
    }

    let kaart = ctx.kaart;
    let lead = match rng.below(10) {
        0..=3 => kaart.coach(fam.school),
        4..=8 => kaart.gezinscoach(fam.school),
        _ => kaart.network(&mut rng),
    };
    let mut pool: Vec<(PersonId, Side)> = vec![
        (kaart.coach(fam.school).id, Side::Onderwijs),
        (kaart.gezinscoach(fam.school).id, Side::Zorg),
    ];
    pool.extend(fam.network.iter().copied());
    let consents = match intake {
        Some(day) => consents(&mut rng, &fam.network, day),
        None => Vec::new(),
    };

    let mut tl = Timeline::default();
    let created = at(signal, 9 * 60 + rng.range(0, 180));
    let (c, f) = (Some(id), Some(fam.id));
    tl.add(created, c, f, EventKind::CaseCreated);
    if let Some(day) = intake {
        let (from, to) = (CaseStatus::Aangemeld, CaseStatus::Intake);
        tl.add(
            at(day, 13 * 60 + rng.range(0, 60)),
            c,
            f,
            EventKind::StatusChanged { from, to },
        );
    }
    if let Some(day) = support {
        let (from, to) = (CaseStatus::Intake, CaseStatus::Lopend);
        tl.add(
            at(day, 15 * 60),
            c,
            f,
            EventKind::StatusChanged { from, to },
        );
    }
    for closing in &closings {
        let outcome = closing.outcome;
        tl.add(
            at(closing.closed, 16 * 60),
            c,
            f,
            EventKind::Closed { outcome },
        );
        if let Some(r) = closing.reopened {
            tl.add(at(r, 10 * 60), c, f, EventKind::Reopened);
        }
    }

    let end = closed.unwrap_or(shift(today, 60));
    let (lo, hi) = match status {
        CaseStatus::Aangemeld | CaseStatus::Intake => (shift(signal, 1), shift(today, 14)),
        _ if closed.is_some() => (shift(signal, 3), end),
        _ => (shift(signal, 3).max(shift(today, -300)), end),
    };
    let count = match status {
        CaseStatus::Aangemeld => rng.range(0, 2),
        CaseStatus::Intake => rng.range(1, 3),
        _ => rng.range(8, 12),
    };
    let mut actions: Vec<Action> = Vec::new();
    for j in 0..count {
        let deadline = pick_day(&mut rng, lo, hi.max(lo));
        let created_day = shift(deadline, -rng.range(5, 28)).max(signal).min(today);
        let created = at(created_day, 12 * 60 + 3 * j);
        let done_day = shift(deadline, rng.range(-5, 3));
        let mut a = new_action(ch, &mut rng, id, &pool, deadline, created);
        a.done = done_on(
            &mut rng,
            created,
            deadline,
            done_day,
            closed,
            today,
            15 * 60 + 2 * j,
        )
        .map(|at| Done { at, by: a.owner });
        actions.push(a);
    }
    if let Some(a) = actions.first() {
        tl.add(a.created, c, f, EventKind::ActionAdded { action: a.id });
    }
    let last_done = actions
        .iter()
        .filter_map(|a| a.done.as_ref().map(|d| (d.at, a.id)))
        .max();
    if let Some((at, action)) = last_done {
        tl.add(at, c, f, EventKind::ActionDone { action });
    }

    // The meetings that discussed this case, each agreeing one action; the next meeting often
    // ticks off the one agreed before.
    let mut previous: Option<usize> = None;
    for (slot, index) in &slots {
        let (Some(date), Some(meeting)) = (
            plan.dates.get(slot.meeting).copied(),
            plan.ids.get(slot.meeting).copied(),
        ) else {
            continue;
        };
        let created = slot.start + Duration::seconds(60);
        let deadline = shift(date, rng.range(7, 21));
        let done_day = shift(deadline, rng.range(-5, 3));
        let mut a = new_action(ch, &mut rng, id, &pool, deadline, created);
        a.meeting = Some(meeting);
        a.done = done_on(
            &mut rng,
            created,
            deadline,
            done_day,
            closed,
            today,
            15 * 60,
        )
        .map(|at| Done { at, by: a.owner });
        let ticked = slot.start + Duration::seconds(120);
        let mut done_here = Vec::new();
        if let Some(p) = previous.and_then(|p| actions.get_mut(p)) {
            if rng.chance(70) && p.done.as_ref().is_none_or(|d| d.at > ticked) {
                p.done = Some(Done {
                    at: ticked,
                    by: p.owner,
                });
                done_here.push(p.id);
            }
        }
        let (notes, agreements) = item_words(&mut rng, slot);
        tl.add(slot.start, c, f, EventKind::Discussed { meeting });
        tl.add(created, c, f, EventKind::ActionAdded { action: a.id });
        for ag in &agreements {
            let text = ag.text.clone();
            tl.add(ag.at, c, f, EventKind::AgreementRecorded { meeting, text });
        }
        plan.fill(
            slot.meeting,
            *index,
            item(id, slot, notes, agreements, a.id, done_here),
        );
        previous = Some(actions.len());
        actions.push(a);
    }

    let last_activity = tl.lines.iter().map(|l| l.0).max().unwrap_or(created);
    let count = actions.len();
    for a in actions {
        ch.put_action(a);
    }
    tl.write(ch);
    let asked = if fam.newcomer && rng.chance(40) {
        rng.pick(&QUESTIONS_NEWCOMER)
    } else {
        rng.pick(&QUESTIONS)
    };
    let question = asked.replace("{k}", &child_name);
    ch.put_case(Case {
        id,
        family: fam.id,
        child,
        question,
        signal: *rng.pick(&[
            SignalSource::Ouder,
            SignalSource::School,
            SignalSource::School,
            SignalSource::Anders,
        ]),
        signal_date: signal,
        intake_date: intake,
        support_date: support,
        status,
        lead: Lead {
            side: Some(lead.side),
            person: Some(lead.id),
        },
        consents,
        flagged: status.is_open() && rng.chance(10),
        closings,
        notes: String::new(),
        created,
        last_activity,
    });
    count
}

fn item(
    case: CaseId,
    slot: &Slot,
    notes: String,
    agreements: Vec<Agreement>,
    added: ActionId,
    done: Vec<ActionId>,
) -> AgendaItem {
    AgendaItem {
        case,
        reasons: slot.reasons.clone(),
        notes,
        agreements,
        actions_added: vec![added],
        actions_done: done,
        timebox_minutes: 10,
        seconds_spent: slot.seconds,
        discussed: true,
    }
}

fn new_action(
    ch: &mut Change,
    rng: &mut Rng,
    case: CaseId,
    pool: &[(PersonId, Side)],
    deadline: NaiveDate,
    created: NaiveDateTime,
) -> Action {
    let (owner, own_side) = pool[rng.index(pool.len())];
    // Mostly the owner's own side; now and then someone takes up a task for the other side.
    let side = if rng.chance(92) {
        own_side
    } else {
        own_side.other()
    };
    let text = match side {
        Side::Onderwijs => rng.pick(&ACTIONS_ONDERWIJS),
        Side::Zorg => rng.pick(&ACTIONS_ZORG),
    };
    Action {
        id: ch.action_id(),
        case,
        text: (*text).to_string(),
        owner: Some(owner),
        side,
        deadline: Some(deadline),
        created,
        meeting: None,
        done: None,
    }
}

/// When an action was done, if it was: every action of a closed case by its closing, most past
/// their deadline (with the closed cases about 70 per cent in all), a few early.
fn done_on(
    rng: &mut Rng,
    created: NaiveDateTime,
    deadline: NaiveDate,
    done_day: NaiveDate,
    closed: Option<NaiveDate>,
    today: NaiveDate,
    minute: i64,
) -> Option<NaiveDateTime> {
    let day = match closed {
        Some(c) => done_day.min(c),
        None if deadline < today && rng.chance(60) => done_day.min(shift(today, -1)),
        None if deadline >= today && rng.chance(10) => done_day.min(shift(today, -1)),
        None => return None,
    };
    let when = at(day, minute);
    Some(if when <= created {
        created + Duration::minutes(30)
    } else {
        when
    })
}

fn pick_day(rng: &mut Rng, lo: NaiveDate, hi: NaiveDate) -> NaiveDate {
    shift(lo, rng.range(0, (hi - lo).num_days()))
}

fn outcome(rng: &mut Rng) -> Outcome {
    match rng.below(100) {
        0..=34 => Outcome::ZelfstandigVerder,
        35..=74 => Outcome::KortdurendeInterventie,
        75..=94 => Outcome::VerwezenJeugdhulp,
        _ => Outcome::Anders,
    }
}

fn consents(rng: &mut Rng, network: &[(PersonId, Side)], day: NaiveDate) -> Vec<Consent> {
    network
        .iter()
        .map(|(person, _)| {
            let (status, date, note) = match rng.below(100) {
                0..=84 => (ConsentStatus::Gegeven, Some(day), String::new()),
                85..=94 => (ConsentStatus::NietGevraagd, None, String::new()),
                _ => (
                    ConsentStatus::Geweigerd,
                    Some(day),
                    rng.pick(&REFUSALS).to_string(),
                ),
            };
            Consent {
                person: *person,
                status,
                date,
                note,
            }
        })
        .collect()
}
