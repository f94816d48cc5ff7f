//! The one place that turns records into bytes and back. Every value is wrapped in an envelope:
//! one format byte, then the bincode body. A later tandem keeps reading format 1 (its record
//! shapes live in [`v1`]) while writing a newer one; an older tandem refuses a newer byte instead
//! of misreading it. Encryption at rest will wrap the body here too.

use super::error::{StoreError, Unreadable};
use serde::{de::DeserializeOwned, Serialize};
use std::sync::Arc;

pub mod v1;

/// The record format this build writes: 2 since carers, consents, cases and finished actions
/// gained fields (see [`v1`]).
pub const FORMAT: u8 = 2;

/// A record as stored: the format byte, then its bincode body.
///
/// Errors: [`Unreadable::Encode`] when bincode refuses the value.
pub fn encode<T: Serialize>(value: &T) -> Result<Vec<u8>, StoreError> {
    let mut out = vec![FORMAT];
    let body = bincode::serde::encode_to_vec(value, bincode::config::standard()).map_err(|e| {
        Unreadable::Encode {
            source: Arc::new(e),
        }
    })?;
    out.extend_from_slice(&body);
    Ok(out)
}

/// A 64-bit fingerprint of `value` as the plain envelope holds it (format byte and body), for
/// comparing what a tree holds with what its records imply without keeping either: `check`
/// fingerprints both sides. Two different values share one with odds of 1 in 2^64.
///
/// Errors: as [`encode`].
pub fn fingerprint<T: Serialize>(value: &T) -> Result<u64, StoreError> {
    Ok(fingerprint_bytes(&encode(value)?))
}

/// The fingerprint [`fingerprint`] gives the value stored as `bytes`, without decoding it, when
/// it is stored as this build writes it (plain, in [`FORMAT`]); `None` when it must be read
/// back first.
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

/// A record read back; `what` names its kind for the error (`"case"`, `"action row"`).
///
/// Errors: [`StoreError::Damaged`] with where and why ([`Unreadable::EmptyRecord`],
/// [`Unreadable::Decode`], [`Unreadable::TrailingBytes`], [`Unreadable::FormatZero`]);
/// [`StoreError::NewerVersion`] for a format byte above [`FORMAT`].
pub fn decode<T: DeserializeOwned + 'static>(
    bytes: &[u8],
    what: &'static str,
) -> Result<T, StoreError> {
    let (&format, body_bytes) = bytes
        .split_first()
        .ok_or(Unreadable::EmptyRecord { what })?;
    match format {
        FORMAT => body(body_bytes, what),
        1 => v1::decode(body_bytes, what),
        0 => Err(Unreadable::FormatZero { what }.into()),
        newer => Err(StoreError::NewerVersion {
            found: u32::from(newer),
            supported: u32::from(FORMAT),
        }),
    }
}

/// A bincode body read whole as `T`.
fn body<T: DeserializeOwned>(body: &[u8], what: &'static str) -> Result<T, StoreError> {
    let (value, used) = bincode::serde::decode_from_slice(body, bincode::config::standard())
        .map_err(|e| Unreadable::Decode {
            what,
            source: Arc::new(e),
        })?;
    if used != body.len() {
        return Err(Unreadable::TrailingBytes { what }.into());
    }
    Ok(value)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trip_and_refusals() -> Result<(), StoreError> {
        let value = ("Çelik".to_string(), 7u64, Some(3i32));
        let bytes = encode(&value)?;
        assert_eq!(bytes[0], FORMAT);
        let back: (String, u64, Option<i32>) = decode(&bytes, "test")?;
        assert_eq!(back, value);

        let mut newer = bytes.clone();
        newer[0] = FORMAT + 1;
        assert!(matches!(
            decode::<(String, u64, Option<i32>)>(&newer, "test"),
            Err(StoreError::NewerVersion { .. })
        ));
        assert!(matches!(
            decode::<(String, u64, Option<i32>)>(&bytes[..3], "test"),
            Err(StoreError::Damaged(Unreadable::Decode { what: "test", .. }))
        ));
        assert!(matches!(
            decode::<u64>(&[], "test"),
            Err(StoreError::Damaged(Unreadable::EmptyRecord {
                what: "test"
            }))
        ));
        let mut longer = encode(&7u64)?;
        longer.push(0);
        assert!(matches!(
            decode::<u64>(&longer, "test"),
            Err(StoreError::Damaged(Unreadable::TrailingBytes {
                what: "test"
            }))
        ));
        assert!(matches!(
            decode::<u64>(&[0, 7], "test"),
            Err(StoreError::Damaged(Unreadable::FormatZero { what: "test" }))
        ));
        Ok(())
    }
}
