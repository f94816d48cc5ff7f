//! `tandem export --family ID --format md`: the overview for parents (inzage, AVG art. 15).

use super::{CliError, Ctx};
use crate::domain::FamilyId;
use crate::i18n::forget as msg;
use std::io::Write;
use std::path::Path;

/// The format of `tandem export`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum ExportFormat {
    /// The lossless JSON document (the default).
    Json,
    /// Plain Dutch for parents; only with --family.
    Md,
}

/// Writes the overview of family `id` to `out` (written beside it and renamed) or stdout.
pub fn export_md(ctx: &Ctx, id: u64, out: Option<&Path>) -> Result<(), CliError> {
    let store = ctx.open()?;
    if store
        .family(FamilyId(id))
        .map_err(|e| ctx.fail(e))?
        .is_none()
    {
        return Err(CliError(msg::NO_SUCH_FAMILY.get(ctx.lang).into()));
    }
    let doc = store.export_family(FamilyId(id)).map_err(|e| ctx.fail(e))?;
    let text = crate::report::inzage::markdown(&doc, ctx.clock.today(), ctx.lang);
    let io = |e: std::io::Error| CliError(e.to_string());
    match out {
        Some(path) => match super::out_file::out_file(path, "md.part") {
            super::out_file::OutFile::Into(path) => {
                let mut file = std::fs::OpenOptions::new()
                    .write(true)
                    .open(&path)
                    .map_err(io)?;
                file.write_all(text.as_bytes()).map_err(io)?;
            }
            super::out_file::OutFile::Replace { target, tmp } => {
                std::fs::write(&tmp, text.as_bytes()).map_err(io)?;
                std::fs::rename(&tmp, target).map_err(io)?;
            }
        },
        None => {
            let mut stdout = std::io::stdout().lock();
            stdout.write_all(text.as_bytes()).map_err(io)?;
            stdout.flush().map_err(io)?;
        }
    }
    store.close_at_exit();
    Ok(())
}
