//! A small, realistic case book built through the store's own API, shared by the integration
//! tests. Everything is fictional. "Today" is fixed: Monday 23 November 2026.
#![allow(dead_code)]

use chrono::{NaiveDate, NaiveDateTime};
use std::path::Path;
use std::time::{Duration, Instant};
use tandem::domain::{
    Action, ActionId, ActionSummary, AgendaItem, Agreement, Carer, Case, CaseId, CaseStatus,
    CaseSummary, Child, ChildId, Consent, ConsentStatus, EventKind, Family, FamilyId, Involvement,
    Lead, Meeting, MeetingId, Outcome, Person, PersonId, Reason, Side, SignalSource,
};
use tandem::store::{Store, StoreError};
use tempfile::TempDir;

/// The fixed "today" of every test: Monday 23 November 2026.
pub const TODAY: &str = "2026-11-23";

pub fn today() -> NaiveDate {
    day(2026, 11, 23)
}

pub fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).expect("valid date")
}

/// A moment: "now" as the store's operations take it.
pub type Time = NaiveDateTime;
/// Who takes an action: the owner (if known) and the side.
pub type Who = (Option<PersonId>, Side);
/// A deadline, if any.
pub type Due = Option<NaiveDate>;

pub fn at(date: NaiveDate, h: u32, m: u32) -> NaiveDateTime {
    date.and_hms_opt(h, m, 0).expect("valid time")
}

/// The ids of everything the fixture made, by role in the story.
///
/// Cases: Emre Çelik lopend (flagged, consents given and refused), Elif Çelik aangemeld, Minh
/// Nguyễn intake, Yasmina El Idrissi closed then reopened, 王小明 closed, Zoë 🦄 de Boer lopend.
///
/// Actions (today is Monday 23-11-2026): Emre's `a_overdue_o` (onderwijs, Sanne, 16-11),
/// `a_overdue_z` (zorg, Jeroen, 20-11), `a_friday` (zorg, Jeroen, 27-11), `a_no_deadline`
/// (onderwijs, Pieter); Minh's `a_today` (zorg, Fatima) and `a_dec12` (onderwijs, Sanne);
/// Yasmina's `a_dec1` (zorg, Lotte) and `a_done_yasmina` (10-11, done); 王小明's
/// `a_done_xiaoming` (01-10, done); Zoë's `a_jan15` (onderwijs, Pieter, 2027) and `a_no_owner`
/// (zorg, 30-11); Elif's `a_done_elif` (no deadline, done).
#[derive(Debug, Clone)]
#[rustfmt::skip]
pub struct Fixture {
    pub sanne: PersonId, pub jeroen: PersonId, pub fatima: PersonId, pub pieter: PersonId,
    pub lotte: PersonId,
    pub celik: FamilyId, pub nguyen: FamilyId, pub wang: FamilyId,
    pub emre: ChildId, pub elif: ChildId, pub minh: ChildId, pub yasmina: ChildId,
    pub xiaoming: ChildId, pub zoe: ChildId,
    pub case_emre: CaseId, pub case_elif: CaseId, pub case_minh: CaseId,
    pub case_yasmina: CaseId, pub case_xiaoming: CaseId, pub case_zoe: CaseId,
    pub a_overdue_o: ActionId, pub a_overdue_z: ActionId, pub a_friday: ActionId,
    pub a_no_deadline: ActionId, pub a_today: ActionId, pub a_dec12: ActionId,
    pub a_dec1: ActionId, pub a_done_yasmina: ActionId, pub a_done_xiaoming: ActionId,
    pub a_jan15: ActionId, pub a_no_owner: ActionId, pub a_done_elif: ActionId,
    pub meeting: MeetingId,
}

impl Fixture {
    /// Open actions in the order `actions` lists them: by deadline, then id; no deadline last.
    pub fn open_in_order(&self) -> Vec<ActionId> {
        vec![
            self.a_overdue_o,
            self.a_overdue_z,
            self.a_today,
            self.a_friday,
            self.a_no_owner,
            self.a_dec1,
            self.a_dec12,
            self.a_jan15,
            self.a_no_deadline,
        ]
    }

    pub fn done_ids(&self) -> Vec<ActionId> {
        vec![self.a_done_yasmina, self.a_done_xiaoming, self.a_done_elif]
    }
}

/// A fresh store in a temp dir, filled with the fixture.
pub fn store_with_fixture() -> (TempDir, Store, Fixture) {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut store = Store::open(dir.path()).expect("open store");
    let fx = build(&mut store);
    (dir, store, fx)
}

/// A data dir holding the fixture, closed again so the binary can open it.
pub fn fixture_dir() -> (TempDir, Fixture) {
    let (dir, store, fx) = store_with_fixture();
    drop(store);
    wait_unlocked(dir.path());
    (dir, fx)
}

/// How long a just-closed store may stay locked. A process spawned by another test while the
/// store was open holds a copy of sled's locked file descriptor until it execs (measured: up to
/// ~11 ms under load); nothing in tandem is at fault then.
const LOCK_GRACE: Duration = Duration::from_secs(5);

/// Waits until no one holds the lock on the closed store in `dir`.
pub fn wait_unlocked(dir: &Path) {
    let deadline = Instant::now() + LOCK_GRACE;
    loop {
        let file = std::fs::OpenOptions::new()
            .read(true)
            .write(true)
            .open(dir.join("db"))
            .expect("open sled's db file");
        match file.try_lock() {
            // Unlocked explicitly: a child spawned meanwhile may hold a copy of this descriptor.
            Ok(()) => return file.unlock().expect("unlock"),
            Err(_) if Instant::now() < deadline => std::thread::yield_now(),
            Err(e) => panic!("store in {} still locked: {e}", dir.display()),
        }
    }
}

/// Opens a store that was just closed (see [`LOCK_GRACE`]).
pub fn reopen(dir: &Path) -> Store {
    let deadline = Instant::now() + LOCK_GRACE;
    loop {
        match Store::open(dir) {
            Ok(store) => return store,
            Err(StoreError::Locked(_)) if Instant::now() < deadline => std::thread::yield_now(),
            Err(e) => panic!("reopen {}: {e:?}", dir.display()),
        }
    }
}

pub fn person(id: PersonId, name: &str, role: &str, org: &str, side: Side) -> Person {
    Person {
        id,
        name: name.into(),
        role: role.into(),
        organisation: org.into(),
        side,
        phone: "0591-123456".into(),
        email: format!("{}@example.nl", role.replace(' ', ".")),
        offer: format!("{role} bij {org}"),
    }
}

pub fn child(id: ChildId, first: &str, last: &str, groep: &str) -> Child {
    Child {
        id,
        first_name: first.into(),
        last_name: last.into(),
        birth_date: Some(day(2018, 3, 14)),
        school: "De Regenboog".into(),
        groep: groep.into(),
    }
}

pub fn carer(name: &str, relation: &str) -> Carer {
    Carer {
        name: name.into(),
        relation: relation.into(),
        phone: "06-12345678".into(),
        email: String::new(),
        lives_with_child: true,
        authority: true,
    }
}

pub fn involvement(person: PersonId, role: &str) -> Involvement {
    Involvement {
        person,
        role: role.into(),
        from: Some(day(2026, 9, 1)),
        until: None,
    }
}

pub fn new_case(id: CaseId, family: FamilyId, kid: ChildId, question: &str, t: Time) -> Case {
    Case::new(
        id,
        family,
        kid,
        question.into(),
        SignalSource::Ouder,
        t.date(),
        t,
    )
}

/// A new open action; `who` is the owner and the side.
pub fn new_action(id: ActionId, case: CaseId, text: &str, who: Who, due: Due, t: Time) -> Action {
    Action {
        id,
        case,
        text: text.into(),
        owner: who.0,
        side: who.1,
        deadline: due,
        created: t,
        meeting: None,
        done: None,
    }
}

/// Saves a new person through `save_person`, with an id from a unit of work.
pub fn add_person(s: &mut Store, t: Time, name: &str, role: &str, side: Side) -> PersonId {
    let id = s.begin().person_id();
    let p = person(id, name, role, "Welzijn Emmen", side);
    s.save_person(t, p).expect("save person");
    id
}

/// Saves a new case (status aangemeld) through `save_case`.
pub fn add_case(s: &mut Store, t: Time, family: FamilyId, kid: ChildId, q: &str) -> CaseId {
    let id = s.begin().case_id();
    s.save_case(t, new_case(id, family, kid, q, t))
        .expect("save case");
    id
}

/// Saves a new action through `save_action`.
pub fn add_action(
    s: &mut Store,
    t: Time,
    case: CaseId,
    text: &str,
    who: Who,
    due: Due,
) -> ActionId {
    let id = s.begin().action_id();
    s.save_action(t, new_action(id, case, text, who, due, t))
        .expect("save action");
    id
}

/// Changes a case through `save_case`.
pub fn edit_case(s: &mut Store, t: Time, id: CaseId, f: impl FnOnce(&mut Case)) {
    let mut case = s.case(id).expect("read case").expect("case exists");
    f(&mut case);
    s.save_case(t, case).expect("save case");
}

/// A family with two children, saved through `save_family`; ids from one unit of work.
type Kid<'a> = (&'a str, &'a str, &'a str);
fn add_family(
    s: &mut Store,
    t: Time,
    name: &str,
    carers: [(&str, &str); 2],
    kids: [Kid; 2],
    network: &[(PersonId, &str)],
) -> (FamilyId, ChildId, ChildId) {
    let mut ids = s.begin();
    let (id, first, second) = (ids.family_id(), ids.child_id(), ids.child_id());
    let family = Family {
        id,
        name: name.into(),
        carers: carers.iter().map(|(n, r)| carer(n, r)).collect(),
        children: vec![
            child(first, kids[0].0, kids[0].1, kids[0].2),
            child(second, kids[1].0, kids[1].1, kids[1].2),
        ],
        network: network.iter().map(|(p, r)| involvement(*p, r)).collect(),
    };
    s.save_family(t, family).expect("save family");
    (id, first, second)
}

/// Builds the fixture in `store`.
pub fn build(store: &mut Store) -> Fixture {
    let t0 = at(day(2026, 9, 7), 9, 0);
    let [sanne, jeroen, fatima, pieter, lotte] = add_people(store, t0);
    let t1 = at(day(2026, 9, 14), 10, 0);
    let (celik, emre, elif) = add_family(
        store,
        t1,
        "Çelik",
        [("Ayşe Çelik", "moeder"), ("Mehmet Çelik", "vader")],
        [("Emre", "Çelik", "5"), ("Elif", "Çelik", "1/2")],
        &[(sanne, "onderwijscoach"), (jeroen, "gezinscoach")],
    );
    let (nguyen, minh, yasmina) = add_family(
        store,
        t1,
        "Nguyễn / El Idrissi",
        [("Thị Lan Nguyễn", "moeder"), ("Karim El Idrissi", "vader")],
        [("Minh", "Nguyễn", "7"), ("Yasmina", "El Idrissi", "4")],
        &[(fatima, "jeugdverpleegkundige")],
    );
    let (wang, xiaoming, zoe) = add_family(
        store,
        t1,
        "Wang / De Boer",
        [("王丽", "moeder"), ("Sjoerd de Boer", "pleegouder")],
        [("王小明", "", "8"), ("Zoë 🦄", "de Boer", "3")],
        &[(lotte, "budgetcoach"), (pieter, "leerkracht")],
    );

    // Cases, walked through their statuses.
    let t2 = at(day(2026, 9, 21), 11, 0);
    let case_emre = add_case(store, t2, celik, emre, "Emre slaapt slecht, is moe");
    let case_elif = add_case(store, t2, celik, elif, "Elif wil niet naar school");
    let case_minh = add_case(store, t2, nguyen, minh, "Moeite met de scheiding");
    let case_yasmina = add_case(store, t2, nguyen, yasmina, "Concentratie in de klas");
    let case_xiaoming = add_case(store, t2, wang, xiaoming, "Vragen over geld en kleding");
    let case_zoe = add_case(store, t2, wang, zoe, "Zoë 🦄 wordt gepest");
    let people = People {
        sanne,
        jeroen,
        fatima,
        pieter,
        lotte,
    };
    walk_cases(
        store,
        &people,
        [case_emre, case_minh, case_yasmina, case_xiaoming, case_zoe],
    );

    let cases = [
        case_emre,
        case_elif,
        case_minh,
        case_yasmina,
        case_xiaoming,
        case_zoe,
    ];
    #[rustfmt::skip]
    let [a_overdue_o, a_overdue_z, a_friday, a_no_deadline, a_today, a_dec12, a_dec1,
         a_done_yasmina, a_done_xiaoming, a_jan15, a_no_owner, a_done_elif] =
        add_actions(store, &people, cases);
    let t7 = at(day(2026, 11, 9), 15, 0);
    for id in [a_done_yasmina, a_done_xiaoming, a_done_elif] {
        store
            .set_action_done(t7, id, true, Some(sanne))
            .expect("mark done");
    }
    let meeting = add_last_meeting(
        store,
        &people,
        (case_emre, celik),
        (case_minh, nguyen),
        a_friday,
    );

    #[rustfmt::skip]
    let fx = Fixture {
        sanne, jeroen, fatima, pieter, lotte, celik, nguyen, wang, emre, elif, minh, yasmina,
        xiaoming, zoe, case_emre, case_elif, case_minh, case_yasmina, case_xiaoming, case_zoe,
        a_overdue_o, a_overdue_z, a_friday, a_no_deadline, a_today, a_dec12, a_dec1,
        a_done_yasmina, a_done_xiaoming, a_jan15, a_no_owner, a_done_elif, meeting,
    };
    fx
}

/// The fixture's five professionals.
struct People {
    sanne: PersonId,
    jeroen: PersonId,
    fatima: PersonId,
    pieter: PersonId,
    lotte: PersonId,
}

/// Sanne, Jeroen, Fatima, Pieter and Lotte, in that order.
fn add_people(store: &mut Store, t0: Time) -> [PersonId; 5] {
    let (o, z) = (Side::Onderwijs, Side::Zorg);
    [
        add_person(store, t0, "Sanne de Vries", "onderwijscoach", o),
        add_person(store, t0, "Jeroen Bakker", "gezinscoach", z),
        add_person(store, t0, "Fatima El Amrani", "jeugdverpleegkundige", z),
        add_person(store, t0, "Pieter Jansen", "leerkracht", o),
        add_person(store, t0, "Lotte Mulder", "budgetcoach", z),
    ]
}

/// Emre's case runs (flagged, consents given and refused), Minh's is at intake, Yasmina's,
/// 王小明's and Zoë's run; Yasmina's and 王小明's close, Yasmina's reopens.
fn walk_cases(store: &mut Store, p: &People, cases: [CaseId; 5]) {
    let [case_emre, case_minh, case_yasmina, case_xiaoming, case_zoe] = cases;
    let (o, z) = (Side::Onderwijs, Side::Zorg);
    let t3 = at(day(2026, 9, 28), 9, 30);
    let consent = |person, status, note: &str| Consent {
        person,
        status,
        date: Some(day(2026, 9, 25)),
        note: note.into(),
        given_by: String::new(),
    };
    edit_case(store, t3, case_emre, |c| {
        c.status = CaseStatus::Lopend;
        c.intake_date = Some(day(2026, 9, 25));
        c.support_date = Some(day(2026, 9, 28));
        c.lead = Lead {
            side: Some(o),
            person: Some(p.sanne),
        };
        c.flagged = true;
        c.set_consent(consent(
            p.jeroen,
            ConsentStatus::Gegeven,
            "mondeling, moeder",
        ));
        c.set_consent(consent(p.fatima, ConsentStatus::Geweigerd, ""));
    });
    edit_case(store, t3, case_minh, |c| {
        c.status = CaseStatus::Intake;
        c.intake_date = Some(day(2026, 9, 30));
    });
    for id in [case_yasmina, case_xiaoming, case_zoe] {
        edit_case(store, t3, id, |c| {
            c.status = CaseStatus::Lopend;
            c.lead.side = Some(z);
        });
    }
    let t4 = at(day(2026, 10, 12), 14, 0);
    edit_case(store, t4, case_yasmina, |c| {
        c.close(t4.date(), Outcome::KortdurendeInterventie);
    });
    edit_case(store, t4, case_xiaoming, |c| {
        c.close(t4.date(), Outcome::ZelfstandigVerder);
    });
    let t5 = at(day(2026, 11, 2), 13, 15);
    edit_case(store, t5, case_yasmina, |c| {
        c.reopen(t5.date());
    });
}

/// The twelve actions, all open: overdue, due this week, later, without a deadline (and the
/// three that [`build`] marks done), in the order of [`Fixture`]'s fields.
fn add_actions(store: &mut Store, p: &People, cases: [CaseId; 6]) -> [ActionId; 12] {
    let [case_emre, case_elif, case_minh, case_yasmina, case_xiaoming, case_zoe] = cases;
    let (o, z) = (Side::Onderwijs, Side::Zorg);
    let People {
        sanne,
        jeroen,
        fatima,
        pieter,
        lotte,
    } = *p;
    let t6 = at(day(2026, 10, 5), 10, 0);
    let d = |m, dd| Some(day(if m < 9 { 2027 } else { 2026 }, m, dd));
    #[rustfmt::skip]
    let specs = [
        (case_emre, "Handvatten voor de leerkracht", Some(sanne), o, d(11, 16)),
        (case_emre, "Gesprek met moeder over slaap", Some(jeroen), z, d(11, 20)),
        (case_emre, "Mee naar de kledingbank", Some(jeroen), z, d(11, 27)),
        (case_emre, "Observatie in de klas", Some(pieter), o, None),
        (case_minh, "Huisbezoek jeugdverpleegkundige", Some(fatima), z, Some(today())),
        (case_minh, "Overdracht naar groep 8 voorbereiden", Some(sanne), o, d(12, 12)),
        (case_yasmina, "Budgetcoach inschakelen", Some(lotte), z, d(12, 1)),
        (case_yasmina, "Plek vooraan in de klas", Some(sanne), o, d(11, 10)),
        (case_xiaoming, "Formulieren invullen 📝", Some(jeroen), z, d(10, 1)),
        (case_zoe, "Kanjertraining aanvragen 🦄", Some(pieter), o, d(1, 15)),
        (case_zoe, "Jongerenwerker vragen", None, z, d(11, 30)),
        (case_elif, "Gesprek met Elif", Some(lotte), z, None),
    ];
    specs
        .map(|(case, text, owner, side, due)| add_action(store, t6, case, text, (owner, side), due))
}

/// Last week's meeting, with agenda items and agreements about Emre's and Minh's cases (with
/// their families), in one unit of work; `a_friday` was added in it.
fn add_last_meeting(
    store: &mut Store,
    p: &People,
    (case_emre, celik): (CaseId, FamilyId),
    (case_minh, nguyen): (CaseId, FamilyId),
    a_friday: ActionId,
) -> MeetingId {
    let t8 = at(day(2026, 11, 16), 8, 30);
    let mut ch = store.begin();
    let meeting = ch.meeting_id();
    let item = |case, reasons, agreement: &str, m| AgendaItem {
        case,
        reasons,
        notes: "Moeder is positief over de slaapafspraken.".into(),
        agreements: vec![Agreement {
            text: agreement.into(),
            at: at(t8.date(), 8, m),
        }],
        actions_added: vec![],
        actions_done: vec![],
        timebox_minutes: 10,
        seconds_spent: 540,
        discussed: true,
    };
    let kledingbank = "Jeroen gaat mee naar de kledingbank";
    let reasons = vec![Reason::Flagged, Reason::Overdue];
    let mut first = item(case_emre, reasons, kledingbank, 40);
    first.actions_added = vec![a_friday];
    let second = item(case_minh, vec![Reason::New], "Intake vóór 1 december", 50);
    ch.put_meeting(Meeting {
        id: meeting,
        date: t8.date(),
        attendees: vec![p.sanne, p.jeroen],
        items: vec![first, second],
        started: Some(t8),
        ended: Some(at(t8.date(), 9, 15)),
        current: 1,
    });
    let agreed = EventKind::AgreementRecorded {
        meeting,
        text: kledingbank.into(),
    };
    let discussed = EventKind::Discussed { meeting };
    let events = [
        (None, None, EventKind::MeetingStarted { meeting }),
        (Some(case_emre), Some(celik), discussed.clone()),
        (Some(case_emre), Some(celik), agreed),
        (Some(case_minh), Some(nguyen), discussed),
        (None, None, EventKind::MeetingEnded { meeting }),
    ];
    for (case, family, kind) in events {
        ch.event(t8, case, family, kind);
    }
    store.commit(ch).expect("commit meeting");
    meeting
}

/// The case row as it should be, worked out by hand from the records (not via `derive`).
pub fn expected_case_row(case: &Case, family: &Family, actions: &[Action]) -> CaseSummary {
    let kid = family.child(case.child).expect("child");
    let name = if kid.last_name.is_empty() {
        kid.first_name.clone()
    } else {
        format!("{} {}", kid.first_name, kid.last_name)
    };
    let mine: Vec<&Action> = actions
        .iter()
        .filter(|a| a.case == case.id && a.done.is_none())
        .collect();
    let count = |side| mine.iter().filter(|a| a.side == side).count() as u32;
    CaseSummary {
        id: case.id,
        family: family.id,
        child: kid.id,
        child_name: name,
        family_name: family.name.clone(),
        groep: kid.groep.clone(),
        school: kid.school.clone(),
        question: case.question.clone(),
        status: case.status,
        lead_side: case.lead.side,
        flagged: case.flagged,
        last_activity: case.last_activity,
        open_onderwijs: count(Side::Onderwijs),
        open_zorg: count(Side::Zorg),
        next_deadline: mine.iter().filter_map(|a| a.deadline).min(),
    }
}

/// Sort key of an action list: deadline (none last), then id.
pub fn due_order(a: &ActionSummary) -> (bool, Option<NaiveDate>, ActionId) {
    (a.deadline.is_none(), a.deadline, a.id)
}

/// The binary under test.
pub fn bin() -> &'static str {
    env!("CARGO_BIN_EXE_tandem")
}

/// `tandem --data-dir DIR` as a plain command, with "today" fixed at `today` and the language
/// and data dir from the environment cleared. Every helper that runs the binary starts here.
pub fn tandem_on(dir: &Path, today: &str) -> std::process::Command {
    let mut cmd = std::process::Command::new(bin());
    cmd.env("TANDEM_TODAY", today)
        .env_remove("TANDEM_LANG")
        .env_remove("TANDEM_DATA_DIR")
        .env("RUST_BACKTRACE", "1")
        .arg("--data-dir")
        .arg(dir);
    cmd
}

/// `tandem` the binary, on `dir`, with today fixed and the language and data dir from the
/// environment cleared.
pub fn tandem(dir: &Path) -> assert_cmd::Command {
    assert_cmd::Command::from_std(tandem_on(dir, TODAY))
}

/// Runs the binary once and returns (exit ok, stdout, stderr).
pub fn run_once(dir: &Path, args: &[&str]) -> (bool, String, String) {
    let out = tandem(dir).args(args).output().expect("run tandem");
    (
        out.status.success(),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

/// Runs the binary on a store no one holds open; a refusal because the lock of a just-closed
/// store is still held by a spawning neighbour (see [`LOCK_GRACE`]) is retried.
pub fn run(dir: &Path, args: &[&str]) -> (bool, String, String) {
    let deadline = Instant::now() + LOCK_GRACE;
    loop {
        let (ok, stdout, stderr) = run_once(dir, args);
        let locked = stderr.contains("al geopend") || stderr.contains("already open");
        if ok || !locked || Instant::now() >= deadline {
            return (ok, stdout, stderr);
        }
    }
}

/// Asserts a clean user-facing failure: non-zero exit, exactly one line on stderr, no panic, no
/// backtrace, nothing on stdout.
pub fn assert_one_line_failure(dir: &Path, args: &[&str]) -> String {
    check_one_line_failure(args, run(dir, args))
}

/// As [`assert_one_line_failure`], for a run whose result is already known.
pub fn check_one_line_failure(
    args: &[&str],
    (ok, stdout, stderr): (bool, String, String),
) -> String {
    assert!(!ok, "{args:?} should fail; stdout: {stdout}");
    assert_eq!(stdout, "", "{args:?}: nothing on stdout");
    let lines = stderr.lines().count();
    assert_eq!(lines, 1, "{args:?}: one line on stderr, got {stderr:?}");
    assert_no_panic(&stderr);
    stderr
}

pub fn assert_no_panic(stderr: &str) {
    assert!(!stderr.contains("panicked"), "panic: {stderr}");
    assert!(!stderr.contains("stack backtrace"), "backtrace: {stderr}");
    assert!(!stderr.contains("RUST_BACKTRACE"), "hint: {stderr}");
}

/// What `tandem import` read in: the store's export without the one event the import adds to
/// the timeline (who imported, when, from what file) and without the id it took. Compared with
/// the file, it must be the same document (issue 12: the import keeps the imported trail).
pub fn as_imported(export: &str) -> tandem::store::export::ExportDoc {
    let mut doc: tandem::store::export::ExportDoc =
        serde_json::from_str(export).expect("an export");
    let before = doc.events.len();
    doc.events
        .retain(|e| !matches!(e.kind, tandem::domain::EventKind::ImportedFrom { .. }));
    doc.next_ids.event -= (before - doc.events.len()) as u64;
    doc
}

/// A document as the file at `path` holds it.
pub fn doc_in(path: &Path) -> tandem::store::export::ExportDoc {
    serde_json::from_slice(&std::fs::read(path).expect("read")).expect("an export")
}
