//! Timeline lines (klantreis) in words.

use super::{words, Lang};
use crate::domain::EventKind;

/// One line for an event; `person` names a person id, `action` describes an action id.
pub fn describe(
    kind: &EventKind,
    lang: Lang,
    person: &dyn Fn(crate::domain::PersonId) -> String,
    action: &dyn Fn(crate::domain::ActionId) -> String,
) -> String {
    use EventKind as E;
    let nl = lang == Lang::Nl;
    let pick = |a: &str, b: &str| if nl { a.to_string() } else { b.to_string() };
    match kind {
        E::FamilyCreated => pick("gezin aangemaakt", "family created"),
        E::FamilyEdited => pick("gezin bijgewerkt", "family updated"),
        E::PersonCreated { person: p } => format!(
            "{} {}",
            pick("op de sociale kaart:", "added to the directory:"),
            person(*p)
        ),
        E::PersonEdited { person: p } => format!(
            "{} {}",
            pick("sociale kaart bijgewerkt:", "directory updated:"),
            person(*p)
        ),
        E::NetworkAdded { person: p, role } => format!(
            "{} {} ({role})",
            pick("in het netwerk:", "joined the network:"),
            person(*p)
        ),
        E::NetworkEnded { person: p } => format!(
            "{} {}",
            pick("uit het netwerk:", "left the network:"),
            person(*p)
        ),
        E::CaseCreated => pick("casus aangemeld", "case registered"),
        E::CaseEdited => pick("casus bijgewerkt", "case updated"),
        E::StatusChanged { from, to } => format!(
            "{} {} → {}",
            pick("status", "status"),
            words::status(*from).get(lang),
            words::status(*to).get(lang)
        ),
        E::LeadChanged { side, person: p } => {
            let side = side
                .map(|s| format!("{} {}", s.mark(), words::side(s).get(lang)))
                .unwrap_or_else(|| "–".into());
            let who = p.map(|p| format!(", {}", person(p))).unwrap_or_default();
            format!("{} {side}{who}", pick("regie:", "lead:"))
        }
        E::ConsentSet { person: p, status } => format!(
            "{} {}: {}",
            pick("toestemming", "consent"),
            person(*p),
            words::consent(*status).get(lang)
        ),
        E::Flagged { on: true } => {
            pick("op de agenda gezet (bespreken)", "flagged for the meeting")
        }
        E::Flagged { on: false } => pick("niet meer bespreken", "unflagged"),
        E::Closed { outcome } => format!(
            "{} {}",
            pick("afgesloten:", "closed:"),
            words::outcome(*outcome).get(lang)
        ),
        E::Reopened => pick("heropend", "reopened"),
        E::ActionAdded { action: a } => format!(
            "{} {}",
            pick("actie toegevoegd:", "action added:"),
            action(*a)
        ),
        E::ActionEdited { action: a } => format!(
            "{} {}",
            pick("actie bewerkt:", "action edited:"),
            action(*a)
        ),
        E::ActionDone { action: a } => {
            format!("{} {}", pick("actie afgerond:", "action done:"), action(*a))
        }
        E::ActionReopened { action: a } => format!(
            "{} {}",
            pick("actie weer open:", "action open again:"),
            action(*a)
        ),
        E::AgreementRecorded { text, .. } => format!(
            "{} {}",
            pick("afspraak:", "agreement:"),
            crate::domain::text::clean_line(text)
        ),
        E::Discussed { .. } => pick("besproken in het overleg", "discussed in the meeting"),
        E::MeetingStarted { .. } => pick("overleg gestart", "meeting started"),
        E::MeetingEnded { .. } => pick("overleg afgerond", "meeting ended"),
        E::Imported => pick("geïmporteerd", "imported"),
    }
}
