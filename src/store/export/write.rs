//! Writing the whole store as the export document, one record at a time: the bytes are those
//! of `serde_json` writing [`ExportDoc`](super::ExportDoc) (same fields, same order, same
//! formatting), but no list is ever held.

use super::{Kind, NextIds, FORMAT_NAME, FORMAT_VERSION};
use crate::store::{IoFailure, Result, Store, StoreError};
use serde::ser::{Error as _, SerializeSeq, SerializeStruct, Serializer};
use serde::Serialize;
use std::cell::RefCell;

impl Store {
    /// Writes the export document of the whole store to `w`: indented as `tandem export`
    /// prints it (`pretty`), or compact as a backup holds it. Records are read, decoded and
    /// written one at a time.
    ///
    /// Errors: the outer error is the store's (a record that can't be read); the inner one is
    /// `w`'s own (a full disk, a closed pipe), so the caller can tell the two apart.
    pub fn write_export<W: std::io::Write>(
        &self,
        w: W,
        pretty: bool,
    ) -> Result<std::io::Result<()>> {
        let doc = Streamed {
            store: self,
            next_ids: self.next_ids().into(),
            failed: RefCell::new(None),
        };
        let mut out = Gather {
            inner: w,
            buf: Vec::with_capacity(GATHER),
        };
        let written = if pretty {
            serde_json::to_writer_pretty(&mut out, &doc)
        } else {
            serde_json::to_writer(&mut out, &doc)
        }
        .and_then(|_| out.pass_on().map_err(serde_json::Error::io));
        if let Some(e) = doc.failed.into_inner() {
            return Err(e);
        }
        match written {
            Ok(()) => Ok(Ok(())),
            Err(e) if e.is_io() => Ok(Err(e.into())),
            Err(e) => Err(IoFailure::Json(e).into()),
        }
    }
}

/// Bytes gathered before they are handed on: serde_json writes a token at a time, and a
/// `Vec` takes those more cheaply than a `BufWriter` did (its `write_all` was 12% of an
/// export's profile).
const GATHER: usize = 1 << 18;

/// Gathers serde_json's small writes and hands them on in pieces of [`GATHER`] bytes.
struct Gather<W> {
    inner: W,
    buf: Vec<u8>,
}

impl<W: std::io::Write> Gather<W> {
    fn pass_on(&mut self) -> std::io::Result<()> {
        self.inner.write_all(&self.buf)?;
        self.buf.clear();
        Ok(())
    }
}

impl<W: std::io::Write> std::io::Write for Gather<W> {
    #[inline]
    fn write(&mut self, bytes: &[u8]) -> std::io::Result<usize> {
        self.write_all(bytes)?;
        Ok(bytes.len())
    }

    #[inline]
    fn write_all(&mut self, bytes: &[u8]) -> std::io::Result<()> {
        self.buf.extend_from_slice(bytes);
        if self.buf.len() >= GATHER {
            self.pass_on()?;
        }
        Ok(())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        self.pass_on()?;
        self.inner.flush()
    }
}

/// The document, with its lists read from the store while it is written.
struct Streamed<'a> {
    store: &'a Store,
    next_ids: NextIds,
    /// Why the store stopped a list, if it did (serde's own error can't carry it).
    failed: RefCell<Option<StoreError>>,
}

/// One list of the document.
struct List<'a> {
    doc: &'a Streamed<'a>,
    kind: Kind,
}

impl Serialize for Streamed<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> std::result::Result<S::Ok, S::Error> {
        // The fields of `ExportDoc`, in its order.
        let mut doc = s.serialize_struct("ExportDoc", 10)?;
        doc.serialize_field("format", FORMAT_NAME)?;
        doc.serialize_field("version", &FORMAT_VERSION)?;
        doc.serialize_field("scope", "store")?;
        doc.serialize_field("next_ids", &self.next_ids)?;
        for kind in Kind::ALL {
            doc.serialize_field(kind.field(), &List { doc: self, kind })?;
        }
        doc.end()
    }
}

/// Why a list stopped: the store, or the writer.
enum Stop<E> {
    Store(StoreError),
    Out(E),
}

impl<E> From<StoreError> for Stop<E> {
    fn from(e: StoreError) -> Self {
        Stop::Store(e)
    }
}

impl Serialize for List<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> std::result::Result<S::Ok, S::Error> {
        let mut seq = s.serialize_seq(None)?;
        let store = self.doc.store;
        let read: std::result::Result<(), Stop<S::Error>> = match self.kind {
            Kind::Person => store.each_person(|r| seq.serialize_element(&r).map_err(Stop::Out)),
            Kind::Family => store.each_family(|r| seq.serialize_element(&r).map_err(Stop::Out)),
            Kind::Case => store.each_case(|r| seq.serialize_element(&r).map_err(Stop::Out)),
            Kind::Action => store.each_action(|r| seq.serialize_element(&r).map_err(Stop::Out)),
            Kind::Meeting => store.each_meeting(|r| seq.serialize_element(&r).map_err(Stop::Out)),
            Kind::Event => store.each_event(|r| seq.serialize_element(&r).map_err(Stop::Out)),
        };
        match read {
            Ok(()) => seq.end(),
            Err(Stop::Out(e)) => Err(e),
            Err(Stop::Store(e)) => {
                *self.doc.failed.borrow_mut() = Some(e);
                Err(S::Error::custom("the store stopped the export"))
            }
        }
    }
}
