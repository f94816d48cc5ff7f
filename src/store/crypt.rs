//! Encryption at rest (issue 12, part 1). A store protected with a passphrase holds, in the file
//! `crypt` beside sled's, only what is needed to check a passphrase and find the data key:
//!
//! | bytes | what |
//! |-------|------|
//! | 4     | `TCRY` |
//! | 1     | version (1) |
//! | 12    | Argon2id memory (KiB), passes, lanes: u32 LE each |
//! | 16    | salt, random |
//! | 24    | nonce, random |
//! | 48    | the data key (32 bytes) sealed with XChaCha20-Poly1305 under the passphrase's key, the 57 bytes above as associated data |
//!
//! The data key is random and never changes: every value in sled is sealed under it
//! ([`value`]), and so are backups and quarantine copies ([`stream`]). A new passphrase only
//! seals the data key again, so `tandem passphrase` rewrites 105 bytes, not the store. A wrong
//! passphrase fails the seal's tag: that is the key check, and nothing else is read or written.
//! Keys live in memory that is wiped when dropped (`zeroize`).

use super::{files, Result, StoreError};
use argon2::{Algorithm, Argon2, Params, Version};
use chacha20poly1305::aead::rand_core::{OsRng, RngCore};
use chacha20poly1305::aead::{Aead, KeyInit, Payload};
use chacha20poly1305::{Key, XChaCha20Poly1305, XNonce};
use std::path::Path;
use std::sync::Arc;
use zeroize::Zeroizing;

pub(super) mod encrypt;
mod leftovers;
pub mod stream;
pub mod value;
pub use encrypt::PENDING;
pub use leftovers::seal_leftovers;

/// A new passphrase shorter than this is refused (a guess at 7 characters is cheap even
/// through Argon2).
pub const MIN_CHARS: usize = 8;

/// The file beside sled's that marks an encrypted store.
pub const FILE: &str = "crypt";
const MAGIC: &[u8; 4] = b"TCRY";
const VERSION: u8 = 1;
const CLEAR_LEN: usize = 4 + 1 + 12 + 16;
const NONCE_LEN: usize = 24;
const WRAPPED_LEN: usize = 32 + 16;
const HEADER_LEN: usize = CLEAR_LEN + NONCE_LEN + WRAPPED_LEN;

/// Argon2id cost for a new passphrase: OWASP's password storage cheat sheet lists 46 MiB, one
/// pass, one lane as one of its equivalent minimums (about a quarter second here, and the
/// memory is given back at once). The cost is stored in the header, so it can be raised later.
const MEMORY_KIB: u32 = 46 * 1024;
const PASSES: u32 = 1;
const LANES: u32 = 1;

/// What goes wrong with a passphrase or a sealed value, beside the store's own errors.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum CryptError {
    /// The store is encrypted and no passphrase was given.
    #[error("the store is encrypted: a passphrase is needed")]
    NeedsPassphrase,
    /// The passphrase does not open the data key.
    #[error("wrong passphrase")]
    WrongPassphrase,
    /// `tandem encrypt` on a store that is encrypted already.
    #[error("the store is encrypted already")]
    AlreadyEncrypted,
    /// `tandem passphrase` on a store without encryption.
    #[error("the store is not encrypted")]
    NotEncrypted,
    /// The `crypt` file is not one tandem wrote (`why`: what is wrong with it).
    #[error("the crypt file is damaged: {why}")]
    HeaderDamaged { why: &'static str },
    /// The system's random source failed.
    #[error("no random bytes from the system")]
    NoRandom,
}

/// The data key: every value, backup and quarantine copy of an encrypted store is sealed with
/// it. Cheap to clone (shared); the cipher wipes its key when the last clone is dropped.
#[derive(Clone)]
pub struct DataKey {
    cipher: Arc<XChaCha20Poly1305>,
    /// Kept to seal it under a new passphrase.
    raw: Arc<Zeroizing<[u8; 32]>>,
}

impl std::fmt::Debug for DataKey {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("DataKey(..)")
    }
}

impl DataKey {
    fn from_bytes(bytes: &[u8; 32]) -> DataKey {
        DataKey {
            cipher: Arc::new(XChaCha20Poly1305::new(Key::from_slice(bytes))),
            raw: Arc::new(Zeroizing::new(*bytes)),
        }
    }

    pub(crate) fn cipher(&self) -> &XChaCha20Poly1305 {
        &self.cipher
    }
}

/// A passphrase as typed, wiped from memory when dropped.
pub type Passphrase = Zeroizing<String>;

/// An empty passphrase with room for any that is typed: a `String` that grows moves its bytes
/// and leaves the old copy unwiped in freed memory.
pub fn typing() -> Passphrase {
    Zeroizing::new(String::with_capacity(1024))
}

/// True when the store in `dir` is encrypted: its `crypt` file is there, or waits in a swap
/// that the next open finishes (`tandem encrypt` cut off half way through it).
pub fn is_encrypted(dir: &Path) -> bool {
    header_path(dir).is_some()
}

/// Where the `crypt` file is: in `dir`, or still in the swap's new files.
fn header_path(dir: &Path) -> Option<std::path::PathBuf> {
    let here = dir.join(FILE);
    if here.exists() {
        return Some(here);
    }
    let waiting = dir.join(super::compact::NEW).join(FILE);
    (dir.join(super::compact::MARK).exists() && waiting.exists()).then_some(waiting)
}

/// Random bytes from the operating system.
///
/// Errors: [`CryptError::NoRandom`].
pub(crate) fn random<const N: usize>() -> Result<[u8; N]> {
    let mut out = [0u8; N];
    OsRng
        .try_fill_bytes(&mut out)
        .map_err(|_| CryptError::NoRandom)?;
    Ok(out)
}

/// The passphrase's key for `salt` at the given cost.
fn derive(pass: &str, salt: &[u8], cost: [u32; 3]) -> Result<Zeroizing<[u8; 32]>> {
    let bad = |_| CryptError::HeaderDamaged { why: "argon2 cost" };
    let params = Params::new(cost[0], cost[1], cost[2], Some(32)).map_err(bad)?;
    let mut out = Zeroizing::new([0u8; 32]);
    Argon2::new(Algorithm::Argon2id, Version::V0x13, params)
        .hash_password_into(pass.as_bytes(), salt, out.as_mut())
        .map_err(bad)?;
    Ok(out)
}

/// The header sealing `data` under `pass`, with a fresh salt and nonce.
fn header(pass: &str, data: &[u8; 32]) -> Result<Vec<u8>> {
    let salt: [u8; 16] = random()?;
    let nonce: [u8; NONCE_LEN] = random()?;
    let mut h = Vec::with_capacity(HEADER_LEN);
    h.extend_from_slice(MAGIC);
    h.push(VERSION);
    for n in [MEMORY_KIB, PASSES, LANES] {
        h.extend_from_slice(&n.to_le_bytes());
    }
    h.extend_from_slice(&salt);
    let wrap = derive(pass, &salt, [MEMORY_KIB, PASSES, LANES])?;
    let cipher = XChaCha20Poly1305::new(Key::from_slice(wrap.as_ref()));
    let payload = Payload {
        msg: data,
        aad: &h[..CLEAR_LEN],
    };
    let sealed = cipher
        .encrypt(XNonce::from_slice(&nonce), payload)
        .map_err(|_| CryptError::HeaderDamaged { why: "seal" })?;
    h.extend_from_slice(&nonce);
    h.extend_from_slice(&sealed);
    Ok(h)
}

/// Opens the data key in header bytes `h` with `pass`.
///
/// Errors: [`CryptError::WrongPassphrase`]; [`CryptError::HeaderDamaged`].
fn open_header(h: &[u8], pass: &str) -> Result<Zeroizing<[u8; 32]>> {
    if h.len() != HEADER_LEN || &h[..4] != MAGIC {
        return Err(CryptError::HeaderDamaged {
            why: "not a tandem crypt file",
        }
        .into());
    }
    if h[4] != VERSION {
        return Err(StoreError::NewerVersion {
            found: u32::from(h[4]),
            supported: u32::from(VERSION),
        });
    }
    let num = |at: usize| u32::from_le_bytes([h[at], h[at + 1], h[at + 2], h[at + 3]]);
    let cost = [num(5), num(9), num(13)];
    let wrap = derive(pass, &h[17..CLEAR_LEN], cost)?;
    let cipher = XChaCha20Poly1305::new(Key::from_slice(wrap.as_ref()));
    let nonce = XNonce::from_slice(&h[CLEAR_LEN..CLEAR_LEN + NONCE_LEN]);
    let payload = Payload {
        msg: &h[CLEAR_LEN + NONCE_LEN..],
        aad: &h[..CLEAR_LEN],
    };
    let plain = Zeroizing::new(
        cipher
            .decrypt(nonce, payload)
            .map_err(|_| CryptError::WrongPassphrase)?,
    );
    let mut key = Zeroizing::new([0u8; 32]);
    key.copy_from_slice(&plain);
    Ok(key)
}

/// The data key of the encrypted store in `dir`, opened with `pass`. Reads the `crypt` file
/// only: a wrong passphrase changes nothing on disk.
///
/// Errors: [`CryptError::NotEncrypted`], [`CryptError::WrongPassphrase`],
/// [`CryptError::HeaderDamaged`], I/O.
pub fn unlock(dir: &Path, pass: &str) -> Result<DataKey> {
    let path = header_path(dir).ok_or(CryptError::NotEncrypted)?;
    let h = std::fs::read(path).map_err(StoreError::io)?;
    let key = open_header(&h, pass)?;
    Ok(DataKey::from_bytes(&key))
}

/// A new random data key and the header that seals it under `pass`, to be written as the
/// `crypt` file (by [`write_header`], or with the store's swap by `tandem encrypt`).
///
/// Errors: [`CryptError::NoRandom`].
pub fn new_key(pass: &str) -> Result<(DataKey, Vec<u8>)> {
    let data = Zeroizing::new(random::<32>()?);
    let h = header(pass, &data)?;
    Ok((DataKey::from_bytes(&data), h))
}

/// Writes header bytes as `dir`'s `crypt` file, atomically (beside it, then renamed over).
///
/// Errors: I/O.
pub fn write_header(dir: &Path, h: &[u8]) -> Result<()> {
    let tmp = dir.join(format!("{FILE}.part"));
    files::write_synced(&tmp, h)?;
    std::fs::rename(&tmp, dir.join(FILE)).map_err(StoreError::io)?;
    files::sync_dir(dir)
}

/// Seals `key` (opened from `dir`'s `crypt` file) under a new passphrase: only that file
/// changes, in one rename.
///
/// Errors: [`CryptError::NoRandom`]; I/O.
pub fn rewrap(dir: &Path, key: &DataKey, new: &str) -> Result<()> {
    write_header(dir, &header(new, &key.raw)?)
}

/// Seals the data key of `dir` under a new passphrase: only the `crypt` file changes, in one
/// rename, so a crash leaves the old passphrase or the new one working.
///
/// Errors: as [`unlock`] for `old`; I/O.
pub fn change_passphrase(dir: &Path, old: &str, new: &str) -> Result<()> {
    let path = dir.join(FILE);
    if !path.exists() {
        return Err(CryptError::NotEncrypted.into());
    }
    let h = std::fs::read(path).map_err(StoreError::io)?;
    let data = open_header(&h, old)?;
    write_header(dir, &header(new, &data)?)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_header_opens_with_its_passphrase_only() -> Result<()> {
        let dir = tempfile::tempdir().map_err(StoreError::io)?;
        let (key, h) = new_key("zomer in Zwolle")?;
        write_header(dir.path(), &h)?;
        assert_eq!(h.len(), HEADER_LEN);
        let again = unlock(dir.path(), "zomer in Zwolle")?;
        let sealed = value::seal(&key, b"\x01hallo")?;
        assert_eq!(value::open(&again, &sealed, "test")?, b"\x01hallo");
        assert!(matches!(
            unlock(dir.path(), "zomer in zwolle"),
            Err(StoreError::Crypt(CryptError::WrongPassphrase))
        ));
        change_passphrase(dir.path(), "zomer in Zwolle", "winter")?;
        assert!(unlock(dir.path(), "zomer in Zwolle").is_err());
        let after = unlock(dir.path(), "winter")?;
        assert_eq!(value::open(&after, &sealed, "test")?, b"\x01hallo");
        // The cost is covered by the seal: a changed byte is a wrong key, never a weaker one.
        let mut bent = h.clone();
        bent[5] ^= 1;
        assert!(open_header(&bent, "zomer in Zwolle").is_err());
        Ok(())
    }
}
