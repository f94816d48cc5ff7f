//! The words of the TUI: titles, labels, hints and messages.

use super::{Lang, Text};

// Screens and panes.
pub const APP: Text = Text::new("tandem", "tandem");
pub const SCREEN_CASES: Text = Text::new("Casussen", "Cases");
pub const SCREEN_KAART: Text = Text::new("Sociale kaart", "Directory");
pub const CASE: Text = Text::new("Casus", "Case");
pub const FAMILY: Text = Text::new("Gezin", "Family");
pub const NETWORK: Text = Text::new("Netwerk", "Network");
pub const ACTIONS: Text = Text::new("Acties", "Actions");
pub const TIMELINE: Text = Text::new("Klantreis", "Timeline");
pub const AGREEMENTS: Text = Text::new("Afspraken", "Agreements");
pub const CONSENT: Text = Text::new("Toestemming", "Consent");
pub const CARERS: Text = Text::new("Ouders / verzorgers", "Parents / carers");
pub const CHILDREN: Text = Text::new("Kinderen", "Children");
pub const NOTES: Text = Text::new("Notities", "Notes");
pub const HELP: Text = Text::new("Toetsen", "Keys");
pub const LINES: Text = Text::new("regel", "line");
pub const LOOKUP: Text = Text::new("Zoeken", "Search");
pub const FAMILIES_OF: Text = Text::new("Betrokken bij gezinnen", "Involved with families");

// Column headers of the case list.
pub const COL_CHILD: Text = Text::new("Kind", "Child");
pub const COL_GROEP: Text = Text::new("Gr", "Gr");
pub const COL_QUESTION: Text = Text::new("Hulpvraag", "Question");
pub const COL_LEAD: Text = Text::new("Regie", "Lead");
pub const COL_STATUS: Text = Text::new("Status", "Status");
pub const COL_OPEN: Text = Text::new("Open O/Z", "Open O/Z");
pub const COL_NEXT: Text = Text::new("Volgende", "Next due");
pub const COL_NAME: Text = Text::new("Naam", "Name");
pub const COL_ROLE: Text = Text::new("Rol", "Role");
pub const COL_ORG: Text = Text::new("Organisatie", "Organisation");
pub const COL_SIDE: Text = Text::new("Kant", "Side");

// Case card labels.
pub const QUESTION: Text = Text::new("Hulpvraag", "Question");
pub const SIGNAL: Text = Text::new("Signaal", "Signal");
pub const INTAKE: Text = Text::new("Intake", "Intake");
pub const STATUS: Text = Text::new("Status", "Status");
pub const LEAD: Text = Text::new("Regie", "Lead");
pub const FLAGGED: Text = Text::new("bespreken", "to discuss");
pub const OUTCOME: Text = Text::new("Uitkomst", "Outcome");
pub const FACES: Text = Text::new("verschillende gezichten", "different faces");
/// One face: "1 gezicht", not "1 verschillende gezichten".
pub const FACE: Text = Text::new("gezicht", "face");
pub const SINCE: Text = Text::new("sinds", "since");
pub const UNTIL: Text = Text::new("tot", "until");
pub const GROEP: Text = Text::new("groep", "year");
pub const BORN: Text = Text::new("geboren", "born");
pub const DONE: Text = Text::new("afgerond", "done");
pub const OPEN: Text = Text::new("open", "open");
pub const NO_DEADLINE: Text = Text::new("geen deadline", "no deadline");
pub const NONE_YET: Text = Text::new("(nog niets)", "(nothing yet)");
pub const HIDDEN: Text = Text::new("(verborgen)", "(hidden)");

// Filters and sort.
pub const FILTER_OPEN: Text = Text::new("open casussen", "open cases");
pub const FILTER_ALL: Text = Text::new("alle casussen", "all cases");
pub const FILTER_FLAGGED: Text = Text::new("alleen bespreken", "flagged only");
pub const SORT_ACTIVITY: Text = Text::new("laatste activiteit", "last activity");
pub const SORT_DEADLINE: Text = Text::new("volgende deadline", "next deadline");
pub const SORT_NAME: Text = Text::new("naam", "name");
pub const SORTED_BY: Text = Text::new("sortering", "sorted by");

// Messages.
pub const SAVED: Text = Text::new("Opgeslagen.", "Saved.");
pub const UNDONE: Text = Text::new("Ongedaan gemaakt", "Undone");
pub const NOTHING_TO_UNDO: Text = Text::new(
    "Niets om ongedaan te maken in deze sessie.",
    "Nothing to undo in this session.",
);
pub const NOT_FOUND: Text = Text::new("Niet gevonden.", "Not found.");
pub const PRIVACY_ON: Text = Text::new(
    "Privacymodus aan: alleen initialen.",
    "Privacy mode on: initials only.",
);
pub const PRIVACY_OFF: Text = Text::new("Privacymodus uit.", "Privacy mode off.");
pub const PRIVACY_MARK: Text = Text::new("PRIVACY", "PRIVACY");
pub const THEME: Text = Text::new("Thema", "Theme");
pub const REQUIRED: Text = Text::new("Vul dit in.", "Please fill this in.");
pub const PICK_NONE: Text = Text::new(
    "Niemand gevonden met deze naam.",
    "No one found by that name.",
);
pub const CHOOSE_NETWORK: Text = Text::new(
    "Kies eerst iemand in het netwerk (Tab naar Netwerk).",
    "First choose someone in the network (Tab to Network).",
);
pub const CHOOSE_ACTION: Text = Text::new("Kies eerst een actie.", "First choose an action.");
pub const DISCARD: Text = Text::new(
    "Er is tekst getypt. Weggooien zonder op te slaan? (j = ja, andere toets = terug)",
    "Text was typed. Throw it away without saving? (y = yes, any other key = back)",
);
pub const REOPENED: Text = Text::new("Casus heropend.", "Case reopened.");
pub const ACTION_DONE: Text = Text::new("Actie afgevinkt", "Action done");
pub const ACTION_OPEN: Text = Text::new("Actie staat weer open", "Action open again");
pub const FLAG_ON: Text = Text::new(
    "Op de agenda gezet (bespreken)",
    "Flagged for the next meeting",
);
pub const FLAG_OFF: Text = Text::new("Niet meer gemarkeerd voor bespreken", "No longer flagged");
pub const WELCOME_TITLE: Text = Text::new("Welkom bij tandem", "Welcome to tandem");
pub const WELCOME: Text = Text::new(
    "Er staan nog geen gegevens in deze map.\n\nd   demo-gegevens laden (een fictieve school, om te proberen)\nn   de eerste casus aanmelden\nq   stoppen",
    "This data dir holds no data yet.\n\nd   load the demo data (a fictional school, to try things out)\nn   register the first case\nq   quit",
);
pub const BLANK_HINT: Text = Text::new("", "");
pub const LOOKUP_HINT: Text = Text::new(
    "Typ een naam, gezin, professional of hulpvraag",
    "Type a name, family, professional or question",
);
pub const SEARCHING: Text = Text::new("zoeken…", "searching…");
pub const NO_HITS: Text = Text::new("Geen resultaten.", "No results.");
pub const HITS_OF: Text = Text::new("van", "of");
pub const TOO_SMALL: Text = Text::new("Venster te klein", "Window too small");

// Kinds of lookup hits.
pub const KIND_CHILD: Text = Text::new("kind", "child");
pub const KIND_FAMILY: Text = Text::new("gezin", "family");
pub const KIND_CARER: Text = Text::new("ouder/verzorger", "parent/carer");
pub const KIND_PERSON: Text = Text::new("professional", "professional");
pub const KIND_QUESTION: Text = Text::new("hulpvraag", "question");

// Form titles.
pub const F_NEW_CASE: Text = Text::new("Nieuwe casus (intake)", "New case (intake)");
pub const F_EDIT_CASE: Text = Text::new("Casus bewerken", "Edit case");
pub const F_CLOSE_CASE: Text = Text::new("Casus afsluiten", "Close case");
pub const F_NEW_ACTION: Text = Text::new("Nieuwe actie", "New action");
pub const F_EDIT_ACTION: Text = Text::new("Actie bewerken", "Edit action");
pub const F_CONSENT: Text = Text::new("Toestemming", "Consent");
pub const F_ADD_NETWORK: Text = Text::new("Toevoegen aan netwerk", "Add to network");
pub const F_NEW_PERSON: Text = Text::new("Nieuwe professional", "New professional");
pub const F_EDIT_PERSON: Text = Text::new("Professional bewerken", "Edit professional");
pub const F_EDIT_FAMILY: Text = Text::new("Gezin bewerken", "Edit family");

// Form labels.
pub const L_FIRST_NAME: Text = Text::new("Voornaam kind", "Child's first name");
pub const L_LAST_NAME: Text = Text::new("Achternaam", "Last name");
pub const L_GROEP: Text = Text::new("Groep", "Year (groep)");
pub const L_SCHOOL: Text = Text::new("School", "School");
pub const L_QUESTION: Text = Text::new("Hulpvraag", "Question");
pub const L_FAMILY: Text = Text::new(
    "Gezin (zoek, of leeg: nieuw)",
    "Family (search, or empty: new)",
);
pub const L_SIGNAL: Text = Text::new("Signaal van", "Signal from");
pub const L_SIGNAL_DATE: Text = Text::new("Datum signaal", "Signal date");
pub const L_INTAKE_DATE: Text = Text::new("Datum intake", "Intake date");
pub const L_STATUS: Text = Text::new("Status", "Status");
pub const L_LEAD_SIDE: Text = Text::new("Regie bij", "Lead side");
pub const L_LEAD_PERSON: Text = Text::new("Regie: persoon", "Lead: person");
pub const L_NOTES: Text = Text::new("Notities", "Notes");
pub const L_OUTCOME: Text = Text::new("Uitkomst", "Outcome");
pub const L_DATE: Text = Text::new("Datum", "Date");
pub const L_ACTION: Text = Text::new("Actie", "Action");
pub const L_OWNER: Text = Text::new("Eigenaar", "Owner");
pub const L_SIDE: Text = Text::new("Kant", "Side");
pub const L_DEADLINE: Text = Text::new("Deadline", "Due");
pub const L_CONSENT: Text = Text::new("Toestemming", "Consent");
pub const L_NOTE: Text = Text::new("Notitie", "Note");
pub const L_PERSON: Text = Text::new(
    "Persoon (zoek, of nieuwe naam)",
    "Person (search, or a new name)",
);
pub const L_ROLE: Text = Text::new("Rol", "Role");
pub const L_ORG: Text = Text::new("Organisatie", "Organisation");
pub const L_SINCE: Text = Text::new("Sinds", "Since");
pub const L_NAME: Text = Text::new("Naam", "Name");
pub const L_PHONE: Text = Text::new("Telefoon", "Phone");
pub const L_EMAIL: Text = Text::new("E-mail", "E-mail");
pub const L_OFFER: Text = Text::new("Aanbod", "Offers");
pub const L_HOUSEHOLD: Text = Text::new("Gezinsnaam", "Household name");
pub const L_CARER1: Text = Text::new("Ouder/verzorger 1", "Parent/carer 1");
pub const L_CARER2: Text = Text::new("Ouder/verzorger 2", "Parent/carer 2");
pub const L_RELATION: Text = Text::new("  relatie", "  relation");
pub const L_CARER_PHONE: Text = Text::new("  telefoon", "  phone");
pub const L_CARER_EMAIL: Text = Text::new("  e-mail", "  e-mail");
pub const OPT_NONE: Text = Text::new("–", "–");
pub const OPT_FROM_OWNER: Text = Text::new("van eigenaar", "owner's side");
pub const NEW_FAMILY: Text = Text::new("nieuw gezin", "new family");
pub const NEW_PERSON: Text = Text::new("nieuwe persoon", "new person");
pub const FORM_KEYS: Text = Text::new(
    "Tab volgend veld · Enter opslaan · Esc annuleren · ←/→ of spatie kiest",
    "Tab next field · Enter save · Esc cancel · ←/→ or space chooses",
);
pub const DEMO_LOADED: Text = Text::new(
    "Demo-gegevens geladen: een fictieve school. Druk ? voor de toetsen.",
    "Demo data loaded: a fictional school. Press ? for the keys.",
);

pub const SCREEN_ACTIES: Text = Text::new("Acties", "Actions");
/// On the first frame, drawn from the page kept by the last session while the store opens.
pub const OPENING: Text = Text::new(
    "De casusmap wordt geopend… toetsen wachten even.",
    "Opening the case book… keys wait a moment.",
);
/// Screen 3 shown before its actions were read after the start; it fills when they come.
pub const LOADING_ACTIES: Text = Text::new(
    "De acties worden gelezen… het scherm vult zich zo.",
    "Reading the actions… the screen fills in a moment.",
);
pub const DUE_OVERDUE: Text = Text::new("Te laat", "Overdue");
pub const DUE_TODAY: Text = Text::new("Vandaag", "Today");
pub const DUE_WEEK: Text = Text::new("Deze week", "This week");
pub const DUE_LATER: Text = Text::new("Later", "Later");
pub const DUE_NEVER: Text = Text::new("Geen deadline", "No deadline");
pub const FILTER_MINE: Text = Text::new("mijn acties", "my actions");
pub const FILTER_WITH_DONE: Text = Text::new("met afgeronde", "with done ones");
pub const ALL_ACTIONS: Text = Text::new("alle open acties", "all open actions");
pub const NO_ME: Text = Text::new(
    "Kies eerst wie je bent: I (één keer; tandem onthoudt het).",
    "First choose who you are: I (once; tandem remembers).",
);
pub const F_CHOOSE_ME: Text = Text::new("Wie ben jij?", "Who are you?");
/// Above the choice of "me": what it is for, and what to do when you are not on the list.
pub const ME_WHY: Text = Text::new(
    "Eén keer op deze laptop: tandem zet jouw naam bij elke wijziging en afvink (logboek) en toont Mijn acties. Sta je er niet bij? Esc, zet jezelf op de sociale kaart (4, n), kies dan met I op scherm 3.",
    "Once on this laptop: tandem puts your name on every change and done-mark (the trail) and shows My actions. Not on the list? Esc, add yourself to the directory (4, n), then choose with I on screen 3.",
);
/// Asked at start and left with Esc: where to choose later.
pub const ME_LATER: Text = Text::new(
    "Niet gekozen wie je bent ('onbekend' in het logboek). Later: I op scherm 3.",
    "Not chosen who you are ('unknown' in the trail). Later: I on screen 3.",
);
pub const ME_SAVED: Text = Text::new(
    "Onthouden: wijzigingen staan nu op naam van",
    "Remembered: changes are now recorded in the name of",
);
pub const COL_DUE: Text = Text::new("Deadline", "Due");
pub const COL_OWNER: Text = Text::new("Eigenaar", "Owner");
pub const COL_ACTION: Text = Text::new("Actie", "Action");

/// The status line on start: overdue actions per side.
pub fn overdue_line(onderwijs: usize, zorg: usize, lang: super::Lang) -> String {
    match lang {
        super::Lang::Nl => format!(
            "{} acties te laat: {onderwijs} onderwijs (O), {zorg} zorg (Z). Druk 3 voor Acties.",
            onderwijs + zorg
        ),
        super::Lang::En => format!(
            "{} actions overdue: {onderwijs} education (O), {zorg} care (Z). Press 3 for Actions.",
            onderwijs + zorg
        ),
    }
}

/// A theme that could not be loaded: the standard one is used instead.
pub fn theme_not_loaded(name: &str, problem: &str, lang: Lang) -> String {
    match lang {
        Lang::Nl => {
            format!("Thema '{name}' kon niet worden geladen ({problem}); standaard gebruikt.")
        }
        Lang::En => format!("Theme '{name}' could not be loaded ({problem}); using standaard."),
    }
}

pub const CONFIG_NOT_SAVED: Text = Text::new(
    "De instelling kon niet worden bewaard",
    "The setting could not be saved",
);

// Intake in one form, corrections (issue 13, items 1 and 2).
pub const L_BIRTH_DATE: Text = Text::new("Geboortedatum", "Birth date");
pub const L_SIGNAL_BY: Text = Text::new("  gemeld door", "  signalled by");
pub const L_CARER: Text = Text::new("Ouder/verzorger", "Parent/carer");
pub const L_LIVES_WITH: Text = Text::new("  woont bij kind", "  lives with child");
pub const L_AUTHORITY: Text = Text::new("  ouderlijk gezag", "  parental authority");
pub const OPT_YES: Text = Text::new("ja", "yes");
pub const OPT_NO: Text = Text::new("nee", "no");
pub const L_NETWORK_PERSON: Text = Text::new("Netwerk", "Network");
pub const L_CONSENT_SUB: Text = Text::new("  toestemming", "  consent");
pub const L_GIVEN_BY: Text = Text::new("  gegeven door", "  given by");
pub const L_NOTE_SUB: Text = Text::new("  notitie", "  note");
pub const L_ROLE_SUB: Text = Text::new("  rol (leeg: van de kaart)", "  role (empty: directory's)");
pub const L_CHILD: Text = Text::new("Kind", "Child");
pub const L_CHILD_LAST: Text = Text::new("  achternaam", "  last name");
pub const L_CHILD_BIRTH: Text = Text::new("  geboortedatum", "  birth date");
pub const L_CHILD_GROEP: Text = Text::new("  groep", "  groep (year)");
pub const L_CHILD_SCHOOL: Text = Text::new("  school", "  school");
pub const L_OPEN_ACTIONS: Text = Text::new("Open acties", "Open actions");
pub const OPT_OPEN_DONE: Text = Text::new("afgerond", "done");
pub const OPT_OPEN_CANCEL: Text = Text::new("vervallen", "cancelled");
pub const OPT_OPEN_KEEP: Text = Text::new("open laten", "keep open");
pub const L_CANCEL_REASON: Text = Text::new("  reden (bij vervallen)", "  reason (if cancelled)");
pub const F_NETWORK_CHANGE: Text = Text::new("Netwerk aanpassen", "Change the network");
pub const L_NETWORK_CHANGE: Text = Text::new("Wat", "What");
pub const OPT_NETWORK_END: Text = Text::new("betrokkenheid beëindigen", "end the involvement");
pub const OPT_NETWORK_REMOVE: Text = Text::new(
    "verwijderen (per vergissing toegevoegd)",
    "remove (added by mistake)",
);
pub const L_UNTIL: Text = Text::new("Tot en met", "Until");
pub const FORM_KEYS_ROWS: Text = Text::new(
    "Tab volgend veld · PgDn volgend deel · Enter opslaan · Esc annuleren · spatie kiest",
    "Tab next field · PgDn next part · Enter save · Esc cancel · space chooses",
);
pub const CONFIRM_CLOSE: Text = Text::new(
    "Wat je typte gaat verloren. Weggooien? (j/n)",
    "What you typed will be lost. Throw it away? (y/n)",
);
pub const NO_QUIT_HERE: Text = Text::new(
    "q sluit het overleg niet: E rondt het af, Ctrl-C stopt tandem.",
    "q does not leave the meeting: E ends it, Ctrl-C quits tandem.",
);
pub const CLOSED_AS: Text = Text::new("Afgesloten", "Closed");
pub const ALREADY_ENDED: Text = Text::new(
    "Die betrokkenheid is al beëindigd; kies verwijderen als het een vergissing was.",
    "That involvement has ended already; choose remove if it was a mistake.",
);
