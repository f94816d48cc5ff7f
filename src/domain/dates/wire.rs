//! Dates as records store them (bincode) and exports write them (JSON): written exactly as
//! chrono's own `Serialize` writes them (`2026-11-23`, `2026-11-23T10:15:00`, with `.fff`,
//! `.ffffff` or `.fffffffff` when there is a fraction), so stores and exports keep their bytes;
//! read back by a small parser for those shapes instead of chrono's general one, which took
//! ~22% of `tandem stats` at 50,000 cases (issue 10). Anything else (a year past 9999 or before
//! 0, a leap second, another number of fraction digits, a malformed text) goes to chrono's
//! `FromStr`, so what reads and what it reads as, and the error for what does not, stay chrono's.
//!
//! Use with `#[serde(with = "wire::date")]`, `wire::date::option`, `wire::datetime`,
//! `wire::datetime::option`. An `Option` field also needs `#[serde(default)]`: serde treats a
//! missing field with `with` as an error, where a plain `Option` reads as `None`.

use chrono::{NaiveDate, NaiveDateTime, NaiveTime};
use serde::de::{self, Deserializer, Visitor};
use std::fmt;

/// A date as chrono's `FromStr` reads it, taking the shape chrono writes without chrono.
///
/// Errors: chrono's, for a text that is not a date.
pub fn read_date(s: &str) -> Result<NaiveDate, chrono::ParseError> {
    match fast_date(s.as_bytes()) {
        Some(d) => Ok(d),
        None => s.parse(),
    }
}

/// A date and time as chrono's `FromStr` reads it, taking the shapes chrono writes without
/// chrono.
///
/// Errors: chrono's, for a text that is not a date and time.
pub fn read_datetime(s: &str) -> Result<NaiveDateTime, chrono::ParseError> {
    match fast_datetime(s.as_bytes()) {
        Some(d) => Ok(d),
        None => s.parse(),
    }
}

/// Two ASCII digits at `at` as a number.
fn two(b: &[u8], at: usize) -> Option<u32> {
    let high = b.get(at)?.wrapping_sub(b'0');
    let low = b.get(at + 1)?.wrapping_sub(b'0');
    (high < 10 && low < 10).then(|| u32::from(high) * 10 + u32::from(low))
}

/// `YYYY-MM-DD` with a year of 0 to 9999; `None` for any other text or an impossible day.
fn fast_date(b: &[u8]) -> Option<NaiveDate> {
    if b.len() != 10 || b.get(4) != Some(&b'-') || b.get(7) != Some(&b'-') {
        return None;
    }
    let year = two(b, 0)? * 100 + two(b, 2)?;
    NaiveDate::from_ymd_opt(i32::try_from(year).ok()?, two(b, 5)?, two(b, 8)?)
}

/// `YYYY-MM-DDTHH:MM:SS` with an optional `.` and 1 to 9 digits; `None` otherwise, and for a
/// leap second (chrono reads those its own way).
fn fast_datetime(b: &[u8]) -> Option<NaiveDateTime> {
    let (date, rest) = (b.get(..10)?, b.get(10..)?);
    if rest.len() < 9 || rest.first() != Some(&b'T') {
        return None;
    }
    if rest.get(3) != Some(&b':') || rest.get(6) != Some(&b':') {
        return None;
    }
    let second = two(rest, 7).filter(|s| *s < 60)?;
    let nano = fraction(rest.get(9..)?)?;
    let time = NaiveTime::from_hms_nano_opt(two(rest, 1)?, two(rest, 4)?, second, nano)?;
    Some(fast_date(date)?.and_time(time))
}

/// Nanoseconds of `.f` to `.fffffffff` (nothing: 0).
fn fraction(b: &[u8]) -> Option<u32> {
    let digits = match b {
        [] => return Some(0),
        [b'.', digits @ ..] if (1..=9).contains(&digits.len()) => digits,
        _ => return None,
    };
    let mut n = 0u32;
    for c in digits {
        let d = c.wrapping_sub(b'0');
        if d > 9 {
            return None;
        }
        n = n * 10 + u32::from(d);
    }
    // At most 9 digits, so the scale is 10^0..=10^8.
    let scale = 10u32.pow(9 - u32::try_from(digits.len()).ok()?);
    Some(n * scale)
}

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
    use super::{OptionVisitor, DATE};
    use chrono::NaiveDate;
    use serde::{Deserializer, Serialize, Serializer};

    /// Writes chrono's bytes (chrono writes them).
    pub fn serialize<S: Serializer>(d: &NaiveDate, s: S) -> Result<S::Ok, S::Error> {
        d.serialize(s)
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
            d.serialize(s)
        }

        /// Errors: as [`super::deserialize`].
        pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Option<NaiveDate>, D::Error> {
            d.deserialize_option(OptionVisitor(DATE))
        }
    }
}

/// A `NaiveDateTime` field: `#[serde(with = "wire::datetime")]`.
pub mod datetime {
    use super::{OptionVisitor, DATETIME};
    use chrono::NaiveDateTime;
    use serde::{Deserializer, Serialize, Serializer};

    /// Writes chrono's bytes (chrono writes them).
    pub fn serialize<S: Serializer>(d: &NaiveDateTime, s: S) -> Result<S::Ok, S::Error> {
        d.serialize(s)
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
            d.serialize(s)
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
