//! Every screen as a person sees it: the demo school on a fixed "today" (Monday 23 November 2026),
//! drawn on ratatui's TestBackend at 80x24 and 120x40, in Dutch and English, with privacy mode on
//! and off. Plus what colour means (onderwijs/zorg, overdue), `NO_COLOR`, and resizing.

use crate::tui_common::*;
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;
use ratatui::style::Color;
use ratatui::Terminal;
use tandem::domain::dates::Lang;
use tandem::tui::theme::{Role, Theme};

/// One snapshot: which keys lead to the screen, at which size, in which language.
struct Shot {
    name: &'static str,
    keys: &'static str,
    size: (u16, u16),
    lang: Lang,
    privacy: bool,
}

const NL: Lang = Lang::Nl;
const EN: Lang = Lang::En;
const SMALL: (u16, u16) = (80, 24);
const LARGE: (u16, u16) = (120, 40);

const fn shot(
    name: &'static str,
    keys: &'static str,
    size: (u16, u16),
    lang: Lang,
    privacy: bool,
) -> Shot {
    Shot {
        name,
        keys,
        size,
        lang,
        privacy,
    }
}

/// Draws each shot on a fresh app over `store` and compares it with its snapshot. Snapshot
/// screens never save anything, so one store serves them all.
fn check(with_demo: bool, shots: &[Shot]) {
    for lang in [NL, EN] {
        if !shots.iter().any(|s| s.lang == lang) {
            continue;
        }
        let mut s = session(with_demo, lang, Theme::standaard(false));
        let before = s.export();
        for shot in shots.iter().filter(|s| s.lang == lang) {
            s.app = tandem::tui::build(&s.store, lang, Theme::standaard(false), &s.clock)
                .expect("build app");
            if shot.privacy {
                s.press("p");
            }
            s.press(shot.keys);
            let (w, h) = shot.size;
            let mut terminal = Terminal::new(TestBackend::new(w, h)).expect("test terminal");
            terminal
                .draw(|f| tandem::tui::views::render(&s.app, f))
                .expect("draw");
            let lang_name = if lang == NL { "nl" } else { "en" };
            let privacy = if shot.privacy { "_privacy" } else { "" };
            let name = format!("{}_{lang_name}_{w}x{h}{privacy}", shot.name);
            let info = format!("keys: {:?}", shot.keys);
            insta::with_settings!({ description => info, omit_expression => true }, {
                insta::assert_snapshot!(name.as_str(), terminal.backend());
            });
            no_control_chars(terminal.backend().buffer(), &name);
        }
        assert_eq!(s.export(), before, "a snapshot screen changed the store");
    }
}

/// Nothing typed or stored may reach the terminal as a control character.
fn no_control_chars(buf: &Buffer, name: &str) {
    for cell in buf.content() {
        assert!(
            !cell.symbol().chars().any(char::is_control),
            "{name}: control character in {:?}",
            cell.symbol()
        );
    }
}

#[test]
fn welcome() {
    check(
        false,
        &[
            shot("welcome", "", SMALL, NL, false),
            shot("welcome", "", LARGE, NL, false),
            shot("welcome", "", SMALL, EN, false),
        ],
    );
}

#[test]
fn case_list() {
    check(
        true,
        &[
            shot("cases", "", SMALL, NL, false),
            shot("cases", "", LARGE, NL, false),
            shot("cases", "", SMALL, NL, true),
            shot("cases", "", LARGE, NL, true),
            shot("cases", "", LARGE, EN, false),
            shot("cases", "", SMALL, EN, true),
            // All cases, sorted by name, second row selected.
            shot("cases_all_by_name", "sssssoo<Down>", LARGE, NL, false),
        ],
    );
}

#[test]
fn case_card() {
    check(
        true,
        &[
            shot("case_actions", "<Enter>", SMALL, NL, false),
            shot("case_actions", "<Enter>", LARGE, NL, false),
            shot("case_actions", "<Enter>", LARGE, NL, true),
            shot("case_actions", "<Enter>", LARGE, EN, false),
            shot("case_network", "<Enter><Tab><Down>", SMALL, NL, false),
            shot("case_network", "<Enter><Tab><Down>", LARGE, EN, true),
            shot("case_timeline", "<Enter><Tab><Tab>", LARGE, NL, false),
            shot("case_timeline", "<Enter><Tab><Tab>", SMALL, EN, false),
        ],
    );
}

#[test]
fn family_kaart_and_acties() {
    check(
        true,
        &[
            shot("acties", "3", SMALL, EN, true),
            shot("overleg_agenda", "1", LARGE, NL, false),
            shot("overleg_agenda", "1", SMALL, EN, true),
            shot("family", "<Enter>w", SMALL, NL, false),
            shot("family", "<Enter>w", LARGE, NL, false),
            shot("family", "<Enter>w", LARGE, NL, true),
            shot("family", "<Enter>w", LARGE, EN, false),
            shot("kaart", "4", SMALL, NL, false),
            shot("kaart", "4", LARGE, NL, false),
            shot("kaart", "4", SMALL, EN, true),
            shot(
                "person",
                "4<Down><Down><Down><Down><Down><Down><Down><Down><Down><Enter>",
                LARGE,
                NL,
                false,
            ),
            shot(
                "person",
                "4<Down><Down><Down><Down><Down><Down><Down><Down><Down><Enter>",
                SMALL,
                EN,
                true,
            ),
        ],
    );
}

#[test]
fn popups() {
    check(
        true,
        &[
            shot("lookup", "/bouz", SMALL, NL, false),
            shot("lookup", "/al", LARGE, NL, false),
            shot("lookup", "/al", LARGE, NL, true),
            shot("lookup", "/yilmaz", LARGE, EN, false),
            shot("help", "?", SMALL, NL, false),
            shot("help", "?", LARGE, NL, false),
            shot("help", "<Enter>?", LARGE, EN, false),
        ],
    );
}

/// A new case with typed text (names in other scripts, an emoji) and a signal date in the Dutch
/// date entry, which the form says back in words.
const NEW_CASE: &str = "nThị Lan<Tab>Nguyễn<Tab>5<Tab><Tab>Slaapt slecht 😴 sinds de zomer<Tab><Tab><Tab><BS><BS><BS><BS><BS><BS><BS>vr";

#[test]
fn forms() {
    check(true, &[
        shot("form_new_case", NEW_CASE, SMALL, NL, false),
        shot("form_new_case", NEW_CASE, LARGE, NL, false),
        shot("form_new_case", NEW_CASE, LARGE, EN, false),
        shot("form_required", "n<Enter>", SMALL, NL, false),
        shot("form_required", "n<Enter>", SMALL, EN, false),
        shot("form_bad_date", "nAyşe<Tab><Tab><Tab><Tab>vraag<Tab><Tab><Tab><BS><BS><BS><BS><BS><BS><BS>31-02-2027<Enter>", LARGE, NL, false),
        shot("form_add_action", "<Enter>aTips voor de leerkracht<Tab>pri<Tab>1-12", LARGE, NL, false),
    ]);
}

/// The foreground colour of the cells of one column, by symbol, for every row below `header`.
fn column_colours(buf: &Buffer, x: u16, from_y: u16) -> Vec<(String, Color)> {
    (from_y..buf.area.height)
        .map(|y| (buf[(x, y)].symbol().to_string(), buf[(x, y)].fg))
        .collect()
}

#[test]
fn colour_carries_meaning_and_marks_carry_it_too() {
    let s = demo(NL);
    let theme = Theme::standaard(false);
    let buf = s.buffer(120, 40);
    // The lead column: every O has one colour, every Z another, and neither is the plain text.
    let (x, y) = find(&buf, "Regie").expect("lead column");
    let cells = column_colours(&buf, x, y + 1);
    let colour_of = |mark: &str| -> Vec<Color> {
        cells
            .iter()
            .filter(|(s, _)| s == mark)
            .map(|(_, c)| *c)
            .collect()
    };
    let (o, z) = (colour_of("O"), colour_of("Z"));
    assert!(
        !o.is_empty() && !z.is_empty(),
        "both sides lead a demo case"
    );
    assert!(o.iter().all(|c| *c == o[0]) && z.iter().all(|c| *c == z[0]));
    assert_ne!(o[0], z[0], "onderwijs and zorg look the same");
    assert_eq!(Some(o[0]), theme.style(Role::Onderwijs).fg);
    assert_eq!(Some(z[0]), theme.style(Role::Zorg).fg);
    assert_ne!(Some(o[0]), theme.style(Role::Text).fg);

    // Rayan's next deadline (Sunday 22 November) has passed: the row is marked and the cell is
    // in the overdue style.
    let (x, y) = find(&buf, "zo 22 nov").expect("overdue deadline");
    assert_eq!(
        buf[(x, y)].fg,
        theme.style(Role::Overdue).fg.expect("overdue has a colour")
    );
    assert_ne!(
        buf[(x, y)].fg,
        buf[(x - 12, y)].fg,
        "overdue looks like the status beside it"
    );
    assert_eq!(buf[(1, y)].symbol(), "!", "an overdue row has the ! mark");
    assert_eq!(
        buf[(1, y)].fg,
        theme.style(Role::Overdue).fg.expect("overdue has a colour")
    );
    // A deadline still to come is plain text.
    let (x, y) = find(&buf, "di 1 dec").expect("deadline to come");
    assert_ne!(Some(buf[(x, y)].fg), theme.style(Role::Overdue).fg);

    // In the case card the action groups are told apart by colour and by mark.
    let mut s = s;
    s.press("<Enter>");
    let buf = s.buffer(120, 40);
    let (ox, oy) = find(&buf, "O ONDERWIJS").expect("onderwijs group");
    let (zx, zy) = find(&buf, "Z ZORG").expect("zorg group");
    assert_ne!(buf[(ox, oy)].fg, buf[(zx, zy)].fg);
}

#[test]
fn no_color_drops_every_colour_but_keeps_the_marks() {
    let (theme, msg) = Theme::load("standaard", None, true);
    assert_eq!(msg, None);
    let mut s = session(true, NL, theme);
    let plain = |c: Color| c == Color::Reset;
    for (what, keys) in [
        ("list", ""),
        ("case", "<Enter>"),
        ("network", "<Tab>"),
        ("family", "w"),
        ("form", "a"),
        ("kaart", "<Esc>q4"),
        ("lookup", "/al"),
        ("blank", "<Esc>b"),
    ] {
        s.press(keys);
        let buf = s.buffer(120, 40);
        for cell in buf.content() {
            assert!(
                plain(cell.fg) && plain(cell.bg),
                "{what}: a colour under NO_COLOR: {cell:?}"
            );
        }
        if what == "list" {
            let (x, y) = find(&buf, "Regie").expect("lead column");
            let marks: Vec<String> = column_colours(&buf, x, y + 1)
                .into_iter()
                .map(|(s, _)| s)
                .collect();
            assert!(
                marks.iter().any(|m| m == "O") && marks.iter().any(|m| m == "Z"),
                "O/Z marks are gone"
            );
            assert!(find(&buf, "1O").is_some() && find(&buf, "2Z").is_some());
        }
        if what == "case" {
            assert!(find(&buf, "O ONDERWIJS").is_some() && find(&buf, "Z ZORG").is_some());
        }
    }
}

#[test]
fn every_screen_survives_every_size() {
    let mut s = demo(NL);
    let sizes = [
        (200, 60),
        (120, 40),
        (80, 24),
        (40, 10),
        (39, 10),
        (40, 9),
        (20, 5),
        (2, 2),
        (1, 1),
        (1, 0),
        (0, 1),
        (0, 0),
    ];
    let screens = [
        "",
        "<Enter>",
        "<Tab>",
        "<Tab>",
        "w",
        "q?",
        "<Esc>a",
        "<Esc>q/al",
        "<Esc>4",
        "<Enter>",
        "qn",
        "<Esc>b",
    ];
    for keys in screens {
        s.press(keys);
        for (w, h) in sizes {
            let buf = s.buffer(w, h);
            let text = text_of(&buf);
            if s.app.blank {
                assert!(text.trim().is_empty(), "blank screen shows text at {w}x{h}");
            } else if (w < 40 || h < 10) && w >= 20 && h >= 1 {
                assert!(
                    text.contains("Venster te klein"),
                    "{keys:?} at {w}x{h}:\n{text}"
                );
            } else if w >= 40 && h >= 10 {
                assert!(
                    !text.contains("te klein") && !text.trim().is_empty(),
                    "{keys:?} at {w}x{h}: nothing drawn:\n{text}"
                );
            }
        }
    }
}

/// The help overlay and the footer come from the key table: every bound key says what it does,
/// in both languages.
#[test]
fn every_bound_key_is_described_in_both_languages() {
    use tandem::tui::keymap::describe::{describe, hint};
    let mut missing = Vec::new();
    for b in tandem::tui::keymap::BINDINGS {
        for lang in [NL, EN] {
            if describe(b.action).get(lang).trim().is_empty()
                || (b.hint && hint(b.action).get(lang).trim().is_empty())
            {
                missing.push(format!("{:?} {} {:?} ({lang:?})", b.ctx, b.key, b.action));
            }
        }
    }
    assert!(
        missing.is_empty(),
        "keys without words:\n{}",
        missing.join("\n")
    );
}
