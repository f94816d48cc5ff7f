//! Every string a person reads, in Dutch and English, in one catalog. Code asks for a [`Text`] and
//! a [`Lang`]; nothing else holds user-facing words.

pub mod audit;
pub mod cli;
pub mod cli_help;
pub mod crypt;
pub mod events;
pub mod export_tui;
pub mod exports;
pub mod forget;
pub mod help;
pub mod inzage;
pub mod me;
pub mod meeting;
pub mod monitor;
pub mod privacy;
pub mod retention;
pub mod tui;
pub mod words;

pub use crate::domain::dates::Lang;

/// One string in both languages.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Text {
    pub nl: &'static str,
    pub en: &'static str,
}

impl Text {
    pub const fn new(nl: &'static str, en: &'static str) -> Text {
        Text { nl, en }
    }

    pub fn get(&self, lang: Lang) -> &'static str {
        match lang {
            Lang::Nl => self.nl,
            Lang::En => self.en,
        }
    }
}

impl Lang {
    pub fn parse(s: &str) -> Option<Lang> {
        match s.trim().to_lowercase().as_str() {
            "nl" | "nederlands" | "dutch" => Some(Lang::Nl),
            "en" | "english" | "engels" => Some(Lang::En),
            _ => None,
        }
    }
}
