//! The words of the export dialog in the TUI (issue 13, item 7): its title, its fields, the
//! question before overwriting, and what a failed write says.

use super::{Lang, Text};

/// The dialog's title for each thing that can be exported.
pub const F_ACTIONS: Text = Text::new("Acties exporteren", "Export actions");
pub const F_CASE_ACTIONS: Text = Text::new(
    "Acties van deze casus exporteren",
    "Export this case's actions",
);
pub const F_MINUTES: Text = Text::new("Verslag exporteren", "Export the minutes");

pub const L_FORMAT: Text = Text::new("Formaat", "Format");
pub const L_FILE: Text = Text::new("Bestand", "File");

/// The formats as the choice shows them.
pub const OPT_ICS: Text = Text::new("agenda (ICS)", "calendar (ICS)");
pub const OPT_CSV: Text = Text::new("spreadsheet (CSV)", "spreadsheet (CSV)");
pub const OPT_MD: Text = Text::new("tekst (Markdown)", "text (Markdown)");

/// The start of a file name: "tandem-acties-2026-11-30.ics".
pub const NAME_ACTIONS: Text = Text::new("acties", "actions");
pub const NAME_CASE: Text = Text::new("casus", "case");
pub const NAME_MINUTES: Text = Text::new("verslag", "minutes");

/// Asked before a file that exists is replaced.
pub fn overwrite(file: &str, lang: Lang) -> String {
    match lang {
        Lang::Nl => format!("{file} bestaat al. Overschrijven? (j/n)"),
        Lang::En => format!("{file} exists already. Overwrite it? (y/n)"),
    }
}

/// Said on the status line once the file is written.
pub fn written(count: Option<usize>, file: &str, lang: Lang) -> String {
    match (lang, count) {
        (Lang::Nl, Some(1)) => format!("1 actie opgeslagen in {file}"),
        (Lang::Nl, Some(n)) => format!("{n} acties opgeslagen in {file}"),
        (Lang::Nl, None) => format!("Verslag opgeslagen in {file}"),
        (Lang::En, Some(1)) => format!("1 action saved in {file}"),
        (Lang::En, Some(n)) => format!("{n} actions saved in {file}"),
        (Lang::En, None) => format!("Minutes saved in {file}"),
    }
}

/// Nothing to export: no minutes yet on the agenda screen.
pub const NO_MINUTES: Text = Text::new(
    "Er is nog geen verslag: een overleg heeft nog niet plaatsgevonden.",
    "There are no minutes yet: no meeting has been held.",
);

/// Why the file could not be written; the file is left as it was (nothing half-written).
pub fn failed(kind: std::io::ErrorKind, file: &str, lang: Lang) -> String {
    use std::io::ErrorKind as K;
    let why = match kind {
        K::NotFound => Text::new("die map bestaat niet", "that folder does not exist"),
        K::PermissionDenied | K::ReadOnlyFilesystem => {
            Text::new("u mag daar niet schrijven", "you may not write there")
        }
        K::StorageFull => Text::new("de schijf is vol", "the disk is full"),
        K::IsADirectory => Text::new(
            "dat is een map, geen bestand",
            "that is a folder, not a file",
        ),
        K::InvalidInput | K::InvalidFilename => {
            Text::new("geef een bestandsnaam", "give a file name")
        }
        _ => Text::new("het schrijven lukte niet", "writing did not work"),
    };
    match lang {
        Lang::Nl => format!(
            "Niet opgeslagen in {file}: {}. Kies een andere plek.",
            why.get(lang)
        ),
        Lang::En => format!(
            "Not saved in {file}: {}. Choose another place.",
            why.get(lang)
        ),
    }
}
