//! The command line (clap): parse, open the store, dispatch. Machine formats go to stdout alone;
//! every failure is one calm line on stderr and a non-zero exit.

pub mod actions;
pub mod args;
pub mod audit;
pub mod crypt;
pub mod data;
pub mod forget;
pub mod inzage;
pub mod me;
pub mod meeting;
pub mod out_file;
pub mod retention;
pub mod safety;
pub mod start;
pub mod stats;

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
    /// Start the screen in privacy mode: initials only, free text hidden (p turns it off)
    #[arg(long)]
    pub privacy: bool,
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
        /// json (lossless, the default) or md (plain Dutch for parents, with --family)
        #[arg(long, value_enum, default_value_t = inzage::ExportFormat::Json)]
        format: inzage::ExportFormat,
    },
    /// Import an export file; refuses a non-empty store without --replace
    Import {
        file: PathBuf,
        #[arg(long)]
        replace: bool,
    },
    /// List open actions
    Actions(actions::ActionsArgs),
    /// The monitor's measures, anonymous (table, json or csv); --merge adds up schools' JSON
    Stats(stats::StatsArgs),
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
        /// Only the cases whose family gave consent to share with this person (id or name)
        #[arg(long = "for", value_name = "PERSON")]
        for_person: Option<String>,
        /// Only the cases of this family (its id): the part a parent may read
        #[arg(long, value_name = "FAMILY", conflicts_with = "for_person")]
        family: Option<u64>,
    },
    /// Verify the store's integrity
    Check,
    /// Make a backup now (backups/ in the data dir)
    Backup,
    /// Erase a family (number or name) from the store, the journal and the backups
    Forget {
        #[arg(value_name = "FAMILY")]
        family: String,
        /// Do not ask for the family's name (for scripts)
        #[arg(long)]
        yes: bool,
    },
    /// Who changed what and when, and what left tandem (for one family, or since a date)
    Audit {
        #[arg(long, value_name = "ID")]
        family: Option<u64>,
        #[arg(long, value_name = "DATE")]
        since: Option<String>,
    },
    /// Families kept longer than the retention period (--apply erases them)
    Retention {
        #[arg(long)]
        apply: bool,
        /// Do not ask for confirmation (for scripts)
        #[arg(long)]
        yes: bool,
    },
    /// Bring back the newest backup (or FILE) and every confirmed change after it
    Restore {
        #[arg(value_name = "FILE")]
        file: Option<PathBuf>,
        /// Do not ask for confirmation (for scripts)
        #[arg(long)]
        yes: bool,
        /// Replace a healthy store that holds records
        #[arg(long)]
        replace: bool,
    },
    /// Who you are (a person on the sociale kaart): every change is recorded in that name
    Me {
        #[arg(value_name = "PERSON")]
        person: Option<String>,
    },
    /// Protect the store with a passphrase (encryption at rest)
    Encrypt,
    /// Change the passphrase of an encrypted store
    Passphrase,
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
    /// The data key of an encrypted store, asked once per process ([`crypt::key`]); the TUI
    /// sets it from its own prompt.
    pub key: std::cell::OnceCell<Option<crate::store::crypt::DataKey>>,
}

impl Ctx {
    /// Opens the store that must already be in the data dir: commands that read, and `done`.
    /// A mistyped data dir is not an empty store.
    pub fn open(&self) -> Result<Store, CliError> {
        let key = crypt::key(self)?;
        self.ready(Store::open_existing_keyed(&self.data_dir, key))
    }

    /// Opens the store, creating it when the data dir holds none: the TUI, `demo`, `import`.
    pub fn open_or_create(&self) -> Result<Store, CliError> {
        let key = crypt::key(self)?;
        self.ready(Store::open_keyed(&self.data_dir, key))
    }

    fn ready(&self, opened: Result<Store, StoreError>) -> Result<Store, CliError> {
        let mut store = opened.map_err(|e| self.fail(e))?;
        if store
            .import_interrupted()
            .map_err(|e| CliError::store(&e, self.lang))?
        {
            return Err(CliError(msg::IMPORT_INTERRUPTED.get(self.lang).into()));
        }
        store.today = Some(self.clock.today());
        let (config, _) = crate::config::Config::load(crate::config::config_dir().as_deref());
        store.backups_keep = config.backups_keep;
        set_who(&mut store, &config);
        Ok(store)
    }

    /// As [`Ctx::ready`] does: changes are made in the name of this laptop's "me".
    pub fn set_who(&self, store: &mut Store) {
        let (config, _) = crate::config::Config::load(crate::config::config_dir().as_deref());
        set_who(store, &config);
    }

    /// The "me" chosen once on this laptop (`config.toml`), for done-marks.
    pub fn me(&self) -> Option<crate::domain::PersonId> {
        let (config, _) = crate::config::Config::load(crate::config::config_dir().as_deref());
        config.me.map(crate::domain::PersonId)
    }

    pub fn fail(&self, e: StoreError) -> CliError {
        let e = match e {
            StoreError::ReadOnly(p) if p.as_os_str().is_empty() => {
                StoreError::ReadOnly(self.data_dir.clone())
            }
            e => e,
        };
        CliError::store(&e, self.lang)
    }
}

/// Who made a change is the "me" chosen once on this laptop (issue 12 part 4), never the login
/// name; without one (or when that person is not in this store), empty: "onbekend" in the trail.
fn set_who(store: &mut Store, config: &crate::config::Config) {
    if let Some(Ok(Some(me))) = config
        .me
        .map(|id| store.person(crate::domain::PersonId(id)))
    {
        store.who = me.name;
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
    // The local, not the roaming, app-data folder on Windows: a roaming profile is copied over
    // the network at logon and logoff, which could copy half a store. Elsewhere they are one.
    directories::ProjectDirs::from("nl", "tandem", "tandem")
        .map(|d| d.data_local_dir().to_path_buf())
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
    // A command reads each page about once: sled's cache would only cost memory. `demo` keeps
    // the default (it writes a whole synthetic store and was not measured without), and so
    // does `check` (it reads every index tree twice: 18.3 s of CPU instead of 16.3 s at 50k).
    if !matches!(command, Command::Demo { .. } | Command::Check) {
        crate::store::set_cache_capacity(crate::store::COMMAND_CACHE_BYTES);
    }
    let outgoing = audit::outgoing_of(&command);
    let done = dispatch(command, ctx);
    if let (Ok(()), Some(what)) = (&done, outgoing) {
        audit::log(ctx, what);
    }
    done
}

fn dispatch(command: Command, ctx: &Ctx) -> Result<(), CliError> {
    match command {
        Command::Demo { cases, seed } => data::demo(ctx, cases, seed),
        Command::Export {
            out,
            family,
            format: inzage::ExportFormat::Json,
        } => data::export(ctx, out, family),
        Command::Export { out, family, .. } => match family {
            Some(id) => inzage::export_md(ctx, id, out.as_deref()),
            None => Err(CliError(
                crate::i18n::inzage::MD_NEEDS_FAMILY.get(ctx.lang).into(),
            )),
        },
        Command::Import { file, replace } => data::import(ctx, &file, replace),
        Command::Check => data::check(ctx),
        Command::Agenda { format } => meeting::agenda(ctx, format),
        Command::Minutes {
            id,
            format,
            for_person,
            family,
        } => {
            let scope = match (for_person.as_deref(), family) {
                (Some(p), _) => meeting::Scope::Person(p),
                (None, Some(f)) => meeting::Scope::Family(f),
                (None, None) => meeting::Scope::All,
            };
            meeting::minutes_cmd(ctx, &id, format, scope)
        }
        Command::Actions(args) => actions::list(ctx, &args),
        Command::Stats(args) => stats::stats(ctx, &args),
        Command::Done { id, undo } => actions::done(ctx, id, undo),
        Command::Backup => safety::backup(ctx),
        Command::Forget { family, yes } => forget::forget(ctx, &family, yes),
        Command::Retention { apply, yes } => retention::retention(ctx, apply, yes),
        Command::Audit { family, since } => audit::audit(ctx, family, since.as_deref()),
        Command::Restore { file, yes, replace } => {
            safety::restore(ctx, file.as_deref(), yes, replace)
        }
        Command::Me { person } => me::me(ctx, person.as_deref()),
        Command::Encrypt => crypt::encrypt(ctx),
        Command::Passphrase => crypt::passphrase(ctx),
    }
}
