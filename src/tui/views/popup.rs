//! Popups drawn over the page that belong to no room: help, a text to read, the meeting summary,
//! a yes/no question.

use super::super::app::App;
use super::super::theme::Role;
use super::{block, centered, safe};
use crate::i18n::tui as t;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Clear, Paragraph, Wrap};
use ratatui::Frame;

/// `?`: every key of the screen under it and every mark, from [`crate::tui::help`]; it opens
/// at the top.
pub fn help(app: &App, scroll: usize, frame: &mut Frame, area: Rect) {
    use crate::tui::help::HelpLine;
    use unicode_width::UnicodeWidthStr;
    let r = centered(area, 96, area.height.saturating_sub(2));
    let ctx = app.context_below_popup();
    let help = crate::tui::help::lines(ctx, app.lang);
    // The keys' column as wide as its widest entry, but never more than a third of the popup.
    let widest = help
        .iter()
        .map(|l| match l {
            HelpLine::Item { keys, .. } => keys.width(),
            _ => 0,
        })
        .max()
        .unwrap_or(0)
        .min(usize::from(r.width / 3));
    let lines: Vec<Line> = help
        .into_iter()
        .map(|l| match l {
            HelpLine::Heading(h) => Line::from(Span::styled(h, app.theme.style(Role::Header))),
            HelpLine::Blank => Line::from(""),
            HelpLine::Item { keys, text } => {
                let pad = " ".repeat(widest.saturating_sub(keys.width()));
                Line::from(vec![
                    Span::styled(format!(" {pad}{keys}  "), app.theme.style(Role::Accent)),
                    Span::raw(text),
                ])
            }
        })
        .collect();
    frame.render_widget(Clear, r);
    // A list longer than the window says so in its title, and how to see the rest.
    let fits = r.height.saturating_sub(2) as usize;
    let title = if lines.len() > fits {
        format!(
            "{} ({} {}/{}, j/k)",
            crate::i18n::help::TITLE.get(app.lang),
            t::LINES.get(app.lang),
            (scroll + fits).min(lines.len()),
            lines.len()
        )
    } else {
        crate::i18n::help::TITLE.get(app.lang).to_string()
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
