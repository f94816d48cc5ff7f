//! The lookup's entries, held compactly: every text of every entry in one `String`, each entry
//! 40 bytes of ids and lengths into it (issue 10). At 50,000 cases the lookup has about 225,000
//! entries; as a struct of four `String`s each they took more memory than the case rows. A
//! detail that names another entry (a child's family, a question's child) points at it instead
//! of copying its name.
//!
//! Entries that share a text (a question, or a name with no more words, with the same folded
//! label, of kinds with the same bonus) match a query alike and score alike, so a query looks at
//! each text once ([`Entries::texts`]) and reaches the entries through it
//! ([`Entries::members`]). At 200,000 demo cases 900,000 entries had about 17,000 texts (counted
//! before a carer's name was told from a child's): a name or a question in many cases. A real
//! book repeats names less, questions hardly: there a text has few entries.

use super::score::kind_bonus;
use super::{Kind, Target};
use crate::domain::text::fold_mapped;
use crate::domain::{CaseId, FamilyId, PersonId};
use std::collections::HashMap;
use std::fmt::Write;
use std::hash::{Hash, Hasher};

/// One entry: what it points at, and where its texts stand in [`Entries::text`] (label, its own
/// part of the detail, folded label, more words; one after the other from `start`, lengths in
/// bytes).
#[derive(Debug, Clone, Copy)]
struct Item {
    /// The family's or the person's id.
    id: u64,
    /// The case's id when `has_case`.
    case: u64,
    start: u32,
    lens: [u16; 4],
    /// The entry whose label ends the detail ([`NONE`]: none).
    names: u32,
    kind: Kind,
    has_case: bool,
}

/// No other entry named.
const NONE: u32 = u32::MAX;

/// The most bytes of a text kept: every length fits 16 bits, also folded (at most four bytes a
/// letter). Names and questions are far shorter; a longer text is found by its start.
const MAX_TEXT: usize = 16_000;

/// `s` cut to at most [`MAX_TEXT`] bytes, on a letter's boundary.
fn cut(s: &str) -> &str {
    let mut end = s.len().min(MAX_TEXT);
    while !s.is_char_boundary(end) {
        end -= 1;
    }
    &s[..end]
}

const LABEL: usize = 0;
const DETAIL: usize = 1;
const FOLDED: usize = 2;
const WORDS: usize = 3;

/// Every entry the lookup searches, in the order pushed, grouped by text. Made by a
/// [`Builder`].
#[derive(Debug, Default)]
pub struct Entries {
    text: String,
    items: Vec<Item>,
    /// For an entry whose folded label is not one char for one char of its label (a ligature):
    /// for each char of the folded label, the char of the label it comes from.
    from: HashMap<u32, Box<[u32]>>,
    /// Per text, what a query must find in it ([`super::sig`]): a dense array, so a walk reads
    /// 8 bytes of a text that can't match rather than its item and letters.
    sig: Vec<u64>,
    /// Per text, where its entries start in `members` (and one more: the end).
    starts: Vec<u32>,
    /// Every entry, grouped by text; each group in entry order.
    members: Vec<u32>,
}

/// Adds entries one by one; [`Builder::finish`] groups them by text.
#[derive(Debug, Default)]
pub struct Builder {
    entries: Entries,
    /// Per entry, which of the different texts it has.
    text_ids: Vec<u32>,
    /// The id of each text seen, by the hash of its rule and folded label, with an entry that
    /// has it (to tell a hash shared by two texts).
    seen: HashMap<u64, (u32, u32)>,
}

/// Which entries may share a text: a question, or a name whose kind gives this bonus (all
/// entries of a text then score alike, the bonus included).
fn rule(kind: Kind) -> i64 {
    match kind {
        Kind::Question => -1,
        other => kind_bonus(other),
    }
}

impl Builder {
    /// Room for about `n` entries.
    pub fn with_capacity(n: usize) -> Builder {
        Builder {
            entries: Entries {
                // About 60 bytes of text per entry at 50,000 cases.
                text: String::with_capacity(n * 60),
                items: Vec::with_capacity(n),
                ..Entries::default()
            },
            text_ids: Vec::with_capacity(n),
            seen: HashMap::new(),
        }
    }

    /// How many entries so far: the index of the next.
    pub fn pushed(&self) -> usize {
        self.entries.len()
    }

    /// Adds an entry. Its detail is `own` (written straight into the shared text), then the label
    /// of entry `names` after " · " (a child's family: "groep 5 · Çelik"), or only that label when
    /// `own` is empty (a question's child). `words` are more words it is found by, already folded
    /// (empty for most). An entry past 2 GiB of text in all is left out (250,000 entries take
    /// 15 MB).
    pub fn push(
        &mut self,
        kind: Kind,
        label: &str,
        (own, names): (std::fmt::Arguments<'_>, Option<usize>),
        target: Target,
        words: &str,
    ) {
        let e = &mut self.entries;
        let Some(at) = u32::try_from(e.text.len())
            .ok()
            .filter(|at| *at < u32::MAX / 2)
        else {
            return;
        };
        let Ok(index) = u32::try_from(e.items.len()) else {
            return;
        };
        let label = cut(label);
        let (folded, from) = fold_mapped(label);
        e.text.push_str(label);
        // Writing into a String does not fail.
        let _ = e.text.write_fmt(own);
        let own_start = at as usize + label.len();
        let own_len = cut(&e.text[own_start..]).len();
        e.text.truncate(own_start + own_len);
        e.text.push_str(&folded);
        let words = cut(words);
        e.text.push_str(words);
        if !from.iter().enumerate().all(|(i, f)| *f as usize == i) {
            e.from.insert(index, from.into_boxed_slice());
        }
        let (id, case) = match target {
            Target::Family(f, c) => (f.0, c.map(|c| c.0)),
            Target::Person(p) => (p.0, None),
        };
        let len = |n: usize| u16::try_from(n).unwrap_or(u16::MAX);
        e.items.push(Item {
            id,
            case: case.unwrap_or(0),
            start: at,
            lens: [
                len(label.len()),
                len(own_len),
                len(folded.len()),
                len(words.len()),
            ],
            names: names.and_then(|n| u32::try_from(n).ok()).unwrap_or(NONE),
            kind,
            has_case: case.is_some(),
        });
        let text_id = self.text_id_of(kind, &folded, words, index);
        self.text_ids.push(text_id);
    }

    /// The id of the text of entry `index` (just pushed): that of an earlier entry with the same
    /// [`rule`], the same folded label and no more words, else a new one.
    fn text_id_of(&mut self, kind: Kind, folded: &str, words: &str, index: u32) -> u32 {
        let new = |sig: &mut Vec<u64>| {
            sig.push(super::sig::of_entry(kind, folded, words));
            // Below the number of entries, which fits 32 bits.
            (sig.len() - 1) as u32
        };
        if !words.is_empty() {
            return new(&mut self.entries.sig);
        }
        let mut h = std::collections::hash_map::DefaultHasher::new();
        (rule(kind), folded).hash(&mut h);
        let hash = h.finish();
        if let Some((id, other)) = self.seen.get(&hash).copied() {
            let (e, other) = (&self.entries, other as usize);
            let same = e.folded(other) == folded
                && rule(e.kind(other)) == rule(kind)
                && e.words(other).is_empty();
            if same {
                return id;
            }
            // Another text with the same hash: an id of its own, not remembered.
            return new(&mut self.entries.sig);
        }
        let id = new(&mut self.entries.sig);
        self.seen.insert(hash, (id, index));
        id
    }

    /// The entries, grouped by text, without the room left over (the text is built with a
    /// guess).
    pub fn finish(self) -> Entries {
        let Builder {
            mut entries,
            text_ids,
            ..
        } = self;
        let texts = entries.sig.len();
        // A counting sort: each group stays in entry order.
        let mut starts = vec![0u32; texts + 1];
        for t in &text_ids {
            starts[*t as usize + 1] += 1;
        }
        for t in 0..texts {
            starts[t + 1] += starts[t];
        }
        let mut next = starts.clone();
        let mut members = vec![0u32; text_ids.len()];
        for (i, t) in text_ids.iter().enumerate() {
            let at = &mut next[*t as usize];
            members[*at as usize] = i as u32;
            *at += 1;
        }
        entries.starts = starts;
        entries.members = members;
        entries.text.shrink_to_fit();
        entries.items.shrink_to_fit();
        entries.sig.shrink_to_fit();
        entries
    }
}

impl Entries {
    pub fn len(&self) -> usize {
        self.items.len()
    }

    pub fn is_empty(&self) -> bool {
        self.items.is_empty()
    }

    /// How many different texts the entries have (ids are below this).
    pub fn texts(&self) -> usize {
        self.sig.len()
    }

    /// The entries that have text `t`, in entry order (none past the last text).
    pub fn members(&self, t: usize) -> &[u32] {
        let (Some(from), Some(to)) = (self.starts.get(t), self.starts.get(t + 1)) else {
            return &[];
        };
        self.members
            .get(*from as usize..*to as usize)
            .unwrap_or(&[])
    }

    /// An entry that has text `t`: its kind, folded label and words stand for the text's.
    pub fn first(&self, t: usize) -> usize {
        self.members(t).first().map_or(usize::MAX, |i| *i as usize)
    }

    /// False when text `t` lacks some of `bits` ([`super::sig::of_query`]): it cannot match.
    pub fn may_match(&self, t: usize, bits: u64) -> bool {
        self.sig.get(t).is_some_and(|s| s & bits == bits)
    }

    /// Text `which` of entry `i`.
    fn part(&self, i: usize, which: usize) -> &str {
        let Some(item) = self.items.get(i) else {
            return "";
        };
        let before: usize = item.lens[..which].iter().map(|l| *l as usize).sum();
        let start = item.start as usize + before;
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
    pub fn detail(&self, i: usize) -> String {
        let own = self.part(i, DETAIL);
        let names = self.items.get(i).map_or(NONE, |e| e.names);
        match (own, names) {
            (own, NONE) => own.to_string(),
            ("", n) => self.label(n as usize).to_string(),
            (own, n) => format!("{own} · {}", self.label(n as usize)),
        }
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
}

#[cfg(test)]
mod tests;
