//! `tandem agenda` and `tandem minutes`.

use super::{CliError, Ctx};
use crate::config::Config;
use crate::domain::agenda::propose;
use crate::domain::text::initials;
use crate::domain::{Meeting, MeetingId, Person, Reason};
use crate::i18n::{exports, meeting as words, Lang};
use crate::report::recipient;
use crate::report::{markdown, minutes, safe};
use crate::store::Store;
use clap::ValueEnum;
use serde::Serialize;
use std::io::Write;

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum DocFormat {
    Md,
    Json,
}

#[derive(Debug, Serialize)]
struct AgendaLine {
    position: usize,
    case: u64,
    child: String,
    groep: String,
    reasons: Vec<Reason>,
    timebox_minutes: u32,
}

fn out(text: &str) -> Result<(), CliError> {
    let stdout = std::io::stdout();
    let mut w = stdout.lock();
    w.write_all(text.as_bytes())
        .and_then(|_| w.flush())
        .map_err(|e| CliError(e.to_string()))
}

pub fn agenda(ctx: &Ctx, format: DocFormat) -> Result<(), CliError> {
    let store = ctx.open()?;
    let (config, _) = Config::load(crate::config::config_dir().as_deref());
    let rows = store.case_rows().map_err(|e| ctx.fail(e))?;
    let meetings = store.meetings().map_err(|e| ctx.fail(e))?;
    let items = propose(&rows, &meetings, &config.agenda_rules(ctx.clock.today()));
    let by_id: std::collections::HashMap<_, _> = rows.iter().map(|r| (r.id, r)).collect();
    let lines: Vec<AgendaLine> = items
        .iter()
        .enumerate()
        .map(|(i, item)| AgendaLine {
            position: i + 1,
            case: item.case.0,
            child: by_id
                .get(&item.case)
                .map(|r| initials(&r.child_name))
                .unwrap_or_default(),
            groep: by_id
                .get(&item.case)
                .map(|r| r.groep.clone())
                .unwrap_or_default(),
            reasons: item.reasons.clone(),
            timebox_minutes: item.timebox_minutes,
        })
        .collect();
    let written = match format {
        DocFormat::Json => out(&(serde_json::to_string_pretty(&lines)
            .map_err(|e| CliError(e.to_string()))?
            + "\n")),
        DocFormat::Md => {
            let mut s = format!(
                "# {} {}\n\n",
                words::AGENDA.get(ctx.lang),
                crate::domain::dates::format_long(ctx.clock.today(), ctx.lang)
            );
            for l in &lines {
                let reasons: Vec<&str> = l
                    .reasons
                    .iter()
                    .map(|r| words::reason(*r).get(ctx.lang))
                    .collect();
                s.push_str(&format!(
                    "{}. {} ({} {}) · {} {} · {} · {} min\n",
                    l.position,
                    markdown::inline(&l.child),
                    words::GROEP.get(ctx.lang),
                    markdown::inline(&l.groep),
                    exports::CASE.get(ctx.lang),
                    l.case,
                    reasons.join(", "),
                    l.timebox_minutes
                ));
            }
            out(&safe::text(&s))
        }
    };
    store.close_at_exit();
    written
}

/// Whose part of the minutes to give.
#[derive(Debug, Clone, Copy)]
pub enum Scope<'a> {
    All,
    /// `--for PERSON`: the cases whose family consented to share with them.
    Person(&'a str),
    /// `--family F`: one family's own part.
    Family(u64),
}

/// `tandem minutes ID|latest [--for PERSON | --family F]`: the whole minutes, or those for one
/// recipient or one family.
pub fn minutes_cmd(ctx: &Ctx, id: &str, format: DocFormat, scope: Scope) -> Result<(), CliError> {
    let store = ctx.open()?;
    let meeting = find_meeting(ctx, &store, id)?;
    let m = match scope {
        Scope::All => minutes::build(&store, &meeting),
        Scope::Person(query) => {
            let persons = store.persons().map_err(|e| ctx.fail(e))?;
            let person = recipient_of(ctx, &store, &meeting, &persons, query)?;
            minutes::build_for(&store, &meeting, person)
        }
        Scope::Family(f) => {
            let family = store
                .family(crate::domain::FamilyId(f))
                .map_err(|e| ctx.fail(e))?
                .ok_or_else(|| {
                    ctx.fail(crate::store::StoreError::NotFound {
                        kind: "family",
                        id: f,
                    })
                })?;
            minutes::build_for_family(&store, &meeting, &family)
        }
    }
    .map_err(|e| ctx.fail(e))?;
    let written = match format {
        DocFormat::Json => {
            out(&(serde_json::to_string_pretty(&m).map_err(|e| CliError(e.to_string()))? + "\n"))
        }
        DocFormat::Md => out(&safe::text(&minutes::markdown(&m, ctx.lang))),
    };
    store.close_at_exit();
    written
}

/// The meeting `id` names: a number, or `latest` (the last one that ended).
fn find_meeting(ctx: &Ctx, store: &Store, id: &str) -> Result<Meeting, CliError> {
    if id.trim().eq_ignore_ascii_case("latest") || id.trim() == "laatste" {
        return store
            .meetings()
            .map_err(|e| ctx.fail(e))?
            .into_iter()
            .filter(|m| m.ended.is_some())
            .max_by_key(|m| (m.date, m.id))
            .ok_or_else(|| CliError(words::NO_MINUTES.get(ctx.lang).into()));
    }
    let n: u64 = id.trim().parse().map_err(|_| {
        CliError(match ctx.lang {
            Lang::Nl => format!("'{id}' is geen overlegnummer; geef een nummer of 'latest'."),
            Lang::En => format!("'{id}' is not a meeting number; give a number or 'latest'."),
        })
    })?;
    store
        .meeting(MeetingId(n))
        .map_err(|e| ctx.fail(e))?
        .ok_or_else(|| {
            ctx.fail(crate::store::StoreError::NotFound {
                kind: "meeting",
                id: n,
            })
        })
}

/// The one person `--for` names; no one or several is a calm message with the candidates (for
/// no one, the people involved in the meeting).
fn recipient_of<'a>(
    ctx: &Ctx,
    store: &Store,
    meeting: &Meeting,
    persons: &'a [Person],
    query: &str,
) -> Result<&'a Person, CliError> {
    super::me::one_person(ctx, persons, query, |shown| {
        let involved = recipient::involved(store, meeting, persons).map_err(|e| ctx.fail(e))?;
        let list = super::me::labels(&involved);
        Ok(CliError(exports::recipient_unknown(shown, &list, ctx.lang)))
    })
}
