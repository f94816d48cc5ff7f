//! Issue 13, item 8: `?` lists every key that works on the screen under it (from the keymap
//! table, so it can't drift), names keys as people say them (Dutch by default), explains every
//! mark, and opens at the top.

use crate::tui_common::*;
use tandem::domain::dates::Lang;
use tandem::i18n::help as h;
use tandem::tui::help::what;
use tandem::tui::intent::Context;
use tandem::tui::keymap::for_help;

/// Keys that bring the demo school to each page context.
const PAGES: &[(&str, Context)] = &[
    ("2", Context::Cases),
    ("3", Context::Acties),
    ("4", Context::Kaart),
    ("4<Enter>", Context::Person),
    ("1", Context::Agenda),
    ("1m", Context::Meeting),
    ("2<Enter>", Context::Case),
    ("2<Enter>w", Context::Family),
];

#[test]
fn every_bound_key_of_every_screen_is_in_help_by_its_name() {
    for lang in [Lang::Nl, Lang::En] {
        for (keys, ctx) in PAGES {
            let mut s = demo(lang);
            s.app.privacy = false;
            s.press(keys);
            assert_eq!(s.app.context(), *ctx, "{keys}");
            s.press("?");
            // Tall enough for the whole list: nothing scrolled out of sight.
            let screen = s.screen(140, 160);
            for b in for_help(*ctx) {
                let name = h::key_name(b.key, lang);
                let what = what(*ctx, b.action).get(lang);
                assert!(!what.is_empty(), "{:?} has no description", b.action);
                let line = screen
                    .lines()
                    .find(|l| l.contains(what) && l.contains(&name))
                    .unwrap_or_else(|| panic!("{name} ({what}) on {ctx:?}, {lang:?}:\n{screen}"));
                assert!(!line.is_empty());
            }
            for (mark, text) in h::MARK_LIST {
                let line = screen.lines().find(|l| l.contains(text.get(lang)));
                assert!(
                    line.is_some_and(|l| l.contains(mark)),
                    "{mark} on {ctx:?}:\n{screen}"
                );
            }
        }
    }
}

#[test]
fn keys_are_named_in_dutch_and_the_lock_and_steering_keys_are_there() {
    let mut s = demo(Lang::Nl);
    s.press("1m?");
    let screen = s.screen(140, 160);
    for said in [
        "j of pijl omlaag",
        "k of pijl omhoog",
        "Shift-Tab",
        "Ctrl-L",
        "Ctrl-C",
        "naar agendapunt (nummer of naam)",
        "wie er zijn (aanwezig)",
        "exporteren naar een bestand",
        "vervallen: afgesloten zonder uitvoering",
        "stopt hier niet",
    ] {
        assert!(screen.contains(said), "{said}:\n{screen}");
    }
    assert!(
        !screen.contains("BackTab") && !screen.contains(" Down "),
        "{screen}"
    );
    let mut s = demo(Lang::Nl);
    s.press("2<Enter>w?");
    let screen = s.screen(140, 160);
    assert!(
        screen.contains("gezin wissen (vraagt de naam)"),
        "X:\n{screen}"
    );
    let x = screen
        .lines()
        .find(|l| l.contains("betrokkenheid beëindigen, of iemand uit het netwerk halen"))
        .unwrap_or_else(|| panic!("x on the family:\n{screen}"));
    assert!(x.contains(" x "), "{x}");
    assert!(
        !screen.contains("van de agenda halen"),
        "x is not the agenda's here"
    );
}

#[test]
fn help_opens_at_the_top_every_time() {
    let mut s = demo(Lang::Nl);
    s.press("2?");
    let first = s.screen(80, 24);
    assert!(first.contains("Toetsen en tekens"), "{first}");
    assert!(first.contains("Toetsen "), "{first}");
    s.press("jjjjjjjjjj<Esc>?");
    assert_eq!(
        s.screen(80, 24),
        first,
        "scrolled help opens at the top again"
    );
}

#[test]
fn ctrl_l_without_a_passphrase_says_why_nothing_locks() {
    let mut s = demo(Lang::En);
    s.press("2<C-l>");
    let status = s.status();
    assert_eq!(
        status,
        "Locking needs a passphrase on the store (tandem encrypt)."
    );
}
