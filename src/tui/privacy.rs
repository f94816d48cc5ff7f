//! Privacy mode's one rule, in one place. While it is on, the screen shows nothing that names or
//! describes a family (no child or carer name, no free text, no contact details), except for the
//! family opened on purpose: the one of the case or family page opened with Enter, of the record
//! an open form is about, or of the case under discussion in the running meeting. Every view asks
//! [`Privacy`] for the text it shows of a family; a sentence for the status line that quotes a
//! family is kept as a [`Said`] and put into words by the same rule when it is said.
//!
//! The mode itself changes only with `p` (or the start: `--privacy`, the `privacy` setting, the
//! beamer theme's question, a meeting with `meeting_privacy`): no screen, popup or meeting step
//! turns it off.

use super::app::{App, Page, Popup, Screen};
use super::views::safe;
use crate::domain::text::initials;
use crate::domain::{CaseId, FamilyId};
use crate::i18n::tui as t;

/// Whose data a piece of text is: the rule shows it only for the family in focus.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Whose {
    Case(CaseId),
    Family(FamilyId),
    /// Not known: counts as another family's.
    Unknown,
}

impl From<CaseId> for Whose {
    fn from(id: CaseId) -> Whose {
        Whose::Case(id)
    }
}

impl From<FamilyId> for Whose {
    fn from(id: FamilyId) -> Whose {
        Whose::Family(id)
    }
}

impl From<Option<CaseId>> for Whose {
    fn from(id: Option<CaseId>) -> Whose {
        id.map_or(Whose::Unknown, Whose::Case)
    }
}

/// The rule as it stands for one frame: whether the mode is on, and which family is in focus.
#[derive(Clone, Copy)]
pub struct Privacy<'a> {
    on: bool,
    focus: Option<FamilyId>,
    app: &'a App,
}

impl<'a> Privacy<'a> {
    /// The rule for what `app` shows now.
    pub fn of(app: &'a App) -> Privacy<'a> {
        Privacy {
            on: app.privacy,
            focus: focus(app),
            app,
        }
    }

    /// Whether privacy mode is on.
    pub fn on(&self) -> bool {
        self.on
    }

    /// The family opened on purpose, if any (with the mode off too).
    pub fn focus(&self) -> Option<FamilyId> {
        self.focus
    }

    /// Whether `whose` data shows in full: always with the mode off, else only for the family
    /// in focus.
    pub fn shows(&self, whose: impl Into<Whose>) -> bool {
        if !self.on {
            return true;
        }
        let family = match whose.into() {
            Whose::Family(f) => Some(f),
            Whose::Case(c) => self.app.cases.row(c).map(|r| r.family),
            Whose::Unknown => None,
        };
        family.is_some() && family == self.focus
    }

    /// A child's, carer's or family's name: in full, or its initials.
    pub fn name(&self, name: &str, whose: impl Into<Whose>) -> String {
        if self.shows(whose) {
            safe(name)
        } else {
            safe(&initials(name))
        }
    }

    /// Free text or contact details: in full, or a mark that something is hidden.
    pub fn text(&self, text: &str, whose: impl Into<Whose>) -> String {
        if self.shows(whose) {
            safe(text)
        } else {
            t::HIDDEN.get(self.app.lang).to_string()
        }
    }

    /// Replaces `text` with the hidden mark unless it shows: for text another room formats
    /// (the minutes), so it is left exactly as it was when it shows.
    pub fn hide(&self, text: &mut String, whose: impl Into<Whose>) {
        if !self.shows(whose) {
            *text = t::HIDDEN.get(self.app.lang).to_string();
        }
    }

    /// A sentence in words, each quote of a family's data through the rule. The plain words are
    /// left as they are (spaces at either end included): whoever draws the line makes it safe.
    pub fn say(&self, said: &Said) -> String {
        said.0
            .iter()
            .map(|part| match part {
                // Said as they are: the status line makes the whole line safe to draw.
                Part::Plain(s) => s.clone(),
                Part::Name(s, whose) => self.name(s, *whose),
                Part::Text(s, whose) => self.text(s, *whose),
            })
            .collect()
    }
}

/// Which family is opened on purpose: the one an open form (or its question) is about, else the
/// case or family page nearest the top, else, on screen 1, the case the running meeting
/// discusses (it hides again when the meeting moves on).
fn focus(app: &App) -> Option<FamilyId> {
    let form = match &app.popup {
        Some(
            Popup::Form(f)
            | Popup::ConfirmDiscard(f)
            | Popup::ConfirmClose(f)
            | Popup::ConfirmNoConsent(f),
        ) => f.about,
        _ => None,
    };
    let page = || {
        app.pages.iter().rev().find_map(|p| match p {
            Page::Case(c) => Some(c.case.family),
            Page::Family(f) => Some(f.family.id),
            Page::Person(_) => None,
        })
    };
    let discussed = || {
        let m = app
            .meeting
            .as_ref()
            .filter(|m| app.screen == Screen::Overleg && m.running())?;
        let case = m.meeting.current_case()?;
        match &m.page {
            Some(p) if p.case.id == case => Some(p.case.family),
            _ => app.cases.row(case).map(|r| r.family),
        }
    };
    form.or_else(page).or_else(discussed)
}

/// A sentence that may quote a family's data (an action's text, a child's name): plain words and
/// quotes, kept apart until it is said, so an undo later says it by the rule as it is then.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Said(Vec<Part>);

#[derive(Debug, Clone, PartialEq, Eq)]
enum Part {
    Plain(String),
    Name(String, Whose),
    Text(String, Whose),
}

impl Said {
    /// Words that quote no family.
    pub fn plain(words: impl Into<String>) -> Said {
        Said(vec![Part::Plain(words.into())])
    }

    /// Plain words added at the end.
    pub fn and(mut self, words: &str) -> Said {
        self.0.push(Part::Plain(words.to_string()));
        self
    }

    /// A name of `whose` family added at the end.
    pub fn name(mut self, name: &str, whose: impl Into<Whose>) -> Said {
        self.0.push(Part::Name(name.to_string(), whose.into()));
        self
    }

    /// A free text of `whose` family added at the end.
    pub fn text(mut self, text: &str, whose: impl Into<Whose>) -> Said {
        self.0.push(Part::Text(text.to_string(), whose.into()));
        self
    }

    /// "`prefix`: what was said", e.g. "Ongedaan gemaakt: Actie afgevinkt: …".
    pub fn after(prefix: &str, said: &Said) -> Said {
        let mut parts = vec![Part::Plain(format!("{prefix}: "))];
        parts.extend(said.0.iter().cloned());
        Said(parts)
    }
}

/// Puts `said` on the status line, by the rule as it is now.
pub fn say(app: &mut App, said: &Said) {
    let words = Privacy::of(app).say(said);
    app.info(words);
}

/// Privacy mode at the start: on with `--privacy` or the `privacy` setting; otherwise, with the
/// beamer theme, asked before anything of the case book is drawn (the projector may be on
/// already, so an offer on the status line would come too late).
pub fn at_start(app: &mut App, flag: bool) {
    app.privacy = flag || app.config.privacy;
    if !app.privacy && app.theme.name == BEAMER {
        app.popup = Some(Popup::PrivacyOffer);
    }
}

/// The theme made for a projector.
const BEAMER: &str = "beamer";
