//! Casus: everything about one case, opened on purpose (so privacy mode shows its names).

use crate::domain::dates::{format_near, format_numeric};
use crate::domain::{Action, Side};
use crate::i18n::{events, tui as t, words};
use crate::tui::app::App;
use crate::tui::case::{CasePage, CasePane};
use crate::tui::theme::Role;
use crate::tui::views::{
    block, name_for, network_title, owner_spans, private_text, safe, side_span,
};
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{List, ListItem, ListState, Paragraph, Wrap};
use ratatui::Frame;

pub fn render(app: &App, p: &CasePage, frame: &mut Frame, area: Rect) {
    let [card, rest] = Layout::vertical([Constraint::Length(6), Constraint::Min(4)]).areas(area);
    case_card(app, p, frame, card);

    let [left, right] =
        Layout::horizontal([Constraint::Percentage(55), Constraint::Percentage(45)]).areas(rest);
    actions(app, p, frame, left);
    let [net, agree, time] = Layout::vertical([
        Constraint::Fill(2),
        Constraint::Length(agreement_height(p)),
        Constraint::Fill(3),
    ])
    .areas(right);
    network(app, p, frame, net);
    agreements(app, p, frame, agree);
    timeline(app, p, frame, time);
}

/// The case card: who, who has regie and since when, the outcome, the question and notes.
fn case_card(app: &App, p: &CasePage, frame: &mut Frame, card: Rect) {
    let lang = app.lang;
    let th = &app.theme;
    let c = &p.case;
    let child = p.family.as_ref().and_then(|f| f.child(c.child));
    let mut lines = vec![title_line(app, c, child), lead_line(app, c)];
    if let Some(o) = c.outcome() {
        lines.push(Line::from(Span::styled(
            format!("{}: {}", t::OUTCOME.get(lang), words::outcome(o).get(lang)),
            th.style(Role::Done),
        )));
    }
    lines.push(Line::from(vec![
        Span::styled(
            format!("{}: ", t::QUESTION.get(lang)),
            th.style(Role::Muted),
        ),
        Span::raw(private_text(app, &c.question, c.family)),
    ]));
    if !c.notes.is_empty() {
        lines.push(Line::from(vec![
            Span::styled(format!("{}: ", t::NOTES.get(lang)), th.style(Role::Muted)),
            Span::raw(private_text(app, &c.notes, c.family)),
        ]));
    }
    let family_name = p
        .family
        .as_ref()
        .map(|f| name_for(app, &f.name, f.id))
        .unwrap_or_default();
    let head = format!(
        "{} · {} {family_name}",
        t::CASE.get(lang),
        t::FAMILY.get(lang)
    );
    frame.render_widget(
        Paragraph::new(lines)
            .wrap(Wrap { trim: true })
            .block(block(app, &head, false)),
        card,
    );
}

/// The child, groep and school, status, and the flag if set.
fn title_line(
    app: &App,
    c: &crate::domain::Case,
    child: Option<&crate::domain::Child>,
) -> Line<'static> {
    let lang = app.lang;
    let th = &app.theme;
    let child_name = child.map(|ch| ch.full_name()).unwrap_or_default();
    let mut title = vec![
        Span::styled(name_for(app, &child_name, c.family), th.style(Role::Header)),
        Span::raw(format!(
            "  {} {} · {}",
            t::GROEP.get(lang),
            child.map(|c| safe(&c.groep)).unwrap_or_default(),
            child.map(|c| safe(&c.school)).unwrap_or_default()
        )),
        Span::styled(
            format!(
                "  {}: {}",
                t::STATUS.get(lang),
                words::status(c.status).get(lang)
            ),
            th.style(Role::Accent),
        ),
    ];
    if c.flagged {
        title.push(Span::styled(
            format!("  ● {}", t::FLAGGED.get(lang)),
            th.style(Role::Warning),
        ));
    }
    Line::from(title)
}

/// Who has regie, where the signal came from and when, and the intake date.
fn lead_line(app: &App, c: &crate::domain::Case) -> Line<'static> {
    let lang = app.lang;
    let mut lead = vec![Span::raw(format!("{}: ", t::LEAD.get(lang)))];
    lead.extend(crate::tui::views::lead_spans(app, &c.lead));
    lead.push(Span::styled(
        format!(
            "   {}: {} {}   {}: {}",
            t::SIGNAL.get(lang),
            words::signal(c.signal).get(lang),
            format_numeric(c.signal_date),
            t::INTAKE.get(lang),
            c.intake_date
                .map(format_numeric)
                .unwrap_or_else(|| "–".into())
        ),
        app.theme.style(Role::Muted),
    ));
    Line::from(lead)
}

fn agreement_height(p: &CasePage) -> u16 {
    (p.agreements.len().min(4) as u16 + 2).max(3)
}

fn list_state(selected: usize, focused: bool) -> ListState {
    ListState::default().with_selected(focused.then_some(selected))
}

fn action_item<'a>(app: &App, p: &CasePage, a: &Action, width: usize) -> ListItem<'a> {
    let th = &app.theme;
    let overdue = a.is_overdue(app.today);
    let due = a
        .deadline
        .map(|d| format_near(d, app.today, app.lang))
        .unwrap_or_else(|| "–".into());
    // One fixed-width status column: cancelled, done, overdue, or open.
    let cancelled = a.done.as_ref().is_some_and(|d| d.cancelled.is_some());
    let check = if cancelled {
        "✕"
    } else if a.done.is_some() {
        "✓"
    } else if overdue {
        "!"
    } else {
        "○"
    };
    let style = if a.done.is_some() {
        th.style(Role::Done)
    } else if overdue {
        th.style(Role::Overdue)
    } else {
        th.style(Role::Text)
    };
    // Status, side, deadline and owner on one line; the whole text wrapped beneath it.
    let mut head = vec![
        Span::styled(format!("{check} "), style),
        side_span(app, Some(a.side)),
        Span::styled(format!(" {due:<10} "), style),
    ];
    head.extend(owner_spans(app, &p.case, a.owner));
    let mut lines = vec![Line::from(head)];
    lines.extend(
        crate::tui::views::wrap(
            &private_text(app, &a.text, p.case.family),
            width.saturating_sub(4),
        )
        .into_iter()
        .map(|l| Line::from(format!("    {l}"))),
    );
    ListItem::new(lines)
}

fn actions(app: &App, p: &CasePage, frame: &mut Frame, area: Rect) {
    let focused = p.pane == CasePane::Actions;
    let mut items = Vec::new();
    let mut selected_row = 0;
    // Grouped onderwijs | zorg; `p.actions` is sorted by side already.
    for side in Side::ALL {
        let group: Vec<(usize, &Action)> = p
            .actions
            .iter()
            .enumerate()
            .filter(|(_, a)| a.side == side)
            .collect();
        let head = format!(
            "{} {} ({})",
            side.mark(),
            words::side(side).get(app.lang).to_uppercase(),
            group.iter().filter(|(_, a)| a.is_open()).count()
        );
        items.push(ListItem::new(Line::from(Span::styled(
            head,
            app.theme.style(Role::side(side)),
        ))));
        for (i, a) in group {
            if i == p.selected {
                selected_row = items.len();
            }
            items.push(action_item(
                app,
                p,
                a,
                area.width.saturating_sub(2) as usize,
            ));
        }
    }
    let list = List::new(items)
        .block(block(app, t::ACTIONS.get(app.lang), focused))
        .highlight_style(app.theme.style(Role::Selected));
    let mut state = list_state(selected_row, focused && !p.actions.is_empty());
    frame.render_stateful_widget(list, area, &mut state);
}

fn network(app: &App, p: &CasePage, frame: &mut Frame, area: Rect) {
    let th = &app.theme;
    let focused = p.pane == CasePane::Network;
    let items: Vec<ListItem> = p
        .family
        .iter()
        .flat_map(|f| f.network.iter())
        .map(|inv| network_item(app, p, inv))
        .collect();
    let people = p
        .family
        .iter()
        .flat_map(|f| f.network.iter().map(|i| i.person));
    let owners = p
        .actions
        .iter()
        .filter(|a| a.is_open())
        .filter_map(|a| a.owner);
    let title = network_title(app, &p.case, people.chain(owners), area.width);
    let list = List::new(items)
        .block(block(app, &title, focused))
        .highlight_style(th.style(Role::Selected));
    frame.render_stateful_widget(list, area, &mut list_state(p.selected, focused));
}

fn agreements(app: &App, p: &CasePage, frame: &mut Frame, area: Rect) {
    let lines: Vec<Line> = if p.agreements.is_empty() {
        vec![Line::from(Span::styled(
            t::NONE_YET.get(app.lang),
            app.theme.style(Role::Muted),
        ))]
    } else {
        p.agreements
            .iter()
            .rev()
            .map(|(d, text)| {
                Line::from(vec![
                    Span::styled(
                        format!("{} ", format_numeric(*d)),
                        app.theme.style(Role::Muted),
                    ),
                    Span::raw(private_text(app, text, p.case.family)),
                ])
            })
            .collect()
    };
    frame.render_widget(
        Paragraph::new(lines).block(block(app, &agreements_title(app, p), false)),
        area,
    );
}

fn timeline(app: &App, p: &CasePage, frame: &mut Frame, area: Rect) {
    let focused = p.pane == CasePane::Timeline;
    let name = |id| safe(&app.person_name(Some(id)));
    let action = |id| {
        p.actions
            .iter()
            .find(|a| a.id == id)
            .map(|a| safe(&a.text))
            .unwrap_or_else(|| format!("#{id}"))
    };
    // Wie, wanneer, wat: the line; under it, the fields an edit changed (short).
    let items: Vec<ListItem> = p
        .events
        .iter()
        .map(|e| {
            let mut lines = vec![Line::from(vec![
                Span::styled(
                    format!("{} ", e.at.format("%d-%m-%Y %H:%M")),
                    app.theme.style(Role::Muted),
                ),
                Span::raw(private_text(
                    app,
                    &events::describe(&e.kind, app.lang, &name, &action),
                    p.case.family,
                )),
                Span::styled(
                    format!("  ({})", safe(crate::i18n::audit::who(&e.who, app.lang))),
                    app.theme.style(Role::Muted),
                ),
            ])];
            if !e.changes.is_empty() {
                let fields = crate::i18n::audit::changes(&e.changes, app.lang, Some(24));
                lines.push(Line::from(Span::styled(
                    format!("  {}", private_text(app, &fields, p.case.family)),
                    app.theme.style(Role::Muted),
                )));
            }
            ListItem::new(lines)
        })
        .collect();
    let list = List::new(items)
        .block(block(app, t::TIMELINE.get(app.lang), focused))
        .highlight_style(app.theme.style(Role::Selected));
    // Unfocused, the newest lines stay in view (a line with its fields takes two rows).
    let mut state = if focused {
        list_state(p.selected, true)
    } else {
        let mut rows = area.height.saturating_sub(2) as usize;
        let mut first = p.events.len();
        for e in p.events.iter().rev() {
            let height = if e.changes.is_empty() { 1 } else { 2 };
            if height > rows {
                break;
            }
            rows -= height;
            first -= 1;
        }
        ListState::default().with_offset(first)
    };
    frame.render_stateful_widget(list, area, &mut state);
}

/// One person of the network: consent mark, side, name (muted once no longer involved), role;
/// beneath, the note kept with the consent ("moeder mondeling; vader nog vragen"), if any.
fn network_item<'a>(app: &App, p: &CasePage, inv: &crate::domain::Involvement) -> ListItem<'a> {
    let th = &app.theme;
    let person = app.person(inv.person);
    let ended = inv.until.is_some_and(|u| u < app.today);
    let style = if ended {
        th.style(Role::Muted)
    } else {
        th.style(Role::Text)
    };
    let mut lines = vec![Line::from(vec![
        crate::tui::views::network_mark(app, &p.case, inv.person),
        side_span(app, person.map(|p| p.side)),
        Span::styled(
            format!(" {} ", safe(&app.person_name(Some(inv.person)))),
            style,
        ),
        Span::styled(
            format!("· {}", private_text(app, &inv.role, p.case.family)),
            th.style(Role::Muted),
        ),
    ])];
    let note = p
        .case
        .consents
        .iter()
        .find(|c| c.person == inv.person && !c.note.trim().is_empty());
    if let Some(c) = note {
        lines.push(Line::from(Span::styled(
            format!("    {}", private_text(app, &c.note, p.case.family)),
            th.style(Role::Muted),
        )));
    }
    ListItem::new(lines)
}

/// "Afspraken · besproken 9 nov, 16 nov": the meetings the case was discussed in.
fn agreements_title(app: &App, p: &CasePage) -> String {
    let mut title = t::AGREEMENTS.get(app.lang).to_string();
    if !p.discussed_in.is_empty() {
        let dates: Vec<String> = p
            .discussed_in
            .iter()
            .rev()
            .take(6)
            .map(|d| format_near(*d, app.today, app.lang))
            .collect();
        title.push_str(&format!(
            " · {} {}",
            crate::i18n::meeting::DISCUSSED_IN.get(app.lang),
            dates.join(", ")
        ));
    }
    title
}
