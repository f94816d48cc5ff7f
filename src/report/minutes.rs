//! The minutes (verslag) of a meeting, built from what was recorded: nobody writes them.
//! Per case the agreements and the new and finished actions per side; at the end the open
//! actions per owner.

use crate::domain::dates::{format_numeric, Lang};
use crate::domain::text::initials;
use crate::domain::{Action, Meeting, Person, PersonId, Side};
use crate::i18n::{words, Text};
use crate::report::safe;
use crate::store::{Result, Store};
use chrono::NaiveDate;
use serde::Serialize;
use std::collections::{BTreeMap, HashMap};

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct MinuteAction {
    pub id: u64,
    pub text: String,
    pub side: &'static str,
    pub owner: Option<String>,
    pub deadline: Option<NaiveDate>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct MinuteItem {
    pub case: u64,
    /// Initials and groep: minutes travel further than the screen.
    pub child: String,
    pub groep: String,
    pub discussed: bool,
    pub minutes_spent: u32,
    pub agreements: Vec<String>,
    pub new_actions: Vec<MinuteAction>,
    pub done_actions: Vec<MinuteAction>,
    /// The case was closed on the meeting's day, with this outcome.
    pub closed: Option<crate::domain::Outcome>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Minutes {
    pub meeting: u64,
    pub date: NaiveDate,
    pub attendees: Vec<String>,
    pub started: Option<chrono::NaiveDateTime>,
    pub ended: Option<chrono::NaiveDateTime>,
    pub items: Vec<MinuteItem>,
    /// Open actions of the cases on the agenda, per owner.
    pub open_by_owner: BTreeMap<String, Vec<MinuteAction>>,
}

fn minute_action(a: &Action, persons: &HashMap<PersonId, &Person>) -> MinuteAction {
    MinuteAction {
        id: a.id.0,
        text: a.text.clone(),
        side: a.side.key(),
        owner: a
            .owner
            .and_then(|p| persons.get(&p))
            .map(|p| p.name.clone()),
        deadline: a.deadline,
    }
}

pub fn build(store: &Store, meeting: &Meeting) -> Result<Minutes> {
    let persons_list = store.persons()?;
    let persons: HashMap<PersonId, &Person> = persons_list.iter().map(|p| (p.id, p)).collect();
    let mut items = Vec::new();
    let mut open_by_owner: BTreeMap<String, Vec<MinuteAction>> = BTreeMap::new();
    for item in &meeting.items {
        let row = store.case_row(item.case)?;
        let actions = store.actions_of_case(item.case)?;
        let pick = |ids: &[crate::domain::ActionId]| -> Vec<MinuteAction> {
            ids.iter()
                .filter_map(|id| actions.iter().find(|a| a.id == *id))
                .map(|a| minute_action(a, &persons))
                .collect()
        };
        items.push(MinuteItem {
            case: item.case.0,
            child: row
                .as_ref()
                .map(|r| initials(&r.child_name))
                .unwrap_or_default(),
            groep: row.as_ref().map(|r| r.groep.clone()).unwrap_or_default(),
            discussed: item.discussed,
            minutes_spent: item.seconds_spent.div_ceil(60),
            agreements: item.agreements.iter().map(|a| a.text.clone()).collect(),
            new_actions: pick(&item.actions_added),
            done_actions: pick(&item.actions_done),
            closed: store
                .case(item.case)?
                .filter(|c| c.closed_date() == Some(meeting.date))
                .and_then(|c| c.outcome()),
        });
        for a in actions.iter().filter(|a| a.is_open()) {
            let m = minute_action(a, &persons);
            open_by_owner
                .entry(m.owner.clone().unwrap_or_else(|| "–".into()))
                .or_default()
                .push(m);
        }
    }
    for list in open_by_owner.values_mut() {
        list.sort_by_key(|a| (a.deadline.is_none(), a.deadline, a.id));
    }
    Ok(Minutes {
        meeting: meeting.id.0,
        date: meeting.date,
        attendees: meeting
            .attendees
            .iter()
            .filter_map(|p| persons.get(p))
            .map(|p| p.name.clone())
            .collect(),
        started: meeting.started,
        ended: meeting.ended,
        items,
        open_by_owner,
    })
}

fn action_line(a: &MinuteAction, lang: Lang) -> String {
    let side = Side::parse(a.side)
        .map(|s| format!("{} {}", s.mark(), words::side(s).get(lang)))
        .unwrap_or_default();
    let due = a.deadline.map(format_numeric).unwrap_or_else(|| "–".into());
    format!(
        "{side} · {} · {due} · {}",
        safe::line(a.owner.as_deref().unwrap_or("–")),
        safe::line(&a.text)
    )
}

/// The minutes as Markdown. Every name and text passes through [`safe::line`]: control and bidi
/// characters show as placeholders, and no line break in the data starts a new Markdown line.
pub fn markdown(m: &Minutes, lang: Lang) -> String {
    let t = |nl: &'static str, en: &'static str| Text::new(nl, en).get(lang);
    let mut out = format!(
        "# {} {}\n\n",
        t("Verslag overleg", "Minutes of the meeting"),
        format_numeric(m.date)
    );
    if !m.attendees.is_empty() {
        out.push_str(&format!(
            "{}: {}\n\n",
            t("Aanwezig", "Present"),
            m.attendees
                .iter()
                .map(|a| safe::line(a))
                .collect::<Vec<_>>()
                .join(", ")
        ));
    }
    for item in &m.items {
        item_markdown(item, lang, &mut out);
    }
    out.push_str(&format!(
        "\n## {}\n\n",
        t("Open acties per eigenaar", "Open actions per owner")
    ));
    for (owner, list) in &m.open_by_owner {
        out.push_str(&format!("### {}\n\n", safe::line(owner)));
        for a in list {
            out.push_str(&format!("- [ ] {}\n", action_line(a, lang)));
        }
        out.push('\n');
    }
    out
}

/// One agenda item: its heading, then what was agreed, closed and done, side by side.
fn item_markdown(item: &MinuteItem, lang: Lang, out: &mut String) {
    let t = |nl: &'static str, en: &'static str| Text::new(nl, en).get(lang);
    let state = if item.discussed {
        format!("{} min", item.minutes_spent)
    } else {
        t(
            "niet besproken, schuift door",
            "not discussed, carried over",
        )
        .to_string()
    };
    out.push_str(&format!(
        "## {} ({} {}) · casus {} · {state}\n\n",
        safe::line(&item.child),
        t("groep", "year"),
        safe::line(&item.groep),
        item.case
    ));
    for a in &item.agreements {
        out.push_str(&format!(
            "- {}: {}\n",
            t("Afspraak", "Agreement"),
            safe::line(a)
        ));
    }
    if let Some(outcome) = item.closed {
        out.push_str(&format!(
            "- {}: {}\n",
            t("Afgesloten", "Closed"),
            words::outcome(outcome).get(lang)
        ));
    }
    for side in Side::ALL {
        for a in item.new_actions.iter().filter(|a| a.side == side.key()) {
            out.push_str(&format!(
                "- {}: {}\n",
                t("Nieuwe actie", "New action"),
                action_line(a, lang)
            ));
        }
        for a in item.done_actions.iter().filter(|a| a.side == side.key()) {
            out.push_str(&format!(
                "- {}: {}\n",
                t("Afgerond", "Done"),
                action_line(a, lang)
            ));
        }
    }
    let nothing = item.closed.is_none()
        && item.agreements.is_empty()
        && item.new_actions.is_empty()
        && item.done_actions.is_empty();
    if item.discussed && nothing {
        out.push_str(&format!(
            "- {}\n",
            t("(niets vastgelegd)", "(nothing recorded)")
        ));
    }
    if !nothing || item.discussed {
        out.push('\n');
    }
}
