//! Themes as data: `themes/*.toml` embedded in the binary, plus the user's own in the config dir.
//! A role names a style; a dotted role falls back to its parent, and every role to `text`.
//! `NO_COLOR` keeps the modifiers (bold, reversed) and drops the colours, so meaning that rides
//! on colour also has a mark or a modifier.

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

/// Every role the views ask for; a theme test checks each resolves in every theme.
pub const ROLES: [&str; 16] = [
    "text",
    "muted",
    "border",
    "title",
    "header",
    "selected",
    "accent",
    "onderwijs",
    "zorg",
    "overdue",
    "done",
    "warning",
    "footer",
    "footer.key",
    "match",
    "error",
];

#[derive(Debug, Deserialize)]
struct ThemeFile {
    name: String,
    roles: BTreeMap<String, String>,
}

#[derive(Debug, Clone)]
pub struct Theme {
    pub name: String,
    roles: BTreeMap<String, Style>,
    pub no_color: bool,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ThemeError(pub String);

impl Theme {
    pub fn parse(source: &str, no_color: bool) -> Result<Theme, ThemeError> {
        let file: ThemeFile = toml::from_str(source).map_err(|e| ThemeError(e.to_string()))?;
        let mut roles = BTreeMap::new();
        for (role, spec) in &file.roles {
            let style = parse_style(spec).map_err(|e| ThemeError(format!("{role}: {e}")))?;
            roles.insert(
                role.clone(),
                if no_color { strip_colour(style) } else { style },
            );
        }
        if !roles.contains_key("text") {
            return Err(ThemeError("role 'text' is missing".into()));
        }
        Ok(Theme {
            name: file.name,
            roles,
            no_color,
        })
    }

    /// The built-in `standaard`, which always parses (a test guards that).
    pub fn standaard(no_color: bool) -> Theme {
        Theme::parse(BUILTIN[0].1, no_color).unwrap_or_else(|_| Theme {
            name: "standaard".into(),
            roles: BTreeMap::new(),
            no_color,
        })
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

    /// The style of a role, falling back along the dots and finally to `text`.
    pub fn style(&self, role: &str) -> Style {
        let base = self.roles.get("text").copied().unwrap_or_default();
        let mut r = role;
        loop {
            if let Some(s) = self.roles.get(r) {
                return base.patch(*s);
            }
            match r.rfind('.') {
                Some(i) => r = &r[..i],
                None => {
                    return if role == "selected" && self.no_color {
                        base.add_modifier(Modifier::REVERSED)
                    } else {
                        base
                    };
                }
            }
        }
    }

    pub fn resolves(&self, role: &str) -> bool {
        let mut r = role;
        loop {
            if self.roles.contains_key(r) {
                return true;
            }
            match r.rfind('.') {
                Some(i) => r = &r[..i],
                None => return false,
            }
        }
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
    fn every_builtin_theme_parses_and_resolves_every_role() {
        for (name, src) in BUILTIN {
            let t = Theme::parse(src, false).unwrap_or_else(|e| panic!("{name}: {e:?}"));
            assert_eq!(t.name, name);
            for role in ROLES {
                assert!(t.resolves(role), "{name} lacks {role}");
            }
        }
    }

    #[test]
    fn sides_differ_in_every_theme() {
        for (name, src) in BUILTIN {
            let t = Theme::parse(src, false).unwrap_or_else(|e| panic!("{name}: {e:?}"));
            assert_ne!(t.style("onderwijs"), t.style("zorg"), "{name}");
        }
    }

    #[test]
    fn dotted_roles_fall_back_and_no_color_drops_colours() {
        let t = Theme::standaard(false);
        assert_eq!(t.style("overdue.case"), t.style("overdue"));
        let mono = Theme::standaard(true);
        let s = mono.style("zorg");
        assert_eq!(s.fg, None);
        assert!(mono
            .style("selected")
            .add_modifier
            .contains(Modifier::REVERSED));
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
}
