use super::*;
use crate::domain::{ActionId, ActionSummary, CaseId, Person, Side};
use crate::report::actions::out_of;

fn person(id: u64, name: &str) -> Person {
    Person::new(
        PersonId(id),
        name.into(),
        "gezinscoach".into(),
        "Wijkteam".into(),
        Side::Zorg,
    )
}

fn day(y: i32, m: u32, d: u32) -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(y, m, d)
}

/// Rows of every kind: texts with and without escapes, every owner case, no deadline, one
/// before, on and after today, a year chrono writes with a sign, done with and without a
/// fraction of a second.
fn rows() -> Vec<ActionSummary> {
    let texts = [
        ("Noor van Wijk", "groep 5", "Bellen met moeder"),
        (
            "\"Aa\" \u{1}Bé",
            "groep \\7",
            "regel 1\nregel 2\t\"x\" \u{7f} \u{2028}",
        ),
        ("王 🦄", "", ""),
        ("", "groep 8", "Çelik / Aydın"),
    ];
    let owners = [None, Some(1), Some(2), Some(99)];
    let deadlines = [
        None,
        day(2026, 11, 20),
        day(2026, 11, 23),
        day(2026, 11, 29),
        day(10_000, 1, 1),
        day(-3, 5, 1),
    ];
    let done = [
        None,
        day(2026, 11, 21).and_then(|d| d.and_hms_opt(9, 30, 0)),
        day(2026, 11, 21).and_then(|d| d.and_hms_micro_opt(9, 30, 1, 5)),
    ];
    let mut out = Vec::new();
    for (i, (child, groep, text)) in texts.iter().enumerate() {
        for (j, owner) in owners.iter().enumerate() {
            for (k, deadline) in deadlines.iter().enumerate() {
                for (l, done) in done.iter().enumerate() {
                    out.push(ActionSummary {
                        id: ActionId((i * 1000 + j * 100 + k * 10 + l) as u64),
                        case: CaseId(u64::MAX - i as u64),
                        child_name: (*child).into(),
                        groep: (*groep).into(),
                        text: (*text).into(),
                        owner: owner.map(PersonId),
                        side: if l % 2 == 0 {
                            Side::Zorg
                        } else {
                            Side::Onderwijs
                        },
                        deadline: *deadline,
                        done: *done,
                    });
                }
            }
        }
    }
    out
}

#[test]
fn every_kind_of_row_is_written_as_serde_json_writes_it() -> serde_json::Result<()> {
    let persons = [
        person(1, "Fenna de Vries"),
        person(2, "Jan \"JJ\" Bakker\\"),
    ];
    let today = NaiveDate::from_ymd_opt(2026, 11, 23).unwrap_or_default();
    let rows = rows();
    let views: Vec<ActionRowView> = rows.iter().map(ActionRowView::of).collect();
    for privacy in [false, true] {
        let names = Names::new(&persons, privacy);
        let mut want = Vec::new();
        for r in &rows {
            want.push(b',');
            serde_json::to_writer(&mut want, &out_of(r, &names, today))?;
        }
        let mut got = Vec::new();
        JsonRows::new(&names, today)?.write(&views, &mut got)?;
        assert_eq!(
            String::from_utf8_lossy(&got),
            String::from_utf8_lossy(&want)
        );
    }
    Ok(())
}
