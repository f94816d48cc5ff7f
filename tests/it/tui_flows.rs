//! What people do with the TUI, headless: keys pressed on the app built over a store in a temp
//! dir; each test checks what the screen shows and what the store holds afterwards.

use crate::tui_common::*;
use serde_json::Value;
use tandem::domain::dates::Lang;
use tandem::domain::text::MAX_TEXT_CHARS;
use tandem::domain::{CaseStatus, ConsentStatus, EventKind, PersonId};
use tandem::i18n::tui as t;
use tandem::store::Store;
use tandem::tui::app::{Page, Popup, Screen};
use tandem::tui::case::CasePane;
use tandem::tui::form::kinds::{Body, NewCaseForm};

fn form(s: &Session) -> &tandem::tui::form::Form {
    match &s.app.popup {
        Some(Popup::Form(form)) => form,
        other => panic!("no form open: {other:?}"),
    }
}

fn new_case(s: &Session) -> &NewCaseForm {
    match &form(s).body {
        Body::NewCase(f) => f,
        other => panic!("not the new-case form: {other:?}"),
    }
}

/// The label of the field that has focus.
fn focused(s: &Session) -> tandem::i18n::Text {
    let fm = form(s);
    fm.fields()[fm.focus].label
}

fn status(s: &Session) -> String {
    s.status()
}

/// The records of an export without its timeline (and the counters the timeline moves).
fn records(doc: &Value) -> Value {
    let mut doc = doc.clone();
    let obj = doc.as_object_mut().expect("an object");
    obj.remove("events");
    obj.remove("next_ids");
    doc
}

#[test]
fn a_new_case_is_taken_in_and_is_on_disk() {
    let mut s = demo(Lang::Nl);
    let cases_before = s.store.cases().expect("cases").len();
    s.press("nThị Lan<Tab>Nguyễn<Tab>5<Tab><Tab>Slaapt slecht 😴 en is vaak moe 🙁<Enter>");
    assert!(
        s.app.popup.is_none(),
        "the form stays open: {:?}",
        s.app.popup
    );
    assert_eq!(status(&s), "Opgeslagen.");
    // The list shows it, selected, on top (newest activity first).
    let row = &s.app.cases.rows[s.app.cases.visible[s.app.cases.selected]];
    assert_eq!(row.child_name, "Thị Lan Nguyễn");
    assert!(s.screen(120, 40).contains("Thị Lan Nguyễn"));

    let dir = s.dir.path().to_path_buf();
    let Session {
        dir: tmp,
        store,
        app,
        ..
    } = s;
    drop(app);
    drop(store);
    crate::common::wait_unlocked(&dir);
    let store = Store::open(&dir).expect("open again");
    let cases = store.cases().expect("cases");
    assert_eq!(cases.len(), cases_before + 1);
    let case = cases
        .iter()
        .find(|c| c.question.contains('😴'))
        .expect("the new case is on disk");
    assert_eq!(case.question, "Slaapt slecht 😴 en is vaak moe 🙁");
    assert_eq!(
        (case.status, case.signal_date, case.intake_date),
        (CaseStatus::Intake, today(), Some(today())),
    );
    let family = store
        .family(case.family)
        .expect("read")
        .expect("its family");
    assert_eq!(family.name, "Nguyễn");
    let child = family.child(case.child).expect("the child");
    assert_eq!(
        (
            child.first_name.as_str(),
            child.last_name.as_str(),
            child.groep.as_str()
        ),
        ("Thị Lan", "Nguyễn", "5")
    );
    assert_eq!(child.school, "Basisschool De Regenboog");
    drop(tmp);
}

#[test]
fn an_empty_required_field_is_marked_and_nothing_is_saved() {
    let mut s = demo(Lang::Nl);
    let before = s.export();
    s.press("n<Tab><Tab>5<Enter>");
    assert_eq!(
        focused(&s),
        t::L_FIRST_NAME,
        "focus goes to the first missing field"
    );
    assert_eq!(
        new_case(&s).first_name.error.as_deref(),
        Some("Vul dit in.")
    );
    assert_eq!(new_case(&s).question.error.as_deref(), Some("Vul dit in."));
    let screen = s.screen(80, 24);
    assert!(screen.contains("Vul dit in."), "{screen}");
    assert_eq!(s.export(), before);
    // Typing in the field takes its error away; the other one stays.
    s.press("Sem");
    assert_eq!(new_case(&s).first_name.error, None);
    assert!(new_case(&s).question.error.is_some());
    // Esc asks first (text was typed); yes closes without saving.
    s.press("<Esc>j");
    assert!(s.app.popup.is_none());
    assert_eq!(s.export(), before);
}

#[test]
fn an_impossible_date_is_refused_inline() {
    let mut s = demo(Lang::Nl);
    let before = s.export();
    s.press("nAyşe<Tab>Çelik<Tab><Tab><Tab>Huilt veel<Tab><Tab><Tab><BS><BS><BS><BS><BS><BS><BS>31-02-2027");
    // Before Enter the form already says it does not understand.
    let field = &new_case(&s).signal_date;
    let hint = field.date_hint(today(), Lang::Nl).expect("a hint");
    let message = hint.expect_err("31 February is no date");
    assert!(s.screen(120, 40).contains(&message), "{message}");
    s.press("<Enter>");
    assert_eq!(focused(&s), t::L_SIGNAL_DATE);
    assert_eq!(
        new_case(&s).signal_date.error.as_deref(),
        Some(message.as_str())
    );
    assert!(s.screen(80, 24).contains(&message));
    assert_eq!(s.export(), before, "a bad date saved something");
    // Corrected, it saves.
    s.press("<BS><BS><BS><BS><BS><BS><BS><BS><BS><BS>27-02-2027<Enter>");
    assert!(s.app.popup.is_none());
    let case = s
        .store
        .cases()
        .expect("cases")
        .into_iter()
        .find(|c| c.question == "Huilt veel")
        .expect("saved");
    assert_eq!(case.signal_date.to_string(), "2027-02-27");
}

#[test]
fn network_person_and_consent_then_two_undos_restore_the_records() {
    let mut s = demo(Lang::Nl);
    let before = s.export();
    // Julia Bakker's case (on top); Bram Kok (logopedist) is on the kaart, not in her network.
    s.press("<Enter>");
    let Some(Page::Case(page)) = s.app.pages.last() else {
        panic!("no case open")
    };
    let (case_id, family_id) = (page.case.id, page.case.family);
    let bram = s
        .app
        .persons
        .iter()
        .find(|p| p.name == "Bram Kok")
        .expect("Bram Kok on the kaart")
        .id;
    s.press("nbram k<Enter>");
    assert_eq!(status(&s), "Opgeslagen.");
    let family = s.store.family(family_id).expect("read").expect("family");
    let inv = family
        .network
        .iter()
        .find(|i| i.person == bram)
        .expect("Bram in the network");
    assert_eq!((inv.role.as_str(), inv.from), ("logopedist", Some(today())));
    assert_eq!(
        s.store.persons().expect("persons").len(),
        before["persons"].as_array().map_or(0, Vec::len),
        "no new person"
    );

    // Netwerk pane, Bram is the last one; `t` asks consent, starting on what is recorded now
    // (not asked); → and Enter give it.
    s.press("<Tab>G");
    let Some(Page::Case(page)) = s.app.pages.last() else {
        panic!("no case open")
    };
    assert_eq!(page.pane, CasePane::Network);
    s.press("t");
    assert!(
        matches!(form(&s).kind(), tandem::tui::form::FormKind::Consent(c, p) if c == case_id && p == bram)
    );
    s.press("<Right><Enter>");
    let case = s.store.case(case_id).expect("read").expect("case");
    assert_eq!(case.consent_for(bram), ConsentStatus::Gegeven);
    assert!(s.screen(120, 40).contains("✓ Z Bram Kok"));

    s.press("u");
    assert_eq!(status(&s), "Ongedaan gemaakt: Toestemming");
    assert_eq!(
        s.store
            .case(case_id)
            .expect("read")
            .expect("case")
            .consent_for(bram),
        ConsentStatus::NietGevraagd
    );
    s.press("u");
    assert!(
        status(&s).starts_with("Ongedaan gemaakt: "),
        "{}",
        status(&s)
    );
    s.press("u");
    assert_eq!(status(&s), "Niets om ongedaan te maken in deze sessie.");

    // Store::undo promises the records as they were; the timeline keeps the change and its undo
    // (it is the audit trail), so events only grow and none before is touched.
    assert_undone_with_the_timeline_kept(&before, &s.export(), bram);
    // Gone from the Netwerk pane; the timeline still tells what happened.
    let card = s.screen(120, 40);
    assert!(!card.contains("Z Bram Kok"), "{card}");
    assert!(card.contains("toestemming Bram Kok"), "{card}");
}

/// `after` holds the records of `before`, and its timeline is `before`'s and then the lines
/// of adding Bram (`bram`) to the network, of his consent, and of the undo.
fn assert_undone_with_the_timeline_kept(before: &Value, after: &Value, bram: PersonId) {
    assert_eq!(records(after), records(before));
    // By event id: the export lists a case's timeline together, not the events in id order.
    let by_id = |doc: &Value| {
        let mut events = doc["events"].as_array().expect("events").clone();
        events.sort_by_key(|e| e["id"].as_u64());
        events
    };
    let (old, new) = (&by_id(before), &by_id(after));
    assert_eq!(&new[..old.len()], &old[..], "an earlier event changed");
    let added: Vec<EventKind> = new[old.len()..]
        .iter()
        .map(|e| serde_json::from_value(e["kind"].clone()).expect("event kind"))
        .collect();
    assert!(
        added.contains(&EventKind::NetworkAdded {
            person: bram,
            role: "logopedist".into()
        }),
        "{added:?}"
    );
    assert!(
        added.contains(&EventKind::ConsentSet {
            person: bram,
            status: ConsentStatus::Gegeven
        }),
        "{added:?}"
    );
    assert!(
        added.contains(&EventKind::CaseEdited),
        "the undo is not on the timeline: {added:?}"
    );
}

#[test]
fn a_network_person_not_on_the_kaart_is_added_there_and_one_undo_removes_both() {
    let mut s = demo(Lang::Nl);
    let before = s.export();
    s.press("<Enter>nWang Xiuying 王秀英<Tab>tolk<Tab>Tolkencentrum<Enter>");
    assert_eq!(status(&s), "Opgeslagen.");
    let person = s
        .store
        .persons()
        .expect("persons")
        .into_iter()
        .find(|p| p.name == "Wang Xiuying 王秀英")
        .expect("on the kaart");
    assert_eq!(
        (person.role.as_str(), person.organisation.as_str()),
        ("tolk", "Tolkencentrum")
    );
    assert!(s.screen(120, 40).contains("Wang Xiuying 王秀英"));
    s.press("u");
    assert_eq!(records(&s.export()), records(&before));
    assert!(!s.screen(120, 40).contains("Wang Xiuying"));
}

#[test]
fn lookup_without_diacritics_finds_them() {
    let mut s = demo(Lang::Nl);
    s.press("/yilmaz");
    let Some(Popup::Lookup(state)) = &s.app.popup else {
        panic!("no lookup")
    };
    let labels: Vec<&str> = state
        .results
        .hits
        .iter()
        .map(|h| h.label.as_str())
        .collect();
    assert!(labels.contains(&"Emir Yılmaz"), "{labels:?}");
    s.press("<Esc>/linh tran");
    let Some(Popup::Lookup(state)) = &s.app.popup else {
        panic!("no lookup")
    };
    assert_eq!(
        state.results.hits.first().map(|h| h.label.as_str()),
        Some("Linh Trần")
    );
    s.press("<Enter>");
    assert!(s.app.popup.is_none());
    let Some(Page::Family(page)) = s.app.pages.last() else {
        panic!("no family page")
    };
    assert!(page.cases.iter().any(|c| page
        .family
        .child(c.child)
        .is_some_and(|ch| ch.full_name() == "Linh Trần")));
    assert!(s.screen(120, 40).contains("Gezin Trần"));
    // Backspace narrows back; Esc closes without opening anything.
    s.press("q/aydinx<BS>");
    let Some(Popup::Lookup(state)) = &s.app.popup else {
        panic!("no lookup")
    };
    assert_eq!(state.query, "aydin");
    assert!(state.results.hits.iter().any(|h| h.label == "Fatma Aydın"));
    s.press("<Esc>");
    assert!(s.app.popup.is_none() && s.app.pages.is_empty());
}

#[test]
fn privacy_shows_initials_except_in_the_case_opened_on_purpose() {
    let mut s = demo(Lang::Nl);
    let list = s.screen(120, 40);
    assert!(list.contains("Julia Bakker") && list.contains("Rayan Bouzid"));
    s.press("p");
    assert!(s.app.privacy);
    let list = s.screen(120, 40);
    assert!(
        !list.contains("Julia Bakker") && !list.contains("Bouzid"),
        "{list}"
    );
    assert!(list.contains("J.B.") && list.contains("R.B."));
    assert!(!list.contains("buikpijn"), "a question shows under privacy");
    s.press("<Enter>");
    let card = s.screen(120, 40);
    assert!(
        card.contains("Julia Bakker") && card.contains("buikpijn"),
        "{card}"
    );
    // The lookup under privacy: children by initials, nobody opened them yet.
    s.press("q/rayan");
    let found = s.screen(120, 40);
    assert!(
        !found.contains("Rayan Bouzid") && found.contains("R.B."),
        "{found}"
    );
    // A family opened from the lookup is opened on purpose: it shows in full, its carers' phone
    // numbers too; back on the list, it hides again.
    s.press("<Enter>");
    let family = s.screen(120, 40);
    assert!(matches!(s.app.pages.last(), Some(Page::Family(_))));
    assert!(
        family.contains("Rayan Bouzid") && family.contains("06-0000"),
        "{family}"
    );
    s.press("q");
    assert!(!s.screen(120, 40).contains("Rayan Bouzid"));
    s.press("p");
    assert!(!s.app.privacy && s.screen(120, 40).contains("Rayan Bouzid"));
}

#[test]
fn blank_hides_everything_and_the_next_key_only_unblanks() {
    let mut s = demo(Lang::Nl);
    s.press("b");
    assert!(s.app.blank);
    assert!(s.screen(120, 40).trim().is_empty());
    s.press("q");
    assert!(
        !s.app.blank && !s.app.quit,
        "the key after blank did more than unblank"
    );
    s.press("b4");
    assert_eq!(
        s.app.screen,
        Screen::Cases,
        "the key after blank switched screens"
    );
    assert!(s.screen(80, 24).contains("Julia Bakker"));
}

/// 10,000 characters with escape sequences and bells in them, pasted into the question.
fn hostile_paste(len: usize) -> String {
    let chunk = "Vader belt \x1b[31mrood\x1b[0m en \x07piept\r\n\t";
    chunk.chars().cycle().take(len).collect()
}

#[test]
fn a_long_paste_is_kept_but_control_characters_never_get_through() {
    let mut s = demo(Lang::Nl);
    let paste = hostile_paste(10_000);
    s.press("nNoor<Tab><Tab><Tab><Tab>");
    s.paste(&paste);
    // The name field gets a pasted line: newlines become spaces, escapes vanish.
    s.press("<S-Tab><S-Tab><S-Tab><S-Tab>");
    s.paste(" \x1b]0;titel\x07de\nBoer");
    for (w, h) in [(80, 24), (120, 40)] {
        for cell in s.buffer(w, h).content() {
            assert!(
                !cell.symbol().chars().any(char::is_control),
                "{:?} on screen",
                cell.symbol()
            );
        }
    }
    s.press("<Enter>");
    assert!(s.app.popup.is_none(), "not saved: {:?}", s.app.popup);
    let case = s
        .store
        .cases()
        .expect("cases")
        .into_iter()
        .find(|c| c.question.starts_with("Vader belt"))
        .expect("saved");
    let expected = tandem::domain::text::clean_text(&paste);
    assert_eq!(case.question, expected);
    assert!(
        case.question.chars().count() > 8_000 && case.question.chars().count() <= MAX_TEXT_CHARS
    );
    assert!(
        !case.question.chars().any(|c| c.is_control() && c != '\n'),
        "a control character was stored"
    );
    assert!(
        case.question.contains("[31mrood"),
        "the text around an escape is kept"
    );
    let family = s.store.family(case.family).expect("read").expect("family");
    let child = family.child(case.child).expect("child");
    assert_eq!(child.first_name, "Noor ]0;titelde Boer");
    // The exported JSON has no raw control characters either.
    let json = serde_json::to_string(&s.export()).expect("json");
    assert!(!json.contains('\u{1b}') && !json.contains('\u{7}'));
    for cell in s.buffer(120, 40).content() {
        assert!(!cell.symbol().chars().any(char::is_control));
    }
}

#[test]
fn a_paste_longer_than_the_maximum_is_cut_at_the_maximum() {
    let mut s = demo(Lang::Nl);
    let paste: String = "abcdefghij"
        .chars()
        .cycle()
        .take(MAX_TEXT_CHARS + 5_000)
        .collect();
    s.press("nLars<Tab><Tab><Tab><Tab>");
    s.paste(&paste);
    s.press("<Enter>");
    let case = s
        .store
        .cases()
        .expect("cases")
        .into_iter()
        .find(|c| c.question.starts_with("abcdefghij"))
        .expect("saved");
    assert_eq!(case.question.chars().count(), MAX_TEXT_CHARS);
}

#[test]
fn ctrl_c_on_a_form_with_typed_text_asks_first() {
    let mut s = demo(Lang::Nl);
    s.press("nSem<C-c>");
    assert!(matches!(s.app.popup, Some(Popup::ConfirmDiscard(_))) && !s.app.quit);
    s.press("x");
    assert!(
        matches!(s.app.popup, Some(Popup::Form(_))),
        "any other key goes back to the form"
    );
    // "j" throws the text away and Ctrl-C goes on to quit, as it does anywhere.
    s.press("<C-c>j");
    assert!(!matches!(
        s.app.popup,
        Some(Popup::Form(_) | Popup::ConfirmDiscard(_))
    ));
    assert!(s.app.quit, "Ctrl-C quits once the text is given up");
    assert_eq!(s.store.cases().expect("cases").len(), 18);
}

/// A bidi override typed into a name never reaches the screen, also not in the lookup's hits
/// (which are drawn char by char for the highlight). ratatui also drops a zero-width char drawn
/// on its own, so this guards the result, not only the view's own filter.
#[test]
fn a_bidi_override_in_a_name_stays_off_the_screen_in_the_lookup() {
    let mut s = demo(Lang::Nl);
    s.press("nZoë\u{202E}lanD<Tab>Faber<Tab><Tab><Tab>Is vaak moe<Enter>");
    assert!(status(&s).contains("Opgeslagen"), "{}", status(&s));
    s.press("/zoë");
    let screen = s.screen(120, 40);
    assert!(screen.contains("ZoëlanD"), "the hit is shown:\n{screen}");
    for cell in s.buffer(120, 40).content() {
        assert!(
            !cell.symbol().contains('\u{202E}'),
            "a bidi override on screen"
        );
    }
}

/// An owner typed who is on nobody's list: the form stays open, says so under the owner field
/// and goes there; nothing is saved.
#[test]
fn an_owner_that_matches_no_one_is_marked_and_nothing_is_saved() {
    let mut s = demo(Lang::Nl);
    let before = s.export();
    s.press("<Enter>aBellen met school<Tab>qqxzw<Enter>");
    assert_eq!(focused(&s), t::L_OWNER, "the focus goes to the owner");
    let fm = form(&s);
    let owner = &fm.fields()[fm.focus];
    assert!(
        owner
            .error
            .as_deref()
            .is_some_and(|e| e.contains("Niemand gevonden")),
        "{:?}",
        owner.error
    );
    assert_eq!(s.export(), before, "nothing was saved");
    s.press(&format!("{}<Enter>", "<BS>".repeat(5)));
    assert!(s.app.popup.is_none(), "without an owner it saves");
    assert!(status(&s).contains("Opgeslagen"), "{}", status(&s));
}
