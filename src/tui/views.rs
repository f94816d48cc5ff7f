//! Rendering: reads the app state, draws a frame, touches nothing else. Every piece of text a
//! person typed passes through [`safe`] first, so nothing stored can reach the terminal as a
//! command.

mod chrome;
mod popup;

use super::app::{App, Page, Popup, Screen};
use super::theme::Role;
use crate::domain::text::{clean_line, initials};
use crate::domain::CaseId;
use crate::i18n::tui as t;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Paragraph};
use ratatui::Frame;

/// Below this the screen says it is too small instead of squeezing.
const MIN_WIDTH: u16 = 40;
const MIN_HEIGHT: u16 = 10;

pub fn render(app: &App, frame: &mut Frame) {
    let area = frame.area();
    frame.render_widget(Block::default().style(app.theme.style(Role::Text)), area);
    if app.blank {
        frame.render_widget(Clear, area);
        // Under NO_COLOR the terminal's own background stands in for black.
        let black = if app.no_color {
            Style::default()
        } else {
            Style::default().bg(ratatui::style::Color::Black)
        };
        frame.render_widget(Block::default().style(black), area);
        return;
    }
    if area.width < MIN_WIDTH || area.height < MIN_HEIGHT {
        let msg = format!(
            "{} ({}x{})",
            t::TOO_SMALL.get(app.lang),
            area.width,
            area.height
        );
        frame.render_widget(
            Paragraph::new(msg).style(app.theme.style(Role::Warning)),
            area,
        );
        return;
    }
    let [header, body, footer] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Min(3),
        Constraint::Length(1),
    ])
    .areas(area);
    chrome::header(app, frame, header);
    chrome::footer(app, frame, footer);
    if app.welcome {
        chrome::welcome(app, frame, body);
    } else {
        match app.pages.last() {
            Some(Page::Case(p)) => super::case::view::render(app, p, frame, body),
            Some(Page::Family(p)) => super::family::view::render(app, p, frame, body),
            Some(Page::Person(p)) => super::kaart::view::person(app, p, frame, body),
            None => match app.screen {
                Screen::Cases => super::cases::view::render(app, frame, body),
                Screen::Acties => super::acties::view::render(app, frame, body),
                Screen::Overleg => super::meeting::view::render(app, frame, body),
                Screen::Kaart => super::kaart::view::render(app, frame, body),
            },
        }
    }
    match &app.popup {
        Some(Popup::Help { scroll }) => popup::help(app, *scroll, frame, area),
        Some(Popup::Lookup(state)) => super::lookup::view::lookup(app, state, frame, area),
        Some(Popup::Form(form)) => super::form::view::form(app, form, frame, area),
        Some(Popup::ConfirmDiscard(form)) => {
            super::form::view::form(app, form, frame, area);
            popup::confirm(app, t::DISCARD.get(app.lang), frame, area);
        }
        Some(Popup::Text {
            title,
            lines,
            scroll,
        }) => popup::text(app, title, lines, *scroll, frame, area),
        Some(Popup::MeetingSummary { lines, scroll }) => {
            popup::summary(app, lines, *scroll, frame, area)
        }
        None => {}
    }
}

/// Typed text made safe to draw: no control characters, one line, and no bidi embeddings,
/// overrides or isolates (U+202A–U+202E, U+2066–U+2069, UAX #9): invisible, they could reorder
/// the rest of a terminal line so that one name shows as another. Direction marks stay; names
/// in Arabic or Hebrew use them.
pub fn safe(s: &str) -> String {
    let mut line = clean_line(s);
    line.retain(|c| !matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}'));
    line
}

#[cfg(test)]
mod safe_tests {
    #[test]
    fn bidi_overrides_never_reach_the_screen() {
        assert_eq!(
            super::safe("Ahmed \u{202E}kiléC\u{1b}[31m"),
            "Ahmed kiléC[31m"
        );
        assert_eq!(super::safe("a\u{2066}b\u{2069}"), "ab");
        assert_eq!(super::safe("\u{200F}יוסי"), "\u{200F}יוסי");
    }
}

/// A child's (or family's) name as the privacy mode allows: full on the case opened on purpose,
/// initials elsewhere.
pub fn name_for(app: &App, name: &str, case: Option<CaseId>) -> String {
    if app.privacy && (case.is_none() || case != app.case_in_focus()) {
        initials(name)
    } else {
        safe(name)
    }
}

/// Free text and contact details: hidden under privacy unless on the case opened on purpose.
pub fn private_text(app: &App, text: &str, case: Option<CaseId>) -> String {
    if app.privacy && (case.is_none() || case != app.case_in_focus()) {
        t::HIDDEN.get(app.lang).to_string()
    } else {
        safe(text)
    }
}

/// The side mark in its colour: `O` onderwijs, `Z` zorg.
pub fn side_span(app: &App, side: Option<crate::domain::Side>) -> Span<'static> {
    match side {
        Some(s) => Span::styled(s.mark().to_string(), app.theme.style(Role::side(s))),
        None => Span::styled("·", app.theme.style(Role::Muted)),
    }
}

/// A list as a table with a header row. On a narrow screen the column `narrow.0` (already left
/// out of the rows) is left out of the header too, and column `narrow.1` takes the room.
pub fn table<'a>(
    app: &App,
    title: &str,
    mut header: Vec<&'a str>,
    mut widths: Vec<Constraint>,
    rows: Vec<ratatui::widgets::Row<'a>>,
    narrow: Option<(usize, usize, Constraint)>,
) -> ratatui::widgets::Table<'a> {
    if let Some((drop, widen, width)) = narrow {
        header.remove(drop);
        widths.remove(drop);
        if let Some(w) = widths.get_mut(widen) {
            *w = width;
        }
    }
    ratatui::widgets::Table::new(rows, widths)
        .header(ratatui::widgets::Row::new(header).style(app.theme.style(Role::Header)))
        .block(block(app, title, true))
        .column_spacing(1)
}

/// The consent mark (✓ may share, ✗ no consent, ? not asked) in its colour.
pub fn consent_span(app: &App, consent: crate::domain::ConsentStatus) -> Span<'static> {
    let role = if consent == crate::domain::ConsentStatus::Gegeven {
        Role::Done
    } else {
        Role::Warning
    };
    Span::styled(
        format!("{} ", crate::i18n::words::consent_mark(consent)),
        app.theme.style(role),
    )
}

/// "O onderwijs · Marloes Kuipers": who has regie, mark first.
pub fn lead_spans(app: &App, lead: &crate::domain::Lead) -> Vec<Span<'static>> {
    vec![
        side_span(app, lead.side),
        Span::raw(format!(
            " {} {}",
            lead.side
                .map(|s| crate::i18n::words::side(s).get(app.lang))
                .unwrap_or(""),
            lead.person
                .map(|id| format!("· {}", safe(&app.person_name(Some(id)))))
                .unwrap_or_default()
        )),
    ]
}

pub fn block<'a>(app: &App, title: &str, focused: bool) -> Block<'a> {
    let border = if focused {
        app.theme.style(Role::Accent)
    } else {
        app.theme.style(Role::Border)
    };
    Block::default()
        .borders(Borders::ALL)
        .border_style(border)
        .title(Line::from(Span::styled(
            format!(" {title} "),
            app.theme.style(Role::Title),
        )))
}

/// A centred rectangle of at most `w` x `h` inside `area`.
pub fn centered(area: Rect, w: u16, h: u16) -> Rect {
    let w = w.min(area.width);
    let h = h.min(area.height);
    Rect {
        x: area.x + (area.width - w) / 2,
        y: area.y + (area.height - h) / 2,
        width: w,
        height: h,
    }
}

/// The window of `len` rows of which `height` fit, keeping `selected` in view.
pub fn window(len: usize, selected: usize, height: usize) -> std::ops::Range<usize> {
    if len <= height || height == 0 {
        return 0..len;
    }
    let start = selected.saturating_sub(height / 2).min(len - height);
    start..start + height
}

/// Word-wraps typed text to `width` columns (display width, so 王 and emoji count double); a word
/// longer than a line is split.
pub fn wrap(text: &str, width: usize) -> Vec<String> {
    use unicode_width::UnicodeWidthChar;
    let width = width.max(1);
    let mut lines = Vec::new();
    let mut line = String::new();
    let mut used = 0;
    for word in safe(text).split(' ') {
        let w: usize = word.chars().map(|c| c.width().unwrap_or(0)).sum();
        if used > 0 && used + 1 + w > width {
            lines.push(std::mem::take(&mut line));
            used = 0;
        }
        if used > 0 {
            line.push(' ');
            used += 1;
        }
        for c in word.chars() {
            let cw = c.width().unwrap_or(0);
            if used + cw > width && used > 0 {
                lines.push(std::mem::take(&mut line));
                used = 0;
            }
            line.push(c);
            used += cw;
        }
    }
    if !line.is_empty() || lines.is_empty() {
        lines.push(line);
    }
    lines
}

#[cfg(test)]
mod tests {
    #[test]
    fn wrap_keeps_words_and_counts_wide_letters() {
        assert_eq!(
            super::wrap("Bellen met de huisarts", 10),
            vec!["Bellen met", "de", "huisarts"]
        );
        assert_eq!(super::wrap("王小明王小明", 4), vec!["王小", "明王", "小明"]);
        assert_eq!(super::wrap("", 5), vec![""]);
    }
}
