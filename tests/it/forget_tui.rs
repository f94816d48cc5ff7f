//! Erasing a family from its screen: `X`, then the family's name typed in full.

use crate::tui_common::demo;
use tandem::domain::dates::Lang;
use tandem::domain::FamilyId;

const KOWALSKI: FamilyId = FamilyId(4);

#[test]
fn x_on_the_family_screen_erases_only_when_the_name_is_typed() {
    let mut s = demo(Lang::Nl);
    tandem::tui::family::open(&mut s.app, &s.store, KOWALSKI).expect("open family");
    s.press("X");
    let screen = s.screen(120, 40);
    assert!(screen.contains("Gezin wissen"), "{screen}");
    assert!(
        screen.contains("Typ de naam van het gezin (Kowalski)"),
        "{screen}"
    );
    // A name not typed in full: nothing is erased.
    s.press("Kowalsk<Enter>");
    assert!(s.store.family(KOWALSKI).expect("read").is_some());
    let status = s.app.status.clone().map(|(t, _)| t).unwrap_or_default();
    assert!(status.contains("niets gewist"), "{status}");
    // Esc asks nothing more.
    s.press("XKowalski<Esc>");
    assert!(s.store.family(KOWALSKI).expect("read").is_some());
    assert!(s.app.popup.is_none());
    // Typed in full (case does not matter): erased, and the screens read again.
    s.press("Xkowalski<Enter>");
    assert!(s.store.family(KOWALSKI).expect("read").is_none());
    assert!(s.app.undo.is_empty(), "an undo would bring the family back");
    assert!(s.app.pages.is_empty());
    let status = s.app.status.clone().map(|(t, _)| t).unwrap_or_default();
    assert!(status.contains("Gezin 4 is gewist"), "{status}");
    let screen = s.screen(160, 50);
    assert!(!screen.contains("Kowalsk"), "{screen}");
    assert!(s.app.cases.rows.iter().all(|r| r.family != KOWALSKI));
    let report = s.store.check().expect("check");
    assert!(report.is_ok(), "{:?}", report.problems);
}

/// Screen 3 keeps its rows between visits (they are patched); an erasure reads the whole app
/// again, and screen 3's rows with it: none of the family's actions is left in them, whether
/// the family was erased over screen 3 or elsewhere.
#[test]
fn an_erased_family_leaves_nothing_on_screen_3() {
    for from_screen_3 in [true, false] {
        let mut s = demo(Lang::Nl);
        let cases: Vec<_> = s
            .store
            .cases_of_family(KOWALSKI)
            .expect("cases")
            .iter()
            .map(|c| c.id)
            .collect();
        s.press("D3");
        assert!(
            s.app.actions.rows.iter().any(|r| cases.contains(&r.case)),
            "the family has actions on screen 3 to begin with"
        );
        if !from_screen_3 {
            s.press("2");
        }
        tandem::tui::family::open(&mut s.app, &s.store, KOWALSKI).expect("open family");
        s.press("Xkowalski<Enter>");
        assert!(s.store.family(KOWALSKI).expect("read").is_none());
        s.press("3");
        assert!(
            s.app.actions.rows.iter().all(|r| !cases.contains(&r.case)),
            "erased over screen 3: {from_screen_3}"
        );
        let screen = s.screen(160, 50);
        assert!(!screen.contains("Kowalsk"), "{screen}");
    }
}
