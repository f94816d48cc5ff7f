//! The sociale kaart: professionals and services the tandem calls on.

use super::ids::PersonId;
use serde::{Deserialize, Serialize};

/// Which side takes an action or leads a case. Shown with a colour *and* a mark (`O`/`Z`), so it
/// reads in monochrome too.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Side {
    /// Onderwijs: the school's side, led by the onderwijscoach (IB'er).
    Onderwijs,
    /// Zorg: the care side, led by the gezinscoach.
    Zorg,
}

impl Side {
    pub const ALL: [Side; 2] = [Side::Onderwijs, Side::Zorg];

    /// The one-letter mark that stands beside the colour.
    pub fn mark(self) -> char {
        match self {
            Side::Onderwijs => 'O',
            Side::Zorg => 'Z',
        }
    }

    /// The word used on the command line and in exports.
    pub fn key(self) -> &'static str {
        match self {
            Side::Onderwijs => "onderwijs",
            Side::Zorg => "zorg",
        }
    }

    /// Accepts the Dutch and English words and the marks, in any case.
    pub fn parse(s: &str) -> Option<Side> {
        match s.trim().to_lowercase().as_str() {
            "onderwijs" | "o" | "education" | "school" => Some(Side::Onderwijs),
            "zorg" | "z" | "care" => Some(Side::Zorg),
            _ => None,
        }
    }

    pub fn other(self) -> Side {
        match self {
            Side::Onderwijs => Side::Zorg,
            Side::Zorg => Side::Onderwijs,
        }
    }

    pub fn to_byte(self) -> u8 {
        match self {
            Side::Onderwijs => 0,
            Side::Zorg => 1,
        }
    }
}

/// An entry of the sociale kaart: a professional or service.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Person {
    pub id: PersonId,
    pub name: String,
    /// e.g. "jeugdverpleegkundige", "onderwijscoach".
    pub role: String,
    pub organisation: String,
    pub side: Side,
    pub phone: String,
    pub email: String,
    /// What they offer, in a line or two.
    pub offer: String,
}

impl Person {
    /// A new entry of the sociale kaart; phone, e-mail and offer are filled in later.
    pub fn new(
        id: PersonId,
        name: String,
        role: String,
        organisation: String,
        side: Side,
    ) -> Person {
        Person {
            id,
            name,
            role,
            organisation,
            side,
            phone: String::new(),
            email: String::new(),
            offer: String::new(),
        }
    }
}
