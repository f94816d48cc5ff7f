//! An action row read in place: its texts borrowed from the stored bytes instead of copied
//! into three `String`s per row (at 50,000 cases `tandem actions --due week` reads 92,800 rows
//! only to write them out again).

use crate::domain::dates::wire;
use crate::domain::{ActionId, ActionSummary, CaseId, PersonId, Side};
use crate::store::codec::{self, Seal, FORMAT};
use crate::store::Result;
use chrono::{NaiveDate, NaiveDateTime};
use serde::Deserialize;
use std::borrow::Cow;

/// An [`ActionSummary`] whose texts borrow from the bytes it was read from where they can. Its
/// fields are the summary's, in the same order: bincode reads both from the same bytes.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
pub struct ActionRowView<'a> {
    pub id: ActionId,
    pub case: CaseId,
    #[serde(borrow)]
    pub child_name: Cow<'a, str>,
    #[serde(borrow)]
    pub groep: Cow<'a, str>,
    #[serde(borrow)]
    pub text: Cow<'a, str>,
    pub owner: Option<PersonId>,
    pub side: Side,
    #[serde(default, with = "wire::date::option")]
    pub deadline: Option<NaiveDate>,
    #[serde(default, with = "wire::datetime::option")]
    pub done: Option<NaiveDateTime>,
}

impl<'a> ActionRowView<'a> {
    /// The row of `r`, borrowing its texts.
    pub fn of(r: &'a ActionSummary) -> ActionRowView<'a> {
        ActionRowView {
            id: r.id,
            case: r.case,
            child_name: Cow::Borrowed(&r.child_name),
            groep: Cow::Borrowed(&r.groep),
            text: Cow::Borrowed(&r.text),
            owner: r.owner,
            side: r.side,
            deadline: r.deadline,
            done: r.done,
        }
    }

    /// The row of `r`, owning its texts.
    fn owned(r: ActionSummary) -> ActionRowView<'static> {
        ActionRowView {
            id: r.id,
            case: r.case,
            child_name: Cow::Owned(r.child_name),
            groep: Cow::Owned(r.groep),
            text: Cow::Owned(r.text),
            owner: r.owner,
            side: r.side,
            deadline: r.deadline,
            done: r.done,
        }
    }

    /// As [`ActionSummary::is_overdue`].
    pub fn is_overdue(&self, today: NaiveDate) -> bool {
        self.done.is_none() && self.deadline.is_some_and(|d| d < today)
    }
}

/// Record formats whose action rows read in place: an [`ActionSummary`] has the same shape in
/// each (formats 2 and 3 changed other records, [`codec::v1`], [`codec::v2`]). A row keeps the
/// format it was written in until its action changes, so a store holds rows of all three.
const IN_PLACE: [u8; 3] = [1, 2, FORMAT];

/// The row stored as `bytes`: read in place when it is plain and in a format of [`IN_PLACE`],
/// else (sealed, or a newer format) through [`codec::decode`], as every other read does.
///
/// Errors: as [`codec::decode`].
pub fn view<'b>(bytes: &'b [u8], seal: Seal) -> Result<ActionRowView<'b>> {
    const WHAT: &str = "action row";
    let body = match bytes.split_first() {
        Some((format, body)) if IN_PLACE.contains(format) => body,
        _ => return codec::decode::<ActionSummary>(bytes, WHAT, seal).map(ActionRowView::owned),
    };
    codec::in_place(body, WHAT)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::{StoreError, Unreadable};

    fn row(text: &str, owner: Option<u64>, done: bool) -> ActionSummary {
        let day = NaiveDate::from_ymd_opt(2026, 11, 23);
        ActionSummary {
            id: ActionId(7),
            case: CaseId(3),
            child_name: "Noor van Wijk".into(),
            groep: "groep 5".into(),
            text: text.into(),
            owner: owner.map(PersonId),
            side: Side::Zorg,
            deadline: if owner.is_some() { day } else { None },
            done: if done {
                day.and_then(|d| d.and_hms_milli_opt(9, 30, 0, 250))
            } else {
                None
            },
        }
    }

    #[test]
    fn a_stored_row_reads_in_place_as_the_summary_reads() -> std::result::Result<(), StoreError> {
        for r in [
            row("Bellen met \"moeder\"\n🦄 王", Some(4), false),
            row("", None, true),
            row("x", Some(u64::MAX), true),
        ] {
            let bytes = codec::encode(&r, None)?;
            let v = view(&bytes, None)?;
            assert!(matches!(v.text, Cow::Borrowed(_)));
            assert_eq!(v, ActionRowView::of(&r));
            // Cut short or with a byte too many, it is damage, as for the summary.
            assert!(view(&bytes[..bytes.len() - 1], None).is_err());
            let mut longer = bytes.clone();
            longer.push(0);
            assert!(matches!(
                view(&longer, None),
                Err(StoreError::Damaged(Unreadable::TrailingBytes { .. }))
            ));
        }
        Ok(())
    }

    #[test]
    fn a_sealed_row_reads_through_the_codec_and_an_older_one_in_place(
    ) -> std::result::Result<(), StoreError> {
        let dir = tempfile::tempdir().map_err(StoreError::io)?;
        let (key, header) = crate::store::crypt::new_key("pw")?;
        crate::store::crypt::write_header(dir.path(), &header)?;
        let r = row("Gesprek", Some(2), false);
        let sealed = codec::encode(&r, Some(&key))?;
        assert_eq!(view(&sealed, Some(&key))?, ActionRowView::of(&r));
        assert!(view(&sealed, None).is_err());
        assert!(view(&[], None).is_err());
        // Formats 1 and 2 read in place as the codec reads them.
        for format in [1, 2] {
            let mut older = codec::encode(&r, None)?;
            older[0] = format;
            let v = view(&older, None)?;
            assert!(matches!(v.text, Cow::Borrowed(_)));
            let summary: ActionSummary = codec::decode(&older, "action row", None)?;
            assert_eq!(v, ActionRowView::of(&summary));
        }
        let mut newer = codec::encode(&r, None)?;
        newer[0] = FORMAT + 1;
        assert!(view(&newer, None).is_err());
        Ok(())
    }
}
