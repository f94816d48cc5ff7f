//! Store errors in words: one calm line each, built from the error's data.

use super::Lang;
use crate::store::{Damage, Invalid, StoreError, Unreadable};

/// One line for a store error: what happened, and what to do about it.
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
        (StoreError::Damaged(u), Lang::Nl) => format!(
            "De gegevens zijn beschadigd ({}). tandem bewaart een kopie in quarantine/. Zet alles terug met: tandem restore.",
            damage_text(&Damage::Unreadable(u.clone()), lang)
        ),
        (StoreError::Damaged(u), Lang::En) => format!(
            "The data is damaged ({}). tandem keeps a copy in quarantine/. Bring everything back with: tandem restore.",
            damage_text(&Damage::Unreadable(u.clone()), lang)
        ),
        (
            StoreError::DamagedKept {
                damage,
                kept,
                backup,
                journal_changes,
            },
            lang,
        ) => damaged_kept(
            &damage_text(damage, lang),
            kept.as_deref(),
            backup.as_deref(),
            *journal_changes,
            lang,
        ),
        (StoreError::NoStore(dir), Lang::Nl) => format!(
            "In {} staat geen tandem-opslag. Klopt de map? (tandem zonder opdracht, demo, import en restore maken er een.)",
            dir.display()
        ),
        (StoreError::NoStore(dir), Lang::En) => format!(
            "There is no tandem store in {}. Is that the right folder? (tandem without a command, demo, import and restore create one.)",
            dir.display()
        ),
        (StoreError::ReadOnly(dir), Lang::Nl) => format!(
            "Alleen-lezen: tandem kan niets opslaan in {}. Er is niets gewijzigd.",
            dir.display()
        ),
        (StoreError::ReadOnly(dir), Lang::En) => format!(
            "Read-only: tandem can't save in {}. Nothing was changed.",
            dir.display()
        ),
        (StoreError::DiskFull, Lang::Nl) => {
            "De schijf is vol: de wijziging is niet opgeslagen. Maak ruimte vrij en probeer het opnieuw.".into()
        }
        (StoreError::DiskFull, Lang::En) => {
            "The disk is full: the change was not saved. Free some space and try again.".into()
        }
        (StoreError::RestartAfterFullDisk, Lang::Nl) => {
            "De schijf was vol: wat al opgeslagen was, is veilig, maar deze wijziging niet. Maak ruimte vrij en start tandem opnieuw; daarna kunt u weer opslaan.".into()
        }
        (StoreError::RestartAfterFullDisk, Lang::En) => {
            "The disk was full: what was saved before is safe, this change is not. Free some space and restart tandem; then you can save again.".into()
        }
        (StoreError::NewerVersion { found, supported }, Lang::Nl) => format!(
            "Deze gegevens zijn geschreven door een nieuwere tandem (formaat {found}; deze versie leest tot {supported}). Werk tandem bij."
        ),
        (StoreError::NewerVersion { found, supported }, Lang::En) => format!(
            "This data was written by a newer tandem (format {found}; this version reads up to {supported}). Please upgrade tandem."
        ),
        (StoreError::NotFound { kind, id }, Lang::Nl) => format!("{} {id} bestaat niet.", kind_nl(kind)),
        (StoreError::NotFound { kind, id }, Lang::En) => format!("{kind} {id} does not exist."),
        (StoreError::Invalid(i), Lang::Nl) => format!("Ongeldig: {}.", invalid_text(i, lang)),
        (StoreError::Invalid(i), Lang::En) => format!("Invalid: {}.", invalid_text(i, lang)),
        (StoreError::NotEmpty, l) => super::IMPORT_NOT_EMPTY.get(l).to_string(),
        (StoreError::Io(f), Lang::Nl) => format!("De gegevensmap kon niet worden gelezen of geschreven: {f}"),
        (StoreError::Io(f), Lang::En) => format!("The data dir could not be read or written: {f}"),
        (StoreError::Crypt(c), l) => crate::i18n::crypt::error_text(c, l),
    }
}

/// The rule a change or a file broke, with the records it names (after "Ongeldig: ").
///
/// An import file's rules keep the file's own words in both languages: its record kinds and
/// field names are English JSON keys, and the message points at what the file says.
fn invalid_text(i: &Invalid, lang: Lang) -> String {
    use Invalid as I;
    let nl = lang == Lang::Nl;
    match i {
        I::ChildNotInFamily { child, family } if nl => {
            format!("kind {child} hoort niet bij gezin {family}")
        }
        I::CaseOnAgenda { case, meeting } if nl => {
            format!("casus {case} staat op de agenda van overleg {meeting}")
        }
        I::FamilyHasCases(family) if nl => format!("gezin {family} heeft nog casussen"),
        I::CaseHasActions(case) if nl => format!("casus {case} heeft nog acties"),
        I::ActionWithoutCase { action, case } if nl => {
            format!("actie {action}: casus {case} bestaat niet")
        }
        I::MeetingRunning if nl => "er loopt al een overleg".into(),
        I::ActionExists(action) if nl => format!("actie {action} bestaat al"),
        I::NoAgendaItem if nl => "er is geen agendapunt".into(),
        I::FileUnreadable { path, source } if nl => {
            format!("{} kon niet worden geopend: {source}", path.display())
        }
        I::NotABackup { path, source } if nl => {
            format!("{} is geen leesbare back-up: {source}", path.display())
        }
        I::NoBackup if nl => "er is nog geen back-up in deze gegevensmap".into(),
        // English is each rule's own text; the import rules and the demo tables read the same
        // in both languages.
        other => other.to_string(),
    }
}

/// What could not be read, after "een deel is onleesbaar: ". A checksum and a silent sled
/// panic have words of their own; anything else is the technical detail of the layer below
/// (the record and what bincode or sled said), which is what an administrator needs.
fn unreadable_text(u: &Unreadable, lang: Lang) -> String {
    match (u, lang) {
        (Unreadable::Checksum, Lang::Nl) => "het controlegetal klopt niet".into(),
        (Unreadable::Checksum, Lang::En) => "its checksum does not match".into(),
        (Unreadable::Sealed { .. }, Lang::Nl) => "een versleuteld deel klopt niet meer".into(),
        (Unreadable::Sealed { .. }, Lang::En) => "an encrypted part no longer checks out".into(),
        (Unreadable::SledPanic(line), Lang::Nl) if line.is_empty() => {
            "sled stopte bij een beschadigd bestand".into()
        }
        (other, _) => other.to_string(),
    }
}

/// What is wrong with a damaged store, in a few words.
pub fn damage_text(d: &Damage, lang: Lang) -> String {
    use Damage as D;
    match (d, lang) {
        (D::Unreadable(u), Lang::Nl) => {
            format!("een deel is onleesbaar: {}", unreadable_text(u, lang))
        }
        (D::Unreadable(u), Lang::En) => {
            format!("part of it can't be read: {}", unreadable_text(u, lang))
        }
        (D::Behind { held, confirmed }, Lang::Nl) => format!(
            "er ontbreken {} bevestigde wijzigingen",
            confirmed.saturating_sub(*held)
        ),
        (D::Behind { held, confirmed }, Lang::En) => format!(
            "{} confirmed changes are missing",
            confirmed.saturating_sub(*held)
        ),
        (D::Emptied { .. }, Lang::Nl) => "de opslag is leeg, maar er waren gegevens".into(),
        (D::Emptied { .. }, Lang::En) => "the store is empty, but it held data".into(),
        (D::DbMissing, Lang::Nl) => "het bestand db ontbreekt".into(),
        (D::DbMissing, Lang::En) => "the file db is missing".into(),
        (D::FoundBefore, Lang::Nl) => "eerder beschadigd gevonden en nog niet teruggezet".into(),
        (D::FoundBefore, Lang::En) => "found damaged before and not restored since".into(),
        (D::RestoreCut, Lang::Nl) => "een herstel is halverwege afgebroken".into(),
        (D::RestoreCut, Lang::En) => "a restore was cut off half way".into(),
        (D::CheckFailed(n), Lang::Nl) => format!("tandem check vond {n} problemen"),
        (D::CheckFailed(n), Lang::En) => format!("tandem check found {n} problems"),
    }
}

/// One calm sentence for a damaged store: what is wrong, that nothing was overwritten, where
/// the copy is, and the one command that brings every confirmed change back.
fn damaged_kept(
    what: &str,
    kept: Option<&std::path::Path>,
    backup: Option<&std::path::Path>,
    changes: u64,
    lang: Lang,
) -> String {
    let name = |p: &std::path::Path| {
        p.file_name().map_or_else(
            || p.display().to_string(),
            |n| n.to_string_lossy().into_owned(),
        )
    };
    let copy = match (kept, lang) {
        (Some(k), Lang::Nl) => format!(
            " tandem heeft niets overschreven en een kopie bewaard in {}.",
            k.display()
        ),
        (Some(k), Lang::En) => format!(
            " tandem overwrote nothing and kept a copy in {}.",
            k.display()
        ),
        (None, Lang::Nl) => " tandem heeft niets overschreven.".into(),
        (None, Lang::En) => " tandem overwrote nothing.".into(),
    };
    match (lang, backup) {
        (Lang::Nl, Some(b)) => format!(
            "De gegevens zijn beschadigd ({what}).{copy} Zet alles terug met: tandem restore (back-up {} plus {changes} latere wijzigingen uit het journaal).",
            name(b)
        ),
        (Lang::Nl, None) => format!(
            "De gegevens zijn beschadigd ({what}).{copy} Zet alles terug met: tandem restore ({changes} wijzigingen uit het journaal)."
        ),
        (Lang::En, Some(b)) => format!(
            "The data is damaged ({what}).{copy} Bring everything back with: tandem restore (backup {} plus {changes} later changes from the journal).",
            name(b)
        ),
        (Lang::En, None) => format!(
            "The data is damaged ({what}).{copy} Bring everything back with: tandem restore ({changes} changes from the journal)."
        ),
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::{CaseId, MeetingId};
    use crate::store::error::{Blank, IoFailure};
    use std::sync::Arc;

    fn both(e: StoreError) -> (String, String) {
        (store_error(&e, Lang::Nl), store_error(&e, Lang::En))
    }

    #[test]
    fn a_broken_rule_is_worded_in_each_language() {
        let (nl, en) = both(
            Invalid::CaseOnAgenda {
                case: CaseId(5),
                meeting: MeetingId(2),
            }
            .into(),
        );
        assert_eq!(nl, "Ongeldig: casus 5 staat op de agenda van overleg 2.");
        assert_eq!(en, "Invalid: case 5 is on the agenda of meeting 2.");
        let missing = Invalid::FileUnreadable {
            path: "backup.json.gz".into(),
            source: std::io::Error::from(std::io::ErrorKind::NotFound),
        };
        let (nl, en) = both(missing.into());
        assert!(
            nl.starts_with("Ongeldig: backup.json.gz kon niet worden geopend: "),
            "{nl}"
        );
        assert!(
            en.starts_with("Invalid: backup.json.gz could not be opened: "),
            "{en}"
        );
        let (nl, en) = both(Invalid::NoBackup.into());
        assert_eq!(nl, "Ongeldig: er is nog geen back-up in deze gegevensmap.");
        assert_eq!(en, "Invalid: there is no backup in this data dir yet.");
    }

    #[test]
    fn an_import_rule_names_the_place_in_the_files_own_words() {
        let (nl, en) = both(Blank::Question(CaseId(7)).into());
        assert_eq!(nl, "Ongeldig: case 7: question is empty.");
        assert_eq!(en, "Invalid: case 7: question is empty.");
    }

    #[test]
    fn damage_says_what_could_not_be_read() {
        let (nl, en) = both(Unreadable::Checksum.into());
        assert_eq!(
            nl,
            "De gegevens zijn beschadigd (een deel is onleesbaar: het controlegetal klopt niet). tandem bewaart een kopie in quarantine/. Zet alles terug met: tandem restore."
        );
        assert_eq!(
            en,
            "The data is damaged (part of it can't be read: its checksum does not match). tandem keeps a copy in quarantine/. Bring everything back with: tandem restore."
        );
        let source = bincode::error::DecodeError::LimitExceeded;
        let decode = Unreadable::Decode {
            what: "case",
            source: Arc::new(source),
        };
        let detail = decode.to_string();
        assert!(detail.starts_with("case: "), "{detail}");
        let (nl, en) = both(decode.into());
        assert!(
            nl.contains(&format!("(een deel is onleesbaar: {detail})")),
            "{nl}"
        );
        assert!(
            en.contains(&format!("(part of it can't be read: {detail})")),
            "{en}"
        );
        let (nl, en) = both(Unreadable::SledPanic(String::new()).into());
        assert!(
            nl.contains("sled stopte bij een beschadigd bestand"),
            "{nl}"
        );
        assert!(en.contains("sled stopped on a damaged file"), "{en}");
    }

    #[test]
    fn io_errors_keep_the_systems_words_or_get_their_own() {
        let missing = std::io::Error::from(std::io::ErrorKind::NotFound);
        let text = missing.to_string();
        let (nl, en) = both(StoreError::Io(IoFailure::System(missing)));
        assert_eq!(
            nl,
            format!("De gegevensmap kon niet worden gelezen of geschreven: {text}")
        );
        assert_eq!(
            en,
            format!("The data dir could not be read or written: {text}")
        );
        let full = StoreError::io(std::io::Error::from(std::io::ErrorKind::StorageFull));
        let (nl, en) = both(full);
        assert!(nl.starts_with("De schijf is vol"), "{nl}");
        assert!(en.starts_with("The disk is full"), "{en}");
    }
}
