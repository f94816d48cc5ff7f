//! `tandem export --family ID --format md` (issue 12 part 5): everything about one family, in
//! plain Dutch, for parents who ask to see it.

use crate::common::{assert_one_line_failure, fixture_dir, reopen, run, wait_unlocked};

#[test]
fn the_overview_holds_every_text_the_family_export_holds() {
    let (dir, fx) = fixture_dir();
    let d = dir.path();
    let store = reopen(d);
    let doc = store.export_family(fx.celik).expect("export");
    drop(store);
    wait_unlocked(d);
    let (ok, md, err) = run(
        d,
        &[
            "export",
            "--family",
            &fx.celik.0.to_string(),
            "--format",
            "md",
        ],
    );
    assert!(ok, "{err}");
    assert!(
        md.starts_with("# Wat de school in tandem over gezin Çelik"),
        "{md}"
    );
    let mut texts: Vec<String> = Vec::new();
    for f in &doc.families {
        texts.extend(f.carers.iter().map(|c| c.name.clone()));
        texts.extend(
            f.children
                .iter()
                .map(|c| format!("{} {}", c.first_name, c.last_name)),
        );
    }
    for c in &doc.cases {
        texts.push(c.question.clone());
    }
    texts.extend(doc.actions.iter().map(|a| a.text.clone()));
    for m in &doc.meetings {
        for i in m
            .items
            .iter()
            .filter(|i| doc.cases.iter().any(|c| c.id == i.case))
        {
            texts.extend(i.agreements.iter().map(|a| a.text.clone()));
        }
    }
    // Read as a Markdown viewer would: the text, not the escapes.
    let mut shown = String::new();
    for ev in pulldown_cmark::Parser::new(&md) {
        if let pulldown_cmark::Event::Text(t) = ev {
            shown.push_str(&t);
            shown.push('\n');
        }
    }
    for t in texts.iter().filter(|t| !t.trim().is_empty()) {
        assert!(shown.contains(t.trim()), "{t:?} missing from:\n{md}");
    }
    for heading in ["Ouders en verzorgers", "Kinderen", "Acties", "Tijdlijn"] {
        assert!(md.contains(heading), "{heading}");
    }
    // Every timeline line of the family is there.
    let lines = md.lines().filter(|l| l.contains(" — ")).count();
    assert_eq!(lines, doc.events.len(), "{md}");
}

#[test]
fn md_without_a_family_or_for_an_unknown_one_says_so() {
    let (dir, _) = fixture_dir();
    let err = assert_one_line_failure(dir.path(), &["export", "--format", "md"]);
    assert!(err.contains("--family"), "{err}");
    let err = assert_one_line_failure(dir.path(), &["export", "--family", "999", "--format", "md"]);
    assert!(err.contains("geen gezin"), "{err}");
}
