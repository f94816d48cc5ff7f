//! The measures as rows (a stable key, a label, a value), with the small-count rule applied:
//! what the table, the CSV and the JSON's `measures` all show.

use super::Stats;
use crate::domain::monitor::rule::{self, Shown};
use crate::domain::monitor::{Histogram, Tally, WITHIN_DAYS};
use crate::domain::{Outcome, Side};
use crate::i18n::{monitor as m, words, Lang, Text};

/// One shown value.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Value {
    Count(Shown),
    /// A median, in days or people; `None`: built on fewer than 5 cases, left out.
    Median(Option<f64>),
    /// A share from 0 to 1; `None`: built on fewer than 5 cases, left out.
    Share(Option<f64>),
}

/// One measure as shown.
#[derive(Debug, Clone, PartialEq)]
pub struct Row {
    /// Stable and in English, for scripts: `signal_to_intake.median_days`.
    pub key: String,
    pub section: Text,
    pub label: String,
    pub value: Value,
}

/// The bins of the days charts: 0–7 (within the week), 8–14, 15–28, 29 and more.
pub const DAY_BINS: [(u32, Option<u32>); 4] = [
    (0, Some(WITHIN_DAYS)),
    (8, Some(14)),
    (15, Some(28)),
    (29, None),
];
/// Faces from 0 up to this shown one by one; this many and more in one bar.
pub const FACES_OR_MORE: u32 = 5;

fn count(n: u64) -> Value {
    Value::Count(rule::count(n))
}

fn median(h: &Histogram) -> Value {
    Value::Median(h.median().filter(|_| rule::enough(h.total())))
}

fn share(part: u64, whole: u64) -> Value {
    Value::Share((rule::enough(whole)).then(|| part as f64 / whole as f64))
}

/// Values from `low` to `high` (open: to the end).
pub fn in_bin(h: &Histogram, low: u32, high: Option<u32>) -> u64 {
    h.iter()
        .filter(|(v, _)| *v >= low && high.is_none_or(|hi| *v <= hi))
        .map(|(_, n)| n)
        .sum()
}

/// Every measure of `stats`, in the order shown.
pub fn rows(stats: &Stats, lang: Lang) -> Vec<Row> {
    let t = &stats.counts;
    let mut out = Vec::new();
    let mut push = |key: String, section: Text, label: String, value: Value| {
        out.push(Row {
            key,
            section,
            label,
            value,
        })
    };
    let durations = [
        (
            "signal_to_intake",
            m::SEC_INTAKE,
            &t.signal_to_intake,
            m::INTAKES,
            t.without_intake,
            m::WITHOUT_INTAKE,
        ),
        (
            "intake_to_action",
            m::SEC_ACTION,
            &t.intake_to_action,
            m::WITH_ACTION,
            t.intake_without_action,
            m::WITHOUT_ACTION,
        ),
    ];
    for (key, sec, h, what, missing, missing_label) in durations {
        push(
            format!("{key}.cases"),
            sec,
            what.get(lang).into(),
            count(h.total()),
        );
        push(
            format!("{key}.median_days"),
            sec,
            m::MEDIAN_DAYS.get(lang).into(),
            median(h),
        );
        let within = share(h.at_most(WITHIN_DAYS), h.total());
        push(
            format!("{key}.within_7_days"),
            sec,
            m::WITHIN_WEEK.get(lang).into(),
            within,
        );
        for (low, high) in DAY_BINS {
            let k = high.map_or(format!("{key}.days_{low}_plus"), |h| {
                format!("{key}.days_{low}_{h}")
            });
            push(
                k,
                sec,
                m::days_bin(low, high, lang),
                count(in_bin(h, low, high)),
            );
        }
        push(
            format!("{key}.still_waiting"),
            sec,
            missing_label.get(lang).into(),
            count(missing),
        );
    }
    closed_rows(t, lang, &mut push);
    faces_rows(t, lang, &mut push);
    action_rows(t, lang, &mut push);
    new_case_rows(t, lang, &mut push);
    out
}

type Push<'a> = dyn FnMut(String, Text, String, Value) + 'a;

fn closed_rows(t: &Tally, lang: Lang, push: &mut Push) {
    let sec = m::SEC_CLOSED;
    let c = &t.closings;
    push(
        "closed.total".into(),
        sec,
        m::CLOSINGS.get(lang).into(),
        count(c.total()),
    );
    for o in Outcome::ALL {
        let key = format!("closed.{}", outcome_key(o));
        push(
            key,
            sec,
            words::outcome(o).get(lang).into(),
            count(c.get(o)),
        );
    }
    let without = share(c.without_referral(), c.total());
    push(
        "closed.without_referral".into(),
        sec,
        m::WITHOUT_REFERRAL.get(lang).into(),
        without,
    );
}

fn outcome_key(o: Outcome) -> &'static str {
    match o {
        Outcome::ZelfstandigVerder => "zelfstandig_verder",
        Outcome::KortdurendeInterventie => "kortdurende_interventie",
        Outcome::VerwezenJeugdhulp => "verwezen_jeugdhulp",
        Outcome::Anders => "anders",
    }
}

fn faces_rows(t: &Tally, lang: Lang, push: &mut Push) {
    let sec = m::SEC_FACES;
    let h = &t.faces;
    push(
        "faces.families".into(),
        sec,
        m::FAMILIES.get(lang).into(),
        count(h.total()),
    );
    push(
        "faces.median".into(),
        sec,
        m::MEDIAN.get(lang).into(),
        median(h),
    );
    for n in 0..=FACES_OR_MORE {
        let or_more = n == FACES_OR_MORE;
        let high = (!or_more).then_some(n);
        let key = if or_more {
            format!("faces.{n}_plus")
        } else {
            format!("faces.{n}")
        };
        push(
            key,
            sec,
            m::faces_bin(n, or_more, lang),
            count(in_bin(h, n, high)),
        );
    }
}

fn action_rows(t: &Tally, lang: Lang, push: &mut Push) {
    let sec = m::SEC_ACTIONS;
    for side in Side::ALL {
        let s = side.key();
        let w = words::side(side).get(lang);
        push(
            format!("actions.{s}.open"),
            sec,
            format!("{w}: {}", m::OPEN.get(lang)),
            count(t.open.get(side)),
        );
        push(
            format!("actions.{s}.overdue"),
            sec,
            format!("{w}: {}", m::OVERDUE.get(lang)),
            count(t.overdue.get(side)),
        );
        push(
            format!("actions.{s}.due"),
            sec,
            format!("{w}: {}", m::DUE.get(lang)),
            count(t.due.get(side)),
        );
        let on_time = share(t.on_time.get(side), t.due.get(side));
        push(
            format!("actions.{s}.on_time"),
            sec,
            format!("{w}: {}", m::ON_TIME.get(lang)),
            on_time,
        );
    }
    let all = share(t.on_time.total(), t.due.total());
    let label = format!("{}: {}", m::TOTAL.get(lang), m::ON_TIME.get(lang));
    push("actions.on_time".into(), sec, label, all);
}

fn new_case_rows(t: &Tally, lang: Lang, push: &mut Push) {
    let sec = m::SEC_NEW;
    let months = t.new_cases.iter().map(|(k, v)| (k.clone(), *v));
    let total = std::iter::once(("total".to_string(), t.new_cases_total()));
    for (month, counts) in months.chain(total) {
        let shown = if month == "total" {
            m::TOTAL.get(lang).to_string()
        } else {
            month.clone()
        };
        for source in crate::domain::monitor::BySource::ALL {
            let s = words::signal(source);
            let key = format!(
                "new_cases.{month}.{}",
                crate::i18n::words::signal(source).nl
            );
            push(
                key,
                sec,
                format!("{shown} · {}", s.get(lang)),
                count(counts.get(source)),
            );
        }
    }
}
