//! Screen 5 (Monitor) as a person sees it, on the demo school with a fixed "today": snapshots at
//! 80x24 and 120x40 in Dutch and English; the same screen in privacy mode; the beamer theme and
//! `NO_COLOR`; the period and school keys; and the figures equal to `tandem stats`'s counts.

use crate::tui_common::*;
use ratatui::style::Color;
use tandem::domain::dates::Lang;
use tandem::domain::monitor::Fold;
use tandem::tui::monitor::PeriodChoice;
use tandem::tui::theme::Theme;

fn on_monitor(lang: Lang, theme: Theme) -> Session {
    let mut s = session(true, lang, theme);
    s.press("5");
    tandem::tui::monitor::wait(&mut s.app);
    s
}

#[test]
fn screen_5_at_both_sizes_in_both_languages() {
    for (lang, name) in [(Lang::Nl, "nl"), (Lang::En, "en")] {
        let s = on_monitor(lang, Theme::standaard(false));
        for (w, h) in [(80, 24), (120, 40)] {
            let text = s.screen(w, h);
            insta::assert_snapshot!(format!("monitor_{name}_{w}x{h}"), text);
        }
    }
}

#[test]
fn privacy_mode_shows_the_same_screen() {
    let mut s = on_monitor(Lang::Nl, Theme::standaard(false));
    let before = s.screen(120, 40);
    s.press("p");
    assert!(s.app.privacy, "p works on screen 5");
    let after = s.screen(120, 40);
    // The header's PRIVACY mark and the status line saying so are all that may change.
    let body = |t: &str| t.lines().skip(1).take(38).collect::<Vec<_>>().join("\n");
    assert_eq!(body(&before), body(&after));
}

#[test]
fn the_figures_on_screen_are_the_stores_counts() {
    let s = on_monitor(Lang::Nl, Theme::standaard(false));
    let figures = s.app.monitor.figures.clone().expect("counted");
    let mut fold = Fold::new(figures.scope.clone());
    s.store.monitor_reader().feed(&mut fold).unwrap();
    let tally = fold.finish();
    assert_eq!(figures.tally, tally);
    let screen = s.screen(120, 40);
    let open = tally.open.onderwijs.to_string();
    assert!(screen.contains(&format!("open {open}")), "{screen}");
}

#[test]
fn v_changes_the_period_and_i_the_school() {
    let mut s = on_monitor(Lang::Nl, Theme::standaard(false));
    assert_eq!(s.app.monitor.choice, PeriodChoice::SchoolYear);
    assert!(s.screen(80, 24).contains("dit schooljaar"));
    s.press("v");
    tandem::tui::monitor::wait(&mut s.app);
    assert_eq!(s.app.monitor.choice, PeriodChoice::Last12Months);
    let scope = &s.app.monitor.figures.as_ref().unwrap().scope;
    assert_eq!(
        scope.period.from,
        chrono::NaiveDate::from_ymd_opt(2025, 11, 24).unwrap()
    );
    assert!(s.screen(80, 24).contains("laatste 12 maanden"));
    let schools = s.app.monitor.schools.clone();
    assert!(!schools.is_empty());
    s.press("i");
    tandem::tui::monitor::wait(&mut s.app);
    assert_eq!(
        s.app.monitor.school.as_deref(),
        schools.first().map(String::as_str)
    );
    let scope = &s.app.monitor.figures.as_ref().unwrap().scope;
    assert_eq!(scope.school, schools.first().cloned());
    // After the last school: all schools again.
    for _ in 0..schools.len() {
        s.press("i");
        tandem::tui::monitor::wait(&mut s.app);
    }
    assert_eq!(s.app.monitor.school, None);
}

#[test]
fn beamer_and_no_color_draw_the_charts_without_colour_trouble() {
    let (beamer, msg) = Theme::load("beamer", None, false);
    assert_eq!(msg, None);
    let s = on_monitor(Lang::Nl, beamer);
    let text = s.screen(80, 24);
    assert!(text.contains("Van signaal tot intake"), "{text}");
    let (plain, _) = Theme::load("standaard", None, true);
    let s = on_monitor(Lang::Nl, plain);
    let buf = s.buffer(120, 40);
    for cell in buf.content() {
        assert!(
            cell.fg == Color::Reset && cell.bg == Color::Reset,
            "a colour: {cell:?}"
        );
    }
    // The bars are drawn with block characters, so they read without colour.
    assert!(text_of(&buf).contains('█'));
}

#[test]
fn tiny_terminals_do_not_panic() {
    let s = on_monitor(Lang::En, Theme::standaard(false));
    for (w, h) in [(1, 1), (20, 5), (40, 12), (79, 23), (200, 60)] {
        let _ = s.screen(w, h);
    }
}

#[test]
fn shift_v_asks_for_a_period_of_ones_own() {
    let mut s = on_monitor(Lang::Nl, Theme::standaard(false));
    s.press("V");
    let form = s.screen(80, 24);
    assert!(form.contains("Eigen periode"), "{form}");
    assert!(
        form.contains("01-08-2026"),
        "starts on the period on show: {form}"
    );
    let clear = "<BS>".repeat(12);
    s.press(&format!("{clear}1-9-2026<Tab>{clear}30-11-2026<Enter>"));
    tandem::tui::monitor::wait(&mut s.app);
    let period = s.app.monitor.figures.as_ref().unwrap().scope.period;
    let d = |m, day| chrono::NaiveDate::from_ymd_opt(2026, m, day).unwrap();
    assert_eq!((period.from, period.to), (d(9, 1), d(11, 30)));
    assert!(s.app.popup.is_none());
    let screen = s.screen(80, 24);
    assert!(
        screen.contains("eigen periode (01-09-2026 t/m 30-11-2026)"),
        "{screen}"
    );
    // `v` goes back to the school year.
    s.press("v");
    tandem::tui::monitor::wait(&mut s.app);
    assert_eq!(s.app.monitor.choice, PeriodChoice::SchoolYear);
}

#[test]
fn no_name_of_the_book_is_on_screen_5() {
    let s = on_monitor(Lang::Nl, Theme::standaard(false));
    let screen = s.screen(120, 40);
    let doc = s.export();
    let mut names = Vec::new();
    for f in doc["families"].as_array().unwrap() {
        names.push(f["name"].as_str().unwrap().to_string());
        for c in f["children"].as_array().unwrap() {
            names.push(c["first_name"].as_str().unwrap().to_string());
        }
    }
    assert!(names.len() > 10);
    for n in names.iter().filter(|n| n.chars().count() >= 4) {
        assert!(!screen.contains(n.as_str()), "{n} on screen 5:\n{screen}");
    }
}

#[test]
fn every_screen_key_works_on_screen_5() {
    let mut s = on_monitor(Lang::Nl, Theme::standaard(false));
    s.press("?");
    assert!(
        s.screen(120, 40).contains("periode: dit schooljaar"),
        "help lists v"
    );
    assert!(s.screen(120, 40).contains("eigen periode"), "help lists V");
    s.press("<Esc>2");
    assert_eq!(s.app.screen, tandem::tui::app::Screen::Cases);
    s.press("5");
    assert_eq!(s.app.screen, tandem::tui::app::Screen::Monitor);
    s.press("/");
    assert!(matches!(
        s.app.popup,
        Some(tandem::tui::app::Popup::Lookup(_))
    ));
    s.press("<Esc>q");
    assert!(
        s.app.quit,
        "q quits from screen 5 as from the other screens"
    );
}

#[test]
fn a_second_key_before_the_figures_came_shows_the_last_choice() {
    let mut s = session(true, Lang::Nl, Theme::standaard(false));
    s.press("5vv");
    tandem::tui::monitor::wait(&mut s.app);
    assert_eq!(s.app.monitor.choice, PeriodChoice::SchoolYear);
    let scope = &s.app.monitor.figures.as_ref().unwrap().scope;
    assert_eq!(
        scope.period,
        tandem::domain::monitor::Period::school_year(today())
    );
    assert!(
        s.app
            .monitor
            .figures
            .as_ref()
            .unwrap()
            .tally
            .signal_to_intake
            .total()
            > 0
    );
}
