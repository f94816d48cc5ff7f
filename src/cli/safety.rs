//! `tandem backup` and `tandem restore`, and the offer to restore a damaged store at start.

use super::{CliError, Ctx};
use crate::i18n::{cli as msg, Lang};
use crate::store::restore::{self, Current, RestorePlan};
use std::io::{BufRead, IsTerminal, Write};
use std::path::Path;

/// `tandem backup`: one backup now, named on stderr.
pub fn backup(ctx: &Ctx) -> Result<(), CliError> {
    let mut store = ctx.open()?;
    let b = store
        .backup_now(ctx.clock.today())
        .map_err(|e| ctx.fail(e))?;
    eprintln!("{}", msg::backup_made(&b.path, b.size, ctx.lang));
    store.close_at_exit();
    Ok(())
}

/// `tandem restore [FILE] [--yes] [--replace]`: says what it will do, asks (unless `--yes`),
/// then restores and says what came back.
pub fn restore(ctx: &Ctx, file: Option<&Path>, yes: bool, replace: bool) -> Result<(), CliError> {
    let key = super::crypt::key(ctx)?;
    let mut plan = restore::plan_keyed(&ctx.data_dir, file, key).map_err(|e| ctx.fail(e))?;
    plan.today = Some(ctx.clock.today());
    if plan.current == Current::Healthy && !replace {
        return Err(CliError(msg::RESTORE_HEALTHY.get(ctx.lang).into()));
    }
    eprintln!("{}", msg::restore_plan(&plan, true, ctx.lang));
    if !yes && !confirm(ctx.lang)? {
        return Err(CliError(msg::NOTHING_CHANGED.get(ctx.lang).into()));
    }
    run(ctx, &plan, replace)
}

fn run(ctx: &Ctx, plan: &RestorePlan, replace: bool) -> Result<(), CliError> {
    let done = restore::restore(&ctx.data_dir, plan, replace).map_err(|e| ctx.fail(e))?;
    eprintln!("{}", msg::restored(&done, ctx.lang));
    Ok(())
}

/// At the start of the TUI on a damaged store: say so, and offer the restore on a terminal.
/// Returns true when the store was restored and can be opened.
pub fn offer_restore(ctx: &Ctx, problem: &CliError) -> Result<bool, CliError> {
    let interactive = std::io::stdin().is_terminal() && std::io::stderr().is_terminal();
    let key = super::crypt::key(ctx)?;
    let Ok(mut plan) = restore::plan_keyed(&ctx.data_dir, None, key) else {
        return Ok(false);
    };
    plan.today = Some(ctx.clock.today());
    if !interactive || !matches!(plan.current, Current::Damaged(_)) {
        return Ok(false);
    }
    eprintln!("tandem: {}", problem.0);
    eprintln!("{}", msg::restore_plan(&plan, false, ctx.lang));
    if !confirm(ctx.lang)? {
        // The damage was just said; say only that nothing changed.
        return Err(CliError(msg::NOTHING_CHANGED.get(ctx.lang).into()));
    }
    run(ctx, &plan, false)?;
    Ok(true)
}

/// Shows `question` on stderr and reads one line of answer from stdin.
pub(super) fn answer(question: &str) -> Result<String, CliError> {
    eprint!("{question}");
    let _ = std::io::stderr().flush();
    let mut line = String::new();
    std::io::stdin()
        .lock()
        .read_line(&mut line)
        .map_err(|e| CliError(e.to_string()))?;
    Ok(line)
}

/// Asks "Doorgaan? [j/N]" on stderr and reads one line; only j/ja/y/yes is a yes.
pub(super) fn confirm(lang: Lang) -> Result<bool, CliError> {
    let line = answer(msg::CONFIRM.get(lang))?;
    Ok(matches!(
        line.trim().to_lowercase().as_str(),
        "j" | "ja" | "y" | "yes"
    ))
}
