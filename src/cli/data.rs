//! demo, export, import, check.

use super::{CliError, Ctx};
use crate::demo;
use crate::domain::FamilyId;
use crate::i18n::{cli as msg, Lang};
use crate::store::export::ExportDoc;
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
    // A bulk load is in no backup and not in the journal: the first backup covers it.
    store
        .backup_now(ctx.clock.today())
        .map_err(|e| ctx.fail(e))?;
    let secs = started.elapsed().as_secs_f64();
    let size = store.size_on_disk().unwrap_or(0) as f64 / 1_048_576.0;
    match ctx.lang {
        Lang::Nl => eprintln!(
            "Demo-gegevens gemaakt: {} gezinnen, {} casussen, {} acties, {} professionals, {} overleggen in {secs:.1} s ({size:.0} MB op schijf).",
            summary.families, summary.cases, summary.actions, summary.persons, summary.meetings
        ),
        Lang::En => eprintln!(
            "Demo data created: {} families, {} cases, {} actions, {} professionals, {} meetings in {secs:.1} s ({size:.0} MB on disk).",
            summary.families, summary.cases, summary.actions, summary.persons, summary.meetings
        ),
    }
    Ok(())
}

pub fn export(ctx: &Ctx, out: Option<PathBuf>, family: Option<u64>) -> Result<(), CliError> {
    let store = ctx.open()?;
    let doc = match family {
        Some(id) => store.export_family(FamilyId(id)),
        None => store.export(),
    }
    .map_err(|e| ctx.fail(e))?;
    let io_err = |e: std::io::Error| CliError(format!("{}: {e}", out_label(ctx.lang)));
    match out {
        Some(path) => {
            // Written beside the target and renamed, so a failed export never leaves half a file.
            let tmp = path.with_extension("json.part");
            let file = std::fs::File::create(&tmp).map_err(io_err)?;
            let mut w = std::io::BufWriter::new(file);
            serde_json::to_writer_pretty(&mut w, &doc).map_err(|e| CliError(e.to_string()))?;
            w.write_all(b"\n").map_err(io_err)?;
            let file = w.into_inner().map_err(|e| io_err(e.into_error()))?;
            file.sync_all().map_err(io_err)?;
            std::fs::rename(&tmp, &path).map_err(io_err)?;
        }
        None => {
            let stdout = std::io::stdout();
            let mut w = std::io::BufWriter::new(stdout.lock());
            let written = serde_json::to_writer_pretty(&mut w, &doc)
                .map_err(std::io::Error::from)
                .and_then(|_| w.write_all(b"\n"))
                .and_then(|_| w.flush());
            match written {
                // The reader has what it wanted (`tandem export | head`): no error.
                Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => {}
                other => other.map_err(io_err)?,
            }
        }
    }
    Ok(())
}

fn out_label(lang: Lang) -> &'static str {
    match lang {
        Lang::Nl => "Schrijven mislukt",
        Lang::En => "Writing failed",
    }
}

pub fn import(ctx: &Ctx, file: &Path, replace: bool) -> Result<(), CliError> {
    let bytes = std::fs::read(file).map_err(|e| {
        CliError(match ctx.lang {
            Lang::Nl => format!("{} kon niet worden gelezen: {e}", file.display()),
            Lang::En => format!("{} could not be read: {e}", file.display()),
        })
    })?;
    let doc: ExportDoc = serde_json::from_slice(&bytes).map_err(|e| {
        CliError(match ctx.lang {
            Lang::Nl => format!(
                "{} is geen geldig tandem-exportbestand: {e}. Er is niets gewijzigd.",
                file.display()
            ),
            Lang::En => format!(
                "{} is not a valid tandem export: {e}. Nothing was changed.",
                file.display()
            ),
        })
    })?;
    // The file is checked before the store is even opened: a refused import leaves no store
    // behind, and a half-imported file is worse than none.
    crate::store::export::validate(&doc).map_err(|e| ctx.fail(e))?;
    let mut store = crate::store::Store::open(&ctx.data_dir).map_err(|e| ctx.fail(e))?;
    let interrupted = store.import_interrupted().map_err(|e| ctx.fail(e))?;
    if interrupted && !replace {
        return Err(CliError(msg::IMPORT_INTERRUPTED.get(ctx.lang).into()));
    }
    let today = ctx.clock.today();
    store.today = Some(today);
    if replace && !interrupted && !store.is_empty() {
        // What is replaced stays in a backup of its own.
        store.backup_now(today).map_err(|e| ctx.fail(e))?;
    }
    store.import(&doc, replace).map_err(|e| ctx.fail(e))?;
    store.backup_now(today).map_err(|e| ctx.fail(e))?;
    match ctx.lang {
        Lang::Nl => eprintln!(
            "Geïmporteerd: {} gezinnen, {} casussen, {} acties.",
            doc.families.len(),
            doc.cases.len(),
            doc.actions.len()
        ),
        Lang::En => eprintln!(
            "Imported: {} families, {} cases, {} actions.",
            doc.families.len(),
            doc.cases.len(),
            doc.actions.len()
        ),
    }
    Ok(())
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
        Ok(())
    } else {
        // A store that fails its check is damaged: its files' copy is kept, and the next
        // start says so and offers the restore.
        store.note_damage(&format!(
            "{:?}",
            crate::store::Damage::CheckFailed(r.problems.len())
        ));
        Err(CliError(msg::CHECK_BAD.get(ctx.lang).into()))
    }
}
