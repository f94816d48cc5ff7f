//! How the process asks its allocator for memory.

/// Above this size (bytes) an allocation gets pages of its own from the OS, given back whole
/// when it is freed (glibc's `M_MMAP_THRESHOLD`).
const OWN_PAGES_FROM: i32 = 256 * 1024;

/// Tunes glibc's malloc for a process that reads large stores: two arenas. By default every
/// thread that allocates gets an arena of its own (up to eight per core), and memory freed in
/// one is never reused by another: the TUI's lookup worker, the overdue count and the stream
/// readers each kept theirs. Measured at 50,000 cases in tmux (`VmHWM`), release build: 160 MB
/// → 119 MB after start, 163 → 143 MB on screen 3. Other platforms and allocators are left as
/// they are. Call it first thing in `main`, before any other thread exists.
pub fn tune() {
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    // SAFETY: mallopt only sets a tuning parameter of glibc's allocator; it is called before
    // any other thread exists, and a refused value is harmless.
    unsafe {
        libc::mallopt(libc::M_ARENA_MAX, 2);
    }
}

/// For the TUI, which stays open for hours under a 150 MB aim (issue 10): large blocks, from
/// 256 KiB, on pages of their own, given back whole when freed. glibc starts there at 128 KiB
/// but raises the threshold each time such a block is freed (up to 32 MiB), after which the
/// screens' large lists and sled's buffers come from the heap, and what they leave when freed
/// stays with the process between smaller blocks.
///
/// Measured in tmux at 50,000 cases (start, `3`, `D`, `/a`, `5`; `VmHWM`, release build of
/// a63cea3, the threshold set with glibc's tunable `glibc.malloc.mmap_threshold`): 102 / 127 /
/// 138 / 139 / 147 MB as glibc does it, 93 / 118 / 130 / 131 / 139 MB at 256 KiB; 1 MiB and
/// 4 MiB saved almost nothing. Not for the command line: a block that is freed and asked for
/// again costs a fresh map each time, and `import` of 50,000 cases took 17.6–17.8 s against
/// 13.7–15.6 s, with no memory aim at stake (its peak is 109–120 MB of 200).
///
/// Call it before the TUI starts any thread.
pub fn for_screen() {
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    // SAFETY: as in `tune`: a tuning parameter, set before the TUI's threads exist.
    unsafe {
        libc::mallopt(libc::M_MMAP_THRESHOLD, OWN_PAGES_FROM);
    }
}
