//! Inzage (AVG art. 15): everything tandem holds about one family, in plain words, to hand to
//! parents who ask. Made from the same document as `tandem export --family ID`, so nothing the
//! export holds is left out. Every name and text is escaped ([`markdown::inline`]).

use crate::domain::dates::{format_long, format_numeric};
use crate::domain::{Action, Case, Event, Family, Meeting, Person, PersonId};
use crate::i18n::inzage as w;
use crate::i18n::{events, words, Lang};
use crate::report::markdown::inline;
use crate::store::export::ExportDoc;
use chrono::NaiveDate;
use std::collections::HashMap;
use std::fmt::Write;

/// The overview of the one family in `doc` (an export of scope "family"), made on `today`.
pub fn markdown(doc: &ExportDoc, today: NaiveDate, lang: Lang) -> String {
    let persons: HashMap<PersonId, &Person> = doc.persons.iter().map(|p| (p.id, p)).collect();
    let mut out = String::new();
    for f in &doc.families {
        let _ = writeln!(out, "# {}\n", inline(&w::title(&f.name, lang)));
        let _ = writeln!(
            out,
            "{}\n",
            inline(&w::intro(&format_long(today, lang), lang))
        );
        family(&mut out, f, &persons, lang);
        for c in doc.cases.iter().filter(|c| c.family == f.id) {
            case(&mut out, doc, c, f, &persons, lang);
        }
        let alone: Vec<&Event> = doc
            .events
            .iter()
            .filter(|e| e.case.is_none() && e.family == Some(f.id))
            .collect();
        if !alone.is_empty() {
            let _ = writeln!(out, "## {}\n", w::OTHER_EVENTS.get(lang));
            timeline(&mut out, &alone, doc, &persons, lang);
        }
    }
    out
}

fn name_of(persons: &HashMap<PersonId, &Person>, id: PersonId, lang: Lang) -> String {
    persons
        .get(&id)
        .map_or_else(|| w::UNKNOWN.get(lang).to_string(), |p| p.name.clone())
}

fn family(out: &mut String, f: &Family, persons: &HashMap<PersonId, &Person>, lang: Lang) {
    let _ = writeln!(out, "## {}: {}\n", w::FAMILY.get(lang), inline(&f.name));
    let _ = writeln!(out, "### {}\n", w::CARERS.get(lang));
    for c in &f.carers {
        let contact: Vec<&str> = [c.phone.as_str(), c.email.as_str()]
            .into_iter()
            .filter(|s| !s.trim().is_empty())
            .collect();
        let _ = writeln!(
            out,
            "- {} ({}){}",
            inline(&c.name),
            inline(&c.relation),
            suffix(&contact.join(", "))
        );
    }
    let _ = writeln!(out, "\n### {}\n", w::CHILDREN.get(lang));
    for c in &f.children {
        let born = c
            .birth_date
            .map_or_else(|| w::UNKNOWN.get(lang).to_string(), format_numeric);
        let _ = writeln!(
            out,
            "- {} {}, {} {born}, {}, {} {}",
            inline(&c.first_name),
            inline(&c.last_name),
            w::BORN.get(lang),
            inline(&c.school),
            w::GROUP.get(lang),
            inline(&c.groep)
        );
    }
    let _ = writeln!(out, "\n### {}\n", w::NETWORK.get(lang));
    if f.network.is_empty() {
        let _ = writeln!(out, "- {}", w::NONE.get(lang));
    }
    for i in &f.network {
        let from = i
            .from
            .map(|d| format!(", {} {}", w::FROM.get(lang), format_numeric(d)));
        let until = i
            .until
            .map(|d| format!(" {} {}", w::UNTIL.get(lang), format_numeric(d)));
        let org = persons.get(&i.person).map(|p| p.organisation.as_str());
        let _ = writeln!(
            out,
            "- {} ({}){}{}{}",
            inline(&name_of(persons, i.person, lang)),
            inline(&i.role),
            org.map(|o| suffix(&inline(o))).unwrap_or_default(),
            from.unwrap_or_default(),
            until.unwrap_or_default()
        );
    }
    out.push('\n');
}

fn suffix(s: &str) -> String {
    if s.trim().is_empty() {
        String::new()
    } else {
        format!(", {s}")
    }
}

fn case(
    out: &mut String,
    doc: &ExportDoc,
    c: &Case,
    f: &Family,
    persons: &HashMap<PersonId, &Person>,
    lang: Lang,
) {
    let child = f
        .children
        .iter()
        .find(|k| k.id == c.child)
        .map(|k| format!("{} {}", k.first_name, k.last_name))
        .unwrap_or_default();
    let _ = writeln!(
        out,
        "## {} {}: {}\n",
        w::CASE.get(lang),
        c.id.0,
        inline(&child)
    );
    let date = |d: Option<NaiveDate>| d.map_or_else(|| "–".to_string(), format_numeric);
    let mut line = |label: &str, value: String| {
        let _ = writeln!(out, "- {label}: {value}");
    };
    line(w::QUESTION.get(lang), inline(&c.question));
    line(
        w::SIGNAL.get(lang),
        format!(
            "{} {} {}",
            words::signal(c.signal).get(lang),
            w::ON.get(lang),
            format_numeric(c.signal_date)
        ),
    );
    line(
        w::STATUS.get(lang),
        words::status(c.status).get(lang).into(),
    );
    line(w::INTAKE.get(lang), date(c.intake_date));
    line(w::SUPPORT.get(lang), date(c.support_date));
    let side = c.lead.side.map(|s| words::side(s).get(lang).to_string());
    let who = c.lead.person.map(|p| inline(&name_of(persons, p, lang)));
    let lead: Vec<String> = side.into_iter().chain(who).collect();
    line(w::LEAD.get(lang), lead.join(", "));
    for k in &c.consents {
        let note = suffix(&inline(&k.note));
        line(
            w::CONSENT.get(lang),
            format!(
                "{}: {} ({}){note}",
                inline(&name_of(persons, k.person, lang)),
                words::consent(k.status).get(lang),
                date(k.date)
            ),
        );
    }
    for k in &c.closings {
        let again = k
            .reopened
            .map(|d| format!(", {} {}", w::REOPENED.get(lang), format_numeric(d)))
            .unwrap_or_default();
        line(
            w::CLOSED.get(lang),
            format!(
                "{}, {}{again}",
                format_numeric(k.closed),
                words::outcome(k.outcome).get(lang)
            ),
        );
    }
    if !c.notes.trim().is_empty() {
        line(w::NOTES.get(lang), inline(&c.notes));
    }
    out.push('\n');
    let actions: Vec<&Action> = doc.actions.iter().filter(|a| a.case == c.id).collect();
    case_actions(out, &actions, persons, lang);
    let meetings: Vec<&Meeting> = doc
        .meetings
        .iter()
        .filter(|m| m.items.iter().any(|i| i.case == c.id))
        .collect();
    case_meetings(out, &meetings, c, lang);
    let events: Vec<&Event> = doc.events.iter().filter(|e| e.case == Some(c.id)).collect();
    let _ = writeln!(out, "### {}\n", w::TIMELINE.get(lang));
    timeline(out, &events, doc, persons, lang);
}

fn case_actions(
    out: &mut String,
    actions: &[&Action],
    persons: &HashMap<PersonId, &Person>,
    lang: Lang,
) {
    let _ = writeln!(out, "### {}\n", w::ACTIONS.get(lang));
    if actions.is_empty() {
        let _ = writeln!(out, "- {}", w::NONE.get(lang));
    }
    for a in actions {
        let mut parts = vec![words::side(a.side).get(lang).to_string()];
        parts.extend(a.owner.map(|p| inline(&name_of(persons, p, lang))));
        parts.extend(
            a.deadline
                .map(|d| format!("{} {}", w::DEADLINE.get(lang), format_numeric(d))),
        );
        if let Some(d) = &a.done {
            let by =
                d.by.map(|p| {
                    format!(
                        " {} {}",
                        w::BY.get(lang),
                        inline(&name_of(persons, p, lang))
                    )
                })
                .unwrap_or_default();
            parts.push(format!(
                "{} {}{by}",
                w::DONE.get(lang),
                format_numeric(d.at.date())
            ));
        }
        let _ = writeln!(out, "- {} ({})", inline(&a.text), parts.join(", "));
    }
    out.push('\n');
}

fn case_meetings(out: &mut String, meetings: &[&Meeting], c: &Case, lang: Lang) {
    if meetings.is_empty() {
        return;
    }
    let _ = writeln!(out, "### {}\n", w::MEETINGS.get(lang));
    for m in meetings {
        for item in m.items.iter().filter(|i| i.case == c.id) {
            let notes = suffix(&inline(&item.notes));
            let _ = writeln!(out, "- {}{notes}", format_numeric(m.date));
            for a in &item.agreements {
                let _ = writeln!(out, "  - {}: {}", w::AGREEMENT.get(lang), inline(&a.text));
            }
        }
    }
    out.push('\n');
}

fn timeline(
    out: &mut String,
    events: &[&Event],
    doc: &ExportDoc,
    persons: &HashMap<PersonId, &Person>,
    lang: Lang,
) {
    let person = |p: PersonId| name_of(persons, p, lang);
    let action = |id: crate::domain::ActionId| {
        doc.actions
            .iter()
            .find(|a| a.id == id)
            .map_or_else(|| format!("#{}", id.0), |a| a.text.clone())
    };
    for e in events {
        let said = events::describe(&e.kind, lang, &person, &action);
        let _ = writeln!(
            out,
            "- {} {} — {}: {}",
            format_numeric(e.at.date()),
            e.at.format("%H:%M"),
            inline(crate::i18n::audit::who(&e.who, lang)),
            inline(&said)
        );
    }
    out.push('\n');
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::{Carer, Child, ChildId, FamilyId};
    use crate::store::export::{NextIds, FORMAT_NAME, FORMAT_VERSION};

    #[test]
    fn names_and_texts_are_escaped_and_every_part_is_there() {
        let family = Family {
            id: FamilyId(1),
            name: "*Zwanenburg*".into(),
            carers: vec![Carer {
                name: "<b>Wilma</b>".into(),
                relation: "moeder".into(),
                phone: "0612345678".into(),
                email: String::new(),
                lives_with_child: true,
                authority: true,
            }],
            children: vec![Child {
                id: ChildId(1),
                first_name: "Quirijn".into(),
                last_name: "Zwanenburg".into(),
                birth_date: None,
                school: "De Linde".into(),
                groep: "5".into(),
            }],
            network: Vec::new(),
        };
        let doc = ExportDoc {
            format: FORMAT_NAME.into(),
            version: FORMAT_VERSION,
            scope: "family".into(),
            next_ids: NextIds {
                family: 2,
                child: 2,
                case: 1,
                person: 1,
                action: 1,
                meeting: 1,
                event: 1,
            },
            persons: Vec::new(),
            families: vec![family],
            cases: Vec::new(),
            actions: Vec::new(),
            meetings: Vec::new(),
            events: Vec::new(),
        };
        let day = NaiveDate::from_ymd_opt(2026, 11, 23).unwrap();
        let md = markdown(&doc, day, Lang::Nl);
        assert!(md.contains("\\*Zwanenburg\\*"), "{md}");
        assert!(md.contains("\\<b\\>Wilma\\</b\\>"), "{md}");
        assert!(md.contains("Ouders en verzorgers"), "{md}");
        assert!(md.contains("0612345678"), "{md}");
        assert!(md.contains("Quirijn Zwanenburg, geboren onbekend"), "{md}");
    }
}
