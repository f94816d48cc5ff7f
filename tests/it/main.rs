//! The integration tests, in one test crate: each crate under `tests/` links the whole program,
//! so twenty of them made every rebuild link twenty binaries. One module a former crate
//! (`cargo test --test it tui_flows::` runs one of them), and the helpers once each.

// The helpers outside `#[test]` functions unwrap and expect too (.clippy.toml allows it in tests).
#![allow(clippy::unwrap_used, clippy::expect_used)]

// Helpers shared by the test modules.
mod common;
mod meeting_common;
mod pty;
mod screen;
mod trust_common;
mod tui_common;

// The tests.
mod actions_formats;
mod actions_screen;
mod architecture;
mod audit;
mod audit_edits;
mod cancelled_scan;
mod cli;
mod cli_escapes;
mod cli_exit;
mod cli_stream;
mod corrections;
mod crypt;
mod crypt_crash;
mod crypt_tui;
mod e2e;
mod export_import;
mod exports;
mod first_frame;
mod first_page_fast;
mod forget;
mod forget_minutes;
mod forget_tui;
mod hangup;
mod help;
mod import_rules;
mod import_trail;
mod intake;
mod intake_fields;
mod inzage;
mod lang_en;
mod lookup_everyone;
mod me;
mod meeting_e2e;
mod meeting_flows;
mod meeting_refused;
mod meeting_steer;
mod meeting_steer_minutes;
mod minutes_for;
mod monitor_screen;
mod perf;
mod perf_cli;
mod perf_lookup;
mod perf_tui;
mod privacy_sweep;
mod retention;
mod sled_traps;
mod start_later;
mod stats;
mod store_errors;
mod store_props;
mod store_roundtrip;
mod trust_crash;
mod trust_damage;
mod trust_disk;
mod trust_journal;
mod trust_latch;
mod tui_consent;
mod tui_export;
mod tui_flows;
mod tui_patch;
mod tui_privacy;
mod tui_snapshots;
mod upgrade;
mod upgrade_counts;
mod upgrade_facts;
mod upgrade_packs;
