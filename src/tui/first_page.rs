//! The first page of Casussen as the last session left it, in a small file beside the store, so
//! that the next start draws it before sled has opened: sled's open alone takes about 200 ms at
//! 50,000 cases, and the first frame must come within 150 ms (issue 10). It is a cache, never a
//! source: anything wrong with it (missing, damaged, from another version) and the start simply
//! waits for the store. The store's rows replace it as soon as they are read.

use super::app::App;
use super::cases::{self, CaseList};
use crate::domain::CaseSummary;
use crate::store::{codec, crypt};
use serde::{Deserialize, Serialize};
use std::path::Path;

/// The file in the data dir. It holds names, like the store: readable by the user alone; an
/// erasure removes it (it is one of the store's caches, `store::erase::CACHES`).
pub const FILE: &str = crate::store::erase::CACHES[0];

/// Rows kept: more than the tallest terminal shows.
pub const ROWS: usize = 150;

/// What the first frame shows of the case list: its first rows under the start filter, and the
/// counts above them.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct FirstPage {
    pub rows: Vec<CaseSummary>,
    /// Cases the start filter shows.
    pub visible: usize,
    /// Cases in the store.
    pub total: usize,
}

/// The page kept in `dir`, if there is a usable one.
pub fn load(dir: &Path) -> Option<FirstPage> {
    if crypt::is_encrypted(dir) {
        return None;
    }
    let bytes = std::fs::read(dir.join(FILE)).ok()?;
    codec::decode(&bytes, "first page", None).ok()
}

/// Keeps the first page the next start will show: the start filter (open cases) and order, not
/// whatever filter this session ended on. Best effort: a cache that can't be written costs the
/// next start only its head start.
///
/// An encrypted store keeps none (and removes one left from before): the page holds names, it
/// is read before the passphrase is asked, and the prompt stands where its head start would be.
pub fn save(dir: &Path, app: &App) {
    if crypt::is_encrypted(dir) {
        let _ = std::fs::remove_file(dir.join(FILE));
        return;
    }
    if app.cases.counts.is_some() {
        // Quit before every row was read: the rows at hand are a page, not the list; the page
        // kept stays (the next start replaces it by the store's rows as always).
        return;
    }
    let mut list = CaseList::default();
    list.set_rows(app.cases.rows.clone());
    list.filter.open_only = true;
    cases::apply_filter(&mut list, app.today);
    let page = FirstPage {
        rows: list
            .visible
            .iter()
            .take(ROWS)
            .filter_map(|i| list.rows.get(*i).map(|r| CaseSummary::clone(r)))
            .collect(),
        visible: list.visible.len(),
        total: list.rows.len(),
    };
    let Ok(bytes) = codec::encode(&page, None) else {
        return;
    };
    let tmp = dir.join(format!("{FILE}.part"));
    if crate::store::files::write_synced(&tmp, &bytes).is_ok() {
        let _ = std::fs::rename(&tmp, dir.join(FILE));
    }
}

/// The case list as the kept page shows it, with the counts of the whole store.
pub fn list_of(page: FirstPage) -> CaseList {
    let mut list = CaseList::default();
    let n = page.rows.len();
    list.set_rows(page.rows);
    list.filter.open_only = true;
    list.visible = (0..n).collect();
    list.counts = Some((page.visible, page.total));
    list
}
