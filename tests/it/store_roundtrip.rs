//! Records written through the store's API read back equal; derived rows follow every change;
//! undo and a restart keep the store consistent.

use crate::common::*;
use std::collections::BTreeSet;
use tandem::domain::{
    ActionId, AgendaItem, Agreement, Case, CaseStatus, ChildId, Consent, ConsentStatus, Done,
    EventKind, Family, FamilyId, Lead, Meeting, Outcome, PersonId, Reason, Side, SignalSource,
};
use tandem::domain::{ActionSummary, CaseId, CaseSummary};
use tandem::store::{export::validate, Store};

fn assert_consistent(store: &Store) {
    let problems = store.check().expect("check runs").problems;
    assert!(problems.is_empty(), "check found problems: {problems:#?}");
}

fn ids_of(rows: &[ActionSummary]) -> Vec<ActionId> {
    rows.iter().map(|r| r.id).collect()
}

fn open_ids(store: &Store) -> Vec<ActionId> {
    ids_of(&store.action_rows(false, None, None).expect("rows"))
}

fn done_ids(store: &Store) -> Vec<ActionId> {
    ids_of(&store.action_rows(true, None, None).expect("rows"))
}

fn row(store: &Store, case: CaseId) -> CaseSummary {
    store.case_row(case).expect("read").expect("row present")
}

/// The kinds of the case's timeline, oldest first.
fn kinds(store: &Store, case: CaseId) -> Vec<EventKind> {
    let events = store.events_of_case(case).expect("timeline");
    events.into_iter().map(|e| e.kind).collect()
}

#[test]
fn fixture_ids_are_all_reserved_and_distinct() {
    let (_dir, store, fx) = store_with_fixture();
    let persons = [fx.sanne, fx.jeroen, fx.fatima, fx.pieter, fx.lotte];
    assert_eq!(BTreeSet::from(persons).len(), 5, "{persons:?}");
    assert_eq!(store.persons().unwrap().len(), 5);
    assert_eq!(store.families().unwrap().len(), 3);
    assert_eq!(store.cases().unwrap().len(), 6);
    assert_eq!(store.actions().unwrap().len(), 12);
    assert_eq!(store.meetings().unwrap().len(), 1);
    let children = [fx.emre, fx.elif, fx.minh, fx.yasmina, fx.xiaoming, fx.zoe];
    assert_eq!(BTreeSet::from(children).len(), 6);
    let lotte = store.person(fx.lotte).unwrap().unwrap();
    assert_eq!(lotte.name, "Lotte Mulder");
    assert_consistent(&store);
}

#[test]
fn every_record_type_reads_back_equal() {
    let (_dir, mut store, fx) = store_with_fixture();
    let now = at(today(), 10, 0);

    let pid = store.begin().person_id();
    let p = person(pid, "Nguyễn Thị Hoa 🙂", "POH-GGZ", "GGD", Side::Zorg);
    store.save_person(now, p.clone()).unwrap();
    assert_eq!(store.person(pid).unwrap(), Some(p));

    let mut ids = store.begin();
    let fid = ids.family_id();
    let kid = ids.child_id();
    let family = Family {
        id: fid,
        name: "El Idrissi-Çelik".into(),
        carers: vec![carer("Nadia El Idrissi", "moeder")],
        children: vec![child(kid, "王小明", "El Idrissi", "6")],
        network: vec![involvement(pid, "POH-GGZ")],
    };
    store.save_family(now, family.clone()).unwrap();
    assert_eq!(store.family(fid).unwrap(), Some(family));

    let case = case_reads_back_equal(&mut store, fid, kid, pid, now);
    let cid = case.id;

    let aid = store.begin().action_id();
    let who = (Some(pid), Side::Zorg);
    let mut action = new_action(
        aid,
        cid,
        "Bellen met 王丽",
        who,
        Some(day(2027, 2, 28)),
        now,
    );
    action.meeting = Some(fx.meeting);
    action.done = Some(Done::new(now, Some(fx.sanne)));
    store.save_action(now, action.clone()).unwrap();
    assert_eq!(store.action(aid).unwrap(), Some(action));
    assert_eq!(store.actions_of_case(cid).unwrap().len(), 1);
    assert_eq!(store.cases_of_family(fid).unwrap(), vec![case]);

    let discussed = meeting_reads_back_equal(&mut store, (fx.sanne, pid), (cid, fid), aid, now);

    let added = EventKind::ActionAdded { action: aid };
    assert_eq!(
        kinds(&store, cid),
        [EventKind::CaseCreated, added, discussed]
    );
    let events = store.events_of_case(cid).unwrap();
    assert!(events
        .iter()
        .all(|e| e.case == Some(cid) && e.family == Some(fid) && e.at == now));
    assert!(events.windows(2).all(|w| w[0].id < w[1].id), "oldest first");
    assert_consistent(&store);
}

/// A case with every field set, saved and read back equal.
fn case_reads_back_equal(
    store: &mut Store,
    fid: FamilyId,
    kid: ChildId,
    pid: PersonId,
    now: Time,
) -> Case {
    let cid = store.begin().case_id();
    let mut case = new_case(cid, fid, kid, "Angstig 😟\nsinds de verhuizing", now);
    case.signal = SignalSource::School;
    case.intake_date = Some(day(2026, 11, 24));
    case.support_date = Some(day(2026, 11, 25));
    case.lead = Lead {
        side: Some(Side::Zorg),
        person: Some(pid),
    };
    case.consents = vec![Consent {
        person: pid,
        status: ConsentStatus::NietGevraagd,
        date: None,
        note: "volgt".into(),
        given_by: "moeder".into(),
    }];
    case.flagged = true;
    case.notes = "Çelik: let op ✓".into();
    store.save_case(now, case.clone()).unwrap();
    assert_eq!(store.case(cid).unwrap(), Some(case.clone()));
    case
}

/// A running meeting about case `cid` (of family `fid`) with every field set, attended by
/// `attendees`, committed with its "discussed" line and read back equal. That line's kind.
fn meeting_reads_back_equal(
    store: &mut Store,
    attendees: (PersonId, PersonId),
    (cid, fid): (CaseId, FamilyId),
    aid: ActionId,
    now: Time,
) -> EventKind {
    let mut ch = store.begin();
    let mid = ch.meeting_id();
    let meeting = Meeting {
        id: mid,
        date: today(),
        attendees: vec![attendees.0, attendees.1],
        items: vec![AgendaItem {
            case: cid,
            reasons: vec![Reason::New, Reason::DueSoon, Reason::Added],
            notes: "🙂".into(),
            agreements: vec![Agreement {
                text: "Volgende week terugkoppelen".into(),
                at: now,
            }],
            actions_added: vec![aid],
            actions_done: vec![aid],
            timebox_minutes: 7,
            seconds_spent: 61,
            discussed: false,
        }],
        started: Some(now),
        ended: None,
        current: 0,
    };
    ch.put_meeting(meeting.clone());
    let discussed = EventKind::Discussed { meeting: mid };
    ch.event(now, Some(cid), Some(fid), discussed.clone());
    store.commit(ch).unwrap();
    assert_eq!(store.meeting(mid).unwrap(), Some(meeting));

    discussed
}

#[test]
fn closing_and_reopening_keep_the_history() {
    let (_dir, mut store, fx) = store_with_fixture();
    let c = store.case(fx.case_yasmina).unwrap().unwrap();
    assert_eq!(c.status, CaseStatus::Lopend);
    assert_eq!(c.closings.len(), 1);
    assert_eq!(c.closings[0].closed, day(2026, 10, 12));
    assert_eq!(c.closings[0].outcome, Outcome::KortdurendeInterventie);
    assert_eq!(c.closings[0].reopened, Some(day(2026, 11, 2)));

    // Close again, then reopen again: both closings stay.
    let now = at(today(), 9, 0);
    edit_case(&mut store, now, fx.case_yasmina, |c| {
        c.close(today(), Outcome::VerwezenJeugdhulp);
    });
    let row = store.case_row(fx.case_yasmina).unwrap().unwrap();
    assert_eq!(row.status, CaseStatus::Afgesloten);
    edit_case(&mut store, at(today(), 9, 5), fx.case_yasmina, |c| {
        c.reopen(today());
    });
    let c = store.case(fx.case_yasmina).unwrap().unwrap();
    assert_eq!(c.closings.len(), 2);
    assert_eq!(c.closings[1].outcome, Outcome::VerwezenJeugdhulp);
    assert_eq!(c.closings[1].reopened, Some(today()));
    assert_eq!(c.last_activity, at(today(), 9, 5));

    let mut timeline = kinds(&store, fx.case_yasmina);
    timeline.retain(|k| {
        !matches!(
            k,
            EventKind::ActionAdded { .. } | EventKind::ActionDone { .. }
        )
    });
    let (aangemeld, lopend) = (CaseStatus::Aangemeld, CaseStatus::Lopend);
    let closed = |outcome| EventKind::Closed { outcome };
    #[rustfmt::skip]
    let want = [
        EventKind::CaseCreated,
        EventKind::StatusChanged { from: aangemeld, to: lopend },
        EventKind::LeadChanged { side: Some(Side::Zorg), person: None },
        closed(Outcome::KortdurendeInterventie),
        EventKind::Reopened,
        closed(Outcome::VerwezenJeugdhulp),
        EventKind::Reopened,
    ];
    assert_eq!(timeline, want);
    assert_consistent(&store);
}

#[test]
fn case_rows_follow_the_records() {
    let (_dir, mut store, fx) = store_with_fixture();
    let check_rows = |store: &Store| {
        let actions = store.actions().unwrap();
        let rows = store.case_rows().unwrap();
        assert_eq!(rows.len(), store.cases().unwrap().len());
        for row in rows {
            let case = store.case(row.id).unwrap().unwrap();
            let family = store.family(case.family).unwrap().unwrap();
            assert_eq!(row, expected_case_row(&case, &family, &actions));
        }
    };
    check_rows(&store);
    let emre = row(&store, fx.case_emre);
    assert_eq!((emre.open_onderwijs, emre.open_zorg), (2, 2));
    assert_eq!(emre.next_deadline, Some(day(2026, 11, 16)));
    assert!(emre.is_overdue(today()));
    assert_eq!(emre.child_name, "Emre Çelik");
    let xm = row(&store, fx.case_xiaoming);
    let got = (xm.child_name.as_str(), xm.open_zorg, xm.next_deadline);
    assert_eq!(got, ("王小明", 0, None));
    assert_eq!(xm.status, CaseStatus::Afgesloten);

    // Done: the count and the next deadline move on.
    let now = at(today(), 10, 0);
    let sanne = Some(fx.sanne);
    store
        .set_action_done(now, fx.a_overdue_o, true, sanne)
        .unwrap();
    let emre = row(&store, fx.case_emre);
    let nov = |d| Some(day(2026, 11, d));
    assert_eq!((emre.open_onderwijs, emre.next_deadline), (1, nov(20)));
    assert_eq!(emre.last_activity, now);
    // A new, earlier deadline becomes the next one.
    let early = add_action(
        &mut store,
        now,
        fx.case_emre,
        "Bellen",
        (None, Side::Zorg),
        nov(18),
    );
    let emre = row(&store, fx.case_emre);
    assert_eq!((emre.open_zorg, emre.next_deadline), (3, nov(18)));
    // Moving that deadline later moves the row's too.
    let mut a = store.action(early).unwrap().unwrap();
    a.deadline = Some(day(2027, 3, 1));
    store.save_action(now, a).unwrap();
    assert_eq!(row(&store, fx.case_emre).next_deadline, nov(20));
    // Renaming a child and moving them to another groep reaches the row and the action rows.
    let mut fam = store.family(fx.celik).unwrap().unwrap();
    fam.children[0].first_name = "Emre Can".into();
    fam.children[0].groep = "6".into();
    store.save_family(now, fam).unwrap();
    let emre = row(&store, fx.case_emre);
    assert_eq!(
        (emre.child_name.as_str(), emre.groep.as_str()),
        ("Emre Can Çelik", "6")
    );
    let rows = store.action_rows(false, None, None).unwrap();
    let of_emre: Vec<_> = rows.iter().filter(|r| r.case == fx.case_emre).collect();
    assert!(!of_emre.is_empty());
    let renamed = |r: &&ActionSummary| r.child_name == "Emre Can Çelik" && r.groep == "6";
    assert!(of_emre.iter().all(renamed));
    // A status change and a flag.
    edit_case(&mut store, now, fx.case_elif, |c| {
        c.status = CaseStatus::Intake;
        c.flagged = true;
    });
    let elif = row(&store, fx.case_elif);
    assert_eq!((elif.status, elif.flagged), (CaseStatus::Intake, true));
    check_rows(&store);
    assert_consistent(&store);
}

#[test]
fn action_rows_are_in_deadline_order_with_ranges() {
    let (_dir, mut store, fx) = store_with_fixture();
    assert_eq!(open_ids(&store), fx.open_in_order());
    assert_eq!(
        done_ids(&store),
        vec![fx.a_done_xiaoming, fx.a_done_yasmina, fx.a_done_elif],
        "done rows by deadline, none last"
    );
    let yesterday = today().pred_opt().unwrap();
    let overdue = store.action_rows(false, None, Some(yesterday)).unwrap();
    assert_eq!(ids_of(&overdue), [fx.a_overdue_o, fx.a_overdue_z]);
    assert!(overdue.iter().all(|r| r.is_overdue(today())));
    let just_today = store
        .action_rows(false, Some(today()), Some(today()))
        .unwrap();
    assert_eq!(ids_of(&just_today), [fx.a_today]);
    assert!(!just_today[0].is_overdue(today()));
    let from_dec = store
        .action_rows(false, Some(day(2026, 12, 1)), None)
        .unwrap();
    let later = [fx.a_dec1, fx.a_dec12, fx.a_jan15, fx.a_no_deadline];
    assert_eq!(ids_of(&from_dec), later);
    let r = &from_dec[1];
    assert_eq!(
        (r.child_name.as_str(), r.groep.as_str()),
        ("Minh Nguyễn", "7")
    );
    assert_eq!(
        (r.owner, r.side, r.done),
        (Some(fx.sanne), Side::Onderwijs, None)
    );

    // Done moves the action to the done range; open again moves it back.
    let now = at(today(), 11, 0);
    let (a, _) = store.set_action_done(now, fx.a_friday, true, None).unwrap();
    assert_eq!(a.done, Some(Done::new(now, None)));
    assert!(!open_ids(&store).contains(&fx.a_friday));
    assert_eq!(
        done_ids(&store)[2],
        fx.a_friday,
        "27 Nov sorts after 10 Nov"
    );
    let next_week = Some(today() + chrono::Days::new(7));
    let done_rows = store.action_rows(true, Some(today()), next_week).unwrap();
    assert_eq!(done_rows.len(), 1);
    assert_eq!(done_rows[0].done, Some(now));
    let later = at(today(), 11, 1);
    store
        .set_action_done(later, fx.a_friday, false, None)
        .unwrap();
    assert_eq!(open_ids(&store), fx.open_in_order());
    assert!(!done_ids(&store).contains(&fx.a_friday));
    assert_eq!(store.action(fx.a_friday).unwrap().unwrap().done, None);
    let timeline = kinds(&store, fx.case_emre);
    let action = fx.a_friday;
    let tail = [
        EventKind::ActionDone { action },
        EventKind::ActionReopened { action },
    ];
    assert_eq!(timeline[timeline.len() - 2..], tail);
    assert_consistent(&store);
}

#[test]
fn data_survives_close_and_reopen() {
    let (dir, mut store, fx) = store_with_fixture();
    let rows_of = |s: &Store| {
        let (open, done) = (
            s.action_rows(false, None, None),
            s.action_rows(true, None, None),
        );
        (s.case_rows().unwrap(), open.unwrap(), done.unwrap())
    };
    store
        .set_action_done(at(today(), 12, 0), fx.a_today, true, None)
        .unwrap();
    let before = store.export().unwrap();
    let rows = rows_of(&store);
    let timeline = store.events_of_case(fx.case_emre).unwrap();
    drop(store);

    let mut store = reopen(dir.path());
    assert_eq!(store.export().unwrap(), before);
    assert_eq!(rows_of(&store), rows);
    assert_eq!(store.events_of_case(fx.case_emre).unwrap(), timeline);
    assert_consistent(&store);
    // The counters survived too: a new case gets a new id.
    let new = add_case(
        &mut store,
        at(today(), 13, 0),
        fx.wang,
        fx.zoe,
        "Nieuwe vraag",
    );
    assert!(before.cases.iter().all(|c| c.id < new));
    assert_eq!(store.cases().unwrap().len(), 7);
    assert_consistent(&store);
}

#[test]
fn undo_of_a_created_case_removes_it() {
    let (_dir, mut store, fx) = store_with_fixture();
    let before = store.export().unwrap();
    let now = at(today(), 14, 0);
    let id = store.begin().case_id();
    let case = new_case(id, fx.nguyen, fx.minh, "Per ongeluk", now);
    let undo = store.save_case(now, case).unwrap();
    assert!(store.case(id).unwrap().is_some());
    assert_eq!(store.events_of_case(id).unwrap().len(), 1);
    store.undo(undo, at(today(), 14, 1)).unwrap();
    assert_eq!(store.case(id).unwrap(), None);
    assert_eq!(store.case_row(id).unwrap(), None);
    assert!(store.events_of_case(id).unwrap().is_empty());
    let of_family = store.cases_of_family(fx.nguyen).unwrap();
    assert!(of_family.iter().all(|c| c.id != id));
    let after = store.export().unwrap();
    assert_eq!(after.cases, before.cases);
    assert_eq!(after.events, before.events);
    assert_consistent(&store);
    // The id is not handed out again.
    let next = add_case(&mut store, now, fx.nguyen, fx.minh, "Opnieuw");
    assert!(next > id);
    assert_consistent(&store);
}

#[test]
fn undo_of_an_edit_restores_the_old_value() {
    let (_dir, mut store, fx) = store_with_fixture();
    let now = at(today(), 15, 0);
    let old_case = store.case(fx.case_minh).unwrap().unwrap();
    let mut edited = old_case.clone();
    edited.question = "Nieuwe hulpvraag".into();
    edited.status = CaseStatus::Lopend;
    let undo = store.save_case(now, edited).unwrap();
    assert_eq!(row(&store, fx.case_minh).status, CaseStatus::Lopend);
    store.undo(undo, now).unwrap();
    assert_eq!(store.case(fx.case_minh).unwrap(), Some(old_case));
    assert_eq!(row(&store, fx.case_minh).status, CaseStatus::Intake);
    assert_eq!(
        kinds(&store, fx.case_minh).last(),
        Some(&EventKind::CaseEdited)
    );

    // An action's deadline, and an action marked done.
    let old_action = store.action(fx.a_dec12).unwrap().unwrap();
    let mut a = old_action.clone();
    a.deadline = Some(day(2026, 11, 1));
    let undo = store.save_action(now, a).unwrap();
    assert_eq!(open_ids(&store)[0], fx.a_dec12);
    store.undo(undo, now).unwrap();
    assert_eq!(store.action(fx.a_dec12).unwrap(), Some(old_action));
    assert_eq!(open_ids(&store), fx.open_in_order());
    let (_, undo) = store.set_action_done(now, fx.a_today, true, None).unwrap();
    store.undo(undo, now).unwrap();
    assert_eq!(open_ids(&store), fx.open_in_order());
    assert_eq!(row(&store, fx.case_minh).open_zorg, 1);

    // A family edit.
    let old_family = store.family(fx.wang).unwrap().unwrap();
    let mut f = old_family.clone();
    f.children[1].groep = "4".into();
    let undo = store.save_family(now, f).unwrap();
    assert_eq!(row(&store, fx.case_zoe).groep, "4");
    store.undo(undo, now).unwrap();
    assert_eq!(store.family(fx.wang).unwrap(), Some(old_family));
    assert_eq!(row(&store, fx.case_zoe).groep, "3");
    assert_consistent(&store);
}

#[test]
fn deleting_a_case_takes_its_actions_and_timeline_and_undo_brings_it_back() {
    let (_dir, mut store, fx) = store_with_fixture();
    let case = store.case(fx.case_zoe).unwrap().unwrap();
    let actions = store.actions_of_case(fx.case_zoe).unwrap();
    let timeline = store.events_of_case(fx.case_zoe).unwrap();
    assert_eq!(actions.len(), 2);
    // The meeting does not name Zoë's case, so it may go.
    let undo = store.delete_case(fx.case_zoe).unwrap();
    assert_eq!(store.case(fx.case_zoe).unwrap(), None);
    assert_eq!(store.case_row(fx.case_zoe).unwrap(), None);
    assert!(store.actions_of_case(fx.case_zoe).unwrap().is_empty());
    assert!(store.events_of_case(fx.case_zoe).unwrap().is_empty());
    assert!(!open_ids(&store).contains(&fx.a_jan15));
    assert_consistent(&store);

    store.undo(undo, at(today(), 16, 0)).unwrap();
    assert_eq!(store.case(fx.case_zoe).unwrap(), Some(case));
    assert_eq!(store.actions_of_case(fx.case_zoe).unwrap(), actions);
    let restored = store.events_of_case(fx.case_zoe).unwrap();
    assert_eq!(
        restored[..timeline.len()],
        timeline[..],
        "the timeline is back"
    );
    assert_eq!(open_ids(&store), fx.open_in_order());
    assert_consistent(&store);

    // A case on a meeting's agenda is refused, and nothing changes.
    let before = store.export().unwrap();
    assert!(store.delete_case(fx.case_emre).is_err());
    assert_eq!(store.export().unwrap(), before);
    assert_consistent(&store);
}

#[test]
fn undo_of_a_created_family_leaves_an_importable_store() {
    let (_dir, mut store, _fx) = store_with_fixture();
    let now = at(today(), 16, 30);
    let mut ids = store.begin();
    let fid = ids.family_id();
    let kid = ids.child_id();
    let family = Family {
        id: fid,
        name: "Per ongeluk".into(),
        carers: vec![],
        children: vec![child(kid, "Noah", "Visser", "2")],
        network: vec![],
    };
    let undo = store.save_family(now, family).unwrap();
    store.undo(undo, now).unwrap();
    assert_eq!(store.family(fid).unwrap(), None);
    assert_consistent(&store);
    let doc = store.export().unwrap();
    validate(&doc).expect("an export of a consistent store is importable");
}

#[test]
fn edits_that_no_event_names_are_saved_too() {
    let (_dir, mut store, fx) = store_with_fixture();
    let now = at(today(), 17, 0);
    // Parents withdraw the refused consent entry altogether.
    edit_case(&mut store, now, fx.case_emre, |c| {
        c.consents.retain(|x| x.person != fx.fatima)
    });
    let emre = store.case(fx.case_emre).unwrap().unwrap();
    assert_eq!(emre.consents.len(), 1, "the consent is gone");
    // The outcome of a closing is corrected while the case stays closed.
    edit_case(&mut store, now, fx.case_xiaoming, |c| {
        c.closings[0].outcome = Outcome::Anders
    });
    let xm = store.case(fx.case_xiaoming).unwrap().unwrap();
    assert_eq!(xm.outcome(), Some(Outcome::Anders));
    // A case registered under the wrong family moves to the right child.
    edit_case(&mut store, now, fx.case_elif, |c| {
        (c.family, c.child) = (fx.wang, fx.zoe)
    });
    let moved = row(&store, fx.case_elif);
    assert_eq!(
        (moved.family, moved.child_name.as_str()),
        (fx.wang, "Zoë 🦄 de Boer")
    );
    assert!(store
        .cases_of_family(fx.celik)
        .unwrap()
        .iter()
        .all(|c| c.id != fx.case_elif));
    for case in [fx.case_emre, fx.case_xiaoming, fx.case_elif] {
        assert_eq!(kinds(&store, case).last(), Some(&EventKind::CaseEdited));
        assert_eq!(store.case(case).unwrap().unwrap().last_activity, now);
    }
    assert_consistent(&store);
}
