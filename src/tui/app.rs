//! The state of the TUI. Views only read it; `update` is the only place that changes it (and
//! the only place that calls the store).

use super::case::CasePage;
use super::cases::CaseList;
use super::family::FamilyPage;
use super::form::Form;
use super::intent::Context;
use super::kaart::PersonPage;
use super::lookup::{Lookup, LookupState};
use super::theme::Theme;
use crate::domain::dates::Lang;
use crate::domain::{Meeting, Person, PersonId};
use crate::store::Undo;
use chrono::NaiveDate;
use std::collections::HashMap;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Screen {
    Overleg,
    Cases,
    Acties,
    Kaart,
    Monitor,
}

#[derive(Debug, Clone)]
pub enum Page {
    Case(Box<CasePage>),
    Family(Box<FamilyPage>),
    Person(Box<PersonPage>),
}

#[derive(Debug)]
pub enum Popup {
    Help {
        scroll: usize,
    },
    Lookup(LookupState),
    Form(Box<Form>),
    /// Asks before throwing away a form with typed text.
    ConfirmDiscard(Box<Form>),
    /// Asks before closing (Esc) a form with typed text; yes closes it, tandem goes on.
    ConfirmClose(Box<Form>),
    /// Asks before saving an action for an owner the family gave no consent for.
    ConfirmNoConsent(Box<Form>),
    /// At the start with the beamer theme, before anything of the case book shows: privacy
    /// mode on?
    PrivacyOffer,
    /// A text to read (meeting history, minutes), scrolled with j/k.
    Text {
        title: String,
        lines: Vec<String>,
        scroll: usize,
    },
    /// What the meeting decided (its minutes so far); Enter ends it.
    MeetingSummary {
        lines: Vec<String>,
        scroll: usize,
    },
    /// Erasing a family: its name must be typed ([`super::forget`]).
    Forget(Box<super::forget::ForgetAsk>),
    /// The export dialog's file exists: replace it? Yes writes it, anything else goes back.
    ConfirmOverwrite(Box<Form>),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Level {
    Info,
    Error,
}

pub struct App {
    pub lang: Lang,
    pub theme: Theme,
    pub today: NaiveDate,
    pub screen: Screen,
    pub pages: Vec<Page>,
    pub popup: Option<Popup>,
    pub privacy: bool,
    pub blank: bool,
    pub status: Option<(String, Level)>,
    pub cases: CaseList,
    pub persons: Vec<Person>,
    pub person_index: HashMap<PersonId, usize>,
    pub kaart_selected: usize,
    pub meetings: Vec<Meeting>,
    /// This session's changes, newest last, with what to say when undone.
    pub undo: Vec<(Undo, super::privacy::Said)>,
    pub lookup: Lookup,
    pub welcome: bool,
    pub quit: bool,
    pub no_color: bool,
    pub actions: super::acties::ActionList,
    pub config: crate::config::Config,
    /// Where the config is saved; `None` in tests that must not write one.
    pub config_dir: Option<std::path::PathBuf>,
    /// The agenda draft or the running meeting (screen 1).
    pub meeting: Option<super::meeting::MeetingState>,
    /// The time as of the last tick: views show timers from it, never from the clock.
    pub now: chrono::NaiveDateTime,
    /// The overdue count being read after the first frame ([`super::poll_overdue`]).
    pub overdue: Option<std::sync::mpsc::Receiver<crate::store::Result<[usize; 2]>>>,
    /// When the last key or paste came: the screen blanks after the idle minutes of the config.
    pub last_input: chrono::NaiveDateTime,
    /// The terminal's height in rows as last seen (0: not known), so that reads for what is on
    /// screen reach far enough.
    pub height: u16,
    /// Screen 5: the period and school chosen, and the figures counted.
    pub monitor: super::monitor::MonitorState,
    /// The case rows and screen 3's entries being read after the first frame.
    pub later: super::later::Later,
}

impl App {
    /// Which binding table applies now.
    pub fn context(&self) -> Context {
        match &self.popup {
            Some(Popup::Help { .. }) | Some(Popup::Text { .. }) | Some(Popup::PrivacyOffer) => {
                Context::Help
            }
            Some(Popup::MeetingSummary { .. }) => Context::Summary,
            Some(Popup::Lookup(_)) => Context::Lookup,
            Some(Popup::Form(_))
            | Some(Popup::ConfirmDiscard(_))
            | Some(Popup::ConfirmClose(_))
            | Some(Popup::ConfirmNoConsent(_))
            | Some(Popup::ConfirmOverwrite(_))
            | Some(Popup::Forget(_)) => Context::Form,
            None => self.context_below_popup(),
        }
    }

    /// The context of the page under any popup (for the help overlay's list).
    pub fn context_below_popup(&self) -> Context {
        match self.pages.last() {
            Some(Page::Case(_)) => Context::Case,
            Some(Page::Family(_)) => Context::Family,
            Some(Page::Person(_)) => Context::Person,
            None => match self.screen {
                Screen::Overleg => self.meeting_context(),
                Screen::Cases => Context::Cases,
                Screen::Acties => Context::Acties,
                Screen::Kaart => Context::Kaart,
                Screen::Monitor => Context::Monitor,
            },
        }
    }

    fn meeting_context(&self) -> Context {
        if self.meeting.as_ref().is_some_and(|m| m.running()) {
            Context::Meeting
        } else {
            Context::Agenda
        }
    }

    pub fn person(&self, id: PersonId) -> Option<&Person> {
        self.person_index
            .get(&id)
            .and_then(|i| self.persons.get(*i))
    }

    pub fn person_name(&self, id: Option<PersonId>) -> String {
        id.and_then(|id| self.person(id))
            .map(|p| p.name.clone())
            .unwrap_or_else(|| "–".into())
    }

    /// A person's name for a field to start on; empty for no one (or someone gone).
    pub fn person_name_or_empty(&self, id: Option<PersonId>) -> String {
        id.and_then(|id| self.person(id))
            .map(|p| p.name.clone())
            .unwrap_or_default()
    }

    pub fn set_persons(&mut self, mut persons: Vec<Person>) {
        persons.sort_by_key(|a| a.name.to_lowercase());
        self.person_index = persons.iter().enumerate().map(|(i, p)| (p.id, i)).collect();
        self.persons = persons;
    }

    /// A meeting record as the store now holds it, in the list of meetings (by id).
    pub fn keep_meeting(&mut self, meeting: &Meeting) {
        match self.meetings.iter_mut().find(|m| m.id == meeting.id) {
            Some(m) => *m = meeting.clone(),
            None => {
                self.meetings.push(meeting.clone());
                self.meetings.sort_by_key(|m| m.id);
            }
        }
    }

    pub fn info(&mut self, msg: impl Into<String>) {
        self.status = Some((msg.into(), Level::Info));
    }

    pub fn error(&mut self, msg: impl Into<String>) {
        self.status = Some((msg.into(), Level::Error));
    }
}
