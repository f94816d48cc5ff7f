//! The command line in the user's language (issue 13, item 8): `--lang` (or `TANDEM_LANG`) is
//! read from the raw arguments before clap parses, the clap `Command` is built with every help
//! text, heading and built-in flag from `i18n::cli_help`, and an argument error is put into words
//! from its `ErrorKind` and context, not clap's English.

use super::Args;
use crate::i18n::cli_help as words;
use crate::i18n::cli_help::UsageFault;
use crate::i18n::Lang;
use clap::error::{ContextKind, ContextValue, ErrorKind};
use clap::{Arg, ArgAction, Command, CommandFactory, FromArgMatches};
use std::ffi::OsString;

/// The language asked for before anything is parsed: `--lang X` or `--lang=X` among `raw`
/// (the last one wins, as clap would), else `TANDEM_LANG`, else Dutch. An unknown value is
/// left to clap to refuse, in Dutch.
pub fn lang_in(raw: &[OsString]) -> Lang {
    let mut found = None;
    let mut args = raw.iter().skip(1).map(|a| a.to_string_lossy());
    while let Some(a) = args.next() {
        if a == "--" {
            break;
        }
        let value = match a.strip_prefix("--lang") {
            Some("") => args.next().map(|v| v.into_owned()),
            Some(rest) => rest.strip_prefix('=').map(str::to_string),
            None => None,
        };
        if let Some(lang) = value.as_deref().and_then(Lang::parse) {
            found = Some(lang);
        }
    }
    found.unwrap_or_else(|| super::lang_of(None))
}

/// tandem's clap `Command`, every word of it in `lang`.
pub fn command(lang: Lang) -> Command {
    let template = format!(
        "{{about-with-newline}}\n{} {{usage}}\n\n{{all-args}}{{after-help}}",
        words::USAGE.get(lang)
    );
    let mut cmd = Args::command()
        .about(words::ABOUT.get(lang))
        .subcommand_help_heading(words::COMMANDS_HEADING.get(lang))
        .disable_help_subcommand(true);
    cmd = localise(cmd, "", lang, &template);
    for (name, about) in words::COMMANDS {
        cmd = cmd.mut_subcommand(*name, |sub| {
            localise(sub.about(about.get(lang)), name, lang, &template)
        });
    }
    cmd
}

/// One command's options: help texts from the table, headings, and the help and version flags
/// as our own, so that their words are ours too.
fn localise(cmd: Command, name: &str, lang: Lang, template: &str) -> Command {
    let is_root = name.is_empty();
    let mut cmd = cmd
        .help_template(template.to_string())
        .disable_help_flag(true)
        .mut_args(|a| {
            let heading = if a.is_positional() {
                words::ARGUMENTS
            } else {
                words::OPTIONS
            };
            let help = words::ARGS
                .iter()
                .find(|(c, id, _)| *c == name && *id == a.get_id().as_str())
                .map(|(_, _, t)| t.get(lang));
            // The table's text says the choices and the default in the user's words.
            let hide = help.is_some() && a.get_action().takes_values();
            let a = a
                .help_heading(heading.get(lang))
                .hide_possible_values(hide)
                .hide_default_value(hide);
            let a = match value_name(&a, lang) {
                Some(v) => a.value_name(v),
                None => a,
            };
            match help {
                Some(h) => a.help(h),
                None => a,
            }
        })
        .arg(
            Arg::new("help")
                .short('h')
                .long("help")
                .action(ArgAction::Help)
                .help(words::HELP_FLAG.get(lang))
                .help_heading(words::OPTIONS.get(lang)),
        );
    let usage = usage(&cmd, name, lang);
    cmd = cmd.override_usage(usage);
    if is_root {
        cmd = cmd.disable_version_flag(true).arg(
            Arg::new("version")
                .short('V')
                .long("version")
                .action(ArgAction::Version)
                .help(words::VERSION_FLAG.get(lang))
                .help_heading(words::OPTIONS.get(lang)),
        );
    }
    cmd
}

/// The placeholder of an option's value in `lang`: its declared value name, or its id in
/// capitals, through the table; `None` for a flag or a name the table lacks.
fn value_name(a: &Arg, lang: Lang) -> Option<&'static str> {
    if !a.get_action().takes_values() {
        return None;
    }
    let declared = a
        .get_value_names()
        .and_then(|v| v.first())
        .map(|v| v.to_string())
        .unwrap_or_else(|| a.get_id().as_str().to_uppercase());
    words::VALUE_NAMES
        .iter()
        .find(|(en, _)| *en == declared)
        .map(|(_, t)| t.get(lang))
}

/// The usage line in `lang`: "tandem [OPTIES] [OPDRACHT]", "tandem minutes [OPTIES] <NUMMER>".
fn usage(cmd: &Command, name: &str, lang: Lang) -> String {
    let mut line = format!("tandem {name}").trim_end().to_string();
    line.push(' ');
    line.push_str(words::OPTIONS_PLACEHOLDER.get(lang));
    if name.is_empty() {
        line.push(' ');
        line.push_str(words::COMMAND_PLACEHOLDER.get(lang));
    }
    for a in cmd.get_positionals() {
        // Renamed already by `localise` when the table knows it.
        let v = a
            .get_value_names()
            .and_then(|v| v.first())
            .map(|v| v.to_string())
            .unwrap_or_else(|| a.get_id().as_str().to_uppercase());
        line.push_str(&match a.is_required_set() {
            true => format!(" <{v}>"),
            false => format!(" [{v}]"),
        });
    }
    line
}

/// Parses `raw` (the program name first) with the Command in `lang`.
///
/// Errors: clap's, for `--help`, `--version` and a mistyped line ([`error_line`] words it).
pub fn parse(raw: &[OsString], lang: Lang) -> Result<Args, clap::Error> {
    let matches = command(lang).try_get_matches_from(raw)?;
    Args::from_arg_matches(&matches)
}

/// A mistyped command line in one calm line in `lang`, from the error's kind and context.
pub fn error_line(e: &clap::Error, lang: Lang) -> String {
    let text = |k: ContextKind| match e.get(k) {
        Some(ContextValue::String(s)) => s.clone(),
        Some(ContextValue::Strings(v)) => v.join(", "),
        _ => String::new(),
    };
    let list = |k: ContextKind| match e.get(k) {
        Some(ContextValue::Strings(v)) => v.clone(),
        Some(ContextValue::String(s)) => vec![s.clone()],
        _ => Vec::new(),
    };
    let fault = match e.kind() {
        ErrorKind::UnknownArgument => UsageFault::UnknownOption,
        ErrorKind::InvalidSubcommand => UsageFault::UnknownCommand,
        ErrorKind::InvalidValue if text(ContextKind::InvalidValue).is_empty() => {
            UsageFault::NoValue
        }
        ErrorKind::InvalidValue => UsageFault::BadChoice,
        ErrorKind::ValueValidation => UsageFault::BadValue,
        ErrorKind::MissingRequiredArgument => UsageFault::Missing,
        ErrorKind::ArgumentConflict => UsageFault::Conflict,
        ErrorKind::TooManyValues | ErrorKind::WrongNumberOfValues => UsageFault::Extra,
        ErrorKind::MissingSubcommand | ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand => {
            UsageFault::NoCommand
        }
        _ => UsageFault::Other,
    };
    let (arg, value) = match fault {
        UsageFault::UnknownCommand => (text(ContextKind::InvalidSubcommand), String::new()),
        UsageFault::Conflict => (text(ContextKind::InvalidArg), text(ContextKind::PriorArg)),
        UsageFault::Extra => (String::new(), text(ContextKind::InvalidValue)),
        _ => (
            text(ContextKind::InvalidArg),
            text(ContextKind::InvalidValue),
        ),
    };
    let suggested = list(ContextKind::SuggestedArg)
        .into_iter()
        .chain(list(ContextKind::SuggestedSubcommand))
        .next();
    words::usage_error(
        fault,
        &arg,
        &value,
        &list(ContextKind::ValidValue),
        suggested.as_deref(),
        lang,
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn raw(args: &[&str]) -> Vec<OsString> {
        std::iter::once("tandem")
            .chain(args.iter().copied())
            .map(OsString::from)
            .collect()
    }

    #[test]
    fn lang_is_read_before_parsing_in_either_spelling() {
        assert_eq!(lang_in(&raw(&["--lang", "en", "actions"])), Lang::En);
        assert_eq!(lang_in(&raw(&["actions", "--lang=en"])), Lang::En);
        assert_eq!(
            lang_in(&raw(&["--", "--lang", "en"])),
            super::super::lang_of(None)
        );
    }

    #[test]
    fn every_option_and_command_has_words_in_both_languages() {
        for lang in [Lang::Nl, Lang::En] {
            let mut cmd = command(lang);
            cmd.build();
            let mut all = vec![("", &cmd)];
            all.extend(cmd.get_subcommands().map(|s| (s.get_name(), s)));
            for (name, c) in all {
                assert!(c.get_about().is_some(), "{name} has no about");
                for a in c.get_arguments() {
                    let id = a.get_id().as_str();
                    if id == "help" || id == "version" {
                        continue;
                    }
                    // Global options are propagated: their words are tandem's own.
                    let owner = if a.is_global_set() { "" } else { name };
                    let want = words::ARGS
                        .iter()
                        .find(|(c, i, _)| *c == owner && *i == id)
                        .map(|(_, _, t)| t.get(lang).to_string());
                    let got = a.get_help().map(|h| h.to_string());
                    assert!(want.is_some(), "no words for {name} {id}");
                    assert_eq!(got, want, "{name} {id}");
                }
            }
        }
    }

    #[test]
    fn a_mistyped_option_is_said_in_dutch_with_what_was_meant() {
        let e = parse(&raw(&["actions", "--formaat", "csv"]), Lang::Nl).err();
        let line = e.map(|e| error_line(&e, Lang::Nl)).unwrap_or_default();
        assert!(
            line.starts_with("De optie '--formaat' bestaat niet"),
            "{line}"
        );
        let e = parse(&raw(&["actions", "--format", "pdf"]), Lang::Nl).err();
        let line = e.map(|e| error_line(&e, Lang::Nl)).unwrap_or_default();
        assert_eq!(
            line,
            "'pdf' kan niet bij --format <FORMAAT>; kies uit: table, json, csv, ics, md"
        );
        let e = parse(&raw(&["done", "vijf"]), Lang::En).err();
        let line = e.map(|e| error_line(&e, Lang::En)).unwrap_or_default();
        assert!(
            line.starts_with("'vijf' is not a valid value for <ID>"),
            "{line}"
        );
    }
}
