//! The audit trail on the command line (issue 12 part 4): what left tandem is logged after each
//! command that hands something out ([`outgoing_of`], [`log`]), and `tandem audit [--family ID]
//! [--since DATE]` prints the timeline's changes (when, who, what) and that log, oldest first.

use super::{CliError, Command, Ctx};
use crate::domain::dates::parse_date;
use crate::domain::{CaseId, Event, FamilyId, PersonId};
use crate::i18n::{audit as msg, events};
use crate::report::safe;
use crate::store::audit::{self, Entry, Outgoing};
use chrono::NaiveDateTime;
use std::collections::BTreeSet;

/// What a command hands out, before it runs: the kind, the family, for whom, and a detail.
/// Commands that hand out nothing give `None`. `forget` logs itself (the family is named only
/// once it is resolved, and never by name).
pub fn outgoing_of(c: &Command) -> Option<(Outgoing, Option<u64>, Option<String>, String)> {
    use super::inzage::ExportFormat;
    Some(match c {
        Command::Export {
            family: None, out, ..
        } => (Outgoing::Export, None, None, file(out.as_deref())),
        Command::Export {
            family: Some(id),
            format: ExportFormat::Json,
            out,
        } => (
            Outgoing::FamilyExport,
            Some(*id),
            None,
            file(out.as_deref()),
        ),
        Command::Export {
            family: Some(id),
            out,
            ..
        } => (Outgoing::Inzage, Some(*id), None, file(out.as_deref())),
        Command::Minutes { id, for_person, .. } => {
            (Outgoing::Minutes, None, for_person.clone(), id.clone())
        }
        Command::Agenda { .. } => (Outgoing::Agenda, None, None, String::new()),
        Command::Actions(a) => (
            Outgoing::Actions,
            None,
            a.owner.clone(),
            format!("{:?}", a.format).to_lowercase(),
        ),
        Command::Backup => (Outgoing::Backup, None, None, String::new()),
        Command::Restore { file: f, .. } => (Outgoing::Restore, None, None, file(f.as_deref())),
        _ => return None,
    })
}

fn file(path: Option<&std::path::Path>) -> String {
    path.map(|p| p.display().to_string()).unwrap_or_default()
}

/// Appends one line to the log; a log that can't be written is said, not fatal (what left
/// has left).
pub fn log(ctx: &Ctx, what: (Outgoing, Option<u64>, Option<String>, String)) {
    let (config, _) = crate::config::Config::load(crate::config::config_dir().as_deref());
    let entry = Entry {
        at: ctx.clock.now(),
        what: what.0,
        me: config.me,
        // Never the login name: who is the "me" chosen once on this laptop (issue 12 part 4).
        user: String::new(),
        family: what.1,
        to: what.2,
        detail: what.3,
    };
    if let Err(e) = audit::record(&ctx.data_dir, &entry) {
        eprintln!(
            "{}",
            msg::not_logged(&crate::i18n::cli::store_error(&e, ctx.lang), ctx.lang)
        );
    }
}

/// `tandem audit [--family ID] [--since DATE]`.
pub fn audit(ctx: &Ctx, family: Option<u64>, since: Option<&str>) -> Result<(), CliError> {
    let store = ctx.open()?;
    let since = since
        .map(|s| parse_date(s, ctx.clock.today(), ctx.lang))
        .transpose()
        .map_err(|e| CliError(e.message(ctx.lang)))?
        .and_then(|d| d.and_hms_opt(0, 0, 0));
    let cases: Option<BTreeSet<CaseId>> = match family {
        Some(id) => Some(
            store
                .cases_of_family(FamilyId(id))
                .map_err(|e| ctx.fail(e))?
                .iter()
                .map(|c| c.id)
                .collect(),
        ),
        None => None,
    };
    let persons = store.persons().map_err(|e| ctx.fail(e))?;
    let name = |p: PersonId| {
        persons
            .iter()
            .find(|x| x.id == p)
            .map_or_else(|| format!("#{}", p.0), |x| x.name.clone())
    };
    let mut lines: Vec<(NaiveDateTime, String)> = Vec::new();
    let about = |e: &Event| match (&cases, family) {
        (Some(cases), Some(f)) => {
            e.family == Some(FamilyId(f)) || e.case.is_some_and(|c| cases.contains(&c))
        }
        _ => true,
    };
    store
        .each_event(|e: Event| -> crate::store::Result<()> {
            if about(&e) && since.is_none_or(|s| e.at >= s) {
                let action = |a: crate::domain::ActionId| format!("#{}", a.0);
                let said = events::describe(&e.kind, ctx.lang, &name, &action);
                let case = e.case.map(|c| msg::case(c.0, ctx.lang)).unwrap_or_default();
                let who = msg::who(&e.who, ctx.lang);
                lines.push((e.at, format!("{who}  {case}{said}")));
                // Each field an edit changed on a line of its own, whole.
                for c in &e.changes {
                    let one = msg::changes(std::slice::from_ref(c), ctx.lang, None);
                    lines.push((e.at, format!("    {one}")));
                }
            }
            Ok(())
        })
        .map_err(|e| ctx.fail(e))?;
    for entry in audit::read(&ctx.data_dir).map_err(|e| ctx.fail(e))? {
        let fits = family.is_none_or(|f| entry.family == Some(f));
        if fits && since.is_none_or(|s| entry.at >= s) {
            // Lines written before issue 12's "me" name the login instead.
            let who = entry
                .me
                .map(|m| name(PersonId(m)))
                .unwrap_or_else(|| msg::who(&entry.user, ctx.lang).to_string());
            lines.push((
                entry.at,
                format!("{who}  {}", msg::outgoing(&entry, ctx.lang)),
            ));
        }
    }
    // Stable: an event's fields stay under it.
    lines.sort_by_key(|l| l.0);
    store.close_at_exit();
    print_lines(&lines).map_err(|e| CliError(e.to_string()))
}

/// Writes the lines to stdout; a reader that stops early (`tandem audit | head`) is no error.
fn print_lines(lines: &[(NaiveDateTime, String)]) -> std::io::Result<()> {
    use std::io::Write;
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    let written = lines
        .iter()
        .try_for_each(|(at, line)| {
            writeln!(out, "{}  {}", at.format("%Y-%m-%d %H:%M"), safe::line(line))
        })
        .and_then(|_| out.flush());
    match written {
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(()),
        other => other,
    }
}
