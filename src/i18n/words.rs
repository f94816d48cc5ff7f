//! The glossary's words for domain values, in both languages.

use super::{Lang, Text};
use crate::domain::{CaseStatus, ConsentStatus, Outcome, Side, SignalSource};

pub fn side(s: Side) -> Text {
    match s {
        Side::Onderwijs => Text::new("onderwijs", "education"),
        Side::Zorg => Text::new("zorg", "care"),
    }
}

pub fn status(s: CaseStatus) -> Text {
    match s {
        CaseStatus::Aangemeld => Text::new("aangemeld", "registered"),
        CaseStatus::Intake => Text::new("intake", "intake"),
        CaseStatus::Lopend => Text::new("lopend", "ongoing"),
        CaseStatus::Afgesloten => Text::new("afgesloten", "closed"),
    }
}

pub fn outcome(o: Outcome) -> Text {
    match o {
        Outcome::ZelfstandigVerder => Text::new("zelfstandig verder", "carries on independently"),
        Outcome::KortdurendeInterventie => {
            Text::new("kortdurende interventie", "short intervention")
        }
        Outcome::VerwezenJeugdhulp => Text::new(
            "verwezen naar specialistische jeugdhulp",
            "referred to specialist youth care",
        ),
        Outcome::Anders => Text::new("anders", "other"),
    }
}

pub fn signal(s: SignalSource) -> Text {
    match s {
        SignalSource::Ouder => Text::new("ouder", "parent"),
        SignalSource::School => Text::new("school", "school"),
        SignalSource::Anders => Text::new("anders", "other"),
    }
}

pub fn consent(c: ConsentStatus) -> Text {
    match c {
        ConsentStatus::Gegeven => Text::new("toestemming", "consent"),
        ConsentStatus::Geweigerd => Text::new("geen toestemming", "no consent"),
        ConsentStatus::NietGevraagd => Text::new("niet gevraagd", "not asked"),
    }
}

/// The mark beside a consent: readable without colour.
pub fn consent_mark(c: ConsentStatus) -> &'static str {
    match c {
        ConsentStatus::Gegeven => "✓",
        ConsentStatus::Geweigerd => "✗",
        ConsentStatus::NietGevraagd => "?",
    }
}

pub fn yes_no(b: bool, lang: Lang) -> &'static str {
    match (b, lang) {
        (true, Lang::Nl) => "ja",
        (false, Lang::Nl) => "nee",
        (true, Lang::En) => "yes",
        (false, Lang::En) => "no",
    }
}
