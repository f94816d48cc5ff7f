//! Acties (screen 3): counts per side on top, then the actions grouped by when they are due.

use crate::domain::dates::format_near;
use crate::domain::Side;
use crate::i18n::{tui as t, words};
use crate::tui::acties::{counts, Due};
use crate::tui::app::App;
use crate::tui::theme::Role;
use crate::tui::views::{safe, side_span, window};
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Cell, Paragraph, Row};
use ratatui::Frame;
use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

fn due_label(d: Due) -> crate::i18n::Text {
    match d {
        Due::Overdue => t::DUE_OVERDUE,
        Due::Today => t::DUE_TODAY,
        Due::Week => t::DUE_WEEK,
        Due::Later => t::DUE_LATER,
        Due::Never => t::DUE_NEVER,
    }
}

pub fn render(app: &App, frame: &mut Frame, area: Rect) {
    let lang = app.lang;
    let list = &app.actions;
    let [bar, table_area] =
        Layout::vertical([Constraint::Length(1), Constraint::Min(1)]).areas(area);

    if !list.loaded && app.later.entries_pending() {
        // No counts yet: the bar's "0 open" would be untrue.
        let text = Span::styled(t::LOADING_ACTIES.get(lang), app.theme.style(Role::Muted));
        frame.render_widget(Paragraph::new(Line::from(text)), table_area);
        return;
    }
    frame.render_widget(Paragraph::new(Line::from(bar_spans(app, bar.width))), bar);

    let height = table_area.height.saturating_sub(3) as usize;
    let range = window(list.visible.len(), list.selected, height);
    let wide = table_area.width >= 100;
    let mut last_group = None;
    let rows: Vec<Row> = list.visible[range.clone()]
        .iter()
        .enumerate()
        .map(|(n, &i)| {
            let r = &list.rows[i];
            let due = Due::of(r.deadline, app.today);
            let group = if r.done { None } else { Some(due) };
            // The group's name stands on its first row only.
            let group_cell = if group != last_group || n == 0 {
                last_group = group;
                group_span(app, group)
            } else {
                Span::raw("")
            };
            let row = action_row(app, r, list.whole(r), group_cell, wide);
            if range.start + n == list.selected {
                row.style(app.theme.style(Role::Selected))
            } else {
                row
            }
        })
        .collect();
    let header = vec![
        "",
        "",
        "",
        t::COL_DUE.get(lang),
        t::COL_OWNER.get(lang),
        t::COL_CHILD.get(lang),
        t::COL_ACTION.get(lang),
    ];
    let widths = vec![
        Constraint::Length(13),
        Constraint::Length(1),
        Constraint::Length(1),
        Constraint::Length(10),
        Constraint::Length(20),
        Constraint::Length(24),
        Constraint::Fill(1),
    ];
    let narrow = (!wide).then_some((5, 4, Constraint::Length(16)));
    let table = crate::tui::views::table(
        app,
        t::SCREEN_ACTIES.get(lang),
        header,
        widths,
        rows,
        narrow,
    );
    frame.render_widget(table, table_area);
}

/// The line above the list: the counts per side, then the filter in words and how many rows it
/// shows. Where that is too wide (80 columns, five-digit counts), the room between the sides
/// goes first, then the sides' words (their marks stay), then the filter's words are cut with
/// "…"; the count of rows stays whole.
fn bar_spans(app: &App, width: u16) -> Vec<Span<'static>> {
    let width = usize::from(width);
    let words = filter_words(app).join(" · ");
    let shown = format!(" ({})", app.actions.visible.len());
    let wide = width >= 100;
    let mut spans = Vec::new();
    for (named, gap, last) in [(wide, "   ", false), (wide, " ", false), (false, " ", true)] {
        spans = side_counts(app, named, gap);
        let used: usize = spans.iter().map(Span::width).sum();
        let room = width.saturating_sub(used + 2 + shown.width());
        let fits = words.width() <= room;
        if fits || last {
            let words = match (fits, room) {
                (true, _) => format!(" {words}"),
                // No room for a word: the count alone.
                (false, 0..=1) => String::new(),
                (false, _) => format!(" {}", cut(&words, room)),
            };
            spans.push(Span::styled(
                format!("·{words}{shown}"),
                app.theme.style(Role::Muted),
            ));
            break;
        }
    }
    spans
}

/// `text` cut to at most `room` columns, ending in "…" when anything was left out.
fn cut(text: &str, room: usize) -> String {
    let mut out = String::new();
    for c in text.chars() {
        if out.width() + c.width().unwrap_or(0) + 1 > room {
            out.push('…');
            return out;
        }
        out.push(c);
    }
    out
}

/// Per side: its mark (and on a wide screen its word), how many actions are open and how many
/// of those overdue; `gap` after each side.
fn side_counts(app: &App, wide: bool, gap: &str) -> Vec<Span<'static>> {
    let lang = app.lang;
    let th = &app.theme;
    let c = counts(&app.actions.rows, app.today);
    let mut spans = Vec::new();
    for side in Side::ALL {
        let s = side.to_byte() as usize;
        // Narrow screens keep the mark and drop the word, so the filter still fits.
        let label = if wide {
            format!(" {} {} ", side.mark(), words::side(side).get(lang))
        } else {
            format!(" {} ", side.mark())
        };
        spans.push(Span::styled(label, th.style(Role::side(side))));
        spans.push(Span::raw(format!("{} {}", c.open[s], t::OPEN.get(lang))));
        if c.overdue[s] > 0 {
            spans.push(Span::styled(
                format!(
                    ", {} {}",
                    c.overdue[s],
                    t::DUE_OVERDUE.get(lang).to_lowercase()
                ),
                th.style(Role::Overdue),
            ));
        }
        spans.push(Span::raw(gap.to_string()));
    }
    spans
}

/// The filter in force, in words; "all actions" when there is none.
fn filter_words(app: &App) -> Vec<String> {
    let lang = app.lang;
    let f = &app.actions.filter;
    let mut parts = Vec::new();
    if f.mine {
        parts.push(format!(
            "{} ({})",
            t::FILTER_MINE.get(lang),
            safe(&app.person_name(app.config.me.map(crate::domain::PersonId)))
        ));
    }
    if let Some(s) = f.side {
        parts.push(format!("{} {}", s.mark(), words::side(s).get(lang)));
    }
    if let Some(d) = f.due {
        parts.push(due_label(d).get(lang).to_lowercase());
    }
    if f.show_done {
        parts.push(t::FILTER_WITH_DONE.get(lang).to_string());
    }
    if parts.is_empty() {
        parts.push(t::ALL_ACTIONS.get(lang).to_string());
    }
    parts
}

/// A group's name: when the actions in it are due, or done.
fn group_span(app: &App, group: Option<Due>) -> Span<'static> {
    let th = &app.theme;
    match group {
        Some(g) => Span::styled(
            due_label(g).get(app.lang),
            th.style(if g == Due::Overdue {
                Role::Overdue
            } else {
                Role::Header
            }),
        ),
        None => Span::styled(t::DONE.get(app.lang), th.style(Role::Done)),
    }
}

/// One action's row; a narrow screen leaves out the child's column. The texts come from the
/// whole row (`whole`), read per page; a row not read (yet) shows "…" in their place.
fn action_row(
    app: &App,
    r: &crate::domain::ActionEntry,
    whole: Option<&crate::domain::ActionSummary>,
    group_cell: Span<'static>,
    wide: bool,
) -> Row<'static> {
    let th = &app.theme;
    let overdue = r.is_overdue(app.today);
    let date_style = if overdue {
        th.style(Role::Overdue)
    } else if r.done {
        th.style(Role::Done)
    } else {
        th.style(Role::Text)
    };
    let cancelled = app.actions.cancelled(r);
    let check = if cancelled.is_some() {
        "✕"
    } else if r.done {
        "✓"
    } else if overdue {
        "!"
    } else {
        "○"
    };
    const UNREAD: &str = "…";
    let (child, groep, text) = match whole {
        Some(w) => (
            crate::tui::views::name_for(app, &w.child_name, r.case),
            safe(&w.groep),
            with_reason(app, r, cancelled, &w.text),
        ),
        None => (UNREAD.into(), UNREAD.into(), UNREAD.into()),
    };
    let mut cells = vec![
        Cell::from(group_cell),
        Cell::from(Span::styled(check, date_style)),
        Cell::from(Line::from(side_span(app, Some(r.side)))),
        Cell::from(Span::styled(
            r.deadline
                .map(|d| format_near(d, app.today, app.lang))
                .unwrap_or_else(|| "–".into()),
            date_style,
        )),
        Cell::from(safe(&app.person_name(r.owner))),
        Cell::from(format!("{child} ({groep})")),
        Cell::from(text),
    ];
    if !wide {
        cells.remove(5);
    }
    Row::new(cells)
}

/// An action's text as screen 3 shows it; a cancelled one ends with why (both as privacy mode
/// allows them).
fn with_reason(
    app: &App,
    r: &crate::domain::ActionEntry,
    cancelled: Option<&str>,
    text: &str,
) -> String {
    let text = crate::tui::views::private_text(app, text, Some(r.case));
    match cancelled {
        Some(why) => format!(
            "{text} · {}: {}",
            crate::i18n::exports::CANCELLED.get(app.lang),
            crate::tui::views::private_text(app, why, Some(r.case))
        ),
        None => text,
    }
}
