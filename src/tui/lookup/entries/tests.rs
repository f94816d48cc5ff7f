//! The entries' own tests: every part comes back as pushed, and entries are grouped by text.

use super::*;

#[test]
fn every_part_comes_back_as_pushed() {
    let mut e = Builder::with_capacity(1);
    let family = Target::Family(FamilyId(7), Some(CaseId(9)));
    let no_family = Target::Family(FamilyId(8), None);
    let groep = (format_args!("groep {}", 5), Some(2));
    e.push(Kind::Child, "Emre Çelik", groep, family, "");
    let ib = (format_args!("IB · De Linde"), None);
    let person = Target::Person(PersonId(3));
    e.push(Kind::Person, "Bækgaard", ib, person, "ib de linde");
    e.push(
        Kind::Family,
        "Çelik",
        (format_args!(""), None),
        no_family,
        "",
    );
    e.push(Kind::Question, "", (format_args!(""), Some(0)), family, "");
    let long = "é".repeat(MAX_TEXT);
    e.push(
        Kind::Question,
        &long,
        (format_args!("{long}"), None),
        family,
        &long,
    );
    let e = e.finish();
    assert_eq!(e.len(), 5);
    assert_eq!(
        (e.label(0), e.detail(0).as_str(), e.folded(0), e.words(0)),
        ("Emre Çelik", "groep 5 · Çelik", "emre celik", "")
    );
    assert_eq!(e.target(0), family);
    assert_eq!(e.kind(1), Kind::Person);
    assert_eq!(
        (e.label(1), e.detail(1).as_str(), e.folded(1), e.words(1)),
        ("Bækgaard", "IB · De Linde", "baekgaard", "ib de linde")
    );
    assert_eq!(e.target(1), person);
    // "æ" folds to two letters: both mark the one shown.
    assert_eq!(e.in_label(1, vec![1, 2, 3]), vec![1, 2]);
    assert_eq!(e.in_label(0, vec![1, 2]), vec![1, 2]);
    assert_eq!((e.label(2), e.detail(2).as_str()), ("Çelik", ""));
    assert_eq!(e.target(2), no_family);
    assert_eq!((e.label(3), e.detail(3).as_str()), ("", "Emre Çelik"));
    // A text past the most kept is cut on a letter's boundary; each part is still its own.
    let half = "é".repeat(MAX_TEXT / 2);
    assert_eq!(
        (e.label(4), e.detail(4), e.folded(4), e.words(4)),
        (
            half.as_str(),
            half.clone(),
            "e".repeat(MAX_TEXT / 2).as_str(),
            half.as_str()
        )
    );
    assert_eq!(e.label(5), "", "past the end: nothing");
}

#[test]
fn an_entry_is_forty_bytes_and_knows_its_letters() {
    assert!(std::mem::size_of::<Item>() <= 40);
    let mut e = Builder::with_capacity(1);
    let person = Target::Person(PersonId(3));
    e.push(
        Kind::Person,
        "Bækgaard",
        (format_args!(""), None),
        person,
        "ib дом",
    );
    let e = e.finish();
    assert_eq!((e.texts(), e.first(0)), (1, 0));
    let bits = super::super::sig::of_query;
    for q in ["baek", "ib", "дом", "a b", "д", "gd"] {
        assert!(e.may_match(0, bits(q)), "{q}");
    }
    for q in ["x", "baekx", "б", "9"] {
        assert!(!e.may_match(0, bits(q)), "{q}");
    }
    assert!(!e.may_match(1, 0), "past the end");
}

/// The texts of `e` with their entries, each text as (kind, folded label, words) of its
/// first entry.
fn groups(e: &Entries) -> Vec<(Kind, String, Vec<u32>)> {
    (0..e.texts())
        .map(|t| {
            let first = e.first(t);
            (
                e.kind(first),
                e.folded(first).to_string(),
                e.members(t).to_vec(),
            )
        })
        .collect()
}

#[test]
fn entries_that_match_and_score_alike_share_a_text_and_keep_their_order() {
    let mut b = Builder::with_capacity(8);
    let none = || (format_args!(""), None);
    let family = Target::Family(FamilyId(1), None);
    let person = Target::Person(PersonId(2));
    b.push(Kind::Child, "Emre Çelik", none(), family, "");
    b.push(Kind::Question, "Emre Celik", none(), family, "");
    b.push(Kind::Family, "EMRE CELIK", none(), family, "");
    b.push(Kind::Carer, "Emre Çelik", none(), family, "");
    b.push(Kind::Person, "Emre Çelik", none(), person, "ib");
    b.push(Kind::Question, "emre celik", none(), family, "");
    b.push(Kind::Person, "Emre Çelik", none(), person, "ib");
    b.push(Kind::Child, "Emre Celik", none(), family, "");
    let e = b.finish();
    let want = vec![
        // A child and a family: a name with the same bonus.
        (Kind::Child, "emre celik".to_string(), vec![0, 2, 7]),
        // A question is found by other rules than a name.
        (Kind::Question, "emre celik".to_string(), vec![1, 5]),
        // A carer's bonus is another.
        (Kind::Carer, "emre celik".to_string(), vec![3]),
        // Words of their own: a text each.
        (Kind::Person, "emre celik".to_string(), vec![4]),
        (Kind::Person, "emre celik".to_string(), vec![6]),
    ];
    assert_eq!(groups(&e), want);
    assert_eq!(e.members(5), &[] as &[u32], "past the last text");
    assert_eq!(e.first(5), usize::MAX);
    // Every entry in exactly one text.
    let mut all: Vec<u32> = (0..e.texts()).flat_map(|t| e.members(t).to_vec()).collect();
    all.sort_unstable();
    assert_eq!(all, (0..8).collect::<Vec<u32>>());
}

#[test]
fn no_entries_no_texts() {
    let e = Builder::with_capacity(0).finish();
    assert_eq!((e.len(), e.texts()), (0, 0));
    assert!(e.members(0).is_empty());
}
