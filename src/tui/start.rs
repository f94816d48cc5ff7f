//! Starting the terminal program: the first page kept from the last session on screen at once,
//! then the store opened, then the theme, the settings, the first screen, and what must be said
//! at once (a broken theme or config, a store that can't be written).

use super::app::App;
use super::theme::Theme;
use super::{first_page, views};
use crate::clock::Clock;
use crate::config::{config_dir, Config};
use crate::domain::dates::Lang;
use crate::i18n::cli::store_error;
use crate::store::crypt::DataKey;
use crate::store::Store;
use std::io::IsTerminal;
use std::path::Path;

/// How the store is opened: `leave_screen` is called before anything is asked or said on the
/// plain terminal (the offer to restore a damaged store); the key is that of an encrypted store
/// when the passphrase was asked on screen.
pub type Opener<'a> = dyn FnOnce(&mut dyn FnMut(), Option<DataKey>) -> Result<Store, String> + 'a;

/// Runs the TUI on the store in `dir` until the user quits. While `open` runs, the first page
/// of the last session is on screen, with a line saying the store is opening; keys typed
/// meanwhile wait and are answered once it is open. `privacy` (`--privacy`) starts it in privacy
/// mode.
///
/// Errors: the store could not be opened or read for the first screen (its message, in
/// `lang`), or the terminal failed.
pub fn run(
    open: Box<Opener<'_>>,
    dir: &Path,
    lang: Lang,
    theme: Option<String>,
    privacy: bool,
    clock: &Clock,
) -> Result<(), String> {
    let signals = super::terminal::watch_signals();
    let no_color = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
    let name = theme.unwrap_or_else(|| "standaard".into());
    let (theme, problem) = Theme::load(&name, config_dir().as_deref(), no_color);
    let (config, config_problem) = Config::load(config_dir().as_deref());
    let (key, asked) = ask_first(dir, lang, &theme)?;
    let screen = std::cell::RefCell::new(
        first_page::load(dir)
            .filter(|_| std::io::stdout().is_terminal() && asked.is_none())
            .map(|page| {
                let mut app = super::blank(lang, theme.clone(), clock);
                app.config = config.clone();
                // The projector may be on already: the kept page obeys privacy mode too.
                super::privacy::at_start(&mut app, privacy);
                opening_frame(app, page)
            })
            .or(asked),
    );
    let mut leave = || {
        if screen.borrow_mut().take().is_some() {
            ratatui::restore();
        }
    };
    let opened = open(&mut leave, key);
    let store = match opened {
        Ok(store) => store,
        Err(e) => {
            leave();
            return Err(e);
        }
    };
    let terminal = screen.borrow_mut().take();
    let read = super::first_frame(&store, lang, theme, clock);
    let mut app = match read {
        Ok(app) => app,
        Err(e) => {
            if terminal.is_some() {
                ratatui::restore();
            }
            return Err(store_error(&e, lang));
        }
    };
    app.config = config;
    super::privacy::at_start(&mut app, privacy);
    settle(&mut app, &store, &name, [config_problem, problem]);
    // ratatui::init enters raw mode and the alternate screen, and installs a panic hook that
    // restores the terminal before the panic message prints.
    let terminal = terminal.unwrap_or_else(ratatui::init);
    let (store, result) = run_until_quit(terminal, &mut app, store, clock, &signals)?;
    if !store.is_read_only() {
        first_page::save(store.dir(), &app);
    }
    result.map_err(|e| e.to_string())
}

/// An encrypted store asks its passphrase first, on screen (a script names a file instead):
/// the key, and the terminal the question was asked on.
///
/// Errors: three wrong tries, or the question was left (its message).
fn ask_first(
    dir: &Path,
    lang: Lang,
    theme: &Theme,
) -> Result<(Option<DataKey>, Option<ratatui::DefaultTerminal>), String> {
    if !super::lock::asks_at_start(dir) {
        return Ok((None, None));
    }
    let mut terminal = ratatui::init();
    match super::lock::ask_at_start(&mut terminal, dir, lang, theme) {
        Ok(key) => Ok((Some(key), Some(terminal))),
        Err(e) => {
            ratatui::restore();
            Err(e)
        }
    }
}

/// The terminal loop until the user quits; when a passphrase is chosen on the welcome, the store
/// is encrypted and the loop goes on with it. Returns the store (a new one after encrypting).
///
/// Errors: encrypting failed (its message; the terminal is restored).
fn run_until_quit(
    mut terminal: ratatui::DefaultTerminal,
    app: &mut App,
    mut store: Store,
    clock: &Clock,
    signals: &super::terminal::Signals,
) -> Result<(Store, std::io::Result<()>), String> {
    let lang = app.lang;
    let mut lock = super::lock::Lock::new(store.dir(), store.is_encrypted());
    if store.is_empty() && !store.is_encrypted() && store.why_read_only().is_none() {
        // The welcome offers it (`v`): an empty store is encrypted in a moment.
        if app.status.is_none() {
            app.info(crate::i18n::crypt::OFFER_KEY.get(lang));
        }
    }
    let events = super::terminal::reader();
    loop {
        let result = super::terminal::run(
            terminal, app, &mut store, clock, &mut lock, &events, signals,
        );
        let Some(pass) = lock.encrypt.take().filter(|_| result.is_ok()) else {
            return Ok((store, result));
        };
        store = store
            .encrypt(&pass, clock.today())
            .map_err(|e| store_error(&e, lang))?;
        drop(pass);
        lock = super::lock::Lock::new(store.dir(), true);
        app.info(crate::i18n::crypt::ENCRYPTED.get(lang));
        terminal = ratatui::init();
    }
}

/// The terminal with the kept first page drawn on it, and a line saying the store is opening.
fn opening_frame(mut app: App, page: first_page::FirstPage) -> ratatui::DefaultTerminal {
    app.cases = first_page::list_of(page);
    app.info(crate::i18n::tui::OPENING.get(app.lang));
    let mut terminal = ratatui::init();
    // A frame that can't be drawn now is drawn by the loop later; nothing is lost.
    let _ = terminal.draw(|f| views::render(&app, f));
    terminal
}

/// The settings and what the start must say at once: `problems` are the config's and the
/// theme's, already worded.
fn settle(app: &mut App, store: &Store, theme_name: &str, problems: [Option<String>; 2]) {
    let lang = app.lang;
    // "Mijn acties": once you have said who you are, screen 3 opens on your actions.
    app.actions.filter.mine = app.config.me.is_some();
    app.config_dir = config_dir();
    let [config_problem, theme_problem] = problems;
    if let Some(p) = config_problem {
        app.error(p);
    }
    if let Some(why) = store.why_read_only() {
        // Said at once, not at the first save: nothing typed here can be kept.
        app.error(store_error(&why, lang));
    }
    if let Some(p) = theme_problem {
        app.error(crate::i18n::tui::theme_not_loaded(theme_name, &p, lang));
    }
    ask_me(app, store);
}

/// Until "me" is chosen on this laptop, every start asks who you are (issue 12 part 4: the trail
/// records that person, never the login name). Not on an empty or read-only store, nor when the
/// choice can't be remembered; after the beamer's privacy question when that came first.
pub(super) fn ask_me(app: &mut App, store: &Store) {
    let chosen = app.config.me.is_some_and(|id| {
        app.persons
            .iter()
            .any(|p| p.id == crate::domain::PersonId(id))
    });
    if chosen
        || app.persons.is_empty()
        || app.popup.is_some()
        || app.config_dir.is_none()
        || store.why_read_only().is_some()
    {
        return;
    }
    if let Ok(form) = super::form::open::build(app, store, super::form::FormKind::ChooseMe) {
        app.popup = Some(super::app::Popup::Form(Box::new(form)));
    }
}
