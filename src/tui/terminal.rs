//! The real terminal: raw mode and the alternate screen, restored on every way out (quit, error,
//! panic, Ctrl-C, SIGTERM).

use super::app::Popup;
use super::{update, views};
use crate::clock::Clock;
use crate::store::Store;
use crossterm::event::{self, DisableBracketedPaste, EnableBracketedPaste, Event};
use crossterm::execute;
use std::io::stdout;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use std::time::Duration;

/// How long the loop waits for a key before it looks at the lookup worker and signals again.
const TICK: Duration = Duration::from_millis(30);

/// Undoes what `run` turned on, also when it is left by `?` or a panic unwinds.
struct PasteGuard;

impl Drop for PasteGuard {
    fn drop(&mut self) {
        let _ = execute!(stdout(), DisableBracketedPaste);
    }
}

pub fn run(app: &mut super::app::App, store: &mut Store, clock: &Clock) -> std::io::Result<()> {
    let term_signal = Arc::new(AtomicBool::new(false));
    #[cfg(unix)]
    {
        for sig in [signal_hook::consts::SIGTERM, signal_hook::consts::SIGHUP] {
            signal_hook::flag::register(sig, Arc::clone(&term_signal))?;
        }
    }
    // ratatui::init enters raw mode and the alternate screen, and installs a panic hook that
    // restores the terminal before the panic message prints.
    let mut terminal = ratatui::init();
    let _ = execute!(stdout(), EnableBracketedPaste);
    let guard = PasteGuard;
    let result = (|| -> std::io::Result<()> {
        let mut dirty = true;
        while !app.quit && !term_signal.load(Ordering::Relaxed) {
            if dirty {
                terminal.draw(|f| views::render(app, f))?;
                dirty = false;
            }
            if event::poll(TICK)? {
                match event::read()? {
                    Event::Key(key) => {
                        app.status = if app.popup.is_some() {
                            app.status.take()
                        } else {
                            None
                        };
                        update::on_key(app, store, clock, key);
                    }
                    Event::Paste(text) => update::paste(app, &text),
                    Event::Resize(_, _) => {}
                    _ => continue,
                }
                dirty = true;
            }
            if matches!(app.popup, Some(Popup::Lookup(_))) && update::poll_lookup(app) {
                dirty = true;
            }
        }
        Ok(())
    })();
    drop(guard);
    ratatui::restore();
    result
}
