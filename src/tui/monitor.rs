//! Monitor (screen 5): the pilot's measures for a period and a school (issue 14). The counting
//! reads the whole store, so it runs on a thread of its own ([`load`]) and the screen keeps
//! answering keys; [`poll`] takes the figures in when they are there.

pub mod view;

use super::app::App;
use super::form::kinds::{Body, PeriodForm};
use super::form::{Field, FieldKind};
use crate::domain::monitor::{same_school, Fold, Period, Scope, Tally};
use crate::i18n::monitor as m;
use crate::store::{Result as StoreResult, Store};
use chrono::NaiveDate;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{Receiver, TryRecvError};
use std::sync::Arc;

/// The periods `v` steps through.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum PeriodChoice {
    /// From 1 August up to today.
    #[default]
    SchoolYear,
    /// The last 12 months up to today.
    Last12Months,
    /// A period of one's own (from/to).
    Own(Period),
}

impl PeriodChoice {
    /// The days this choice covers on `today`.
    pub fn period(self, today: NaiveDate) -> Period {
        match self {
            PeriodChoice::SchoolYear => Period::school_year(today),
            PeriodChoice::Last12Months => Period::last_12_months(today),
            PeriodChoice::Own(p) => p,
        }
    }
}

/// What the counting thread hands back: the counts and every school seen.
type Counted = StoreResult<(Tally, Vec<String>)>;

/// The figures on show, and what they are about.
#[derive(Debug, Clone)]
pub struct Figures {
    pub scope: Scope,
    pub tally: Tally,
}

/// Screen 5's state.
#[derive(Debug, Default)]
pub struct MonitorState {
    pub choice: PeriodChoice,
    /// The school chosen (`None`: all).
    pub school: Option<String>,
    /// Every school in the case book, once counted.
    pub schools: Vec<String>,
    /// The last figures counted; kept on show while new ones are counted.
    pub figures: Option<Figures>,
    /// Why the last count failed, in words.
    pub error: Option<String>,
    pending: Option<(Scope, Receiver<Counted>)>,
    /// Stops the count under way when another is asked for.
    stop: Option<Arc<AtomicBool>>,
}

impl MonitorState {
    /// True while figures are being counted.
    pub fn counting(&self) -> bool {
        self.pending.is_some()
    }

    /// The scope of the choice on `today`.
    pub fn scope(&self, today: NaiveDate) -> Scope {
        Scope {
            period: self.choice.period(today),
            school: self.school.clone(),
            today,
        }
    }
}

/// What a key asks of screen 5.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MonitorStep {
    /// The next period: this school year, the last 12 months (and one's own, once chosen).
    Period,
    /// The next school, after the last one all schools again.
    School,
}

/// Starts counting the figures of the choice now made, on a thread of its own.
pub fn load(app: &mut App, store: &Store) {
    let scope = app.monitor.scope(app.today);
    let reader = store.monitor_reader();
    // A count asked for before this one is no longer wanted: it stops, and its answer is dropped.
    if let Some(stop) = app.monitor.stop.replace(reader.stop_flag()) {
        stop.store(true, Ordering::Relaxed);
    }
    let (tx, rx) = std::sync::mpsc::channel();
    let for_thread = scope.clone();
    std::thread::spawn(move || {
        let mut fold = Fold::new(for_thread);
        let counted = reader.feed(&mut fold).map(|()| {
            let schools = fold.schools();
            (fold.finish(), schools)
        });
        let _ = tx.send(counted);
    });
    app.monitor.error = None;
    app.monitor.pending = Some((scope, rx));
}

/// Takes in the figures once their thread has them. True when the screen must be drawn again.
pub fn poll(app: &mut App) -> bool {
    let Some((_, rx)) = &app.monitor.pending else {
        return false;
    };
    let counted = match rx.try_recv() {
        Ok(counted) => counted,
        Err(TryRecvError::Empty) => return false,
        Err(TryRecvError::Disconnected) => {
            Err(crate::store::Unreadable::DecodeStopped { what: "monitor" }.into())
        }
    };
    let Some((scope, _)) = app.monitor.pending.take() else {
        return false;
    };
    match counted {
        Ok((tally, schools)) => {
            app.monitor.schools = schools;
            app.monitor.figures = Some(Figures { scope, tally });
        }
        Err(e) => app.monitor.error = Some(crate::i18n::cli::store_error(&e, app.lang)),
    }
    true
}

/// Waits for the figures being counted (headless use and tests).
pub fn wait(app: &mut App) {
    while app.monitor.counting() {
        if !poll(app) {
            std::thread::sleep(std::time::Duration::from_millis(2));
        }
    }
}

/// Carries out a key of screen 5, and counts again.
pub fn step(app: &mut App, store: &Store, step: MonitorStep) {
    let m = &mut app.monitor;
    match step {
        MonitorStep::Period => {
            m.choice = match m.choice {
                PeriodChoice::SchoolYear => PeriodChoice::Last12Months,
                PeriodChoice::Last12Months | PeriodChoice::Own(_) => PeriodChoice::SchoolYear,
            }
        }
        MonitorStep::School => {
            let at = m
                .school
                .as_deref()
                .and_then(|s| m.schools.iter().position(|k| same_school(k, s)));
            m.school = match at {
                None => m.schools.first().cloned(),
                Some(i) => m.schools.get(i + 1).cloned(),
            };
        }
    }
    load(app, store);
}

/// Sets a period of one's own (`(from, to)`, swapped when given the wrong way round) and counts
/// again. Both days are required by the form, so `None` leaves the choice as it was.
pub fn set_period(app: &mut App, store: &Store, days: Option<(NaiveDate, NaiveDate)>) {
    if let Some((from, to)) = days {
        app.monitor.choice = PeriodChoice::Own(Period::new(from, to));
        load(app, store);
    }
}

/// The form for a period of one's own (`V`), filled in with the period on show.
pub fn period_form(app: &App) -> (crate::i18n::Text, Body, Option<crate::domain::FamilyId>) {
    let period = app.monitor.choice.period(app.today);
    let day = |d: NaiveDate| crate::domain::dates::format_numeric(d);
    let form = PeriodForm {
        from: Field::new(m::FROM, FieldKind::Date)
            .required()
            .with(&day(period.from)),
        to: Field::new(m::TO, FieldKind::Date)
            .required()
            .with(&day(period.to)),
    };
    (m::F_PERIOD, Body::MonitorPeriod(form), None)
}
