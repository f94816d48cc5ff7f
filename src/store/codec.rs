//! The one place that turns records into bytes and back. Every value is wrapped in an envelope:
//! one format byte, then the bincode body. A later tandem keeps reading format 1 (its record
//! shapes live in [`v1`]) while writing a newer one; an older tandem refuses a newer byte instead
//! of misreading it.
//!
//! In an encrypted store (issue 12) the whole plain envelope is sealed inside a second one: the
//! byte [`SEALED`], a nonce, and the sealed plain envelope ([`super::crypt::value`]). The key is
//! the store's, passed in as a [`Seal`]: never a global, since one process may hold several
//! stores. A plain value still reads in an encrypted store (a journal written before
//! `tandem encrypt`); a sealed one never reads without the key.

use super::crypt::{value, CryptError, DataKey};
use super::error::{StoreError, Unreadable};
use serde::{de::DeserializeOwned, Serialize};
use std::borrow::Cow;
use std::sync::Arc;

pub mod v1;
pub mod v2;

/// The record format this build writes: 2 since carers, consents, cases and finished actions
/// gained fields (see [`v1`]), 3 since timeline events keep the fields an edit changed (see
/// [`v2`]).
pub const FORMAT: u8 = 3;

pub use value::SEALED;

/// The key values are sealed with: the store's data key, or `None` for a store without
/// encryption (and for bytes that are not values of the store, such as a journal's frame).
pub type Seal<'a> = Option<&'a DataKey>;

/// A record as stored: the format byte, then its bincode body; sealed when `seal` has a key.
///
/// Errors: [`Unreadable::Encode`] when bincode refuses the value;
/// [`CryptError::NoRandom`] when no nonce can be had.
pub fn encode<T: Serialize>(value: &T, seal: Seal) -> Result<Vec<u8>, StoreError> {
    let plain = encode_plain(value)?;
    match seal {
        None => Ok(plain),
        Some(key) => value::seal(key, &plain),
    }
}

fn encode_plain<T: Serialize>(value: &T) -> Result<Vec<u8>, StoreError> {
    let mut out = vec![FORMAT];
    let body = bincode::serde::encode_to_vec(value, bincode::config::standard()).map_err(|e| {
        Unreadable::Encode {
            source: Arc::new(e),
        }
    })?;
    out.extend_from_slice(&body);
    Ok(out)
}

/// A record read back; `what` names its kind for the error (`"case"`, `"action row"`).
///
/// Errors: [`StoreError::Damaged`] with where and why ([`Unreadable::EmptyRecord`],
/// [`Unreadable::Decode`], [`Unreadable::TrailingBytes`], [`Unreadable::FormatZero`]);
/// [`StoreError::NewerVersion`] for a format byte above [`FORMAT`]; for a sealed value,
/// [`CryptError::NeedsPassphrase`] without a key and [`Unreadable::Sealed`] when it fails its seal.
pub fn decode<T: DeserializeOwned + 'static>(
    bytes: &[u8],
    what: &'static str,
    seal: Seal,
) -> Result<T, StoreError> {
    decode_plain(&plain(bytes, what, seal)?, what)
}

/// The plain envelope of a stored value: the value itself, or what its seal holds.
///
/// Errors: as [`decode`] for a sealed value.
pub fn plain<'b>(
    bytes: &'b [u8],
    what: &'static str,
    seal: Seal,
) -> Result<Cow<'b, [u8]>, StoreError> {
    if bytes.first() != Some(&SEALED) {
        return Ok(Cow::Borrowed(bytes));
    }
    let key = seal.ok_or(CryptError::NeedsPassphrase)?;
    value::open(key, bytes, what).map(Cow::Owned)
}

/// A plain stored value sealed under `key`: values that are empty (index entries) or sealed
/// already stay as they are. `tandem encrypt` passes every value through it.
///
/// Errors: [`CryptError::NoRandom`].
pub fn seal_stored(bytes: &[u8], key: &DataKey) -> Result<Option<Vec<u8>>, StoreError> {
    match bytes.first() {
        Some(&FORMAT)
        | Some(&1)
        | Some(&2)
        | Some(&super::facts::FACT)
        | Some(&super::due_counts::COUNT) => value::seal(key, bytes).map(Some),
        _ => Ok(None),
    }
}

fn decode_plain<T: DeserializeOwned + 'static>(
    bytes: &[u8],
    what: &'static str,
) -> Result<T, StoreError> {
    let (&format, body_bytes) = bytes
        .split_first()
        .ok_or(Unreadable::EmptyRecord { what })?;
    match format {
        FORMAT => body(body_bytes, what),
        1 => v1::decode(body_bytes, what),
        2 => v2::decode(body_bytes, what),
        0 => Err(Unreadable::FormatZero { what }.into()),
        // A sealed value inside a sealed one: no tandem writes that.
        SEALED => Err(Unreadable::Sealed { what }.into()),
        newer => Err(StoreError::NewerVersion {
            found: u32::from(newer),
            supported: u32::from(FORMAT),
        }),
    }
}

/// A bincode body read whole as `T`.
fn body<T: DeserializeOwned>(body: &[u8], what: &'static str) -> Result<T, StoreError> {
    in_place(body, what)
}

/// A bincode body read whole as `T`, whose texts may borrow from `body` (a row read only to be
/// written out again need not copy them).
///
/// Errors: [`Unreadable::Decode`], [`Unreadable::TrailingBytes`].
pub fn in_place<'b, T: serde::Deserialize<'b>>(
    body: &'b [u8],
    what: &'static str,
) -> Result<T, StoreError> {
    let (value, used) = bincode::serde::borrow_decode_from_slice(body, bincode::config::standard())
        .map_err(|e| Unreadable::Decode {
            what,
            source: Arc::new(e),
        })?;
    if used != body.len() {
        return Err(Unreadable::TrailingBytes { what }.into());
    }
    Ok(value)
}

/// A 64-bit fingerprint of `value` as the plain envelope holds it (format byte and body), for
/// comparing what a tree holds with what its records imply without keeping either: `check`
/// fingerprints both sides. Two different values share one with odds of 1 in 2^64.
///
/// Errors: as [`encode`].
pub fn fingerprint<T: Serialize>(value: &T) -> Result<u64, StoreError> {
    Ok(fingerprint_bytes(&encode_plain(value)?))
}

/// The fingerprint [`fingerprint`] gives the value stored as `bytes`, without decoding it, when
/// it is stored as this build writes it (plain, in [`FORMAT`]); `None` when it must be read
/// back first (an older format, or sealed).
pub fn stored_fingerprint(bytes: &[u8]) -> Option<u64> {
    (bytes.first() == Some(&FORMAT)).then(|| fingerprint_bytes(bytes))
}

/// The fingerprint of bytes as they are (an empty index value).
pub fn fingerprint_bytes(bytes: &[u8]) -> u64 {
    use std::hash::Hasher;
    // `DefaultHasher::new` hashes alike in every instance of a run: both sides agree.
    let mut h = std::collections::hash_map::DefaultHasher::new();
    h.write(bytes);
    h.finish()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trip_and_refusals() -> Result<(), StoreError> {
        let value = ("Çelik".to_string(), 7u64, Some(3i32));
        let bytes = encode(&value, None)?;
        assert_eq!(bytes[0], FORMAT);
        let back: (String, u64, Option<i32>) = decode(&bytes, "test", None)?;
        assert_eq!(back, value);

        let mut newer = bytes.clone();
        newer[0] = SEALED + 1;
        assert!(matches!(
            decode::<(String, u64, Option<i32>)>(&newer, "test", None),
            Err(StoreError::NewerVersion { .. })
        ));
        assert!(matches!(
            decode::<(String, u64, Option<i32>)>(&bytes[..3], "test", None),
            Err(StoreError::Damaged(Unreadable::Decode { what: "test", .. }))
        ));
        assert!(matches!(
            decode::<u64>(&[], "test", None),
            Err(StoreError::Damaged(Unreadable::EmptyRecord {
                what: "test"
            }))
        ));
        let mut longer = encode(&7u64, None)?;
        longer.push(0);
        assert!(matches!(
            decode::<u64>(&longer, "test", None),
            Err(StoreError::Damaged(Unreadable::TrailingBytes {
                what: "test"
            }))
        ));
        assert!(matches!(
            decode::<u64>(&[0, 7], "test", None),
            Err(StoreError::Damaged(Unreadable::FormatZero { what: "test" }))
        ));
        Ok(())
    }

    #[test]
    fn a_sealed_value_reads_with_its_key_only() -> Result<(), StoreError> {
        let dir = tempfile::tempdir().map_err(StoreError::io)?;
        let (key, header) = crate::store::crypt::new_key("pw")?;
        crate::store::crypt::write_header(dir.path(), &header)?;
        let value = ("Çelik".to_string(), 7u64);
        let sealed = encode(&value, Some(&key))?;
        assert_eq!(sealed[0], SEALED);
        assert!(!sealed.windows(5).any(|w| *w == "Çelik".as_bytes()[..5]));
        let back: (String, u64) = decode(&sealed, "test", Some(&key))?;
        assert_eq!(back, value);
        assert!(matches!(
            decode::<(String, u64)>(&sealed, "test", None),
            Err(StoreError::Crypt(CryptError::NeedsPassphrase))
        ));
        let mut bent = sealed.clone();
        bent[30] ^= 1;
        assert!(matches!(
            decode::<(String, u64)>(&bent, "test", Some(&key)),
            Err(StoreError::Damaged(Unreadable::Sealed { what: "test" }))
        ));
        // A plain value still reads with a key (a journal from before `encrypt`).
        let plain = encode(&value, None)?;
        let back: (String, u64) = decode(&plain, "test", Some(&key))?;
        assert_eq!(back, value);
        assert_eq!(seal_stored(&[], &key)?, None);
        assert_eq!(seal_stored(&sealed, &key)?, None);
        Ok(())
    }
}
