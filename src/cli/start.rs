//! `tandem` without a subcommand: the store the TUI opens on. Everything that can fail with a
//! message fails here, before the screen switches.

use super::{CliError, Ctx};
use crate::store::Store;

/// Opens (or creates) the store for the TUI. A damaged store gets one calm sentence, and on a
/// terminal the offer to bring it back; never the welcome with demo data.
/// `leave_screen` is called before anything is asked on the terminal.
pub fn store_for_tui(ctx: &Ctx, leave_screen: &mut dyn FnMut()) -> Result<Store, CliError> {
    let problem = match ctx.open_or_create() {
        Ok(store) => return Ok(store),
        Err(problem) => problem,
    };
    leave_screen();
    match super::safety::offer_restore(ctx, &problem)? {
        true => ctx.open_or_create(),
        false => Err(problem),
    }
}
