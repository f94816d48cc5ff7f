//! Issue 13, item 6, on the screen: what is typed stays in view (a one-line field scrolls, free
//! text wraps, a long form scrolls with its focus), and a paragraph pasted with the terminal's
//! CR line breaks keeps them in free text and gets spaces in a one-line field.

use crate::tui_common::*;
use tandem::domain::dates::Lang;
use tandem::tui::app::Popup;

fn focused_value(s: &Session) -> String {
    match &s.app.popup {
        Some(Popup::Form(f)) => f.fields()[f.focus].value.clone(),
        other => panic!("no form: {other:?}"),
    }
}

#[test]
fn the_end_of_a_long_entry_is_on_screen_while_typing_at_80_columns() {
    let mut s = demo(Lang::Nl);
    // A one-line field: the child's first name, far longer than the field.
    let long = format!("{}EINDE", "Annemarie-".repeat(12));
    s.press(&format!("2n{long}"));
    let screen = s.screen(80, 24);
    assert!(screen.contains("EINDE"), "{screen}");
    // A long action in free text, on the case card.
    s.press("<Esc>j<Enter>a");
    let action = format!(
        "{} SLOT",
        "Moeder bellen over de ochtenden en de opvang.".repeat(3)
    );
    s.press(&action);
    let screen = s.screen(80, 24);
    assert!(screen.contains("SLOT"), "{screen}");
    assert!(
        screen.contains("Moeder bellen"),
        "the start wraps above: {screen}"
    );
}

#[test]
fn a_long_intake_scrolls_to_the_network_row_in_focus() {
    let mut s = demo(Lang::Nl);
    s.press("2nNoor<PageDown>Esther Veldhuis<PageDown>Maarten Dijkstra<PageDown><PageDown>");
    let screen = s.screen(120, 30);
    assert!(screen.contains("Netwerk 1"), "{screen}");
    s.press("rouw");
    let screen = s.screen(120, 30);
    assert!(
        screen.contains("Wilma Schouten"),
        "the pick's match shows: {screen}"
    );
}

#[test]
fn pasted_cr_line_breaks_are_lines_in_free_text_and_spaces_in_a_line() {
    let mut s = demo(Lang::Nl);
    s.press("2n");
    s.paste("Noor\rVeldhuis");
    assert_eq!(focused_value(&s), "Noor Veldhuis");
    s.press("<Tab><Tab><Tab><Tab>");
    s.paste("Slaapt slecht.\rHuilt 's avonds.");
    assert_eq!(focused_value(&s), "Slaapt slecht.\nHuilt 's avonds.");
    let screen = s.screen(120, 40);
    assert!(!screen.contains("slecht.Huilt"), "{screen}");
    let line = screen
        .lines()
        .find(|l| l.contains("Slaapt slecht."))
        .expect("the first line");
    assert!(!line.contains("Huilt"), "two lines, not one: {line}");
    assert!(screen.contains("Huilt 's avonds."));
    // Ctrl-J adds a line in free text, as Enter would save.
    s.press("<C-j>Eet slecht.");
    assert_eq!(
        focused_value(&s),
        "Slaapt slecht.\nHuilt 's avonds.\nEet slecht."
    );
}
