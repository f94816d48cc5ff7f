//! Screen 1 before the meeting: the agenda draft, one line per case, reordered and timeboxed
//! with keys; names by the privacy rule (no case is under discussion yet).

use super::reasons;
use crate::domain::dates::{format_long, format_near};
use crate::i18n::{meeting as t, tui as tt};
use crate::tui::app::App;
use crate::tui::meeting::MeetingState;
use crate::tui::theme::Role;
use crate::tui::views::{block, name_for, safe, side_span, window};
use ratatui::layout::{Constraint, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Cell, Row, Table};
use ratatui::Frame;

/// The agenda draft: each case with why it is on it, its next deadline and its timebox.
pub fn render(app: &App, m: &MeetingState, frame: &mut Frame, area: Rect) {
    let th = &app.theme;
    let lang = app.lang;
    let items = &m.meeting.items;
    let total: u32 = items.iter().map(|i| i.timebox_minutes).sum();
    let title = format!(
        "{} · {} · {} {} · {total} {}",
        t::PROPOSAL.get(lang),
        format_long(m.meeting.date, lang),
        items.len(),
        tt::SCREEN_CASES.get(lang).to_lowercase(),
        t::MINUTES_SHORT.get(lang)
    );
    let range = window(
        items.len(),
        m.selected,
        area.height.saturating_sub(3) as usize,
    );
    let rows: Vec<Row> = items[range.clone()]
        .iter()
        .enumerate()
        .map(|(n, item)| {
            let r = app.cases.row(item.case);
            let name = r
                .map(|r| name_for(app, &r.child_name, r.family))
                .unwrap_or_default();
            let overdue = r.is_some_and(|r| r.is_overdue(app.today));
            let next = r
                .and_then(|r| r.next_deadline)
                .map(|d| format_near(d, app.today, lang))
                .unwrap_or_default();
            let row = Row::new(vec![
                Cell::from(format!("{:>2}", range.start + n + 1)),
                Cell::from(Line::from(side_span(app, r.and_then(|r| r.lead_side)))),
                Cell::from(name),
                Cell::from(r.map(|r| safe(&r.groep)).unwrap_or_default()),
                Cell::from(Span::styled(reasons(app, item), th.style(Role::Accent))),
                Cell::from(Span::styled(
                    next,
                    th.style(if overdue { Role::Overdue } else { Role::Text }),
                )),
                Cell::from(format!(
                    "{:>3} {}",
                    item.timebox_minutes,
                    t::MINUTES_SHORT.get(lang)
                )),
            ]);
            if range.start + n == m.selected {
                row.style(th.style(Role::Selected))
            } else {
                row
            }
        })
        .collect();
    let widths = [
        Constraint::Length(2),
        Constraint::Length(1),
        Constraint::Fill(2),
        Constraint::Length(4),
        Constraint::Fill(3),
        Constraint::Length(10),
        Constraint::Length(7),
    ];
    let header = Row::new(vec![
        "#",
        "",
        tt::COL_CHILD.get(lang),
        tt::COL_GROEP.get(lang),
        "",
        tt::COL_NEXT.get(lang),
        "",
    ])
    .style(th.style(Role::Header));
    frame.render_widget(
        Table::new(rows, widths)
            .header(header)
            .block(block(app, &title, true))
            .column_spacing(1),
        area,
    );
}
