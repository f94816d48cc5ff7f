use super::{read_date, read_datetime};
use chrono::{Datelike, NaiveDate, NaiveDateTime, NaiveTime};
use proptest::prelude::*;
use serde::{Deserialize, Serialize};

/// The four kinds of field, read and written through the wire module.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
struct Wired {
    #[serde(with = "super::date")]
    day: NaiveDate,
    #[serde(default, with = "super::date::option")]
    maybe_day: Option<NaiveDate>,
    #[serde(with = "super::datetime")]
    at: NaiveDateTime,
    #[serde(default, with = "super::datetime::option")]
    maybe_at: Option<NaiveDateTime>,
}

/// The same fields as chrono and serde write them on their own.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
struct Plain {
    day: NaiveDate,
    maybe_day: Option<NaiveDate>,
    at: NaiveDateTime,
    maybe_at: Option<NaiveDateTime>,
}

impl From<&Wired> for Plain {
    fn from(w: &Wired) -> Plain {
        Plain {
            day: w.day,
            maybe_day: w.maybe_day,
            at: w.at,
            maybe_at: w.maybe_at,
        }
    }
}

fn bincode_of<T: Serialize>(v: &T) -> Vec<u8> {
    bincode::serde::encode_to_vec(v, bincode::config::standard()).unwrap()
}

/// Writes `w` both ways in bincode and JSON, asserts the bytes are the same, and reads them
/// back through the wire module: owned (as the store reads) and borrowed.
fn same_bytes_and_back(w: &Wired) {
    let plain = Plain::from(w);
    let bytes = bincode_of(w);
    assert_eq!(bytes, bincode_of(&plain), "bincode of {w:?}");
    let json = serde_json::to_string(w).unwrap();
    assert_eq!(json, serde_json::to_string(&plain).unwrap());

    let cfg = bincode::config::standard();
    let (owned, used): (Wired, usize) = bincode::serde::decode_from_slice(&bytes, cfg).unwrap();
    assert_eq!((&owned, used), (w, bytes.len()));
    let (borrowed, _): (Wired, usize) =
        bincode::serde::borrow_decode_from_slice(&bytes, cfg).unwrap();
    assert_eq!(&borrowed, w);
    assert_eq!(&serde_json::from_str::<Wired>(&json).unwrap(), w);
    // What chrono wrote and reads, the wire module reads alike.
    let (chrono_back, _): (Plain, usize) = bincode::serde::decode_from_slice(&bytes, cfg).unwrap();
    assert_eq!(chrono_back, plain);
}

fn wired(day: NaiveDate, at: NaiveDateTime) -> Wired {
    Wired {
        day,
        maybe_day: Some(day),
        at,
        maybe_at: Some(at),
    }
}

fn ymd(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

/// Years at the edges of the shape chrono writes with four digits, and past them.
const EDGE_YEARS: [i32; 16] = [
    -262_143, -10_000, -1, 0, 1, 99, 999, 1000, 1899, 1900, 2000, 2026, 2100, 9999, 10_000, 262_142,
];

/// Fractions with 1 to 9 significant digits, each shape chrono writes (3, 6, 9 digits), and a
/// leap second.
const NANOS: [u32; 14] = [
    0,
    1,
    10,
    100_000,
    1_000_000,
    100_000_000,
    120_000_000,
    123_000_000,
    123_400_000,
    123_456_000,
    123_456_700,
    123_456_789,
    999_999_999,
    1_500_000_000,
];

#[test]
fn every_day_of_edge_years_and_every_kind_of_fraction_writes_chronos_bytes() {
    for year in EDGE_YEARS {
        let mut day = NaiveDate::from_yo_opt(year, 1);
        while let Some(d) = day.filter(|d| d.year() == year) {
            let at = d.and_hms_opt(10, 15, 0).unwrap();
            same_bytes_and_back(&wired(d, at));
            day = d.succ_opt();
        }
    }
    for nano in NANOS {
        for (h, m, s) in [(0, 0, 0), (10, 15, 7), (23, 59, 59)] {
            let Some(time) = NaiveTime::from_hms_nano_opt(h, m, s, nano) else {
                continue; // a leap second only at :59
            };
            for day in [
                ymd(0, 1, 1),
                ymd(2024, 2, 29),
                ymd(9999, 12, 31),
                ymd(-1, 3, 1),
            ] {
                same_bytes_and_back(&wired(day, day.and_time(time)));
            }
        }
    }
    let none = Wired {
        maybe_day: None,
        maybe_at: None,
        ..wired(
            ymd(2026, 11, 23),
            ymd(2026, 11, 23).and_hms_opt(9, 0, 0).unwrap(),
        )
    };
    same_bytes_and_back(&none);
}

/// Near-misses of the written shapes: each byte of a canonical text changed, dropped, or one
/// added. The fast path must agree with chrono on every one (same value, or both refuse).
#[test]
fn texts_near_the_written_shapes_read_as_chrono_reads_them() {
    let canon = [
        "2026-11-23",
        "2024-02-29T23:59:59",
        "0000-01-01T00:00:00.5",
        "9999-12-31T10:15:00.123456789",
    ];
    let bytes = b"0123456789-T:. +x\xc3";
    let mut tried = 0;
    for text in canon {
        for at in 0..=text.len() {
            let (head, tail) = text.as_bytes().split_at(at);
            for &b in bytes {
                let added = [head, &[b], tail].concat();
                let changed = [head, &[b], tail.get(1..).unwrap_or(&[])].concat();
                for v in [added, changed] {
                    agrees_with_chrono(&String::from_utf8_lossy(&v));
                    tried += 1;
                }
            }
            agrees_with_chrono(&String::from_utf8_lossy(head));
        }
    }
    assert!(tried > 1000);
}

fn agrees_with_chrono(s: &str) {
    assert_eq!(read_date(s).ok(), s.parse::<NaiveDate>().ok(), "date {s:?}");
    assert_eq!(
        read_datetime(s).ok(),
        s.parse::<NaiveDateTime>().ok(),
        "datetime {s:?}"
    );
}

#[test]
fn malformed_texts_are_errors_with_chronos_words() {
    for s in [
        "",
        "2026",
        "2026-13-01",
        "2026-02-30",
        "2025-02-29",
        "2026-1-23x",
        "२०२६-११-२३",
        "2026-11-23T24:00:00",
        "2026-11-23T10:60:00",
        "2026-11-23T10:15:00.",
        "2026-11-23T10:15:00.12a",
        "2026-11-23 garbage",
    ] {
        let want = s.parse::<NaiveDateTime>().map_err(|e| e.to_string());
        assert_eq!(read_datetime(s).map_err(|e| e.to_string()), want, "{s:?}");
        assert!(want.is_err(), "{s:?} should not read");
        let json = format!(
            r#"{{"day":"2026-11-23","at":{},"maybe_at":null}}"#,
            serde_json::to_string(s).unwrap()
        );
        let err = serde_json::from_str::<Wired>(&json)
            .unwrap_err()
            .to_string();
        assert!(err.contains(&want.unwrap_err()), "{err}");
        let bytes = bincode_of(&("2026-11-23", None::<&str>, s, None::<&str>));
        let read: Result<(Wired, usize), _> =
            bincode::serde::decode_from_slice(&bytes, bincode::config::standard());
        assert!(read.is_err(), "{s:?}");
    }
}

#[test]
fn a_missing_or_null_optional_date_reads_as_none() {
    let day = ymd(2026, 11, 23);
    let want = Wired {
        maybe_day: None,
        maybe_at: None,
        ..wired(day, day.and_hms_opt(10, 15, 0).unwrap())
    };
    let missing = r#"{"day":"2026-11-23","at":"2026-11-23T10:15:00"}"#;
    assert_eq!(serde_json::from_str::<Wired>(missing).unwrap(), want);
    let null =
        r#"{"day":"2026-11-23","maybe_day":null,"at":"2026-11-23T10:15:00","maybe_at":null}"#;
    assert_eq!(serde_json::from_str::<Wired>(null).unwrap(), want);
    assert!(serde_json::from_str::<Wired>(r#"{"at":"2026-11-23T10:15:00"}"#).is_err());
}

fn any_datetime() -> impl Strategy<Value = NaiveDateTime> {
    let years = prop_oneof![3 => 0i32..=9999, 1 => -262_143i32..=262_142];
    (years, 1u32..=366, 0u32..86_400, 0u32..2_000_000_000).prop_filter_map(
        "a date and time chrono can hold",
        |(y, ordinal, secs, nano)| {
            let time = NaiveTime::from_num_seconds_from_midnight_opt(secs, nano)?;
            Some(NaiveDate::from_yo_opt(y, ordinal)?.and_time(time))
        },
    )
}

proptest! {
    #[test]
    fn any_date_and_time_writes_chronos_bytes_and_reads_back(
        at in any_datetime(),
        other in any_datetime(),
        some in any::<bool>(),
    ) {
        let w = Wired {
            day: at.date(),
            maybe_day: some.then(|| other.date()),
            at,
            maybe_at: some.then_some(other),
        };
        same_bytes_and_back(&w);
    }

    #[test]
    fn any_text_of_digits_and_signs_reads_as_chrono_reads_it(
        s in r"[+-]?[0-9]{1,6}-[0-9]{1,3}-[0-9]{1,3}([T t][0-9]{1,3}:[0-9]{1,3}:[0-9]{1,3}(\.[0-9]{0,12})?)?",
    ) {
        agrees_with_chrono(&s);
    }

    #[test]
    fn any_text_at_all_is_an_answer_not_a_panic(s in ".{0,40}") {
        agrees_with_chrono(&s);
    }
}
