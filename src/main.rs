//! tandem's binary: parse the command line, then run a subcommand or the TUI.

use clap::Parser;
use std::process::ExitCode;
use tandem::cli::{self, Args, Ctx};
use tandem::clock::Clock;

fn main() -> ExitCode {
    let args = Args::parse();
    let ctx = Ctx {
        lang: cli::lang_of(args.lang),
        clock: Clock::from_env(),
        data_dir: cli::data_dir(args.data_dir.clone()),
    };
    let result = match args.command {
        Some(command) => cli::run(command, &ctx),
        None => cli::start::tui(&ctx, args.theme.clone()),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(cli::CliError(line)) => {
            eprintln!("tandem: {line}");
            ExitCode::FAILURE
        }
    }
}
