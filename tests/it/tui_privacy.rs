//! Privacy mode from the start and what it holds through (issue 11, parts 1 and 4): `--privacy`,
//! the `privacy` setting, the beamer theme's question before anything is drawn, only `p` turns it
//! off, the blank on idle comes back in privacy mode; and the rule lives in one place.

use crate::tui_common::*;
use chrono::Duration;
use std::path::Path;
use tandem::config::Config;
use tandem::domain::dates::Lang;
use tandem::tui::app::Popup;
use tandem::tui::theme::Theme;

fn beamer() -> Session {
    session(true, Lang::Nl, Theme::load("beamer", None, false).0)
}

#[test]
fn the_flag_and_the_setting_start_in_privacy_mode() {
    let mut s = demo(Lang::Nl);
    tandem::tui::privacy::at_start(&mut s.app, true);
    assert!(s.app.privacy && s.app.popup.is_none());
    assert!(!s.screen(120, 40).contains("Julia Bakker"));

    let mut s = demo(Lang::Nl);
    s.app.config.privacy = true;
    tandem::tui::privacy::at_start(&mut s.app, false);
    assert!(s.app.privacy);

    let mut s = demo(Lang::Nl);
    tandem::tui::privacy::at_start(&mut s.app, false);
    assert!(
        !s.app.privacy && s.app.popup.is_none(),
        "standaard: no question"
    );
}

#[test]
fn the_beamer_theme_asks_first_and_shows_nothing_until_answered() {
    for (answer, on) in [
        ("<Enter>", true),
        ("j", true),
        ("n", false),
        ("<Esc>", false),
    ] {
        let mut s = beamer();
        tandem::tui::privacy::at_start(&mut s.app, false);
        assert!(matches!(s.app.popup, Some(Popup::PrivacyOffer)));
        for (w, h) in [(80, 24), (120, 40)] {
            let screen = s.screen(w, h);
            assert!(screen.contains("Privacymodus aanzetten?"), "{screen}");
            assert!(
                !screen.contains("Julia")
                    && !screen.contains("J.B.")
                    && !screen.contains("Casussen"),
                "nothing of the case book before the answer:\n{screen}"
            );
        }
        // Other keys wait for an answer.
        s.press("2/x");
        assert!(matches!(s.app.popup, Some(Popup::PrivacyOffer)), "{answer}");
        s.press(answer);
        assert!(s.app.popup.is_none(), "{answer}");
        assert_eq!(s.app.privacy, on, "{answer}");
        assert_eq!(s.screen(120, 40).contains("Julia Bakker"), !on, "{answer}");
    }
    // Already on (flag or setting): no question.
    let mut s = beamer();
    tandem::tui::privacy::at_start(&mut s.app, true);
    assert!(s.app.privacy && s.app.popup.is_none());
}

#[test]
fn only_p_turns_it_off_whatever_comes() {
    let mut s = demo(Lang::Nl);
    s.press("p");
    for keys in [
        "1", "m", "]", "E", "<Enter>", "h", "<Esc>", "2<Enter>", "q", "3", "4", "/a", "<Esc>", "b",
        "x", "?", "<Esc>", "T", "u",
    ] {
        s.press(keys);
        assert!(s.app.privacy, "privacy went off at {keys:?}");
    }
    s.press("p");
    assert!(!s.app.privacy);
}

#[test]
fn the_screen_blanks_after_the_idle_minutes_and_comes_back_in_privacy_mode() {
    let mut s = demo(Lang::Nl);
    s.press("p");
    assert_eq!(s.app.config.blank_after_minutes, 5, "the default");
    let t0 = s.app.last_input;
    assert!(!tandem::tui::idle::tick(
        &mut s.app,
        t0 + Duration::seconds(299)
    ));
    assert!(!s.app.blank);
    assert!(tandem::tui::idle::tick(
        &mut s.app,
        t0 + Duration::minutes(5)
    ));
    assert!(s.app.blank);
    let screen = s.screen(120, 40);
    assert!(screen.trim().is_empty(), "blank:\n{screen}");
    // The next key only brings it back, still in privacy mode; it starts the count again.
    s.press("3");
    assert!(!s.app.blank && s.app.privacy);
    assert_eq!(
        s.app.screen,
        tandem::tui::app::Screen::Cases,
        "the key did nothing else"
    );
    assert!(s.screen(120, 40).contains("J.B."));
    let t1 = s.app.last_input;
    assert!(t1 >= t0);
    assert!(!tandem::tui::idle::tick(
        &mut s.app,
        t1 + Duration::minutes(4)
    ));

    // 0 minutes: never.
    s.app.config.blank_after_minutes = 0;
    assert!(!tandem::tui::idle::tick(
        &mut s.app,
        t1 + Duration::hours(3)
    ));
    // The walk-through of a running meeting never blanks by itself.
    s.app.config.blank_after_minutes = 1;
    s.press("1m");
    let t2 = s.app.last_input;
    assert!(!tandem::tui::idle::tick(
        &mut s.app,
        t2 + Duration::minutes(20)
    ));
    s.press("2");
    assert!(tandem::tui::idle::tick(
        &mut s.app,
        t2 + Duration::minutes(20)
    ));
}

#[test]
fn the_settings_read_old_files_and_new_keys() {
    let dir = tempfile::tempdir().expect("dir");
    // A file from before: the new settings take their defaults.
    std::fs::write(dir.path().join("config.toml"), "me = 3\n").expect("write");
    let (c, problem) = Config::load(Some(dir.path()));
    assert_eq!(problem, None);
    assert_eq!(
        (c.me, c.privacy, c.blank_after_minutes),
        (Some(3), false, 5)
    );
    std::fs::write(
        dir.path().join("config.toml"),
        "privacy = true\nblank_after_minutes = 2\n",
    )
    .expect("write");
    let (c, problem) = Config::load(Some(dir.path()));
    assert_eq!(problem, None);
    assert!(c.privacy);
    assert_eq!(c.blank_after_minutes, 2);
}

/// Every `.rs` file under `src/tui/`.
fn tui_files() -> Vec<std::path::PathBuf> {
    let mut out = Vec::new();
    let mut dirs = vec![Path::new(env!("CARGO_MANIFEST_DIR")).join("src/tui")];
    while let Some(dir) = dirs.pop() {
        for e in std::fs::read_dir(&dir).expect("read src/tui").flatten() {
            let p = e.path();
            if p.is_dir() {
                dirs.push(p);
            } else if p.extension().is_some_and(|x| x == "rs") {
                out.push(p);
            }
        }
    }
    out
}

/// One rule in one place: no view decides by itself whether privacy mode hides something. Only
/// `tui/privacy.rs` makes initials; `app.privacy` is read there, turned on and off by `update`,
/// the start and the meeting, and shown as the header's mark.
#[test]
fn the_rule_lives_in_one_place() {
    let allowed_reads = ["privacy.rs", "update.rs", "meeting.rs", "views/chrome.rs"];
    let tui = Path::new(env!("CARGO_MANIFEST_DIR")).join("src/tui");
    let mut wrong = Vec::new();
    for file in tui_files() {
        // The path under src/tui, with forward slashes.
        let name = file
            .strip_prefix(&tui)
            .expect("under src/tui")
            .components()
            .map(|c| c.as_os_str().to_string_lossy().into_owned())
            .collect::<Vec<_>>()
            .join("/");
        let text = std::fs::read_to_string(&file).expect("read");
        if name != "privacy.rs" && text.contains("initials(") {
            wrong.push(format!("{} makes initials", file.display()));
        }
        if !allowed_reads.contains(&name.as_str()) && text.contains(".privacy") {
            wrong.push(format!("{} reads the privacy state", file.display()));
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

/// The real binary in a pty: `--privacy`, the `privacy` setting and the beamer question each
/// give a first screen without a child's name.
#[cfg(unix)]
#[test]
fn the_binary_starts_private_by_flag_setting_or_answer() {
    use crate::pty::Tui;
    let data = tempfile::tempdir().expect("data dir");
    let config = tempfile::tempdir().expect("config dir");
    crate::meeting_common::tandem(data.path(), &["demo"]);
    let quit = |mut t: Tui| {
        t.keys("q");
        assert!(t.exit().success());
    };

    let mut t = Tui::start(data.path(), config.path(), &["--privacy"]);
    t.wait_for("J.B.");
    t.skip_me();
    assert!(t.screen().contains("PRIVACY") && !t.screen().contains("Julia"));
    quit(t);

    let mut t = Tui::start(data.path(), config.path(), &["--theme", "beamer"]);
    t.wait_for("Privacymodus aanzetten?");
    assert!(!t.screen().contains("Julia") && !t.screen().contains("J.B."));
    t.step("\r", "J.B.");
    assert!(t.screen().contains("PRIVACY") && !t.screen().contains("Julia"));
    // The question of who you are comes after the answer, not before or over it.
    t.skip_me();
    quit(t);

    let dir = config.path().join("tandem");
    std::fs::create_dir_all(&dir).expect("config dir");
    std::fs::write(dir.join("config.toml"), "privacy = true\n").expect("config");
    let mut t = Tui::start(data.path(), config.path(), &["--theme", "beamer"]);
    t.wait_for("J.B.");
    assert!(!t.screen().contains("Privacymodus aanzetten?") && !t.screen().contains("Julia"));
    t.skip_me();
    quit(t);
}

/// The PRIVACY mark is whole on the top line at every width down to 40 columns, on every screen,
/// in both languages; what gives way is the title, the room between the tabs, then the other
/// tabs' names (at 80 columns the Dutch line cut it to "PRIVA").
#[test]
fn the_mark_is_whole_on_a_narrow_screen() {
    for lang in [Lang::Nl, Lang::En] {
        let mut s = demo(lang);
        tandem::tui::privacy::at_start(&mut s.app, true);
        for screen in ["1", "2", "3", "4", "5"] {
            s.press(screen);
            for w in [120, 80, 60, 40] {
                let text = s.screen(w, 24);
                let top = text.lines().next().unwrap_or("");
                assert!(top.contains(" PRIVACY "), "{lang:?} {screen} {w}: {top:?}");
                // The screen shown keeps its name.
                let named = ["Overleg", "Casussen", "Acties", "Sociale kaart", "Monitor"];
                let named_en = ["Meeting", "Cases", "Actions", "Directory", "Monitor"];
                let i = screen.parse::<usize>().unwrap() - 1;
                let name = if lang == Lang::Nl {
                    named[i]
                } else {
                    named_en[i]
                };
                assert!(top.contains(name), "{lang:?} {screen} {w}: {top:?}");
            }
        }
        s.press("p");
        let top = s.screen(80, 24).lines().next().unwrap_or("").to_string();
        assert!(top.contains("tandem") && !top.contains("PRIVA"), "{top:?}");
    }
}
