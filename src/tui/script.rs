//! Keys written as text, for tests and benchmarks that drive the app headless:
//! `"n" "Ayşe<Tab>Çelik<Enter>"`; `<Esc>`, `<Tab>`, `<S-Tab>`, `<BS>`, `<Up>`, `<C-c>` and the
//! other names of the keymap between angle brackets, every other char as typed.

use super::app::App;
use super::keymap::parse_key;
use super::update;
use crate::clock::Clock;
use crate::store::Store;
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

pub fn parse_keys(script: &str) -> Vec<KeyEvent> {
    let mut out = Vec::new();
    let mut chars = script.chars().peekable();
    while let Some(c) = chars.next() {
        if c == '<' {
            let name: String = chars.clone().take_while(|c| *c != '>').collect();
            if let Some(ev) = named(&name) {
                for _ in 0..=name.chars().count() {
                    chars.next();
                }
                out.push(ev);
                continue;
            }
        }
        out.push(KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE));
    }
    out
}

fn named(name: &str) -> Option<KeyEvent> {
    let alias = match name {
        "S-Tab" => "BackTab",
        "BS" => "Backspace",
        "CR" => "Enter",
        other => other,
    };
    let (ctrl, rest) = match alias.strip_prefix("C-") {
        Some(r) => (true, r),
        None => (false, alias),
    };
    let key = parse_key(rest)?;
    if rest.chars().count() == 1 && !ctrl {
        return None;
    }
    let mods = if ctrl || key.ctrl {
        KeyModifiers::CONTROL
    } else {
        KeyModifiers::NONE
    };
    Some(KeyEvent::new(key.code, mods))
}

/// Presses every key of the script, as a person would, and waits for lookup results after each,
/// so a test sees what the person would see once the screen settles.
pub fn press(app: &mut App, store: &mut Store, clock: &Clock, script: &str) {
    for key in parse_keys(script) {
        update::step(app, store, clock, crossterm::event::Event::Key(key));
        settle_lookup(app);
    }
}

/// Blocks until the lookup worker answered the newest query (headless use only).
pub fn settle_lookup(app: &mut App) {
    if let Some(super::app::Popup::Lookup(state)) = &mut app.popup {
        if state.pending() {
            if let Some(r) = app.lookup.wait(state.generation) {
                state.results = r;
                state.selected = state
                    .selected
                    .min(state.results.hits.len().saturating_sub(1));
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scripts_parse() {
        let keys = parse_keys("a<Tab>b<C-c><S-Tab><lt");
        let codes: Vec<KeyCode> = keys.iter().map(|k| k.code).collect();
        assert_eq!(
            codes,
            vec![
                KeyCode::Char('a'),
                KeyCode::Tab,
                KeyCode::Char('b'),
                KeyCode::Char('c'),
                KeyCode::BackTab,
                KeyCode::Char('<'),
                KeyCode::Char('l'),
                KeyCode::Char('t')
            ]
        );
        assert!(keys[3].modifiers.contains(KeyModifiers::CONTROL));
    }
}
