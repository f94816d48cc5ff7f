//! `tandem encrypt`, `tandem passphrase`, and the passphrase every command of an encrypted
//! store needs: from the file named in `TANDEM_PASSPHRASE_FILE` (scripts), else asked on the
//! terminal without echo, three tries at most. A wrong passphrase opens nothing, so three wrong
//! tries change nothing on disk.

use super::{CliError, Ctx};
use crate::i18n::crypt as msg;
use crate::i18n::Text;
use crate::store::crypt::{self, CryptError, DataKey, Passphrase};
use crate::store::StoreError;
use std::io::{IsTerminal, Write};

/// The environment variable naming a file that holds the passphrase (its first line).
pub const PASSPHRASE_FILE: &str = "TANDEM_PASSPHRASE_FILE";
/// The same for the new passphrase of `tandem passphrase`, for scripts.
pub const NEW_PASSPHRASE_FILE: &str = "TANDEM_NEW_PASSPHRASE_FILE";
/// Tries on the terminal before giving up.
const TRIES: u32 = 3;
use crate::store::crypt::MIN_CHARS;

/// The data key of the store in the data dir, asked once per process; `None` when the store is
/// not encrypted.
///
/// Errors: a wrong passphrase (three times on the terminal, once from the file), no terminal
/// and no file, a file that can't be read.
pub fn key(ctx: &Ctx) -> Result<Option<DataKey>, CliError> {
    if let Some(known) = ctx.key.get() {
        return Ok(known.clone());
    }
    let found = ask_key(ctx)?;
    let _ = ctx.key.set(found.clone());
    Ok(found)
}

fn ask_key(ctx: &Ctx) -> Result<Option<DataKey>, CliError> {
    let dir = &ctx.data_dir;
    if !crypt::is_encrypted(dir) {
        return Ok(None);
    }
    let fail = |e: StoreError| ctx.fail(e);
    if let Some(pass) = from_file(ctx, PASSPHRASE_FILE)? {
        return crypt::unlock(dir, &pass).map(Some).map_err(fail);
    }
    if !std::io::stdin().is_terminal() {
        return Err(CliError(msg::NO_TTY.get(ctx.lang).into()));
    }
    for _ in 1..TRIES {
        let pass = ask(ctx, msg::ASK)?;
        match crypt::unlock(dir, &pass) {
            Err(StoreError::Crypt(CryptError::WrongPassphrase)) => {
                eprintln!("{}", msg::WRONG_TRY_AGAIN.get(ctx.lang));
            }
            other => return other.map(Some).map_err(fail),
        }
    }
    let pass = ask(ctx, msg::ASK)?;
    crypt::unlock(dir, &pass).map(Some).map_err(fail)
}

/// The first line of the file named in `var`, if the variable is set.
fn from_file(ctx: &Ctx, var: &str) -> Result<Option<Passphrase>, CliError> {
    let Some(path) = std::env::var_os(var).filter(|p| !p.is_empty()) else {
        return Ok(None);
    };
    let text = Passphrase::new(
        std::fs::read_to_string(&path)
            .map_err(|e| CliError(format!("{}: {e}", msg::FILE_UNREADABLE.get(ctx.lang))))?,
    );
    let first = text.lines().next().unwrap_or("");
    Ok(Some(Passphrase::new(first.to_string())))
}

/// Asks on the terminal, without echo.
fn ask(ctx: &Ctx, prompt: Text) -> Result<Passphrase, CliError> {
    read_hidden(prompt.get(ctx.lang))
        .map_err(|_| CliError(crate::i18n::cli::NOTHING_CHANGED.get(ctx.lang).into()))
}

/// A new passphrase: from the file named in `var`, or asked twice on the terminal.
fn choose(ctx: &Ctx, var: &str) -> Result<Passphrase, CliError> {
    let say = |t: Text| CliError(t.get(ctx.lang).into());
    let pass = match from_file(ctx, var)? {
        Some(p) => p,
        None if std::io::stdin().is_terminal() => {
            let first = ask(ctx, msg::ASK_NEW)?;
            if first.chars().count() < MIN_CHARS {
                return Err(say(msg::TOO_SHORT));
            }
            if *ask(ctx, msg::ASK_AGAIN)? != *first {
                return Err(say(msg::MISMATCH));
            }
            first
        }
        None => return Err(say(msg::NO_TTY)),
    };
    if pass.chars().count() < MIN_CHARS {
        return Err(say(msg::TOO_SHORT));
    }
    Ok(pass)
}

/// `tandem encrypt`: protects the store with a new passphrase.
pub fn encrypt(ctx: &Ctx) -> Result<(), CliError> {
    if crypt::is_encrypted(&ctx.data_dir) {
        return Err(ctx.fail(CryptError::AlreadyEncrypted.into()));
    }
    let store = ctx.open()?;
    if std::io::stdin().is_terminal() && std::env::var_os(PASSPHRASE_FILE).is_none() {
        eprintln!("{}", msg::ENCRYPT_WHAT.get(ctx.lang));
    }
    let pass = choose(ctx, PASSPHRASE_FILE)?;
    let store = store
        .encrypt(&pass, ctx.clock.today())
        .map_err(|e| ctx.fail(e))?;
    store.close_at_exit();
    eprintln!("{}", msg::ENCRYPTED.get(ctx.lang));
    Ok(())
}

/// `tandem passphrase`: the current passphrase, then a new one; only the `crypt` file changes.
pub fn passphrase(ctx: &Ctx) -> Result<(), CliError> {
    if !crypt::is_encrypted(&ctx.data_dir) {
        return Err(ctx.fail(CryptError::NotEncrypted.into()));
    }
    // The current one is checked first: three wrong tries and nothing is asked or changed.
    let Some(key) = key(ctx)? else {
        return Err(ctx.fail(CryptError::NotEncrypted.into()));
    };
    let new = choose(ctx, NEW_PASSPHRASE_FILE)?;
    crypt::rewrap(&ctx.data_dir, &key, &new).map_err(|e| ctx.fail(e))?;
    eprintln!("{}", msg::CHANGED.get(ctx.lang));
    Ok(())
}

/// Reads a line from the terminal without showing it (raw mode, so nothing is echoed; Esc or
/// Ctrl-C gives up).
///
/// Errors: the terminal can't be read, or the user gave up (`Interrupted`).
pub fn read_hidden(prompt: &str) -> std::io::Result<Passphrase> {
    use crossterm::event::{self, Event, KeyCode, KeyEventKind, KeyModifiers};
    eprint!("{prompt}");
    std::io::stderr().flush()?;
    crossterm::terminal::enable_raw_mode()?;
    let mut typed = crypt::typing();
    let result = loop {
        let key = match event::read() {
            Ok(Event::Key(k)) if k.kind != KeyEventKind::Release => k,
            Ok(_) => continue,
            Err(e) => break Err(e),
        };
        match key.code {
            KeyCode::Enter => break Ok(()),
            KeyCode::Char('c') if key.modifiers.contains(KeyModifiers::CONTROL) => {
                break Err(std::io::ErrorKind::Interrupted.into())
            }
            KeyCode::Esc => break Err(std::io::ErrorKind::Interrupted.into()),
            KeyCode::Backspace => {
                typed.pop();
            }
            KeyCode::Char(c) => typed.push(c),
            _ => {}
        }
    };
    let _ = crossterm::terminal::disable_raw_mode();
    eprintln!();
    result.map(|()| typed)
}
