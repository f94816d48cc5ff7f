//! The words of `tandem --help` and of a mistyped command line (issue 13, item 8): what each
//! subcommand and option is for, clap's own headings, and the argument errors rendered from
//! `clap::error::ErrorKind` — Dutch by default, English with `--lang en`.

use super::{Lang, Text};

/// What tandem is, at the top of `--help`.
pub const ABOUT: Text = Text::new(
    "De casusbespreking van de tandem (Integrated Care). Zonder opdracht start het scherm.",
    "The tandem's case meeting (Integrated Care). Without a command the screen starts.",
);

/// Each subcommand's line, by its name.
pub const COMMANDS: &[(&str, Text)] = &[
    (
        "demo",
        Text::new(
            "Vul een lege opslag met verzonnen demogegevens (of N synthetische casussen)",
            "Fill an empty store with fictional demo data (or N synthetic cases)",
        ),
    ),
    (
        "export",
        Text::new(
            "Exporteer de opslag (of één gezin) als volledige JSON",
            "Export the store (or one family) as lossless JSON",
        ),
    ),
    (
        "import",
        Text::new(
            "Importeer een exportbestand; weigert een gevulde opslag zonder --replace",
            "Import an export file; refuses a non-empty store without --replace",
        ),
    ),
    (
        "actions",
        Text::new("Toon de open acties", "List open actions"),
    ),
    (
        "done",
        Text::new(
            "Vink een actie af (of zet haar weer open met --undo)",
            "Mark an action done (or open again with --undo)",
        ),
    ),
    (
        "agenda",
        Text::new(
            "De voorgestelde agenda van het volgende overleg",
            "The proposed agenda of the next meeting",
        ),
    ),
    (
        "minutes",
        Text::new(
            "Het verslag van een overleg (nummer of \"latest\")",
            "A meeting's minutes (ID or \"latest\")",
        ),
    ),
    (
        "check",
        Text::new(
            "Controleer of de opslag heel is",
            "Verify the store's integrity",
        ),
    ),
    (
        "backup",
        Text::new(
            "Maak nu een reservekopie (backups/ in de datamap)",
            "Make a backup now (backups/ in the data dir)",
        ),
    ),
    (
        "forget",
        Text::new(
            "Wis een gezin (nummer of naam) uit de opslag, het journaal en de reservekopieën",
            "Erase a family (number or name) from the store, the journal and the backups",
        ),
    ),
    (
        "audit",
        Text::new(
            "Wie wat wanneer wijzigde, en wat tandem verliet (voor één gezin, of vanaf een datum)",
            "Who changed what and when, and what left tandem (for one family, or since a date)",
        ),
    ),
    (
        "retention",
        Text::new(
            "Gezinnen die langer bewaard zijn dan de bewaartermijn (--apply wist ze)",
            "Families kept longer than the retention period (--apply erases them)",
        ),
    ),
    (
        "stats",
        Text::new(
            "De eigen cijfers van de tandem, zonder namen (voor de gemeente): aantallen en duur",
            "The tandem's own figures, without names (for the municipality): counts and durations",
        ),
    ),
    (
        "restore",
        Text::new(
            "Zet de nieuwste reservekopie (of FILE) terug, met elke bevestigde wijziging erna",
            "Bring back the newest backup (or FILE) and every confirmed change after it",
        ),
    ),
    (
        "me",
        Text::new(
            "Wie jij bent (iemand op de sociale kaart): elke wijziging staat op die naam",
            "Who you are (a person on the sociale kaart): every change is recorded in that name",
        ),
    ),
    (
        "encrypt",
        Text::new(
            "Beveilig de opslag met een wachtwoord (versleuteling)",
            "Protect the store with a passphrase (encryption at rest)",
        ),
    ),
    (
        "passphrase",
        Text::new(
            "Wijzig het wachtwoord van een versleutelde opslag",
            "Change the passphrase of an encrypted store",
        ),
    ),
];

/// Each option's line, by (subcommand, argument id); "" is tandem itself (and its options that
/// hold for every subcommand).
pub const ARGS: &[(&str, &str, Text)] = &[
    ("", "data_dir", Text::new(
        "Datamap (standaard: $TANDEM_DATA_DIR, anders de datamap van het systeem)",
        "Data directory (default: $TANDEM_DATA_DIR, else the OS data dir)",
    )),
    ("", "theme", Text::new(
        "Thema: standaard, beamer, licht, of een eigen thema",
        "Theme: standaard, beamer, licht, or one of your own",
    )),
    ("", "lang", Text::new(
        "Taal: nl (standaard) of en",
        "Language of the interface: nl (default) or en",
    )),
    ("", "privacy", Text::new(
        "Start het scherm in privacymodus: alleen initialen, vrije tekst verborgen (p zet hem uit)",
        "Start the screen in privacy mode: initials only, free text hidden (p turns it off)",
    )),
    ("demo", "cases", Text::new(
        "Zoveel synthetische casussen in plaats van de demoschool",
        "This many synthetic cases instead of the demo school",
    )),
    ("demo", "seed", Text::new(
        "Startgetal van het toeval (standaard 1)",
        "Seed of the randomness (default 1)",
    )),
    ("export", "out", Text::new(
        "Schrijf naar dit bestand in plaats van het scherm",
        "Write to this file instead of the screen",
    )),
    ("export", "family", Text::new("Alleen dit gezin (nummer)", "Only this family (its id)")),
    ("export", "format", Text::new(
        "json (volledig, standaard) of md (gewone taal voor ouders, met --family)",
        "json (lossless, the default) or md (plain Dutch for parents, with --family)",
    )),
    ("import", "file", Text::new("Het exportbestand", "The export file")),
    ("import", "replace", Text::new(
        "Vervang wat de opslag nu bevat",
        "Replace what the store holds now",
    )),
    ("actions", "owner", Text::new(
        "Alleen deze eigenaar (naam, deel van een naam, of nummer)",
        "Only this owner (name, part of a name, or id)",
    )),
    ("actions", "side", Text::new("onderwijs of zorg", "onderwijs or zorg")),
    ("actions", "case_id", Text::new("Alleen deze casus", "Only this case")),
    ("actions", "due", Text::new(
        "overdue, today, week of een datum: uiterlijk dan (te laat inbegrepen)",
        "overdue, today, week, or a date: due by then (overdue included)",
    )),
    ("actions", "all", Text::new("Ook afgeronde acties", "Done actions too")),
    ("actions", "privacy", Text::new(
        "Initialen voor iedereen, ook professionals (gaat voor --names)",
        "Initials for everyone, professionals too (wins over --names)",
    )),
    ("actions", "names", Text::new(
        "Kinderen met hun volledige naam (csv, ics, md, table); standaard initialen en casusnummer",
        "Children by their full name (csv, ics, md, table); default initials and case number",
    )),
    ("actions", "format", Text::new(
        "table (standaard), json, csv, ics of md",
        "table (the default), json, csv, ics or md",
    )),
    ("actions", "delimiter", Text::new(
        "Scheidingsteken voor --format csv (';' voor Nederlandse spreadsheets; standaard ',')",
        "Field separator for --format csv (';' for Dutch spreadsheet programs; default ',')",
    )),
    ("actions", "bom", Text::new(
        "Een UTF-8-bytevolgordeteken aan het begin van de CSV (altijd met --delimiter ';')",
        "A UTF-8 byte order mark at the start of the CSV (always with --delimiter ';')",
    )),
    ("done", "id", Text::new("Het nummer van de actie", "The action's number")),
    ("done", "undo", Text::new("Zet de actie weer open", "Open the action again")),
    ("agenda", "format", Text::new("md (standaard) of json", "md (the default) or json")),
    ("minutes", "id", Text::new(
        "Het nummer van het overleg, of latest",
        "The meeting's number, or latest",
    )),
    ("minutes", "format", Text::new("md (standaard) of json", "md (the default) or json")),
    ("minutes", "for_person", Text::new(
        "Alleen de casussen waarvan het gezin toestemming gaf om met deze persoon te delen (nummer of naam)",
        "Only the cases whose family gave consent to share with this person (id or name)",
    )),
    ("minutes", "family", Text::new(
        "Alleen de casussen van dit gezin (nummer): het deel dat een ouder mag lezen",
        "Only the cases of this family (its id): the part a parent may read",
    )),
    ("me", "person", Text::new(
        "Je naam of nummer op de sociale kaart (zonder: zeg wie gekozen is)",
        "Your name or number in the directory (without: say who is chosen)",
    )),
    ("forget", "family", Text::new(
        "Het gezin: nummer of naam",
        "The family: number or name",
    )),
    ("forget", "yes", Text::new(
        "Vraag niet om de naam van het gezin (voor scripts)",
        "Do not ask for the family's name (for scripts)",
    )),
    ("audit", "family", Text::new("Alleen dit gezin (nummer)", "Only this family (its id)")),
    ("audit", "since", Text::new("Vanaf deze datum", "Since this date")),
    ("retention", "apply", Text::new(
        "Wis de gezinnen die over de termijn zijn",
        "Erase the families past the period",
    )),
    ("retention", "yes", Text::new(
        "Vraag niet om bevestiging (voor scripts)",
        "Do not ask for confirmation (for scripts)",
    )),
    ("stats", "from", Text::new(
        "Eerste dag van de periode (standaard: 1 augustus van dit schooljaar)",
        "First day of the period (default: 1 August of this school year)",
    )),
    ("stats", "to", Text::new(
        "Laatste dag van de periode (standaard: vandaag)",
        "Last day of the period (default: today)",
    )),
    ("stats", "school", Text::new(
        "Alleen de casussen van kinderen op deze school",
        "Only the cases of children at this school",
    )),
    ("stats", "format", Text::new(
        "table (standaard), json of csv",
        "table (the default), json or csv",
    )),
    ("stats", "delimiter", Text::new(
        "Scheidingsteken voor --format csv (';' voor Nederlandse spreadsheets; standaard ',')",
        "Field separator for --format csv (';' for Dutch spreadsheet programs; default ',')",
    )),
    ("stats", "merge", Text::new(
        "Voeg deze --format json-bestanden van scholen samen in plaats van de opslag te lezen",
        "Merge these --format json files of several schools instead of reading the store",
    )),
    ("restore", "file", Text::new(
        "Deze reservekopie in plaats van de nieuwste",
        "This backup instead of the newest",
    )),
    ("restore", "yes", Text::new(
        "Vraag niet om bevestiging (voor scripts)",
        "Do not ask for confirmation (for scripts)",
    )),
    ("restore", "replace", Text::new(
        "Vervang een gezonde opslag die gegevens bevat",
        "Replace a healthy store that holds records",
    )),
];

/// clap's own words: the headings of `--help` and its own options.
pub const USAGE: Text = Text::new("Gebruik:", "Usage:");
pub const OPTIONS: Text = Text::new("Opties", "Options");
pub const ARGUMENTS: Text = Text::new("Argumenten", "Arguments");
pub const COMMANDS_HEADING: Text = Text::new("Opdrachten", "Commands");
pub const HELP_FLAG: Text = Text::new("Toon deze hulp", "Print help");
pub const VERSION_FLAG: Text = Text::new("Toon het versienummer", "Print version");

/// What was wrong with a command line (the CLI maps clap's error kinds to these).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum UsageFault {
    UnknownOption,
    UnknownCommand,
    /// An option given without its value.
    NoValue,
    /// A value not among the choices.
    BadChoice,
    /// A value that is not what the option takes (a number, say).
    BadValue,
    Missing,
    Conflict,
    /// A value too many.
    Extra,
    NoCommand,
    Other,
}

/// A mistyped command line, in one line. `arg`: the option or value clap names; `value`: what
/// was typed (or the other option of a conflict); `valid`: the values that would do;
/// `suggested`: what was probably meant.
pub fn usage_error(
    fault: UsageFault,
    arg: &str,
    value: &str,
    valid: &[String],
    suggested: Option<&str>,
    lang: Lang,
) -> String {
    use UsageFault as F;
    let nl = lang == Lang::Nl;
    let mut line = match (fault, nl) {
        (F::UnknownOption, true) => format!("De optie '{arg}' bestaat niet"),
        (F::UnknownOption, false) => format!("There is no option '{arg}'"),
        (F::UnknownCommand, true) => format!("De opdracht '{arg}' bestaat niet"),
        (F::UnknownCommand, false) => format!("There is no command '{arg}'"),
        (F::NoValue, true) => format!("Bij {arg} hoort een waarde"),
        (F::NoValue, false) => format!("{arg} needs a value"),
        (F::BadChoice, true) => format!("'{value}' kan niet bij {arg}"),
        (F::BadChoice, false) => format!("'{value}' cannot go with {arg}"),
        (F::BadValue, true) => format!("'{value}' is geen geldige waarde voor {arg}"),
        (F::BadValue, false) => format!("'{value}' is not a valid value for {arg}"),
        (F::Missing, true) => format!("{arg} ontbreekt"),
        (F::Missing, false) => format!("{arg} is missing"),
        (F::Conflict, true) => format!("{arg} kan niet samen met {value}"),
        (F::Conflict, false) => format!("{arg} cannot be used with {value}"),
        (F::Extra, true) => format!("'{value}' is hier niet nodig"),
        (F::Extra, false) => format!("'{value}' is not needed here"),
        (F::NoCommand, true) => "Er ontbreekt een opdracht".to_string(),
        (F::NoCommand, false) => "A command is missing".to_string(),
        (F::Other, true) => "Dat begrijpt tandem niet".to_string(),
        (F::Other, false) => "tandem does not understand that".to_string(),
    };
    if !valid.is_empty() {
        let choose = Text::new("kies uit", "choose from").get(lang);
        line.push_str(&format!("; {choose}: {}", valid.join(", ")));
    }
    if let Some(s) = suggested {
        line.push_str(&match lang {
            Lang::Nl => format!(". Bedoelt u '{s}'?"),
            Lang::En => format!(". Did you mean '{s}'?"),
        });
    }
    line
}

/// The placeholders of `--help` ("--out <FILE>") in the user's words; clap's are the English
/// ones (the value names the options declare, or their id in capitals).
pub const VALUE_NAMES: &[(&str, Text)] = &[
    ("DIR", Text::new("MAP", "DIR")),
    ("NAME", Text::new("NAAM", "NAME")),
    ("LANG", Text::new("TAAL", "LANG")),
    ("CASES", Text::new("AANTAL", "CASES")),
    ("SEED", Text::new("GETAL", "SEED")),
    ("FILE", Text::new("BESTAND", "FILE")),
    ("ID", Text::new("NUMMER", "ID")),
    ("FORMAT", Text::new("FORMAAT", "FORMAT")),
    ("OWNER", Text::new("EIGENAAR", "OWNER")),
    ("SIDE", Text::new("KANT", "SIDE")),
    ("DUE", Text::new("WANNEER", "DUE")),
    ("DELIMITER", Text::new("TEKEN", "DELIMITER")),
    ("PERSON", Text::new("PERSOON", "PERSON")),
    ("FAMILY", Text::new("GEZIN", "FAMILY")),
    ("DATE", Text::new("DATUM", "DATE")),
];

/// The usage line's "[OPTIONS]" and "[COMMAND]".
pub const OPTIONS_PLACEHOLDER: Text = Text::new("[OPTIES]", "[OPTIONS]");
pub const COMMAND_PLACEHOLDER: Text = Text::new("[OPDRACHT]", "[COMMAND]");
