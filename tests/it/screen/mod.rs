//! The rendered screen in tests: draw the app on a TestBackend, read it back as text, find text.
#![allow(dead_code)]

use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;
use ratatui::Terminal;
use tandem::tui::app::App;

/// Draws the app on a test terminal of `w` x `h`.
pub fn render(app: &App, w: u16, h: u16) -> Buffer {
    let mut terminal = Terminal::new(TestBackend::new(w, h)).expect("test terminal");
    terminal
        .draw(|f| tandem::tui::views::render(app, f))
        .expect("draw");
    terminal.backend().buffer().clone()
}

/// The screen as text, one line per row, trailing spaces kept (wide chars take one cell's text).
pub fn text_of(buf: &Buffer) -> String {
    let mut out = String::new();
    for y in 0..buf.area.height {
        let mut skip = 0;
        for x in 0..buf.area.width {
            if skip > 0 {
                skip -= 1;
                continue;
            }
            let sym = buf[(x, y)].symbol();
            out.push_str(sym);
            skip = unicode_width::UnicodeWidthStr::width(sym).saturating_sub(1);
        }
        out.push('\n');
    }
    out
}

pub fn screen_text(app: &App, w: u16, h: u16) -> String {
    text_of(&render(app, w, h))
}

/// Every cell whose symbol is `sym`, as (x, y).
pub fn cells_with(buf: &Buffer, sym: &str) -> Vec<(u16, u16)> {
    let mut out = Vec::new();
    for y in 0..buf.area.height {
        for x in 0..buf.area.width {
            if buf[(x, y)].symbol() == sym {
                out.push((x, y));
            }
        }
    }
    out
}

/// Where `needle` starts on the screen, as (x, y) of its first cell (ASCII-safe search per row).
pub fn find(buf: &Buffer, needle: &str) -> Option<(u16, u16)> {
    for y in 0..buf.area.height {
        let row: Vec<&str> = (0..buf.area.width).map(|x| buf[(x, y)].symbol()).collect();
        let n: Vec<String> = needle.chars().map(String::from).collect();
        if n.len() > row.len() {
            continue;
        }
        for x in 0..=row.len() - n.len() {
            if row[x..x + n.len()]
                .iter()
                .zip(&n)
                .all(|(a, b)| *a == b.as_str())
            {
                return Some((x as u16, y));
            }
        }
    }
    None
}

/// Cells `x..x+w` of row `y` as text.
pub fn cells(buf: &Buffer, x: u16, y: u16, w: u16) -> String {
    (x..(x + w).min(buf.area.width))
        .map(|x| buf[(x, y)].symbol())
        .collect()
}
