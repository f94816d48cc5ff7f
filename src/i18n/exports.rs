//! The words of what leaves tandem: the CSV header, the case number beside initials, minutes for
//! one recipient, and the messages when `--for` finds no one or more than one.

use super::{Lang, Text};

/// The CSV header row, one word per column, in the order `report::formats::csv` writes them.
/// Dutch for a Dutch spreadsheet; English with `--lang en`.
/// The last column holds why a cancelled action was cancelled ("afgerond" is then the day it
/// was finished): empty for an open or done one.
pub fn csv_header(lang: Lang) -> [&'static str; 11] {
    match lang {
        Lang::Nl => [
            "id",
            "casus",
            "kind",
            "groep",
            "actie",
            "eigenaar",
            "kant",
            "deadline",
            "te laat",
            "afgerond",
            "vervallen",
        ],
        Lang::En => [
            "id",
            "case",
            "child",
            "groep",
            "text",
            "owner",
            "side",
            "deadline",
            "overdue",
            "done",
            "cancelled",
        ],
    }
}

/// A yes/no value in the CSV ("te laat"): words a Dutch spreadsheet shows as they are.
pub fn yes_no(yes: bool, lang: Lang) -> &'static str {
    match (lang, yes) {
        (Lang::Nl, true) => "ja",
        (Lang::Nl, false) => "nee",
        (Lang::En, true) => "true",
        (Lang::En, false) => "false",
    }
}

/// "casus 12": how an output names a case beside the child's initials.
pub const CASE: Text = Text::new("casus", "case");

/// Beside a cancelled action (with its reason) in every list and file: it is finished, not done.
pub const CANCELLED: Text = Text::new("vervallen", "cancelled");

/// "Zonder eigenaar": the list of actions no one owns.
pub const NO_OWNER: Text = Text::new("Zonder eigenaar", "No owner");
/// The title of an action list in Markdown.
pub const ACTIONS: Text = Text::new("Acties", "Actions");
/// Marks an overdue action in Markdown (set in bold there).
pub const OVERDUE: Text = Text::new("te laat", "overdue");

/// The line under the title of minutes for one recipient: who they are for, and how many of the
/// meeting's cases were left out because the family gave no consent to share them with that person.
pub fn minutes_for(name: &str, left_out: usize, total: usize, lang: Lang) -> String {
    match (lang, left_out) {
        (Lang::Nl, 0) => format!(
            "Verslag voor {name}. Alle {total} casussen van dit overleg mogen met {name} gedeeld worden."
        ),
        (Lang::Nl, 1) => format!(
            "Verslag voor {name}. 1 van de {total} casussen is weggelaten: daarvoor is geen toestemming om met {name} te delen."
        ),
        (Lang::Nl, n) => format!(
            "Verslag voor {name}. {n} van de {total} casussen zijn weggelaten: daarvoor is geen toestemming om met {name} te delen."
        ),
        (Lang::En, 0) => format!(
            "Minutes for {name}. All {total} cases of this meeting may be shared with {name}."
        ),
        (Lang::En, 1) => format!(
            "Minutes for {name}. 1 of the {total} cases was left out: there is no consent to share it with {name}."
        ),
        (Lang::En, n) => format!(
            "Minutes for {name}. {n} of the {total} cases were left out: there is no consent to share them with {name}."
        ),
    }
}

/// `--for` matched no one. `candidates`: the people involved in this meeting, "Name (id)".
pub fn recipient_unknown(query: &str, candidates: &[String], lang: Lang) -> String {
    let list = candidates.join(", ");
    match (lang, candidates.is_empty()) {
        (Lang::Nl, true) => format!(
            "Niemand op de sociale kaart heet '{query}'. Geef de naam of het nummer van een persoon."
        ),
        (Lang::Nl, false) => format!(
            "Niemand op de sociale kaart heet '{query}'. Bij dit overleg betrokken: {list}."
        ),
        (Lang::En, true) => format!(
            "No one in the directory is called '{query}'. Give a person's name or number."
        ),
        (Lang::En, false) => format!(
            "No one in the directory is called '{query}'. Involved in this meeting: {list}."
        ),
    }
}

/// `--for` matched more than one person. `candidates`: "Name (id)" of each.
pub fn recipient_ambiguous(query: &str, candidates: &[String], lang: Lang) -> String {
    let list = candidates.join(", ");
    match lang {
        Lang::Nl => format!(
            "'{query}' past bij meerdere mensen: {list}. Wees specifieker of geef het nummer."
        ),
        Lang::En => format!(
            "'{query}' matches several people: {list}. Be more specific or give the number."
        ),
    }
}

/// The line under the title of minutes for one family (`minutes ID --family F`).
pub fn minutes_for_family(name: &str, lang: Lang) -> String {
    match lang {
        Lang::Nl => format!(
            "Verslag voor gezin {name}: alleen wat in dit overleg over uw gezin is besproken."
        ),
        Lang::En => {
            format!("Minutes for the {name} family: only what this meeting said about your family.")
        }
    }
}
