//! Record format 2: the shapes of the records that changed in format 3, kept only to read old
//! stores (as [`super::v1`] does for format 1). Format 3 gave every timeline event the fields an
//! edit changed (`Event::changes`); an event of format 1 or 2 reads with none.

use super::body;
use super::v1::upgraded;
use crate::domain::dates::wire;
use crate::domain::{CaseId, Event, EventId, EventKind, FamilyId};
use crate::store::error::StoreError;
use chrono::NaiveDateTime;
use serde::de::DeserializeOwned;
use serde::Deserialize;

/// A format-2 body (or a format-1 body of a record format 2 did not change) read as `T`.
///
/// Errors: as [`super::decode`] for a body that does not read.
pub fn decode<T: DeserializeOwned + 'static>(
    bytes: &[u8],
    what: &'static str,
) -> Result<T, StoreError> {
    if let Some(v) = upgraded::<T, Event2, Event>(bytes, what)? {
        return Ok(v);
    }
    // A case's whole timeline is one value (`case_events`).
    if let Some(v) = upgraded::<T, Timeline2, Vec<Event>>(bytes, what)? {
        return Ok(v);
    }
    body(bytes, what)
}

/// [`Event`] before format 3.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, serde::Serialize)]
pub struct Event2 {
    pub id: EventId,
    #[serde(with = "wire::datetime")]
    pub at: NaiveDateTime,
    pub who: String,
    pub case: Option<CaseId>,
    pub family: Option<FamilyId>,
    pub kind: EventKind,
}

/// A case's timeline (`case_events`) before format 3.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, serde::Serialize)]
#[serde(transparent)]
pub struct Timeline2(pub Vec<Event2>);

impl From<Timeline2> for Vec<Event> {
    fn from(t: Timeline2) -> Vec<Event> {
        t.0.into_iter().map(Event::from).collect()
    }
}

impl From<Event2> for Event {
    fn from(e: Event2) -> Event {
        Event {
            id: e.id,
            at: e.at,
            who: e.who,
            case: e.case,
            family: e.family,
            kind: e.kind,
            changes: Vec::new(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::FieldChange;
    use chrono::NaiveDate;

    fn old() -> Event2 {
        Event2 {
            id: EventId(5),
            at: NaiveDate::from_ymd_opt(2026, 11, 23)
                .and_then(|d| d.and_hms_opt(9, 30, 0))
                .unwrap(),
            who: "Yvonne".into(),
            case: Some(CaseId(4)),
            family: Some(FamilyId(2)),
            kind: EventKind::CaseEdited,
        }
    }

    fn stored<T: serde::Serialize>(format: u8, value: &T) -> Vec<u8> {
        let mut out = vec![format];
        out.extend(bincode::serde::encode_to_vec(value, bincode::config::standard()).unwrap());
        out
    }

    #[test]
    fn events_of_format_1_and_2_read_with_no_changes() {
        for format in [1u8, 2] {
            let e: Event =
                crate::store::codec::decode(&stored(format, &old()), "event", None).unwrap();
            assert_eq!(e, Event::from(old()));
            let timeline: Vec<Event> =
                crate::store::codec::decode(&stored(format, &vec![old(), old()]), "events", None)
                    .unwrap();
            assert_eq!(timeline.len(), 2);
            assert!(timeline.iter().all(|e| e.changes.is_empty()));
        }
    }

    #[test]
    fn an_event_with_changes_is_written_in_format_3_and_reads_back() {
        let mut e = Event::from(old());
        e.changes.push(FieldChange {
            field: "question".into(),
            before: "slaapt slecht".into(),
            after: "slaapt beter".into(),
        });
        let bytes = crate::store::codec::encode(&e, None).unwrap();
        assert_eq!(bytes[0], 3);
        let back: Event = crate::store::codec::decode(&bytes, "event", None).unwrap();
        assert_eq!(back, e);
    }
}
