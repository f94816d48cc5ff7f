//! Rendering: reads the app state, draws a frame, touches nothing else. Every piece of text a
//! person typed passes through [`safe`] first, so nothing stored can reach the terminal as a
//! command.

mod chrome;
mod popup;

use super::app::{App, Page, Popup, Screen};
use super::privacy::{Privacy, Whose};
use super::theme::Role;
use crate::domain::text::clean_line;
use crate::i18n::tui as t;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Paragraph};
use ratatui::Frame;

/// Below this the screen says it is too small instead of squeezing.
const MIN_WIDTH: u16 = 40;
const MIN_HEIGHT: u16 = 10;

pub fn render(app: &App, frame: &mut Frame) {
    let area = frame.area();
    frame.render_widget(Block::default().style(app.theme.style(Role::Text)), area);
    if app.blank {
        frame.render_widget(Clear, area);
        // Under NO_COLOR the terminal's own background stands in for black.
        let black = if app.no_color {
            Style::default()
        } else {
            Style::default().bg(ratatui::style::Color::Black)
        };
        frame.render_widget(Block::default().style(black), area);
        return;
    }
    if let Some(Popup::PrivacyOffer) = app.popup {
        // Asked before anything of the case book is drawn: the projector may be on already.
        return popup::privacy_offer(app, frame, area);
    }
    if area.width < MIN_WIDTH || area.height < MIN_HEIGHT {
        let msg = format!(
            "{} ({}x{})",
            t::TOO_SMALL.get(app.lang),
            area.width,
            area.height
        );
        frame.render_widget(
            Paragraph::new(msg).style(app.theme.style(Role::Warning)),
            area,
        );
        return;
    }
    let [header, body, footer] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Min(3),
        Constraint::Length(1),
    ])
    .areas(area);
    chrome::header(app, frame, header);
    chrome::footer(app, frame, footer);
    if app.welcome {
        chrome::welcome(app, frame, body);
    } else {
        match app.pages.last() {
            Some(Page::Case(p)) => super::case::view::render(app, p, frame, body),
            Some(Page::Family(p)) => super::family::view::render(app, p, frame, body),
            Some(Page::Person(p)) => super::kaart::view::person(app, p, frame, body),
            None => match app.screen {
                Screen::Cases => super::cases::view::render(app, frame, body),
                Screen::Acties => super::acties::view::render(app, frame, body),
                Screen::Overleg => super::meeting::view::render(app, frame, body),
                Screen::Kaart => super::kaart::view::render(app, frame, body),
                Screen::Monitor => super::monitor::view::render(app, frame, body),
            },
        }
    }
    popups(app, frame, area);
}

/// The popup over the screen, if any.
fn popups(app: &App, frame: &mut Frame, area: Rect) {
    match &app.popup {
        Some(Popup::Help { scroll }) => popup::help(app, *scroll, frame, area),
        Some(Popup::Lookup(state)) => super::lookup::view::lookup(app, state, frame, area),
        Some(Popup::Form(form)) => super::form::view::form(app, form, frame, area),
        Some(Popup::ConfirmDiscard(form)) => {
            super::form::view::form(app, form, frame, area);
            popup::confirm(app, t::DISCARD.get(app.lang), frame, area);
        }
        Some(Popup::ConfirmClose(form)) => {
            super::form::view::form(app, form, frame, area);
            popup::confirm(app, t::CONFIRM_CLOSE.get(app.lang), frame, area);
        }
        Some(Popup::ConfirmNoConsent(form)) => {
            super::form::view::form(app, form, frame, area);
            let question = super::consent::question(app, form);
            popup::confirm(app, &question, frame, area);
        }
        Some(Popup::ConfirmOverwrite(form)) => {
            super::form::view::form(app, form, frame, area);
            let question = super::export::overwrite_question(app, form);
            popup::confirm(app, &question, frame, area);
        }
        Some(Popup::Text {
            title,
            lines,
            scroll,
        }) => popup::text(app, title, lines, *scroll, frame, area),
        Some(Popup::MeetingSummary { lines, scroll }) => {
            popup::summary(app, lines, *scroll, frame, area)
        }
        Some(Popup::Forget(asked)) => {
            let lines = super::forget::lines(app, asked);
            let title = crate::i18n::forget::TITLE.get(app.lang);
            popup::text(app, title, &lines, 0, frame, area)
        }
        None | Some(Popup::PrivacyOffer) => {}
    }
}

/// Typed text made safe to draw: no control characters, one line, and no bidi embeddings,
/// overrides or isolates (U+202A–U+202E, U+2066–U+2069, UAX #9): invisible, they could reorder
/// the rest of a terminal line so that one name shows as another. Direction marks stay; names
/// in Arabic or Hebrew use them.
pub fn safe(s: &str) -> String {
    let mut line = clean_line(s);
    line.retain(|c| !matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}'));
    line
}

#[cfg(test)]
mod safe_tests {
    #[test]
    fn bidi_overrides_never_reach_the_screen() {
        assert_eq!(
            super::safe("Ahmed \u{202E}kiléC\u{1b}[31m"),
            "Ahmed kiléC[31m"
        );
        assert_eq!(super::safe("a\u{2066}b\u{2069}"), "ab");
        assert_eq!(super::safe("\u{200F}יוסי"), "\u{200F}יוסי");
    }
}

/// A child's, carer's or family's name as privacy mode allows it (see [`super::privacy`]).
pub fn name_for(app: &App, name: &str, whose: impl Into<Whose>) -> String {
    Privacy::of(app).name(name, whose)
}

/// Free text and contact details of a family as privacy mode allows them (see
/// [`super::privacy`]).
pub fn private_text(app: &App, text: &str, whose: impl Into<Whose>) -> String {
    Privacy::of(app).text(text, whose)
}

/// An action's owner as the actions lists show them: their name, after a mark (✗ refused, ?
/// not asked) when `case`'s family gave no consent for them.
pub fn owner_spans(
    app: &App,
    case: &crate::domain::Case,
    owner: Option<crate::domain::PersonId>,
) -> Vec<Span<'static>> {
    let mut spans = Vec::new();
    if let Some(status) = owner.and_then(|id| super::consent::missing(app, case, id)) {
        spans.push(consent_span(app, status));
    }
    spans.push(Span::styled(
        safe(&app.person_name(owner)),
        app.theme.style(Role::Muted),
    ));
    spans
}

/// A network's title: "Netwerk", and how many of the people on show (the network, the owners of
/// open actions) the family gave no consent for; "⚠ 2" where the words don't fit in `width`.
pub fn network_title(
    app: &App,
    case: &crate::domain::Case,
    people: impl Iterator<Item = crate::domain::PersonId>,
    width: u16,
) -> String {
    let n = super::consent::count_missing(app, case, people);
    let title = t::NETWORK.get(app.lang);
    if n == 0 {
        return title.to_string();
    }
    let long = format!(
        "{title} · {}",
        crate::i18n::privacy::without_consent(n, app.lang)
    );
    // The block's corners and the spaces around its title take four columns.
    if long.chars().count() + 4 <= width as usize {
        long
    } else {
        format!("{title} · ⚠ {n}")
    }
}

/// The side mark in its colour: `O` onderwijs, `Z` zorg.
pub fn side_span(app: &App, side: Option<crate::domain::Side>) -> Span<'static> {
    match side {
        Some(s) => Span::styled(s.mark().to_string(), app.theme.style(Role::side(s))),
        None => Span::styled("·", app.theme.style(Role::Muted)),
    }
}

/// A list as a table with a header row. On a narrow screen the column `narrow.0` (already left
/// out of the rows) is left out of the header too, and column `narrow.1` takes the room.
pub fn table<'a>(
    app: &App,
    title: &str,
    mut header: Vec<&'a str>,
    mut widths: Vec<Constraint>,
    rows: Vec<ratatui::widgets::Row<'a>>,
    narrow: Option<(usize, usize, Constraint)>,
) -> ratatui::widgets::Table<'a> {
    if let Some((drop, widen, width)) = narrow {
        header.remove(drop);
        widths.remove(drop);
        if let Some(w) = widths.get_mut(widen) {
            *w = width;
        }
    }
    ratatui::widgets::Table::new(rows, widths)
        .header(ratatui::widgets::Row::new(header).style(app.theme.style(Role::Header)))
        .block(block(app, title, true))
        .column_spacing(1)
}

/// The consent mark (✓ may share, ✗ no consent, ? not asked) in its colour.
pub fn consent_span(app: &App, consent: crate::domain::ConsentStatus) -> Span<'static> {
    let role = if consent == crate::domain::ConsentStatus::Gegeven {
        Role::Done
    } else {
        Role::Warning
    };
    Span::styled(
        format!("{} ", crate::i18n::words::consent_mark(consent)),
        app.theme.style(role),
    )
}

/// A network person's consent mark in `case`: ✓ given, ✗ refused, ? not asked, and · for the
/// tandem (the lead, the two coaches), who need none: the marks agree with the count in the
/// network's title.
pub fn network_mark(
    app: &App,
    case: &crate::domain::Case,
    person: crate::domain::PersonId,
) -> Span<'static> {
    let recorded = case.consent_for(person);
    if recorded == crate::domain::ConsentStatus::Gegeven
        || super::consent::missing(app, case, person).is_some()
    {
        consent_span(app, recorded)
    } else {
        Span::styled("· ", app.theme.style(Role::Muted))
    }
}

/// "O onderwijs · Marloes Kuipers": who has regie, mark first.
pub fn lead_spans(app: &App, lead: &crate::domain::Lead) -> Vec<Span<'static>> {
    vec![
        side_span(app, lead.side),
        Span::raw(format!(
            " {} {}",
            lead.side
                .map(|s| crate::i18n::words::side(s).get(app.lang))
                .unwrap_or(""),
            lead.person
                .map(|id| format!("· {}", safe(&app.person_name(Some(id)))))
                .unwrap_or_default()
        )),
    ]
}

pub fn block<'a>(app: &App, title: &str, focused: bool) -> Block<'a> {
    let border = if focused {
        app.theme.style(Role::Accent)
    } else {
        app.theme.style(Role::Border)
    };
    Block::default()
        .borders(Borders::ALL)
        .border_style(border)
        .title(Line::from(Span::styled(
            format!(" {title} "),
            app.theme.style(Role::Title),
        )))
}

/// A centred rectangle of at most `w` x `h` inside `area`.
pub fn centered(area: Rect, w: u16, h: u16) -> Rect {
    let w = w.min(area.width);
    let h = h.min(area.height);
    Rect {
        x: area.x + (area.width - w) / 2,
        y: area.y + (area.height - h) / 2,
        width: w,
        height: h,
    }
}

/// The window of `len` rows of which `height` fit, keeping `selected` in view.
pub fn window(len: usize, selected: usize, height: usize) -> std::ops::Range<usize> {
    if len <= height || height == 0 {
        return 0..len;
    }
    let start = selected.saturating_sub(height / 2).min(len - height);
    start..start + height
}

/// Word-wraps typed text to `width` columns (display width, so 王 and emoji count double); a word
/// longer than a line is split. The text passes through [`safe`] first, so no control character
/// reaches a line.
pub fn wrap(text: &str, width: usize) -> Vec<String> {
    use textwrap::{WordSeparator, WordSplitter, WrapAlgorithm};
    // Breaks fall at spaces only and each line takes as many words as fit: no breaks inside
    // hyphenated names or between CJK letters, and no look-ahead that would move a word that
    // fits down to even out the lines.
    let options = textwrap::Options::new(width.max(1))
        .word_separator(WordSeparator::AsciiSpace)
        .word_splitter(WordSplitter::NoHyphenation)
        .wrap_algorithm(WrapAlgorithm::FirstFit)
        .break_words(true);
    // Dropping a bidi control can leave a space at either end, which textwrap would keep as
    // an indent.
    textwrap::wrap(safe(text).trim_matches(' '), options)
        .into_iter()
        .map(|line| line.into_owned())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::wrap;
    use unicode_width::UnicodeWidthStr;

    #[test]
    fn wrap_keeps_words_and_counts_wide_letters() {
        assert_eq!(
            wrap("Bellen met de huisarts", 10),
            vec!["Bellen met", "de", "huisarts"]
        );
        assert_eq!(wrap("王小明王小明", 4), vec!["王小", "明王", "小明"]);
        assert_eq!(wrap("", 5), vec![""]);
    }

    #[test]
    fn a_word_longer_than_the_line_is_split_on_lines_of_its_own() {
        assert_eq!(
            wrap("Bel jeugdgezondheidszorg morgen", 8),
            vec!["Bel", "jeugdgez", "ondheids", "zorg", "morgen"]
        );
        // A hyphen is no break: "in Noord-" would fit, but the name stays one word.
        assert_eq!(
            wrap("in Noord-Hollands", 10),
            vec!["in", "Noord-Holl", "ands"]
        );
    }

    #[test]
    fn cjk_and_emoji_wrap_by_display_width() {
        let lines = wrap("王小明 同学 的 家长 📞 明天 下午", 7);
        assert_eq!(lines, vec!["王小明", "同学 的", "家长 📞", "明天", "下午"]);
        assert!(lines.iter().all(|l| l.width() <= 7));
        // A wide letter never straddles the edge: 3 columns hold one 王, not one and a half.
        assert_eq!(wrap("王小明", 3), vec!["王", "小", "明"]);
    }

    #[test]
    fn no_control_character_reaches_a_line() {
        let lines = wrap("Eerst\nbellen\t\u{1b}[31mdan\u{7}mailen \u{202E}terug", 8);
        assert_eq!(lines, vec!["Eerst", "bellen", "[31mdanm", "ailen", "terug"]);
        assert!(lines
            .iter()
            .all(|l| !l.chars().any(|c| c.is_control() || c == '\u{202E}')));
        assert_eq!(
            wrap("\u{2066} Bel de school \u{2069}", 20),
            vec!["Bel de school"]
        );
    }
}
