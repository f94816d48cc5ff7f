//! The passphrase on screen (issue 12): asked at the start of an encrypted store before it
//! opens, the lock screen (`Ctrl-L`, and after `lock_after_minutes` idle minutes), and the choice
//! of a passphrase when an empty store is encrypted from the welcome (`v`).
//!
//! While locked nothing of the store is drawn: the screen shows only the prompt, and every key
//! goes to it (Ctrl-C still quits). A wrong passphrase reads the `crypt` file only, so any
//! number of tries changes nothing on disk. What is typed is never shown, only a dot per
//! character, and is wiped from memory when the prompt goes.

use super::app::App;
use super::theme::{Role, Theme};
use crate::domain::dates::Lang;
use crate::i18n::crypt as msg;
use crate::store::crypt::{self, DataKey, Passphrase};
use crossterm::event::{Event, KeyCode, KeyEvent, KeyEventKind, KeyModifiers};
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Paragraph, Wrap};
use ratatui::Frame;
use std::path::{Path, PathBuf};

/// What the prompt is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Mode {
    /// Before the store opens.
    Open,
    /// The lock screen.
    Unlock,
    /// A new passphrase, typed twice (`second`: the first one is in).
    Choose { second: bool },
}

/// A passphrase being typed.
pub struct Prompt {
    mode: Mode,
    typed: Passphrase,
    first: Passphrase,
    /// The line under the field: what went wrong with the last try.
    note: Option<String>,
    tries: u32,
}

impl Prompt {
    fn new(mode: Mode) -> Prompt {
        Prompt {
            mode,
            typed: crypt::typing(),
            first: Passphrase::default(),
            note: None,
            tries: 0,
        }
    }

    /// Types a key; true when Enter was pressed.
    fn edit(&mut self, key: &KeyEvent) -> bool {
        match key.code {
            KeyCode::Enter => return true,
            KeyCode::Backspace => {
                self.typed.pop();
            }
            KeyCode::Char(c) if !key.modifiers.contains(KeyModifiers::CONTROL) => {
                self.typed.push(c)
            }
            _ => {}
        }
        false
    }
}

/// The lock of a running TUI: its prompt while locked, and a passphrase chosen on the welcome
/// for the start to encrypt the store with.
pub struct Lock {
    dir: PathBuf,
    encrypted: bool,
    prompt: Option<Prompt>,
    /// Set when a new passphrase was chosen twice alike: the loop ends, and the start encrypts
    /// the store and goes on.
    pub encrypt: Option<Passphrase>,
}

impl Lock {
    /// The lock of the store in `dir`; only an encrypted store can lock.
    pub fn new(dir: &Path, encrypted: bool) -> Lock {
        Lock {
            dir: dir.to_path_buf(),
            encrypted,
            prompt: None,
            encrypt: None,
        }
    }

    /// True while the screen is locked (or a passphrase is being chosen).
    pub fn shown(&self) -> bool {
        self.prompt.is_some()
    }

    /// Locks the screen after the idle minutes of the config; true when it just locked. The
    /// case under discussion in a running meeting is left alone, as by the blank on idle.
    pub fn tick(&mut self, app: &App, now: chrono::NaiveDateTime) -> bool {
        let minutes = app.config.lock_after_minutes;
        if !self.encrypted || self.prompt.is_some() || minutes == 0 {
            return false;
        }
        if super::idle::in_walk_through(app)
            || now - app.last_input < chrono::Duration::minutes(i64::from(minutes))
        {
            return false;
        }
        self.prompt = Some(Prompt::new(Mode::Unlock));
        true
    }

    /// Handles an event before the app sees it; true when it was the lock's (the app must not
    /// see it). `Ctrl-L` locks; `v` on the welcome of an empty store without encryption starts
    /// choosing a passphrase.
    pub fn event(&mut self, app: &mut App, ev: &Event) -> bool {
        let Event::Key(key) = ev else {
            return self.prompt.is_some();
        };
        if key.kind == KeyEventKind::Release {
            return self.prompt.is_some();
        }
        let ctrl = key.modifiers.contains(KeyModifiers::CONTROL);
        if ctrl && key.code == KeyCode::Char('c') {
            return false;
        }
        let Some(prompt) = self.prompt.as_mut() else {
            if ctrl && key.code == KeyCode::Char('l') && self.encrypted {
                self.prompt = Some(Prompt::new(Mode::Unlock));
                return true;
            }
            if !self.encrypted
                && app.welcome
                && app.popup.is_none()
                && key.code == KeyCode::Char('v')
            {
                self.prompt = Some(Prompt::new(Mode::Choose { second: false }));
                return true;
            }
            return false;
        };
        if key.code == KeyCode::Esc {
            match prompt.mode {
                Mode::Choose { .. } => self.prompt = None,
                _ => prompt.typed = crypt::typing(),
            }
            return true;
        }
        if prompt.edit(key) {
            self.submit(app);
        }
        true
    }

    fn submit(&mut self, app: &mut App) {
        let lang = app.lang;
        let Some(prompt) = self.prompt.as_mut() else {
            return;
        };
        let typed = std::mem::replace(&mut prompt.typed, crypt::typing());
        match prompt.mode {
            Mode::Open | Mode::Unlock => match crypt::unlock(&self.dir, &typed) {
                Ok(_) => {
                    self.prompt = None;
                    // The idle minutes count again from the unlock.
                    app.last_input = app.now;
                }
                Err(_) => {
                    prompt.tries += 1;
                    prompt.note = Some(msg::wrong_tries(prompt.tries, lang));
                }
            },
            Mode::Choose { second: false } => {
                if typed.chars().count() < crypt::MIN_CHARS {
                    prompt.note = Some(msg::TOO_SHORT_TRY_AGAIN.get(lang).into());
                } else {
                    prompt.first = typed;
                    prompt.note = None;
                    prompt.mode = Mode::Choose { second: true };
                }
            }
            Mode::Choose { second: true } => {
                if *typed == *prompt.first {
                    self.encrypt = Some(typed);
                    self.prompt = None;
                } else {
                    prompt.note = Some(msg::MISMATCH_TRY_AGAIN.get(lang).into());
                    prompt.first = Passphrase::default();
                    prompt.mode = Mode::Choose { second: false };
                }
            }
        }
    }

    /// Draws the prompt over the whole screen, if it is shown.
    pub fn render(&self, app: &App, frame: &mut Frame) {
        if let Some(p) = &self.prompt {
            draw(p, app.lang, &app.theme, frame);
        }
    }
}

/// The prompt alone on a cleared screen: nothing of the store shows behind it.
fn draw(p: &Prompt, lang: Lang, theme: &Theme, frame: &mut Frame) {
    let area = frame.area();
    frame.render_widget(Clear, area);
    let (title, hint) = match p.mode {
        Mode::Open => (
            msg::ASK.get(lang).trim_end_matches([' ', ':']),
            msg::OPEN_HINT,
        ),
        Mode::Unlock => (msg::LOCKED_TITLE.get(lang), msg::UNLOCK_HINT),
        Mode::Choose { second: false } => (msg::OFFER_TITLE.get(lang), msg::OFFER),
        Mode::Choose { second: true } => (msg::OFFER_TITLE.get(lang), msg::ASK_AGAIN),
    };
    let field = match p.mode {
        Mode::Choose { second: false } => msg::ASK_NEW,
        Mode::Choose { second: true } => msg::ASK_AGAIN,
        _ => msg::ASK,
    };
    let dots = "•".repeat(p.typed.chars().count().min(40));
    let mut lines = vec![
        Line::from(Span::styled(hint.get(lang), theme.style(Role::Text))),
        Line::from(""),
        Line::from(vec![
            Span::styled(field.get(lang), theme.style(Role::Header)),
            Span::styled(dots, theme.style(Role::Text)),
        ]),
    ];
    if let Some(note) = &p.note {
        lines.push(Line::from(""));
        lines.push(Line::from(Span::styled(
            note.clone(),
            theme.style(Role::Warning),
        )));
    }
    let w = area.width.min(70);
    let h = area.height.min(12);
    let r = Rect {
        x: area.x + (area.width - w) / 2,
        y: area.y + (area.height - h) / 2,
        width: w,
        height: h,
    };
    let block = Block::default()
        .borders(Borders::ALL)
        .border_style(theme.style(Role::Accent))
        .title(Span::styled(format!(" {title} "), theme.style(Role::Title)));
    frame.render_widget(
        Paragraph::new(lines)
            .block(block)
            .wrap(Wrap { trim: false }),
        r,
    );
}

/// True when the start asks the passphrase on screen: an encrypted store, on a terminal, and no
/// file named in `TANDEM_PASSPHRASE_FILE` (the store's opener reads that one).
pub fn asks_at_start(dir: &Path) -> bool {
    use std::io::IsTerminal;
    crypt::is_encrypted(dir)
        && std::io::stdout().is_terminal()
        && std::env::var_os("TANDEM_PASSPHRASE_FILE").is_none_or(|f| f.is_empty())
}

/// Asks the passphrase of the encrypted store in `dir` before it opens, on `terminal` (in raw
/// mode already): three tries. Returns the data key.
///
/// Errors: three wrong tries, or Esc / Ctrl-C (the message to show; nothing was changed).
pub fn ask_at_start(
    terminal: &mut ratatui::DefaultTerminal,
    dir: &Path,
    lang: Lang,
    theme: &Theme,
) -> Result<DataKey, String> {
    let mut p = Prompt::new(Mode::Open);
    loop {
        terminal
            .draw(|f| draw(&p, lang, theme, f))
            .map_err(|e| e.to_string())?;
        let key = match crossterm::event::read().map_err(|e| e.to_string())? {
            Event::Key(k) if k.kind != KeyEventKind::Release => k,
            _ => continue,
        };
        let ctrl_c =
            key.code == KeyCode::Char('c') && key.modifiers.contains(KeyModifiers::CONTROL);
        if ctrl_c || key.code == KeyCode::Esc {
            return Err(crate::i18n::cli::NOTHING_CHANGED.get(lang).into());
        }
        if !p.edit(&key) {
            continue;
        }
        let typed = std::mem::replace(&mut p.typed, crypt::typing());
        match crypt::unlock(dir, &typed) {
            Ok(key) => return Ok(key),
            Err(crate::store::StoreError::Crypt(crypt::CryptError::WrongPassphrase)) => {
                p.tries += 1;
                if p.tries == 3 {
                    return Err(msg::WRONG.get(lang).into());
                }
                p.note = Some(msg::wrong_tries(p.tries, lang));
            }
            Err(e) => return Err(crate::i18n::cli::store_error(&e, lang)),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crossterm::event::KeyEvent;

    fn app() -> App {
        let day = chrono::NaiveDate::from_ymd_opt(2026, 11, 23).unwrap_or_default();
        let mut app = super::super::blank(
            Lang::Nl,
            Theme::standaard(true),
            &crate::clock::Clock::Fixed(day),
        );
        app.config.lock_after_minutes = 10;
        app.last_input = day.and_hms_opt(9, 0, 0).unwrap_or_default();
        app
    }

    fn key(c: char, ctrl: bool) -> Event {
        let m = if ctrl {
            KeyModifiers::CONTROL
        } else {
            KeyModifiers::NONE
        };
        Event::Key(KeyEvent::new(KeyCode::Char(c), m))
    }

    #[test]
    fn it_locks_after_the_idle_minutes_and_on_ctrl_l_only_when_encrypted() {
        let mut app = app();
        let t0 = app.last_input;
        let at = |m: u32| t0 + chrono::Duration::minutes(i64::from(m));
        let (nine, ten) = (at(9), at(10));
        let mut plain = Lock::new(Path::new("/nonexistent"), false);
        assert!(!plain.tick(&app, ten), "nothing to unlock with");
        assert!(!plain.event(&mut app, &key('l', true)));
        let mut lock = Lock::new(Path::new("/nonexistent"), true);
        assert!(!lock.tick(&app, nine));
        assert!(lock.tick(&app, ten));
        assert!(lock.shown());
        // Every key is the prompt's now; Ctrl-C still reaches the app (it quits).
        assert!(lock.event(&mut app, &key('q', false)));
        assert!(!lock.event(&mut app, &key('c', true)));
        app.config.lock_after_minutes = 0;
        let mut never = Lock::new(Path::new("/nonexistent"), true);
        assert!(!never.tick(&app, at(600)));
        assert!(never.event(&mut app, &key('l', true)), "Ctrl-L locks");
        assert!(never.shown());
    }

    #[test]
    fn a_new_passphrase_must_be_long_enough_and_typed_twice_alike() {
        let mut app = app();
        app.welcome = true;
        let mut lock = Lock::new(Path::new("/nonexistent"), false);
        let typed = |lock: &mut Lock, app: &mut App, text: &str| {
            for c in text.chars() {
                lock.event(app, &key(c, false));
            }
            lock.event(app, &Event::Key(KeyEvent::from(KeyCode::Enter)));
        };
        assert!(lock.event(&mut app, &key('v', false)));
        typed(&mut lock, &mut app, "kort");
        assert!(lock.shown() && lock.encrypt.is_none());
        typed(&mut lock, &mut app, "lang genoeg");
        typed(&mut lock, &mut app, "lang genoeG");
        assert!(lock.encrypt.is_none(), "two different ones start over");
        typed(&mut lock, &mut app, "lang genoeg");
        typed(&mut lock, &mut app, "lang genoeg");
        assert_eq!(
            lock.encrypt.as_deref().map(String::as_str),
            Some("lang genoeg")
        );
        assert!(!lock.shown());
    }
}
