//! What can go wrong with the store, in terms a person can act on. The wording shown to users
//! lives in the i18n catalog; these carry the facts.

use std::path::PathBuf;

#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    /// Another tandem has this data dir open (sled's file lock).
    #[error("the store in {0} is already open in another tandem")]
    Locked(PathBuf),
    /// Bytes that cannot be read as a record, or a panic inside sled on a damaged file.
    #[error("the store is damaged: {0}")]
    Damaged(String),
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

impl From<sled::Error> for StoreError {
    fn from(e: sled::Error) -> Self {
        match e {
            sled::Error::Corruption { .. } => StoreError::Damaged(e.to_string()),
            sled::Error::Io(io) => StoreError::Io(io.to_string()),
            other => StoreError::Io(other.to_string()),
        }
    }
}
