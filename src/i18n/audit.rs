//! Words of the audit trail (`tandem audit`, the log of what left tandem).

use super::Lang;
use crate::store::audit::{Entry, Outgoing};

/// "casus 12: " before a timeline line.
pub fn case(id: u64, lang: Lang) -> String {
    match lang {
        Lang::Nl => format!("casus {id}: "),
        Lang::En => format!("case {id}: "),
    }
}

/// One line of the log of what left tandem.
pub fn outgoing(e: &Entry, lang: Lang) -> String {
    let what = match (e.what, lang) {
        (Outgoing::Export, Lang::Nl) => "uitgegeven: export van alle gegevens",
        (Outgoing::Export, Lang::En) => "handed out: export of all data",
        (Outgoing::FamilyExport, Lang::Nl) => "uitgegeven: export van een gezin",
        (Outgoing::FamilyExport, Lang::En) => "handed out: export of a family",
        (Outgoing::Inzage, Lang::Nl) => "uitgegeven: overzicht voor ouders (inzage)",
        (Outgoing::Inzage, Lang::En) => "handed out: overview for parents",
        (Outgoing::Minutes, Lang::Nl) => "uitgegeven: verslag",
        (Outgoing::Minutes, Lang::En) => "handed out: minutes",
        (Outgoing::Agenda, Lang::Nl) => "uitgegeven: agenda",
        (Outgoing::Agenda, Lang::En) => "handed out: agenda",
        (Outgoing::Actions, Lang::Nl) => "uitgegeven: actielijst",
        (Outgoing::Actions, Lang::En) => "handed out: action list",
        (Outgoing::Backup, Lang::Nl) => "back-up gemaakt",
        (Outgoing::Backup, Lang::En) => "backup made",
        (Outgoing::Restore, Lang::Nl) => "back-up teruggezet",
        (Outgoing::Restore, Lang::En) => "backup restored",
        (Outgoing::Forget, Lang::Nl) => "gezin gewist",
        (Outgoing::Forget, Lang::En) => "family erased",
    };
    let mut out = what.to_string();
    if let Some(f) = e.family {
        out.push_str(&match lang {
            Lang::Nl => format!(", gezin {f}"),
            Lang::En => format!(", family {f}"),
        });
    }
    if let Some(to) = &e.to {
        out.push_str(&match lang {
            Lang::Nl => format!(", voor {to}"),
            Lang::En => format!(", for {to}"),
        });
    }
    if !e.detail.is_empty() {
        out.push_str(&format!(" ({})", e.detail));
    }
    out
}

/// Who made a change, for the trail: the name recorded, or "onbekend" when no "me" was chosen
/// on the laptop that made it (issue 12 part 4).
pub fn who(recorded: &str, lang: Lang) -> &str {
    if recorded.trim().is_empty() {
        UNKNOWN_WHO.get(lang)
    } else {
        recorded
    }
}

const UNKNOWN_WHO: super::Text = super::Text::new("onbekend", "unknown");

/// The log could not be written.
pub fn not_logged(why: &str, lang: Lang) -> String {
    match lang {
        Lang::Nl => format!("Let op: niet vastgelegd in het logboek van uitgifte: {why}"),
        Lang::En => format!("Note: not recorded in the log of what left tandem: {why}"),
    }
}

/// The fields an edit changed, in words: `hulpvraag: "oud" → "nieuw"`, joined by `; `. With
/// `cut`, each value is cut to that many characters (the case card); `tandem audit` prints
/// them whole. Control characters are left to the caller's own escaping.
pub fn changes(changes: &[crate::domain::FieldChange], lang: Lang, cut: Option<usize>) -> String {
    let value = |v: &str| {
        if v.is_empty() {
            return "–".to_string();
        }
        let v = crate::domain::text::clean_line(v);
        match cut {
            Some(n) if v.chars().count() > n => {
                format!("\"{}…\"", v.chars().take(n).collect::<String>())
            }
            _ => format!("\"{v}\""),
        }
    };
    changes
        .iter()
        .map(|c| {
            format!(
                "{}: {} → {}",
                field(&c.field, lang),
                value(&c.before),
                value(&c.after)
            )
        })
        .collect::<Vec<_>>()
        .join("; ")
}

/// A field's path in words: `carers.1.phone` is "ouder 2 telefoon".
pub fn field(path: &str, lang: Lang) -> String {
    path.split('.')
        .map(|part| match part.parse::<usize>() {
            Ok(i) => (i + 1).to_string(),
            Err(_) => label(part, lang).to_string(),
        })
        .collect::<Vec<_>>()
        .join(" ")
}

fn label(name: &str, lang: Lang) -> &str {
    let (nl, en) = match name {
        "question" => ("hulpvraag", "question"),
        "notes" => ("notities", "notes"),
        "signal" => ("signaal", "signal"),
        "signal_by" => ("gemeld door", "signalled by"),
        "signal_date" => ("datum signaal", "signal date"),
        "intake_date" => ("intake", "intake"),
        "support_date" => ("ondersteuning vanaf", "support from"),
        "status" => ("status", "status"),
        "lead" => ("regie", "lead"),
        "side" => ("kant", "side"),
        "person" => ("persoon", "person"),
        "consents" => ("toestemming", "consent"),
        "given_by" => ("gegeven door", "given by"),
        "note" => ("notitie", "note"),
        "date" => ("datum", "date"),
        "flagged" => ("bespreken", "flagged"),
        "closings" => ("afsluiting", "closing"),
        "closed" => ("afgesloten", "closed"),
        "outcome" => ("uitkomst", "outcome"),
        "reopened" => ("heropend", "reopened"),
        "child" => ("kind", "child"),
        "family" => ("gezin", "family"),
        "text" => ("tekst", "text"),
        "owner" => ("eigenaar", "owner"),
        "deadline" => ("deadline", "deadline"),
        "done" => ("afgerond", "done"),
        "at" => ("op", "at"),
        "by" => ("door", "by"),
        "cancelled" => ("vervallen", "cancelled"),
        "name" => ("naam", "name"),
        "carers" => ("ouder", "carer"),
        "relation" => ("relatie", "relation"),
        "phone" => ("telefoon", "phone"),
        "email" => ("e-mail", "e-mail"),
        "lives_with_child" => ("woont bij het kind", "lives with the child"),
        "authority" => ("gezag", "authority"),
        "children" => ("kind", "child"),
        "first_name" => ("voornaam", "first name"),
        "last_name" => ("achternaam", "last name"),
        "birth_date" => ("geboortedatum", "birth date"),
        "school" => ("school", "school"),
        "groep" => ("groep", "year"),
        "network" => ("netwerk", "network"),
        "role" => ("rol", "role"),
        "from" => ("vanaf", "from"),
        "until" => ("tot", "until"),
        "organisation" => ("organisatie", "organisation"),
        "offer" => ("aanbod", "offer"),
        other => (other, other),
    };
    match lang {
        Lang::Nl => nl,
        Lang::En => en,
    }
}
