//! The minutes (verslag) of a meeting, built from what was recorded: nobody writes them.
//! Per case the agreements and the new and finished actions per side; at the end the open
//! actions per owner. Minutes for one recipient ([`build_for`]) hold only the cases whose family
//! gave consent to share with that person: no consent, no sharing (DOMAIN.md, "intake").

use crate::domain::dates::{format_numeric, Lang};
use crate::domain::text::initials;
use crate::domain::{Action, Case, ConsentStatus, Family, Meeting, Person, PersonId, Side};
use crate::i18n::{exports, words, Text};
use crate::report::{markdown, safe};
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
    /// The day it was done (a finished action shows this, not its deadline).
    pub done: Option<NaiveDate>,
    /// Why it was cancelled: finished, but not done.
    pub cancelled: Option<String>,
    /// Its case, and the child's initials: an open action listed per owner says whose it is.
    pub case: u64,
    pub child: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct MinuteItem {
    pub case: u64,
    /// Initials and groep: minutes travel further than the screen.
    pub child: String,
    pub groep: String,
    /// The hulpvraag, as recorded.
    pub question: String,
    pub discussed: bool,
    pub minutes_spent: u32,
    pub agreements: Vec<String>,
    pub new_actions: Vec<MinuteAction>,
    pub done_actions: Vec<MinuteAction>,
    /// The case was closed on the meeting's day, with this outcome.
    pub closed: Option<crate::domain::Outcome>,
}

/// Who minutes made with `--for` are for, and what was left out for them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Recipient {
    pub id: u64,
    pub name: String,
    /// How many of the meeting's cases were left out: no consent to share them with this person
    /// (refused, not asked, or a case that no longer exists).
    pub left_out: usize,
    /// How many cases the meeting had in all.
    pub total: usize,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Minutes {
    pub meeting: u64,
    pub date: NaiveDate,
    /// Only in minutes for one recipient (`--for`).
    #[serde(rename = "for", skip_serializing_if = "Option::is_none")]
    pub recipient: Option<Recipient>,
    /// Only in minutes for one family (`--family`): the family's id and name.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub family: Option<(u64, String)>,
    pub attendees: Vec<String>,
    pub started: Option<chrono::NaiveDateTime>,
    pub ended: Option<chrono::NaiveDateTime>,
    pub items: Vec<MinuteItem>,
    /// Open actions of the cases in these minutes, per owner.
    pub open_by_owner: BTreeMap<String, Vec<MinuteAction>>,
}

fn minute_action(a: &Action, persons: &HashMap<PersonId, &Person>, child: &str) -> MinuteAction {
    MinuteAction {
        id: a.id.0,
        text: a.text.clone(),
        side: a.side.key(),
        owner: a
            .owner
            .and_then(|p| persons.get(&p))
            .map(|p| p.name.clone()),
        deadline: a.deadline,
        done: a.done.as_ref().map(|d| d.at.date()),
        cancelled: a.done.as_ref().and_then(|d| d.cancelled.clone()),
        case: a.case.0,
        child: child.to_string(),
    }
}

/// The whole minutes of `meeting`, every case in them: for the tandem itself.
pub fn build(store: &Store, meeting: &Meeting) -> Result<Minutes> {
    build_where(store, meeting, |_| true)
}

/// The minutes for `person`: only the cases whose family gave consent to share with them
/// ([`Case::consent_for`] is `Gegeven`), and only those cases' actions, also among the open
/// actions per owner. The rest is counted in [`Recipient::left_out`], never shown.
pub fn build_for(store: &Store, meeting: &Meeting, person: &Person) -> Result<Minutes> {
    let mut m = build_where(store, meeting, |case| {
        case.is_some_and(|c| c.consent_for(person.id) == ConsentStatus::Gegeven)
    })?;
    m.recipient = Some(Recipient {
        id: person.id.0,
        name: person.name.clone(),
        left_out: meeting.items.len() - m.items.len(),
        total: meeting.items.len(),
    });
    Ok(m)
}

/// The minutes for one family (a parent asks): only the items about its cases, and only their
/// actions among the open actions per owner; no other family is named or counted.
pub fn build_for_family(store: &Store, meeting: &Meeting, family: &Family) -> Result<Minutes> {
    let mut m = build_where(store, meeting, |case| {
        case.is_some_and(|c| c.family == family.id)
    })?;
    m.family = Some((family.id.0, family.name.clone()));
    Ok(m)
}

/// The minutes with the agenda items whose case `keep` takes (`None`: the case is gone).
fn build_where(
    store: &Store,
    meeting: &Meeting,
    keep: impl Fn(Option<&Case>) -> bool,
) -> Result<Minutes> {
    let persons_list = store.persons()?;
    let persons: HashMap<PersonId, &Person> = persons_list.iter().map(|p| (p.id, p)).collect();
    let mut items = Vec::new();
    let mut open_by_owner: BTreeMap<String, Vec<MinuteAction>> = BTreeMap::new();
    for item in &meeting.items {
        let case = store.case(item.case)?;
        if !keep(case.as_ref()) {
            continue;
        }
        let row = store.case_row(item.case)?;
        let actions = store.actions_of_case(item.case)?;
        let child = row
            .as_ref()
            .map(|r| initials(&r.child_name))
            .unwrap_or_default();
        let pick = |ids: &[crate::domain::ActionId]| -> Vec<MinuteAction> {
            ids.iter()
                .filter_map(|id| actions.iter().find(|a| a.id == *id))
                .map(|a| minute_action(a, &persons, &child))
                .collect()
        };
        // Cancelled in the meeting (closing the case): finished, not done, so the meeting's
        // record does not list them as done; the minutes say so, with why.
        let cancelled: Vec<crate::domain::ActionId> = actions
            .iter()
            .filter(|a| item.discussed && cancelled_on(a, meeting.date))
            .map(|a| a.id)
            .collect();
        let mut done_actions = pick(&item.actions_done);
        done_actions.extend(pick(&cancelled));
        items.push(MinuteItem {
            case: item.case.0,
            child: child.clone(),
            groep: row.as_ref().map(|r| r.groep.clone()).unwrap_or_default(),
            question: case
                .as_ref()
                .map(|c| c.question.clone())
                .unwrap_or_default(),
            discussed: item.discussed,
            minutes_spent: item.seconds_spent.div_ceil(60),
            agreements: item.agreements.iter().map(|a| a.text.clone()).collect(),
            new_actions: pick(&item.actions_added),
            done_actions,
            closed: case
                .filter(|c| c.closed_date() == Some(meeting.date))
                .and_then(|c| c.outcome()),
        });
        for a in actions.iter().filter(|a| a.is_open()) {
            let m = minute_action(a, &persons, &child);
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
        recipient: None,
        family: None,
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

/// Whether `a` was cancelled on `day`.
fn cancelled_on(a: &Action, day: NaiveDate) -> bool {
    a.done
        .as_ref()
        .is_some_and(|d| d.cancelled.is_some() && d.at.date() == day)
}

/// How a name or text taken from the records is put into a line of the minutes.
type Escape = fn(&str) -> String;

/// The minutes as Markdown, to mail or keep: every name and text is escaped
/// ([`markdown::inline`]), so it reads as typed in any Markdown viewer, never as markup, and no
/// line break in the data starts a new Markdown line.
pub fn markdown(m: &Minutes, lang: Lang) -> String {
    render(m, lang, markdown::inline)
}

/// The same minutes for the screen: the same lines, with names and texts as typed (control
/// and bidi characters as placeholders, [`safe::line`]) instead of escaped for Markdown.
pub fn text(m: &Minutes, lang: Lang) -> String {
    render(m, lang, |s| safe::line(s).trim().to_string())
}

fn render(m: &Minutes, lang: Lang, esc: Escape) -> String {
    let t = |nl: &'static str, en: &'static str| Text::new(nl, en).get(lang);
    let mut out = format!(
        "# {} {}\n\n",
        t("Verslag overleg", "Minutes of the meeting"),
        format_numeric(m.date)
    );
    if let Some(r) = &m.recipient {
        let line = exports::minutes_for(&esc(&r.name), r.left_out, r.total, lang);
        out.push_str(&format!("{line}\n\n"));
    }
    if let Some((_, name)) = &m.family {
        let line = exports::minutes_for_family(&esc(name), lang);
        out.push_str(&format!("{line}\n\n"));
    }
    if let Some(start) = m.started {
        let end = match m.ended {
            Some(end) => format!("{} {}", t("einde", "end"), end.format("%H:%M")),
            None => t("het overleg loopt nog", "the meeting is still running").to_string(),
        };
        out.push_str(&format!(
            "{} {} · {end}\n\n",
            t("Begin", "Start"),
            start.format("%H:%M")
        ));
    }
    if !m.attendees.is_empty() {
        out.push_str(&format!(
            "{}: {}\n\n",
            t("Aanwezig", "Present"),
            m.attendees
                .iter()
                .map(|a| esc(a))
                .collect::<Vec<_>>()
                .join(", ")
        ));
    }
    for item in &m.items {
        item_lines(item, lang, esc, &mut out);
    }
    out.push_str(&format!(
        "\n## {}\n\n",
        t("Open acties per eigenaar", "Open actions per owner")
    ));
    for (owner, list) in &m.open_by_owner {
        out.push_str(&format!("### {}\n\n", esc(owner)));
        for a in list {
            // Whose action: the case and the child's initials ("whose father?").
            out.push_str(&format!(
                "- [ ] {} · {} {} ({})\n",
                action_line(a, a.deadline, lang, esc),
                exports::CASE.get(lang),
                a.case,
                esc(&a.child)
            ));
        }
        out.push('\n');
    }
    out
}

/// Side, owner, `day` and text; `day` is the deadline, or for a finished action the day it was
/// done.
fn action_line(a: &MinuteAction, day: Option<NaiveDate>, lang: Lang, esc: Escape) -> String {
    let side = Side::parse(a.side)
        .map(|s| format!("{} {}", s.mark(), words::side(s).get(lang)))
        .unwrap_or_default();
    let due = day.map(format_numeric).unwrap_or_else(|| "–".into());
    format!(
        "{side} · {} · {due} · {}",
        esc(a.owner.as_deref().unwrap_or("–")),
        esc(&a.text)
    )
}

/// The heading of an item about a case: the child's initials, groep, case, time.
fn item_heading(item: &MinuteItem, lang: Lang, esc: Escape, state: &str, out: &mut String) {
    let t = |nl: &'static str, en: &'static str| Text::new(nl, en).get(lang);
    out.push_str(&format!(
        "## {} ({} {}) · {} {} · {state}\n\n",
        esc(&item.child),
        t("groep", "year"),
        esc(&item.groep),
        exports::CASE.get(lang),
        item.case
    ));
}

/// One agenda item: its heading, then what was agreed, closed and done, side by side.
fn item_lines(item: &MinuteItem, lang: Lang, esc: Escape, out: &mut String) {
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
    // An item whose family was erased says so, with its time and its "verwijderd" agreements.
    if item.case == crate::domain::meeting::AgendaItem::ERASED.0 {
        out.push_str(&format!(
            "## {} · {state}\n\n",
            crate::store::erase::scrub::REMOVED
        ));
    } else {
        item_heading(item, lang, esc, &state, out);
    }
    // The question of a case discussed: what the agreements answer.
    if item.discussed && !item.question.is_empty() {
        out.push_str(&format!(
            "- {}: {}\n",
            t("Hulpvraag", "Question"),
            esc(&item.question)
        ));
    }
    for a in &item.agreements {
        out.push_str(&format!("- {}: {}\n", t("Afspraak", "Agreement"), esc(a)));
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
                action_line(a, a.deadline, lang, esc)
            ));
        }
        for a in item.done_actions.iter().filter(|a| a.side == side.key()) {
            let line = action_line(a, a.done.or(a.deadline), lang, esc);
            out.push_str(&match &a.cancelled {
                Some(why) => format!(
                    "- {}: {line} · {}: {}\n",
                    t("Vervallen", "Cancelled"),
                    t("reden", "reason"),
                    esc(why)
                ),
                None => format!("- {}: {line}\n", t("Afgerond", "Done")),
            });
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

#[cfg(test)]
mod tests;
