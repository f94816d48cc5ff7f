//! Themes as data: `themes/*.toml` embedded in the binary, plus the user's own in the config dir.
//! A role names a style; a dotted role falls back to its parent, and every role to `text`.
//! `NO_COLOR` keeps the modifiers (bold, reversed) and drops the colours, so meaning that rides
//! on colour also has a mark or a modifier.
//!
//! Every role is resolved to its style once, when the theme loads; a view's
//! `theme.style(Role::Muted)` is then an array lookup, and a misspelt role does not compile.

use crate::domain::Side;
use ratatui::style::{Color, Modifier, Style};
use serde::Deserialize;
use std::collections::BTreeMap;
use std::path::Path;

/// The themes that ship inside the binary.
pub const BUILTIN: [(&str, &str); 3] = [
    ("standaard", include_str!("../../themes/standaard.toml")),
    ("beamer", include_str!("../../themes/beamer.toml")),
    ("licht", include_str!("../../themes/licht.toml")),
];

/// A style the views ask for; each is a key under `[roles]` in a theme file.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Role {
    /// Plain text, and the base every other role is laid over.
    Text,
    /// Secondary text: labels, dates, details, hints.
    Muted,
    /// The border of a panel out of focus.
    Border,
    /// A panel's title.
    Title,
    /// Table headers and the names a line is about.
    Header,
    /// The selected row or choice.
    Selected,
    /// The border in focus, and what stands out on a line (status, reasons).
    Accent,
    /// The onderwijs side's colour.
    Onderwijs,
    /// The zorg side's colour.
    Zorg,
    /// Past a deadline or past the timebox.
    Overdue,
    /// Done, agreed, or consent given.
    Done,
    /// Needs attention soon: flagged, the last two minutes, consent not given.
    Warning,
    /// The footer line and its messages.
    Footer,
    /// A key in the footer: `footer.key`, which falls back to `footer`.
    FooterKey,
    /// The letters a lookup matched.
    Match,
    /// An error message.
    Error,
}

impl Role {
    /// Every role, in declaration order, so `ALL[role as usize] == role` (a test guards that).
    pub const ALL: [Role; 16] = [
        Role::Text,
        Role::Muted,
        Role::Border,
        Role::Title,
        Role::Header,
        Role::Selected,
        Role::Accent,
        Role::Onderwijs,
        Role::Zorg,
        Role::Overdue,
        Role::Done,
        Role::Warning,
        Role::Footer,
        Role::FooterKey,
        Role::Match,
        Role::Error,
    ];

    /// The role's key in a theme file.
    pub const fn name(self) -> &'static str {
        match self {
            Role::Text => "text",
            Role::Muted => "muted",
            Role::Border => "border",
            Role::Title => "title",
            Role::Header => "header",
            Role::Selected => "selected",
            Role::Accent => "accent",
            Role::Onderwijs => "onderwijs",
            Role::Zorg => "zorg",
            Role::Overdue => "overdue",
            Role::Done => "done",
            Role::Warning => "warning",
            Role::Footer => "footer",
            Role::FooterKey => "footer.key",
            Role::Match => "match",
            Role::Error => "error",
        }
    }

    /// The role a theme file calls `name`, if the views use one by that name.
    pub fn from_name(name: &str) -> Option<Role> {
        Role::ALL.into_iter().find(|r| r.name() == name)
    }

    /// The colour of a side, `O` onderwijs or `Z` zorg.
    pub const fn side(side: Side) -> Role {
        match side {
            Side::Onderwijs => Role::Onderwijs,
            Side::Zorg => Role::Zorg,
        }
    }
}

#[derive(Debug, Deserialize)]
struct ThemeFile {
    name: String,
    roles: BTreeMap<String, String>,
}

/// A loaded theme: every [`Role`] already resolved to its style.
#[derive(Debug, Clone)]
pub struct Theme {
    /// The name the theme file gives itself.
    pub name: String,
    styles: [Style; Role::ALL.len()],
    /// Loaded under `NO_COLOR`: the styles carry modifiers only.
    pub no_color: bool,
}

/// Why a theme file could not be used, as shown to the user.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ThemeError(pub String);

impl Theme {
    /// Reads a theme file. A key under `[roles]` that no view uses is accepted (and its style
    /// still checked), so a theme file can name roles of an older or newer tandem.
    pub fn parse(source: &str, no_color: bool) -> Result<Theme, ThemeError> {
        let (name, roles) = parse_file(source, no_color)?;
        if !roles.contains_key(Role::Text.name()) {
            return Err(ThemeError("role 'text' is missing".into()));
        }
        Ok(Theme::resolve(name, &roles, no_color))
    }

    /// The built-in `standaard`, which always parses (a test guards that).
    pub fn standaard(no_color: bool) -> Theme {
        Theme::parse(BUILTIN[0].1, no_color)
            .unwrap_or_else(|_| Theme::resolve("standaard".into(), &BTreeMap::new(), no_color))
    }

    /// Finds a theme by name: the user's own file in `config_dir/themes/NAME.toml` first, then
    /// the built-in ones. On any problem: `standaard` and a message saying why.
    pub fn load(name: &str, config_dir: Option<&Path>, no_color: bool) -> (Theme, Option<String>) {
        let own = config_dir.map(|d| d.join("themes").join(format!("{name}.toml")));
        if let Some(path) = own.filter(|p| p.exists()) {
            return match std::fs::read_to_string(&path) {
                Ok(src) => match Theme::parse(&src, no_color) {
                    Ok(t) => (t, None),
                    Err(e) => (
                        Theme::standaard(no_color),
                        Some(format!("{}: {}", path.display(), e.0)),
                    ),
                },
                Err(e) => (
                    Theme::standaard(no_color),
                    Some(format!("{}: {e}", path.display())),
                ),
            };
        }
        match BUILTIN.iter().find(|(n, _)| *n == name) {
            Some((_, src)) => match Theme::parse(src, no_color) {
                Ok(t) => (t, None),
                Err(e) => (Theme::standaard(no_color), Some(e.0)),
            },
            None => (Theme::standaard(no_color), Some(format!("'{name}'?"))),
        }
    }

    /// The style of a role.
    pub fn style(&self, role: Role) -> Style {
        self.styles[role as usize]
    }

    /// Each role's style laid over `text`. A role the file leaves out falls back along the dots
    /// and finally to `text`; under `NO_COLOR` a missing `selected` is reversed `text`, since
    /// the selection must still show.
    fn resolve(name: String, roles: &BTreeMap<String, Style>, no_color: bool) -> Theme {
        let base = roles.get(Role::Text.name()).copied().unwrap_or_default();
        let styles = Role::ALL.map(|role| match lookup(roles, role.name()) {
            Some(s) => base.patch(s),
            None if role == Role::Selected && no_color => base.add_modifier(Modifier::REVERSED),
            None => base,
        });
        Theme {
            name,
            styles,
            no_color,
        }
    }
}

/// The theme's name and the style of every role it names, colours dropped under `NO_COLOR`.
fn parse_file(
    source: &str,
    no_color: bool,
) -> Result<(String, BTreeMap<String, Style>), ThemeError> {
    let file: ThemeFile = toml::from_str(source).map_err(|e| ThemeError(e.to_string()))?;
    let mut roles = BTreeMap::new();
    for (role, spec) in &file.roles {
        let style = parse_style(spec).map_err(|e| ThemeError(format!("{role}: {e}")))?;
        roles.insert(
            role.clone(),
            if no_color { strip_colour(style) } else { style },
        );
    }
    Ok((file.name, roles))
}

/// The style the file gives `role` or, failing that, the nearest dotted parent.
fn lookup(roles: &BTreeMap<String, Style>, role: &str) -> Option<Style> {
    let mut r = role;
    loop {
        if let Some(s) = roles.get(r) {
            return Some(*s);
        }
        r = &r[..r.rfind('.')?];
    }
}

fn strip_colour(s: Style) -> Style {
    let mut out = Style::default().add_modifier(s.add_modifier);
    // Without colour a background carries no meaning; reversed text stands in for it.
    if s.bg
        .is_some_and(|bg| bg != Color::Reset && bg != Color::Black)
    {
        out = out.add_modifier(Modifier::REVERSED);
    }
    out
}

fn parse_style(spec: &str) -> Result<Style, String> {
    let mut style = Style::default();
    let mut words = spec.split_whitespace().peekable();
    while let Some(w) = words.next() {
        match w.to_lowercase().as_str() {
            "bold" => style = style.add_modifier(Modifier::BOLD),
            "italic" => style = style.add_modifier(Modifier::ITALIC),
            "reversed" => style = style.add_modifier(Modifier::REVERSED),
            "underlined" => style = style.add_modifier(Modifier::UNDERLINED),
            "on" => {
                let c = words.next().ok_or("'on' without a colour")?;
                style = style.bg(parse_colour(c)?);
            }
            c => style = style.fg(parse_colour(c)?),
        }
    }
    Ok(style)
}

fn parse_colour(c: &str) -> Result<Color, String> {
    c.parse::<Color>()
        .map_err(|_| format!("unknown colour '{c}'"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_builtin_theme_parses_and_names_every_role() {
        for (name, src) in BUILTIN {
            let t = Theme::parse(src, false).unwrap_or_else(|e| panic!("{name}: {e:?}"));
            assert_eq!(t.name, name);
            let (_, roles) = parse_file(src, false).unwrap_or_else(|e| panic!("{name}: {e:?}"));
            for role in Role::ALL {
                assert!(
                    lookup(&roles, role.name()).is_some(),
                    "{name} lacks {}",
                    role.name()
                );
            }
        }
    }

    #[test]
    fn roles_index_their_own_slot_and_names_round_trip() {
        for (i, role) in Role::ALL.into_iter().enumerate() {
            assert_eq!(role as usize, i, "{role:?}");
            assert_eq!(Role::from_name(role.name()), Some(role));
        }
        assert_eq!(Role::from_name("footer.key"), Some(Role::FooterKey));
        assert_eq!(Role::from_name("mutd"), None);
    }

    #[test]
    fn sides_differ_in_every_theme() {
        for (name, src) in BUILTIN {
            let t = Theme::parse(src, false).unwrap_or_else(|e| panic!("{name}: {e:?}"));
            assert_ne!(
                t.style(Role::side(Side::Onderwijs)),
                t.style(Role::side(Side::Zorg)),
                "{name}"
            );
        }
    }

    #[test]
    fn dotted_roles_fall_back_and_no_color_drops_colours() -> Result<(), ThemeError> {
        let t = Theme::parse(
            "name = 'x'\n[roles]\ntext = 'white'\nfooter = 'black on white'\n",
            false,
        )?;
        assert_eq!(t.style(Role::FooterKey), t.style(Role::Footer));
        assert_eq!(t.style(Role::Muted), t.style(Role::Text));
        let t = Theme::standaard(false);
        assert_ne!(t.style(Role::FooterKey), t.style(Role::Footer));
        let mono = Theme::standaard(true);
        let s = mono.style(Role::Zorg);
        assert_eq!(s.fg, None);
        assert!(mono
            .style(Role::Selected)
            .add_modifier
            .contains(Modifier::REVERSED));
        Ok(())
    }

    #[test]
    fn a_missing_selected_is_reversed_text_under_no_color() -> Result<(), ThemeError> {
        let src = "name = 'x'\n[roles]\ntext = 'bold white'\n";
        let mono = Theme::parse(src, true)?;
        assert_eq!(
            mono.style(Role::Selected),
            Style::default().add_modifier(Modifier::BOLD | Modifier::REVERSED)
        );
        assert_eq!(
            Theme::parse(src, false)?.style(Role::Selected),
            Theme::parse(src, false)?.style(Role::Text)
        );
        Ok(())
    }

    #[test]
    fn unknown_roles_are_accepted_but_their_styles_checked() -> Result<(), ThemeError> {
        let t = Theme::parse(
            "name = 'x'\n[roles]\ntext = 'white'\nsidebar = 'red'\n",
            false,
        )?;
        assert_eq!(t.style(Role::Muted), t.style(Role::Text));
        let bad = Theme::parse(
            "name = 'x'\n[roles]\ntext = 'white'\nsidebar = 'purplish'\n",
            false,
        );
        assert_eq!(
            bad.map(|t| t.name),
            Err(ThemeError("sidebar: unknown colour 'purplish'".into()))
        );
        let none = Theme::parse("name = 'x'\n[roles]\nmuted = 'gray'\n", false);
        assert_eq!(
            none.map(|t| t.name),
            Err(ThemeError("role 'text' is missing".into()))
        );
        Ok(())
    }

    #[test]
    fn a_broken_theme_falls_back_with_a_message() -> Result<(), std::io::Error> {
        let dir = tempfile::tempdir()?;
        std::fs::create_dir_all(dir.path().join("themes"))?;
        std::fs::write(
            dir.path().join("themes/kapot.toml"),
            "name = 'kapot'\n[roles]\ntext = 'purplish'\n",
        )?;
        let (t, msg) = Theme::load("kapot", Some(dir.path()), false);
        assert_eq!(t.name, "standaard");
        assert!(msg.is_some_and(|m| m.contains("purplish")));
        let (t, msg) = Theme::load("beamer", Some(dir.path()), false);
        assert_eq!((t.name.as_str(), msg), ("beamer", None));
        Ok(())
    }

    #[test]
    fn a_user_theme_is_found_before_the_builtin_ones() -> Result<(), std::io::Error> {
        let dir = tempfile::tempdir()?;
        std::fs::create_dir_all(dir.path().join("themes"))?;
        std::fs::write(
            dir.path().join("themes/eigen.toml"),
            "name = 'eigen'\n[roles]\ntext = 'green'\n\"footer.key\" = 'bold red'\n",
        )?;
        let (t, msg) = Theme::load("eigen", Some(dir.path()), false);
        assert_eq!((t.name.as_str(), msg), ("eigen", None));
        assert_eq!(t.style(Role::Text).fg, Some(Color::Green));
        assert_eq!(t.style(Role::FooterKey).fg, Some(Color::Red));
        assert_eq!(t.style(Role::Footer), t.style(Role::Text));
        let (t, msg) = Theme::load("nergens", Some(dir.path()), false);
        assert_eq!(
            (t.name.as_str(), msg.as_deref()),
            ("standaard", Some("'nergens'?"))
        );
        Ok(())
    }
}
