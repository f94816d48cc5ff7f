//! `tandem actions` and `tandem done`.

use super::{CliError, Ctx};
use crate::domain::dates::{end_of_week, parse_date};
use crate::domain::{ActionId, ActionSummary, CaseId, Person, PersonId, Side};
use crate::i18n::Lang;
use crate::report::actions::{cancelled_of, table, Names};
use crate::report::actions_json::JsonRows;
use crate::report::{formats, safe};
use crate::store::{ActionRowView, Store, StoreError};
use chrono::NaiveDate;
use clap::{Args, ValueEnum};
use std::io::Write;

#[derive(Debug, Args)]
pub struct ActionsArgs {
    /// Only this owner (name, part of a name, or id)
    #[arg(long)]
    pub owner: Option<String>,
    /// onderwijs or zorg
    #[arg(long)]
    pub side: Option<String>,
    /// Only this case
    #[arg(long = "case", value_name = "ID")]
    pub case_id: Option<u64>,
    /// overdue, today, week, or a date: due by then (overdue included)
    #[arg(long)]
    pub due: Option<String>,
    /// Done actions too
    #[arg(long)]
    pub all: bool,
    /// Initials for everyone, professionals too (wins over --names)
    #[arg(long)]
    pub privacy: bool,
    /// Children by their full name (csv, ics, md, table); default initials and case number
    #[arg(long)]
    pub names: bool,
    #[arg(long, value_enum, default_value_t = Format::Table)]
    pub format: Format,
    /// Field separator for --format csv (';' for Dutch spreadsheet programs)
    #[arg(long, default_value_t = ',')]
    pub delimiter: char,
    /// A UTF-8 byte order mark at the start of the CSV (always with --delimiter ';')
    #[arg(long)]
    pub bom: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    Table,
    Json,
    Csv,
    Ics,
    Md,
}

/// Which deadlines a `--due` asks for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Due {
    /// Before today.
    Overdue,
    /// On or before this day (overdue included).
    By(NaiveDate),
}

pub fn parse_due(s: &str, today: NaiveDate, lang: Lang) -> Result<Due, String> {
    match s.trim().to_lowercase().as_str() {
        "overdue" | "verlopen" | "te laat" => Ok(Due::Overdue),
        "today" | "vandaag" => Ok(Due::By(today)),
        "week" | "deze week" | "this week" => Ok(Due::By(end_of_week(today))),
        other => parse_date(other, today, lang)
            .map(Due::By)
            .map_err(|e| e.message(lang)),
    }
}

/// Finds one owner by id or by (part of) a name; unknown or ambiguous is an error.
pub fn find_owner<'a>(
    persons: &'a [Person],
    query: &str,
    lang: Lang,
) -> Result<&'a Person, String> {
    if let Ok(id) = query.trim().parse::<u64>() {
        if let Some(p) = persons.iter().find(|p| p.id.0 == id) {
            return Ok(p);
        }
    }
    // Folded as the lookup does, so `aydin` finds Aydın and `celik` Çelik.
    let fold = crate::domain::text::fold;
    let q = fold(query.trim());
    if let Some(p) = persons.iter().find(|p| fold(&p.name) == q) {
        return Ok(p);
    }
    let hits: Vec<&Person> = persons
        .iter()
        .filter(|p| fold(&p.name).contains(&q))
        .collect();
    match (hits.as_slice(), lang) {
        ([one], _) => Ok(one),
        ([], Lang::Nl) => Err(format!("Niemand op de sociale kaart heet '{query}'.")),
        ([], Lang::En) => Err(format!("No one in the directory is called '{query}'.")),
        (many, Lang::Nl) => Err(format!(
            "'{query}' past bij meerdere mensen: {}. Wees specifieker of geef het nummer.",
            names(many)
        )),
        (many, Lang::En) => Err(format!(
            "'{query}' matches several people: {}. Be more specific or give the number.",
            names(many)
        )),
    }
}

fn names(people: &[&Person]) -> String {
    people
        .iter()
        .map(|p| format!("{} ({})", p.name, p.id))
        .collect::<Vec<_>>()
        .join(", ")
}

pub fn list(ctx: &Ctx, args: &ActionsArgs) -> Result<(), CliError> {
    let today = ctx.clock.today();
    let lang = ctx.lang;
    let side = args
        .side
        .as_deref()
        .map(|s| parse_side(s, lang))
        .transpose()?;
    let due = args
        .due
        .as_deref()
        .map(|d| parse_due(d, today, lang))
        .transpose()
        .map_err(CliError)?;
    check_delimiter(args.delimiter, lang)?;
    let store = ctx.open()?;
    let persons = store.persons().map_err(|e| ctx.fail(e))?;
    let owner = args
        .owner
        .as_deref()
        .map(|o| find_owner(&persons, o, lang))
        .transpose()
        .map_err(CliError)?;
    if let Some(id) = args.case_id {
        if store
            .case_row(CaseId(id))
            .map_err(|e| ctx.fail(e))?
            .is_none()
        {
            return Err(ctx.fail(crate::store::StoreError::NotFound { kind: "case", id }));
        }
    }
    let until = match due {
        Some(Due::Overdue) => today.pred_opt(),
        Some(Due::By(d)) => Some(d),
        None => None,
    };
    let wanted = Wanted {
        until,
        all: args.all,
        keep: Keep {
            side,
            owner: owner.map(|o| o.id),
            case: args.case_id.map(CaseId),
        },
    };
    let names = Names::new(&persons, args.privacy).with_child_names(args.names);
    let stdout = std::io::stdout();
    let mut w = std::io::BufWriter::with_capacity(1 << 16, stdout.lock());
    let written = match args.format {
        // Written as the rows come: the list is never held.
        Format::Json => stream_json(&store, &wanted, &names, today, &mut w),
        // The other formats lay the rows out as a whole (columns, a list per owner).
        _ => {
            let rows = wanted.collect(&store).map_err(|e| ctx.fail(e))?;
            // A cancelled action says so, with why, instead of reading as done.
            let cancelled = cancelled_of(&store, &rows).map_err(|e| ctx.fail(e))?;
            let names = Names::new(&persons, args.privacy)
                .with_child_names(args.names)
                .with_cancelled(cancelled);
            Ok(write_rows(ctx, args, &rows, &names, &mut w))
        }
    };
    let written = match written {
        Ok(written) => written,
        Err(e) => {
            // What is still buffered is not written: a list that fails early (a row from a newer
            // tandem) leaves stdout empty, not half an array.
            let _ = w.into_parts();
            return Err(ctx.fail(e));
        }
    };
    written
        .and_then(|_| w.flush())
        .map_err(|e| CliError(e.to_string()))?;
    drop(w);
    store.close_at_exit();
    Ok(())
}

/// Which rows `tandem actions` lists: open ones due by `until` (all when `None`), done ones
/// too with `all`, and of those the ones `keep` keeps.
struct Wanted {
    until: Option<NaiveDate>,
    all: bool,
    keep: Keep,
}

/// `--side`, `--owner` and `--case`: a row is kept when it matches each one given.
struct Keep {
    side: Option<Side>,
    owner: Option<PersonId>,
    case: Option<CaseId>,
}

impl Keep {
    fn keeps(&self, side: Side, owner: Option<PersonId>, case: CaseId) -> bool {
        self.side.is_none_or(|s| side == s)
            && self.owner.is_none_or(|o| owner == Some(o))
            && self.case.is_none_or(|c| case == c)
    }
}

impl Wanted {
    /// Whether rows of finished actions are listed (after the open ones).
    fn parts(&self) -> &'static [bool] {
        match self.all {
            true => &[false, true],
            false => &[false],
        }
    }

    /// Hands each wanted row to `f`, in the order of the list: open ones by deadline, then
    /// done ones by deadline.
    fn each<E: From<StoreError>>(
        &self,
        store: &Store,
        mut f: impl FnMut(ActionSummary) -> Result<(), E>,
    ) -> Result<(), E> {
        for &done in self.parts() {
            store.each_action_row(done, None, self.until, |r| {
                match self.keep.keeps(r.side, r.owner, r.case) {
                    true => f(r),
                    false => Ok(()),
                }
            })?;
        }
        Ok(())
    }

    fn collect(&self, store: &Store) -> Result<Vec<ActionSummary>, StoreError> {
        let mut rows = Vec::new();
        self.each(store, |r| {
            rows.push(r);
            Ok::<(), StoreError>(())
        })?;
        Ok(rows)
    }
}

/// Why the JSON list stopped: the store, or stdout.
enum Stop {
    Store(StoreError),
    Out(std::io::Error),
}

impl From<StoreError> for Stop {
    fn from(e: StoreError) -> Self {
        Stop::Store(e)
    }
}

/// The JSON array, a day of rows at a time as the store hands them over: the bytes
/// serde_json writes for the whole list (compact, rows in list order), then a line end. The
/// rows of each day are read and written into a buffer of their own on one of several threads
/// ([`Store::map_action_rows`]); this thread writes the buffers out in order.
///
/// Errors: the outer error is the store's; the inner one stdout's.
fn stream_json(
    store: &Store,
    wanted: &Wanted,
    names: &Names,
    today: NaiveDate,
    w: &mut impl Write,
) -> Result<std::io::Result<()>, StoreError> {
    let out = |e: std::io::Error| Stop::Out(e);
    let json = match JsonRows::new(names, today) {
        Ok(json) => json,
        Err(e) => return Ok(Err(e.into())),
    };
    let map = |rows: &[ActionRowView]| {
        let mut buf = Vec::with_capacity(rows.len() * 256);
        let kept = rows
            .iter()
            .filter(|r| wanted.keep.keeps(r.side, r.owner, r.case));
        json.write(kept, &mut buf).map(|_| buf)
    };
    // Every row is written after a comma; the list's first one is left out.
    let mut first = true;
    let rows = w.write_all(b"[").map_err(out).and_then(|_| {
        wanted.parts().iter().try_for_each(|&done| {
            store.map_action_rows((done, None, wanted.until), map, |buf| {
                let buf = buf.map_err(|e| out(e.into()))?;
                let start = usize::from(first && !buf.is_empty());
                first &= buf.is_empty();
                w.write_all(&buf[start..]).map_err(out)
            })
        })
    });
    match rows {
        Ok(()) => Ok(w.write_all(b"]\n")),
        Err(Stop::Out(e)) => Ok(Err(e)),
        Err(Stop::Store(e)) => Err(e),
    }
}

/// `--side`: onderwijs or zorg.
fn parse_side(s: &str, lang: Lang) -> Result<Side, CliError> {
    Side::parse(s).ok_or_else(|| {
        CliError(match lang {
            Lang::Nl => format!("Kant '{s}' bestaat niet: kies onderwijs of zorg."),
            Lang::En => format!("Side '{s}' does not exist: choose onderwijs or zorg."),
        })
    })
}

/// `--delimiter`: one ASCII character (what CSV readers and the csv crate take), and not one
/// CSV needs.
fn check_delimiter(delimiter: char, lang: Lang) -> Result<(), CliError> {
    if !delimiter.is_ascii() || matches!(delimiter, '"' | '\n' | '\r') {
        return Err(CliError(match lang {
            Lang::Nl => "Dat scheidingsteken kan niet; kies bijv. ',' of ';'.".into(),
            Lang::En => "That delimiter cannot be used; choose e.g. ',' or ';'.".into(),
        }));
    }
    Ok(())
}

/// Writes the rows in a layout format (all but JSON) to `w`.
fn write_rows(
    ctx: &Ctx,
    args: &ActionsArgs,
    rows: &[ActionSummary],
    names: &Names,
    w: &mut impl Write,
) -> std::io::Result<()> {
    let (today, lang) = (ctx.clock.today(), ctx.lang);
    match args.format {
        Format::Json => crate::report::actions::write_json(&mut *w, rows, names, today)
            .map_err(std::io::Error::other)
            .and_then(|_| w.write_all(b"\n")),
        // The human formats escape each field themselves; the last pass over the whole text
        // keeps a field added later from reaching the terminal raw.
        Format::Table => w.write_all(safe::text(&table(rows, names, today, lang)).as_bytes()),
        Format::Csv => {
            let opts = formats::CsvOptions {
                delimiter: args.delimiter,
                bom: args.bom,
                lang,
            };
            formats::write_csv(&mut *w, rows, names, today, opts)
        }
        Format::Ics => formats::write_ics(&mut *w, rows, names, ctx.clock.now(), lang),
        Format::Md => {
            let md = formats::markdown(rows, names, today, lang);
            w.write_all(safe::text(&md).as_bytes())
        }
    }
}

pub fn done(ctx: &Ctx, id: u64, undo: bool) -> Result<(), CliError> {
    let mut store = ctx.open()?;
    let was_done = store
        .action(ActionId(id))
        .map_err(|e| ctx.fail(e))?
        .map(|a| a.done.is_some());
    let (action, _) = store
        .set_action_done(ctx.clock.now(), ActionId(id), !undo, ctx.me())
        .map_err(|e| ctx.fail(e))?;
    let text = safe::line(&action.text);
    let text = text.trim();
    // Already so: say that, rather than that it was just done.
    let already = was_done == Some(!undo);
    match (ctx.lang, undo, already) {
        (Lang::Nl, false, false) => eprintln!("Actie {id} is afgevinkt: {text}"),
        (Lang::Nl, true, false) => eprintln!("Actie {id} staat weer open: {text}"),
        (Lang::Nl, false, true) => eprintln!("Actie {id} was al afgevinkt: {text}"),
        (Lang::Nl, true, true) => eprintln!("Actie {id} stond al open: {text}"),
        (Lang::En, false, false) => eprintln!("Action {id} is done: {text}"),
        (Lang::En, true, false) => eprintln!("Action {id} is open again: {text}"),
        (Lang::En, false, true) => eprintln!("Action {id} was already done: {text}"),
        (Lang::En, true, true) => eprintln!("Action {id} was already open: {text}"),
    }
    store.close_at_exit();
    Ok(())
}
