//! demo, export, import, check.

use super::{CliError, Ctx};
use crate::demo;
use crate::domain::FamilyId;
use crate::i18n::{cli as msg, Lang};
use crate::store::export::{check_file_keyed, FileError};
use std::io::Write;
use std::path::{Path, PathBuf};
use std::time::Instant;

pub fn demo(ctx: &Ctx, cases: Option<u64>, seed: u64) -> Result<(), CliError> {
    let mut store = ctx.open_or_create()?;
    if !store.is_empty() {
        return Err(CliError(msg::DEMO_NOT_EMPTY.get(ctx.lang).into()));
    }
    let started = Instant::now();
    let summary = match cases {
        None => demo::school(&mut store, ctx.clock.today()),
        Some(n) => demo::synthetic(&mut store, ctx.clock.today(), n, seed),
    }
    .map_err(|e| ctx.fail(e))?;
    if cases.is_some() {
        store = store.written_afresh().map_err(|e| ctx.fail(e))?;
    }
    // A bulk load is in no backup and not in the journal: the first backup covers it.
    store
        .backup_now(ctx.clock.today())
        .map_err(|e| ctx.fail(e))?;
    let secs = started.elapsed().as_secs_f64();
    let mb = store.size_on_disk().unwrap_or(0) as f64 / 1_048_576.0;
    // The small demo takes a few hundred KB: "0 MB" read as nothing written.
    let size = if mb < 1.0 {
        "< 1".to_string()
    } else {
        format!("{mb:.0}")
    };
    match ctx.lang {
        Lang::Nl => eprintln!(
            "Demo-gegevens gemaakt: {} gezinnen, {} casussen, {} acties, {} professionals, {} overleggen in {secs:.1} s ({size} MB op schijf).",
            summary.families, summary.cases, summary.actions, summary.persons, summary.meetings
        ),
        Lang::En => eprintln!(
            "Demo data created: {} families, {} cases, {} actions, {} professionals, {} meetings in {secs:.1} s ({size} MB on disk).",
            summary.families, summary.cases, summary.actions, summary.persons, summary.meetings
        ),
    }
    store.close_at_exit();
    Ok(())
}

pub fn export(ctx: &Ctx, out: Option<PathBuf>, family: Option<u64>) -> Result<(), CliError> {
    let store = ctx.open()?;
    let io_err = |e: std::io::Error| CliError(format!("{}: {e}", out_label(ctx.lang)));
    // The whole store is written record by record as it is read; one family's file is small.
    let write = |w: &mut dyn Write| -> Result<std::io::Result<()>, CliError> {
        let written = match family {
            Some(id) => {
                let doc = store.export_family(FamilyId(id)).map_err(|e| ctx.fail(e))?;
                serde_json::to_writer_pretty(&mut *w, &doc).map_err(std::io::Error::from)
            }
            None => store.write_export(&mut *w, true).map_err(|e| ctx.fail(e))?,
        };
        Ok(written.and_then(|_| w.write_all(b"\n")))
    };
    match out {
        Some(path) => match super::out_file::out_file(&path, "json.part") {
            super::out_file::OutFile::Into(path) => {
                let file = std::fs::OpenOptions::new()
                    .write(true)
                    .open(&path)
                    .map_err(io_err)?;
                let mut w = std::io::BufWriter::with_capacity(1 << 16, file);
                write(&mut w)?.and_then(|_| w.flush()).map_err(io_err)?;
            }
            super::out_file::OutFile::Replace { target, tmp } => {
                // Written beside the target and renamed, so a failed export never leaves half
                // a file.
                let file = std::fs::File::create(&tmp).map_err(io_err)?;
                let mut w = std::io::BufWriter::with_capacity(1 << 16, file);
                let written = write(&mut w);
                let file = match written {
                    Ok(Ok(())) => w.into_inner().map_err(|e| e.into_error()),
                    Ok(Err(e)) => Err(e),
                    Err(e) => {
                        let _ = std::fs::remove_file(&tmp);
                        return Err(e);
                    }
                };
                let synced = file.and_then(|f| f.sync_all());
                if let Err(e) = synced.and_then(|_| std::fs::rename(&tmp, &target)) {
                    let _ = std::fs::remove_file(&tmp);
                    return Err(io_err(e));
                }
            }
        },
        None => {
            let stdout = std::io::stdout();
            let mut w = std::io::BufWriter::with_capacity(1 << 16, stdout.lock());
            let written = match write(&mut w) {
                Ok(written) => written.and_then(|_| w.flush()),
                Err(e) => {
                    // What is still buffered is not written: an export that fails early (a
                    // record from a newer tandem) leaves stdout empty, not half a document.
                    let _ = w.into_parts();
                    return Err(e);
                }
            };
            match written {
                // The reader has what it wanted (`tandem export | head`): no error.
                Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => {}
                other => other.map_err(io_err)?,
            }
        }
    }
    store.close_at_exit();
    Ok(())
}

fn out_label(lang: Lang) -> &'static str {
    match lang {
        Lang::Nl => "Schrijven mislukt",
        Lang::En => "Writing failed",
    }
}

pub fn import(ctx: &Ctx, file: &Path, replace: bool) -> Result<(), CliError> {
    // The file is checked whole before the store is even opened: a refused import leaves no
    // store behind, and a half-imported file is worse than none. The check reads it one record
    // at a time, and so does the import after it.
    // A backup of an encrypted store is sealed with its key (issue 12).
    let key = super::crypt::key(ctx)?;
    let checked = check_file_keyed(file, key.as_ref()).map_err(|e| file_error(ctx, file, e))?;
    let mut store = crate::store::Store::open_keyed(&ctx.data_dir, key).map_err(|e| ctx.fail(e))?;
    let interrupted = store.import_interrupted().map_err(|e| ctx.fail(e))?;
    if interrupted && !replace {
        return Err(CliError(msg::IMPORT_INTERRUPTED.get(ctx.lang).into()));
    }
    let today = ctx.clock.today();
    store.today = Some(today);
    // Into an empty store no "me" can be found yet: the import's own line says "onbekend".
    ctx.set_who(&mut store);
    if replace && !interrupted && !store.is_empty() {
        // What is replaced stays in a backup of its own.
        store.backup_now(today).map_err(|e| ctx.fail(e))?;
    }
    let by = crate::store::export::ImportBy {
        now: ctx.clock.now(),
        file: file.display().to_string(),
    };
    let left_out = store
        .import_file_by(&checked, replace, &by)
        .map_err(|e| ctx.fail(e))?;
    store.backup_now(today).map_err(|e| ctx.fail(e))?;
    if left_out > 0 {
        eprintln!("{}", crate::i18n::forget::left_out(left_out, ctx.lang));
    }
    let n = checked.counts;
    match ctx.lang {
        Lang::Nl => eprintln!(
            "Geïmporteerd: {} gezinnen, {} casussen, {} acties.",
            n.families, n.cases, n.actions
        ),
        Lang::En => eprintln!(
            "Imported: {} families, {} cases, {} actions.",
            n.families, n.cases, n.actions
        ),
    }
    store.close_at_exit();
    Ok(())
}

/// Why an import file was refused, in the user's words.
fn file_error(ctx: &Ctx, file: &Path, e: FileError) -> CliError {
    let unreadable = |e: &dyn std::fmt::Display| {
        CliError(match ctx.lang {
            Lang::Nl => format!("{} kon niet worden gelezen: {e}", file.display()),
            Lang::En => format!("{} could not be read: {e}", file.display()),
        })
    };
    match e {
        FileError::Open(e) => unreadable(&e),
        FileError::NotAnExport(e) if e.is_io() => unreadable(&e),
        FileError::NotAnExport(e) => CliError(match ctx.lang {
            Lang::Nl => format!(
                "{} is geen geldig tandem-exportbestand: {e}. Er is niets gewijzigd.",
                file.display()
            ),
            Lang::En => format!(
                "{} is not a valid tandem export: {e}. Nothing was changed.",
                file.display()
            ),
        }),
        FileError::Refused(e) => ctx.fail(e),
    }
}

pub fn check(ctx: &Ctx) -> Result<(), CliError> {
    let store = ctx.open()?;
    let r = store.check().map_err(|e| ctx.fail(e))?;
    let counts = match ctx.lang {
        Lang::Nl => format!(
            "{} gezinnen, {} casussen, {} acties, {} professionals, {} overleggen, {} gebeurtenissen, {} indexregels gecontroleerd.",
            r.families, r.cases, r.actions, r.persons, r.meetings, r.events, r.index_entries
        ),
        Lang::En => format!(
            "{} families, {} cases, {} actions, {} professionals, {} meetings, {} events, {} index entries checked.",
            r.families, r.cases, r.actions, r.persons, r.meetings, r.events, r.index_entries
        ),
    };
    let mut report = format!("{counts}\n");
    if r.is_ok() {
        report.push_str(msg::CHECK_OK.get(ctx.lang));
        report.push('\n');
        if !store.journal_vouches() {
            report.push_str(msg::JOURNAL_CANT_VOUCH.get(ctx.lang));
            report.push('\n');
        }
    } else {
        for p in &r.problems {
            // A problem may quote a name or a key from the damaged data.
            report.push_str(&format!("- {}\n", crate::report::safe::line(p)));
        }
    }
    // Written, not printed: `println!` panics when the reader has gone (`tandem check | head`).
    let stdout = std::io::stdout();
    let mut w = stdout.lock();
    w.write_all(report.as_bytes())
        .and_then(|_| w.flush())
        .map_err(|e| CliError(format!("{}: {e}", out_label(ctx.lang))))?;
    if r.is_ok() {
        store.close_at_exit();
        Ok(())
    } else {
        // A store that fails its check is damaged: its files' copy is kept, and the next
        // start says so and offers the restore.
        store.note_damage(&format!(
            "{:?}",
            crate::store::Damage::CheckFailed(r.problems.len())
        ));
        store.close_at_exit();
        Err(CliError(msg::CHECK_BAD.get(ctx.lang).into()))
    }
}
