//! Sociale kaart (screen 4): the directory, and one person's card with their families.

use crate::i18n::{tui as t, words};
use crate::tui::app::App;
use crate::tui::kaart::PersonPage;
use crate::tui::theme::Role;
use crate::tui::views::{block, name_for, private_text, safe, side_span, window};
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Cell, List, ListItem, ListState, Paragraph, Row, Table, Wrap};
use ratatui::Frame;

pub fn render(app: &App, frame: &mut Frame, area: Rect) {
    let lang = app.lang;
    let th = &app.theme;
    let height = area.height.saturating_sub(3) as usize;
    let range = window(app.persons.len(), app.kaart_selected, height);
    let rows: Vec<Row> = app.persons[range.clone()]
        .iter()
        .enumerate()
        .map(|(n, p)| {
            let row = Row::new(vec![
                Cell::from(Line::from(side_span(app, Some(p.side)))),
                Cell::from(safe(&p.name)),
                Cell::from(safe(&p.role)),
                Cell::from(safe(&p.organisation)),
                Cell::from(safe(&p.phone)),
            ]);
            if range.start + n == app.kaart_selected {
                row.style(th.style(Role::Selected))
            } else {
                row
            }
        })
        .collect();
    let header = Row::new(vec![
        "",
        t::COL_NAME.get(lang),
        t::COL_ROLE.get(lang),
        t::COL_ORG.get(lang),
        t::L_PHONE.get(lang),
    ])
    .style(th.style(Role::Header));
    let widths = [
        Constraint::Length(1),
        Constraint::Fill(3),
        Constraint::Fill(3),
        Constraint::Fill(3),
        Constraint::Length(14),
    ];
    let title = format!("{} ({})", t::SCREEN_KAART.get(lang), app.persons.len());
    frame.render_widget(
        Table::new(rows, widths)
            .header(header)
            .block(block(app, &title, true))
            .column_spacing(1),
        area,
    );
}

pub fn person(app: &App, p: &PersonPage, frame: &mut Frame, area: Rect) {
    let lang = app.lang;
    let th = &app.theme;
    let person = &p.person;
    let [card, fams] = Layout::vertical([Constraint::Length(7), Constraint::Min(3)]).areas(area);
    let lines = vec![
        Line::from(vec![
            side_span(app, Some(person.side)),
            Span::styled(format!(" {}", safe(&person.name)), th.style(Role::Header)),
            Span::styled(
                format!(
                    "  {} · {}",
                    safe(&person.role),
                    words::side(person.side).get(lang)
                ),
                th.style(Role::Muted),
            ),
        ]),
        Line::from(safe(&person.organisation)),
        Line::from(format!("{}  {}", safe(&person.phone), safe(&person.email))),
        Line::from(Span::styled(safe(&person.offer), th.style(Role::Muted))),
    ];
    frame.render_widget(
        Paragraph::new(lines).wrap(Wrap { trim: true }).block(block(
            app,
            t::SCREEN_KAART.get(lang),
            false,
        )),
        card,
    );
    let items: Vec<ListItem> = p
        .families
        .iter()
        .map(|(f, role)| {
            ListItem::new(Line::from(vec![
                Span::styled(name_for(app, &f.name, f.id), th.style(Role::Header)),
                Span::styled(
                    format!("  · {}", private_text(app, role, f.id)),
                    th.style(Role::Muted),
                ),
            ]))
        })
        .collect();
    let title = format!("{} ({})", t::FAMILIES_OF.get(lang), p.families.len());
    let list = List::new(items)
        .block(block(app, &title, true))
        .highlight_style(th.style(Role::Selected));
    frame.render_stateful_widget(
        list,
        fams,
        &mut ListState::default().with_selected(Some(p.selected)),
    );
}
