//! One- and two-letter queries answered from a ranking made once per set of entries (issue 10,
//! item 5). Such queries match nearly every entry, so scoring them all took the longest of any
//! query (p50 63–107 ms for one letter at 200,000 cases, through a pty). The answers are exactly what [`super::search`] gives: the
//! same hits in the same order, and the same total (`tests` compares every query of a book).
//!
//! - One letter: every entry adds its score to the best [`MAX_HITS`] of each letter it has
//!   (label, and role or organisation for a professional), and counts once for each.
//! - Two letters `xy`: every name with `xy` side by side adds its score to the best of that
//!   pair. Any other match scores at most 20 ([`OTHER_MOST`]: a question; a name with the
//!   letters apart, or a professional's role, less). So when that best list is full and its
//!   worst scores above 20, it is the answer; the total comes from a count of every pair of
//!   ASCII letters in order. Other pairs (rare ones, another script) are scored as before.

use super::score::{kind_bonus, question_score, words_rank};
use super::{Entries, Kind, MAX_HITS};
use std::cmp::Reverse;
use std::collections::{BinaryHeap, HashMap};
use std::sync::mpsc::{channel, Receiver};
use std::sync::Arc;

/// The highest score of a two-letter match where the two letters do not stand side by side in a
/// name: a question (20 less its length in bytes / 10), a name with the letters apart (10 less
/// its length of at least 2, plus a kind bonus of at most 2), a professional's role (5 + 2).
const OTHER_MOST: i64 = 20;

/// Letters counted in pairs: ASCII, which every Latin letter folds to.
const ASCII: usize = 128;

/// The best [`MAX_HITS`] (score, entry) offered: a min-heap on (score, earlier entry first).
#[derive(Debug, Default)]
struct Best {
    heap: BinaryHeap<Reverse<(i64, Reverse<u32>)>>,
    /// The worst score kept once full: one that scores less can't get in (most of them; one
    /// compare).
    floor: i64,
}

impl Best {
    /// Offers `entry` with `score`; false when it does not get in (nor would a later entry
    /// with that score).
    fn offer(&mut self, score: i64, entry: u32) -> bool {
        let key = Reverse((score, Reverse(entry)));
        if self.heap.len() < MAX_HITS {
            self.heap.push(key);
        } else if score < self.floor {
            return false;
        } else {
            match self.heap.peek_mut() {
                Some(mut worst) if key < *worst => *worst = key,
                _ => return false,
            }
        }
        if self.full() {
            self.floor = self.heap.peek().map_or(i64::MIN, |Reverse((s, _))| *s);
        }
        true
    }

    /// Offers the entries of one text (in entry order), all with `score`, until one does not
    /// get in.
    fn offer_all(&mut self, score: i64, entries: &[u32]) {
        for &e in entries {
            if !self.offer(score, e) {
                break;
            }
        }
    }

    fn full(&self) -> bool {
        self.heap.len() >= MAX_HITS
    }

    /// Best first, ties to the earlier entry (as [`super::search`] orders them).
    fn sorted(self) -> Ranked {
        let mut all: Vec<(i64, u32)> = self
            .heap
            .into_iter()
            .map(|Reverse((s, Reverse(e)))| (s, e))
            .collect();
        all.sort_by(|x, y| y.0.cmp(&x.0).then(x.1.cmp(&y.1)));
        all.into_boxed_slice()
    }
}

/// The best entries of one query with their scores, best first.
type Ranked = Box<[(i64, u32)]>;

/// The answer to one query: the best entries with their scores, and how many matched in all.
#[derive(Debug)]
struct Answer {
    best: Ranked,
    total: u32,
}

/// The ranking of one set of entries.
#[derive(Debug, Default)]
pub struct Ranking {
    one: HashMap<char, Answer>,
    /// The best names with the pair (of ASCII letters, [`pair`]) side by side, for pairs with
    /// [`MAX_HITS`] of them that all score above [`OTHER_MOST`].
    two: HashMap<u16, Ranked>,
    /// How many entries match each pair of ASCII letters (`x * 128 + y`).
    pairs: Vec<u32>,
}

/// The ranking of the worker's entries, made on a thread of its own: a longer query that comes
/// while it is made is scored as before instead of waiting for it.
#[derive(Debug, Default)]
pub struct Ranker {
    ready: Option<Ranking>,
    coming: Option<Receiver<Ranking>>,
}

impl Ranker {
    /// Starts ranking `entries` (after waiting for the ranking of the entries before, which
    /// holds those: both at once would be the lookup's peak).
    pub fn start(&mut self, entries: &Arc<Entries>) {
        self.stop();
        let (tx, rx) = channel();
        let entries = Arc::clone(entries);
        std::thread::spawn(move || {
            // Nobody waiting any more only means the ranking is not needed.
            let _ = tx.send(Ranking::of(&entries));
        });
        self.coming = Some(rx);
    }

    /// The ranking, once made.
    pub fn get(&mut self) -> Option<&Ranking> {
        if let Some(ranking) = self.coming.as_ref().and_then(|rx| rx.try_recv().ok()) {
            self.ready = Some(ranking);
            self.coming = None;
        }
        self.ready.as_ref()
    }

    /// The ranking, waiting for it if it is being made: for the queries it answers, scoring
    /// every entry meanwhile would hold every match beside the ranking being made (at 50,000
    /// cases that was the lookup's peak).
    pub fn wait(&mut self) -> Option<&Ranking> {
        if let Some(ranking) = self.coming.take().and_then(|rx| rx.recv().ok()) {
            self.ready = Some(ranking);
        }
        self.ready.as_ref()
    }

    /// Drops the ranking, waiting for one being made to end (it holds its entries).
    pub fn stop(&mut self) {
        if let Some(rx) = self.coming.take() {
            let _ = rx.recv();
        }
        self.ready = None;
    }
}

/// What one text's letters add, built up per text and then counted.
struct Scratch {
    /// For each ASCII letter `y`: the letters that stand before it.
    before: Vec<u128>,
    /// The letters `y` with an entry in `before`.
    touched: Vec<u8>,
    /// Letters outside ASCII seen in this entry.
    others: Vec<char>,
    /// Letters outside ASCII that start a word of this entry.
    word_starts: Vec<char>,
    /// The ASCII pairs ([`pair`]) that start a word of this entry.
    word_pairs: Vec<u16>,
    /// The ASCII pairs side by side in this entry offered so far.
    pairs_done: Vec<u16>,
}

/// Builds the ranking as the entries are; the pieces are filled entry by entry.
struct Builder {
    ascii: Vec<Best>,
    ascii_total: Vec<u32>,
    others: HashMap<char, (Best, u32)>,
    /// By pair of ASCII letters (`x * 128 + y`).
    two: Vec<Best>,
    pairs: Vec<u32>,
}

impl Ranking {
    /// Ranks every entry: one pass over their different texts ([`Entries::texts`]).
    pub fn of(entries: &Entries) -> Ranking {
        let mut b = Builder {
            ascii: (0..ASCII).map(|_| Best::default()).collect(),
            ascii_total: vec![0; ASCII],
            others: HashMap::new(),
            two: (0..ASCII * ASCII).map(|_| Best::default()).collect(),
            pairs: vec![0; ASCII * ASCII],
        };
        let mut scratch = Scratch {
            before: vec![0; ASCII],
            touched: Vec::new(),
            others: Vec::new(),
            word_starts: Vec::new(),
            word_pairs: Vec::new(),
            pairs_done: Vec::new(),
        };
        // Per text: its entries score alike and count alike.
        for t in 0..entries.texts() {
            b.add(entries, entries.members(t), &mut scratch);
        }
        let mut one: HashMap<char, Answer> = b
            .others
            .into_iter()
            .map(|(c, (best, total))| {
                (
                    c,
                    Answer {
                        best: best.sorted(),
                        total,
                    },
                )
            })
            .collect();
        for (c, (best, total)) in b.ascii.into_iter().zip(b.ascii_total).enumerate() {
            if total > 0 {
                one.insert(
                    char::from(c as u8),
                    Answer {
                        best: best.sorted(),
                        total,
                    },
                );
            }
        }
        let two = b
            .two
            .into_iter()
            .enumerate()
            .filter(|(_, best)| best.full() && best.floor > OTHER_MOST)
            .map(|(p, best)| (p as u16, best.sorted()))
            .collect();
        Ranking {
            one,
            two,
            pairs: b.pairs,
        }
    }

    /// The best entries for a folded, trimmed query of one or two letters, with the number of
    /// matches; `None` when the ranking does not know (longer queries, a space, a rare pair).
    pub fn answer(&self, q: &str) -> Option<(Vec<(i64, usize)>, usize)> {
        let widen = |best: &[(i64, u32)]| best.iter().map(|(s, e)| (*s, *e as usize)).collect();
        let mut letters = q.chars();
        match (letters.next(), letters.next(), letters.next()) {
            (Some(c), None, _) if !c.is_whitespace() => Some(
                self.one
                    .get(&c)
                    .map_or((Vec::new(), 0), |a| (widen(&a.best), a.total as usize)),
            ),
            (Some(x), Some(y), None) => {
                let p = pair(x, y)?;
                let best = self.two.get(&p)?;
                let total = self.pairs.get(p as usize)?;
                Some((widen(best), *total as usize))
            }
            _ => None,
        }
    }
}

impl Builder {
    /// Adds the entries `at` of one text.
    fn add(&mut self, entries: &Entries, at: &[u32], s: &mut Scratch) {
        let Some(i) = at.first().map(|i| *i as usize) else {
            return;
        };
        // Fewer entries than 32 bits can count.
        let n = at.len() as u32;
        let (kind, folded) = (entries.kind(i), entries.folded(i));
        let bonus = kind_bonus(kind);
        let mut seen: u128 = 0;
        s.others.clear();
        if kind == Kind::Question {
            // Found when the letters stand in it as typed (a word of the query).
            let score = question_score(folded) + bonus;
            for c in folded.chars() {
                self.letter(c, score, at, &mut seen, s);
            }
            adjacent(folded, s);
        } else {
            self.name(folded, bonus, at, &mut seen, s);
            let words = entries.words(i);
            // Letters of the role or organisation that the name lacks.
            let score = words_rank(words) + bonus;
            for c in words.chars() {
                self.letter(c, score, at, &mut seen, s);
            }
            adjacent(words, s);
        }
        for y in s.touched.drain(..) {
            let mut xs = std::mem::take(&mut s.before[y as usize]);
            while xs != 0 {
                let x = xs.trailing_zeros() as usize;
                xs &= xs - 1;
                self.pairs[x * ASCII + y as usize] += n;
            }
        }
    }

    /// A name's letters, each scored as a one-letter query scores it, its pairs side by side as
    /// two-letter queries, and every pair of letters in order counted.
    fn name(&mut self, folded: &str, bonus: i64, at: &[u32], seen: &mut u128, s: &mut Scratch) {
        let length = (folded.chars().count() as i64).min(40);
        let first = folded.chars().next();
        let mut starts: u128 = 0;
        s.word_starts.clear();
        s.word_pairs.clear();
        s.pairs_done.clear();
        for word in folded.split_whitespace() {
            let mut cs = word.chars();
            let (Some(x), second) = (cs.next(), cs.next()) else {
                continue;
            };
            if !x.is_ascii() {
                s.word_starts.push(x);
                continue;
            }
            starts |= 1 << x as u32;
            s.word_pairs.extend(second.and_then(|y| pair(x, y)));
        }
        let mut cs = folded.chars();
        let head = cs.next().zip(cs.next()).and_then(|(x, y)| pair(x, y));
        let mut prev: Option<char> = None;
        for c in folded.chars() {
            let start = if c.is_ascii() {
                starts & (1 << c as u32) != 0
            } else {
                s.word_starts.contains(&c)
            };
            let base = match (first == Some(c), start) {
                (true, _) => 120,
                (false, true) => 100,
                (false, false) => 50,
            };
            // In order: every letter before this one forms a pair with it.
            if c.is_ascii() {
                let y = c as usize;
                if s.before[y] == 0 && *seen != 0 {
                    s.touched.push(y as u8);
                }
                s.before[y] |= *seen;
            }
            self.letter(c, base - length + bonus, at, seen, s);
            // Side by side: scored as a two-letter query scores this name.
            if let Some(p) = prev.and_then(|x| pair(x, c)) {
                if !s.pairs_done.contains(&p) {
                    s.pairs_done.push(p);
                    let base = if head == Some(p) {
                        120
                    } else if s.word_pairs.contains(&p) {
                        100
                    } else {
                        50
                    };
                    if let Some(best) = self.two.get_mut(p as usize) {
                        best.offer_all(base - length + bonus, at);
                    }
                }
            }
            prev = Some(c);
        }
    }

    /// Letter `c` of the entries `at` (of one text) with the score a one-letter query `c` gives
    /// them, once per text.
    fn letter(&mut self, c: char, score: i64, at: &[u32], seen: &mut u128, s: &mut Scratch) {
        // Fewer entries than 32 bits can count.
        let n = at.len() as u32;
        if c.is_ascii() {
            let bit = 1u128 << c as u32;
            if *seen & bit == 0 {
                *seen |= bit;
                self.ascii[c as usize].offer_all(score, at);
                self.ascii_total[c as usize] += n;
            }
        } else if !s.others.contains(&c) {
            s.others.push(c);
            let (best, total) = self.others.entry(c).or_default();
            best.offer_all(score, at);
            *total += n;
        }
    }
}

/// The index of a query of two ASCII letters (`x * 128 + y`); none for another letter or a
/// space (a query never has one).
fn pair(x: char, y: char) -> Option<u16> {
    let ok = |c: char| c.is_ascii() && !c.is_whitespace();
    (ok(x) && ok(y)).then(|| x as u16 * ASCII as u16 + y as u16)
}

/// Pairs of ASCII letters that stand next to each other in `text`: a two-letter word of the
/// query found in it.
fn adjacent(text: &str, s: &mut Scratch) {
    let mut prev: Option<char> = None;
    for c in text.chars() {
        if let Some(x) = prev.filter(|x| x.is_ascii() && c.is_ascii()) {
            let y = c as usize;
            if s.before[y] == 0 {
                s.touched.push(y as u8);
            }
            s.before[y] |= 1 << x as u32;
        }
        prev = Some(c);
    }
}

#[cfg(test)]
pub(super) mod tests;
