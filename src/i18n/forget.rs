//! Words of erasure (`tandem forget`, the family screen's "wissen"): what goes, the typed
//! confirmation, what was done.

use super::{Lang, Text};
use crate::store::erase::Erased;

pub const NOTHING_ERASED: Text = Text::new(
    "Er is niets gewist: de ingetypte naam is niet de naam van het gezin.",
    "Nothing was erased: the name typed is not the family's name.",
);
pub const TITLE: Text = Text::new("Gezin wissen", "Erase family");
pub const NO_SUCH_FAMILY: Text = Text::new(
    "Er is geen gezin met dit nummer of deze naam.",
    "There is no family with this number or name.",
);

/// "Gezin 7 (Zwanenburg) wissen: …" — what goes, before the question.
pub fn plan(name: &str, e: &Erased, backups: usize, lang: Lang) -> String {
    match lang {
        Lang::Nl => format!(
            "Gezin {} ({name}) wordt gewist: het gezin, de kinderen, {} casussen, {} acties, {} regels uit de tijdlijn en {} agendapunten uit overleggen (hun namen in andere verslagen worden \"verwijderd\"). Ook de {backups} back-ups en het journaal worden zonder dit gezin herschreven. Dit kan niet ongedaan worden gemaakt.",
            e.family.0, e.cases, e.actions, e.events, e.items
        ),
        Lang::En => format!(
            "Family {} ({name}) will be erased: the family, its children, {} cases, {} actions, {} timeline lines and {} agenda items of meetings (their names in other minutes become \"verwijderd\"). The {backups} backups and the journal are rewritten without it too. This cannot be undone.",
            e.family.0, e.cases, e.actions, e.events, e.items
        ),
    }
}

/// The question: type the family's name.
pub fn ask(name: &str, lang: Lang) -> String {
    match lang {
        Lang::Nl => format!("Typ de naam van het gezin ({name}) om te bevestigen: "),
        Lang::En => format!("Type the family's name ({name}) to confirm: "),
    }
}

/// What an erasure did.
pub fn done(e: &Erased, secs: f64, lang: Lang) -> String {
    match lang {
        Lang::Nl => format!(
            "Gezin {} is gewist, met {} casussen en {} acties; {} back-ups herschreven ({secs:.1} s). Alleen het nummer en een onleesbare vingerafdruk blijven bewaard, zodat een oude back-up het gezin niet terugbrengt.",
            e.family.0, e.cases, e.actions, e.backups
        ),
        Lang::En => format!(
            "Family {} was erased, with {} cases and {} actions; {} backups rewritten ({secs:.1} s). Only its number and an unreadable fingerprint are kept, so an old backup does not bring it back.",
            e.family.0, e.cases, e.actions, e.backups
        ),
    }
}

/// Several families fit the name given: list them.
pub fn which(candidates: &[(u64, String)], lang: Lang) -> String {
    let list: Vec<String> = candidates
        .iter()
        .map(|(id, name)| format!("{id} ({name})"))
        .collect();
    match lang {
        Lang::Nl => format!(
            "Meer gezinnen passen bij die naam: {}. Geef het nummer.",
            list.join(", ")
        ),
        Lang::En => format!(
            "Several families fit that name: {}. Give the number.",
            list.join(", ")
        ),
    }
}
