//! The lookup popup: the query, what it found, and where each hit leads.

use crate::i18n::tui as t;
use crate::tui::app::App;
use crate::tui::lookup::{Hit, Kind, LookupState, Target};
use crate::tui::privacy::Privacy;
use crate::tui::theme::Role;
use crate::tui::views::{block, centered, safe};
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Clear, List, ListItem, ListState, Paragraph};
use ratatui::Frame;
use unicode_width::UnicodeWidthStr;

pub(crate) fn kind_label(kind: Kind) -> crate::i18n::Text {
    match kind {
        Kind::Child => t::KIND_CHILD,
        Kind::Family => t::KIND_FAMILY,
        Kind::Carer => t::KIND_CARER,
        Kind::Person => t::KIND_PERSON,
        Kind::Question => t::KIND_QUESTION,
    }
}

pub fn lookup(app: &App, state: &LookupState, frame: &mut Frame, area: Rect) {
    let th = &app.theme;
    let r = centered(area, 90, area.height.saturating_sub(4));
    frame.render_widget(Clear, r);
    let outer = block(app, t::LOOKUP.get(app.lang), true);
    let inner = outer.inner(r);
    frame.render_widget(outer.style(th.style(Role::Text)), r);
    let [input, info, list_area] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Length(1),
        Constraint::Min(1),
    ])
    .areas(inner);
    let shown = safe(&state.query);
    frame.render_widget(
        Paragraph::new(Line::from(vec![
            Span::styled("/ ", th.style(Role::Accent)),
            Span::raw(shown.clone()),
        ])),
        input,
    );
    frame.set_cursor_position((input.x + 2 + shown.width() as u16, input.y));
    let status = if state.query.is_empty() {
        t::LOOKUP_HINT.get(app.lang).to_string()
    } else if state.pending() || app.later.rows_pending() {
        // Until every case row is read the entries are not built: "nothing found" would be
        // untrue, and the query is asked again when they are.
        t::SEARCHING.get(app.lang).to_string()
    } else if state.results.hits.is_empty() {
        t::NO_HITS.get(app.lang).to_string()
    } else {
        format!(
            "{} {} {}",
            state.results.hits.len(),
            t::HITS_OF.get(app.lang),
            state.results.total
        )
    };
    frame.render_widget(
        Paragraph::new(Span::styled(status, th.style(Role::Muted))),
        info,
    );
    let items: Vec<ListItem> = state
        .results
        .hits
        .iter()
        .map(|h| hit_item(app, h))
        .collect();
    let list = List::new(items).highlight_style(th.style(Role::Selected));
    frame.render_stateful_widget(
        list,
        list_area,
        &mut ListState::default().with_selected(Some(state.selected)),
    );
}

/// One hit: its kind, then its label with the matched letters marked and its detail.
fn hit_item<'a>(app: &App, h: &Hit) -> ListItem<'a> {
    let th = &app.theme;
    let mut spans = vec![Span::styled(
        format!("{:<12} ", kind_label(h.kind).get(app.lang)),
        th.style(Role::Muted),
    )];
    // A hit about a family follows the privacy rule: initials, the question hidden, no detail.
    let family = match h.target {
        Target::Family(id, _) => Some(id),
        Target::Person(_) => None,
    };
    if let Some(id) = family.filter(|id| !Privacy::of(app).shows(*id)) {
        let shown = match h.kind {
            Kind::Question => crate::tui::views::private_text(app, &h.label, id),
            _ => crate::tui::views::name_for(app, &h.label, id),
        };
        spans.push(Span::raw(shown));
    } else {
        for (i, ch) in h.label.chars().enumerate() {
            // Char by char, so the highlighted positions line up: a control character shows as a
            // space, and a bidi override (which would turn the rest of the line round) as nothing.
            if matches!(ch, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}') {
                continue;
            }
            let ch = if ch.is_control() { ' ' } else { ch };
            let style = if h.positions.contains(&i) {
                th.style(Role::Match)
            } else {
                th.style(Role::Text)
            };
            spans.push(Span::styled(ch.to_string(), style));
        }
        if !h.detail.is_empty() {
            spans.push(Span::styled(
                format!("  {}", safe(&h.detail)),
                th.style(Role::Muted),
            ));
        }
    }
    ListItem::new(Line::from(spans))
}
