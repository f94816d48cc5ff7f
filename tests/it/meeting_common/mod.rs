//! Helpers of the meeting tests: the demo school in a temp dir with a fixed "today" (Monday
//! 23 November 2026), the app on top of it in the `beamer` theme (the TUI tests' [`Session`],
//! with the meeting's own methods added here), key scripts, fixed timers for snapshots, the
//! rendered screen as text, and the real binary for `tandem agenda`/`minutes`.
#![allow(dead_code)]

pub use crate::common::{day as date, today, TODAY};
pub use crate::screen::*;
pub use crate::tui_common::Session;

use chrono::NaiveDateTime;
use std::path::Path;
use tandem::config::Config;
use tandem::domain::agenda::propose;
use tandem::domain::dates::Lang;
use tandem::domain::{Action, AgendaItem, CaseSummary, Meeting};
use tandem::tui::theme::Theme;
use tempfile::TempDir;

/// 23 November 2026 at `h:m:s`.
pub fn at(h: u32, m: u32, s: u32) -> NaiveDateTime {
    today().and_hms_opt(h, m, s).expect("valid time")
}

/// The demo school on a fresh store, the app built on it in the beamer theme.
pub fn demo() -> Session {
    let theme = Theme::load("beamer", None, false).0;
    crate::tui_common::session(true, Lang::Nl, theme)
}

impl Session {
    /// The agenda (draft or running) as the app holds it: case ids in order.
    pub fn agenda_ids(&self) -> Vec<u64> {
        let m = self.app.meeting.as_ref().expect("screen 1 holds a meeting");
        m.meeting.items.iter().map(|i| i.case.0).collect()
    }

    pub fn meeting(&self) -> &Meeting {
        &self.app.meeting.as_ref().expect("a meeting").meeting
    }

    /// The meeting of the app as the store has it now.
    pub fn stored(&self) -> Meeting {
        let id = self.meeting().id;
        self.store.meeting(id).expect("read").expect("stored")
    }

    /// An open case the agenda does not hold.
    pub fn case_off_the_agenda(&self) -> CaseSummary {
        let on = self.agenda_ids();
        let rows = self.store.case_rows().expect("rows");
        rows.into_iter()
            .find(|r| r.status.is_open() && !on.contains(&r.id.0))
            .expect("an open case not on the agenda")
    }

    /// The case being discussed.
    pub fn current_case(&self) -> u64 {
        let m = self.meeting();
        m.items[m.current].case.0
    }

    pub fn row(&self, case: u64) -> CaseSummary {
        self.store
            .case_rows()
            .expect("rows")
            .into_iter()
            .find(|r| r.id.0 == case)
            .expect("the case row")
    }

    pub fn actions_of(&self, case: u64) -> Vec<Action> {
        self.store
            .actions_of_case(tandem::domain::CaseId(case))
            .expect("actions")
    }

    /// Fixes every clock a view reads, so a frame is the same on every run: the time of the
    /// frame, the meeting's start and when the current item became current.
    pub fn freeze(&mut self, now: NaiveDateTime, started: NaiveDateTime, since: NaiveDateTime) {
        self.app.now = now;
        if let Some(m) = self.app.meeting.as_mut() {
            m.since = Some(since);
            if m.meeting.started.is_some() {
                m.meeting.started = Some(started);
            }
        }
    }

    /// Closes the store (and its lock), so the binary can open the same dir.
    pub fn close(self) -> TempDir {
        let Session {
            dir, store, app, ..
        } = self;
        drop(app);
        drop(store);
        dir
    }
}

/// The proposal rules over the store's rows and meetings, with the default settings.
pub fn proposal(s: &Session) -> Vec<AgendaItem> {
    let rows = s.store.case_rows().expect("rows");
    let meetings = s.store.meetings().expect("meetings");
    propose(&rows, &meetings, &Config::default().agenda_rules(today()))
}

pub fn person_id(s: &Session, name: &str) -> u64 {
    let persons = s.store.persons().expect("persons");
    persons
        .iter()
        .find(|p| p.name == name)
        .map(|p| p.id.0)
        .unwrap_or_else(|| panic!("{name} on the sociale kaart"))
}

/// Item 1 of the demo meeting with an action and an agreement recorded, every clock fixed:
/// 7½ minutes into the meeting and into the item.
pub fn walk_through(privacy: bool) -> Session {
    let mut s = demo();
    s.press("1m");
    s.press("aMoeder bellen over de ochtenden<Tab>yv<Tab>vr<Enter>");
    s.press("rZusjes gaan vanaf januari naar de voorschoolse opvang.<Enter>");
    if !privacy {
        s.press("p");
    }
    assert_eq!(s.app.privacy, privacy);
    s.app.status = None;
    s.freeze(at(9, 7, 30), at(9, 0, 0), at(9, 0, 0));
    s
}

/// Runs the real binary on `data` with "today" fixed and no config file; stdout (it must
/// succeed).
pub fn tandem(data: &Path, args: &[&str]) -> String {
    let out = crate::common::tandem(data)
        .args(args)
        .env("XDG_CONFIG_HOME", data.join("no-config"))
        .output()
        .expect("run tandem");
    assert!(
        out.status.success(),
        "tandem {args:?} failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).expect("utf-8 output")
}

/// `tandem ... --format json`, parsed.
pub fn tandem_json(data: &Path, args: &[&str]) -> serde_json::Value {
    let text = tandem(data, args);
    serde_json::from_str(&text).unwrap_or_else(|e| panic!("not JSON ({e}): {text}"))
}
