//! Consent in the TUI (issue 11, part 2): an action for an owner the family gave no consent for
//! is warned about in the form and asked about before it is saved; the case card and the meeting
//! mark everyone without consent; the consent dialog names the person and the case, starts on
//! what is recorded and keeps its note. On the demo school: Yonas Tesfay's mother refused the
//! gebiedsteam (Dennis Mulder); nobody asked her about the jeugdverpleegkundige (Femke Zwart).

use crate::tui_common::*;
use tandem::domain::dates::Lang;
use tandem::domain::{CaseId, ConsentStatus, PersonId};
use tandem::tui::app::Popup;
use tandem::tui::msg::Msg;

fn case_of(s: &Session, child: &str) -> CaseId {
    let rows = s.store.case_rows().expect("rows");
    rows.iter()
        .find(|r| r.child_name == child)
        .unwrap_or_else(|| panic!("{child}'s case"))
        .id
}

fn person(s: &Session, name: &str) -> PersonId {
    s.app
        .persons
        .iter()
        .find(|p| p.name == name)
        .unwrap_or_else(|| panic!("{name} on the kaart"))
        .id
}

fn open(s: &mut Session, case: CaseId) {
    let msg = Msg::OpenCase {
        id: case,
        then_edit: false,
    };
    tandem::tui::update::update(&mut s.app, &mut s.store, &s.clock, msg).expect("open the case");
}

fn actions_of(s: &Session, case: CaseId) -> Vec<(String, Option<PersonId>)> {
    let actions = s.store.actions_of_case(case).expect("actions");
    actions.into_iter().map(|a| (a.text, a.owner)).collect()
}

#[test]
fn an_owner_without_consent_is_warned_about_and_asked_for() {
    let mut s = demo(Lang::Nl);
    let yonas = case_of(&s, "Yonas Tesfay");
    open(&mut s, yonas);
    let before = actions_of(&s, yonas).len();

    // Refused: the warning shows under the owner as soon as the owner is picked.
    s.press("aAanvraag kwijtschelding<Tab>dennis");
    let form = s.screen(120, 40);
    assert!(
        form.contains("Geen toestemming van het gezin voor Dennis Mulder (geweigerd)"),
        "{form}"
    );
    // Enter asks first; any key but yes goes back to the form, nothing saved.
    s.press("<Enter>");
    assert!(matches!(s.app.popup, Some(Popup::ConfirmNoConsent(_))));
    let asked = s.screen(120, 40);
    assert!(asked.contains("Toch opslaan?"), "{asked}");
    s.press("n");
    assert!(matches!(s.app.popup, Some(Popup::Form(_))));
    assert_eq!(actions_of(&s, yonas).len(), before, "nothing saved");
    // Yes saves it, for that owner.
    s.press("<Enter>j");
    assert!(s.app.popup.is_none(), "saved: {:?}", s.app.status);
    let dennis = person(&s, "Dennis Mulder");
    assert!(actions_of(&s, yonas).contains(&("Aanvraag kwijtschelding".into(), Some(dennis))));

    // Not asked counts the same.
    s.press("aSpreekuur<Tab>femke<Enter>");
    assert!(matches!(s.app.popup, Some(Popup::ConfirmNoConsent(_))));
    let asked = s.screen(120, 40);
    assert!(
        asked.contains("Femke Zwart") && asked.contains("gevraagd"),
        "{asked}"
    );
    s.press("j");
    assert!(s.app.popup.is_none());
    assert_eq!(actions_of(&s, yonas).len(), before + 2);
}

#[test]
fn the_tandem_and_owners_with_consent_need_no_question() {
    let mut s = demo(Lang::Nl);
    let yonas = case_of(&s, "Yonas Tesfay");
    open(&mut s, yonas);
    // The gezinscoach (lead, consent given), the onderwijscoach (tandem, never in the
    // consents), the teacher (given): saved at the first Enter, no warning on the way.
    for (text, owner) in [("Een", "yvonne"), ("Twee", "marloes"), ("Drie", "fatma")] {
        s.press(&format!("a{text}<Tab>{owner}"));
        let form = s.screen(120, 40);
        assert!(!form.contains("Geen toestemming"), "{owner}: {form}");
        s.press("<Enter>");
        assert!(s.app.popup.is_none(), "{owner}: {:?}", s.app.popup);
    }
}

#[test]
fn an_edited_action_given_to_an_owner_without_consent_is_asked_for_too() {
    let mut s = demo(Lang::Nl);
    let yonas = case_of(&s, "Yonas Tesfay");
    open(&mut s, yonas);
    // The first open action; its owner becomes Dennis Mulder.
    s.press("e<Tab>");
    assert!(matches!(s.app.popup, Some(Popup::Form(_))));
    s.press(&"<BS>".repeat(30));
    s.press("dennis<Enter>");
    assert!(matches!(s.app.popup, Some(Popup::ConfirmNoConsent(_))));
    // Back to the form, then Esc over typed text asks first (issue 13): yes.
    s.press("<Esc><Esc>j");
    assert!(s.app.popup.is_none());
}

#[test]
fn the_case_card_and_the_meeting_mark_everyone_without_consent() {
    let mut s = demo(Lang::Nl);
    let yonas = case_of(&s, "Yonas Tesfay");
    open(&mut s, yonas);
    let card = s.screen(120, 40);
    assert!(card.contains("✗ Z Dennis Mulder"), "{card}");
    assert!(card.contains("Netwerk · 1 zonder toestemming"), "{card}");
    // An owner outside the network without consent is marked beside the action, and counted.
    s.press("aSpreekuur<Tab>femke<Enter>j");
    let card = s.screen(120, 40);
    assert!(card.contains("? Femke Zwart"), "{card}");
    assert!(card.contains("Netwerk · 2 zonder toestemming"), "{card}");

    // The meeting: Yonas's case on the agenda, discussed.
    s.press("q1n");
    s.press("yonas<Enter>");
    s.press("m");
    while s
        .app
        .meeting
        .as_ref()
        .and_then(|m| m.meeting.current_case())
        != Some(yonas)
    {
        let at = s.app.meeting.as_ref().map(|m| m.meeting.current);
        s.press("]");
        assert_ne!(
            s.app.meeting.as_ref().map(|m| m.meeting.current),
            at,
            "Yonas's case is on the agenda"
        );
    }
    let meeting = s.screen(120, 40);
    assert!(meeting.contains("✗ Z Dennis Mulder"), "{meeting}");
    assert!(meeting.contains("? Femke Zwart"), "{meeting}");
    assert!(meeting.contains("2 zonder toestemming"), "{meeting}");
    // At 80 columns the count keeps to the narrow pane.
    let small = s.screen(80, 24);
    assert!(small.contains("Netwerk · ⚠ 2"), "{small}");
}

#[test]
fn the_consent_dialog_names_both_starts_on_what_is_recorded_and_keeps_the_note() {
    let mut s = demo(Lang::Nl);
    let yonas = case_of(&s, "Yonas Tesfay");
    let dennis = person(&s, "Dennis Mulder");
    open(&mut s, yonas);
    // Netwerk pane: the gezinscoach, then Dennis Mulder.
    s.press("<Tab><Down>t");
    let dialog = s.screen(120, 40);
    assert!(
        dialog.contains("Toestemming voor Dennis Mulder (sociaal werker gebiedsteam")
            && dialog.contains("casus")
            && dialog.contains("Yonas Tesfay"),
        "{dialog}"
    );
    assert!(
        dialog.contains("Moeder wil niet dat de gemeente meekijkt"),
        "the note it keeps: {dialog}"
    );
    let form = match &s.app.popup {
        Some(Popup::Form(f)) => f.clone(),
        other => panic!("the consent form, not {other:?}"),
    };
    let status = &form.fields()[0];
    let tandem::tui::form::FieldKind::Choice(options) = &status.kind else {
        panic!("a choice first")
    };
    assert_eq!(
        options[status.choice].nl, "geen toestemming",
        "starts on refused"
    );

    // Moved to given, the note rewritten: both kept.
    s.press("<Left><Tab><Tab>");
    s.press(&"<BS>".repeat(80));
    s.press("moeder mondeling; vader nog vragen<Enter>");
    let case = s.store.case(yonas).expect("read").expect("case");
    let kept = case
        .consents
        .iter()
        .find(|c| c.person == dennis)
        .expect("Dennis's consent");
    assert_eq!(kept.status, ConsentStatus::Gegeven);
    assert_eq!(kept.note, "moeder mondeling; vader nog vragen");
    // The case card shows the note beside the person.
    let card = s.screen(120, 40);
    assert!(card.contains("moeder mondeling"), "{card}");

    // Someone never asked (Rayan's jongerenwerker) starts on "niet gevraagd".
    let rayan = case_of(&s, "Rayan Bouzid");
    s.press("q");
    open(&mut s, rayan);
    s.press("<Tab><Down><Down>t");
    let dialog = s.screen(120, 40);
    assert!(
        dialog.contains("Toestemming voor Youssef Tahiri"),
        "{dialog}"
    );
    let form = match &s.app.popup {
        Some(Popup::Form(f)) => f.clone(),
        other => panic!("the consent form, not {other:?}"),
    };
    let status = &form.fields()[0];
    let tandem::tui::form::FieldKind::Choice(options) = &status.kind else {
        panic!("a choice first")
    };
    assert_eq!(options[status.choice].nl, "niet gevraagd");
}
