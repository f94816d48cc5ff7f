//! Read-only outputs built from the store's rows: action lists in several formats, minutes and
//! who they are for, and the escaping that keeps user text from acting on a terminal,
//! a spreadsheet or a Markdown viewer.

pub mod actions;
pub mod actions_json;
pub mod formats;
pub mod inzage;
pub mod markdown;
pub mod minutes;
pub mod recipient;
pub mod safe;
pub mod stats;
