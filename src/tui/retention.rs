//! The monthly reminder of the retention period (issue 12 part 3): once a month at the start,
//! when families are kept longer than the period, the status line says so and names the command
//! that lists them. The day it last looked is kept in the data dir, so a month means a month of
//! this case book, whoever starts tandem.

use super::app::App;
use crate::store::Store;
use chrono::NaiveDate;

/// The file in the data dir holding the day of the last look (`YYYY-MM-DD`).
pub const FILE: &str = "bewaartermijn-gekeken";
/// Days between two looks.
const EVERY_DAYS: i64 = 30;

/// Looks once a month; says how many families are past the period. True when it said so.
pub fn remind(store: &Store, app: &mut App) -> bool {
    let file = store.dir().join(FILE);
    let last = std::fs::read_to_string(&file)
        .ok()
        .and_then(|s| NaiveDate::parse_from_str(s.trim(), "%Y-%m-%d").ok());
    if last.is_some_and(|d| (app.today - d).num_days() < EVERY_DAYS) || store.is_read_only() {
        return false;
    }
    let Ok(r) = store.retention(app.today, app.config.retention_months) else {
        return false;
    };
    // Best effort: a reminder that could not note its day comes again at the next start. The
    // user's alone, like every file of the data dir.
    let day = app.today.format("%Y-%m-%d").to_string();
    let _ = crate::store::files::write_synced(&file, day.as_bytes());
    if r.due.is_empty() {
        return false;
    }
    app.info(crate::i18n::retention::reminder(r.due.len(), app.lang));
    true
}
