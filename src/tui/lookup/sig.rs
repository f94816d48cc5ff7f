//! A quick "cannot match" test per entry (issue 10, item 5): 64 bits of what an entry has, so a
//! scan skips most entries with one test in a dense array before reading their texts (at 200,000
//! cases the texts and items are ~100 MB, and reading them for every entry was most of a scan).
//!
//! - The low 32 bits are letters: a–z one bit each, any other letter one of six shared bits.
//! - The high 32 bits are pairs of letters in order, hashed. A name has every pair in order
//!   (a fuzzy match may spread the query over it); a question only the pairs less than
//!   [`WINDOW`] apart (it is found when each word of the query stands in it as typed).
//!
//! A query's bits are its letters and, within each of its words, its pairs less than [`WINDOW`]
//! apart: every entry that matches has them all (`tests` checks this against scoring).

use super::Kind;

/// How far apart (in letters, spaces left out) two letters of a question may be to count as a pair.
const WINDOW: usize = 4;

/// The most different letters kept to pair with in a name; past them every bit is set (the entry
/// then passes every test: never wrongly skipped).
const MOST_LETTERS: usize = 48;

fn letter(c: char) -> u64 {
    if c.is_ascii_lowercase() {
        1 << (c as u32 - 'a' as u32)
    } else {
        1 << (26 + c as u32 % 6)
    }
}

fn pair(x: char, y: char) -> u64 {
    1 << (32 + (x as u32).wrapping_mul(31).wrapping_add(y as u32) % 32)
}

/// The letters of `text`, and every pair of them in order.
fn all_pairs(text: &str) -> u64 {
    let mut seen: [char; MOST_LETTERS] = ['\0'; MOST_LETTERS];
    let mut n = 0;
    let mut bits = 0;
    for c in text.chars().filter(|c| !c.is_whitespace()) {
        bits |= letter(c);
        for x in &seen[..n] {
            bits |= pair(*x, c);
        }
        if !seen[..n].contains(&c) {
            if n == MOST_LETTERS {
                return u64::MAX;
            }
            seen[n] = c;
            n += 1;
        }
    }
    bits
}

/// The letters of `text`, and its pairs less than [`WINDOW`] apart.
fn near_pairs(text: &str) -> u64 {
    let mut last: [char; WINDOW] = ['\0'; WINDOW];
    let mut bits = 0;
    for (i, c) in text.chars().filter(|c| !c.is_whitespace()).enumerate() {
        bits |= letter(c);
        for back in 1..WINDOW.min(i + 1) {
            bits |= pair(last[(i - back) % WINDOW], c);
        }
        last[i % WINDOW] = c;
    }
    bits
}

/// The bits of an entry: of its folded label, and of its more words (a professional's role and
/// organisation, found when each word of the query stands in them).
pub fn of_entry(kind: Kind, folded: &str, words: &str) -> u64 {
    match kind {
        Kind::Question => near_pairs(folded),
        _ => all_pairs(folded) | all_pairs(words),
    }
}

/// The bits every entry that matches the folded query `q` has.
pub fn of_query(q: &str) -> u64 {
    q.split_whitespace().fold(0, |bits, w| bits | near_pairs(w))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn passes(entry: u64, q: &str) -> bool {
        let need = of_query(q);
        entry & need == need
    }

    #[test]
    fn names_keep_pairs_far_apart_questions_only_near_ones() {
        let name = of_entry(Kind::Child, "jan de jansen", "");
        for q in ["jnsn", "js", "jan", "de j", "nn", "e", "ns"] {
            assert!(passes(name, q), "{q}");
        }
        assert!(!passes(name, "x"));
        assert!(
            !passes(of_entry(Kind::Child, "ab", ""), "ba"),
            "b never before a"
        );
        let question = of_entry(Kind::Question, "slaapt slecht sinds de scheiding", "");
        for q in ["slaapt", "schei", "ding de", "sl"] {
            assert!(passes(question, q), "{q}");
        }
        let far = of_entry(Kind::Question, "a b c d e f", "");
        assert!(passes(far, "ad") && passes(far, "cf"));
        assert!(!passes(far, "ae"), "a and e are never near");
        let person = of_entry(Kind::Person, "bram kok", "jeugdarts ggd");
        assert!(passes(person, "jeugd") && passes(person, "ggd") && passes(person, "brk"));
    }

    /// Whether the scorer finds `q` in an entry ([`crate::tui::lookup::search`]'s rules): a
    /// name has the query's letters in order, or every word of it in its more words; a question
    /// every word of it.
    fn found(kind: Kind, folded: &str, words: &str, q: &str) -> bool {
        let has_words = |hay: &str| q.split_whitespace().all(|w| hay.contains(w));
        let mut it = folded.chars();
        let in_order = q
            .chars()
            .filter(|c| !c.is_whitespace())
            .all(|c| it.any(|h| h == c));
        match kind {
            Kind::Question => has_words(folded),
            _ => in_order || (!words.is_empty() && has_words(words)),
        }
    }

    proptest::proptest! {
        /// An entry the scorer finds is never skipped.
        #[test]
        fn every_entry_found_passes(
            folded in "[abcdeé дж]{0,60}",
            words in "[abcd ]{0,12}",
            q in "[abcdeé дж]{1,8}",
            k in 0..5usize,
        ) {
            let kind = [Kind::Child, Kind::Family, Kind::Carer, Kind::Person, Kind::Question][k];
            let q = q.trim();
            if !q.is_empty() && found(kind, &folded, &words, q) {
                proptest::prop_assert!(passes(of_entry(kind, &folded, &words), q));
            }
        }
    }

    #[test]
    fn a_name_with_very_many_letters_passes_every_pair() {
        let many: String = ('a'..='z').chain('à'..='ÿ').collect();
        let bits = of_entry(Kind::Child, &many, "");
        assert!(passes(bits, "za"), "past the letters kept, every pair");
    }
}
