//! The `?` overlay's lines: every key of the screen from the keymap table (keys that do the
//! same on one line, named as people say them: "j of pijl omlaag"), then every mark the screens
//! draw and what it means. Generated, so it can't drift from the keys.

use super::intent::{Context, Intent};
use super::keymap::{describe::describe, for_help};
use crate::domain::dates::Lang;
use crate::i18n::help as h;

/// One line of the overlay: a heading, or keys (or a mark) and what they do.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum HelpLine {
    Heading(&'static str),
    Item { keys: String, text: String },
    Blank,
}

/// The overlay for `ctx`: its keys, then the marks.
pub fn lines(ctx: Context, lang: Lang) -> Vec<HelpLine> {
    let mut groups: Vec<(Intent, Vec<&'static str>)> = Vec::new();
    for b in for_help(ctx) {
        match groups.iter_mut().find(|(a, _)| *a == b.action) {
            Some((_, keys)) => keys.push(b.key),
            None => groups.push((b.action, vec![b.key])),
        }
    }
    let or = format!(" {} ", h::OR.get(lang));
    let mut out = vec![HelpLine::Heading(h::KEYS.get(lang))];
    out.extend(groups.into_iter().map(|(action, keys)| {
        HelpLine::Item {
            keys: keys
                .iter()
                .map(|k| h::key_name(k, lang))
                .collect::<Vec<_>>()
                .join(&or),
            text: what(ctx, action).get(lang).to_string(),
        }
    }));
    out.push(HelpLine::Blank);
    out.push(HelpLine::Heading(h::MARKS.get(lang)));
    out.extend(h::MARK_LIST.iter().map(|(mark, text)| HelpLine::Item {
        keys: (*mark).to_string(),
        text: text.get(lang).to_string(),
    }));
    out
}

/// What a key does here: the action's description, but `q` on screen 1 goes back and never
/// quits (a meeting ends with `E`).
pub fn what(ctx: Context, action: Intent) -> crate::i18n::Text {
    match (ctx, action) {
        (Context::Agenda | Context::Meeting, Intent::Back) => h::BACK_NOT_QUIT,
        _ => describe(action),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::{ConsentStatus, Side};

    #[test]
    fn keys_that_do_the_same_share_a_line_with_their_dutch_names() {
        let lines = lines(Context::Cases, Lang::Nl);
        let down = lines
            .iter()
            .find(|l| matches!(l, HelpLine::Item { text, .. } if text == "omlaag"));
        assert_eq!(
            down,
            Some(&HelpLine::Item {
                keys: "j of pijl omlaag".into(),
                text: "omlaag".into()
            })
        );
        assert_eq!(lines[0], HelpLine::Heading("Toetsen"));
    }

    #[test]
    fn every_side_and_consent_mark_is_explained() {
        let marks: Vec<&str> = h::MARK_LIST.iter().map(|(m, _)| *m).collect();
        for side in Side::ALL {
            let m = side.mark().to_string();
            assert!(
                marks.iter().any(|x| x.split_whitespace().any(|w| w == m)),
                "{m}"
            );
        }
        for c in [
            ConsentStatus::Gegeven,
            ConsentStatus::Geweigerd,
            ConsentStatus::NietGevraagd,
        ] {
            let m = crate::i18n::words::consent_mark(c);
            assert!(marks.contains(&m), "{m}");
        }
    }
}
