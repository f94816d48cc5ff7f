//! Issue 13, item 1: the intake in one form, through the real binary in a pty, keys counted, and
//! read back through `tandem export`. The story: a mother says her daughter Noor (groep 5) has
//! trouble falling asleep since the divorce; the father lives elsewhere and has his own phone;
//! consent is given for the school social worker and the GP's assistant, a grief therapist has
//! not been asked yet. Every name is made up.
#![cfg(unix)]

use crate::common::TODAY;
use crate::pty::Tui;
use serde_json::Value;
use std::path::Path;

/// One step of typing: a key that counts, or text (which the issue counts apart).
enum K {
    Key(&'static str),
    Text(&'static str),
}

const TAB: K = K::Key("\t");
const PGDN: K = K::Key("\x1b[6~");
const SPACE: K = K::Key(" ");
const ENTER: K = K::Key("\r");

fn export(data: &Path) -> Value {
    let (ok, out, err) = crate::common::run(data, &["export"]);
    assert!(ok, "{err}");
    serde_json::from_str(&out).expect("export is JSON")
}

/// The story's intake, from `n` to Enter.
fn story() -> Vec<K> {
    use K::Text as T;
    vec![
        K::Key("n"),
        T("Noor"),
        TAB,
        T("Veldhuis"),
        TAB,
        T("5"),
        TAB,
        TAB, // the school is filled in already
        T("Slaapt slecht sinds de scheiding van haar ouders."),
        TAB, // signal: ouder, as it starts
        TAB, // gemeld door
        T("moeder"),
        PGDN, // the dates are today: on to the first carer
        T("Esther Veldhuis"),
        TAB,
        T("moeder"),
        TAB,
        T("06-11223344"),
        PGDN, // lives with Noor, has authority: as it starts
        T("Maarten Dijkstra"),
        TAB,
        T("vader"),
        TAB,
        T("06-55667788"),
        TAB,
        SPACE, // does not live with Noor
        PGDN,
        PGDN, // the empty third carer: on to the network
        T("schoolmaat"),
        TAB,
        SPACE, // consent given
        TAB,
        T("moeder"),
        PGDN,
        T("poh"),
        TAB,
        SPACE,
        TAB,
        T("moeder"),
        PGDN,
        T("rouw"), // not asked yet: as it starts
        ENTER,
    ]
}

/// Types the story; the keys it took, the text not counted.
fn type_story(t: &mut Tui) -> usize {
    let mut keys = 0;
    for step in story() {
        match step {
            K::Key(k) => {
                keys += 1;
                t.keys(k);
            }
            K::Text(s) => t.keys(s),
        }
        // The pty delivers in order; a short pause keeps a slow machine's frames honest.
        std::thread::sleep(std::time::Duration::from_millis(15));
    }
    keys
}

#[test]
fn the_noor_story_is_taken_in_with_at_most_30_keys_and_is_in_the_export() {
    let data = tempfile::tempdir().expect("data dir");
    let config = tempfile::tempdir().expect("config dir");
    let mut t = Tui::start(data.path(), config.path(), &[]);
    t.wait_for("Welkom bij tandem");
    t.step("d", "Demo-gegevens geladen");
    let keys = type_story(&mut t);
    t.wait_for("Opgeslagen.");
    t.wait_for("Noor Veldhuis");
    assert!(keys <= 30, "the story took {keys} keys");
    assert_eq!(keys, 26, "the count in the README");
    t.keys("\x03");
    assert!(t.exit().success());

    let doc = export(data.path());
    let family = doc["families"]
        .as_array()
        .expect("families")
        .iter()
        .find(|f| f["name"] == "Veldhuis")
        .expect("the new family")
        .clone();
    let noor = &family["children"][0];
    assert_eq!(
        (&noor["first_name"], &noor["last_name"], &noor["groep"]),
        (
            &Value::from("Noor"),
            &Value::from("Veldhuis"),
            &Value::from("5")
        )
    );
    let carers = family["carers"].as_array().expect("carers");
    assert_eq!(carers.len(), 2, "{carers:?}");
    assert_eq!(carers[0]["name"], "Esther Veldhuis");
    assert_eq!(carers[0]["phone"], "06-11223344");
    assert_eq!(carers[0]["lives_with_child"], true);
    assert_eq!(carers[1]["name"], "Maarten Dijkstra");
    assert_eq!(carers[1]["relation"], "vader");
    assert_eq!(carers[1]["phone"], "06-55667788");
    assert_eq!(carers[1]["lives_with_child"], false);
    assert_eq!(carers[1]["authority"], true);

    let ids = network_of(&doc, &family);
    let case = doc["cases"]
        .as_array()
        .expect("cases")
        .iter()
        .find(|c| c["family"] == family["id"])
        .expect("the case");
    assert_eq!(
        case["question"],
        "Slaapt slecht sinds de scheiding van haar ouders."
    );
    assert_eq!(
        (&case["signal"], &case["signal_by"]),
        (&Value::from("ouder"), &Value::from("moeder"))
    );
    assert_eq!(
        (&case["signal_date"], &case["intake_date"]),
        (&Value::from(TODAY), &Value::from(TODAY))
    );
    assert_eq!(case["status"], "intake");
    let consents = case["consents"].as_array().expect("consents");
    assert_eq!(consents.len(), 2, "not asked is not recorded: {consents:?}");
    for (c, who) in consents.iter().zip([&ids[0], &ids[1]]) {
        assert_eq!((&c["person"], &c["status"]), (who, &Value::from("gegeven")));
        assert_eq!(
            (&c["given_by"], &c["date"]),
            (&Value::from("moeder"), &Value::from(TODAY))
        );
    }
}

/// The family's network: the story's three people from the sociale kaart, in order; their ids.
fn network_of(doc: &Value, family: &Value) -> Vec<Value> {
    let person = |name: &str| {
        doc["persons"]
            .as_array()
            .expect("persons")
            .iter()
            .find(|p| p["name"] == name)
            .unwrap_or_else(|| panic!("{name} on the sociale kaart"))["id"]
            .clone()
    };
    let (smw, poh, rouw) = (
        person("Karim Bennani"),
        person("Ruud Smit"),
        person("Wilma Schouten"),
    );
    let network: Vec<&Value> = family["network"]
        .as_array()
        .expect("network")
        .iter()
        .map(|i| &i["person"])
        .collect();
    assert_eq!(network, vec![&smw, &poh, &rouw]);

    vec![smw, poh, rouw]
}
