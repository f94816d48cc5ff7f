//! How the process asks its allocator for memory.

/// Above this size (bytes) an allocation gets pages of its own from the OS, given back whole
/// when it is freed (glibc's `M_MMAP_THRESHOLD`).
const OWN_PAGES_FROM: i32 = 256 * 1024;

/// Tunes glibc's malloc for a process that reads large stores. Other platforms and allocators
/// are left as they are.
///
/// - **Two arenas.** By default every thread that allocates gets an arena of its own (up to
///   eight per core), and memory freed in one is never reused by another: the TUI's lookup
///   worker, the overdue count and the stream readers each kept theirs. Measured at 50,000
///   cases in tmux (`VmHWM`), release build: 160 MB → 119 MB after start, 163 → 143 MB on
///   screen 3.
/// - **Large blocks on pages of their own, from 256 KiB.** glibc starts there at 128 KiB but
///   raises the threshold each time such a block is freed (up to 32 MiB), after which sled's
///   buffers and the screens' large lists come from the heap, and what they leave when freed
///   stays with the process between smaller blocks. A fixed threshold keeps them apart. Measured
///   in tmux at 50,000 cases (start, `3`, `D`, `/a`, `5`; `VmHWM`, release build of a63cea3 with
///   glibc's tunable `glibc.malloc.mmap_threshold`): 102 / 127 / 138 / 139 / 147 MB by default,
///   93 / 118 / 130 / 131 / 139 MB at 256 KiB; 1 MiB and 4 MiB saved almost nothing.
pub fn tune() {
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    // SAFETY: mallopt only sets tuning parameters of glibc's allocator; it is called first
    // thing in `main`, before any other thread exists, and a refused value is harmless.
    unsafe {
        libc::mallopt(libc::M_ARENA_MAX, 2);
        libc::mallopt(libc::M_MMAP_THRESHOLD, OWN_PAGES_FROM);
    }
}
