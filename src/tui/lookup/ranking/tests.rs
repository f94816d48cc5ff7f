//! The ranking gives what scoring every entry gives: for every one- and two-letter query of a
//! book, the same hits in the same order and the same total.

use super::*;
use crate::domain::text::fold;
use crate::domain::PersonId;
use crate::tui::lookup::score::search_every;
use crate::tui::lookup::{test_builder, test_entries, Target};
use proptest::prelude::*;

#[rustfmt::skip]
const FIRST: [&str; 33] = [
    "Daan", "Sem", "Anna", "Rijk", "Zoë", "Ömer", "Çağla", "Noah", "de", "Eva", "Łucja", "Adam", "Ayşe",
    "Ilias", "Ivo", "Mei", "Дарина", "Bram", "Lotte", "Yusuf", "Linh", "Priya", "Jakub", "Mateo",
    "Inés", "Hugo", "Noor", "Salma", "Kiran", "Thảo", "Xinyi", "Femke", "Joep",
];

#[rustfmt::skip]
const LAST: [&str; 14] = [
    "de Vries", "de Jong", "Jansen", "Dekker", "van Dijk", "Bakker", "Nguyễn", "Yılmaz",
    "El Amrani", "Коваль", "王", "de Boer", "Aydın", "van der Meer",
];

/// A made-up book with names that share word starts (over [`MAX_HITS`] of some pairs), names
/// with letters that fold, leading and double spaces, another script, professionals with a role,
/// and questions.
pub(in crate::tui::lookup) fn book() -> Entries {
    let mut list: Vec<(Kind, String)> = Vec::new();
    for (i, f) in FIRST.iter().enumerate() {
        for (j, l) in LAST.iter().enumerate() {
            let kind = match (i + j) % 4 {
                0 | 1 => Kind::Child,
                2 => Kind::Carer,
                _ => Kind::Family,
            };
            list.push((kind, format!("{f} {l}")));
            list.push((Kind::Carer, format!("{l} {f}")));
        }
    }
    for l in LAST {
        list.push((Kind::Family, l.to_string()));
    }
    for q in [
        "slaapt slecht sinds de scheiding",
        "veel verzuim, de leerkracht maakt zich zorgen",
        "taal en rekenen",
        "  dd",
        "ad",
    ] {
        list.push((Kind::Question, q.to_string()));
    }
    for odd in [" Anna  de Wit", "A", "aa", "dedede", "Ærwin Bækgaard", ""] {
        list.push((Kind::Child, odd.to_string()));
    }
    let refs: Vec<(Kind, &str)> = list.iter().map(|(k, l)| (*k, l.as_str())).collect();
    let mut e = test_builder(&refs);
    for (name, role) in [
        ("Bram Kok", "ib'er De Linde"),
        ("Femke Smit", "jeugdarts GGD"),
    ] {
        let detail = (format_args!("{role}"), None);
        e.push(
            Kind::Person,
            name,
            detail,
            Target::Person(PersonId(9)),
            &fold(role),
        );
    }
    e.finish()
}

/// Every letter of the book's folded texts, and a few it lacks.
fn letters(e: &Entries) -> Vec<char> {
    let mut all: Vec<char> = (0..e.len())
        .flat_map(|i| {
            e.folded(i)
                .chars()
                .chain(e.words(i).chars())
                .collect::<Vec<_>>()
        })
        .chain(['q', 'x', '9', 'я'])
        .filter(|c| !c.is_whitespace())
        .collect();
    all.sort_unstable();
    all.dedup();
    all
}

/// What scoring every entry gives for `q`: (score, entry) best first, and the total.
fn scored(e: &Entries, q: &str) -> (Vec<(i64, usize)>, usize) {
    let (hits, all) = search_every(e, q);
    (hits.iter().map(|h| (h.score, h.entry)).collect(), all.len())
}

#[test]
fn every_one_and_two_letter_query_ranks_as_scoring_every_entry() {
    let e = book();
    let ranking = Ranking::of(&e);
    let letters = letters(&e);
    let mut ranked_pairs = 0;
    for x in &letters {
        let q = x.to_string();
        assert_eq!(ranking.answer(&q), Some(scored(&e, &q)), "query {q:?}");
        for y in &letters {
            let q: String = [*x, *y].iter().collect();
            if let Some(answer) = ranking.answer(&q) {
                ranked_pairs += 1;
                assert_eq!(answer, scored(&e, &q), "query {q:?}");
            }
        }
    }
    // The pairs of a word start shared by over MAX_HITS names: "de", "da", "va", ...
    assert!(ranked_pairs >= 8, "only {ranked_pairs} pairs ranked");
    // Side by side in a name, not only at a word start.
    for q in ["de", "va", "ja", "ba", "an", "ij"] {
        assert!(ranking.answer(q).is_some(), "{q} ranked");
    }
}

#[test]
fn queries_the_ranking_does_not_know_are_left_to_scoring() {
    let ranking = Ranking::of(&book());
    for q in ["", "dev", "d e", "ко", "王x", "qx"] {
        assert_eq!(ranking.answer(q), None, "{q:?}");
    }
    let empty = Ranking::of(&Entries::default());
    assert_eq!(empty.answer("a"), Some((Vec::new(), 0)));
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]
    /// Random books of a few letters (many shared word starts): every query the ranking
    /// answers, it answers as scoring does.
    #[test]
    fn random_books_rank_as_scoring(
        names in prop::collection::vec(("[abé ]{0,7}|[ab ]{26,38}", 0..5u8), 0..180),
        pairs in prop::collection::vec("[abé ]{1,2}", 1..12),
    ) {
        let list: Vec<(Kind, &str)> = names
            .iter()
            .map(|(n, k)| {
                let kind = [Kind::Child, Kind::Family, Kind::Carer, Kind::Person, Kind::Question];
                (kind[*k as usize], n.as_str())
            })
            .collect();
        let e = test_entries(&list);
        let ranking = Ranking::of(&e);
        for q in pairs.iter().map(|q| fold(q.trim())) {
            if let Some(answer) = ranking.answer(&q) {
                prop_assert_eq!(answer, scored(&e, &q), "query {:?}", q);
            }
        }
    }
}
