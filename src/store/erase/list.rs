//! The list of erased families, `vergeten.json` in the data dir: ids and salted hashes of the
//! names, never the names. It lives outside sled so that a restore (which moves sled's files
//! aside) keeps it; restore and journal replay drop every family it names.
//!
//! A family in a backup counts as erased when its id is on the list *and* one of its names hashes
//! to one on the list: ids start again from a backup's counters after a restore, so an id alone
//! could one day name another family.

use crate::domain::text::fold;
use crate::domain::{Family, FamilyId};
use crate::store::{files, IoFailure, Result, StoreError};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};
use std::path::Path;

/// The file in the data dir.
pub const FILE: &str = "vergeten.json";

/// Every family erased from this data dir.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ErasedList {
    /// Hex; made once per data dir, so the hashes can't be compared with another school's.
    salt: String,
    pub families: Vec<Entry>,
}

/// One erased family.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Entry {
    pub id: u64,
    /// SHA-256 of the salt and each folded name: the family's, each child's full name, each
    /// carer's.
    pub hashes: Vec<String>,
    /// The day it was asked.
    pub day: NaiveDate,
    /// False while the erasure is under way: the next open finishes it.
    pub done: bool,
}

impl ErasedList {
    /// The list in `dir`; an empty one (with a new salt) when there is none.
    ///
    /// Errors: the file can't be read ([`StoreError::io`]) or is not a list
    /// ([`IoFailure::Json`]): nothing is erased or restored on a guess.
    pub fn load(dir: &Path) -> Result<ErasedList> {
        let bytes = match std::fs::read(dir.join(FILE)) {
            Ok(b) => b,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(ErasedList::new()),
            Err(e) => return Err(StoreError::io(e)),
        };
        serde_json::from_slice(&bytes).map_err(|e| IoFailure::Json(e).into())
    }

    fn new() -> ErasedList {
        let mut salt = [0u8; 16];
        if getrandom::fill(&mut salt).is_err() {
            // No system randomness: the clock still keeps two data dirs' salts apart.
            let nanos = chrono::Local::now().timestamp_nanos_opt().unwrap_or(0);
            salt[..8].copy_from_slice(&nanos.to_le_bytes());
        }
        ErasedList {
            salt: hex(&salt),
            families: Vec::new(),
        }
    }

    /// Writes the list beside itself, synced, and renames it over: a crash leaves the old list
    /// or the new one.
    ///
    /// Errors: what writing reports ([`StoreError::DiskFull`] among them).
    pub fn save(&self, dir: &Path) -> Result<()> {
        let json = serde_json::to_vec_pretty(self).map_err(IoFailure::Json)?;
        let tmp = dir.join(format!("{FILE}.part"));
        files::write_synced(&tmp, &json)?;
        std::fs::rename(&tmp, dir.join(FILE)).map_err(StoreError::io)?;
        files::sync_dir(dir)
    }

    /// The salted hashes of a family's names.
    pub fn hashes(&self, family: &Family) -> Vec<String> {
        let mut names = vec![family.name.clone()];
        for c in &family.children {
            names.push(format!("{} {}", c.first_name, c.last_name));
        }
        names.extend(family.carers.iter().map(|c| c.name.clone()));
        let mut out: Vec<String> = names
            .iter()
            .map(|n| n.split_whitespace().collect::<Vec<_>>().join(" "))
            .filter(|n| !n.is_empty())
            .map(|n| {
                let mut h = Sha256::new();
                h.update(self.salt.as_bytes());
                h.update([0u8]);
                h.update(fold(&n).as_bytes());
                hex(&h.finalize())
            })
            .collect();
        out.sort();
        out.dedup();
        out
    }

    /// True when `family` is one the list names (its id, and one of its names).
    pub fn names(&self, family: &Family) -> bool {
        let mine = self.hashes(family);
        self.families
            .iter()
            .any(|e| e.id == family.id.0 && e.hashes.iter().any(|h| mine.contains(h)))
    }

    /// Puts `family` on the list as under way (again, if it was there).
    pub fn add(&mut self, family: &Family, day: NaiveDate) {
        let hashes = self.hashes(family);
        match self.families.iter_mut().find(|e| e.id == family.id.0) {
            Some(e) => {
                e.hashes.extend(hashes);
                e.hashes.sort();
                e.hashes.dedup();
                e.done = false;
            }
            None => self.families.push(Entry {
                id: family.id.0,
                hashes,
                day,
                done: false,
            }),
        }
    }

    /// True when an erasure is under way.
    pub fn unfinished(&self) -> bool {
        self.families.iter().any(|e| !e.done)
    }

    /// Marks every erasure on the list finished.
    pub fn finish_all(&mut self) {
        for e in &mut self.families {
            e.done = true;
        }
    }

    /// Marks every erasure on the list under way again (a restore brought one back).
    pub fn reopen_all(&mut self) {
        for e in &mut self.families {
            e.done = false;
        }
    }

    /// The ids on the list.
    pub fn ids(&self) -> Vec<FamilyId> {
        self.families.iter().map(|e| FamilyId(e.id)).collect()
    }
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::{Carer, Child, ChildId};

    fn family(id: u64, name: &str, child: &str) -> Family {
        Family {
            id: FamilyId(id),
            name: name.into(),
            carers: vec![Carer {
                name: format!("Ouder {name}"),
                relation: "moeder".into(),
                phone: String::new(),
                email: String::new(),
                lives_with_child: true,
                authority: true,
            }],
            children: vec![Child {
                id: ChildId(id),
                first_name: child.into(),
                last_name: name.into(),
                birth_date: None,
                school: String::new(),
                groep: "5".into(),
            }],
            network: Vec::new(),
        }
    }

    #[test]
    fn a_family_is_named_by_id_and_a_name_never_by_either_alone() {
        let mut list = ErasedList::new();
        let f = family(7, "Zwanenburg", "Quirijn");
        list.add(&f, NaiveDate::default());
        assert!(list.names(&f));
        // Renamed later: the child's name still ties it to the list.
        let mut renamed = f.clone();
        renamed.name = "Zwanenburg-Oost".into();
        assert!(list.names(&renamed));
        // The same id for another family (counters wound back by a restore).
        assert!(!list.names(&family(7, "Bakker", "Mees")));
        // The same names under another id: a family that came back to school.
        assert!(!list.names(&family(8, "Zwanenburg", "Quirijn")));
    }

    #[test]
    fn the_file_holds_no_names_and_reads_back() {
        let dir = tempfile::tempdir().unwrap();
        let mut list = ErasedList::load(dir.path()).unwrap();
        list.add(&family(3, "Zwanenburg", "Quirijn"), NaiveDate::default());
        list.save(dir.path()).unwrap();
        let raw = std::fs::read_to_string(dir.path().join(FILE)).unwrap();
        assert!(!raw.to_lowercase().contains("zwanenburg"));
        assert!(!raw.to_lowercase().contains("quirijn"));
        assert_eq!(ErasedList::load(dir.path()).unwrap(), list);
        // Two data dirs hash the same name differently.
        let other = ErasedList::new();
        let f = family(3, "Zwanenburg", "Quirijn");
        assert_ne!(other.hashes(&f), list.hashes(&f));
    }
}
