//! The lookup's entries, held compactly: every text of every entry in one `String`, each entry
//! 40 bytes of ids and lengths into it (issue 10). At 50,000 cases the lookup has about 250,000
//! entries; as a struct of four `String`s each they took more memory than the case rows.

use super::{Kind, Target};
use crate::domain::text::fold_mapped;
use crate::domain::{CaseId, FamilyId, PersonId};
use std::collections::HashMap;
use std::fmt::Write;

/// One entry: what it points at, and where its texts stand in [`Entries::text`] (label, detail,
/// folded label, more words; one after the other from `start`, lengths in bytes).
#[derive(Debug, Clone, Copy)]
struct Item {
    /// The family's or the person's id.
    id: u64,
    /// The case's id when `has_case`.
    case: u64,
    start: u32,
    lens: [u32; 4],
    kind: Kind,
    has_case: bool,
}

const LABEL: usize = 0;
const DETAIL: usize = 1;
const FOLDED: usize = 2;
const WORDS: usize = 3;

/// Every entry the lookup searches, in the order pushed.
#[derive(Debug, Default)]
pub struct Entries {
    text: String,
    items: Vec<Item>,
    /// For an entry whose folded label is not one char for one char of its label (a ligature):
    /// for each char of the folded label, the char of the label it comes from.
    from: HashMap<u32, Box<[u32]>>,
}

impl Entries {
    /// Room for about `n` entries.
    pub fn with_capacity(n: usize) -> Entries {
        Entries {
            // About 60 bytes of text per entry at 50,000 cases.
            text: String::with_capacity(n * 60),
            items: Vec::with_capacity(n),
            from: HashMap::new(),
        }
    }

    pub fn len(&self) -> usize {
        self.items.len()
    }

    pub fn is_empty(&self) -> bool {
        self.items.is_empty()
    }

    /// Adds an entry. `detail` is written straight into the shared text (no `String` of its
    /// own); `words` are more words it is found by, already folded (empty for most). An entry
    /// past 4 GiB of text in all is left out (not reachable: 250,000 entries take 15 MB).
    pub fn push(
        &mut self,
        kind: Kind,
        label: &str,
        detail: std::fmt::Arguments<'_>,
        target: Target,
        words: &str,
    ) {
        let Some(at) = self.offset() else {
            return;
        };
        let Ok(index) = u32::try_from(self.items.len()) else {
            return;
        };
        let mut lens = [0u32; 4];
        self.text.push_str(label);
        lens[LABEL] = self.since(at);
        // Writing into a String does not fail.
        let _ = self.text.write_fmt(detail);
        lens[DETAIL] = self.since(at) - lens[LABEL];
        let (folded, from) = fold_mapped(label);
        self.text.push_str(&folded);
        lens[FOLDED] = folded.len() as u32;
        self.text.push_str(words);
        lens[WORDS] = words.len() as u32;
        if !from.iter().enumerate().all(|(i, f)| *f as usize == i) {
            self.from.insert(index, from.into_boxed_slice());
        }
        let (id, case) = match target {
            Target::Family(f, c) => (f.0, c.map(|c| c.0)),
            Target::Person(p) => (p.0, None),
        };
        self.items.push(Item {
            id,
            case: case.unwrap_or(0),
            start: at,
            lens,
            kind,
            has_case: case.is_some(),
        });
    }

    /// Where the next entry's text starts, while that fits in 32 bits.
    fn offset(&self) -> Option<u32> {
        u32::try_from(self.text.len())
            .ok()
            .filter(|at| at.checked_add(u32::MAX / 2).is_some())
    }

    /// Bytes written since `at` (below 2 GiB by [`Self::offset`] for any one entry's text).
    fn since(&self, at: u32) -> u32 {
        (self.text.len() - at as usize) as u32
    }

    /// Text `which` of entry `i`.
    fn part(&self, i: usize, which: usize) -> &str {
        let Some(item) = self.items.get(i) else {
            return "";
        };
        let start = item.start as usize + item.lens[..which].iter().sum::<u32>() as usize;
        self.text
            .get(start..start + item.lens[which] as usize)
            .unwrap_or("")
    }

    pub fn kind(&self, i: usize) -> Kind {
        self.items.get(i).map_or(Kind::Question, |e| e.kind)
    }

    /// What is shown: a name or a question.
    pub fn label(&self, i: usize) -> &str {
        self.part(i, LABEL)
    }

    /// Shown beside the label: groep, role, family name.
    pub fn detail(&self, i: usize) -> &str {
        self.part(i, DETAIL)
    }

    /// The label folded for matching ([`fold_mapped`]).
    pub fn folded(&self, i: usize) -> &str {
        self.part(i, FOLDED)
    }

    /// More words entry `i` is found by, folded (a professional's role and organisation).
    pub fn words(&self, i: usize) -> &str {
        self.part(i, WORDS)
    }

    /// What Enter on entry `i` opens.
    pub fn target(&self, i: usize) -> Target {
        match self.items.get(i) {
            Some(e) if e.kind == Kind::Person => Target::Person(PersonId(e.id)),
            Some(e) => Target::Family(FamilyId(e.id), e.has_case.then_some(CaseId(e.case))),
            None => Target::Person(PersonId(0)),
        }
    }

    /// Char positions in entry `i`'s folded label as char positions in its label.
    pub fn in_label(&self, i: usize, positions: Vec<usize>) -> Vec<usize> {
        let Some(from) = u32::try_from(i).ok().and_then(|i| self.from.get(&i)) else {
            return positions;
        };
        let mut out: Vec<usize> = positions
            .into_iter()
            .filter_map(|p| from.get(p).map(|f| *f as usize))
            .collect();
        out.dedup();
        out
    }

    /// Gives back the room left over after building (the text is built with a guess).
    pub fn shrink(&mut self) {
        self.text.shrink_to_fit();
        self.items.shrink_to_fit();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_part_comes_back_as_pushed() {
        let mut e = Entries::with_capacity(1);
        let family = Target::Family(FamilyId(7), Some(CaseId(9)));
        e.push(
            Kind::Child,
            "Emre Çelik",
            format_args!("groep {} · {}", 5, "Çelik"),
            family,
            "",
        );
        e.push(
            Kind::Person,
            "Bækgaard",
            format_args!("IB · De Linde"),
            Target::Person(PersonId(3)),
            "ib de linde",
        );
        e.push(
            Kind::Family,
            "",
            format_args!(""),
            Target::Family(FamilyId(8), None),
            "",
        );
        assert_eq!(e.len(), 3);
        assert_eq!(
            (e.label(0), e.detail(0), e.folded(0), e.words(0)),
            ("Emre Çelik", "groep 5 · Çelik", "emre celik", "")
        );
        assert_eq!(e.target(0), family);
        assert_eq!(e.kind(1), Kind::Person);
        assert_eq!(
            (e.label(1), e.folded(1), e.words(1)),
            ("Bækgaard", "baekgaard", "ib de linde")
        );
        assert_eq!(e.target(1), Target::Person(PersonId(3)));
        // "æ" folds to two letters: both mark the one shown.
        assert_eq!(e.in_label(1, vec![1, 2, 3]), vec![1, 2]);
        assert_eq!(e.in_label(0, vec![1, 2]), vec![1, 2]);
        assert_eq!((e.label(2), e.detail(2)), ("", ""));
        assert_eq!(e.target(2), Target::Family(FamilyId(8), None));
        assert_eq!(e.label(3), "", "past the end: nothing");
    }
}
