//! The texts of dates on the wire, without chrono's general parser and formatter: the shapes
//! chrono writes, read and written by hand; `None` from a fast path sends the caller to chrono.

use chrono::{Datelike, NaiveDate, NaiveDateTime, NaiveTime, Timelike};

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

/// A date's text as chrono writes it, built without `fmt`: at most
/// `YYYY-MM-DDTHH:MM:SS.fffffffff`, 29 bytes.
#[derive(Default)]
pub(super) struct Written {
    bytes: [u8; 29],
    len: usize,
}

impl Written {
    fn push(&mut self, b: u8) {
        if let Some(slot) = self.bytes.get_mut(self.len) {
            *slot = b;
            self.len += 1;
        }
    }

    /// The lowest `count` decimal digits of `n`, zero-padded.
    fn digits(&mut self, n: u32, count: u32) {
        for place in (0..count).rev() {
            // `% 10` keeps the digit below 10, so it fits a byte.
            self.push(b'0' + (n / 10u32.pow(place) % 10) as u8);
        }
    }

    /// The text (`None` only if it were not ASCII, which it always is).
    pub(super) fn as_str(&self) -> Option<&str> {
        std::str::from_utf8(self.bytes.get(..self.len)?).ok()
    }
}

/// chrono's text of `d` (`2026-11-23`) when its year has four digits; `None` for a year
/// before 0 or past 9999 (chrono writes those with a sign).
pub(super) fn write_date(d: NaiveDate) -> Option<Written> {
    let mut w = Written::default();
    date_into(&mut w, d)?;
    Some(w)
}

fn date_into(w: &mut Written, d: NaiveDate) -> Option<()> {
    let year = u32::try_from(d.year()).ok().filter(|y| *y <= 9999)?;
    w.digits(year, 4);
    w.push(b'-');
    w.digits(d.month(), 2);
    w.push(b'-');
    w.digits(d.day(), 2);
    Some(())
}

/// chrono's text of `t`: the fraction as 3, 6 or 9 digits, the fewest that hold it, and none
/// for a whole second. `None` as [`write_date`], and for a leap second.
pub(super) fn write_datetime(t: NaiveDateTime) -> Option<Written> {
    let mut w = Written::default();
    date_into(&mut w, t.date())?;
    w.push(b'T');
    w.digits(t.hour(), 2);
    w.push(b':');
    w.digits(t.minute(), 2);
    w.push(b':');
    w.digits(t.second(), 2);
    let (value, count) = match t.nanosecond() {
        0 => return Some(w),
        n if n >= 1_000_000_000 => return None,
        n if n % 1_000_000 == 0 => (n / 1_000_000, 3),
        n if n % 1_000 == 0 => (n / 1_000, 6),
        n => (n, 9),
    };
    w.push(b'.');
    w.digits(value, count);
    Some(w)
}
