//! Monitor (screen 5): six panels, each a chart of ratatui's own (BarChart, Sparkline) with its
//! numbers beside it for whoever would rather read. Nothing here names a family: in privacy
//! mode the screen is the same.

use super::Figures;
use crate::domain::dates::{format_numeric, Lang};
use crate::domain::monitor::{BySource, Histogram, Tally, WITHIN_DAYS};
use crate::domain::{Outcome, Side};
use crate::i18n::{monitor as m, words};
use crate::tui::app::App;
use crate::tui::monitor::PeriodChoice;
use crate::tui::theme::Role;
use crate::tui::views::{block, safe, side_span};
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Bar, BarChart, Paragraph, Sparkline};
use ratatui::Frame;

/// The bins of the days charts, as on `tandem stats`.
const DAY_BINS: [(u32, Option<u32>); 4] = [
    (0, Some(WITHIN_DAYS)),
    (8, Some(14)),
    (15, Some(28)),
    (29, None),
];

pub fn render(app: &App, frame: &mut Frame, area: Rect) {
    let [top, grid] = Layout::vertical([Constraint::Length(1), Constraint::Min(3)]).areas(area);
    frame.render_widget(Paragraph::new(scope_line(app)), top);
    let Some(figures) = &app.monitor.figures else {
        let text = match &app.monitor.error {
            Some(e) => Span::styled(safe(e), app.theme.style(Role::Error)),
            None => Span::styled(m::COUNTING.get(app.lang), app.theme.style(Role::Muted)),
        };
        frame.render_widget(Paragraph::new(Line::from(text)), grid);
        return;
    };
    let rows = Layout::vertical([Constraint::Ratio(1, 3); 3]).split(grid);
    let cells: Vec<[Rect; 2]> = rows
        .iter()
        .map(|r| Layout::horizontal([Constraint::Ratio(1, 2); 2]).areas(*r))
        .collect();
    let t = &figures.tally;
    if let [[a, b], [c, d], [e, f]] = cells.as_slice() {
        let waiting = (m::S_NO_INTAKE, t.without_intake);
        days_panel(
            app,
            frame,
            *a,
            (m::SEC_INTAKE, &t.signal_to_intake, waiting),
        );
        let no_action = (m::S_NO_ACTION, t.intake_without_action);
        days_panel(
            app,
            frame,
            *b,
            (m::SEC_ACTION, &t.intake_to_action, no_action),
        );
        closed_panel(app, frame, *c, t);
        faces_panel(app, frame, *d, &t.faces);
        actions_panel(app, frame, *e, t);
        new_cases_panel(app, frame, *f, figures);
    }
}

/// "Periode: dit schooljaar · 1-8-2026 t/m 23-11-2026 · alle scholen", and whether it counts.
fn scope_line(app: &App) -> Line<'static> {
    let lang = app.lang;
    let mon = &app.monitor;
    let scope = mon.scope(app.today);
    let choice = match mon.choice {
        PeriodChoice::SchoolYear => m::SCHOOL_YEAR.get(lang),
        PeriodChoice::Last12Months => m::LAST_12.get(lang),
        PeriodChoice::Own(_) => m::CUSTOM.get(lang),
    };
    let upto = if lang == Lang::Nl { "t/m" } else { "to" };
    let school = mon
        .school
        .as_deref()
        .map(safe)
        .unwrap_or_else(|| m::ALL_SCHOOLS.get(lang).to_string());
    let mut spans = vec![
        Span::styled(
            format!(" {}: ", m::PERIOD.get(lang)),
            app.theme.style(Role::Muted),
        ),
        Span::styled(choice.to_string(), app.theme.style(Role::Header)),
        Span::raw(format!(
            " ({} {upto} {}) · ",
            format_numeric(scope.period.from),
            format_numeric(scope.period.to)
        )),
        Span::styled(school, app.theme.style(Role::Header)),
    ];
    if mon.counting() && mon.figures.is_some() {
        spans.push(Span::styled(
            format!("  {}", m::COUNTING.get(lang)),
            app.theme.style(Role::Muted),
        ));
    }
    Line::from(spans)
}

/// A panel: a bordered block, a chart on the left and the numbers on the right.
fn split(app: &App, frame: &mut Frame, area: Rect, title: &str, numbers: u16) -> [Rect; 2] {
    let outer = block(app, title, false);
    let inner = outer.inner(area);
    frame.render_widget(outer, area);
    let numbers = numbers.min(inner.width / 2);
    Layout::horizontal([Constraint::Min(4), Constraint::Length(numbers)])
        .spacing(1)
        .areas(inner)
}

fn figure_lines(app: &App, pairs: Vec<(String, String)>) -> Paragraph<'static> {
    let lines: Vec<Line> = pairs
        .into_iter()
        .map(|(label, value)| {
            Line::from(vec![
                Span::styled(format!("{label} "), app.theme.style(Role::Muted)),
                Span::styled(value, app.theme.style(Role::Header)),
            ])
        })
        .collect();
    Paragraph::new(lines)
}

/// Horizontal bars with their numbers beside them, as thick as the `rows` of the chart allow.
fn bars(app: &App, data: Vec<(String, u64)>, role: Role, rows: u16) -> BarChart<'static> {
    let n = u16::try_from(data.len()).unwrap_or(u16::MAX).max(1);
    // Rows per bar with the gap under it: a gap once there is room, thicker bars after that.
    let (width, gap) = match (rows + 1) / n {
        0 | 1 => (1, 0),
        2 => (1, 1),
        more => (more - 1, 1),
    };
    let bars: Vec<Bar> = data
        .into_iter()
        .map(|(label, n)| Bar::with_label(label, n).text_value(n.to_string()))
        .collect();
    BarChart::horizontal(bars)
        .bar_width(width.max(1))
        .bar_gap(gap)
        .bar_style(app.theme.style(role))
        .value_style(app.theme.style(Role::Selected))
        .label_style(app.theme.style(Role::Muted))
}

fn median_text(h: &Histogram, lang: Lang) -> String {
    match h.median() {
        Some(x) => {
            let s = if x.fract() == 0.0 {
                format!("{x:.0}")
            } else {
                format!("{x:.1}")
            };
            if lang == Lang::Nl {
                s.replace('.', ",")
            } else {
                s
            }
        }
        None => "–".into(),
    }
}

fn percent(part: u64, whole: u64) -> String {
    if whole == 0 {
        "–".into()
    } else {
        format!("{}%", (part as f64 * 100.0 / whole as f64).round())
    }
}

type DaysPanel<'a> = (crate::i18n::Text, &'a Histogram, (crate::i18n::Text, u64));

/// Days from one step to the next: the bins as bars; the count, median, share within the week
/// and who is still waiting beside them.
fn days_panel(app: &App, frame: &mut Frame, area: Rect, (title, h, waiting): DaysPanel) {
    let lang = app.lang;
    let [chart, numbers] = split(app, frame, area, title.get(lang), 22);
    let data = DAY_BINS
        .iter()
        .map(|(low, high)| {
            let label = high.map_or(format!("{low}+"), |h| format!("{low}–{h}"));
            (label, crate::report::stats::in_bin(h, *low, *high))
        })
        .collect();
    frame.render_widget(bars(app, data, Role::Accent, chart.height), chart);
    let pairs = vec![
        (m::S_CASES.get(lang).into(), h.total().to_string()),
        (
            m::S_MEDIAN.get(lang).into(),
            format!("{} {}", median_text(h, lang), m::DAYS.get(lang)),
        ),
        (
            m::S_WITHIN.get(lang).into(),
            percent(h.at_most(WITHIN_DAYS), h.total()),
        ),
        (waiting.0.get(lang).into(), waiting.1.to_string()),
    ];
    frame.render_widget(figure_lines(app, pairs), numbers);
}

fn closed_panel(app: &App, frame: &mut Frame, area: Rect, t: &Tally) {
    let lang = app.lang;
    let [chart, numbers] = split(app, frame, area, m::SEC_CLOSED.get(lang), 20);
    let data = Outcome::ALL
        .iter()
        .map(|o| (m::outcome_short(*o, lang).to_string(), t.closings.get(*o)))
        .collect();
    frame.render_widget(bars(app, data, Role::Done, chart.height), chart);
    let c = &t.closings;
    let pairs = vec![
        (m::TOTAL.get(lang).into(), c.total().to_string()),
        (
            m::S_WITHOUT_REFERRAL.get(lang).into(),
            percent(c.without_referral(), c.total()),
        ),
    ];
    frame.render_widget(
        figure_lines(app, pairs).wrap(ratatui::widgets::Wrap { trim: true }),
        numbers,
    );
}

fn faces_panel(app: &App, frame: &mut Frame, area: Rect, h: &Histogram) {
    let lang = app.lang;
    let [chart, numbers] = split(app, frame, area, m::SEC_FACES.get(lang), 16);
    // One bar a row: on a short panel the last bar takes in everyone from there on ("3+").
    let last = crate::report::stats::FACES_OR_MORE.min(u32::from(chart.height.max(2)) - 1);
    let data = (0..=last)
        .map(|n| {
            let high = (n < last).then_some(n);
            let label = if n < last {
                n.to_string()
            } else {
                format!("{n}+")
            };
            (label, crate::report::stats::in_bin(h, n, high))
        })
        .collect();
    frame.render_widget(bars(app, data, Role::Accent, chart.height), chart);
    let pairs = vec![
        (m::FAMILIES.get(lang).into(), h.total().to_string()),
        (m::S_MEDIAN.get(lang).into(), median_text(h, lang)),
    ];
    frame.render_widget(figure_lines(app, pairs), numbers);
}

fn actions_panel(app: &App, frame: &mut Frame, area: Rect, t: &Tally) {
    let lang = app.lang;
    let outer = block(app, m::SEC_ACTIONS.get(lang), false);
    let inner = outer.inner(area);
    frame.render_widget(outer, area);
    let muted = app.theme.style(Role::Muted);
    let mut lines: Vec<Line> = Side::ALL
        .iter()
        .map(|side| {
            let overdue = t.overdue.get(*side);
            let overdue_role = if overdue > 0 {
                Role::Overdue
            } else {
                Role::Text
            };
            Line::from(vec![
                side_span(app, Some(*side)),
                Span::raw(format!(" {:<10}", words::side(*side).get(lang))),
                Span::styled(format!("{} ", m::OPEN.get(lang)), muted),
                Span::styled(
                    format!("{:<6}", t.open.get(*side)),
                    app.theme.style(Role::Header),
                ),
                Span::styled(format!("{} ", m::OVERDUE.get(lang)), muted),
                Span::styled(overdue.to_string(), app.theme.style(overdue_role)),
            ])
        })
        .collect();
    let on_time: Vec<String> = Side::ALL
        .iter()
        .map(|s| format!("{} {}", s.mark(), percent(t.on_time.get(*s), t.due.get(*s))))
        .collect();
    lines.push(Line::from(vec![
        Span::styled(format!("{}: ", m::S_ON_TIME.get(lang)), muted),
        Span::styled(on_time.join(" · "), app.theme.style(Role::Header)),
    ]));
    let gauge = percent(t.on_time.total(), t.due.total());
    lines.push(Line::from(vec![
        Span::styled(format!("{}: ", m::TOTAL.get(lang)), muted),
        Span::styled(gauge, app.theme.style(Role::Header)),
    ]));
    frame.render_widget(Paragraph::new(lines), inner);
}

fn new_cases_panel(app: &App, frame: &mut Frame, area: Rect, figures: &Figures) {
    let lang = app.lang;
    let t = &figures.tally;
    let outer = block(app, m::SEC_NEW.get(lang), false);
    let inner = outer.inner(area);
    frame.render_widget(outer, area);
    let [spark, months, sources] = Layout::vertical([
        Constraint::Min(1),
        Constraint::Length(1),
        Constraint::Length(1),
    ])
    .areas(inner);
    let per_month: Vec<u64> = t.new_cases.values().map(BySource::total).collect();
    // One column per month is too thin to read: each month is drawn as wide as the panel allows.
    let width = (usize::from(spark.width) / per_month.len().max(1)).max(1);
    let data: Vec<u64> = per_month
        .iter()
        .flat_map(|n| std::iter::repeat_n(*n, width))
        .collect();
    frame.render_widget(
        Sparkline::default()
            .data(&data)
            .style(app.theme.style(Role::Accent)),
        spark,
    );
    let first_last = match (t.new_cases.keys().next(), t.new_cases.keys().next_back()) {
        (Some(a), Some(b)) => {
            let counts: Vec<String> = per_month.iter().map(u64::to_string).collect();
            format!("{a}…{b}: {}", counts.join(" "))
        }
        _ => m::S_NONE.get(lang).to_string(),
    };
    frame.render_widget(
        Paragraph::new(Span::styled(first_last, app.theme.style(Role::Muted))),
        months,
    );
    let totals = t.new_cases_total();
    let text: Vec<String> = BySource::ALL
        .iter()
        .map(|s| format!("{} {}", words::signal(*s).get(lang), totals.get(*s)))
        .collect();
    frame.render_widget(Paragraph::new(text.join(" · ")), sources);
}
