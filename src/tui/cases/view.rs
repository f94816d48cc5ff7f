//! Casussen (screen 2): every case on one line; only the rows in view are built.

use crate::domain::dates::format_near;
use crate::domain::text::short;
use crate::i18n::{tui as t, words};
use crate::tui::app::App;
use crate::tui::cases::SortBy;
use crate::tui::theme::Role;
use crate::tui::views::{name_for, private_text, side_span, window};
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Cell, Paragraph, Row};
use ratatui::Frame;

pub fn render(app: &App, frame: &mut Frame, area: Rect) {
    let lang = app.lang;
    let th = &app.theme;
    let list = &app.cases;
    let [bar, table_area] =
        Layout::vertical([Constraint::Length(1), Constraint::Min(1)]).areas(area);

    let (shown, total) = list.counts.unwrap_or((list.visible.len(), list.rows.len()));
    let count = format!(" {shown} / {total} ");
    frame.render_widget(
        Paragraph::new(Line::from(vec![
            Span::styled(count, th.style(Role::Header)),
            Span::styled(filter_words(app).join(" · "), th.style(Role::Muted)),
        ])),
        bar,
    );

    let inner_h = table_area.height.saturating_sub(3) as usize;
    let range = window(list.visible.len(), list.selected, inner_h);
    let wide = table_area.width >= 100;
    let rows: Vec<Row> = list.visible[range.clone()]
        .iter()
        .enumerate()
        .map(|(n, &i)| {
            let row = case_row(app, &list.rows[i], wide);
            if range.start + n == list.selected {
                row.style(th.style(Role::Selected))
            } else {
                row
            }
        })
        .collect();
    let header = vec![
        "",
        t::COL_CHILD.get(lang),
        t::COL_GROEP.get(lang),
        t::COL_QUESTION.get(lang),
        t::COL_LEAD.get(lang),
        t::COL_STATUS.get(lang),
        t::COL_OPEN.get(lang),
        t::COL_NEXT.get(lang),
    ];
    let widths = vec![
        Constraint::Length(1),
        Constraint::Min(16),
        Constraint::Length(3),
        Constraint::Fill(2),
        Constraint::Length(5),
        Constraint::Length(10),
        Constraint::Length(8),
        Constraint::Length(10),
    ];
    let narrow = (!wide).then_some((3, 1, Constraint::Fill(1)));
    let table =
        crate::tui::views::table(app, t::SCREEN_CASES.get(lang), header, widths, rows, narrow);
    frame.render_widget(table, table_area);
}

/// The filter and the sort order in force, in words.
fn filter_words(app: &App) -> Vec<String> {
    let lang = app.lang;
    let list = &app.cases;
    let f = &list.filter;
    let mut parts: Vec<String> = Vec::new();
    parts.push(match (f.status, f.open_only) {
        (Some(s), _) => words::status(s).get(lang).to_string(),
        (None, true) => t::FILTER_OPEN.get(lang).to_string(),
        (None, false) => t::FILTER_ALL.get(lang).to_string(),
    });
    if let Some(s) = f.side {
        parts.push(format!(
            "{}: {} {}",
            t::LEAD.get(lang),
            s.mark(),
            words::side(s).get(lang)
        ));
    }
    if f.flagged_only {
        parts.push(t::FILTER_FLAGGED.get(lang).to_string());
    }
    if let Some(s) = &f.school {
        parts.push(crate::tui::views::safe(s));
    }
    let sort = match list.sort {
        SortBy::LastActivity => t::SORT_ACTIVITY,
        SortBy::NextDeadline => t::SORT_DEADLINE,
        SortBy::Name => t::SORT_NAME,
    };
    parts.push(format!("{}: {}", t::SORTED_BY.get(lang), sort.get(lang)));
    parts
}

/// One case's row; a narrow screen leaves out the question.
fn case_row(app: &App, r: &crate::domain::CaseSummary, wide: bool) -> Row<'static> {
    let lang = app.lang;
    let th = &app.theme;
    let overdue = r.is_overdue(app.today);
    let mark = match (overdue, r.flagged) {
        (true, _) => Span::styled("!", th.style(Role::Overdue)),
        (false, true) => Span::styled("●", th.style(Role::Warning)),
        _ => Span::raw(" "),
    };
    let next = r
        .next_deadline
        .map(|d| format_near(d, app.today, lang))
        .unwrap_or_default();
    let next_style = if overdue {
        th.style(Role::Overdue)
    } else {
        th.style(Role::Text)
    };
    let open = Line::from(vec![
        Span::styled(
            format!("{}{}", r.open_onderwijs, Side::Onderwijs.mark()),
            th.style(Role::Onderwijs),
        ),
        Span::raw(" "),
        Span::styled(
            format!("{}{}", r.open_zorg, Side::Zorg.mark()),
            th.style(Role::Zorg),
        ),
    ]);
    let question = private_text(app, &short(&r.question, 60), r.family);
    let mut cells = vec![
        Cell::from(mark),
        Cell::from(name_for(app, &r.child_name, r.family)),
        Cell::from(crate::tui::views::safe(&r.groep)),
        Cell::from(question),
        Cell::from(Line::from(side_span(app, r.lead_side))),
        Cell::from(words::status(r.status).get(lang)),
        Cell::from(open),
        Cell::from(Span::styled(next, next_style)),
    ];
    if !wide {
        cells.remove(3);
    }
    Row::new(cells)
}

use crate::domain::Side;
