//! A count per whole number (days, or faces): what a median and a "within N" share are taken
//! from, and what two schools' figures are added as. One bucket per value, so merging loses
//! nothing.

use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// How often each value occurred. In JSON: a list of `[value, count]` pairs, lowest value first,
/// without the values that never occurred.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(from = "Vec<(u32, u64)>", into = "Vec<(u32, u64)>")]
pub struct Histogram {
    counts: BTreeMap<u32, u64>,
}

impl From<Vec<(u32, u64)>> for Histogram {
    fn from(pairs: Vec<(u32, u64)>) -> Histogram {
        let mut h = Histogram::default();
        for (value, count) in pairs {
            h.add_n(value, count);
        }
        h
    }
}

impl From<Histogram> for Vec<(u32, u64)> {
    fn from(h: Histogram) -> Vec<(u32, u64)> {
        h.counts.into_iter().collect()
    }
}

impl Histogram {
    /// Counts `value` once.
    pub fn add(&mut self, value: u32) {
        self.add_n(value, 1);
    }

    /// Counts `value` `n` times (a zero count leaves no bucket behind).
    pub fn add_n(&mut self, value: u32, n: u64) {
        if n > 0 {
            *self.counts.entry(value).or_insert(0) += n;
        }
    }

    /// Adds another histogram's counts to this one (another school, the same measure).
    pub fn merge(&mut self, other: &Histogram) {
        for (value, n) in &other.counts {
            self.add_n(*value, *n);
        }
    }

    /// How many values were counted.
    pub fn total(&self) -> u64 {
        self.counts.values().sum()
    }

    /// The median: the middle value, or halfway between the two middle ones when the count is
    /// even. `None` when nothing was counted.
    pub fn median(&self) -> Option<f64> {
        let n = self.total();
        if n == 0 {
            return None;
        }
        let low = self.at_rank(n.div_ceil(2))?;
        let high = self.at_rank(n / 2 + 1)?;
        if n % 2 == 1 {
            Some(f64::from(low))
        } else {
            Some((f64::from(low) + f64::from(high)) / 2.0)
        }
    }

    /// The value at 1-based rank `rank` in sorted order.
    fn at_rank(&self, rank: u64) -> Option<u32> {
        let mut seen = 0;
        for (value, n) in &self.counts {
            seen += n;
            if seen >= rank {
                return Some(*value);
            }
        }
        None
    }

    /// How many values were `limit` or less.
    pub fn at_most(&self, limit: u32) -> u64 {
        self.counts.range(..=limit).map(|(_, n)| n).sum()
    }

    /// The share (0.0–1.0) of values `limit` or less; `None` when nothing was counted.
    pub fn share_at_most(&self, limit: u32) -> Option<f64> {
        let n = self.total();
        (n > 0).then(|| self.at_most(limit) as f64 / n as f64)
    }

    /// The counts in consecutive bins of `width` values from 0, up to the bin holding the
    /// highest value (for a bar chart); empty when nothing was counted.
    pub fn bins(&self, width: u32) -> Vec<u64> {
        let width = width.max(1);
        let Some(last) = self.counts.keys().next_back() else {
            return Vec::new();
        };
        let mut out = vec![0; (last / width) as usize + 1];
        for (value, n) in &self.counts {
            out[(value / width) as usize] += n;
        }
        out
    }

    /// Every value that occurred with its count, lowest first.
    pub fn iter(&self) -> impl Iterator<Item = (u32, u64)> + '_ {
        self.counts.iter().map(|(v, n)| (*v, *n))
    }
}
