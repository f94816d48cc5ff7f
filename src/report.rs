//! Read-only outputs built from the store's rows: action lists in several formats.

pub mod actions;
pub mod formats;
pub mod minutes;
pub mod safe;
