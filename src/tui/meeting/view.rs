//! Overleg (screen 1): the agenda (before) and the walk-through (during), made for a projector:
//! one case fills the screen, the two sides stand in two columns, the timer counts down.

use crate::domain::dates::format_near;
use crate::domain::{Action, Side};
use crate::i18n::{meeting as t, tui as tt, words};
use crate::tui::app::App;
use crate::tui::meeting::MeetingState;
use crate::tui::theme::Role;
use crate::tui::views::{
    block, name_for, network_title, owner_spans, private_text, safe, side_span,
};
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{List, ListItem, Paragraph, Wrap};
use ratatui::Frame;

mod agenda;

pub fn render(app: &App, frame: &mut Frame, area: Rect) {
    match &app.meeting {
        Some(m) if m.running() => walk_through(app, m, frame, area),
        Some(m) => agenda::render(app, m, frame, area),
        None => {}
    }
}

fn mmss(seconds: i64) -> String {
    let s = seconds.abs();
    format!(
        "{}{:02}:{:02}",
        if seconds < 0 { "+" } else { "" },
        s / 60,
        s % 60
    )
}

/// Why an item is on the agenda, in words.
fn reasons(app: &App, item: &crate::domain::AgendaItem) -> String {
    item.reasons
        .iter()
        .map(|r| t::reason(*r).get(app.lang))
        .collect::<Vec<_>>()
        .join(", ")
}

fn walk_through(app: &App, m: &MeetingState, frame: &mut Frame, area: Rect) {
    let cur = m.meeting.current;
    let Some(item) = m.meeting.items.get(cur) else {
        return;
    };
    let [bar, body] = Layout::vertical([Constraint::Length(1), Constraint::Min(4)]).areas(area);
    timer_bar(app, m, item, frame, bar);

    let wide = body.width >= 110;
    let (strip, main) = if wide {
        let [s, mn] = Layout::horizontal([Constraint::Length(24), Constraint::Min(40)]).areas(body);
        (Some(s), mn)
    } else {
        (None, body)
    };
    if let Some(s) = strip {
        agenda_strip(app, m, frame, s);
    }
    let Some(page) = &m.page else { return };
    let c = &page.case;
    let family = page.family.as_ref();
    let [card, cols, lower] = Layout::vertical([
        Constraint::Length(5),
        Constraint::Fill(3),
        Constraint::Fill(2),
    ])
    .areas(main);
    case_card(app, c, family, frame, card);
    side_columns(app, m, frame, cols);
    let [net, agree] =
        Layout::horizontal([Constraint::Percentage(40), Constraint::Percentage(60)]).areas(lower);
    let owners: Vec<_> = m.open_actions().iter().filter_map(|a| a.owner).collect();
    network(app, c, family, &owners, frame, net);
    agreements(app, m, item, &page.agreements, frame, agree);
}

/// The bar above the walk-through: which item, the timer (calm, then warning in the last two
/// minutes, overdue past the timebox), the meeting's total and why the case is on the agenda.
fn timer_bar(
    app: &App,
    m: &MeetingState,
    item: &crate::domain::AgendaItem,
    frame: &mut Frame,
    bar: Rect,
) {
    let th = &app.theme;
    let lang = app.lang;
    let cur = m.meeting.current;
    let spent = m.spent(cur, app.now) as i64;
    let remaining = i64::from(item.timebox_minutes) * 60 - spent;
    let timer_style = if remaining < 0 {
        th.style(Role::Overdue)
    } else if remaining <= 120 {
        th.style(Role::Warning)
    } else {
        th.style(Role::Header)
    };
    let top = Line::from(vec![
        Span::styled(format!(" {} ", t::RUNNING.get(lang)), th.style(Role::Title)),
        Span::raw(format!(
            "{} {} {} {}  ",
            t::ITEM.get(lang),
            cur + 1,
            t::OF.get(lang),
            m.meeting.items.len()
        )),
        Span::styled(format!(" ⏱ {} ", mmss(remaining)), timer_style),
        Span::styled(
            format!(
                "  {} {}  ",
                t::TOTAL.get(lang),
                mmss(i64::from(m.total(app.now)))
            ),
            th.style(Role::Muted),
        ),
        Span::styled(reasons(app, item), th.style(Role::Accent)),
    ]);
    frame.render_widget(Paragraph::new(top), bar);
}

/// The case in two lines: child, groep, who has regie, status; then the question.
fn case_card(
    app: &App,
    c: &crate::domain::Case,
    family: Option<&crate::domain::Family>,
    frame: &mut Frame,
    card: Rect,
) {
    let th = &app.theme;
    let lang = app.lang;
    let child = family.and_then(|f| f.child(c.child));
    let name = child.map(|ch| ch.full_name()).unwrap_or_default();
    let mut head = vec![
        Span::styled(name_for(app, &name, c.family), th.style(Role::Header)),
        Span::raw(format!(
            "  {} {}  ",
            tt::GROEP.get(lang),
            child.map(|c| safe(&c.groep)).unwrap_or_default()
        )),
        Span::raw(format!("{}: ", tt::LEAD.get(lang))),
    ];
    head.extend(crate::tui::views::lead_spans(app, &c.lead));
    head.push(Span::styled(
        format!("  {}", words::status(c.status).get(lang)),
        th.style(Role::Accent),
    ));
    // A case closed in the meeting says how: the outcome is what the minutes and the
    // monitoring count.
    if let (Some(o), Some(day)) = (c.outcome(), c.closed_date()) {
        head.push(Span::styled(
            format!(
                " · {} {}",
                words::outcome(o).get(lang),
                crate::domain::dates::format_numeric(day)
            ),
            th.style(Role::Done),
        ));
    }
    let lines = vec![
        Line::from(head),
        Line::from(private_text(app, &c.question, c.family)),
    ];
    frame.render_widget(
        Paragraph::new(lines).wrap(Wrap { trim: true }).block(block(
            app,
            tt::CASE.get(lang),
            false,
        )),
        card,
    );
}

/// The open actions in two columns, onderwijs left and zorg right, each framed in its colour.
fn side_columns(app: &App, m: &MeetingState, frame: &mut Frame, cols: Rect) {
    let [left, right] =
        Layout::horizontal([Constraint::Percentage(50), Constraint::Percentage(50)]).areas(cols);
    let open = m.open_actions();
    let selected = open.get(m.action).map(|a| a.id);
    for (side, area) in [(Side::Onderwijs, left), (Side::Zorg, right)] {
        let items: Vec<ListItem> = open
            .iter()
            .filter(|a| a.side == side)
            .map(|a| {
                action_item(
                    app,
                    m,
                    a,
                    Some(a.id) == selected,
                    area.width.saturating_sub(2) as usize,
                )
            })
            .collect();
        let title = format!(
            "{} {}",
            side.mark(),
            words::side(side).get(app.lang).to_uppercase()
        );
        let b = block(app, &title, false).border_style(app.theme.style(Role::side(side)));
        frame.render_widget(List::new(items).block(b), area);
    }
}

/// Who is involved with the family today, each with their consent mark and side.
fn network(
    app: &App,
    c: &crate::domain::Case,
    family: Option<&crate::domain::Family>,
    open_owners: &[crate::domain::PersonId],
    frame: &mut Frame,
    net: Rect,
) {
    let net_items: Vec<ListItem> = family
        .into_iter()
        .flat_map(|f| f.network.iter())
        .filter(|i| i.active_on(app.today))
        .map(|inv| {
            ListItem::new(Line::from(vec![
                crate::tui::views::network_mark(app, c, inv.person),
                side_span(app, app.person(inv.person).map(|p| p.side)),
                Span::raw(format!(" {} ", safe(&app.person_name(Some(inv.person))))),
                Span::styled(
                    format!("· {}", private_text(app, &inv.role, c.family)),
                    app.theme.style(Role::Muted),
                ),
            ]))
        })
        .collect();
    let people = family
        .into_iter()
        .flat_map(|f| f.network.iter())
        .filter(|i| i.active_on(app.today))
        .map(|i| i.person);
    let owners = open_owners.iter().copied();
    let title = network_title(app, c, people.chain(owners), net.width);
    frame.render_widget(List::new(net_items).block(block(app, &title, false)), net);
}

/// This item's agreements so far, then up to four from earlier meetings, newest first.
fn agreements(
    app: &App,
    m: &MeetingState,
    item: &crate::domain::AgendaItem,
    before: &[(chrono::NaiveDate, String)],
    frame: &mut Frame,
    agree: Rect,
) {
    let th = &app.theme;
    let lang = app.lang;
    let mut lines: Vec<Line> = Vec::new();
    for a in &item.agreements {
        lines.push(Line::from(vec![
            Span::styled("● ", th.style(Role::Done)),
            Span::raw(private_text(app, &a.text, item.case)),
        ]));
    }
    let earlier: Vec<&(chrono::NaiveDate, String)> = before
        .iter()
        .rev()
        .filter(|(d, _)| *d < m.meeting.date)
        .take(4)
        .collect();
    if !earlier.is_empty() {
        lines.push(Line::from(Span::styled(
            t::LAST_TIME.get(lang),
            th.style(Role::Muted),
        )));
        for (d, text) in earlier {
            lines.push(Line::from(vec![
                Span::styled(
                    format!("{} ", format_near(*d, app.today, lang)),
                    th.style(Role::Muted),
                ),
                Span::raw(private_text(app, text, item.case)),
            ]));
        }
    }
    let title = format!(
        "{} · {}",
        tt::AGREEMENTS.get(lang),
        t::THIS_TIME.get(lang).to_lowercase()
    );
    frame.render_widget(
        Paragraph::new(lines)
            .wrap(Wrap { trim: true })
            .block(block(app, &title, false)),
        agree,
    );
}

fn action_item<'a>(
    app: &App,
    m: &MeetingState,
    a: &Action,
    selected: bool,
    width: usize,
) -> ListItem<'a> {
    let th = &app.theme;
    let overdue = a.is_overdue(app.today);
    let style = if overdue {
        th.style(Role::Overdue)
    } else {
        th.style(Role::Text)
    };
    let due = a
        .deadline
        .map(|d| format_near(d, app.today, app.lang))
        .unwrap_or_else(|| "–".into());
    let mark = if overdue { "!" } else { "○" };
    // The owner and deadline on one line, the whole text wrapped below: it must read from the
    // back of the room, not end in the middle of a word.
    let mut head = vec![Span::styled(format!("{mark} {due:<10} "), style)];
    match m.page.as_ref() {
        Some(p) => head.extend(owner_spans(app, &p.case, a.owner)),
        None => head.push(Span::styled(
            safe(&app.person_name(a.owner)),
            th.style(Role::Muted),
        )),
    }
    let mut lines = vec![Line::from(head)];
    let text = private_text(app, &a.text, a.case);
    lines.extend(
        crate::tui::views::wrap(&text, width.saturating_sub(2))
            .into_iter()
            .map(|l| Line::from(format!("  {l}"))),
    );
    let item = ListItem::new(lines);
    if selected {
        item.style(th.style(Role::Selected))
    } else {
        item
    }
}

fn agenda_strip(app: &App, m: &MeetingState, frame: &mut Frame, area: Rect) {
    let th = &app.theme;
    let items: Vec<ListItem> = m
        .meeting
        .items
        .iter()
        .enumerate()
        .map(|(i, item)| {
            // Only the case being discussed shows its name; the rest stay initials.
            let name = app
                .cases
                .row(item.case)
                .map(|r| name_for(app, &r.child_name, Some(item.case)))
                .unwrap_or_default();
            let done = if item.discussed { "✓" } else { " " };
            let style = if i == m.meeting.current {
                th.style(Role::Selected)
            } else if item.discussed {
                th.style(Role::Muted)
            } else {
                th.style(Role::Text)
            };
            ListItem::new(Span::styled(format!("{done}{:>2} {name}", i + 1), style))
        })
        .collect();
    frame.render_widget(
        List::new(items).block(block(app, tt::SCREEN_CASES.get(app.lang), false)),
        area,
    );
}
