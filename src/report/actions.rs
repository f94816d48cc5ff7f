//! Action lists for people and programs. The JSON shape is a contract (README: "actions JSON").

use crate::domain::dates::{format_numeric, wire, Lang};
use crate::domain::text::initials;
use crate::domain::{ActionId, ActionSummary, Person, PersonId};
use crate::i18n::{exports, words};
use crate::report::safe;
use chrono::{NaiveDate, NaiveDateTime};
use serde::Serialize;
use std::borrow::Cow;
use std::collections::{HashMap, HashSet};
use unicode_width::UnicodeWidthStr;

/// One action as `tandem actions --format json` prints it. It borrows the row's texts: a list
/// of 92,800 rows copied three strings per row only to write them out.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ActionOut<'a> {
    pub id: u64,
    pub case: u64,
    /// Always initials: a list leaves the tool, the child's name does not.
    pub child: String,
    pub groep: &'a str,
    pub text: &'a str,
    pub owner: Option<Cow<'a, str>>,
    pub owner_id: Option<u64>,
    pub side: &'static str,
    #[serde(serialize_with = "wire::date::option::serialize")]
    pub deadline: Option<NaiveDate>,
    pub overdue: bool,
    #[serde(serialize_with = "wire::datetime::option::serialize")]
    pub done: Option<NaiveDateTime>,
}

/// How an output names people (README, "What leaves the laptop"). A child: initials, with the
/// case number beside them in every output, unless full names are asked for (`--names`). A
/// professional (an action's owner): the name, unless `--privacy` asks for initials there too.
/// It also knows which finished actions were cancelled, and why ([`cancelled_of`]): the rows
/// hold only that they are finished, and a cancelled action must never read as done.
pub struct Names<'a> {
    by_id: HashMap<PersonId, &'a Person>,
    /// The reason of each cancelled action among the rows.
    cancelled: HashMap<ActionId, String>,
    /// Professionals as initials too (`--privacy`).
    pub privacy: bool,
    /// Children by their full name (`--names`).
    pub child_names: bool,
}

impl<'a> Names<'a> {
    /// Children as initials; professionals by name, or as initials under `privacy`.
    pub fn new(persons: &'a [Person], privacy: bool) -> Names<'a> {
        Names {
            by_id: persons.iter().map(|p| (p.id, p)).collect(),
            privacy,
            child_names: false,
            cancelled: HashMap::new(),
        }
    }

    /// The cancelled actions among the rows, with their reasons ([`cancelled_of`]).
    pub fn with_cancelled(mut self, cancelled: HashMap<ActionId, String>) -> Names<'a> {
        self.cancelled = cancelled;
        self
    }

    /// Why the action was cancelled; `None` for an open or done one.
    pub fn cancelled(&self, id: ActionId) -> Option<&str> {
        self.cancelled.get(&id).map(String::as_str)
    }

    /// Children by their full name when `yes` (`--names`); `--privacy` still wins.
    pub fn with_child_names(mut self, yes: bool) -> Names<'a> {
        self.child_names = yes;
        self
    }

    /// The owner's name (initials under `--privacy`); `None` without an owner or for an id
    /// that is not on the sociale kaart.
    pub fn owner(&self, id: Option<PersonId>) -> Option<String> {
        self.owner_ref(id).map(Cow::into_owned)
    }

    /// As [`Names::owner`], borrowing the name where it is shown whole.
    pub fn owner_ref(&self, id: Option<PersonId>) -> Option<Cow<'a, str>> {
        let p: &'a Person = self.by_id.get(&id?)?;
        Some(if self.privacy {
            Cow::Owned(initials(&p.name))
        } else {
            Cow::Borrowed(&p.name)
        })
    }

    /// Everyone an owner can be, in no order.
    pub fn person_ids(&self) -> impl Iterator<Item = PersonId> + '_ {
        self.by_id.keys().copied()
    }

    /// The child's full name with `--names` (and without `--privacy`), else initials.
    pub fn child(&self, name: &str) -> String {
        if self.child_names && !self.privacy {
            name.to_string()
        } else {
            initials(name)
        }
    }
}

/// Finished rows up to which [`cancelled_of`] reads each one's record by its id. Past it, the
/// actions' facts (schema 4, no texts) say which were cancelled, and only those records are
/// read; past it again, one pass over every action in id order. At 50,000 cases a point read
/// costs ~15 µs (`actions --all` has ~290,000 finished rows: 4-5 s of CPU), the whole pass
/// ~0.5 s.
pub const POINT_READS_UP_TO: usize = 20_000;

/// The reasons of the cancelled actions among `rows`: each finished one's record is read (the
/// rows say only that it is finished). Open rows cost nothing.
///
/// Errors: a record that can't be read.
pub fn cancelled_of(
    store: &crate::store::Store,
    rows: &[ActionSummary],
) -> crate::store::Result<HashMap<ActionId, String>> {
    cancelled_of_with(store, rows, POINT_READS_UP_TO)
}

/// As [`cancelled_of`], reading records one by one up to `point_reads_up_to` of them, past
/// it first finding the cancelled ones in the facts, and past it again reading every action
/// once in id order (all ways give the same answer).
///
/// Errors: a record that can't be read.
pub fn cancelled_of_with(
    store: &crate::store::Store,
    rows: &[ActionSummary],
    point_reads_up_to: usize,
) -> crate::store::Result<HashMap<ActionId, String>> {
    let finished: HashSet<ActionId> = rows
        .iter()
        .filter(|r| r.done.is_some())
        .map(|r| r.id)
        .collect();
    if finished.len() <= point_reads_up_to {
        return reasons_of(store, finished);
    }
    let mut cancelled = HashSet::new();
    store.each_fact(|f| {
        if f.cancelled && finished.contains(&f.id) {
            cancelled.insert(f.id);
        }
        Ok(())
    })?;
    if cancelled.len() <= point_reads_up_to {
        return reasons_of(store, cancelled);
    }
    let mut out = HashMap::new();
    store.each_action(|a| {
        if let Some(why) = a.done.and_then(|d| d.cancelled) {
            if cancelled.contains(&a.id) {
                out.insert(a.id, why);
            }
        }
        Ok::<(), crate::store::StoreError>(())
    })?;
    Ok(out)
}

/// The reasons of those of `ids` that were cancelled, each record read by its id.
fn reasons_of(
    store: &crate::store::Store,
    ids: HashSet<ActionId>,
) -> crate::store::Result<HashMap<ActionId, String>> {
    let mut out = HashMap::new();
    for id in ids {
        if let Some(why) = store.action(id)?.and_then(|a| a.done?.cancelled) {
            out.insert(id, why);
        }
    }
    Ok(out)
}

/// One action in the JSON contract's shape.
pub fn out_of<'a>(r: &'a ActionSummary, names: &Names<'a>, today: NaiveDate) -> ActionOut<'a> {
    ActionOut {
        id: r.id.0,
        case: r.case.0,
        child: initials(&r.child_name),
        groep: &r.groep,
        text: &r.text,
        owner: names.owner_ref(r.owner),
        owner_id: r.owner.map(|p| p.0),
        side: r.side.key(),
        deadline: r.deadline,
        overdue: r.is_overdue(today),
        done: r.done,
    }
}

/// The JSON array, written as it is made: a list of 100,000 actions never sits in memory twice.
pub fn write_json<W: std::io::Write>(
    w: W,
    rows: &[ActionSummary],
    names: &Names,
    today: NaiveDate,
) -> serde_json::Result<()> {
    use serde::Serializer;
    let mut ser = serde_json::Serializer::new(w);
    ser.collect_seq(rows.iter().map(|r| out_of(r, names, today)))
}

/// A plain table for the terminal: one line per action, overdue marked with `!`, the child as
/// [`Names::child`] shows it beside the case number. Names and texts pass through
/// [`safe::line`]: no control or bidi character reaches the terminal, and a line break in the
/// data never splits a row.
pub fn table(rows: &[ActionSummary], names: &Names, today: NaiveDate, lang: Lang) -> String {
    let header = match lang {
        Lang::Nl => [
            "id", "deadline", "kant", "eigenaar", "casus", "kind", "actie",
        ],
        Lang::En => ["id", "due", "side", "owner", "case", "child", "action"],
    };
    let mut lines: Vec<[String; 7]> = vec![header.map(String::from)];
    for r in rows {
        let due = match (r.deadline, r.is_overdue(today)) {
            (Some(d), true) => format!("!{}", format_numeric(d)),
            (Some(d), false) => format!(" {}", format_numeric(d)),
            (None, _) => " -".into(),
        };
        let done = match names.cancelled(r.id) {
            Some(why) => format!(" ✕ {}: {}", exports::CANCELLED.get(lang), safe::line(why)),
            None if r.done.is_some() => " ✓".into(),
            None => String::new(),
        };
        lines.push([
            r.id.to_string(),
            due,
            format!("{} {}", r.side.mark(), words::side(r.side).get(lang)),
            names
                .owner(r.owner)
                .map_or_else(|| "-".into(), |o| safe::line(&o).into_owned()),
            r.case.to_string(),
            format!(
                "{} ({})",
                safe::line(&names.child(&r.child_name)),
                safe::line(&r.groep)
            ),
            format!("{}{done}", safe::line(&r.text).trim()),
        ]);
    }
    // Columns by display width: 王 and 🦄 take two cells of the terminal, not one.
    let mut widths = [0usize; 6];
    for l in &lines {
        for (w, cell) in widths.iter_mut().zip(l.iter()) {
            *w = (*w).max(cell.width());
        }
    }
    let mut out = String::new();
    for l in &lines {
        for (cell, w) in l.iter().zip(widths) {
            out.push_str(cell);
            out.push_str(&" ".repeat(w - cell.width() + 2));
        }
        out.push_str(&l[6]);
        out.push('\n');
    }
    out
}
