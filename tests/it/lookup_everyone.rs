//! The lookup finds everyone in the book (issue 13, item 5): carers, children without a case,
//! professionals by role or organisation, and names written with any Latin letter, typed in
//! plain ASCII. After a carer is renamed, the new name is found and the old one is not.

use crate::tui_common::*;
use tandem::domain::dates::Lang;
use tandem::domain::{Carer, Child};
use tandem::tui::app::Popup;

/// The labels and kinds the lookup shows for `query`, once the worker has answered.
fn found(s: &mut Session, query: &str) -> Vec<String> {
    s.press("<Esc>");
    s.press(&format!("/{query}"));
    // The script waits for the worker's answer to each letter.
    let Some(Popup::Lookup(state)) = &s.app.popup else {
        panic!("no lookup")
    };
    state.results.hits.iter().map(|h| h.label.clone()).collect()
}

/// A family of the demo with a sibling who has no case, and carers named with Ø and Ł.
fn with_sibling_and_carers(s: &mut Session) {
    let mut f = s.store.families().expect("families").remove(0);
    let mut change = s.store.begin();
    let child = change.child_id();
    f.children.push(Child::new(
        child,
        "Ærwin".into(),
        "Bækgaard".into(),
        String::new(),
        "3".into(),
    ));
    f.carers.push(Carer {
        name: "Øyvind Strand".into(),
        relation: "stiefvader".into(),
        phone: String::new(),
        email: String::new(),
        lives_with_child: false,
        authority: false,
    });
    f.carers.push(Carer {
        name: "Łucja Wójcik".into(),
        relation: "oma".into(),
        phone: String::new(),
        email: String::new(),
        lives_with_child: false,
        authority: false,
    });
    change.put_family(f);
    s.store.commit(change).expect("commit");
    // As after a start: the worker reads the families again.
    tandem::tui::finish_start(&s.store, &mut s.app).expect("finish start");
}

#[test]
fn carers_siblings_roles_and_every_latin_letter_are_found() {
    let mut s = demo(Lang::Nl);
    with_sibling_and_carers(&mut s);
    // Carers of the demo school, by first name.
    assert!(found(&mut s, "laura").contains(&"Laura de Vries".to_string()));
    assert!(found(&mut s, "oyvind").contains(&"Øyvind Strand".to_string()));
    assert!(found(&mut s, "LUCJA WOJCIK").contains(&"Łucja Wójcik".to_string()));
    // A child without a case, found by a name with a ligature typed as two letters.
    assert!(found(&mut s, "aerwin baek").contains(&"Ærwin Bækgaard".to_string()));
    // A professional by a word of their role or organisation.
    assert!(found(&mut s, "rouw").contains(&"Wilma Schouten".to_string()));
    assert!(found(&mut s, "lichtpunt").contains(&"Wilma Schouten".to_string()));
}

#[test]
fn a_renamed_carer_is_found_by_the_new_name_only() {
    let mut s = demo(Lang::Nl);
    tandem::tui::finish_start(&s.store, &mut s.app).expect("finish start");
    assert!(found(&mut s, "laura de").contains(&"Laura de Vries".to_string()));
    let mut f = s
        .store
        .families()
        .expect("families")
        .into_iter()
        .find(|f| f.carers.iter().any(|c| c.name == "Laura de Vries"))
        .expect("the demo's Laura");
    for c in &mut f.carers {
        if c.name == "Laura de Vries" {
            c.name = "Laura Hofman".into();
        }
    }
    let mut change = s.store.begin();
    change.put_family(f);
    let undo = s.store.commit(change).expect("commit");
    // What the TUI does after its own saves: patch what the change touched.
    tandem::tui::load::after_change(
        &s.store,
        &mut s.app,
        &tandem::tui::patch::Touched::of(&undo),
    )
    .expect("patch");
    let hits = found(&mut s, "laura");
    assert!(hits.contains(&"Laura Hofman".to_string()), "{hits:?}");
    assert!(!hits.contains(&"Laura de Vries".to_string()), "{hits:?}");
}
