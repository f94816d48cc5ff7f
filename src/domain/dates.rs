//! Dates as care-team members type and read them: Dutch first, English on request.
//!
//! "Today" is always passed in, never read from the clock, so every result is
//! reproducible in tests and the same on every machine.

use chrono::{Datelike, Days, Months, NaiveDate};

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

/// "27-11-2026".
pub fn format_numeric(date: NaiveDate) -> String {
    date.format("%d-%m-%Y").to_string()
}

/// "vr" / "Fri".
pub fn weekday_short(date: NaiveDate, lang: Lang) -> &'static str {
    names(lang).weekdays_short[date.weekday().num_days_from_monday() as usize]
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ymd(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    /// Monday 23 November 2026.
    fn today() -> NaiveDate {
        ymd(2026, 11, 23)
    }

    /// `cases` is `input=yyyy-mm-dd` pairs separated by `|`, to keep the tables dense.
    fn check(lang: Lang, cases: &str) {
        for case in cases.split('|') {
            let (input, want) = case.split_once('=').unwrap();
            let want = NaiveDate::parse_from_str(want.trim(), "%Y-%m-%d").unwrap();
            assert_eq!(
                parse_date(input, today(), lang),
                Ok(want),
                "{input:?} ({lang:?})"
            );
        }
    }

    #[test]
    fn dutch_words() {
        check(
            Lang::Nl,
            "vandaag=2026-11-23|morgen=2026-11-24|overmorgen=2026-11-25|gisteren=2026-11-22|\
             eergisteren=2026-11-21|  VANDAAG =2026-11-23|ma=2026-11-30|di=2026-11-24|\
             wo=2026-11-25|do=2026-11-26|vr=2026-11-27|za=2026-11-28|zo=2026-11-29|\
             maandag=2026-11-30|dinsdag=2026-11-24|woensdag=2026-11-25|donderdag=2026-11-26|\
             vrijdag=2026-11-27|zaterdag=2026-11-28|zondag=2026-11-29|\
             volgende vrijdag=2026-11-27|volgende week=2026-11-30|volgende week vr=2026-12-04|\
             volgende week vrijdag=2026-12-04|  Volgende   Week  VR =2026-12-04",
        );
    }

    #[test]
    fn dutch_relative() {
        check(
            Lang::Nl,
            "+3d=2026-11-26|+3 d=2026-11-26|+2w=2026-12-07|+1m=2026-12-23|-2d=2026-11-21|\
             + 3 dagen=2026-11-26|over 3 dagen=2026-11-26|over 1 dag=2026-11-24|\
             over 2 weken=2026-12-07|over 1 week=2026-11-30|over een week=2026-11-30|\
             over 2 maanden=2027-01-23|over 1 maand=2026-12-23|3 dagen geleden=2026-11-20|\
             2 weken geleden=2026-11-09",
        );
    }

    #[test]
    fn dutch_calendar_dates() {
        check(
            Lang::Nl,
            "12-3=2027-03-12|12/3=2027-03-12|12.3=2027-03-12|12-03=2027-03-12|\
             12 maart=2027-03-12|12 mrt=2027-03-12|12 maa=2027-03-12|12 Mrt.=2027-03-12|\
             23-11=2026-11-23|22-11=2027-11-22|29-2=2028-02-29|1 jan=2027-01-01|\
             5 mei=2027-05-05|3 sept=2027-09-03|3 okt=2027-10-03|24 dec=2026-12-24|\
             12-03-2027=2027-03-12|12/3/2027=2027-03-12|12.3.2027=2027-03-12|\
             12 maart 2027=2027-03-12|2027-03-12=2027-03-12|12-3-27=2027-03-12|\
             1-1-1999=1999-01-01|vrijdag 27 november 2026=2026-11-27|vr 27 nov=2026-11-27",
        );
    }

    #[test]
    fn english_inputs() {
        check(
            Lang::En,
            "today=2026-11-23|Tomorrow=2026-11-24|yesterday=2026-11-22|\
             day after tomorrow=2026-11-25|mon=2026-11-30|tue=2026-11-24|wed=2026-11-25|\
             thu=2026-11-26|fri=2026-11-27|sat=2026-11-28|sun=2026-11-29|monday=2026-11-30|\
             Friday=2026-11-27|sunday=2026-11-29|next friday=2026-11-27|next week=2026-11-30|\
             next week fri=2026-12-04|+3d=2026-11-26|+2w=2026-12-07|+1m=2026-12-23|\
             in 3 days=2026-11-26|in 1 day=2026-11-24|in 2 weeks=2026-12-07|\
             in 1 month=2026-12-23|3 days ago=2026-11-20|12-3=2027-03-12|12 March=2027-03-12|\
             12 mar=2027-03-12|March 12=2027-03-12|March 12, 2027=2027-03-12|\
             12-03-2027=2027-03-12|2027-03-12=2027-03-12|Friday 27 November 2026=2026-11-27|\
             Fri 27 Nov=2026-11-27",
        );
        // The vocabularies never clash, so the other language's words work too.
        check(Lang::En, "vr=2026-11-27|12 mei=2027-05-12");
        check(Lang::Nl, "tomorrow=2026-11-24|12 may=2027-05-12");
    }

    #[test]
    fn month_arithmetic_clamps() {
        let run = |input, today| parse_date(input, today, Lang::Nl);
        assert_eq!(run("+1m", ymd(2027, 1, 31)), Ok(ymd(2027, 2, 28)));
        assert_eq!(run("+1m", ymd(2028, 1, 31)), Ok(ymd(2028, 2, 29)));
        assert_eq!(run("-1m", ymd(2027, 3, 31)), Ok(ymd(2027, 2, 28)));
    }

    #[test]
    fn errors() {
        use DateError::*;
        let impossible = |day, month, year| Impossible { day, month, year };
        let cases = [
            ("", Empty),
            ("   ", Empty),
            ("31-02-2027", impossible(31, 2, Some(2027))),
            ("0-1-2027", impossible(0, 1, Some(2027))),
            ("12-13-2027", impossible(12, 13, Some(2027))),
            ("31 feb 2027", impossible(31, 2, Some(2027))),
            ("31-4", impossible(31, 4, None)),
            ("30-2", impossible(30, 2, None)),
            ("blabla", NotUnderstood("blabla".into())),
            (" 🙂 ", NotUnderstood("🙂".into())),
            ("za 27 nov", NotUnderstood("za 27 nov".into())),
            ("+3", NotUnderstood("+3".into())),
            ("12--3", NotUnderstood("12--3".into())),
            ("+99999999999d", OutOfRange),
            ("+999999999999999999999999999d", OutOfRange),
            ("+99999d", OutOfRange),
            ("-99999999999w", OutOfRange),
            ("+9999999999m", OutOfRange),
            ("99999999-1-1", OutOfRange),
            ("1-1-1800", OutOfRange),
        ];
        for (input, want) in cases {
            for lang in [Lang::Nl, Lang::En] {
                assert_eq!(
                    parse_date(input, today(), lang),
                    Err(want.clone()),
                    "{input:?}"
                );
            }
        }
    }

    #[test]
    fn formatting() {
        let friday = parse_date("vr", today(), Lang::Nl).unwrap();
        assert_eq!(friday, ymd(2026, 11, 27));
        assert_eq!(format_long(friday, Lang::Nl), "vrijdag 27 november 2026");
        assert_eq!(format_long(friday, Lang::En), "Friday 27 November 2026");
        assert_eq!(format_short(friday, Lang::Nl), "vr 27 nov");
        assert_eq!(format_short(friday, Lang::En), "Fri 27 Nov");
        assert_eq!(format_short(ymd(2027, 3, 1), Lang::Nl), "ma 1 mrt");
        assert_eq!(format_numeric(friday), "27-11-2026");
        assert_eq!(format_numeric(ymd(2027, 3, 5)), "05-03-2027");
        assert_eq!(weekday_short(friday, Lang::Nl), "vr");
        assert_eq!(weekday_short(friday, Lang::En), "Fri");
    }

    #[test]
    fn messages() {
        let bad = DateError::Impossible {
            day: 31,
            month: 2,
            year: Some(2027),
        };
        assert_eq!(bad.message(Lang::Nl), "31 februari 2027 bestaat niet.");
        assert_eq!(bad.message(Lang::En), "31 February 2027 does not exist.");
        let no_year = DateError::Impossible {
            day: 31,
            month: 4,
            year: None,
        };
        assert_eq!(no_year.message(Lang::Nl), "31 april bestaat niet.");
        let month13 = DateError::Impossible {
            day: 12,
            month: 13,
            year: Some(2027),
        };
        assert_eq!(month13.message(Lang::En), "12-13-2027 does not exist.");
        let blabla = DateError::NotUnderstood("blabla".into());
        assert_eq!(
            blabla.message(Lang::Nl),
            "‘blabla’ is geen datum die ik begrijp. \
             Probeer bijv. ‘vrijdag’, ‘+3d’, ‘12-3’ of ‘12-03-2027’."
        );
        assert_eq!(
            blabla.message(Lang::En),
            "‘blabla’ is not a date I understand. \
             Try e.g. ‘friday’, ‘+3d’, ‘12-3’ or ‘12-03-2027’."
        );
        let long = DateError::NotUnderstood(format!("\u{1b}[2J{}", "x".repeat(100)));
        assert!(!long.message(Lang::En).contains('\u{1b}'));
        assert!(long.message(Lang::En).contains("xxx…’"));
        for e in [DateError::Empty, DateError::OutOfRange] {
            assert!(e.message(Lang::Nl).contains("datum"));
            assert!(e.message(Lang::En).contains("date"));
        }
    }

    #[test]
    fn odd_inputs_never_panic() {
        const PIECES: [&str; 24] = [
            "1",
            "29",
            "0",
            "-",
            "/",
            ".",
            " ",
            "+",
            "d",
            "m",
            "w",
            "vr",
            "week",
            "volgende",
            "over",
            "ago",
            "🙂",
            "İ",
            "ß\u{0}",
            "99999999999",
            "2027",
            "feb",
            ",",
            "next",
        ];
        let mut seed: u64 = 0x2545_F491_4F6C_DD1D;
        for _ in 0..600 {
            seed = seed.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1);
            let mut s = String::new();
            for k in 0..=(seed >> 60) % 7 {
                s.push_str(PIECES[(seed >> (8 * k + 3)) as usize % PIECES.len()]);
            }
            for lang in [Lang::Nl, Lang::En] {
                match parse_date(&s, today(), lang) {
                    Ok(d) => assert!((MIN_YEAR..=MAX_YEAR).contains(&d.year()), "{s:?}"),
                    Err(e) => assert!(!e.message(lang).is_empty()),
                }
            }
        }
    }
}
