//! The raw counts behind every measure, as they add up across schools: what `tandem stats`
//! writes in its JSON for `--merge`, and what the small-count rule is applied to afterwards.

use super::histogram::Histogram;
use crate::domain::{Outcome, Side, SignalSource};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// A count per side.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct PerSide {
    pub onderwijs: u64,
    pub zorg: u64,
}

impl PerSide {
    /// The count of `side`, to add to.
    pub fn of(&mut self, side: Side) -> &mut u64 {
        match side {
            Side::Onderwijs => &mut self.onderwijs,
            Side::Zorg => &mut self.zorg,
        }
    }

    /// The count of `side`.
    pub fn get(&self, side: Side) -> u64 {
        match side {
            Side::Onderwijs => self.onderwijs,
            Side::Zorg => self.zorg,
        }
    }

    pub fn total(&self) -> u64 {
        self.onderwijs + self.zorg
    }

    fn merge(&mut self, other: &PerSide) {
        self.onderwijs += other.onderwijs;
        self.zorg += other.zorg;
    }
}

/// A count per outcome of a closing.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ByOutcome {
    pub zelfstandig_verder: u64,
    pub kortdurende_interventie: u64,
    pub verwezen_jeugdhulp: u64,
    pub anders: u64,
}

impl ByOutcome {
    /// The count of `outcome`, to add to.
    pub fn of(&mut self, outcome: Outcome) -> &mut u64 {
        match outcome {
            Outcome::ZelfstandigVerder => &mut self.zelfstandig_verder,
            Outcome::KortdurendeInterventie => &mut self.kortdurende_interventie,
            Outcome::VerwezenJeugdhulp => &mut self.verwezen_jeugdhulp,
            Outcome::Anders => &mut self.anders,
        }
    }

    /// The count of `outcome`.
    pub fn get(&self, outcome: Outcome) -> u64 {
        match outcome {
            Outcome::ZelfstandigVerder => self.zelfstandig_verder,
            Outcome::KortdurendeInterventie => self.kortdurende_interventie,
            Outcome::VerwezenJeugdhulp => self.verwezen_jeugdhulp,
            Outcome::Anders => self.anders,
        }
    }

    pub fn total(&self) -> u64 {
        Outcome::ALL.iter().map(|o| self.get(*o)).sum()
    }

    /// Closings that were not a referral to specialist youth care.
    pub fn without_referral(&self) -> u64 {
        self.total() - self.verwezen_jeugdhulp
    }

    fn merge(&mut self, other: &ByOutcome) {
        for o in Outcome::ALL {
            *self.of(o) += other.get(o);
        }
    }
}

/// A count per signal source.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct BySource {
    pub ouder: u64,
    pub school: u64,
    pub anders: u64,
}

impl BySource {
    /// The order sources are shown in.
    pub const ALL: [SignalSource; 3] = [
        SignalSource::Ouder,
        SignalSource::School,
        SignalSource::Anders,
    ];

    /// The count of `source`, to add to.
    pub fn of(&mut self, source: SignalSource) -> &mut u64 {
        match source {
            SignalSource::Ouder => &mut self.ouder,
            SignalSource::School => &mut self.school,
            SignalSource::Anders => &mut self.anders,
        }
    }

    /// The count of `source`.
    pub fn get(&self, source: SignalSource) -> u64 {
        match source {
            SignalSource::Ouder => self.ouder,
            SignalSource::School => self.school,
            SignalSource::Anders => self.anders,
        }
    }

    pub fn total(&self) -> u64 {
        self.ouder + self.school + self.anders
    }
}

/// Every raw count of the measures, for one scope. Adds up across schools with
/// [`Tally::merge`]; nothing in it names a family, a child, a person or a case.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Tally {
    /// Per intake held in the period: days from the signal.
    pub signal_to_intake: Histogram,
    /// Cases signalled in the period that have no intake date (yet).
    pub without_intake: u64,
    /// Per intake held in the period whose case has an action: days from the intake to the
    /// case's first action.
    pub intake_to_action: Histogram,
    /// Intakes held in the period whose case has no action (yet).
    pub intake_without_action: u64,
    /// Closings in the period, by outcome (a case closed twice counts twice).
    pub closings: ByOutcome,
    /// Per family with a case open during the period: different professionals involved.
    pub faces: Histogram,
    /// Actions open on the reference day, per side.
    pub open: PerSide,
    /// Of those, past their deadline on the reference day.
    pub overdue: PerSide,
    /// Actions with a deadline in the period that has passed (or that are done), not
    /// cancelled, per side.
    pub due: PerSide,
    /// Of those, done on or before the deadline.
    pub on_time: PerSide,
    /// New cases by the month of their signal (`YYYY-MM`) and its source.
    pub new_cases: BTreeMap<String, BySource>,
}

impl Tally {
    /// Adds another scope's counts (another school, the same period) to these.
    pub fn merge(&mut self, other: &Tally) {
        self.signal_to_intake.merge(&other.signal_to_intake);
        self.without_intake += other.without_intake;
        self.intake_to_action.merge(&other.intake_to_action);
        self.intake_without_action += other.intake_without_action;
        self.closings.merge(&other.closings);
        self.faces.merge(&other.faces);
        self.open.merge(&other.open);
        self.overdue.merge(&other.overdue);
        self.due.merge(&other.due);
        self.on_time.merge(&other.on_time);
        for (month, counts) in &other.new_cases {
            let mine = self.new_cases.entry(month.clone()).or_default();
            for s in BySource::ALL {
                *mine.of(s) += counts.get(s);
            }
        }
    }

    /// New cases per source over the whole period.
    pub fn new_cases_total(&self) -> BySource {
        let mut out = BySource::default();
        for counts in self.new_cases.values() {
            for s in BySource::ALL {
                *out.of(s) += counts.get(s);
            }
        }
        out
    }
}
