//! The command line (clap): parse, open the store, dispatch. Machine formats go to stdout alone;
//! every failure is one calm line on stderr and a non-zero exit.

pub mod actions;
pub mod data;
pub mod meeting;
pub mod start;

use crate::clock::Clock;
use crate::i18n::{cli as msg, Lang};
use crate::store::{Store, StoreError};
use clap::{Parser, Subcommand, ValueEnum};
use std::path::PathBuf;

#[derive(Debug, Parser)]
#[command(
    name = "tandem",
    version,
    about = "De casusbespreking van de tandem (Integrated Care)"
)]
pub struct Args {
    /// Data directory (default: $TANDEM_DATA_DIR, else the OS data dir)
    #[arg(long, global = true, value_name = "DIR")]
    pub data_dir: Option<PathBuf>,
    /// Theme: standaard, beamer, licht, or one of your own
    #[arg(long, global = true, value_name = "NAME")]
    pub theme: Option<String>,
    /// Language of the interface: nl (default) or en
    #[arg(long, global = true, value_enum)]
    pub lang: Option<LangArg>,
    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum LangArg {
    Nl,
    En,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Fill an empty store with fictional demo data (or N synthetic cases)
    Demo {
        #[arg(long)]
        cases: Option<u64>,
        #[arg(long, default_value_t = 1)]
        seed: u64,
    },
    /// Export the store (or one family) as lossless JSON
    Export {
        #[arg(long, value_name = "FILE")]
        out: Option<PathBuf>,
        #[arg(long, value_name = "ID")]
        family: Option<u64>,
    },
    /// Import an export file; refuses a non-empty store without --replace
    Import {
        file: PathBuf,
        #[arg(long)]
        replace: bool,
    },
    /// List open actions
    Actions(actions::ActionsArgs),
    /// Mark an action done (or open again with --undo)
    Done {
        id: u64,
        #[arg(long)]
        undo: bool,
    },
    /// The proposed agenda of the next meeting
    Agenda {
        #[arg(long, value_enum, default_value_t = meeting::DocFormat::Md)]
        format: meeting::DocFormat,
    },
    /// A meeting's minutes (ID or "latest")
    Minutes {
        id: String,
        #[arg(long, value_enum, default_value_t = meeting::DocFormat::Md)]
        format: meeting::DocFormat,
    },
    /// Verify the store's integrity
    Check,
}

/// A failure the user can act on, already worded.
#[derive(Debug)]
pub struct CliError(pub String);

impl CliError {
    pub fn store(e: &StoreError, lang: Lang) -> CliError {
        CliError(msg::store_error(e, lang))
    }
}

pub struct Ctx {
    pub lang: Lang,
    pub clock: Clock,
    pub data_dir: PathBuf,
}

impl Ctx {
    pub fn open(&self) -> Result<Store, CliError> {
        let store = Store::open(&self.data_dir).map_err(|e| CliError::store(&e, self.lang))?;
        if store
            .import_interrupted()
            .map_err(|e| CliError::store(&e, self.lang))?
        {
            return Err(CliError(msg::IMPORT_INTERRUPTED.get(self.lang).into()));
        }
        Ok(store)
    }

    pub fn fail(&self, e: StoreError) -> CliError {
        CliError::store(&e, self.lang)
    }
}

/// `--data-dir`, else `TANDEM_DATA_DIR`, else the OS convention.
pub fn data_dir(arg: Option<PathBuf>) -> PathBuf {
    if let Some(dir) = arg {
        return dir;
    }
    if let Some(dir) = std::env::var_os("TANDEM_DATA_DIR").filter(|d| !d.is_empty()) {
        return PathBuf::from(dir);
    }
    directories::ProjectDirs::from("nl", "tandem", "tandem")
        .map(|d| d.data_dir().to_path_buf())
        .unwrap_or_else(|| PathBuf::from("tandem-data"))
}

pub fn lang_of(arg: Option<LangArg>) -> Lang {
    match arg {
        Some(LangArg::En) => Lang::En,
        Some(LangArg::Nl) => Lang::Nl,
        None => std::env::var("TANDEM_LANG")
            .ok()
            .and_then(|l| Lang::parse(&l))
            .unwrap_or_default(),
    }
}

/// Runs one subcommand. The TUI (no subcommand) is started by the binary.
pub fn run(command: Command, ctx: &Ctx) -> Result<(), CliError> {
    match command {
        Command::Demo { cases, seed } => data::demo(ctx, cases, seed),
        Command::Export { out, family } => data::export(ctx, out, family),
        Command::Import { file, replace } => data::import(ctx, &file, replace),
        Command::Check => data::check(ctx),
        Command::Agenda { format } => meeting::agenda(ctx, format),
        Command::Minutes { id, format } => meeting::minutes_cmd(ctx, &id, format),
        Command::Actions(args) => actions::list(ctx, &args),
        Command::Done { id, undo } => actions::done(ctx, id, undo),
    }
}
