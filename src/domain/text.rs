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

/// A name or query folded for matching: lower case, without accents, every Latin letter with a
/// stroke or bar down to its base (ø, ł, đ, ħ, ı) and every ligature to its letters (æ → ae,
/// œ → oe, ß → ss, ĳ → ij), so "celik" finds "Çelik", "oyvind" "Øyvind" and "lukasz" "Łukasz".
/// Other scripts keep their letters, in lower case.
pub fn fold(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        fold_char(c, &mut out);
    }
    out
}

/// As [`fold`], with for each char of the result the index of the char of `s` it comes from (a
/// ligature gives two chars from one), so matched positions can be shown in `s`.
pub fn fold_mapped(s: &str) -> (String, Vec<u32>) {
    let mut out = String::with_capacity(s.len());
    let mut from = Vec::with_capacity(s.len());
    for (i, c) in s.chars().enumerate() {
        for _ in 0..fold_char(c, &mut out) {
            from.push(i as u32);
        }
    }
    (out, from)
}

/// Pushes `c` folded onto `out`; returns how many chars it pushed (at least one).
fn fold_char(c: char, out: &mut String) -> usize {
    if c.is_ascii() {
        out.push(c.to_ascii_lowercase());
        return 1;
    }
    if is_latin(c) {
        // deunicode spells every Latin letter in ASCII, ligatures as their letters.
        if let Some(ascii) = deunicode::deunicode_char(c).filter(|a| !a.trim().is_empty()) {
            let mut n = 0;
            for a in ascii.chars().filter(|a| !a.is_whitespace()) {
                out.push(a.to_ascii_lowercase());
                n += 1;
            }
            if n > 0 {
                return n;
            }
        }
    }
    let base = unicode_normalization::UnicodeNormalization::nfd(c)
        .next()
        .unwrap_or(c);
    out.push(base.to_lowercase().next().unwrap_or(base));
    1
}

/// Latin letters beyond ASCII: Latin-1, Extended-A to -D, Extended Additional (Vietnamese) and
/// the Latin ligatures. Other scripts are not spelled out in ASCII: "王" stays "王".
fn is_latin(c: char) -> bool {
    matches!(c,
        '\u{00C0}'..='\u{024F}'
        | '\u{1E00}'..='\u{1EFF}'
        | '\u{2C60}'..='\u{2C7F}'
        | '\u{A720}'..='\u{A7FF}'
        | '\u{FB00}'..='\u{FB06}')
        && c != '\u{00D7}'
        && c != '\u{00F7}'
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

    #[test]
    fn every_latin_letter_folds_to_its_ascii_spelling() {
        let table = [
            ("Øyvind", "oyvind"),
            ("Łukasz Wróbel", "lukasz wrobel"),
            ("Çelik", "celik"),
            ("Nguyễn Thị Ánh", "nguyen thi anh"),
            ("Yılmaz", "yilmaz"),
            ("İbrahim", "ibrahim"),
            ("Đorđević", "dordevic"),
            ("Ærøskøbing", "aeroskobing"),
            ("Œdipe", "oedipe"),
            ("Straße", "strasse"),
            ("ĲSSEL", "ijssel"),
            ("Ħal", "hal"),
            ("Şükrü Gökçe", "sukru gokce"),
            ("Zoë Brontë", "zoe bronte"),
            ("Ţurcanu", "turcanu"),
            ("Þóra", "thora"),
        ];
        for (name, ascii) in table {
            assert_eq!(fold(name), ascii, "{name}");
            assert_eq!(
                fold(&name.to_uppercase()),
                ascii.replace("ß", "ss"),
                "{name} in capitals"
            );
        }
        // Other scripts keep their letters.
        assert_eq!(fold("王小明"), "王小明");
        assert_eq!(fold("Ἀλέξης"), "αλεξης");
    }

    #[test]
    fn the_map_points_each_folded_char_at_its_source() {
        let (folded, from) = fold_mapped("Bæk Øy");
        assert_eq!(folded, "baek oy");
        assert_eq!(from, vec![0, 1, 1, 2, 3, 4, 5]);
        let (folded, from) = fold_mapped("王a");
        assert_eq!((folded.as_str(), from), ("王a", vec![0, 1]));
    }
}
