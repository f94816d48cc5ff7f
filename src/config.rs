//! Settings of this laptop's user, in `config.toml` in the config dir: who "me" is (for "Mijn
//! acties"), and the meeting's defaults. A missing file is the defaults; a broken one is reported
//! and the defaults are used, never overwritten unasked.

use serde::{Deserialize, Serialize};
use std::path::{Path, PathBuf};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Config {
    /// The person on the sociale kaart this user is (id), for "Mijn acties".
    pub me: Option<u64>,
    /// tandem starts in privacy mode (as `--privacy` does).
    pub privacy: bool,
    /// The meeting starts in privacy mode.
    pub meeting_privacy: bool,
    /// Minutes without a key after which the screen blanks by itself (as `b` does); 0: never.
    pub blank_after_minutes: u32,
    /// Minutes without a key after which an encrypted store's screen locks by itself (as
    /// `Ctrl-L` does; the passphrase unlocks it); 0: never (issue 12).
    pub lock_after_minutes: u32,
    /// A case not discussed for this many weeks comes back on the agenda.
    pub not_discussed_weeks: u32,
    /// Default timebox per agenda item, in minutes.
    pub timebox_minutes: u32,
    /// How many daily backups to keep in the data dir's `backups/`.
    pub backups_keep: usize,
    /// Months a closed case is kept after its closing (`tandem retention`); the school's
    /// privacy officer decides. Default 24 (two years).
    pub retention_months: u32,
}

impl Default for Config {
    fn default() -> Self {
        Config {
            me: None,
            privacy: false,
            meeting_privacy: true,
            blank_after_minutes: 5,
            lock_after_minutes: 15,
            not_discussed_weeks: 4,
            timebox_minutes: 10,
            backups_keep: crate::store::backup::DEFAULT_KEEP,
            retention_months: crate::store::retention::DEFAULT_MONTHS,
        }
    }
}

/// The config dir, where `config.toml` and the user's own themes (`themes/NAME.toml`) live.
pub fn config_dir() -> Option<PathBuf> {
    directories::ProjectDirs::from("nl", "tandem", "tandem").map(|d| d.config_dir().to_path_buf())
}

pub fn path(dir: &Path) -> PathBuf {
    dir.join("config.toml")
}

impl Config {
    /// Reads the config; on a problem, the defaults and a message.
    pub fn load(dir: Option<&Path>) -> (Config, Option<String>) {
        let Some(dir) = dir else {
            return (Config::default(), None);
        };
        let file = path(dir);
        match std::fs::read_to_string(&file) {
            Ok(src) => match toml::from_str::<Config>(&src) {
                Ok(c) => (c, None),
                Err(e) => (
                    Config::default(),
                    Some(format!("{}: {}", file.display(), e.message())),
                ),
            },
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => (Config::default(), None),
            Err(e) => (Config::default(), Some(format!("{}: {e}", file.display()))),
        }
    }

    /// Writes the config beside its place and renames it over, so a crash never leaves half a file.
    /// The agenda proposal's rules for a meeting on `today`, from these settings.
    pub fn agenda_rules(&self, today: chrono::NaiveDate) -> crate::domain::agenda::AgendaRules {
        crate::domain::agenda::AgendaRules::weekly(
            today,
            self.not_discussed_weeks,
            self.timebox_minutes,
        )
    }

    pub fn save(&self, dir: &Path) -> std::io::Result<()> {
        std::fs::create_dir_all(dir)?;
        let text = toml::to_string_pretty(self).map_err(std::io::Error::other)?;
        let tmp = dir.join("config.toml.part");
        std::fs::write(&tmp, text)?;
        std::fs::rename(&tmp, path(dir))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn missing_broken_and_saved() -> std::io::Result<()> {
        let dir = tempfile::tempdir()?;
        assert_eq!(Config::load(Some(dir.path())), (Config::default(), None));
        std::fs::write(path(dir.path()), "me = 'niet een getal'")?;
        let (c, msg) = Config::load(Some(dir.path()));
        assert_eq!(c, Config::default());
        assert!(msg.is_some());
        let mine = Config {
            me: Some(7),
            ..Config::default()
        };
        mine.save(dir.path())?;
        assert_eq!(Config::load(Some(dir.path())), (mine, None));
        Ok(())
    }
}
