//! User text inside the Markdown tandem writes (action lists, minutes, the agenda): it must read
//! as the same text in any Markdown viewer or mail program, never as markup. `*alleen*` stays
//! `*alleen*`, not italics; `<b>` stays `<b>`, not HTML.
//!
//! CommonMark lets any ASCII punctuation be escaped with a backslash (spec 0.31, "Backslash
//! escapes"), and an escaped character is always literal text. So every character that starts
//! inline markup anywhere in a line is escaped: `\` `` ` `` `*` `_` `~` `[` `]` `<` `>` `&` `#`
//! `|` `$` `^` `{` `}` (`&` because `&amp;` is an entity, `|` because it ends a table cell, `~`
//! for strikethrough, `#` because trailing `#`s close a heading, `$` for math, `^` for
//! superscript, braces for heading attributes: extensions that GitHub, pulldown-cmark or a mail
//! program may have on). A value may also stand where a line's block markup is read (a
//! heading's text, the start of a list item), so a leading `-`, `+`, `=` or `:` and the `.` or
//! `)` after leading digits (`1.` starts a list) are escaped too.
//! Other punctuation (`.` `,` `(` `-` inside a text) is left alone: it means nothing there, and a
//! text full of backslashes is hard to read for whoever opens the file as plain text.

use crate::report::safe;

/// One value inside one line of Markdown: control and bidi characters as visible placeholders
/// and line breaks as a space ([`safe::line`]), surrounding white space trimmed, and every
/// Markdown special escaped as described above.
pub fn inline(s: &str) -> String {
    let shown = safe::line(s);
    let text = shown.trim();
    let mut out = String::with_capacity(text.len() + 8);
    let lead = leading_marker(text);
    for (i, c) in text.char_indices() {
        if is_inline_special(c) || Some(i) == lead {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

/// Starts inline markup (or an entity, or a table cell's end) wherever it stands.
fn is_inline_special(c: char) -> bool {
    matches!(
        c,
        '\\' | '`'
            | '*'
            | '_'
            | '~'
            | '['
            | ']'
            | '<'
            | '>'
            | '&'
            | '#'
            | '|'
            | '$'
            | '^'
            | '{'
            | '}'
    )
}

/// The byte offset of the character that would make the start of `text` a list item or a
/// setext underline or a definition: a leading `-`, `+`, `=` or `:`, or the `.` or `)` right
/// after leading digits.
fn leading_marker(text: &str) -> Option<usize> {
    if text.starts_with(['-', '+', '=', ':']) {
        return Some(0);
    }
    let digits = text.len() - text.trim_start_matches(|c: char| c.is_ascii_digit()).len();
    (digits > 0 && text[digits..].starts_with(['.', ')'])).then_some(digits)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;
    use pulldown_cmark::{Event, Options, Parser, Tag};

    /// The events of `doc` as pulldown-cmark reads it with every extension it has (tables,
    /// strikethrough, task lists, footnotes, math, heading attributes, GFM, …) but smart
    /// punctuation, which changes how quotes look, not what is markup.
    fn events(doc: &str) -> Vec<Event<'_>> {
        let options = Options::all() - Options::ENABLE_SMART_PUNCTUATION;
        Parser::new_ext(doc, options).collect()
    }

    /// The text of one list item holding `prefix` then the escaped value; panics on any markup
    /// inside it.
    fn item_text(value: &str) -> String {
        let doc = format!("- x: {}\n", inline(value));
        let mut text = String::new();
        for e in events(&doc) {
            match e {
                Event::Text(t) => text.push_str(&t),
                Event::Start(Tag::List(_) | Tag::Item | Tag::Paragraph) | Event::End(_) => {}
                other => panic!("{value:?} gave {other:?} in {doc:?}"),
            }
        }
        let value = text.strip_prefix("x:").unwrap_or_else(|| panic!("{doc:?}"));
        value.trim_start().to_string()
    }

    #[test]
    fn emphasis_html_and_links_stay_text() {
        for s in [
            "*alleen*",
            "**vet** en _schuin_ en ~~weg~~",
            "<b>vet</b> <!-- x --> <script>alert(1)</script>",
            "[klik](http://x.example) ![img](y.png) [^1]",
            "`code` en ``meer``",
            "a & b &amp; &#42; &nbsp;",
            "kolom | kolom",
            "eindigt op \\",
            "# kop ## en ###",
            "<http://x.example>",
            "- [ ] taak",
            "$x^2$ en ^boven^ en {#id .klasse}",
            "[[wiki]]",
        ] {
            assert_eq!(item_text(s), s, "{s}");
        }
    }

    #[test]
    fn a_value_at_the_start_of_a_line_starts_no_block() {
        for s in [
            "1. eerste",
            "12) twaalf",
            "- streep",
            "+ plus",
            "+++",
            "= gelijk",
            ": definitie",
            "# kop",
            "> citaat",
            "---",
            "***",
        ] {
            let doc = format!("{}\n", inline(s));
            let evs = events(&doc);
            assert!(
                matches!(evs.first(), Some(Event::Start(Tag::Paragraph))),
                "{s}: {evs:?}"
            );
            let text: String = evs
                .iter()
                .filter_map(|e| match e {
                    Event::Text(t) => Some(t.to_string()),
                    _ => None,
                })
                .collect();
            assert_eq!(text, s);
        }
    }

    #[test]
    fn a_heading_keeps_its_whole_text_and_gets_no_attributes() {
        for s in ["Owen {#id .klasse}", "Groep ##", "M.K. #", "*Mila*"] {
            let doc = format!("## {}\n", inline(s));
            let evs = events(&doc);
            match evs.first() {
                Some(Event::Start(Tag::Heading {
                    id, classes, attrs, ..
                })) => assert!(
                    id.is_none() && classes.is_empty() && attrs.is_empty(),
                    "{s}"
                ),
                other => panic!("{s}: {other:?}"),
            }
            let text: String = evs
                .iter()
                .filter_map(|e| match e {
                    Event::Text(t) => Some(t.to_string()),
                    Event::Start(Tag::Heading { .. }) | Event::End(_) => None,
                    other => panic!("{s}: {other:?}"),
                })
                .collect();
            assert_eq!(text, s);
        }
    }

    #[test]
    fn ordinary_text_is_left_alone() {
        for s in [
            "Bel juf, daarna (morgen) mail.",
            "Zoë 🦄 de Boer",
            "A.Ç.",
            "1/2",
        ] {
            assert_eq!(inline(s), s);
        }
        assert_eq!(inline("*alleen*"), "\\*alleen\\*");
        assert_eq!(inline(" a\u{1b}[1m\nb\u{2066} "), "a␛\\[1m b⟨U+2066⟩");
    }

    proptest! {
        /// Whatever the text, the item reads back as the text itself (as `safe::line` shows it,
        /// trimmed), and nothing in it became markup.
        #[test]
        fn any_text_reads_back_as_itself(
            s in "[a-z 0-9\\\\`*_~\\[\\]<>&#|!.()+=:;/\"'{}^$%@-]{0,40}"
        ) {
            let want = safe::line(&s).trim().to_string();
            prop_assert_eq!(item_text(&s), want);
        }
    }
}
