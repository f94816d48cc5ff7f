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
    let mut focus_row = 0u16;
    for (i, f) in form.fields().into_iter().enumerate() {
        let focused = i == form.focus;
        let row = lines.len() as u16;
        if focused {
            focus_row = row;
        }
        let room = inner_w.saturating_sub(label_w as usize + 1).max(8);
        lines.extend(field_lines(
            app,
            f,
            focused,
            (label_w, room),
            row,
            &mut cursor,
        ));
        field_hints(app, form, f, focused, label_w, &mut lines);
        consent_hints(app, form, f, (label_w, inner_w), &mut lines);
    }
    if let Some(e) = &form.error {
        lines.push(Line::from(Span::styled(safe(e), th.style(Role::Error))));
    }
    let keys = match form.body.section_starts().len() {
        1 => t::FORM_KEYS.get(lang),
        _ => t::FORM_KEYS_ROWS.get(lang),
    };
    lines.push(Line::from(Span::styled(keys, th.style(Role::Muted))));
    // A form taller than the screen leaves the bottom line (the keys) in view, and scrolls.
    let h = (lines.len() as u16 + 2).min(area.height.saturating_sub(1).max(3));
    let r = centered(area, FORM_WIDTH, h);
    frame.render_widget(Clear, r);
    let b = block(app, form.title.get(lang), true);
    let inner = b.inner(r);
    let top = scroll_to(focus_row, lines.len() as u16, inner.height);
    frame.render_widget(
        Paragraph::new(lines)
            .block(b)
            .style(th.style(Role::Text))
            .scroll((top, 0)),
        r,
    );
    if let Some((x, y)) = cursor.map(|(x, y)| (x, y.saturating_sub(top))) {
        if y < inner.height && x < inner.width {
            frame.set_cursor_position((inner.x + x, inner.y + y));
        }
    }
}

/// The first line to show of a form `total` lines long in `room` lines, so that the focused
/// field (at `focus`) and a few lines under it (its hints, its matches) are in view: a long form
/// (the intake with its carers and network) scrolls with the focus.
fn scroll_to(focus: u16, total: u16, room: u16) -> u16 {
    const BELOW: u16 = 6;
    if total <= room {
        return 0;
    }
    (focus + BELOW)
        .saturating_sub(room)
        .min(total.saturating_sub(room))
}

/// A choice's options after its label, on as many lines as they need in `room` columns: an
/// option is never cut ("verwezen naar specialistische jeugdhulp" at 80 columns).
fn choice_lines(
    label: Span<'static>,
    label_w: u16,
    room: usize,
    options: impl Iterator<Item = Span<'static>>,
) -> Vec<Line<'static>> {
    let pad = " ".repeat(usize::from(label_w) + 1);
    let mut out = Vec::new();
    let mut line = vec![label, Span::raw(" ")];
    let mut used = 0;
    for o in options {
        let w = o.width();
        if used > 0 && used + w > room {
            out.push(Line::from(std::mem::take(&mut line)));
            line = vec![Span::raw(pad.clone())];
            used = 0;
        }
        used += w;
        line.push(o);
    }
    out.push(Line::from(line));
    out
}

/// The most lines a free-text field shows; the window follows the cursor.
const TEXT_ROWS: usize = 6;

/// A field's label and value from line `row` on; a focused field puts the cursor there, always
/// in view: a one-line value scrolls sideways, free text wraps over several lines. `widths` are
/// the label's and the value's room, in columns.
fn field_lines(
    app: &App,
    f: &Field,
    focused: bool,
    widths: (u16, usize),
    row: u16,
    cursor: &mut Option<(u16, u16)>,
) -> Vec<Line<'static>> {
    let th = &app.theme;
    let lang = app.lang;
    let (label_w, room) = widths;
    let label_style = if focused {
        th.style(Role::Accent).add_modifier(Modifier::BOLD)
    } else {
        th.style(Role::Muted)
    };
    let req = if f.required { "*" } else { " " };
    let nth = f.nth.map(|n| format!(" {n}")).unwrap_or_default();
    let label = format!(
        "{:<w$}",
        format!("{}{nth}{req}", f.label.get(lang)),
        w = label_w as usize
    );
    let label = Span::styled(label, label_style);
    let (rows, at) = match &f.kind {
        FieldKind::Choice(opts) => {
            let spans = opts.iter().enumerate().map(|(n, o)| {
                let s = if n == f.choice {
                    th.style(Role::Selected)
                } else {
                    th.style(Role::Muted)
                };
                Span::styled(format!(" {} ", o.get(lang)), s)
            });
            return choice_lines(label, label_w, room, spans);
        }
        FieldKind::Text => text_rows(&f.value, f.cursor, room),
        _ => {
            let (shown, x) = scrolled(&f.value, f.cursor, room);
            (vec![shown], (0, x))
        }
    };
    if focused {
        *cursor = Some((label_w + 1 + at.1 as u16, row + at.0 as u16));
    }
    let pad = " ".repeat(label_w as usize + 1);
    let mut out: Vec<Line<'static>> = Vec::new();
    for (i, text) in rows.into_iter().enumerate() {
        let lead = match i {
            0 => vec![label.clone(), Span::raw(" ")],
            _ => vec![Span::raw(pad.clone())],
        };
        let mut spans = lead;
        spans.push(Span::raw(text));
        out.push(Line::from(spans));
    }
    // A pick field out of focus says whom it picked.
    if let (FieldKind::Pick(_), false, Some(o)) = (&f.kind, focused, f.picked()) {
        if let Some(first) = out.first_mut() {
            first.spans.push(Span::styled(
                format!("  → {}", option_text(app, o).0),
                th.style(Role::Done),
            ));
        }
    }
    out
}

/// One char of a value as drawn: what [`safe`] keeps of it, a space for any whitespace (one char
/// each, so the cursor's position stays the char's).
fn shown(c: char) -> String {
    if c.is_whitespace() {
        " ".into()
    } else {
        safe(&c.to_string())
    }
}

/// A one-line value in `room` columns, scrolled so the cursor (a char position) shows: what to
/// draw, and the cursor's column in it.
fn scrolled(value: &str, cursor: usize, room: usize) -> (String, usize) {
    let chars: Vec<String> = value.chars().map(shown).collect();
    let cursor = cursor.min(chars.len());
    let width = |cs: &[String]| cs.iter().map(|c| c.width()).sum::<usize>();
    // The first char shown: as far left as lets the cursor (and one column for it) fit.
    let mut start = 0;
    while start < cursor && width(&chars[start..cursor]) + 1 > room {
        start += 1;
    }
    let mut out = String::new();
    let mut used = 0;
    for c in &chars[start..] {
        if used + c.width() > room {
            break;
        }
        used += c.width();
        out.push_str(c);
    }
    (out, width(&chars[start..cursor]))
}

/// Free text in rows of `room` columns: its own line breaks kept, long lines broken at the
/// width (the cursor must land where it is drawn), at most [`TEXT_ROWS`] rows around the
/// cursor. The rows, and the cursor's row and column in them.
fn text_rows(value: &str, cursor: usize, room: usize) -> (Vec<String>, (usize, usize)) {
    let mut rows = vec![String::new()];
    let mut widths = vec![0usize];
    let mut at = (0, 0);
    for (i, c) in value.chars().enumerate() {
        let last = rows.len() - 1;
        if i == cursor {
            at = (last, widths[last]);
        }
        if c == '\n' {
            rows.push(String::new());
            widths.push(0);
            continue;
        }
        let c = shown(c);
        if widths[last] + c.width() > room.saturating_sub(1) {
            rows.push(String::new());
            widths.push(0);
        }
        let last = rows.len() - 1;
        if i == cursor {
            at = (last, widths[last]);
        }
        widths[last] += c.width();
        rows[last].push_str(&c);
    }
    if cursor >= value.chars().count() {
        let last = rows.len() - 1;
        at = (last, widths[last]);
    }
    let first = (at.0 + 1).saturating_sub(TEXT_ROWS);
    let rows: Vec<String> = rows.into_iter().skip(first).take(TEXT_ROWS).collect();
    (rows, (at.0 - first, at.1))
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
    let on_family = form
        .fields()
        .get(form.focus)
        .is_some_and(|f| f.label == t::L_FAMILY);
    match on_family {
        true => t::NEW_FAMILY.get(lang),
        false => t::NEW_PERSON.get(lang),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_long_form_scrolls_with_its_focus() {
        assert_eq!(scroll_to(3, 30, 38), 0, "fits: no scroll");
        assert_eq!(scroll_to(3, 60, 38), 0);
        assert_eq!(scroll_to(40, 60, 38), 8);
        assert_eq!(scroll_to(58, 60, 38), 22, "never past the end");
    }

    #[test]
    fn a_long_line_scrolls_so_the_cursor_shows() {
        let long = "a".repeat(100) + "Z";
        let (shown, x) = scrolled(&long, 101, 50);
        assert!(shown.ends_with('Z'), "{shown}");
        assert_eq!(x, 49, "the cursor in the last column");
        let (shown, x) = scrolled(&long, 0, 50);
        assert_eq!((shown.len(), x), (50, 0));
        let (shown, x) = scrolled("Çelik", 3, 50);
        assert_eq!((shown.as_str(), x), ("Çelik", 3));
        let (shown, x) = scrolled("De Regenboog\u{202E}!", 13, 50);
        assert_eq!(
            (shown.as_str(), x),
            ("De Regenboog!", 12),
            "spaces kept, bidi dropped"
        );
    }

    #[test]
    fn free_text_keeps_its_lines_and_wraps_with_the_cursor() {
        let (rows, _) = text_rows("twee woorden", 0, 40);
        assert_eq!(rows, vec!["twee woorden"]);
        let (rows, at) = text_rows("regel\ntweede", 12, 40);
        assert_eq!(rows, vec!["regel", "tweede"]);
        assert_eq!(at, (1, 6));
        let long = "x".repeat(95);
        let (rows, at) = text_rows(&long, 95, 40);
        assert_eq!(rows.len(), 3);
        assert_eq!(at, (2, 95 - 78));
        let many = "r\n".repeat(20);
        let (rows, at) = text_rows(&many, 40, 40);
        assert_eq!(rows.len(), TEXT_ROWS);
        assert_eq!(at.0, TEXT_ROWS - 1);
    }
}
