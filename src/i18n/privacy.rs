//! The words of privacy mode, the idle blank and consent in the TUI.

use super::{Lang, Text};
use crate::domain::ConsentStatus;

pub const OFFER_TITLE: Text = Text::new("Beamer", "Projector");
pub const OFFER: Text = Text::new(
    "Het beamer-thema staat aan. Privacymodus aanzetten? Dan toont tandem alleen voorletters en \
     geen vrije tekst, behalve van de casus die je zelf opent. Met p zet je hem later aan of uit.",
    "The projector theme is on. Turn privacy mode on? tandem then shows only initials and no free \
     text, except for the case you open yourself. p turns it on or off later.",
);
pub const OFFER_KEYS: Text = Text::new("Enter of j: ja  ·  n: nee", "Enter or y: yes  ·  n: no");

/// "2 zonder toestemming": in a network's title, how many of the people listed the family gave
/// no consent for.
pub fn without_consent(n: usize, lang: Lang) -> String {
    match lang {
        Lang::Nl => format!("{n} zonder toestemming"),
        Lang::En => format!("{n} without consent"),
    }
}

/// Why a consent is missing, in a few words.
fn why(status: ConsentStatus, lang: Lang) -> &'static str {
    match (status, lang) {
        (ConsentStatus::Geweigerd, Lang::Nl) => "geweigerd",
        (ConsentStatus::Geweigerd, Lang::En) => "refused",
        (_, Lang::Nl) => "niet gevraagd",
        (_, Lang::En) => "not asked",
    }
}

/// Under an action's owner: the family gave no consent to share with them.
pub fn owner_warning(name: &str, status: ConsentStatus, lang: Lang) -> String {
    match lang {
        Lang::Nl => format!(
            "⚠ Geen toestemming van het gezin voor {name} ({})",
            why(status, lang)
        ),
        Lang::En => format!(
            "⚠ The family gave no consent for {name} ({})",
            why(status, lang)
        ),
    }
}

/// Asked before an action for such an owner is saved.
pub fn owner_question(name: &str, status: ConsentStatus, lang: Lang) -> String {
    match lang {
        Lang::Nl => format!(
            "Het gezin gaf geen toestemming voor {name} ({}). Toch opslaan? \
             j: ja  ·  andere toets: terug naar het formulier",
            why(status, lang)
        ),
        Lang::En => format!(
            "The family gave no consent for {name} ({}). Save anyway? \
             y: yes  ·  any other key: back to the form",
            why(status, lang)
        ),
    }
}

pub const CONSENT_FOR: Text = Text::new("Toestemming voor", "Consent for");
pub const CASE_OF: Text = Text::new("casus", "case");
pub const FAMILY_OF: Text = Text::new("gezin", "family");
pub const NOTE_HINT: Text = Text::new(
    "wie gaf toestemming, bijv. \"moeder mondeling; vader nog vragen\"",
    "who gave consent, e.g. \"mother verbally; ask father\"",
);
