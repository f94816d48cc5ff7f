//! Timeline lines (klantreis) in words.

use super::{words, Lang, Text};
use crate::domain::EventKind;

/// One line for an event; `person` names a person id, `action` describes an action id.
pub fn describe(
    kind: &EventKind,
    lang: Lang,
    person: &dyn Fn(crate::domain::PersonId) -> String,
    action: &dyn Fn(crate::domain::ActionId) -> String,
) -> String {
    use EventKind as E;
    let said = said(kind).get(lang);
    match kind {
        E::PersonCreated { person: p }
        | E::PersonEdited { person: p }
        | E::NetworkEnded { person: p }
        | E::NetworkRemoved { person: p } => format!("{said} {}", person(*p)),
        E::NetworkAdded { person: p, role } => format!("{said} {} ({role})", person(*p)),
        E::StatusChanged { from, to } => format!(
            "{said} {} → {}",
            words::status(*from).get(lang),
            words::status(*to).get(lang)
        ),
        E::LeadChanged { side, person: p } => {
            let side = side
                .map(|s| format!("{} {}", s.mark(), words::side(s).get(lang)))
                .unwrap_or_else(|| "–".into());
            let who = p.map(|p| format!(", {}", person(p))).unwrap_or_default();
            format!("{said} {side}{who}")
        }
        // "toestemming Karim Bennani: gegeven", not "…: toestemming".
        E::ConsentSet { person: p, status } => format!(
            "{said} {}: {}",
            person(*p),
            consent_given(*status).get(lang)
        ),
        E::Closed { outcome } => format!("{said} {}", words::outcome(*outcome).get(lang)),
        E::ActionAdded { action: a }
        | E::ActionEdited { action: a }
        | E::ActionDone { action: a }
        | E::ActionReopened { action: a } => format!("{said} {}", action(*a)),
        E::ActionCancelled { action: a, reason } => {
            let reason = crate::domain::text::clean_line(reason);
            format!("{said} {} ({reason})", action(*a))
        }
        E::AgreementRecorded { text, .. } => {
            format!("{said} {}", crate::domain::text::clean_line(text))
        }
        E::ImportedFrom {
            file,
            replaced,
            left_out,
        } => {
            let file = crate::domain::text::clean_line(file);
            let mut out = format!("{said} {file}");
            if *replaced {
                out.push_str(
                    Text::new(", in plaats van wat er was", ", replacing what was there").get(lang),
                );
            }
            if *left_out > 0 {
                out.push_str(&match lang {
                    Lang::Nl => format!(", {left_out} gewiste gezinnen weggelaten"),
                    Lang::En => format!(", {left_out} erased families left out"),
                });
            }
            out
        }
        _ => said.to_string(),
    }
}

/// How a consent was recorded, after the word "toestemming" of the line.
fn consent_given(status: crate::domain::ConsentStatus) -> Text {
    use crate::domain::ConsentStatus as C;
    match status {
        C::Gegeven => Text::new("gegeven", "given"),
        C::Geweigerd => Text::new("geweigerd", "refused"),
        C::NietGevraagd => Text::new("niet gevraagd", "not asked"),
    }
}

#[cfg(test)]
mod consent_tests {
    use super::*;
    use crate::domain::{ConsentStatus, EventKind, PersonId};

    #[test]
    fn a_consent_line_says_how_it_was_given_without_saying_consent_twice() {
        let kind = EventKind::ConsentSet {
            person: PersonId(3),
            status: ConsentStatus::Gegeven,
        };
        let name = |_| "Karim Bennani".to_string();
        let action = |_| String::new();
        let nl = describe(&kind, Lang::Nl, &name, &action);
        assert_eq!(nl, "toestemming Karim Bennani: gegeven");
        let en = describe(&kind, Lang::En, &name, &action);
        assert_eq!(en, "consent Karim Bennani: given");
    }
}

/// What happened, in words; [`describe`] adds what the event names (a person, an action, a
/// status) after it.
fn said(kind: &EventKind) -> Text {
    use EventKind as E;
    match kind {
        E::FamilyCreated => Text::new("gezin aangemaakt", "family created"),
        E::FamilyEdited => Text::new("gezin bijgewerkt", "family updated"),
        E::PersonCreated { .. } => Text::new("op de sociale kaart:", "added to the directory:"),
        E::PersonEdited { .. } => Text::new("sociale kaart bijgewerkt:", "directory updated:"),
        E::NetworkAdded { .. } => Text::new("in het netwerk:", "joined the network:"),
        E::NetworkEnded { .. } => Text::new("uit het netwerk:", "left the network:"),
        E::CaseCreated => Text::new("casus aangemeld", "case registered"),
        E::CaseEdited => Text::new("casus bijgewerkt", "case updated"),
        E::StatusChanged { .. } => Text::new("status", "status"),
        E::LeadChanged { .. } => Text::new("regie:", "lead:"),
        E::ConsentSet { .. } => Text::new("toestemming", "consent"),
        E::Flagged { on: true } => {
            Text::new("op de agenda gezet (bespreken)", "flagged for the meeting")
        }
        E::Flagged { on: false } => Text::new("niet meer bespreken", "unflagged"),
        E::Closed { .. } => Text::new("afgesloten:", "closed:"),
        E::Reopened => Text::new("heropend", "reopened"),
        E::ActionAdded { .. } => Text::new("actie toegevoegd:", "action added:"),
        E::ActionEdited { .. } => Text::new("actie bewerkt:", "action edited:"),
        E::ActionDone { .. } => Text::new("actie afgerond:", "action done:"),
        E::ActionReopened { .. } => Text::new("actie weer open:", "action open again:"),
        E::AgreementRecorded { .. } => Text::new("afspraak:", "agreement:"),
        E::Discussed { .. } => Text::new("besproken in het overleg", "discussed in the meeting"),
        E::MeetingStarted { .. } => Text::new("overleg gestart", "meeting started"),
        E::MeetingEnded { .. } => Text::new("overleg afgerond", "meeting ended"),
        E::Imported => Text::new("geïmporteerd", "imported"),
        E::NetworkRemoved { .. } => Text::new(
            "uit het netwerk gehaald (vergissing):",
            "removed from the network (a mistake):",
        ),
        E::ActionCancelled { .. } => Text::new("actie vervallen:", "action cancelled:"),
        E::ImportedFrom { .. } => Text::new("geïmporteerd uit", "imported from"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::{ActionId, PersonId};

    #[test]
    fn a_line_is_the_words_then_what_the_event_names() {
        let person = |p: PersonId| format!("P{p}");
        let action = |a: ActionId| format!("A{a}");
        let line = |k: &EventKind, lang| describe(k, lang, &person, &action);
        let added = EventKind::ActionAdded {
            action: ActionId(4),
        };
        assert_eq!(line(&added, Lang::Nl), "actie toegevoegd: A4");
        assert_eq!(line(&added, Lang::En), "action added: A4");
        let joined = EventKind::NetworkAdded {
            person: PersonId(2),
            role: "budgetcoach".into(),
        };
        assert_eq!(line(&joined, Lang::Nl), "in het netwerk: P2 (budgetcoach)");
        assert_eq!(line(&EventKind::Reopened, Lang::En), "reopened");
    }
}
