//! Issue 13, item 3: a meeting you can steer. Each behaviour as a flow through the app's own key
//! path (the demo school, "today" fixed): going to an item by number or name, `/` going to a
//! case's item, a new question urgent on the proposal, discussing clears "bespreken", closing
//! with open actions asks what becomes of them, the case card shows the outcome, `q` never
//! quits screen 1, and Esc on a filled form asks first.

use crate::meeting_common::*;
use tandem::domain::{CaseId, EventKind, Reason};
use tandem::tui::app::Popup;

/// Items on the agenda with an open action, as (index, case).
fn with_open_actions(s: &Session) -> Vec<(usize, u64)> {
    let ids = s.agenda_ids();
    ids.iter()
        .enumerate()
        .filter(|(_, c)| s.actions_of(**c).iter().any(|a| a.is_open()))
        .map(|(i, c)| (i, *c))
        .collect()
}

/// Enough items to go to item 13: the proposal, then cases added with `n` until 13.
fn thirteen_items(s: &mut Session) {
    s.press("1");
    while s.agenda_ids().len() < 13 {
        let extra = s.case_off_the_agenda();
        s.press(&format!("n{}<Enter>", extra.child_name));
    }
    s.press("m");
    assert!(s.meeting().is_running());
}

#[test]
fn item_13_is_four_keys_away_by_number_and_the_record_keeps_it() {
    let mut s = demo();
    thirteen_items(&mut s);
    // `#`, the two digits, Enter: 4 keys (twelve `]` before).
    s.press("#13<Enter>");
    assert!(s.app.popup.is_none(), "{:?}", s.app.popup);
    assert_eq!(s.meeting().current, 12);
    assert_eq!(s.stored().current, 12, "saved, so a resume comes back here");
    // A number past the end is no item: said on the form, which stays open.
    s.press("#99<Enter>");
    assert!(matches!(s.app.popup, Some(Popup::Form(_))));
    assert!(s
        .screen(120, 40)
        .contains("Geen agendapunt met dat nummer of die naam."));
    s.press("<Esc>j");
    assert!(s.app.popup.is_none());
    assert_eq!(s.meeting().current, 12);
}

#[test]
fn a_name_goes_to_its_item_with_hash_and_with_the_lookup() {
    let mut s = demo();
    thirteen_items(&mut s);
    let last = s.agenda_ids().len() - 1;
    let case = s.agenda_ids()[last];
    let row = s.row(case);
    let first_name = row
        .child_name
        .split(' ')
        .next()
        .expect("a name")
        .to_string();
    s.press(&format!("#{}<Enter>", first_name.to_lowercase()));
    let at = s.meeting().current;
    assert!(
        s.row(s.agenda_ids()[at]).child_name.contains(&first_name),
        "{first_name} at item {at}"
    );
    s.press("#1<Enter>");
    assert_eq!(s.meeting().current, 0);
    // `/` finds the case and, being on the agenda, goes to its item.
    s.press(&format!("/{}<Enter>", row.child_name));
    assert_eq!(s.meeting().current, last);
    assert_eq!(s.agenda_ids().len(), 13, "not added a second time");
    let said = s
        .app
        .status
        .as_ref()
        .map(|st| st.0.clone())
        .unwrap_or_default();
    assert!(said.contains(&format!("punt {}", last + 1)), "{said}");
}

#[test]
fn a_new_question_is_urgent_on_the_proposal_not_last() {
    let mut s = demo();
    s.press("2nLotte<Tab>Brink<Tab>4<Tab><Tab>Is bang om naar school te gaan.<Enter>");
    assert!(s.app.popup.is_none(), "{:?}", s.app.popup);
    let new = s
        .store
        .case_rows()
        .expect("rows")
        .into_iter()
        .find(|r| r.child_name == "Lotte Brink")
        .expect("the new case");
    s.press("1");
    let items = &s.meeting().items;
    let at = items
        .iter()
        .position(|i| i.case == new.id)
        .expect("the new question is on the agenda");
    assert_eq!(items[at].reasons[0], Reason::New);
    // Only what was left over last time and other new questions go before it.
    assert!(
        items[..at]
            .iter()
            .all(|i| matches!(i.reasons[0], Reason::CarriedOver | Reason::New)),
        "{:?}",
        items[..at].iter().map(|i| &i.reasons).collect::<Vec<_>>()
    );
    assert!(at < items.len() - 1, "not last");
}

#[test]
fn a_discussed_case_loses_its_flag_and_one_not_discussed_keeps_it() {
    let mut s = demo();
    s.press("1");
    let ids = s.agenda_ids();
    // The first two items' cases flagged "bespreken" (flagging is not discussing).
    let (one, two) = (ids[0], ids[1]);
    s.press("m");
    for (case, then) in [(one, "]"), (two, "[")] {
        if !s.row(case).flagged {
            s.press("f");
        }
        s.press(then);
    }
    assert!(s.row(one).flagged && s.row(two).flagged);
    // The first is discussed (an agreement), the second not.
    s.press("rMoeder komt volgende week langs.<Enter>");
    s.press("E<Enter>");
    assert!(!s.meeting().is_running());
    assert!(!s.row(one).flagged, "discussed: no longer 'bespreken'");
    assert!(s.row(two).flagged, "not discussed: still 'bespreken'");
    let timeline = s.store.events_of_case(CaseId(one)).expect("events");
    assert!(timeline
        .iter()
        .any(|e| e.kind == EventKind::Flagged { on: false }));
    // The next agenda has the first for no reason of the flag.
    let next: Vec<_> = proposal(&s);
    if let Some(item) = next.iter().find(|i| i.case.0 == one) {
        assert!(!item.reasons.contains(&Reason::Flagged));
    }
}

/// Goes to the first item with open actions and opens the close form there.
fn close_form_on_open_actions(s: &mut Session) -> (u64, Vec<tandem::domain::ActionId>) {
    s.press("1m");
    let (at, case) = *with_open_actions(s)
        .first()
        .expect("an item with open actions");
    s.press(&format!("#{}<Enter>c", at + 1));
    assert!(s.screen(120, 40).contains("Open acties"));
    let open = s
        .actions_of(case)
        .into_iter()
        .filter(|a| a.is_open())
        .map(|a| a.id)
        .collect();
    (case, open)
}

#[test]
fn closing_with_open_actions_cancels_them_with_a_reason() {
    let mut s = demo();
    let (case, open) = close_form_on_open_actions(&mut s);
    // Outcome: kortdurende interventie; then the open actions: "vervallen" without a reason.
    s.press(" <Tab><Tab> <Enter>");
    assert!(
        matches!(s.app.popup, Some(Popup::Form(_))),
        "a reason is needed"
    );
    s.press("Gezin verhuist naar een andere gemeente.<Enter>");
    assert!(s.app.popup.is_none(), "{:?}", s.app.popup);
    for a in s.actions_of(case).iter().filter(|a| open.contains(&a.id)) {
        let done = a.done.as_ref().expect("no longer open");
        assert_eq!(
            done.cancelled.as_deref(),
            Some("Gezin verhuist naar een andere gemeente.")
        );
    }
    let c = s.store.case(CaseId(case)).expect("read").expect("case");
    assert_eq!(
        c.outcome(),
        Some(tandem::domain::Outcome::KortdurendeInterventie)
    );
    // The case card in the meeting says how it ended.
    let screen = s.screen(120, 40);
    assert!(screen.contains("afgesloten · kortdurende"), "{screen}");
    let timeline = s.store.events_of_case(CaseId(case)).expect("events");
    let cancelled = timeline
        .iter()
        .filter(|e| matches!(e.kind, EventKind::ActionCancelled { .. }))
        .count();
    assert_eq!(cancelled, open.len());
    // One undo takes back the closing and the actions together.
    s.press("u");
    let c = s.store.case(CaseId(case)).expect("read").expect("case");
    assert!(c.status.is_open());
    assert!(s
        .actions_of(case)
        .iter()
        .filter(|a| open.contains(&a.id))
        .all(|a| a.is_open()));
}

#[test]
fn closing_with_open_actions_marks_them_done_in_the_minutes_or_keeps_them_open() {
    let mut s = demo();
    let (case, open) = close_form_on_open_actions(&mut s);
    s.press("<Enter>");
    assert!(s.app.popup.is_none(), "{:?}", s.app.popup);
    let finished = s.actions_of(case);
    assert!(finished
        .iter()
        .filter(|a| open.contains(&a.id))
        .all(|a| a.done.as_ref().is_some_and(|d| d.cancelled.is_none())));
    let item = &s.stored().items[s.meeting().current];
    assert!(item.discussed);
    assert!(open.iter().all(|a| item.actions_done.contains(a)));

    let mut s = demo();
    let (case, open) = close_form_on_open_actions(&mut s);
    s.press("<Tab><Tab>  <Enter>");
    assert!(s.app.popup.is_none(), "{:?}", s.app.popup);
    assert!(s
        .actions_of(case)
        .iter()
        .filter(|a| open.contains(&a.id))
        .all(|a| a.is_open()));
    assert!(!s
        .store
        .case(CaseId(case))
        .expect("read")
        .expect("case")
        .status
        .is_open());
}

#[test]
fn q_on_screen_1_never_quits() {
    let mut s = demo();
    s.press("1q");
    assert!(!s.app.quit, "q on the agenda quit tandem");
    s.press("mq");
    assert!(!s.app.quit, "q in the meeting quit tandem");
    let said = s
        .app
        .status
        .as_ref()
        .map(|st| st.0.clone())
        .unwrap_or_default();
    assert!(said.contains("Ctrl-C"), "{said}");
    // A case opened from screen 1 still goes back with q.
    s.press("2");
    s.press("<C-c>");
    assert!(s.app.quit, "Ctrl-C still quits");
}

#[test]
fn esc_on_a_filled_form_asks_first() {
    let mut s = demo();
    let before = s.export();
    s.press("2nNoor<Esc>");
    assert!(matches!(s.app.popup, Some(Popup::ConfirmClose(_))));
    assert!(s.screen(120, 40).contains("Weggooien?"));
    // Anything but yes: back to the form, the text kept.
    s.press("n");
    match &s.app.popup {
        Some(Popup::Form(f)) => assert_eq!(f.fields()[0].value, "Noor"),
        other => panic!("not back on the form: {other:?}"),
    }
    s.press("<Esc>j");
    assert!(s.app.popup.is_none());
    assert!(!s.app.quit, "yes closes the form, tandem goes on");
    assert_eq!(s.export(), before);
    // An empty form closes at once.
    s.press("n<Esc>");
    assert!(s.app.popup.is_none());
}
