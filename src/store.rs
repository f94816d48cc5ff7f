//! The only place that knows sled and bytes. Records live in one tree per kind; the indexes and
//! the compact list rows beside them are written in the same transaction as the record (see
//! [`change`]), and every confirmed change is flushed before the caller hears it is saved.
//!
//! The API speaks in domain types only, so a different backend could stand behind it.

pub mod audit;
pub mod backup;
pub mod change;
pub mod check;
pub mod codec;
mod compact;
pub mod corrections;
pub mod crypt;
pub mod due_counts;
pub mod erase;
pub mod error;
pub mod export;
pub mod facts;
pub mod files;
mod groups;
pub mod guard;
pub mod intake;
pub mod journal;
pub mod keys;
mod lifecycle;
pub use lifecycle::{set_cache_capacity, COMMAND_CACHE_BYTES};
pub mod meeting;
pub mod monitor_read;
pub mod ops;
pub(crate) mod packed;
mod plan;
mod read;
mod repack;
pub mod restore;
pub mod retention;
mod stream;
mod upgrade;

pub use change::{Change, Undo};
pub use check::CheckReport;
pub use due_counts::OverdueReader;
pub use error::{Damage, DemoGap, ImportRule, Invalid, IoFailure, StoreError, Unreadable};
pub(crate) use guard::guard;
pub use read::{FamilyReader, StartReader};
pub use stream::ActionRowView;

use chrono::NaiveDate;
use std::path::{Path, PathBuf};

/// The schema this build writes; older ones are upgraded step by step at open, newer refused.
///
/// 1: one value per action and per event, with `action_case` and `event_case` index entries.
/// 2: a case's action ids and its timeline are one value each (`case_actions`, `case_events`);
/// `events` keeps only events without a case (issue 10: sled's open time and memory grow with
/// the number of values, not their size).
/// 3: every tree of many small values is packed, many values to one sled value
/// (`store/packed.rs`), under a tree name of its own (`action_packs`, `action_days`, …).
/// 4: every action's facts, fixed-size and without text, in `action_fact_packs`
/// (`store/facts.rs`): screen 3's list and the monitor read those instead of every record.
/// 5: how many actions are open per deadline day and side, in `open_due_counts`
/// (`store/due_counts.rs`): the overdue line reads a few hundred counters, not every row.
pub const SCHEMA_VERSION: u32 = 5;

pub type Result<T> = std::result::Result<T, StoreError>;

/// The trees, in the order of the transaction's view.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum T {
    Meta = 0,
    Families,
    Persons,
    Cases,
    Actions,
    Meetings,
    Events,
    CaseRows,
    ActionDue,
    /// Schema 1 only: case id ++ action id. Empty in schema 2; kept so a store or a journal
    /// written by schema 1 can still be read and folded in ([`upgrade`]).
    ActionCase,
    /// Schema 1 only: case id ++ event id. Empty in schema 2, like [`T::ActionCase`].
    EventCase,
    CaseStatus,
    FamilyCase,
    CaseActions,
    CaseEvents,
    /// Schema 4: each action's facts ([`facts`]).
    ActionFacts,
    /// Schema 5: open actions per deadline day and side ([`due_counts`]).
    OpenDue,
}

impl T {
    /// The tree's name in messages (`tandem check`, damage): the name of what it holds, the same
    /// in every schema, where [`TREE_NAMES`] gives sled's name of it.
    pub fn name(self) -> &'static str {
        NAMES[self as usize]
    }

    /// Every tree, by its number (the journal stores the number).
    pub const ALL: [T; 17] = [
        T::Meta,
        T::Families,
        T::Persons,
        T::Cases,
        T::Actions,
        T::Meetings,
        T::Events,
        T::CaseRows,
        T::ActionDue,
        T::ActionCase,
        T::EventCase,
        T::CaseStatus,
        T::FamilyCase,
        T::CaseActions,
        T::CaseEvents,
        T::ActionFacts,
        T::OpenDue,
    ];
}

/// What each [`T`] holds, by the names schemas 1 and 2 gave their trees.
const NAMES: [&str; 17] = [
    "meta",
    "families",
    "persons",
    "cases",
    "actions",
    "meetings",
    "events",
    "case_rows",
    "action_due",
    "action_case",
    "event_case",
    "case_status",
    "family_case",
    "case_actions",
    "case_events",
    "action_facts",
    "open_due_counts",
];

/// The sled tree of each [`T`]. Packed trees (schema 3) have names of their own, so a store
/// of an older schema keeps its unpacked trees beside them until they are moved ([`repack`]).
const TREE_NAMES: [&str; 17] = [
    "meta",
    "family_packs",
    "person_packs",
    "case_packs",
    "action_packs",
    "meetings",
    "events",
    "case_row_packs",
    "action_days",
    "action_case",
    "event_case",
    "case_status_packs",
    "family_case_packs",
    "case_action_packs",
    "case_event_packs",
    "action_fact_packs",
    "open_due_counts",
];

/// Per-kind id counters; the next free id of each kind.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Counters {
    pub family: u64,
    pub child: u64,
    pub case: u64,
    pub person: u64,
    pub action: u64,
    pub meeting: u64,
    pub event: u64,
}

impl Counters {
    const NAMES: [&'static str; 7] = [
        "family", "child", "case", "person", "action", "meeting", "event",
    ];

    fn slots(&mut self) -> [&mut u64; 7] {
        [
            &mut self.family,
            &mut self.child,
            &mut self.case,
            &mut self.person,
            &mut self.action,
            &mut self.meeting,
            &mut self.event,
        ]
    }
}

/// The case book on disk. Opened with [`Store::open`] (creates a store) or
/// [`Store::open_existing`]; closed when dropped, which seals the files for the next open.
pub struct Store {
    /// `None` only while closing.
    db: Option<sled::Db>,
    trees: Vec<sled::Tree>,
    next: Counters,
    dir: PathBuf,
    /// Written into every event as "who": the name of the "me" chosen on this laptop (issue 12
    /// part 4: chosen once per installation, never the login name); empty while none is chosen,
    /// which the trail shows as "onbekend".
    pub who: String,
    /// The db file itself, to sync it for real: sled's flush syncs a byte range only.
    db_file: Option<std::fs::File>,
    /// `None` for a read-only store.
    journal: Option<journal::Journal>,
    /// The journal seq of the last commit in sled.
    seq: u64,
    /// Bulk writes (demo, import) since the last backup: the journal does not hold them, so the
    /// next journaled commit makes a backup first.
    unjournaled: bool,
    /// What open found of the journal; the first save opens it, or (missing, damaged, its
    /// backup gone) starts a new one on a fresh backup.
    journal_found: journal::Found,
    /// A commit whose sled flush failed or waits for [`Store::settle`] (its journal entry is on
    /// disk): the next commit flushes first, so at most one confirmed change is ever missing
    /// from sled's files.
    unflushed: bool,
    /// Commits leave sled's flush to [`Store::settle`] (the TUI, after the frame that shows the
    /// change): the journal, synced before the commit returns, already holds it.
    settle_later: bool,
    /// Something was written in this session (a copy taken at open is then no longer the same).
    wrote: bool,
    /// Set when damage was found after open; the close keeps the files' copy.
    damage: std::sync::Mutex<Option<String>>,
    /// The copy of the files taken at open when they did not match their seal.
    pending: Option<files::Quarantine>,
    /// How many daily backups to keep.
    pub backups_keep: usize,
    /// "Today" for the daily backup (the clock is the caller's).
    pub today: Option<NaiveDate>,
    /// Set for a data dir that can't be written: reads work, commits are refused.
    read_only: bool,
    /// The store is read-only because the disk was full when it opened.
    disk_full: bool,
    /// Upgraded from an older schema at this open: a backup in the new layout is made before
    /// anything else, so no journal of the old layout is ever replayed onto the new one.
    upgraded: bool,
    /// The data key of an encrypted store: every value is sealed with it (issue 12).
    key: Option<crypt::DataKey>,
    /// Held until the files are sealed at close.
    _lock: Option<files::DirLock>,
    /// A read-only store is read from a copy in a temporary dir, removed at close.
    _scratch: Option<tempfile::TempDir>,
}

impl Store {
    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// The key values are sealed with ([`codec`]); `None` for a store without encryption.
    pub(crate) fn seal(&self) -> codec::Seal<'_> {
        self.key.as_ref()
    }

    /// True when the store is encrypted (opened with its data key).
    pub fn is_encrypted(&self) -> bool {
        self.key.is_some()
    }

    // Only `shut` takes the db out, and nothing runs on a store after that.
    #[allow(clippy::expect_used)]
    fn db(&self) -> &sled::Db {
        self.db.as_ref().expect("store is open")
    }

    fn tree(&self, t: T) -> &sled::Tree {
        &self.trees[t as usize]
    }

    /// The schema the store was written with (this build's for a new store).
    ///
    /// Errors: [`StoreError::NewerVersion`]; [`Unreadable`] for a damaged version entry or
    /// records without one.
    fn check_schema(&mut self) -> Result<u32> {
        let meta = self.tree(T::Meta);
        match guard(|| meta.get("schema_version"))?? {
            Some(v) => {
                let arr: [u8; 4] = v
                    .as_ref()
                    .try_into()
                    .map_err(|_| Unreadable::SchemaVersionLength { len: v.len() })?;
                let found = u32::from_be_bytes(arr);
                if found > SCHEMA_VERSION {
                    return Err(StoreError::NewerVersion {
                        found,
                        supported: SCHEMA_VERSION,
                    });
                }
                if found == 0 {
                    return Err(Unreadable::SchemaVersionZero.into());
                }
                // Older schemas are upgraded after the journal's replay (`upgrade`).
                Ok(found)
            }
            None => {
                let empty = self.trees.iter().skip(1).all(|t| t.is_empty());
                if !empty {
                    return Err(Unreadable::NoSchemaVersion.into());
                }
                meta.insert("schema_version", &SCHEMA_VERSION.to_be_bytes())?;
                self.db().flush()?;
                Ok(SCHEMA_VERSION)
            }
        }
    }

    fn load_counters(&mut self) -> Result<()> {
        let mut next = Counters::default();
        for (name, slot) in Counters::NAMES.iter().zip(next.slots()) {
            let key = format!("next/{name}");
            *slot = match self.tree(T::Meta).get(key.as_bytes())? {
                Some(v) => keys::read_id(&v).ok_or(Unreadable::Counter { name })?,
                None => 1,
            };
        }
        self.next = next;
        Ok(())
    }

    /// True when the store holds no records at all (a fresh data dir).
    pub fn is_empty(&self) -> bool {
        self.trees.iter().skip(1).all(|t| t.is_empty())
    }

    pub(crate) fn next_ids(&self) -> Counters {
        self.next
    }

    pub(crate) fn set_next_ids(&mut self, next: Counters) -> Result<()> {
        let meta = self.tree(T::Meta);
        let mut n = next;
        for (name, slot) in Counters::NAMES.iter().zip(n.slots()) {
            meta.insert(format!("next/{name}").as_bytes(), &keys::id(*slot))?;
        }
        self.next = next;
        Ok(())
    }

    /// Writes everything sled still holds in memory to disk.
    pub fn flush(&self) -> Result<()> {
        guard(|| self.db().flush())??;
        Ok(())
    }

    /// Bytes on disk, for the measurements.
    pub fn size_on_disk(&self) -> Result<u64> {
        Ok(self.db().size_on_disk()?)
    }
}

impl From<StoreError> for std::io::Error {
    fn from(e: StoreError) -> Self {
        std::io::Error::other(e)
    }
}
