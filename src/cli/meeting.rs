//! `tandem agenda` and `tandem minutes`.

use super::{CliError, Ctx};
use crate::config::Config;
use crate::domain::agenda::propose;
use crate::domain::text::initials;
use crate::domain::{MeetingId, Reason};
use crate::i18n::{meeting as words, Lang};
use crate::report::{minutes, safe};
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
                    "{}. {} ({} {}) · casus {} · {} · {} min\n",
                    l.position,
                    safe::line(&l.child),
                    words::GROEP.get(ctx.lang),
                    safe::line(&l.groep),
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

pub fn minutes_cmd(ctx: &Ctx, id: &str, format: DocFormat) -> Result<(), CliError> {
    let store = ctx.open()?;
    let meeting = if id.trim().eq_ignore_ascii_case("latest") || id.trim() == "laatste" {
        store
            .meetings()
            .map_err(|e| ctx.fail(e))?
            .into_iter()
            .filter(|m| m.ended.is_some())
            .max_by_key(|m| (m.date, m.id))
            .ok_or_else(|| CliError(words::NO_MINUTES.get(ctx.lang).into()))?
    } else {
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
            })?
    };
    let m = minutes::build(&store, &meeting).map_err(|e| ctx.fail(e))?;
    let written = match format {
        DocFormat::Json => {
            out(&(serde_json::to_string_pretty(&m).map_err(|e| CliError(e.to_string()))? + "\n"))
        }
        DocFormat::Md => out(&safe::text(&minutes::markdown(&m, ctx.lang))),
    };
    store.close_at_exit();
    written
}
