//! Whole files sealed as a stream (backups, quarantine copies): `TSEALED1`, a random 19-byte
//! nonce prefix, then the bytes in chunks of 64 KiB, each sealed with XChaCha20-Poly1305 and a
//! counter (the STREAM construction of the `aead` crate, big-endian 32-bit counter and a last-
//! chunk flag). A file cut short, reordered or mixed with another fails, never reads as less.

use super::DataKey;
use crate::store::{files, Result, StoreError};
use chacha20poly1305::aead::stream::{DecryptorBE32, EncryptorBE32};
use chacha20poly1305::XChaCha20Poly1305;
use std::io::{Read, Write};
use std::path::Path;

/// The first bytes of a sealed file.
pub const MAGIC: &[u8; 8] = b"TSEALED1";
const NONCE_LEN: usize = 19;
const CHUNK: usize = 64 * 1024;
const TAG: usize = 16;

fn broken() -> std::io::Error {
    std::io::Error::new(
        std::io::ErrorKind::InvalidData,
        "sealed file fails its seal",
    )
}

/// Writes the sealed form of what is written to it; [`SealedWriter::finish`] seals the last
/// chunk and gives the inner writer back (dropping it without `finish` leaves a file that
/// fails to open, never one that reads as shorter).
pub struct SealedWriter<W: Write> {
    inner: W,
    seal: Option<EncryptorBE32<XChaCha20Poly1305>>,
    buf: Vec<u8>,
}

impl<W: Write> SealedWriter<W> {
    /// Writes the magic and the nonce to `inner`.
    ///
    /// Errors: I/O; [`super::CryptError::NoRandom`].
    pub fn new(mut inner: W, key: &DataKey) -> Result<SealedWriter<W>> {
        let nonce: [u8; NONCE_LEN] = super::random()?;
        inner.write_all(MAGIC).map_err(StoreError::io)?;
        inner.write_all(&nonce).map_err(StoreError::io)?;
        let seal = EncryptorBE32::from_aead(key.cipher().clone(), nonce.as_slice().into());
        Ok(SealedWriter {
            inner,
            seal: Some(seal),
            buf: Vec::with_capacity(CHUNK),
        })
    }

    /// Seals the last chunk and returns the inner writer.
    pub fn finish(mut self) -> std::io::Result<W> {
        let seal = self.seal.take().ok_or_else(broken)?;
        let last = seal
            .encrypt_last(self.buf.as_slice())
            .map_err(|_| broken())?;
        self.inner.write_all(&last)?;
        Ok(self.inner)
    }
}

impl<W: Write> Write for SealedWriter<W> {
    fn write(&mut self, data: &[u8]) -> std::io::Result<usize> {
        if self.buf.len() == CHUNK {
            // A full chunk is sealed only once more follows: the last one carries the flag.
            let seal = self.seal.as_mut().ok_or_else(broken)?;
            let sealed = seal
                .encrypt_next(self.buf.as_slice())
                .map_err(|_| broken())?;
            self.inner.write_all(&sealed)?;
            self.buf.clear();
        }
        let n = data.len().min(CHUNK - self.buf.len());
        self.buf.extend_from_slice(&data[..n]);
        Ok(n)
    }

    fn flush(&mut self) -> std::io::Result<()> {
        self.inner.flush()
    }
}

/// Reads the plain bytes of a sealed file (after its magic, which [`SealedReader::new`] checks).
pub struct SealedReader<R: Read> {
    inner: R,
    open: Option<DecryptorBE32<XChaCha20Poly1305>>,
    /// Sealed bytes read ahead (a chunk and one byte, to know whether it is the last).
    ahead: Vec<u8>,
    plain: Vec<u8>,
    at: usize,
}

impl<R: Read> SealedReader<R> {
    /// Checks the magic and reads the nonce.
    ///
    /// Errors: `InvalidData` for a file that is not sealed; I/O.
    pub fn new(mut inner: R, key: &DataKey) -> std::io::Result<SealedReader<R>> {
        let mut head = [0u8; 8 + NONCE_LEN];
        inner.read_exact(&mut head)?;
        if &head[..8] != MAGIC {
            return Err(broken());
        }
        let open = DecryptorBE32::from_aead(key.cipher().clone(), head[8..].into());
        Ok(SealedReader {
            inner,
            open: Some(open),
            ahead: Vec::with_capacity(CHUNK + TAG + 1),
            plain: Vec::new(),
            at: 0,
        })
    }

    /// Opens the next chunk into `plain`; false at the end.
    fn next_chunk(&mut self) -> std::io::Result<bool> {
        if self.open.is_none() {
            return Ok(false);
        }
        let want = CHUNK + TAG + 1;
        while self.ahead.len() < want {
            let had = self.ahead.len();
            self.ahead.resize(want, 0);
            let n = self.inner.read(&mut self.ahead[had..])?;
            self.ahead.truncate(had + n);
            if n == 0 {
                break;
            }
        }
        self.at = 0;
        if self.ahead.len() < want {
            let open = self.open.take().ok_or_else(broken)?;
            self.plain = open
                .decrypt_last(self.ahead.as_slice())
                .map_err(|_| broken())?;
            self.ahead.clear();
        } else {
            let open = self.open.as_mut().ok_or_else(broken)?;
            self.plain = open
                .decrypt_next(&self.ahead[..CHUNK + TAG])
                .map_err(|_| broken())?;
            self.ahead.drain(..CHUNK + TAG);
        }
        Ok(true)
    }
}

impl<R: Read> Read for SealedReader<R> {
    fn read(&mut self, out: &mut [u8]) -> std::io::Result<usize> {
        while self.at == self.plain.len() {
            if !self.next_chunk()? {
                return Ok(0);
            }
        }
        let n = out.len().min(self.plain.len() - self.at);
        out[..n].copy_from_slice(&self.plain[self.at..self.at + n]);
        self.at += n;
        Ok(n)
    }
}

/// True when the file at `path` starts with [`MAGIC`].
pub fn is_sealed(path: &Path) -> bool {
    let mut head = [0u8; 8];
    std::fs::File::open(path)
        .and_then(|mut f| f.read_exact(&mut head))
        .is_ok()
        && &head == MAGIC
}

/// Seals the plain file at `path` in place: the sealed copy is written beside it, synced and
/// renamed over it, so a crash leaves the plain file or the sealed one.
///
/// Errors: I/O.
pub fn seal_file(path: &Path, key: &DataKey) -> Result<()> {
    let mut tmp = path.as_os_str().to_owned();
    tmp.push(".sealing");
    let tmp = std::path::PathBuf::from(tmp);
    let written = (|| -> Result<()> {
        let mut from = std::fs::File::open(path).map_err(StoreError::io)?;
        let to = std::fs::File::create(&tmp).map_err(StoreError::io)?;
        files::private_file(&to);
        let mut w = SealedWriter::new(std::io::BufWriter::new(to), key)?;
        std::io::copy(&mut from, &mut w).map_err(StoreError::io)?;
        let to = w
            .finish()
            .and_then(|b| b.into_inner().map_err(|e| e.into_error()))
            .map_err(StoreError::io)?;
        to.sync_all().map_err(StoreError::io)
    })();
    files::put_in_place(&tmp, path, written)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key() -> DataKey {
        DataKey::from_bytes(&[7u8; 32])
    }

    fn round_trip(len: usize) -> std::io::Result<()> {
        let plain: Vec<u8> = (0..len).map(|i| (i % 251) as u8).collect();
        let mut w = SealedWriter::new(Vec::new(), &key()).map_err(std::io::Error::other)?;
        // Odd pieces, as a compressor writes them.
        for piece in plain.chunks(1000) {
            w.write_all(piece)?;
        }
        let sealed = w.finish()?;
        let mut back = Vec::new();
        SealedReader::new(sealed.as_slice(), &key())?.read_to_end(&mut back)?;
        assert_eq!(back, plain, "length {len}");
        // Cut off at a chunk's end, it fails instead of reading as a shorter file.
        if sealed.len() > 8 + NONCE_LEN + CHUNK + TAG {
            let cut = &sealed[..8 + NONCE_LEN + CHUNK + TAG];
            let mut r = SealedReader::new(cut, &key())?;
            assert!(r.read_to_end(&mut Vec::new()).is_err());
        }
        Ok(())
    }

    #[test]
    fn any_length_round_trips_and_a_cut_fails() -> std::io::Result<()> {
        for len in [0, 1, CHUNK - 1, CHUNK, CHUNK + 1, 3 * CHUNK, 3 * CHUNK + 77] {
            round_trip(len)?;
        }
        Ok(())
    }

    #[test]
    fn another_key_or_a_flipped_byte_fails() -> std::io::Result<()> {
        let mut w = SealedWriter::new(Vec::new(), &key()).map_err(std::io::Error::other)?;
        w.write_all(b"Familie de Vries")?;
        let mut sealed = w.finish()?;
        let other = DataKey::from_bytes(&[8u8; 32]);
        let mut r = SealedReader::new(sealed.as_slice(), &other)?;
        assert!(r.read_to_end(&mut Vec::new()).is_err());
        let last = sealed.len() - 1;
        sealed[last] ^= 1;
        let mut r = SealedReader::new(sealed.as_slice(), &key())?;
        assert!(r.read_to_end(&mut Vec::new()).is_err());
        Ok(())
    }
}
