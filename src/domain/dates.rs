//! Dates as care-team members type and read them: Dutch first, English on request.
//!
//! "Today" is always passed in, never read from the clock, so every result is
//! reproducible in tests and the same on every machine.

use chrono::{Datelike, Days, Months, NaiveDate};

pub mod wire;

/// Which words the parser and formatter use.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, serde::Serialize, serde::Deserialize)]
pub enum Lang {
    #[default]
    Nl,
    En,
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum DateError {
    #[error("empty")]
    Empty,
    #[error("impossible date")]
    Impossible {
        day: u32,
        month: u32,
        year: Option<i32>,
    },
    #[error("not understood")]
    NotUnderstood(String),
    #[error("out of range")]
    OutOfRange,
}

// Anything outside this window is almost certainly a typo (a stray digit).
const MIN_YEAR: i32 = 1900;
const MAX_YEAR: i32 = 2200;

struct Names {
    weekdays: [&'static str; 7],
    weekdays_short: [&'static str; 7],
    months: [&'static str; 12],
    months_short: [&'static str; 12],
}

#[rustfmt::skip]
static NL: Names = Names {
    weekdays: ["maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag", "zondag"],
    weekdays_short: ["ma", "di", "wo", "do", "vr", "za", "zo"],
    months: [
        "januari", "februari", "maart", "april", "mei", "juni",
        "juli", "augustus", "september", "oktober", "november", "december",
    ],
    months_short: ["jan", "feb", "mrt", "apr", "mei", "jun", "jul", "aug", "sep", "okt", "nov", "dec"],
};

#[rustfmt::skip]
static EN: Names = Names {
    weekdays: ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"],
    weekdays_short: ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"],
    months: [
        "January", "February", "March", "April", "May", "June",
        "July", "August", "September", "October", "November", "December",
    ],
    months_short: ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"],
};

fn names(lang: Lang) -> &'static Names {
    match lang {
        Lang::Nl => &NL,
        Lang::En => &EN,
    }
}

// Both languages' words are accepted in either mode: no word names a different
// day or month in the other language, so leniency never changes a meaning.
const WEEKDAY_WORDS: [&[&str]; 7] = [
    &["ma", "maandag", "mon", "monday"],
    &["di", "dinsdag", "tue", "tues", "tuesday"],
    &["wo", "woensdag", "wed", "wednesday"],
    &["do", "donderdag", "thu", "thur", "thurs", "thursday"],
    &["vr", "vrijdag", "fri", "friday"],
    &["za", "zaterdag", "sat", "saturday"],
    &["zo", "zondag", "sun", "sunday"],
];

const MONTH_WORDS: [&[&str]; 12] = [
    &["jan", "januari", "january"],
    &["feb", "februari", "february"],
    &["mrt", "maa", "mar", "maart", "march"],
    &["apr", "april"],
    &["mei", "may"],
    &["jun", "juni", "june"],
    &["jul", "juli", "july"],
    &["aug", "augustus", "august"],
    &["sep", "sept", "september"],
    &["okt", "oct", "oktober", "october"],
    &["nov", "november"],
    &["dec", "december"],
];

const SEPARATORS: [char; 3] = ['-', '/', '.'];

type Found = Option<Result<NaiveDate, DateError>>;

#[derive(Clone, Copy)]
enum Unit {
    Days(u64),
    Months,
}

impl DateError {
    /// One calm sentence for the user, in `lang`.
    pub fn message(&self, lang: Lang) -> String {
        let nl = lang == Lang::Nl;
        match self {
            DateError::Empty if nl => "Vul een datum in, bijv. ‘vrijdag’ of ‘12-3’.".into(),
            DateError::Empty => "Please enter a date, e.g. ‘friday’ or ‘12-3’.".into(),
            DateError::Impossible { day, month, year } => {
                let what = describe(*day, *month, *year, lang);
                if nl {
                    format!("{what} bestaat niet.")
                } else {
                    format!("{what} does not exist.")
                }
            }
            DateError::NotUnderstood(text) if nl => format!(
                "‘{}’ is geen datum die ik begrijp. Probeer bijv. ‘vrijdag’, ‘+3d’, ‘12-3’ of ‘12-03-2027’.",
                shorten(text)
            ),
            DateError::NotUnderstood(text) => format!(
                "‘{}’ is not a date I understand. Try e.g. ‘friday’, ‘+3d’, ‘12-3’ or ‘12-03-2027’.",
                shorten(text)
            ),
            DateError::OutOfRange if nl => {
                "Die datum valt buiten het bereik; kies een jaar tussen 1900 en 2200.".into()
            }
            DateError::OutOfRange => {
                "That date is out of range; pick a year between 1900 and 2200.".into()
            }
        }
    }
}

fn describe(day: u32, month: u32, year: Option<i32>, lang: Lang) -> String {
    let month_name = month
        .checked_sub(1)
        .and_then(|i| names(lang).months.get(i as usize));
    match (month_name, year) {
        (Some(m), Some(y)) => format!("{day} {m} {y}"),
        (Some(m), None) => format!("{day} {m}"),
        (None, Some(y)) => format!("{day}-{month}-{y}"),
        (None, None) => format!("{day}-{month}"),
    }
}

// Keeps a pasted paragraph or escape sequence from wrecking a one-line status bar.
fn shorten(text: &str) -> String {
    const MAX: usize = 30;
    let clean: Vec<char> = text.chars().filter(|c| !c.is_control()).collect();
    let mut out: String = clean.iter().take(MAX).collect();
    if clean.len() > MAX {
        out.push('…');
    }
    out
}

/// Parses a date typed by the user (case-insensitive, extra spaces ignored).
///
/// A weekday name means the next such day, never today; use `vandaag`/`today`
/// for today (so on a Monday, `ma` is the Monday a week later, and `next friday`
/// is the same as `friday`). A day and month without a year mean the first such
/// date on or after today. Numbers are always day-month, also in English, since
/// the users are in the Netherlands. Dutch and English words are accepted under
/// either `lang`, because they never clash; `lang` is kept for callers' symmetry.
pub fn parse_date(input: &str, today: NaiveDate, _lang: Lang) -> Result<NaiveDate, DateError> {
    let text = input.trim();
    if text.is_empty() {
        return Err(DateError::Empty);
    }
    let norm = text.to_lowercase().replace(',', " ");
    let words: Vec<&str> = norm.split_whitespace().collect();
    match interpret(&words, today).or_else(|| after_weekday(&words, today)) {
        None => Err(DateError::NotUnderstood(text.to_string())),
        Some(Ok(d)) if !(MIN_YEAR..=MAX_YEAR).contains(&d.year()) => Err(DateError::OutOfRange),
        Some(found) => found,
    }
}

fn interpret(words: &[&str], today: NaiveDate) -> Found {
    let joined = words.join(" ");
    fixed_offset(&joined, today)
        .or_else(|| compact_shift(&joined, today))
        .or_else(|| numeric_date(&joined, today))
        .or_else(|| spelled_shift(words, today))
        .or_else(|| weekday_phrase(words, today))
        .or_else(|| text_date(words, today))
}

// Lets pasted `format_long`/`format_short` output parse back, but refuses a
// weekday that contradicts the date rather than guessing which one was meant.
fn after_weekday(words: &[&str], today: NaiveDate) -> Found {
    let [first, rest @ ..] = words else {
        return None;
    };
    let weekday = lookup(&WEEKDAY_WORDS, first)?;
    if rest.is_empty() {
        return None;
    }
    match interpret(rest, today)? {
        Ok(d) if d.weekday().num_days_from_monday() != weekday => None,
        found => Some(found),
    }
}

fn lookup(table: &[&[&str]], word: &str) -> Option<u32> {
    table
        .iter()
        .position(|words| words.contains(&word))
        .map(|i| i as u32)
}

fn fixed_offset(s: &str, today: NaiveDate) -> Found {
    let (back, n) = match s {
        "vandaag" | "today" => (false, 0),
        "morgen" | "tomorrow" => (false, 1),
        "overmorgen" | "day after tomorrow" => (false, 2),
        "gisteren" | "yesterday" => (true, 1),
        "eergisteren" | "day before yesterday" => (true, 2),
        _ => return None,
    };
    Some(apply(today, back, n, Unit::Days(1)))
}

fn unit_of(word: &str) -> Option<Unit> {
    Some(match word {
        "d" | "dag" | "dagen" | "day" | "days" => Unit::Days(1),
        "w" | "wk" | "week" | "weken" | "weeks" => Unit::Days(7),
        "m" | "mnd" | "maand" | "maanden" | "month" | "months" => Unit::Months,
        _ => return None,
    })
}

fn apply(today: NaiveDate, back: bool, n: u64, unit: Unit) -> Result<NaiveDate, DateError> {
    let moved = match unit {
        Unit::Days(k) => n.checked_mul(k).map(Days::new).and_then(|d| {
            if back {
                today.checked_sub_days(d)
            } else {
                today.checked_add_days(d)
            }
        }),
        // chrono clamps to the month's last day: 31 January + 1 month = 28/29 February.
        Unit::Months => u32::try_from(n).ok().map(Months::new).and_then(|m| {
            if back {
                today.checked_sub_months(m)
            } else {
                today.checked_add_months(m)
            }
        }),
    };
    moved.ok_or(DateError::OutOfRange)
}

fn shift(today: NaiveDate, back: bool, num: &str, unit: &str) -> Found {
    let unit = unit_of(unit)?;
    let num = if matches!(num, "een" | "a" | "an") {
        "1"
    } else {
        num
    };
    if num.is_empty() || !num.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    // All digits, so a parse failure can only be overflow.
    let n = num.parse::<u64>().map_err(|_| DateError::OutOfRange);
    Some(n.and_then(|n| apply(today, back, n, unit)))
}

/// `+3d`, `+ 2 w`, `-1m`, `+3dagen`.
fn compact_shift(s: &str, today: NaiveDate) -> Found {
    let back = match s.as_bytes().first() {
        Some(b'+') => false,
        Some(b'-') => true,
        _ => return None,
    };
    // The sign is one ASCII byte, so slicing after it stays on a char boundary.
    let rest: String = s[1..].split(' ').collect();
    let split = rest
        .find(|c: char| !c.is_ascii_digit())
        .unwrap_or(rest.len());
    let (num, unit) = rest.split_at(split);
    shift(today, back, num, unit)
}

fn spelled_shift(words: &[&str], today: NaiveDate) -> Found {
    match *words {
        ["over" | "in", num, unit] => shift(today, false, num, unit),
        [num, unit, "geleden" | "ago"] => shift(today, true, num, unit),
        _ => None,
    }
}

fn weekday_phrase(words: &[&str], today: NaiveDate) -> Found {
    let from_monday = u64::from(today.weekday().num_days_from_monday());
    let to_next_monday = 7 - from_monday;
    let ahead = match *words {
        ["volgende" | "next", "week"] => to_next_monday,
        ["volgende" | "next", "week", day] => {
            to_next_monday + u64::from(lookup(&WEEKDAY_WORDS, day)?)
        }
        ["volgende" | "next", day] | [day] => {
            let target = u64::from(lookup(&WEEKDAY_WORDS, day)?);
            // 1..=7 days ahead: the same weekday as today means a week later.
            (target + 6 - from_monday) % 7 + 1
        }
        _ => return None,
    };
    Some(apply(today, false, ahead, Unit::Days(1)))
}

/// One or two digits, so day and month parsing can never overflow.
fn small(s: &str) -> Option<u32> {
    if (1..=2).contains(&s.len()) && s.bytes().all(|b| b.is_ascii_digit()) {
        s.parse().ok()
    } else {
        None
    }
}

/// `12-3`, `12/3/2027`, `12.3.27`, ISO `2027-03-12`.
fn numeric_date(s: &str, today: NaiveDate) -> Found {
    let allowed = |c: char| c.is_ascii_digit() || SEPARATORS.contains(&c);
    if !s.contains(SEPARATORS) || !s.chars().all(allowed) {
        return None;
    }
    let parts: Vec<&str> = s.split(SEPARATORS).collect();
    match parts[..] {
        [year, month, day] if year.len() > 2 => dated(today, day, small(month)?, Some(year)),
        [day, month, year] => dated(today, day, small(month)?, Some(year)),
        [day, month] => dated(today, day, small(month)?, None),
        _ => None,
    }
}

/// `12 maart`, `12 mrt 2027`, `March 12, 2027`.
fn text_date(words: &[&str], today: NaiveDate) -> Found {
    let (a, b, year) = match *words {
        [a, b] => (a, b, None),
        [a, b, y] => (a, b, Some(y)),
        _ => return None,
    };
    let month_of = |w: &str| lookup(&MONTH_WORDS, w.trim_end_matches('.')).map(|i| i + 1);
    match (month_of(a), month_of(b)) {
        (None, Some(month)) => dated(today, a, month, year),
        (Some(month), None) => dated(today, b, month, year),
        _ => None,
    }
}

fn dated(today: NaiveDate, day: &str, month: u32, year: Option<&str>) -> Found {
    let day = small(day)?;
    let Some(year) = year else {
        return Some(next_day_month(today, day, month));
    };
    if year.is_empty() || !year.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let year = match year.parse::<i32>() {
        // Two-digit years are always this century: nobody plans a meeting for 1927.
        Ok(y) if year.len() <= 2 => 2000 + y,
        Ok(y) if (MIN_YEAR..=MAX_YEAR).contains(&y) => y,
        _ => return Some(Err(DateError::OutOfRange)),
    };
    let impossible = DateError::Impossible {
        day,
        month,
        year: Some(year),
    };
    Some(NaiveDate::from_ymd_opt(year, month, day).ok_or(impossible))
}

fn next_day_month(today: NaiveDate, day: u32, month: u32) -> Result<NaiveDate, DateError> {
    // 2000 is a leap year, so this rejects exactly the day-months no year has.
    if NaiveDate::from_ymd_opt(2000, month, day).is_none() {
        return Err(DateError::Impossible {
            day,
            month,
            year: None,
        });
    }
    // Any nine consecutive years hold a 29 February (2100 makes the longest gap).
    (0..=8)
        .filter_map(|k| today.year().checked_add(k))
        .find_map(|y| NaiveDate::from_ymd_opt(y, month, day).filter(|d| *d >= today))
        .ok_or(DateError::OutOfRange)
}

/// nl: "vrijdag 27 november 2026"; en: "Friday 27 November 2026".
pub fn format_long(date: NaiveDate, lang: Lang) -> String {
    let n = names(lang);
    let weekday = n.weekdays[date.weekday().num_days_from_monday() as usize];
    let month = n.months[date.month0() as usize];
    format!("{weekday} {} {month} {}", date.day(), date.year())
}

/// nl: "vr 27 nov"; en: "Fri 27 Nov" (for narrow table columns).
pub fn format_short(date: NaiveDate, lang: Lang) -> String {
    let month = names(lang).months_short[date.month0() as usize];
    format!("{} {} {month}", weekday_short(date, lang), date.day())
}

/// How far from today (days, either way) a date shows without its year: half a year, as
/// `ls -l` does, so a date of another year is never read as one of this year.
const NEAR_DAYS: i64 = 182;

/// A date in a narrow column or list: [`format_short`] ("vr 27 nov") within half a year of
/// `today`, else [`format_numeric`] ("27-11-2025", also ten characters at most). A deadline of
/// last November is not shown as this November's.
pub fn format_near(date: NaiveDate, today: NaiveDate, lang: Lang) -> String {
    if (date - today).num_days().abs() <= NEAR_DAYS {
        format_short(date, lang)
    } else {
        format_numeric(date)
    }
}

/// "27-11-2026".
pub fn format_numeric(date: NaiveDate) -> String {
    date.format("%d-%m-%Y").to_string()
}

/// The last day of `today`'s week: the Sunday on or after it (weeks start on Monday, as in the
/// Netherlands). "Deze week" on screen 3 and `--due week` both end here.
pub fn end_of_week(today: NaiveDate) -> NaiveDate {
    today + chrono::Duration::days(6 - i64::from(today.weekday().num_days_from_monday()))
}

/// "vr" / "Fri".
pub fn weekday_short(date: NaiveDate, lang: Lang) -> &'static str {
    names(lang).weekdays_short[date.weekday().num_days_from_monday() as usize]
}

#[cfg(test)]
mod tests;
