//! Words of encryption at rest (issue 12): the passphrase prompts on the terminal and in the
//! TUI, the lock screen, `tandem encrypt` and `tandem passphrase`, and the crypt errors.

use super::{Lang, Text};
use crate::store::crypt::CryptError;

pub const ASK: Text = Text::new("Wachtwoord: ", "Passphrase: ");
pub const ASK_NEW: Text = Text::new("Nieuw wachtwoord: ", "New passphrase: ");
pub const ASK_AGAIN: Text = Text::new("Nogmaals, ter controle: ", "Once more, to check: ");
pub const ASK_OLD: Text = Text::new("Huidig wachtwoord: ", "Current passphrase: ");
pub const WRONG: Text = Text::new(
    "Dat wachtwoord klopt niet. Er is niets gewijzigd.",
    "That passphrase is not right. Nothing was changed.",
);
pub const WRONG_TRY_AGAIN: Text = Text::new(
    "Dat wachtwoord klopt niet. Probeer het nog eens.",
    "That passphrase is not right. Please try again.",
);
pub const MISMATCH: Text = Text::new(
    "De twee wachtwoorden zijn niet gelijk. Er is niets gewijzigd.",
    "The two passphrases differ. Nothing was changed.",
);
pub const MISMATCH_TRY_AGAIN: Text = Text::new(
    "De twee wachtwoorden zijn niet gelijk. Probeer het nog eens.",
    "The two passphrases differ. Please try again.",
);
pub const TOO_SHORT: Text = Text::new(
    "Kies een wachtwoord van minstens 8 tekens. Er is niets gewijzigd.",
    "Choose a passphrase of at least 8 characters. Nothing was changed.",
);
pub const TOO_SHORT_TRY_AGAIN: Text = Text::new(
    "Kies een wachtwoord van minstens 8 tekens.",
    "Choose a passphrase of at least 8 characters.",
);
pub const NO_TTY: Text = Text::new(
    "De gegevens zijn versleuteld. Geef het wachtwoord op de terminal, of zet het in een bestand en noem dat in TANDEM_PASSPHRASE_FILE.",
    "The data is encrypted. Give the passphrase on the terminal, or put it in a file and name that in TANDEM_PASSPHRASE_FILE.",
);
pub const FILE_UNREADABLE: Text = Text::new(
    "Het bestand uit TANDEM_PASSPHRASE_FILE kon niet worden gelezen",
    "The file named in TANDEM_PASSPHRASE_FILE could not be read",
);
pub const ENCRYPT_WHAT: Text = Text::new(
    "De casusmap wordt versleuteld met een wachtwoord. Zonder dat wachtwoord zijn de gegevens niet meer te lezen, ook niet door de beheerder: schrijf het op een veilige plek op.",
    "The case book will be encrypted with a passphrase. Without it the data can no longer be read, not even by an administrator: keep it somewhere safe.",
);
pub const ENCRYPTED: Text = Text::new(
    "Versleuteld. Alle gegevens, het journaal, de back-ups en de bewaarde kopieën zijn alleen nog met het wachtwoord te lezen.",
    "Encrypted. All data, the journal, the backups and the kept copies can only be read with the passphrase now.",
);
pub const CHANGED: Text = Text::new(
    "Het wachtwoord is gewijzigd. Het oude werkt niet meer.",
    "The passphrase was changed. The old one no longer works.",
);
pub const LOCKED_TITLE: Text = Text::new("Vergrendeld", "Locked");
pub const UNLOCK_HINT: Text = Text::new(
    "Typ het wachtwoord en druk op Enter om verder te gaan.",
    "Type the passphrase and press Enter to go on.",
);
pub const OPEN_HINT: Text = Text::new(
    "De casusmap is versleuteld. Typ het wachtwoord en druk op Enter (Esc stopt).",
    "The case book is encrypted. Type the passphrase and press Enter (Esc quits).",
);
pub const OFFER_TITLE: Text = Text::new(
    "Beveiligen met een wachtwoord?",
    "Protect with a passphrase?",
);
pub const OFFER: Text = Text::new(
    "Deze casusmap is nog leeg. Wilt u hem versleutelen met een wachtwoord? Dan is er zonder het wachtwoord niets te lezen als de laptop kwijtraakt. Vergeet u het wachtwoord, dan zijn de gegevens weg. j = ja, n = nee (later kan het ook, met: tandem encrypt)",
    "This case book is still empty. Encrypt it with a passphrase? Then nothing can be read without it if the laptop gets lost. Forget the passphrase and the data is gone. y = yes, n = no (you can also do it later: tandem encrypt)",
);
pub const OFFER_KEY: Text = Text::new(
    "v = deze casusmap beveiligen met een wachtwoord (versleutelen)",
    "v = protect this case book with a passphrase (encryption)",
);
pub const CHECKING: Text = Text::new("Wachtwoord controleren…", "Checking the passphrase…");

/// A crypt error in a calm sentence.
pub fn error_text(e: &CryptError, lang: Lang) -> String {
    let t = match e {
        CryptError::NeedsPassphrase => NO_TTY,
        CryptError::WrongPassphrase => WRONG,
        CryptError::AlreadyEncrypted => Text::new(
            "De gegevens zijn al versleuteld. Een ander wachtwoord kiest u met: tandem passphrase",
            "The data is encrypted already. To choose another passphrase: tandem passphrase",
        ),
        CryptError::NotEncrypted => Text::new(
            "De gegevens zijn niet versleuteld; dat kan met: tandem encrypt",
            "The data is not encrypted; to encrypt it: tandem encrypt",
        ),
        CryptError::HeaderDamaged { .. } => Text::new(
            "Het bestand 'crypt' in de gegevensmap is beschadigd; zonder dat bestand zijn de gegevens niet te openen. Zet een kopie van de hele gegevensmap terug.",
            "The file 'crypt' in the data dir is damaged; without it the data can't be opened. Bring back a copy of the whole data dir.",
        ),
        CryptError::NoRandom => Text::new(
            "Het systeem gaf geen willekeurige getallen; er is niets gewijzigd.",
            "The system gave no random numbers; nothing was changed.",
        ),
    };
    t.get(lang).to_string()
}

/// The lock screen's line after a wrong try (`tries`: how many so far).
pub fn wrong_tries(tries: u32, lang: Lang) -> String {
    match lang {
        Lang::Nl => format!("Dat wachtwoord klopt niet ({tries}×). Probeer het nog eens."),
        Lang::En => format!("That passphrase is not right ({tries}×). Please try again."),
    }
}
