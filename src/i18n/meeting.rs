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
