//! The real terminal: raw mode and the alternate screen, restored on every way out (quit, error,
//! panic, Ctrl-C, SIGTERM, a closed terminal).

use super::app::Popup;
use super::{update, views};
use crate::clock::Clock;
use crate::store::Store;
use crossterm::event::{self, DisableBracketedPaste, EnableBracketedPaste, Event};
use crossterm::execute;
use std::io::stdout;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{channel, Receiver, RecvTimeoutError};
use std::sync::Arc;
use std::time::Duration;

/// How long the loop waits for a key before it looks at the lookup worker and the signals again.
const TICK: Duration = Duration::from_millis(30);

/// Undoes what `run` turned on, also when it is left by `?` or a panic unwinds.
struct PasteGuard;

impl Drop for PasteGuard {
    fn drop(&mut self) {
        let _ = execute!(stdout(), DisableBracketedPaste);
    }
}

/// Reads terminal events on their own thread. crossterm 0.29 spins forever inside `poll`/`read`
/// once the terminal is gone (it retries a read that returns end-of-file), so the loop must never
/// wait on crossterm itself: it waits on this channel, and can still see signals and leave.
/// One per session: a loop run again (after encrypting from the welcome) reads the same one, so
/// no key is taken by a reader left over from the run before.
pub fn reader() -> Receiver<std::io::Result<Event>> {
    let (tx, rx) = channel();
    std::thread::spawn(move || loop {
        let ev = event::read();
        let failed = ev.is_err();
        if tx.send(ev).is_err() || failed {
            return;
        }
    });
    rx
}

/// One event of the terminal, past the lock first; true when the screen must be drawn again.
fn on_event(
    app: &mut super::app::App,
    store: &mut Store,
    clock: &Clock,
    lock: &mut super::lock::Lock,
    ev: Event,
) -> bool {
    if lock.event(app, &ev) {
        return true;
    }
    match ev {
        ev @ (Event::Key(_) | Event::Paste(_)) => update::step(app, store, clock, ev),
        Event::Resize(_, rows) => {
            app.height = rows;
            // Taller: more rows to read before the frame.
            if let Err(problem) =
                super::acties::fill_page(&mut app.actions, store, usize::from(rows))
            {
                app.error(problem.message(app.lang));
            }
        }
        _ => return false,
    }
    true
}

/// What the signals said, watched from before the store opens: a signal's own default ends
/// the process at once, and a store left unsealed is copied aside at the next start (about a
/// second at 50,000 cases). Ctrl-C is left as it is: before the screen takes the keys it must
/// still stop a question asked on the plain terminal.
#[derive(Debug, Default)]
pub struct Signals {
    /// Set by SIGTERM (the system asks the program to end) and SIGHUP: the loop then ends as a
    /// quit does, and the store is sealed at close. One that comes while the store opens is
    /// seen by the loop's first turn.
    pub stop: Arc<AtomicBool>,
    /// Set by SIGHUP alone: the terminal is gone (its window was closed).
    pub hung_up: Arc<AtomicBool>,
}

/// Starts watching SIGTERM and SIGHUP ([`Signals`]).
pub fn watch_signals() -> Signals {
    let signals = Signals::default();
    #[cfg(unix)]
    {
        use signal_hook::consts::{SIGHUP, SIGTERM};
        // Refused only for a signal that can't be caught; then its default stays, as before.
        let _ = signal_hook::flag::register(SIGTERM, Arc::clone(&signals.stop));
        let _ = signal_hook::flag::register(SIGHUP, Arc::clone(&signals.stop));
        let _ = signal_hook::flag::register(SIGHUP, Arc::clone(&signals.hung_up));
    }
    signals
}

/// After a hang-up nothing reaches the terminal any more, and a failed write to it ended the
/// program before the store was sealed: ratatui's restore and its terminal's drop report a
/// failure with `eprintln!`, which panics when stderr can't be written, and the panic hook's
/// own restore then aborts. So from then on stdin, stdout and stderr are `/dev/null`.
fn let_go_of_terminal() {
    #[cfg(unix)]
    if let Ok(null) = std::fs::OpenOptions::new()
        .read(true)
        .write(true)
        .open("/dev/null")
    {
        use std::os::fd::AsRawFd;
        for fd in 0..=2 {
            // SAFETY: dup2 of an open descriptor onto 0–2 only swaps what they point at; no
            // Rust object owns those numbers, and `null` stays open for the call.
            unsafe {
                libc::dup2(null.as_raw_fd(), fd);
            }
        }
    }
}

/// Runs the loop on `terminal`, already in raw mode and on the alternate screen
/// (`ratatui::init`), until the user quits; restores the terminal however it ends.
pub fn run(
    mut terminal: ratatui::DefaultTerminal,
    app: &mut super::app::App,
    store: &mut Store,
    clock: &Clock,
    lock: &mut super::lock::Lock,
    events: &Receiver<std::io::Result<Event>>,
    signals: &Signals,
) -> std::io::Result<()> {
    let stop = &signals.stop;
    // ratatui's hook restores the terminal; a sled panic the store catches must not trigger it.
    crate::store::guard::keep_store_panics_quiet();
    let _ = execute!(stdout(), EnableBracketedPaste);
    let guard = PasteGuard;
    store.settle_later(true);
    let result = (|| -> std::io::Result<()> {
        let mut dirty = true;
        let mut started = false;
        app.height = terminal.size().map_or(0, |s| s.height);
        // A passphrase chosen on the welcome ends the loop: the start encrypts the store.
        while !app.quit && !stop.load(Ordering::Relaxed) && lock.encrypt.is_none() {
            // The meeting's timers count in whole seconds: redraw when a second has passed.
            let now = clock.now();
            if app.meeting.as_ref().is_some_and(|m| m.running())
                && now.and_utc().timestamp() != app.now.and_utc().timestamp()
            {
                dirty = true;
            }
            app.now = now;
            dirty |= super::idle::tick(app, now);
            dirty |= lock.tick(app, now);
            if dirty {
                // Locked, nothing of the store is drawn: the prompt alone.
                terminal.draw(|f| match lock.shown() {
                    true => lock.render(app, f),
                    false => views::render(app, f),
                })?;
                dirty = false;
                // A save's frame is out: now sled's own files (its journal entry was synced
                // before the frame said it was saved).
                store.settle();
                if !started {
                    // The rest of the start waits until something is on screen.
                    started = true;
                    super::finish_start_later(store, app);
                    dirty = true;
                }
            }
            // While the lookup worker is busy, look for its answer often, so results are drawn
            // as soon as they exist rather than on the next tick.
            let pending = matches!(&app.popup, Some(Popup::Lookup(s)) if s.pending());
            let reading = app.later.rows_pending() || app.later.entries_pending();
            let wait = if pending {
                Duration::from_millis(1)
            } else if reading {
                // What the start reads is taken in soon after it arrives.
                Duration::from_millis(5)
            } else {
                TICK
            };
            match events.recv_timeout(wait) {
                Ok(ev) => dirty |= on_event(app, store, clock, lock, ev?),
                Err(RecvTimeoutError::Timeout) => {
                    // A terminal closed under us no longer has a size: leave.
                    if !pending && crossterm::terminal::size().is_err() {
                        break;
                    }
                }
                Err(RecvTimeoutError::Disconnected) => break,
            }
            if matches!(app.popup, Some(Popup::Lookup(_))) && update::poll_lookup(app) {
                dirty = true;
            }
            if super::later::poll(app, store) {
                dirty = true;
            }
            if super::poll_overdue(app) {
                dirty = true;
            }
            if super::monitor::poll(app) {
                dirty = true;
            }
        }
        Ok(())
    })();
    // However the loop ended, the meeting's timer is booked and saved.
    // Nothing can be shown any more if this fails; the record keeps the time up to the last save.
    let _ = super::meeting::book_and_save(app, store, clock.now());
    app.later.cancel();
    store.settle_later(false);
    store.settle();
    if signals.hung_up.load(Ordering::Relaxed) {
        let_go_of_terminal();
    }
    drop(guard);
    ratatui::restore();
    result
}
