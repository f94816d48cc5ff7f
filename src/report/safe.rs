//! Text from the store made safe for a terminal (and for whoever opens a CSV or Markdown file in
//! one). Every human-readable output of the command line passes its data through here; the
//! machine formats (json, ics with its own escaping) do not.
//!
//! Placeholders, so that nothing is silently dropped and nothing acts on the terminal:
//! - a C0 control U+0000–U+001F becomes its Unicode control picture U+2400–U+241F: ESC `␛`,
//!   BEL `␇`, CR `␍`, TAB `␉`, LF `␊`;
//! - DEL U+007F becomes `␡` (U+2421);
//! - a C1 control U+0080–U+009F, the bidi embeddings and overrides U+202A–U+202E, the bidi
//!   isolates U+2066–U+2069, the direction marks U+200E, U+200F and U+061C, and the line and
//!   paragraph separators U+2028, U+2029 become their code point between angle brackets:
//!   `⟨U+202E⟩`.
//!
//! Line breaks: [`line()`] is for a field that sits inside one line of output (a table cell, a
//! Markdown list item, a message): a line break in the data (`\n` or `\r\n`) becomes one space,
//! so a row never splits and an ordinary multi-line text still reads well. A lone `\r` is not a
//! line break and shows as `␍`. [`text`] keeps `\n` as it is: for a whole document whose own line
//! structure must stay, and for a field of a format that quotes line breaks (CSV).
//!
//! Every placeholder is itself printable, so applying either function twice changes nothing.

use std::borrow::Cow;

/// A field inside one line of output: line breaks become a space, everything else that could
/// act on a terminal or reorder its text becomes a visible placeholder.
pub fn line(s: &str) -> Cow<'_, str> {
    escape(s, false)
}

/// As [`line()`], but `\n` stays a line break.
pub fn text(s: &str) -> Cow<'_, str> {
    escape(s, true)
}

/// Whether `c` is shown as a placeholder (before the line-break rules).
fn needs_placeholder(c: char) -> bool {
    c.is_control() // C0, DEL, C1
        || matches!(
            c,
            '\u{202A}'..='\u{202E}'
                | '\u{2066}'..='\u{2069}'
                | '\u{200E}'
                | '\u{200F}'
                | '\u{061C}'
                | '\u{2028}'
                | '\u{2029}'
        )
}

fn escape(s: &str, keep_newline: bool) -> Cow<'_, str> {
    if !s.chars().any(needs_placeholder) {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len() + 16);
    let mut chars = s.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\n' if keep_newline => out.push('\n'),
            '\n' => out.push(' '),
            '\r' if chars.peek() == Some(&'\n') => {
                // One line break, written the Windows way.
                chars.next();
                out.push(if keep_newline { '\n' } else { ' ' });
            }
            c if needs_placeholder(c) => push_placeholder(c, &mut out),
            c => out.push(c),
        }
    }
    Cow::Owned(out)
}

fn push_placeholder(c: char, out: &mut String) {
    let code = u32::from(c);
    match code {
        0x00..=0x1F => out.push(char::from_u32(0x2400 + code).unwrap_or('\u{FFFD}')),
        0x7F => out.push('\u{2421}'),
        _ => out.push_str(&format!("\u{27E8}U+{code:04X}\u{27E9}")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escape_sequences_become_control_pictures() {
        assert_eq!(line("Ay\u{1b}[31mşe"), "Ay␛[31mşe");
        assert_eq!(line("\u{1b}]0;pwned\u{7}"), "␛]0;pwned␇");
        assert_eq!(line("a\u{0}b\u{7f}c"), "a␀b␡c");
        assert_eq!(line("\t=1+1"), "␉=1+1");
        assert_eq!(line("x\ry"), "x␍y");
        assert_eq!(line("x\u{1f}"), "x␟");
    }

    #[test]
    fn c1_and_bidi_become_code_points() {
        assert_eq!(line("a\u{9b}31m"), "a⟨U+009B⟩31m");
        assert_eq!(line("\u{85}"), "⟨U+0085⟩");
        assert_eq!(line("abc\u{202E}fed"), "abc⟨U+202E⟩fed");
        for c in [
            '\u{202A}', '\u{202B}', '\u{202C}', '\u{202D}', '\u{2066}', '\u{2069}',
        ] {
            let shown = line(&c.to_string()).into_owned();
            assert_eq!(shown, format!("⟨U+{:04X}⟩", u32::from(c)));
        }
        for c in ['\u{200E}', '\u{200F}', '\u{061C}', '\u{2028}', '\u{2029}'] {
            assert!(line(&c.to_string()).starts_with('⟨'), "{c:?}");
        }
    }

    #[test]
    fn line_breaks_are_a_space_in_a_line_and_kept_in_a_text() {
        assert_eq!(
            line("regel 1\nregel 2\r\nregel 3"),
            "regel 1 regel 2 regel 3"
        );
        assert_eq!(
            text("regel 1\nregel 2\r\nregel 3"),
            "regel 1\nregel 2\nregel 3"
        );
        assert_eq!(text("a\rb\tc"), "a␍b␉c");
    }

    #[test]
    fn ordinary_text_is_untouched_and_not_copied() {
        for s in [
            "Nguyễn Văn An",
            "王小明",
            "Zoë 🦄",
            "مرحبا",
            "שלום",
            "a\u{200D}b",
            "",
        ] {
            assert!(matches!(line(s), Cow::Borrowed(_)), "{s}");
            assert_eq!(text(s), s);
        }
    }

    #[test]
    fn nothing_unsafe_survives_and_twice_is_once() {
        let all: String = (0u32..0x3000).filter_map(char::from_u32).collect();
        for f in [line, text] {
            let once = f(&all).into_owned();
            assert!(!once.chars().any(|c| c != '\n' && needs_placeholder(c)));
            assert_eq!(f(&once), once);
        }
        assert!(!line(&all).contains('\n'));
    }

    #[test]
    fn placeholders_take_one_cell_each() {
        use unicode_width::UnicodeWidthStr;
        assert_eq!("␛␇␍␉␀␡".width(), 6);
        assert_eq!("⟨U+202E⟩".width(), 8);
    }
}
