//! The fast path gives exactly what scoring every entry gives ([`search_every`]): the same hits
//! in the same order, the same total, the same matches for the next letter to narrow.

use super::*;
use crate::domain::text::fold;
use crate::domain::PersonId;
use crate::tui::lookup::ranking::tests::book;
use crate::tui::lookup::score::search_every;
use crate::tui::lookup::{matches, search, test_builder, Kind, Target};
use proptest::prelude::*;

/// Asserts that the fast path answers `q` (folded) as scoring every entry does, from all
/// entries and narrowed from the matches of each shorter start of it.
fn same_as_every(e: &Entries, q: &str) {
    let (want_hits, want_all) = search_every(e, q);
    let (hits, all) = search(e, q, None);
    assert_eq!(hits, want_hits, "hits of {q:?}");
    assert_eq!(all.entries(e), want_all, "matches of {q:?}");
    assert_eq!(all.total(), want_all.len(), "the total of {q:?}");
    assert_eq!(matches(e, q, None), all, "matches alone of {q:?}");
    let (one_core, _) = search_on_one_core(e, q);
    assert_eq!(one_core, want_hits, "one core, {q:?}");
    for end in q.char_indices().map(|(i, _)| i).filter(|i| *i > 0) {
        let start = &q[..end];
        if start.trim().is_empty() {
            continue;
        }
        let before = matches(e, start, None);
        let (narrowed, all) = search(e, q, Some(&before));
        assert_eq!(narrowed, want_hits, "{q:?} narrowed from {start:?}");
        assert_eq!(all.entries(e), want_all, "{q:?} narrowed from {start:?}");
        assert_eq!(all.total(), want_all.len(), "{q:?} narrowed from {start:?}");
    }
}

fn search_on_one_core(e: &Entries, q: &str) -> (Vec<crate::tui::lookup::Hit>, Matched) {
    crate::tui::lookup::search_on(e, q, None, false)
}

/// How many names have a text the matcher scored for `q` (all texts as candidates).
fn scored_by_matcher(e: &Entries, q: &str) -> usize {
    best_counted(e, q, Cands::All(0, e.texts()), false).2
}

#[test]
fn the_matcher_never_scores_above_the_bound_and_comes_near() {
    // The best a name gives three letters is within one char's worth of the bound.
    assert_eq!(skim_score("jan jansen", "jan"), Some(71));
    assert!(skim_most(3) - 71 < 32);
    let m = SkimMatcherV2::default().ignore_case();
    for (hay, q) in [
        ("jan jansen", "jansen"),
        ("a", "a"),
        ("aaaaaaaaaa", "aaaaa"),
        ("de vries de vries", "de v"),
        ("коваль", "коваль"),
    ] {
        let s = m.fuzzy_match(hay, q).expect("a match");
        assert!(s <= skim_most(q.chars().count()), "{hay:?} {q:?}: {s}");
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]
    /// The bound holds for any text and query the matcher finds (letters that repeat, spaces,
    /// separators, capitals and another script).
    #[test]
    fn the_bound_holds(hay in "[abAB -./дж]{0,24}", q in "[abAB -./дж]{1,7}") {
        // A matcher that scored other texts before too: its leftovers stay under the bound.
        let m = SkimMatcherV2::default().ignore_case();
        let _ = m.fuzzy_match("aaaa jjjj nnnn", &q);
        if let Some(s) = m.fuzzy_match(&hay, &q) {
            prop_assert!(s <= skim_most(q.chars().count()), "{:?} {:?}: {}", hay, q, s);
        }
    }
}

#[test]
fn every_query_of_the_book_is_answered_as_scoring_every_entry() {
    let e = book();
    for q in [
        "jan",
        "jans",
        "jansen",
        "jnasen",
        "de v",
        "de j",
        "van d",
        "an de",
        "dev",
        "ann",
        "ana",
        "ko",
        "ков",
        "коваль",
        "王",
        "nguyen",
        "celik",
        "cag",
        "slaapt",
        "de leerkracht",
        "zorgen",
        "ib'er",
        "jeugd",
        "ggd",
        "arts",
        "  de  ",
        "a a",
        "aaa",
        "xyz",
        "e",
        "de",
    ] {
        same_as_every(&e, &fold(q.trim()));
    }
}

/// A book where `q` stands at a word start in `top` names, inside `inside` names and apart in
/// `apart` names, the same name many times (ties), with a question and a professional that
/// match it too.
fn tiered(top: usize, inside: usize, apart: usize) -> Entries {
    let mut list: Vec<(Kind, String)> = Vec::new();
    let kinds = [Kind::Child, Kind::Carer, Kind::Family];
    for i in 0..top {
        list.push((
            kinds[i % 3],
            format!("Piet Jansen{}", if i % 7 == 0 { "" } else { "s" }),
        ));
    }
    for i in 0..inside {
        list.push((kinds[i % 3], format!("Marijan Bos {}", "x".repeat(i % 4))));
    }
    for i in 0..apart {
        list.push((kinds[i % 3], format!("Jo Anne Nijs{}", "e".repeat(i % 5))));
    }
    list.push((Kind::Question, "jan zegt weinig in de klas".into()));
    let refs: Vec<(Kind, &str)> = list.iter().map(|(k, l)| (*k, l.as_str())).collect();
    let mut e = test_builder(&refs);
    e.push(
        Kind::Person,
        "Bram Kok",
        (format_args!("jan-coach"), None),
        Target::Person(PersonId(9)),
        "jan-coach",
    );
    e.finish()
}

#[test]
fn lower_tiers_are_scored_only_while_they_can_reach_the_list() {
    // Over MAX_HITS at a word start: only those are scored.
    let e = tiered(80, 30, 30);
    same_as_every(&e, "jan");
    same_as_every(&e, "jans");
    assert_eq!(scored_by_matcher(&e, "jan"), 80);
    // Exactly MAX_HITS at a word start, ties among them and at the 50th.
    let e = tiered(MAX_HITS, 30, 30);
    same_as_every(&e, "jan");
    assert_eq!(scored_by_matcher(&e, "jan"), MAX_HITS);
    // Fewer: the next tiers fill the list (the question and the professional below them).
    for (top, inside) in [(10, 30), (10, 60), (0, 0), (49, 1)] {
        let e = tiered(top, inside, 40);
        same_as_every(&e, "jan");
        let (hits, _) = search(&e, "jan", None);
        assert_eq!(hits.len(), MAX_HITS.min(top + inside + 40 + 2));
    }
}

/// Names made of a few letters (many shared starts and ties) of every kind, and queries of
/// one to six of those letters with spaces.
fn random_book(names: &[(String, u8)]) -> Entries {
    let kinds = [
        Kind::Child,
        Kind::Family,
        Kind::Carer,
        Kind::Person,
        Kind::Question,
    ];
    let list: Vec<(Kind, &str)> = names
        .iter()
        .map(|(n, k)| (kinds[*k as usize], n.as_str()))
        .collect();
    let mut e = test_builder(&list);
    e.push(
        Kind::Person,
        "Ab Ba",
        (format_args!("ab ba"), None),
        Target::Person(PersonId(9)),
        "abé b-a",
    );
    e.finish()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(96))]
    #[test]
    fn random_books_answer_as_scoring_every_entry(
        names in prop::collection::vec(("[abé -]{0,9}|[ab ]{20,30}|[ажb ]{1,8}", 0..5u8), 0..260),
        queries in prop::collection::vec("[abé ж-]{1,6}", 1..8),
    ) {
        let e = random_book(&names);
        for q in queries.iter().map(|q| fold(q.trim())).filter(|q| !q.is_empty()) {
            same_as_every(&e, &q);
        }
    }
}

#[test]
fn a_book_over_the_parallel_size_is_answered_as_scoring_every_entry() {
    // Past PARALLEL_FROM texts both the sorting and the scoring split over two threads; names
    // repeat, so texts have many entries.
    let first = ["Jan", "Janna", "Marijan", "Jo", "Anne", "Daan", "Johan"];
    let last = ["Jansen", "de Jong", "Nijs", "van Dam", "Bakker", "Коваль"];
    let mut names = Vec::new();
    for n in 0..PARALLEL_FROM * 2 {
        let (f, l) = (first[n % first.len()], last[(n / 7) % last.len()]);
        names.push((format!("{f} {l} {}", n % 1_400), (n % 5) as u8));
    }
    let e = random_book(&names);
    assert!(e.texts() > PARALLEL_FROM && e.texts() < e.len());
    for q in [
        "jan",
        "jans",
        "j n",
        "an d",
        "коваль",
        "jo ba",
        "nna",
        "de j",
    ] {
        same_as_every(&e, &fold(q));
    }
}

#[test]
fn finding_the_matches_ahead_stops_when_asked_and_else_finds_them_all() {
    // Over one CHUNK of texts, so the stop is asked.
    let names: Vec<(String, u8)> = (0..CHUNK + 10)
        .map(|n| (format!("Jan Nijs {n}"), (n % 3) as u8))
        .collect();
    let e = random_book(&names);
    assert!(e.texts() > CHUNK);
    let mut asked = 0;
    let stopped = matched(&e, "jan", Cands::All(0, e.texts()), &mut || {
        asked += 1;
        true
    });
    assert_eq!((stopped, asked), (None, 1));
    let all = matched(&e, "jan", Cands::All(0, e.texts()), &mut || false);
    assert_eq!(all.map(|m| m.entries(&e)), Some(search_every(&e, "jan").1));
}
