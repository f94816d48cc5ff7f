//! Messages of the command line: one calm line each.

use super::{Lang, Text};
use crate::store::StoreError;

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

pub fn store_error(e: &StoreError, lang: Lang) -> String {
    match (e, lang) {
        (StoreError::Locked(dir), Lang::Nl) => format!(
            "tandem is al geopend op {} (in een ander venster of door een andere gebruiker). Sluit die eerst.",
            dir.display()
        ),
        (StoreError::Locked(dir), Lang::En) => format!(
            "tandem is already open on {} (in another window or by another user). Close that one first.",
            dir.display()
        ),
        (StoreError::Damaged(d), Lang::Nl) => format!(
            "De gegevens zijn beschadigd of onleesbaar ({d}). tandem heeft er niets in geschreven. Zet een back-up terug."
        ),
        (StoreError::Damaged(d), Lang::En) => format!(
            "The data is damaged or unreadable ({d}). tandem wrote nothing to it. Restore a backup."
        ),
        (StoreError::NewerVersion { found, supported }, Lang::Nl) => format!(
            "Deze gegevens zijn geschreven door een nieuwere tandem (formaat {found}; deze versie leest tot {supported}). Werk tandem bij."
        ),
        (StoreError::NewerVersion { found, supported }, Lang::En) => format!(
            "This data was written by a newer tandem (format {found}; this version reads up to {supported}). Please upgrade tandem."
        ),
        (StoreError::NotFound { kind, id }, Lang::Nl) => format!("{} {id} bestaat niet.", kind_nl(kind)),
        (StoreError::NotFound { kind, id }, Lang::En) => format!("{kind} {id} does not exist."),
        (StoreError::Invalid(m), Lang::Nl) => format!("Ongeldig: {m}."),
        (StoreError::Invalid(m), Lang::En) => format!("Invalid: {m}."),
        (StoreError::NotEmpty, l) => IMPORT_NOT_EMPTY.get(l).to_string(),
        (StoreError::Io(m), Lang::Nl) => format!("De gegevensmap kon niet worden gelezen of geschreven: {m}"),
        (StoreError::Io(m), Lang::En) => format!("The data dir could not be read or written: {m}"),
    }
}

fn kind_nl(kind: &str) -> &'static str {
    match kind {
        "family" => "Gezin",
        "case" => "Casus",
        "person" => "Persoon",
        "action" => "Actie",
        "meeting" => "Overleg",
        _ => "Record",
    }
}
