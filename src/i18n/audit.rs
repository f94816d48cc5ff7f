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

/// The log could not be written.
pub fn not_logged(why: &str, lang: Lang) -> String {
    match lang {
        Lang::Nl => format!("Let op: niet vastgelegd in het logboek van uitgifte: {why}"),
        Lang::En => format!("Note: not recorded in the log of what left tandem: {why}"),
    }
}
