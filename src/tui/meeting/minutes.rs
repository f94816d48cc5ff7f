//! The minutes on screen (the summary before a meeting ends, and `h`): the kept minutes as
//! `report::minutes` writes them (as plain text: no Markdown escapes on screen), with every text of a family that privacy mode hides replaced
//! by its mark first.

use crate::domain::{CaseId, Meeting};
use crate::report::minutes::{build, text, Minutes};
use crate::store::{Result, Store};
use crate::tui::app::App;
use crate::tui::privacy::Privacy;

/// The minutes of `meeting` as lines to read, by the privacy rule as it is now.
pub fn lines(app: &App, store: &Store, meeting: &Meeting) -> Result<Vec<String>> {
    let mut minutes = build(store, meeting)?;
    redact(app, &mut minutes);
    Ok(text(&minutes, app.lang)
        .lines()
        .map(str::to_string)
        .collect())
}

/// Hides the questions, agreements and action texts of every family the rule does not show.
/// The owners are professionals and the children are initials already: minutes travel further
/// than the screen.
fn redact(app: &App, m: &mut Minutes) {
    let rule = Privacy::of(app);
    if !rule.on() {
        return;
    }
    for item in &mut m.items {
        let case = CaseId(item.case);
        rule.hide(&mut item.question, case);
        for a in &mut item.agreements {
            rule.hide(a, case);
        }
        for a in item
            .new_actions
            .iter_mut()
            .chain(item.done_actions.iter_mut())
        {
            rule.hide(&mut a.text, case);
        }
    }
    for a in m.open_by_owner.values_mut().flatten() {
        rule.hide(&mut a.text, Some(CaseId(a.case)));
    }
}
