//! Exports from inside the TUI (issue 13, item 7): screen 3's actions, a case's actions, or a
//! meeting's minutes, to a file chosen in a small dialog (`form::export`). The bytes come from the
//! same report code as `tandem actions` and `tandem minutes`; the file is written whole or not
//! at all (a temporary file in the same folder, synced, then renamed over the name); and each
//! hand-out goes into the audit's log of what left tandem, as the command line's do.
//!
//! Privacy mode changes nothing in the file (children by initials and case number, as the
//! command line writes them by default); the dialog shows no names, only what and when.

use super::app::{App, Popup};
use super::form::export::{default_dir, ExportForm, ExportFormat, ExportWhat};
use super::form::{Body, Form};
use super::update::Problem;
use crate::clock::Clock;
use crate::domain::{ActionSummary, FamilyId};
use crate::i18n::{export_tui as x, Text};
use crate::report::actions::Names;
use crate::report::{formats, minutes, safe};
use crate::store::audit::{self, Entry, Outgoing};
use crate::store::Store;
use std::io::Write;
use std::path::{Path, PathBuf};

/// The dialog's title and body for `what`.
pub fn form_parts(app: &App, what: ExportWhat) -> (Text, Body, Option<FamilyId>) {
    let title = match what {
        ExportWhat::Actions => x::F_ACTIONS,
        ExportWhat::CaseActions(_) => x::F_CASE_ACTIONS,
        ExportWhat::Minutes(_) => x::F_MINUTES,
    };
    let form = ExportForm::new(what, &default_dir(), app.today, app.lang);
    (title, Body::Export(what, form), None)
}

/// What was made to be written: the bytes, how many actions (none for minutes), and for the
/// log its kind and family.
struct Made {
    bytes: Vec<u8>,
    count: Option<usize>,
    what: Outgoing,
    family: Option<u64>,
}

/// Enter in the dialog (or yes to the question before overwriting): writes the file, logs the
/// hand-out and closes the dialog; a file that exists asks first unless `overwrite`. A write
/// that fails leaves the dialog open with why under the file name, and no file changed.
///
/// Errors: the store could not be read for what to write.
pub fn submit(
    app: &mut App,
    store: &Store,
    clock: &Clock,
    mut form: Box<Form>,
    overwrite: bool,
) -> Result<(), Problem> {
    let Body::Export(what, body) = &form.body else {
        app.popup = Some(Popup::Form(form));
        return Ok(());
    };
    let (what, format) = (*what, body.format.value());
    let home = directories::UserDirs::new().map(|d| d.home_dir().to_path_buf());
    let file = body.file(home.as_deref());
    let shown = file.display().to_string();
    if !overwrite && file.is_file() {
        app.popup = Some(Popup::ConfirmOverwrite(form));
        return Ok(());
    }
    let made = match make(app, store, clock, what, format) {
        Ok(made) => made,
        Err(problem) => {
            app.popup = Some(Popup::Form(form));
            return Err(problem);
        }
    };
    if let Err(e) = write_whole(&file, &made.bytes) {
        form.mark(x::L_FILE, &x::failed(e.kind(), &shown, app.lang));
        app.popup = Some(Popup::Form(form));
        return Ok(());
    }
    log(app, store.dir(), clock, &made, format);
    app.info(x::written(made.count, &shown, app.lang));
    Ok(())
}

/// The file's bytes, made by the command line's writers.
fn make(
    app: &App,
    store: &Store,
    clock: &Clock,
    what: ExportWhat,
    format: ExportFormat,
) -> Result<Made, Problem> {
    let (rows, family) = match what {
        ExportWhat::Minutes(id) => {
            let meeting = store.meeting(id)?.ok_or(Problem::NotFound)?;
            let m = minutes::build(store, &meeting)?;
            let md = minutes::markdown(&m, app.lang);
            return Ok(Made {
                bytes: safe::text(&md).into_owned().into_bytes(),
                count: None,
                what: Outgoing::Minutes,
                family: None,
            });
        }
        ExportWhat::Actions => (screen_rows(app, store)?, None),
        ExportWhat::CaseActions(id) => {
            let case = store.case(id)?.ok_or(Problem::NotFound)?;
            let family = store.family(case.family)?;
            let mut actions = store.actions_of_case(id)?;
            actions.sort_by_key(|a| (a.done.is_some(), a.deadline, a.id));
            let rows = actions
                .iter()
                .map(|a| ActionSummary::derive(a, Some(&case), family.as_ref()))
                .collect();
            (rows, Some(case.family.0))
        }
    };
    // As `tandem actions` writes them by default: children by initials and case number; a
    // cancelled action with why.
    let names = Names::new(&app.persons, false)
        .with_cancelled(crate::report::actions::cancelled_of(store, &rows)?);
    let mut bytes = Vec::new();
    let written = match format {
        ExportFormat::Ics => formats::write_ics(&mut bytes, &rows, &names, clock.now(), app.lang),
        ExportFormat::Csv => formats::write_csv(&mut bytes, &rows, &names, app.today, csv(app)),
        ExportFormat::Md => {
            let md = formats::markdown(&rows, &names, app.today, app.lang);
            bytes.write_all(safe::text(&md).as_bytes())
        }
    };
    // Writing into memory fails only on a text the writers refuse, which they never get.
    written.map_err(|e| Problem::Store(crate::store::StoreError::io(e)))?;
    Ok(Made {
        bytes,
        count: Some(rows.len()),
        what: Outgoing::Actions,
        family,
    })
}

/// A Dutch spreadsheet program splits on `;` and needs the byte order mark to read UTF-8; an
/// English one splits on `,`.
fn csv(app: &App) -> formats::CsvOptions {
    let delimiter = match app.lang {
        crate::domain::dates::Lang::Nl => ';',
        crate::domain::dates::Lang::En => ',',
    };
    formats::CsvOptions {
        delimiter,
        bom: delimiter == ';',
        lang: app.lang,
    }
}

/// Every action screen 3 shows now, in its order and with its filters: the whole rows, read
/// from the store (the screen keeps only those around the cursor).
fn screen_rows(app: &App, store: &Store) -> Result<Vec<ActionSummary>, Problem> {
    let list = &app.actions;
    let mut rows = Vec::with_capacity(list.visible.len());
    for entry in list.visible.iter().filter_map(|i| list.rows.get(*i)) {
        match list.whole(entry) {
            Some(row) => rows.push(row.clone()),
            None => rows.extend(store.action_row_of(entry)?),
        }
    }
    Ok(rows)
}

/// Writes `bytes` as `file`, whole or not at all: into a temporary file beside it (readable by
/// the user alone), synced, then renamed over the name. A failure leaves what was there.
///
/// Errors: the folder can't be written, the disk is full, the name is a folder.
pub fn write_whole(file: &Path, bytes: &[u8]) -> std::io::Result<()> {
    if file.file_name().is_none() {
        return Err(std::io::ErrorKind::InvalidInput.into());
    }
    if file.is_dir() {
        return Err(std::io::ErrorKind::IsADirectory.into());
    }
    let dir = match file.parent() {
        Some(d) if !d.as_os_str().is_empty() => d.to_path_buf(),
        _ => PathBuf::from("."),
    };
    let mut tmp = tempfile::Builder::new()
        .prefix(".tandem-export-")
        .tempfile_in(&dir)?;
    tmp.write_all(bytes)?;
    tmp.as_file().sync_all()?;
    tmp.persist(file).map_err(|e| e.error)?;
    // The rename is kept only once the folder's entry is on disk.
    #[cfg(unix)]
    if let Ok(d) = std::fs::File::open(&dir) {
        let _ = d.sync_all();
    }
    Ok(())
}

/// One line in the log of what left tandem. Which file is not logged: a name the user typed
/// may be a child's, and the log keeps no family's name.
fn log(app: &mut App, dir: &Path, clock: &Clock, made: &Made, format: ExportFormat) {
    let entry = Entry {
        at: clock.now(),
        what: made.what,
        me: app.config.me,
        // Never the login name: who is the "me" chosen once on this laptop (issue 12 part 4).
        user: String::new(),
        family: made.family,
        to: None,
        detail: format!("{} (tui)", format.ext()),
    };
    if let Err(e) = audit::record(dir, &entry) {
        let why = crate::i18n::cli::store_error(&e, app.lang);
        app.error(crate::i18n::audit::not_logged(&why, app.lang));
    }
}

/// The question before an export replaces a file: which file (a path the user chose or saw
/// prefilled, never a name from the case book unless they typed it).
pub fn overwrite_question(app: &App, form: &Form) -> String {
    let home = directories::UserDirs::new().map(|d| d.home_dir().to_path_buf());
    let file = match &form.body {
        Body::Export(_, f) => f.file(home.as_deref()).display().to_string(),
        _ => String::new(),
    };
    x::overwrite(&crate::tui::views::safe(&file), app.lang)
}
