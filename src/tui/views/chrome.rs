//! Header, footer and the welcome screen.

use super::super::app::{App, Level, Screen};
use super::super::keymap::hints;
use super::super::theme::Role;
use super::{block, centered};
use crate::domain::dates::{format_long, format_short};
use crate::i18n::tui as t;
use crate::tui::keymap::describe::hint;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Wrap};
use ratatui::Frame;

pub fn header(app: &App, frame: &mut Frame, area: Rect) {
    let th = &app.theme;
    let mark = app.privacy.then(|| {
        Span::styled(
            format!(" {} ", t::PRIVACY_MARK.get(app.lang)),
            th.style(Role::Warning),
        )
    });
    // The privacy mark is what the projector must never lose: where the line is too narrow for
    // everything, the title goes first, then the room between the tabs, then the names of the
    // tabs not shown (their keys stay).
    let width = area.width as usize;
    let mark_width = mark.as_ref().map_or(0, Span::width);
    let mut spans = Vec::new();
    for squeeze in 0..=3 {
        spans = header_tabs(app, squeeze);
        let used: usize = spans.iter().map(Span::width).sum();
        if used + mark_width <= width {
            break;
        }
    }
    spans.extend(mark);
    let used: usize = spans.iter().map(|s| s.width()).sum();
    let room = (area.width as usize).saturating_sub(used + 1);
    // The long date where it fits, else the short one, else none: never cut off at 80 columns.
    let date = [
        format_long(app.today, app.lang),
        format_short(app.today, app.lang),
    ]
    .into_iter()
    .find(|d| d.chars().count() <= room)
    .unwrap_or_default();
    let pad = room.saturating_sub(date.chars().count());
    spans.push(Span::raw(" ".repeat(pad)));
    spans.push(Span::styled(date, th.style(Role::Muted)));
    frame.render_widget(
        Paragraph::new(Line::from(spans)).style(th.style(Role::Text)),
        area,
    );
}

/// The title and the tabs, squeezed by `squeeze` steps (0: all of it; 1: no title; 2: no room
/// between the tabs; 3: only the shown tab named).
fn header_tabs(app: &App, squeeze: u8) -> Vec<Span<'static>> {
    let th = &app.theme;
    let mut spans = Vec::new();
    if squeeze == 0 {
        spans.push(Span::styled(
            format!(" {} ", t::APP.get(app.lang)),
            th.style(Role::Title),
        ));
    }
    for (key, screen, name) in [
        ("1", Screen::Overleg, crate::i18n::meeting::SCREEN),
        ("2", Screen::Cases, t::SCREEN_CASES),
        ("3", Screen::Acties, t::SCREEN_ACTIES),
        ("4", Screen::Kaart, t::SCREEN_KAART),
        ("5", Screen::Monitor, crate::i18n::monitor::SCREEN),
    ] {
        let shown = app.screen == screen;
        let style = if shown {
            th.style(Role::Selected)
        } else {
            th.style(Role::Muted)
        };
        let text = if squeeze >= 3 && !shown {
            format!(" {key} ")
        } else {
            format!(" {key} {} ", name.get(app.lang))
        };
        spans.push(Span::styled(text, style));
        if squeeze < 2 {
            spans.push(Span::raw(" "));
        }
    }
    spans
}

pub fn footer(app: &App, frame: &mut Frame, area: Rect) {
    let th = &app.theme;
    if let Some((msg, level)) = &app.status {
        let style = match level {
            Level::Info => th.style(Role::Footer),
            Level::Error => th.style(Role::Error),
        };
        frame.render_widget(
            Paragraph::new(format!(" {}", super::safe(msg))).style(style),
            area,
        );
        return;
    }
    if app.welcome && app.popup.is_none() {
        return;
    }
    let mut spans = Vec::new();
    let mut used = 0usize;
    for b in hints(app.context()) {
        let key = format!(" {} ", footer_key(b.key));
        let word = format!("{} ", hint(b.action).get(app.lang));
        // A hint that does not fit whole is left out, never cut mid-word; `?` lists them all.
        let width = key.chars().count() + word.chars().count();
        if used + width > area.width as usize {
            break;
        }
        used += width;
        spans.push(Span::styled(key, th.style(Role::FooterKey)));
        spans.push(Span::styled(word, th.style(Role::Footer)));
    }
    frame.render_widget(
        Paragraph::new(Line::from(spans)).style(th.style(Role::Footer)),
        area,
    );
}

/// A key as the footer shows it: arrows as arrows ("Down omlaag" read as English beside the
/// Dutch word); `?` names every key in words.
fn footer_key(key: &str) -> &str {
    match key {
        "Up" => "↑",
        "Down" => "↓",
        "Left" => "←",
        "Right" => "→",
        other => other,
    }
}

pub fn welcome(app: &App, frame: &mut Frame, area: Rect) {
    let r = centered(area, 70, 11);
    let p = Paragraph::new(t::WELCOME.get(app.lang))
        .block(block(app, t::WELCOME_TITLE.get(app.lang), true))
        .wrap(Wrap { trim: false })
        .style(app.theme.style(Role::Text));
    frame.render_widget(p, r);
}
