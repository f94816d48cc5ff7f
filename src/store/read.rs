//! Reading records and list rows. Every read passes through the panic guard (sled 0.34.7 panics
//! on some damaged files) and [`Store::seen`], so damage found while reading is noted for the
//! close.

use super::{codec, guard, keys, packed, Result, Store, Unreadable, T};
use crate::domain::{
    Action, ActionEntry, ActionId, ActionSummary, Case, CaseId, CaseSummary, Event, Family,
    FamilyId, Meeting, MeetingId, Person, PersonId,
};
use chrono::NaiveDate;
use serde::de::DeserializeOwned;

mod first_page;
mod later;

pub use later::StartReader;

impl Store {
    fn get<V: DeserializeOwned + 'static>(
        &self,
        t: T,
        id: u64,
        what: &'static str,
    ) -> Result<Option<V>> {
        self.get_at(t, &keys::id(id), what)
    }

    /// The value under `key` in tree `t`, decoded (`what` names it in errors); damage found is
    /// noted for the close.
    pub(super) fn get_at<V: DeserializeOwned + 'static>(
        &self,
        t: T,
        key: &[u8],
        what: &'static str,
    ) -> Result<Option<V>> {
        self.seen(
            match guard(|| packed::get(self.tree(t), t, key)).and_then(|r| r) {
                Ok(Some(bytes)) => codec::decode(&bytes, what, self.seal()).map(Some),
                Ok(None) => Ok(None),
                Err(e) => Err(e),
            },
        )
    }

    fn all<V: DeserializeOwned + 'static>(&self, t: T, what: &'static str) -> Result<Vec<V>> {
        self.seen(
            guard(|| {
                packed::range(self.tree(t), t, &[], None)
                    .map(|kv| codec::decode(&kv?.1, what, self.seal()))
                    .collect()
            })
            .and_then(|r| r),
        )
    }

    /// The second ids of every `a ++ b` key under the prefix `a`.
    pub(super) fn ids_under(&self, t: T, prefix: u64) -> Result<Vec<u64>> {
        self.seen(
            guard(|| {
                let end = prefix.checked_add(1).map(keys::id);
                packed::range(
                    self.tree(t),
                    t,
                    &keys::id(prefix),
                    end.as_ref().map(|e| &e[..]),
                )
                .map(|kv| {
                    let k = kv?.0;
                    keys::pair_second(&k)
                        .ok_or_else(|| Unreadable::IndexKey { tree: t.name() }.into())
                })
                .collect()
            })
            .and_then(|r| r),
        )
    }

    pub fn family(&self, id: FamilyId) -> Result<Option<Family>> {
        self.get(T::Families, id.0, "family")
    }
    pub fn case(&self, id: CaseId) -> Result<Option<Case>> {
        self.get(T::Cases, id.0, "case")
    }
    pub fn person(&self, id: PersonId) -> Result<Option<Person>> {
        self.get(T::Persons, id.0, "person")
    }
    pub fn action(&self, id: ActionId) -> Result<Option<Action>> {
        self.get(T::Actions, id.0, "action")
    }
    pub fn meeting(&self, id: MeetingId) -> Result<Option<Meeting>> {
        self.get(T::Meetings, id.0, "meeting")
    }
    pub fn persons(&self) -> Result<Vec<Person>> {
        self.all(T::Persons, "person")
    }
    pub fn families(&self) -> Result<Vec<Family>> {
        self.all(T::Families, "family")
    }
    pub fn cases(&self) -> Result<Vec<Case>> {
        self.all(T::Cases, "case")
    }
    pub fn actions(&self) -> Result<Vec<Action>> {
        self.all(T::Actions, "action")
    }
    pub fn meetings(&self) -> Result<Vec<Meeting>> {
        self.all(T::Meetings, "meeting")
    }
    /// Every timeline event: those without a case by id, then each case's timeline, case by
    /// case (the order of [`Store::each_event`], so a streamed export and this one agree).
    pub fn events(&self) -> Result<Vec<Event>> {
        let mut out: Vec<Event> = self.all(T::Events, "event")?;
        if let Some(e) = out.iter().find(|e| e.case.is_some()) {
            return self.seen(Err(Unreadable::GroupMismatch {
                case: e.case.map_or(0, |c| c.0),
            }
            .into()));
        }
        out.extend(self.all_case_events()?);
        Ok(out)
    }

    /// The compact rows of every case: what the case list and the lookup need, without decoding
    /// full records.
    pub fn case_rows(&self) -> Result<Vec<CaseSummary>> {
        self.decode_range(T::CaseRows, Vec::new(), None, "case row")
    }

    /// As [`Store::case_rows`], each row in an `Arc` of its own as it is decoded (the TUI shares
    /// them one by one): wrapping a read list afterwards held both at once, 9 MB more at the
    /// start at 50,000 cases.
    pub fn case_rows_shared(&self) -> Result<Vec<std::sync::Arc<CaseSummary>>> {
        self.decode_range(T::CaseRows, Vec::new(), None, "case row")
    }

    pub fn case_row(&self, id: CaseId) -> Result<Option<CaseSummary>> {
        self.get(T::CaseRows, id.0, "case row")
    }

    pub fn cases_of_family(&self, family: FamilyId) -> Result<Vec<Case>> {
        let mut out = Vec::new();
        for id in self.ids_under(T::FamilyCase, family.0)? {
            out.extend(self.case(CaseId(id))?);
        }
        Ok(out)
    }

    pub fn actions_of_case(&self, case: CaseId) -> Result<Vec<Action>> {
        let mut out = Vec::new();
        for id in self.case_action_ids(case)? {
            out.extend(self.action(id)?);
        }
        Ok(out)
    }

    /// The case's timeline (klantreis), oldest first. Sorted by time, not by id: an import or a
    /// back-dated entry may have written a later id for an earlier moment.
    pub fn events_of_case(&self, case: CaseId) -> Result<Vec<Event>> {
        let mut out = self.case_event_group(case)?;
        out.sort_by_key(|e| (e.at, e.id));
        Ok(out)
    }

    /// Action rows in deadline order: open ones (`done == false`) or done ones, with a deadline
    /// from `from` (inclusive) up to `until` (inclusive); `None` leaves that end open (actions
    /// without a deadline come last and only when `until` is `None`).
    pub fn action_rows(
        &self,
        done: bool,
        from: Option<NaiveDate>,
        until: Option<NaiveDate>,
    ) -> Result<Vec<ActionSummary>> {
        let (start, end) = due_bounds(done, from, until);
        self.decode_range(T::ActionDue, start, Some(end), "action row")
    }

    /// As [`Store::action_rows`] without the texts and in id order: what screen 3 keeps of
    /// every action, open ones (`done == false`) or done ones.
    pub fn action_entries(&self, done: bool) -> Result<Vec<ActionEntry>> {
        let mut out = Vec::new();
        self.append_action_entries(!done, done, &mut out)?;
        Ok(out)
    }

    /// As [`Store::action_entries`], added to the end of `out`: the open ones when `open`, the
    /// done ones when `done`, in one pass over every action's facts ([`super::facts`]).
    ///
    /// Read from the facts, not the deadline index's rows: sled keeps every page read for the
    /// session, and the rows with their texts kept 60 MB more after `D` at 50,000 cases.
    pub fn append_action_entries(
        &self,
        open: bool,
        done: bool,
        out: &mut Vec<ActionEntry>,
    ) -> Result<()> {
        self.each_fact(|f| {
            if (open && f.is_open()) || (done && !f.is_open()) {
                out.push(ActionEntry::from(&f));
            }
            Ok(())
        })
    }

    /// The whole row of `entry`, read by its key in the deadline index (`None` when the action
    /// is no longer there as the entry says: done, moved or removed since).
    pub fn action_row_of(&self, entry: &ActionEntry) -> Result<Option<ActionSummary>> {
        let key = keys::action_due(entry.done, entry.deadline, entry.id.0);
        self.get_at(T::ActionDue, &key, "action row")
    }

    /// Decodes every value in `start..end` (to the end of the tree when `end` is `None`), in key
    /// order. Long lists are most of the time of a start or a query at 50,000 cases, so the raw
    /// values are gathered first (cheap: sled hands out shared buffers) and decoded in two halves
    /// at once, one per core.
    ///
    /// Only forward iteration: sled 0.34.7 panics inside reverse iteration with an exclusive upper
    /// bound in some tree layouts (issue 8; `tests/it/sled_traps.rs` builds one), so no store code
    /// calls `next_back`, `rev`, `last`, `get_lt` or `pop_max`.
    fn decode_range<V: DeserializeOwned + Send + 'static>(
        &self,
        t: T,
        start: Vec<u8>,
        end: Option<Vec<u8>>,
        what: &'static str,
    ) -> Result<Vec<V>> {
        self.seen(self.decode_range_inner(t, start, end, what))
    }

    fn decode_range_inner<V: DeserializeOwned + Send + 'static>(
        &self,
        t: T,
        start: Vec<u8>,
        end: Option<Vec<u8>>,
        what: &'static str,
    ) -> Result<Vec<V>> {
        decode_tree_range((self.tree(t), t), start, end, what, self.seal())
    }

    /// The families, to read on another thread while the store goes on being used (the
    /// lookup's carers and children without a case).
    pub fn family_reader(&self) -> FamilyReader {
        FamilyReader {
            tree: self.tree(T::Families).clone(),
            key: self.key.clone(),
        }
    }
}

/// A handle of the families of its own, to read from any thread ([`FamilyReader::each`]).
#[derive(Clone)]
pub struct FamilyReader {
    tree: sled::Tree,
    key: Option<super::crypt::DataKey>,
}

impl FamilyReader {
    /// Calls `f` with every family, in id order. Errors: the first family that can't be read
    /// ([`StoreError::Damaged`](super::StoreError::Damaged)), reported here and not noted for
    /// the close.
    pub fn each(&self, mut f: impl FnMut(Family)) -> Result<()> {
        guard(|| -> Result<()> {
            for kv in packed::range(&self.tree, T::Families, &[], None) {
                f(codec::decode(&kv?.1, "family", self.key.as_ref())?);
            }
            Ok(())
        })?
    }
}

/// The key range of [`Store::action_rows`].
pub(super) fn due_bounds(
    done: bool,
    from: Option<NaiveDate>,
    until: Option<NaiveDate>,
) -> (Vec<u8>, Vec<u8>) {
    let start = keys::action_due_from(done, from);
    let end = match until {
        Some(u) => {
            let end_day = keys::day(Some(u)).saturating_add(1);
            let mut end = [0u8; 5];
            end[0] = u8::from(done);
            end[1..5].copy_from_slice(&end_day.to_be_bytes());
            end.to_vec()
        }
        None => vec![u8::from(done) + 1],
    };
    (start.to_vec(), end)
}

/// Decodes every value in `start..end` of `tree` (to its end when `end` is `None`), in key order,
/// in two halves at once, one per core, once the list is long.
fn decode_tree_range<V: DeserializeOwned + Send + 'static>(
    (tree, t): (&sled::Tree, T),
    start: Vec<u8>,
    end: Option<Vec<u8>>,
    what: &'static str,
    seal: codec::Seal,
) -> Result<Vec<V>> {
    let raw: Vec<sled::IVec> = guard(|| {
        packed::range(tree, t, &start, end.as_deref())
            .map(|kv| kv.map(|(_, v)| v))
            .collect::<Result<Vec<_>>>()
    })??;
    let decode = |part: &[sled::IVec]| -> Result<Vec<V>> {
        part.iter().map(|v| codec::decode(v, what, seal)).collect()
    };
    if raw.len() < 2048 {
        return decode(&raw);
    }
    let (low, high) = raw.split_at(raw.len() / 2);
    let (low, high) = std::thread::scope(|s| {
        let high = s.spawn(|| decode(high));
        (decode(low), high.join())
    });
    let high = high.map_err(|_| Unreadable::DecodeStopped { what })??;
    let mut low = low?;
    low.extend(high);
    Ok(low)
}
