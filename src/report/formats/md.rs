//! Actions as Markdown: a list per owner, to paste into an e-mail. Every name and text passes
//! through [`markdown::inline`], so it reads as typed and never becomes markup.

use crate::domain::dates::{format_near, Lang};
use crate::domain::{ActionSummary, PersonId};
use crate::i18n::{exports, words};
use crate::report::actions::Names;
use crate::report::markdown;
use chrono::NaiveDate;
use std::collections::BTreeMap;

/// A `##` heading per owner, then a task line per action: deadline, side, the child (initials
/// unless `--names`) with groep and case number, and the text.
pub fn markdown(rows: &[ActionSummary], names: &Names, today: NaiveDate, lang: Lang) -> String {
    // Keyed by the id too: two owners whose names (or initials, under --privacy) are the same keep
    // a list each.
    let mut by_owner: BTreeMap<(String, Option<PersonId>), Vec<&ActionSummary>> = BTreeMap::new();
    for r in rows {
        let (name, id) = match names.owner(r.owner) {
            Some(name) => (name, r.owner),
            None => (exports::NO_OWNER.get(lang).to_string(), None),
        };
        by_owner.entry((name, id)).or_default().push(r);
    }
    let mut out = format!("# {}\n", exports::ACTIONS.get(lang));
    for ((owner, _), list) in by_owner {
        out.push_str(&format!("\n## {}\n\n", markdown::inline(&owner)));
        for r in list {
            out.push_str(&line(r, names, today, lang));
        }
    }
    out
}

fn line(r: &ActionSummary, names: &Names, today: NaiveDate, lang: Lang) -> String {
    let check = if r.done.is_some() { "x" } else { " " };
    let due = r
        .deadline
        .map(|d| format_near(d, today, lang))
        .unwrap_or_else(|| "–".into());
    let late = if r.is_overdue(today) {
        format!(" **{}**", exports::OVERDUE.get(lang))
    } else {
        String::new()
    };
    let cancelled = names
        .cancelled(r.id)
        .map(|why| {
            format!(
                " · **{}**: {}",
                exports::CANCELLED.get(lang),
                markdown::inline(why)
            )
        })
        .unwrap_or_default();
    format!(
        "- [{check}] {due}{late} · {} {} · {} ({}) · {} {} · {}{cancelled}\n",
        r.side.mark(),
        words::side(r.side).get(lang),
        markdown::inline(&names.child(&r.child_name)),
        markdown::inline(&r.groep),
        exports::CASE.get(lang),
        r.case,
        markdown::inline(&r.text),
    )
}
