//! Dates as records store them (bincode) and exports write them (JSON): written exactly as
//! chrono's own `Serialize` writes them (`2026-11-23`, `2026-11-23T10:15:00`, with `.fff`,
//! `.ffffff` or `.fffffffff` when there is a fraction), so stores and exports keep their bytes;
//! read back by a small parser for those shapes instead of chrono's general one, which took
//! ~22% of `tandem stats` at 50,000 cases (issue 10), and written without `fmt` (6-7% of an
//! `export`). Anything else (a year past 9999 or before 0, a leap second, another number of
//! fraction digits, a malformed text) goes to chrono, so what reads and what it reads as, and
//! the error for what does not, stay chrono's.
//!
//! Use with `#[serde(with = "wire::date")]`, `wire::date::option`, `wire::datetime`,
//! `wire::datetime::option`. An `Option` field also needs `#[serde(default)]`: serde treats a
//! missing field with `with` as an error, where a plain `Option` reads as `None`.

use chrono::{NaiveDate, NaiveDateTime};
use serde::de::{self, Deserializer, Visitor};
use std::fmt;

mod text;

pub use text::{read_date, read_datetime};

/// Reads a text with `read` (chrono's words for what it expects and why it failed).
struct TextVisitor<T> {
    read: fn(&str) -> Result<T, chrono::ParseError>,
    expecting: &'static str,
}

impl<T> Visitor<'_> for TextVisitor<T> {
    type Value = T;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str(self.expecting)
    }

    fn visit_str<E: de::Error>(self, v: &str) -> Result<T, E> {
        (self.read)(v).map_err(E::custom)
    }
}

/// An `Option` of a text read by a [`TextVisitor`], as serde reads an `Option` (`null` or
/// nothing is `None`).
struct OptionVisitor<T>(TextVisitor<T>);

impl<'de, T> Visitor<'de> for OptionVisitor<T> {
    type Value = Option<T>;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("option")
    }

    fn visit_none<E: de::Error>(self) -> Result<Option<T>, E> {
        Ok(None)
    }

    fn visit_unit<E: de::Error>(self) -> Result<Option<T>, E> {
        Ok(None)
    }

    fn visit_some<D: Deserializer<'de>>(self, d: D) -> Result<Option<T>, D::Error> {
        d.deserialize_str(self.0).map(Some)
    }
}

const DATE: TextVisitor<NaiveDate> = TextVisitor {
    read: read_date,
    expecting: "a formatted date string",
};

const DATETIME: TextVisitor<NaiveDateTime> = TextVisitor {
    read: read_datetime,
    expecting: "a formatted date and time string",
};

/// A `NaiveDate` field: `#[serde(with = "wire::date")]`.
pub mod date {
    use super::{text, OptionVisitor, DATE};
    use chrono::NaiveDate;
    use serde::{Deserializer, Serialize, Serializer};

    /// Writes chrono's text of `d` as a string, as chrono does.
    pub fn serialize<S: Serializer>(d: &NaiveDate, s: S) -> Result<S::Ok, S::Error> {
        match text::write_date(*d)
            .as_ref()
            .and_then(text::Written::as_str)
        {
            Some(t) => s.serialize_str(t),
            None => d.serialize(s),
        }
    }

    /// A date written through [`serialize`], for an `Option`'s `Some`.
    struct Wired(NaiveDate);

    impl Serialize for Wired {
        fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
            serialize(&self.0, s)
        }
    }

    /// Errors: chrono's parse error for a text that is not a date; the format's own otherwise.
    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<NaiveDate, D::Error> {
        d.deserialize_str(DATE)
    }

    /// An `Option<NaiveDate>` field: `#[serde(default, with = "wire::date::option")]`.
    pub mod option {
        use super::*;

        /// Writes what serde writes for an `Option` of chrono's date.
        pub fn serialize<S: Serializer>(d: &Option<NaiveDate>, s: S) -> Result<S::Ok, S::Error> {
            match d {
                Some(d) => s.serialize_some(&Wired(*d)),
                None => s.serialize_none(),
            }
        }

        /// Errors: as [`super::deserialize`].
        pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Option<NaiveDate>, D::Error> {
            d.deserialize_option(OptionVisitor(DATE))
        }
    }
}

/// A `NaiveDateTime` field: `#[serde(with = "wire::datetime")]`.
pub mod datetime {
    use super::{text, OptionVisitor, DATETIME};
    use chrono::NaiveDateTime;
    use serde::{Deserializer, Serialize, Serializer};

    /// Writes chrono's text of `d` as a string, as chrono does.
    pub fn serialize<S: Serializer>(d: &NaiveDateTime, s: S) -> Result<S::Ok, S::Error> {
        match text::write_datetime(*d)
            .as_ref()
            .and_then(text::Written::as_str)
        {
            Some(t) => s.serialize_str(t),
            None => d.serialize(s),
        }
    }

    /// A date and time written through [`serialize`], for an `Option`'s `Some`.
    struct Wired(NaiveDateTime);

    impl Serialize for Wired {
        fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
            serialize(&self.0, s)
        }
    }

    /// Errors: chrono's parse error for a text that is not a date and time.
    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<NaiveDateTime, D::Error> {
        d.deserialize_str(DATETIME)
    }

    /// An `Option<NaiveDateTime>` field: `#[serde(default, with = "wire::datetime::option")]`.
    pub mod option {
        use super::*;

        /// Writes what serde writes for an `Option` of chrono's date and time.
        pub fn serialize<S: Serializer>(
            d: &Option<NaiveDateTime>,
            s: S,
        ) -> Result<S::Ok, S::Error> {
            match d {
                Some(d) => s.serialize_some(&Wired(*d)),
                None => s.serialize_none(),
            }
        }

        /// Errors: as [`super::deserialize`].
        pub fn deserialize<'de, D: Deserializer<'de>>(
            d: D,
        ) -> Result<Option<NaiveDateTime>, D::Error> {
            d.deserialize_option(OptionVisitor(DATETIME))
        }
    }
}

#[cfg(test)]
mod tests;
