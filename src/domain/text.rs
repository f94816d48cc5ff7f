//! Rules for free text typed by people: what is kept, what is refused, and how it is shown safely.

/// Longest free text we store in one field (a question, a note). Long enough for any real note,
/// short enough that a runaway paste cannot bloat the store.
pub const MAX_TEXT_CHARS: usize = 20_000;

/// Longest single-line field (a name, a phone number).
pub const MAX_LINE_CHARS: usize = 200;

/// Cleans a single-line field: control characters (including escape sequences) are dropped,
/// white space is trimmed and runs of it folded. Letters of every script are kept as typed.
pub fn clean_line(input: &str) -> String {
    let mut out = String::with_capacity(input.len());
    let mut last_space = true;
    for c in input.chars() {
        if c.is_whitespace() {
            if !last_space {
                out.push(' ');
                last_space = true;
            }
        } else if !c.is_control() {
            out.push(c);
            last_space = false;
        }
    }
    if out.ends_with(' ') {
        out.pop();
    }
    out.chars().take(MAX_LINE_CHARS).collect()
}

/// Cleans multi-line free text: keeps newlines, turns tabs into spaces, drops every other
/// control character so nothing typed or pasted can ever reach the terminal as a command.
pub fn clean_text(input: &str) -> String {
    let mut out = String::with_capacity(input.len());
    for c in input.chars().take(MAX_TEXT_CHARS) {
        match c {
            '\n' => out.push('\n'),
            '\r' => {}
            '\t' => out.push(' '),
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out.trim().to_string()
}

/// Initials of a name for privacy mode: "Sanne de Vries" → "S.d.V.", "王 小明" → "王.小.".
pub fn initials(name: &str) -> String {
    let mut out = String::new();
    for word in name.split_whitespace() {
        if let Some(c) = word.chars().next() {
            out.push(c);
            // A separator ("Van Dijk / Bouzid") stays as it is: "V.D./B.".
            if c.is_alphanumeric() {
                out.push('.');
            }
        }
    }
    out
}

/// The first line of a text, cut to at most `max` characters with an ellipsis.
pub fn short(text: &str, max: usize) -> String {
    let line = text.lines().next().unwrap_or("");
    if line.chars().count() <= max && !text.contains('\n') {
        return line.to_string();
    }
    let mut s: String = line.chars().take(max.saturating_sub(1)).collect();
    s.push('…');
    s
}

/// A name or query folded for matching: lower case, accents and the letters NFD cannot split
/// (ı, ł, ø, đ) down to their base, so "celik" finds "Çelik".
pub fn fold(s: &str) -> String {
    s.chars()
        .map(|c| {
            let base = unicode_normalization::UnicodeNormalization::nfd(c)
                .next()
                .unwrap_or(c);
            let base = match base {
                'ı' => 'i',
                'ł' => 'l',
                'ø' => 'o',
                'đ' => 'd',
                other => other,
            };
            base.to_lowercase().next().unwrap_or(base)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn control_characters_never_survive() {
        assert_eq!(clean_line("Ay\u{1b}[31mşe\u{7}  Çelik\n"), "Ay[31mşe Çelik");
        assert_eq!(clean_text("regel 1\r\nregel\t2\u{1b}"), "regel 1\nregel 2");
    }

    #[test]
    fn names_in_any_script_are_kept() {
        for name in ["Nguyễn Văn An", "王小明", "El Idrissi", "Zoë 🙂"] {
            assert_eq!(clean_line(name), name);
        }
    }

    #[test]
    fn initials_and_short() {
        assert_eq!(initials("Sanne de Vries"), "S.d.V.");
        assert_eq!(initials("王 小明"), "王.小.");
        assert_eq!(initials("Van Dijk / Bouzid"), "V.D./B.");
        assert_eq!(short("abcdef", 4), "abc…");
        assert_eq!(short("ab\ncd", 10), "ab…");
        assert_eq!(short("ab", 10), "ab");
    }

    #[test]
    fn long_pastes_are_cut() {
        let paste = "x".repeat(50_000);
        assert_eq!(clean_text(&paste).chars().count(), MAX_TEXT_CHARS);
        assert_eq!(clean_line(&paste).chars().count(), MAX_LINE_CHARS);
    }
}
