//! Erasing a family from its screen (issue 12 part 2): `X` asks what `tandem forget` asks, and
//! only the family's name typed in full erases it. Afterwards every screen is read again and
//! this session's undo is emptied (an undo would bring the family back).

use super::app::{App, Popup};
use super::load;
use super::msg::Msg;
use super::update::Problem;
use crate::clock::Clock;
use crate::domain::text::fold;
use crate::domain::FamilyId;
use crate::i18n::forget as msg;
use crate::store::erase::Erased;
use crate::store::Store;
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

/// The question on screen: which family, what goes, and the name typed so far.
#[derive(Debug, Clone)]
pub struct ForgetAsk {
    pub family: FamilyId,
    pub name: String,
    pub typed: String,
    pub preview: Erased,
    pub backups: usize,
}

/// A key while the question is open.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ForgetMsg {
    Type(char),
    Backspace,
    Submit,
    Cancel,
}

/// What a key means while the question is open: typing, Enter, Esc; Ctrl-C is Esc too.
pub fn key(key: KeyEvent) -> Option<Msg> {
    let ctrl = key.modifiers.contains(KeyModifiers::CONTROL);
    let m = match key.code {
        KeyCode::Char('c') if ctrl => ForgetMsg::Cancel,
        KeyCode::Char(c) if !ctrl => ForgetMsg::Type(c),
        KeyCode::Backspace => ForgetMsg::Backspace,
        KeyCode::Enter => ForgetMsg::Submit,
        KeyCode::Esc => ForgetMsg::Cancel,
        _ => return None,
    };
    Some(Msg::Forget(m))
}

/// Opens the question for family `id`.
///
/// Errors: the family is gone, or the store could not read it.
pub fn ask(app: &mut App, store: &Store, id: FamilyId) -> Result<(), Problem> {
    let family = store.family(id)?.ok_or(Problem::NotFound)?;
    let preview = store.erasure_preview(id)?;
    let backups = crate::store::backup::list(store.dir())?.len();
    app.popup = Some(Popup::Forget(Box::new(ForgetAsk {
        family: id,
        name: family.name,
        typed: String::new(),
        preview,
        backups,
    })));
    Ok(())
}

/// Carries out a key of the question.
///
/// Errors: what the erasure reports; the store is then open again, or the session ends.
pub fn update(
    app: &mut App,
    store: &mut Store,
    clock: &Clock,
    m: ForgetMsg,
) -> Result<(), Problem> {
    let Some(Popup::Forget(asked)) = &mut app.popup else {
        return Ok(());
    };
    match m {
        ForgetMsg::Type(c) => asked.typed.push(c),
        ForgetMsg::Backspace => {
            asked.typed.pop();
        }
        ForgetMsg::Cancel => {
            app.popup = None;
            app.info(crate::i18n::cli::NOTHING_CHANGED.get(app.lang));
        }
        ForgetMsg::Submit => {
            let (id, fits) = (
                asked.family,
                fold(asked.typed.trim()) == fold(asked.name.trim()),
            );
            app.popup = None;
            if !fits {
                app.info(msg::NOTHING_ERASED.get(app.lang));
                return Ok(());
            }
            return erase(app, store, clock, id);
        }
    }
    Ok(())
}

fn erase(app: &mut App, store: &mut Store, clock: &Clock, id: FamilyId) -> Result<(), Problem> {
    let started = std::time::Instant::now();
    let erased = store.forget_here(id, clock.today());
    // Whatever happened, nothing of this session may bring the family back.
    app.undo.clear();
    if store.is_closed() {
        app.quit = true;
    }
    let erased = erased?;
    app.pages.clear();
    load::refresh(store, app)?;
    app.info(msg::done(
        &erased,
        started.elapsed().as_secs_f64(),
        app.lang,
    ));
    Ok(())
}

/// The question's lines, for the popup.
pub fn lines(app: &App, asked: &ForgetAsk) -> Vec<String> {
    vec![
        msg::plan(&asked.name, &asked.preview, asked.backups, app.lang),
        String::new(),
        format!("{}{}_", msg::ask(&asked.name, app.lang), asked.typed),
    ]
}
