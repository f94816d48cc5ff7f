//! A case (casus): one child's question and its follow-up, from signal to closing and back.

use super::dates::wire;
use super::ids::{CaseId, ChildId, FamilyId, PersonId};
use super::person::Side;
use chrono::{NaiveDate, NaiveDateTime};
use serde::{Deserialize, Serialize};

/// Where the question came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum SignalSource {
    Ouder,
    School,
    Anders,
}

/// aangemeld → intake → lopend → afgesloten; a closed case can be reopened (→ lopend), its
/// closings kept in [`Case::closings`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum CaseStatus {
    Aangemeld,
    Intake,
    Lopend,
    Afgesloten,
}

impl CaseStatus {
    pub const ALL: [CaseStatus; 4] = [
        CaseStatus::Aangemeld,
        CaseStatus::Intake,
        CaseStatus::Lopend,
        CaseStatus::Afgesloten,
    ];

    pub fn key(self) -> &'static str {
        match self {
            CaseStatus::Aangemeld => "aangemeld",
            CaseStatus::Intake => "intake",
            CaseStatus::Lopend => "lopend",
            CaseStatus::Afgesloten => "afgesloten",
        }
    }

    pub fn to_byte(self) -> u8 {
        match self {
            CaseStatus::Aangemeld => 0,
            CaseStatus::Intake => 1,
            CaseStatus::Lopend => 2,
            CaseStatus::Afgesloten => 3,
        }
    }

    pub fn is_open(self) -> bool {
        self != CaseStatus::Afgesloten
    }
}

/// How a case ended; what the monitoring counts ("without referral").
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Outcome {
    ZelfstandigVerder,
    KortdurendeInterventie,
    VerwezenJeugdhulp,
    Anders,
}

impl Outcome {
    pub const ALL: [Outcome; 4] = [
        Outcome::ZelfstandigVerder,
        Outcome::KortdurendeInterventie,
        Outcome::VerwezenJeugdhulp,
        Outcome::Anders,
    ];
}

/// One closing of a case. Reopening keeps it, so the history (and the monitoring) survives.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Closing {
    #[serde(with = "wire::date")]
    pub closed: NaiveDate,
    pub outcome: Outcome,
    #[serde(default, with = "wire::date::option")]
    pub reopened: Option<NaiveDate>,
}

/// Who leads the case now (regie): a side, and if known the person.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct Lead {
    pub side: Option<Side>,
    pub person: Option<PersonId>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ConsentStatus {
    Gegeven,
    Geweigerd,
    NietGevraagd,
}

/// Parents' consent to share information with one party. No consent, no sharing.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Consent {
    pub person: PersonId,
    pub status: ConsentStatus,
    #[serde(default, with = "wire::date::option")]
    pub date: Option<NaiveDate>,
    pub note: String,
    /// Who gave (or refused) it, e.g. "moeder" (record format 2; empty before).
    #[serde(default)]
    pub given_by: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Case {
    pub id: CaseId,
    pub family: FamilyId,
    pub child: ChildId,
    /// The hulpvraag, in the family's or school's own words.
    pub question: String,
    pub signal: SignalSource,
    /// Who signalled it, in words: "moeder", "juf Anouk" (record format 2; empty before).
    #[serde(default)]
    pub signal_by: String,
    #[serde(with = "wire::date")]
    pub signal_date: NaiveDate,
    #[serde(default, with = "wire::date::option")]
    pub intake_date: Option<NaiveDate>,
    /// First support given (for "binnen een week" monitoring).
    #[serde(default, with = "wire::date::option")]
    pub support_date: Option<NaiveDate>,
    pub status: CaseStatus,
    pub lead: Lead,
    pub consents: Vec<Consent>,
    /// Flagged "bespreken" for the next meeting.
    pub flagged: bool,
    pub closings: Vec<Closing>,
    /// Free notes, kept inline on the case card.
    pub notes: String,
    #[serde(with = "wire::datetime")]
    pub created: NaiveDateTime,
    /// Last change to the case or anything under it; sorts the case list.
    #[serde(with = "wire::datetime")]
    pub last_activity: NaiveDateTime,
}

impl Case {
    /// A new case as the intake records it: aangemeld, no lead yet, created `now`.
    pub fn new(
        id: CaseId,
        family: FamilyId,
        child: ChildId,
        question: String,
        signal: SignalSource,
        signal_date: NaiveDate,
        now: NaiveDateTime,
    ) -> Case {
        Case {
            id,
            family,
            child,
            question,
            signal,
            signal_by: String::new(),
            signal_date,
            intake_date: None,
            support_date: None,
            status: CaseStatus::Aangemeld,
            lead: Lead::default(),
            consents: vec![],
            flagged: false,
            closings: vec![],
            notes: String::new(),
            created: now,
            last_activity: now,
        }
    }

    /// The outcome of the current closing, if the case is closed.
    pub fn outcome(&self) -> Option<Outcome> {
        if self.status == CaseStatus::Afgesloten {
            self.closings.last().map(|c| c.outcome)
        } else {
            None
        }
    }

    pub fn closed_date(&self) -> Option<NaiveDate> {
        if self.status == CaseStatus::Afgesloten {
            self.closings.last().map(|c| c.closed)
        } else {
            None
        }
    }

    pub fn consent_for(&self, person: super::ids::PersonId) -> ConsentStatus {
        self.consents
            .iter()
            .find(|c| c.person == person)
            .map_or(ConsentStatus::NietGevraagd, |c| c.status)
    }

    /// Closes the case with an outcome on `day`. Closing a closed case changes nothing.
    pub fn close(&mut self, day: NaiveDate, outcome: Outcome) -> bool {
        if self.status == CaseStatus::Afgesloten {
            return false;
        }
        self.status = CaseStatus::Afgesloten;
        self.flagged = false;
        self.closings.push(Closing {
            closed: day,
            outcome,
            reopened: None,
        });
        true
    }

    /// Reopens a closed case ("leun- en steunhulp"): back to lopend, the closing kept.
    pub fn reopen(&mut self, day: NaiveDate) -> bool {
        if self.status != CaseStatus::Afgesloten {
            return false;
        }
        self.status = CaseStatus::Lopend;
        if let Some(last) = self.closings.last_mut() {
            last.reopened = Some(day);
        }
        true
    }

    /// Sets (or replaces) the consent for one party.
    pub fn set_consent(&mut self, consent: Consent) {
        match self
            .consents
            .iter_mut()
            .find(|c| c.person == consent.person)
        {
            Some(existing) => *existing = consent,
            None => self.consents.push(consent),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn case() -> Case {
        let day = NaiveDate::from_ymd_opt(2026, 11, 23).unwrap_or_default();
        Case {
            id: CaseId(1),
            family: FamilyId(1),
            child: ChildId(1),
            question: "slaapt slecht".into(),
            signal: SignalSource::Ouder,
            signal_by: String::new(),
            signal_date: day,
            intake_date: None,
            support_date: None,
            status: CaseStatus::Lopend,
            lead: Lead::default(),
            consents: vec![],
            flagged: true,
            closings: vec![],
            notes: String::new(),
            created: day.and_hms_opt(9, 0, 0).unwrap_or_default(),
            last_activity: day.and_hms_opt(9, 0, 0).unwrap_or_default(),
        }
    }

    #[test]
    fn close_and_reopen_keep_history() {
        let mut c = case();
        let d1 = NaiveDate::from_ymd_opt(2026, 12, 1).unwrap();
        let d2 = NaiveDate::from_ymd_opt(2027, 2, 1).unwrap();
        assert!(c.close(d1, Outcome::KortdurendeInterventie));
        assert!(!c.close(d1, Outcome::Anders));
        assert_eq!(c.outcome(), Some(Outcome::KortdurendeInterventie));
        assert!(!c.flagged);
        assert!(c.reopen(d2));
        assert_eq!(c.status, CaseStatus::Lopend);
        assert_eq!(c.outcome(), None);
        assert_eq!(c.closings.len(), 1);
        assert_eq!(c.closings[0].reopened, Some(d2));
    }

    #[test]
    fn consent_is_replaced_per_party() {
        let mut c = case();
        assert_eq!(c.consent_for(PersonId(4)), ConsentStatus::NietGevraagd);
        for status in [ConsentStatus::Gegeven, ConsentStatus::Geweigerd] {
            c.set_consent(Consent {
                person: PersonId(4),
                status,
                date: None,
                note: String::new(),
                given_by: String::new(),
            });
        }
        assert_eq!(c.consents.len(), 1);
        assert_eq!(c.consent_for(PersonId(4)), ConsentStatus::Geweigerd);
    }
}
