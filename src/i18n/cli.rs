//! Messages of the command line: one calm line each.

use super::{Lang, Text};

mod store_error;
pub use store_error::{damage_text, store_error};

pub const DEMO_NOT_EMPTY: Text = Text::new(
    "De gegevensmap bevat al gegevens; demo-gegevens worden alleen in een lege map gezet. Kies een andere map met --data-dir.",
    "The data dir already holds data; demo data only goes into an empty one. Choose another with --data-dir.",
);
pub const IMPORT_NOT_EMPTY: Text = Text::new(
    "De gegevensmap bevat al gegevens. Gebruik --replace om ze te vervangen (maak eerst een export).",
    "The data dir already holds data. Use --replace to replace it (make an export first).",
);
pub const IMPORT_INTERRUPTED: Text = Text::new(
    "Een eerdere import is halverwege afgebroken; de gegevens zijn onvolledig. Importeer het bestand opnieuw met --replace.",
    "An earlier import was cut off halfway; the data is incomplete. Import the file again with --replace.",
);
pub const CHECK_OK: Text = Text::new(
    "In orde: geen problemen gevonden.",
    "OK: no problems found.",
);
pub const CHECK_BAD: Text = Text::new(
    "Problemen gevonden. Zet een back-up terug of neem contact op met de beheerder.",
    "Problems found. Restore a backup or contact your administrator.",
);

pub const RESTORE_HEALTHY: Text = Text::new(
    "De gegevens zijn in orde en bevatten casussen; er is niets teruggezet. Wilt u ze toch vervangen door een back-up, gebruik dan --replace.",
    "The data is healthy and holds cases; nothing was restored. To replace it with a backup anyway, use --replace.",
);
pub const JOURNAL_CANT_VOUCH: Text = Text::new(
    "Let op: het journaal (de tweede kopie van elke wijziging) ontbreekt, is beschadigd of onvolledig. De volgende wijziging maakt eerst een nieuwe back-up; maak er nu een met: tandem backup.",
    "Note: the journal (the second copy of every change) is missing, damaged or incomplete. The next change makes a new backup first; make one now with: tandem backup.",
);
/// `TANDEM_TODAY` set to something that is not a day (`value`: as it was set).
pub fn bad_today(value: &str, lang: Lang) -> String {
    match lang {
        Lang::Nl => format!(
            "TANDEM_TODAY is geen datum: \"{value}\". Schrijf JJJJ-MM-DD (bijvoorbeeld 2026-11-23), of laat het weg voor vandaag."
        ),
        Lang::En => format!(
            "TANDEM_TODAY is not a date: \"{value}\". Write YYYY-MM-DD (for example 2026-11-23), or leave it out for today."
        ),
    }
}

pub const NOTHING_CHANGED: Text = Text::new("Niets gewijzigd.", "Nothing was changed.");
pub const CONFIRM: Text = Text::new("Doorgaan? [j/N] ", "Go ahead? [y/N] ");

fn mb(bytes: u64) -> String {
    if bytes < 1_048_576 {
        return format!("{} KB", bytes.div_ceil(1024));
    }
    format!("{:.1} MB", bytes as f64 / 1_048_576.0)
}

/// "Back-up gemaakt: …" with the file and its size.
pub fn backup_made(path: &std::path::Path, size: u64, lang: Lang) -> String {
    match lang {
        Lang::Nl => format!("Back-up gemaakt: {} ({}).", path.display(), mb(size)),
        Lang::En => format!("Backup made: {} ({}).", path.display(), mb(size)),
    }
}

/// What a restore is about to do, before the confirmation. `state`: begin with the state of the
/// store now (left out where the damage was just said).
pub fn restore_plan(plan: &crate::store::restore::RestorePlan, state: bool, lang: Lang) -> String {
    use crate::store::restore::Current;
    let file = plan.backup.path.display();
    let now = match (&plan.current, lang) {
        (Current::Missing | Current::Empty, Lang::Nl) => "De gegevensmap is leeg.".to_string(),
        (Current::Missing | Current::Empty, Lang::En) => "The data dir is empty.".to_string(),
        (Current::Healthy, Lang::Nl) => {
            "De huidige gegevens worden vervangen (ze blijven bewaard in quarantine/).".to_string()
        }
        (Current::Healthy, Lang::En) => {
            "The current data will be replaced (it is kept in quarantine/).".to_string()
        }
        (Current::Damaged(d), Lang::Nl) => {
            format!(
                "De huidige gegevens zijn beschadigd ({}).",
                damage_text(d, lang)
            )
        }
        (Current::Damaged(d), Lang::En) => {
            format!("The current data is damaged ({}).", damage_text(d, lang))
        }
    };
    let now = if state {
        format!("{now} ")
    } else {
        String::new()
    };
    let lost = match (plan.not_covered, lang) {
        (0, _) => String::new(),
        (n, Lang::Nl) => format!(
            " Let op: {n} wijzigingen uit het journaal passen niet op deze back-up en komen niet terug (kies de nieuwste back-up)."
        ),
        (n, Lang::En) => format!(
            " Note: {n} changes in the journal do not fit this backup and will not come back (choose the newest backup)."
        ),
    };
    match lang {
        Lang::Nl => format!(
            "{now}Terugzetten: back-up {file} ({}) plus {} latere wijzigingen uit het journaal.{lost}",
            plan.backup.day.format("%d-%m-%Y"),
            plan.journal_changes
        ),
        Lang::En => format!(
            "{now}Restoring: backup {file} ({}) plus {} later changes from the journal.{lost}",
            plan.backup.day.format("%Y-%m-%d"),
            plan.journal_changes
        ),
    }
}

/// What a restore did.
pub fn restored(done: &crate::store::restore::Restored, lang: Lang) -> String {
    let moved = match (&done.moved_to, lang) {
        (Some(p), Lang::Nl) => format!(" De vorige bestanden staan in {}.", p.display()),
        (Some(p), Lang::En) => format!(" The previous files are in {}.", p.display()),
        (None, _) => String::new(),
    };
    match lang {
        Lang::Nl => format!(
            "Teruggezet: back-up {} plus {} wijzigingen uit het journaal.{moved}",
            done.backup.path.display(),
            done.journal_changes
        ),
        Lang::En => format!(
            "Restored: backup {} plus {} changes from the journal.{moved}",
            done.backup.path.display(),
            done.journal_changes
        ),
    }
}
