//! tandem: the case book and the weekly meeting of a school's Integrated Care tandem.
//! The binary and the tests share this library, so the whole app can run headless in tests.

pub mod cli;
pub mod clock;
pub mod config;
pub mod demo;
pub mod domain;
pub mod i18n;
pub mod memory;
pub mod report;
pub mod store;
pub mod tui;
