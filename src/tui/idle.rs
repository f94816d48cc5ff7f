//! The blank on idle: after the minutes of `blank_after_minutes` (config) without a key, the
//! screen blanks by itself, as `b` does; the next key brings it back as it was, privacy mode
//! included. The terminal loop asks [`tick`] on every turn; the time comes from the clock there,
//! so tests pass the moment they want.

use super::app::{App, Screen};
use chrono::NaiveDateTime;

/// Blanks the screen when the user has been away long enough; true when it just blanked.
///
/// The walk-through of a running meeting never blanks by itself: one case is discussed for up to
/// its timebox (10 minutes by default) without a key, and the screen is what the table looks at.
pub fn tick(app: &mut App, now: NaiveDateTime) -> bool {
    let minutes = app.config.blank_after_minutes;
    if app.blank || minutes == 0 || in_walk_through(app) {
        return false;
    }
    let idle = now - app.last_input;
    if idle < chrono::Duration::minutes(i64::from(minutes)) {
        return false;
    }
    app.blank = true;
    true
}

/// The running meeting's case on screen 1 (a form or the minutes over it included).
pub(super) fn in_walk_through(app: &App) -> bool {
    app.screen == Screen::Overleg
        && app.pages.is_empty()
        && app.meeting.as_ref().is_some_and(|m| m.running())
}
