//! `tandem me [PERSON]`: who uses tandem on this laptop, chosen once per installation (issue 12
//! part 4). Every change and done-mark is recorded in that person's name, never the login name.

use super::{CliError, Ctx};
use crate::config::{config_dir, Config};
use crate::domain::Person;
use crate::i18n::{exports, me as msg};
use crate::report::recipient::{self, NotOne};
use crate::report::safe;

/// The most people a "no one is called that" message lists; a longer list is no help.
const SUGGEST_AT_MOST: usize = 20;

/// Without `person`: says who is chosen. With it (an id, a whole name or a part only one person
/// has): remembers that person in `config.toml`.
///
/// Errors: no config dir, an empty sociale kaart, no one or several people match, the settings
/// can't be written, or the store can't be read.
pub fn me(ctx: &Ctx, person: Option<&str>) -> Result<(), CliError> {
    let dir = config_dir().ok_or_else(|| CliError(msg::NO_CONFIG_DIR.get(ctx.lang).into()))?;
    let (mut config, problem) = Config::load(Some(&dir));
    let store = ctx.open()?;
    let persons = store.persons().map_err(|e| ctx.fail(e))?;
    store.close_at_exit();
    let Some(query) = person else {
        println!("{}", said(ctx, &config, &persons));
        return Ok(());
    };
    if persons.is_empty() {
        return Err(CliError(msg::NO_PERSONS.get(ctx.lang).into()));
    }
    if let Some(p) = problem {
        // A broken file is never overwritten unasked: what else it holds would be lost.
        return Err(CliError(p));
    }
    let chosen = pick(ctx, &persons, query)?;
    config.me = Some(chosen.id.0);
    config
        .save(&dir)
        .map_err(|e| CliError(msg::not_saved(&e.to_string(), ctx.lang)))?;
    println!(
        "{}",
        safe::line(&msg::chosen(&chosen.name, chosen.id.0, ctx.lang))
    );
    Ok(())
}

fn said(ctx: &Ctx, config: &Config, persons: &[Person]) -> String {
    match config.me {
        None => msg::NONE_CHOSEN.get(ctx.lang).into(),
        Some(id) => match persons.iter().find(|p| p.id.0 == id) {
            Some(p) => safe::line(&msg::chosen(&p.name, id, ctx.lang)).into_owned(),
            None => msg::gone(id, ctx.lang),
        },
    }
}

fn pick<'a>(ctx: &Ctx, persons: &'a [Person], query: &str) -> Result<&'a Person, CliError> {
    one_person(ctx, persons, query, |shown| {
        let all: Vec<&Person> = persons.iter().collect();
        let few = if all.len() <= SUGGEST_AT_MOST {
            all
        } else {
            Vec::new()
        };
        Ok(CliError(msg::unknown(shown, &labels(&few), ctx.lang)))
    })
}

/// The one person `query` names ([`recipient::find`]): several is a message listing them; no
/// one is the message `unknown` words from the query as shown (made safe to print).
///
/// Errors: those messages, or the error `unknown` returns.
pub(super) fn one_person<'a>(
    ctx: &Ctx,
    persons: &'a [Person],
    query: &str,
    unknown: impl FnOnce(&str) -> Result<CliError, CliError>,
) -> Result<&'a Person, CliError> {
    let shown = safe::line(query);
    match recipient::find(persons, query) {
        Ok(p) => Ok(p),
        Err(NotOne::Ambiguous(many)) => Err(CliError(exports::recipient_ambiguous(
            &shown,
            &labels(&many),
            ctx.lang,
        ))),
        Err(NotOne::Unknown) => Err(unknown(&shown)?),
    }
}

/// Each person's name and role, safe to print on one line.
pub(super) fn labels(list: &[&Person]) -> Vec<String> {
    list.iter()
        .map(|p| safe::line(&recipient::label(p)).into_owned())
        .collect()
}
