//! One value sealed: `0x80` (the envelope byte for "sealed"), a random 24-byte nonce, then the
//! plain envelope (format byte and bincode body) encrypted with XChaCha20-Poly1305 and its
//! 16-byte tag. A random nonce per value is safe with XChaCha's 192 bits; 41 bytes more per
//! value.

use super::DataKey;
use crate::store::{Result, Unreadable};
use chacha20poly1305::aead::Aead;
use chacha20poly1305::XNonce;

/// The envelope byte of a sealed value: far above the plain format bytes (1, 2, …), so new
/// record formats never collide with it.
pub const SEALED: u8 = 0x80;
const NONCE_LEN: usize = 24;

/// `plain` (a whole plain envelope) sealed under `key`.
///
/// Errors: [`super::CryptError::NoRandom`].
pub fn seal(key: &DataKey, plain: &[u8]) -> Result<Vec<u8>> {
    let nonce: [u8; NONCE_LEN] = super::random()?;
    let body = key
        .cipher()
        .encrypt(XNonce::from_slice(&nonce), plain)
        .map_err(|_| Unreadable::Sealed { what: "value" })?;
    let mut out = Vec::with_capacity(1 + NONCE_LEN + body.len());
    out.push(SEALED);
    out.extend_from_slice(&nonce);
    out.extend_from_slice(&body);
    Ok(out)
}

/// The plain envelope inside a sealed value (`bytes` starts with [`SEALED`]).
///
/// Errors: [`Unreadable::Sealed`] when the value is cut short or fails its tag (damage, or a
/// value sealed under another key).
pub fn open(key: &DataKey, bytes: &[u8], what: &'static str) -> Result<Vec<u8>> {
    if bytes.len() < 1 + NONCE_LEN || bytes[0] != SEALED {
        return Err(Unreadable::Sealed { what }.into());
    }
    let nonce = XNonce::from_slice(&bytes[1..1 + NONCE_LEN]);
    key.cipher()
        .decrypt(nonce, &bytes[1 + NONCE_LEN..])
        .map_err(|_| Unreadable::Sealed { what }.into())
}
