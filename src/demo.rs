//! Fictional demo data (placeholder while the generator is written).

use crate::store::{Store, StoreError};
use chrono::NaiveDate;

#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct DemoSummary {
    pub families: usize,
    pub cases: usize,
    pub actions: usize,
    pub persons: usize,
    pub meetings: usize,
}

pub fn school(_store: &mut Store, _today: NaiveDate) -> Result<DemoSummary, StoreError> {
    Err(StoreError::Invalid("not yet".into()))
}

pub fn synthetic(
    _store: &mut Store,
    _today: NaiveDate,
    _n: u64,
    _seed: u64,
) -> Result<DemoSummary, StoreError> {
    Err(StoreError::Invalid("not yet".into()))
}
