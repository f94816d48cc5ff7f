//! `tandem retention [--apply] [--yes]`: the families kept longer than the retention period,
//! and erasing them (issue 12 part 3).

use super::{CliError, Ctx};
use crate::domain::dates::format_numeric;
use crate::i18n::{cli as cli_msg, retention as msg};
use crate::report::safe;
use crate::store::retention::FamilyRetention;

/// Lists what is past the retention period on stdout; with `apply`, erases the families whose
/// every case is past (asking first unless `yes`).
pub fn retention(ctx: &Ctx, apply: bool, yes: bool) -> Result<(), CliError> {
    let store = ctx.open()?;
    let (config, _) = crate::config::Config::load(crate::config::config_dir().as_deref());
    let months = config.retention_months;
    let r = store
        .retention(ctx.clock.today(), months)
        .map_err(|e| ctx.fail(e))?;
    let cutoff = r.cutoff.map(format_numeric).unwrap_or_default();
    println!("{}", msg::rule(months, &cutoff, ctx.lang));
    if r.due.is_empty() && r.waiting.is_empty() {
        println!("{}", msg::NOTHING_PAST.get(ctx.lang));
        store.close_at_exit();
        return Ok(());
    }
    let show = |rows: &[FamilyRetention]| {
        for row in rows {
            let last = row.last_closed.map(format_numeric).unwrap_or_default();
            // A name is user text: never a terminal control sequence.
            println!("{}", safe::line(&msg::line(row, &last, ctx.lang)));
        }
    };
    if !r.due.is_empty() {
        println!("{}", msg::DUE.get(ctx.lang));
        show(&r.due);
    }
    if !r.waiting.is_empty() {
        println!("{}", msg::WAITING.get(ctx.lang));
        show(&r.waiting);
    }
    if !apply || r.due.is_empty() {
        if !r.due.is_empty() {
            println!("{}", msg::APPLY_HINT.get(ctx.lang));
        }
        store.close_at_exit();
        return Ok(());
    }
    if !yes && !super::safety::confirm(ctx.lang)? {
        return Err(CliError(cli_msg::NOTHING_CHANGED.get(ctx.lang).into()));
    }
    let ids: Vec<_> = r.due.iter().map(|d| d.family).collect();
    let (store, erased) = store
        .forget_all(&ids, ctx.clock.today())
        .map_err(|e| ctx.fail(e))?;
    for e in &erased {
        let what = crate::store::audit::Outgoing::Forget;
        super::audit::log(ctx, (what, Some(e.family.0), None, "retention".into()));
    }
    let cases = erased.iter().map(|e| e.cases).sum();
    let backups = erased.first().map_or(0, |e| e.backups);
    eprintln!("{}", msg::applied(erased.len(), cases, backups, ctx.lang));
    store.close_at_exit();
    Ok(())
}
