//! The small-count rule (issue 14): so that no family can be recognised in a small school, a
//! count from 1 to 4 is shown as `<5`, and a share or a median built on fewer than 5 cases is
//! left out. Applied to what is shown, after merging, never to the counts that are merged.

/// The fewest cases a share or a median may be built on, and the lowest count shown as it is.
pub const MIN_COUNT: u64 = 5;

/// A count as it may be shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Shown {
    /// Zero, or 5 and more: shown as it is.
    Exact(u64),
    /// From 1 to 4: shown as `<5`.
    Few,
}

/// `n` as it may be shown.
pub fn count(n: u64) -> Shown {
    if n == 0 || n >= MIN_COUNT {
        Shown::Exact(n)
    } else {
        Shown::Few
    }
}

/// Whether a share or a median over `n` cases may be shown.
pub fn enough(n: u64) -> bool {
    n >= MIN_COUNT
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_from_one_to_four_are_few_and_the_rest_exact() {
        assert_eq!(count(0), Shown::Exact(0));
        for n in 1..=4 {
            assert_eq!(count(n), Shown::Few, "{n}");
        }
        assert_eq!(count(5), Shown::Exact(5));
        assert_eq!(count(1234), Shown::Exact(1234));
    }

    #[test]
    fn a_share_needs_five_cases() {
        assert!(!enough(0));
        assert!(!enough(4));
        assert!(enough(5));
    }
}
