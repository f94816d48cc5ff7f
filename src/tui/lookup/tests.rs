//! The lookup's unit tests: entries built from rows and people, ranking, hits.

use super::*;

#[test]
fn folding_keeps_one_char_per_char() {
    for s in ["Çelik", "Nguyễn Thị", "Yılmaz", "王小明", "Zoë 🙂"] {
        assert_eq!(fold(s).chars().count(), s.chars().count(), "{s}");
    }
    assert_eq!(fold("Çelik"), "celik");
    assert_eq!(fold("Nguyễn"), "nguyen");
}

#[test]
fn letters_with_strokes_and_ligatures_are_found_and_marked_where_they_stand() {
    let e = test_entries(&[
        (Kind::Child, "Øyvind Berg"),
        (Kind::Child, "Łukasz Wróbel"),
        (Kind::Family, "Bækgaard"),
    ]);
    let first = |q: &str| {
        search(&e, &fold(q), None)
            .0
            .first()
            .map(|h| (h.entry, h.positions.clone()))
    };
    assert_eq!(first("oyvind").map(|h| h.0), Some(0));
    assert_eq!(first("LUKASZ").map(|h| h.0), Some(1));
    // "aek" is three letters of the folded name but two of the shown one: æ and k.
    assert_eq!(first("baek"), Some((2, vec![0, 1, 2])));
}

#[test]
fn finds_and_ranks_with_positions() {
    let e = test_entries(&[
        (Kind::Question, "slaapt slecht"),
        (Kind::Child, "Emre Çelik"),
        (Kind::Child, "Sem de Vries"),
    ]);
    let (hits, all) = search(&e, "celik", None);
    assert_eq!(all.entries(&e), vec![1]);
    assert_eq!(hits[0].entry, 1);
    assert_eq!(hits[0].positions, vec![5, 6, 7, 8, 9]);
    let (hits, _) = search(&e, "se", None);
    assert!(hits.iter().any(|h| h.entry == 2));
}

#[test]
fn narrowing_gives_the_same_hits_as_a_full_search() {
    let names = [
        "Amira El Idrissi",
        "Anouk Bakker",
        "Aylin Kaya",
        "Bram Jansen",
        "Noah Nguyễn",
        "王小明",
    ];
    let list: Vec<(Kind, &str)> = names.iter().map(|n| (Kind::Child, *n)).collect();
    let e = test_entries(&list);
    let (_, first) = search(&e, "a", None);
    let (narrowed, _) = search(&e, "ak", Some(&first));
    let (full, _) = search(&e, "ak", None);
    assert_eq!(narrowed, full);
}

fn case_row(id: u64, child: u64, child_name: &str, question: &str) -> CaseSummary {
    CaseSummary {
        family: FamilyId(4),
        child: ChildId(child),
        family_name: "Bækgaard".into(),
        groep: "6".into(),
        school: "De Linde".into(),
        question: question.into(),
        ..CaseSummary::sample(id, child_name)
    }
}

#[test]
fn entries_of_rows_and_people_read_as_when_each_had_strings_of_its_own() {
    let rows = vec![
        case_row(10, 1, "Sem Bækgaard", "slaapt slecht"),
        case_row(11, 1, "Sem Bækgaard", "veel verzuim"),
        case_row(12, 2, "Øyvind Bækgaard", "taal"),
    ];
    let person = Person::new(
        PersonId(3),
        "Anna Smit".into(),
        "jeugdarts".into(),
        "GGD Oost".into(),
        crate::domain::Side::Zorg,
    );
    let e = entries(&rows, &[person], None);
    let all: Vec<(Kind, &str, String, Target)> = (0..e.len())
        .map(|i| (e.kind(i), e.label(i), e.detail(i), e.target(i)))
        .collect();
    let case = |c| Target::Family(FamilyId(4), Some(CaseId(c)));
    let want: Vec<(Kind, &str, &str, Target)> = vec![
        (
            Kind::Person,
            "Anna Smit",
            "jeugdarts · GGD Oost",
            Target::Person(PersonId(3)),
        ),
        (Kind::Child, "Sem Bækgaard", "groep 6 · Bækgaard", case(10)),
        (
            Kind::Family,
            "Bækgaard",
            "",
            Target::Family(FamilyId(4), None),
        ),
        (Kind::Question, "slaapt slecht", "Sem Bækgaard", case(10)),
        (Kind::Question, "veel verzuim", "Sem Bækgaard", case(11)),
        (
            Kind::Child,
            "Øyvind Bækgaard",
            "groep 6 · Bækgaard",
            case(12),
        ),
        (Kind::Question, "taal", "Øyvind Bækgaard", case(12)),
    ];
    let want: Vec<(Kind, &str, String, Target)> = want
        .into_iter()
        .map(|(k, l, d, t)| (k, l, d.to_string(), t))
        .collect();
    assert_eq!(all, want);
    let first = |q: &str| search(&e, &fold(q), None).0.into_iter().next();
    let hit = first("oyvind").expect("a hit");
    assert_eq!(
        (hit.label.as_str(), hit.target),
        ("Øyvind Bækgaard", case(12))
    );
    // Found by a word of the role, shown with its own detail.
    let hit = first("jeugdarts").expect("a hit");
    assert_eq!(
        (hit.kind, hit.detail.as_str()),
        (Kind::Person, "jeugdarts · GGD Oost")
    );
    let hit = first("verzuim").expect("a hit");
    assert_eq!(
        (hit.target, hit.positions),
        (case(11), vec![5, 6, 7, 8, 9, 10, 11])
    );
    // "æ" is two letters folded, one shown: the marks stay on the letters shown.
    let hits = search(&e, "baek", None).0;
    let family = hits
        .iter()
        .find(|h| h.kind == Kind::Family)
        .expect("the family");
    assert_eq!(
        (family.label.as_str(), &family.positions),
        ("Bækgaard", &vec![0, 1, 2])
    );
}

#[test]
fn the_worker_answers_the_newest_query() {
    let e = test_entries(&[(Kind::Child, "Emre Çelik"), (Kind::Child, "Sem de Vries")]);
    let lookup = Lookup::start(e);
    lookup.ask(1, "s");
    lookup.ask(2, "sem");
    let r = lookup.wait(2);
    assert!(r.is_some_and(|r| r.query == "sem" && r.hits.first().is_some_and(|h| h.entry == 1)));
}

/// After a one or two letter query the ranking answers, the worker finds every match while
/// idle, and the next letters narrow from them: each answer must still equal scoring every
/// entry (names that share starts, fold, and a question; more than [`MAX_HITS`] match "a").
#[test]
fn letters_after_a_ranked_answer_narrow_to_what_a_full_search_finds() {
    let first = [
        "Anna", "Anouk", "Daan", "Emre", "Sem", "Zoë", "Ayşe", "Noor",
    ];
    let last = [
        "de Vries", "Çelik", "Bakker", "Jansen", "Nguyễn", "de Wit", "Annink",
    ];
    let mut names = Vec::new();
    for f in first {
        for l in last {
            names.push(format!("{f} {l}"));
        }
    }
    let mut list: Vec<(Kind, &str)> = names.iter().map(|n| (Kind::Child, n.as_str())).collect();
    list.push((Kind::Question, "slaapt slecht sinds de verhuizing"));
    let full = test_entries(&list);
    let lookup = Lookup::start(test_entries(&list));
    let mut generation = 0;
    for typed in ["anna de w", "de wit", "a", "ann", "celik", "zo", "zoe b"] {
        for end in typed.char_indices().map(|(i, c)| i + c.len_utf8()) {
            let q = &typed[..end];
            generation += 1;
            lookup.ask(generation, q);
            let r = lookup.wait(generation).expect("an answer");
            let (hits, all) = search(&full, &fold(q.trim()), None);
            assert_eq!(r.total, all.total(), "{q:?}");
            assert_eq!(r.hits, hits, "{q:?}");
            // Time for the worker to find every match of a ranked answer before the next letter.
            std::thread::sleep(std::time::Duration::from_millis(20));
        }
    }
}

#[test]
fn a_role_that_starts_with_the_query_comes_before_names_with_its_letters_scattered() {
    // Fifty-five children whose names hold "r", "o", "u", "w" in order, scattered, and one
    // professional whose role starts with "rouw".
    let mut b = test_builder(&vec![(Kind::Child, "Roos van Leeuwen"); 55]);
    let none = (format_args!(""), None);
    b.push(
        Kind::Person,
        "Sanne Mol",
        none,
        Target::Person(PersonId(9)),
        "rouwtherapeut praktijk de linde",
    );
    let e = b.finish();
    let first = |q: &str| search(&e, q, None).0.first().map(|h| h.entry);
    assert_eq!(first("rouw"), Some(55), "the rouwtherapeut first");
    assert_eq!(first("rouwth"), Some(55));
    assert_eq!(first("praktijk rouw"), Some(55));
    // A word inside the role only, not at its start: below the names, as before.
    let (hits, matched) = search(&e, "therapeut", None);
    assert_eq!(matched.entries(&e), vec![55]);
    assert_eq!(hits.len(), 1);
    // The name found as typed still comes first: "roos" stands at a word start in it.
    assert_eq!(first("roos"), Some(0));
    // Two letters keep the quick rank: the names first.
    assert_eq!(first("ro"), Some(0));
}
