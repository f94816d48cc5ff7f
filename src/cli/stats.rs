//! `tandem stats`: the monitor's measures, anonymous, for a period and a school, or several
//! schools' JSON merged into one municipal table (issue 14).

use super::{CliError, Ctx};
use crate::domain::dates::parse_date;
use crate::domain::monitor::{same_school, Fold, Period, Scope};
use crate::i18n::{monitor as m, Lang};
use crate::report::stats::{self, Stats};
use chrono::NaiveDate;
use clap::{Args, ValueEnum};
use std::io::Write;
use std::path::PathBuf;

#[derive(Debug, Args)]
pub struct StatsArgs {
    /// First day of the period (default: 1 August of this school year)
    #[arg(long, value_name = "DATE")]
    pub from: Option<String>,
    /// Last day of the period (default: today)
    #[arg(long, value_name = "DATE")]
    pub to: Option<String>,
    /// Only the cases of children at this school
    #[arg(long, value_name = "NAME")]
    pub school: Option<String>,
    #[arg(long, value_enum, default_value_t = StatsFormat::Table)]
    pub format: StatsFormat,
    /// Field separator for --format csv (';' for Dutch spreadsheet programs)
    #[arg(long, default_value_t = ',')]
    pub delimiter: char,
    /// Merge these `--format json` files of several schools instead of reading the store (their
    /// period is theirs: no --from, --to or --school beside it)
    #[arg(long, value_name = "FILE", num_args = 1.., conflicts_with_all = ["from", "to", "school"])]
    pub merge: Vec<PathBuf>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum StatsFormat {
    Table,
    Json,
    Csv,
}

/// Runs `tandem stats`.
pub fn stats(ctx: &Ctx, args: &StatsArgs) -> Result<(), CliError> {
    let lang = ctx.lang;
    let delimiter = u8::try_from(args.delimiter)
        .ok()
        .filter(|d| d.is_ascii() && !matches!(d, b'"' | b'\n' | b'\r'))
        .ok_or_else(|| CliError(bad_delimiter(lang).into()))?;
    let stats = if args.merge.is_empty() {
        from_store(ctx, args)?
    } else {
        merged(&args.merge, lang)?
    };
    let stdout = std::io::stdout();
    let mut w = std::io::BufWriter::new(stdout.lock());
    let written = match args.format {
        StatsFormat::Table => stats::table(&stats, lang, &mut w),
        StatsFormat::Json => stats::json(&stats, &mut w),
        StatsFormat::Csv => stats::csv(&stats, lang, delimiter, &mut w),
    };
    written
        .and_then(|_| w.flush())
        .map_err(|e| CliError(e.to_string()))
}

fn bad_delimiter(lang: Lang) -> &'static str {
    match lang {
        Lang::Nl => "Dat scheidingsteken kan niet; kies bijv. ',' of ';'.",
        Lang::En => "That delimiter cannot be used; choose e.g. ',' or ';'.",
    }
}

/// The period asked for: `--from` (default 1 August of the school year of `--to`) up to `--to`
/// (default today).
pub fn period_of(
    from: Option<&str>,
    to: Option<&str>,
    today: NaiveDate,
    lang: Lang,
) -> Result<Period, CliError> {
    let day = |s: &str| parse_date(s, today, lang).map_err(|e| CliError(e.message(lang)));
    let to = to.map(day).transpose()?.unwrap_or(today);
    let from = match from {
        Some(f) => day(f)?,
        None => Period::school_year(to).from,
    };
    Ok(Period::new(from, to))
}

fn from_store(ctx: &Ctx, args: &StatsArgs) -> Result<Stats, CliError> {
    let today = ctx.clock.today();
    let period = period_of(args.from.as_deref(), args.to.as_deref(), today, ctx.lang)?;
    let scope = Scope {
        period,
        school: args.school.clone(),
        today,
    };
    let store = ctx.open()?;
    let mut fold = Fold::new(scope);
    store
        .monitor_reader()
        .feed(&mut fold)
        .map_err(|e| ctx.fail(e))?;
    store.close_at_exit();
    if let Some(school) = args.school.as_deref() {
        let known = fold.schools();
        if !known.iter().any(|k| same_school(k, school)) {
            return Err(CliError(m::no_such_school(school, &known, ctx.lang)));
        }
    }
    Ok(Stats::new(
        period,
        today,
        args.school.is_some(),
        fold.finish(),
    ))
}

fn merged(files: &[PathBuf], lang: Lang) -> Result<Stats, CliError> {
    let mut all = Vec::with_capacity(files.len());
    for file in files {
        let name = file.display().to_string();
        let text =
            std::fs::read_to_string(file).map_err(|_| CliError(m::unreadable(&name, lang)))?;
        let one = stats::parse(&name, &text, lang).map_err(|e| CliError(e.0))?;
        all.push((name, one));
    }
    stats::merge(all, lang).map_err(|e| CliError(e.0))
}
