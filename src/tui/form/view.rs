//! A form drawn over the page: labels, fields with the cursor, inline errors.

use crate::i18n::tui as t;
use crate::tui::app::App;
use crate::tui::form::{Field, FieldKind, Form, PickId, PickOption};
use crate::tui::privacy::Privacy;
use crate::tui::theme::Role;
use crate::tui::views::{block, centered, safe};
use ratatui::layout::Rect;
use ratatui::style::Modifier;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Clear, Paragraph};
use ratatui::Frame;
use unicode_width::UnicodeWidthStr;

/// The widest a form gets, in columns.
const FORM_WIDTH: u16 = 96;

pub fn form(app: &App, form: &Form, frame: &mut Frame, area: Rect) {
    let th = &app.theme;
    let lang = app.lang;
    let label_w = 30u16.min(area.width / 3);
    // The form's inside: its width is known before its height.
    let inner_w = FORM_WIDTH.min(area.width).saturating_sub(2) as usize;
    let mut lines: Vec<Line> = Vec::new();
    let mut cursor = None;
    if let Some(intro) = &form.intro {
        let intro = Privacy::of(app).say(intro);
        for l in crate::tui::views::wrap(&intro, inner_w) {
            lines.push(Line::from(Span::styled(l, th.style(Role::Header))));
        }
    }
    for (i, f) in form.fields().into_iter().enumerate() {
        let focused = i == form.focus;
        let row = lines.len() as u16;
        lines.push(field_line(app, f, focused, label_w, row, &mut cursor));
        field_hints(app, form, f, focused, label_w, &mut lines);
        consent_hints(app, form, f, (label_w, inner_w), &mut lines);
    }
    if let Some(e) = &form.error {
        lines.push(Line::from(Span::styled(safe(e), th.style(Role::Error))));
    }
    lines.push(Line::from(Span::styled(
        t::FORM_KEYS.get(lang),
        th.style(Role::Muted),
    )));
    let h = (lines.len() as u16 + 2).min(area.height);
    let r = centered(area, FORM_WIDTH, h);
    frame.render_widget(Clear, r);
    let b = block(app, form.title.get(lang), true);
    let inner = b.inner(r);
    frame.render_widget(
        Paragraph::new(lines).block(b).style(th.style(Role::Text)),
        r,
    );
    if let Some((x, y)) = cursor {
        if y < inner.height && x < inner.width {
            frame.set_cursor_position((inner.x + x, inner.y + y));
        }
    }
}

/// A field's label and value on line `row`; a focused text field puts the cursor there.
fn field_line(
    app: &App,
    f: &Field,
    focused: bool,
    label_w: u16,
    row: u16,
    cursor: &mut Option<(u16, u16)>,
) -> Line<'static> {
    let th = &app.theme;
    let lang = app.lang;
    let label_style = if focused {
        th.style(Role::Accent).add_modifier(Modifier::BOLD)
    } else {
        th.style(Role::Muted)
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
                    th.style(Role::Selected)
                } else {
                    th.style(Role::Muted)
                };
                Span::styled(format!(" {} ", o.get(lang)), s)
            })
            .collect(),
        _ => {
            let shown = safe(&f.value);
            if focused {
                let before: String = f.value.chars().take(f.cursor).collect();
                *cursor = Some((label_w + 1 + safe(&before).width() as u16, row));
            }
            let mut spans = vec![Span::raw(shown)];
            // A pick field out of focus says whom it picked.
            if let (FieldKind::Pick(_), false) = (&f.kind, focused) {
                if let Some(o) = f.picked() {
                    spans.push(Span::styled(
                        format!("  → {}", option_text(app, o).0),
                        th.style(Role::Done),
                    ));
                }
            }
            spans
        }
    };
    let mut spans = vec![Span::styled(label, label_style), Span::raw(" ")];
    spans.extend(value);
    Line::from(spans)
}

/// The lines under a field, indented to its value: its error, or how a date was understood,
/// or a focused pick field's matches.
fn field_hints(
    app: &App,
    form: &Form,
    f: &Field,
    focused: bool,
    label_w: u16,
    lines: &mut Vec<Line<'static>>,
) {
    let th = &app.theme;
    let lang = app.lang;
    let pad = " ".repeat(label_w as usize + 1);
    if let Some(e) = &f.error {
        lines.push(Line::from(Span::styled(
            format!("{pad}{}", safe(e)),
            th.style(Role::Error),
        )));
    } else if f.kind == FieldKind::Date {
        if let Some(Ok(understood)) = f.date_hint(app.today, lang) {
            lines.push(Line::from(Span::styled(
                format!("{pad}→ {understood}"),
                th.style(Role::Done),
            )));
        } else if let Some(Err(e)) = f.date_hint(app.today, lang) {
            lines.push(Line::from(Span::styled(
                format!("{pad}{}", safe(&e)),
                th.style(Role::Warning),
            )));
        }
    } else if let (FieldKind::Pick(_), true) = (&f.kind, focused) {
        let matches = f.pick_matches();
        if matches.is_empty() && !f.value.trim().is_empty() {
            lines.push(Line::from(Span::styled(
                format!("{pad}→ {}", new_label(form, lang)),
                th.style(Role::Warning),
            )));
        }
        for (n, o) in matches.iter().enumerate() {
            let style = if n == 0 && !f.value.trim().is_empty() {
                th.style(Role::Done)
            } else {
                th.style(Role::Muted)
            };
            let arrow = if n == 0 && !f.value.trim().is_empty() {
                "→"
            } else {
                " "
            };
            let (label, detail) = option_text(app, o);
            lines.push(Line::from(Span::styled(
                format!("{pad}{arrow} {label} · {detail}"),
                style,
            )));
        }
    }
}

/// A pick option's label and detail: a family (its name, a child's name) by the privacy rule,
/// a professional in full.
fn option_text(app: &App, o: &PickOption) -> (String, String) {
    match o.id {
        PickId::Family(id) => {
            let rule = Privacy::of(app);
            (rule.name(&o.label, id), rule.name(&o.detail, id))
        }
        PickId::Person(_) => (safe(&o.label), safe(&o.detail)),
    }
}

/// Under an action's owner, a warning when the family gave no consent for them; under a
/// consent's empty note, what it is for. Wrapped below the field's value: `widths` are the
/// label's and the form's inside.
fn consent_hints(
    app: &App,
    form: &Form,
    f: &Field,
    widths: (u16, usize),
    lines: &mut Vec<Line<'static>>,
) {
    let (label_w, inner_w) = widths;
    let pad = " ".repeat(label_w as usize + 1);
    let hint = if f.label == t::L_OWNER {
        crate::tui::consent::warning(app, form).map(|w| (w, Role::Warning))
    } else if f.label == t::L_NOTE && f.value.is_empty() {
        Some((
            crate::i18n::privacy::NOTE_HINT.get(app.lang).to_string(),
            Role::Muted,
        ))
    } else {
        None
    };
    if let Some((text, role)) = hint {
        let room = inner_w.saturating_sub(pad.len()).max(10);
        for l in crate::tui::views::wrap(&text, room) {
            lines.push(Line::from(Span::styled(
                format!("{pad}{l}"),
                app.theme.style(role),
            )));
        }
    }
}

fn new_label(form: &Form, lang: crate::domain::dates::Lang) -> &'static str {
    match form.kind() {
        crate::tui::form::FormKind::NewCase => t::NEW_FAMILY.get(lang),
        _ => t::NEW_PERSON.get(lang),
    }
}
