//! Words of "me": who uses tandem on this laptop, chosen once (issue 12 part 4).

use super::{Lang, Text};

/// `tandem me` when no one is chosen yet.
pub const NONE_CHOSEN: Text = Text::new(
    "Nog niet gekozen wie je bent: wijzigingen staan als 'onbekend' in het logboek. Kies met: tandem me NAAM (of I op scherm 3).",
    "Not yet chosen who you are: changes show as 'unknown' in the trail. Choose with: tandem me NAME (or I on screen 3).",
);

/// The config dir is unknown (no home directory): nothing can be remembered.
pub const NO_CONFIG_DIR: Text = Text::new(
    "Kan niet onthouden wie je bent: er is geen map voor instellingen (geen thuismap).",
    "Can't remember who you are: there is no settings folder (no home directory).",
);

/// The sociale kaart is empty: there is no one to choose.
pub const NO_PERSONS: Text = Text::new(
    "De sociale kaart is nog leeg. Zet jezelf er eerst op (scherm 4, n) en kies dan.",
    "The directory is still empty. Add yourself first (screen 4, n), then choose.",
);

/// Who is chosen: `name` and id.
pub fn chosen(name: &str, id: u64, lang: Lang) -> String {
    match lang {
        Lang::Nl => format!(
            "Jij bent {name} (nummer {id}). Elke wijziging en elke afvink staat op jouw naam."
        ),
        Lang::En => {
            format!("You are {name} (number {id}). Every change and done-mark is in your name.")
        }
    }
}

/// The "me" chosen earlier is no longer on the sociale kaart.
pub fn gone(id: u64, lang: Lang) -> String {
    match lang {
        Lang::Nl => format!(
            "Gekozen was nummer {id}, maar die staat niet meer op de sociale kaart. Kies opnieuw: tandem me NAAM."
        ),
        Lang::En => format!(
            "Number {id} was chosen, but is no longer in the directory. Choose again: tandem me NAME."
        ),
    }
}

/// The settings could not be written.
pub fn not_saved(why: &str, lang: Lang) -> String {
    match lang {
        Lang::Nl => format!("Niet onthouden: de instellingen konden niet worden bewaard ({why})."),
        Lang::En => format!("Not remembered: the settings could not be saved ({why})."),
    }
}

/// No one on the sociale kaart is called `query`; `candidates` lists them when they are few.
pub fn unknown(query: &str, candidates: &[String], lang: Lang) -> String {
    let list = candidates.join(", ");
    match (lang, candidates.is_empty()) {
        (Lang::Nl, true) => format!(
            "Niemand op de sociale kaart heet '{query}'. Geef je naam of nummer zoals scherm 4 ze toont."
        ),
        (Lang::Nl, false) => {
            format!("Niemand op de sociale kaart heet '{query}'. Op de sociale kaart: {list}.")
        }
        (Lang::En, true) => format!(
            "No one in the directory is called '{query}'. Give your name or number as screen 4 shows them."
        ),
        (Lang::En, false) => {
            format!("No one in the directory is called '{query}'. In the directory: {list}.")
        }
    }
}
