//! The words of the `?` overlay: the names of keys as people say them ("spatie", "pijl
//! omhoog"), and what each mark the screens draw means.

use super::{Lang, Text};

pub const TITLE: Text = Text::new("Toetsen en tekens", "Keys and marks");
pub const KEYS: Text = Text::new("Toetsen", "Keys");
pub const MARKS: Text = Text::new("Tekens op het scherm", "Marks on the screen");
/// Between two keys that do the same.
pub const OR: Text = Text::new("of", "or");

/// A key as the keymap writes it ("Up", "Ctrl-c", "BackTab", "Space"), as a person names it.
pub fn key_name(key: &str, lang: Lang) -> String {
    if let Some(rest) = key.strip_prefix("Ctrl-") {
        return format!("Ctrl-{}", rest.to_uppercase());
    }
    let t = match key {
        "Up" => Text::new("pijl omhoog", "up arrow"),
        "Down" => Text::new("pijl omlaag", "down arrow"),
        "Left" => Text::new("pijl links", "left arrow"),
        "Right" => Text::new("pijl rechts", "right arrow"),
        "Space" => Text::new("spatie", "space"),
        "BackTab" => Text::new("Shift-Tab", "Shift-Tab"),
        "PageUp" => Text::new("PgUp", "PgUp"),
        "PageDown" => Text::new("PgDn", "PgDn"),
        "Backspace" => Text::new("Backspace", "Backspace"),
        "Delete" => Text::new("Delete", "Delete"),
        other => return other.to_string(),
    };
    t.get(lang).to_string()
}

/// Every mark a screen draws, and what it means there. The marks of consent are
/// `words::consent_mark`'s; the side marks are `Side::mark`'s.
pub const MARK_LIST: &[(&str, Text)] = &[
    (
        "O  Z",
        Text::new(
            "onderwijs / zorg: de kant van een actie, of wie de regie heeft",
            "onderwijs (education) / zorg (care): an action's side, or who has the lead",
        ),
    ),
    ("○", Text::new("open actie", "open action")),
    (
        "!",
        Text::new(
            "te laat: een actie over haar deadline (bij een casus: er is er een)",
            "overdue: an action past its deadline (on a case: it has one)",
        ),
    ),
    (
        "✓",
        Text::new(
            "afgerond (actie) · toestemming gegeven · besproken (agendapunt)",
            "done (action) · consent given · discussed (agenda item)",
        ),
    ),
    (
        "✕",
        Text::new(
            "vervallen: afgesloten zonder uitvoering, met de reden erbij",
            "cancelled: finished without being done, with the reason beside it",
        ),
    ),
    (
        "●",
        Text::new(
            "bespreken in het volgende overleg (casussen) · een afspraak (overleg)",
            "to discuss in the next meeting (cases) · an agreement (meeting)",
        ),
    ),
    ("✗", Text::new("toestemming geweigerd", "consent refused")),
    (
        "?",
        Text::new("toestemming nog niet gevraagd", "consent not asked yet"),
    ),
    (
        "⚠",
        Text::new(
            "geen toestemming van het gezin voor iemand die u ziet",
            "no consent of the family for someone on show",
        ),
    ),
    (
        "·",
        Text::new(
            "de tandem zelf (geen toestemming nodig) · geen kant of regie",
            "the tandem itself (needs no consent) · no side or lead",
        ),
    ),
    (
        "⏱",
        Text::new(
            "de tijd die dit agendapunt nog heeft",
            "the time left for this agenda item",
        ),
    ),
    ("…", Text::new("wordt nog gelezen", "still being read")),
    (
        "PRIVACY",
        Text::new(
            "privacymodus: initialen, vrije tekst verborgen (p)",
            "privacy mode: initials, free text hidden (p)",
        ),
    ),
];

/// Ctrl-L in a store without a passphrase: there is nothing to lock with.
pub const NO_LOCK: Text = Text::new(
    "Vergrendelen kan alleen met een wachtwoord op de opslag (tandem encrypt).",
    "Locking needs a passphrase on the store (tandem encrypt).",
);

/// `q` on screen 1: it never quits there.
pub const BACK_NOT_QUIT: Text = Text::new(
    "stopt hier niet (E rondt het overleg af, Ctrl-C stopt tandem)",
    "does not quit here (E ends the meeting, Ctrl-C quits tandem)",
);
