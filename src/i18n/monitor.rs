//! The words of the monitor (issue 14): screen 5 and `tandem stats`, in Dutch and English.

use super::{Lang, Text};

/// The screen's name in the tab bar and its title.
pub const SCREEN: Text = Text::new("Monitor", "Monitor");
/// The title of `tandem stats`.
pub const TITLE: Text = Text::new("tandem · monitor", "tandem · monitor");
pub const PERIOD: Text = Text::new("Periode", "Period");
pub const SCHOOL: Text = Text::new("School", "School");
pub const ALL_SCHOOLS: Text = Text::new("alle scholen", "all schools");

pub const SEC_INTAKE: Text = Text::new("Van signaal tot intake", "From signal to intake");
pub const SEC_ACTION: Text =
    Text::new("Van intake tot eerste actie", "From intake to first action");
pub const SEC_CLOSED: Text = Text::new("Afgesloten casussen", "Closed cases");
pub const SEC_FACES: Text = Text::new(
    "Verschillende professionals per gezin",
    "Different professionals per family",
);
pub const SEC_ACTIONS: Text = Text::new("Acties", "Actions");
pub const SEC_NEW: Text = Text::new("Nieuwe casussen per maand", "New cases per month");

pub const INTAKES: Text = Text::new("intakes", "intakes");
pub const MEDIAN_DAYS: Text = Text::new("mediaan (dagen)", "median (days)");
pub const WITHIN_WEEK: Text = Text::new("binnen 7 dagen", "within 7 days");
pub const WITHOUT_INTAKE: Text = Text::new("gemeld, nog geen intake", "signalled, no intake yet");
pub const WITH_ACTION: Text = Text::new("intakes met een actie", "intakes with an action");
pub const WITHOUT_ACTION: Text = Text::new("intake, nog geen actie", "intake, no action yet");
pub const CLOSINGS: Text = Text::new("afgesloten", "closed");
pub const WITHOUT_REFERRAL: Text = Text::new(
    "zonder verwijzing naar jeugdhulp",
    "without referral to youth care",
);
pub const FAMILIES: Text = Text::new("gezinnen", "families");
pub const MEDIAN: Text = Text::new("mediaan", "median");
pub const OPEN: Text = Text::new("open", "open");
pub const OVERDUE: Text = Text::new("te laat", "overdue");
pub const DUE: Text = Text::new("deadline in de periode", "deadline in the period");
pub const ON_TIME: Text = Text::new("op tijd gedaan", "done on time");
pub const TOTAL: Text = Text::new("totaal", "total");
pub const MEASURE: Text = Text::new("maat", "measure");
pub const LABEL: Text = Text::new("omschrijving", "description");
pub const VALUE: Text = Text::new("waarde", "value");

/// Under the table: what `<5` and `–` mean.
pub const FOOTNOTE: Text = Text::new(
    "<5: een aantal van 1 tot 4. –: een mediaan of aandeel op minder dan 5 casussen, weggelaten.",
    "<5: a count from 1 to 4. –: a median or share on fewer than 5 cases, left out.",
);

/// "0–7 dagen": a bin of the days chart.
pub fn days_bin(low: u32, high: Option<u32>, lang: Lang) -> String {
    match (high, lang) {
        (Some(h), Lang::Nl) => format!("{low}–{h} dagen"),
        (Some(h), Lang::En) => format!("{low}–{h} days"),
        (None, Lang::Nl) => format!("{low} dagen of meer"),
        (None, Lang::En) => format!("{low} days or more"),
    }
}

/// "met 2 professionals": a bar of the faces chart (`None`: the last bar, "or more").
pub fn faces_bin(n: u32, or_more: bool, lang: Lang) -> String {
    match (or_more, lang) {
        (false, Lang::Nl) => format!("met {n}"),
        (false, Lang::En) => format!("with {n}"),
        (true, Lang::Nl) => format!("met {n} of meer"),
        (true, Lang::En) => format!("with {n} or more"),
    }
}

/// "samengevoegd uit 3 bestanden".
pub fn merged(n: usize, lang: Lang) -> String {
    match lang {
        Lang::Nl => format!("samengevoegd uit {n} bestanden"),
        Lang::En => format!("merged from {n} files"),
    }
}

/// `--merge` read a file that isn't stats JSON.
pub fn not_stats(file: &str, lang: Lang) -> String {
    match lang {
        Lang::Nl => format!("{file} is geen JSON van tandem stats (maak het met --format json)."),
        Lang::En => format!("{file} is not tandem stats JSON (make it with --format json)."),
    }
}

/// `--merge` read stats of a newer format.
pub fn newer_format(file: &str, lang: Lang) -> String {
    match lang {
        Lang::Nl => {
            format!("{file} komt van een nieuwere tandem: werk tandem bij om het samen te voegen.")
        }
        Lang::En => format!("{file} comes from a newer tandem: update tandem to merge it."),
    }
}

/// `--merge` was given stats of different periods.
pub fn other_period(file: &str, lang: Lang) -> String {
    match lang {
        Lang::Nl => format!(
            "{file} gaat over een andere periode: voeg alleen cijfers over dezelfde periode samen."
        ),
        Lang::En => format!("{file} covers another period: merge only figures of the same period."),
    }
}

/// `--merge` could not read a file.
pub fn unreadable(file: &str, lang: Lang) -> String {
    match lang {
        Lang::Nl => format!("{file} is niet te lezen."),
        Lang::En => format!("{file} can't be read."),
    }
}

/// `--school` named a school no child is at.
pub fn no_such_school(school: &str, known: &[String], lang: Lang) -> String {
    let list = known.join(", ");
    match lang {
        Lang::Nl => format!("Geen school '{school}' in het casusboek. Bekend: {list}."),
        Lang::En => format!("No school '{school}' in the case book. Known: {list}."),
    }
}

/// Choices of the period on screen 5.
pub const SCHOOL_YEAR: Text = Text::new("dit schooljaar", "this school year");
pub const LAST_12: Text = Text::new("laatste 12 maanden", "last 12 months");
pub const CUSTOM: Text = Text::new("eigen periode", "own period");
/// The title of the form for a period of one's own.
pub const F_PERIOD: Text = Text::new("Eigen periode", "Own period");
pub const FROM: Text = Text::new("Van", "From");
pub const TO: Text = Text::new("Tot en met", "Up to and including");
/// While the measures are being counted.
pub const COUNTING: Text = Text::new("De cijfers worden geteld…", "Counting the figures…");
/// "dagen" after a median.
pub const DAYS: Text = Text::new("dagen", "days");

/// Short words for the screen's panels, where 38 columns must hold a label and a figure.
pub const S_CASES: Text = Text::new("aantal", "count");
pub const S_MEDIAN: Text = Text::new("mediaan", "median");
pub const S_WITHIN: Text = Text::new("≤ 7 dagen", "≤ 7 days");
pub const S_NO_INTAKE: Text = Text::new("nog geen intake", "no intake yet");
pub const S_NO_ACTION: Text = Text::new("nog geen actie", "no action yet");
pub const S_WITHOUT_REFERRAL: Text = Text::new("zonder verwijzing", "without referral");
pub const S_ON_TIME: Text = Text::new("op tijd gedaan", "done on time");
pub const S_NONE: Text = Text::new("geen", "none");

/// The short name of an outcome on a bar.
pub fn outcome_short(o: crate::domain::Outcome, lang: Lang) -> &'static str {
    use crate::domain::Outcome as O;
    match (o, lang) {
        (O::ZelfstandigVerder, Lang::Nl) => "zelfstandig",
        (O::ZelfstandigVerder, Lang::En) => "on their own",
        (O::KortdurendeInterventie, Lang::Nl) => "kortdurend",
        (O::KortdurendeInterventie, Lang::En) => "short",
        (O::VerwezenJeugdhulp, Lang::Nl) => "verwezen",
        (O::VerwezenJeugdhulp, Lang::En) => "referred",
        (O::Anders, Lang::Nl) => "anders",
        (O::Anders, Lang::En) => "other",
    }
}
