//! Gezin / netwerk: carers, children and their cases, and every professional involved.

use crate::domain::dates::format_numeric;
use crate::domain::{ConsentStatus, Involvement};
use crate::i18n::{tui as t, words};
use crate::tui::app::App;
use crate::tui::family::FamilyPage;
use crate::tui::theme::Role;
use crate::tui::views::{block, name_for, private_text, safe, side_span};
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{List, ListItem, ListState, Paragraph, Wrap};
use ratatui::Frame;

pub fn render(app: &App, p: &FamilyPage, frame: &mut Frame, area: Rect) {
    let f = &p.family;
    let carers_h = (f.carers.len() as u16 + 2).max(3);
    let [top, cases_area, net_area] = Layout::vertical([
        Constraint::Length(carers_h),
        Constraint::Length(p.cases.len().max(1) as u16 + 2),
        Constraint::Min(3),
    ])
    .areas(area);
    carers(app, p, frame, top);
    cases(app, p, frame, cases_area);
    network(app, p, frame, net_area);
}

/// The carers with their relation and contact details.
fn carers(app: &App, p: &FamilyPage, frame: &mut Frame, top: Rect) {
    let lang = app.lang;
    let th = &app.theme;
    let f = &p.family;
    let carers: Vec<Line> = if f.carers.is_empty() {
        vec![Line::from(Span::styled(
            t::NONE_YET.get(lang),
            th.style(Role::Muted),
        ))]
    } else {
        f.carers
            .iter()
            .map(|c| {
                Line::from(vec![
                    Span::styled(name_for(app, &c.name, f.id), th.style(Role::Header)),
                    Span::styled(
                        format!(" ({})  ", private_text(app, &c.relation, f.id)),
                        th.style(Role::Muted),
                    ),
                    Span::raw(private_text(
                        app,
                        &format!("{}  {}", c.phone, c.email),
                        f.id,
                    )),
                ])
            })
            .collect()
    };
    let title = format!(
        "{} {} · {}",
        t::FAMILY.get(lang),
        name_for(app, &f.name, f.id),
        t::CARERS.get(lang)
    );
    frame.render_widget(
        Paragraph::new(carers)
            .wrap(Wrap { trim: true })
            .block(block(app, &title, false)),
        top,
    );
}

/// The children's cases; the selection starts here and runs on into the network below.
fn cases(app: &App, p: &FamilyPage, frame: &mut Frame, cases_area: Rect) {
    let lang = app.lang;
    let th = &app.theme;
    let mut items: Vec<ListItem> = Vec::new();
    for c in &p.cases {
        let child = p.family.child(c.child);
        let name = child.map(|ch| ch.full_name()).unwrap_or_default();
        items.push(ListItem::new(Line::from(vec![
            Span::styled(name_for(app, &name, c.family), th.style(Role::Header)),
            Span::raw(format!(
                " ({} {}) ",
                t::GROEP.get(lang),
                child.map(|c| safe(&c.groep)).unwrap_or_default()
            )),
            side_span(app, c.lead.side),
            Span::styled(
                format!(" {} · ", words::status(c.status).get(lang)),
                th.style(Role::Accent),
            ),
            Span::raw(private_text(app, &c.question, c.family)),
        ])));
    }
    let n_cases = items.len();
    let sel = p.selected;
    let list = List::new(items)
        .block(block(app, t::CHILDREN.get(lang), sel < n_cases))
        .highlight_style(th.style(Role::Selected));
    frame.render_stateful_widget(
        list,
        cases_area,
        &mut ListState::default().with_selected((sel < n_cases).then_some(sel)),
    );
}

/// Every professional involved, with how many faces the family sees today.
fn network(app: &App, p: &FamilyPage, frame: &mut Frame, net_area: Rect) {
    let lang = app.lang;
    let f = &p.family;
    let n_cases = p.cases.len();
    let sel = p.selected;
    let faces = f.faces_on(app.today);
    let net: Vec<ListItem> = f
        .network
        .iter()
        .map(|inv| involvement_item(app, p, inv))
        .collect();
    let noun = if faces == 1 { t::FACE } else { t::FACES };
    let title = format!("{} · {faces} {}", t::NETWORK.get(lang), noun.get(lang));
    let list = List::new(net)
        .block(block(app, &title, sel >= n_cases))
        .highlight_style(app.theme.style(Role::Selected));
    let net_sel = sel.checked_sub(n_cases);
    frame.render_stateful_widget(
        list,
        net_area,
        &mut ListState::default().with_selected(net_sel),
    );
}

/// One professional: consent, side, name (muted once no longer involved), role, organisation,
/// contact details and since when.
fn involvement_item<'a>(app: &App, p: &FamilyPage, inv: &Involvement) -> ListItem<'a> {
    let lang = app.lang;
    let th = &app.theme;
    let person = app.person(inv.person);
    // The consent mark shows the least permissive answer over the family's cases.
    let consent = p
        .cases
        .iter()
        .map(|c| c.consent_for(inv.person))
        .min_by_key(|c| match c {
            ConsentStatus::Geweigerd => 0,
            ConsentStatus::NietGevraagd => 1,
            ConsentStatus::Gegeven => 2,
        })
        .unwrap_or(ConsentStatus::NietGevraagd);
    let active = inv.active_on(app.today);
    let since = inv
        .from
        .map(|d| format!("{} {}", t::SINCE.get(lang), format_numeric(d)))
        .unwrap_or_default();
    let until = inv
        .until
        .map(|d| format!(" {} {}", t::UNTIL.get(lang), format_numeric(d)))
        .unwrap_or_default();
    ListItem::new(Line::from(vec![
        crate::tui::views::consent_span(app, consent),
        side_span(app, person.map(|p| p.side)),
        Span::styled(
            format!(" {} ", safe(&app.person_name(Some(inv.person)))),
            th.style(if active { Role::Header } else { Role::Muted }),
        ),
        Span::raw(format!(
            "· {} · {} ",
            private_text(app, &inv.role, p.family.id),
            person.map(|p| safe(&p.organisation)).unwrap_or_default()
        )),
        Span::styled(
            format!("{}  ", words::consent(consent).get(lang)),
            th.style(Role::Muted),
        ),
        Span::raw(private_text(
            app,
            &person
                .map(|p| format!("{} {}", p.phone, p.email))
                .unwrap_or_default(),
            p.family.id,
        )),
        Span::styled(format!("  {since}{until}"), th.style(Role::Muted)),
    ]))
}
