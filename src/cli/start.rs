//! `tandem` without a subcommand: open the store, build the app, run the terminal.

use super::{CliError, Ctx};
use crate::i18n::cli as msg;
use crate::tui::theme::Theme;

/// The config dir where users put their own themes (`themes/NAME.toml`).
pub fn config_dir() -> Option<std::path::PathBuf> {
    directories::ProjectDirs::from("nl", "tandem", "tandem").map(|d| d.config_dir().to_path_buf())
}

pub fn tui(ctx: &Ctx, theme: Option<String>) -> Result<(), CliError> {
    // Everything that can fail with a message fails before the screen switches.
    let mut store = match ctx.open_or_create() {
        Ok(store) => store,
        // A damaged store: one calm sentence, and on a terminal the offer to bring it back.
        // Never the welcome with demo data.
        Err(problem) => match super::safety::offer_restore(ctx, &problem)? {
            true => ctx.open_or_create()?,
            false => return Err(problem),
        },
    };
    let no_color = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
    let name = theme.unwrap_or_else(|| "standaard".into());
    let (theme, problem) = Theme::load(&name, config_dir().as_deref(), no_color);
    let mut app =
        crate::tui::first_screen(&store, ctx.lang, theme, &ctx.clock).map_err(|e| ctx.fail(e))?;
    let (config, config_problem) = crate::config::Config::load(config_dir().as_deref());
    // "Mijn acties": once you have said who you are, screen 3 opens on your actions.
    app.actions.filter.mine = config.me.is_some();
    app.config = config;
    app.config_dir = config_dir();
    if let Some(p) = config_problem {
        app.error(p);
    }
    if let Some(why) = store.why_read_only() {
        // Said at once, not at the first save: nothing typed here can be kept.
        app.error(msg::store_error(&why, ctx.lang));
    }
    if let Some(p) = problem {
        app.error(match ctx.lang {
            crate::i18n::Lang::Nl => {
                format!("Thema '{name}' kon niet worden geladen ({p}); standaard gebruikt.")
            }
            crate::i18n::Lang::En => {
                format!("Theme '{name}' could not be loaded ({p}); using standaard.")
            }
        });
    }
    crate::tui::terminal::run(&mut app, &mut store, &ctx.clock).map_err(|e| CliError(e.to_string()))
}
