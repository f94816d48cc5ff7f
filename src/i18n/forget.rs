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
    let n = |count: usize, one: &str, more: &str| match count {
        1 => format!("1 {one}"),
        n => format!("{n} {more}"),
    };
    match lang {
        Lang::Nl => format!(
            "Gezin {} ({name}) wordt gewist: het gezin, de kinderen, {}, {} en {} uit de tijdlijn. {} Ook {} en het journaal worden zonder dit gezin herschreven. Dit kan niet ongedaan worden gemaakt.",
            e.family.0,
            n(e.cases, "casus", "casussen"),
            n(e.actions, "actie", "acties"),
            n(e.events, "regel", "regels"),
            minutes_nl(e.items),
            n(backups, "back-up", "back-ups"),
        ),
        Lang::En => format!(
            "Family {} ({name}) will be erased: the family, its children, {}, {} and {} of the timeline. {} {} and the journal are rewritten without it too. This cannot be undone.",
            e.family.0,
            n(e.cases, "case", "cases"),
            n(e.actions, "action", "actions"),
            n(e.events, "line", "lines"),
            minutes_en(e.items),
            n(backups, "backup", "backups"),
        ),
    }
}

/// What happens in the minutes: the verb agrees with the count, and no items is not "0".
fn minutes_nl(items: usize) -> String {
    match items {
        0 => "Hun namen in agendapunten van andere gezinnen worden \"verwijderd\".".into(),
        1 => "In de verslagen van overleggen wordt 1 agendapunt \"verwijderd\", net als hun namen in andere agendapunten.".into(),
        n => format!("In de verslagen van overleggen worden {n} agendapunten \"verwijderd\", net als hun namen in andere agendapunten."),
    }
}

fn minutes_en(items: usize) -> String {
    match items {
        0 => "Their names in other families' agenda items become \"verwijderd\".".into(),
        1 => "In the minutes of meetings 1 agenda item becomes \"verwijderd\", as do their names in other agenda items.".into(),
        n => format!("In the minutes of meetings {n} agenda items become \"verwijderd\", as do their names in other agenda items."),
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
    let n = |count: usize, one: &str, more: &str| match count {
        1 => format!("1 {one}"),
        n => format!("{n} {more}"),
    };
    match lang {
        Lang::Nl => format!(
            "Gezin {} is gewist, met {} en {}; {} herschreven ({secs:.1} s). Alleen het nummer en een onleesbare vingerafdruk blijven bewaard, zodat een oude back-up het gezin niet terugbrengt.",
            e.family.0,
            n(e.cases, "casus", "casussen"),
            n(e.actions, "actie", "acties"),
            n(e.backups, "back-up", "back-ups"),
        ),
        Lang::En => format!(
            "Family {} was erased, with {} and {}; {} rewritten ({secs:.1} s). Only its number and an unreadable fingerprint are kept, so an old backup does not bring it back.",
            e.family.0,
            n(e.cases, "case", "cases"),
            n(e.actions, "action", "actions"),
            n(e.backups, "backup", "backups"),
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

/// `tandem import` left out families that were erased from this data dir.
pub fn left_out(n: usize, lang: Lang) -> String {
    match (lang, n) {
        (Lang::Nl, 1) => "1 gezin uit het bestand is niet ingelezen: het is eerder gewist (vergeten.json) en blijft gewist.".into(),
        (Lang::Nl, n) => format!("{n} gezinnen uit het bestand zijn niet ingelezen: ze zijn eerder gewist (vergeten.json) en blijven gewist."),
        (Lang::En, 1) => "1 family in the file was not imported: it was erased before (vergeten.json) and stays erased.".into(),
        (Lang::En, n) => format!("{n} families in the file were not imported: they were erased before (vergeten.json) and stay erased."),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::FamilyId;

    fn plan_with(items: usize, lang: Lang) -> String {
        let e = Erased {
            family: FamilyId(7),
            cases: 1,
            actions: 2,
            events: 3,
            items,
            backups: 1,
        };
        plan("Zwanenburg", &e, 1, lang)
    }

    #[test]
    fn the_minutes_clause_agrees_with_the_count() {
        assert!(!plan_with(0, Lang::Nl).contains("0 agendapunt"));
        assert!(plan_with(0, Lang::Nl).contains("Hun namen in agendapunten"));
        assert!(plan_with(1, Lang::Nl).contains("wordt 1 agendapunt \"verwijderd\""));
        assert!(plan_with(3, Lang::Nl).contains("worden 3 agendapunten \"verwijderd\""));
        assert!(!plan_with(0, Lang::En).contains("0 agenda"));
        assert!(plan_with(1, Lang::En).contains("1 agenda item becomes"));
        assert!(plan_with(2, Lang::En).contains("2 agenda items become"));
    }
}
