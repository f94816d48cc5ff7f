//! How much memory sled may keep of the store's pages: a property of the process, set before
//! the store is opened.
//!
//! The TUI keeps the default. Its lists live in its own memory (case rows, screen 3's entries),
//! so sled's cache serves only point reads (a case opened, a page of screen 3, a save) and the
//! scans at start and on screen 3, which gain nothing from it; with 64 MiB, showing done actions
//! on screen 3 (438,000 rows at 50,000 cases) filled the cache and took the TUI to 300 MB. A command of the command line reads each page about once, in key order, and
//! gains nothing from a large cache while paying for it: sled counts a page by its size on disk,
//! and the nodes it decodes take about three times that. Reading every tree of the 50,000-case
//! store once (probe, fresh process each) peaked at 256 MB of resident memory with 64 MiB of
//! cache, 145 MB with 16 MiB and 103 MB with 4 MiB, in about the same time (6.3–7.9 s on a busy
//! machine).

use std::sync::atomic::{AtomicU64, Ordering};

/// sled's own default cache is 1 GiB; 16 MiB of pages (about 50 MB once sled has decoded them)
/// holds what a session reads again, inside the 150 MB budget.
const DEFAULT_BYTES: u64 = 16 * 1024 * 1024;

/// The cache of a process that runs one command and ends (bytes).
pub const COMMAND_CACHE_BYTES: u64 = 8 * 1024 * 1024;

static BYTES: AtomicU64 = AtomicU64::new(DEFAULT_BYTES);

/// Sets the cache of every store this process opens from now on (bytes;
/// [`COMMAND_CACHE_BYTES`] for a command of the command line).
pub fn set_cache_capacity(bytes: u64) {
    BYTES.store(bytes, Ordering::Relaxed);
}

/// The cache size for the next open.
pub(super) fn bytes() -> u64 {
    BYTES.load(Ordering::Relaxed)
}
