//! Keys as data: one table, per context. The bindings, the footer hints and the `?` overlay all
//! come from it, so help never drifts from what the keys do.

pub mod describe;

use super::intent::{Context, Context as C, Intent, Intent as A};
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

/// One binding. `hint` puts it in the footer of its context.
#[derive(Debug, Clone, Copy)]
pub struct Binding {
    pub ctx: Context,
    pub key: &'static str,
    pub action: Intent,
    pub hint: bool,
}

const fn b(ctx: Context, key: &'static str, action: Intent, hint: bool) -> Binding {
    Binding {
        ctx,
        key,
        action,
        hint,
    }
}

/// The default keymap (DESIGN.md's key table, plus what each screen adds).
pub const BINDINGS: &[Binding] = &[
    b(C::Global, "?", A::Help, true),
    b(C::Global, "/", A::Lookup, true),
    b(C::Global, "q", A::Back, true),
    b(C::Global, "Ctrl-c", A::Quit, false),
    b(C::Global, "Esc", A::Cancel, false),
    b(C::Global, "j", A::Down, false),
    b(C::Global, "Down", A::Down, false),
    b(C::Global, "k", A::Up, false),
    b(C::Global, "Up", A::Up, false),
    b(C::Global, "g", A::Top, false),
    b(C::Global, "Home", A::Top, false),
    b(C::Global, "G", A::Bottom, false),
    b(C::Global, "End", A::Bottom, false),
    b(C::Global, "PageUp", A::PageUp, false),
    b(C::Global, "PageDown", A::PageDown, false),
    b(C::Global, "Tab", A::NextPane, false),
    b(C::Global, "BackTab", A::PrevPane, false),
    b(C::Global, "2", A::ScreenCases, false),
    b(C::Global, "1", A::ScreenOverleg, false),
    b(C::Global, "m", A::StartMeeting, true),
    b(C::Global, "3", A::ScreenActies, false),
    b(C::Global, "4", A::ScreenKaart, false),
    b(C::Global, "5", A::ScreenMonitor, false),
    b(C::Global, "p", A::Privacy, true),
    b(C::Global, "b", A::Blank, false),
    b(C::Global, "u", A::Undo, false),
    b(C::Global, "T", A::NextTheme, false),
    // Carried out before the keymap when the store is encrypted (`tui::lock`); here for `?`, and
    // to say why nothing locks without a passphrase.
    b(C::Global, "Ctrl-l", A::Lock, false),
    b(C::Cases, "Enter", A::Open, true),
    b(C::Cases, "n", A::New, true),
    b(C::Cases, "e", A::Edit, false),
    b(C::Cases, "f", A::Flag, true),
    b(C::Cases, "s", A::FilterStatus, true),
    b(C::Cases, "l", A::FilterSide, false),
    b(C::Cases, "!", A::FilterFlag, false),
    b(C::Cases, "i", A::FilterSchool, false),
    b(C::Cases, "o", A::Sort, true),
    b(C::Agenda, "J", A::MoveDown, true),
    b(C::Agenda, "K", A::MoveUp, true),
    b(C::Agenda, "x", A::Remove, true),
    b(C::Agenda, "n", A::New, true),
    b(C::Agenda, "+", A::TimeboxUp, false),
    b(C::Agenda, "-", A::TimeboxDown, false),
    b(C::Agenda, "Enter", A::Open, false),
    b(C::Agenda, "h", A::History, false),
    b(C::Agenda, "#", A::GoTo, false),
    b(C::Agenda, "A", A::Attendees, false),
    b(C::Agenda, "s", A::Export, false),
    b(C::Meeting, "]", A::NextItem, true),
    b(C::Meeting, "[", A::PrevItem, true),
    b(C::Meeting, "a", A::AddAction, true),
    b(C::Meeting, "r", A::Agreement, true),
    b(C::Meeting, "d", A::ToggleDone, true),
    b(C::Meeting, "e", A::Edit, false),
    b(C::Meeting, "f", A::Flag, false),
    b(C::Meeting, "c", A::CloseReopen, false),
    b(C::Meeting, "n", A::New, false),
    b(C::Meeting, "+", A::TimeboxUp, false),
    b(C::Meeting, "-", A::TimeboxDown, false),
    b(C::Meeting, "E", A::EndMeeting, true),
    b(C::Meeting, "h", A::History, false),
    b(C::Meeting, "#", A::GoTo, true),
    b(C::Meeting, "A", A::Attendees, false),
    b(C::Meeting, "s", A::Export, false),
    b(C::Summary, "Enter", A::Submit, true),
    b(C::Summary, "Esc", A::Cancel, true),
    b(C::Summary, "Ctrl-c", A::Quit, false),
    b(C::Summary, "j", A::Down, false),
    b(C::Summary, "k", A::Up, false),
    b(C::Summary, "Down", A::Down, false),
    b(C::Summary, "Up", A::Up, false),
    b(C::Acties, "Enter", A::Open, true),
    b(C::Acties, "d", A::ToggleDone, true),
    b(C::Acties, "e", A::Edit, true),
    b(C::Acties, "o", A::FilterMine, true),
    b(C::Acties, "v", A::FilterDue, true),
    b(C::Acties, "l", A::FilterSide, false),
    b(C::Acties, "D", A::ShowDone, false),
    b(C::Acties, "I", A::ChooseMe, false),
    b(C::Acties, "s", A::Export, true),
    b(C::Case, "Enter", A::Open, false),
    b(C::Case, "e", A::Edit, true),
    b(C::Case, "a", A::AddAction, true),
    b(C::Case, "d", A::ToggleDone, true),
    b(C::Case, "f", A::Flag, true),
    b(C::Case, "c", A::CloseReopen, true),
    b(C::Case, "t", A::Consent, true),
    b(C::Case, "n", A::AddNetwork, false),
    b(C::Case, "w", A::OpenFamily, true),
    b(C::Case, "s", A::Export, false),
    b(C::Family, "Enter", A::Open, true),
    b(C::Family, "n", A::AddNetwork, true),
    b(C::Family, "e", A::Edit, true),
    b(C::Family, "x", A::EndInvolvement, true),
    b(C::Family, "X", A::Forget, false),
    b(C::Kaart, "Enter", A::Open, true),
    b(C::Kaart, "n", A::New, true),
    b(C::Kaart, "e", A::Edit, true),
    b(C::Monitor, "v", A::MonitorPeriod, true),
    b(C::Monitor, "V", A::MonitorOwnPeriod, true),
    b(C::Monitor, "i", A::FilterSchool, true),
    b(C::Person, "e", A::Edit, true),
    b(C::Person, "Enter", A::Open, true),
    b(C::Lookup, "Enter", A::Open, true),
    b(C::Lookup, "Esc", A::Cancel, true),
    b(C::Lookup, "Down", A::Down, true),
    b(C::Lookup, "Up", A::Up, false),
    b(C::Lookup, "Ctrl-n", A::Down, false),
    b(C::Lookup, "Ctrl-p", A::Up, false),
    b(C::Lookup, "Backspace", A::Backspace, false),
    b(C::Lookup, "Ctrl-c", A::Quit, false),
    b(C::Form, "Enter", A::Submit, true),
    b(C::Form, "Esc", A::Cancel, true),
    b(C::Form, "Tab", A::NextField, true),
    b(C::Form, "BackTab", A::PrevField, false),
    b(C::Form, "Down", A::NextField, false),
    b(C::Form, "Up", A::PrevField, false),
    b(C::Form, "Backspace", A::Backspace, false),
    b(C::Form, "Delete", A::Delete, false),
    b(C::Form, "Left", A::Left, false),
    b(C::Form, "Right", A::Right, false),
    b(C::Form, "Home", A::Home, false),
    b(C::Form, "End", A::End, false),
    b(C::Form, "PageDown", A::PageDown, false),
    b(C::Form, "PageUp", A::PageUp, false),
    b(C::Form, "Ctrl-j", A::NewLine, false),
    b(C::Form, "Ctrl-c", A::Quit, false),
    b(C::Help, "Esc", A::Cancel, true),
    b(C::Help, "?", A::Cancel, false),
    b(C::Help, "q", A::Cancel, false),
    b(C::Help, "j", A::Down, false),
    b(C::Help, "k", A::Up, false),
    b(C::Help, "Down", A::Down, false),
    b(C::Help, "Up", A::Up, false),
    b(C::Help, "Ctrl-c", A::Quit, false),
];

/// A key as the table writes it: "j", "G", "Enter", "Ctrl-c", "BackTab", "F1".
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Key {
    pub code: KeyCode,
    pub ctrl: bool,
}

pub fn parse_key(s: &str) -> Option<Key> {
    let (ctrl, rest) = match s.strip_prefix("Ctrl-") {
        Some(r) => (true, r),
        None => (false, s),
    };
    let code = match rest {
        "Enter" => KeyCode::Enter,
        "Esc" => KeyCode::Esc,
        "Tab" => KeyCode::Tab,
        "BackTab" => KeyCode::BackTab,
        "Backspace" => KeyCode::Backspace,
        "Delete" => KeyCode::Delete,
        "Up" => KeyCode::Up,
        "Down" => KeyCode::Down,
        "Left" => KeyCode::Left,
        "Right" => KeyCode::Right,
        "Home" => KeyCode::Home,
        "End" => KeyCode::End,
        "PageUp" => KeyCode::PageUp,
        "PageDown" => KeyCode::PageDown,
        "Space" => KeyCode::Char(' '),
        f if f.len() > 1 && f.starts_with('F') => KeyCode::F(f[1..].parse().ok()?),
        c => {
            let mut chars = c.chars();
            let ch = chars.next()?;
            if chars.next().is_some() {
                return None;
            }
            KeyCode::Char(ch)
        }
    };
    Some(Key { code, ctrl })
}

/// The table's form of a pressed key, so it can be looked up.
pub fn key_of(ev: &KeyEvent) -> Key {
    let ctrl = ev.modifiers.contains(KeyModifiers::CONTROL);
    let code = match ev.code {
        KeyCode::Char(c) if ctrl => KeyCode::Char(c.to_ascii_lowercase()),
        other => other,
    };
    Key { code, ctrl }
}

/// Checks the table: every key parses and no key is bound twice in one context (a page key that
/// shadows a global one counts too).
pub fn validate(bindings: &[Binding]) -> Result<(), String> {
    for (i, a) in bindings.iter().enumerate() {
        let ka = parse_key(a.key).ok_or_else(|| format!("binding {i}: unknown key '{}'", a.key))?;
        for (j, other) in bindings.iter().enumerate().skip(i + 1) {
            let same_ctx = a.ctx == other.ctx
                || (is_page(a.ctx) && other.ctx == Context::Global)
                || (a.ctx == Context::Global && is_page(other.ctx));
            if same_ctx && parse_key(other.key) == Some(ka) && a.action != other.action {
                return Err(format!(
                    "key '{}' is bound twice ({:?} in {:?}, binding {i}; {:?} in {:?}, binding {j})",
                    a.key, a.action, a.ctx, other.action, other.ctx
                ));
            }
        }
    }
    Ok(())
}

/// Pages get the global bindings too; text fields and the help overlay do not.
pub fn is_page(ctx: Context) -> bool {
    matches!(
        ctx,
        C::Cases
            | C::Agenda
            | C::Meeting
            | C::Acties
            | C::Case
            | C::Family
            | C::Kaart
            | C::Monitor
            | C::Person
    )
}

/// What a key does in a context: the context's own binding first, then the global one.
pub fn lookup(ctx: Context, key: Key) -> Option<Intent> {
    let own = BINDINGS
        .iter()
        .find(|b| b.ctx == ctx && parse_key(b.key) == Some(key));
    let global = || {
        BINDINGS
            .iter()
            .filter(|_| is_page(ctx))
            .find(|b| b.ctx == C::Global && parse_key(b.key) == Some(key))
    };
    own.or_else(global).map(|b| b.action)
}

/// The bindings shown in the help overlay of a context: its own, then the global ones.
pub fn for_help(ctx: Context) -> Vec<Binding> {
    let mut out: Vec<Binding> = BINDINGS.iter().filter(|b| b.ctx == ctx).copied().collect();
    if is_page(ctx) {
        out.extend(BINDINGS.iter().filter(|b| b.ctx == C::Global).copied());
    }
    out
}

/// The footer's few keys for a context.
pub fn hints(ctx: Context) -> Vec<Binding> {
    let mut out: Vec<Binding> = for_help(ctx).into_iter().filter(|b| b.hint).collect();
    // `?` leads, so a narrow footer that drops hints still says where all the keys are.
    out.sort_by_key(|b| b.action != Intent::Help);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_table_is_valid() {
        assert_eq!(validate(BINDINGS), Ok(()));
    }

    #[test]
    fn the_validator_finds_a_duplicate_far_apart_and_across_global() {
        let dup = [
            b(C::Cases, "x", A::New, false),
            b(C::Kaart, "y", A::New, false),
            b(C::Global, "z", A::Help, false),
            b(C::Cases, "x", A::Edit, false),
        ];
        assert!(validate(&dup).is_err_and(|e| e.contains("'x'")));
        let shadow = [
            b(C::Global, "z", A::Help, false),
            b(C::Case, "z", A::Edit, false),
        ];
        assert!(validate(&shadow).is_err());
        let unknown = [b(C::Cases, "Hyper-x", A::New, false)];
        assert!(validate(&unknown).is_err_and(|e| e.contains("unknown key")));
    }

    #[test]
    fn page_keys_win_and_globals_apply_on_pages_only() {
        let k = |s| {
            parse_key(s).unwrap_or(Key {
                code: KeyCode::Null,
                ctrl: false,
            })
        };
        assert_eq!(lookup(C::Cases, k("n")), Some(A::New));
        assert_eq!(lookup(C::Case, k("a")), Some(A::AddAction));
        assert_eq!(lookup(C::Cases, k("?")), Some(A::Help));
        assert_eq!(lookup(C::Form, k("?")), None);
        assert_eq!(lookup(C::Form, k("Ctrl-c")), Some(A::Quit));
    }

    #[test]
    fn every_design_key_is_bound() {
        for key in [
            "?", "/", "q", "Esc", "Enter", "j", "k", "g", "G", "Tab", "BackTab", "p", "b", "u",
            "2", "4",
        ] {
            assert!(
                lookup(
                    C::Cases,
                    parse_key(key).unwrap_or(Key {
                        code: KeyCode::Null,
                        ctrl: false
                    })
                )
                .is_some(),
                "{key}"
            );
        }
        for key in ["e", "d", "a", "f"] {
            assert!(
                lookup(
                    C::Case,
                    parse_key(key).unwrap_or(Key {
                        code: KeyCode::Null,
                        ctrl: false
                    })
                )
                .is_some(),
                "{key}"
            );
        }
    }
}
