//! `tandem forget FAMILY [--yes]`: erase one family from the store, its journal and backups
//! (AVG, recht op vergetelheid). Without `--yes` the family's name must be typed.

use super::{CliError, Ctx};
use crate::domain::text::fold;
use crate::domain::FamilyId;
use crate::i18n::forget as msg;
use crate::store::Store;
use std::time::Instant;

/// Erases the family named by `family` (its number, or a name only one family has).
pub fn forget(ctx: &Ctx, family: &str, yes: bool) -> Result<(), CliError> {
    let store = ctx.open()?;
    let id = find(ctx, &store, family)?;
    let Some(f) = store.family(id).map_err(|e| ctx.fail(e))? else {
        return Err(CliError(msg::NO_SUCH_FAMILY.get(ctx.lang).into()));
    };
    let preview = store.erasure_preview(id).map_err(|e| ctx.fail(e))?;
    let backups = crate::store::backup::list(&ctx.data_dir)
        .map_err(|e| ctx.fail(e))?
        .len();
    eprintln!("{}", msg::plan(&f.name, &preview, backups, ctx.lang));
    if !yes {
        let line = super::safety::answer(&msg::ask(&f.name, ctx.lang))?;
        if fold(line.trim()) != fold(f.name.trim()) {
            return Err(CliError(msg::NOTHING_ERASED.get(ctx.lang).into()));
        }
    }
    let started = Instant::now();
    let (store, erased) = store
        .forget(id, ctx.clock.today())
        .map_err(|e| ctx.fail(e))?;
    eprintln!(
        "{}",
        msg::done(&erased, started.elapsed().as_secs_f64(), ctx.lang)
    );
    let what = crate::store::audit::Outgoing::Forget;
    super::audit::log(ctx, (what, Some(id.0), None, String::new()));
    store.close_at_exit();
    Ok(())
}

/// The family a number or a name names: a name must fit one family only.
fn find(ctx: &Ctx, store: &Store, given: &str) -> Result<FamilyId, CliError> {
    if let Ok(n) = given.trim().parse::<u64>() {
        return Ok(FamilyId(n));
    }
    let wanted = fold(given.trim());
    let mut fits: Vec<(u64, String)> = store
        .families()
        .map_err(|e| ctx.fail(e))?
        .into_iter()
        .filter(|f| !wanted.is_empty() && fold(&f.name).contains(&wanted))
        .map(|f| (f.id.0, f.name))
        .collect();
    // A name that is exactly one family's wins over the families it is part of.
    let exact: Vec<&(u64, String)> = fits.iter().filter(|(_, n)| fold(n) == wanted).collect();
    if let [one] = exact.as_slice() {
        return Ok(FamilyId(one.0));
    }
    match fits.len() {
        0 => Err(CliError(msg::NO_SUCH_FAMILY.get(ctx.lang).into())),
        1 => Ok(FamilyId(fits.remove(0).0)),
        _ => Err(CliError(msg::which(&fits, ctx.lang))),
    }
}
