//! Actions out to spreadsheets (CSV, RFC 4180, in [`csv`]), calendars (iCalendar VTODO,
//! RFC 5545, in [`ics`]) and e-mail (Markdown, a list per owner, in [`md`]).
//!
//! What leaves the laptop says no more than it must: every one of them names a child by initials
//! with the case number beside them, unless the user asks for full names (`--names`, see
//! [`Names`](super::actions::Names)). The JSON export (`tandem export`) is the lossless backup
//! and is not written here.

pub mod csv;
mod ics;
mod md;

pub use csv::{csv, write_csv, CsvOptions};
pub use ics::{ics, write_ics};
pub use md::markdown;
