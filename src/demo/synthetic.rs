//! N synthetic cases for benchmarks: deterministic for the same `(n, seed, today)`, written in
//! chunks of families so memory stays small whatever `n` is.
//!
//! Cases are numbered by "ordinal" in the order of their signal date, so ids grow with time as in
//! a real store. The weekly meetings are planned first (which ordinals each one discusses); each
//! case then writes its own agenda items, so its timeline comes out in order.

use super::rng::Rng;
use super::texts::{AGREEMENTS, ITEM_NOTES};
use super::{at, shift, DemoSummary};
use crate::domain::{AgendaItem, Agreement, EventKind, Meeting, MeetingId, Reason};
use crate::store::{Store, StoreError};
use chrono::{Datelike, NaiveDate, NaiveDateTime};
use std::collections::BTreeMap;

mod cases;
mod family;
mod kaart;

pub use kaart::Kaart;

/// Families per Change: big enough to be quick, small enough that memory stays flat.
const CHUNK_FAMILIES: usize = 200;
/// Two years of weekly meetings.
const WEEKS: i64 = 104;
/// The oldest signal, in days before today.
const SPAN_DAYS: i64 = 730;
/// The newest share of cases (per cent) was signalled in the last three weeks; most of them are
/// still waiting for intake.
const RECENT_PERCENT: u64 = 15;
const RECENT_DAYS: i64 = 21;
/// A meeting discusses cases signalled up to this many days before it.
const MEETING_WINDOW_DAYS: i64 = 120;

/// Stream numbers, so the families, cases and meetings each draw from their own sequence.
const STREAM_FAMILY: u64 = 1 << 40;
const STREAM_CASE: u64 = 2 << 40;
const STREAM_PLAN: u64 = 3 << 40;
const STREAM_KAART: u64 = 4 << 40;

pub fn build(
    store: &mut Store,
    today: NaiveDate,
    n: u64,
    seed: u64,
) -> Result<DemoSummary, StoreError> {
    let mut summary = DemoSummary::default();
    let mut ch = store.begin();
    let kaart = Kaart::make(&mut ch, today, seed ^ STREAM_KAART);
    summary.persons = kaart.len();
    let mut plan = Plan::new(today, n, &mut Rng::derive(seed, STREAM_PLAN));
    plan.ids = plan.dates.iter().map(|_| ch.meeting_id()).collect();
    store.commit_unflushed(ch)?;

    let mut ch = store.begin();
    let mut in_chunk = 0;
    let mut ordinal = 0;
    while ordinal < n {
        let mut rng = Rng::derive(seed ^ STREAM_FAMILY, ordinal);
        let cases = if ordinal + 1 < n && rng.chance(25) {
            2
        } else {
            1
        };
        let ctx = family::Ctx {
            today,
            n,
            seed: seed ^ STREAM_CASE,
            kaart: &kaart,
        };
        let counts = family::family(&mut ch, &ctx, &mut rng, ordinal, cases, &mut plan);
        summary.families += 1;
        summary.cases += cases as usize;
        summary.actions += counts;
        ordinal += cases;
        in_chunk += 1;
        if in_chunk == CHUNK_FAMILIES {
            store.commit_unflushed(std::mem::take(&mut ch))?;
            ch = store.begin();
            in_chunk = 0;
        }
    }
    store.commit_unflushed(ch)?;

    let mut ch = store.begin();
    for meeting in plan.into_meetings(&kaart) {
        if let (Some(started), Some(ended)) = (meeting.started, meeting.ended) {
            ch.event(
                started,
                None,
                None,
                EventKind::MeetingStarted {
                    meeting: meeting.id,
                },
            );
            ch.event(
                ended,
                None,
                None,
                EventKind::MeetingEnded {
                    meeting: meeting.id,
                },
            );
        }
        ch.put_meeting(meeting);
        summary.meetings += 1;
    }
    store.commit_unflushed(ch)?;
    store.flush()?;
    Ok(summary)
}

/// Days from today of the signal of case `ordinal`: most spread over two years, the newest share
/// over the last three weeks. Non-decreasing in the ordinal.
pub fn signal_offset(ordinal: u64, n: u64) -> i64 {
    let old = i128::from(n) * i128::from(100 - RECENT_PERCENT) / 100;
    let i = i128::from(ordinal);
    let off = if i < old {
        -i128::from(SPAN_DAYS) + i * i128::from(SPAN_DAYS - RECENT_DAYS - 1) / old
    } else {
        let recent = (i128::from(n) - old).max(1);
        -i128::from(RECENT_DAYS) + (i - old) * i128::from(RECENT_DAYS + 1) / recent
    };
    i64::try_from(off).unwrap_or(0)
}

/// Whether case `ordinal` belongs to the recent share.
pub fn is_recent(ordinal: u64, n: u64) -> bool {
    u128::from(ordinal) * 100 >= u128::from(n) * u128::from(100 - RECENT_PERCENT)
}

/// One planned agenda item: which case, when in the meeting, and why.
#[derive(Clone)]
pub struct Slot {
    pub meeting: usize,
    pub start: NaiveDateTime,
    pub seconds: u32,
    pub reasons: Vec<Reason>,
}

/// The meetings, planned before the cases are written and filled in by them.
pub struct Plan {
    pub dates: Vec<NaiveDate>,
    pub ids: Vec<MeetingId>,
    starts: Vec<NaiveDateTime>,
    ends: Vec<NaiveDateTime>,
    /// Per meeting, its items in agenda order, `None` until the case has written it.
    items: Vec<Vec<Option<AgendaItem>>>,
    /// Ordinal → its slots, oldest meeting first, with the item index inside the meeting.
    by_case: BTreeMap<u64, Vec<(Slot, usize)>>,
}

impl Plan {
    fn new(today: NaiveDate, n: u64, rng: &mut Rng) -> Plan {
        // The tandem meets on Tuesdays; the last meeting is the last Tuesday before today.
        let back = (i64::from(today.weekday().num_days_from_monday()) + 6) % 7;
        let last = shift(today, -if back == 0 { 7 } else { back });
        let mut plan = Plan {
            dates: Vec::new(),
            ids: Vec::new(),
            starts: Vec::new(),
            ends: Vec::new(),
            items: Vec::new(),
            by_case: BTreeMap::new(),
        };
        for week in (0..WEEKS).rev() {
            let date = shift(last, -7 * week);
            let offset = (date - today).num_days();
            let lo = first_ordinal(n, |i| signal_offset(i, n) >= offset - MEETING_WINDOW_DAYS);
            let hi = first_ordinal(n, |i| signal_offset(i, n) > offset);
            let k = rng_range_u(rng, 8, 12);
            let chosen = choose(rng, lo, hi, k);
            if chosen.is_empty() {
                continue;
            }
            let meeting = plan.dates.len();
            let started = at(date, 8 * 60 + 30);
            let mut clock = started;
            for (index, ordinal) in chosen.iter().enumerate() {
                let seconds = rng_range_u(rng, 300, 900) as u32;
                let first = !plan.by_case.contains_key(ordinal);
                let reasons = reasons(rng, first);
                let slot = Slot {
                    meeting,
                    start: clock,
                    seconds,
                    reasons,
                };
                plan.by_case
                    .entry(*ordinal)
                    .or_default()
                    .push((slot, index));
                clock += chrono::Duration::seconds(i64::from(seconds) + 30);
            }
            plan.dates.push(date);
            plan.starts.push(started);
            plan.ends.push(clock);
            plan.items.push(vec![None; chosen.len()]);
        }
        plan
    }

    /// The slots of case `ordinal`, oldest first; each is handed out once.
    pub fn take(&mut self, ordinal: u64) -> Vec<(Slot, usize)> {
        self.by_case.remove(&ordinal).unwrap_or_default()
    }

    pub fn fill(&mut self, meeting: usize, index: usize, item: AgendaItem) {
        if let Some(place) = self.items.get_mut(meeting).and_then(|m| m.get_mut(index)) {
            *place = Some(item);
        }
    }

    fn into_meetings(self, kaart: &Kaart) -> Vec<Meeting> {
        let mut out = Vec::new();
        for (m, items) in self.items.into_iter().enumerate() {
            let items: Vec<AgendaItem> = items.into_iter().flatten().collect();
            let (Some(id), Some(date)) = (self.ids.get(m), self.dates.get(m)) else {
                continue;
            };
            if items.is_empty() {
                continue;
            }
            out.push(Meeting {
                id: *id,
                date: *date,
                attendees: kaart.attendees(m),
                items,
                started: self.starts.get(m).copied(),
                ended: self.ends.get(m).copied(),
                current: 0,
            });
        }
        out
    }
}

fn rng_range_u(rng: &mut Rng, lo: u64, hi: u64) -> u64 {
    lo + rng.below(hi - lo + 1)
}

/// The first ordinal in `0..n` for which `pred` holds (`pred` flips once, from false to true).
fn first_ordinal(n: u64, pred: impl Fn(u64) -> bool) -> u64 {
    let (mut lo, mut hi) = (0, n);
    while lo < hi {
        let mid = lo + (hi - lo) / 2;
        if pred(mid) {
            hi = mid;
        } else {
            lo = mid + 1;
        }
    }
    lo
}

/// Up to `k` distinct ordinals from `lo..hi`, in random order.
fn choose(rng: &mut Rng, lo: u64, hi: u64, k: u64) -> Vec<u64> {
    let span = hi.saturating_sub(lo);
    let mut out: Vec<u64> = Vec::new();
    if span <= k {
        out.extend(lo..hi);
        return out;
    }
    // k is at most 12 and the span larger, so a few redraws at most.
    while (out.len() as u64) < k {
        let pick = lo + rng.below(span);
        if !out.contains(&pick) {
            out.push(pick);
        }
    }
    out
}

fn reasons(rng: &mut Rng, first: bool) -> Vec<Reason> {
    let mut out = Vec::new();
    if first {
        out.push(Reason::New);
    } else {
        out.push(*rng.pick(&[
            Reason::CarriedOver,
            Reason::Overdue,
            Reason::DueSoon,
            Reason::NotDiscussed,
        ]));
    }
    if rng.chance(25) {
        out.push(Reason::Flagged);
    }
    out
}

/// An agenda item's agreements and note: a couple of agreements per meeting.
pub fn item_words(rng: &mut Rng, slot: &Slot) -> (String, Vec<Agreement>) {
    let notes = rng.pick(&ITEM_NOTES).to_string();
    let mut agreements = Vec::new();
    if rng.chance(25) {
        agreements.push(Agreement {
            text: rng.pick(&AGREEMENTS).to_string(),
            at: slot.start + chrono::Duration::seconds(i64::from(slot.seconds / 2)),
        });
    }
    (notes, agreements)
}
