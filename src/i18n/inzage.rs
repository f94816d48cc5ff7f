//! Words of the overview for parents (inzage, AVG art. 15): `tandem export --family ID
//! --format md`.

use super::{Lang, Text};

/// "What tandem keeps about family X".
pub fn title(name: &str, lang: Lang) -> String {
    match lang {
        Lang::Nl => format!("Wat de school in tandem over gezin {name} heeft vastgelegd"),
        Lang::En => format!("What the school recorded in tandem about family {name}"),
    }
}

/// The line under the title.
pub fn intro(date: &str, lang: Lang) -> String {
    match lang {
        Lang::Nl => format!("Opgemaakt op {date}. Dit overzicht bevat alles wat het zorgteam van de school in tandem over dit gezin heeft vastgelegd: de gegevens van het gezin, de casussen, de acties, wat in overleggen is besproken en afgesproken, en elke wijziging (de tijdlijn). U hebt het recht dit in te zien en onjuiste gegevens te laten verbeteren of wissen."),
        Lang::En => format!("Made on {date}. This overview holds everything the school's care team recorded in tandem about this family: the family's details, the cases, the actions, what was discussed and agreed in meetings, and every change (the timeline). You have the right to see it and to have wrong details corrected or erased."),
    }
}

pub const FAMILY: Text = Text::new("Gezin", "Family");
pub const CARERS: Text = Text::new("Ouders en verzorgers", "Parents and carers");
pub const CHILDREN: Text = Text::new("Kinderen", "Children");
pub const NETWORK: Text = Text::new("Betrokken professionals", "Professionals involved");
pub const CASE: Text = Text::new("Casus", "Case");
pub const QUESTION: Text = Text::new("Vraag", "Question");
pub const SIGNAL: Text = Text::new("Gemeld door", "Raised by");
pub const ON: Text = Text::new("op", "on");
pub const STATUS: Text = Text::new("Status", "Status");
pub const INTAKE: Text = Text::new("Intake", "Intake");
pub const SUPPORT: Text = Text::new("Ondersteuning vanaf", "Support from");
pub const LEAD: Text = Text::new("Regie", "Lead");
pub const CONSENT: Text = Text::new("Toestemming om te delen", "Consent to share");
pub const CLOSED: Text = Text::new("Afgesloten", "Closed");
pub const REOPENED: Text = Text::new("heropend", "reopened");
pub const NOTES: Text = Text::new("Notities", "Notes");
pub const ACTIONS: Text = Text::new("Acties", "Actions");
pub const DEADLINE: Text = Text::new("uiterlijk", "by");
pub const DONE: Text = Text::new("afgerond op", "done on");
pub const BY: Text = Text::new("door", "by");
pub const MEETINGS: Text = Text::new("Besproken in het overleg", "Discussed in meetings");
pub const AGREEMENT: Text = Text::new("Afspraak", "Agreement");
pub const TIMELINE: Text = Text::new("Tijdlijn", "Timeline");
pub const OTHER_EVENTS: Text = Text::new("Overige wijzigingen", "Other changes");
pub const BORN: Text = Text::new("geboren", "born");
pub const GROUP: Text = Text::new("groep", "group");
pub const FROM: Text = Text::new("vanaf", "from");
pub const UNTIL: Text = Text::new("tot", "until");
pub const NONE: Text = Text::new("geen", "none");
pub const UNKNOWN: Text = Text::new("onbekend", "unknown");

/// `tandem export --format md` without `--family`.
pub const MD_NEEDS_FAMILY: Text = Text::new(
    "--format md is het overzicht voor ouders van één gezin: geef ook --family ID.",
    "--format md is the overview for the parents of one family: give --family ID too.",
);
