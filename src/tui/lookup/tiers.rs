//! The best [`MAX_HITS`] of a query without running the matcher on every match (issue 10, item
//! 5): exactly what scoring every entry gives, in a frame at 200,000 cases.
//!
//! Whether an entry matches, and so the total and the list a next letter narrows, needs only
//! cheap tests (SkimMatcherV2 finds a name iff the query's chars stand in it in order). Only the
//! order of the best needs the matcher's score. A name's score is the matcher's plus
//! [`super::score::together_bonus`] (200 when the query stands at a word start, 100 inside, 0
//! apart), and the matcher gives a query of `n` chars at most [`skim_most`]`(n)`. So the names
//! are sorted into those three tiers, scored best tier first, and a lower tier is skipped when
//! even its best possible score stays below the 50th best found: it can't reach the list.
//!
//! All of it is done per text ([`Entries::texts`]), not per entry: the entries of a text match
//! and score alike, so a text is tested and scored once, its entries are counted by the size of
//! its group, and only the best [`MAX_HITS`] are read, from the groups that can reach the list.
//! What a query matched is kept as texts, for the next letter to narrow from.

use super::score::{classify_text, with_kind, Found};
use super::{Entries, MAX_HITS};
use fuzzy_matcher::skim::SkimMatcherV2;
use fuzzy_matcher::FuzzyMatcher;
use std::cmp::Reverse;
use std::collections::BinaryHeap;

/// Above this many texts to look at, the work is split over both cores.
const PARALLEL_FROM: usize = 4_000;

/// The bonus of each tier, best first ([`super::score::together_bonus`]).
pub(super) const TIERS: [i64; 3] = [200, 100, 0];

/// The most a kind adds ([`super::score::kind_bonus`]).
const KIND_MOST: i64 = 2;

/// The highest score SkimMatcherV2 (fuzzy-matcher 0.3.7, default config, ignoring case) gives
/// a pattern of `n` chars. Each matched char scores `score_match` (16) plus a bonus that is the
/// largest of the in-place bonuses, `bonus_consecutive` (4) and the bonus before it; the largest
/// in-place bonus is `bonus_head` (8) times `bonus_first_char_multiplier` (2) on the choice's
/// first char, so a char adds at most 32. The first starts from the empty row's
/// `gap_extension` (-1). Gaps only take away. `tests` checks the bound against the matcher.
pub(super) fn skim_most(n: usize) -> i64 {
    32 * n as i64 - 1
}

/// SkimMatcherV2's score of `q` in `hay` (ignoring case), as a matcher that scored nothing
/// before gives it. A matcher keeps its scratch rows between calls, and what it scored before
/// can change a score ("aan" in "jan jansen": 45 fresh, 57 after "piet jansen"), so a score
/// would depend on which entries were scored before it: on narrowing, on the split over cores.
/// (Its `use_cache(false)` panics in 0.3.7: a new matcher per call is the fresh one.)
pub(super) fn skim_score(hay: &str, q: &str) -> Option<i64> {
    SkimMatcherV2::default().ignore_case().fuzzy_match(hay, q)
}

/// What a query matched: its texts ([`Entries::texts`]), in order, and how many entries have
/// them. A longer query narrows from it: every text it matches is among these.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Matched {
    texts: Vec<u32>,
    total: usize,
}

impl Matched {
    /// How many entries matched.
    pub fn total(&self) -> usize {
        self.total
    }

    /// Every entry that matched, in entry order (marked in a bitmap, one bit an entry).
    pub fn entries(&self, entries: &Entries) -> Vec<usize> {
        let mut marks = vec![0u64; entries.len().div_ceil(64)];
        for t in &self.texts {
            for &i in entries.members(*t as usize) {
                marks[i as usize / 64] |= 1 << (i % 64);
            }
        }
        let mut out = Vec::with_capacity(self.total);
        for (w, mut bits) in marks.into_iter().enumerate() {
            while bits != 0 {
                out.push(w * 64 + bits.trailing_zeros() as usize);
                bits &= bits - 1;
            }
        }
        out
    }

    fn add(&mut self, entries: &Entries, t: usize) {
        self.texts.push(t as u32);
        self.total += entries.members(t).len();
    }

    fn join(&mut self, other: Matched) {
        self.texts.extend(other.texts);
        self.total += other.total;
    }
}

/// The candidate texts of one query sorted out: every match, the scores that were cheap, and
/// the names that need the matcher, by tier. Every entry of a text scores alike.
#[derive(Debug, Default)]
struct Sorted {
    matched: Matched,
    /// (score, text) of questions, professionals found by role, and one- or two-letter names.
    scored: Vec<(i64, u32)>,
    /// Names the matcher finds, by [`TIERS`].
    tiers: [Vec<u32>; 3],
}

/// How the entries of text `t` answer folded query `q` ([`classify_text`], with their kind's
/// bonus).
fn found(entries: &Entries, t: usize, q: &str) -> Found {
    let i = entries.first(t);
    match classify_text(entries, i, q) {
        // Only a cheap score reads the entry's kind: most matches need nothing of it.
        text @ Found::Scored(_) => with_kind(text, entries.kind(i)),
        other => other,
    }
}

/// The texts to look at: all of them, or those a shorter query matched (in order).
#[derive(Debug, Clone, Copy)]
pub(super) enum Cands<'a> {
    All(usize, usize),
    These(&'a [u32]),
}

impl<'a> Cands<'a> {
    /// All texts, or those `narrow` matched.
    pub(super) fn of(entries: &Entries, narrow: Option<&'a Matched>) -> Cands<'a> {
        match narrow {
            Some(m) => Cands::These(&m.texts),
            None => Cands::All(0, entries.texts()),
        }
    }

    fn len(&self) -> usize {
        match self {
            Cands::All(from, to) => to - from,
            Cands::These(c) => c.len(),
        }
    }

    fn halves(&self) -> (Cands<'a>, Cands<'a>) {
        match *self {
            Cands::All(from, to) => {
                let mid = from + (to - from) / 2;
                (Cands::All(from, mid), Cands::All(mid, to))
            }
            Cands::These(c) => {
                let (a, b) = c.split_at(c.len() / 2);
                (Cands::These(a), Cands::These(b))
            }
        }
    }

    /// The first `n` (or all), and the rest.
    fn cut(&self, n: usize) -> (Cands<'a>, Cands<'a>) {
        match *self {
            Cands::All(from, to) => {
                let mid = to.min(from.saturating_add(n));
                (Cands::All(from, mid), Cands::All(mid, to))
            }
            Cands::These(c) => {
                let (a, b) = c.split_at(n.min(c.len()));
                (Cands::These(a), Cands::These(b))
            }
        }
    }

    /// Those that pass the 64-bit test of the query's letters ([`super::sig`]): a text that
    /// lacks one is skipped with one test of its bits, before its letters are read.
    fn each(&self, entries: &Entries, bits: u64, mut f: impl FnMut(usize)) {
        let mut one = |t: usize| {
            if entries.may_match(t, bits) {
                f(t)
            }
        };
        match *self {
            Cands::All(from, to) => (from..to).for_each(&mut one),
            Cands::These(c) => c.iter().map(|t| *t as usize).for_each(&mut one),
        }
    }
}

impl Sorted {
    fn of(entries: &Entries, q: &str, part: Cands<'_>) -> Sorted {
        let mut out = Sorted::default();
        part.each(entries, super::sig::of_query(q), |t| {
            match found(entries, t, q) {
                Found::No => return,
                Found::Scored(s) => out.scored.push((s, t as u32)),
                Found::Tier(k) => out.tiers[k].push(t as u32),
            }
            out.matched.add(entries, t);
        });
        out
    }

    fn join(mut self, other: Sorted) -> Sorted {
        self.matched.join(other.matched);
        self.scored.extend(other.scored);
        for (mine, theirs) in self.tiers.iter_mut().zip(other.tiers) {
            mine.extend(theirs);
        }
        self
    }
}

/// Runs `f` on `items`, on both cores when they are many and `both_cores`.
fn split<T: Send>(
    items: Cands<'_>,
    both_cores: bool,
    f: impl Fn(Cands<'_>) -> T + Sync,
    join: impl FnOnce(T, T) -> T,
) -> T {
    if !both_cores || items.len() <= PARALLEL_FROM {
        return f(items);
    }
    let (a, b) = items.halves();
    std::thread::scope(|s| {
        let right = s.spawn(|| f(b));
        let left = f(a);
        match right.join() {
            Ok(right) => join(left, right),
            // The other half panicked (a bug); do it here rather than lose it.
            Err(_) => join(left, f(b)),
        }
    })
}

/// Best first, ties to the earlier entry.
fn better(x: &(i64, usize), y: &(i64, usize)) -> std::cmp::Ordering {
    y.0.cmp(&x.0).then(x.1.cmp(&y.1))
}

/// The best [`MAX_HITS`] (score, entry) offered so far, in any order: a heap with the worst on
/// top (the lowest score, of those the latest entry).
#[derive(Debug, Default)]
struct Top {
    heap: BinaryHeap<(Reverse<i64>, usize)>,
}

impl Top {
    /// Offers entry `i` with `score`; false when it does not get in (nor would an entry after
    /// it with that score).
    fn offer(&mut self, score: i64, i: usize) -> bool {
        let key = (Reverse(score), i);
        if self.heap.len() < MAX_HITS {
            self.heap.push(key);
            return true;
        }
        match self.heap.peek_mut() {
            Some(mut worst) if key < *worst => {
                *worst = key;
                true
            }
            _ => false,
        }
    }

    /// Offers every entry of text `t`, all with `score`, until one does not get in: the rest
    /// come after it.
    fn offer_text(&mut self, entries: &Entries, score: i64, t: usize) {
        for &i in entries.members(t) {
            if !self.offer(score, i as usize) {
                break;
            }
        }
    }

    /// The score of the worst kept once there are [`MAX_HITS`] (a lower score can't get in).
    fn floor(&self) -> Option<i64> {
        let (Reverse(s), _) = self.heap.peek()?;
        (self.heap.len() >= MAX_HITS).then_some(*s)
    }

    fn sorted(self) -> Vec<(i64, usize)> {
        let mut best: Vec<(i64, usize)> = self
            .heap
            .into_iter()
            .map(|(Reverse(s), i)| (s, i))
            .collect();
        best.sort_by(better);
        best
    }
}

/// The best [`MAX_HITS`] (score, entry) of the candidate texts for folded query `q`, best
/// first, and the texts that match.
pub(super) fn best_and_matched(
    entries: &Entries,
    q: &str,
    candidates: Cands<'_>,
    both_cores: bool,
) -> (Vec<(i64, usize)>, Matched) {
    let (best, matched, _) = best_counted(entries, q, candidates, both_cores);
    (best, matched)
}

/// As [`best_and_matched`], with how many entries have a text the matcher scored.
fn best_counted(
    entries: &Entries,
    q: &str,
    candidates: Cands<'_>,
    both_cores: bool,
) -> (Vec<(i64, usize)>, Matched, usize) {
    let sorted = split(
        candidates,
        both_cores,
        |part| Sorted::of(entries, q, part),
        Sorted::join,
    );
    let mut top = Top::default();
    for (s, t) in sorted.scored {
        top.offer_text(entries, s, t as usize);
    }
    let most = skim_most(q.chars().count()) + KIND_MOST;
    let mut by_matcher = 0;
    for (tier, names) in TIERS.iter().zip(&sorted.tiers) {
        if top.floor().is_some_and(|f| tier + most < f) {
            // Nothing below this tier can get in either.
            break;
        }
        let score = |part: Cands<'_>| -> Vec<(i64, u32)> {
            let Cands::These(part) = part else {
                return Vec::new();
            };
            part.iter()
                .filter_map(|&t| {
                    let i = entries.first(t as usize);
                    let s = skim_score(entries.folded(i), q)?;
                    Some((s + tier + super::score::kind_bonus(entries.kind(i)), t))
                })
                .collect()
        };
        by_matcher += names
            .iter()
            .map(|t| entries.members(*t as usize).len())
            .sum::<usize>();
        let scored = split(Cands::These(names), both_cores, score, |mut a, b| {
            a.extend(b);
            a
        });
        for (s, t) in scored {
            top.offer_text(entries, s, t as usize);
        }
    }
    (top.sorted(), sorted.matched, by_matcher)
}

/// How many candidate texts [`matched`] looks at between two asks whether to stop.
const CHUNK: usize = 4_096;

/// Every candidate text that matches folded query `q`, in order, without scoring any: what a
/// next letter narrows from. `None` when `stop` said so: it is asked after every [`CHUNK`]
/// candidates, so work done ahead gives way to a key within a fraction of a frame.
pub(super) fn matched(
    entries: &Entries,
    q: &str,
    candidates: Cands<'_>,
    stop: &mut dyn FnMut() -> bool,
) -> Option<Matched> {
    let bits = super::sig::of_query(q);
    let mut out = Matched::default();
    let mut rest = candidates;
    while rest.len() > 0 {
        let (now, later) = rest.cut(CHUNK);
        now.each(entries, bits, |t| {
            if found(entries, t, q) != Found::No {
                out.add(entries, t);
            }
        });
        rest = later;
        if rest.len() > 0 && stop() {
            return None;
        }
    }
    Some(out)
}

#[cfg(test)]
mod tests;
