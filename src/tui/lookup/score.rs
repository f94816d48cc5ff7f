//! Matching and ranking. Names (children, families, professionals) are matched fuzzily with
//! SkimMatcherV2; questions are free text, where fuzzy matching finds noise, so every typed word
//! must occur in them as written. One or two letters match nearly every name: those are ranked by
//! a cheap rule (a word that starts with them first, shorter names first) instead of the matcher.

use super::tiers::{Cands, Matched};
use super::{Entries, Hit, Kind};
use fuzzy_matcher::skim::SkimMatcherV2;
use fuzzy_matcher::FuzzyMatcher;

/// Every letter of `q` occurs in `hay` in order: cheap, and necessary for a fuzzy match.
fn in_order(hay: &str, q: &str) -> bool {
    let mut it = hay.chars();
    q.chars()
        .filter(|c| !c.is_whitespace())
        .all(|c| it.any(|h| h == c))
}

/// A question that has every word of the query: shorter ones first, all below names.
pub(super) fn question_score(folded: &str) -> i64 {
    20 - (folded.len() as i64 / 10)
}

/// Every word of the query occurs in the text.
fn has_words(hay: &str, q: &str) -> bool {
    q.split_whitespace().all(|w| hay.contains(w))
}

/// The rank of a name for a one- or two-letter query.
pub(super) fn quick_score(hay: &str, q: &str) -> i64 {
    let q = q.trim();
    let word_start = hay.starts_with(q) || hay.split_whitespace().any(|w| w.starts_with(q));
    let base = if hay.starts_with(q) {
        120
    } else if word_start {
        100
    } else if hay.contains(q) {
        50
    } else {
        10
    };
    base - (hay.chars().count() as i64).min(40)
}

/// How much a name gains when the query stands in it as typed: most at the start of a word.
pub(super) fn together_bonus(hay: &str, q: &str) -> i64 {
    let q = q.trim();
    if hay.starts_with(q) || hay.split_whitespace().any(|w| w.starts_with(q)) {
        200
    } else if hay.contains(q) {
        100
    } else {
        0
    }
}

/// People look up children and families more than questions; ties go their way.
pub(super) fn kind_bonus(kind: Kind) -> i64 {
    match kind {
        Kind::Child | Kind::Family | Kind::Person => 2,
        Kind::Carer => 1,
        Kind::Question => 0,
    }
}

/// A professional found by a word of their role or organisation ranks below anyone found by
/// name, longer texts lower; except for a query of three letters or more whose every word
/// starts a word there ("rouw" in "rouwtherapeut"): they then rank with the names the query
/// stands at a word start in ([`together_bonus`]'s 200), above names that only hold its
/// letters scattered. At 50,000 cases "rouw" filled the list with fifty children named "Roos van
/// Leeuwen" (r, o, then u, w in "Leeuwen") and no rouwtherapeut. One or two letters keep the
/// flat rank: they start a word in nearly every role ([`super::ranking`] ranks them so too).
pub(super) fn words_score(words: &str, q: &str) -> Option<i64> {
    if words.is_empty() || !has_words(words, q) {
        return None;
    }
    let long = q.chars().filter(|c| !c.is_whitespace()).count() > 2;
    let starts = || {
        q.split_whitespace()
            .all(|w| words.split_whitespace().any(|x| x.starts_with(w)))
    };
    let at_start = if long && starts() { 200 } else { 0 };
    Some(words_rank(words) + at_start)
}

/// The score of a professional found by their role or organisation (see [`words_score`]).
pub(super) fn words_rank(words: &str) -> i64 {
    5 - (words.len() as i64 / 20)
}

/// Scores the entries whose texts `narrow` matched (all entries when `None`); returns the best
/// hits and what matched (where a longer query that starts with this one narrows from). Past a
/// few thousand texts it works on both cores.
pub fn search(entries: &Entries, q: &str, narrow: Option<&Matched>) -> (Vec<Hit>, Matched) {
    search_on(entries, q, narrow, true)
}

/// As [`search`], on this thread alone when `both_cores` is false. The hits and the matches are
/// exactly those of scoring every entry; only the best need the matcher ([`super::tiers`]).
pub fn search_on(
    entries: &Entries,
    q: &str,
    narrow: Option<&Matched>,
    both_cores: bool,
) -> (Vec<Hit>, Matched) {
    if q.trim().is_empty() {
        return (Vec::new(), Matched::default());
    }
    let (best, matched) =
        super::tiers::best_and_matched(entries, q, Cands::of(entries, narrow), both_cores);
    (hits(entries, q, best), matched)
}

/// What matches `q` among what `narrow` matched (all entries when `None`), without scoring:
/// what a next letter narrows from.
pub fn matches(entries: &Entries, q: &str, narrow: Option<&Matched>) -> Matched {
    matches_until(entries, q, narrow, &mut || false).unwrap_or_default()
}

/// As [`matches`], `None` when `stop` says so (asked now and then while it works).
pub fn matches_until(
    entries: &Entries,
    q: &str,
    narrow: Option<&Matched>,
    stop: &mut dyn FnMut() -> bool,
) -> Option<Matched> {
    if q.trim().is_empty() {
        return Some(Matched::default());
    }
    super::tiers::matched(entries, q, Cands::of(entries, narrow), stop)
}

/// How an entry answers a query.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Found {
    No,
    /// Found, with this score (kind bonus included): cheap to know.
    Scored(i64),
    /// A name SkimMatcherV2 finds: its score is the matcher's plus the bonus of this tier
    /// ([`super::tiers::TIERS`]) plus the kind's.
    Tier(usize),
}

/// `found` for an entry of `kind`: a cheap score gets the kind's bonus.
pub(super) fn with_kind(found: Found, kind: Kind) -> Found {
    match found {
        Found::Scored(s) => Found::Scored(s + kind_bonus(kind)),
        other => other,
    }
}

/// Whether entry `i` matches folded query `q`, and its score where that is cheap,
/// before the kind's bonus ([`with_kind`]): alike for every entry with the same text
/// ([`Entries::members`]). The rules:
/// a question needs every word of the query; a name the query's letters in order, scored by
/// the matcher (one or two letters by [`quick_score`]); a professional not found by name, every
/// word of the query in their role or organisation.
pub(super) fn classify_text(entries: &Entries, i: usize, q: &str) -> Found {
    let (kind, folded) = (entries.kind(i), entries.folded(i));
    let short = || q.chars().filter(|c| !c.is_whitespace()).count() <= 2;
    let score = match kind {
        Kind::Question => has_words(folded, q).then(|| question_score(folded)),
        _ if !in_order(folded, q) => words_score(entries.words(i), q),
        _ if short() => Some(quick_score(folded, q)),
        // The matcher alone ranks "Antoni Nowak" above "Anna" for "ann"; letters typed
        // together that stand together (at a word start best) come first.
        _ if skim_finds(folded, q) => return Found::Tier(tier(folded, q)),
        _ => words_score(entries.words(i), q),
    };
    score.map_or(Found::No, Found::Scored)
}

/// SkimMatcherV2 (ignoring case) finds `q` in `hay`: every char of `q`, spaces too, stands in
/// `hay` in order, ASCII letters in either case (fuzzy-matcher 0.3.7's `cheap_matches`, the test
/// it makes before scoring).
fn skim_finds(hay: &str, q: &str) -> bool {
    let mut it = hay.chars();
    q.chars().all(|p| it.any(|h| h.eq_ignore_ascii_case(&p)))
}

/// The index in [`super::tiers::TIERS`] of [`together_bonus`]`(hay, q)`.
fn tier(hay: &str, q: &str) -> usize {
    match together_bonus(hay, q) {
        200 => 0,
        100 => 1,
        _ => 2,
    }
}

/// What scoring every entry gives: the rules as they were before [`super::tiers`], kept as the
/// measure the fast path must equal.
#[cfg(test)]
pub(crate) fn search_every(entries: &Entries, q: &str) -> (Vec<Hit>, Vec<usize>) {
    if q.trim().is_empty() {
        return (Vec::new(), Vec::new());
    }
    let short = q.chars().filter(|c| !c.is_whitespace()).count() <= 2;
    let mut scored: Vec<(i64, usize)> = (0..entries.len())
        .filter_map(|i| {
            let (kind, folded) = (entries.kind(i), entries.folded(i));
            let score = match kind {
                Kind::Question => has_words(folded, q).then(|| question_score(folded)),
                _ if !in_order(folded, q) => words_score(entries.words(i), q),
                _ if short => Some(quick_score(folded, q)),
                _ => super::tiers::skim_score(folded, q)
                    .map(|s| s + together_bonus(folded, q))
                    .or_else(|| words_score(entries.words(i), q)),
            };
            score.map(|s| (s + kind_bonus(kind), i))
        })
        .collect();
    let matched: Vec<usize> = scored.iter().map(|(_, i)| *i).collect();
    scored.sort_by(|x, y| y.0.cmp(&x.0).then(x.1.cmp(&y.1)));
    scored.truncate(super::MAX_HITS);
    (hits(entries, q, scored), matched)
}

/// The hits to show for `q` of the best entries, given best first with their scores: labels,
/// details, targets and the letters to mark.
pub fn hits(entries: &Entries, q: &str, best: Vec<(i64, usize)>) -> Vec<Hit> {
    best.into_iter()
        .map(|(score, i)| {
            let (kind, folded) = (entries.kind(i), entries.folded(i));
            let positions = entries.in_label(
                i,
                match kind {
                    Kind::Question => word_positions(folded, q),
                    // A new matcher per hit, as for the scores ([`super::tiers::skim_score`]):
                    // the marks of a hit do not depend on the hits before it.
                    _ => SkimMatcherV2::default()
                        .ignore_case()
                        .fuzzy_indices(folded, q)
                        .map(|(_, p)| p)
                        .unwrap_or_default(),
                },
            );
            Hit {
                entry: i,
                kind,
                label: entries.label(i).to_string(),
                detail: entries.detail(i),
                target: entries.target(i),
                score,
                positions,
            }
        })
        .collect()
}

/// Char positions of each query word's first occurrence, to highlight.
fn word_positions(hay: &str, q: &str) -> Vec<usize> {
    let mut out = Vec::new();
    for w in q.split_whitespace() {
        if let Some(byte) = hay.find(w) {
            let start = hay[..byte].chars().count();
            out.extend(start..start + w.chars().count());
        }
    }
    out.sort_unstable();
    out.dedup();
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tui::lookup::test_entries;

    #[test]
    fn questions_need_their_words_and_short_queries_prefer_word_starts() {
        let e = test_entries(&[
            (Kind::Question, "Slaapt slecht sinds de scheiding"),
            (Kind::Child, "Bram Bouzid"),
            (Kind::Child, "Abdel Karim"),
        ]);
        // "bouz" is in order in the question's letters, but not a word of it.
        let (hits, _) = search(&e, "bouz", None);
        assert_eq!(hits.iter().map(|h| h.entry).collect::<Vec<_>>(), vec![1]);
        let (hits, _) = search(&e, "schei", None);
        assert_eq!(
            hits.first().map(|h| (h.entry, h.positions.clone())),
            Some((0, vec![23, 24, 25, 26, 27]))
        );
        let (hits, _) = search(&e, "k", None);
        assert_eq!(
            hits.first().map(|h| h.entry),
            Some(2),
            "a word starting with k first"
        );
    }
}
