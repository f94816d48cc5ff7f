//! What can go wrong with the store, in terms a person can act on. The wording shown to users
//! lives in the i18n catalog (`i18n::cli::store_error`); these carry the facts as data: the ids,
//! the place, and the error of the layer below as a `#[source]`.
//!
//! The `Display` texts are for logs, notes and test failures; tandem never prints a chain of
//! causes to a person, the catalog words each case once.

use std::path::PathBuf;
use std::sync::Arc;

mod invalid;
pub use invalid::{Blank, DemoGap, ImportRule, Invalid, ItemList, RecordRef};

#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    /// Another tandem has this data dir open (tandem's lock file, or sled's own lock).
    #[error("the store in {0} is already open in another tandem")]
    Locked(PathBuf),
    /// Bytes that cannot be read as a record, or a panic inside sled on a damaged file.
    #[error("the store is damaged: {0}")]
    Damaged(#[from] Unreadable),
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
    /// sled hit a full disk while flushing and refuses every later flush of this session; every
    /// confirmed change is in the journal, and the next start writes it back.
    #[error("the disk was full; tandem must be restarted before it can save again")]
    RestartAfterFullDisk,
    /// A record or the schema written by a newer tandem.
    #[error("the store was written by a newer tandem (format {found}, this one reads up to {supported})")]
    NewerVersion { found: u32, supported: u32 },
    #[error("{kind} {id} does not exist")]
    NotFound { kind: &'static str, id: u64 },
    /// A change or a file that breaks a rule (e.g. an action for a case that does not exist).
    #[error(transparent)]
    Invalid(#[from] Invalid),
    #[error("the store is not empty")]
    NotEmpty,
    /// Reading or writing failed for a reason other than a full or read-only disk.
    #[error("i/o error: {0}")]
    Io(#[from] IoFailure),
    /// A passphrase is needed, wrong, or asked of a store without encryption (issue 12).
    #[error(transparent)]
    Crypt(#[from] super::crypt::CryptError),
}

/// Why reading or writing the data dir failed, when it is not a full or a read-only disk
/// (those have their own [`StoreError`] kinds, see [`StoreError::io`]).
#[derive(Debug, thiserror::Error)]
pub enum IoFailure {
    /// The operating system refused a read or a write; its own error, with its own text.
    #[error(transparent)]
    System(std::io::Error),
    /// sled failed in a way that is neither I/O nor damage (an unsupported call, or a bug it
    /// reports about itself).
    #[error(transparent)]
    Sled(sled::Error),
    /// JSON that tandem writes beside the store (the seal, a backup) could not be written.
    #[error(transparent)]
    Json(serde_json::Error),
    /// A helper thread that read a file stopped half way (it panicked).
    #[error("a thread reading the files stopped")]
    ThreadStopped,
    /// Every name for a new `quarantine/` folder in this second is taken (1000 are tried).
    #[error("quarantine: no free name")]
    NoQuarantineName,
}

/// What could not be read, and where: the cause of [`StoreError::Damaged`] and of
/// [`Damage::Unreadable`]. `what` names a record's kind as [`StoreError::NotFound`] does
/// (`"case"`, `"action row"`, `"journal entry"`).
#[derive(Debug, Clone, thiserror::Error)]
pub enum Unreadable {
    /// sled found bytes that fail their checksum.
    #[error("sled: checksum")]
    Checksum,
    /// sled panicked on a damaged file: the first line of its message, at most 120 characters
    /// and an ellipsis (empty when the panic said nothing).
    #[error("{}", sled_panic_text(.0))]
    SledPanic(String),
    /// A sealed value or file that fails its seal: changed on disk, or cut short.
    #[error("{what}: fails its seal")]
    Sealed { what: &'static str },
    /// A record of no bytes at all: not even the format byte of its envelope.
    #[error("empty {what} record")]
    EmptyRecord { what: &'static str },
    /// A record whose body does not decode.
    #[error("{what}: {source}")]
    Decode {
        what: &'static str,
        #[source]
        source: Arc<bincode::error::DecodeError>,
    },
    /// A record with bytes left over after its value.
    #[error("{what}: trailing bytes")]
    TrailingBytes { what: &'static str },
    /// A record whose envelope says format 0, which no tandem writes.
    #[error("{what}: format byte 0")]
    FormatZero { what: &'static str },
    /// A value bincode could not encode (it refuses only kinds of values tandem has none of).
    #[error("encoding failed: {source}")]
    Encode {
        #[source]
        source: Arc<bincode::error::EncodeError>,
    },
    /// The schema version in the meta tree is not 4 bytes long (`len`: its length).
    #[error("schema_version of {len} bytes")]
    SchemaVersionLength { len: usize },
    /// The schema version is 0, which no tandem writes.
    #[error("schema_version 0")]
    SchemaVersionZero,
    /// The store holds records but no schema version.
    #[error("records without a schema version")]
    NoSchemaVersion,
    /// An id counter in the meta tree (`name`: `case`, `action`, …) that is not an id.
    #[error("counter {name}")]
    Counter { name: &'static str },
    /// The journal number sled holds in its meta tree is not a number.
    #[error("journal seq")]
    JournalSeq,
    /// An index key in `tree` that is not two ids.
    #[error("index key in {tree}")]
    IndexKey { tree: &'static str },
    /// A pack of values in `tree` (schema 3, `store/packed.rs`) that does not parse: cut
    /// short, or entries out of order.
    #[error("pack in {tree}")]
    Pack { tree: &'static str },
    /// An action's facts (schema 4, `store/facts.rs`) that are not the fixed bytes a fact is.
    #[error("facts of action {action}")]
    Fact { action: u64 },
    /// An open-due counter (schema 5, `store/due_counts.rs`) that is not the fixed bytes one is.
    #[error("open-due counter {key}")]
    DueCount { key: String },
    /// A case's timeline holds an event that names another case (or none).
    #[error("timeline of case {case} holds another case's event")]
    GroupMismatch { case: u64 },
    /// One of the threads decoding a long list of `what` records stopped (it panicked).
    #[error("{what}s: a decoding thread stopped")]
    DecodeStopped { what: &'static str },
    /// The journal file is shorter than its header.
    #[error("journal header is cut off")]
    JournalHeaderCut,
    /// The journal's header has the wrong magic bytes or fails its checksum.
    #[error("journal header")]
    JournalHeader,
    /// Journal entry `seq` writes to tree number `tree`, which does not exist.
    #[error("journal entry {seq}: tree {tree}")]
    JournalTree { seq: u64, tree: u8 },
}

fn sled_panic_text(first_line: &str) -> String {
    if first_line.is_empty() {
        "sled stopped on a damaged file".into()
    } else {
        format!("sled: {first_line}")
    }
}

/// Equal when they say the same: bincode's errors have no equality of their own, so their text
/// stands in for them (it names the field and the bytes).
impl PartialEq for Unreadable {
    fn eq(&self, other: &Unreadable) -> bool {
        std::mem::discriminant(self) == std::mem::discriminant(other)
            && self.to_string() == other.to_string()
    }
}

impl Eq for Unreadable {}

/// Why a store counts as damaged; the i18n catalog words each one.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Damage {
    /// sled could not read its files (a checksum, a panic inside sled, a record that doesn't
    /// decode), and where.
    Unreadable(Unreadable),
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
    /// The damage an error stands for; `None` for an error that is not damage (see
    /// [`StoreError::is_damage`]).
    pub fn of(e: &StoreError) -> Option<Damage> {
        match e {
            StoreError::DamagedKept { damage, .. } => Some(damage.clone()),
            StoreError::Damaged(u) => Some(Damage::Unreadable(u.clone())),
            _ => None,
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
    /// their own kinds; the rest keeps the system's error as [`IoFailure::System`].
    pub fn io(e: std::io::Error) -> StoreError {
        use std::io::ErrorKind as K;
        match e.kind() {
            K::StorageFull | K::QuotaExceeded | K::FileTooLarge => StoreError::DiskFull,
            K::ReadOnlyFilesystem | K::PermissionDenied => StoreError::ReadOnly(PathBuf::new()),
            _ => StoreError::Io(IoFailure::System(e)),
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
            sled::Error::Corruption { .. } => StoreError::Damaged(Unreadable::Checksum),
            // sled never recovers from an I/O error in the same session (0.34.7 latches it):
            // a full disk seen through sled asks for a restart, not for another try.
            sled::Error::Io(io) => match StoreError::io(io) {
                StoreError::DiskFull => StoreError::RestartAfterFullDisk,
                other => other,
            },
            other => StoreError::Io(IoFailure::Sled(other)),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::{Error, ErrorKind};

    #[test]
    fn a_full_disk_seen_through_sled_asks_for_a_restart() {
        let sled = sled::Error::Io(Error::from(ErrorKind::StorageFull));
        assert!(matches!(
            StoreError::from(sled),
            StoreError::RestartAfterFullDisk
        ));
        let own = StoreError::io(Error::from(ErrorKind::StorageFull));
        assert!(
            matches!(own, StoreError::DiskFull),
            "the journal's own write: try again"
        );
    }

    #[test]
    fn a_full_or_read_only_disk_gets_its_own_kind() {
        for kind in [ErrorKind::StorageFull, ErrorKind::QuotaExceeded] {
            assert!(matches!(
                StoreError::io(Error::from(kind)),
                StoreError::DiskFull
            ));
        }
        for kind in [ErrorKind::ReadOnlyFilesystem, ErrorKind::PermissionDenied] {
            assert!(matches!(
                StoreError::io(Error::from(kind)),
                StoreError::ReadOnly(_)
            ));
        }
        let other = StoreError::io(Error::from(ErrorKind::NotFound));
        assert!(matches!(
            &other,
            StoreError::Io(IoFailure::System(e)) if e.kind() == ErrorKind::NotFound
        ));
        // The system's error stays reachable as the cause.
        let source = std::error::Error::source(&other).map(ToString::to_string);
        assert_eq!(source, Some(Error::from(ErrorKind::NotFound).to_string()));
    }

    #[test]
    fn sled_checksum_is_damage_and_says_where_it_came_from() {
        let e = StoreError::from(sled::Error::Corruption { at: None, bt: () });
        assert!(e.is_damage());
        assert_eq!(
            Damage::of(&e),
            Some(Damage::Unreadable(Unreadable::Checksum))
        );
        assert_eq!(Damage::of(&StoreError::DiskFull), None);
    }

    #[test]
    fn unreadable_compares_by_what_it_says() {
        let a = Unreadable::SledPanic("tree traversal".into());
        assert_eq!(a, a.clone());
        assert_ne!(a, Unreadable::SledPanic(String::new()));
        assert_eq!(a.to_string(), "sled: tree traversal");
        assert_eq!(
            Unreadable::SledPanic(String::new()).to_string(),
            "sled stopped on a damaged file"
        );
    }
}
