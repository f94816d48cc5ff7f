//! Every form of the date entry, with a fixed today.
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

#[test]
fn a_date_far_from_today_shows_its_year() {
    let today = ymd(2026, 11, 30);
    // Near, also across the turn of the year: the weekday form.
    assert_eq!(format_near(ymd(2026, 11, 27), today, Lang::Nl), "vr 27 nov");
    assert_eq!(format_near(ymd(2027, 1, 4), today, Lang::Nl), "ma 4 jan");
    assert_eq!(format_near(ymd(2026, 6, 1), today, Lang::En), "Mon 1 Jun");
    // A year ago and a year ahead: the whole date, never last November read as this one.
    assert_eq!(
        format_near(ymd(2025, 11, 27), today, Lang::Nl),
        "27-11-2025"
    );
    assert_eq!(
        format_near(ymd(2027, 11, 27), today, Lang::En),
        "27-11-2027"
    );
    // The edge: half a year (182 days) either way is near, a day more is not.
    let edge = today - chrono::Duration::days(182);
    assert_eq!(
        format_near(edge, today, Lang::Nl),
        format_short(edge, Lang::Nl)
    );
    let past = edge - chrono::Duration::days(1);
    assert_eq!(format_near(past, today, Lang::Nl), format_numeric(past));
    let ahead = today + chrono::Duration::days(183);
    assert_eq!(format_near(ahead, today, Lang::Nl), format_numeric(ahead));
}
