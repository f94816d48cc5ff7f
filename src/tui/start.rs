//! Starting the terminal program on an opened store: the theme, the settings, the first screen,
//! and what must be said at once (a broken theme or config, a store that can't be written).

use super::theme::Theme;
use crate::clock::Clock;
use crate::config::{config_dir, Config};
use crate::domain::dates::Lang;
use crate::i18n::cli::store_error;
use crate::store::Store;

/// Runs the TUI until the user quits; `privacy` (`--privacy`) starts it in privacy mode. Errors:
/// the store could not be read for the first screen (its message, in `lang`), or the terminal
/// failed.
pub fn run(
    store: &mut Store,
    lang: Lang,
    theme: Option<String>,
    privacy: bool,
    clock: &Clock,
) -> Result<(), String> {
    let no_color = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
    let name = theme.unwrap_or_else(|| "standaard".into());
    let (theme, problem) = Theme::load(&name, config_dir().as_deref(), no_color);
    let mut app =
        super::first_screen(store, lang, theme, clock).map_err(|e| store_error(&e, lang))?;
    let (config, config_problem) = Config::load(config_dir().as_deref());
    // "Mijn acties": once you have said who you are, screen 3 opens on your actions.
    app.actions.filter.mine = config.me.is_some();
    app.config = config;
    app.config_dir = config_dir();
    super::privacy::at_start(&mut app, privacy);
    if let Some(p) = config_problem {
        app.error(p);
    }
    if let Some(why) = store.why_read_only() {
        // Said at once, not at the first save: nothing typed here can be kept.
        app.error(store_error(&why, lang));
    }
    if let Some(p) = problem {
        app.error(crate::i18n::tui::theme_not_loaded(&name, &p, lang));
    }
    super::terminal::run(&mut app, store, clock).map_err(|e| e.to_string())
}
