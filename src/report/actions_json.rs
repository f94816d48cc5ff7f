//! `tandem actions --format json` written row by row without serde's per-field machinery: the
//! same bytes serde_json writes for [`ActionOut`] (README: "actions JSON"), made ~2× cheaper.
//! At 50,000 cases the list of this week has 92,800 rows (19 MB); serde_json escaped every
//! text byte by byte and looked the owner up and escaped their name again for every row.
//! Texts without a byte JSON escapes are copied whole; the owner's part is made once per
//! person; anything rare (an escape, a date chrono writes its own way) goes to serde_json.

use super::actions::Names;
use crate::domain::dates::wire;
use crate::domain::text::initials;
use crate::domain::PersonId;
use crate::store::ActionRowView;
use chrono::{NaiveDate, NaiveDateTime};
use serde::{Serialize, Serializer};
use std::collections::HashMap;

#[cfg(doc)]
use super::actions::ActionOut;

/// What each row of one list shares: the owners' parts, and the day that makes a row overdue.
pub struct JsonRows {
    /// `"owner":"…","owner_id":N` of everyone on the sociale kaart.
    owners: HashMap<PersonId, Vec<u8>>,
    today: NaiveDate,
}

impl JsonRows {
    /// The parts of the list `names` names people in, as of `today`.
    ///
    /// Errors: none in practice (serde_json writing into memory).
    pub fn new(names: &Names, today: NaiveDate) -> serde_json::Result<JsonRows> {
        let mut owners = HashMap::new();
        for id in names.person_ids() {
            let mut part = Vec::with_capacity(48);
            owner_part(&mut part, names.owner_ref(Some(id)).as_deref(), Some(id))?;
            owners.insert(id, part);
        }
        Ok(JsonRows { owners, today })
    }

    /// Appends each row as `,{…}`: the bytes serde_json writes for its [`ActionOut`], after a
    /// comma (the list's first comma is the caller's to leave out).
    ///
    /// Errors: none in practice (serde_json writing into memory).
    pub fn write<'r, 'v: 'r>(
        &self,
        rows: impl IntoIterator<Item = &'r ActionRowView<'v>>,
        out: &mut Vec<u8>,
    ) -> serde_json::Result<()> {
        let mut deadline = DayCache::default();
        for r in rows {
            out.extend_from_slice(b",{\"id\":");
            number(out, r.id.0)?;
            out.extend_from_slice(b",\"case\":");
            number(out, r.case.0)?;
            out.extend_from_slice(b",\"child\":");
            string(out, &initials(&r.child_name))?;
            out.extend_from_slice(b",\"groep\":");
            string(out, &r.groep)?;
            out.extend_from_slice(b",\"text\":");
            string(out, &r.text)?;
            out.push(b',');
            match r.owner.and_then(|id| self.owners.get(&id)) {
                Some(part) => out.extend_from_slice(part),
                None => owner_part(out, None, r.owner)?,
            }
            out.extend_from_slice(b",\"side\":");
            string(out, r.side.key())?;
            out.extend_from_slice(b",\"deadline\":");
            deadline.write(out, r.deadline)?;
            out.extend_from_slice(match r.is_overdue(self.today) {
                true => b",\"overdue\":true,\"done\":",
                false => b",\"overdue\":false,\"done\":",
            });
            match r.done {
                None => out.extend_from_slice(b"null"),
                Some(_) => serde_json::to_writer(&mut *out, &DoneWire(&r.done))?,
            }
            out.push(b'}');
        }
        Ok(())
    }
}

/// `"owner":…,"owner_id":…` as serde_json writes the two fields.
fn owner_part(
    out: &mut Vec<u8>,
    name: Option<&str>,
    id: Option<PersonId>,
) -> serde_json::Result<()> {
    out.extend_from_slice(b"\"owner\":");
    serde_json::to_writer(&mut *out, &name)?;
    out.extend_from_slice(b",\"owner_id\":");
    serde_json::to_writer(&mut *out, &id.map(|p| p.0))
}

fn number(out: &mut Vec<u8>, n: u64) -> serde_json::Result<()> {
    serde_json::to_writer(out, &n)
}

/// A JSON string as serde_json writes it: it escapes `"`, `\` and the control characters
/// below U+0020 only, so a text without those is itself between quotes.
fn string(out: &mut Vec<u8>, s: &str) -> serde_json::Result<()> {
    if s.bytes().any(|b| b < 0x20 || b == b'"' || b == b'\\') {
        return serde_json::to_writer(out, s);
    }
    out.reserve(s.len() + 2);
    out.push(b'"');
    out.extend_from_slice(s.as_bytes());
    out.push(b'"');
    Ok(())
}

/// The last deadline written and its text: the rows come by deadline, so most rows repeat it.
#[derive(Default)]
struct DayCache {
    last: Option<(Option<NaiveDate>, Vec<u8>)>,
}

impl DayCache {
    fn write(&mut self, out: &mut Vec<u8>, d: Option<NaiveDate>) -> serde_json::Result<()> {
        if let Some((day, text)) = &self.last {
            if *day == d {
                out.extend_from_slice(text);
                return Ok(());
            }
        }
        let mut text = Vec::with_capacity(12);
        serde_json::to_writer(&mut text, &DeadlineWire(&d))?;
        out.extend_from_slice(&text);
        self.last = Some((d, text));
        Ok(())
    }
}

/// A deadline as [`ActionOut`] writes it.
struct DeadlineWire<'a>(&'a Option<NaiveDate>);

impl Serialize for DeadlineWire<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        wire::date::option::serialize(self.0, s)
    }
}

/// When an action was finished, as [`ActionOut`] writes it.
struct DoneWire<'a>(&'a Option<NaiveDateTime>);

impl Serialize for DoneWire<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        wire::datetime::option::serialize(self.0, s)
    }
}

#[cfg(test)]
mod tests;
