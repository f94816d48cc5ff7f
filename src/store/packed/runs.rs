//! A packed tree's range read a run of packs at a time, for readers that split the work of
//! one range over several threads: the packs of a run (one day's deadline rows, spread over
//! [`super::SPREAD`] packs) are handed over whole, and whoever takes them finds their entries
//! in key order without copying a key or a value ([`entries_in`]).

use super::{entries, is_packed, pack_key, packing, run_of, Packing};
use crate::store::{Result, T};
use sled::IVec;

/// The packs of `tree` that can hold keys in `start..end` (to the end with `None`), a run at
/// a time: packs that are read together ([`super::run_key`]) come in one `Vec`, in key order.
/// Only for a packed tree; an unpacked one gives nothing.
pub fn runs<'a>(
    tree: &'a sled::Tree,
    t: T,
    start: &[u8],
    end: Option<&'a [u8]>,
) -> impl Iterator<Item = Result<Vec<IVec>>> + Send + 'a {
    let from = match packing(t) {
        Packing::ById { .. } if start.len() >= 8 => pack_key(t, start).unwrap_or_default(),
        Packing::ByPrefix { prefix, .. } => start[..start.len().min(prefix)].to_vec(),
        _ => Vec::new(),
    };
    let mut packs = tree.range(from..).peekable();
    let packed = is_packed(t);
    std::iter::from_fn(move || {
        let mut run: Vec<IVec> = Vec::new();
        let mut name: Option<Vec<u8>> = None;
        if !packed {
            return None;
        }
        loop {
            match packs.peek() {
                None => break,
                Some(Err(_)) => match packs.next() {
                    Some(Err(e)) => return Some(Err(e.into())),
                    _ => break,
                },
                Some(Ok((key, _))) => {
                    if super::past_end(t, key, end) {
                        break;
                    }
                    let this = run_of(t, key).map(<[u8]>::to_vec);
                    // A tree packed by id has no runs: each pack stands alone.
                    if !run.is_empty() && (this.is_none() || this != name) {
                        break;
                    }
                    name = this;
                }
            }
            if let Some(Ok((_, pack))) = packs.next() {
                run.push(pack);
            }
        }
        (!run.is_empty()).then_some(Ok(run))
    })
}

/// The entries of a run's packs that lie in `start..end`, in key order, borrowed from the
/// packs. Errors: a pack that does not parse ([`crate::store::Unreadable::Pack`]).
pub fn entries_in<'p>(
    t: T,
    run: &'p [IVec],
    start: &[u8],
    end: Option<&[u8]>,
) -> Result<Vec<(&'p [u8], &'p [u8])>> {
    let mut all = Vec::new();
    for pack in run {
        all.extend(
            entries(t, pack)?
                .into_iter()
                .filter(|(k, _)| *k >= start && end.is_none_or(|e| *k < e)),
        );
    }
    // Each pack is in key order already; the spread packs of one run interleave.
    if run.len() > 1 {
        all.sort_unstable_by(|a, b| a.0.cmp(b.0));
    }
    Ok(all)
}
