//! `h`: past meetings and their minutes, newest first, as a text to read.

use crate::domain::Meeting;
use crate::i18n::cli::store_error;
use crate::i18n::meeting as t;
use crate::store::Store;
use crate::tui::app::{App, Popup};

/// How many past meetings the history shows with their minutes.
const HISTORY_MEETINGS: usize = 12;

/// Opens the history popup. Minutes that can't be read say so in their place.
pub fn history(app: &mut App, store: &Store) {
    let mut lines: Vec<String> = Vec::new();
    let mut past: Vec<&Meeting> = app.meetings.iter().filter(|m| m.ended.is_some()).collect();
    past.sort_by_key(|m| std::cmp::Reverse((m.date, m.id)));
    for m in past.into_iter().take(HISTORY_MEETINGS) {
        let discussed = m.items.iter().filter(|i| i.discussed).count();
        let agreements: usize = m.items.iter().map(|i| i.agreements.len()).sum();
        let actions: usize = m.items.iter().map(|i| i.actions_added.len()).sum();
        lines.push(format!(
            "# {}",
            t::history_line(m.id.0, m.date, discussed, agreements, actions, app.lang)
        ));
        match super::minutes::lines(app, store, m) {
            Ok(minutes) => lines.extend(minutes.into_iter().skip(1)),
            Err(e) => lines.push(store_error(&e, app.lang)),
        }
        lines.push(String::new());
    }
    if lines.is_empty() {
        lines.push(t::NO_MINUTES.get(app.lang).to_string());
    }
    app.popup = Some(Popup::Text {
        title: t::HISTORY.get(app.lang).to_string(),
        lines,
        scroll: 0,
    });
}
