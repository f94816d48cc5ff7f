//! Popups drawn over the page that belong to no room: help, a text to read, the meeting summary,
//! a yes/no question.

use super::super::app::App;
use super::super::keymap::for_help;
use super::super::theme::Role;
use super::{block, centered, safe};
use crate::i18n::tui as t;
use crate::tui::keymap::describe::describe;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Clear, Paragraph, Wrap};
use ratatui::Frame;

pub fn help(app: &App, scroll: usize, frame: &mut Frame, area: Rect) {
    let r = centered(area, 72, area.height.saturating_sub(2));
    let ctx = app.context_below_popup();
    let lines: Vec<Line> = for_help(ctx)
        .iter()
        .map(|b| {
            Line::from(vec![
                Span::styled(format!(" {:>9}  ", b.key), app.theme.style(Role::Accent)),
                Span::raw(describe(b.action).get(app.lang)),
            ])
        })
        .collect();
    frame.render_widget(Clear, r);
    // A list longer than the window says so in its title, and how to see the rest.
    let fits = r.height.saturating_sub(2) as usize;
    let title = if lines.len() > fits {
        format!(
            "{} ({} {}/{}, j/k)",
            t::HELP.get(app.lang),
            t::LINES.get(app.lang),
            (scroll + fits).min(lines.len()),
            lines.len()
        )
    } else {
        t::HELP.get(app.lang).to_string()
    };
    let p = Paragraph::new(lines)
        .scroll((scroll as u16, 0))
        .block(block(app, &title, true))
        .style(app.theme.style(Role::Text));
    frame.render_widget(p, r);
}

pub fn confirm(app: &App, text: &str, frame: &mut Frame, area: Rect) {
    let r = centered(area, 60, 5);
    frame.render_widget(Clear, r);
    let p = Paragraph::new(text.to_string())
        .wrap(Wrap { trim: true })
        .block(block(app, "?", true))
        .style(app.theme.style(Role::Warning));
    frame.render_widget(p, r);
}

pub fn text(
    app: &App,
    title: &str,
    lines: &[String],
    scroll: usize,
    frame: &mut Frame,
    area: Rect,
) {
    let r = centered(area, 100, area.height.saturating_sub(2));
    frame.render_widget(Clear, r);
    let body: Vec<Line> = lines.iter().map(|l| markdown_line(app, l)).collect();
    let p = Paragraph::new(body)
        .scroll((scroll as u16, 0))
        .block(block(app, title, true))
        .style(app.theme.style(Role::Text));
    frame.render_widget(p, r);
}

/// What the meeting decided, before it ends: the minutes as they will be kept.
pub fn summary(app: &App, lines: &[String], scroll: usize, frame: &mut Frame, area: Rect) {
    use crate::i18n::meeting as m;
    let th = &app.theme;
    let r = centered(area, 100, area.height.saturating_sub(2));
    frame.render_widget(Clear, r);
    let b = block(app, m::SUMMARY.get(app.lang), true);
    let inner = b.inner(r);
    frame.render_widget(b.style(th.style(Role::Text)), r);
    let [body, keys] = Layout::vertical([Constraint::Min(1), Constraint::Length(1)]).areas(inner);
    let text: Vec<Line> = lines.iter().map(|l| markdown_line(app, l)).collect();
    frame.render_widget(
        Paragraph::new(text)
            .wrap(Wrap { trim: false })
            .scroll((scroll as u16, 0)),
        body,
    );
    frame.render_widget(
        Paragraph::new(Span::styled(
            m::SUMMARY_KEYS.get(app.lang),
            th.style(Role::Accent),
        )),
        keys,
    );
}

/// A line of the minutes' Markdown as a person reads it: headings styled, list marks as bullets.
fn markdown_line(app: &App, line: &str) -> Line<'static> {
    let th = &app.theme;
    if let Some(h) = line.strip_prefix("### ") {
        Line::from(Span::styled(safe(h), th.style(Role::Accent)))
    } else if let Some(h) = line.strip_prefix("## ") {
        Line::from(Span::styled(safe(h), th.style(Role::Header)))
    } else if let Some(h) = line.strip_prefix("# ") {
        Line::from(Span::styled(safe(h), th.style(Role::Title)))
    } else if let Some(item) = line.strip_prefix("- [ ] ") {
        Line::from(format!("  ○ {}", safe(item)))
    } else if let Some(item) = line.strip_prefix("- ") {
        Line::from(format!("  • {}", safe(item)))
    } else {
        Line::from(safe(line))
    }
}

/// The question at the start with the beamer theme, alone on the screen: nothing of the case
/// book is drawn until it is answered.
pub fn privacy_offer(app: &App, frame: &mut Frame, area: Rect) {
    use crate::i18n::privacy as p;
    frame.render_widget(Clear, area);
    let r = centered(area, 64, 7);
    let lines = vec![
        Line::from(p::OFFER.get(app.lang)),
        Line::from(""),
        Line::from(Span::styled(
            p::OFFER_KEYS.get(app.lang),
            app.theme.style(Role::Accent),
        )),
    ];
    let p = Paragraph::new(lines)
        .wrap(Wrap { trim: true })
        .block(block(app, p::OFFER_TITLE.get(app.lang), true))
        .style(app.theme.style(Role::Text));
    frame.render_widget(p, r);
}
