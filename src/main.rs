//! tandem's binary: parse the command line, then run a subcommand or the TUI.

use std::process::ExitCode;
use tandem::cli::{self, Ctx};
use tandem::clock::Clock;
use tandem::report::safe;

fn main() -> ExitCode {
    tandem::memory::tune();
    // The language first, so that --help and a mistyped argument are in it too.
    let raw: Vec<std::ffi::OsString> = std::env::args_os().collect();
    let asked = cli::args::lang_in(&raw);
    let args = match cli::args::parse(&raw, asked) {
        Ok(args) => args,
        Err(e) => return usage_error(e, asked),
    };
    let lang = cli::lang_of(args.lang);
    let clock = match Clock::from_env() {
        Ok(clock) => clock,
        Err(value) => {
            eprintln!(
                "tandem: {}",
                safe::line(&tandem::i18n::cli::bad_today(&value, lang))
            );
            return ExitCode::FAILURE;
        }
    };
    let ctx = Ctx {
        lang,
        clock,
        data_dir: cli::data_dir(args.data_dir.clone()),
        key: std::cell::OnceCell::new(),
    };
    let result = match args.command {
        Some(command) => cli::run(command, &ctx),
        // The TUI sits beside the CLI, not under it: the CLI opens the store, the TUI runs on it.
        None => {
            tandem::memory::for_screen();
            tandem::tui::start::run(
                Box::new(|leave, key| {
                    // Asked on screen already: the opener must not ask again.
                    if key.is_some() {
                        let _ = ctx.key.set(key);
                    }
                    cli::start::store_for_tui(&ctx, leave).map_err(|e| e.0)
                }),
                &ctx.data_dir,
                ctx.lang,
                args.theme.clone(),
                args.privacy,
                &ctx.clock,
            )
            .map_err(cli::CliError)
        }
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(cli::CliError(line)) => {
            // A message may quote a file name, a file's content or a name from the store: one
            // line, with control and bidi characters as visible placeholders.
            eprintln!("tandem: {}", safe::line(&line));
            ExitCode::FAILURE
        }
    }
}

/// `--help` and `--version` print as clap makes them from our words; a mistyped argument gets
/// one line in the user's language and a pointer to `--help`, like every other failure.
fn usage_error(e: clap::Error, lang: tandem::i18n::Lang) -> ExitCode {
    use clap::error::ErrorKind;
    if matches!(
        e.kind(),
        ErrorKind::DisplayHelp
            | ErrorKind::DisplayVersion
            | ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand
    ) {
        let _ = e.print();
        return ExitCode::SUCCESS;
    }
    let line = cli::args::error_line(&e, lang);
    eprintln!("tandem: {} (tandem --help)", safe::line(&line));
    ExitCode::from(2)
}
