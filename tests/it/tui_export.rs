//! Issue 13, item 7 (exports from inside the TUI) and item 4 (a cancelled action reads as
//! cancelled): `s` on screen 3, on a case and on screen 1 opens the export dialog, prefilled with
//! a file name that says what and when; Enter writes the file whole through the command line's
//! writers, logs the hand-out, asks before replacing a file, and says calmly why a file could not
//! be written, leaving nothing behind.

use crate::meeting_common::*;
use std::path::{Path, PathBuf};
use tandem::domain::dates::Lang;
use tandem::domain::CaseId;
use tandem::store::audit;
use tandem::tui::app::Popup;
use tandem::tui::form::export::{default_dir, ExportWhat};
use tandem::tui::form::Body;

/// The export dialog's form, open now.
fn dialog(s: &mut Session) -> &mut tandem::tui::form::export::ExportForm {
    match &mut s.app.popup {
        Some(Popup::Form(f)) => match &mut f.body {
            Body::Export(_, e) => e,
            other => panic!("not the export dialog: {other:?}"),
        },
        other => panic!("no form open: {other:?}"),
    }
}

/// Points the open dialog at `file`, as if typed.
fn set_file(s: &mut Session, file: &Path) {
    let d = dialog(s);
    d.path.value = file.display().to_string();
    d.path.cursor = d.path.value.chars().count();
}

/// The names of the files in `dir`.
fn files_in(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .expect("read dir")
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

#[test]
fn screen_3_exports_what_it_shows_as_ics_and_logs_it() {
    let mut s = demo();
    s.app.privacy = false;
    s.press("3s");
    let what = match &s.app.popup {
        Some(Popup::Form(f)) => f.kind(),
        other => panic!("{other:?}"),
    };
    assert_eq!(
        what,
        tandem::tui::form::FormKind::Export(ExportWhat::Actions)
    );
    let prefilled = PathBuf::from(&dialog(&mut s).path.value);
    assert_eq!(prefilled.parent(), Some(default_dir().as_path()));
    assert_eq!(
        prefilled.file_name().and_then(|n| n.to_str()),
        Some("tandem-acties-2026-11-23.ics")
    );
    let out = tempfile::tempdir().expect("dir");
    let file = out.path().join("acties.ics");
    set_file(&mut s, &file);
    s.press("<Enter>");
    assert!(s.app.popup.is_none(), "{:?}", s.app.popup);
    let ics = std::fs::read_to_string(&file).expect("written");
    let shown = s.app.actions.visible.len();
    assert!(shown > 0);
    assert_eq!(
        ics.matches("BEGIN:VTODO").count(),
        shown,
        "what screen 3 shows"
    );
    assert!(ics.starts_with("BEGIN:VCALENDAR") && ics.ends_with("END:VCALENDAR\r\n"));
    let status = s.status();
    assert!(
        status.contains(&format!("{shown} acties opgeslagen in")),
        "{status}"
    );
    assert_eq!(
        files_in(out.path()),
        ["acties.ics"],
        "no temporary file left"
    );
    let log = audit::read(s.store.dir()).expect("log");
    let last = log.last().expect("the hand-out is logged");
    assert_eq!(last.what, audit::Outgoing::Actions);
    assert_eq!(last.detail, "ics (tui)");
    assert!(
        !last.detail.contains("acties.ics"),
        "no path: it may hold a name"
    );
}

#[test]
fn another_format_renames_the_file_and_csv_is_for_a_dutch_spreadsheet() {
    let mut s = demo();
    s.press("3s<Right>");
    let file = PathBuf::from(&dialog(&mut s).path.value);
    assert_eq!(file.extension().and_then(|e| e.to_str()), Some("csv"));
    let out = tempfile::tempdir().expect("dir");
    let file = out.path().join("acties.csv");
    set_file(&mut s, &file);
    s.press("<Enter>");
    let csv = std::fs::read_to_string(&file).expect("written");
    assert!(csv.starts_with("\u{FEFF}id;casus;kind;"), "{csv}");
}

#[test]
fn an_existing_file_is_replaced_only_after_yes() {
    let mut s = demo();
    let out = tempfile::tempdir().expect("dir");
    let file = out.path().join("acties.md");
    std::fs::write(&file, "van gisteren").expect("write");
    s.press("3s<Right><Right>");
    set_file(&mut s, &file);
    s.press("<Enter>");
    assert!(matches!(s.app.popup, Some(Popup::ConfirmOverwrite(_))));
    assert!(s
        .screen(120, 40)
        .contains("bestaat al. Overschrijven? (j/n)"));
    s.press("n");
    assert!(
        matches!(s.app.popup, Some(Popup::Form(_))),
        "back to the dialog"
    );
    assert_eq!(
        std::fs::read_to_string(&file).expect("read"),
        "van gisteren"
    );
    s.press("<Enter>j");
    assert!(s.app.popup.is_none());
    let md = std::fs::read_to_string(&file).expect("read");
    assert!(md.starts_with("# Acties\n"), "{md}");
    assert_eq!(files_in(out.path()), ["acties.md"]);
}

#[test]
fn a_file_that_cannot_be_written_says_why_calmly_and_leaves_nothing() {
    for (lang, said) in [
        (Lang::Nl, "die map bestaat niet. Kies een andere plek."),
        (
            Lang::En,
            "that folder does not exist. Choose another place.",
        ),
    ] {
        let mut s = crate::tui_common::demo(lang);
        let out = tempfile::tempdir().expect("dir");
        s.press("3s");
        set_file(&mut s, &out.path().join("weg").join("acties.ics"));
        s.press("<Enter>");
        assert!(
            matches!(s.app.popup, Some(Popup::Form(_))),
            "the dialog stays"
        );
        let error = dialog(&mut s).path.error.clone().unwrap_or_default();
        assert!(error.ends_with(said), "{error}");
        assert!(files_in(out.path()).is_empty());
        // A folder is not a file either.
        set_file(&mut s, out.path());
        s.press("<Enter>");
        assert!(dialog(&mut s).path.error.is_some());
        assert!(files_in(out.path()).is_empty());
    }
}

/// Closes the first agenda item with open actions, cancelling them for `why`; its case.
fn close_cancelling(s: &mut Session, why: &str) -> u64 {
    s.press("1m");
    let ids = s.agenda_ids();
    let (at, case) = ids
        .iter()
        .enumerate()
        .find(|(_, c)| s.actions_of(**c).iter().any(|a| a.is_open()))
        .map(|(i, c)| (i, *c))
        .expect("an item with open actions");
    s.press(&format!("#{}<Enter>c", at + 1));
    s.press(&format!(" <Tab><Tab> <Tab>{why}<Enter>"));
    assert!(s.app.popup.is_none(), "{:?}", s.app.popup);
    case
}

#[test]
fn a_case_exports_its_cancelled_actions_as_cancelled() {
    let mut s = demo();
    let case = close_cancelling(&mut s, "Gezin verhuist");
    let cancelled: Vec<u64> = s
        .actions_of(case)
        .iter()
        .filter(|a| a.done.as_ref().is_some_and(|d| d.cancelled.is_some()))
        .map(|a| a.id.0)
        .collect();
    assert!(!cancelled.is_empty());
    s.app.privacy = false;
    let open = tandem::tui::msg::Msg::OpenCase {
        id: CaseId(case),
        then_edit: false,
    };
    tandem::tui::update::update(&mut s.app, &mut s.store, &s.clock, open).expect("open");
    s.press("s");
    assert!(dialog(&mut s)
        .path
        .value
        .ends_with(&format!("tandem-casus-{case}-acties-2026-11-23.ics")));
    let out = tempfile::tempdir().expect("dir");
    let ics = out.path().join("casus.ics");
    set_file(&mut s, &ics);
    s.press("<Enter>");
    let text = std::fs::read_to_string(&ics).expect("written");
    assert_eq!(
        text.matches("STATUS:CANCELLED").count(),
        cancelled.len(),
        "{text}"
    );
    s.press("s<Right>");
    let csv = out.path().join("casus.csv");
    set_file(&mut s, &csv);
    s.press("<Enter>");
    let text = std::fs::read_to_string(&csv).expect("written");
    let lines: Vec<&str> = text.lines().collect();
    assert!(lines[0].ends_with(";afgerond;vervallen"), "{}", lines[0]);
    for id in cancelled {
        let line = lines
            .iter()
            .find(|l| l.starts_with(&format!("{id};")))
            .expect("the cancelled action is in the file");
        assert!(line.ends_with(";Gezin verhuist"), "{line}");
    }
    let log = audit::read(s.store.dir()).expect("log");
    let fam = s
        .store
        .case(CaseId(case))
        .expect("read")
        .expect("case")
        .family;
    assert_eq!(
        log.last().and_then(|e| e.family),
        Some(fam.0),
        "whose actions"
    );
}

#[test]
fn screen_3_shows_a_cancelled_action_as_cancelled_with_why() {
    let mut s = demo();
    let case = close_cancelling(&mut s, "Gezin verhuist");
    s.app.privacy = false;
    s.press("3D");
    let gone = s
        .actions_of(case)
        .into_iter()
        .find(|a| a.done.as_ref().is_some_and(|d| d.cancelled.is_some()))
        .expect("a cancelled action");
    s.app.actions.select(gone.id);
    s.press("k");
    s.press("j");
    let screen = s.screen(160, 40);
    let line = screen
        .lines()
        .find(|l| l.contains("Gezin verhuist"))
        .unwrap_or_else(|| panic!("the reason on screen 3:\n{screen}"));
    assert!(line.contains('✕') && !line.contains('✓'), "{line}");
    assert!(line.contains("vervallen: Gezin verhuist"), "{line}");
}

#[test]
fn the_meeting_exports_its_minutes_which_say_it_still_runs_and_what_was_cancelled() {
    let mut s = demo();
    close_cancelling(&mut s, "Gezin verhuist");
    s.press("s");
    let name = PathBuf::from(&dialog(&mut s).path.value);
    let id = s.meeting().id.0;
    assert_eq!(
        name.file_name().and_then(|n| n.to_str()),
        Some(format!("tandem-verslag-{id}-2026-11-23.md").as_str())
    );
    let out = tempfile::tempdir().expect("dir");
    let file = out.path().join("verslag.md");
    set_file(&mut s, &file);
    s.press("<Enter>");
    let md = std::fs::read_to_string(&file).expect("written");
    assert!(md.starts_with("# Verslag overleg 23-11-2026\n"), "{md}");
    assert!(md.contains("het overleg loopt nog"), "{md}");
    assert!(md.contains("- Vervallen: "), "{md}");
    assert!(md.contains(" · reden: Gezin verhuist\n"), "{md}");
    let log = audit::read(s.store.dir()).expect("log");
    assert_eq!(log.last().map(|e| e.what), Some(audit::Outgoing::Minutes));
}

#[test]
fn the_agenda_exports_the_last_minutes_or_says_there_are_none() {
    let mut s =
        crate::tui_common::session(false, Lang::En, tandem::tui::theme::Theme::standaard(false));
    // Past the welcome of an empty store: no meeting has been held.
    s.app.welcome = false;
    s.press("1s");
    assert!(s.app.popup.is_none());
    let status = s.status();
    assert!(status.starts_with("There are no minutes yet"), "{status}");
}

#[test]
fn the_dialog_names_no_child_in_privacy_mode() {
    let mut s = demo();
    s.app.privacy = true;
    let names: Vec<String> = s
        .store
        .case_rows()
        .expect("rows")
        .into_iter()
        .map(|r| r.child_name)
        .collect();
    s.press("3s");
    for (w, h) in [(80, 24), (120, 40)] {
        let screen = s.screen(w, h);
        for name in &names {
            assert!(
                !screen.contains(name.as_str()),
                "{name} at {w}x{h}:\n{screen}"
            );
        }
        assert!(screen.contains("Acties exporteren"), "{screen}");
    }
}
