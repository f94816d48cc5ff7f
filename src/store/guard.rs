//! The sled panic guard. sled 0.34.7 panics on some damaged files (and in reverse iteration,
//! see `tests/it/sled_traps.rs`) instead of returning an error; `guard` turns such a panic into
//! [`StoreError::Damaged`](super::StoreError::Damaged) ([`Unreadable::SledPanic`]), so the user
//! gets a message, never a backtrace.
//!
//! The panic hook is installed once, not swapped per call: it stays quiet for a thread inside
//! `guard` and passes every other panic to the hook it wrapped. Swapping the process-wide hook
//! on every store call raced between threads and once deadlocked (issue 9). A program that
//! installs a hook of its own later (the TUI's `ratatui::init`, which restores the terminal)
//! calls [`keep_store_panics_quiet`] after it, so a caught sled panic doesn't reset the screen.

use super::{Result, Unreadable};
use std::panic::{catch_unwind, AssertUnwindSafe};

thread_local! {
    /// How deep this thread is inside `guard`; its panics are reported as errors, not printed.
    static DEPTH: std::cell::Cell<u32> = const { std::cell::Cell::new(0) };
}

static INSTALLED: std::sync::Once = std::sync::Once::new();

/// True while this thread runs inside `guard`.
pub fn inside() -> bool {
    DEPTH.with(|d| d.get() > 0)
}

/// Wraps the panic hook now in place so that panics inside `guard` print nothing; every other
/// panic goes to the wrapped hook. Call it again after installing another hook.
pub fn keep_store_panics_quiet() {
    let previous = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        if !inside() {
            previous(info);
        }
    }));
}

/// Runs `f`, turning a panic inside it into [`Unreadable::SledPanic`] with the panic's first
/// line.
pub(crate) fn guard<R>(f: impl FnOnce() -> R) -> Result<R> {
    INSTALLED.call_once(keep_store_panics_quiet);
    DEPTH.with(|d| d.set(d.get() + 1));
    let result = catch_unwind(AssertUnwindSafe(f));
    DEPTH.with(|d| d.set(d.get() - 1));
    result.map_err(|p| {
        let payload = p
            .downcast_ref::<String>()
            .map(String::as_str)
            .or_else(|| p.downcast_ref::<&str>().copied())
            .unwrap_or("");
        Unreadable::SledPanic(brief_panic(payload)).into()
    })
}

/// The first line of a sled panic, at most 120 characters (and an ellipsis when cut): sled
/// 0.34.7 may put a whole tree in its panic message (megabytes at 50,000 cases), which must not
/// reach a person or a log. Empty when the panic said nothing.
fn brief_panic(payload: &str) -> String {
    let line = payload.lines().next().unwrap_or("").trim();
    let mut brief: String = line.chars().take(120).collect();
    if brief.len() < line.len() {
        brief.push('…');
    }
    brief
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::StoreError;

    #[test]
    fn a_panic_inside_is_an_error_with_its_first_line_only() {
        let r: Result<()> = guard(|| panic!("tree traversal\n{}", "x".repeat(10_000)));
        match r {
            Err(StoreError::Damaged(Unreadable::SledPanic(d))) => assert_eq!(d, "tree traversal"),
            other => panic!("expected Damaged, got {other:?}"),
        }
        assert!(!inside());
        let long: Result<()> = guard(|| panic!("{}", "y".repeat(500)));
        assert!(matches!(
            long,
            Err(StoreError::Damaged(Unreadable::SledPanic(d))) if d.chars().count() == 120 + 1
        ));
        let silent: Result<()> = guard(|| std::panic::panic_any(7u8));
        assert!(matches!(
            silent,
            Err(StoreError::Damaged(Unreadable::SledPanic(d))) if d.is_empty()
        ));
    }

    #[test]
    fn many_threads_in_and_out_of_guard_do_not_deadlock() {
        let handles: Vec<_> = (0..8)
            .map(|i| {
                std::thread::spawn(move || {
                    for n in 0..200 {
                        let r = guard(|| {
                            if (i + n) % 7 == 0 {
                                panic!("boom {n}");
                            }
                            n
                        });
                        assert_eq!(r.is_err(), (i + n) % 7 == 0);
                    }
                })
            })
            .collect();
        for h in handles {
            assert!(h.join().is_ok());
        }
    }
}
