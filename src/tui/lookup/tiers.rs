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

use super::score::{classify_text, with_kind, Found};
use super::{Entries, MAX_HITS};
use fuzzy_matcher::skim::SkimMatcherV2;
use fuzzy_matcher::FuzzyMatcher;
use std::collections::HashMap;

/// Above this many entries to look at, the work is split over both cores.
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

/// The candidates of one query sorted out: every match, the scores that were cheap, and the
/// names that need the matcher, by tier.
#[derive(Debug, Default)]
struct Sorted {
    matched: Vec<usize>,
    /// (score, entry) of questions, professionals found by role, and one- or two-letter names.
    scored: Vec<(i64, usize)>,
    /// Names the matcher finds, by [`TIERS`].
    tiers: [Vec<usize>; 3],
}

/// What each text answers a query, found once per text: most entries share their text with
/// others (a question or a name in many cases), and reading a long question was most of a scan.
struct Memo<'a> {
    entries: &'a Entries,
    q: &'a str,
    known: Vec<Option<Found>>,
}

impl<'a> Memo<'a> {
    fn new(entries: &'a Entries, q: &'a str) -> Memo<'a> {
        Memo {
            entries,
            q,
            known: vec![None; entries.texts()],
        }
    }

    /// How entry `i` answers the query ([`classify_text`], with the kind's bonus).
    fn found(&mut self, i: usize) -> Found {
        let text = match self.known.get_mut(self.entries.text_id(i)) {
            Some(Some(found)) => *found,
            Some(slot) => *slot.insert(classify_text(self.entries, i, self.q)),
            None => classify_text(self.entries, i, self.q),
        };
        match text {
            // Only a cheap score reads the entry's kind: most matches need nothing of it.
            Found::Scored(_) => with_kind(text, self.entries.kind(i)),
            other => other,
        }
    }
}

/// The entries to look at: all of them, or those a shorter query matched (in order).
#[derive(Debug, Clone, Copy)]
pub(super) enum Cands<'a> {
    All(usize, usize),
    These(&'a [usize]),
}

impl<'a> Cands<'a> {
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

    /// Those that pass the 64-bit test of the query's letters ([`super::sig`]): an entry that
    /// lacks one is skipped with one test of its bits, before its text is read.
    fn each(&self, entries: &Entries, bits: u64, mut f: impl FnMut(usize)) {
        let mut one = |i: usize| {
            if entries.may_match(i, bits) {
                f(i)
            }
        };
        match *self {
            Cands::All(from, to) => (from..to).for_each(&mut one),
            Cands::These(c) => c.iter().copied().for_each(&mut one),
        }
    }
}

impl Sorted {
    fn of(entries: &Entries, q: &str, part: Cands<'_>) -> Sorted {
        let mut out = Sorted::default();
        let mut memo = Memo::new(entries, q);
        part.each(entries, super::sig::of_query(q), |i| {
            match memo.found(i) {
                Found::No => return,
                Found::Scored(s) => out.scored.push((s, i)),
                Found::Tier(t) => out.tiers[t].push(i),
            }
            out.matched.push(i);
        });
        out
    }

    fn join(mut self, other: Sorted) -> Sorted {
        self.matched.extend(other.matched);
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

/// Keeps the best [`MAX_HITS`] of `best`; returns the score of the worst kept once there are
/// that many (a lower score can't get in any more).
fn keep_best(best: &mut Vec<(i64, usize)>) -> Option<i64> {
    if best.len() > MAX_HITS {
        best.select_nth_unstable_by(MAX_HITS - 1, better);
        best.truncate(MAX_HITS);
    }
    (best.len() == MAX_HITS).then(|| best.iter().map(|b| b.0).min().unwrap_or(i64::MIN))
}

/// The best [`MAX_HITS`] (score, entry) of the candidates for folded query `q`, best first, and
/// every candidate that matches, in order. Candidates must be in order.
pub(super) fn best_and_matched(
    entries: &Entries,
    q: &str,
    candidates: Cands<'_>,
    both_cores: bool,
) -> (Vec<(i64, usize)>, Vec<usize>) {
    let (best, matched, _) = best_counted(entries, q, candidates, both_cores);
    (best, matched)
}

/// As [`best_and_matched`], with how many names the matcher scored.
fn best_counted(
    entries: &Entries,
    q: &str,
    candidates: Cands<'_>,
    both_cores: bool,
) -> (Vec<(i64, usize)>, Vec<usize>, usize) {
    let sorted = split(
        candidates,
        both_cores,
        |part| Sorted::of(entries, q, part),
        Sorted::join,
    );
    let mut best = sorted.scored;
    let mut floor = keep_best(&mut best);
    let most = skim_most(q.chars().count()) + KIND_MOST;
    let mut by_matcher = 0;
    for (tier, names) in TIERS.iter().zip(&sorted.tiers) {
        if floor.is_some_and(|f| tier + most < f) {
            // Nothing below this tier can get in either.
            break;
        }
        let score = |part: Cands<'_>| -> Vec<(i64, usize)> {
            let Cands::These(part) = part else {
                return Vec::new();
            };
            let mut known: HashMap<&str, Option<i64>> = HashMap::new();
            part.iter()
                .filter_map(|&i| {
                    let folded = entries.folded(i);
                    // Names repeat (a family's name, a common first and last name): each is
                    // scored once.
                    let s = *known.entry(folded).or_insert_with(|| skim_score(folded, q));
                    Some((s? + tier + super::score::kind_bonus(entries.kind(i)), i))
                })
                .collect()
        };
        by_matcher += names.len();
        best.extend(split(Cands::These(names), both_cores, score, |mut a, b| {
            a.extend(b);
            a
        }));
        floor = keep_best(&mut best);
    }
    best.sort_by(better);
    (best, sorted.matched, by_matcher)
}

/// How many candidates [`matched`] looks at between two asks whether to stop.
const CHUNK: usize = 32_768;

/// Every candidate that matches folded query `q`, in order, without scoring any: what a next
/// letter narrows from. `None` when `stop` said so: it is asked after every [`CHUNK`]
/// candidates, so work done ahead gives way to a key within a fraction of a frame.
pub(super) fn matched(
    entries: &Entries,
    q: &str,
    candidates: Cands<'_>,
    stop: &mut dyn FnMut() -> bool,
) -> Option<Vec<usize>> {
    let mut memo = Memo::new(entries, q);
    let bits = super::sig::of_query(q);
    let mut out = Vec::new();
    let mut rest = candidates;
    while rest.len() > 0 {
        let (now, later) = rest.cut(CHUNK);
        now.each(entries, bits, |i| {
            if memo.found(i) != Found::No {
                out.push(i);
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
