//! `tandem minutes latest --for PERSON` (issue 11, part 2) on a fixed data set checked by hand.
//!
//! The shared fixture (tests/it/common) plus one meeting today with all six cases on the agenda,
//! and the consents set here:
//!
//! | case      | Fatima El Amrani | Jeroen Bakker |
//! | --------- | ---------------- | ------------- |
//! | Emre      | geweigerd        | gegeven       |
//! | Elif      | gegeven          | —             |
//! | Minh      | gegeven          | gegeven       |
//! | Yasmina   | — (not asked)    | —             |
//! | 王小明    | niet gevraagd    | —             |
//! | Zoë       | gegeven          | geweigerd     |
//!
//! So for Fatima: in Elif, Minh, Zoë; out Emre, Yasmina, 王小明 (3 of 6). For Jeroen: in Emre and
//! Minh; out the other four.

use crate::common::*;
use serde_json::Value;
use std::path::Path;
use tandem::domain::{
    AgendaItem, Agreement, CaseId, Consent, ConsentStatus, Meeting, PersonId, Reason,
};
use tandem::store::Store;
use tempfile::TempDir;

/// The agreement recorded for each case: a text that must only appear where the case may.
fn agreement_of(case: &str) -> String {
    format!("Afspraak over de casus van {case}")
}

struct Set {
    dir: TempDir,
    fx: Fixture,
    /// The cases in agenda order, with the name used in [`agreement_of`].
    agenda: Vec<(CaseId, &'static str)>,
}

fn set_consent(store: &mut Store, case: CaseId, person: PersonId, status: ConsentStatus) {
    let t = at(day(2026, 11, 20), 9, 0);
    edit_case(store, t, case, |c| {
        c.set_consent(Consent {
            person,
            status,
            date: Some(t.date()),
            note: "moeder mondeling".into(),
            given_by: String::new(),
        });
    });
}

fn data_set() -> Set {
    let (dir, mut store, fx) = store_with_fixture();
    use ConsentStatus::{Gegeven, Geweigerd, NietGevraagd};
    // Emre: Jeroen gegeven and Fatima geweigerd come with the fixture.
    for (case, person, status) in [
        (fx.case_elif, fx.fatima, Gegeven),
        (fx.case_minh, fx.fatima, Gegeven),
        (fx.case_minh, fx.jeroen, Gegeven),
        (fx.case_xiaoming, fx.fatima, NietGevraagd),
        (fx.case_zoe, fx.fatima, Gegeven),
        (fx.case_zoe, fx.jeroen, Geweigerd),
    ] {
        set_consent(&mut store, case, person, status);
    }
    let agenda = vec![
        (fx.case_emre, "Emre"),
        (fx.case_elif, "Elif"),
        (fx.case_minh, "Minh"),
        (fx.case_yasmina, "Yasmina"),
        (fx.case_xiaoming, "Xiaoming"),
        (fx.case_zoe, "Zoe"),
    ];
    let t = at(today(), 8, 30);
    let mut ch = store.begin();
    let id = ch.meeting_id();
    let items = agenda
        .iter()
        .map(|(case, name)| AgendaItem {
            case: *case,
            reasons: vec![Reason::Flagged],
            notes: String::new(),
            agreements: vec![Agreement {
                text: agreement_of(name),
                at: t,
            }],
            actions_added: if *case == fx.case_emre {
                vec![fx.a_friday]
            } else if *case == fx.case_minh {
                vec![fx.a_today]
            } else {
                vec![]
            },
            actions_done: if *case == fx.case_elif {
                vec![fx.a_done_elif]
            } else {
                vec![]
            },
            timebox_minutes: 10,
            seconds_spent: 300,
            discussed: true,
        })
        .collect();
    ch.put_meeting(Meeting {
        id,
        date: today(),
        attendees: vec![fx.sanne, fx.jeroen],
        items,
        started: Some(t),
        ended: Some(at(today(), 9, 30)),
        current: 0,
    });
    store.commit(ch).expect("commit the meeting");
    drop(store);
    wait_unlocked(dir.path());
    Set { dir, fx, agenda }
}

fn ok(dir: &Path, args: &[&str]) -> String {
    let (ok, stdout, stderr) = run(dir, args);
    assert!(ok, "{args:?}: {stderr}");
    assert_eq!(stderr, "", "{args:?}: nothing on stderr");
    stdout
}

/// The action texts of each case in the fixture (every one, open or done).
fn action_texts(case: &str) -> &'static [&'static str] {
    match case {
        "Emre" => &[
            "Handvatten voor de leerkracht",
            "Gesprek met moeder over slaap",
            "Mee naar de kledingbank",
            "Observatie in de klas",
        ],
        "Elif" => &["Gesprek met Elif"],
        "Minh" => &[
            "Huisbezoek jeugdverpleegkundige",
            "Overdracht naar groep 8 voorbereiden",
        ],
        "Yasmina" => &["Budgetcoach inschakelen", "Plek vooraan in de klas"],
        "Xiaoming" => &["Formulieren invullen"],
        "Zoe" => &["Kanjertraining aanvragen", "Jongerenwerker vragen"],
        other => panic!("{other}"),
    }
}

/// Checks one recipient's Markdown and JSON: exactly the cases in `want_in`, and nothing of the
/// others, not their agreements, not their actions, not their case numbers.
fn check_recipient(set: &Set, who: &str, want_in: &[&str], count_line: &str) {
    let d = set.dir.path();
    let md = ok(d, &["minutes", "latest", "--for", who]);
    assert!(md.contains(count_line), "{who}: {count_line:?} in\n{md}");
    for (case, name) in &set.agenda {
        let shown = want_in.contains(name);
        let heading = format!("· casus {} ·", case.0);
        assert_eq!(
            md.contains(&heading),
            shown,
            "{who}: {name}'s heading\n{md}"
        );
        assert_eq!(
            md.contains(&agreement_of(name)),
            shown,
            "{who}: {name}\n{md}"
        );
        // The open ones of a case shown are listed per owner; none of a case left out is.
        if !shown {
            for text in action_texts(name) {
                assert!(!md.contains(text), "{who}: {name}'s action {text:?}\n{md}");
            }
        }
    }
    let json: Value = serde_json::from_str(&ok(
        d,
        &["minutes", "latest", "--for", who, "--format", "json"],
    ))
    .expect("JSON");
    let cases: Vec<u64> = json["items"]
        .as_array()
        .expect("items")
        .iter()
        .map(|i| i["case"].as_u64().expect("case"))
        .collect();
    let want: Vec<u64> = set
        .agenda
        .iter()
        .filter(|(_, n)| want_in.contains(n))
        .map(|(c, _)| c.0)
        .collect();
    assert_eq!(cases, want, "{who}: the cases in agenda order");
    assert_eq!(json["for"]["left_out"], set.agenda.len() - want.len());
    assert_eq!(json["for"]["total"], set.agenda.len());
}

#[test]
fn minutes_for_a_recipient_hold_only_the_cases_with_consent() {
    let set = data_set();
    let fx = &set.fx;
    check_recipient(
        &set,
        "Fatima",
        &["Elif", "Minh", "Zoe"],
        "Verslag voor Fatima El Amrani. 3 van de 6 casussen zijn weggelaten",
    );
    check_recipient(
        &set,
        &fx.jeroen.0.to_string(),
        &["Emre", "Minh"],
        "Verslag voor Jeroen Bakker. 4 van de 6 casussen zijn weggelaten",
    );
    // Lotte has no consent anywhere: only the count, and no open action of anyone's case.
    let md = ok(
        set.dir.path(),
        &["minutes", "latest", "--for", "lotte mulder"],
    );
    assert!(md.contains("6 van de 6 casussen zijn weggelaten"), "{md}");
    assert!(!md.contains("- [ ]"), "no open actions listed\n{md}");

    // Fatima's open actions, by hand: Minh's home visit (hers), Minh's handover (Sanne), Zoë's
    // training (Pieter) and the one without owner; Emre's and Yasmina's are not there.
    let md = ok(set.dir.path(), &["minutes", "latest", "--for", "Fatima"]);
    let open = md
        .split("## Open acties per eigenaar")
        .nth(1)
        .expect("the open actions");
    for text in [
        "Huisbezoek jeugdverpleegkundige",
        "Overdracht naar groep 8 voorbereiden",
        "Kanjertraining aanvragen",
        "Jongerenwerker vragen",
    ] {
        assert!(open.contains(text), "{text}\n{open}");
    }
    assert_eq!(open.matches("- [ ]").count(), 4, "{open}");
    assert!(!open.contains("Jeroen Bakker") && !open.contains("Lotte Mulder"));
}

#[test]
fn without_for_the_minutes_hold_every_case() {
    let set = data_set();
    let md = ok(set.dir.path(), &["minutes", "latest"]);
    for (case, name) in &set.agenda {
        assert!(md.contains(&format!("· casus {} ·", case.0)), "{name}");
        assert!(md.contains(&agreement_of(name)), "{name}");
    }
    assert!(!md.contains("Verslag voor"));
    let json: Value = serde_json::from_str(&ok(
        set.dir.path(),
        &["minutes", "latest", "--format", "json"],
    ))
    .expect("JSON");
    assert!(json.get("for").is_none(), "no 'for' without --for");
}

#[test]
fn english_says_the_same() {
    let set = data_set();
    let md = ok(
        set.dir.path(),
        &["--lang", "en", "minutes", "latest", "--for", "Fatima"],
    );
    assert!(
        md.contains("Minutes for Fatima El Amrani. 3 of the 6 cases were left out"),
        "{md}"
    );
}

#[test]
fn an_unknown_or_ambiguous_person_is_one_calm_line_with_candidates() {
    let set = data_set();
    let d = set.dir.path();
    let msg = assert_one_line_failure(d, &["minutes", "latest", "--for", "Henk"]);
    assert!(
        msg.contains("Niemand op de sociale kaart heet 'Henk'."),
        "{msg}"
    );
    // Those present and everyone the consents of the meeting's cases name.
    for name in ["Fatima El Amrani", "Jeroen Bakker", "Sanne de Vries"] {
        assert!(msg.contains(name), "{name}: {msg}");
    }
    assert!(!msg.contains("Lotte Mulder"), "not involved: {msg}");

    let msg = assert_one_line_failure(d, &["minutes", "latest", "--for", "an"]);
    assert!(msg.contains("past bij meerdere mensen"), "{msg}");
    for name in ["Sanne de Vries", "Fatima El Amrani", "Pieter Jansen"] {
        assert!(msg.contains(name), "{name}: {msg}");
    }
    let msg = assert_one_line_failure(d, &["--lang", "en", "minutes", "latest", "--for", "an"]);
    assert!(msg.contains("matches several people"), "{msg}");
    let msg = assert_one_line_failure(d, &["--lang", "en", "minutes", "latest", "--for", "999"]);
    assert!(
        msg.contains("No one in the directory is called '999'."),
        "{msg}"
    );
}
