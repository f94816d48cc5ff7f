//! Popups drawn over the page: help, lookup, forms, a yes/no question.

use super::super::app::App;
use super::super::form::{FieldKind, Form};
use super::super::keymap::for_help;
use super::super::lookup::{Kind, LookupState};
use super::{block, centered, safe};
use crate::i18n::{keys::describe, tui as t};
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Modifier;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Clear, List, ListItem, ListState, Paragraph, Wrap};
use ratatui::Frame;
use unicode_width::UnicodeWidthStr;

pub fn help(app: &App, scroll: usize, frame: &mut Frame, area: Rect) {
    let r = centered(area, 72, area.height.saturating_sub(2));
    let ctx = app.context_below_popup();
    let lines: Vec<Line> = for_help(ctx)
        .iter()
        .map(|b| {
            Line::from(vec![
                Span::styled(format!(" {:>9}  ", b.key), app.theme.style("accent")),
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
        .style(app.theme.style("text"));
    frame.render_widget(p, r);
}

fn kind_label(kind: Kind) -> crate::i18n::Text {
    match kind {
        Kind::Child => t::KIND_CHILD,
        Kind::Family => t::KIND_FAMILY,
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
    frame.render_widget(outer.style(th.style("text")), r);
    let [input, info, list_area] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Length(1),
        Constraint::Min(1),
    ])
    .areas(inner);
    let shown = safe(&state.query);
    frame.render_widget(
        Paragraph::new(Line::from(vec![
            Span::styled("/ ", th.style("accent")),
            Span::raw(shown.clone()),
        ])),
        input,
    );
    frame.set_cursor_position((input.x + 2 + shown.width() as u16, input.y));
    let status = if state.query.is_empty() {
        t::LOOKUP_HINT.get(app.lang).to_string()
    } else if state.pending() {
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
        Paragraph::new(Span::styled(status, th.style("muted"))),
        info,
    );
    let items: Vec<ListItem> = state
        .results
        .hits
        .iter()
        .map(|h| {
            let mut spans = vec![Span::styled(
                format!("{:<12} ", kind_label(h.kind).get(app.lang)),
                th.style("muted"),
            )];
            // Under privacy, hits show initials: nobody opened them on purpose yet.
            if app.privacy && h.kind != Kind::Person {
                let shown = if h.kind == Kind::Question {
                    t::HIDDEN.get(app.lang).to_string()
                } else {
                    crate::domain::text::initials(&h.label)
                };
                spans.push(Span::raw(shown));
            } else {
                for (i, ch) in h.label.chars().enumerate() {
                    let ch = if ch.is_control() { ' ' } else { ch };
                    let style = if h.positions.contains(&i) {
                        th.style("match")
                    } else {
                        th.style("text")
                    };
                    spans.push(Span::styled(ch.to_string(), style));
                }
                if !h.detail.is_empty() {
                    spans.push(Span::styled(
                        format!("  {}", safe(&h.detail)),
                        th.style("muted"),
                    ));
                }
            }
            ListItem::new(Line::from(spans))
        })
        .collect();
    let list = List::new(items).highlight_style(th.style("selected"));
    frame.render_stateful_widget(
        list,
        list_area,
        &mut ListState::default().with_selected(Some(state.selected)),
    );
}

pub fn form(app: &App, form: &Form, frame: &mut Frame, area: Rect) {
    let th = &app.theme;
    let lang = app.lang;
    let label_w = 30u16.min(area.width / 3);
    let mut lines: Vec<Line> = Vec::new();
    let mut cursor = None;
    for (i, f) in form.fields.iter().enumerate() {
        let focused = i == form.focus;
        let label_style = if focused {
            th.style("accent").add_modifier(Modifier::BOLD)
        } else {
            th.style("muted")
        };
        let req = if f.required { "*" } else { " " };
        let label = format!(
            "{:<w$}",
            format!("{}{req}", f.label.get(lang)),
            w = label_w as usize
        );
        let value: Vec<Span> = match &f.kind {
            FieldKind::Choice(opts) => opts
                .iter()
                .enumerate()
                .map(|(n, o)| {
                    let s = if n == f.choice {
                        th.style("selected")
                    } else {
                        th.style("muted")
                    };
                    Span::styled(format!(" {} ", o.get(lang)), s)
                })
                .collect(),
            _ => {
                let shown = safe(&f.value);
                if focused {
                    let before: String = f.value.chars().take(f.cursor).collect();
                    cursor = Some((
                        label_w + 1 + safe(&before).width() as u16,
                        lines.len() as u16,
                    ));
                }
                let mut spans = vec![Span::raw(shown)];
                // A pick field out of focus says whom it picked.
                if let (FieldKind::Pick(_), false) = (&f.kind, focused) {
                    if let Some(o) = f.picked() {
                        spans.push(Span::styled(
                            format!("  → {}", safe(&o.label)),
                            th.style("done"),
                        ));
                    }
                }
                spans
            }
        };
        let mut spans = vec![Span::styled(label, label_style), Span::raw(" ")];
        spans.extend(value);
        lines.push(Line::from(spans));
        let pad = " ".repeat(label_w as usize + 1);
        if let Some(e) = &f.error {
            lines.push(Line::from(Span::styled(
                format!("{pad}{}", safe(e)),
                th.style("error"),
            )));
        } else if f.kind == FieldKind::Date {
            if let Some(Ok(understood)) = f.date_hint(app.today, lang) {
                lines.push(Line::from(Span::styled(
                    format!("{pad}→ {understood}"),
                    th.style("done"),
                )));
            } else if let Some(Err(e)) = f.date_hint(app.today, lang) {
                lines.push(Line::from(Span::styled(
                    format!("{pad}{}", safe(&e)),
                    th.style("warning"),
                )));
            }
        } else if let (FieldKind::Pick(_), true) = (&f.kind, focused) {
            let matches = f.pick_matches();
            if matches.is_empty() && !f.value.trim().is_empty() {
                lines.push(Line::from(Span::styled(
                    format!("{pad}→ {}", new_label(form, lang)),
                    th.style("warning"),
                )));
            }
            for (n, o) in matches.iter().enumerate() {
                let style = if n == 0 && !f.value.trim().is_empty() {
                    th.style("done")
                } else {
                    th.style("muted")
                };
                let arrow = if n == 0 && !f.value.trim().is_empty() {
                    "→"
                } else {
                    " "
                };
                lines.push(Line::from(Span::styled(
                    format!("{pad}{arrow} {} · {}", safe(&o.label), safe(&o.detail)),
                    style,
                )));
            }
        }
    }
    if let Some(e) = &form.error {
        lines.push(Line::from(Span::styled(safe(e), th.style("error"))));
    }
    lines.push(Line::from(Span::styled(
        t::FORM_KEYS.get(lang),
        th.style("muted"),
    )));
    let h = (lines.len() as u16 + 2).min(area.height);
    let r = centered(area, 96, h);
    frame.render_widget(Clear, r);
    let b = block(app, form.title.get(lang), true);
    let inner = b.inner(r);
    frame.render_widget(Paragraph::new(lines).block(b).style(th.style("text")), r);
    if let Some((x, y)) = cursor {
        if y < inner.height && x < inner.width {
            frame.set_cursor_position((inner.x + x, inner.y + y));
        }
    }
}

fn new_label(form: &Form, lang: crate::domain::dates::Lang) -> &'static str {
    match form.kind {
        super::super::form::FormKind::NewCase => t::NEW_FAMILY.get(lang),
        _ => t::NEW_PERSON.get(lang),
    }
}

pub fn confirm(app: &App, text: &str, frame: &mut Frame, area: Rect) {
    let r = centered(area, 60, 5);
    frame.render_widget(Clear, r);
    let p = Paragraph::new(text.to_string())
        .wrap(Wrap { trim: true })
        .block(block(app, "?", true))
        .style(app.theme.style("warning"));
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
        .style(app.theme.style("text"));
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
    frame.render_widget(b.style(th.style("text")), r);
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
            th.style("accent"),
        )),
        keys,
    );
}

/// A line of the minutes' Markdown as a person reads it: headings styled, list marks as bullets.
fn markdown_line(app: &App, line: &str) -> Line<'static> {
    let th = &app.theme;
    if let Some(h) = line.strip_prefix("### ") {
        Line::from(Span::styled(safe(h), th.style("accent")))
    } else if let Some(h) = line.strip_prefix("## ") {
        Line::from(Span::styled(safe(h), th.style("header")))
    } else if let Some(h) = line.strip_prefix("# ") {
        Line::from(Span::styled(safe(h), th.style("title")))
    } else if let Some(item) = line.strip_prefix("- [ ] ") {
        Line::from(format!("  ○ {}", safe(item)))
    } else if let Some(item) = line.strip_prefix("- ") {
        Line::from(format!("  • {}", safe(item)))
    } else {
        Line::from(safe(line))
    }
}
