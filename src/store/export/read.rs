//! Reading an export document one record at a time: each record is handed to a [`Records`]
//! as soon as it is parsed, and dropped after. The document's rules as JSON are those of
//! [`ExportDoc`](super::ExportDoc)'s own `Deserialize`: every field once, none missing, unknown
//! fields ignored.

use super::{Header, Kind, NextIds, Records};
use crate::domain::{Action, Case, Event, Family, Meeting, Person};
use crate::store::{IoFailure, StoreError};
use serde::de::{self, DeserializeSeed, Error as _, IgnoredAny, MapAccess, SeqAccess, Visitor};
use std::fmt;

/// Which lists a reading hands over; the others are skipped unparsed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Wanted(pub [bool; Kind::ALL.len()]);

impl Wanted {
    /// Every list.
    pub const ALL: Wanted = Wanted([true; Kind::ALL.len()]);

    /// Only these lists.
    pub fn only(kinds: &[Kind]) -> Wanted {
        let mut w = [false; Kind::ALL.len()];
        for k in kinds {
            w[*k as usize] = true;
        }
        Wanted(w)
    }
}

/// Why a reading stopped.
#[derive(Debug)]
pub enum ReadFailed {
    /// The file is not an export document (or could not be read: [`serde_json::Error::is_io`]).
    Json(serde_json::Error),
    /// The taker of the records refused one.
    Refused(StoreError),
}

/// Records handed over from the parsing thread per message.
const BATCH: usize = 256;
/// Messages the parsing thread may run ahead of the taker.
const AHEAD: usize = 8;

/// One record of any kind, on its way from the parsing thread.
enum Rec {
    Person(Person),
    Family(Family),
    Case(Case),
    Action(Action),
    Meeting(Meeting),
    Event(Event),
    ListDone(Kind),
}

/// As [`read_doc`], with the parsing on a second thread: `sink` takes the records on this one
/// while the next ones are parsed. Parsing is about a quarter of an import's time and most of a
/// check's.
///
/// Errors: as [`read_doc`].
pub fn read_doc_piped<R: std::io::Read + Send>(
    r: R,
    wanted: Wanted,
    sink: &mut dyn Records,
) -> Result<Header, ReadFailed> {
    let (tx, rx) = std::sync::mpsc::sync_channel::<Vec<Rec>>(AHEAD);
    std::thread::scope(|s| {
        let parser = s.spawn(move || {
            let mut forward = Forward {
                tx,
                batch: Vec::with_capacity(BATCH),
            };
            let header = read_doc(r, wanted, &mut forward);
            forward.send();
            header
        });
        let mut refused = None;
        for batch in &rx {
            if let Err(e) = batch.into_iter().try_for_each(|rec| take(sink, rec)) {
                refused = Some(e);
                break;
            }
        }
        // The parser stops at its next hand-over once no one takes them.
        drop(rx);
        let parsed = parser
            .join()
            .unwrap_or_else(|_| Err(ReadFailed::Refused(IoFailure::ThreadStopped.into())));
        match refused {
            Some(e) => Err(ReadFailed::Refused(e)),
            None => parsed,
        }
    })
}

fn take(sink: &mut dyn Records, rec: Rec) -> crate::store::Result<()> {
    match rec {
        Rec::Person(r) => sink.person(r),
        Rec::Family(r) => sink.family(r),
        Rec::Case(r) => sink.case(r),
        Rec::Action(r) => sink.action(r),
        Rec::Meeting(r) => sink.meeting(r),
        Rec::Event(r) => sink.event(r),
        Rec::ListDone(kind) => {
            sink.list_done(kind);
            Ok(())
        }
    }
}

/// The parsing thread's taker: passes the records on in batches.
struct Forward {
    tx: std::sync::mpsc::SyncSender<Vec<Rec>>,
    batch: Vec<Rec>,
}

impl Forward {
    /// Sends what is gathered; false when the taker is gone.
    fn send(&mut self) -> bool {
        let batch = std::mem::replace(&mut self.batch, Vec::with_capacity(BATCH));
        batch.is_empty() || self.tx.send(batch).is_ok()
    }

    fn push(&mut self, rec: Rec) -> crate::store::Result<()> {
        self.batch.push(rec);
        if self.batch.len() >= BATCH && !self.send() {
            // The taker refused a record and says why itself.
            return Err(IoFailure::ThreadStopped.into());
        }
        Ok(())
    }
}

impl Records for Forward {
    fn person(&mut self, p: Person) -> crate::store::Result<()> {
        self.push(Rec::Person(p))
    }
    fn family(&mut self, f: Family) -> crate::store::Result<()> {
        self.push(Rec::Family(f))
    }
    fn case(&mut self, c: Case) -> crate::store::Result<()> {
        self.push(Rec::Case(c))
    }
    fn action(&mut self, a: Action) -> crate::store::Result<()> {
        self.push(Rec::Action(a))
    }
    fn meeting(&mut self, m: Meeting) -> crate::store::Result<()> {
        self.push(Rec::Meeting(m))
    }
    fn event(&mut self, e: Event) -> crate::store::Result<()> {
        self.push(Rec::Event(e))
    }
    fn list_done(&mut self, kind: Kind) {
        // A failed hand-over shows at the next record, or in the taker's own error.
        let _ = self.push(Rec::ListDone(kind));
    }
}

/// Reads the document from `r` and hands the `wanted` lists' records to `sink`, each list
/// followed by [`Records::list_done`]. Returns the document's other fields.
///
/// Errors: [`ReadFailed::Json`] for a file that is not an export document (its first problem,
/// with line and column) or that could not be read; [`ReadFailed::Refused`] for what `sink`
/// refused.
pub fn read_doc<R: std::io::Read>(
    r: R,
    wanted: Wanted,
    sink: &mut dyn Records,
) -> Result<Header, ReadFailed> {
    let mut taker = Taker {
        sink,
        wanted,
        refused: None,
    };
    let mut de = serde_json::Deserializer::from_reader(r);
    let read = DocSeed(&mut taker)
        .deserialize(&mut de)
        .and_then(|header| de.end().map(|_| header));
    match (read, taker.refused) {
        (_, Some(e)) => Err(ReadFailed::Refused(e)),
        (Ok(header), None) => Ok(header),
        (Err(e), None) => Err(ReadFailed::Json(e)),
    }
}

struct Taker<'a> {
    sink: &'a mut dyn Records,
    wanted: Wanted,
    /// What the sink refused (serde's own error can't carry it).
    refused: Option<StoreError>,
}

/// The document's fields, as `ExportDoc` names them.
enum Field {
    Format,
    Version,
    Scope,
    NextIds,
    List(Kind),
    Other,
}

impl<'de> de::Deserialize<'de> for Field {
    fn deserialize<D: de::Deserializer<'de>>(d: D) -> Result<Field, D::Error> {
        struct Names;
        impl Visitor<'_> for Names {
            type Value = Field;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("field identifier")
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<Field, E> {
                Ok(match v {
                    "format" => Field::Format,
                    "version" => Field::Version,
                    "scope" => Field::Scope,
                    "next_ids" => Field::NextIds,
                    other => Kind::ALL
                        .into_iter()
                        .find(|k| k.field() == other)
                        .map_or(Field::Other, Field::List),
                })
            }
        }
        d.deserialize_identifier(Names)
    }
}

const FIELDS: &[&str] = &[
    "format", "version", "scope", "next_ids", "persons", "families", "cases", "actions",
    "meetings", "events",
];

struct DocSeed<'t, 'a>(&'t mut Taker<'a>);

impl<'de> DeserializeSeed<'de> for DocSeed<'_, '_> {
    type Value = Header;
    fn deserialize<D: de::Deserializer<'de>>(self, d: D) -> Result<Header, D::Error> {
        d.deserialize_struct("ExportDoc", FIELDS, self)
    }
}

/// Takes one field's value once; a second one is an error, as in a derived `Deserialize`.
fn once<'de, A: MapAccess<'de>, T: de::Deserialize<'de>>(
    slot: &mut Option<T>,
    name: &'static str,
    map: &mut A,
) -> Result<(), A::Error> {
    if slot.is_some() {
        return Err(A::Error::duplicate_field(name));
    }
    *slot = Some(map.next_value()?);
    Ok(())
}

impl<'de> Visitor<'de> for DocSeed<'_, '_> {
    type Value = Header;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("struct ExportDoc")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Header, A::Error> {
        let (mut format, mut version, mut scope) = (None::<String>, None::<u32>, None::<String>);
        let mut next_ids = None::<NextIds>;
        let mut order = Vec::new();
        while let Some(field) = map.next_key::<Field>()? {
            match field {
                Field::Format => once(&mut format, "format", &mut map)?,
                Field::Version => once(&mut version, "version", &mut map)?,
                Field::Scope => once(&mut scope, "scope", &mut map)?,
                Field::NextIds => once(&mut next_ids, "next_ids", &mut map)?,
                Field::List(kind) if order.contains(&kind) => {
                    return Err(A::Error::duplicate_field(kind.field()))
                }
                Field::List(kind) => {
                    order.push(kind);
                    if self.0.wanted.0[kind as usize] {
                        map.next_value_seed(ListSeed(&mut *self.0, kind))?;
                        self.0.sink.list_done(kind);
                    } else {
                        map.next_value::<IgnoredAny>()?;
                    }
                }
                Field::Other => {
                    map.next_value::<IgnoredAny>()?;
                }
            }
        }
        let missing = A::Error::missing_field;
        let header = Header {
            format: format.ok_or_else(|| missing("format"))?,
            version: version.ok_or_else(|| missing("version"))?,
            scope: scope.ok_or_else(|| missing("scope"))?,
            next_ids: next_ids.ok_or_else(|| missing("next_ids"))?,
            order,
        };
        if let Some(k) = Kind::ALL.iter().find(|k| !header.order.contains(k)) {
            return Err(missing(k.field()));
        }
        Ok(header)
    }
}

/// One list of records, handed over one by one.
struct ListSeed<'t, 'a>(&'t mut Taker<'a>, Kind);

impl<'de> DeserializeSeed<'de> for ListSeed<'_, '_> {
    type Value = ();
    fn deserialize<D: de::Deserializer<'de>>(self, d: D) -> Result<(), D::Error> {
        d.deserialize_seq(self)
    }
}

impl<'de> Visitor<'de> for ListSeed<'_, '_> {
    type Value = ();

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        write!(f, "a list of {} records", self.1.name())
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<(), A::Error> {
        let taker = self.0;
        let sink = &mut *taker.sink;
        let taken = match self.1 {
            Kind::Person => each(&mut seq, |r: Person| sink.person(r)),
            Kind::Family => each(&mut seq, |r: Family| sink.family(r)),
            Kind::Case => each(&mut seq, |r: Case| sink.case(r)),
            Kind::Action => each(&mut seq, |r: Action| sink.action(r)),
            Kind::Meeting => each(&mut seq, |r: Meeting| sink.meeting(r)),
            Kind::Event => each(&mut seq, |r: Event| sink.event(r)),
        }?;
        match taken {
            Ok(()) => Ok(()),
            Err(e) => {
                taker.refused = Some(e);
                Err(A::Error::custom("the import stopped"))
            }
        }
    }
}

/// Parses each element and hands it to `take`; the outer error is the parser's, the inner one
/// what `take` refused.
fn each<'de, A: SeqAccess<'de>, T: de::Deserialize<'de>>(
    seq: &mut A,
    mut take: impl FnMut(T) -> crate::store::Result<()>,
) -> Result<crate::store::Result<()>, A::Error> {
    while let Some(record) = seq.next_element::<T>()? {
        if let Err(e) = take(record) {
            return Ok(Err(e));
        }
    }
    Ok(Ok(()))
}
