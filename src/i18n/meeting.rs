//! The words of the meeting (overleg): agenda, reasons, walk-through, minutes.

use super::Text;
use crate::domain::Reason;

pub const AGENDA: Text = Text::new("Agenda overleg", "Meeting agenda");
pub const GROEP: Text = Text::new("groep", "year");
pub const NO_MINUTES: Text = Text::new(
    "Er is nog geen afgerond overleg.",
    "There is no finished meeting yet.",
);

pub fn reason(r: Reason) -> Text {
    match r {
        Reason::CarriedOver => Text::new("doorgeschoven", "carried over"),
        Reason::Flagged => Text::new("bespreken", "flagged"),
        Reason::Overdue => Text::new("actie te laat", "action overdue"),
        Reason::DueSoon => Text::new("actie loopt af", "action due soon"),
        Reason::New => Text::new("nieuw", "new"),
        Reason::NotDiscussed => Text::new("lang niet besproken", "not discussed for a while"),
        Reason::Added => Text::new("toegevoegd", "added"),
    }
}
pub const SCREEN: Text = Text::new("Overleg", "Meeting");
pub const EMPTY_AGENDA: Text = Text::new(
    "De agenda is leeg: voeg een casus toe met n.",
    "The agenda is empty: add a case with n.",
);
pub const STARTED: Text = Text::new(
    "Overleg gestart. ] volgende casus · a actie · r afspraak · d afvinken · E afronden",
    "Meeting started. ] next case · a action · r agreement · d done · E end",
);
pub const RESUME: Text = Text::new(
    "Er loopt nog een overleg. Druk m om verder te gaan waar het was.",
    "A meeting is still running. Press m to carry on where it was.",
);
pub const ALREADY_ON: Text = Text::new(
    "Die casus staat al op de agenda.",
    "That case is on the agenda already.",
);
pub const ADDED: Text = Text::new("Toegevoegd aan de agenda.", "Added to the agenda.");
pub const ENDED: Text = Text::new(
    "Overleg afgerond; het verslag staat klaar:",
    "Meeting ended; the minutes are ready:",
);
pub const HISTORY: Text = Text::new(
    "Eerdere overleggen en verslagen",
    "Past meetings and minutes",
);
pub const PROPOSAL: Text = Text::new("Voorstel agenda", "Proposed agenda");
pub const RUNNING: Text = Text::new("Overleg", "Meeting");
pub const ITEM: Text = Text::new("casus", "case");
pub const OF: Text = Text::new("van", "of");
pub const TOTAL: Text = Text::new("totaal", "total");
pub const LAST_TIME: Text = Text::new(
    "Afspraken van vorige keren",
    "Agreements from earlier meetings",
);
pub const THIS_TIME: Text = Text::new("Vandaag vastgelegd", "Recorded today");
pub const SUMMARY: Text = Text::new("Wat is er besloten", "What was decided");
pub const SUMMARY_KEYS: Text = Text::new(
    "Enter: overleg afronden en verslag bewaren · Esc: terug naar het overleg",
    "Enter: end the meeting and keep the minutes · Esc: back to the meeting",
);
pub const NOT_DISCUSSED: Text = Text::new(
    "niet besproken: schuift door",
    "not discussed: carried over",
);
pub const MINUTES_SHORT: Text = Text::new("min", "min");
pub const F_AGREEMENT: Text = Text::new("Afspraak vastleggen", "Record an agreement");
pub const L_AGREEMENT: Text = Text::new("Afspraak", "Agreement");
pub const DISCUSSED_IN: Text = Text::new("besproken", "discussed");

pub fn history_line(
    id: u64,
    date: chrono::NaiveDate,
    discussed: usize,
    agreements: usize,
    actions: usize,
    lang: super::Lang,
) -> String {
    let d = crate::domain::dates::format_long(date, lang);
    match lang {
        super::Lang::Nl => format!("Overleg {id} · {d} · {discussed} casussen besproken, {agreements} afspraken, {actions} nieuwe acties"),
        super::Lang::En => format!("Meeting {id} · {d} · {discussed} cases discussed, {agreements} agreements, {actions} new actions"),
    }
}

/// A form for the meeting was saved after the meeting moved on or ended.
pub const NOT_RUNNING: Text = Text::new(
    "Het overleg is niet meer bij deze casus; er is niets opgeslagen.",
    "The meeting is no longer on this case; nothing was saved.",
);

// Steering the meeting (issue 13, item 3).
pub const ON_AGENDA_AT: Text = Text::new(
    "Die casus staat al op de agenda, als punt",
    "That case is on the agenda already, as item",
);
pub const F_GOTO: Text = Text::new("Naar agendapunt", "Go to agenda item");
pub const L_GOTO: Text = Text::new("Nummer of naam", "Number or name");
pub const GOTO_NONE: Text = Text::new(
    "Geen agendapunt met dat nummer of die naam.",
    "No agenda item with that number or name.",
);
pub const F_ATTENDEES: Text = Text::new("Aanwezig bij het overleg", "Present at the meeting");
pub const L_ATTENDEES: Text = Text::new("Namen, met komma's", "Names, with commas");
pub const ATTENDEES_UNKNOWN: Text = Text::new("Niet op de sociale kaart:", "Not in the directory:");
pub const ATTENDEES_SAVED: Text = Text::new("Aanwezigen vastgelegd.", "Attendees recorded.");
