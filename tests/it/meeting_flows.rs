//! The meeting (overleg), headless: the agenda draft on screen 1 against the proposal rules and
//! `tandem agenda`, a whole meeting typed key by key and read back from the store and from
//! `tandem minutes`, undo, privacy, the keystroke count of the README, the timer colours, and
//! snapshots of the walk-through.

use crate::meeting_common::*;
use tandem::domain::dates::format_numeric;
use tandem::domain::text::initials;
use tandem::domain::{CaseId, CaseStatus, MeetingId, Outcome, Reason, Side};
use tandem::tui::theme::{Role, Theme};

#[test]
fn the_agenda_on_screen_is_the_proposal_and_what_tandem_agenda_prints() {
    let mut s = demo();
    s.press("1");
    let want = proposal(&s);
    assert!(want.len() >= 5, "the demo school has a full agenda");
    assert_eq!(s.meeting().items, want, "screen 1 holds the proposal");
    // On screen in that order, each with its first reason.
    let screen = s.screen(120, 40);
    let mut last = 0;
    for item in &want {
        let name = s.row(item.case.0).child_name;
        let pos = screen
            .find(&name)
            .unwrap_or_else(|| panic!("{name} on screen:\n{screen}"));
        assert!(pos > last, "{name} out of order:\n{screen}");
        last = pos;
    }
    let first_reason = tandem::i18n::meeting::reason(want[0].reasons[0]).get(s.app.lang);
    assert!(screen.contains(first_reason), "{screen}");

    let names: Vec<(u64, String, String)> = want
        .iter()
        .map(|i| {
            let r = s.row(i.case.0);
            (i.case.0, initials(&r.child_name), r.groep)
        })
        .collect();
    let dir = s.close();
    let json = tandem_json(dir.path(), &["agenda", "--format", "json"]);
    let lines = json.as_array().expect("a JSON list");
    assert_eq!(lines.len(), want.len(), "{json}");
    for (n, (line, item)) in lines.iter().zip(&want).enumerate() {
        assert_eq!(line["position"], n + 1);
        assert_eq!(line["case"], item.case.0);
        assert_eq!(line["timebox_minutes"], item.timebox_minutes);
        let reasons: Vec<Reason> =
            serde_json::from_value(line["reasons"].clone()).expect("reasons");
        assert_eq!(reasons, item.reasons, "case {}", item.case.0);
        // Machine output leaves the building: initials only.
        assert_eq!(line["child"], names[n].1);
        assert_eq!(line["groep"], names[n].2);
    }
    let md = tandem(dir.path(), &["agenda"]);
    assert!(md.starts_with("# Agenda overleg"), "{md}");
    assert!(md.contains(&format!("1. {} (groep", names[0].1)), "{md}");
}

#[test]
fn the_draft_reorders_removes_adds_a_case_and_sets_timeboxes() {
    let mut s = demo();
    s.press("1");
    let start = s.agenda_ids();
    let (a, b, c) = (start[0], start[1], start[2]);

    s.press("J");
    assert_eq!(s.agenda_ids()[..3], [b, a, c], "J moves the first down");
    s.press("J");
    assert_eq!(s.agenda_ids()[..3], [b, c, a], "the cursor moved with it");
    s.press("KK");
    assert_eq!(s.agenda_ids(), start, "K twice moves it back up");
    s.press("K");
    assert_eq!(s.agenda_ids(), start, "K at the top changes nothing");

    s.press("jx");
    assert_eq!(s.agenda_ids()[..2], [a, c], "x removes the selected one");
    assert_eq!(s.agenda_ids().len(), start.len() - 1);

    // n: the lookup; a case with no reason to be there is added by hand.
    let extra = s.case_off_the_agenda();
    s.press(&format!("n{}<Enter>", extra.child_name));
    assert!(s.app.popup.is_none(), "the lookup closed");
    let items = &s.meeting().items;
    let added = items.last().expect("an item");
    assert_eq!(added.case, extra.id, "the looked-up case is last");
    assert_eq!(added.reasons, vec![Reason::Added]);
    assert_eq!(added.timebox_minutes, 10);
    assert_eq!(
        s.app.meeting.as_ref().map(|m| m.selected),
        Some(items.len() - 1)
    );
    // Adding it twice says so and adds nothing.
    s.press(&format!("n{}<Enter>", extra.child_name));
    assert_eq!(s.agenda_ids().len(), start.len());

    s.press("+++");
    let last_timebox = |s: &Session| s.meeting().items.last().map(|i| i.timebox_minutes);
    assert_eq!(last_timebox(&s), Some(13));
    s.press("-".repeat(20).as_str());
    assert_eq!(last_timebox(&s), Some(1), "never below a minute");
    let screen = s.screen(120, 40);
    assert!(screen.contains("toegevoegd"), "{screen}");
    // Nothing of the draft is in the store until the meeting starts.
    assert!(s.store.running_meeting().expect("read").is_none());
}

#[test]
fn m_starts_a_running_meeting_in_privacy_mode() {
    let mut s = demo();
    assert!(s.store.running_meeting().expect("read").is_none());
    s.press("1");
    let draft = s.agenda_ids();
    assert!(!s.app.privacy);
    s.press("m");
    let running = s
        .store
        .running_meeting()
        .expect("read")
        .expect("a running meeting in the store");
    assert!(running.started.is_some() && running.ended.is_none());
    assert_eq!(running.date, today());
    let ids: Vec<u64> = running.items.iter().map(|i| i.case.0).collect();
    assert_eq!(ids, draft, "the draft's order is the meeting's");
    assert_eq!(running.current, 0);
    assert!(s.app.privacy, "meeting_privacy defaults to true");
    assert_eq!(s.app.context(), tandem::tui::intent::Context::Meeting);
    // m again goes back to the same meeting; no second one.
    s.press("2m");
    assert_eq!(s.meeting().id, running.id);
    let running_now = s.store.meetings().expect("meetings");
    assert_eq!(running_now.iter().filter(|m| m.is_running()).count(), 1);
}

/// Three cases discussed, the rest carried over: the store, the next agenda and the minutes.
#[test]
fn a_whole_meeting_is_in_the_store_the_next_agenda_and_the_minutes() {
    let mut s = demo();
    s.press("1");
    second_with_two_open_actions(&mut s);
    s.press("m");
    let ids = s.agenda_ids();
    let mid = s.meeting().id;
    let done_id = hold_three_items(&mut s, &ids);
    let (zorg_text, done_text) = check_the_stored_meeting(&s, mid, &ids, done_id);
    check_the_next_agenda(&s, &ids);

    // The minutes, through the binary.
    let (onderwijs_line, zorg_line) = (
        format!(
            "O onderwijs · Marloes Kuipers · {} · Gesprek met leerplicht plannen",
            format_numeric(date(2026, 12, 4))
        ),
        format!("Z zorg · Yvonne Postma · 27-11-2026 · {zorg_text}"),
    );
    let dir = s.close();
    let md = tandem(dir.path(), &["minutes", "latest", "--format", "md"]);
    check_the_minutes(&md, &ids, (&onderwijs_line, &zorg_line), &done_text);
    let json = tandem_json(dir.path(), &["minutes", "latest", "--format", "json"]);
    assert_eq!(json["meeting"], mid.0);
    assert_eq!(json["items"].as_array().map(Vec::len), Some(ids.len()));
    assert_eq!(json["items"][0]["new_actions"][0]["owner"], "Yvonne Postma");
}

/// Moves the first case after item 1 with two open actions or more up to item 2 of the draft,
/// as [`hold_three_items`] needs (which cases come first depends on the proposal's order).
fn second_with_two_open_actions(s: &mut Session) {
    let ids = s.agenda_ids();
    let at = (1..ids.len())
        .find(|i| s.actions_of(ids[*i]).iter().filter(|a| a.is_open()).count() >= 2)
        .expect("a case with two open actions on the agenda");
    s.press(&"j".repeat(at));
    s.press(&"K".repeat(at - 1));
    assert_eq!(s.agenda_ids()[1], ids[at]);
}

/// Item 1 gets two actions and an agreement, item 2 an action done, item 3 is closed; then the
/// meeting ends. The id of the action done.
fn hold_three_items(s: &mut Session, ids: &[u64]) -> u64 {
    // Item 1: an action for zorg, one for onderwijs, an agreement.
    s.press("aMoeder bellen over de ochtenden<Tab>yv<Tab>vr<Enter>");
    assert!(s.app.popup.is_none(), "saved: {:?}", s.app.status);
    s.press("aGesprek met leerplicht plannen<Tab>marl<Tab>4 dec<Enter>");
    assert!(s.app.popup.is_none(), "saved: {:?}", s.app.status);
    s.press("rZusjes gaan vanaf januari naar de voorschoolse opvang.<Enter>");
    assert!(s.app.popup.is_none());
    s.press("]");
    assert_eq!(s.meeting().current, 1);

    // Item 2: the second open action is done.
    let open: Vec<u64> = {
        let m = s.app.meeting.as_ref().expect("meeting");
        m.open_actions().iter().map(|a| a.id.0).collect()
    };
    assert!(open.len() >= 2, "case {} has open actions", ids[1]);
    s.press("jd");
    let done_id = open[1];
    s.press("]");

    // Item 3: closed with an outcome (one → right: kortdurende interventie).
    s.press("c<Right><Enter>");
    assert!(s.app.popup.is_none(), "closed: {:?}", s.app.status);

    // The minutes of items not under discussion are hidden in privacy mode: p shows them.
    s.press("p");
    s.press("E");
    let summary = match &s.app.popup {
        Some(tandem::tui::app::Popup::MeetingSummary { lines, .. }) => lines.join("\n"),
        other => panic!("the summary popup, not {other:?}"),
    };
    assert!(summary.contains("Zusjes gaan vanaf januari"), "{summary}");
    s.press("<Enter>");
    assert!(s.app.popup.is_none());
    assert!(s.store.running_meeting().expect("read").is_none());
    done_id
}

/// The meeting as the store holds it after [`hold_three_items`]: three items discussed, the
/// new actions with their owners, sides and deadlines, the done action, the closed case. The
/// texts of the zorg action and of the done one.
fn check_the_stored_meeting(
    s: &Session,
    mid: MeetingId,
    ids: &[u64],
    done_id: u64,
) -> (String, String) {
    let yvonne = person_id(s, "Yvonne Postma");
    let marloes = person_id(s, "Marloes Kuipers");
    let m = s.store.meeting(mid).expect("read").expect("meeting");
    assert!(m.ended.is_some(), "ended");
    let discussed: Vec<bool> = m.items.iter().map(|i| i.discussed).collect();
    assert_eq!(discussed[..3], [true, true, true], "{discussed:?}");
    assert!(discussed[3..].iter().all(|d| !d), "{discussed:?}");
    let new = &m.items[0].actions_added;
    assert_eq!(new.len(), 2);
    let actions = s.actions_of(ids[0]);
    let get = |id: &tandem::domain::ActionId| actions.iter().find(|a| a.id == *id).expect("action");
    let (zorg, onderwijs) = (get(&new[0]), get(&new[1]));
    assert_eq!(zorg.text, "Moeder bellen over de ochtenden");
    assert_eq!(zorg.owner.map(|p| p.0), Some(yvonne));
    assert_eq!(zorg.side, Side::Zorg);
    assert_eq!(zorg.deadline, Some(date(2026, 11, 27)), "vr");
    assert_eq!(onderwijs.owner.map(|p| p.0), Some(marloes));
    assert_eq!(
        onderwijs.side,
        Side::Onderwijs,
        "the side follows the owner"
    );
    assert_eq!(onderwijs.deadline, Some(date(2026, 12, 4)));
    assert!(zorg.meeting == Some(mid) && onderwijs.meeting == Some(mid));
    assert_eq!(m.items[0].agreements.len(), 1);
    assert_eq!(
        m.items[1]
            .actions_done
            .iter()
            .map(|a| a.0)
            .collect::<Vec<_>>(),
        vec![done_id]
    );
    let done = s
        .actions_of(ids[1])
        .into_iter()
        .find(|a| a.id.0 == done_id)
        .expect("done");
    assert!(done.done.is_some(), "marked done");
    let case3 = s.store.case(CaseId(ids[2])).expect("read").expect("case 3");
    assert_eq!(case3.status, CaseStatus::Afgesloten);
    assert_eq!(
        case3.closings.last().map(|c| (c.outcome, c.closed)),
        Some((Outcome::KortdurendeInterventie, today()))
    );
    (zorg.text.clone(), done.text)
}

/// The next agenda: the undiscussed first, carried over; the closed case is gone.
fn check_the_next_agenda(s: &Session, ids: &[u64]) {
    let next = proposal(s);
    let carried: Vec<u64> = next
        .iter()
        .take_while(|i| i.reasons.first() == Some(&Reason::CarriedOver))
        .map(|i| i.case.0)
        .collect();
    let mut want: Vec<u64> = ids[3..].to_vec();
    want.sort();
    let mut got = carried.clone();
    got.sort();
    assert_eq!(got, want, "the undiscussed items carry over: {next:?}");
    assert!(
        !next.iter().any(|i| i.case.0 == ids[2]),
        "closed: off the agenda"
    );
    assert_eq!(
        s.agenda_ids(),
        next.iter().map(|i| i.case.0).collect::<Vec<_>>()
    );
}

/// The minutes in Markdown: the agreement, the new actions (onderwijs before zorg), the done
/// action in the second case's section, and the open actions per owner.
fn check_the_minutes(
    md: &str,
    ids: &[u64],
    (onderwijs_line, zorg_line): (&str, &str),
    done_text: &str,
) {
    assert!(
        md.contains("Afspraak: Zusjes gaan vanaf januari naar de voorschoolse opvang."),
        "{md}"
    );
    let o = md
        .find(&format!("Nieuwe actie: {onderwijs_line}"))
        .unwrap_or_else(|| panic!("{md}"));
    let z = md
        .find(&format!("Nieuwe actie: {zorg_line}"))
        .unwrap_or_else(|| panic!("{md}"));
    assert!(o < z, "onderwijs before zorg:\n{md}");
    // Per case a section; the second holds the done action, the third is discussed (closed).
    let sections: Vec<&str> = md.split("\n## ").skip(1).collect();
    assert!(
        sections[1]
            .lines()
            .any(|l| l.starts_with("- Afgerond: ") && l.ends_with(done_text)),
        "{}",
        sections[1]
    );
    assert!(!sections[2].contains("niet besproken"), "{}", sections[2]);
    assert_eq!(md.matches("niet besproken").count(), ids.len() - 3, "{md}");
    let open_part = &md[md.find("## Open acties per eigenaar").expect(md)..];
    let yv = &open_part[open_part.find("### Yvonne Postma").expect(md)..];
    let yv = &yv[..yv[4..].find("### ").map_or(yv.len(), |i| i + 4)];
    assert!(yv.contains(&format!("- [ ] {zorg_line}")), "{yv}");
    assert!(
        !open_part.contains(done_text),
        "a done action is not open:\n{open_part}"
    );
    let ml = &open_part[open_part.find("### Marloes Kuipers").expect(md)..];
    assert!(ml.contains(&format!("- [ ] {onderwijs_line}")), "{ml}");
}

#[test]
fn undo_in_the_meeting_takes_back_the_last_action_and_the_record_forgets_it() {
    let mut s = demo();
    s.press("1m");
    let case = s.current_case();
    let before = s.actions_of(case).len();
    s.press("rEerst het gesprek met moeder afwachten.<Enter>");
    s.press("aIntake bij de GGD<Tab>yv<Tab>vr<Enter>");
    let m = s.stored();
    assert_eq!(m.items[0].actions_added.len(), 1);
    let id = m.items[0].actions_added[0];
    assert_eq!(s.actions_of(case).len(), before + 1);

    s.press("u");
    let status = s.app.status.clone().map(|(t, _)| t).unwrap_or_default();
    assert!(status.contains("Intake bij de GGD"), "{status}");
    assert_eq!(s.actions_of(case).len(), before, "the action is gone");
    assert!(s.store.action(id).expect("read").is_none());
    let m = s.stored();
    assert!(m.items[0].actions_added.is_empty(), "{:?}", m.items[0]);
    assert_eq!(m.items[0].agreements.len(), 1, "the agreement stays");
    assert!(m.items[0].discussed, "the agreement still counts");
    assert!(m.is_running());
    assert!(s.meeting().items[0].actions_added.is_empty(), "on screen");
    // Undo again: the agreement goes too, and the item is undiscussed again.
    s.press("u");
    let m = s.stored();
    assert!(m.items[0].agreements.is_empty() && !m.items[0].discussed);
    assert!(m.is_running(), "undo never undoes the start of the meeting");
}

#[test]
fn undo_after_moving_on_keeps_the_meeting_where_it_is() {
    let mut s = demo();
    s.press("1m");
    s.press("aIntake bij de GGD<Tab>yv<Tab>vr<Enter>");
    s.press("]]+");
    let timebox = s.meeting().items[2].timebox_minutes;
    assert_eq!(s.meeting().current, 2);
    s.press("u");
    let m = s.stored();
    assert!(m.items[0].actions_added.is_empty(), "the action is undone");
    assert_eq!(m.current, 2, "the meeting stays on the item it was on");
    assert_eq!(s.meeting().current, 2);
    assert_eq!(m.items[2].timebox_minutes, timebox, "the later timebox");
}

#[test]
fn a_case_added_during_the_meeting_is_in_its_record_at_once() {
    let mut s = demo();
    s.press("1m");
    let extra = s.case_off_the_agenda();
    s.press(&format!("n{}<Enter>", extra.child_name));
    assert_eq!(s.agenda_ids().last(), Some(&extra.id.0));
    let stored = s.stored();
    assert_eq!(
        stored.items.last().map(|i| i.case),
        Some(extra.id),
        "saved as it happens, so a crash keeps it"
    );
    // A change elsewhere (flag the current case) does not lose it either.
    s.press("f");
    assert_eq!(s.agenda_ids().last(), Some(&extra.id.0));
}

/// The agenda strip (120 columns) shows initials, except for the case being discussed.
#[test]
fn privacy_shows_only_the_current_case_by_name() {
    let mut s = demo();
    s.press("1m");
    assert!(s.app.privacy);
    let ids = s.agenda_ids();
    let names: Vec<String> = ids.iter().map(|id| s.row(*id).child_name).collect();
    let strip = |s: &Session| -> Vec<String> {
        let buf = s.buffer(120, 40);
        let (x, y) = find(&buf, "┌ Casussen ").expect("the agenda strip");
        let x = x + 3;
        (1..=ids.len() as u16)
            .map(|n| cells(&buf, x - 2, y + n, 22).trim().to_string())
            .collect()
    };
    let first = strip(&s);
    assert!(first[0].ends_with(&names[0]), "{first:?}");
    for (line, name) in first.iter().zip(&names).skip(1) {
        assert!(line.ends_with(&initials(name)), "{line:?} for {name}");
        assert!(!line.contains(name.as_str()), "{line:?}");
    }
    s.press("]");
    let second = strip(&s);
    assert!(second[0].ends_with(&initials(&names[0])), "{second:?}");
    assert!(second[1].ends_with(&names[1]), "{second:?}");
    // The full screen holds no other child's name; the card shows the current one's.
    let screen = s.screen(120, 40);
    assert!(screen.contains(&names[1]));
    for name in names.iter().filter(|n| *n != &names[1]) {
        assert!(
            !screen.contains(name.as_str()),
            "{name} on screen:\n{screen}"
        );
    }
    // p turns it off: every name shows.
    s.press("p");
    assert!(!s.app.privacy);
    let off = strip(&s);
    assert!(
        off[0].ends_with(&names[0]) && off[2].ends_with(&names[2]),
        "{off:?}"
    );
}

/// README: "add an action for zorg, owner Yvonne, due Friday": `a` text `Tab` `yv` `Tab` `vr`
/// `Enter` — 8 keys and the text.
#[test]
fn an_action_for_zorg_owner_yvonne_due_friday_takes_eight_keys_and_the_text() {
    let mut s = demo();
    s.press("1m");
    let mid = s.meeting().id;
    let case = s.current_case();
    let text = "Huisbezoek plannen";
    let keys = format!("a{text}<Tab>yv<Tab>vr<Enter>");
    let n = tandem::tui::script::parse_keys(&keys).len();
    assert_eq!(n, 8 + text.chars().count());
    s.press(&keys);
    assert!(s.app.popup.is_none(), "saved in one go: {:?}", s.app.status);
    let m = s.stored();
    let id = *m.items[0]
        .actions_added
        .last()
        .expect("recorded in the meeting");
    let a = s.store.action(id).expect("read").expect("the action");
    assert_eq!(a.text, text);
    assert_eq!(a.case.0, case);
    assert_eq!(a.owner.map(|p| p.0), Some(person_id(&s, "Yvonne Postma")));
    assert_eq!(a.side, Side::Zorg, "the side follows the gezinscoach");
    assert_eq!(a.deadline, Some(date(2026, 11, 27)));
    assert_eq!(a.meeting, Some(mid));
}

/// The timer cell: the header style with time to spare, `warning` in the last two minutes,
/// `overdue` past the timebox.
#[test]
fn the_timer_warns_in_the_last_two_minutes_and_is_red_when_over() {
    let mut s = demo();
    s.press("1m");
    let theme = Theme::load("beamer", None, false).0;
    let style_at = |s: &mut Session, spent: u32| {
        if let Some(m) = s.app.meeting.as_mut() {
            m.meeting.items[0].seconds_spent = spent;
        }
        s.freeze(at(9, 0, 0), at(9, 0, 0), at(9, 0, 0));
        let buf = s.buffer(120, 40);
        let (x, y) = find(&buf, "⏱").expect("the timer");
        let st = buf[(x + 2, y)].style();
        (cells(&buf, x, y, 8), (st.fg, st.bg, st.add_modifier))
    };
    let role = |role: Role| {
        let st = theme.style(role);
        (st.fg, st.bg, st.add_modifier)
    };
    let (text, style) = style_at(&mut s, 5 * 60);
    assert_eq!(text, "⏱ 05:00 ");
    assert_eq!(style, role(Role::Header), "five minutes left: calm");
    let (text, style) = style_at(&mut s, 8 * 60 + 30);
    assert_eq!(text, "⏱ 01:30 ");
    assert_eq!(style, role(Role::Warning));
    let (_, style) = style_at(&mut s, 8 * 60);
    assert_eq!(style, role(Role::Warning), "exactly two minutes left");
    let (text, style) = style_at(&mut s, 10 * 60 + 75);
    assert_eq!(text, "⏱ +01:15");
    assert_eq!(style, role(Role::Overdue));
    assert_ne!(theme.style(Role::Warning), theme.style(Role::Overdue));
    assert_ne!(theme.style(Role::Warning), theme.style(Role::Header));
}

#[test]
fn snapshot_walk_through() {
    for (w, h) in [(80, 24), (120, 40)] {
        for privacy in [true, false] {
            let s = walk_through(privacy);
            let name = format!(
                "meeting_walkthrough_{w}x{h}{}",
                if privacy { "_privacy" } else { "" }
            );
            let screen = s.screen(w, h);
            assert!(screen.contains("⏱ 02:30") && screen.contains("totaal 07:30"));
            insta::assert_snapshot!(name, screen);
        }
    }
}

#[test]
fn snapshot_agenda_80x24() {
    let mut s = demo();
    s.press("1");
    insta::assert_snapshot!("meeting_agenda_80x24", s.screen(80, 24));
}

#[test]
fn snapshot_summary_120x40() {
    let mut s = walk_through(true);
    s.press("]jd");
    // Fixed time spent per item; nothing runs on while E books the clock.
    if let Some(m) = s.app.meeting.as_mut() {
        m.since = None;
        m.meeting.items[0].seconds_spent = 9 * 60 + 10;
        m.meeting.items[1].seconds_spent = 4 * 60;
    }
    s.press("E");
    s.freeze(at(9, 15, 0), at(9, 0, 0), at(9, 0, 0));
    let screen = s.screen(120, 40);
    assert!(screen.contains("Wat is er besloten"), "{screen}");
    insta::assert_snapshot!("meeting_summary_120x40", screen);
}
