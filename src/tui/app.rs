//! The state of the TUI. Views only read it; `update` is the only place that changes it (and
//! the only place that calls the store).

use super::form::Form;
use super::intent::Context;
use super::lookup::{Lookup, LookupState};
use super::theme::Theme;
use crate::domain::dates::Lang;
use crate::domain::{
    Action, Case, CaseStatus, CaseSummary, Event, Family, Meeting, Person, PersonId, Side,
};
use crate::store::Undo;
use chrono::NaiveDate;
use std::collections::HashMap;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Screen {
    Overleg,
    Cases,
    Acties,
    Kaart,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum SortBy {
    #[default]
    LastActivity,
    NextDeadline,
    Name,
}

/// Filters of the case list; `None` means "all".
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct CaseFilter {
    pub status: Option<CaseStatus>,
    /// Open cases only (the default view): closed ones appear when the status filter asks.
    pub open_only: bool,
    pub side: Option<Side>,
    pub flagged_only: bool,
    pub school: Option<String>,
}

#[derive(Debug, Default)]
pub struct CaseList {
    pub rows: Vec<CaseSummary>,
    /// Where each case's row is in `rows`.
    pub by_id: HashMap<crate::domain::CaseId, usize>,
    /// Each row's place in name order, made the first time the list is sorted by name.
    pub name_rank: std::sync::OnceLock<Vec<u32>>,
    /// Indexes into `rows`, filtered and sorted.
    pub visible: Vec<usize>,
    pub selected: usize,
    pub filter: CaseFilter,
    pub sort: SortBy,
    pub schools: Vec<String>,
}

impl CaseList {
    /// New rows from the store: the id index and the schools are derived once here, not on
    /// every filter key.
    pub fn set_rows(&mut self, rows: Vec<CaseSummary>) {
        self.by_id = rows.iter().enumerate().map(|(i, r)| (r.id, i)).collect();
        let schools: std::collections::BTreeSet<&str> = rows
            .iter()
            .map(|r| r.school.as_str())
            .filter(|s| !s.is_empty())
            .collect();
        self.schools = schools.into_iter().map(str::to_string).collect();
        self.name_rank = std::sync::OnceLock::new();
        self.rows = rows;
    }

    pub fn row(&self, id: crate::domain::CaseId) -> Option<&CaseSummary> {
        self.by_id.get(&id).and_then(|i| self.rows.get(*i))
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum CasePane {
    #[default]
    Actions,
    Network,
    Timeline,
}

/// One case opened on purpose, with everything shown about it.
#[derive(Debug, Clone)]
pub struct CasePage {
    pub case: Case,
    pub family: Option<Family>,
    pub actions: Vec<Action>,
    pub events: Vec<Event>,
    /// Agreements from meetings about this case: (meeting date, text).
    pub agreements: Vec<(NaiveDate, String)>,
    /// The meetings this case was discussed in (their dates).
    pub discussed_in: Vec<NaiveDate>,
    pub pane: CasePane,
    pub selected: usize,
}

#[derive(Debug, Clone)]
pub struct FamilyPage {
    pub family: Family,
    pub cases: Vec<Case>,
    pub selected: usize,
}

#[derive(Debug, Clone)]
pub struct PersonPage {
    pub person: Person,
    /// Families this person is involved with, by name, with the role.
    pub families: Vec<(Family, String)>,
    pub selected: usize,
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
    pub undo: Vec<(Undo, String)>,
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
}

impl App {
    /// Which binding table applies now.
    pub fn context(&self) -> Context {
        match &self.popup {
            Some(Popup::Help { .. }) | Some(Popup::Text { .. }) => Context::Help,
            Some(Popup::MeetingSummary { .. }) => Context::Summary,
            Some(Popup::Lookup(_)) => Context::Lookup,
            Some(Popup::Form(_)) | Some(Popup::ConfirmDiscard(_)) => Context::Form,
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

    pub fn set_persons(&mut self, mut persons: Vec<Person>) {
        persons.sort_by_key(|a| a.name.to_lowercase());
        self.person_index = persons.iter().enumerate().map(|(i, p)| (p.id, i)).collect();
        self.persons = persons;
    }

    pub fn info(&mut self, msg: impl Into<String>) {
        self.status = Some((msg.into(), Level::Info));
    }

    pub fn error(&mut self, msg: impl Into<String>) {
        self.status = Some((msg.into(), Level::Error));
    }

    /// The id of the case whose names may show under privacy mode: the one opened on purpose.
    pub fn case_in_focus(&self) -> Option<crate::domain::CaseId> {
        let opened = self.pages.iter().rev().find_map(|p| match p {
            Page::Case(c) => Some(c.case.id),
            _ => None,
        });
        // In the meeting, the case being discussed is the one on show; it hides again when the
        // meeting moves on.
        let discussed = || {
            let m = self
                .meeting
                .as_ref()
                .filter(|m| m.running() && self.screen == Screen::Overleg)?;
            m.meeting.items.get(m.meeting.current).map(|i| i.case)
        };
        opened.or_else(discussed)
    }
}
