//! What can go wrong with the store, in terms a person can act on. The wording shown to users
//! lives in the i18n catalog; these carry the facts.

use std::path::PathBuf;

#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    /// Another tandem has this data dir open (tandem's lock file, or sled's own lock).
    #[error("the store in {0} is already open in another tandem")]
    Locked(PathBuf),
    /// Bytes that cannot be read as a record, or a panic inside sled on a damaged file.
    #[error("the store is damaged: {0}")]
    Damaged(String),
    /// The store was found damaged (or holding less than was confirmed): why, where its
    /// original bytes are kept (none when nothing could be kept), and what a restore would use.
    #[error("the store is damaged ({damage:?}); a copy is kept in {kept:?}")]
    DamagedKept {
        damage: Damage,
        kept: Option<PathBuf>,
        /// The backup a restore starts from.
        backup: Option<PathBuf>,
        /// Confirmed changes in the journal after that backup.
        journal_changes: u64,
    },
    /// The data dir holds no store (a mistyped `--data-dir`): only the TUI, `demo`, `import`
    /// and `restore` create one.
    #[error("there is no store in {0}")]
    NoStore(PathBuf),
    /// The data dir can be read but not written (a read-only disk or folder).
    #[error("the data dir {0} is read-only")]
    ReadOnly(PathBuf),
    /// The disk is full: the change was not saved.
    #[error("the disk is full")]
    DiskFull,
    /// A record or the schema written by a newer tandem.
    #[error("the store was written by a newer tandem (format {found}, this one reads up to {supported})")]
    NewerVersion { found: u32, supported: u32 },
    #[error("{kind} {id} does not exist")]
    NotFound { kind: &'static str, id: u64 },
    /// A change that breaks a rule (e.g. an action for a case that does not exist).
    #[error("{0}")]
    Invalid(String),
    #[error("the store is not empty")]
    NotEmpty,
    #[error("i/o error: {0}")]
    Io(String),
}

/// The detail of [`StoreError::Damaged`] when sled finds bytes that fail their checksum; the
/// catalog words it in the user's language.
pub const CHECKSUM: &str = "sled: checksum";

/// Why a store counts as damaged; the i18n catalog words each one.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Damage {
    /// sled could not read its files (a checksum, a panic inside sled, a record that doesn't
    /// decode); the technical detail.
    Unreadable(String),
    /// sled holds changes up to `held`; the journal confirmed up to `confirmed`.
    Behind { held: u64, confirmed: u64 },
    /// sled is empty, while the journal confirmed changes or backups exist.
    Emptied { confirmed: u64, backups: usize },
    /// The `db` file is gone while the journal or backups are there.
    DbMissing,
    /// An earlier run found this store damaged, and it was not restored since.
    FoundBefore,
    /// A restore was cut off half way.
    RestoreCut,
    /// `tandem check` found this many problems.
    CheckFailed(usize),
}

impl Damage {
    /// The damage an error stands for (`Unreadable` with the error's text for a plain one).
    pub fn of(e: &StoreError) -> Damage {
        match e {
            StoreError::DamagedKept { damage, .. } => damage.clone(),
            StoreError::Damaged(d) => Damage::Unreadable(d.clone()),
            other => Damage::Unreadable(other.to_string()),
        }
    }

    /// The error for this damage, before anything is kept or named.
    pub fn error(self) -> StoreError {
        StoreError::DamagedKept {
            damage: self,
            kept: None,
            backup: None,
            journal_changes: 0,
        }
    }
}

impl StoreError {
    /// An I/O error in the words a person can act on: a full disk and a read-only one get
    /// their own kinds; the rest keeps the system's text.
    pub fn io(e: std::io::Error) -> StoreError {
        use std::io::ErrorKind as K;
        match e.kind() {
            K::StorageFull | K::QuotaExceeded | K::FileTooLarge => StoreError::DiskFull,
            K::ReadOnlyFilesystem | K::PermissionDenied => StoreError::ReadOnly(PathBuf::new()),
            _ => StoreError::Io(e.to_string()),
        }
    }

    /// True for the kinds that mean the store's contents can't be trusted.
    pub fn is_damage(&self) -> bool {
        matches!(
            self,
            StoreError::Damaged(_) | StoreError::DamagedKept { .. }
        )
    }
}

impl From<sled::Error> for StoreError {
    fn from(e: sled::Error) -> Self {
        match e {
            sled::Error::Corruption { .. } => StoreError::Damaged(CHECKSUM.into()),
            sled::Error::Io(io) => StoreError::io(io),
            other => StoreError::Io(other.to_string()),
        }
    }
}
