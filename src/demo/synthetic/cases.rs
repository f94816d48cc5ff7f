//! One synthetic case with its actions, agenda items and timeline. Each case draws from its own
//! stream (by ordinal), so a case does not change when the one before it does.

use super::super::rng::Rng;
use super::super::texts::{
    ACTIONS_ONDERWIJS, ACTIONS_ZORG, QUESTIONS, QUESTIONS_NEWCOMER, REFUSALS,
};
use super::super::{at, shift, Timeline};
use super::family::{Ctx, Fam};
use super::kaart::Pro;
use super::{is_recent, item_words, signal_offset, Kaart, Plan, Slot};
use crate::domain::{
    Action, ActionId, AgendaItem, Agreement, Case, CaseId, CaseStatus, Closing, Consent,
    ConsentStatus, Done, EventKind, FamilyId, Lead, Outcome, PersonId, Side, SignalSource,
};
use crate::store::Change;
use chrono::{Duration, NaiveDate, NaiveDateTime};

/// Where a case stands and the days of its course, drawn before its actions.
#[derive(Clone, Copy)]
struct Course {
    status: CaseStatus,
    signal: NaiveDate,
    intake: Option<NaiveDate>,
    support: Option<NaiveDate>,
    /// Closed for good (not reopened).
    closed: Option<NaiveDate>,
    today: NaiveDate,
}

/// One case being written: who can take its actions, and its timeline so far.
struct Draft<'a> {
    id: CaseId,
    family: FamilyId,
    /// The people its actions go to: the school's coaches and the family's network.
    pool: &'a [(PersonId, Side)],
    course: Course,
    tl: Timeline,
}

impl Draft<'_> {
    fn line(&mut self, at: NaiveDateTime, kind: EventKind) {
        self.tl.add(at, Some(self.id), Some(self.family), kind);
    }
}

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
    let id = ch.case_id();
    let (child, child_name) = fam.children[nth % fam.children.len()].clone();
    let offset = signal_offset(ordinal, ctx.n);
    let signal = shift(today, offset);
    let age = -offset;
    let slots = plan.take(ordinal);
    let last_meeting = slots
        .last()
        .and_then(|(s, _)| plan.dates.get(s.meeting).copied());

    let status = status_of(&mut rng, is_recent(ordinal, ctx.n), age);
    let (intake, support) = intake_and_support(&mut rng, status, signal, today);
    let mut course = Course {
        status,
        signal,
        intake,
        support,
        closed: None,
        today,
    };
    let quiet = slots.is_empty();
    let closings = closings_of(&mut rng, &mut course, age, last_meeting, quiet);

    let (lead, pool) = lead_and_pool(&mut rng, ctx.kaart, fam);
    let consents = match intake {
        Some(day) => consents(&mut rng, &fam.network, day),
        None => Vec::new(),
    };

    let mut draft = Draft {
        id,
        family: fam.id,
        pool: &pool,
        course,
        tl: Timeline::default(),
    };
    let created = status_lines(&mut draft, &mut rng, &closings);
    let mut actions = plain_actions(ch, &mut rng, &draft);
    action_lines(&mut draft, &actions);
    meeting_actions(ch, &mut rng, plan, &slots, &mut draft, &mut actions);

    let tl = draft.tl;
    let last_activity = tl.lines.iter().map(|l| l.0).max().unwrap_or(created);
    let count = actions.len();
    for a in actions {
        ch.put_action(a);
    }
    tl.write(ch);
    let question = question(&mut rng, fam, &child_name);
    let signal_source = *rng.pick(&[
        SignalSource::Ouder,
        SignalSource::School,
        SignalSource::School,
        SignalSource::Anders,
    ]);
    let flagged = status.is_open() && rng.chance(10);
    ch.put_case(Case {
        id,
        family: fam.id,
        child,
        question,
        signal: signal_source,
        signal_by: String::new(),
        signal_date: signal,
        intake_date: intake,
        support_date: support,
        status,
        lead: Lead {
            side: Some(lead.side),
            person: Some(lead.id),
        },
        consents,
        flagged,
        closings,
        notes: String::new(),
        created,
        last_activity,
    });
    count
}

/// The case's lead (mostly the school's coach or gezinscoach, now and then someone of the
/// network), and the people its actions go to: those two and the family's network.
fn lead_and_pool<'k>(
    rng: &mut Rng,
    kaart: &'k Kaart,
    fam: &Fam,
) -> (&'k Pro, Vec<(PersonId, Side)>) {
    let lead = match rng.below(10) {
        0..=3 => kaart.coach(fam.school),
        4..=8 => kaart.gezinscoach(fam.school),
        _ => kaart.network(rng),
    };
    let mut pool: Vec<(PersonId, Side)> = vec![
        (kaart.coach(fam.school).id, Side::Onderwijs),
        (kaart.gezinscoach(fam.school).id, Side::Zorg),
    ];
    pool.extend(fam.network.iter().copied());
    (lead, pool)
}

/// The question of a case about `child_name`.
fn question(rng: &mut Rng, fam: &Fam, child_name: &str) -> String {
    let asked = if fam.newcomer && rng.chance(40) {
        rng.pick(&QUESTIONS_NEWCOMER)
    } else {
        rng.pick(&QUESTIONS)
    };
    asked.replace("{k}", child_name)
}

/// The status of a case `age` days after its signal.
fn status_of(rng: &mut Rng, recent: bool, age: i64) -> CaseStatus {
    if recent {
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
    }
}

/// The days of the intake and of the start of support, as far as the status has come.
fn intake_and_support(
    rng: &mut Rng,
    status: CaseStatus,
    signal: NaiveDate,
    today: NaiveDate,
) -> (Option<NaiveDate>, Option<NaiveDate>) {
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
    (intake, support)
}

/// The closings of a case: a closed case's one (after its last meeting and the start of
/// support; `course.closed` is set to its day), or now and then, for an old running case no
/// meeting discussed (`quiet`), one that was reopened.
fn closings_of(
    rng: &mut Rng,
    course: &mut Course,
    age: i64,
    last_meeting: Option<NaiveDate>,
    quiet: bool,
) -> Vec<Closing> {
    let yesterday = shift(course.today, -1);
    let signal = course.signal;
    let mut closings = Vec::new();
    if course.status == CaseStatus::Afgesloten {
        let mut day = shift(signal, rng.range(21, (age - 1).clamp(21, 300)));
        if let Some(m) = last_meeting {
            day = day.max(shift(m, rng.range(1, 14)));
        }
        if let Some(s) = course.support {
            day = day.max(shift(s, 1));
        }
        let day = day.min(yesterday);
        course.closed = Some(day);
        closings.push(Closing {
            closed: day,
            outcome: outcome(rng),
            reopened: None,
        });
    } else if course.status == CaseStatus::Lopend && age > 120 && quiet && rng.chance(8) {
        let day = shift(signal, rng.range(30, 60));
        closings.push(Closing {
            closed: day,
            outcome: outcome(rng),
            reopened: Some(shift(day, rng.range(20, 50)).min(yesterday)),
        });
    }
    closings
}

/// The timeline lines of the case's course: created, intake, support, closed and reopened.
/// When the case was created.
fn status_lines(d: &mut Draft, rng: &mut Rng, closings: &[Closing]) -> NaiveDateTime {
    let course = d.course;
    let created = at(course.signal, 9 * 60 + rng.range(0, 180));
    d.line(created, EventKind::CaseCreated);
    if let Some(day) = course.intake {
        let (from, to) = (CaseStatus::Aangemeld, CaseStatus::Intake);
        d.line(
            at(day, 13 * 60 + rng.range(0, 60)),
            EventKind::StatusChanged { from, to },
        );
    }
    if let Some(day) = course.support {
        let (from, to) = (CaseStatus::Intake, CaseStatus::Lopend);
        d.line(at(day, 15 * 60), EventKind::StatusChanged { from, to });
    }
    for closing in closings {
        let outcome = closing.outcome;
        d.line(at(closing.closed, 16 * 60), EventKind::Closed { outcome });
        if let Some(r) = closing.reopened {
            d.line(at(r, 10 * 60), EventKind::Reopened);
        }
    }
    created
}

/// The actions agreed outside meetings, with deadlines over the case's course.
fn plain_actions(ch: &mut Change, rng: &mut Rng, d: &Draft) -> Vec<Action> {
    let Course {
        status,
        signal,
        closed,
        today,
        ..
    } = d.course;
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
        let deadline = pick_day(rng, lo, hi.max(lo));
        let created_day = shift(deadline, -rng.range(5, 28)).max(signal).min(today);
        let created = at(created_day, 12 * 60 + 3 * j);
        let done_day = shift(deadline, rng.range(-5, 3));
        let mut a = new_action(ch, rng, d.id, d.pool, deadline, created);
        a.done = done_on(
            rng,
            created,
            deadline,
            done_day,
            closed,
            today,
            15 * 60 + 2 * j,
        )
        .map(|at| Done::new(at, a.owner));
        actions.push(a);
    }
    actions
}

/// The timeline lines of the plain actions: the first one added, the last one done.
fn action_lines(d: &mut Draft, actions: &[Action]) {
    if let Some(a) = actions.first() {
        d.line(a.created, EventKind::ActionAdded { action: a.id });
    }
    let last_done = actions
        .iter()
        .filter_map(|a| a.done.as_ref().map(|d| (d.at, a.id)))
        .max();
    if let Some((at, action)) = last_done {
        d.line(at, EventKind::ActionDone { action });
    }
}

/// The meetings that discussed this case, each agreeing one action; the next meeting often
/// ticks off the one agreed before. Their agenda items go into the plan, their actions after
/// `actions`.
fn meeting_actions(
    ch: &mut Change,
    rng: &mut Rng,
    plan: &mut Plan,
    slots: &[(Slot, usize)],
    d: &mut Draft,
    actions: &mut Vec<Action>,
) {
    let (closed, today) = (d.course.closed, d.course.today);
    let mut previous: Option<usize> = None;
    for (slot, index) in slots {
        let (Some(date), Some(meeting)) = (
            plan.dates.get(slot.meeting).copied(),
            plan.ids.get(slot.meeting).copied(),
        ) else {
            continue;
        };
        let created = slot.start + Duration::seconds(60);
        let deadline = shift(date, rng.range(7, 21));
        let done_day = shift(deadline, rng.range(-5, 3));
        let mut a = new_action(ch, rng, d.id, d.pool, deadline, created);
        a.meeting = Some(meeting);
        a.done = done_on(rng, created, deadline, done_day, closed, today, 15 * 60)
            .map(|at| Done::new(at, a.owner));
        let ticked = slot.start + Duration::seconds(120);
        let mut done_here = Vec::new();
        if let Some(p) = previous.and_then(|p| actions.get_mut(p)) {
            if rng.chance(70) && p.done.as_ref().is_none_or(|d| d.at > ticked) {
                p.done = Some(Done::new(ticked, p.owner));
                done_here.push(p.id);
            }
        }
        let (notes, agreements) = item_words(rng, slot);
        d.line(slot.start, EventKind::Discussed { meeting });
        d.line(created, EventKind::ActionAdded { action: a.id });
        for ag in &agreements {
            let text = ag.text.clone();
            d.line(ag.at, EventKind::AgreementRecorded { meeting, text });
        }
        plan.fill(
            slot.meeting,
            *index,
            item(d.id, slot, notes, agreements, a.id, done_here),
        );
        previous = Some(actions.len());
        actions.push(a);
    }
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
                given_by: String::new(),
            }
        })
        .collect()
}
